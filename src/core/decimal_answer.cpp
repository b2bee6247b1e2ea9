// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers checked in MPFR (see decimal_answer.hpp).
#include "core/decimal_answer.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string>

#include "core/corner_sign.hpp"
#include "core/enclosure.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/functions.hpp"
#include "core/pointer_set.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"

namespace ddx {
namespace {

// Digits a double answer must share with the precise value to be printed as it is.
constexpr double agreement = 1e-12;

// A value that settled on a nonzero number no double holds to its digits: it would print as 0.0,
// or with the few digits of a subnormal double (1e-300 * 1e-300 printed 0.0). Refused, as
// overflow is; a caller that only compares values (at a point of its own) takes it as no value.
struct Underflow {
  std::string digits;  // the value, to six digits
};

UnderflowError underflow_error(const Underflow& u) {
  return UnderflowError(below_double_range("the value is about " + u.digits));
}

// A value that settled beyond a double's range: its double is infinite, which agreed with any
// answer (tan(pi/2 + 1e-400), about -1e400, printed the doubles' 16331239353195370.0). Refused,
// as 1e400 is; a caller that only compares values takes it as a value, a large one.
struct Overflow {
  std::string digits;  // the value, to six digits
  double infinite;     // with its sign
};

OverflowError overflow_error(const Overflow& o) { return OverflowError(beyond_double_range("the value is about " + o.digits)); }

// How the values at doubling precisions behave: settling on a value, shrinking towards 0 by as
// many bits as are added (a value that is 0, up to the rounding of its parts: sin(π x) at
// x = 1.0), or growing as fast (a pole: tan(π/2 · 1.0)). Rounding noise shrinks too before the
// value shows through it: 0.5 · 10^100 + 0.1 · 10^100 - 0.6 · 10^100 + 2.5 is about 1e60, 1e20,
// 2.5 at 133, 266 and 532 bits; so a value is taken for 0 only when it shrinks up to the last
// precision.
enum class Trend { Settles, Vanishes, Grows, Neither };

Trend trend(mpfr_srcptr before, mpfr_srcptr now) {
  // (0 twice is no settled 0: 1 - tanh(100.5)^2, about 2.6e-87, is 0 at 134 and 268 bits.)
  if (mpfr_zero_p(before) && mpfr_zero_p(now)) return Trend::Vanishes;
  Real difference(mpfr_get_prec(now));
  mpfr_sub(difference.get(), now, before, MPFR_RNDN);
  mpfr_mul_2si(difference.get(), difference.get(), 64, MPFR_RNDN);
  if (mpfr_cmpabs(difference.get(), now) <= 0) return Trend::Settles;  // they agree to 64 bits
  auto bits = [](mpfr_srcptr v) { return mpfr_zero_p(v) ? -(1L << 40) : static_cast<long>(mpfr_get_exp(v)); };
  if (bits(now) < bits(before) - 32) return Trend::Vanishes;
  if (bits(now) > bits(before) + 32) return Trend::Grows;
  return Trend::Neither;
}

// The binary exponent of a number's magnitude (capped: the precision is at most 4096 bits anyway).
// An exact one past a double's range counts by its digits: 10^-400 was taken for 2^-1100, and
// tan(pi/2 + 1e-400) read at too few bits to hold the 1e-400.
int magnitude_bits(const Number& n) {
  double v = std::fabs(n.to_double());
  if (v != 0 && !std::isinf(v)) return std::ilogb(v);
  if (!n.is_exact() || n.is_zero()) return v == 0 ? -1100 : 1100;
  double digits = static_cast<double>(n.numerator().digits_estimate()) - static_cast<double>(n.denominator().digits_estimate());
  return static_cast<int>(std::clamp(digits * 10 / 3, -1e5, 1e5));
}

// The precision to start from: 128 bits beyond the spread of the magnitudes of the point's values
// and of the formula's own numbers, so that none is lost against another as the first sums are
// formed ((1 + 1e-300)^(1e300) at 128 bits is 1, as in doubles, where it is about e; in
// 10^300 · 0.2 - 2 · 10^300 + 1.5 the 1.5 shows only past 1,000 bits). At most 4096 bits.
mpfr_prec_t first_precision(Expr formula, const std::unordered_map<Expr, Expr>& exact) {
  int lowest = 0, highest = 0;
  auto widen_bits = [&](double bits) {
    int const b = static_cast<int>(std::clamp(bits, -1e5, 1e5));
    lowest = std::min(lowest, b);
    highest = std::max(highest, b);
  };
  auto widen = [&](const Number& n) {
    if (!n.is_zero()) widen_bits(magnitude_bits(n));
  };
  for (const auto& [symbol, value] : exact)
    if (value.is_number()) {
      const Number& n = value.number();
      widen(n);
      // And its last digit: -1.0000000000000000000000000000000000000001 is -1 at 128 bits, where
      // acos of it has no value.
      if (n.is_exact() && !n.is_zero())
        lowest = std::min(lowest, magnitude_bits(n) - static_cast<int>(std::min<std::size_t>(n.numerator().digits_estimate(), 1300) * 10 / 3));
    }
  // A product of the point's values has their magnitudes' sum: asin(1 + 1e-200 * 1e-200) needs
  // the 1e-400, which 128 bits beyond the 1e-200 lose, and gave asin(1) = pi/2 where there is no
  // value (a regression hunt's finding).
  auto value_bits = [&](Expr base, Expr exponent) -> std::optional<double> {  // of base^exponent
    auto it = exact.find(base);
    if (it == exact.end() || !it->second.is_number() || it->second.number().is_zero() || !exponent.is_integer())
      return std::nullopt;
    return magnitude_bits(it->second.number()) * exponent.number().to_double();
  };
  auto widen_product = [&](Expr e) {
    double bits = e.number().is_zero() ? 0 : magnitude_bits(e.number());
    bool of_values = false;
    for (std::size_t i = 0; i < e.bases().size(); ++i)
      if (std::optional<double> b = value_bits(e.bases()[i], e.exponents()[i])) bits += *b, of_values = true;
    if (of_values) widen_bits(bits);
  };
  PointerSet seen;
  auto walk = [&](auto& self, Expr e) -> void {
    if (!seen.insert(e.node())) return;
    if (e.is_number() || e.is(Kind::Add) || e.is(Kind::Mul)) widen(e.number());
    if (e.is(Kind::Mul)) widen_product(e);
    if (e.is(Kind::Pow))
      if (std::optional<double> b = value_bits(e.args()[0], e.args()[1])) widen_bits(*b);
    if (e.is(Kind::Add))
      for (const Number& c : e.coefficients()) widen(c);
    visit_children(e, [&](Expr child) { self(self, child); });
  };
  walk(walk, formula);
  return std::min<mpfr_prec_t>(4096, 128 + (highest - lowest));
}

// A value that is 0 at every precision up to the last one tried: 0, unless an enclosure at a higher
// precision leaves 0 out (cosh(1450.0) - sinh(1450.0) is 0 up to 4096 bits and 1.9e-630, which
// printed 0.0): then it is below a double's range, the refusal exp(-1450.0) gets.
double vanished_value(Expr formula, const std::unordered_map<Expr, Expr>& exact) {
  try {
    Expr at = substitute(formula, exact);
    for (mpfr_prec_t precision : {mpfr_prec_t{16384}, mpfr_prec_t{65536}}) {
      Interval v(precision);
      try {
        enclose(at, v);
      } catch (const TooWide&) {
        continue;
      }
      if (mpfr_sgn(v.lo()) > 0 || mpfr_sgn(v.hi()) < 0) throw Underflow{six_digits_of(v.lo())};
    }
  } catch (const MathError&) {  // (no enclosure: the precisions' 0 stands)
  }
  return 0.0;
}

// The precise value of the formula at the exact point, rounded to a double: nullopt when it
// cannot be evaluated (a symbol without a value). Throws MathError when it has no value there,
// Underflow when it is nonzero but below the doubles' normal range, Overflow when it is beyond it.
std::optional<double> precise_value(Expr formula, const std::unordered_map<Expr, Expr>& exact, DecimalReading reading,
                                    double computed) {
  std::string gave = std::isnan(computed) ? "" : " (double arithmetic gave " + six_digits(computed) + ")";
  const mpfr_prec_t first = first_precision(formula, exact), last = std::max<mpfr_prec_t>(4096, 2 * first);
  Real before(last), now(last);
  Trend previous = Trend::Neither;
  int vanishing = 0;  // the trends, up to this precision, that were Vanishes one after another
  // (Doubling up to the last precision, which is tried too: a value far below its parts' rounding,
  // 83.6 - 88.4 + 4.8 + exp(-720.25), settles only there.)
  bool have_before = false;  // (a precision too low for the formula has no value to compare)
  for (mpfr_prec_t p = first;; p = std::min(2 * p, last)) {
    Real v(p);
    try {
      real_value(formula, exact, reading, v.get());
    } catch (const Unanswerable&) {  // a symbol without a value, an unknown function
      return std::nullopt;
    } catch (const LimitError&) {
      return std::nullopt;
    } catch (const MathError& e) {
      // A division by a value that rounding made 0 at this precision may have one at the next
      // (1.5/(1 - cos(10^-40)) divides by 0 below 266 bits): only the last precision's refusal is
      // the formula's.
      if (p == last) throw MathError(std::string("with the decimals as written, ") + e.what() + gave);
      have_before = false;
      previous = Trend::Neither;
      vanishing = 0;
      continue;
    }
    mpfr_set(now.get(), v.get(), MPFR_RNDN);
    if (have_before) {
      Trend t = trend(before.get(), now.get());
      if (t == Trend::Settles) {
        double settled = mpfr_get_d(now.get(), MPFR_RNDN);
        if (!mpfr_zero_p(now.get()) && !(std::fabs(settled) >= DBL_MIN)) throw Underflow{six_digits_of(now.get())};
        if (std::isinf(settled)) throw Overflow{six_digits_of(now.get()), settled};
        return settled;
      }
      vanishing = t == Trend::Vanishes ? vanishing + 1 : 0;
      if (t == Trend::Grows && previous == Trend::Grows)
        throw PoleRoundedPast("the value is undefined: a division by zero with the decimals as written, which doubles "
                              "rounded past" + gave);
      previous = t;
    }
    mpfr_swap(before.get(), now.get());
    have_before = true;
    if (p == last) break;
  }
  if (vanishing >= 2) return vanished_value(formula, exact);
  throw MathError("its value cannot be worked out: with the decimals as written, it changes with every digit of "
                  "precision up to 1,200 digits" + gave);
}

// (An infinite b, a precise value beyond the doubles, agrees with nothing: |a - inf| <= inf.)
bool agrees(double a, double b) { return std::isfinite(b) && std::fabs(a - b) <= agreement * std::fabs(b); }

// The point with each decimal value replaced by the exact number its shortest decimal denotes
// (x = 0.1 gives x = 1/10, as Number prints it).
std::unordered_map<Expr, Expr> as_written(const std::unordered_map<Expr, Expr>& point) {
  std::unordered_map<Expr, Expr> exact = point;
  for (auto& [symbol, value] : exact)
    if (value.is_number() && value.number().is_float()) value = Expr(Number::from_decimal_text(value.number().to_string()));
  return exact;
}

// Whether the formula at the first precision (128 bits for ordinary points), its decimals as
// written, agrees with the double answer: two computations of different precision that agree to
// 12 digits leave no doubt worth a second look (a formula that loses digits loses different ones
// at 53 and at 128 bits). A zero or subnormal answer is not so settled: 1 - cos(7 * 2.7e-16^2) is
// 0 at 180 bits as in doubles, and 1.3e-61 at 360.
bool agrees_at_first_precision(Expr formula, const std::unordered_map<Expr, Expr>& exact, double computed) {
  if (!(std::fabs(computed) >= DBL_MIN)) return false;
  try {
    Real v(first_precision(formula, exact));
    real_value(formula, exact, DecimalReading::AsTyped, v.get());
    return agrees(computed, mpfr_get_d(v.get(), MPFR_RNDN));
  } catch (const MathError&) {
    return false;
  } catch (const LimitError&) {
    return false;
  }
}

// Whether a part may have a pole: a power of negative exponent, or a function with one (tan at
// pi/2, log at 0, ...).
bool may_have_a_pole(Expr e) {
  if (e.is(Kind::Pow)) return e.exponent().is_number() && e.exponent().number().is_negative();
  if (e.is(Kind::Mul))
    return std::any_of(e.exponents().begin(), e.exponents().end(),
                       [](Expr x) { return x.is_number() && x.number().is_negative(); });
  if (!e.is(Kind::Call)) return false;
  static const char* const with_poles[] = {"tan", "cot", "sec", "csc", "log", "coth", "csch", "atanh", "acoth"};
  const std::string& name = function_info(e.function()).name;
  return std::any_of(std::begin(with_poles), std::end(with_poles), [&](const char* f) { return name == f; });
}

// Refuses a part of the formula at a pole that doubles rounded past, which the formula's own value
// need not show: atan(tan(0.5 pi)) settles on pi/2 while its tan grows with every bit of precision,
// and was 1.5707963267948966 where tan(0.5 pi) is refused; 1/tan(pi/2 * 1.0) was 0.0. Only parts
// holding the point's decimals are asked (what holds none has no rounding to hide a pole).
void refuse_hidden_poles(Expr formula, const std::unordered_map<Expr, Expr>& exact, double computed, bool the_whole_too = false) {
  PointerSet seen;
  auto walk = [&](auto& self, Expr e) -> void {
    if (!seen.insert(e.node()) || e.node()->symbols == 0) return;  // (its symbols' Bloom filter: free_symbols per part was quadratic)
    visit_children(e, [&](Expr c) { self(self, c); });
    if ((e == formula && !the_whole_too) || !may_have_a_pole(e)) return;
    try {
      precise_value(e, exact, DecimalReading::AsTyped, computed);
    } catch (const Underflow&) {  // (a value, only a small one)
    } catch (const Overflow&) {   // (or a large one)
    }
  };
  walk(walk, formula);
}

}  // namespace

void refuse_poles_rounded_past(Expr closed, const std::unordered_map<Expr, Expr>& point) {
  refuse_hidden_poles(closed, as_written(point), std::nan(""), true);
}

Expr checked_decimal(Expr formula, const std::unordered_map<Expr, Expr>& point, Expr computed, Undefined undefined) {
  if (!computed.is_number() || !computed.number().is_float() || formula.is_number()) return computed;
  double d = computed.number().to_double();
  std::unordered_map<Expr, Expr> exact = as_written(point);
  // A sign's value is its argument's sign, which precise values of an argument that is exactly 0
  // do not tell (they are rounding, and sign(cos(0.1)^2 + sin(0.1)^2 - 1) was the doubles' -1.0):
  // the formula at the exact point decides it where the argument is 0 as written, and one that
  // no enclosure tells from 0 leaves it undecided.
  if (has_typed_sign(formula)) {
    if (undecided_sign_at(formula, exact))
      throw MathError("ddx cannot decide the value: with the decimals as written, a sign's argument may be exactly 0");
    try {
      formula = substitute(formula, exact);
    } catch (const MathError&) {
      if (undefined == Undefined::Refuse) throw;
      return computed;
    }
    if (formula.is_number()) return as_decimal(formula);
    exact.clear();
  }
  // A decimal inside the formula was rounded when the formula was built (3 (x - 0.2) holds
  // 0.6000000000000001): no refusal on its account, and a value only where its rounding does not
  // move it.
  bool rounded_inside = has_float(formula);
  if (undefined == Undefined::Refuse && !rounded_inside) refuse_hidden_poles(formula, exact, std::nan(""));
  if (agrees_at_first_precision(formula, exact, d)) return computed;  // nearly every answer, at one evaluation
  std::optional<double> precise;
  std::optional<Underflow> underflow;
  std::optional<Overflow> overflow;
  try {
    precise = precise_value(formula, exact, DecimalReading::AsTyped, d);
  } catch (const MathError&) {
    if (undefined == Undefined::Refuse && !rounded_inside) throw;
    return computed;
  } catch (const Underflow& u) {
    underflow = u;
  } catch (const Overflow& o) {
    overflow = o;
  }
  if (underflow && !rounded_inside) throw underflow_error(*underflow);
  if (overflow && !rounded_inside) throw overflow_error(*overflow);
  if (!underflow && !overflow && (!precise || agrees(d, *precise))) return computed;
  if (rounded_inside) {
    std::optional<double> as_doubles;
    try {
      as_doubles = precise_value(formula, exact, DecimalReading::AsDouble, d);
    } catch (const MathError&) {
      return computed;
    } catch (const Underflow&) {
      if (underflow) throw underflow_error(*underflow);
      return computed;
    } catch (const Overflow&) {
      if (overflow) throw overflow_error(*overflow);
      return computed;
    }
    if (underflow || overflow || !as_doubles || !agrees(*as_doubles, *precise)) return computed;
  }
  return Expr(Number::from_double(*precise));
}

Expr checked_number(Expr formula, const std::unordered_map<Expr, Expr>& point, Expr computed, Undefined undefined) {
  if (!computed.is_number() || computed.number().is_float()) return checked_decimal(formula, point, computed, undefined);
  double d = computed.number().to_double();
  if (!std::isfinite(d)) return computed;
  Expr as_double(Number::from_double(d));
  Expr checked = checked_decimal(formula, point, as_double, undefined);
  if (!(checked == as_double)) return checked;
  // The exact answer only where the formula is that number (sign(0.1) is 1); else its double
  // (d = 2, then d + 1 - cos(1e-8) is 2.0, not 2).
  try {
    std::optional<double> difference =
        precise_value(formula - computed, as_written(point), DecimalReading::AsTyped, std::nan(""));
    return difference && *difference == 0 ? computed : as_double;
  } catch (const MathError&) {
  } catch (const Underflow&) {
    return as_double;
  } catch (const Overflow&) {
    return as_double;
  }
  return computed;
}

Expr as_decimal(Expr exact) {
  double d = exact.number().to_double();
  if (!std::isfinite(d)) return exact;
  if (!exact.is_zero() && !(std::fabs(d) >= DBL_MIN)) {
    Real v(64);
    real_value(exact, {}, DecimalReading::AsTyped, v.get());
    throw underflow_error(Underflow{six_digits_of(v.get())});
  }
  return num(Number::from_double(d));
}

std::optional<double> precise_double(Expr formula, const std::unordered_map<Expr, Expr>& exact) {
  if (has_typed_sign(formula) && undecided_sign_at(formula, as_written(exact))) return std::nullopt;  // (as checked_decimal)
  try {
    std::optional<double> typed = precise_value(formula, exact, DecimalReading::AsTyped, std::nan(""));
    if (!typed || !has_float(formula)) return typed;
    std::optional<double> as_doubles = precise_value(formula, exact, DecimalReading::AsDouble, std::nan(""));
    if (as_doubles && agrees(*as_doubles, *typed)) return typed;
  } catch (const MathError&) {
  } catch (const Underflow& u) {
    throw underflow_error(u);
  } catch (const Overflow& o) {  // (infinite, as its callers take a value beyond the doubles)
    return o.infinite;
  }
  return std::nullopt;
}

std::optional<std::string> digits_past_doubles(Expr formula, const std::unordered_map<Expr, Expr>& exact) {
  try {
    (void)precise_value(formula, exact, DecimalReading::AsTyped, std::nan(""));
  } catch (const Overflow& o) {
    return o.digits;
  } catch (const MathError&) {
  } catch (const Underflow&) {
  }
  return std::nullopt;
}

namespace {
constexpr std::string_view decimal_prefix = "decimal#";
}  // namespace

Expr decimal_symbol(std::unordered_map<Expr, Expr>& decimals, Expr value) {
  Expr symbol = sym(std::string(decimal_prefix) + std::to_string(decimals.size() + 1));
  decimals.emplace(symbol, value);
  return symbol;
}

bool is_decimal_symbol(Expr e) { return e.is(Kind::Symbol) && e.name().starts_with(decimal_prefix); }

Expr merged_into(const ExactForm& form, std::unordered_map<Expr, Expr>& decimals) {
  std::unordered_map<Expr, Expr> renamed;
  for (const auto& [symbol, value] : form.decimals) renamed.emplace(symbol, decimal_symbol(decimals, value));
  return substitute(form.expr, renamed);
}

}  // namespace ddx
