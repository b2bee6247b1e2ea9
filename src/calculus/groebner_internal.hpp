// SPDX-License-Identifier: GPL-3.0-or-later
// What Buchberger's algorithm (groebner.cpp) and FGLM (fglm.cpp) share: polynomials with their
// terms in a monomial order, reduction, the bases themselves. Internal to those two files.
#pragma once

#include <gmpxx.h>

#include <algorithm>
#include <vector>

#include "calculus/poly.hpp"

namespace ddx::calc::poly::detail {

// Work units per limb operation on coefficients (poly.hpp's units are about one term operation).
inline constexpr double limb_cost = 1.0 / 256;

enum class Order { Lex, Grevlex };

// <0, 0, >0 as a is smaller than, equal to or larger than b in the order.
int compare(const Exponents& a, const Exponents& b, Order o);

// A polynomial with its terms sorted by an order, largest first.
struct OPoly {
  std::size_t nvars = 0;
  std::vector<Term> terms;
  bool is_zero() const { return terms.empty(); }
  const Exponents& lm() const { return terms.front().e; }
  const mpz_class& lc() const { return terms.front().c; }
  bool is_constant() const {
    return terms.size() == 1 && std::all_of(terms[0].e.begin(), terms[0].e.end(), [](std::uint32_t x) { return x == 0; });
  }
};

OPoly ordered(const Poly& p, Order o);
Poly unordered(const OPoly& p);
bool divides(const Exponents& a, const Exponents& b);
std::vector<const OPoly*> pointers(const std::vector<OPoly>& g);

// The remainder of p on division by g: `tail` reduces every term, otherwise only leading terms.
// The result is scale * remainder with a nonzero rational scale (given back when asked for);
// primitive with a positive leading coefficient unless the scale is asked for.
OPoly reduce(OPoly p, const std::vector<const OPoly*>& g, Order o, bool tail, mpq_class* scale = nullptr);

// The reduced basis in order o, smallest leading monomial first; {1} for the unit ideal.
std::vector<OPoly> buchberger(const std::vector<Poly>& fs, Order o);
bool unit(const std::vector<OPoly>& g);
bool zero_dimensional(const std::vector<OPoly>& g);

// The reduced lex basis of the zero-dimensional ideal with grevlex basis g (fglm.cpp).
std::vector<Poly> fglm(const std::vector<OPoly>& g);

}  // namespace ddx::calc::poly::detail
