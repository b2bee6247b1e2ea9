// SPDX-License-Identifier: GPL-3.0-or-later
// `steps` (docs/language.md §8): a derivative explained as the differentiator's own rule applications, outer to
// inner, each shown as the whole expression with the parts not yet differentiated written as
// pending derivatives (`d/dx (x^2)`). Data only; print/steps_render.hpp turns it into text.
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

// One line of a derivation: `= expression   (rule: outer O, inner I)`.
struct Step {
  // The differentiator's own name for what it did ("power rule, chain rule", "sum rule",
  // "trigonometric, chain rule", "general power", "abstract function, chain rule"), or
  // "definition substitution" (first line, when the question was written with defined names) and
  // "simplify" (last line, when collecting the pieces still changes the form).
  std::string rule;
  // Chain rule through a one-argument function or a power: the outer function written over a fresh
  // symbol (`cos(u)`, `u^3`, `e^u`, `f(u)`), that symbol, and the inner expression it stands for.
  std::optional<Expr> outer;
  std::optional<Expr> inner_symbol;
  std::optional<Expr> inner;
  // The whole expression after this step. Pending derivatives are calls of the abstract function
  // returned by pending_derivative_function(var, partial); the printers show them as operators.
  Expr expression;
};

// Differentiating once: the question `d/dx operand`, its steps, and the answer of this order.
struct StepBlock {
  Expr operand;             // what this order differentiates (the previous order's answer)
  Expr question;            // pending_derivative(operand): `d/dx (operand)` as an expression
  std::vector<Step> steps;  // never empty; the last expression is `answer`
  Expr answer;
};

struct Steps {
  Expr operand;  // the expression asked about (as written, before definition substitution)
  Expr var;
  int order = 1;
  bool partial = false;          // write ∂/∂x rather than d/dx
  std::vector<StepBlock> blocks;  // one per order; fewer when a derivative vanishes early
  Expr answer;                   // equals diff(e, var, order)
};

// Explains diff(e, var, order): runs the differentiator with a trace and replays its rule
// applications. `as_written`, when given and different from e, is the question as the user wrote
// it (with defined names); the first step is then the substitution of their definitions.
// `partial` only changes the operator shown (∂/∂x). Throws what diff throws.
// `terms_left`, when given, is a budget of printed terms (calc::expr_size) for the whole trace,
// every step's expression counted: it is reduced by what the trace uses, and TraceTooLong is
// thrown as soon as the trace would exceed it (the budget is then spent: do not reuse it).
Steps explain_derivative(Expr e, Expr var, int order = 1, bool partial = false,
                         std::optional<Expr> as_written = std::nullopt, std::size_t* terms_left = nullptr);

// A trace that would print more terms than its budget; the derivative itself may be fine.
struct TraceTooLong : std::exception {
  const char* what() const noexcept override { return "the steps would print too many terms"; }
};

// A derivative not yet taken: the typed marker core/functions.hpp's pending_derivative_function
// makes, applied to operand. Printers write it `d/dx (u)`, `\frac{d}{dx}\left(u\right)`, `diff(u, x)`.
Expr pending_derivative(Expr operand, Expr var, bool partial = false);

}  // namespace ddx::calc
