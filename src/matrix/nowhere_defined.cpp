// SPDX-License-Identifier: GPL-3.0-or-later
// Functions of a matrix expression that is 0 at every point (see nowhere_defined.hpp).
#include "matrix/nowhere_defined.hpp"

#include <set>
#include <string>

#include "core/errors.hpp"
#include "matrix/write_out.hpp"

namespace ddx::matrix {
namespace {

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

// Whether a is 0 at every point: at the sizes given, or else at every dimension 2 and then 3
// (`where` says which, for the message).
bool zero_everywhere(const Tree& a, const Sizes* sizes, std::string& where) {
  std::set<std::string> dimensions;
  collect_dimensions(a, dimensions);
  if (sizes || dimensions.empty()) {
    where = "";
    for (const std::string& d : dimensions)
      if (!sizes->contains(d)) return false;
    Sizes given;
    for (const std::string& d : dimensions) given[d] = sizes->at(d);
    return zero_at(a, given);
  }
  where = ", written out at every size 2 and 3";
  Sizes twos, threes;
  for (const std::string& d : dimensions) twos[d] = 2, threes[d] = 3;
  return zero_at(a, twos) && zero_at(a, threes);
}

}  // namespace

void refuse_functions_of_zero(const Tree& f, const Sizes* sizes) {
  for (const Tree& t : f->args) refuse_functions_of_zero(t, sizes);
  bool const negative_power = f->op == Op::Power && f->exponent.sign() < 0 && f->shape.scalar();
  if (f->op != Op::Log && f->op != Op::Inverse && !negative_power) return;
  std::string where;
  if (!zero_everywhere(f->args[0], sizes, where)) return;
  if (f->op == Op::Log) throw MathError("log(0) is undefined (its argument is 0 at every point" + where + ")");
  if (f->op == Op::Inverse) throw MathError("the zero matrix has no inverse (its entries are 0 at every point" + where + ")");
  throw MathError("division by zero (the divisor is 0 at every point" + where + ")");
}

}  // namespace ddx::matrix
