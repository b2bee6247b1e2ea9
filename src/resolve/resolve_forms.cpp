// SPDX-License-Identifier: GPL-3.0-or-later
// The derivative forms and points (see resolve.hpp): d/dx E (also written as a fraction,
// d(E)/dx), dy/dx of a defined name, function or abstract function, f'(x), and `E at x = a`.
// What each is of is decided here; what it is worth is evaluation's business.
#include <algorithm>

#include "core/functions.hpp"
#include "core/limits.hpp"
#include "resolve/names.hpp"
#include "resolve/resolver.hpp"

namespace ddx::resolve {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

void check_variables(const Node& n) {
  for (const DiffVar& v : n.vars)
    if (!is_identifier(v.name) || (n.kind == NodeKind::DerivOp && (v.name == "e" || v.name == "pi")))
      throw ResolveError{n.span, "cannot differentiate with respect to '" + v.name + "'"};
}

Term form(TermKind kind, const Node& n) {
  Term t;
  t.kind = kind;
  t.span = n.span;
  t.name = n.text;
  t.name_span = n.name_span;
  t.vars = n.vars.list();
  t.partial = n.is_partial;
  return t;
}

}  // namespace

Term Resolver::derivative_operator(const Node& n) {
  check_variables(n);
  Term t = form(TermKind::Derivative, n);
  t.children.push_back(term(n.children[0]));
  return t;
}

Term Resolver::leibniz(const Node& n, bool argument) {
  check_variables(n);
  // A defined function named bare: df/dx is the derivative of its body (after h(t) = sin(t),
  // dh/dt is cos(t)); its definition replaces any abstract f seen before.
  if (const FunctionDefinition* def = function(n.text)) {
    std::vector<std::string> params;
    for (Expr p : def->params) params.push_back(p.name());
    for (const DiffVar& v : n.vars)
      if (std::find(params.begin(), params.end(), v.name) == params.end())
        throw ResolveError{n.span, n.text + " is a function of " + join(params) + ", not of " + v.name +
                                       ": differentiate by its parameters, or write d/d" + v.name + " " + n.text + "(...)"};
    Term t = form(TermKind::Leibniz, n);
    t.of = LeibnizOf::Function;
    t.expr = def->body;
    t.params = def->params;
    if (!n.children.empty() && n.children.size() != def->params.size())
      throw ResolveError{n.span, n.text + " takes " + std::to_string(def->params.size()) + " argument(s)"};
    for (const Node& c : n.children) t.children.push_back(term(c));
    return t;
  }
  bool variable = is_variable(n.text);
  if (!variable) {
    // `∂f/∂u` for an abstract f(u, v): the derivative node at the parameters (the printed form of
    // abstract derivatives, which must re-parse).
    auto f = find_function(n.text);
    if (f && function_info(*f).abstract && !function_info(*f).params.empty()) {
      const FunctionInfo& info = function_info(*f);
      std::vector<int> indices;
      for (const DiffVar& v : n.vars) {
        auto it = std::find(info.params.begin(), info.params.end(), v.name);
        if (it == info.params.end())
          throw ResolveError{n.span, n.text + " has no parameter '" + v.name + "' (its parameters: " + join(info.params) + ")"};
        if (v.count > static_cast<std::uint64_t>(max_derivative_order))
          throw ResolveError{n.span, "derivative order must be at most " + std::to_string(max_derivative_order)};
        indices.insert(indices.end(), static_cast<std::size_t>(v.count), static_cast<int>(it - info.params.begin()));
      }
      std::vector<Expr> args;
      if (n.children.empty()) {
        for (const std::string& p : info.params) args.push_back(sym(p));
      } else {
        if (n.children.size() != info.params.size())
          throw ResolveError{n.span, n.text + " takes " + std::to_string(info.params.size()) + " argument(s)"};
        std::vector<Term> terms;
        for (const Node& c : n.children) terms.push_back(term(c));
        if (!std::all_of(terms.begin(), terms.end(), [](const Term& a) { return a.is_value(); })) {
          Term t = form(TermKind::Leibniz, n);
          t.of = LeibnizOf::Abstract;
          t.function = *f;
          t.children = std::move(terms);
          return t;
        }
        for (const Term& a : terms) args.push_back(a.expr);
      }
      return Term::value(derivative(*f, std::move(args), std::move(indices)), n.span);
    }
  }
  if (variable && !n.children.empty())
    throw ResolveError{n.children[0].span, "'" + n.text + "' is a defined name, not a function: write d" + n.text + "/d" +
                                               n.vars[0].name + " at ..."};
  if (!variable) {
    // dx/dx: the variable itself.
    if (n.vars.size() == 1 && n.vars[0].name == n.text && n.children.empty())
      return Term::value(n.vars[0].count == 1 ? Expr(1) : Expr(0), n.span);
    // A procedure's argument keeps it as written: implicit(x^2 + y^2 = 1, dy/dx) gives it a meaning.
    if (argument && n.children.empty()) {
      Term t = form(TermKind::Leibniz, n);
      t.of = LeibnizOf::Undefined;
      return t;
    }
    throw ResolveError{n.name_span, undefined_leibniz_message(n.text, n.vars[0].name)};
  }
  Term t = form(TermKind::Leibniz, n);
  t.of = LeibnizOf::Variable;
  return t;
}

