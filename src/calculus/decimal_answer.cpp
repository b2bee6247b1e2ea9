// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers checked in MPFR (see decimal_answer.hpp).
#include "calculus/decimal_answer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/real_value.hpp"

namespace ddx::calc {
namespace {

// Digits a double answer must share with the precise value to be printed as it is.
constexpr double agreement = 1e-12;

// The precise value of the formula at the point, to well beyond a double's 53 bits: worked out at
// doubling precisions until two agree. nullopt when it has no value there, or when it keeps
// shrinking with the precision (a value that is 0, up to the rounding of its parts).
std::optional<double> precise_value(Expr formula, const std::unordered_map<Expr, Expr>& point, DecimalReading reading) {
  constexpr mpfr_prec_t first = 128, last = 4096;
  Real previous(last), current(last);
  try {
    for (mpfr_prec_t p = first; p <= last; p *= 2) {
      Real v(p);
      real_value(formula, point, reading, v.get());
      mpfr_set(current.get(), v.get(), MPFR_RNDN);
      if (p > first) {
        Real difference(last);
        mpfr_sub(difference.get(), current.get(), previous.get(), MPFR_RNDN);
        mpfr_abs(difference.get(), difference.get(), MPFR_RNDN);
        mpfr_mul_2si(difference.get(), difference.get(), 64, MPFR_RNDN);  // agree to 64 bits
        if (mpfr_cmpabs(difference.get(), current.get()) <= 0) return mpfr_get_d(current.get(), MPFR_RNDN);
      }
      mpfr_swap(previous.get(), current.get());
    }
  } catch (const MathError&) {
    return std::nullopt;
  }
  // Not settled at 4096 bits: a value that is 0 shrinks with each doubling (sin(π x) at x = 1.0);
  // one that does not is beyond what can be computed here, and so is its double.
  if (mpfr_zero_p(previous.get()) || mpfr_get_exp(previous.get()) < -last / 2) return std::nullopt;
  throw MathError("its value cannot be worked out: it changes with every digit of precision up to 1,200 digits");
}

// The exact number a decimal stands for as typed: -2.4 is -12/5, 1e-08 is 1/100000000.
Number typed_fraction(double v) {
  char text[32];
  *std::to_chars(text, text + sizeof text - 1, v).ptr = '\0';
  std::string digits, t = text;
  long long exponent = 0;
  if (auto e = t.find('e'); e != std::string::npos) {
    exponent = std::stoll(t.substr(e + 1));
    t.resize(e);
  }
  for (char c : t) {
    if (c == '.') exponent -= static_cast<long long>(t.size() - t.find('.') - 1);
    else digits += c;
  }
  Number ten_power = *Number(10).pow(Number(exponent < 0 ? -exponent : exponent));
  Number m = Number::from_integer_text(digits);
  return exponent < 0 ? m / ten_power : m * ten_power;
}

// How to ask for the digits instead: the decimals as fractions (x = -12/5; 0.1 as 1/10).
std::string as_fractions(const std::unordered_map<Expr, Expr>& values, Given given) {
  std::vector<std::pair<Expr, double>> decimals;
  for (const auto& [symbol, value] : values)
    if (value.is_number() && value.number().is_float()) decimals.emplace_back(symbol, value.number().to_double());
  std::sort(decimals.begin(), decimals.end(), [](const auto& a, const auto& b) {
    const std::string &x = a.first.name(), &y = b.first.name();
    return x.size() != y.size() ? x.size() < y.size() : x < y;  // decimal#2 before decimal#10
  });
  std::string out;
  for (const auto& [symbol, v] : decimals) {
    std::string fraction = typed_fraction(v).to_string();
    out += out.empty() ? "" : ", ";
    out += given == Given::Point ? symbol.name() + " = " + fraction : Number::from_double(v).to_string() + " as " + fraction;
  }
  if (given == Given::Point) return out.empty() ? "write the decimals as fractions" : "write " + out;
  return "write the decimals as fractions (" + out + ")";
}

bool agrees(double computed, double precise) {
  return std::fabs(computed - precise) <= agreement * std::fabs(precise);
}

}  // namespace

Expr checked_decimal(Expr formula, const std::unordered_map<Expr, Expr>& point, Expr computed, Given given) {
  if (!computed.is_number() || !computed.number().is_float() || formula.is_number()) return computed;
  double d = computed.number().to_double();
  std::optional<double> precise = precise_value(formula, point, DecimalReading::AsDouble);
  if (!precise || agrees(d, *precise)) return computed;
  // The decimals as typed (0.1 is 1/10) rather than as the doubles nearest to them: sin(10^15 x)
  // at x = 0.1 is sin(10^14), which the double answer has, while the double nearest 0.1 is off by
  // 5.5e-18, which moves 10^15 x by 0.0055.
  std::optional<double> typed = precise_value(formula, point, DecimalReading::AsTyped);
  if (!typed || agrees(d, *typed)) return computed;
  if (agrees(*typed, *precise)) return Expr(Number::from_double(*precise));
  throw MathError("the value depends on digits of the decimals beyond the 16 that a double holds (about " +
                  six_digits(*typed) + " with them as written, " + six_digits(*precise) +
                  " with the doubles nearest to them): " + as_fractions(point, given) + " and use approx(...) for its digits");
}

}  // namespace ddx::calc
