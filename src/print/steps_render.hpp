// SPDX-License-Identifier: GPL-3.0-or-later
// Renders calc::Steps (docs/language.md §8): one line per rule application, `= EXPR    (rule)`, in text,
// unicode and code, an align* block in LaTeX, and the (rule, expression) rows JSON carries.
#pragma once

#include <string>
#include <vector>

#include "calculus/steps.hpp"
#include "print/print.hpp"

namespace ddx::print {

// "trigonometric, chain rule: outer cos(u), inner u = x^2" (the detail's expressions in format f;
// in Latex the words are \text{...} and the maths is not).
std::string step_rule(const calc::Step& s, Format f);

// The derivation, one line per step, blocks (orders) one after another:
//   d/dx sin(x^2)
//     = cos(x^2) d/dx (x^2)    (trigonometric, chain rule: outer sin(u), inner u = x^2)
//     = 2x cos(x^2)            (power rule)
// Order k > 1 opens with `d^k/dx^k (operand) = d/dx (previous answer)`. Latex: one
// \begin{align*} ... \end{align*} with the rules as \text{} after &&. No trailing newline.
std::string render_steps(const calc::Steps& s, Format f);

// One row per step for JSON: which order it belongs to (1-based), the rule as step_rule gives it,
// and the expression after the step, both in format f.
struct StepRow {
  int order = 1;
  std::string rule;
  std::string expression;
};
std::vector<StepRow> step_rows(const calc::Steps& s, Format f);

}  // namespace ddx::print
