// SPDX-License-Identifier: GPL-3.0-or-later
// expand(): multiplies out products of sums and positive integer powers of sums, everywhere
// (also inside function arguments and exponents). Refuses results past max_expand_terms.
#pragma once

#include "core/limits.hpp"
#include "core/expr.hpp"

namespace ddx::calc {


// (x + 1)^2 -> x^2 + 2x + 1; 2(x + y) -> 2x + 2y. Negative powers of sums stay as they are.
// Throws LimitError, before building anything, when a product or power would exceed
// max_expand_terms terms.
Expr expand(Expr e);

}  // namespace ddx::calc
