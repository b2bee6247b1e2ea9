// SPDX-License-Identifier: GPL-3.0-or-later
// Multivariate gcd over the integers. Contents (integer, monomial, and in variables that only one
// side has) are split off first; the core is the heuristic GCDHEU (Char, Geddes & Gonnet 1989:
// evaluate at a large integer per variable, take an integer gcd, read the polynomial back from
// its symmetric base-xi digits, keep it only if it divides both), with the primitive PRS as the
// always-correct fallback when six evaluation points are unlucky.
#include <algorithm>
#include <utility>

#include "calculus/poly.hpp"

namespace ddx::calc::poly {
namespace {

struct Cofactors {
  Poly h, cff, cfg;  // f = h cff, g = h cfg
};

// GCDHEU's integers grow with the product of the degrees in all variables. Past this many bits
// the problem is too large for it, and far too large for the PRS too (many variables of high
// degree): LimitError rather than minutes of work.
constexpr std::size_t max_heuristic_bits = 1 << 21;

// The polynomial in var whose symmetric base-xi digits are the coefficients of h (h free of var).
Poly interpolate(const Poly& h, std::size_t var, const mpz_class& xi) {
  std::vector<Term> out;
  Poly rest = h;
  mpz_class half = xi / 2;
  for (std::uint32_t power = 0; !rest.is_zero(); ++power) {
    Poly next(h.nvars);
    for (const Term& t : rest.terms) {
      mpz_class digit;
      mpz_fdiv_r(digit.get_mpz_t(), t.c.get_mpz_t(), xi.get_mpz_t());
      if (digit > half) digit -= xi;
      mpz_class q = t.c - digit;
      mpz_divexact(q.get_mpz_t(), q.get_mpz_t(), xi.get_mpz_t());
      if (digit != 0) {
        out.push_back({t.e, digit});
        out.back().e[var] = power;
      }
      if (q != 0) next.terms.push_back({t.e, std::move(q)});  // order kept: same exponents
    }
    charge(static_cast<double>(rest.terms.size()));
    rest = std::move(next);
  }
  return from_terms(h.nvars, std::move(out));
}

// Makes the gcd's leading coefficient positive, flipping the cofactors along.
Cofactors normalized(Poly h, Poly cff, Poly cfg) {
  if (!h.is_zero() && h.lc() < 0) h = -h, cff = -cff, cfg = -cfg;
  return {std::move(h), std::move(cff), std::move(cfg)};
}

// GCDHEU for nonzero f, g. nullopt when unlucky (the caller falls back to the PRS); LimitError
// when the integers would be too large.
std::optional<Cofactors> heuristic(const Poly& f, const Poly& g) {
  std::size_t n = f.nvars;
  mpz_class c = gcd(content(f), content(g));
  Poly F = divide_exact(f, c), G = divide_exact(g, c);
  if (F.is_constant() || G.is_constant()) return normalized(constant(n, c), F, G);
  std::vector<bool> uf = used_variables(F), ug = used_variables(G);
  std::size_t var = n;
  while (var > 0 && !uf[var - 1] && !ug[var - 1]) --var;
  --var;  // the last variable either one uses
  mpz_class fnorm = max_norm(F), gnorm = max_norm(G);
  // xi > 2 min(|F|, |G|) + 1 is the bound under which a reconstructed gcd that divides both is
  // the gcd (the paper's theorem); SymPy's smaller choice of xi is a speed-up we do without.
  mpz_class xi = 2 * std::min(fnorm, gnorm) + 29;
  xi = std::max(xi, mpz_class(2 * std::min(mpz_class(fnorm / abs(F.lc())), mpz_class(gnorm / abs(G.lc()))) + 4));
  std::size_t degree_bound = std::max(degree(F, var), degree(G, var)) + 1;
  for (int attempt = 0; attempt < 6; ++attempt) {
    if (mpz_sizeinbase(xi.get_mpz_t(), 2) * degree_bound > max_heuristic_bits)
      refuse("a gcd of polynomials in too many variables of too high degrees");
    Poly ff = evaluate(F, var, xi), gg = evaluate(G, var, xi);
    if (!ff.is_zero() && !gg.is_zero()) {
      auto r = heuristic(ff, gg);
      if (!r) return std::nullopt;
      Poly h = primitive(interpolate(r->h, var, xi));
      if (auto cff = divide(F, h))
        if (auto cfg = divide(G, h)) return normalized(h * c, std::move(*cff), std::move(*cfg));
      // The cofactors' images may reconstruct where the gcd's did not.
      Poly cff = interpolate(r->cff, var, xi);
      if (!cff.is_zero())
        if (auto h2 = divide(F, cff))
          if (auto cfg = divide(G, *h2)) return normalized(*h2 * c, std::move(cff), std::move(*cfg));
      Poly cfg = interpolate(r->cfg, var, xi);
      if (!cfg.is_zero())
        if (auto h3 = divide(G, cfg))
          if (auto cff2 = divide(F, *h3)) return normalized(*h3 * c, std::move(*cff2), std::move(cfg));
    }
    // The next point, as in GCDHEU: about xi^1.25, times an odd-looking ratio to avoid patterns.
    mpz_class root;
    mpz_sqrt(root.get_mpz_t(), xi.get_mpz_t());
    mpz_sqrt(root.get_mpz_t(), root.get_mpz_t());
    xi = 73794 * xi * root / 27011;
  }
  return std::nullopt;
}

// The pseudo-remainder of a by b as polynomials in var: lc(b)^(deg a - deg b + 1) a mod b.
Poly pseudo_remainder(const Poly& a, const Poly& b, std::size_t var) {
  std::uint32_t db = degree(b, var);
  Poly lcb = coefficients(b, var)[db];
  Poly r = a;
  std::uint32_t da = degree(a, var);
  int remaining = static_cast<int>(da) - static_cast<int>(db) + 1;
  while (!r.is_zero() && degree(r, var) >= db) {
    std::uint32_t dr = degree(r, var);
    Poly lr = coefficients(r, var)[dr];
    r = r * lcb - lr * variable(a.nvars, var, dr - db) * b;
    --remaining;
  }
  for (; remaining > 0; --remaining) r = r * lcb;
  return r;
}

Poly primitive_in(const Poly& a, std::size_t var) {
  if (a.is_zero()) return a;
  return with_positive_lc(*divide(a, content_in(a, var)));
}

// The primitive PRS (Collins): slow on large inputs, but never wrong.
Poly prs(Poly a, Poly b) {
  std::vector<bool> used = used_variables(a);
  std::size_t var = static_cast<std::size_t>(std::find(used.begin(), used.end(), true) - used.begin());
  Poly ca = content_in(a, var), cb = content_in(b, var);
  Poly common = gcd(ca, cb);
  a = *divide(a, ca);
  b = *divide(b, cb);
  if (degree(a, var) < degree(b, var)) std::swap(a, b);
  while (!b.is_zero()) {
    if (degree(b, var) == 0) return common;  // coprime in var
    Poly r = pseudo_remainder(a, b, var);
    a = std::move(b);
    b = primitive_in(r, var);
  }
  return with_positive_lc(common * primitive_in(a, var));
}

// gcd of primitive polynomials with positive leading coefficients and no monomial content.
Poly gcd_primitive(Poly a, Poly b) {
  std::size_t n = a.nvars;
  if (a == b) return a;
  // A variable that only one side has cannot be in the gcd: replace that side by its content in
  // the variable (fewer variables, so this recursion ends).
  for (;;) {
    if (a.is_constant() || b.is_constant()) return constant(n, 1);
    std::vector<bool> ua = used_variables(a), ub = used_variables(b);
    std::size_t k = 0;
    while (k < n && ua[k] == ub[k]) ++k;
    if (k == n) break;
    if (ua[k]) a = content_in(a, k);
    else b = content_in(b, k);
  }
  if (auto r = heuristic(a, b)) return r->h;
  return prs(a, b);
}

}  // namespace

Poly content_in(const Poly& a, std::size_t var) {
  std::vector<Poly> cs = coefficients(a, var);
  // Smallest first: the gcd shrinks fastest, and often reaches 1 early.
  std::sort(cs.begin(), cs.end(), [](const Poly& x, const Poly& y) { return x.terms.size() < y.terms.size(); });
  Poly g(a.nvars);
  for (const Poly& c : cs) {
    if (c.is_zero()) continue;
    g = gcd(g, c);
    if (g.is_constant() && g.lc() == 1) break;
  }
  return g;
}

Poly gcd_by_prs(const Poly& a0, const Poly& b0) {
  if (a0.is_zero() || b0.is_zero()) return gcd(a0, b0);
  mpz_class c = gcd(content(a0), content(b0));
  Poly a = primitive(a0), b = primitive(b0);
  if (a.is_constant() || b.is_constant()) return constant(a.nvars, c);
  return prs(a, b) * c;
}

Poly gcd(const Poly& a0, const Poly& b0) {
  std::size_t n = std::max(a0.nvars, b0.nvars);
  if (a0.is_zero()) return with_positive_lc(b0);
  if (b0.is_zero()) return with_positive_lc(a0);
  mpz_class c = gcd(content(a0), content(b0));
  Poly a = primitive(a0), b = primitive(b0);
  if (a.is_constant() || b.is_constant()) return constant(n, c);
  Exponents ma = min_exponents(a), mb = min_exponents(b), m(n);
  for (std::size_t k = 0; k < n; ++k) m[k] = std::min(ma[k], mb[k]);
  Poly h = gcd_primitive(divide_monomial(a, ma), divide_monomial(b, mb));
  return multiply_monomial(h, m) * c;
}

}  // namespace ddx::calc::poly
