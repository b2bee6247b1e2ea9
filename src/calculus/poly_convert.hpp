// SPDX-License-Identifier: GPL-3.0-or-later
// Reading an expression as a quotient of integer polynomials, and writing polynomials back as
// canonical expressions. Generators are the symbols and the opaque parts (sin(x), e^x, sqrt(x)).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calculus/poly.hpp"
#include "core/expr.hpp"

namespace ddx::calc::poly {

// value = coefficient * num / den in lowest terms: num and den primitive with positive leading
// coefficients, gcd(num, den) = 1; the zero value is 0 * 0 / 1.
struct Fraction {
  std::vector<Expr> gens;  // variable k of num and den is gens[k], sorted by compare()
  mpq_class coefficient;
  Poly num, den;
};

struct ConvertLimits {
  std::size_t terms;       // of any polynomial along the way
  std::uint32_t degree;    // total degree, likewise
  std::size_t generators;
};

// Reads e as a fraction in lowest terms. nullopt when e holds a floating-point number anywhere.
// Throws LimitError("<what>: ...") past the limits, before building anything that large.
std::optional<Fraction> to_fraction(Expr e, const ConvertLimits& limits, const std::string& what);
// The same for several expressions at once, all in the same generators.
std::optional<std::vector<Fraction>> to_fractions(const std::vector<Expr>& es, const ConvertLimits& limits,
                                                  const std::string& what);

// The canonical expression of p with variable k read as gens[k].
Expr to_expr(const Poly& p, const std::vector<Expr>& gens);
Expr to_expr(const Fraction& f);

Number to_number(const mpz_class& z);
Number to_number(const mpq_class& q);

}  // namespace ddx::calc::poly
