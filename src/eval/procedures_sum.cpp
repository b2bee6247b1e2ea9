// SPDX-License-Identifier: GPL-3.0-or-later
// sum(E, n = A .. B) and mean(E, n = A .. B): sums over an integer index, the bounds numbers or
// expressions (N, N - 1). The index and the members of its families (x_n, t_n) are bound in E;
// the core keeps the sum (core/sums.hpp) so that ∂/∂x_k finds its term.
#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"
#include "eval/procedures.hpp"

namespace ddx::eval {
namespace {

struct Summation {
  Expr body, index, lower, upper;
};

// A bound: a whole number or an expression of other names, never of the index.
Expr bound(const Term& t, Expr index, Evaluator& ev) {
  Expr b = ev.scalar(t);
  if (depends_on_index(b, index))
    throw EvalError{t.span, "the index " + index.name() + " cannot appear in a bound of its own sum"};
  if (b.is_number() ? !b.is_integer() : free_symbols(b).empty())
    throw EvalError{t.span, "the bounds of a sum must be whole numbers (or names such as N)"};
  return b;
}

Summation summation(const Term& call, Evaluator& ev) {
  const Term& range = call.children[1];
  std::string usage = "usage: " + std::string(call.name) + "(EXPR, n = A .. B)";
  if (range.kind != TermKind::Range) throw EvalError{range.span, usage};
  if (range.children.size() != 2) throw EvalError{range.children[2].span, "a sum takes every whole number in its range: no step"};
  if (range.name.find('_') != std::string::npos)
    throw EvalError{range.name_span, "the index of a sum is a plain name (n, i, k): " + range.name + " would be an entry of a family"};
  Summation s;
  s.index = sym(range.name);
  s.lower = bound(range.children[0], s.index, ev);
  s.upper = bound(range.children[1], s.index, ev);
  s.body = ev.operand(call.children[0], {s.index});  // a defined n does not reach inside
  return s;
}

Expr sum_of(const Summation& s, const Term& call) {
  try {
    return make_sum(s.body, s.index, s.lower, s.upper);
  } catch (const MathError& e) {
    throw EvalError{call.span, e.what()};
  }
}

}  // namespace

Result sum_procedure(const Term& call, Evaluator& ev) {
  Summation s = summation(call, ev);
  return Result::of(Value::of(sum_of(s, call)));
}

// mean = the sum over the number of terms, B - A + 1.
Result mean_procedure(const Term& call, Evaluator& ev) {
  Summation s = summation(call, ev);
  Expr count = s.upper - s.lower + 1;
  if (count.is_number() && count.number().sign() <= 0)
    throw EvalError{call.children[1].span, "the mean of an empty range (it needs A <= B)"};
  return Result::of(Value::of(sum_of(s, call) / count));
}

}  // namespace ddx::eval
