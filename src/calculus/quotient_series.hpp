// SPDX-License-Identifier: GPL-3.0-or-later
// Taylor coefficients where a quotient has no value but a limit: sin(x)/x at 0 is 0/0, and its
// continuous extension has the series 1 - x^2/6 + x^4/120 - ... . The numerator's and the
// denominator's own series are divided: where the denominator vanishes to order m and the
// numerator at least as much, the quotient's series is theirs with t^m cancelled.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "calculus/at_point.hpp"

namespace ddx::calc {

// The derivatives of orders 0 .. count - 1 at the point of f's continuous extension, where f (or
// a term of a sum f) is such a quotient. nullopt where it is not one, where the quotient has a
// pole, or where ddx cannot decide whether a coefficient the division turns on is 0.
std::optional<std::vector<Expr>> removable_quotient_derivatives(Expr f, Expr var, std::uint64_t count, const Point& point);

}  // namespace ddx::calc
