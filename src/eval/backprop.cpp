// SPDX-License-Identifier: GPL-3.0-or-later
// `backprop NAME at POINT` and `backprop EXPR at POINT` (see statement.hpp): the graph of a
// defined name's definitions, or of an expression's operations, traced in reverse mode.
#include "calculus/reverse_mode.hpp"
#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "eval/statement.hpp"

namespace ddx::eval {
namespace {

// The output of the graph as one expression of its inputs.
Expr composition(const calc::Graph& graph) {
  std::unordered_map<Expr, Expr> value_of;  // each node by its inputs
  Expr last;
  for (const calc::GraphNode& n : graph.nodes) {
    if (!n.definition) continue;
    last = substitute(*n.definition, value_of);
    value_of[sym(n.name)] = last;
  }
  return last;
}

}  // namespace

Result evaluate_backprop(const Term& body, const Context& context) {
  if (body.kind != TermKind::At)
    throw EvalError{body.span, "backprop needs a point: backprop EXPR at x = 1, y = 2 (or a defined name at its inputs)"};
  Evaluator ev(context);
  std::unordered_map<std::string, Expr> point;
  for (std::size_t i = 1; i < body.children.size(); ++i) point[body.names[i - 1]] = ev.scalar(body.children[i]);
  const Term& operand = body.children[0];
  bool defined_name = operand.is_value() && operand.expr.is(Kind::Symbol) && context.definition(operand.expr.name());
  calc::Graph graph;
  if (defined_name) {
    graph = calc::graph_of_definitions(operand.expr.name(), [&](std::string_view n) { return context.definition(n); });
  } else {
    Expr e = ev.scalar(operand);
    if (e.is(Kind::Number) || e.is(Kind::Constant))
      throw EvalError{operand.span, "backprop needs an expression of variables: a constant has no graph"};
    graph = calc::graph_of_expression(e);
  }
  for (std::size_t i = 0; i < body.names.size(); ++i) {
    const std::string& name = body.names[i];
    bool input = false;
    for (const calc::GraphNode& n : graph.nodes) input = input || (!n.definition && n.name == name);
    if (!input) throw EvalError{body.name_spans[i], "'" + name + "' is not an input of the graph"};
  }
  calc::Trace trace;
  try {
    trace = calc::reverse_mode(graph, point);
  } catch (const calc::MissingInput& missing) {
    throw EvalError{body.span, "backprop needs a value for " + missing.input + " (add " + missing.input + " = ... after at)"};
  } catch (const MathError& e) {
    throw EvalError{body.span, e.what()};
  }
  // Each local derivative is a formula that has a value at a corner too (sign(0) = 0, relu's
  // 1/2): the gradient is given only where it exists, as grad and d/dx ... at give it.
  calc::Point at;
  std::string point_text;
  for (const auto& [name, value] : point) at[sym(name)] = value;
  for (std::size_t i = 0; i < body.names.size(); ++i)
    point_text += (i ? ", " : "") + body.names[i] + " = " + context.text(point[body.names[i]]);
  Expr composed = composition(graph);
  for (const calc::GraphNode& n : graph.nodes)
    if (!n.definition) ev.differentiate_at(composed, {{sym(n.name), 1}}, at, point_text, body);
  // The value is the gradient: the inputs' adjoints, in the inputs' order.
  std::vector<Value> gradient;
  for (const calc::GraphNode& n : graph.nodes) {
    if (n.definition) continue;
    for (const calc::Adjoint& a : trace.adjoints)
      if (a.node == n.name) gradient.push_back(Value::of(a.value));
  }
  Result r = Result::of(Value::list(std::move(gradient)));
  r.shape = BackpropTrace{std::move(trace)};
  return r;
}

}  // namespace ddx::eval
