// SPDX-License-Identifier: GPL-3.0-or-later
// Text, unicode, code and LaTeX renderings of a derivation (calc::Steps). Expressions print
// through to_string, so a pending derivative reads `d/dx (x^2)` / `\frac{d}{dx}\left(x^{2}\right)`.
#include "print/steps_render.hpp"

#include <algorithm>

#include "print/code_points.hpp"

namespace ddx::print {
namespace {

// The operator of order k: d/dx, d^2/dx^2, ∂²/∂x², \frac{d^{2}}{dx^{2}} (code writes it as text).
std::string op(const calc::Steps& s, int k, Format f) {
  return leibniz("", {s.var.name()}, k, s.partial, f == Format::Code ? Format::Text : f);
}

std::string header(const calc::Steps& s, const calc::StepBlock& b, int k, Format f) {
  std::string q = to_string(b.question, f);
  if (k == 1) return q;
  std::string operand = to_string(s.operand, f);
  if (f == Format::Latex) return op(s, k, f) + "\\left(" + operand + "\\right) = " + q;
  return op(s, k, f) + " (" + operand + ") = " + q;
}

}  // namespace

std::string step_rule(const calc::Step& s, Format f) {
  bool latex = f == Format::Latex;
  auto words = [&](const std::string& w) { return latex ? "\\text{" + w + "}" : w; };
  if (!s.outer || !s.inner || !s.inner_symbol) return words(s.rule);
  return words(s.rule + ": outer ") + to_string(*s.outer, f) + words(", inner ") + to_string(*s.inner_symbol, f) +
         " = " + to_string(*s.inner, f);
}

std::vector<StepRow> step_rows(const calc::Steps& s, Format f) {
  std::vector<StepRow> rows;
  for (std::size_t k = 0; k < s.blocks.size(); ++k)
    for (const calc::Step& st : s.blocks[k].steps)
      rows.push_back({static_cast<int>(k + 1), step_rule(st, f), to_string(st.expression, f)});
  return rows;
}

std::string render_steps(const calc::Steps& s, Format f) {
  std::string out;
  if (f == Format::Latex) {
    out = "\\begin{aligned}\n";  // math-mode content, like every LaTeX answer (and :export nests it)
    for (std::size_t k = 0; k < s.blocks.size(); ++k) {
      const calc::StepBlock& b = s.blocks[k];
      out += "& " + header(s, b, static_cast<int>(k + 1), f) + " \\\\\n";
      for (const calc::Step& st : b.steps) out += "&= " + to_string(st.expression, f) + " && " + step_rule(st, f) + " \\\\\n";
    }
    if (out.size() >= 4 && out.compare(out.size() - 4, 4, " \\\\\n") == 0) out.erase(out.size() - 4);
    return out + "\n\\end{aligned}";
  }
  // The rule column starts after the longest expression when that keeps lines reasonably short.
  std::vector<StepRow> rows = step_rows(s, f);
  std::size_t width = 0;
  for (const StepRow& r : rows) width = std::max(width, code_points(r.expression));
  if (width > 60) width = 0;
  std::size_t row = 0;
  for (std::size_t k = 0; k < s.blocks.size(); ++k) {
    if (!out.empty()) out += "\n";
    out += header(s, s.blocks[k], static_cast<int>(k + 1), f);
    for (std::size_t i = 0; i < s.blocks[k].steps.size(); ++i, ++row) {
      const StepRow& r = rows[row];
      std::size_t pad = width > code_points(r.expression) ? width - code_points(r.expression) : 0;
      out += "\n  = " + r.expression + std::string(pad + 4, ' ') + "(" + r.rule + ")";
    }
  }
  return out;
}

}  // namespace ddx::print
