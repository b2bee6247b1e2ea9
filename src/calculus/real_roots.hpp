// SPDX-License-Identifier: GPL-3.0-or-later
// The real roots of univariate integer polynomials, exactly where they can be (rational roots
// of linear factors, radicals of quadratic ones) and otherwise isolated by Sturm sequences and
// refined by exact bisection to any precision. Used by `critical` (critical_solve.cpp).
#pragma once

#include <gmpxx.h>

#include <vector>

#include "calculus/poly.hpp"
#include "calculus/poly_univariate.hpp"
#include "core/expr.hpp"

namespace ddx::calc::poly {

// The sign of p at x, exactly.
int sign_at(const ZPoly& p, const mpq_class& x);
// p at x, exactly.
mpq_class value_at(const ZPoly& p, const mpq_class& x);

// An interval [lo, hi] with rational ends holding exactly one root of a square-free polynomial,
// with p(lo) and p(hi) of opposite signs (or lo == hi, a rational root).
struct RootInterval {
  mpq_class lo, hi;
};

// The real roots of a square-free p of degree >= 1, increasing, as disjoint isolating intervals.
std::vector<RootInterval> isolate_real_roots(const ZPoly& p);
// How many distinct real roots a square-free p has.
std::size_t count_real_roots(const ZPoly& p);
// Narrows r by bisection until hi - lo < 2^-bits.
void refine(const ZPoly& p, RootInterval& r, int bits);

// A real root of an irreducible factor: exact when the factor has degree 1 or 2 (a rational
// number or a radical), always with a rational approximation within 2^-bits.
struct RealRoot {
  bool exact = false;
  Expr value;        // exact only
  mpq_class approx;  // always
};

// The real roots of an irreducible (over Q) p of degree >= 1, increasing. Degrees 1 and 2 are
// exact; higher degrees approximate (to 2^-bits).
std::vector<RealRoot> real_roots_of_irreducible(const ZPoly& p, int bits);

// The dense coefficients (lowest power first) of a univariate Poly in variable var.
ZPoly dense(const Poly& p, std::size_t var);

}  // namespace ddx::calc::poly
