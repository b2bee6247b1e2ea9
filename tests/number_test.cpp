// SPDX-License-Identifier: GPL-3.0-or-later
// Number against GMP's rationals: arithmetic, order, hashing and printing of random values on
// both sides of the 64-bit boundary (where a Number changes representation), and copies, moves
// and assignments of the counted large ones (the sanitizers' suite runs these too).
#include <doctest/doctest.h>

#include <gmpxx.h>

#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/number.hpp"

namespace {

using ddx::Number;

// A random integer text: small, near 2^63 (either side), or far past it.
std::string random_integer(std::mt19937_64& rng) {
  static const std::vector<std::string> edges = {"9223372036854775807", "9223372036854775808",
                                                 "9223372036854775806", "4611686018427387904",
                                                 "3037000499", "3037000500"};
  std::string digits;
  switch (rng() % 4) {
    case 0: digits = std::to_string(rng() % 1000); break;
    case 1: digits = edges[rng() % edges.size()]; break;
    case 2: digits = std::to_string(rng()); break;
    default:
      digits = std::to_string(rng() % 9 + 1);
      for (std::size_t i = 0, n = rng() % 40; i < n; ++i) digits += static_cast<char>('0' + rng() % 10);
  }
  return (rng() % 2 ? "-" : "") + digits;
}

struct Pair {
  Number number;
  mpq_class exact;
};

Pair random_rational(std::mt19937_64& rng) {
  std::string num = random_integer(rng), den = random_integer(rng);
  if (den.starts_with('-')) den.erase(0, 1);
  if (den == "0") den = "1";
  mpq_class q{mpz_class(num), mpz_class(den)};
  q.canonicalize();
  return {Number::from_integer_text(num) / Number::from_integer_text(den), q};
}

std::string text_of(const mpq_class& q) { return q.get_str(10); }

}  // namespace

TEST_CASE("Number: exact arithmetic, order, hash and text agree with GMP across the 64-bit boundary") {
  std::mt19937_64 rng(20261203);
  for (int i = 0; i < 3000; ++i) {
    Pair a = random_rational(rng), b = random_rational(rng);
    CAPTURE(text_of(a.exact));
    CAPTURE(text_of(b.exact));
    CHECK(a.number.to_string() == text_of(a.exact));
    CHECK((a.number + b.number).to_string() == text_of(a.exact + b.exact));
    CHECK((a.number - b.number).to_string() == text_of(a.exact - b.exact));
    CHECK((a.number * b.number).to_string() == text_of(a.exact * b.exact));
    if (b.exact != 0) CHECK((a.number / b.number).to_string() == text_of(a.exact / b.exact));
    int expected = cmp(a.exact, b.exact);
    CHECK(compare(a.number, b.number) == (expected > 0) - (expected < 0));
    CHECK(a.number.sign() == sgn(a.exact));
    CHECK(a.number.is_integer() == (a.exact.get_den() == 1));
    CHECK(a.number.to_double() == doctest::Approx(a.exact.get_d()));
    // Equal values hash alike however they were computed (the intern table relies on it).
    Number same = (a.number + b.number) - b.number;
    CHECK(same == a.number);
    CHECK(same.hash() == a.number.hash());
  }
}

TEST_CASE("Number: integer powers agree with GMP, on both sides of the 64-bit boundary") {
  std::mt19937_64 rng(20261203);
  // Small bases (whose powers fit until an exponent near 63), bases near 2^31 and 2^32 (whose
  // squares are the edge), and any rational the generator above gives.
  const std::vector<long long> bases = {2, -2, 3, -3, 7, 10, -10, 3037000499LL, 3037000500LL, 4294967296LL, -4294967295LL};
  for (int i = 0; i < 3000; ++i) {
    Pair b = i % 3 == 0 ? random_rational(rng) : Pair{Number(bases[rng() % bases.size()]), mpq_class()};
    if (i % 3 != 0) b.exact = mpq_class(b.number.to_string());
    if (i % 5 == 0 && i % 3 != 0) {  // a fraction of two of them
      long long d = bases[rng() % bases.size()];
      b.number = b.number / Number(d < 0 ? -d : d);
      b.exact = b.exact / mpq_class(mpz_class(std::to_string(d < 0 ? -d : d)));
    }
    if (b.exact == 0) continue;
    long e = static_cast<long>(rng() % 141) - 70;
    CAPTURE(text_of(b.exact));
    CAPTURE(e);
    mpq_class expected = 1;
    mpz_class num, den;
    mpz_pow_ui(num.get_mpz_t(), b.exact.get_num_mpz_t(), static_cast<unsigned long>(e < 0 ? -e : e));
    mpz_pow_ui(den.get_mpz_t(), b.exact.get_den_mpz_t(), static_cast<unsigned long>(e < 0 ? -e : e));
    expected = e < 0 ? mpq_class(den, num) : mpq_class(num, den);
    expected.canonicalize();
    auto got = b.number.pow(Number(static_cast<long long>(e)));
    REQUIRE(got.has_value());
    CHECK(got->to_string() == text_of(expected));
  }
}

TEST_CASE("Number: copies, moves and assignments of large numbers keep their values") {
  Number big = Number::from_integer_text("123456789012345678901234567890");
  Number small = 7;
  std::vector<Number> copies(50, big);
  copies.push_back(small);
  copies.push_back(Number::from_double(2.5));
  for (std::size_t i = 0; i + 1 < copies.size(); ++i) copies[i] = copies[i + 1 < 25 ? i : i + 1];
  Number moved = std::move(copies.front());
  CHECK(moved.to_string() == "123456789012345678901234567890");
  CHECK(copies.front().is_zero());  // a moved-from number is 0, still usable
  Number& self = moved;
  moved = self;
  CHECK(moved.to_string() == "123456789012345678901234567890");
  moved = small;
  CHECK(moved.to_string() == "7");
  CHECK(copies[30].to_string() == "123456789012345678901234567890");
  CHECK(copies[49].to_string() == "7");
  CHECK(copies[50].to_string() == "2.5");
  copies.clear();
  CHECK(big.to_string() == "123456789012345678901234567890");
}

TEST_CASE("Number: floats stay floats, without negative zero, and sort after equal exact values") {
  Number f = Number::from_double(-0.0);
  CHECK(f.is_float());
  CHECK(f.to_string() == "0.0");
  CHECK(f.sign() == 0);
  Number half = Number::from_double(0.5);
  CHECK(compare(Number::rational(1, 2), half) < 0);
  CHECK(compare(half, Number::rational(1, 2)) > 0);
  CHECK((half + Number(1)).to_string() == "1.5");
  CHECK((half * Number::from_integer_text("100000000000000000000")).to_string() == "5e+19");
  CHECK(half.hash() != Number::rational(1, 2).hash());
  CHECK_THROWS_AS(Number::from_double(std::nan("")), ddx::MathError);
}
