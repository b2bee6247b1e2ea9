// SPDX-License-Identifier: GPL-3.0-or-later
// Buchberger's algorithm (see groebner.hpp). Pairs are taken by the smallest least common
// multiple of their leading monomials (total degree, then lex), which keeps the degrees of lex
// computations low; Buchberger's product criterion and the chain criterion skip most useless
// pairs. Reductions are fraction-free: a x^m g is subtracted from b p with integers a, b, and the
// common content of what is left is divided out as it goes.
#include "calculus/groebner.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/interrupt.hpp"

namespace ddx::calc::poly {
namespace {

// A basis that grows past this many elements is not a small system any more.
constexpr std::size_t max_basis_size = 400;

const Exponents& lm(const Poly& p) { return p.terms.front().e; }

bool divides(const Exponents& a, const Exponents& b) {
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] > b[k]) return false;
  return true;
}

Exponents lcm(const Exponents& a, const Exponents& b) {
  Exponents r(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) r[k] = std::max(a[k], b[k]);
  return r;
}

Exponents minus(const Exponents& a, const Exponents& b) {
  Exponents r(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) r[k] = a[k] - b[k];
  return r;
}

bool coprime(const Exponents& a, const Exponents& b) {
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] && b[k]) return false;
  return true;
}

std::uint64_t total(const Exponents& a) {
  std::uint64_t s = 0;
  for (auto x : a) s += x;
  return s;
}

int lex(const Exponents& a, const Exponents& b) {
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}

// The remainder of p on division by g, times `scale` (a nonzero integer factor picked up on the
// way, returned through `scale` when given); primitive unless scale is asked for.
Poly reduce(Poly p, const std::vector<const Poly*>& g, mpq_class* scale = nullptr) {
  if (scale) *scale = 1;
  Poly r(p.nvars);
  while (!p.is_zero()) {
    check_interrupt();
    const Term& lt = p.terms.front();
    const Poly* by = nullptr;
    for (const Poly* q : g)
      if (divides(lm(*q), lt.e)) {
        by = q;
        break;
      }
    if (!by) {
      r.terms.push_back(lt);
      p.terms.erase(p.terms.begin());
      charge(static_cast<double>(p.terms.size()) + 1);
      continue;
    }
    mpz_class a = by->lc(), b = lt.c;
    mpz_class d = gcd(a, b);
    a /= d;
    b /= d;
    if (a < 0) a = -a, b = -b;
    Poly shifted = multiply_monomial(*by, minus(lt.e, lm(*by))) * b;
    if (a != 1) {
      p = p * a;
      r = r * a;
      if (scale) *scale *= a;
    }
    p = std::move(p) - shifted;
    // The work grows with the coefficients' size too (lex bases can have long ones).
    std::size_t limbs = 0;
    for (const Term& t : p.terms) limbs += mpz_size(t.c.get_mpz_t());
    charge(static_cast<double>(limbs));
    mpz_class c = gcd(content(p), content(r));
    if (c > 1) {
      p = divide_exact(p, c);
      r = divide_exact(r, c);
      if (scale) *scale /= c;
    }
  }
  return scale ? r : primitive(r);
}

struct Pair {
  std::size_t i, j;
  Exponents lcm;
};

bool pair_before(const Pair& a, const Pair& b) {
  std::uint64_t ta = total(a.lcm), tb = total(b.lcm);
  if (ta != tb) return ta < tb;
  int c = lex(a.lcm, b.lcm);
  if (c != 0) return c < 0;
  return std::make_pair(a.i, a.j) < std::make_pair(b.i, b.j);
}

Poly s_polynomial(const Poly& f, const Poly& g, const Exponents& l) {
  mpz_class a = g.lc(), b = f.lc();
  mpz_class d = gcd(a, b);
  a /= d;
  b /= d;
  return multiply_monomial(f, minus(l, lm(f))) * a - multiply_monomial(g, minus(l, lm(g))) * b;
}

std::vector<const Poly*> pointers(const std::vector<Poly>& g) {
  std::vector<const Poly*> out;
  for (const Poly& p : g) out.push_back(&p);
  return out;
}

}  // namespace

Poly normal_form(const Poly& f, const std::vector<Poly>& g) { return reduce(f, pointers(g)); }

