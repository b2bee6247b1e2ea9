// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal values to any number of digits (see evalf.hpp): core's real value at the requested
// precision plus guard bits, then its digits.
#include "calculus/evalf.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "core/real_value.hpp"

namespace ddx::calc {

namespace {

void check_digits(int digits) {
  if (digits < 1 || digits > max_evalf_digits)
    throw LimitError("approx takes 1 to " + std::to_string(max_evalf_digits) + " digits");
}

mpfr_prec_t precision_for(int digits) { return static_cast<mpfr_prec_t>(std::ceil(digits * 3.3219280948873623)) + 64; }

// v's `digits` significant digits, written as approx shows them.
std::string digits_of(mpfr_ptr v, int digits) {
  if (mpfr_zero_p(v)) return "0.0";
  // Scientific digits from MPFR, then placed as a plain decimal when the exponent is moderate.
  mpfr_exp_t exp10 = 0;
  char* raw = mpfr_get_str(nullptr, &exp10, 10, static_cast<std::size_t>(digits), v, MPFR_RNDN);
  std::string mantissa(raw);
  mpfr_free_str(raw);
  bool negative = !mantissa.empty() && mantissa[0] == '-';
  if (negative) mantissa.erase(0, 1);
  while (mantissa.size() > 1 && mantissa.back() == '0') mantissa.pop_back();
  std::string s;
  if (exp10 > 0 && exp10 <= 21) {
    auto point = static_cast<std::size_t>(exp10);
    if (mantissa.size() <= point) mantissa.append(point - mantissa.size() + 1, '0');
    s = mantissa.substr(0, point) + "." + mantissa.substr(point);
  } else if (exp10 <= 0 && exp10 > -7) {
    s = "0." + std::string(static_cast<std::size_t>(-exp10), '0') + mantissa;
  } else {
    s = mantissa.substr(0, 1) + "." + (mantissa.size() > 1 ? mantissa.substr(1) : "0") + "e" + std::to_string(exp10 - 1);
  }
  return (negative ? "-" : "") + s;
}

// The precision past which evalf_certain stops raising it: 2^16 bits (about 19,700 digits) or
// four times the digits asked, which bounds its work on a value it cannot tell from 0 to a few
// evaluations at that size.
mpfr_prec_t highest_precision_for(int digits) { return std::max<mpfr_prec_t>(mpfr_prec_t{1} << 16, 4 * precision_for(digits)); }

}  // namespace

std::string evalf(Expr e, int digits) {
  check_digits(digits);
  Real v(precision_for(digits));
  mpfr_set_zero(v.get(), 1);
  real_value(e, v.get());
  return digits_of(v.get(), digits);
}

// Ziv's strategy, as MPFR rounds its own functions: two precisions whose digits agree are taken
// to be right (a rounding error that survives doubling the precision would need the value to sit
// on a rounding boundary to all the digits between). A 0 never agrees: subtracting two values that
// round alike gives 0 at any precision too low to see their difference (1 - cos(10^-40) is 0 at
// 97 and at 258 bits, 5e-81 at 580), so an exact 0 is only what simplification proved.
std::string evalf_certain(Expr e, int digits) {
  check_digits(digits);
  if (e.is_zero()) return "0.0";
  mpfr_prec_t const highest = highest_precision_for(digits);
  std::string previous;
  Real smallest(64);  // the least magnitude seen, for the refusal
  mpfr_set_inf(smallest.get(), 1);
  for (mpfr_prec_t precision = precision_for(digits);; precision = 2 * precision + 64) {
    Real v(precision);
    mpfr_set_zero(v.get(), 1);
    real_value(e, v.get());
    std::string text = digits_of(v.get(), digits);
    if (!mpfr_zero_p(v.get()) && text == previous) return text;
    if (mpfr_cmpabs(v.get(), smallest.get()) < 0) mpfr_abs(smallest.get(), v.get(), MPFR_RNDN);
    previous = mpfr_zero_p(v.get()) ? std::string() : text;
    if (precision > highest) break;
  }
  std::string bound = mpfr_zero_p(smallest.get()) ? "rounds to 0 at every precision ddx tried"
                                                   : "came out as small as " + digits_of(smallest.get(), 2);
  throw Unanswerable("cannot be sure of any digit of this value: it " + bound + " (up to " +
                     std::to_string(highest * 30103 / 100000) +
                     " digits), which an exact 0 that ddx cannot prove would do too");
}

}  // namespace ddx::calc
