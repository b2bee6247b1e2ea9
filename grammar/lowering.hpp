// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to lowering: what a built-in procedure (grad, jacobian, approx, ...) may ask of the
// lowerer that calls it. Not part of the grammar's public face (that is lower.hpp).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "calculus/at_point.hpp"
#include "grammar/lower.hpp"

namespace ddx::grammar {

class Lowering {
 public:
  virtual ~Lowering() = default;
  virtual Value value(const Node& n) = 0;
  virtual Expr scalar(const Node& n) = 0;
  // An expression about to be differentiated by `vars`: a defined name among them is held as an
  // independent variable (y = u^3; ∂/∂y of x^2 y is x^2, not 0), and the point of an enclosing
  // `at` waits for the derivative (evaluating inside the operand would differentiate a number).
  virtual Expr operand(const Node& n, const std::vector<Expr>& vars) = 0;
  // A plain variable name (x, x_1, alpha); LowerError otherwise.
  virtual Expr variable(const Node& n) = 0;
  // The derivative of e; inside `... at POINT`, its value there, refused (with the span of `at`)
  // where it does not exist. Orders past the limit are refused unless e is a polynomial of
  // lower degree in that variable (then the derivative is 0).
  virtual Expr differentiate(Expr e, const calc::Differentiations& d, const Node& at) = 0;
  // The derivative of e at an explicit point (tangent), refused where it does not exist.
  virtual Expr differentiate_at(Expr e, const calc::Differentiations& d, const calc::Point& point,
                                const std::string& point_text, const Node& at) = 0;
  virtual const NameScope& scope() const = 0;
};

// A built-in procedure: gets the call node (arguments unlowered) and returns its value.
using Procedure = Value (*)(const Node& call, Lowering& l);
std::optional<Procedure> find_procedure(std::string_view name);

// plot(EXPR, ..., x = a .. b) and table(EXPR, ..., x = a .. b step s) (lower_plot_procedures.cpp).
Value plot_procedure(const Node& call, Lowering& l);
Value table_procedure(const Node& call, Lowering& l);

// `A == B`: true when A - B simplifies to 0; otherwise decided numerically at random points,
// with a note saying so.
Value compare_expressions(Expr a, Expr b);

}  // namespace ddx::grammar