std::vector<Poly> groebner(const std::vector<Poly>& fs) {
  std::vector<Poly> g;
  for (const Poly& f : fs)
    if (!f.is_zero()) g.push_back(primitive(f));
  if (g.empty()) return g;
  std::size_t n = g[0].nvars;
  for (const Poly& p : g)
    if (p.is_constant()) return {constant(n, 1)};
  std::vector<bool> live(g.size(), true);
  std::vector<Pair> pairs;
  std::set<std::pair<std::size_t, std::size_t>> done;  // pairs treated or skipped
  for (std::size_t j = 0; j < g.size(); ++j)
    for (std::size_t i = 0; i < j; ++i) pairs.push_back({i, j, lcm(lm(g[i]), lm(g[j]))});
  while (!pairs.empty()) {
    check_interrupt();
    auto best = std::min_element(pairs.begin(), pairs.end(), pair_before);
    Pair p = *best;
    pairs.erase(best);
    done.insert({p.i, p.j});
    if (coprime(lm(g[p.i]), lm(g[p.j]))) continue;  // Buchberger's first criterion
    // The chain criterion: some k with lm(k) | lcm(i, j) whose pairs with i and j are done.
    bool chain = false;
    for (std::size_t k = 0; k < g.size() && !chain; ++k) {
      if (k == p.i || k == p.j || !divides(lm(g[k]), p.lcm)) continue;
      auto key = [](std::size_t a, std::size_t b) { return std::make_pair(std::min(a, b), std::max(a, b)); };
      chain = done.count(key(p.i, k)) && done.count(key(p.j, k));
    }
    if (chain) continue;
    Poly h = reduce(s_polynomial(g[p.i], g[p.j], p.lcm), pointers(g));
    if (h.is_zero()) continue;
    h = with_positive_lc(h);
    if (h.is_constant()) return {constant(n, 1)};
    if (g.size() >= max_basis_size) refuse("the system is too large (more than " + std::to_string(max_basis_size) +
                                           " polynomials in its Groebner basis)");
    g.push_back(std::move(h));
    live.push_back(true);
    std::size_t j = g.size() - 1;
    for (std::size_t i = 0; i < j; ++i) pairs.push_back({i, j, lcm(lm(g[i]), lm(g[j]))});
  }
  // Minimal basis: drop elements whose leading monomial another's divides (keep the first of equals).
  for (std::size_t i = 0; i < g.size(); ++i)
    for (std::size_t k = 0; k < g.size() && live[i]; ++k)
      if (k != i && live[k] && divides(lm(g[k]), lm(g[i])) && (lm(g[k]) != lm(g[i]) || k < i)) live[i] = false;
  std::vector<Poly> minimal;
  for (std::size_t i = 0; i < g.size(); ++i)
    if (live[i]) minimal.push_back(std::move(g[i]));
  // Reduced: each element's other terms reduced by the rest.
  std::vector<Poly> reduced;
  for (std::size_t i = 0; i < minimal.size(); ++i) {
    std::vector<const Poly*> others;
    for (std::size_t k = 0; k < minimal.size(); ++k)
      if (k != i) others.push_back(&minimal[k]);
    reduced.push_back(with_positive_lc(reduce(minimal[i], others)));
  }
  std::sort(reduced.begin(), reduced.end(), [](const Poly& a, const Poly& b) { return lex(lm(a), lm(b)) < 0; });
  return reduced;
}

std::optional<mpq_class> constant_remainder(const Poly& f, const std::vector<Poly>& g) {
  mpq_class scale;
  Poly r = reduce(f, pointers(g), &scale);
  if (!r.is_constant()) return std::nullopt;
  if (r.is_zero()) return mpq_class(0);
  mpq_class v(r.lc());
  return mpq_class(v / scale);
}

bool is_unit_ideal(const std::vector<Poly>& g) { return g.size() == 1 && g[0].is_constant() && !g[0].is_zero(); }

bool is_zero_dimensional(const std::vector<Poly>& g) {
  if (g.empty()) return false;
  std::size_t n = g[0].nvars;
  for (std::size_t v = 0; v < n; ++v) {
    bool found = false;
    for (const Poly& p : g) {
      const Exponents& e = lm(p);
      bool pure = e[v] > 0;
      for (std::size_t k = 0; k < n && pure; ++k)
        if (k != v && e[k]) pure = false;
      found = found || pure;
    }
    if (!found) return false;
  }
  return true;
}

std::optional<Poly> last_variable_eliminant(const std::vector<Poly>& g) {
  for (const Poly& p : g) {
    if (p.is_constant()) continue;
    std::vector<bool> used = used_variables(p);
    bool only_last = true;
    for (std::size_t k = 0; k + 1 < p.nvars; ++k) only_last = only_last && !used[k];
    if (only_last) return p;
  }
  return std::nullopt;
}

Poly permute(const Poly& p, const std::vector<std::size_t>& perm, std::size_t nvars) {
  std::vector<Term> terms;
  terms.reserve(p.terms.size());
  for (const Term& t : p.terms) {
    Exponents e(nvars, 0);
    for (std::size_t k = 0; k < t.e.size(); ++k) e[perm[k]] += t.e[k];
    terms.push_back({std::move(e), t.c});
  }
  return from_terms(nvars, std::move(terms));
}

}  // namespace ddx::calc::poly
