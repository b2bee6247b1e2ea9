// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal values to any number of significant digits (MPFR), for approx(EXPR, DIGITS).
#pragma once

#include "core/limits.hpp"
#include <string>

#include "core/expr.hpp"

namespace ddx::calc {

// The value of a closed expression (no free symbols, no abstract functions) as a decimal string
// with `digits` significant digits ("3.14159265358979323846264338328"). Throws MathError when the
// value is not a real number (log(-1), 1/0 after rounding, ...).
std::string evalf(Expr e, int digits);


}  // namespace ddx::calc
