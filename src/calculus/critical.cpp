// SPDX-License-Identifier: GPL-3.0-or-later
// Critical points (see critical.hpp): the route, an exact polynomial system or a numeric search,
// then every candidate through the same checks (critical_check.hpp), ordered.
#include "calculus/critical.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "calculus/critical_check.hpp"
#include "calculus/critical_numeric.hpp"
#include "calculus/critical_solve.hpp"
#include "calculus/diff.hpp"
#include "calculus/evalf.hpp"
#include "calculus/groebner.hpp"
#include "calculus/poly_convert.hpp"
#include "calculus/polynomial.hpp"
#include "core/corner_sign.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "core/substitute.hpp"

namespace ddx::calc {
namespace {

constexpr int solve_bits = 256;  // approximate roots of polynomial systems: within 2^-256
constexpr poly::ConvertLimits convert_limits{max_poly_terms, max_poly_degree, max_poly_variables};

// Refuses what has no critical points in the sense of `critical`: unknown functions, and
// functions with corners or jumps (the gradient does not exist everywhere).
void check_differentiable(Expr f, const std::vector<Expr>& vars) {
  std::unordered_set<const void*> seen;
  std::function<void(Expr)> walk = [&](Expr e) {
    if (!seen.insert(e.node()).second) return;
    if (e.is(Kind::Call) || e.is(Kind::Derivative)) {
      const FunctionInfo& info = function_info(e.function());
      if (info.abstract)
        throw MathError("critical: " + info.name + " is an unknown function; define it first (f(x) = ...)");
      bool depends = false;
      for (Expr v : vars) depends = depends || depends_on(e, v);
      if (has_corners_or_jumps(e.function()) && depends)
        throw MathError("critical: " + info.name +
                        " has points with no derivative (a corner or a jump); critical needs a differentiable function");
    }
    for_each_child(e, walk);
  };
  walk(f);
}

bool is_exponential(Expr e) { return e.is(Kind::Pow) && e.base() == e_const(); }

// e is a polynomial in vars with rational coefficients.
bool polynomial_in(Expr e, const std::vector<Expr>& vars) {
  switch (e.kind()) {
    case Kind::Number: return e.number().is_exact();
    case Kind::Symbol: return std::find(vars.begin(), vars.end(), e) != vars.end();
    case Kind::Add:
      if (!e.number().is_exact()) return false;
      for (std::size_t i = 0; i < e.terms().size(); ++i)
        if (!e.coefficients()[i].is_exact() || !polynomial_in(e.terms()[i], vars)) return false;
      return true;
    case Kind::Mul:
      if (!e.number().is_exact()) return false;
      for (std::size_t i = 0; i < e.bases().size(); ++i) {
        Expr x = e.exponents()[i];
        if (!x.is_integer() || x.number().is_negative() || !polynomial_in(e.bases()[i], vars)) return false;
      }
      return true;
    case Kind::Pow:
      return e.exponent().is_integer() && !e.exponent().number().is_negative() && polynomial_in(e.base(), vars);
    default: return false;
  }
}

// The equations whose real solutions are the zeros of the gradient, when every component is,
// up to factors e^u and a denominator, a polynomial in vars: the distinct polynomial factors of
// the numerators. nullopt when some component is not of that form (or holds a float).
std::optional<std::vector<poly::Poly>> polynomial_system(const std::vector<Expr>& grad, const std::vector<Expr>& vars) {
  // A function of the variables or a fractional power of them can never factor away: no need to
  // try (a long sum of sines would only exhaust factor's limits).
  std::unordered_set<const void*> seen;
  auto depends = [&](Expr e) { return std::any_of(vars.begin(), vars.end(), [&](Expr v) { return depends_on(e, v); }); };
  std::function<bool(Expr)> hopeless = [&](Expr e) {
    if (!seen.insert(e.node()).second || !depends(e)) return false;
    if (e.is(Kind::Call) || e.is(Kind::Derivative)) return true;
    if (e.is(Kind::Pow) && e.base() != e_const() && !e.exponent().is_integer()) return true;
    if (e.is(Kind::Mul))
      for (std::size_t i = 0; i < e.bases().size(); ++i)
        if (e.bases()[i] != e_const() && !e.exponents()[i].is_integer() &&
            (depends(e.bases()[i]) || depends(e.exponents()[i])))
          return true;
    bool found = false;
    for_each_child(e, [&](Expr c) { found = found || hopeless(c); });
    return found;
  };
  for (Expr g : grad)
    if (hopeless(g)) return std::nullopt;
  std::vector<Expr> equations;
  for (Expr g : grad) {
    if (g.is_zero()) continue;
    std::optional<Factorization> f;
    try {
      f = factor(g);
    } catch (const LimitError& e) {  // the limits of factoring, as critical's
      std::string m = e.what();
      throw LimitError(m.rfind("factor: ", 0) == 0 ? "critical: " + m.substr(8) : m);
    }
    if (!f) return std::nullopt;
    if (f->coefficient.is_zero()) continue;
    std::vector<Expr> kept;
    for (const auto& [factor, multiplicity] : f->factors) {
      if (is_exponential(factor)) continue;  // e^u is never 0 (nor infinite)
      if (!polynomial_in(factor, vars)) return std::nullopt;
      if (multiplicity > 0) kept.push_back(factor);  // a denominator's zeros are outside the domain
    }
    equations.push_back(mul(std::move(kept)));
  }
  std::vector<poly::Poly> out;
  if (equations.empty()) return out;
  auto fractions = poly::to_fractions(equations, convert_limits, "critical");
  if (!fractions) return std::nullopt;
  for (const poly::Fraction& fr : *fractions) {
    std::vector<std::size_t> perm;
    for (Expr g : fr.gens) perm.push_back(static_cast<std::size_t>(std::find(vars.begin(), vars.end(), g) - vars.begin()));
    out.push_back(poly::permute(fr.num, perm, vars.size()));
  }
  return out;
}

// Whether each decimal in e reads back from 12 significant digits, as one a person typed does
// (0.001, 2.5e-7), where doubles' arithmetic leaves 16 or 17 (0.14000000000000001).
bool decimals_look_typed(Expr e) {
  return all_floats(e, [](double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", v);
    return std::strtod(text, nullptr) == v;
  });
}

Expr rational(const mpq_class& q) { return num(poly::to_number(q)); }

Expr rational(double d) {
  mpq_class q(d);
  return rational(q);
}

// f's value on a set of critical points that is a line or a plane (every equation linear), where
// f is no polynomial: f is constant along a connected set of its critical points, so its value at
// any point of it is the value; it is asked at two, which must agree (a set cut by where f has no
// value is no connected one). log(1 + (x + y + z)^2) on x + y + z = 0 had none: 0.
std::optional<Expr> value_on_linear_set(const std::vector<poly::Poly>& eqs, Expr f, const std::vector<Expr>& vars) {
  std::size_t const n = vars.size();
  std::vector<std::vector<mpq_class>> rows;  // a_0 .. a_{n-1}, then the constant
  for (const poly::Poly& p : eqs) {
    if (p.is_zero()) continue;
    if (poly::total_degree(p) != 1) return std::nullopt;
    std::vector<mpq_class> row(n + 1, 0);
    for (const poly::Term& t : p.terms) {
      auto const var = std::find(t.e.begin(), t.e.end(), 1u);
      row[var == t.e.end() ? n : static_cast<std::size_t>(var - t.e.begin())] = t.c;
    }
    rows.push_back(std::move(row));
  }
  // Reduced row echelon form, exactly.
  std::vector<std::size_t> pivots;
  for (std::size_t col = 0, r = 0; col < n && r < rows.size(); ++col) {
    auto const found = std::find_if(rows.begin() + static_cast<std::ptrdiff_t>(r), rows.end(),
                                    [&](const std::vector<mpq_class>& row) { return row[col] != 0; });
    if (found == rows.end()) continue;
    std::swap(rows[r], *found);
    mpq_class const lead = rows[r][col];
    for (mpq_class& a : rows[r]) a /= lead;
    for (std::size_t other = 0; other < rows.size(); ++other) {
      if (other == r || rows[other][col] == 0) continue;
      mpq_class const times = rows[other][col];
      for (std::size_t k = 0; k <= n; ++k) rows[other][k] -= times * rows[r][k];
    }
    pivots.push_back(col);
    ++r;
  }
  for (std::size_t r = pivots.size(); r < rows.size(); ++r)
    if (rows[r][n] != 0) return std::nullopt;  // (no point at all)
  if (pivots.size() == n) return std::nullopt;  // (a point, not a set)
  std::optional<Expr> value;
  for (int sample = 1; sample <= 2; ++sample) {
    std::vector<mpq_class> point(n, 0);
    for (std::size_t k = 0; k < n; ++k)
      if (std::find(pivots.begin(), pivots.end(), k) == pivots.end()) point[k] = sample * static_cast<long>(k + 1);
    for (std::size_t r = 0; r < pivots.size(); ++r) {
      mpq_class v = -rows[r][n];
      for (std::size_t k = 0; k < n; ++k)
        if (k != pivots[r]) v -= rows[r][k] * point[k];
      point[pivots[r]] = v;
    }
    std::unordered_map<Expr, Expr> at;
    for (std::size_t k = 0; k < n; ++k) at.emplace(vars[k], num(poly::to_number(point[k])));
    Expr there;
    try {
      there = substitute(f, at);
    } catch (const MathError&) {
      return std::nullopt;
    }
    if (!free_symbols(there).empty() || (value && !(*value == there))) return std::nullopt;
    value = there;
  }
  return value;
}

// The set's equations as expressions, and f's constant value on it when there is one.
CriticalSet describe_set(const std::vector<poly::Poly>& eqs, Expr f, const std::vector<Expr>& vars) {
  CriticalSet s;
  // The basis is sorted smallest leading monomial first: the first variable's equation last.
  for (auto p = eqs.rbegin(); p != eqs.rend(); ++p) s.equations.push_back(poly::to_expr(*p, vars));
  auto fr = poly::to_fractions({f}, convert_limits, "critical");
  if (!fr || !(*fr)[0].den.is_constant()) {
    s.value = value_on_linear_set(eqs, f, vars);
    return s;
  }
  const poly::Fraction& ff = (*fr)[0];
  std::vector<std::size_t> perm;
  for (Expr g : ff.gens) {
    auto it = std::find(vars.begin(), vars.end(), g);
    if (it == vars.end()) {  // f holds more than the variables: a function of them, or a parameter
      s.value = value_on_linear_set(eqs, f, vars);
      return s;
    }
    perm.push_back(static_cast<std::size_t>(it - vars.begin()));
  }
  poly::Poly num = poly::permute(ff.num, perm, vars.size());
  std::vector<poly::Poly> basis = eqs.empty() ? std::vector<poly::Poly>{} : poly::groebner(eqs);
  if (eqs.empty()) {
    if (num.is_constant()) s.value = rational(ff.coefficient * (num.is_zero() ? mpz_class(0) : num.lc()) / ff.den.lc());
    return s;
  }
  if (auto c = poly::constant_remainder(num, basis)) s.value = rational(ff.coefficient * *c / ff.den.lc());
  return s;
}

bool gradient_vanishes_exactly(const std::vector<Expr>& grad, const std::unordered_map<Expr, Expr>& at) {
  try {
    for (Expr g : grad)
      if (!exactly_zero(substitute(g, at))) return false;
    return true;
  } catch (const MathError&) {
    return false;
  }
}

bool before(const CriticalPoint& a, const CriticalPoint& b) {
  for (std::size_t k = 0; k < a.coordinates.size(); ++k)
    if (a.coordinates[k].numeric != b.coordinates[k].numeric) return a.coordinates[k].numeric < b.coordinates[k].numeric;
  return false;
}

}  // namespace

bool CriticalPoint::approximate() const {
  if (value.approximate) return true;
  return std::any_of(coordinates.begin(), coordinates.end(), [](const CriticalNumber& n) { return n.approximate; });
}

CriticalPoints critical_points(Expr f, const std::vector<Expr>& vars, bool decimals_written, bool decimal_zero_took_part) {
  if (vars.empty()) throw MathError("critical: the function has no variables");
  if (vars.size() > max_critical_variables)
    throw LimitError("critical: at most " + std::to_string(max_critical_variables) + " variables");
  for (std::size_t i = 0; i < vars.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (vars[i] == vars[j]) throw MathError("critical: " + vars[i].name() + " is listed twice");
  check_differentiable(f, vars);
  poly::WorkLimit work(max_critical_work, "critical");
  PointChecker solver(f, vars);
  // Symbols other than the variables in the gradient: the answer would depend on them.
  auto only_variables = [&](Expr e) {
    for (Expr s : free_symbols(e))
      if (std::find(vars.begin(), vars.end(), s) == vars.end())
        throw MathError("critical: the gradient depends on " + s.name() +
                        ", which is not a variable; give it a value, or list it among the variables");
  };
  for (Expr g : solver.gradient()) only_variables(g);
  for (const auto& row : solver.hessian())
    for (Expr e : row) only_variables(e);

  CriticalPoints out;
  out.vars = vars;
  const std::vector<Expr>& grad = solver.gradient();
  if (std::all_of(grad.begin(), grad.end(), [](Expr g) { return g.is_zero(); })) {
    CriticalSet everywhere;
    everywhere.value = f;
    out.sets.push_back(everywhere);
    return out;
  }
  std::vector<Candidate> candidates;
  // With decimals, the gradient of f with its decimals as the numbers they are written as (0.001
  // is 1/1000; 0.1x^3's is 3x^2/10, where doubles make 0.30000000000000004x^2), solved exactly,
  // its points then decimals, a set of them described by its equations: the search in doubles
  // met x^3 + 0.001x^2's maximum at -1/1500 and minimum at 0 as one point, and listed points of a
  // set as isolated ones. Only where each decimal of f reads as one a person writes: one that
  // doubles' arithmetic made as f was built (0.1 + 0.2 - 0.3 is 5.551115123125783e-17) is not
  // the number written, and the search, whose answer carries the doubles' rounding, is the reading.
  // (A statement's decimals that left no decimal in f at all cancelled in doubles, as did one whose
  // zero took a part that varies: see the header. One in f's constant term alone, x^2 + 0.1,
  // leaves its points exact.)
  bool const decimals_cancelled = (decimals_written && !has_float(f)) || decimal_zero_took_part;
  bool const decimals = decimals_cancelled || std::any_of(grad.begin(), grad.end(), [](Expr g) { return has_float(g); });
  std::vector<Expr> as_written = grad;
  // (a constant term is no part of the gradient: 0.5(x - y)^2 + 0.1 + 0.2's 0.30000000000000004)
  Expr const varying = f.is(Kind::Add) ? f - num(f.number()) : f;
  bool const solving_as_written = decimals && decimals_look_typed(varying);
  if (solving_as_written) {
    Expr const exact = decimals_as_written(varying);
    for (std::size_t k = 0; k < vars.size(); ++k) as_written[k] = diff(exact, vars[k]);
    // (not where a decimal zero took a part: the kind is the doubles' function's, as it was read)
    if (!decimals_cancelled) solver.judge_kinds_as_written(exact);
  }
  bool const kinds_as_written = solving_as_written && !decimals_cancelled;
  std::optional<SolvedSystem> solved;
  if (std::none_of(as_written.begin(), as_written.end(), [](Expr g) { return has_float(g); }))
    if (auto system = polynomial_system(as_written, vars)) solved = solve_real(*system, vars.size(), solve_bits);
  if (solved) {
    if (solved->points.size() > max_critical_points)
      throw LimitError("critical: more than " + std::to_string(max_critical_points) + " critical points");
    for (const SolvedPoint& p : solved->points) {
      Candidate c;
      bool const every_exact = std::all_of(p.begin(), p.end(), [](const SolvedCoordinate& x) { return x.exact; });
      c.exact = !decimals && every_exact;
      c.solved_as_written = kinds_as_written;
      c.solved_exactly = kinds_as_written && every_exact;
      for (const SolvedCoordinate& x : p) {
        c.coords.push_back(x.exact ? x.value : rational(x.approx));
        c.exact_at.push_back(!decimals && x.exact);
      }
      c.tolerance = decimals ? 1e-9 : 1e-40;  // (f's doubles: their gradient is 0 to their rounding)
      // its approximate coordinates are within 2^-solve_bits (8.6e-78), of f's zero or, solved with
      // its decimals as written, of that function's (-0.001x y + 0.3y^2 + 0.75y^4 - 0.6x^3's
      // minimum near (-9.26e-7, -1.54e-9) was degenerate, its digits and kind those of a point a
      // millionth of 1e-13 off); else f's doubles', to their rounding (the value of 1.5(x - 1)^2 at
      // its minimum is 0.0, not a double's 1e-33)
      c.error = decimals && !kinds_as_written ? 1e-13 : 1e-76;
      candidates.push_back(std::move(c));
    }
    for (const auto& eqs : solved->sets) {
      CriticalSet set = describe_set(eqs, decimals ? decimals_as_written(f) : f, vars);
      if (decimals && set.value)  // (f's value there to the digits a point's value shows: 0.1 + 0.2 is 0.3)
        set.value = num(Number::from_double(std::strtod(evalf(*set.value, critical_shown_digits).c_str(), nullptr)));
      out.sets.push_back(std::move(set));
    }
  } else {
    if (vars.size() > max_critical_search_variables)
      throw LimitError("critical: the gradient is not polynomial, and a numeric search takes at most " +
                       std::to_string(max_critical_search_variables) + " variables");
    out.search_bound = critical_search_bound;
    bool const floats = decimals_cancelled || has_float(f);
    for (const NumericZero& z : numeric_gradient_zeros(f, grad, solver.hessian(), vars, critical_search_bound)) {
      check_interrupt();
      Candidate c;
      c.searched = true;
      c.isolated = z.isolated;
      bool found = false;
      // With a decimal in f (0.5 x^2) the answer is decimal too, as everywhere in ddx.
      std::vector<std::vector<Expr>> exact;
      if (!floats) exact = exact_candidates(z.x, z.well_conditioned ? 1e-9 : 1e-4);
      for (const auto& exact : exact)
        if (gradient_vanishes_exactly(grad, point_of(vars, exact))) {
          c.exact = true;
          c.coords = exact;
          found = true;
          break;
        }
      if (!found) {
        for (double x : z.x) c.coords.push_back(rational(x));
        c.tolerance = 1e-7;
        c.error = z.well_conditioned ? 1e-14 : 1e-6;
        c.digits = z.well_conditioned ? critical_shown_digits : critical_rough_digits;
      }
      candidates.push_back(std::move(c));
    }
  }
  for (const Candidate& c : candidates)
    if (auto p = solver.check(c)) out.points.push_back(std::move(*p));
  // Periodic in a variable, with a critical point: each shift by the period is one too.
  if (out.search_bound > 0 && !out.points.empty())
    for (Expr v : vars)
      if (auto t = period_in(f, v)) {
        out.period = t;
        out.periodic_var = v;
        break;
      }
  std::sort(out.points.begin(), out.points.end(), before);
  // Two numeric zeros that turned out to be the same exact point.
  out.points.erase(std::unique(out.points.begin(), out.points.end(),
                               [](const CriticalPoint& a, const CriticalPoint& b) { return !before(a, b) && !before(b, a); }),
                   out.points.end());
  return out;
}

}  // namespace ddx::calc
