// SPDX-License-Identifier: GPL-3.0-or-later
// `==` (see compare.hpp).
#include "eval/compare.hpp"

#include <cmath>
#include <cstdio>
#include <random>
#include <unordered_map>

#include "calculus/eval.hpp"
#include "calculus/expand.hpp"
#include "calculus/simplify.hpp"
#include "core/sums.hpp"
#include "calculus/vector.hpp"
#include "core/errors.hpp"

namespace ddx::eval {
namespace {

std::string decimal(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", v);
  return buffer;
}

}  // namespace

Comparison compare_expressions(Expr a, Expr b) {
  a = with_canonical_indices(a);
  b = with_canonical_indices(b);
  if (a == b) return {true, true, ""};
  Expr d = a - b;
  try {
    if (calc::simplify(calc::expand(d)).is_zero()) return {true, true, ""};
  } catch (const LimitError&) {
    // too big to expand: fall through to the numeric check
  }
  std::vector<Expr> vars = calc::variables_of({a, b});
  std::mt19937_64 rng(20261122);  // fixed: the same question always gets the same answer
  std::uniform_real_distribution<double> pick(-2.5, 2.5);
  int agreed = 0;
  bool evaluable = true;
  for (int trial = 0; trial < 40 && agreed < 12; ++trial) {
    std::unordered_map<std::string, double> point;
    for (Expr v : vars) point[v.name()] = pick(rng);
    double x, y;
    try {
      x = calc::evaluate(a, point);
      y = calc::evaluate(b, point);
    } catch (const MathError&) {
      evaluable = false;  // abstract functions: no numeric check possible
      break;
    }
    // log(x^2) and 2 log(x) agree where both are defined, but only one is at x < 0: not equal.
    if (std::isfinite(x) != std::isfinite(y)) {
      std::string where;
      for (Expr v : vars) where += (where.empty() ? "" : ", ") + v.name() + " = " + decimal(point[v.name()]);
      return {false, true, "only one side is defined at " + where};
    }
    if (!std::isfinite(x)) continue;
    if (std::abs(x - y) > 1e-9 * (1 + std::abs(x) + std::abs(y))) return {false, true, ""};
    ++agreed;
  }
  if (agreed >= 3) return {true, true, "checked numerically at " + std::to_string(agreed) + " random points"};
  if (!evaluable) return {false, false, "their difference does not simplify to 0, and it has no values at points to compare"};
  return {false, false, "their difference does not simplify to 0, and too few of their values at random points are finite numbers"};
}

}  // namespace ddx::eval
