// SPDX-License-Identifier: GPL-3.0-or-later
// Rendering of a reverse-mode trace (see trace_render.hpp):
//   forward
//     x3 = x1 + x2 = 7
//   backward
//     ∂x5/∂x2 = ∂x5/∂x3 * 1 + ∂x5/∂x4 * 2e^4 x2 = 16e^4 + 7 * 8e^4 = 72e^4
#include "print/trace_render.hpp"

#include <unordered_map>

#include "print/json.hpp"

namespace ddx::print {
namespace {

std::string times(Format f) {
  switch (f) {
    case Format::Unicode: return " · ";
    case Format::Latex: return " \\cdot ";
    default: return " * ";
  }
}

// e as a factor of a product written out: bracketed when it is a sum, or carries a sign and is
// not the first factor.
std::string factor(Expr e, Format f, bool first = false) {
  std::string s = to_string(e, f);
  if (e.is(Kind::Add) || (has_negative_sign(e) && !first))
    return f == Format::Latex ? "\\left(" + s + "\\right)" : "(" + s + ")";
  return s;
}

// Terms joined by + and -, each written as it is (a leading sign becomes the operator).
void append_term(std::string& sum, std::string term, Format f) {
  std::string minus = f == Format::Unicode ? "−" : "-";
  if (sum.empty()) {
    sum = term;
  } else if (term.rfind(minus, 0) == 0) {
    sum += " " + minus + " " + term.substr(minus.size());
  } else {
    sum += " + " + term;
  }
}

std::string partial(const std::string& output, const std::string& node, Format f) {
  return leibniz(output, {node}, 1, true, f);
}

struct Lines {
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;  // left side, the sides after `=`
};

Lines lines(const calc::Trace& t, Format f) {
  std::unordered_map<std::string, Expr> adjoint;
  for (const calc::Adjoint& a : t.adjoints) adjoint.emplace(a.node, a.value);
  Lines out;
  for (std::size_t i = 0; i < t.nodes.size(); ++i) {
    const calc::GraphNode& n = t.nodes[i];
    std::vector<std::string> sides;
    if (n.definition) sides.push_back(to_string(*n.definition, f));
    std::string value = to_string(t.values[i], f);
    if (sides.empty() || sides.back() != value) sides.push_back(value);
    out.rows.emplace_back(symbol_name(n.name, f), std::move(sides));
  }
  out.rows.emplace_back("", std::vector<std::string>{});  // the block break
  for (const calc::Adjoint& a : t.adjoints) {
    std::vector<std::string> sides;
    std::string symbolic, filled;
    for (const calc::AdjointTerm& term : a.terms) {
      if (!symbolic.empty()) symbolic += " + ";
      symbolic += partial(t.output, term.consumer, f) + times(f) + factor(term.local, f);
      Expr adj = adjoint.at(term.consumer);
      // Filled in: a factor 1 says nothing (16e^4 * 1 is 16e^4), and -1 is a sign.
      std::string minus = f == Format::Unicode ? "−" : "-";
      if (adj.is_one()) append_term(filled, factor(term.local_value, f, true), f);
      else if (term.local_value.is_one()) append_term(filled, factor(adj, f, true), f);
      else if (adj.is_minus_one()) append_term(filled, minus + factor(term.local_value, f), f);
      else append_term(filled, factor(adj, f, true) + times(f) + factor(term.local_value, f), f);
    }
    std::string value = to_string(a.value, f);
    if (!symbolic.empty()) sides.push_back(symbolic);
    if (!filled.empty() && filled != value) sides.push_back(filled);
    sides.push_back(value);
    out.rows.emplace_back(partial(t.output, a.node, f), std::move(sides));
  }
  return out;
}

}  // namespace

std::string render_trace(const calc::Trace& t, Format f) {
  Lines l = lines(t, f);
  bool backward = false;
  if (f == Format::Latex) {
    std::string s = "\\begin{aligned} &\\text{forward}";
    for (const auto& [left, sides] : l.rows) {
      if (left.empty()) {
        s += " \\\\ &\\text{backward}";
        continue;
      }
      s += " \\\\ " + left + " &= ";
      for (std::size_t i = 0; i < sides.size(); ++i) s += (i ? " = " : "") + sides[i];
    }
    return s + " \\end{aligned}";
  }
  std::string s = "forward";
  for (const auto& [left, sides] : l.rows) {
    if (left.empty()) {
      s += "\nbackward";
      backward = true;
      continue;
    }
    s += "\n  " + left;
    for (const std::string& side : sides) s += " = " + side;
  }
  (void)backward;
  return s;
}

std::string trace_json(const calc::Trace& t) {
  std::unordered_map<std::string, const calc::Adjoint*> adjoint;
  for (const calc::Adjoint& a : t.adjoints) adjoint.emplace(a.node, &a);
  std::string s = "[";
  for (std::size_t i = 0; i < t.nodes.size(); ++i) {
    const calc::GraphNode& n = t.nodes[i];
    s += std::string(i ? ", " : "") + "{\"node\": " + json_quote(n.name) + ", \"definition\": " +
         (n.definition ? json_quote(to_string(*n.definition, Format::Text)) : std::string("null")) +
         ", \"value\": " + json_quote(to_string(t.values[i], Format::Text)) +
         ", \"adjoint\": " + json_quote(to_string(adjoint.at(n.name)->value, Format::Text)) + ", \"local_partials\": {";
    // This node's own edges: ∂node/∂input for each node its definition uses.
    bool first = true;
    for (const calc::Adjoint& a : t.adjoints)
      for (const calc::AdjointTerm& term : a.terms)
        if (term.consumer == n.name) {
          s += std::string(first ? "" : ", ") + json_quote(a.node) + ": " + json_quote(to_string(term.local, Format::Text));
          first = false;
        }
    s += "}}";
  }
  return s + "]";
}

}  // namespace ddx::print
