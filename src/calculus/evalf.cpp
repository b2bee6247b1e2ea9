// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal values to any number of digits (see evalf.hpp): core's real value at the requested
// precision plus guard bits, then its digits; or, for approx, the digits on which both ends of the
// value's enclosure agree.
#include "calculus/evalf.hpp"

#include <algorithm>
#include <cmath>

#include "calculus/prime_logs.hpp"
#include "core/enclosure.hpp"
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
std::string digits_of(mpfr_srcptr v, int digits) {
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
  // (plain only where every digit before the point is one of the digits asked, and the digit after
  // it too: 10^20 e to 15 digits was 271828182845905000000.0, its last six zeros no digits of it,
  // and 1.5 to 1 digit 2.0, its 0 none)
  if (exp10 > 0 && exp10 <= 21 && exp10 < digits) {
    auto point = static_cast<std::size_t>(exp10);
    if (mantissa.size() <= point) mantissa.append(point - mantissa.size() + 1, '0');
    s = mantissa.substr(0, point) + "." + mantissa.substr(point);
  } else if (exp10 <= 0 && exp10 > -7) {
    s = "0." + std::string(static_cast<std::size_t>(-exp10), '0') + mantissa;
  } else if (digits == 1) {  // (3e-12: "3.0e-12" would claim a second digit)
    s = mantissa.substr(0, 1) + "e" + std::to_string(exp10 - 1);
  } else {
    s = mantissa.substr(0, 1) + "." + (mantissa.size() > 1 ? mantissa.substr(1) : "0") + "e" + std::to_string(exp10 - 1);
  }
  return (negative ? "-" : "") + s;
}

// The precision past which evalf_certain stops raising it: 2^16 bits (about 19,700 digits) or
// four times the digits asked, which bounds its work on a value it cannot tell from 0 to a few
// evaluations at that size.
mpfr_prec_t highest_precision_for(int digits) { return std::max<mpfr_prec_t>(mpfr_prec_t{1} << 16, 4 * precision_for(digits)); }

// Where an enclosure lies, for a refusal: within a power of ten of 0 (its ends' digits shift with
// the order in which the terms were added), or between its ends; or, where their 17 digits agree,
// at a tie of the `digits` asked (log(8)/log(2)/2 to 1 digit lay "between 1.5 and 1.5").
std::string where(const Interval& v, int digits) {
  if (mpfr_sgn(v.lo()) > 0 || mpfr_sgn(v.hi()) < 0) {  // (digits that disagree at the last place)
    std::string const lo = digits_of(v.lo(), 17), hi = digits_of(v.hi(), 17);
    if (lo == hi && digits < 17)
      return "is still " + lo + " to all of them, halfway between two numbers of " + std::to_string(digits) +
             (digits == 1 ? " digit" : " digits") + " (it may be exactly " + lo + ")";
    return "still lies between " + lo + " and " + hi;
  }
  Real size(64);
  mpfr_abs(size.get(), v.lo(), MPFR_RNDU);
  if (mpfr_cmpabs(v.hi(), size.get()) > 0) mpfr_abs(size.get(), v.hi(), MPFR_RNDU);
  mpfr_log10(size.get(), size.get(), MPFR_RNDU);
  return "still lies within 10^" + std::to_string(mpfr_get_si(size.get(), MPFR_RNDU)) + " of 0 (it may be exactly 0)";
}

