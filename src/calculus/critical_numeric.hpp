// SPDX-License-Identifier: GPL-3.0-or-later
// The numeric side of `critical` (internal to critical.cpp): zeros of a gradient that is not
// polynomial, searched in a box (critical_numeric.cpp); exact values near them and the periods
// of periodic functions (critical_recognise.cpp).
#pragma once

#include <optional>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

struct NumericZero {
  std::vector<double> x;
  bool well_conditioned = true;  // a simple zero (the Hessian is far from singular there)
  bool isolated = true;          // else one of a set of zeros (a curve, a surface), the one kept for f's value there
};

// Zeros of the gradient `grad` of f (Hessian `hessian`) over vars with every variable in
// [-bound, bound]. One variable: the derivative sampled densely, sign changes bisected and
// touching zeros found where f'' changes sign; several: damped Newton (Levenberg-Marquardt)
// from a grid, the limits merged. Each is confirmed by Newton's method in 60-digit arithmetic.
// Zeros closer than about 1e-6 are one; zeros on a set of them (not isolated) one for each value
// of f there. The confirmations read f's decimals as the numbers they are written as. Throws
// LimitError past the search's evaluation budget or max_critical_points zeros.
std::vector<NumericZero> numeric_gradient_zeros(Expr f, std::vector<Expr> grad, std::vector<std::vector<Expr>> hessian,
                                                const std::vector<Expr>& vars, double bound);

// Exact values near a numeric zero x, for the caller to check exactly: each coordinate a rational
// with a small denominator, a rational multiple of pi or e, the square root of a rational or
// e^(p/q), when one is within `tolerance` (relative); every combination, none when some
// coordinate has no candidate.
std::vector<std::vector<Expr>> exact_candidates(const std::vector<double>& x, double tolerance);

// The eigenvalues of a symmetric matrix, increasing (Jacobi's method).
std::vector<double> symmetric_eigenvalues(std::vector<std::vector<double>> a);
// The same, unsorted, with the unit eigenvector of each in `vectors`.
std::vector<double> symmetric_eigen(std::vector<std::vector<double>> a, std::vector<std::vector<double>>& vectors);

// The period of f in var, when var occurs only inside sin, cos, tan, cot, sec and csc of linear
// arguments a var + b whose slopes a are commensurable (rational, or rational multiples of pi):
// 2 pi, pi/2, 4, ... nullopt otherwise (f may still be periodic).
std::optional<Expr> period_in(Expr f, Expr var);

}  // namespace ddx::calc
