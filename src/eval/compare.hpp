// SPDX-License-Identifier: GPL-3.0-or-later
// `A == B` ("check my answer"): equal when A - B simplifies to 0; otherwise decided numerically at
// random points, with a note saying so, or honestly undecided (never reported as `false`).
#pragma once

#include <span>
#include <string>

#include "core/expr.hpp"

namespace ddx::eval {

struct Comparison {
  bool equal = false;
  bool decided = true;  // false: neither equal nor unequal could be shown (`note` says why)
  std::string note;     // "checked numerically at 12 random points", "only one side is defined at ..."
  // Decided with sample functions in place of abstract ones: a verdict on the identity for every
  // function, none on a given one (implicit's point may be on f(x, y) = 0 for the f meant).
  bool by_samples = false;
};

// `required_a`, `required_b`: what each side requires to have a value (core/dropped.hpp: a
// derivative's function, a part simplification took out as it was worked out); points where one
// does not are no points of the comparison. `domain_a`, `domain_b`: the parts a side as written
// needs a value of, lost as it was read (sqrt(x)^2 is x, where x >= 0): a point where one side's
// hold and the other's do not, the other having a value, is one where only one side is defined.
Comparison compare_expressions(Expr a, Expr b, std::span<const Expr> required_a = {}, std::span<const Expr> required_b = {},
                               std::span<const Expr> domain_a = {}, std::span<const Expr> domain_b = {});

}  // namespace ddx::eval