// An exact number's digits, its tie rounded to even as MPFR rounds a binary one: no enclosure
// settles a tie between two decimals (approx(1/40, 1) lay "between 0.025 and 0.025").
std::string exact_digits(const Number& q, int digits) {
  if (q.is_zero()) return "0.0";
  Number size = q.is_negative() ? -q : q;
  Real estimate(64);
  set_exact(size, estimate.get(), MPFR_RNDN);
  mpfr_log10(estimate.get(), estimate.get(), MPFR_RNDN);
  long power = mpfr_get_si(estimate.get(), MPFR_RNDD) - (digits - 1);  // size ~ n 10^power, n of `digits` digits
  auto ten_to = [](long k) { return *Number(10).pow(Number(static_cast<long long>(k))); };
  if (size / ten_to(power) < ten_to(digits - 1)) --power;  // (the estimate's log10 one too high)
  if (!(size / ten_to(power) < ten_to(digits))) ++power;  // (or one too low)
  Number scaled = size / ten_to(power), n = scaled.floor(), rest = scaled - n;
  // A whole number of the digits asked has a certain 0 after the point too: approx(100, 3) is 100.0
  // (digits_of, which does not know the value exact, would write 1.0e2).
  if (rest.is_zero() && power == 0 && digits <= 21) return q.to_string() + ".0";
  if (Number(1) < Number(2) * rest || (Number(2) * rest == Number(1) && n.is_odd())) n = n + Number(1);
  // n 10^power to more bits than the digits need: its decimal digits are n's, far from any tie.
  Real v(precision_for(digits) + 64);
  set_exact(q.is_negative() ? -(n * ten_to(power)) : n * ten_to(power), v.get(), MPFR_RNDN);
  return digits_of(v.get(), digits);
}

}  // namespace

std::string evalf(Expr e, int digits) {
  check_digits(digits);
  Real v(precision_for(digits));
  mpfr_set_zero(v.get(), 1);
  real_value(e, v.get());
  return digits_of(v.get(), digits);
}

// The digits both ends of an enclosure round to (rounding is monotone, so the value between them
// rounds to them too), at rising precisions until they agree. An enclosure of exactly 0 is a 0
// that each step proved (sin(0), 0 * pi); one that only holds 0 decides no digit.
std::string evalf_certain(Expr e, int digits, int most_digits) {
  check_digits(digits);
  // A sum of logarithms of numbers that is 0 by their primes (log(8) - 3 log(2)) is exactly 0,
  // which no enclosure can show (asked first: the enclosures would work up to 19,728 digits).
  if (logs_by_primes(e).is_zero()) return "0.0";
  if (e.is_number() && e.number().is_exact()) return exact_digits(e.number(), digits);
  mpfr_prec_t const highest = most_digits > digits ? precision_for(most_digits) : highest_precision_for(digits);
  std::string between;     // the last enclosure, for the refusal
  bool near_zero = false;  // (whether it held 0)
  mpfr_prec_t reached = 0;  // and its precision
  for (mpfr_prec_t precision = precision_for(digits); reached < highest; precision = std::min(2 * precision + 64, highest)) {
    reached = precision;
    Interval v(precision);
    mpfr_clear_underflow();
    try {
      enclose(e, v);
    } catch (const TooWide&) {
      continue;
    }
    std::string lo = digits_of(v.lo(), digits), hi = digits_of(v.hi(), digits);
    if (lo == hi) return lo;
    between = where(v, digits);
    near_zero = mpfr_sgn(v.lo()) <= 0 && mpfr_sgn(v.hi()) >= 0;
    // An end that underflowed MPFR's range (or is 1 over one that overflowed it) is a 0 no
    // precision lifts: exp(-10^10) == 0 was "equal to 19728 digits", an enclosure of a positive
    // value holding 0 only because its lower end could not be written.
    if (near_zero && (mpfr_underflow_p() || mpfr_overflow_p()))
      throw PastRange(static_cast<long>(precision * 30103 / 100000));
  }
  long worked = reached * 30103 / 100000;
  std::string sure = "cannot be sure of " + std::to_string(digits) + (digits == 1 ? " digit" : " digits") +
                     " of this value: worked out to " + std::to_string(worked) + " digits, ";
  throw Uncertain(sure + "it " + (between.empty() ? "is still undecided whether a step of it has a value" : between),
                  worked, near_zero, between.empty());
}

}  // namespace ddx::calc
