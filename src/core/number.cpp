// SPDX-License-Identifier: GPL-3.0-or-later
// Number arithmetic: int64 rationals with overflow checks, GMP rationals beyond, doubles for floats.
// This is the only file of the core that includes GMP (the polynomial algebra, calculus/poly*, uses
// gmpxx for its own integer polynomials and converts through Number's public interface).
#include "core/limits.hpp"
#include "core/number.hpp"

#include <gmpxx.h>

#include <array>
#include <atomic>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <system_error>

#include "core/errors.hpp"
#include "core/float_underflow.hpp"

namespace ddx {

struct Number::Big {
  mpq_class q;
  mutable std::atomic<std::size_t> count{1};
};

double Number::flt() const { return std::bit_cast<double>(num_); }
const Number::Big& Number::big() const { return *reinterpret_cast<const Big*>(static_cast<std::uintptr_t>(num_)); }
void Number::retain() const { big().count.fetch_add(1, std::memory_order_relaxed); }
void Number::release() const {
  if (big().count.fetch_sub(1, std::memory_order_acq_rel) == 1) delete &big();
}

namespace {

// Integer results larger than this many decimal digits are refused (docs/language.md §10: 100,000 digits work).

using i128 = __int128;

bool fits_i64(i128 v) { return v > INT64_MIN && v <= INT64_MAX; }  // INT64_MIN excluded: -v must fit

mpz_class to_mpz(long long v) {
  mpz_class z;
  mpz_set_si(z.get_mpz_t(), v);
  return z;
}

}  // namespace

struct NumberAccess {
  static mpq_class to_mpq(const Number& n) {
    if (n.rep() == Number::Rep::Big) return n.big().q;
    mpq_class q(to_mpz(n.num_), to_mpz(n.den_));
    return q;  // already canonical
  }
  // q as a Number: Small when it fits, else a Big of its own.
  static Number from(const mpq_class& q) {
    const mpz_class& n = q.get_num();
    const mpz_class& d = q.get_den();
    if (mpz_fits_slong_p(n.get_mpz_t()) && mpz_fits_slong_p(d.get_mpz_t())) {
      long long nv = mpz_get_si(n.get_mpz_t()), dv = mpz_get_si(d.get_mpz_t());
      if (nv != INT64_MIN) return small(nv, dv);
    }
    Number r;
    r.num_ = static_cast<long long>(reinterpret_cast<std::uintptr_t>(new Number::Big{q}));
    r.den_ = Number::big_tag;
    return r;
  }
  static Number small(long long num, long long den) {
    Number n;
    n.num_ = num;
    n.den_ = den;
    return n;
  }
};

namespace {
// Reduces an exact i128 fraction and returns it as a Number (Small when it fits).
Number reduce(i128 num, i128 den) {
  if (den < 0) num = -num, den = -den;
  // Integers (nearly every number) need no gcd; small fractions take it in 64 bits, where a
  // division is one instruction rather than a library call.
  if (den == 1 && fits_i64(num)) return NumberAccess::small(static_cast<long long>(num), 1);
  i128 magnitude = num < 0 ? -num : num;
  i128 a = magnitude;
  if (magnitude <= INT64_MAX && den <= INT64_MAX) {
    a = static_cast<i128>(std::gcd(static_cast<std::uint64_t>(magnitude), static_cast<std::uint64_t>(den)));
  } else {
    i128 b = den;
    while (b != 0) {
      i128 t = a % b;
      a = b;
      b = t;
    }
  }
  if (a > 1) num /= a, den /= a;
  if (fits_i64(num) && fits_i64(den)) return NumberAccess::small(static_cast<long long>(num), static_cast<long long>(den));
  // Rare: build through GMP from the two halves.
  auto to_z = [](i128 v) {
    bool neg = v < 0;
    unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    mpz_class z;
    mpz_import(z.get_mpz_t(), 2, -1, sizeof(std::uint64_t), 0, 0,
               std::array<std::uint64_t, 2>{static_cast<std::uint64_t>(u), static_cast<std::uint64_t>(u >> 64)}.data());
    return neg ? mpz_class(-z) : z;
  };
  mpq_class q(to_z(num), to_z(den));
  q.canonicalize();
  return NumberAccess::from(q);
}
}  // namespace

Number Number::rational(long long num, long long den) {
  if (den == 0) throw MathError("division by zero");
  return reduce(num, den);
}

Number Number::from_integer_text(std::string_view digits) {
  std::string_view body = digits;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  if (body.size() > max_integer_digits)
    throw LimitError("integer has more than " + std::to_string(max_integer_digits) + " digits");
  if (body.empty() || body.find_first_not_of("0123456789") != std::string_view::npos)
    throw std::invalid_argument("not an integer: " + std::string(digits));  // callers pass digits only
  if (body.size() <= 18) {
    long long v = 0;
    std::from_chars(body.data(), body.data() + body.size(), v);
    return digits.starts_with('-') ? Number(-v) : Number(v);
  }
  mpz_class z(std::string(digits.starts_with('+') ? digits.substr(1) : digits), 10);
  return NumberAccess::from(mpq_class(z));
}

Number Number::from_double_as_written(double v) {
  char text[32];
  auto [end, error] = std::to_chars(text, text + sizeof text, v);  // the shortest that reads back
  if (error != std::errc()) throw std::logic_error("from_double_as_written: no decimal for the double");
  return from_decimal_text(std::string_view(text, static_cast<std::size_t>(end - text)));
}

namespace {

// (a decimal of a hundred thousand digits is named by its first and last few)
LimitError exponent_beyond_exact(std::string_view text) {
  constexpr std::size_t shown = 40;
  std::string const named = text.size() <= shown ? std::string(text)
                                                  : std::string(text.substr(0, shown / 2)) + "…" + std::string(text.substr(text.size() - shown / 2));
  return LimitError("the exponent of " + named + " is beyond what an exact number holds");
}

}  // namespace

Number Number::from_decimal_text(std::string_view text) {
  constexpr auto limit = static_cast<long long>(max_integer_digits);
  std::string digits;
  long long exponent = 0;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) digits += text[i++] == '-' ? "-" : "";
  bool point = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') point = true;
    else {
      if (text[i] != '0' || (!digits.empty() && digits != "-")) digits += text[i];  // (leading zeros are no digits)
      if (point) --exponent;
    }
  }
  if (digits.empty() || digits == "-") digits += '0';
  if (i < text.size()) {  // the exponent: [eE][+-]digits
    long long e = 0;
    std::string_view rest = text.substr(i + 1);
    if (rest.starts_with('+')) rest.remove_prefix(1);
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), e);
    if (ec != std::errc() || end != rest.data() + rest.size() || e > limit || e < -limit)
      throw exponent_beyond_exact(text);
    exponent += e;
  }
  if (exponent > limit || exponent < -limit) throw exponent_beyond_exact(text);
  Number mantissa = from_integer_text(digits);  // (its own digit limit)
  Number scale = *Number(10).pow(Number(exponent < 0 ? -exponent : exponent));
  return exponent < 0 ? mantissa / scale : mantissa * scale;
}

