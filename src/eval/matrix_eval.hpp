// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluation of matrix statements (resolve/resolve_matrix.hpp): the expression itself, d/dx or
// hessian in matrix notation (src/matrix/differentiate.hpp), and with `at n = 2` the answer
// written out entry by entry as an ordinary scalar, vector or matrix value.
#pragma once

#include "eval/result.hpp"
#include "resolve/resolve_matrix.hpp"

namespace ddx::eval {

// MathError for a derivative ddx cannot take (never a silent 0) or a size that is missing.
// With `steps`, a derivative's answer carries the differential it is read off.
Result evaluate_matrix(const resolve::MatrixRequest& request, bool denominator_layout, bool steps = false);

}  // namespace ddx::eval
