// SPDX-License-Identifier: GPL-3.0-or-later
// Logarithms of positive rationals written by their prime factors: log(12) = 2 log(2) + log(3),
// log(3/4) = log(3) - 2 log(2). An identity (log(a b) = log(a) + log(b) for positive a and b), so
// simplify may keep it where it is shorter; and a sum of such logarithms that is 0, which ddx
// cannot tell from 0 numerically (log(8) - 3 log(2)), folds to 0 in it: the logarithms of
// distinct primes are linearly independent over the rationals.
#pragma once

#include "core/expr.hpp"

namespace ddx::calc {

// e with every log of a positive rational (but 1, and primes) by prime factors. An integer whose
// factors above 10^6 are not all known keeps what trial division leaves as one factor.
Expr logs_by_primes(Expr e);

}  // namespace ddx::calc