Number Number::from_double(double v) {
  // Every float enters here, so no inf or nan can ever be stored, printed or computed with.
  if (std::isnan(v)) throw MathError("the floating-point result is not a real number");
  if (std::isinf(v)) throw LimitError(std::string(float_overflow_message) + " (beyond about 1.8e308)");
  Number n;
  n.num_ = std::bit_cast<long long>(v == 0 ? 0.0 : v);  // no negative zero
  n.den_ = float_tag;
  return n;
}

bool Number::is_integer() const {
  if (rep() == Rep::Small) return den_ == 1;
  if (rep() == Rep::Big) return big().q.get_den() == 1;
  return false;
}
bool Number::is_odd() const {
  if (rep() == Rep::Small) return den_ == 1 && num_ % 2 != 0;
  if (rep() == Rep::Big) return big().q.get_den() == 1 && mpz_odd_p(big().q.get_num_mpz_t());
  return false;
}
int Number::sign() const {
  if (rep() == Rep::Small) return (num_ > 0) - (num_ < 0);
  if (rep() == Rep::Float) return (flt() > 0) - (flt() < 0);
  return sgn(big().q);
}
double Number::to_double() const {
  if (rep() == Rep::Small) return den_ == 1 ? static_cast<double>(num_) : static_cast<double>(num_) / static_cast<double>(den_);
  if (rep() == Rep::Float) return flt();
  return big().q.get_d();
}

Number Number::numerator() const {
  if (rep() == Rep::Small) return Number(num_);
  return NumberAccess::from(mpq_class(big().q.get_num()));
}
Number Number::denominator() const {
  if (rep() == Rep::Small) return Number(den_);
  return NumberAccess::from(mpq_class(big().q.get_den()));
}

Number Number::operator-() const {
  if (rep() == Rep::Small) return NumberAccess::small(-num_, den_);
  if (rep() == Rep::Float) return from_double(-flt());
  return NumberAccess::from(mpq_class(-big().q));
}

