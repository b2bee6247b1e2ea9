// SPDX-License-Identifier: GPL-3.0-or-later
// Dense univariate polynomials for factorisation: over the integers (ZPoly) and over a prime
// field GF(p) with p < 2^31 (FPoly), both stored lowest power first with no trailing zeros.
// Univariate factorisation over Z is Zassenhaus's: factor mod p, lift, recombine.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace ddx::calc::poly {

using ZPoly = std::vector<mpz_class>;
using FPoly = std::vector<std::uint64_t>;

// ---- over Z (poly_zassenhaus.cpp) ----
std::size_t degree(const ZPoly& a);  // 0 for constants and for zero
// The irreducible factors over Z of f: primitive, square-free, degree >= 1, positive leading
// coefficient. Each factor is primitive with a positive leading coefficient; their product is f.
std::vector<ZPoly> factor_squarefree(const ZPoly& f);

// ---- over GF(p) (poly_modular.cpp) ----
class PrimeField {
 public:
  explicit PrimeField(std::uint64_t p) : p_(p) {}
  std::uint64_t p() const { return p_; }
  std::uint64_t add(std::uint64_t a, std::uint64_t b) const { return (a + b) % p_; }
  std::uint64_t sub(std::uint64_t a, std::uint64_t b) const { return (a + p_ - b) % p_; }
  std::uint64_t mul(std::uint64_t a, std::uint64_t b) const { return a * b % p_; }
  std::uint64_t inv(std::uint64_t a) const;  // a != 0
  std::uint64_t reduce(const mpz_class& z) const;  // z mod p in [0, p)

  FPoly trim(FPoly a) const;
  FPoly add(const FPoly& a, const FPoly& b) const;
  FPoly sub(const FPoly& a, const FPoly& b) const;
  FPoly mul(const FPoly& a, const FPoly& b) const;
  FPoly scale(const FPoly& a, std::uint64_t c) const;
  // a = q b + r with deg r < deg b; b nonzero. Either output may be null.
  void divmod(const FPoly& a, const FPoly& b, FPoly* q, FPoly* r) const;
  FPoly mod(const FPoly& a, const FPoly& b) const;
  FPoly monic(const FPoly& a) const;
  FPoly gcd(FPoly a, FPoly b) const;  // monic (zero when both are zero)
  // s a + t b = gcd(a, b), the gcd monic.
  void gcdex(const FPoly& a, const FPoly& b, FPoly& s, FPoly& t, FPoly& g) const;
  FPoly powmod(FPoly base, std::uint64_t e, const FPoly& m) const;
  FPoly derivative(const FPoly& a) const;
  FPoly from_z(const ZPoly& a) const;
  // Distinct-degree factorisation of a monic square-free f: (g, d) with g the product of all
  // irreducible factors of degree d. The number of factors is the sum of deg(g)/d.
  std::vector<std::pair<FPoly, std::size_t>> distinct_degree(const FPoly& f) const;
  // The monic irreducible factors, from the distinct-degree parts (Cantor-Zassenhaus equal
  // degree splitting). p odd.
  std::vector<FPoly> split_equal_degree(const std::vector<std::pair<FPoly, std::size_t>>& parts) const;

 private:
  std::uint64_t p_;
};

}  // namespace ddx::calc::poly
