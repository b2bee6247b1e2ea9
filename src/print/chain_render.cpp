// SPDX-License-Identifier: GPL-3.0-or-later
// Chain display (see render_chain.hpp):
//   dy/dx = dy/du * du/dx            the chain in Leibniz form over the named intermediates
//         = 3u^2 (6x^2 + 6x)         each factor's derivative filled in
//         = 3 (2x^3 + 3x^2)^2 (6x^2 + 6x)   every definition substituted
// A line that would repeat the one before (or say nothing new) is left out.
#include "print/chain_render.hpp"

#include <algorithm>

#include "print/code_points.hpp"

namespace ddx::print {
namespace {

// In a chain by x a factor ∂n/∂v of a name n that also reaches v through intermediates (∂n/∂u,
// ..., u moving with v) is the partial with those held fixed; written ∂n/∂v, the line read ∂z/∂x =
// ∂z/∂u * du/dx + ∂z/∂x, two meanings under one name, and typed back (as the textbook's dz/dx =
// ∂z/∂u du/dx + ∂z/∂x) ∂z/∂x chains through u. It is written as thermodynamics writes it, the
// names held as a subscript: (∂z/∂x)_u, which reads back as that partial. So for a v before x
// (z = -3u + cos(v), u = 3v, v = e^(x/3): ... + (∂z/∂v)_u * dv/dx).
std::vector<std::string> held_fixed(const calc::Chain& c, const calc::LeibnizFactor& f) {
  std::vector<std::string> held;
  for (const auto& term : c.terms)
    for (std::size_t i = 0; i < term.size(); ++i) {
      const calc::LeibnizFactor& other = term[i];
      if (other.name != f.name || other.var == f.var || std::find(held.begin(), held.end(), other.var) != held.end())
        continue;
      // (other.var moves with f.var where a route goes on from it to a derivative by f.var)
      if (std::any_of(term.begin() + static_cast<std::ptrdiff_t>(i) + 1, term.end(),
                      [&](const calc::LeibnizFactor& later) { return later.var == f.var; }))
        held.push_back(other.var);
    }
  return held;
}

std::string factor_text(const calc::Chain& c, const calc::LeibnizFactor& f, Format fmt) {
  std::vector<std::string> held = held_fixed(c, f);
  std::string partial = leibniz(f.name, {f.var}, 1, f.partial || !held.empty(), fmt);
  if (held.empty()) return partial;
  std::string names;
  for (const std::string& n : held) names += (names.empty() ? "" : ", ") + n;
  if (fmt == Format::Latex) return "\\left(" + partial + "\\right)_{" + names + "}";
  return "(" + partial + ")_" + (held.size() == 1 ? names : "(" + names + ")");
}

std::string_view times(Format f) {
  switch (f) {
    case Format::Unicode: return " · ";
    case Format::Latex: return " \\cdot ";
    case Format::Code: return "*";
    default: return " * ";
  }
}

std::string leibniz_line(const calc::Chain& c, Format f) {
  std::string s;
  for (std::size_t i = 0; i < c.terms.size(); ++i) {
    if (i) s += " + ";
    for (std::size_t j = 0; j < c.terms[i].size(); ++j) {
      if (j) s += times(f);
      s += factor_text(c, c.terms[i][j], f);
    }
  }
  return s;
}

// d^2y/du^2 * (du/dx)^2 + dy/du * d^2u/dx^2
std::string second_order_line(const calc::Chain& c, Format f) {
  std::string du_dx = leibniz(c.through, {c.var}, 1, c.through_partial, f);
  std::string squared;
  switch (f) {
    case Format::Latex: squared = "\\left(" + du_dx + "\\right)^{2}"; break;
    case Format::Unicode: squared = "(" + du_dx + ")²"; break;
    case Format::Code: squared = du_dx + "^2"; break;  // diff(u, x)^2
    default: squared = "(" + du_dx + ")^2";
  }
  std::string t(times(f));
  return leibniz(c.target, {c.through, c.through}, 2, c.target_partial, f) + t + squared + " + " +
         leibniz(c.target, {c.through}, 1, c.target_partial, f) + t + leibniz(c.through, {c.var, c.var}, 2, c.through_partial, f);
}


}  // namespace

std::string render_chain(const calc::Chain& c, Format f) {
  std::string lhs = c.order == 2 ? leibniz(c.target, {c.var, c.var}, 2, c.partial, f)
                                 : leibniz(c.target, {c.var}, 1, c.partial, f);
  std::vector<std::string> steps;
  if (c.order == 2) steps.push_back(second_order_line(c, f));
  // The Leibniz line, unless the chain is just the question itself (no intermediates).
  bool trivial = c.terms.size() == 1 && c.terms[0].size() == 1 && c.terms[0][0].name == c.target;
  if (!c.terms.empty() && !trivial) steps.push_back(leibniz_line(c, f));
  bool informative = c.order == 2;
  for (const auto& term : c.terms)
    for (const auto& factor : term) informative = informative || factor.informative;
  if (informative || c.terms.empty()) {
    std::string filled = to_string(c.filled, f);
    std::string substituted = to_string(c.substituted, f);
    if (steps.empty() || steps.back() != filled) steps.push_back(filled);
    if (steps.back() != substituted) steps.push_back(substituted);
  }
  // Never the question alone: u = g(x) gives du/dx = g'(x), though no line before says more.
  if (steps.empty()) steps.push_back(to_string(c.substituted, f));
  if (f == Format::Latex) {
    std::string s = "\\begin{aligned} " + lhs;
    for (std::size_t i = 0; i < steps.size(); ++i) s += (i ? " \\\\ &= " : " &= ") + steps[i];
    return s + " \\end{aligned}";
  }
  std::string s = lhs;
  std::string indent(code_points(lhs), ' ');
  for (std::size_t i = 0; i < steps.size(); ++i) s += (i ? "\n" + indent : std::string()) + " = " + steps[i];
  return s;
}

}  // namespace ddx::print
