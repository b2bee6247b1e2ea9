// SPDX-License-Identifier: GPL-3.0-or-later
// The lowerer: one statement's AST -> canonical expressions against a session's names. Internal
// to grammar/: lower.cpp holds expressions, names and calls; lower_derivatives.cpp the derivative
// forms and `at`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "grammar/lowering.hpp"

namespace ddx::grammar {

class Lowerer : public Lowering {
 public:
  // keep_names: defined names stay symbols (a definition's body) instead of being substituted.
  Lowerer(const NameScope& scope, bool keep_names) : scope_(scope), keep_names_(keep_names) {}

  const NameScope& scope() const override { return scope_; }
  Value value(const Node& n) override;
  Expr scalar(const Node& n) override;
  Expr operand(const Node& n, const std::vector<Expr>& vars) override;
  Expr variable(const Node& n) override;
  Expr differentiate(Expr e, const calc::Differentiations& d, const Node& at) override;
  Expr differentiate_at(Expr e, const calc::Differentiations& d, const calc::Point& point,
                        const std::string& point_text, const Node& at) override;

 private:
  // The point of the innermost `at` being lowered, and how it was written (for messages).
  struct ActivePoint {
    calc::Point values;
    std::string text;
  };

  Expr scalar_unguarded(const Node& n);
  Expr number(const Node& n);
  Expr word(std::string_view w, SourceSpan span);
  std::vector<Expr> run_factors(std::string_view w, SourceSpan span);
  std::vector<Expr> juxtaposed_factors(const Node& n);
  std::optional<Expr> defined(std::string_view w);
  Expr value_holding(std::string_view w);
  bool is_held(std::string_view w) const;
  bool is_function_word(const Node& n);
  Expr apply_builtin(std::string_view name, std::vector<Expr> args, const Node& at);
  Expr product(const Node& n);
  std::vector<Expr> product_factors(const Node& n);
  Expr function_power(const Node& fn, const Node& exponent, Expr applied);
  bool apply_is_call(const Node& n);
  Expr apply(const Node& n);
  Expr abstract_call(const Node& n, std::vector<Expr> args);
  Expr apply_definition(const FunctionDefinition& def, const std::vector<Expr>& args, const Node& n);
  Value compare(const Node& n);

  // lower_derivatives.cpp
  Expr derivative_operator(const Node& n);
  Expr leibniz(const Node& n);
  Expr function_leibniz(const Node& n, const FunctionDefinition& def);
  std::optional<Expr> abstract_leibniz(const Node& n);
  Expr prime(const Node& n);
  Value at(const Node& n);

  const NameScope& scope_;
  bool keep_names_;
  std::vector<std::string> held_;     // defined names read as independent variables (operand())
  std::vector<ActivePoint> points_;   // the `at`s being lowered, innermost last
};

}  // namespace ddx::grammar
