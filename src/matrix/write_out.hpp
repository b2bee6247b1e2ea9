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

// Whether e, an entry written out, is 0 at `points` points of random whole numbers below 2^40
// (exactly; false where it has no value there). A polynomial that is not 0 is 0 at such a point
// with a chance below its degree over 2^40 (Schwartz–Zippel): a cheap test before an expansion, or
// for a determinant, at two points, enough to take it for 0 everywhere.
bool zero_at_random_points(Expr e, int points);

}  // namespace ddx::matrix