namespace {

// A product, quotient or power of nonzero numbers that a double rounds to 0 or below its normal
// range (core/float_underflow.hpp), noted with its value to six digits where a long double holds it.
double noting_underflow(double r, const Number& a, const Number& b, char op) {
  if (std::fabs(r) >= DBL_MIN || a.is_zero() || (b.is_zero() && op != '^')) return r;
  long double x = a.to_double(), y = b.to_double();
  long double about = op == '*' ? x * y : op == '/' ? x / y : std::pow(x, y);
  std::string what = a.to_string() + " " + op + " " + b.to_string();
  if (about != 0) {
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.6Lg", about);
    what += std::string(" is about ") + digits;
  } else {
    what += " is not 0 but below about 1e-4950";
  }
  note_float_underflow(std::move(what));
  return r;
}

[[noreturn]] void refuse_too_many_digits() {
  throw LimitError("exact result too large (more than " + std::to_string(static_cast<long>(max_result_digits)) + " digits)");
}

// Refuses an exact product or quotient whose numerator or denominator has more digits than the
// limit (a power is refused before it is computed; these are cheap to compute first, and a
// product of products could otherwise grow without bound: thirty factors of 10^900000 took 6 s).
mpq_class within_digit_limit(mpq_class r) {
  auto over = [](const mpz_class& z) {
    std::size_t const digits_or_one_more = mpz_sizeinbase(z.get_mpz_t(), 10);
    if (digits_or_one_more <= static_cast<std::size_t>(max_result_digits)) return false;
    if (digits_or_one_more > static_cast<std::size_t>(max_result_digits) + 1) return true;
    static mpz_class const first_too_long = [] {
      mpz_class p;
      mpz_ui_pow_ui(p.get_mpz_t(), 10, static_cast<unsigned long>(max_result_digits));
      return p;
    }();
    return mpz_cmpabs(z.get_mpz_t(), first_too_long.get_mpz_t()) >= 0;
  };
  if (over(r.get_num()) || over(r.get_den())) refuse_too_many_digits();
  return r;
}

}  // namespace

Number Number::add_general(const Number& a, const Number& b) {
  using Rep = Number::Rep;
  if (a.rep() == Rep::Float || b.rep() == Rep::Float) return Number::from_double(a.to_double() + b.to_double());
  if (a.rep() == Rep::Small && b.rep() == Rep::Small) {
    if (a.den_ == 1 && b.den_ == 1) return reduce(static_cast<i128>(a.num_) + b.num_, 1);
    i128 num = static_cast<i128>(a.num_) * b.den_ + static_cast<i128>(b.num_) * a.den_;
    i128 den = static_cast<i128>(a.den_) * b.den_;
    return reduce(num, den);
  }
  // (a sum is not held to the limit: it grows by a digit at most, and a sum of terms within the
  // limit may be within it too where a partial sum is not)
  return NumberAccess::from(mpq_class(NumberAccess::to_mpq(a) + NumberAccess::to_mpq(b)));
}

Number Number::multiply_general(const Number& a, const Number& b) {
  using Rep = Number::Rep;
  if (a.rep() == Rep::Float || b.rep() == Rep::Float)
    return Number::from_double(noting_underflow(a.to_double() * b.to_double(), a, b, '*'));
  if (a.rep() == Rep::Small && b.rep() == Rep::Small)
    return reduce(static_cast<i128>(a.num_) * b.num_, static_cast<i128>(a.den_) * b.den_);
  return NumberAccess::from(within_digit_limit(NumberAccess::to_mpq(a) * NumberAccess::to_mpq(b)));
}

Number operator/(const Number& a, const Number& b) {
  using Rep = Number::Rep;
  if (b.is_zero()) throw MathError("division by zero");
  if (a.rep() == Rep::Float || b.rep() == Rep::Float)
    return Number::from_double(noting_underflow(a.to_double() / b.to_double(), a, b, '/'));
  if (a.rep() == Rep::Small && b.rep() == Rep::Small)
    return reduce(static_cast<i128>(a.num_) * b.den_, static_cast<i128>(a.den_) * b.num_);
  return NumberAccess::from(within_digit_limit(NumberAccess::to_mpq(a) / NumberAccess::to_mpq(b)));
}

namespace {
// Exact integer root of a non-negative integer, or nullopt when not perfect.
std::optional<mpz_class> exact_root(const mpz_class& v, unsigned long k) {
  mpz_class r;
  if (mpz_root(r.get_mpz_t(), v.get_mpz_t(), k) == 0) return std::nullopt;
  return r;
}

mpq_class int_power(const mpq_class& base, unsigned long e) {
  mpz_class n, d;
  mpz_pow_ui(n.get_mpz_t(), base.get_num_mpz_t(), e);
  mpz_pow_ui(d.get_mpz_t(), base.get_den_mpz_t(), e);
  mpq_class q(n, d);
  q.canonicalize();
  return q;
}
}  // namespace

