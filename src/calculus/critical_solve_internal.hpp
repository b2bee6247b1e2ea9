// SPDX-License-Identifier: GPL-3.0-or-later
// What the two halves of the polynomial solver share (critical_solve.cpp: zero-dimensional
// systems; critical_sets.cpp: positive-dimensional ones). Internal to them.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "calculus/critical_solve.hpp"
#include "calculus/poly.hpp"
#include "calculus/poly_univariate.hpp"

namespace ddx::calc::solver {

// The real solutions of eqs = 0 in n variables (not deduplicated): a basis, then one of the two
// halves below.
SolvedSystem solve(const std::vector<poly::Poly>& eqs, std::size_t n, int bits);
// eqs = 0 with the lexicographic basis g, which is not zero-dimensional (critical_sets.cpp).
SolvedSystem positive_dimensional(const std::vector<poly::Poly>& g, const std::vector<poly::Poly>& eqs, std::size_t n,
                                  int bits);

// The square-free part of p as a polynomial in var (primitive).
poly::Poly squarefree_part(const poly::Poly& p, std::size_t var);
poly::ZPoly squarefree_part(const poly::ZPoly& p);
// g with variable v replaced by the rational r, as an integer polynomial (times a positive power
// of r's denominator) in the other variables (v removed, later ones shifted down).
poly::Poly substitute_var(const poly::Poly& g, std::size_t v, const mpq_class& r);
// 2^(-bits/2): how near two approximations (within 2^-bits) of one number can be told to agree.
mpq_class half_the_bits(int bits);

}  // namespace ddx::calc::solver
