// SPDX-License-Identifier: GPL-3.0-or-later
// Univariate factorisation over Z by Zassenhaus's algorithm (von zur Gathen & Gerhard, Modern
// Computer Algebra, 15.19): factor mod a small prime p (the one of a few with fewest factors),
// Hensel-lift the factors to p^l above the Mignotte bound (quadratic lifting down a binary tree,
// MCA 15.10/15.17), then recombine subsets of lifted factors, smallest first, accepting a subset
// when the norm bound proves that it is a true factor.
#include <algorithm>
#include <span>
#include <string>
#include <utility>

#include "calculus/poly.hpp"
#include "calculus/poly_univariate.hpp"

namespace ddx::calc::poly {
namespace {

// Recombination tries at most this many subsets (the problem is exponential in the number of
// modular factors for rare polynomials such as Swinnerton-Dyer's).
constexpr double max_subsets = 200'000;

ZPoly trim(ZPoly a) {
  while (!a.empty() && a.back() == 0) a.pop_back();
  return a;
}

ZPoly add(const ZPoly& a, const ZPoly& b) {
  ZPoly r(std::max(a.size(), b.size()));
  for (std::size_t i = 0; i < a.size(); ++i) r[i] = a[i];
  for (std::size_t i = 0; i < b.size(); ++i) r[i] += b[i];
  return trim(std::move(r));
}

ZPoly sub(const ZPoly& a, const ZPoly& b) {
  ZPoly r(std::max(a.size(), b.size()));
  for (std::size_t i = 0; i < a.size(); ++i) r[i] = a[i];
  for (std::size_t i = 0; i < b.size(); ++i) r[i] -= b[i];
  return trim(std::move(r));
}

ZPoly mul(const ZPoly& a, const ZPoly& b) {
  if (a.empty() || b.empty()) return {};
  charge(static_cast<double>(a.size() * b.size()));
  ZPoly r(a.size() + b.size() - 1);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) mpz_addmul(r[i + j].get_mpz_t(), a[i].get_mpz_t(), b[j].get_mpz_t());
  return trim(std::move(r));
}

// Coefficients reduced into the symmetric range (-m/2, m/2].
ZPoly symmetric_mod(ZPoly a, const mpz_class& m) {
  mpz_class half = m / 2;
  for (mpz_class& c : a) {
    mpz_fdiv_r(c.get_mpz_t(), c.get_mpz_t(), m.get_mpz_t());
    if (c > half) c -= m;
  }
  return trim(std::move(a));
}

// a = q b + r for a monic b (exact over Z).
void divmod_monic(const ZPoly& a, const ZPoly& b, ZPoly& q, ZPoly& r) {
  r = a;
  std::size_t db = b.size() - 1;
  q.assign(a.size() >= b.size() ? a.size() - db : 0, 0);
  charge(static_cast<double>(q.size() * b.size()));
  for (std::size_t k = q.size(); k-- > 0;) {
    q[k] = r[k + db];
    if (q[k] == 0) continue;
    for (std::size_t j = 0; j <= db; ++j) mpz_submul(r[k + j].get_mpz_t(), q[k].get_mpz_t(), b[j].get_mpz_t());
  }
  q = trim(std::move(q));
  r.resize(std::min(r.size(), db));
  r = trim(std::move(r));
}

// The symmetric representative of c mod m.
mpz_class symmetric(mpz_class c, const mpz_class& m) {
  mpz_fdiv_r(c.get_mpz_t(), c.get_mpz_t(), m.get_mpz_t());
  if (c > m / 2) c -= m;
  return c;
}

ZPoly from_field(const FPoly& a, std::uint64_t p) {
  ZPoly r(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    r[i] = a[i] > p / 2 ? mpz_class(-mpz_class(static_cast<unsigned long>(p - a[i])))
                        : mpz_class(static_cast<unsigned long>(a[i]));
  return trim(std::move(r));
}

mpz_class l1_norm(const ZPoly& a) {
  mpz_class s = 0;
  for (const mpz_class& c : a) s += abs(c);
  return s;
}

ZPoly primitive(ZPoly a) {
  mpz_class g = 0;
  for (const mpz_class& c : a) mpz_gcd(g.get_mpz_t(), g.get_mpz_t(), c.get_mpz_t());
  if (a.back() < 0) g = -g;
  for (mpz_class& c : a) mpz_divexact(c.get_mpz_t(), c.get_mpz_t(), g.get_mpz_t());
  return a;
}

// One quadratic Hensel step (MCA 15.10): from f = g h, s g + t h = 1 (mod m) with h monic, to the
// same mod m^2.
void hensel_step(const mpz_class& m, const ZPoly& f, ZPoly& g, ZPoly& h, ZPoly& s, ZPoly& t) {
  mpz_class m2 = m * m;
  ZPoly e = symmetric_mod(sub(f, mul(g, h)), m2);
  ZPoly q, r;
  divmod_monic(symmetric_mod(mul(s, e), m2), h, q, r);
  ZPoly g2 = symmetric_mod(add(g, add(mul(t, e), mul(q, g))), m2);
  ZPoly h2 = symmetric_mod(add(h, r), m2);
  ZPoly b = symmetric_mod(sub(add(mul(s, g2), mul(t, h2)), {1}), m2);
  ZPoly c, d;
  divmod_monic(symmetric_mod(mul(s, b), m2), h2, c, d);
  s = symmetric_mod(sub(s, d), m2);
  t = symmetric_mod(sub(t, add(mul(t, b), mul(c, g2))), m2);
  g = std::move(g2);
  h = std::move(h2);
}

// Lifts f = lc(f) prod(factors) (mod p) to monic F_i with f = lc(f) prod(F_i) (mod p^l), by
// splitting the factors in two halves, lifting that pair, and recursing into each half.
void hensel_lift(const PrimeField& k, const ZPoly& f, std::span<const FPoly> factors, const mpz_class& pl,
                 unsigned l, std::vector<ZPoly>& out) {
  std::uint64_t p = k.p();
  if (factors.size() == 1) {
    mpz_class inv;
    mpz_invert(inv.get_mpz_t(), f.back().get_mpz_t(), pl.get_mpz_t());
    ZPoly F = f;
    for (mpz_class& c : F) c *= inv;
    out.push_back(symmetric_mod(std::move(F), pl));
    return;
  }
  std::size_t half = factors.size() / 2;
  FPoly g = {k.reduce(f.back())}, h = {1};
  for (std::size_t i = 0; i < half; ++i) g = k.mul(g, factors[i]);
  for (std::size_t i = half; i < factors.size(); ++i) h = k.mul(h, factors[i]);
  FPoly s, t, one;
  k.gcdex(g, h, s, t, one);
  ZPoly G = from_field(g, p), H = from_field(h, p), S = from_field(s, p), T = from_field(t, p);
  mpz_class m = p;
  for (unsigned reached = 1; reached < l; reached *= 2) {
    hensel_step(m, f, G, H, S, T);
    m *= m;
  }
  hensel_lift(k, G, factors.subspan(0, half), pl, l, out);
  hensel_lift(k, H, factors.subspan(half), pl, l, out);
}

bool is_prime(std::uint64_t n) {
  if (n < 2) return false;
  for (std::uint64_t d = 2; d * d <= n; ++d)
    if (n % d == 0) return false;
  return true;
}

// Advances `index` through the k-subsets of {0..n-1} in lexicographic order; false at the end.
bool next_subset(std::vector<std::size_t>& index, std::size_t n) {
  std::size_t k = index.size();
  for (std::size_t i = k; i-- > 0;) {
    if (index[i] < n - k + i) {
      ++index[i];
      for (std::size_t j = i + 1; j < k; ++j) index[j] = index[j - 1] + 1;
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t degree(const ZPoly& a) { return a.empty() ? 0 : a.size() - 1; }

std::vector<ZPoly> factor_squarefree(const ZPoly& f0) {
  ZPoly f = f0;
  std::size_t n = degree(f);
  if (n <= 1) return {f};
  mpz_class A = 0;
  for (const mpz_class& c : f)
    if (mpz_cmpabs(c.get_mpz_t(), A.get_mpz_t()) > 0) A = abs(c);
  mpz_class b = f.back();
  // Mignotte: any factor's coefficients (times b) are at most B in absolute value.
  mpz_class root, B;
  mpz_sqrt(root.get_mpz_t(), mpz_class(n + 1).get_mpz_t());
  mpz_mul_2exp(B.get_mpz_t(), mpz_class((root + 1) * A * abs(b)).get_mpz_t(), n);

  // Choose a prime keeping f square-free and of full degree: of a few, the one with fewest factors
  // (counted by the distinct-degree factorisation; only the chosen one is split further).
  std::uint64_t best_p = 0;
  std::vector<std::pair<FPoly, std::size_t>> best_parts;
  std::size_t best_count = 0;
  int tried = 0;
  for (std::uint64_t p = 3; tried < 5 && p < (1u << 30); p += 2) {
    if (!is_prime(p) || mpz_divisible_ui_p(b.get_mpz_t(), static_cast<unsigned long>(p))) continue;
    PrimeField k(p);
    FPoly F = k.from_z(f);
    if (k.gcd(F, k.derivative(F)).size() != 1) continue;
    auto parts = k.distinct_degree(k.monic(F));
    std::size_t count = 0;
    for (const auto& [g, d] : parts) count += (g.size() - 1) / d;
    ++tried;
    if (best_p == 0 || count < best_count) best_p = p, best_parts = std::move(parts), best_count = count;
    if (best_count == 1) return {f};  // irreducible mod p, so over Z
    if (tried >= 3 && best_count < 12) break;
  }
  PrimeField k(best_p);
  std::vector<FPoly> best = k.split_equal_degree(best_parts);
  unsigned l = 1;
  mpz_class pl = best_p;
  while (pl <= 2 * B) pl *= best_p, ++l;
  std::vector<ZPoly> lifted;
  hensel_lift(k, f, best, pl, l, lifted);

  // Recombination: subsets of growing size s; a true factor found is removed with its subset.
  std::vector<ZPoly> found;
  std::vector<std::size_t> rest(lifted.size());
  for (std::size_t i = 0; i < rest.size(); ++i) rest[i] = i;
  double tried_subsets = 0;
  for (std::size_t s = 1; 2 * s <= rest.size();) {
    bool hit = false;
    std::vector<std::size_t> pick(s);
    for (std::size_t i = 0; i < s; ++i) pick[i] = i;
    do {
      if (++tried_subsets > max_subsets)
        refuse("too many modular factors to recombine (" + std::to_string(lifted.size()) + ")");
      charge(static_cast<double>(n));
      // Cheap test first: the constant term of b * prod(S) must divide b f(0).
      mpz_class c0 = b;
      for (std::size_t i : pick) c0 = c0 * lifted[rest[i]][0] % pl;
      c0 = symmetric(c0, pl);
      if (c0 != 0 && f[0] != 0 && !mpz_divisible_p(mpz_class(b * f[0]).get_mpz_t(), c0.get_mpz_t())) continue;
      std::vector<bool> in(rest.size(), false);
      for (std::size_t i : pick) in[i] = true;
      ZPoly g = {b}, h = {b};
      for (std::size_t i = 0; i < rest.size(); ++i) {
        ZPoly& side = in[i] ? g : h;
        side = symmetric_mod(mul(side, lifted[rest[i]]), pl);
      }
      // g h = b f (mod p^l), and both sides are below p^l/2 in size: so g h = b f exactly.
      if (l1_norm(g) * l1_norm(h) > B) continue;
      found.push_back(primitive(std::move(g)));
      f = primitive(std::move(h));
      b = f.back();
      std::vector<std::size_t> kept;
      for (std::size_t i = 0; i < rest.size(); ++i)
        if (!in[i]) kept.push_back(rest[i]);
      rest = std::move(kept);
      hit = true;
      break;
    } while (next_subset(pick, rest.size()));
    if (!hit) ++s;
  }
  found.push_back(f);
  return found;
}

}  // namespace ddx::calc::poly