namespace {
thread_local std::uint64_t decimal_power_refused = 0;
}  // namespace

std::uint64_t Number::decimal_power_refusals() { return decimal_power_refused; }
Number::TrialPowers::TrialPowers() : saved_(decimal_power_refused) {}
Number::TrialPowers::~TrialPowers() { decimal_power_refused = saved_; }

std::optional<Number> Number::pow(const Number& e) const {
  if (is_float() || e.is_float()) {
    double b = to_double(), x = e.to_double();
    if (b == 0 && x < 0) throw MathError("division by zero");
    double r = std::pow(b, x);
    // An exact exponent of odd denominator takes the real root, as exact arithmetic does:
    // (-8.0)^(1/3) = -2.0 as (-8)^(1/3) = -2.
    if (b < 0 && e.is_exact() && e.denominator().is_odd()) {
      r = std::pow(-b, x);
      if (e.numerator().is_odd()) r = -r;
    }
    std::string written = "(" + to_string() + ")^(" + e.to_string() + ")";
    // (a decimal base too, unless so small that rounding may have made it negative: (0.3 - 0.1 -
    // 0.2)^0.5 is 0 as written; x^1.2 at x = -1.5, read again with 1.2 as 6/5, was 1.63)
    if (std::isnan(r) && e.is_float() && (is_exact() || std::abs(b) > 1e-6)) ++decimal_power_refused;
    if (std::isnan(r)) throw MathError(written + " is not a real number");
    if (std::isinf(r)) throw LimitError(std::string(float_overflow_message) + " in " + written);
    return from_double(noting_underflow(r, *this, e, '^'));
  }
  if (e.is_zero()) {
    if (is_zero()) throw MathError("0^0 is undefined");
    return Number(1);
  }
  if (is_zero()) {
    if (e.is_negative()) throw MathError("division by zero");
    return Number(0);
  }
  if (is_one()) return Number(1);
  if (is_minus_one() && e.is_integer()) {
    bool odd = e.rep() == Rep::Small ? (e.num_ % 2 != 0) : mpz_odd_p(e.big().q.get_num_mpz_t());
    return Number(odd ? -1 : 1);
  }
  if (e.rep() != Rep::Small) return std::nullopt;  // giant exponent: stays symbolic (or is refused by the caller)
  if (rep() == Rep::Small && e.den_ == 1) {
    // A machine rational to an integer power, while numerator and denominator fit: most powers
    // (a derivative's 2^3, (1/2)^2) need no GMP rational made and freed.
    long long p = e.num_, n = 1, d = 1;
    bool fits = p > -64 && p < 64;
    for (long long i = 0; fits && i < (p < 0 ? -p : p); ++i)
      fits = !__builtin_mul_overflow(n, num_, &n) && !__builtin_mul_overflow(d, den_, &d);
    if (fits) return p < 0 ? rational(d, n) : rational(n, d);
  }
  mpq_class base = NumberAccess::to_mpq(*this);
  long long p = e.num_, q = e.den_;
  unsigned long mag = static_cast<unsigned long>(p < 0 ? -p : p);
  if (q != 1) {
    // A rational exponent p/q is exact only for perfect q-th powers (negative bases with even q never).
    if (sgn(base) < 0 && q % 2 == 0) return std::nullopt;
    mpz_class n = abs(base.get_num()), d = base.get_den();
    auto rn = exact_root(n, static_cast<unsigned long>(q));
    if (!rn) return std::nullopt;
    auto rd = exact_root(d, static_cast<unsigned long>(q));
    if (!rd) return std::nullopt;
    mpq_class root(sgn(base) < 0 ? mpz_class(-*rn) : *rn, *rd);
    base = root;
  }
  // log10(|z|) (0 for 0), also past 10^308, where a double would overflow (and refuse (10^400)^2).
  auto log10_of = [](const mpz_class& z) {
    if (mpz_sizeinbase(z.get_mpz_t(), 2) < 1000) return std::log10(std::max(1.0, std::abs(z.get_d())));
    long exponent = 0;
    double mantissa = mpz_get_d_2exp(&exponent, z.get_mpz_t());
    return std::log10(std::abs(mantissa)) + static_cast<double>(exponent) * std::log10(2.0);
  };
  // (the digits of the larger of numerator and denominator: 10^999999 has 1,000,000, where
  // log10(|z| + 1) counted 10^990000's as 1,030,992 and refused it)
  double digits = std::floor(static_cast<double>(mag) * std::max(log10_of(base.get_num()), log10_of(base.get_den()))) + 1;
  if (!std::isfinite(digits) || digits > max_result_digits) refuse_too_many_digits();
  mpq_class r = int_power(base, mag);
  if (p < 0) r = 1 / r;
  return NumberAccess::from(r);
}

