// SPDX-License-Identifier: GPL-3.0-or-later
// Computational graphs and their reverse-mode trace (see reverse_mode.hpp).
#include "calculus/reverse_mode.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "calculus/diff.hpp"
#include "core/corner_sign.hpp"
#include "core/interrupt.hpp"
#include "core/substitute.hpp"

namespace ddx::calc {
namespace {

void add_inputs(Graph& g, std::set<std::string> inputs) {
  std::vector<GraphNode> nodes;
  for (const std::string& name : inputs) nodes.push_back({name, std::nullopt});
  nodes.insert(nodes.end(), g.nodes.begin(), g.nodes.end());
  g.nodes = std::move(nodes);
}

// A name for the operations that no input has: v, then w, then u.
std::string operation_prefix(Expr e) {
  std::vector<Expr> symbols = free_symbols(e);
  for (const char* prefix : {"v", "w", "u", "t"}) {
    bool clash = std::any_of(symbols.begin(), symbols.end(), [&](Expr s) {
      const std::string& n = s.name();
      return n.size() > 1 && n.rfind(prefix, 0) == 0 &&
             std::all_of(n.begin() + 1, n.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
    if (!clash) return prefix;
  }
  return "op";
}

}  // namespace

Graph graph_of_definitions(std::string_view target, const DefinitionLookup& body_of) {
  Graph g;
  std::set<std::string> inputs, visited;
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    if (!visited.insert(name).second) return;
    auto body = body_of(name);
    if (!body) {
      inputs.insert(name);
      return;
    }
    for (Expr s : free_symbols(*body)) visit(s.name());
    g.nodes.push_back({name, *body});
  };
  visit(std::string(target));
  add_inputs(g, std::move(inputs));
  return g;
}

Graph graph_of_expression(Expr e) {
  Graph g;
  std::set<std::string> inputs;
  std::string prefix = operation_prefix(e);
  std::unordered_map<const void*, Expr> named;  // an operation's node -> its node's symbol
  std::function<Expr(Expr)> visit = [&](Expr x) -> Expr {
    check_interrupt();
    switch (x.kind()) {
      case Kind::Number:
      case Kind::Constant: return x;
      case Kind::Symbol: inputs.insert(x.name()); return x;
      default: break;
    }
    if (auto it = named.find(x.node()); it != named.end()) return it->second;
    Expr definition = map_children(x, visit);
    Expr node = sym(prefix + std::to_string(g.nodes.size() + 1));
    g.nodes.push_back({node.name(), definition});
    named.emplace(x.node(), node);
    return node;
  };
  visit(e);  // a bare symbol is its own output: the graph is that one input
  add_inputs(g, std::move(inputs));
  return g;
}

Trace reverse_mode(const Graph& g, const std::unordered_map<std::string, Expr>& point) {
  Trace t;
  t.nodes = g.nodes;
  t.output = g.nodes.back().name;
  std::unordered_map<Expr, Expr> values;
  for (const GraphNode& n : g.nodes) {
    check_interrupt();
    Expr v;
    if (!n.definition) {
      auto it = point.find(n.name);
      if (it == point.end()) throw MissingInput(n.name);
      v = it->second;
    } else {
      v = substitute(*n.definition, values);
    }
    values.emplace(sym(n.name), v);
    t.values.push_back(v);
  }
  // Adjoints from the output back: each node's is complete once every consumer's is.
  std::unordered_map<std::string, Expr> adjoint;
  for (std::size_t i = g.nodes.size(); i-- > 0;) {
    check_interrupt();
    const GraphNode& n = g.nodes[i];
    Adjoint a;
    a.node = n.name;
    if (i + 1 == g.nodes.size()) {
      a.value = Expr(1);
    } else {
      Expr sum;
      for (std::size_t j = i + 1; j < g.nodes.size(); ++j) {
        const GraphNode& c = g.nodes[j];
        if (!c.definition || !depends_on(*c.definition, sym(n.name))) continue;
        // (A corner's slope is taken as sign(0) = 0, as automatic differentiation takes it; backprop
        // checks the gradient against the derivative.)
        Expr local = with_typed_signs(diff(*c.definition, sym(n.name)));
        Expr local_value = substitute(local, values);
        a.terms.push_back({c.name, local, local_value});
        sum = sum + adjoint.at(c.name) * local_value;
      }
      a.value = sum;
    }
    adjoint.emplace(n.name, a.value);
    t.adjoints.push_back(std::move(a));
  }
  return t;
}

}  // namespace ddx::calc
