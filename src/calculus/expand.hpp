// SPDX-License-Identifier: GPL-3.0-or-later
// expand(): multiplies out products of sums and positive integer powers of sums, everywhere
// (also inside function arguments and exponents). Refuses results past max_expand_terms.
#pragma once

#include "core/expr.hpp"

namespace ddx::calc {

inline constexpr double max_expand_terms = 1'000'000;
// Upper bound on terms x coefficient digits of a power expansion, estimated before starting.
inline constexpr double max_expand_digits = 100'000'000;

// (x + 1)^2 -> x^2 + 2x + 1; 2(x + y) -> 2x + 2y. Negative powers of sums stay as they are.
// Throws LimitError, before building anything, when a product or power would exceed
// max_expand_terms terms.
Expr expand(Expr e);

}  // namespace ddx::calc
