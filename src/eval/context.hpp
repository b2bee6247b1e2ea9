// SPDX-License-Identifier: GPL-3.0-or-later
// What evaluation needs of a session: the definitions' bodies as written, the previous answer,
// settings, and the user's text form of an expression (for messages and labels: evaluation
// prints nothing itself).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/expr.hpp"
#include "eval/result.hpp"

namespace ddx::eval {

class Context {
 public:
  virtual ~Context() = default;
  // The body of a defined variable as written (defined names inside kept), or nullopt.
  virtual std::optional<Expr> definition(std::string_view name) const = 0;
  // A defined variable as evaluation reads it at every use of its name, found by one lookup.
  struct VariableView {
    Expr body;  // as written
    // The free symbols of the body that are themselves defined variables (what substituting
    // definitions into it replaces). A definition keeps them: a 5,000-term body was walked again
    // by each of a hundred questions about it, and each of its symbols looked up.
    std::span<const Expr> defined_symbols;
    // What simplification took out of the body as it was read (core/dropped.hpp; defined names
    // kept, as in the body): `f = x/x` is 1 but keeps 1/x, which has no value at x = 0.
    std::span<const Expr> dropped;
  };
  virtual std::optional<VariableView> variable_view(std::string_view name) const = 0;
  // Whether any variable is defined (when none, no expression needs a substitution walk).
  virtual bool has_definitions() const = 0;
  // The previous answer, if any.
  virtual std::optional<Value> answer() const = 0;
  // What simplification took out of the previous answer's statement as it was read (`x/x`: 1/x;
  // core/dropped.hpp): `ans` at a point needs a value of each.
  virtual std::span<const Expr> answer_dropped() const { return {}; }
  // The conditions the previous answer holds under (1 <= k <= N, k != 1: ∂/∂x_k of sums and
  // entries): a statement that uses `ans` holds under them too.
  virtual std::span<const IndexCondition> answer_conditions() const { return {}; }
  // `:set layout denominator`: Jacobians transposed.
  virtual bool denominator_layout() const = 0;
  // e in the text format (`x = 1/2` in a message, a plot's legend).
  virtual std::string text(Expr e) const = 0;
  // In a check's reading, where decimals are read as the exact numbers they are written as (or
  // symbols for them), a decimal ddx made itself as such: approx's result is the decimal it prints
  // (approx(pi) - pi took the double of pi's 15 digits and pi's own, and cancelled to -3.1e-15,
  // for -3.2e-15). Nullopt when decimals are doubles, as everywhere else.
  virtual std::optional<Expr> decimal_as_read(const Number& /*exact*/) const { return std::nullopt; }
  // A derivative by the defined name `name` holds it as an independent variable (its value stays
  // out); `read` is what its operand reads (defined names, functions called). The statement,
  // once read, asks whether a definition reached from them took the name's value as it was read
  // (a function's body, or a definition through an `at`, a derivative or a sum): the derivative
  // cannot see the name there (f(s) = a s^2 keeps a's value, 2s^2, and d/da f(x) was 0).
  virtual void holds_for_derivative(std::string_view /*name*/, std::vector<std::string> /*read*/) const {}
  // Whether the statement writes a decimal, or reads a definition whose body held one: a formula
  // read from it may hold none even so, where doubles cancelled one (1 - cos(1e-8) is 0.0 in
  // doubles, and (1 - cos(1e-8)) x is read as 0), and an answer worked out from that formula is
  // no more exact than its decimals.
  virtual bool statement_reads_decimals() const { return false; }
  // Whether a decimal zero took a part that varies out of what the statement has read so far, or
  // out of a definition it read (core/dropped.hpp): (1 + 1e-20) x - x is 0.0 in doubles.
  virtual bool statement_lost_part_to_decimal_zero() const { return false; }
};

}  // namespace ddx::eval
