// SPDX-License-Identifier: GPL-3.0-or-later
// Real roots of integer polynomials (see real_roots.hpp). Isolation counts roots with Sturm's
// theorem (sign variations of the Sturm sequence at the ends of an interval, computed exactly
// over Q) and bisects [-B, B], B a power of two above Cauchy's bound, until each interval holds
// one root; refinement is bisection on the exact sign of p at dyadic rationals.
#include "calculus/real_roots.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <utility>

#include "calculus/poly_convert.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"

namespace ddx::calc::poly {
namespace {

using QPoly = std::vector<mpq_class>;  // lowest power first, no trailing zeros

void trim(QPoly& a) {
  while (!a.empty() && a.back() == 0) a.pop_back();
}

QPoly to_q(const ZPoly& p) {
  QPoly q(p.begin(), p.end());
  trim(q);
  return q;
}

// The remainder of a on division by b (b nonzero).
QPoly remainder(QPoly a, const QPoly& b) {
  std::size_t db = b.size() - 1;
  while (a.size() >= b.size()) {
    check_interrupt();
    mpq_class c = a.back() / b.back();
    std::size_t shift = a.size() - b.size();
    for (std::size_t j = 0; j <= db; ++j) a[shift + j] -= c * b[j];
    charge(static_cast<double>(b.size()));
    a.pop_back();  // exactly zero now
    trim(a);
  }
  return a;
}

// Scaled by a positive rational so that the coefficients are small integers (the signs, all
// that Sturm needs, stay).
void normalise(QPoly& a) {
  mpz_class den = 1, g = 0;
  for (const mpq_class& c : a) mpz_lcm(den.get_mpz_t(), den.get_mpz_t(), c.get_den_mpz_t());
  for (mpq_class& c : a) {
    c *= den;
    mpz_gcd(g.get_mpz_t(), g.get_mpz_t(), c.get_num_mpz_t());
  }
  if (g > 1)
    for (mpq_class& c : a) c /= g;
}

std::vector<QPoly> sturm_sequence(const ZPoly& p) {
  std::vector<QPoly> s{to_q(p)};
  QPoly d;
  for (std::size_t k = 1; k < p.size(); ++k) d.push_back(mpq_class(p[k] * static_cast<unsigned long>(k)));
  trim(d);
  s.push_back(std::move(d));
  while (!s.back().empty() && s.back().size() > 1) {
    QPoly r = remainder(s[s.size() - 2], s.back());
    for (mpq_class& c : r) c = -c;
    normalise(r);
    if (r.empty()) break;
    s.push_back(std::move(r));
  }
  return s;
}

int sign_q(const QPoly& p, const mpq_class& x) {
  mpq_class v = 0;
  for (std::size_t k = p.size(); k-- > 0;) v = v * x + p[k];
  return sgn(v);
}

int variations(const std::vector<int>& signs) {
  int v = 0, last = 0;
  for (int s : signs) {
    if (s == 0) continue;
    if (last != 0 && s != last) ++v;
    last = s;
  }
  return v;
}

int variations_at(const std::vector<QPoly>& s, const mpq_class& x) {
  std::vector<int> signs;
  for (const QPoly& p : s) signs.push_back(sign_q(p, x));
  charge(static_cast<double>(s.size() * s.front().size()));
  return variations(signs);
}

// Variations at +infinity (positive) or -infinity.
int variations_at_infinity(const std::vector<QPoly>& s, bool positive) {
  std::vector<int> signs;
  for (const QPoly& p : s) {
    int sg = sgn(p.back());
    if (!positive && (p.size() - 1) % 2 == 1) sg = -sg;
    signs.push_back(sg);
  }
  return variations(signs);
}

// A power of two above the absolute value of every real root (Cauchy: 1 + max |a_k / a_n|).
mpq_class root_bound(const ZPoly& p) {
  mpq_class m = 0;
  for (std::size_t k = 0; k + 1 < p.size(); ++k) {
    mpq_class r(abs(p[k]), abs(p.back()));
    r.canonicalize();
    m = std::max(m, r);
  }
  mpq_class b = 1;
  while (b <= m + 1) b *= 2;
  return b;
}

// The real roots of an irreducible p(x) = q(x^k), k >= 2, q of degree 1 or 2, as radicals
// (k-th roots of q's roots) with rough approximations; nullopt for other polynomials.
std::optional<std::vector<std::pair<Expr, mpq_class>>> radical_roots(const ZPoly& p, int bits) {
  std::size_t d = degree(p), k = 0;
  for (std::size_t i = 1; i <= d; ++i)
    if (p[i] != 0) k = std::gcd(k, i);
  if (k < 2 || d / k > 2) return std::nullopt;
  ZPoly q;
  for (std::size_t j = 0; j * k <= d; ++j) q.push_back(p[j * k]);
  std::vector<std::pair<Expr, mpq_class>> out;
  Expr root_index = num(Number::rational(1, static_cast<long long>(k)));
  for (const RealRoot& y : real_roots_of_irreducible(q, bits)) {
    double magnitude = std::pow(std::abs(y.approx.get_d()), 1.0 / static_cast<double>(k));
    if (y.approx > 0) {
      Expr r = pow(y.value, root_index);
      out.emplace_back(r, mpq_class(magnitude));
      if (k % 2 == 0) out.emplace_back(-r, mpq_class(-magnitude));
    } else if (k % 2 == 1) {
      out.emplace_back(-pow(-y.value, root_index), mpq_class(-magnitude));
    }
  }
  return out;
}

}  // namespace

mpq_class value_at(const ZPoly& p, const mpq_class& x) {
  mpq_class v = 0;
  for (std::size_t k = p.size(); k-- > 0;) v = v * x + p[k];
  return v;
}

int sign_at(const ZPoly& p, const mpq_class& x) { return sgn(value_at(p, x)); }

std::size_t count_real_roots(const ZPoly& p) {
  if (degree(p) == 0) return 0;
  std::vector<QPoly> s = sturm_sequence(p);
  return static_cast<std::size_t>(variations_at_infinity(s, false) - variations_at_infinity(s, true));
}

std::vector<RootInterval> isolate_real_roots(const ZPoly& p) {
  std::vector<RootInterval> out;
  if (degree(p) == 0) return out;
  std::vector<QPoly> s = sturm_sequence(p);
  mpq_class b = root_bound(p);
  struct Open {
    mpq_class lo, hi;
    int vlo, vhi;
  };
  std::vector<Open> todo{{-b, b, variations_at(s, -b), variations_at(s, b)}};
  while (!todo.empty()) {
    check_interrupt();
    Open iv = std::move(todo.back());
    todo.pop_back();
    int count = iv.vlo - iv.vhi;  // roots in (lo, hi]; neither end is a root
    if (count <= 0) continue;
    if (count == 1) {
      out.push_back({iv.lo, iv.hi});
      continue;
    }
    mpq_class mid = (iv.lo + iv.hi) / 2;
    // A rational root at the midpoint: move off it (it is isolated by a small step).
    for (int tries = 0; sign_at(p, mid) == 0; ++tries) {
      if (tries > 60) throw MathError("critical: could not isolate the real roots of a polynomial");
      mid += (iv.hi - iv.lo) / 1024 / (tries + 3);
    }
    int vmid = variations_at(s, mid);
    todo.push_back({mid, iv.hi, vmid, iv.vhi});
    todo.push_back({iv.lo, mid, iv.vlo, vmid});
  }
  std::sort(out.begin(), out.end(), [](const RootInterval& a, const RootInterval& c) { return a.lo < c.lo; });
  // Interval ends that are roots themselves (possible only at a rational root of p): shrink to it.
  for (RootInterval& r : out)
    if (sign_at(p, r.hi) == 0) r.lo = r.hi;
  return out;
}

void refine(const ZPoly& p, RootInterval& r, int bits) {
  if (r.lo == r.hi) return;
  mpq_class width(1);
  mpz_mul_2exp(width.get_den_mpz_t(), width.get_den_mpz_t(), static_cast<mp_bitcnt_t>(bits));
  width.canonicalize();
  int slo = sign_at(p, r.lo);
  while (r.hi - r.lo >= width) {
    check_interrupt();
    charge(static_cast<double>(p.size()));
    mpq_class mid = (r.lo + r.hi) / 2;
    int sm = sign_at(p, mid);
    if (sm == 0) {
      r.lo = r.hi = mid;
      return;
    }
    if (sm == slo) r.lo = mid;
    else r.hi = mid;
  }
}

std::vector<RealRoot> real_roots_of_irreducible(const ZPoly& p, int bits) {
  std::vector<RealRoot> out;
  std::size_t d = degree(p);
  if (d == 0) return out;
  if (d == 1) {  // p[1] x + p[0]
    mpq_class r(-p[0], p[1]);
    r.canonicalize();
    out.push_back({true, num(to_number(r)), r});
    return out;
  }
  std::vector<RootInterval> roots = isolate_real_roots(p);
  for (RootInterval& iv : roots) refine(p, iv, bits);
  if (d == 2) {  // a x^2 + b x + c: (-b -+ sqrt(D)) / (2a), a > 0 for a positive leading coefficient
    const mpz_class &a = p[2], &b = p[1], &c = p[0];
    mpz_class disc = b * b - 4 * a * c;
    if (disc <= 0) return out;
    Expr root = sqrt(num(to_number(disc)));
    Expr den = num(to_number(mpz_class(2 * a)));
    for (std::size_t k = 0; k < roots.size(); ++k) {
      bool upper = (k == 1) == (a > 0);
      Expr v = (num(to_number(mpz_class(-b))) + (upper ? root : -root)) / den;
      out.push_back({true, v, (roots[k].lo + roots[k].hi) / 2});
    }
    return out;
  }
  for (const RootInterval& iv : roots) out.push_back({false, Expr(), (iv.lo + iv.hi) / 2});
  if (auto exact = radical_roots(p, bits); exact && exact->size() == out.size()) {
    // The same roots: each exact one takes the isolated approximation nearest to it.
    for (const auto& [value, approx] : *exact) {
      std::size_t best = 0;
      for (std::size_t k = 1; k < out.size(); ++k)
        if (abs(out[k].approx - approx) < abs(out[best].approx - approx)) best = k;
      out[best].exact = true;
      out[best].value = value;
    }
  }
  return out;
}

ZPoly dense(const Poly& p, std::size_t var) {
  ZPoly out(degree(p, var) + 1);
  for (const Term& t : p.terms) out[t.e[var]] += t.c;
  while (!out.empty() && out.back() == 0) out.pop_back();
  return out;
}

}  // namespace ddx::calc::poly
