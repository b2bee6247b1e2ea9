// SPDX-License-Identifier: GPL-3.0-or-later
// Real solutions of polynomial systems (see critical_solve.hpp).
//
// Zero-dimensional systems: with the last variable t, the lexicographic basis holds one
// polynomial q(t) (the eliminant). Each irreducible factor p of q over Q is a branch:
//   - p linear: its rational root is substituted, and the system in the other variables solved
//     the same way (recursion);
//   - otherwise, with B the basis of the system plus p: when B's other elements are free of t,
//     the branch is a product (the rest solved on its own, times the roots of p); when B is in
//     shape position (x_i = h_i(t) for every other variable) each real root of p gives a point;
//     failing both, a generic linear change of coordinates u = t + sum c_i x_i brings it to shape
//     position (the radical ideal has a rational univariate representation), with approximate
//     coordinates unless u's eliminant factors.
// Roots of linear factors are rational, of quadratic ones radicals, of higher ones approximate.
//
// Positive-dimensional systems: critical_sets.cpp.
#include "calculus/critical_solve.hpp"
#include "calculus/critical_solve_internal.hpp"

#include <algorithm>
#include <utility>

#include "calculus/expand.hpp"
#include "calculus/groebner.hpp"
#include "calculus/poly_convert.hpp"
#include "calculus/poly_factor.hpp"
#include "calculus/real_roots.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"

