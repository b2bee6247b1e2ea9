// SPDX-License-Identifier: GPL-3.0-or-later
// Derivatives at a point, given only where they exist. A derivative's formula can print a number
// at a point where there is no derivative at all (sign(x) is 0 at 0, so d/dx abs(x) "is" 0
// there), so the value is taken from the one-sided limits instead: the function must be
// continuous there and the slopes from the left and from the right must agree (abs(x^2) and
// x abs(x) are differentiable at 0; abs, sign and relu are not). Also the degree test that lets
// orders past the limit differentiate a polynomial of lower degree to 0.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "core/expr.hpp"

namespace ddx::calc {

// Differentiate by each variable `count` times, in order: {{x, 2}, {y, 1}} is ∂³/∂y∂x². (In place
// for two variables: diff(E, x) of every line of a batch allocates nothing for it.)
using Differentiations = boost::container::small_vector<std::pair<Expr, std::uint64_t>, 2>;
using Point = std::unordered_map<Expr, Expr>;

// Raised when a derivative does not exist at the point, or ddx cannot tell. Carries the values
// that show why; the caller words it (printing is not the algebra's business).
struct NoDerivative : std::runtime_error {
  enum class Cause {
    Jump,       // the function is not continuous along `along`: left and right differ from it
    Corner,     // the slopes from the left and from the right differ
    Undefined,  // leaving the domain (division by zero, log(0)): detail says which
    Undecided,  // ddx cannot tell on which side `left` (an expression) leaves 0
    FormulaUndefined,  // the function has values all around the point, its derivative's formula
                       // none there (detail says why): ddx cannot decide
    Indeterminate,  // the slope's formula divides by zero there: `left` and `right` are its values very
                    // near; detail "corner" when they settle apart, "no left" or "no right" for a
                    // side where the function has no values
  };
  NoDerivative(Cause c, Expr along_var, Expr l, Expr r, std::string detail_text = {})
      : std::runtime_error(detail_text.empty() ? "no derivative" : detail_text),
        cause(c), along(along_var), left(l), right(r), detail(std::move(detail_text)) {}
  Cause cause;
  Expr along, left, right;
  std::string detail;
  std::uint64_t order = 0;  // the order that does not exist (0: not said)
  std::uint64_t asked = 0;  // derivative_at: the order asked for, where `order` is said
};

// The value of g at the point, where g may be a derivative's formula (see core/corner_sign.hpp):
// where a corner's sign in it has no value, g's value when it does not depend on that sign's
// (x sign(x) from d/dx x abs(x) is 0 at 0). Throws NoDerivative (Jump, detail corner_slope,
// with g's one-sided limits along the first variable where they differ) where it does: sign(x)
// from d/dx abs(x) at 0, -1 and 1; its square, 1 and 1. *from_limits (when given) tells whether
// the corner's sign had to be set aside.
inline constexpr const char* corner_slope = "corner slope";
Expr value_at(Expr g, const Point& point, bool* from_limits = nullptr);

// Whether h has a value at points just beside the point along var, where a corner's sign has none
// (a derivative's formula there). With `continuous_along`, h's typed signs whose argument moves
// with that variable count as corners' too: then h is continuous along it there, and has a
// derivative along it if its formula does.
bool has_values_beside(Expr h, Expr var, const Point& point, std::optional<Expr> continuous_along = std::nullopt);

// The derivative of f at the point (every symbol of the point substituted; others stay): the
// agreed one-sided limits of the last derivative, after checking that f is continuous along the
// first variable and each derivative before the last exists. Throws NoDerivative.
Expr derivative_at(Expr f, const Differentiations& d, const Point& point);

// The derivatives of f by var at the point, of orders 0 .. count - 1 (count >= 1), with the same
// checks as derivative_at, in one pass (a Taylor polynomial's coefficients times k!). Order 0 is
// the value at the point (a MathError there propagates: the function has no value). Throws
// NoDerivative with `order` set to the first order that does not exist.
std::vector<Expr> derivatives_at(Expr f, Expr var, std::uint64_t count, const Point& point);

// The degree of e as a polynomial in var, or nullopt when it is not one (var inside a function,
// a negative or fractional power, ...). An expression free of var has degree 0.
std::optional<Number> polynomial_degree(Expr e, Expr var);

}  // namespace ddx::calc
