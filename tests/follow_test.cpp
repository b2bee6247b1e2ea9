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
using ddx_test::check_rows;

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
                 {"b = f(3)", "error: 'b' would depend on itself (b -> f -> b); the old definition stays"},
                 {"b", "2"},
                 {"f(1)", "2"},
                 {"c = u^2", ""},
                 {"d = dc/du", ""},
                 {":clear c", "error: this changes what d = dc/du means, and it no longer reads: 'c' is not defined"},
                 {"d", "2u"},
                 {"5", "5"},
                 {"z = ans + h(x)", ""},
                 {"h(t) = 2t", "error: this changes what z = ans + h(x) means, and ans is no longer what it was then"},
                 {"z", "h(x) + 5"},
                 // A name a definition uses cannot become a declared vector under it.
                 {"p = g(x) + v", ""},
                 {"v in R^n", "error: 'v' is used by the definition of p; :clear p first"},
                 {"g(t) = t^2", ""},
                 {"p", "x^2 + v"},
                 // ans's own abstract functions: k = ans kept the abstract psi when psi was defined
                 // (k at x = 2 was psi(2)^2 while :vars showed k = psi(x)^2 and psi(t) = t^2).
                 {"psi(x)^2", "psi(x)^2"},
                 {"k = ans", ""},
                 {"psi(t) = t^2", "error: this changes what k = ans means, and ans is no longer what it was then"},
                 {"k at x = 2", "psi(2)^2"},
                 {":clear k", ""},
                 {"psi(t) = t^2", ""},
                 {"psi(2)", "4"}});
  // The refusal of a re-read that closes a cycle says its reason once.
  CHECK(ddx_test::answer_after({"h(u) = 1", "c = sin(h(b)) + x", "b = diff(c, x, 2)", ":clear h"}) ==
        "error@1: this changes what c = sin(h(b)) + x means, and it no longer reads: 'c' would depend on itself (c -> b -> "
        "c); the old definitions stay (:clear c first, or define it again after)");
}

// Read through a name before it is defined: the definition follows when it is (w = y at x = 3,
// then y = x^2, left w = x^2, the point lost; v = d/dx y was 0 for good).
TEST_CASE("follow: a definition read through a name not defined yet follows its definition") {
  check_in_turn({{"w = y at x = 3", ""},
                 {"v = d/dx y", ""},
                 {"f(t) = d/dx c", ""},
                 {"y = x^2", ""},
                 {"w", "9"},  // was x^2
                 {"v", "2x"},  // was 0
                 {"c = x^3", ""},
                 {"f(1)", "3x^2"},  // was 0
                 {":clear y", ""},
                 {"w", "y"},
                 {"y = x^3", ""},
                 {"w", "27"}});
  // Nor through a name the name read uses (u = diff(c, x) after c = (x + v)^2 stayed 4x when v
  // was defined as x; w = y at x = 2 after y = u stayed u's value x^2; f(u) = u + b after b = c
  // stayed u + 3 when c = u).
  check_in_turn({{"c = (x + v)^2", ""},
                 {"u = diff(c, x)", ""},
                 {"v = x", ""},
                 {"u", "8x"},
                 {"y = s", ""},
                 {"w = y at x = 2", ""},
                 {"s = x^2", ""},
                 {"w", "4"},
                 {"b = k", ""},
                 {"f(u) = u + b", ""},
                 {"k = u", ""},
                 {"f(3)", "6"}});
  // A function's body holds the values of the names it uses, whichever is defined first: its
  // parameter then stands for the same letter in them (was 6 in one order, u + 3 in the other).
  check_in_turn({{"b = u", ""}, {"f(u) = u + b", ""}, {"f(3)", "6"}});
  check_in_turn({{"f(u) = u + b", ""}, {"b = u", ""}, {"f(3)", "6"}});
}

