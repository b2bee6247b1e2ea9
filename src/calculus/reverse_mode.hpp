// SPDX-License-Identifier: GPL-3.0-or-later
// Reverse-mode differentiation, traced the way a textbook tabulates it (Griewank and Walther): a
// computational graph evaluated forward at a point, then each node's adjoint — the derivative of
// the output by that node — as the sum over its consumers of their adjoint times the local
// partial derivative. Exact throughout; pure algebra (printing is print/trace_render.hpp's).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "calculus/chain.hpp"
#include "core/expr.hpp"

namespace ddx::calc {

struct GraphNode {
  std::string name;
  std::optional<Expr> definition;  // over the names (symbols) of earlier nodes; none: an input
};

// Nodes in evaluation order: the inputs first (sorted), the output last.
struct Graph {
  std::vector<GraphNode> nodes;
};

// The graph of a defined name: its definition and every definition it reaches; the names no
// definition gives are the inputs.
Graph graph_of_definitions(std::string_view target, const DefinitionLookup& body_of);
// The graph of an expression: one node per operation of its canonical form (a sum, a product, a
// power, a function), shared subexpressions once, named v1, v2, ... in evaluation order (or w1,
// ... when the expression has a symbol named like that); its symbols are the inputs.
Graph graph_of_expression(Expr e);

struct AdjointTerm {
  std::string consumer;  // a node whose definition uses this one
  Expr local;            // ∂consumer/∂node, over the node names
  Expr local_value;      // its value at the point
};
struct Adjoint {
  std::string node;
  std::vector<AdjointTerm> terms;  // in the consumers' evaluation order; none for the output
  Expr value;
};
struct Trace {
  std::string output;
  std::vector<GraphNode> nodes;  // forward, in evaluation order
  std::vector<Expr> values;      // parallel to nodes
  std::vector<Adjoint> adjoints; // backward: the output first, then the nodes in reverse order
};

// An input the point gives no value.
struct MissingInput : std::runtime_error {
  explicit MissingInput(const std::string& name) : std::runtime_error(name), input(name) {}
  std::string input;
};

// The trace at the point (every input needs a value there: MissingInput otherwise; a math error
// such as log(0) propagates as MathError).
Trace reverse_mode(const Graph& g, const std::unordered_map<std::string, Expr>& point);

}  // namespace ddx::calc
