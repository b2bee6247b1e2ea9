// SPDX-License-Identifier: GPL-3.0-or-later
// Numeric evaluation of expressions, from the function table's evaluators. (Exact substitution
// and free symbols are core: core/substitute.hpp.)
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/expr.hpp"
#include "core/substitute.hpp"

namespace ddx::calc {

// Numeric value of e with the symbols given by name. Outside the real domain the result is NaN
// (log(-1), sqrt(-1)) or +-inf (1/0). Throws MathError for a symbol with no value and for
// abstract functions (f(x) has no numeric value).
double evaluate(Expr e, const std::unordered_map<std::string, double>& values);

}  // namespace ddx::calc