// A definition read through itself, or through a name whose value it would hold, is a cycle:
// y = d/dx y was taken, and later read again from its own new value (6x for 3x^2's 6x, then
// not 4x^3); b = z + x after z = b at x = 3 left b = x + 12 beside z = 12.
TEST_CASE("follow: a cycle through values read is refused like a cycle through names") {
  check_rows({{"y = d/dx y", "error: 'y' would depend on itself (y -> y); the old definition stays"},
              {"z = b at x = 3", ""},
              {"b = z + x", "error: 'b' would depend on itself (b -> z -> b)"},
              {"s = sum(b n, n = 1 .. 3)", ""},
              {"b = s + 1", "error: 'b' would depend on itself (b -> s -> b)"},
              {"g(t) = f(t)", ""},
              {"f(t) = g(t) + 1", "error: 'f' would depend on itself (f -> g -> f)"},
              {"f(t) = t^2", ""}},
             {"u = x^3", "y = u", "b = x^2", "z = b at x = 3", "s = sum(b n, n = 1 .. 3)", "f(t) = t", "g(t) = f(t)"});
}

// A definition that reads a name only after a change (f(z) = g(q), typed before q, is f(z) = q once
// g(z) = z) is read again after that name: it was refused as a cycle, "'f' would depend on
// itself", and f(2) stayed 1. A true cycle made by the change is still refused.
TEST_CASE("follow: a definition is read again after the names it reads, and only a true cycle is refused") {
  check_in_turn({{"g(z) = 1", ""}, {"f(z) = g(q)", ""}, {"q = g(t)", ""}, {"g(z) = z", ""}, {"f(2)", "t"}, {"q", "t"}});
  check_in_turn({{"h(z) = 1", ""},
                 {"f(z) = h(q)", ""},
                 {"q = h(t) + f(1)", ""},
                 {"h(z) = z", "error: 'f' would depend on itself (f -> q -> f)"},
                 {"f(2)", "1"}});
}

// A name a statement binds (at x = 2, d/dx, a sum's index), undefined as it is read, gave the body
// no value: defining it later reads nothing again and closes no cycle (w = sin(x) at x = 2 became
// sin(3) after x = 3, and x = t was refused; x = a after a = d/dx x^2 at x = 3 was a cycle).
TEST_CASE("follow: a bound name defined later is no name the definition was read through") {
  check_in_turn({{"w = sin(x) at x = 2", ""},
                 {"x = 3", ""},
                 {"w", "sin(2)"},
                 {"x = t", ""},
                 {"w", "sin(2)"},
                 {":clear", ""},
                 {"a = d/dx x^2 at x = 3", ""},
                 {"x = a", ""},
                 {"x", "6"},
                 {":clear", ""},
                 {"v = d/dx y", ""},
                 {"y = x^2", ""},
                 {"v", "2x"},
                 {"x = 2", ""},
                 {"v", "4"},
                 {"s = sum(k^2, k = 1 .. 3)", ""},
                 {"k = 5", ""},
                 {"s", "14"}});
  // A function's parameter cannot become a declared vector under it either (its statement, read
  // again, would name one: a later a = 2 was refused).
  check_in_turn({{"f(t) = t^2 + a", ""},
                 {"t in R^n", "error: 't' is used by the definition of f; :clear f first"},
                 {"a = 2", ""},
                 {"f(3)", "11"}});
}

// A failed statement teaches an abstract function no parameter names and forgets none (a refused
// redefinition of g left q = d/dx g(x, y) printing ∂g/∂x1(x, y)).
TEST_CASE("follow: a failed statement leaves the abstract functions' parameter names as they were") {
  check_in_turn({{"q = d/dx g(x, y)", ""},
                 {"q", "∂g/∂x"},
                 {"g(x) = x", "error: it no longer reads: g takes 1 argument(s)"},
                 {"q", "∂g/∂x"},
                 {"k(u, v) + log(0)", "error: log(0) is undefined"},
                 {"d/dx k(x^2, y)", "2x ∂k/∂x1(x^2, y)"}});
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
