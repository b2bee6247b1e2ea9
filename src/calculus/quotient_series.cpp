// SPDX-License-Identifier: GPL-3.0-or-later
// Series of quotients with a removable singularity (see quotient_series.hpp).
#include "calculus/quotient_series.hpp"

#include "calculus/simplify.hpp"
#include "core/corner_sign.hpp"
#include "core/errors.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"

namespace ddx::calc {
namespace {

// How far a denominator may vanish: sin(x)^3/x^3 needs 3.
constexpr std::uint64_t highest_cancelled_order = 8;
// Coefficients past this size are left as they are (simplify would cost more than it wins).
constexpr std::size_t simplified_size = 200;

Expr simpler(Expr e) { return simplified_if_smaller(e, simplified_size); }

// Whether a coefficient is 0 (true), surely not (false), or neither is decided (nullopt).
std::optional<bool> is_zero(Expr c) {
  c = simpler(c);
  if (c.is_number()) return c.is_zero();
  if (free_symbols(c).empty() && constant_sign(c)) return false;
  return std::nullopt;
}

// The Taylor coefficients f^(k)(a)/k!, k < count.
std::vector<Expr> coefficients(Expr f, Expr var, std::uint64_t count, const Point& point) {
  std::vector<Expr> c = derivatives_at(f, var, count, point);
  Number factorial(1);
  for (std::size_t k = 1; k < c.size(); ++k) {
    factorial = factorial * Number(static_cast<long long>(k));
    c[k] = c[k] * num(Number(1) / factorial);
  }
  return c;
}

// p/q's coefficients, for p/q a product whose factors with negative integer powers make q.
std::optional<std::vector<Expr>> quotient_coefficients(Expr f, Expr var, std::uint64_t count, const Point& point) {
  Expr p(1), q(1);
  if (f.is(Kind::Mul)) {
    p = num(f.number());
    for (std::size_t i = 0; i < f.bases().size(); ++i) {
      Expr e = f.exponents()[i];
      bool below = e.is_number() && e.number().is_integer() && e.number().is_negative();
      if (below) q = q * pow(f.bases()[i], -e);
      else p = p * pow(f.bases()[i], e);
    }
  } else if (f.is(Kind::Pow) && f.exponent().is_number() && f.exponent().number().is_integer() &&
             f.exponent().number().is_negative()) {
    q = pow(f.base(), -f.exponent());
  }
  if (q == Expr(1)) return std::nullopt;
  // The order m to which q vanishes.
  std::vector<Expr> qc = coefficients(q, var, count + highest_cancelled_order, point);
  std::uint64_t m = 0;
  for (;; ++m) {
    if (m > highest_cancelled_order) return std::nullopt;
    std::optional<bool> zero = is_zero(qc[m]);
    if (!zero) return std::nullopt;
    if (!*zero) break;
  }
  if (m == 0) return std::nullopt;  // (q has a value there: the trouble is elsewhere)
  std::vector<Expr> pc = coefficients(p, var, count + m, point);
  for (std::uint64_t k = 0; k < m; ++k)  // p must vanish as far: else a pole
    if (std::optional<bool> zero = is_zero(pc[k]); !zero || !*zero) return std::nullopt;
  std::vector<Expr> c;
  for (std::uint64_t j = 0; j < count; ++j) {
    Expr r = pc[j + m];
    for (std::uint64_t i = 1; i <= j; ++i) r = r - qc[m + i] * c[j - i];
    c.push_back(simpler(r / qc[m]));
  }
  return c;
}

std::optional<std::vector<Expr>> series_coefficients(Expr f, Expr var, std::uint64_t count, const Point& point) {
  try {
    return coefficients(f, var, count, point);
  } catch (const MathError&) {
  }
  if (f.is(Kind::Add)) {  // term by term: sin(x)/x + 1
    std::vector<Expr> sum(count, Expr(0));
    sum[0] = num(f.number());
    for (std::size_t i = 0; i < f.terms().size(); ++i) {
      std::optional<std::vector<Expr>> c = series_coefficients(num(f.coefficients()[i]) * f.terms()[i], var, count, point);
      if (!c) return std::nullopt;
      for (std::uint64_t k = 0; k < count; ++k) sum[k] = sum[k] + (*c)[k];
    }
    return sum;
  }
  return quotient_coefficients(f, var, count, point);
}

}  // namespace

std::optional<std::vector<Expr>> removable_quotient_derivatives(Expr f, Expr var, std::uint64_t count, const Point& point) {
  // (the series of a corner's or a jump's formula are those of neither side: x sign(x)^2/x, which
  // is 1 beside 0, had the continuous extension 0 there, sign(0)^2)
  if (has_corners_or_jumps(f)) return std::nullopt;
  std::optional<std::vector<Expr>> c;
  try {
    c = series_coefficients(f, var, count, point);
  } catch (const MathError&) {
    return std::nullopt;
  } catch (const NoDerivative&) {
    return std::nullopt;
  }
  if (!c) return std::nullopt;
  Number factorial(1);
  for (std::size_t k = 1; k < c->size(); ++k) {
    factorial = factorial * Number(static_cast<long long>(k));
    (*c)[k] = (*c)[k] * num(factorial);
  }
  return c;
}

}  // namespace ddx::calc
