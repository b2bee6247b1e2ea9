// SPDX-License-Identifier: GPL-3.0-or-later
// A seeded random expression generator for property tests, after GiNaC's genex: trees over x, y,
// small integers and rationals, + - * / ^ (small integer exponents) and common functions.
// Construction may throw MathError (e.g. a division that folds to 1/0); callers retry.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "core/expr.hpp"
#include "core/functions.hpp"

namespace ddx::test {

class RandomExpr {
 public:
  explicit RandomExpr(std::uint64_t seed) : rng_(seed) {}

  // A random expression of depth at most max_depth.
  Expr operator()(int max_depth = 4) { return gen(max_depth); }

  Expr leaf() {
    switch (pick(6)) {
      case 0:
      case 1: return sym("x");
      case 2: return sym("y");
      case 3: return Expr(pick(7) - 3);
      case 4: return rational(pick(9) - 4, 1 + pick(4));
      default: return Expr(1 + pick(3));
    }
  }

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::mt19937_64& rng() { return rng_; }

 private:
  Expr gen(int depth) {
    if (depth <= 0 || pick(5) == 0) return leaf();
    switch (pick(9)) {
      case 0:
      case 1: return gen(depth - 1) + gen(depth - 1);
      case 2: return gen(depth - 1) - gen(depth - 1);
      case 3:
      case 4: return gen(depth - 1) * gen(depth - 1);
      case 5: return gen(depth - 1) / gen(depth - 1);
      case 6: return pow(gen(depth - 1), Expr(pick(7) - 2));
      default: return call(functions_[pick(static_cast<int>(std::size(functions_)))], {gen(depth - 1)});
    }
  }

  static constexpr const char* functions_[] = {"sin", "cos", "exp", "log", "sqrt", "tan",
                                               "atan", "sinh", "tanh", "sigmoid"};
  std::mt19937_64 rng_;
};

}  // namespace ddx::test
