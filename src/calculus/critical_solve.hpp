// SPDX-License-Identifier: GPL-3.0-or-later
// The real solutions of a system of polynomial equations over Q (internal to critical.cpp):
// a lexicographic Gröbner basis; zero-dimensional systems made radical (the square-free parts of
// the eliminants added, Seidenberg) and solved triangularly, factoring each eliminant over Q so
// that rational roots are substituted exactly and quadratic factors give radicals; positive-
// dimensional ones split into a common factor (a curve or surface, whose real points are decided)
// and the rest.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "calculus/poly.hpp"
#include "core/expr.hpp"

namespace ddx::calc {

// One coordinate of a solution: exact (a rational number or a radical) or not, always with a
// rational approximation close to 2^-bits.
struct SolvedCoordinate {
  bool exact = false;
  Expr value;  // exact only
  mpq_class approx;
};
using SolvedPoint = std::vector<SolvedCoordinate>;

struct SolvedSystem {
  // The isolated real solutions.
  std::vector<SolvedPoint> points;
  // Sets with infinitely many real solutions, each given by its equations (all = 0); an empty
  // list of equations is the whole space.
  std::vector<std::vector<poly::Poly>> sets;
};

// The real solutions of eqs = 0, all in the same nvars variables. Approximate coordinates are
// within about 2^-bits. Throws LimitError past the polynomial work limit and MathError when the
// real solutions cannot be decided (a positive-dimensional set whose real points ddx cannot find
// or rule out).
SolvedSystem solve_real(const std::vector<poly::Poly>& eqs, std::size_t nvars, int bits);

}  // namespace ddx::calc
