// SPDX-License-Identifier: GPL-3.0-or-later
// Number: an exact rational of any size (int64 fast path, GMP beyond) or a double.
// Floats only ever come from float input; exact arithmetic never silently becomes a float.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ddx {

class Number {
 public:
  Number() = default;
  Number(long long v) : num_(v) {}  // NOLINT: implicit on purpose, Number(2) reads well
  Number(int v) : num_(v) {}        // NOLINT

  // Exact num/den (den != 0; throws MathError on zero denominator).
  static Number rational(long long num, long long den);
  // Decimal integer digits, optionally signed ("-123"); throws LimitError past the digit limit.
  static Number from_integer_text(std::string_view digits);
  static Number from_double(double v);

  bool is_float() const { return rep_ == Rep::Float; }
  bool is_exact() const { return rep_ != Rep::Float; }
  bool is_integer() const;  // exact and denominator 1
  bool is_zero() const;
  bool is_one() const;         // exactly 1 (not 1.0)
  bool is_minus_one() const;   // exactly -1
  int sign() const;
  bool is_negative() const { return sign() < 0; }
  bool fits_long() const { return rep_ == Rep::Small && den_ == 1; }
  long long to_long() const { return num_; }  // precondition: fits_long()
  double to_double() const;

  Number numerator() const;    // precondition: exact
  Number denominator() const;  // precondition: exact

  Number operator-() const;
  friend Number operator+(const Number& a, const Number& b);
  friend Number operator-(const Number& a, const Number& b) { return a + (-b); }
  friend Number operator*(const Number& a, const Number& b);
  friend Number operator/(const Number& a, const Number& b);  // MathError on exact division by zero
  Number& operator+=(const Number& b) { return *this = *this + b; }
  Number& operator*=(const Number& b) { return *this = *this * b; }

  // this^e when the result is a Number: integer exponents (exact, size-limited), perfect roots of
  // rationals, and anything involving floats. nullopt when the exact result is irrational.
  std::optional<Number> pow(const Number& e) const;
  // Floor of an exact number as an integer Number.
  Number floor() const;
  // Number of decimal digits of the numerator plus denominator (a size measure for limits).
  std::size_t digits_estimate() const;

  // Total order by value; at equal value exact sorts before float.
  friend int compare(const Number& a, const Number& b);
  friend bool operator==(const Number& a, const Number& b) { return compare(a, b) == 0; }
  friend bool operator<(const Number& a, const Number& b) { return compare(a, b) < 0; }
  std::size_t hash() const;

  // "3", "-3/2", "2.5", "10.0", "1e-05"
  std::string to_string() const;

 private:
  enum class Rep : std::uint8_t { Small, Big, Float };
  struct Big;  // mpq_class, hidden so that GMP headers stay in number.cpp
  static Number make_big(const Big& q);  // normalises back to Small when it fits
  const Big& big() const { return *big_; }
  static Number from_mpq(const void* mpq);

  Rep rep_ = Rep::Small;
  long long num_ = 0;  // Small: numerator
  long long den_ = 1;  // Small: denominator > 0, gcd(num, den) = 1
  double flt_ = 0;     // Float
  std::shared_ptr<const Big> big_;

  friend struct NumberAccess;
};

}  // namespace ddx
