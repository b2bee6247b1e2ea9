// SPDX-License-Identifier: GPL-3.0-or-later
// `backprop NAME at POINT` and `backprop EXPR at POINT` (see statement.hpp): the graph of a
// defined name's definitions, or of an expression's operations, traced in reverse mode.
#include <algorithm>
#include <cmath>

#include "calculus/reverse_mode.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"
#include "eval/statement.hpp"

namespace ddx::eval {
namespace {

// The output of the graph as one expression of its inputs.
Expr composition(const calc::Graph& graph) {
  std::unordered_map<Expr, Expr> value_of;  // each node by its inputs
  Expr last = sym(graph.nodes.back().name);  // (a graph of one input is that input)
  for (const calc::GraphNode& n : graph.nodes) {
    if (!n.definition) continue;
    last = substitute(*n.definition, value_of);
    value_of[sym(n.name)] = last;
  }
  return last;
}

// Whether two values of a derivative differ: an exact difference that is not 0, or decimals
// apart by more than rounding.
bool differ(Expr a, Expr b) {
  Expr d = a - b;
  if (!d.is_number()) return false;  // (forms ddx cannot compare are not called different)
  if (d.number().is_exact()) return !d.is_zero();
  double x = a.is_number() ? a.number().to_double() : 0, y = b.is_number() ? b.number().to_double() : 0;
  return std::fabs(d.number().to_double()) > 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
}

}  // namespace

Result evaluate_backprop(const Term& body, const Context& context) {
  if (body.kind != TermKind::At)
    throw EvalError{body.span, "backprop needs a point: backprop EXPR at x = 1, y = 2 (or a defined name at its inputs)"};
  Evaluator ev(context);
  std::unordered_map<std::string, Expr> point;
  for (std::size_t i = 1; i < body.children.size(); ++i) point[body.names[i - 1]] = ev.scalar(body.children[i]);
  {  // (backprop x^2 y at x = u, y = 2, after u = y + 1, traced x = y + 1 with y left in)
    calc::Point given;
    for (const auto& [name, value] : point) given[sym(name)] = value;
    ev.refuse_point_naming_another(body, given);
  }
  const Term& operand = body.children[0];
  bool defined_name = operand.is_value() && operand.expr.is(Kind::Symbol) && context.definition(operand.expr.name());
  std::vector<Expr> lost = body.dropped;  // exp(log(y)) is y, but has no value at y = -3
  lost.insert(lost.end(), operand.dropped.begin(), operand.dropped.end());
  calc::Graph graph;
  std::string without;  // what the expression reads as, for a point that names what it lacks
  std::vector<std::string> bounds;  // names the point gives that are bounds of sums: no inputs
  if (defined_name) {
    graph = calc::graph_of_definitions(operand.expr.name(), [&](std::string_view n) { return context.definition(n); });
  } else {
    Expr e = noting_into(lost, [&] { return ev.scalar(operand); });
    // A sum is traced written out, its bounds given their values at the point: its terms' entries
    // (x_1, x_2) are inputs, and its bounds, whole numbers, are none (a sum over 1 .. N asked
    // for a value of its index, and sum(a, n = 1 .. N) had a derivative by N).
    if (has_sum(e)) {
      std::unordered_map<Expr, Expr> at_bounds;
      for (Expr s : bound_symbols(e))
        if (auto given = point.find(s.name()); given != point.end()) {
          at_bounds.emplace(s, given->second);
          bounds.push_back(s.name());
        }
      try {
        e = write_out_sums(substitute(e, at_bounds));
      } catch (const MathError& error) {
        throw EvalError{operand.span, error.what()};
      }
      if (has_symbolic_range(e))
        throw EvalError{operand.span, "backprop traces a sum written out: give the names in its bounds values too"};
    }
    if (e.is(Kind::Number) || e.is(Kind::Constant))
      throw EvalError{operand.span, "backprop needs an expression of variables: a constant has no graph"};
    graph = calc::graph_of_expression(e);
    without = " (the expression is " + context.text(e) + ", without it)";  // (log(x) - log(x) + y is y)
  }
  for (std::size_t i = 0; i < body.names.size(); ++i) {
    const std::string& name = body.names[i];
    if (std::find(bounds.begin(), bounds.end(), name) != bounds.end()) continue;
    bool input = false;
    for (const calc::GraphNode& n : graph.nodes) input = input || (!n.definition && n.name == name);
    if (!input) throw EvalError{body.name_spans[i], "'" + name + "' is not an input of the graph" + without};
  }
  calc::Point at;
  std::string point_text;
  for (const auto& [name, value] : point) at[sym(name)] = value;
  for (std::size_t i = 0; i < body.names.size(); ++i)
    point_text += (i ? ", " : "") + body.names[i] + " = " + context.text(point[body.names[i]]);
  if (auto why = value_missing(lost, at))
    throw EvalError{body.span, *why + " in the expression as written (its simplified form hides it)"};
  // Each local derivative is a formula that has a value at a corner too (sign(0) = 0, relu's
  // 1/2): the gradient is given only where it exists, as grad and d/dx ... at give it, and only
  // where the trace's chain rule gives it (through sign(x) abs(x) at 0 it gives 0 for 1).
  Expr composed = composition(graph);
  auto derivatives = [&] {
    std::unordered_map<std::string, Expr> exact;
    for (const calc::GraphNode& n : graph.nodes)
      if (!n.definition) exact[n.name] = ev.differentiate_at(composed, {{sym(n.name), 1}}, at, point_text, body);
    return exact;
  };
  calc::Trace trace;
  try {
    trace = calc::reverse_mode(graph, point);
  } catch (const calc::MissingInput& missing) {
    throw EvalError{body.span, "backprop needs a value for " + missing.input + " (add " + missing.input + " = ... after at)"};
  } catch (const MathError& e) {
    derivatives();  // (why there is none, if that is why: x sqrt(x^2) at 0 is 0/0, not a division by zero)
    throw EvalError{body.span, e.what()};
  }
  std::unordered_map<std::string, Expr> exact = derivatives();
  for (const calc::Adjoint& a : trace.adjoints)
    if (auto d = exact.find(a.node); d != exact.end() && differ(a.value, d->second))
      throw EvalError{body.span, "backprop cannot trace this gradient at " + point_text + ": a local derivative is taken "
                                 "at a corner, and the chain rule through it gives " + context.text(a.value) + " for ∂/∂" +
                                 a.node + ", which is " + context.text(d->second) + " (d/d" + a.node + " ... at gives it)"};
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
