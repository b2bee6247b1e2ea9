// SPDX-License-Identifier: GPL-3.0-or-later
// Whole statements: what an expression statement shows (a chain for dy/dx of a defined name,
// steps when asked, else its value), and the bodies definitions keep.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eval/context.hpp"
#include "eval/evaluator.hpp"
#include "eval/result.hpp"
#include "resolve/request.hpp"

namespace ddx::eval {

// The answer to an expression statement. `steps`: explain a derivative rule by rule
// (`steps d/dx E`, --steps, :steps on); a trace that would print more than max_steps_terms gives
// the answer alone with a note.
Result evaluate_expression(const Term& body, const Context& context, bool steps);

// Why a statement of values alone has none: a part it lost as it was read (`lost`) left without
// one once each defined name's value is put in (after a = 0, a/a was 1, where 0/0 is refused).
// Nullopt where every part has one, or the statement holds more than values (derivatives,
// procedures and points see to their own).
std::optional<std::string> lost_value_missing(const Term& body, std::span<const Expr> lost, const Context& context);

// What generated code calls the answer to `body` (the question): d_dx, dy_dx, grad, jacobian,
// hessian; empty (f) for anything else. Asked only where an answer prints as a program.
std::string program_name(const Term& body);

// `backprop E at POINT`: the forward values and the adjoints of the graph of E (a defined name's
// definitions, or the operations of an expression).
Result evaluate_backprop(const Term& body, const Context& context);

// The body of `NAME = EXPR` as written: defined names kept (y = u^3 remembers that y depends on
// u), derivatives inside taken of the names' values.
Expr definition_body(const Term& body, const Context& context);

// The body of `NAME(PARAMS) = EXPR`: every definition it uses substituted, the parameters its own.
Expr function_body(const Term& body, const std::vector<Expr>& params, const Context& context);

}  // namespace ddx::eval
