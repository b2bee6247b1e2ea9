// SPDX-License-Identifier: GPL-3.0-or-later
// Functions of a matrix expression that is 0 at every point: the log, negative power or inverse of
// it has no value anywhere, as log(x - x) has none in scalars. The tree's constructors see the
// zeros that are zero by form (x - x, tr(X - Xᵀ)); this sees those that cancel only when written
// out (xᵀ(A - Aᵀ)x), whose derivatives cancel too: d/dx log(xᵀ(A - Aᵀ)x) was the zero vector.
#pragma once

#include "matrix/tree.hpp"
#include "matrix/write_out.hpp"

namespace ddx::matrix {

// MathError (as the scalar engine's: "log(0) is undefined", "division by zero") where f holds a
// log, a negative power or an inverse of a part that is 0 at every point: multiplied out, at every
// size, or written out at the sizes given, if any (at m = 1, det(u uᵀ) is u_1^2, no zero).
void refuse_functions_of_zero(const Tree& f, const Sizes* sizes);

}  // namespace ddx::matrix
