// SPDX-License-Identifier: GPL-3.0-or-later
// Poly: a sparse multivariate polynomial over the integers (GMP), the representation behind
// gcd, cancellation and factorisation (polynomial.hpp is the Expr-level face). Also the work
// limit that every polynomial algorithm charges, so that no input can make them run unbounded.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ddx::calc::poly {

using Exponents = std::vector<std::uint32_t>;

struct Term {
  Exponents e;  // one exponent per variable
  mpz_class c;  // never 0
};

// Terms are sorted by exponent vector, lexicographically (variable 0 most significant), largest
// first, so terms.front() is the leading term; equal exponents are merged and zeros dropped.
struct Poly {
  std::size_t nvars = 0;
  std::vector<Term> terms;

  Poly() = default;
  explicit Poly(std::size_t n) : nvars(n) {}
  bool is_zero() const { return terms.empty(); }
  bool is_constant() const;         // zero, or a single term of degree 0
  const mpz_class& lc() const { return terms.front().c; }  // precondition: nonzero
  friend bool operator==(const Poly& a, const Poly& b);
};

Poly constant(std::size_t nvars, const mpz_class& c);
Poly variable(std::size_t nvars, std::size_t var, std::uint32_t power = 1);
// Sorts terms, merges equal exponents, drops zero coefficients.
Poly from_terms(std::size_t nvars, std::vector<Term> terms);

Poly operator+(const Poly& a, const Poly& b);
Poly operator+(Poly&& a, const Poly& b);  // reuses a's terms
Poly operator+(Poly&& a, Poly&& b);
Poly operator-(const Poly& a, const Poly& b);
Poly operator-(Poly&& a, const Poly& b);
Poly operator-(Poly&& a, Poly&& b);
Poly operator-(const Poly& a);
Poly operator*(const Poly& a, const Poly& b);
Poly operator*(const Poly& a, const mpz_class& c);
Poly pow(const Poly& a, std::uint32_t k);
// a / b when b divides a exactly (over the integers), nullopt otherwise. b nonzero.
std::optional<Poly> divide(const Poly& a, const Poly& b);
// a / c for an integer c that divides every coefficient.
Poly divide_exact(const Poly& a, const mpz_class& c);

// Non-negative gcd of the coefficients (0 for the zero polynomial).
mpz_class content(const Poly& a);
// a divided by its content, with a positive leading coefficient (zero stays zero).
Poly primitive(const Poly& a);
// a or -a, whichever has a positive leading coefficient.
Poly with_positive_lc(const Poly& a);
mpz_class max_norm(const Poly& a);

std::uint32_t degree(const Poly& a, std::size_t var);
std::uint32_t total_degree(const Poly& a);
// Total degree counting only the variables with mask[var] true.
std::uint32_t total_degree(const Poly& a, const std::vector<bool>& mask);
// Which variables occur.
std::vector<bool> used_variables(const Poly& a);
// The exponentwise minimum over all terms (the monomial that divides every term).
Exponents min_exponents(const Poly& a);
// a with each exponent vector reduced by m (m divides every term).
Poly divide_monomial(const Poly& a, const Exponents& m);
Poly multiply_monomial(const Poly& a, const Exponents& m);

Poly derivative(const Poly& a, std::size_t var);
// a with variable var replaced by the integer v.
Poly evaluate(const Poly& a, std::size_t var, const mpz_class& v);
// a with variable var replaced by var + v (a Taylor shift).
Poly shift(const Poly& a, std::size_t var, const mpz_class& v);
// The coefficients of a as a polynomial in var: index k holds the coefficient of var^k.
std::vector<Poly> coefficients(const Poly& a, std::size_t var);
Poly from_coefficients(const std::vector<Poly>& c, std::size_t var, std::size_t nvars);

// ---- gcd (poly_gcd.cpp) ----
// The greatest common divisor with a positive leading coefficient, integer content included:
// gcd(4x^2 - 4, 6x + 6) = 2x + 2. gcd(0, 0) = 0.
Poly gcd(const Poly& a, const Poly& b);
// The gcd of the coefficients of a as a polynomial in var (free of var; positive lc).
Poly content_in(const Poly& a, std::size_t var);
// The same gcd by the primitive PRS alone: gcd's fallback when GCDHEU is unlucky (for tests).
Poly gcd_by_prs(const Poly& a, const Poly& b);

// ---- work limit ----
// Polynomial algorithms can take very long on inputs that are short to type. Each top-level
// computation installs a WorkLimit (nested ones keep the tighter of the two); inner loops charge
// their coefficient operations and poll for Ctrl-C. Past the limit, LimitError("<what>: ...").
class WorkLimit {
 public:
  WorkLimit(double units, std::string what);
  ~WorkLimit();
  WorkLimit(const WorkLimit&) = delete;
  WorkLimit& operator=(const WorkLimit&) = delete;

 private:
  double saved_remaining_;
  double start_;
  bool installed_ = false;
  std::string saved_what_;
};
void charge(double units);
// The work the innermost limit has left (infinite without one).
double work_left();
// Throws LimitError("<what>: <reason>") naming the computation that the innermost limit is for.
[[noreturn]] void refuse(const std::string& reason);

}  // namespace ddx::calc::poly
