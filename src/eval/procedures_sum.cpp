// SPDX-License-Identifier: GPL-3.0-or-later
// sum(E, n = A .. B) and mean(E, n = A .. B): sums over an integer index, the bounds numbers or
// expressions (N, N - 1). The index and the members of its families (x_n, t_n) are bound in E;
// the core keeps the sum (core/sums.hpp) so that ∂/∂x_k finds its term.
#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
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

// What the summand requires (core/dropped.hpp), for every value of the index: a part that
// depends on the index, as the sum of its instances, each times a power of its own of a symbol
// so that none can cancel another. sum(d/dx sign(x - n), n = 0 .. 1) is 0 but requires sign(x)
// and sign(x - 1), so has no value at x = 0; the n = 0 term of sum((x - n)/(x - n), n = 0 .. 1)
// has none there either (both were asked for n alone, which gave them values). A term without a
// value whatever the point (sum(n/n, n = 0 .. 2)) is refused here.
Expr for_every_index(Expr part, const Summation& s, const Term& call) {
  Expr apart = sym("apart#");  // (no name a user can type; no static: a collection may reclaim it)
  try {
    return make_sum(part * pow(apart, s.index), s.index, s.lower, s.upper);
  } catch (const CornerError&) {  // (a corner's sign of an argument that is 0 in a term: min(x - n, x - 1)
    return part;                  // at n = 1, which has no corner; as it was noted)
  } catch (const MathError& e) {
    throw EvalError{call.children[0].span, std::string(e.what()) + " in a term of the sum as written"};
  }
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
  std::vector<Expr>* notes = required_notes();
  std::size_t noted_before = notes ? notes->size() : 0;
  s.body = ev.operand(call.children[0], {s.index});  // a defined n does not reach inside
  if (notes) {
    for (std::size_t i = noted_before; i < notes->size(); ++i)
      if (depends_on_index((*notes)[i], s.index)) (*notes)[i] = for_every_index((*notes)[i], s, call);
    // (What the summand lost as it was read, the resolver left to the sum where it names the index.)
    for (Expr part : call.children[0].dropped)
      if (depends_on_index(part, s.index)) notes->push_back(for_every_index(part, s, call));
  }
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
  // A symbolic count divides the sum, and may cancel against it (mean(x_1, n = 1 .. N) is x_1):
  // the mean as written has no value where the range has no terms (the count of them is 0 where
  // it runs backwards, and B - A + 1 is not), and a later `at N = 0` or `at N = -3` must see that.
  if (!count.is_number()) note_required(pow(sum_of({Expr(1), s.index, s.lower, s.upper}, call), Expr(-1)));
  if (!depends_on_index(s.body, s.index)) return Result::of(Value::of(s.body));
  return Result::of(Value::of(sum_of(s, call) / count));
}

}  // namespace ddx::eval
