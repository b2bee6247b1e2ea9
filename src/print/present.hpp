// SPDX-License-Identifier: GPL-3.0-or-later
// The display tree: an Expr rearranged once for reading (term order, subtraction, fractions,
// square roots), shared by every emitter so that the formats cannot drift apart. All layout
// decisions live here; emitters only choose tokens. Parentheses come from one function, needs_parens.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "core/expr.hpp"
#include "core/functions.hpp"

namespace ddx::print {

enum class DKind {
  Number,      // a non-negative Number (integer or float; rationals become Fraction)
  Symbol,      // name
  Constant,    // constant (e, pi)
  Call,        // function, args = arguments (presented by the emitter, one at a time)
  Derivative,  // abstract derivative; function, indices, args = arguments; point_implicit
  Pow,         // children = {base, exponent}
  Sqrt,        // children = {radicand}
  Product,     // children = factors (>= 2), numeric coefficient first
  Fraction,    // children = {numerator, denominator}
  Sum,         // children = terms (>= 2) in reading order; a Neg child is a subtraction
  Neg,         // children = {operand}: unary minus
};

// Names, arguments and indices point into the Expr's node (nodes are never freed), so a node of
// a big result's tree costs no allocation of its own.
struct Display {
  DKind kind = DKind::Number;
  Number value;               // Number
  std::string_view name;      // Symbol
  ConstantId constant = ConstantId::E;
  FunctionId function = 0;    // Call, Derivative
  std::span<const int> indices;  // Derivative
  bool point_implicit = false;  // Derivative of a multi-argument function at its own parameters: ∂f/∂u
  // Call, Derivative: the arguments, left as expressions. A big result shares its subexpressions
  // (d/dx of sin(sin(...sin(x))) 2000 deep repeats each inner call in every factor): presented
  // eagerly, the tree would hold every copy at once (hundreds of MB); the emitters present one
  // argument at a time instead (present_arg) and drop it once written.
  std::span<const Expr> args;
  std::vector<Display> children;  // every other kind
};

// The pending derivative of `steps` a function row marks (core/functions.hpp), printed as an
// operator before its argument.
inline const PendingDerivative* pending_derivative_of(FunctionId f) {  // nullptr: none
  const auto& pending = function_info(f).pending;
  return pending ? &*pending : nullptr;
}

// Builds the display tree of e.
Display present(Expr e);

// Degree of a term, as the order of a sum's terms uses it (present.cpp).
struct Degree {
  double deg = 0;
  bool poly = true;
};

// The terms of a sum in the order present() writes them, each presented only when asked: a long
// answer is written term by term, never holding the display tree of all of it at once.
class SumTerms {
 public:
  explicit SumTerms(Expr sum);
  std::size_t size() const;
  Display present(std::size_t i) const;

 private:
  struct Term {
    Expr term;
    Number coefficient;
    Degree degree;
  };
  boost::container::small_vector<Term, 4> terms_;  // in place for the short sums inside calls: sin(2x + 1)
  Number constant_;
  bool has_constant_ = false, constant_first_ = false;
};
// The display tree of argument i of a Call or Derivative.
inline Display present_arg(const Display& d, std::size_t i) { return present(d.args[i]); }

// Whether child `i` of `parent` must be parenthesised. `latex`: \frac, ^{} and \sqrt{} group by
// themselves, so only products, powers and signs need \left( \right) there.
bool needs_parens(const Display& parent, std::size_t i, bool latex);

// True for a derivative that prints as a Leibniz quotient (∂f/∂u): it binds like a fraction.
bool is_leibniz_form(const Display& d);

// The partial-derivative variable names of a multi-argument abstract derivative (parameter names,
// or x1, x2, ... when the function has none recorded).
std::vector<std::string> derivative_vars(const Display& d);

}  // namespace ddx::print
