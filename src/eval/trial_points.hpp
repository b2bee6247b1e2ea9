// SPDX-License-Identifier: GPL-3.0-or-later
// Where `==` compares two sides numerically beyond its random points in [-2.5, 2.5]: the places
// where sides that agree there may still differ (eval/compare.cpp).
#pragma once

#include <cstddef>
#include <random>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/expr.hpp"

namespace ddx::eval {

// A point: a value for each variable, by name.
using TrialPoint = std::unordered_map<std::string, double>;

// Beside each number written in the sides, on both sides of it and of either sign, and at sizes
// up to 100 (max(x, 3) == 3 agreed at every point below 3). The k-th such point takes its signs
// from k's bits, one a variable, so that every sign is tried; its sizes cycle through the
// numbers and factors.
class FarPoints {
 public:
  FarPoints(Expr a, Expr b, std::span<const Expr> more = {});
  double operator()(std::size_t k, std::size_t var, std::mt19937_64& rng) const;

 private:
  std::vector<double> sizes_;
};

// Both sides of where a piece of a side begins (relu(x - 2 pi) == 0 agreed at every random
// point, all below 2 pi; relu(cos(x) - 0.99) == 0 differs only for |x| < 0.14): along each
// variable, the others at a random point, each change of sign of an argument of abs, sign, relu,
// max or min over 0 and +-10^-3 .. 10^12, found by bisection and stepped over both ways, and the
// argument's extremes, where a piece may begin and end between two points of the search. Each
// change is stepped over both ways, and to the doubles either side of it (`on_corner`: sign(x -
// 2) == sign(x - 2001/1000) differs only between the two corners, sign(x - 2)^2 == 1 at 2).
struct CornerPoint {
  TrialPoint point;
  bool on_corner = false;
};
std::vector<CornerPoint> corner_points(Expr a, Expr b, const std::vector<Expr>& vars, std::mt19937_64& rng);

// Both sides of where each of `parts` (what a side needs a value of: sqrt(x^2 - 1/100) of
// sqrt(x^2 - 1/100)^2) begins or ends to have a value, as corner_points steps over corners (not
// onto the edge itself: a hole, x/x at 0, is no edge).
std::vector<TrialPoint> edge_points(std::span<const Expr> parts, const std::vector<Expr>& vars, std::mt19937_64& rng);

// Points where the variables of the exponents that are no numbers are whole, where alone a
// negative base may have such a power: (x^a)^b == x^(a b) agreed wherever both have values for a
// not whole, and differs at x = -1, a = 2, b = 1/2. Half the points make all of them whole, half
// the ones their bits choose; every other point has the other variables negative. None when no
// exponent has a variable.
std::vector<TrialPoint> whole_exponent_points(Expr a, Expr b, const std::vector<Expr>& vars, std::mt19937_64& rng);

// Whether a side may have a value at a whole-exponent point where it has none beside it: only a
// power of a base that may be negative does (x^a at x = -1, a = 2). Else one side without a value
// there is a hole: e^x (x - 3)/(x - 3) at x = 3, where e^x's exponent is whole.
bool whole_exponents_may_lose_values(Expr a, Expr b);

}  // namespace ddx::eval
