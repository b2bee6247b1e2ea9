// SPDX-License-Identifier: GPL-3.0-or-later
// The Expr-level face of the polynomial algebra (see polynomial.hpp): each entry point reads its
// input as a fraction of integer polynomials under its work limit and writes the answer back.
#include "calculus/polynomial.hpp"

#include <algorithm>

#include "calculus/poly_convert.hpp"
#include "calculus/poly_factor.hpp"

namespace ddx::calc {
namespace {

constexpr poly::ConvertLimits limits{max_poly_terms, max_poly_degree, max_poly_variables};

}  // namespace

std::optional<Expr> cancel(Expr e) {
  poly::WorkLimit work(max_cancel_work, "cancel");
  auto f = poly::to_fraction(e, limits, "cancel");
  if (!f) return std::nullopt;
  // The denominator's sign is free: a negative coefficient in front reads badly when flipping the
  // denominator costs it no more minus signs (-(a + 1)/(-y + pi) is (a + 1)/(y - pi)).
  auto negatives = [](const poly::Poly& p) {
    return std::count_if(p.terms.begin(), p.terms.end(), [](const poly::Term& t) { return sgn(t.c) < 0; });
  };
  if (sgn(f->coefficient) < 0 && !f->den.is_constant() && negatives(-f->den) <= negatives(f->den)) {
    f->coefficient = -f->coefficient;
    f->den = -f->den;
  }
  return poly::to_expr(*f);
}

bool has_common_factor(Expr e) {
  if (!e.is(Kind::Mul)) return false;
  std::vector<Expr> below;  // the denominator as written
  for (std::size_t i = 0; i < e.bases().size(); ++i)
    if (Expr k = e.exponents()[i]; k.is_number() && k.number().is_negative()) below.push_back(pow(e.bases()[i], -k));
  if (below.empty()) return false;
  poly::WorkLimit work(max_cancel_work, "cancel");
  auto written = poly::to_fraction(mul(std::move(below)), limits, "cancel");
  auto lowest = poly::to_fraction(e, limits, "cancel");
  return written && lowest && poly::total_degree(lowest->den) < poly::total_degree(written->num);
}

std::optional<Expr> polynomial_gcd(Expr a, Expr b) {
  poly::WorkLimit work(max_factor_work, "gcd");
  auto fs = poly::to_fractions({a, b}, limits, "gcd");
  if (!fs) return std::nullopt;
  const poly::Fraction &fa = (*fs)[0], &fb = (*fs)[1];
  if (!fa.den.is_constant() || !fb.den.is_constant()) return std::nullopt;
  // a = ca A, b = cb B with A, B primitive: gcd(a, b) = gcd(ca, cb) gcd(A, B), where the gcd of
  // two rationals is the gcd of the numerators over the lcm of the denominators.
  mpq_class ca = abs(fa.coefficient), cb = abs(fb.coefficient);
  if (ca == 0) return poly::to_expr(poly::Fraction{fb.gens, cb, fb.num, fb.den});
  if (cb == 0) return poly::to_expr(poly::Fraction{fa.gens, ca, fa.num, fa.den});
  mpq_class c;
  mpz_gcd(c.get_num_mpz_t(), ca.get_num_mpz_t(), cb.get_num_mpz_t());
  mpz_lcm(c.get_den_mpz_t(), ca.get_den_mpz_t(), cb.get_den_mpz_t());
  c.canonicalize();
  return mul({num(poly::to_number(c)), poly::to_expr(poly::gcd(fa.num, fb.num), fa.gens)});
}

Expr Factorization::expr() const {
  std::vector<Expr> parts{num(coefficient)};
  for (const auto& [f, m] : factors) parts.push_back(pow(f, Expr(m)));
  return mul(std::move(parts));
}

std::optional<Factorization> factor(Expr e, double max_work) {
  poly::WorkLimit work(max_work, "factor");
  auto f = poly::to_fraction(e, limits, "factor");
  if (!f) return std::nullopt;
  Factorization r;
  if (f->num.is_zero()) {
    r.coefficient = Number(0);
    return r;
  }
  mpq_class c = f->coefficient;
  auto collect = [&](const poly::Poly& p, int sign) {
    poly::Factored pf = poly::factor(p);
    c = sign > 0 ? mpq_class(c * pf.unit) : mpq_class(c / pf.unit);
    for (const auto& [q, m] : pf.factors) r.factors.emplace_back(poly::to_expr(q, f->gens), sign * static_cast<int>(m));
  };
  collect(f->num, 1);
  collect(f->den, -1);
  c.canonicalize();
  r.coefficient = poly::to_number(c);
  std::sort(r.factors.begin(), r.factors.end(), [](const auto& a, const auto& b) { return compare(a.first, b.first) < 0; });
  return r;
}

}  // namespace ddx::calc
