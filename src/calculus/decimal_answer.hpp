// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers whose digits hold. A formula evaluated in double precision, one rounding after
// another, can lose every digit: d/dx sec(sinh(2e x^2)) at x = -2.5 takes sec of a number near
// 2.9e14, which one rounding of sinh moves by several radians, and printed 29740820070537876.0
// for 2.2392663505375e18. Such an answer is worked out again in MPFR, from the formula.
#pragma once

#include <unordered_map>

#include "core/expr.hpp"

namespace ddx::calc {

// What the symbols given values are: a point's variables (x = -2.4), or the decimals written in a
// statement, each read as a symbol (resolve::resolve_with_decimal_symbols).
enum class Given { Point, WrittenDecimals };

// The answer to print for `computed`, the double-precision value of `formula` at `point`:
// computed itself when its digits agree with the precise value (to 12 digits), else the precise
// value rounded to a double. Throws MathError when no double is right because the value depends
// on the point's digits beyond a double's (0.1 as typed and as the double nearest to it give
// values that differ). Anything else (an answer that is not a decimal, a formula with symbols or
// no value at the point, a value that vanishes) leaves `computed` as it is.
Expr checked_decimal(Expr formula, const std::unordered_map<Expr, Expr>& point, Expr computed,
                     Given given = Given::Point);

}  // namespace ddx::calc
