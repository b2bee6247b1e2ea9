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
  Expr variable(const Node& n) override;
  Expr differentiate(Expr e, Expr var, int order, const Node& at) override;

 private:
  Expr scalar_unguarded(const Node& n);
  Expr number(const Node& n);
  Expr word(std::string_view w, SourceSpan span);
  std::optional<Expr> defined(std::string_view w);
  bool is_function_word(const Node& n);
  Expr apply_builtin(std::string_view name, std::vector<Expr> args, const Node& at);
  Expr product(const Node& n);
  std::vector<Expr> product_factors(const Node& n);
  Expr power(const Node& n);
  bool apply_is_call(const Node& n);
  Expr apply(const Node& n);
  Expr abstract_call(const Node& n, std::vector<Expr> args);
  Expr apply_definition(const FunctionDefinition& def, const std::vector<Expr>& args, const Node& n);

  // lower_derivatives.cpp
  Expr derivative_operator(const Node& n);
  Expr leibniz(const Node& n);
  std::optional<Expr> abstract_leibniz(const Node& n);
  Expr prime(const Node& n);
  Expr at(const Node& n);

  const NameScope& scope_;
  bool keep_names_;
};

}  // namespace ddx::grammar
