// SPDX-License-Identifier: GPL-3.0-or-later
// Logarithms of numbers by their primes (calculus/prime_logs.hpp): a sum of logarithms of
// rationals that is 0 is shown to be 0 (approx refused log(8) - 3 log(2) as a value it could not
// tell from 0, == said "checked numerically", simplify left it), and one that is not stays not.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "support/session_helpers.hpp"

using ddx_test::answer;

namespace {

std::string text(long long n) { return std::to_string(n); }

}  // namespace

TEST_CASE("prime logs: the identities of logarithms of numbers are 0, exactly") {
  CHECK(answer("approx(log(8) - 3 log(2))") == "0.0");
  CHECK(answer("log(8) - 3 log(2) == 0") == "true");
  CHECK(answer("simplify(log(6) - log(2) - log(3))") == "0");
  CHECK(answer("simplify(x log(6) - x log(2))") == "x log(3)");
  CHECK(answer("simplify(log(12) - log(3))") == "2 log(2)");
  CHECK(answer("simplify(log(8))") == "log(8)");  // kept where the primes are no shorter
  CHECK(answer("approx(log(10^30) - 30 log(10))") == "0.0");
  CHECK(answer("simplify(log(2^100*3) - log(3))") == "100 log(2)");
  std::mt19937 rng(20261206);
  for (int trial = 0; trial < 200; ++trial) {
    long long a = 2 + rng() % 5000, b = 2 + rng() % 5000, k = 2 + rng() % 6;
    CAPTURE(a);
    CAPTURE(b);
    CAPTURE(k);
    const std::string la = "log(" + text(a) + ")", lb = "log(" + text(b) + ")";
    // Three identities, each 0 however the numbers factor.
    CHECK(answer("approx(log(" + text(a * b) + ") - " + la + " - " + lb + ")") == "0.0");
    CHECK(answer("log(" + text(a) + "^" + text(k) + ") == " + text(k) + " " + la) == "true");
    CHECK(answer("simplify(log(" + text(a) + "/" + text(b) + ") - " + la + " + " + lb + ")") == "0");
    // And a difference that is not 0 is not made one.
    if (a != b) {
      CHECK(answer("simplify(" + la + " - " + lb + ")") != "0");
      CHECK(answer("approx(" + la + " - " + lb + ")") != "0.0");
    }
  }
}
