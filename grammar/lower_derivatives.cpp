// SPDX-License-Identifier: GPL-3.0-or-later
// Lowering of the derivative forms: d/dx E (also written as a fraction, d(E)/dx), dy/dx
// (through the chain of definitions), ∂f/∂u of an abstract function, f'(x), and `E at x = a`,
// under which every derivative is the value there, refused where it does not exist.
#include <algorithm>
#include <climits>
#include <functional>
#include <unordered_map>

#include "calculus/chain.hpp"
#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "grammar/lowerer.hpp"
#include "grammar/names.hpp"

namespace ddx::grammar {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

std::string text(Expr e) { return print::to_string(e, print::Format::Text); }

// Why there is no derivative at the point, in words.
std::string cause(const calc::NoDerivative& why, const std::string& point) {
  using Cause = calc::NoDerivative::Cause;
  std::string along = why.along.is(Kind::Symbol) ? " along " + why.along.name() : "";
  switch (why.cause) {
    case Cause::Jump:
      return "the derivative does not exist at " + point + " (the function jumps there" + along + ": it approaches " +
             text(why.left) + " from the left and " + text(why.right) + " from the right)";
    case Cause::Corner:
      return "the derivative does not exist at " + point + " (a corner: the slope is " + text(why.left) +
             " from the left and " + text(why.right) + " from the right)";
    case Cause::Undefined: return "the derivative does not exist at " + point + " (" + why.detail + ")";
    case Cause::Undecided:
      return "ddx cannot decide whether the derivative exists at " + point + " (it cannot tell on which side of 0 " +
             text(why.left) + " is there)";
  }
  return "the derivative does not exist at " + point;
}

calc::Differentiations differentiations(const Node& n) {
  calc::Differentiations d;
  for (const DiffVar& v : n.vars) d.emplace_back(sym(v.name), v.count);
  return d;
}

std::vector<Expr> variables(const calc::Differentiations& d) {
  std::vector<Expr> vars;
  for (const auto& [var, count] : d) vars.push_back(var);
  return vars;
}

}  // namespace

Expr Lowerer::differentiate(Expr e, const calc::Differentiations& d, const Node& at) {
  for (const auto& [var, count] : d) {
    if (count <= static_cast<std::uint64_t>(max_derivative_order)) continue;
    // Orders past the limit: a polynomial of lower degree differentiates to 0 at once (SymPy
    // answers diff(x, x, 10**8) instantly); anything else would take too long.
    auto degree = calc::polynomial_degree(e, var);
    if (degree && *degree < Number(static_cast<long long>(std::min<std::uint64_t>(count, LLONG_MAX)))) return Expr(0);
    throw LowerError{at.span, "derivative order " + std::to_string(count) + " is beyond the limit of " +
                                  std::to_string(max_derivative_order) +
                                  " (only a polynomial of lower degree, whose derivative is 0, may go further)"};
  }
  if (!points_.empty()) return differentiate_at(e, d, points_.back().values, points_.back().text, at);
  for (const auto& [var, count] : d) e = calc::diff(e, var, static_cast<int>(count));
  return e;
}

Expr Lowerer::differentiate_at(Expr e, const calc::Differentiations& d, const calc::Point& point,
                               const std::string& point_text, const Node& at) {
  try {
    return calc::derivative_at(e, d, point);
  } catch (const calc::NoDerivative& why) {
    throw LowerError{at.span, cause(why, point_text)};
  }
}

Expr Lowerer::derivative_operator(const Node& n) {
  for (const DiffVar& v : n.vars)
    if (!is_identifier(v.name) || v.name == "e" || v.name == "pi")
      throw LowerError{n.span, "cannot differentiate with respect to '" + v.name + "'"};
  calc::Differentiations d = differentiations(n);
  Expr e = operand(n.children[0], variables(d));
  return differentiate(e, d, n);
}

