// SPDX-License-Identifier: GPL-3.0-or-later
// Lowering: the syntax tree of one statement -> canonical expressions. Resolves names against the
// session (definitions, functions, `ans`), splits letter runs (`4xy` = 4·x·y), decides call vs
// product (`f(x)` vs `x(x+1)`), applies `sin x` by juxtaposition and evaluates derivative
// operators. Reports semantic errors with the AST node's span; never sees Spirit.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calculus/chain.hpp"
#include "calculus/steps.hpp"
#include "core/expr.hpp"
#include "grammar/ast.hpp"
#include "print/plot.hpp"
#include "print/print.hpp"

namespace ddx::grammar {

// A value a statement can produce: a scalar expression, a (nested) list, a truth value, or a
// scalar shown with its derivation (a chain through definitions; `scalar` holds the result).
// A plot to draw: the session decides where (terminal, SVG file) since that depends on its output.
struct PlotRequest {
  std::vector<print::Curve> curves;
  double x0 = 0, x1 = 0;
  std::string title;
};

// Display: a result with a shape of its own (`dz = ... dx + ... dy`, `y = 2x - 1`, a table),
// printed by its renderer; `scalar` holds the expression `ans` takes from it.
struct Value {
  using Renderer = std::function<std::string(print::Format)>;
  enum class Kind { Scalar, List, Truth, Chain, Display } kind = Kind::Scalar;
  Expr scalar;
  std::vector<Value> items;
  bool truth = false;
  std::shared_ptr<const calc::Chain> chain;  // Chain
  Renderer display;                          // Display
  std::string note;                          // printed after the value as a comment (e.g. a layout)
  std::shared_ptr<const PlotRequest> plot;   // Display of a plot
  std::shared_ptr<const calc::Steps> steps;  // Display of a step-by-step derivation (for JSON)
  bool usable_in_expressions = false;        // Display: `scalar` may stand inside a larger expression

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
  static Value derivation(calc::Chain c) {
    Value v;
    v.kind = Kind::Chain;
    v.scalar = c.substituted;
    v.chain = std::make_shared<const calc::Chain>(std::move(c));
    return v;
  }
  static Value shown(Expr result, Renderer r) {
    Value v;
    v.kind = Kind::Display;
    v.scalar = result;
    v.display = std::move(r);
    return v;
  }
};

// A user function `NAME(PARAMS) = BODY`.
struct FunctionDefinition {
  std::vector<Expr> params;  // symbols
  Expr body;
};

// What lowering needs to know of the session. Implemented by the session; read-only here.
class NameScope {
 public:
  virtual ~NameScope() = default;
  // The value of a defined variable with every definition it uses substituted, or nullopt.
  virtual std::optional<Expr> variable_value(std::string_view name) const = 0;
  virtual const FunctionDefinition* function_definition(std::string_view name) const = 0;
  virtual std::optional<Value> previous_answer() const = 0;
  // The body of a defined variable as written (defined names kept as symbols), or nullopt.
  virtual std::optional<Expr> definition_body(std::string_view) const { return std::nullopt; }
  // `:set layout denominator`: Jacobians transposed.
  virtual bool denominator_layout() const { return false; }
};

// A semantic error at a place in the line (byte offsets), thrown inside lowering only.
struct LowerError {
  SourceSpan span;
  std::string message;
};

// Lowers an expression node. Throws LowerError (with a span) for every error, including math
// errors (division by zero, log(0), ...) raised while building the node.
Value lower_expression(const Node& node, const NameScope& scope);

// Lowers a definition's right-hand side keeping defined names as symbols (so that `y = u^3`
// remembers that y depends on u). Function parameters are plain symbols.
Expr lower_definition_body(const Node& node, const NameScope& scope);

// True when `name` is a plain identifier ddx accepts as a variable name (x, x1, x_1, w_11, alpha).
bool is_identifier(std::string_view name);
// True for the reserved words that can never be defined: e, pi, ans and function names.
bool is_reserved(std::string_view name);

}  // namespace ddx::grammar
