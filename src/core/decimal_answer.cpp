// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers checked in MPFR (see decimal_answer.hpp).
#include "core/decimal_answer.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "core/errors.hpp"
#include "core/real_value.hpp"

namespace ddx {
namespace {

// Digits a double answer must share with the precise value to be printed as it is.
constexpr double agreement = 1e-12;

// How the values at doubling precisions behave: settling on a value, shrinking towards 0 by as
// many bits as are added (a value that is 0, up to the rounding of its parts: sin(π x) at
// x = 1.0), or growing as fast (a pole: tan(π/2 · 1.0)).
enum class Trend { Settles, Vanishes, Grows, Neither };

Trend trend(mpfr_srcptr before, mpfr_srcptr now) {
  if (mpfr_zero_p(before) && mpfr_zero_p(now)) return Trend::Settles;
  Real difference(mpfr_get_prec(now));
  mpfr_sub(difference.get(), now, before, MPFR_RNDN);
  mpfr_mul_2si(difference.get(), difference.get(), 64, MPFR_RNDN);
  if (mpfr_cmpabs(difference.get(), now) <= 0) return Trend::Settles;  // they agree to 64 bits
  auto bits = [](mpfr_srcptr v) { return mpfr_zero_p(v) ? -(1L << 40) : static_cast<long>(mpfr_get_exp(v)); };
  if (bits(now) < bits(before) - 32) return Trend::Vanishes;
  if (bits(now) > bits(before) + 32) return Trend::Grows;
  return Trend::Neither;
}

// The precise value of the formula at the exact point, rounded to a double: nullopt when it
// cannot be evaluated (a symbol without a value). Throws MathError when it has no value there.
std::optional<double> precise_value(Expr formula, const std::unordered_map<Expr, Expr>& exact, double computed) {
  std::string gave = std::isnan(computed) ? "" : " (double arithmetic gave " + six_digits(computed) + ")";
  constexpr mpfr_prec_t first = 128, last = 4096;
  Real before(last), now(last);
  Trend previous = Trend::Neither;
  try {
    for (mpfr_prec_t p = first; p <= last; p *= 2) {
      Real v(p);
      real_value(formula, exact, DecimalReading::AsTyped, v.get());
      mpfr_set(now.get(), v.get(), MPFR_RNDN);
      if (p > first) {
        Trend t = trend(before.get(), now.get());
        if (t == Trend::Settles) return mpfr_get_d(now.get(), MPFR_RNDN);
        if (t == Trend::Vanishes && previous == Trend::Vanishes) return 0.0;
        if (t == Trend::Grows && previous == Trend::Grows)
          throw MathError("the value is undefined: a division by zero with the decimals as written, which doubles "
                          "rounded past" + gave);
        previous = t;
      }
      mpfr_swap(before.get(), now.get());
    }
  } catch (const Unanswerable&) {
    return std::nullopt;
  } catch (const LimitError&) {
    return std::nullopt;
  } catch (const MathError& e) {
    if (std::string(e.what()).starts_with("the value is undefined")) throw;
    throw MathError(std::string("with the decimals as written, ") + e.what() + gave);
  }
  throw MathError("its value cannot be worked out: with the decimals as written, it changes with every digit of "
                  "precision up to 1,200 digits" + gave);
}

}  // namespace

Expr checked_decimal(Expr formula, const std::unordered_map<Expr, Expr>& exact, Expr computed) {
  if (!computed.is_number() || !computed.number().is_float() || formula.is_number()) return computed;
  double d = computed.number().to_double();
  std::optional<double> precise = precise_value(formula, exact, d);
  if (!precise || std::fabs(d - *precise) <= agreement * std::fabs(*precise)) return computed;
  return Expr(Number::from_double(*precise));
}

std::optional<double> precise_double(Expr formula, const std::unordered_map<Expr, Expr>& exact) {
  return precise_value(formula, exact, std::nan(""));
}

std::unordered_map<Expr, Expr> as_written(const std::unordered_map<Expr, Expr>& point) {
  std::unordered_map<Expr, Expr> exact = point;
  for (auto& [symbol, value] : exact)
    if (value.is_number() && value.number().is_float()) {
      char text[32];
      *std::to_chars(text, text + sizeof text - 1, value.number().to_double()).ptr = '\0';
      value = Expr(Number::from_decimal_text(text));
    }
  return exact;
}

}  // namespace ddx
