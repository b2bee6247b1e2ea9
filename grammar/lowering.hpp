// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to lowering: what a built-in procedure (grad, jacobian, approx, ...) may ask of the
// lowerer that calls it. Not part of the grammar's public face (that is lower.hpp).
#pragma once

#include <optional>
#include <string_view>

#include "grammar/lower.hpp"

namespace ddx::grammar {

class Lowering {
 public:
  virtual ~Lowering() = default;
  virtual Value value(const Node& n) = 0;
  virtual Expr scalar(const Node& n) = 0;
  // A plain variable name (x, x_1, alpha); LowerError otherwise.
  virtual Expr variable(const Node& n) = 0;
  // d^order e / d var^order, refusing what cannot be done (with the span of `at`).
  virtual Expr differentiate(Expr e, Expr var, int order, const Node& at) = 0;
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

// Largest derivative order accepted by diff(E, x, n).
inline constexpr long long max_diff_order = 10000;

}  // namespace ddx::grammar
