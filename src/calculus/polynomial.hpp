// SPDX-License-Identifier: GPL-3.0-or-later
// Exact polynomial algebra on expressions: an expression is read as a quotient of polynomials
// over Q whose variables are its symbols and its non-polynomial parts (sin(x), sqrt(x), e^x,
// each an opaque variable). Cancellation (used by simplify), gcd, and factorisation (`factor`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/expr.hpp"
#include "core/limits.hpp"

namespace ddx::calc {

// The limits on every polynomial along the way are core/limits.hpp's max_poly_*, max_cancel_work
// and max_factor_work.

// e as one fraction in lowest terms, numerator and denominator expanded (SymPy's cancel):
// (x^2 - 1)/(x - 1) -> x + 1. nullopt when e holds a floating-point number. Throws LimitError
// past the limits.
std::optional<Expr> cancel(Expr e);
// Whether e, one quotient as written (a product with factors in its denominator), has a common
// factor of its numerator and denominator to cancel: (x^3 + 1)/(x^2 - 1) has x + 1. Throws
// LimitError past the limits.
bool has_common_factor(Expr e);

// The greatest common divisor of two polynomial expressions (content included, leading
// coefficient positive): gcd(2x^2 - 2, 4x + 4) = 2x + 2. nullopt for floats or non-polynomials
// (a negative power of a variable).
std::optional<Expr> polynomial_gcd(Expr a, Expr b);

// e = coefficient * prod(factor^multiplicity); negative multiplicities are the denominator's.
// Each factor is irreducible over Q, primitive over Z, with a positive leading coefficient
// (variables in canonical order). Factors sorted by canonical order.
struct Factorization {
  Number coefficient;
  std::vector<std::pair<Expr, int>> factors;
  Expr expr() const;  // the canonical product (a number times a lone sum distributes)
};

// Factors a polynomial, or the numerator and denominator of a rational function in lowest
// terms, over Q. nullopt when e holds a floating-point number. Throws LimitError past the limits
// (max_work: the work limit, see poly.hpp's WorkLimit).
std::optional<Factorization> factor(Expr e, double max_work = max_factor_work);

}  // namespace ddx::calc
