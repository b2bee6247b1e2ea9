// SPDX-License-Identifier: GPL-3.0-or-later
// Taylor polynomials, series and implicit differentiation. Both take their derivatives through
// the evaluator at a point, so a derivative that does not exist there is refused with its reason
// rather than printed from a formula (sign(0) is 0, but abs has no derivative at 0).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <utility>

#include "calculus/diff.hpp"
#include "calculus/evalf.hpp"
#include "calculus/expand.hpp"
#include "calculus/poly_convert.hpp"
#include "calculus/quotient_series.hpp"
#include "calculus/real_roots.hpp"
#include "calculus/simplify.hpp"
#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "core/substitute.hpp"
#include "eval/compare.hpp"
#include "eval/procedures.hpp"
#include "resolve/names.hpp"

namespace ddx::eval {
namespace {

// A limit met on the way, and why: the derivatives grew too large, unless it is a value below a
// double's range, which says so itself (taylor(exp(-x^2), x = 27.0, 2) was told to lower its order).
std::string too_large(const LimitError& e) {
  if (dynamic_cast<const UnderflowError*>(&e)) return e.what();
  return std::string(e.what()) + " (the derivatives grow too large; try a lower order)";
}

// Whether what the function as written requires has values on both sides of the point along x,
// however near (the steps an edge of a domain is looked for with): then a point where it has none
// is a hole the simplified function fills.
bool has_values_around(const std::vector<Expr>& lost, const calc::Point& point, Expr x) {
  if (Expr a = point.at(x); !a.is_number() || !a.number().is_exact()) return false;
  for (Expr part : lost)
    if (depends_on(part, x) && !has_value_there(required_on_both_sides(part, x), point)) return false;
  return true;
}

// taylor(f, x = a, N) and series(f, x = a, N): the coefficients f^(k)(a)/k! for k < N, from the
// derivatives at the point (each refused where it does not exist). Under an enclosing `at`, its
// other values apply where the derivatives are taken (taylor(sin(b x), x = 0, 4) at b = 2), so a
// corner of the point is found there, not hidden under a symbol; the variable of the answer stays.
Result taylor_polynomial(const Term& call, Evaluator& ev, bool order_term) {
  std::string name = order_term ? "series" : "taylor";
  const Term& at = call.children[1];
  if (at.kind != TermKind::Binding)
    throw EvalError{at.span, "expected the point as x = a, e.g. " + name + "(sin(x), x = 0, 6)"};
  Expr x = sym(at.name);
  const Term& order = call.children[2];
  std::uint64_t n = order_argument(order, ev);
  if (n > static_cast<std::uint64_t>(max_derivative_order))
    throw EvalError{order.span, "the order N of " + name + " is at most " + std::to_string(max_derivative_order) +
                                    " (the terms of degree below N need derivatives up to N - 1)"};
  std::vector<Expr> lost = call.children[0].dropped;  // and what the function requires (d/dx sign(x): continuity)
  Expr f = noting_into(lost, [&] { return ev.operand(call.children[0], {x}); });
  Expr a = ev.scalar(at.children[0]);
  calc::Point point;
  if (const calc::Point* outer = ev.active_point()) {
    point = *outer;
    point.erase(x);
    try {
      a = substitute(a, point);
    } catch (const MathError& e) {
      throw EvalError{at.children[0].span, e.what()};
    }
  }
  if (depends_on(a, x)) throw EvalError{at.children[0].span, "the point must not depend on " + x.name()};
  point[x] = a;
  std::string point_text = x.name() + " = " + ev.context().text(a);
  std::vector<Expr> derivatives;
  std::string note;
  // series: the derivative of order N too, for its order term (below), in the same pass where it
  // exists (asked in a pass of its own, series(exp(x), x = 0, 1000) took its derivatives twice).
  bool order_term_checked = false;
  if (order_term) {
    try {
      derivatives = ev.derivatives_at(f, x, n + 1, point, point_text, call);
      derivatives.pop_back();
      order_term_checked = true;
    } catch (const Interrupted&) {
      throw;
    } catch (...) {  // (the polynomial's own derivatives are asked below: their refusal comes first)
    }
  }
  try {
    if (!order_term_checked) derivatives = ev.derivatives_at(f, x, n, point, point_text, call);
  } catch (const Unanswerable& e) {  // (it may have one: ddx cannot tell)
    throw EvalError{call.span, e.what()};
  } catch (const MathError& e) {
    // 0/0 with a limit (sin(x)/x at 0): the series of the function's continuous extension, said so.
    std::optional<std::vector<Expr>> extended;
    try {
      extended = calc::removable_quotient_derivatives(f, x, n, point);
    } catch (const LimitError& limit) {
      throw EvalError{call.span, too_large(limit)};
    }
    if (!extended) throw EvalError{call.span, "the function has no value at " + point_text + " (" + e.what() + ")"};
    derivatives = std::move(*extended);
    note = "the function has no value at " + point_text + ": the series of its continuous extension there";
  } catch (const LimitError& e) {
    throw EvalError{call.span, too_large(e)};
  }
  if (auto why = note.empty() ? value_missing(required_with_sides(lost, x), point) : std::nullopt) {  // x/x is 1, but has no value at x = 0
    // Written as a quotient 0/0 there (x^2/x), with values on both sides: its continuous extension
    // is the simplified function, whose series this is (as for sin(x)/x); else none (a corner's
    // or a jump's requirement, d/dx sign(x) at 0, is no hole to fill).
    if (*why != "division by zero" || !has_values_around(lost, point, x))
      throw EvalError{call.span, (*why == edge_of_domain() ? "the derivative does not exist at " : "the function has no value at ") +
                                     point_text + " (" + *why + " in the expression as written)"};
    // (a formula with a corner or a jump is no continuous extension: x sign(x)/x is sign(x), whose
    // 0 at 0 was given as the extension's value)
    if (has_corners_or_jumps(f))
      throw EvalError{call.span, "the function has no value at " + point_text +
                                     " (division by zero in the expression as written), and ddx cannot tell whether it has a "
                                     "continuous extension there: what is left has a corner or a jump"};
    note = "the function has no value at " + point_text + ": the series of its continuous extension there";
  }
  // O((x - a)^N) says the rest shrinks like (x - a)^N, which needs the N-th derivative at the point
  // (Peano's remainder): series(sqrt(x), x = 0, 1) was O(x), where the rest is sqrt(x) itself.
  if (order_term && !order_term_checked) {
    std::string const needs = "the order term of series(..., " + std::to_string(n) + ") needs the derivative of order " +
                              std::to_string(n) + " at " + point_text + ": ";
    try {
      if (note.empty()) (void)ev.derivatives_at(f, x, n + 1, point, point_text, call);
      else if (!calc::removable_quotient_derivatives(f, x, n + 1, point))
        throw EvalError{call.span, needs + "ddx cannot work it out there (taylor gives the polynomial alone)"};
    } catch (const EvalError& e) {
      throw EvalError{call.span, e.message.starts_with(needs) ? e.message : needs + e.message};
    } catch (const MathError& e) {
      throw EvalError{call.span, needs + e.what()};
    } catch (const LimitError& e) {
      throw EvalError{call.span, too_large(e)};
    }
  }
  // A value ddx keeps exact may still not be real (sqrt(-tan(1))): a closed value is checked
  // numerically (values it cannot approximate, f(0) of an unknown f, stand).
  if (Expr value = derivatives[0]; !value.is_number() && free_symbols(value).empty()) {
    try {
      (void)calc::evalf(value, 20);
    } catch (const MathError& e) {
      if (std::string(e.what()).find("not a real number") != std::string::npos)
        throw EvalError{call.span, "the function has no real value at " + point_text + " (" + ev.context().text(value) +
                                       ": " + e.what() + ")"};
    }
  }
  TaylorPolynomial shape{x, a, {}, order_term};
  std::vector<Expr> terms;
  Number factorial(1);
  Expr shift = a.is_zero() ? x : x - a;
  try {
    for (std::size_t k = 0; k < derivatives.size(); ++k) {
      if (k > 0) factorial = factorial * Number(static_cast<long long>(k));
      Expr c = calc::simplified_if_smaller(derivatives[k] * num(Number(1) / factorial), 200);
      shape.coefficients.push_back(c);
      if (!c.is_zero()) terms.push_back(k == 0 ? c : c * pow(shift, Expr(static_cast<long long>(k))));
    }
  } catch (const LimitError& e) {
    throw EvalError{call.span, too_large(e)};
  }
  Result r = Result::shaped(add(std::move(terms)), std::move(shape));
  r.note = std::move(note);
  return r;
}

// ---- implicit differentiation ----

// The derivative asked for: dy/dx (order 1) or d^ny/dx^n, of one name by one variable.
struct Asked {
  Expr y, x;
  std::uint64_t order = 0;
};

Asked asked_derivative(const Term& d) {
  const std::string usage = "expected the derivative as dy/dx or d^2y/dx^2 (one name by one variable)";
  if (d.kind != TermKind::Leibniz) throw EvalError{d.span, usage};
  if (d.of == resolve::LeibnizOf::Function || d.of == resolve::LeibnizOf::Abstract)
    throw EvalError{d.name_span, "'" + d.name + "' is a function; implicit needs the name the equation defines, as in "
                                                "implicit(x^2 + y^2 = 1, dy/dx)"};
  if (!d.children.empty()) throw EvalError{d.children[0].span, usage};
  Asked a;
  for (const resolve::DiffVar& v : d.vars) {
    if (v.name != d.vars[0].name)
      throw EvalError{d.span, "implicit differentiates by one variable: d" + d.name + "/d" + d.vars[0].name + ", not also by " +
                                  v.name};
    a.order += v.count;  // cannot overflow: the grammar limits each count
  }
  a.y = sym(d.name);
  a.x = sym(d.vars[0].name);
  if (a.order > static_cast<std::uint64_t>(max_implicit_order))
    throw EvalError{d.span, "implicit differentiation goes up to order " + std::to_string(max_implicit_order)};
  return a;
}

// dy/dx, d^2y/dx^2 as the user wrote it (with d).
std::string asked_text(const Term& d, std::uint64_t order) {
  if (order == 1) return "d" + d.name + "/d" + d.vars[0].name;
  std::string k = std::to_string(order);
  return "d^" + k + d.name + "/d" + d.vars[0].name + "^" + k;
}

// F_ij, the partial derivative of F by x i times and by y j times, as a placeholder symbol of the
// general formula (user names never start with '_').
Expr partial_symbol(std::uint64_t i, std::uint64_t j) {
  return sym("_F" + std::to_string(i) + "_" + std::to_string(j));
}

// The n-th derivative of y where F(x, y) = 0 defines y, in terms of F's partial derivatives (the
// placeholders, with the orders each stands for): y' = -F_10/F_01, and each next order is the
// total derivative of the last, d/dx q = sum over F_ij in q of dq/dF_ij (F_(i+1)j + F_i(j+1) y').
// The formula does not depend on F, so it is worked out over placeholders: y^(n) = N_n/F_01^m
// with N_n a polynomial (kept expanded) and m = 2n - 1. With A and B the sums of dN/dF_ij times
// F_(i+1)j and F_i(j+1), d/dx (N/F_01^m) = ((A F_01 - B F_10) F_01 - m N (F_11 F_01 - F_02 F_10))/F_01^(m+2).
Expr implicit_formula(std::uint64_t n, std::map<Expr, std::pair<std::uint64_t, std::uint64_t>, ExprLess>& partials) {
  auto p = [&](std::uint64_t i, std::uint64_t j) {
    Expr s = partial_symbol(i, j);
    partials.emplace(s, std::make_pair(i, j));
    return s;
  };
  Expr numerator = -p(1, 0);
  long long m = 1;
  for (std::uint64_t k = 1; k < n; ++k) {
    std::vector<Expr> by_x, by_y;
    for (const auto& [s, ij] : std::map(partials)) {
      if (!depends_on(numerator, s)) continue;
      Expr d = calc::diff(numerator, s);
      by_x.push_back(d * p(ij.first + 1, ij.second));
      by_y.push_back(d * p(ij.first, ij.second + 1));
    }
    Expr a = add(std::move(by_x)), b = add(std::move(by_y));
    numerator = calc::expand((a * p(0, 1) - b * p(1, 0)) * p(0, 1) -
                             Expr(m) * numerator * (p(1, 1) * p(0, 1) - p(0, 2) * p(1, 0)));
    m += 2;
  }
  return numerator * pow(p(0, 1), Expr(-m));
}

// Whether the sides differ at the point by no more than its doubles' rounding: a decimal worked
// out (y = sin(0.5), sqrt(0.99)) is no decimal as written, and x = 0.5, y = sin(0.5) was "not on"
// y = sin(x). A decimal typed off the curve (y = 0.8000000001 of x^2 + y^2 = 1) is off by far more.
bool within_rounding(Expr left, Expr right, const calc::Point& point) {
  bool decimal = false;
  for (const auto& [v, value] : point) decimal = decimal || has_float(value);
  if (!decimal) return false;
  try {
    auto value = [&](Expr side) { return std::strtod(calc::evalf(substitute(side, point), 20).c_str(), nullptr); };
    double const l = value(left), r = value(right);
    return std::abs(l - r) <= 1e-14 * std::max({1.0, std::abs(l), std::abs(r)});
  } catch (const MathError&) {
    return false;
  }
}

// Whether left = right, with the point's values in, is a polynomial equation in `other` alone
// with no real solution (false where that cannot be told: another name, a function of `other`,
// a decimal).
bool no_real_solution(Expr left, Expr right, const calc::Point& point, Expr other) {
  Expr difference;
  try {
    difference = substitute(left - right, point);
  } catch (const MathError&) {
    return false;  // (the check of the point itself says why)
  }
  constexpr calc::poly::ConvertLimits limits{max_poly_terms, max_poly_degree, max_poly_variables};
  std::optional<calc::poly::Fraction> f;
  try {
    f = calc::poly::to_fraction(difference, limits, "implicit");
  } catch (const LimitError&) {
    return false;
  }
  if (f && f->gens.empty()) return f->coefficient != 0;  // (x y = 1 at x = 0: 0 = 1)
  if (!f || f->gens.size() != 1 || f->gens[0] != other) return false;
  return calc::poly::count_real_roots(calc::poly::dense(f->num, 0)) == 0;
}

}  // namespace

Result taylor_procedure(const Term& call, Evaluator& ev) { return taylor_polynomial(call, ev, false); }

Result series_procedure(const Term& call, Evaluator& ev) { return taylor_polynomial(call, ev, true); }

// implicit(F = G, dy/dx), implicit(F = G, d^ny/dx^n): y' = -F_x/F_y of F - G = 0, and the higher
// orders by differentiating again with y' substituted. F's partial derivatives are taken through
// the evaluator, so under `at` they are their values at the point, refused where none exists;
// a point that gives both x and y must lie on the curve.
Result implicit_procedure(const Term& call, Evaluator& ev) {
  const Term& eq = call.children[0];
  Asked asked = asked_derivative(call.children[1]);
  const Term& d = call.children[1];
  if (asked.x == asked.y) throw EvalError{d.span, "d" + d.name + "/d" + d.name + " is 1; implicit needs two names"};
  std::vector<Expr> vars{asked.x, asked.y};
  Expr left, right;
  if (eq.kind == TermKind::Equation) {
    left = ev.operand(eq.children[0], vars);
    right = ev.operand(eq.children[1], vars);
  } else if (eq.kind == TermKind::Binding) {  // y = x^2: a name on the left
    Term name = Term::value(sym(eq.name), eq.name_span);
    left = ev.operand(name, vars);
    right = ev.operand(eq.children[0], vars);
  } else if (eq.kind == TermKind::Compare) {
    throw EvalError{eq.span, "an equation is written with one '=': implicit(x^2 + y^2 = 1, dy/dx)"};
  } else {
    throw EvalError{eq.span, "expected an equation F = G as the first argument, e.g. implicit(x^2 + y^2 = 1, dy/dx)"};
  }
  Expr F = left - right;
  if (!depends_on(F, asked.y))
    throw EvalError{d.name_span, "'" + d.name + "' does not appear in the equation, so the equation does not define it"};
  const calc::Point* point = ev.active_point();
  std::string where;
  if (point) {
    for (Expr v : vars)
      if (auto it = point->find(v); it != point->end())
        where += (where.empty() ? "" : ", ") + v.name() + " = " + ev.context().text(it->second);
    // A decimal of the point is the number it is written as (0.8 is 4/5), where the equation
    // is exact: y = 0.8000000001 is off x^2 + y^2 = 1, which the doubles' tolerance passed.
    calc::Point written = *point;
    if (!has_float(left) && !has_float(right))
      for (auto& [v, value] : written)
        if (value.is_number() && value.number().is_float() && std::isfinite(value.number().to_double()))
          value = num(Number::from_double_as_written(value.number().to_double()));
    // A point that gives one of the names must have the other on the curve, when that can be
    // told: x^2 + y^2 = 1 at x = 2 was -2/y, a slope of points that do not exist.
    for (const auto& names : {std::pair{asked.x, asked.y}, std::pair{asked.y, asked.x}}) {
      Expr const given = names.first, other = names.second;  // (no structured binding: a lambda reads them)
      if (!point->count(given) || point->count(other)) continue;
      // (a decimal, within the doubles' rounding as for a point on the curve: the double nearest
      // sqrt(2) is a little past x^2 + y^2 = 2, which has a point at sqrt(2))
      std::vector<calc::Point> tried{written};
      if (Expr value = point->at(given); value.is_number() && value.number().is_float() && written.at(given) != value) {
        tried.assign(2, written);
        tried[0][given] = written.at(given) * num(Number::from_double_as_written(1 - 1e-14));
        tried[1][given] = written.at(given) * num(Number::from_double_as_written(1 + 1e-14));
      }
      if (std::all_of(tried.begin(), tried.end(), [&](const calc::Point& p) { return no_real_solution(left, right, p, other); }))
        throw EvalError{eq.span, "the curve has no point with " + where + ": no real " + other.name() +
                                     " solves the equation there"};
    }
    // The curve through the point: F - G must vanish there when it can be told.
    if (point->count(asked.x) && point->count(asked.y)) {
      Expr l, r;
      try {
        l = substitute(left, written);
        r = substitute(right, written);
      } catch (const MathError& e) {
        throw EvalError{eq.span, "the equation has no value at " + where + " (" + e.what() + ")"};
      }
      if (free_symbols(l - r).empty()) {
        Comparison c = compare_expressions(l, r);
        // (Unequal constants are proved so, by their digits: x = pi, y = 0 is off y = x, which
        // was let through for its note "they differ by about 3.14" and given the slope 1.)
        if (c.decided && !c.equal && !c.by_samples && !within_rounding(left, right, *point)) {
          auto shown = [&](Expr side) {  // (in the decimals the point is written in)
            try {
              return ev.context().text(substitute(side, *point));
            } catch (const MathError&) {
              return ev.context().text(substitute(side, written));
            }
          };
          throw EvalError{eq.span, "the point " + where + " is not on the curve: the left side is " + shown(left) +
                                       " there and the right side " + shown(right)};
        }
      }
    }
  }
  std::map<Expr, std::pair<std::uint64_t, std::uint64_t>, ExprLess> partials;
  Expr formula = implicit_formula(asked.order, partials);
  std::unordered_map<Expr, Expr> values;
  for (const auto& [s, ij] : partials) {
    if (!depends_on(formula, s)) continue;
    auto [i, j] = ij;
    calc::Differentiations by;
    if (i) by.emplace_back(asked.x, i);
    if (j) by.emplace_back(asked.y, j);
    try {
      values.emplace(s, ev.differentiate(F, by, call));
    } catch (EvalError& e) {  // (its slopes are the equation's, not y's: say whose)
      e.message = "the equation's partial derivatives, which " + asked_text(d, asked.order) + " is made of, do not all exist: " +
                  e.message;
      throw;
    }
  }
  if (values.at(partial_symbol(0, 1)).is_zero()) {
    std::string by = "the partial derivative of the left side minus the right side by " + d.name + " is 0";
    if (!where.empty())
      throw EvalError{call.span, asked_text(d, asked.order) + " is not defined at " + where + ": " + by +
                                     " there (a vertical tangent or a singular point of the curve)"};
    throw EvalError{call.span, by + ", so the equation does not define " + d.name + " as a function of " + d.vars[0].name};
  }
  Expr result;
  try {
    result = substitute(formula, values);
  } catch (const MathError& e) {
    throw EvalError{call.span, e.what()};
  }
  return Result::of(Value::of(calc::simplified_if_smaller(result, 1000)));
}

}  // namespace ddx::eval
