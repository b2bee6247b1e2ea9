// SPDX-License-Identifier: GPL-3.0-or-later
// Definitions follow what they were read through (repl/follow.cpp): a call of a defined function,
// a derivative, `at` or sum of a defined name, the names a function's body holds, an abstract call
// whose function is defined later. Each old answer, a silent stale value, is quoted beside its row.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "support/rows.hpp"

using ddx_test::answer;
using ddx_test::check_in_turn;

TEST_CASE("follow: a definition follows the functions and values it was read through") {
  check_in_turn({{"h(t) = t^2", ""},
                 {"q = h(x)", ""},
                 {"h(t) = t^3", ""},
                 {"q", "x^3"},  // was x^2
                 {"d/dx q", "3x^2"},
                 {"r = g(x)", ""},
                 {"g(t) = sin(t)", ""},
                 {"r", "sin(x)"},  // was g(x), and dr/dx g'(x)
                 {"d/dx r", "cos(x)"},
                 {":clear g", ""},
                 {"r", "g(x)"},
                 {"a = 2", ""},
                 {"f(x) = a x", ""},
                 {"a = 3", ""},
                 {"f(1)", "3"},  // was 2
                 {":clear a", ""},
                 {"f(1)", "a"},
                 {"y = x^2", ""},
                 {"w = y at x = 2", ""},
                 {"w", "4"},  // was x^2: the point was given to the name y, which has no x
                 {"y = x^4", ""},
                 {"w", "16"},
                 {"v = d/dx y", ""},
                 {"y = x^5", ""},
                 {"v", "5x^4"},  // was 4x^3
                 {"s = sum(y, x = 1 .. 2)", ""},
                 {"y = 1", ""},
                 {"s", "2"},  // was 33
                 {"p(t) = t + 1", ""},
                 {"m(t) = p(t)^2", ""},
                 {"n = m(x)", ""},
                 {"k(t) = n t", ""},
                 {"p(t) = t - 1", ""},
                 {"n", "(x - 1)^2"},  // through m, then n, then k
                 {"k(2)", "2 (x - 1)^2"}});
}

// A change that a definition read through it cannot follow is refused, and changes nothing.
TEST_CASE("follow: a change a definition cannot follow is refused, and the old definitions stay") {
  check_in_turn({{"h(t) = t^2", ""},
                 {"q = h(x)", ""},
                 {"h(s, t) = s t", "error: this changes what q = h(x) means, and it no longer reads: h takes 2 argument(s); "
                                   "the old definitions stay"},
                 {"h(3)", "9"},
                 {"q", "x^2"},
                 {":clear h", ""},  // q = h(x) reads again, as the abstract h
                 {"q", "h(x)"},
                 {"b = 2", ""},
                 {"f(x) = b x", ""},
                 {"b = f(3)", "error: 'b' would depend on itself (b -> f -> b); the old definitions stay"},
                 {"b", "2"},
                 {"f(1)", "2"},
                 {"c = u^2", ""},
                 {"d = dc/du", ""},
                 {":clear c", "error: this changes what d = dc/du means, and it no longer reads: 'c' is not defined"},
                 {"d", "2u"},
                 {"5", "5"},
                 {"z = ans + h(x)", ""},
                 {"h(t) = 2t", "error: this changes what z = ans + h(x) means, and ans is no longer what it was then"},
                 {"z", "h(x) + 5"}});
}

// Metamorphic: a session that defines, then redefines functions and names, ends where a fresh
// session typing only the last definitions, in the same order, does.
TEST_CASE("follow: after any redefinitions, the names read as the last definitions typed afresh") {
  const std::vector<std::string> bodies = {"t^2", "t + 1", "sin(t)", "2t - 3", "exp(t)", "t^3 - t", "1/(t + 2)"};
  const std::vector<std::string> values = {"2", "x + 1", "x^2", "3", "cos(x)", "1/2"};
  std::mt19937 rng(20261206);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  for (int trial = 0; trial < 60; ++trial) {
    std::string p = "p(t) = " + pick(bodies), c = "c = " + pick(values);
    const std::vector<std::string> uses = {"m(t) = p(t)^2 + c t", "n = m(x)", "w = n at x = 2", "v = d/dx n",
                                           "k(t) = n t + c", "s = sum(p(j), j = 1 .. 3)"};
    ddx::Session changed;
    REQUIRE(answer(changed, p).empty());
    REQUIRE(answer(changed, c).empty());
    for (const std::string& u : uses) REQUIRE(answer(changed, u).empty());
    for (int change = 0; change < 3; ++change) {
      std::string& redefined = rng() % 2 ? p : c;
      redefined = redefined[0] == 'p' ? "p(t) = " + pick(bodies) : "c = " + pick(values);
      REQUIRE(answer(changed, redefined).empty());
    }
    ddx::Session fresh;
    answer(fresh, p);
    answer(fresh, c);
    for (const std::string& u : uses) answer(fresh, u);
    for (const char* q : {"n", "w", "v", "k(3)", "s", "m(1)", "d/dx n at x = 1"}) {
      CAPTURE(p);
      CAPTURE(c);
      CAPTURE(q);
      CHECK(answer(changed, q) == answer(fresh, q));
    }
  }
}