Term Resolver::prime(const Node& n) {
  std::vector<Term> args;
  for (const Node& c : n.children) args.push_back(term(c));
  const std::string w = n.text.str();
  if (n.order() > static_cast<std::uint64_t>(max_derivative_order))
    throw ResolveError{n.span, "derivative order must be at most " + std::to_string(max_derivative_order)};
  Term t = form(TermKind::Prime, n);
  t.order = n.order();
  if (const FunctionDefinition* def = function(w)) {
    if (def->params.size() != 1 || args.size() != 1) throw ResolveError{n.span, w + "' needs a function of one variable"};
    t.expr = def->body;
    t.params = def->params;
  } else if (builtin_name(w) || !log_base(w).empty()) {  // sin'(x), log_2'(x)
    std::string primed = w + std::string(static_cast<std::size_t>(n.order()), '\'');
    if (builtin_name(w)) {
      int arity = function_info(*find_function(*builtin_name(w))).arity;
      if (arity != 1)  // max'(x): a prime needs one variable, and max has two
        throw ResolveError{n.span, primed + " needs a function of one variable, and " + w + " takes " + std::to_string(arity) + " arguments"};
    }
    if (args.size() != 1) throw ResolveError{n.span, primed + " needs a function of one variable"};
    Expr param = sym("_t");  // a private symbol: user identifiers never start with '_'
    t.expr = value_of(apply_builtin(w, {Term::value(param, n.span)}, n));
    t.params = {param};
  } else {
    if (args.size() != 1) throw ResolveError{n.span, w + "' needs a function of one variable; use diff(" + w + "(...), var)"};
    Term f = abstract_call(n, args);
    t.abstract = true;
    t.function = f.is_value() ? (f.expr.is(Kind::Call) ? f.expr.function() : 0) : f.function;
    if (f.is_value() && !f.expr.is(Kind::Call)) throw ResolveError{n.span, "cannot differentiate " + w};
    if (args[0].is_value())
      return Term::value(derivative(t.function, {args[0].expr}, std::vector<int>(static_cast<std::size_t>(n.order()), 0)), n.span);
  }
  t.children = std::move(args);
  return t;
}

Term Resolver::at(const Node& n) {
  Term t;
  t.kind = TermKind::At;
  t.span = n.span;
  // The point first, as it is evaluated first.
  std::vector<Term> values;
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const Node& eq = n.children[i];
    if (eq.kind != NodeKind::Equation || !is_identifier(eq.text))
      throw ResolveError{eq.span, "expected NAME = VALUE after 'at'"};
    values.push_back(term(eq.children[0]));
    t.names.push_back(eq.text.str());
    t.name_spans.push_back(eq.name_span);
  }
  t.children.push_back(term(n.children[0]));
  for (Term& v : values) t.children.push_back(std::move(v));
  return t;
}

}  // namespace ddx::resolve
