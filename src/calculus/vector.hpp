// SPDX-License-Identifier: GPL-3.0-or-later
// Vector calculus over expressions: gradient, Jacobian, Hessian, total differential, tangent line.
#pragma once

#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

using Row = std::vector<Expr>;
using Matrix = std::vector<Row>;

Row gradient(Expr f, const std::vector<Expr>& vars);
// Rows are functions, columns variables (numerator layout); transpose for denominator layout.
Matrix jacobian(const std::vector<Expr>& fs, const std::vector<Expr>& vars);
Matrix hessian(Expr f, const std::vector<Expr>& vars);
Matrix transpose(const Matrix& m);
// The free symbols of all expressions, sorted (the default variables of grad & co.).
std::vector<Expr> variables_of(const std::vector<Expr>& es);
// f(a) + f'(a) (x - a), expanded: the tangent line of f at x = a.
Expr tangent_line(Expr f, Expr x, Expr a);

}  // namespace ddx::calc
