// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix statements evaluated (see matrix_eval.hpp).
#include "eval/matrix_eval.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "eval/evaluator.hpp"

#include "matrix/differentiate.hpp"
#include "matrix/nowhere_defined.hpp"
#include "matrix/write_out.hpp"

namespace ddx::eval {
namespace {

// An entry written out, or 0 where it cancels to 0 once expanded: d/dX det(XᵀX) at m = 2, n = 3
// is 0 (XᵀX has rank 2), and its entries, written out from the adjugate, are sums of products that
// cancel only when multiplied out.
Value entry_value(Expr e) {
  if (!e.is_number() && !has_float(e) && matrix::cancels_to_zero(e)) return Value::of(Expr(0));
  return Value::of(e);
}

// A grid as a value: a scalar, a column vector as a list, a matrix as a list of rows.
Value grid_value(const matrix::Grid& g, const matrix::Shape& shape) {
  if (shape.scalar()) return entry_value(g[0][0]);
  std::vector<Value> rows;
  if (shape.cols.is_one()) {
    for (const auto& row : g) rows.push_back(entry_value(row[0]));
    return Value::list(std::move(rows));
  }
  for (const auto& row : g) {
    std::vector<Value> entries;
    for (Expr e : row) entries.push_back(entry_value(e));
    rows.push_back(Value::list(std::move(entries)));
  }
  return Value::list(std::move(rows));
}

// M v with v a declared vector, written out as Σ_j M_ij v_j per entry; nullopt for other answers.
std::optional<Result> linear_entries(const matrix::Tree& answer, const matrix::Sizes& sizes) {
  std::vector<matrix::Tree> ms = matrix::matrix_factors(answer);
  if (answer->op != matrix::Op::Product || ms.empty() || answer->shape.scalar() || !answer->shape.cols.is_one())
    return std::nullopt;
  const matrix::Tree& v = ms.back();
  if (v->op != matrix::Op::Symbol || !v->declared) return std::nullopt;
  std::vector<matrix::Tree> rest{matrix::scalar_part(answer)};
  rest.insert(rest.end(), ms.begin(), ms.end() - 1);
  matrix::Grid m = matrix::write_out(matrix::product(rest), sizes);
  matrix::Grid entries = matrix::write_out(v, sizes);
  bool scalar = m.size() == 1 && m[0].size() == 1 && entries.size() > 1;  // 2x: 2 times each entry
  LinearEntries out;
  std::vector<Value> values;
  for (std::size_t i = 0; i < (scalar ? entries.size() : m.size()); ++i) {
    std::vector<std::pair<Expr, Expr>> row;
    std::vector<Expr> terms;
    for (std::size_t j = 0; j < entries.size(); ++j) {
      Expr c = scalar ? (i == j ? m[0][0] : Expr(0)) : m[i][j];
      if (c.is_zero()) continue;
      row.emplace_back(c, entries[j][0]);
      terms.push_back(c * entries[j][0]);
    }
    out.rows.push_back(std::move(row));
    values.push_back(Value::of(add(std::move(terms))));
  }
  Result r;
  r.value = Value::list(std::move(values));
  r.shape = std::move(out);
  return r;
}

// Whether every shape in a is a number up to 4 (X in R^(2, 2)): then the answer is written out as it
// is too, for code (larger ones would cost seconds for a form nobody asked for).
bool numeric_shapes(const matrix::Tree& a) {
  auto small = [](Expr d) { return d.is_integer() && d.number().fits_long() && d.number().to_long() <= 4; };
  if (!small(a->shape.rows) || !small(a->shape.cols)) return false;
  return std::all_of(a->args.begin(), a->args.end(), [](const matrix::Tree& t) { return numeric_shapes(t); });
}

// The answer written out with the values of entries put in; an entry that is in neither the
// question nor the answer written out is an error (a misspelt name must not pass for a value).
matrix::Grid at_values(const resolve::MatrixRequest& request, const matrix::Tree& answer) {
  matrix::Grid grid = matrix::write_out(answer, *request.sizes);
  std::vector<Expr> known;
  std::vector<Expr> lost;  // what the entries written out lost to the scalar engine's simplification
  std::vector<matrix::Grid> written{grid, noting_into(lost, [&] { return matrix::write_out(request.expr, *request.sizes); })};
  // The variable's entries, though they may drop out (d/dx 3 at n = 2, x_1 = 1 is [0, 0]), and
  // those of every name written (x^T A x - x^T A^T x at n = 2, x_1 = 1 is 0).
  if (request.var) written.push_back(matrix::entries_of(request.var->name, request.var->shape, *request.sizes));
  for (const matrix::Tree& name : request.named) written.push_back(matrix::entries_of(name->name, name->shape, *request.sizes));
  for (const matrix::Grid& g : written)
    for (const auto& row : g)
      for (Expr e : row)
        for (Expr s : free_symbols(e)) known.push_back(s);
  std::unordered_map<Expr, Expr> values;
  for (std::size_t i = 0; i < request.values.size(); ++i) {
    Expr name = sym(request.values[i].first);
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw EvalError{request.value_spans[i], "'" + request.values[i].first + "' is not an entry of this expression written out"};
    values[name] = num(request.values[i].second);
  }
  // What the expression as written cancelled must have a value too: in matrix notation
  // (norm(x)/norm(x) at x = 0 was 1) or written out ((x^T x)/norm(x) at x = 0 was 0).
  try {
    for (const matrix::Tree& part : request.cancelled)
      for (const auto& row : matrix::write_out(part, *request.sizes))
        for (Expr e : row) substitute(e, values);
    for (Expr part : lost) substitute(part, values);
  } catch (const MathError& e) {
    std::string const why = std::string(e.what()) + " in the expression as written";
    if (request.kind == resolve::MatrixRequest::Kind::Value) throw MathError(why + " (its simplified form hides it)");
    throw MathError("the derivative does not exist at this point (" + why + ")");
  }
  // A derivative exists only where the function has a value: d/dx log(x^T x - 5) at n = 2, x_1 =
  // 1, x_2 = 1 was [-2/3, -2/3], where log's argument is -3 (d/dx log(x^2 - 5) at x = 1 is refused).
  if (request.kind != resolve::MatrixRequest::Kind::Value) {
    try {
      for (const auto& row : written[1])
        for (Expr e : row) substitute(e, values);
    } catch (const MathError& e) {
      throw MathError("the derivative does not exist at this point (" + std::string(e.what()) + ")");
    }
  }
  // Where the function has a value and the derivative's formula has none, the derivative may
  // still exist: d/dx norm(x) x at n = 2, x_1 = 0, x_2 = 0 (x x^T/norm(x) + norm(x) I there) is
  // 0, and "division by zero" said it had none. Undecided, as the scalar engine says of its own
  // formulas that divide by zero.
  try {
    for (auto& row : grid)
      for (Expr& e : row) e = substitute(e, values);
  } catch (const MathError& e) {
    if (request.kind == resolve::MatrixRequest::Kind::Value) throw;
    throw MathError("ddx cannot decide whether the derivative exists at this point (the function has a value there, but "
                    "the derivative's formula has none: " + std::string(e.what()) + ", a limit ddx does not take)");
  }
  return grid;
}

}  // namespace

Result evaluate_matrix(const resolve::MatrixRequest& request, bool denominator_layout, bool steps) {
  using Kind = resolve::MatrixRequest::Kind;
  matrix::Tree answer = request.expr;
  matrix::refuse_functions_of_zero(request.expr, request.sizes ? &*request.sizes : nullptr);
  auto layout = denominator_layout ? matrix::Layout::Denominator : matrix::Layout::Numerator;
  if (request.kind == Kind::Derivative) answer = matrix::derivative(request.expr, request.var, layout);
  if (request.kind == Kind::Hessian) answer = matrix::hessian(request.expr, request.var);
  if (request.sizes && request.values.empty()) {
    if (auto r = linear_entries(answer, *request.sizes)) return *r;
    return Result::of(grid_value(matrix::write_out(answer, *request.sizes), answer->shape));
  }
  if (request.sizes) return Result::of(grid_value(at_values(request, answer), answer->shape));
  std::string var = request.kind == Kind::Value ? "" : request.var->name;
  MatrixAnswer m{answer, request.expr, var, {}, std::nullopt};
  if (request.kind == Kind::Hessian) m.question = nullptr;  // no question in LaTeX for :export
  if (steps && request.kind == Kind::Derivative) m.differential = matrix::differential_terms(request.expr, request.var);
  if (numeric_shapes(request.expr)) {
    try {
      m.entries = grid_value(matrix::write_out(answer, {}), answer->shape);
    } catch (const MathError&) {  // a singular matrix written out: the matrix notation stands alone
    } catch (const LimitError&) {
    }
  }
  Result r = Result::shaped(Expr(0), std::move(m));
  // A zero of a shape prints as 0, which reads as a scalar: the note says which zero it is.
  if (matrix::is_zero(answer) && !answer->shape.scalar()) {
    const matrix::Shape& s = answer->shape;
    std::string what = s.cols.is_one() ? "vector" : s.rows.is_one() ? "row" : "matrix";
    r.note = "the zero " + what + ", " + matrix::shape_text(s);
  }
  return r;
}

}  // namespace ddx::eval