Expr Lowerer::leibniz(const Node& n) {
  for (const DiffVar& v : n.vars)
    if (!is_identifier(v.name)) throw LowerError{n.span, "cannot differentiate with respect to '" + v.name + "'"};
  // A defined function named bare: df/dx is the derivative of its body (after h(t) = sin(t),
  // dh/dt is cos(t)); its definition replaces any abstract f seen before.
  if (const FunctionDefinition* def = scope_.function_definition(n.text)) return function_leibniz(n, *def);
  bool is_variable = scope_.definition_body(n.text).has_value();
  if (!is_variable)
    if (auto d = abstract_leibniz(n)) return *d;
  if (is_variable && !n.children.empty())
    throw LowerError{n.children[0].span, "'" + n.text + "' is a defined name, not a function: write d" + n.text + "/d" +
                                             n.vars[0].name + " at ..."};
  calc::Differentiations d = differentiations(n);
  if (!is_variable) {
    // dx/dx: the variable itself.
    if (d.size() == 1 && n.vars[0].name == n.text && n.children.empty()) return d[0].second == 1 ? Expr(1) : Expr(0);
    std::string example = n.text + " = " + n.vars[0].name + "^2";
    throw LowerError{n.name_span, "'" + n.text + "' is not defined; define it first (e.g. " + example +
                                      ") or differentiate an expression: d/d" + n.vars[0].name + " EXPR"};
  }
  // At a point, or of higher order: the value of the name with the variables held independent
  // (a defined name as the variable, ∂x5/∂x3, is held as the chain display holds it).
  if (!points_.empty() || d.size() > 1 || d[0].second > 1) {
    std::vector<Expr> vars = variables(d);
    std::size_t held_before = held_.size();
    for (Expr v : vars)
      if (scope_.definition_body(v.name()) && !is_held(v.name())) held_.push_back(v.name());
    Expr value;
    try {
      value = value_holding(n.text);
    } catch (...) {
      held_.resize(held_before);
      throw;
    }
    held_.resize(held_before);
    return differentiate(value, d, n);
  }
  // Through the chain of definitions, so that a defined name as the variable (∂x5/∂x3) is held
  // independent, as the chain display does.
  calc::DefinitionLookup body_of = [this](std::string_view name) { return scope_.definition_body(name); };
  return calc::chain_rule(n.text, n.vars[0].name, n.is_partial, body_of).substituted;
}

// df/dx of a defined function: only by its own parameters (h(t) = sin(t): dh/dt, not dh/dx).
Expr Lowerer::function_leibniz(const Node& n, const FunctionDefinition& def) {
  std::vector<std::string> params;
  for (Expr p : def.params) params.push_back(p.name());
  for (const DiffVar& v : n.vars)
    if (std::find(params.begin(), params.end(), v.name) == params.end())
      throw LowerError{n.span, n.text + " is a function of " + join(params) + ", not of " + v.name +
                                   ": differentiate by its parameters, or write d/d" + v.name + " " + n.text + "(...)"};
  calc::Differentiations d = differentiations(n);
  if (n.children.empty()) return differentiate(def.body, d, n);
  // ∂f/∂x(1, 2): the derivative at the arguments.
  if (n.children.size() != def.params.size())
    throw LowerError{n.span, n.text + " takes " + std::to_string(def.params.size()) + " argument(s)"};
  calc::Point at;
  std::string point;
  for (std::size_t i = 0; i < def.params.size(); ++i) {
    Expr a = scalar(n.children[i]);
    at[def.params[i]] = a;
    point += (point.empty() ? "" : ", ") + params[i] + " = " + text(a);
  }
  return differentiate_at(def.body, d, at, point, n);
}

// `∂f/∂u` for an abstract f(u, v): the derivative node at the parameters (the printed form of
// abstract derivatives, which must re-parse).
std::optional<Expr> Lowerer::abstract_leibniz(const Node& n) {
  auto f = find_function(n.text);
  if (!f || !function_info(*f).abstract) return std::nullopt;
  const FunctionInfo& info = function_info(*f);
  if (info.params.empty()) return std::nullopt;
  std::vector<int> indices;
  for (const DiffVar& v : n.vars) {
    auto it = std::find(info.params.begin(), info.params.end(), v.name);
    if (it == info.params.end())
      throw LowerError{n.span, n.text + " has no parameter '" + v.name + "' (its parameters: " + join(info.params) + ")"};
    if (v.count > static_cast<std::uint64_t>(max_derivative_order))
      throw LowerError{n.span, "derivative order must be at most " + std::to_string(max_derivative_order)};
    indices.insert(indices.end(), static_cast<std::size_t>(v.count), static_cast<int>(it - info.params.begin()));
  }
  std::vector<Expr> args;
  if (n.children.empty()) {
    for (const std::string& p : info.params) args.push_back(sym(p));
  } else {
    if (n.children.size() != info.params.size())
      throw LowerError{n.span, n.text + " takes " + std::to_string(info.params.size()) + " argument(s)"};
    for (const Node& c : n.children) args.push_back(scalar(c));
  }
  return derivative(*f, std::move(args), std::move(indices));
}