namespace ddx::calc::solver {

using poly::Exponents;
using poly::Poly;
using poly::Term;
using poly::ZPoly;

Poly squarefree_part(const Poly& p, std::size_t var) {
  Poly g = poly::gcd(p, poly::derivative(p, var));
  if (g.is_constant()) return poly::primitive(p);
  return poly::primitive(*poly::divide(p, g));
}

ZPoly squarefree_part(const ZPoly& p) {
  Poly q(1);
  std::vector<Term> terms;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (p[k] != 0) terms.push_back({Exponents{static_cast<std::uint32_t>(k)}, p[k]});
  q = poly::from_terms(1, std::move(terms));
  return poly::dense(squarefree_part(q, 0), 0);
}

mpq_class half_the_bits(int bits) {
  mpq_class tolerance(1);
  mpz_mul_2exp(tolerance.get_den_mpz_t(), tolerance.get_den_mpz_t(), static_cast<mp_bitcnt_t>(bits / 2));
  tolerance.canonicalize();
  return tolerance;
}

Poly substitute_var(const Poly& g, std::size_t v, const mpq_class& r) {
  std::size_t n = g.nvars;
  std::uint32_t d = poly::degree(g, v);
  std::vector<mpz_class> a(d + 1), b(d + 1);
  a[0] = b[0] = 1;
  for (std::uint32_t k = 1; k <= d; ++k) a[k] = a[k - 1] * r.get_num(), b[k] = b[k - 1] * r.get_den();
  std::vector<Term> terms;
  for (const Term& t : g.terms) {
    Exponents e;
    for (std::size_t k = 0; k < n; ++k)
      if (k != v) e.push_back(t.e[k]);
    terms.push_back({std::move(e), t.c * a[t.e[v]] * b[d - t.e[v]]});
  }
  return poly::from_terms(n - 1, std::move(terms));
}

namespace {

// g (free of variable v) with v removed.
Poly drop_var(const Poly& g, std::size_t v) { return substitute_var(g, v, mpq_class(0)); }

SolvedCoordinate rational_coordinate(const mpq_class& r) { return {true, num(poly::to_number(r)), r}; }

// sum h[k] r^k for an exact r, multiplied out.
Expr evaluate_exact(const ZPoly& h, Expr r) {
  std::vector<Expr> terms;
  for (std::size_t k = 0; k < h.size(); ++k)
    if (h[k] != 0) terms.push_back(num(poly::to_number(h[k])) * pow(r, Expr(static_cast<long long>(k))));
  return expand(add(std::move(terms)));
}

// A coordinate -h(t)/c at the root t = root.
SolvedCoordinate shape_coordinate(const ZPoly& h, const mpz_class& c, const poly::RealRoot& root) {
  SolvedCoordinate out;
  mpq_class denominator(-c);
  out.approx = poly::value_at(h, root.approx) / denominator;
  if (poly::degree(h) == 0) {  // rational whatever the root
    out.exact = true;
    out.approx = (h.empty() ? mpq_class(0) : mpq_class(h[0])) / denominator;
    out.value = num(poly::to_number(out.approx));
  } else if (root.exact) {
    out.exact = true;
    out.value = expand(evaluate_exact(h, root.value) / num(poly::to_number(denominator)));
  }
  return out;
}

// The real roots of an irreducible p as coordinates.
std::vector<SolvedCoordinate> roots_as_coordinates(const ZPoly& p, int bits) {
  std::vector<SolvedCoordinate> out;
  for (const poly::RealRoot& r : poly::real_roots_of_irreducible(p, bits)) out.push_back({r.exact, r.value, r.approx});
  return out;
}

// Shape position: n elements, the eliminant in t and, for every other variable x_i, one element
// c x_i + h_i(t). Gives (c, h_i) per variable.
bool shape(const std::vector<Poly>& b, std::size_t n, std::vector<std::pair<mpz_class, ZPoly>>& rows) {
  if (b.size() != n) return false;
  std::size_t t = n - 1;
  rows.assign(t, {});
  std::vector<bool> seen(t, false);
  for (const Poly& g : b) {
    const Exponents& lm = g.terms.front().e;
    bool only_t = true;
    for (std::size_t k = 0; k < t; ++k) only_t = only_t && lm[k] == 0;
    if (only_t) continue;  // the eliminant
    std::size_t var = n;  // the variable of a leading monomial x_i, if it is one
    for (std::size_t k = 0; k < n; ++k)
      if (lm[k]) var = var == n && lm[k] == 1 ? k : n + 1;
    if (var >= t) return false;
    Poly rest(n);
    rest.terms.assign(g.terms.begin() + 1, g.terms.end());
    for (const Term& term : rest.terms)
      for (std::size_t k = 0; k < t; ++k)
        if (term.e[k]) return false;
    rows[var] = {g.terms.front().c, poly::dense(rest, t)};
    seen[var] = true;
  }
  return std::all_of(seen.begin(), seen.end(), [](bool s) { return s; });
}

// h mod p over Q, scaled to integers by a positive factor: (scale, remainder) with
// remainder = scale * (h mod p).
std::pair<mpq_class, ZPoly> remainder_mod(const ZPoly& h, const ZPoly& p) {
  std::vector<mpq_class> r(h.begin(), h.end());
  std::size_t dp = poly::degree(p);
  for (std::size_t k = r.size(); k-- > dp;) {
    if (r[k] == 0) continue;
    mpq_class c = r[k] / p[dp];
    for (std::size_t j = 0; j <= dp; ++j) r[k - dp + j] -= c * p[j];
    poly::charge(static_cast<double>(dp + 1));
  }
  if (r.size() > dp) r.resize(dp);
  mpz_class den = 1;
  for (const mpq_class& c : r) mpz_lcm(den.get_mpz_t(), den.get_mpz_t(), c.get_den_mpz_t());
  ZPoly out;
  for (const mpq_class& c : r) out.push_back(mpz_class(c * den));
  while (!out.empty() && out.back() == 0) out.pop_back();
  return {mpq_class(den), out};
}

// Points of a shape basis at the real roots of each irreducible factor p of its eliminant: each
// coordinate -h_i(t)/c_i with h_i reduced modulo p first, so that a coordinate that is rational
// on this factor's roots is exact even when the root is not.
std::vector<SolvedPoint> shape_points(const std::vector<Poly>& b, const std::vector<std::pair<mpz_class, ZPoly>>& rows,
                                      std::size_t n, int bits) {
  std::vector<SolvedPoint> out;
  Poly q = *poly::last_variable_eliminant(b);
  for (const auto& [p, m] : poly::factor(q).factors) {
    ZPoly dp = poly::dense(p, n - 1);
    std::vector<std::pair<mpz_class, ZPoly>> reduced;  // c * scale, scale * (h mod p)
    for (const auto& [c, h] : rows) {
      auto [scale, r] = remainder_mod(h, dp);
      reduced.push_back({mpz_class(c * scale), r});
    }
    for (const poly::RealRoot& root : poly::real_roots_of_irreducible(dp, bits)) {
      SolvedPoint point;
      for (const auto& [c, h] : reduced) point.push_back(shape_coordinate(h, c, root));
      point.push_back({root.exact, root.value, root.approx});
      out.push_back(std::move(point));
    }
  }
  return out;
}

// Coordinates that are rational or quadratic irrationals made exact: each variable's eliminant
// over the ideal of b is factored, and the real root of a factor of degree 1 or 2 that matches an
// approximate coordinate (to half the bits) is that coordinate.
void exact_where_possible(const std::vector<Poly>& b, std::vector<SolvedPoint>& points, int bits) {
  if (points.empty()) return;
  std::size_t n = points[0].size();
  mpq_class const tolerance = half_the_bits(bits);
  for (std::size_t v = 0; v < n; ++v) {
    bool needed = false;
    for (const SolvedPoint& p : points) needed = needed || !p[v].exact;
    if (!needed) continue;
    std::optional<Poly> e = poly::eliminant(b, v);
    if (!e) continue;
    std::vector<poly::RealRoot> small;  // real roots of the factors of degree 1 and 2
    for (const auto& [f, m] : poly::factor(*e).factors) {
      ZPoly d = poly::dense(f, v);
      if (poly::degree(d) <= 2)
        for (poly::RealRoot& r : poly::real_roots_of_irreducible(d, bits)) small.push_back(std::move(r));
    }
    for (SolvedPoint& p : points) {
      if (p[v].exact) continue;
      for (const poly::RealRoot& r : small)
        if (abs(r.approx - p[v].approx) < tolerance) p[v] = {true, r.value, r.approx};
    }
  }
}

// A zero-dimensional radical basis b not in shape position: solved after u = t + sum c_i x_i.
std::vector<SolvedPoint> generic_coordinates(const std::vector<Poly>& b, std::size_t n, int bits) {
  std::size_t t = n - 1;
  for (long long attempt : {1, -1, 2, -2, 3, -3, 5, 7}) {
    check_interrupt();
    // x_t = u - sum c_i x_i, with u in x_t's place.
    std::vector<long long> c(t);
    for (std::size_t i = 0; i < t; ++i) c[i] = attempt * static_cast<long long>(i + 1);
    Poly l = poly::variable(n, t);
    for (std::size_t i = 0; i < t; ++i) l = l - poly::variable(n, i) * mpz_class(static_cast<long>(c[i]));
    std::vector<Poly> changed;
    for (const Poly& g : b) {
      Poly s(n);
      for (const Term& term : g.terms) {
        Exponents e = term.e;
        std::uint32_t k = e[t];
        e[t] = 0;
        s = s + poly::multiply_monomial(poly::pow(l, k) * term.c, e);
      }
      changed.push_back(std::move(s));
    }
    std::vector<Poly> g = poly::groebner(changed);
    std::vector<std::pair<mpz_class, ZPoly>> rows;
    if (!shape(g, n, rows)) continue;
    std::vector<SolvedPoint> points = shape_points(g, rows, n, bits);
    for (SolvedPoint& p : points) {  // back from u to x_t
      SolvedCoordinate& u = p[t];
      mpq_class approx = u.approx;
      std::vector<Expr> exact{u.value};
      bool all_exact = u.exact;
      for (std::size_t i = 0; i < t; ++i) {
        approx -= p[i].approx * mpq_class(static_cast<long>(c[i]));
        all_exact = all_exact && p[i].exact;
        if (all_exact) exact.push_back(Expr(c[i]) * -p[i].value);
      }
      u.approx = approx;
      u.exact = all_exact;
      u.value = all_exact ? expand(add(std::move(exact))) : Expr();
    }
    exact_where_possible(b, points, bits);
    return points;
  }
  throw MathError("critical: ddx cannot solve the gradient's equations exactly (no change of coordinates it tried "
                  "separated their solutions); with a variable fixed, critical(f at y = 1), it may");
}

std::vector<SolvedPoint> triangular(const std::vector<Poly>& g, std::size_t n, int bits) {
  std::size_t t = n - 1;
  std::vector<SolvedPoint> out;
  Poly q = *poly::last_variable_eliminant(g);
  for (const auto& [p, m] : poly::factor(q).factors) {
    check_interrupt();
    ZPoly dp = poly::dense(p, t);
    if (poly::degree(dp) == 1) {
      mpq_class r(-dp[0], dp[1]);
      r.canonicalize();
      std::vector<Poly> fibre;
      for (const Poly& e : g) {
        Poly s = substitute_var(e, t, r);
        if (!s.is_zero()) fibre.push_back(std::move(s));
      }
      for (SolvedPoint& point : solve(fibre, t, bits).points) {
        point.push_back(rational_coordinate(r));
        out.push_back(std::move(point));
      }
      continue;
    }
    std::vector<SolvedCoordinate> roots = roots_as_coordinates(dp, bits);
    if (roots.empty()) continue;
    std::vector<Poly> with = g;
    with.push_back(p);
    std::vector<Poly> b = poly::groebner_lex_direct(with);  // g is a lex basis already: few new pairs
    std::vector<Poly> rest;
    bool free_of_t = true;
    for (const Poly& e : b) {
      bool only_t = true;
      std::vector<bool> used = poly::used_variables(e);
      for (std::size_t k = 0; k < t; ++k) only_t = only_t && !used[k];
      if (only_t) continue;
      free_of_t = free_of_t && !used[t];
      rest.push_back(e);
    }
    if (free_of_t) {
      std::vector<Poly> dropped;
      for (const Poly& e : rest) dropped.push_back(drop_var(e, t));
      for (const SolvedPoint& point : solve(dropped, t, bits).points)
        for (const SolvedCoordinate& r : roots) {
          SolvedPoint full = point;
          full.push_back(r);
          out.push_back(std::move(full));
        }
      continue;
    }
    std::vector<std::pair<mpz_class, ZPoly>> rows;
    std::vector<SolvedPoint> points = shape(b, n, rows) ? shape_points(b, rows, n, bits) : generic_coordinates(b, n, bits);
    for (SolvedPoint& point : points) out.push_back(std::move(point));
  }
  return out;
}

std::vector<SolvedPoint> zero_dimensional(const std::vector<Poly>& eqs, std::vector<Poly> g, std::size_t n, int bits) {
  if (n == 1) {
    std::vector<SolvedPoint> out;
    for (const auto& [p, m] : poly::factor(*poly::last_variable_eliminant(g)).factors)
      for (SolvedCoordinate& c : roots_as_coordinates(poly::dense(p, 0), bits)) out.push_back({std::move(c)});
    return out;
  }
  // Shape position with a square-free eliminant (the common case): radical, and every point is
  // given by the eliminant's roots.
  Poly q = *poly::last_variable_eliminant(g);
  std::vector<std::pair<mpz_class, ZPoly>> rows;
  if (squarefree_part(q, n - 1) == poly::primitive(q) && shape(g, n, rows)) return shape_points(g, rows, n, bits);
  // Radical: the square-free part of every variable's eliminant added (Seidenberg's lemma).
  std::vector<Poly> extra;
  bool radical = true;
  for (std::size_t v = 0; v < n; ++v) {
    Poly e;
    e = v == n - 1 ? q : *poly::eliminant(eqs, v);
    Poly s = squarefree_part(e, v);
    radical = radical && s == poly::primitive(e);
    extra.push_back(std::move(s));
  }
  if (!radical) {
    std::vector<Poly> all = eqs;
    all.insert(all.end(), extra.begin(), extra.end());
    g = poly::groebner(all);
  }
  return triangular(g, n, bits);
}

}  // namespace

SolvedSystem solve(const std::vector<Poly>& eqs, std::size_t n, int bits) {
  check_interrupt();
  SolvedSystem out;
  if (n == 0) {
    for (const Poly& e : eqs)
      if (!e.is_zero()) return out;
    out.points.push_back({});
    return out;
  }
  std::vector<Poly> g = poly::groebner(eqs);
  if (poly::is_unit_ideal(g)) return out;
  if (g.empty()) {
    out.sets.push_back({});
    return out;
  }
  if (!poly::is_zero_dimensional(g)) return positive_dimensional(g, eqs, n, bits);
  out.points = zero_dimensional(eqs, std::move(g), n, bits);
  return out;
}

}  // namespace ddx::calc::solver

namespace ddx::calc {

SolvedSystem solve_real(const std::vector<poly::Poly>& eqs, std::size_t nvars, int bits) {
  SolvedSystem s = solver::solve(eqs, nvars, bits);
  // The same point can come from two branches of a positive-dimensional split: keep one.
  std::vector<SolvedPoint> unique;
  mpq_class const tolerance = solver::half_the_bits(bits);
  for (SolvedPoint& p : s.points) {
    bool seen = false;
    for (const SolvedPoint& q : unique) {
      bool same = true;
      for (std::size_t k = 0; k < p.size() && same; ++k) same = abs(p[k].approx - q[k].approx) < tolerance;
      seen = seen || same;
    }
    if (!seen) unique.push_back(std::move(p));
  }
  s.points = std::move(unique);
  return s;
}

}  // namespace ddx::calc
