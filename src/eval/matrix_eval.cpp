// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix statements evaluated (see matrix_eval.hpp).
#include "eval/matrix_eval.hpp"

#include "matrix/differentiate.hpp"
#include "matrix/write_out.hpp"

namespace ddx::eval {
namespace {

// A grid as a value: a scalar, a column vector as a list, a matrix as a list of rows.
Value grid_value(const matrix::Grid& g, const matrix::Shape& shape) {
  if (shape.scalar()) return Value::of(g[0][0]);
  std::vector<Value> rows;
  if (shape.cols.is_one()) {
    for (const auto& row : g) rows.push_back(Value::of(row[0]));
    return Value::list(std::move(rows));
  }
  for (const auto& row : g) {
    std::vector<Value> entries;
    for (Expr e : row) entries.push_back(Value::of(e));
    rows.push_back(Value::list(std::move(entries)));
  }
  return Value::list(std::move(rows));
}

}  // namespace

Result evaluate_matrix(const resolve::MatrixRequest& request, bool denominator_layout) {
  using Kind = resolve::MatrixRequest::Kind;
  matrix::Tree answer = request.expr;
  auto layout = denominator_layout ? matrix::Layout::Denominator : matrix::Layout::Numerator;
  if (request.kind == Kind::Derivative) answer = matrix::derivative(request.expr, request.var, layout);
  if (request.kind == Kind::Hessian) answer = matrix::hessian(request.expr, request.var);
  if (request.sizes) return Result::of(grid_value(matrix::write_out(answer, *request.sizes), answer->shape));
  std::string var = request.kind == Kind::Value ? "" : request.var->name;
  if (request.kind == Kind::Hessian) return Result::shaped(Expr(0), MatrixAnswer{answer, nullptr, ""});  // no question in LaTeX
  return Result::shaped(Expr(0), MatrixAnswer{answer, request.expr, var});
}

}  // namespace ddx::eval
