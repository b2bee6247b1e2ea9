// SPDX-License-Identifier: GPL-3.0-or-later
// Exact values the function table folds to: the trigonometric functions at rational multiples
// of π that have a closed form in square roots (cos(π/6) = √3/2), denominators 1, 2, 3, 4, 5,
// 6, 8, 10 and 12.
#pragma once

#include <optional>
#include <string_view>

#include "core/expr.hpp"

namespace ddx {

// name(a) for name in sin cos tan cot sec csc when a is a rational multiple of π with a closed
// form; nullopt otherwise. Throws MathError at a pole (tan(π/2), csc(π)).
std::optional<Expr> trig_at_pi_multiple(std::string_view name, Expr a);

// asin(a), acos(a) or atan(a) as a rational multiple of π when a is one of the exact values
// trig_at_pi_multiple gives (asin(1/2) = π/6, acos(0) = π/2, atan(sqrt(3)) = π/3); nullopt otherwise.
std::optional<Expr> inverse_trig_exact(std::string_view name, Expr a);

}  // namespace ddx
