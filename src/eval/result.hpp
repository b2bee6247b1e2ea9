// SPDX-License-Identifier: GPL-3.0-or-later
// What a statement evaluates to: data only (no closures, no text). The printers (src/print)
// turn any Result into lines in every format; the session keeps its value as `ans`.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "calculus/chain.hpp"
#include "calculus/reverse_mode.hpp"
#include "calculus/critical.hpp"
#include "calculus/steps.hpp"
#include "core/expr.hpp"
#include "core/sums.hpp"
#include "matrix/tree.hpp"

namespace ddx::eval {

// A value inside a statement: a scalar expression, a (nested) list — a vector or a matrix — or a
// truth value (from ==).
struct Value {
  enum class Kind { Scalar, List, Truth } kind = Kind::Scalar;
  Expr scalar;
  std::vector<Value> items;
  bool truth = false;

  static Value of(Expr e) {
    Value v;
    v.scalar = e;
    return v;
  }
  static Value list(std::vector<Value> items) {
    Value v;
    v.kind = Kind::List;
    v.items = std::move(items);
    return v;
  }
  static Value boolean(bool b) {
    Value v;
    v.kind = Kind::Truth;
    v.truth = b;
    return v;
  }
  bool is_scalar() const { return kind == Kind::Scalar; }
};

// A curve of a table or a plot: an expression in one variable and its label (the expression as
// text).
struct Curve {
  std::string label;
  Expr expr;
  Expr var;
  std::vector<Expr> lost;  // what simplification took out of the curve as written: undefined where one is
};

// The shapes an answer may have beyond its value.
struct Derivation {  // dy/dx through the definitions: the chain, line by line
  calc::Chain chain;
};
struct StepsShown {  // steps d/dx E: one derivation per run of one variable
  std::vector<calc::Steps> parts;
};
struct TotalDifferential {  // dz = (6x^2 + 4y) dx + (4x + 10y) dy
  std::string name;
  std::vector<std::pair<Expr, std::string>> terms;  // coefficient, variable
};
// The total differential whose value is `sum` (a sum of coefficients times dx, dy, ...), named and
// ordered as `like`: each of like's variables with its coefficient in sum, those of 0 left out (a
// total at a point, or one whose decimals were read again, has the coefficients of its value).
TotalDifferential differential_in(Expr sum, const TotalDifferential& like);
struct TangentLine {  // y = 2x - 1 (the line is the value)
  // The line's left side: y, or where the function names y, a name it does not (tangent(x y,
  // x = 2) is Y = x y; y = x y was an equation that does not hold).
  std::string label = "y";
};
struct Decimal {  // approx(E, DIGITS): the digits as MPFR gave them
  std::string digits;
  // Beyond a double's range (10^400, 10^-400): the value (ans) is E itself, exact, and the
  // decimal is not used inside an expression, whose decimals are doubles.
  bool beyond_doubles = false;
};
struct FactoredSum {  // factor(2x + 2): 2 (x + 1), though the value is the canonical 2x + 2
  Number coefficient;
  Expr sum;
};
struct BackpropTrace {  // backprop E at POINT: the forward and backward blocks
  calc::Trace trace;
};
struct NamedDerivative {  // d^2y/dx^2 = VALUE (a higher order of a defined name)
  std::string name;
  std::vector<std::string> vars;  // one per differentiation
  bool partial = false;
};
struct TaylorPolynomial {  // taylor, series: the sum of coefficients[k] (var - point)^k over k < order
  Expr var;
  Expr point;
  std::vector<Expr> coefficients;  // one per degree, 0 .. order - 1 (zeros included)
  bool order_term = false;         // series: `+ O((var - point)^order)` follows the polynomial
};
struct ValueTable {  // table(E, ..., x = a .. b step s)
  std::vector<Curve> curves;
  std::string var;
  double from = 0, to = 0, step = 0;
  // The bounds and the step exactly, where they are constants: numbers (decimals as written) or
  // expressions of no variable (pi/4). The rows' x are then exact, and so are the values' digits.
  std::optional<Expr> exact_from, exact_to, exact_step;
};
struct PlotRequest {  // plot(E, ..., x = a .. b): the session decides where it goes
  std::vector<Curve> curves;
  double from = 0, to = 0;
  std::string title;
};

// An answer in matrix notation ((A + A^T) x): the value is 0 and `ans` is left as it was.
struct MatrixAnswer {
  matrix::Tree expr;
  matrix::Tree question;  // what was differentiated (or the expression itself), for :export
  std::string var;        // the name differentiated by; empty for an expression's own value
  std::vector<matrix::Tree> differential;  // steps: the terms of d(question), in d var
  std::optional<Value> entries;            // every shape numeric: the answer entry by entry (code prints it)
};

// A matrix times a declared vector written out, `at n = 2`: entry i is Σ_j M_ij v_j, printed in
// the order of v's entries with each coefficient before its entry, as the product reads:
// [2A_11 x_1 + (A_12 + A_21) x_2, ...]. The value is the list of those sums.
struct LinearEntries {
  std::vector<std::vector<std::pair<Expr, Expr>>> rows;  // per entry: (coefficient, entry of v)
};

// critical(f): the points (exact or decimal) with their kinds and values, sets of infinitely many
// points, and whether a numeric search in a range found them. The value is the list of points.
using CriticalPoints = calc::CriticalPoints;

using Shape = std::variant<std::monostate, Derivation, StepsShown, TotalDifferential, TangentLine, Decimal,
                           FactoredSum, NamedDerivative, TaylorPolynomial, ValueTable, PlotRequest,
                           BackpropTrace, CriticalPoints, MatrixAnswer, LinearEntries>;

struct Result {
  Value value;         // the answer's value: what `ans` becomes (for a table or plot, 0)
  Shape shape;         // monostate: the value is the whole answer
  std::string note;    // a remark on the answer, printed as a comment in the text formats
  std::vector<IndexCondition> conditions;  // where it holds: 1 <= k <= N, j != k (∂/∂x_k of sums)
  std::string name;    // what generated code calls it: d_dx, dy_dx, grad, ... (empty: f)

  static Result of(Value v) {
    Result r;
    r.value = std::move(v);
    return r;
  }
  template <typename S>
  static Result shaped(Expr value, S shape) {
    Result r;
    r.value = Value::of(value);
    r.shape = std::move(shape);
    return r;
  }
  bool plain() const { return std::holds_alternative<std::monostate>(shape); }
  // What may stand inside a larger expression: a plain scalar, a derivation, a decimal, a tangent,
  // a factored sum, a Taylor polynomial (not a series: its order term would be dropped).
  bool usable_in_expressions() const {
    if (!value.is_scalar()) return false;
    if (const auto* t = std::get_if<TaylorPolynomial>(&shape)) return !t->order_term;
    if (const auto* d = std::get_if<Decimal>(&shape)) return !d->beyond_doubles;
    return plain() || std::holds_alternative<Derivation>(shape) ||
           std::holds_alternative<TangentLine>(shape) || std::holds_alternative<FactoredSum>(shape);
  }
  // A series: its value is the polynomial without its order term.
  bool is_series() const {
    const auto* t = std::get_if<TaylorPolynomial>(&shape);
    return t && t->order_term;
  }
};

}  // namespace ddx::eval