Number Number::floor() const {
  if (rep() == Rep::Float) return from_double(std::floor(flt()));
  mpz_class f;
  mpq_class q = NumberAccess::to_mpq(*this);
  mpz_fdiv_q(f.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return NumberAccess::from(mpq_class(f));
}

std::size_t Number::digits_estimate() const {
  if (rep() == Rep::Small) return 20;
  if (rep() == Rep::Float) return 17;
  return mpz_sizeinbase(big().q.get_num_mpz_t(), 10) + mpz_sizeinbase(big().q.get_den_mpz_t(), 10);
}

int Number::compare_general(const Number& a, const Number& b) {
  if (a.rep() == Rep::Small && b.rep() == Rep::Small) {  // (of one denominator: compare() did it)
    i128 l = static_cast<i128>(a.num_) * b.den_, r = static_cast<i128>(b.num_) * a.den_;
    return (l > r) - (l < r);
  }
  if (a.rep() == Rep::Float || b.rep() == Rep::Float) {
    double x = a.to_double(), y = b.to_double();
    if (x != y) return x < y ? -1 : 1;
    return (a.rep() == Rep::Float) - (b.rep() == Rep::Float);
  }
  int c = cmp(NumberAccess::to_mpq(a), NumberAccess::to_mpq(b));
  return (c > 0) - (c < 0);
}

std::size_t Number::hash_not_small() const {
  auto mix = mix_hash;
  switch (rep()) {
    case Rep::Small: return mix(std::hash<long long>{}(num_), std::hash<long long>{}(den_));
    case Rep::Float: return mix(0xf10a7, std::hash<double>{}(flt()));
    case Rep::Big: {
      const mpz_class& n = big().q.get_num();
      std::size_t h = 0xb16;
      std::size_t limbs = mpz_size(n.get_mpz_t());
      for (std::size_t i = 0; i < limbs; ++i) h = mix(h, mpz_getlimbn(n.get_mpz_t(), i));
      return mix(h, mpz_size(big().q.get_den_mpz_t()));
    }
  }
  return 0;
}

void Number::append_to(std::string& out) const {
  if (rep() == Rep::Small && den_ == 1) {  // an integer, by far the most printed: no string of its own
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, num_).ptr;
    out.append(digits, end);
    return;
  }
  out += to_string();
}

std::string Number::to_string() const {
  switch (rep()) {
    case Rep::Small:
      return den_ == 1 ? std::to_string(num_) : std::to_string(num_) + "/" + std::to_string(den_);
    case Rep::Big: return big().q.get_str(10);
    case Rep::Float: {
      char buf[64];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, flt());
      std::string s(buf, end);
      if (s.find_first_of(".e") == std::string::npos && s.find("inf") == std::string::npos &&
          s.find("nan") == std::string::npos)
        s += ".0";
      return s;
    }
  }
  return {};
}

// Underflows of double arithmetic (core/float_underflow.hpp), noted here beside the arithmetic
// that notes most of them.
namespace {
thread_local std::uint64_t underflows_noted = 0;
thread_local std::string last_underflow;
thread_local Approximable last_approximable = Approximable::Yes;
}  // namespace

void note_float_underflow(std::string what, Approximable approximable) {
  ++underflows_noted;
  last_underflow = std::move(what);
  last_approximable = approximable;
}

std::uint64_t float_underflows() { return underflows_noted; }

std::string below_double_range(const std::string& what, Approximable approximable) {
  if (approximable == Approximable::No)
    return what + ", past the range of a double and of ddx's approximations: write the decimals as fractions";
  return what + ", below the range of a double (about 2.2e-308): write the decimals as fractions and use approx(...) "
                "for its digits";
}

std::string beyond_double_range(const std::string& what) {
  return what + ", beyond the range of a double (about 1.8e308): write the decimals as fractions and use approx(...) "
                "for its digits";
}

std::string float_underflow_message() { return below_double_range(last_underflow, last_approximable); }

UnderflowsUnnoted::UnderflowsUnnoted() : noted_before_(underflows_noted) {}
UnderflowsUnnoted::~UnderflowsUnnoted() { underflows_noted = noted_before_; }

}  // namespace ddx