Expr Lowerer::prime(const Node& n) {
  std::vector<Expr> args;
  for (const Node& c : n.children) args.push_back(scalar(c));
  const std::string& w = n.text;
  Expr t = sym("_t");  // a private symbol: user identifiers never start with '_'
  if (n.order > static_cast<std::uint64_t>(max_derivative_order))
    throw LowerError{n.span, "derivative order must be at most " + std::to_string(max_derivative_order)};
  calc::Differentiations d;
  Expr body;
  if (const FunctionDefinition* def = scope_.function_definition(w)) {
    if (def->params.size() != 1 || args.size() != 1) throw LowerError{n.span, w + "' needs a function of one variable"};
    body = def->body;
    t = def->params[0];
  } else if (builtin_name(w) || !log_base(w).empty()) {  // sin'(x), log_2'(x)
    std::string primed = w + std::string(static_cast<std::size_t>(n.order), '\'');
    if (builtin_name(w)) {
      int arity = function_info(*find_function(*builtin_name(w))).arity;
      if (arity != 1)  // max'(x): a prime needs one variable, and max has two
        throw LowerError{n.span, primed + " needs a function of one variable, and " + w + " takes " + std::to_string(arity) + " arguments"};
    }
    if (args.size() != 1) throw LowerError{n.span, primed + " needs a function of one variable"};
    body = apply_builtin(w, {t}, n);
  } else {
    if (args.size() != 1) throw LowerError{n.span, w + "' needs a function of one variable; use diff(" + w + "(...), var)"};
    Expr f = abstract_call(n, args);
    if (!f.is(Kind::Call)) throw LowerError{n.span, "cannot differentiate " + w};
    return derivative(f.function(), std::move(args), std::vector<int>(static_cast<std::size_t>(n.order), 0));
  }
  d.emplace_back(t, n.order);
  // At a point, the derivative is taken where the argument lands: f'(2x) at x = 1 is f' at 2.
  if (!points_.empty()) {
    Expr where = substitute(args[0], points_.back().values);
    calc::Point p = points_.back().values;
    p[t] = where;
    return differentiate_at(body, d, p, points_.back().text, n);
  }
  return substitute(calc::diff(body, t, static_cast<int>(n.order)), {{t, args[0]}});
}

Value Lowerer::at(const Node& n) {
  ActivePoint point;
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const Node& eq = n.children[i];
    if (eq.kind != NodeKind::Equation || !is_identifier(eq.text))
      throw LowerError{eq.span, "expected NAME = VALUE after 'at'"};
    Expr value = scalar(eq.children[0]);
    point.values[sym(eq.text)] = value;
    point.text += (point.text.empty() ? "" : ", ") + eq.text + " = " + text(value);
  }
  points_.push_back(point);
  Value v;
  try {
    v = value(n.children[0]);
  } catch (...) {
    points_.pop_back();
    throw;
  }
  points_.pop_back();
  std::function<Value(const Value&)> substitute = [&](const Value& x) -> Value {
    switch (x.kind) {
      case Value::Kind::List: {
        std::vector<Value> items;
        for (const Value& item : x.items) items.push_back(substitute(item));
        return Value::list(std::move(items));
      }
      case Value::Kind::Truth: throw LowerError{n.span, "'at' evaluates expressions, vectors and matrices, not truth values"};
      default: return Value::of(ddx::substitute(x.scalar, point.values));
    }
  };
  try {
    return substitute(v);
  } catch (const MathError& e) {
    throw LowerError{n.span, e.what()};
  }
}

}  // namespace ddx::grammar
