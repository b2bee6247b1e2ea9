// SPDX-License-Identifier: GPL-3.0-or-later
// What resolving names needs to know of a session: which names are defined, as what. Values are
// not its business (evaluation substitutes them), so this is all it asks.
#pragma once

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/decimal_answer.hpp"
#include "core/expr.hpp"

namespace ddx::resolve {

// A user function `NAME(PARAMS) = BODY` (the body with every definition it used substituted).
struct FunctionDefinition {
  std::vector<Expr> params;  // symbols
  Expr body;
  std::vector<Expr> dropped;  // what simplification took out of the body as it was read (core/dropped.hpp)
  // A body that holds decimals: the body with each decimal a symbol for the exact number it is
  // written as, against which f at values is checked.
  std::optional<ExactForm> exact;
};

class Scope {
 public:
  virtual ~Scope() = default;
  // A defined variable (y = u^3).
  virtual bool is_variable(std::string_view name) const = 0;
  // A defined function, or nullptr.
  virtual const FunctionDefinition* function(std::string_view name) const = 0;
  // A procedure of evaluation's table (grad, tangent, ...): names that are called, never split.
  virtual bool is_procedure(std::string_view name) const = 0;
  // A call of a function no definition names (`g(x)`): what the statement means changes when g
  // is defined, which a session reading a definition keeps in mind.
  virtual void calls_abstract(std::string_view /*name*/) const {}
};

}  // namespace ddx::resolve
