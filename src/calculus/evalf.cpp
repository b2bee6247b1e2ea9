// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal values to any number of digits (see evalf.hpp): core's real value at the requested
// precision plus guard bits, then its digits.
#include "calculus/evalf.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "core/real_value.hpp"

namespace ddx::calc {

std::string evalf(Expr e, int digits) {
  if (digits < 1 || digits > max_evalf_digits)
    throw LimitError("approx takes 1 to " + std::to_string(max_evalf_digits) + " digits");
  auto prec = static_cast<mpfr_prec_t>(std::ceil(digits * 3.3219280948873623)) + 64;
  Real v(prec);
  mpfr_set_zero(v.get(), 1);
  real_value(e, v.get());
  if (mpfr_zero_p(v.get())) return "0.0";
  // Scientific digits from MPFR, then placed as a plain decimal when the exponent is moderate.
  mpfr_exp_t exp10 = 0;
  char* raw = mpfr_get_str(nullptr, &exp10, 10, static_cast<std::size_t>(digits), v.get(), MPFR_RNDN);
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

}  // namespace ddx::calc
