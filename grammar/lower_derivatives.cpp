// SPDX-License-Identifier: GPL-3.0-or-later
// Lowering of the derivative forms: d/dx E, dy/dx (through the chain of definitions), ∂f/∂u of an
// abstract function, f'(x), and `E at x = a` (which refuses derivatives where they do not exist).
#include <algorithm>
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

bool is_derivative(const Node& n) {
  if (n.kind == NodeKind::Group) return is_derivative(n.children[0]);
  return n.kind == NodeKind::DerivOp || n.kind == NodeKind::Leibniz || n.kind == NodeKind::Prime ||
         (n.kind == NodeKind::Apply && n.text == "diff");
}

}  // namespace

Expr Lowerer::derivative_operator(const Node& n) {
  Expr e = scalar(n.children[0]);
  for (const std::string& v : n.vars) {
    if (!is_identifier(v)) throw LowerError{n.span, "cannot differentiate with respect to '" + v + "'"};
    e = differentiate(e, sym(v), 1, n);
  }
  return e;
}

Expr Lowerer::leibniz(const Node& n) {
  auto value = scope_.variable_value(n.text);
  if (!value)
    if (auto d = abstract_leibniz(n)) return *d;
  if (value && !n.children.empty())
    throw LowerError{n.children[0].span, "'" + n.text + "' is a defined name, not a function: write d" + n.text + "/d" + n.vars[0] + " at ..."};
  if (!value)
    throw LowerError{n.name_span, "'" + n.text + "' is not defined; define it first, e.g. " + n.text + " = x^2"};
  // Through the chain of definitions, so that a defined name as the variable (∂x5/∂x3) is held
  // independent, as the chain display does; further orders differentiate the result.
  calc::DefinitionLookup body_of = [this](std::string_view name) { return scope_.definition_body(name); };
  Expr e = calc::chain_rule(n.text, n.vars[0], n.is_partial, body_of).substituted;
  for (std::size_t i = 1; i < n.vars.size(); ++i) e = calc::diff(e, sym(n.vars[i]));
  return e;
}

// `∂f/∂u` for an abstract f(u, v): the derivative node at the parameters (the printed form of
// abstract derivatives, which must re-parse).
std::optional<Expr> Lowerer::abstract_leibniz(const Node& n) {
  auto f = find_function(n.text);
  if (!f || !function_info(*f).abstract) return std::nullopt;
  const FunctionInfo& info = function_info(*f);
  if (info.params.empty()) return std::nullopt;
  std::vector<int> indices;
  for (const std::string& v : n.vars) {
    auto it = std::find(info.params.begin(), info.params.end(), v);
    if (it == info.params.end())
      throw LowerError{n.span, n.text + " has no parameter '" + v + "' (its parameters: " + join(info.params) + ")"};
    indices.push_back(static_cast<int>(it - info.params.begin()));
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
  if (const FunctionDefinition* def = scope_.function_definition(w)) {
    if (def->params.size() != 1 || args.size() != 1) throw LowerError{n.span, w + "' needs a function of one variable"};
    Expr d = calc::diff(def->body, def->params[0], n.order);
    return calc::substitute(d, {{def->params[0], args[0]}});
  }
  if (builtin_name(w) || !log_base(w).empty()) {  // sin'(x), log_2'(x)
    std::string primed = w + std::string(static_cast<std::size_t>(n.order), '\'');
    if (builtin_name(w)) {
      int arity = function_info(*find_function(*builtin_name(w))).arity;
      if (arity != 1)  // max'(x): a prime needs one variable, and max has two
        throw LowerError{n.span, primed + " needs a function of one variable, and " + w + " takes " + std::to_string(arity) + " arguments"};
    }
    if (args.size() != 1) throw LowerError{n.span, primed + " needs a function of one variable"};
    Expr d = calc::diff(apply_builtin(w, {t}, n), t, n.order);
    return calc::substitute(d, {{t, args[0]}});
  }
  if (args.size() != 1) throw LowerError{n.span, w + "' needs a function of one variable; use diff(" + w + "(...), var)"};
  Expr f = abstract_call(n, args);
  if (!f.is(Kind::Call)) throw LowerError{n.span, "cannot differentiate " + w};
  return derivative(f.function(), std::move(args), std::vector<int>(static_cast<std::size_t>(n.order), 0));
}

Expr Lowerer::at(const Node& n) {
  const Node& operand = n.children[0];
  Expr e = scalar(operand);
  std::unordered_map<Expr, Expr> s;
  std::string point;
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const Node& eq = n.children[i];
    if (eq.kind != NodeKind::Equation || !is_identifier(eq.text))
      throw LowerError{eq.span, "expected NAME = VALUE after 'at'"};
    Expr value = scalar(eq.children[0]);
    s[sym(eq.text)] = value;
    point += (point.empty() ? "" : ", ") + eq.text + " = " + print::to_string(value, print::Format::Text);
  }
  if (!is_derivative(operand)) return calc::substitute(e, s);
  // A derivative evaluated where it does not exist must not quietly print a number: sign(u)
  // (from |u|, relu, max, min) at u = 0 is a corner, and a division by zero is a vertical tangent.
  std::string corner;
  std::function<void(Expr)> scan = [&](Expr x) {
    if (!corner.empty()) return;
    if (x.is(Kind::Call) && function_info(x.function()).name == "sign" && calc::substitute(x.args()[0], s).is_zero())
      corner = print::to_string(x.args()[0], print::Format::Text);
    for_each_child(x, scan);
  };
  scan(e);
  if (!corner.empty())
    throw LowerError{n.span, "the derivative does not exist at " + point + " (a corner: " + corner + " = 0 there)"};
  try {
    return calc::substitute(e, s);
  } catch (const MathError& err) {
    throw LowerError{n.span, "the derivative does not exist at " + point + " (" + err.what() + ")"};
  }
}

}  // namespace ddx::grammar
