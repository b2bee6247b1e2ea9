// SPDX-License-Identifier: GPL-3.0-or-later
// The factorisation driver (see poly_factor.hpp): integer and monomial content, then, variable by
// variable, the content in that variable (factored recursively, as it has fewer variables), a
// square-free decomposition (Yun's algorithm, gcds by poly_gcd.cpp), and each square-free part
// split into irreducibles by Zassenhaus (one variable) or by lifting (several).
#include "calculus/poly_factor.hpp"

#include <algorithm>

#include "calculus/poly_univariate.hpp"

namespace ddx::calc::poly {
namespace {

// Yun's square-free decomposition of a primitive p in x: p = prod(a_i^i), the a_i square-free
// and pairwise coprime (only the non-constant ones are returned).
std::vector<std::pair<Poly, unsigned>> squarefree(const Poly& p, std::size_t x) {
  std::vector<std::pair<Poly, unsigned>> out;
  Poly d = derivative(p, x);
  Poly a = gcd(p, d);
  Poly b = *divide(p, a), c = *divide(d, a);
  Poly e = c - derivative(b, x);
  for (unsigned i = 1; !b.is_constant(); ++i) {
    a = gcd(b, e);
    Poly next = *divide(b, a);
    c = *divide(e, a);
    e = c - derivative(next, x);
    if (!a.is_constant()) out.emplace_back(primitive(a), i);
    b = std::move(next);
  }
  return out;
}

std::vector<Poly> univariate_factors(const Poly& a, std::size_t x) {
  std::vector<Poly> cs = coefficients(a, x);
  ZPoly dense;
  for (const Poly& c : cs) dense.push_back(c.is_zero() ? mpz_class(0) : c.lc());
  std::vector<Poly> out;
  for (const ZPoly& f : factor_squarefree(dense)) {
    std::vector<Poly> fc;
    for (const mpz_class& c : f) fc.push_back(constant(a.nvars, c));
    out.push_back(from_coefficients(fc, x, a.nvars));
  }
  return out;
}

// The irreducible factors of a square-free primitive a that uses x.
std::vector<Poly> irreducible_factors(const Poly& a, std::size_t x) {
  if (degree(a, x) == 1) return {a};  // primitive of degree 1: irreducible
  std::vector<bool> used = used_variables(a);
  if (std::count(used.begin(), used.end(), true) == 1) return univariate_factors(a, x);
  return factor_multivariate(a, x);
}

// Appends the factors of p (primitive, positive lc, no monomial content) with multiplicity
// scaled by `times`.
void factor_primitive(const Poly& p, unsigned times, std::vector<std::pair<Poly, unsigned>>& out) {
  if (p.is_constant()) return;
  std::vector<bool> used = used_variables(p);
  // The main variable: the one of least degree (fewer modular factors, cheaper lifting).
  std::size_t x = p.nvars;
  for (std::size_t k = 0; k < p.nvars; ++k)
    if (used[k] && (x == p.nvars || degree(p, k) < degree(p, x))) x = k;
  Poly content = content_in(p, x);
  Poly rest = p;
  if (!content.is_constant()) {
    factor_primitive(content, times, out);
    rest = *divide(p, content);
  }
  for (auto& [part, i] : squarefree(rest, x))
    for (Poly& f : irreducible_factors(part, x)) out.emplace_back(with_positive_lc(f), i * times);
}

}  // namespace

Factored factor(const Poly& p0) {
  Factored r;
  r.unit = content(p0);
  if (p0.lc() < 0) r.unit = -r.unit;
  Poly p = divide_exact(p0, r.unit);
  Exponents m = min_exponents(p);
  for (std::size_t k = 0; k < p.nvars; ++k)
    if (m[k]) r.factors.emplace_back(variable(p.nvars, k), m[k]);
  factor_primitive(divide_monomial(p, m), 1, r.factors);
  return r;
}

}  // namespace ddx::calc::poly
