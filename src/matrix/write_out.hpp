// SPDX-License-Identifier: GPL-3.0-or-later
// A matrix expression at numeric sizes, written out in entries: every declared name becomes a
// grid of ordinary scalar symbols (x_1, x_2; A_11, A_12; A_1_10 where an index has two digits)
// and every operation its definition entry by entry, so an answer in matrix notation can be
// checked against the ordinary partial derivatives of the written-out expression.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/expr.hpp"
#include "matrix/tree.hpp"

namespace ddx::matrix {

// rows of entries (a column vector is n rows of one entry; a scalar, one row of one).
using Grid = std::vector<std::vector<Expr>>;

// Dimension names and their values (n = 2).
using Sizes = std::map<std::string, long>;

// The number a dimension stands for; MathError when a name has no size, LimitError past
// max_matrix_dimension.
long size_of(Expr dim, const Sizes& sizes);

// The entry names of a declared name of that shape at those sizes: x_1 ..., A_11 ...
Grid entries_of(const std::string& name, const Shape& shape, const Sizes& sizes);

// a written out (MathError when a size is missing, LimitError when too large).
Grid write_out(const Tree& a, const Sizes& sizes);

// Whether e, written out, cancels to 0 once multiplied out (det(XᵀX) of a 2×3 X). Expanded only
// where it is 0 at a point of random whole numbers of either sign (a power such as (aᵀX b)^29
// would take millions of terms), and false where too large to expand.
bool cancels_to_zero(Expr e);

}  // namespace ddx::matrix
