// SPDX-License-Identifier: GPL-3.0-or-later
// A statement about declared vectors and matrices, read from its syntax tree into a matrix
// expression (src/matrix/tree.hpp): juxtaposition and `*` are matrix products in the order
// written, `x^T` and `transpose` transpose, `A^-1` and `inv` invert, `X^-T` does both, and
// `det`, `tr`, `norm`, `logdet`, `log`, `exp`, `sqrt` apply. Shapes are checked as the
// expression is read, so an error points at the operator whose operands do not fit and names
// both shapes. What is asked of the expression (its value, d/dx, hessian, `at n = 2`) comes
// with it.
#pragma once

#include <optional>
#include <string_view>

#include "grammar/ast.hpp"
#include "matrix/declarations.hpp"
#include "matrix/write_out.hpp"
#include "resolve/resolve.hpp"

namespace ddx::resolve {

struct MatrixRequest {
  enum class Kind { Value, Derivative, Hessian } kind = Kind::Value;
  matrix::Tree expr;
  matrix::Tree var;                    // Derivative, Hessian: the declared name
  std::optional<matrix::Sizes> sizes;  // `at n = 2`: write the answer out in entries
  // `at n = 2, x_1 = 3`: exact values of entries (or undeclared scalars) in the written-out answer
  std::vector<std::pair<std::string, Number>> values;
  std::vector<SourceSpan> value_spans;  // where each value's name is written
  // The declared names the statement writes (with `at`): their entries take values where the
  // expression cancels them (x^T A x - x^T A^T x at n = 2, x_1 = 1 is 0).
  std::vector<matrix::Tree> named;
  // What the expression as written holds and its simplified form cancelled (matrix::CancelledParts):
  // at a point each must have a value, as the scalar engine's dropped parts must.
  std::vector<matrix::Tree> cancelled;
};

// Whether the statement's body names a declared vector or matrix, alone or as a factor of a run
// of letters (`ax` = a·x), under the session's names (then it is a matrix statement).
bool mentions_declared(const grammar::Node& body, const matrix::Declarations& declared, const Scope& scope);

// Words read as in scalar statements (a run of letters is a product, `g(x)` a call), each factor
// then a declared name or a scalar; definitions are refused rather than ignored. Throws
// ResolveError (with the span of the culprit in `line`).
MatrixRequest resolve_matrix(const grammar::Node& body, const matrix::Declarations& declared, const Scope& scope,
                             std::string_view line);

// The functions a matrix expression may call (other built-in functions are refused).
bool is_matrix_function(std::string_view name);

}  // namespace ddx::resolve
