// SPDX-License-Identifier: GPL-3.0-or-later
// Factorisation of integer polynomials into irreducibles over Q (internal to polynomial.cpp):
// contents, square-free decomposition, Zassenhaus for one variable, and evaluation + Hensel
// lifting + recombination for several.
#pragma once

#include <utility>
#include <vector>

#include "calculus/poly.hpp"

namespace ddx::calc::poly {

struct Factored {
  mpz_class unit;                                  // the integer content, with the sign
  std::vector<std::pair<Poly, unsigned>> factors;  // irreducible, primitive, positive lc; distinct
};

// p = unit * prod(f^m). p nonzero.
Factored factor(const Poly& p);

// The irreducible factors of a, which is square-free and primitive as a polynomial in x with
// coefficients in the other variables, of degree >= 2 in x, and uses at least one other
// variable (poly_lift.cpp). `point` (one value per other variable in order, for tests) forces
// the evaluation point when it is lucky.
std::vector<Poly> factor_multivariate(const Poly& a, std::size_t x, const std::vector<mpz_class>* point = nullptr);

}  // namespace ddx::calc::poly
