// SPDX-License-Identifier: GPL-3.0-or-later
// Number: an exact rational of any size (int64 fast path, GMP beyond) or a double.
// Floats only ever come from float input; exact arithmetic never silently becomes a float.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ddx {

class Number {
 public:
  Number() = default;
  Number(long long v) : num_(v) {}  // NOLINT: implicit on purpose, Number(2) reads well
  Number(int v) : num_(v) {}        // NOLINT
  Number(const Number& o) : num_(o.num_), den_(o.den_) {
    if (den_ == big_tag) retain();
  }
  Number(Number&& o) noexcept : num_(o.num_), den_(o.den_) {
    o.num_ = 0;
    o.den_ = 1;
  }
  Number& operator=(const Number& o) {
    Number copy(o);
    swap(copy);
    return *this;
  }
  Number& operator=(Number&& o) noexcept {
    Number moved(std::move(o));
    swap(moved);
    return *this;
  }
  ~Number() {
    if (den_ == big_tag) release();
  }

  // Exact num/den (den != 0; throws MathError on zero denominator).
  static Number rational(long long num, long long den);
  // Decimal integer digits, optionally signed ("-123"); throws LimitError past the digit limit.
  static Number from_integer_text(std::string_view digits);
  static Number from_double(double v);
  // The exact number a decimal denotes as written: "2.4" is 12/5, "1e-3" 1/1000, "-1.5E+2" -150.
  // Throws LimitError for an exponent beyond what an exact number holds.
  static Number from_decimal_text(std::string_view text);
  // The exact number of the shortest decimal that reads back as v (0.1 is 1/10): a double as the
  // decimal it was most likely written as. v must be finite.
  static Number from_double_as_written(double v);

  bool is_float() const { return den_ == float_tag; }
  bool is_exact() const { return den_ != float_tag; }
  bool is_integer() const;  // exact and denominator 1
  bool is_odd() const;      // an odd integer (the parity of an exponent's numerator and denominator)
  bool is_zero() const { return den_ > 0 ? num_ == 0 : den_ == float_tag && flt() == 0; }  // Big is never 0
  bool is_one() const { return den_ == 1 && num_ == 1; }         // exactly 1 (not 1.0)
  bool is_minus_one() const { return den_ == 1 && num_ == -1; }  // exactly -1
  int sign() const;
  bool is_negative() const { return sign() < 0; }
  bool fits_long() const { return den_ == 1; }
  long long to_long() const { return num_; }  // precondition: fits_long()
  double to_double() const;

  Number numerator() const;    // precondition: exact
  Number denominator() const;  // precondition: exact

  Number operator-() const;
  // Two machine integers without overflow (nearly every sum and product of coefficients) inline;
  // anything else out of line.
  friend Number operator+(const Number& a, const Number& b) {
    long long r;
    if (a.den_ == 1 && b.den_ == 1 && !__builtin_add_overflow(a.num_, b.num_, &r)) return Number(r);
    return add_general(a, b);
  }
  friend Number operator-(const Number& a, const Number& b) { return a + (-b); }
  friend Number operator*(const Number& a, const Number& b) {
    long long r;
    if (a.den_ == 1 && b.den_ == 1 && !__builtin_mul_overflow(a.num_, b.num_, &r)) return Number(r);
    return multiply_general(a, b);
  }
  friend Number operator/(const Number& a, const Number& b);  // MathError on exact division by zero
  Number& operator+=(const Number& b) { return *this = *this + b; }
  Number& operator*=(const Number& b) { return *this = *this * b; }

  // this^e when the result is a Number: integer exponents (exact, size-limited), perfect roots of
  // rationals, and anything involving floats. nullopt when the exact result is irrational.
  std::optional<Number> pow(const Number& e) const;
  // How many times a negative number, exact or a decimal not so small that rounding may have made
  // it negative, has been raised to a decimal that is no integer ((-32)^0.2, (-32.0)^0.2: no real
  // value in floating point) and refused, in this thread. A statement that
  // failed so is not read again with its decimals as the fractions they are written as, where
  // 0.2 = 1/5 would make the power an odd root with a value (-2), as the code printed for x^0.2
  // does not have one (a session compares the count before and after).
  static std::uint64_t decimal_power_refusals();
  // While one lives, refusals are trials' (== at sample points), not a statement's: forgotten at its end.
  class TrialPowers {
   public:
    TrialPowers();
    ~TrialPowers();
    TrialPowers(const TrialPowers&) = delete;
    TrialPowers& operator=(const TrialPowers&) = delete;

   private:
    std::uint64_t saved_;
  };
  // Floor of an exact number as an integer Number.
  Number floor() const;
  // Number of decimal digits of the numerator plus denominator (a size measure for limits).
  std::size_t digits_estimate() const;

  // Total order by value; at equal value exact sorts before float. (Inline for two small numbers
  // of one denominator, integers mostly: sorting a sum's terms asks it millions of times.)
  friend int compare(const Number& a, const Number& b) {
    if (a.den_ == b.den_ && a.den_ > 0) return (a.num_ > b.num_) - (a.num_ < b.num_);
    return compare_general(a, b);
  }
  friend bool operator==(const Number& a, const Number& b) {  // two small rationals: their fields (kept reduced)
    if (a.den_ > 0 && b.den_ > 0) return a.num_ == b.num_ && a.den_ == b.den_;
    return compare(a, b) == 0;
  }
  friend bool operator<(const Number& a, const Number& b) { return compare(a, b) < 0; }
  std::size_t hash() const {  // a small rational's inline: every node's hash mixes a number in
    if (den_ > 0) return mix_hash(static_cast<std::size_t>(num_), static_cast<std::size_t>(den_));
    return hash_not_small();
  }

  // "3", "-3/2", "2.5", "10.0", "1e-05"
  std::string to_string() const;
  void append_to(std::string& out) const;  // to_string() written onto the end of out

 private:
  // Sixteen bytes, because every expression node holds one and a sum one per term: the
  // denominator field says which kind a number is.
  //   Small: num_/den_, den_ > 0, gcd(num_, den_) = 1;
  //   Float: den_ == float_tag, the double's bits in num_;
  //   Big:   den_ == big_tag, num_ the address of a counted Big (shared by copies, never changed).
  enum class Rep : std::uint8_t { Small, Big, Float };
  static constexpr long long float_tag = 0;
  static constexpr long long big_tag = -1;
  struct Big;  // mpq_class and its count, hidden so that GMP headers stay in number.cpp
  Rep rep() const { return den_ > 0 ? Rep::Small : den_ == float_tag ? Rep::Float : Rep::Big; }
  static int compare_general(const Number& a, const Number& b);  // all but two small numbers of one denominator
  static Number add_general(const Number& a, const Number& b);
  static Number multiply_general(const Number& a, const Number& b);
  double flt() const;
  std::size_t hash_not_small() const;
  static std::size_t mix_hash(std::size_t h, std::size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }
  const Big& big() const;
  void retain() const;
  void release() const;
  void swap(Number& o) noexcept {
    std::swap(num_, o.num_);
    std::swap(den_, o.den_);
  }

  long long num_ = 0;
  long long den_ = 1;

  friend struct NumberAccess;
};

}  // namespace ddx
