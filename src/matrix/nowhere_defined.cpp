// SPDX-License-Identifier: GPL-3.0-or-later
// Functions of a matrix expression that is 0 at every point (see nowhere_defined.hpp).
#include "matrix/nowhere_defined.hpp"

#include <set>
#include <string>

#include "core/errors.hpp"
#include "matrix/write_out.hpp"

namespace ddx::matrix {
namespace {

// a with its products multiplied out over its sums (in order: the factors are matrices), so that
// like terms meet: xᵀ(A - Aᵀ)x is xᵀAx - xᵀAᵀx, and the sum, a 1×1 product beside its transpose,
// is 0. An identity for every size. (Past 256 terms, a as it is.)
Tree multiplied_out(const Tree& a) {
  switch (a->op) {
    case Op::Sum: {
      std::vector<Tree> terms;
      for (const Tree& t : a->args) terms.push_back(multiplied_out(t));
      return sum(std::move(terms));
    }
    case Op::Transpose: return transpose(multiplied_out(a->args[0]));
    case Op::Trace: return trace(multiplied_out(a->args[0]));
    case Op::Product: {
      std::vector<std::vector<Tree>> combinations{{number(a->coefficient)}};
      for (const Tree& factor : a->args) {
        Tree f = multiplied_out(factor);
        std::vector<Tree> terms = f->op == Op::Sum ? f->args : std::vector<Tree>{f};
        if (combinations.size() * terms.size() > 256) return a;
        std::vector<std::vector<Tree>> next;
        for (const auto& c : combinations)
          for (const Tree& t : terms) {
            next.push_back(c);
            next.back().push_back(t);
          }
        combinations = std::move(next);
      }
      std::vector<Tree> terms;
      for (auto& c : combinations) terms.push_back(product(std::move(c)));
      return sum(std::move(terms));
    }
    default: return a;
  }
}

void collect_dimensions(const Tree& a, std::set<std::string>& names) {
  for (Expr d : {a->shape.rows, a->shape.cols})
    if (d.is(Kind::Symbol)) names.insert(d.name());
  for (const Tree& t : a->args) collect_dimensions(t, names);
}

// Whether every entry of a, written out at those sizes, cancels to 0 (false where it cannot be
// written out: a singular inverse inside it).
bool zero_at(const Tree& a, const Sizes& sizes) {
  try {
    for (const auto& row : write_out(a, sizes))
      for (Expr e : row)
        if (!cancels_to_zero(e)) return false;
  } catch (const MathError&) {
    return false;
  }
  return true;
}

// Whether a is 0 at every point: multiplied out, at every size; or written out, at the sizes
// given (a written-out zero at some sizes is no zero at all: (n - 2)(n - 3) xᵀx is 0 at n = 2 and
// 3 only, and det(A - Aᵀ) times a norm was 0 at 2 and 3 and 2448 at a point of size 4).
bool zero_everywhere(const Tree& a, const Sizes* sizes) {
  if (is_zero(multiplied_out(a))) return true;
  if (!sizes) return false;
  std::set<std::string> dimensions;
  collect_dimensions(a, dimensions);
  Sizes given;
  for (const std::string& d : dimensions) {
    if (!sizes->contains(d)) return false;
    given[d] = sizes->at(d);
  }
  return zero_at(a, given);
}

}  // namespace

void refuse_functions_of_zero(const Tree& f, const Sizes* sizes) {
  for (const Tree& t : f->args) refuse_functions_of_zero(t, sizes);
  bool const negative_power = f->op == Op::Power && f->exponent.sign() < 0;  // (of a scalar, or entrywise)
  if (f->op != Op::Log && f->op != Op::Inverse && !negative_power) return;
  if (!zero_everywhere(f->args[0], sizes)) return;
  if (f->op == Op::Log) throw MathError("log(0) is undefined (its argument is 0 at every point)");
  if (f->op == Op::Inverse) throw MathError("the zero matrix has no inverse (its entries are 0 at every point)");
  throw MathError("division by zero (the divisor is 0 at every point)");
}

}  // namespace ddx::matrix
