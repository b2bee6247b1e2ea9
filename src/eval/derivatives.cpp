// SPDX-License-Identifier: GPL-3.0-or-later
// The derivative forms and points (see evaluator.hpp): d/dx E, dy/dx through the definitions,
// df/dx of a defined function, f'(x), and `E at x = a`, under which every derivative is the value
// there, refused where it does not exist.
#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <utility>

#include "calculus/chain.hpp"
#include "calculus/diff.hpp"
#include "core/corner_sign.hpp"
#include "core/decimal_answer.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/limits.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"
#include "eval/evaluator.hpp"
#include "print/result.hpp"
#include "resolve/names.hpp"

namespace ddx::eval {
namespace {

// 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st.
std::string ordinal(std::uint64_t k) {
  std::uint64_t tens = k % 100, units = k % 10;
  const char* suffix = tens >= 11 && tens <= 13 ? "th" : units == 1 ? "st" : units == 2 ? "nd" : units == 3 ? "rd" : "th";
  return std::to_string(k) + suffix;
}

// Why there is no derivative at the point, in words. `why.order` above 1 (a Taylor polynomial's
// derivatives) names the order that does not exist.
std::string cause(const calc::NoDerivative& why, const std::string& point, const Context& c) {
  using Cause = calc::NoDerivative::Cause;
  std::string along = why.along.is(Kind::Symbol) ? " along " + why.along.name() : "";
  bool higher = why.order > 1;
  std::string derivative = higher ? "the " + ordinal(why.order) + " derivative"
                           : why.asked > 1 ? "the first derivative"  // (of a higher one asked for)
                                           : "the derivative";
  switch (why.cause) {
    case Cause::Jump:
      if (why.left == why.right)  // sign(x)^2 at 0: a hole, not a jump
        return derivative + " does not exist at " + point + " (the function is not continuous there" + along +
               ": it approaches " + c.text(why.left) + " from both sides but has another value there)";
      return derivative + " does not exist at " + point + " (the function jumps there" + along + ": it approaches " +
             c.text(why.left) + " from the left and " + c.text(why.right) + " from the right)";
    case Cause::Corner:
      if (higher)
        return derivative + " does not exist at " + point + " (the " +
               (why.order == 2 ? std::string("first") : ordinal(why.order - 1)) + " derivative has a corner there: its slope is " +
               c.text(why.left) + " from the left and " + c.text(why.right) + " from the right)";
      return derivative + " does not exist at " + point + " (a corner: the slope is " + c.text(why.left) +
             " from the left and " + c.text(why.right) + " from the right)";
    case Cause::Undefined: return derivative + " does not exist at " + point + " (" + why.detail + ")";
    case Cause::FormulaUndefined:
      return "ddx cannot decide whether " + derivative + " exists at " + point + " (the function has values all " +
             "around the point, but the derivative's formula has none there: " + why.detail + ")";
    case Cause::Undecided:
      return "ddx cannot decide whether " + derivative + " exists at " + point + " (it cannot tell on which side of 0 " +
             c.text(why.left) + " is there)";
    case Cause::Indeterminate: {
      // (The values are taken 2^-120 from the point: below 1e-20 they are 0 as far as they tell.)
      auto near = [](Expr v) { return std::fabs(v.number().to_double()) < 1e-20 ? 0.0 : v.number().to_double(); };
      std::string seen;
      if (why.detail == "no left" || why.detail == "no right") {
        bool right = why.detail == "no left";
        seen = six_digits(near(right ? why.right : why.left)) + (right ? " from the right (the function has no values on the "
                                                                         "left)" : " from the left (the function has no values on the right)");
      } else {
        double left = near(why.left), right = near(why.right);
        seen = std::fabs(left - right) <= 1e-9 * std::max(1.0, std::fabs(left)) ? six_digits(left) + " from both sides"
               : six_digits(left) + " from the left and " + six_digits(right) + " from the right";
      }
      if (why.detail == "corner")
        return derivative + " does not exist at " + point + " (a corner: numerically the slope approaches about " + seen + ")";
      return "ddx cannot decide whether " + derivative + " exists at " + point + " (its formula divides by zero there, a " +
             "limit ddx does not take; numerically the slope approaches about " + seen + ")";
    }
  }
  return derivative + " does not exist at " + point;
}

calc::Differentiations differentiations(const Term& t) {
  calc::Differentiations d;
  for (const resolve::DiffVar& v : t.vars) d.emplace_back(sym(v.name), v.count);
  return d;
}

// (No allocation for one or two: asked of every derivative.)
boost::container::small_vector<Expr, 2> variables(const calc::Differentiations& d) {
  boost::container::small_vector<Expr, 2> vars;
  for (const auto& [var, count] : d) vars.push_back(var);
  return vars;
}

}  // namespace

Expr Evaluator::differentiate(Expr e, const calc::Differentiations& d, const Term& at) {
  for (const auto& [var, count] : d) {
    if (count <= static_cast<std::uint64_t>(max_derivative_order)) continue;
    // Orders past the limit: a polynomial of lower degree differentiates to 0 at once (SymPy
    // answers diff(x, x, 10**8) instantly); anything else would take too long.
    auto degree = calc::polynomial_degree(e, var);
    if (degree && *degree < Number(static_cast<long long>(std::min<std::uint64_t>(count, LLONG_MAX)))) return Expr(0);
    throw EvalError{at.span, "derivative order " + std::to_string(count) + " is beyond the limit of " +
                                 std::to_string(max_derivative_order) +
                                 " (only a polynomial of lower degree, whose derivative is 0, may go further)"};
  }
  if (!points_.empty()) return differentiate_at(e, d, points_.back().values, points_.back().text, at);
  if (!has_corners_or_jumps(e)) {
    // (a table showed -0.5 at x = -2 for d/dx log(x), and y = d/dx log(x) at x = -1 was -1,
    // though d/dx log(x) at x = -1 is refused)
    require_smooth_function(e, d);
    for (const auto& [var, count] : d) e = calc::diff(e, var, static_cast<int>(count));
    return e;
  }
  // A function with a corner or a jump: each derivative holds only where the function it is taken
  // of is continuous, which the formula does not show (d/dx sign(x) is 0; the second derivative
  // of relu(x - 1) is 0, also at 1), and its signs are the corners' (core/corner_sign.hpp).
  // Along each variable, only the signs whose argument moves with it are the corners' there; and
  // a derivative's formula (its corners' signs) must have values beside the point along it too:
  // ∂/∂x of ∂/∂y x^2 abs(y) = x^2 sign(y) has none at 0, that having none where y = 0, x is not.
  for (const auto& [var, count] : d)
    for (std::uint64_t k = 0; k < count && !e.is_zero(); ++k) {
      // ((-abs(x))^(3/2) has values at 0 alone: its formula's 0 there is no derivative)
      if (k == 0 && noting_required() && may_have_domain_edge(e) && depends_on(e, var))  // (it has corners)
        note_required(required_on_both_sides(e, var));
      if (has_sign(e)) note_required(with_corner_signs_along(e, var));
      if (has_corner_sign(e)) note_required(required_beside(e, var));
      e = calc::diff(e, var);
    }
  for (const auto& [var, count] : d) e = with_corner_signs_along(e, var);
  return e;
}

void require_smooth_function(Expr f, std::span<const Expr> vars) {
  if (!noting_required() || f.is_number() || has_corners_or_jumps(f)) return;
  note_required(f);
  if (!may_have_domain_edge(f)) return;
  for (Expr var : vars)
    if (depends_on(f, var)) note_required(required_on_both_sides(f, var));
}

void require_smooth_function(Expr f, const calc::Differentiations& d) {
  boost::container::small_vector<Expr, 2> vars;
  for (const auto& [var, count] : d) vars.push_back(var);
  require_smooth_function(f, std::span<const Expr>(vars.data(), vars.size()));
}

Expr Evaluator::differentiate_at(Expr e, const calc::Differentiations& d, const calc::Point& point,
                                 const std::string& point_text, const Term& at) {
  require_smooth_function(e, d);  // (a part of a point may leave it open: at y = -1 of d/dx log(x y))
  try {
    return calc::derivative_at(e, d, point);
  } catch (const calc::NoDerivative& why) {
    throw EvalError{at.span, cause(why, point_text, context_)};
  }
}

std::vector<Expr> Evaluator::derivatives_at(Expr e, Expr var, std::uint64_t count, const calc::Point& point,
                                            const std::string& point_text, const Term& at) {
  try {
    return calc::derivatives_at(e, var, count, point);
  } catch (const calc::NoDerivative& why) {
    throw EvalError{at.span, cause(why, point_text, context_)};
  }
}

Expr Evaluator::value_at(Expr e, const calc::Point& point, const std::string& point_text, const Term& at) {
  try {
    bool from_limits = false;
    Expr there = write_out_sums(calc::value_at(e, point, &from_limits));
    // (A value the one-sided limits gave is no value of the formula to check its digits against.)
    if (from_limits) return there;
    try {
      return checked_decimal(e, point, there);
    } catch (const UnderflowError&) {  // the statement's own check reads it as written (decimal_answer.hpp)
      return there;
    }
  } catch (const calc::NoDerivative& why) {
    if (why.detail != calc::corner_slope) throw EvalError{at.span, cause(why, point_text, context_)};
    std::string along = point.size() > 1 && why.along.is(Kind::Symbol) ? " along " + why.along.name() : "";
    if (why.left == why.right)  // (sign(x)^2 of d/dx abs(x) at 0, or sign(x + 1)^2 of d/dx abs(x + 1) sign(x + 1))
      throw EvalError{at.span, "no value at " + point_text + ": the formula's sign(...) stands there for the slope of abs, "
                               "relu, max or min at a corner, which has none; the formula approaches " +
                               context_.text(why.left) + " from both sides" + along + ", but ddx cannot tell whether that "
                               "is its value (d/dx ... at the point, of the function itself, can)"};
    throw EvalError{at.span, "no value at " + point_text + ": this is a derivative's formula, and the derivative does not "
                             "exist there (its sign(...) is the slope of abs, relu, max or min at a corner; the formula "
                             "approaches " + context_.text(why.left) + " from the left and " + context_.text(why.right) +
                             " from the right" + along + ")"};
  }
}

const calc::Point* Evaluator::active_point() const {
  if (!points_.empty()) return &points_.back().values;
  return formula_points_.empty() ? nullptr : &formula_points_.back().values;
}

Expr Evaluator::derivative(const Term& t) { return derivative_of(t.children[0], differentiations(t), t); }

Expr Evaluator::derivative_of(const Term& t, const calc::Differentiations& d, const Term& at) {
  auto variables_of_d = variables(d);
  std::span<const Expr> vars(variables_of_d.data(), variables_of_d.size());
  std::vector<Expr>* notes = required_notes();
  if (!notes) {
    Expr e = operand(t, vars);
    if (!ever_held_.empty()) refuse_held_inside(e, vars, at);  // (nearly always empty: no walk of the operand)
    return differentiate(e, d, at);
  }
  std::size_t noted_before = notes->size();
  Expr e = operand(t, vars);
  if (!ever_held_.empty()) refuse_held_inside(e, vars, at);
  std::vector<Expr> required;  // (copied: more is noted into the same list below)
  std::copy_if(notes->begin() + static_cast<std::ptrdiff_t>(noted_before), notes->end(), std::back_inserter(required),
               [](Expr part) { return has_sign(part); });
  // What the operand as written lost where its domain may end: sqrt(x) of sqrt(x)^2, which reads
  // as x, so that d/dx sqrt(x)^2 at x = 0 was 1 though sqrt(x)^2 has no values left of 0.
  require_lost_on_both_sides(at.dropped, vars, at);
  if (points_.empty()) {  // a formula: it holds where what it requires has values beside along each variable
    for (const auto& [var, count] : d)
      for (Expr part : required) note_required(required_beside(part, var));
    return differentiate(e, d, at);
  }
  const ActivePoint& point = points_.back();
  for (const auto& [var, count] : d)
    for (Expr part : required)
      if (!calc::has_values_beside(part, var, point.values))
        throw EvalError{at.span, cause(calc::NoDerivative(calc::NoDerivative::Cause::Undefined, var, Expr(), Expr(),
                                                          "what it is taken of has no value beside the point along " +
                                                              var.name() + ": a derivative there, of a function with a "
                                                                           "corner or a jump"),
                                       point.text, context_)};
  return differentiate(e, d, at);
}

void Evaluator::refuse_held_inside(Expr operand, std::span<const Expr> vars, const Term& at) const {
  for (Expr name : free_symbols(operand)) {
    std::optional<Expr> definition = context_.definition(name.name());
    // (only a name some derivative held: a function's parameter y may share a defined name's)
    bool const was_held = std::find(ever_held_.begin(), ever_held_.end(), name.name()) != ever_held_.end();
    if (!definition || !was_held || is_held(name.name()) || std::find(vars.begin(), vars.end(), name) != vars.end()) continue;
    Expr made_of = made_of_through_definitions(*definition);
    for (Expr var : vars)
      if (depends_on(made_of, var))
        throw EvalError{at.span, "'" + name.name() + "' is a variable in what the derivative by it inside gives, though it is defined as " +
                                     context_.text(*definition) + ", which moves with " + var.name() +
                                     ": whether this derivative follows it cannot be told; to have it follow, define the "
                                     "inner derivative as a name first and differentiate that name"};
  }
}

void Evaluator::require_lost_on_both_sides(std::span<const Expr> lost, std::span<const Expr> vars, const Term& at) {
  for (Expr var : vars)
    for (Expr part : lost) {
      if (!may_end_along(part, var)) continue;
      if (points_.empty()) {
        note_required(required_on_both_sides(part, var));
        continue;
      }
      const ActivePoint& point = points_.back();  // (where it has no value at the point, that is said as it is)
      if (!value_missing(std::span<const Expr>(&part, 1), point.values) &&
          !has_value_there(required_on_both_sides(part, var), point.values))
        throw EvalError{at.span, cause(calc::NoDerivative(calc::NoDerivative::Cause::Undefined, var, Expr(), Expr(),
                                                          edge_of_domain(var.name())),
                                       point.text, context_)};
    }
}

Expr Evaluator::leibniz(const Term& t) {
  calc::Differentiations d = differentiations(t);
  switch (t.of) {
    case resolve::LeibnizOf::Function: {
      if (t.children.empty()) return differentiate(t.expr, d, t);
      // ∂f/∂x(1, 2): the derivative at the arguments.
      calc::Point at;
      std::string point;
      for (std::size_t i = 0; i < t.params.size(); ++i) {
        Expr a = scalar(t.children[i]);
        at[t.params[i]] = a;
        point += (point.empty() ? "" : ", ") + t.params[i].name() + " = " + context_.text(a);
      }
      return differentiate_at(t.expr, d, at, point, t);
    }
    case resolve::LeibnizOf::Abstract: {
      const FunctionInfo& info = function_info(t.function);
      std::vector<int> indices;
      for (const resolve::DiffVar& v : t.vars) {
        auto it = std::find(info.params.begin(), info.params.end(), v.name);
        indices.insert(indices.end(), static_cast<std::size_t>(v.count), static_cast<int>(it - info.params.begin()));
      }
      std::vector<Expr> args;
      for (const Term& c : t.children) args.push_back(scalar(c));
      return ddx::derivative(t.function, std::move(args), std::move(indices));
    }
    case resolve::LeibnizOf::Undefined:  // kept for a procedure that gives it a meaning; none did
      throw EvalError{t.name_span, resolve::undefined_leibniz_message(t.name, t.vars[0].name)};
    case resolve::LeibnizOf::Variable: break;
  }
  // At a point, of higher order, or with names held fixed ((∂z/∂x)_u): the value of the name with
  // the variables and those names held independent (a defined name as the variable, ∂x5/∂x3, is
  // held as the chain display holds it).
  if (!points_.empty() || d.size() > 1 || d[0].second > 1 || !t.params.empty()) {
    auto vars = variables(d);
    vars.insert(vars.end(), t.params.begin(), t.params.end());
    std::span<const Expr> held(vars.data(), vars.size());
    if (!noting_required()) return differentiate(definition_value_holding(t.name, held), d, t);
    // (what the definitions lost as their values went in, sqrt(x) of y = u^2 after u = sqrt(x),
    // is required on both sides too: dy/dx at x = 0 was 1)
    std::vector<Expr> lost;
    Expr value = noting_into(lost, [&] { return definition_value_holding(t.name, held); });
    for (Expr part : lost) note_required(part);
    require_lost_on_both_sides(lost, held, t);
    return differentiate(value, d, t);
  }
  // Through the chain of definitions, so that a defined name as the variable (∂x5/∂x3) is held
  // independent, as the chain display does (and its answer holds it as a variable).
  if (context_.definition(t.vars[0].name)) {
    remember_held(t.vars[0].name);
    tell_held(sym(t.vars[0].name), nullptr, t.name);
  }
  return chain_value(t.name, chain_rule(t.name, t.vars[0].name, t.partial).substituted, sym(t.vars[0].name));
}

void Evaluator::note_in_terms_of(std::span<const Expr> lost, std::string_view var) {
  Expr const own = sym(var);
  for (Expr part : lost) note_required(substituted(part, std::span<const Expr>(&own, 1)));
}

void Evaluator::note_lost_on_both_sides(std::span<const Expr> lost, std::string_view var) {
  Expr const own = sym(var);
  for (Expr part : lost)
    if (Expr there = substituted(part, std::span<const Expr>(&own, 1)); may_end_along(there, own))
      note_required(required_on_both_sides(there, own));
}

Expr Evaluator::definition_value_holding(std::string_view name, std::span<const Expr> vars) {
  std::size_t held_before = hold_defined(vars, nullptr, name);
  Expr value;
  try {
    value = definition_value(name);
  } catch (...) {
    release_held(held_before);
    throw;
  }
  release_held(held_before);
  return value;
}

calc::Chain Evaluator::chain_rule(std::string_view target, std::string_view var, bool partial) {
  calc::DefinitionLookup body_of = [this](std::string_view name) { return context_.definition(name); };
  if (!noting_required()) return calc::chain_rule(target, var, partial, body_of);
  std::vector<Expr> lost;
  calc::Chain c = noting_into(lost, [&] { return calc::chain_rule(target, var, partial, body_of); });
  note_in_terms_of(lost, var);
  note_lost_on_both_sides(lost, var);
  return c;
}

std::optional<calc::Chain> Evaluator::second_order_chain(std::string_view target, std::string_view var) {
  calc::DefinitionLookup body_of = [this](std::string_view name) { return context_.definition(name); };
  if (!noting_required()) return calc::second_order_chain(target, var, body_of);
  std::vector<Expr> lost;
  std::optional<calc::Chain> c = noting_into(lost, [&] { return calc::second_order_chain(target, var, body_of); });
  note_in_terms_of(lost, var);
  note_lost_on_both_sides(lost, var);
  return c;
}

Expr Evaluator::chain_value(std::string_view target, Expr derivative, Expr var, int order) {
  Expr f = Evaluator(context_).definition_value(target);
  if (!has_corners_or_jumps(f)) {
    require_smooth_function(f, std::span<const Expr>(&var, 1));  // (y = log(x), dy/dx, ans at x = -1 was -1)
    return derivative;
  }
  // Each derivative before the last must be continuous there too (as Evaluator::differentiate notes).
  for (int k = 0; k < order; ++k) {
    if (has_sign(f)) note_required(with_corner_signs(f));
    if (k + 1 < order) f = calc::diff(f, var);
  }
  return with_corner_signs(derivative);
}

Expr Evaluator::prime(const Term& t) {
  std::vector<Expr> args;
  for (const Term& c : t.children) args.push_back(scalar(c));
  if (t.abstract)
    return ddx::derivative(t.function, std::move(args), std::vector<int>(static_cast<std::size_t>(t.order), 0));
  Expr param = t.params[0];
  calc::Differentiations d{{param, t.order}};
  // What the function's body lost as it was read must have a value where the argument lands (h'(0)
  // after h(t) = t/t was 0, though h(0) is refused), and is required of the answer elsewhere.
  std::unordered_map<Expr, Expr> const where{{param, args[0]}};
  if (!t.dropped.empty()) {
    // (and on both sides of it where the body as written may end there: f(t) = sqrt(t)^2 reads
    // as t, but f'(0) does not exist)
    std::vector<Expr> required = required_with_sides(t.dropped, param);
    if (auto why = value_missing(required, where))
      throw EvalError{t.span, *why + " in the function as written (its simplified form hides it)"};
    if (noting_required())
      for (Expr part : required) note_required(requirement_there(part, where));
  }
  // At a point, the derivative is taken where the argument lands: f'(2x) at x = 1 is f' at 2.
  if (!points_.empty()) {
    calc::Point p = points_.back().values;
    p[param] = substitute(args[0], points_.back().values);
    return differentiate_at(t.expr, d, p, points_.back().text, t);
  }
  // At a number (abs'(0), f''(1)) it is a point too, where the derivative may not exist (a corner
  // or a jump: abs'(0) was sign(0) = 0).
  if (free_symbols(args[0]).empty()) {
    if (!param.name().starts_with('_'))
      return differentiate_at(t.expr, d, {{param, args[0]}}, param.name() + " = " + context_.text(args[0]), t);
    // A built-in's own parameter (_t) is no name to show: its messages say x.
    Expr x = sym("x");
    return differentiate_at(substitute(t.expr, {{param, x}}), {{x, t.order}}, {{x, args[0]}}, "x = " + context_.text(args[0]), t);
  }
  // A formula: what the derivative requires of the function (where it has values, on both sides
  // of an edge, continuity at a corner) is noted where the argument lands, as d/dx's is: f(x) =
  // x^(3/2), then f'(x) at x = 0 was 0, and f''(x) of abs at 0 was 0.
  if (!noting_required()) return substitute(calc::diff(t.expr, param, static_cast<int>(t.order)), where);
  std::vector<Expr> required;
  Expr derivative = noting_into(required, [&] { return differentiate(t.expr, d, t); });
  for (Expr part : required) note_required(requirement_there(part, where));
  return substitute(derivative, where);
}

Expr Evaluator::made_of_through_definitions(Expr e) const {
  for (int depth = 0; depth < 64; ++depth) {  // (a cycle of definitions is refused as they are made)
    std::unordered_map<Expr, Expr> values;
    for (Expr s : free_symbols(e))
      if (std::optional<Expr> inner = context_.definition(s.name())) values.emplace(s, *inner);
    if (values.empty()) break;
    e = substitute(e, values);
  }
  return e;
}

void Evaluator::refuse_point_naming_another(const Term& at, const calc::Point& point) const {
  // A value that names, through the definitions it names, another name this `at` gives a value
  // (u = u + 1 and x = 1, after u = x^2 + 1) is refused, as one that names it directly is: the
  // answer kept x (3 (x^2 + 2)^2 for dy/du at x = 1, u = u + 1).
  for (std::size_t i = 0; i < at.names.size(); ++i) {
    Expr made_of = made_of_through_definitions(point.at(sym(at.names[i])));
    for (const std::string& other : at.names)
      if (other != at.names[i] && depends_on(made_of, sym(other)))
        throw EvalError{at.name_spans[i], "the value of " + at.names[i] + " names " + other + " through a definition, which " +
                                              "this 'at' gives a value too: write the two in separate steps, as (E at " +
                                              at.names[i] + " = ...) at " + other + " = ..."};
  }
}

Value Evaluator::at(const Term& t) {
  // Inside a definition's body too the point is given to the names' values (after y = x^2, the
  // body of w = y at x = 2 is 4; it kept y, so w followed y and was x^2).
  struct ReadingValues {
    bool& keep_names;
    bool was = std::exchange(keep_names, false);
    ~ReadingValues() { keep_names = was; }
  } values{keep_names_};
  ActivePoint point;
  for (std::size_t i = 1; i < t.children.size(); ++i) {
    Expr value = scalar(t.children[i]);
    point.values[sym(t.names[i - 1])] = value;
    point.text += (point.text.empty() ? "" : ", ") + t.names[i - 1] + " = " + context_.text(value);
  }
  refuse_point_naming_another(t, point.values);
  // A point whose values are formulas (x = 2x, y = x, x = t) goes into the body's formula, as
  // `ans at` puts it: the body is taken as a formula, noting what it requires, and the values are
  // put in once, below, with a point's checks. Taken at the point, a derivative put 2x in twice
  // (d/dx sin(x) at x = 2x was cos(4x)), and one at y = x of a corner along x found no corner
  // (d/dx abs(x - y) at y = x was 0).
  // The points of the `at`s around it are not this body's either: (d/dx sign(x) at x = y) at y = 0
  // took d/dx sign(x) at y = 0, and found 0 with nothing required.
  bool formula_point = std::any_of(point.values.begin(), point.values.end(),
                                   [](const auto& p) { return !free_symbols(p.second).empty(); });
  std::vector<ActivePoint> outer_points;
  if (formula_point) {
    outer_points = std::exchange(points_, {});
    formula_points_.push_back(point);
  } else {
    points_.push_back(point);
  }
  auto leave_point = [&] {
    if (formula_point) {
      points_ = std::move(outer_points);
      formula_points_.pop_back();
    } else {
      points_.pop_back();
    }
  };
  std::size_t own_conditions = conditions_noted();
  Value v;
  std::vector<Expr> dropped = t.dropped;
  // The names the body's own derivatives hold (below), kept for the statement's too.
  std::vector<std::string> const held_before = std::exchange(ever_held_, {});
  auto leave_body = [&] {
    std::vector<std::string> body_held = std::exchange(ever_held_, held_before);
    for (const std::string& name : body_held) remember_held(name);
    leave_point();
    return body_held;
  };
  try {
    v = noting_into(dropped, [&] { return value(t.children[0]); });  // and what combining its parts here takes out
  } catch (...) {
    leave_body();
    throw;
  }
  std::vector<std::string> const body_held = leave_body();
  // A defined name the expression is read through is gone from it, what it is made of left: at
  // u = 3 would change nothing (after u = x + 1, y = u^2, `y at u = 3` printed (x + 1)^2, and
  // dy/dx at u = 3 2x + 2). A derivative by the name takes the point (d/du y at u = 3 is 6).
  std::function<bool(const Value&, Expr)> mentions = [&](const Value& x, Expr name) {
    if (x.kind == Value::Kind::List)
      return std::any_of(x.items.begin(), x.items.end(), [&](const Value& item) { return mentions(item, name); });
    return x.kind == Value::Kind::Truth || depends_on(x.scalar, name);
  };
  const Term& body = t.children[0];
  std::function<bool(const Term&, Expr)> writes = [&](const Term& term, Expr name) {  // (as typed; ans writes none)
    if (term.kind == TermKind::Value && depends_on(term.expr, name)) return true;
    return std::any_of(term.children.begin(), term.children.end(), [&](const Term& c) { return writes(c, name); });
  };
  // A name a derivative of the body held is a variable there: ∂x5/∂x3 at x3 = 1, and a name
  // listed among grad's variables (grad(u^2 x, [u, x]) at u = 2 was refused).
  auto differentiates_by = [&](const std::string& name) {
    return std::find(body_held.begin(), body_held.end(), name) != body_held.end();
  };
  auto read_through = [&](const std::string& name) {
    std::optional<Expr> definition = context_.definition(name);
    if (!definition || is_held(name) || differentiates_by(name) || mentions(v, sym(name))) return false;
    // (through the definitions it names: after y = u^3, u = 2x^3 + 3x^2, x^2 y at x = 0.5,
    // y = 1.5 took y's value at x = 0.5 without a word)
    std::vector<Expr> parts = free_symbols(made_of_through_definitions(*definition));
    // (a name defined as a number is read as that number wherever it is: c x^2 at c = 2 was 3x^2)
    if (parts.empty()) return true;
    // (and one the expression writes, made of another name the point gives, is that name's:
    // grad(x^2 y) at x = 0.5, y = 1.5, whose value no longer shows y)
    auto given = [&](Expr part) { return std::find(t.names.begin(), t.names.end(), part.name()) != t.names.end(); };
    bool const written = writes(body, sym(name));
    return std::any_of(parts.begin(), parts.end(), [&](Expr part) { return mentions(v, part) || (written && given(part)); });
  };
  for (std::size_t i = 0; i < t.names.size(); ++i)
    if (read_through(t.names[i])) {
      Expr definition = *context_.definition(t.names[i]);
      std::string instead = free_symbols(definition).empty() ? ":clear " + t.names[i] + " to give it other values"
                                                             : "give values to the names it is made of";
      throw EvalError{t.name_spans[i], "'" + t.names[i] + "' is a defined name, read as its value (" + context_.text(definition) +
                                           "): at " + t.names[i] + " = ... changes nothing here; " + instead +
                                           ", or differentiate by " + t.names[i] + " first"};
    }
  // A defined name the answer holds as a variable (dy/du is 3u^2 after u = x^2 + 1) is tied to
  // nothing the point gives: at x = 1 left 3u^2 as it was, where u is 2 there. Which is meant,
  // u as it stands or u at x = 1, cannot be told: the point must give it its value too.
  std::function<void(const Value&)> refuse_held_apart = [&](const Value& x) {
    if (x.kind == Value::Kind::List)
      for (const Value& item : x.items) refuse_held_apart(item);
    if (x.kind != Value::Kind::Scalar) return;
    for (Expr name : free_symbols(x.scalar)) {
      std::optional<Expr> definition = context_.definition(name.name());
      if (!definition || point.values.contains(name)) continue;
      Expr made_of = made_of_through_definitions(*definition);
      for (std::size_t i = 0; i < t.names.size(); ++i) {
        if (!depends_on(made_of, sym(t.names[i]))) continue;
        std::string value_there = "...";
        try {
          if (Expr there = substitute(made_of, point.values); free_symbols(there).empty()) value_there = context_.text(there);
        } catch (const MathError&) {
        }
        std::string answer = context_.text(x.scalar);
        answer = answer.size() <= 60 ? " (" + answer + ")" : "";  // (not an answer of a page)
        throw EvalError{t.name_spans[i], "'" + name.name() + "' stands as a variable in the answer" + answer +
                                             ", though it is defined as " + context_.text(*definition) + ": at " +
                                             point.text + " gives it no value; give it one too (at " + point.text + ", " +
                                             name.name() + " = " + value_there + ")"};
      }
    }
  };
  refuse_held_apart(v);
  std::function<Value(const Value&)> at_point = [&](const Value& x) -> Value {
    switch (x.kind) {
      case Value::Kind::List: {
        std::vector<Value> items;
        for (const Value& item : x.items) items.push_back(at_point(item));
        return Value::list(std::move(items));
      }
      case Value::Kind::Truth: throw EvalError{t.span, "'at' evaluates expressions, vectors and matrices, not truth values"};
      default: {
        for (std::size_t i = 0; i < t.names.size(); ++i)
          if (auto why = bound_in_sum(x.scalar, sym(t.names[i])))
            throw EvalError{t.name_spans[i], "cannot give " + t.names[i] + " a value: " + *why};
        // An entry x_k at k = 2 is x_2 (as in a derivative's point), and at k = j x_j (it was
        // left x_k, the condition alone taking j). A number that is no whole one (1/2, pi) names
        // no entry and leaves it (a condition on k refuses it); a formula names none either, nor
        // a name where k is a variable of the answer too (v_x x at x = y: v_y, or v_x?): refused.
        // A sum whose bounds are numbers now is written out: at N = 3 is x_1 + x_2 + x_3.
        Expr e = x.scalar;
        for (std::size_t i = 0; i < t.names.size(); ++i) {
          Expr name = sym(t.names[i]), value = point.values.at(name);
          if (value.is_integer()) {
            e = rename_entries(e, name, value);
            continue;
          }
          bool own_symbol = value.is(Kind::Symbol) && value.name().find('#') != std::string::npos;  // (2.5 read as decimal#1)
          if (own_symbol || free_symbols(value).empty()) continue;
          std::optional<Expr> entry;
          for (Expr s : free_symbols(e))
            if (s != name && family_of(s.name(), name.name())) entry = s;
          if (!entry) continue;
          if (value.is(Kind::Symbol) && !depends_on(e, name)) {
            e = rename_entries(e, name, value);
            continue;
          }
          std::string why = value.is(Kind::Symbol) ? name.name() + " is a variable of the answer too: is it the entry " +
                                                         rename_entries(*entry, name, value).name() + " at " + point.text +
                                                         ", or " + entry->name() + " as it stands?"
                                                   : context_.text(value) + " names no entry.";
          throw EvalError{t.name_spans[i], "'" + entry->name() + "' reads as the entry " + name.name() + " of a family, and " +
                                               why + " Give " + name.name() + " a whole number (or call " + entry->name() +
                                               " something without _" + name.name() + ")"};
        }
        return Value::of(value_at(e, point.values, point.text, t));
      }
    }
  };
  Value there;
  try {
    there = at_point(v);
  } catch (const MathError& e) {
    throw EvalError{t.span, e.what()};
  }
  // The conditions its body holds under, at the point (1 <= k <= 3 at k = 2 is met).
  if (std::optional<IndexCondition> unmet = conditions_at(own_conditions, point.values))
    throw EvalError{t.span, "the answer holds only where " + print::condition_texts({*unmet}, print::Format::Text).front() +
                                ", which " + point.text + " is not"};
  // x/x is 1, but x/x at x = 0 has no value: what simplification took out must have one too, a
  // defined name in it standing for its value (after u = x, u/u at x = 0 was 1).
  std::vector<Expr> given;
  for (const std::string& name : t.names) given.push_back(sym(name));
  for (Expr& part : dropped) try {
      part = substituted(part, given);
    } catch (const MathError& e) {
      throw EvalError{t.span, std::string(e.what()) + " in the expression as written (its simplified form hides it)"};
    }
  if (auto why = value_missing(dropped, point.values))
    throw EvalError{t.span, *why + " in the expression as written (its simplified form hides it)"};
  // At a part of the point, what is still open is still required: (d/dx log(x y) at y = -1) at
  // x = 1 was 1, log(-x) forgotten once y had its value.
  // (A corner's requirements are looked at beside their point, and stay as they are; at a point
  // of formulas they go on in its terms: (d/dx sign(x) at x = y) at y = 0 has no value.)
  if (noting_required())
    for (Expr part : dropped)
      if (formula_point || !has_corners_or_jumps(part))
        if (Expr rest = requirement_there(part, point.values); !free_symbols(rest).empty()) note_required(rest);
  return there;
}

}  // namespace ddx::eval
