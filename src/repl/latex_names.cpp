// SPDX-License-Identifier: GPL-3.0-or-later
// The LaTeX-name table behind Tab completion (see latex_names.hpp).
#include "repl/latex_names.hpp"

#include <iterator>

namespace ddx {
namespace {

struct LatexName {
  const char* name;
  const char* symbol;
};

// Every symbol here is one grammar/utf8.cpp accepts (operators, ∂, √, Greek lower case).
constexpr LatexName k_names[] = {
    {"\\partial", "∂"}, {"\\cdot", "·"},   {"\\times", "×"},   {"\\sqrt", "√"},    {"\\alpha", "α"},
    {"\\beta", "β"},    {"\\gamma", "γ"},  {"\\delta", "δ"},   {"\\epsilon", "ε"}, {"\\varepsilon", "ε"},
    {"\\zeta", "ζ"},    {"\\eta", "η"},    {"\\theta", "θ"},   {"\\iota", "ι"},    {"\\kappa", "κ"},
    {"\\lambda", "λ"},  {"\\mu", "μ"},     {"\\nu", "ν"},      {"\\xi", "ξ"},      {"\\omicron", "ο"},
    {"\\pi", "π"},      {"\\rho", "ρ"},    {"\\sigma", "σ"},   {"\\tau", "τ"},     {"\\upsilon", "υ"},
    {"\\phi", "φ"},     {"\\chi", "χ"},    {"\\psi", "ψ"},     {"\\omega", "ω"},
};

}  // namespace

const char* latex_symbol(std::string_view name) {
  for (const LatexName& n : k_names)
    if (name == n.name) return n.symbol;
  return nullptr;
}

std::vector<std::string> latex_symbol_names() {
  std::vector<std::string> out;
  out.reserve(std::size(k_names));
  for (const LatexName& n : k_names) out.emplace_back(n.name);
  return out;
}

}  // namespace ddx
