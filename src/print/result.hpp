// SPDX-License-Identifier: GPL-3.0-or-later
// Any answer (eval::Result) in any format: values, vectors and matrices (pmatrix in LaTeX),
// truth values, chains, steps, total differentials, tangents, decimals, tables. The blocks of
// several lines are laid out here, beside the expression printers; nothing else formats answers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eval/result.hpp"
#include "print/print.hpp"

namespace ddx::print {

// The answer in `f` (not Json: that wraps several of these). Multi-line answers separate lines
// with '\n'; no trailing newline. A plot renders as nothing: where it goes is the session's call.
std::string render(const eval::Result& r, Format f);
// The expression whose text (to_string) is the answer's whole text in `f`, when there is one: such
// an answer may be written as it is printed (write_expression).
std::optional<Expr> sole_expression(const eval::Result& r, Format f);
// The conditions an answer holds under, one text each: "1 <= k <= N", "k != j" (≤, ≠ in Unicode).
std::vector<std::string> condition_texts(const std::vector<IndexCondition>& conditions, Format f);
// A value alone (a vector prints `[a, b]`, a matrix `[[a, b], [c, d]]`, LaTeX pmatrix).
std::string render(const eval::Value& v, Format f);

}  // namespace ddx::print
