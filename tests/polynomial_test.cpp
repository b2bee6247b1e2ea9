// SPDX-License-Identifier: GPL-3.0-or-later
// Polynomial algebra by example: factor, cancellation in simplify and gcd against known answers
// (as canonical expressions, and as printed for a few), and the edges: zero, constants, opaque
// parts, floats, the size limits and Ctrl-C. Random inputs: polynomial_property_test.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "calculus/expand.hpp"
#include "calculus/poly_convert.hpp"
#include "calculus/poly_factor.hpp"
#include "calculus/polynomial.hpp"
#include "calculus/simplify.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "support/session_helpers.hpp"

using namespace ddx;
using namespace ddx::calc;

namespace {

struct Row {
  const char* name;
  Expr input, expected;
};

Expr factored(Expr e) {
  auto f = factor(e);
  REQUIRE(f);
  return f->expr();
}

double milliseconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("factor: known factorisations") {
  Expr x = sym("x"), y = sym("y"), z = sym("z");
  const std::vector<Row> rows = {
      {"difference of squares", pow(x, 2) - 1, (x - 1) * (x + 1)},
      {"content and powers", 3 * pow(2 * pow(x, 3) + 3 * pow(x, 2), 2) * (6 * pow(x, 2) + 6 * x),
       18 * pow(x, 5) * (x + 1) * pow(2 * x + 3, 2)},
      {"two variables", pow(x, 2) - pow(y, 2), (x - y) * (x + y)},
      {"Sophie Germain", pow(x, 4) + 4, (pow(x, 2) - 2 * x + 2) * (pow(x, 2) + 2 * x + 2)},
      {"irreducible over Q", pow(x, 4) + 1, pow(x, 4) + 1},
      {"rational coefficients", pow(x, 2) / 4 - rational(1, 4), (x - 1) * (x + 1) / 4},
      {"cyclotomic", pow(x, 6) - 1, (x - 1) * (x + 1) * (pow(x, 2) - x + 1) * (pow(x, 2) + x + 1)},
      {"opaque generator", pow(sin(x), 2) - 1, (sin(x) - 1) * (sin(x) + 1)},
      {"repeated root", expand(pow(x - 2, 3) * (x + 5)), pow(x - 2, 3) * (x + 5)},
      {"x^4 - y^4", pow(x, 4) - pow(y, 4), (x - y) * (x + y) * (pow(x, 2) + pow(y, 2))},
      {"sum of cubes", pow(x, 3) + pow(y, 3), (x + y) * (pow(x, 2) - x * y + pow(y, 2))},
      {"three variables", expand((x + y + z) * (x - y * z + 1)), (x + y + z) * (x - y * z + 1)},
      {"content in a variable", expand((y + 1) * (pow(x, 2) - 2)), (y + 1) * (pow(x, 2) - 2)},
      {"non-monic in two variables", expand((x * y + 1) * pow(x + y, 2) * (x - 2 * y)),
       (x * y + 1) * pow(x + y, 2) * (x - 2 * y)},
      {"leading coefficient in y", expand((y * pow(x, 2) + 1) * (y * x - 3)), (y * pow(x, 2) + 1) * (y * x - 3)},
      {"rational function", (pow(x, 2) - 1) / (pow(x, 2) + 2 * x + 1), (x - 1) / (x + 1)},
      {"denominator factored", 1 / (pow(x, 2) - 4), 1 / ((x - 2) * (x + 2))},
      {"monomial", 6 * pow(x, 3) * y, 6 * pow(x, 3) * y},
      {"mixed generators", x * sin(x) + x, x * (sin(x) + 1)},
      {"e^x and e^-x", exp(x) - exp(-x), (exp(x) - 1) * (exp(x) + 1) / exp(x)},
      {"sqrt(x) generator", pow(x, rational(3, 2)) - sqrt(x), sqrt(x) * (sqrt(x) - 1) * (sqrt(x) + 1)},
      {"x is sqrt(x)^2", x - sqrt(x), sqrt(x) * (sqrt(x) - 1)},
      {"cube roots", pow(x, rational(1, 3)) - x,
       -pow(x, rational(1, 3)) * (pow(x, rational(1, 3)) - 1) * (pow(x, rational(1, 3)) + 1)},
      {"mixed roots", sqrt(x) + pow(x, rational(1, 3)), pow(x, rational(1, 3)) * (pow(x, rational(1, 6)) + 1)},
      {"roots of high order stay apart", x - pow(x, rational(1, 1000)), x - pow(x, rational(1, 1000))},
      {"zero", Expr(0), Expr(0)},
      {"constant", rational(-6, 7), rational(-6, 7)},
      {"variable", x, x},
      {"negated", -x - 1, -(x + 1)},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    Expr got = factored(row.input);
    CAPTURE(debug_string(got));
    CHECK(got == row.expected);
  }
}

TEST_CASE("factor: recombination when the image at the evaluation point splits further") {
  // The point is forced where the image has more factors than the polynomial: x^2 - y at y = 4 is
  // (x - 2)(x + 2). Lifting and recombination must still find exactly the true factors.
  Expr x = sym("x"), y = sym("y"), z = sym("z");
  struct Case {
    const char* name;
    std::vector<Expr> factors;
    std::vector<long> point;  // values of the variables other than x, in order
  };
  const std::vector<Case> cases = {
      {"irreducible, image splits", {pow(x, 2) - y}, {4}},
      {"a pair of image factors is one factor", {pow(x, 2) - y, x + 2 * y + 1}, {1}},
      {"pairs only", {pow(x, 2) - y, pow(x, 2) - 4 * y}, {1}},
      {"three variables", {pow(x, 2) - y * z, x + y + z}, {1, 1}},
      {"non-monic", {y * pow(x, 2) - 4, x * y + 3}, {1}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Expr product = 1;
    for (Expr f : c.factors) product = product * f;
    auto frac = poly::to_fraction(expand(product), {5000, 200, 64}, "test");
    REQUIRE(frac);
    REQUIRE(frac->gens[0] == x);
    std::vector<mpz_class> point;
    for (long v : c.point) point.emplace_back(v);
    std::vector<Expr> got;
    for (const poly::Poly& f : poly::factor_multivariate(frac->num, 0, &point)) got.push_back(poly::to_expr(f, frac->gens));
    std::vector<Expr> expected = c.factors;
    std::sort(got.begin(), got.end(), ExprLess());
    std::sort(expected.begin(), expected.end(), ExprLess());
    CHECK(got == expected);
  }
}

TEST_CASE("factor: the structure of the answer") {
  Expr x = sym("x");
  auto f = factor(expand(12 * pow(x - 1, 2) * pow(x, 3) * (pow(x, 2) + 1)) / (2 * x + 4));
  REQUIRE(f);
  CHECK(f->coefficient == Number(6));
  std::vector<std::pair<Expr, int>> expected = {{x, 3}, {x - 1, 2}, {x + 2, -1}, {pow(x, 2) + 1, 1}};
  std::sort(expected.begin(), expected.end(), [](auto& a, auto& b) { return compare(a.first, b.first) < 0; });
  CHECK(f->factors == expected);
}

TEST_CASE("factor: as printed") {
  using ddx_test::answer;
  CHECK(answer("factor(x^2 - 1)") == "(x - 1) (x + 1)");
  CHECK(answer("factor(x^2 - y^2)") == "(x - y) (x + y)");
  CHECK(answer("factor(x^4 + 1)") == "x^4 + 1");
  CHECK(answer("factor(x^2/4 - 1/4)") == "(x - 1) (x + 1)/4");
  CHECK(answer("factor(sin(x)^2 - 1)") == "(sin(x) - 1) (sin(x) + 1)");
  CHECK(answer("factor(x^4 + 4)") == "(x^2 - 2x + 2) (x^2 + 2x + 2)");
  // A number times a lone sum is distributed by the canonical form; factor still shows it
  // factored, and the value (for ans and further arithmetic) is the canonical sum.
  CHECK(answer("factor(2x + 2)") == "2 (x + 1)");
  CHECK(answer("factor(1 - x)") == "-(x - 1)");
  CHECK(answer("factor(x/2 + 1/2)") == "(x + 1)/2");
  CHECK(answer("factor(-6x - 4)") == "-2 (3x + 2)");
  CHECK(answer("factor(2x + 2) + 1") == "2x + 3");
  ddx::Session s;
  CHECK(answer(s, ":format latex") == "");
  CHECK(answer(s, "factor(2x + 2)/3") == "\\frac{2 x}{3} + \\frac{2}{3}");
  CHECK(answer(s, "factor(-x/2 - 1/2)") == "-\\frac{\\left(x + 1\\right)}{2}");
  CHECK(answer(s, ":format code") == "");
  CHECK(answer(s, "factor(3x - 3)") == "3*(x - 1)");
}

TEST_CASE("factor: floats are refused, limits are quick errors") {
  using ddx_test::answer;
  Expr x = sym("x"), y = sym("y"), z = sym("z");
  CHECK(!factor(pow(x, 2) - num(Number::from_double(0.25)) * x));
  CHECK(!factor(sin(Expr(Number::from_double(0.5)) * x) + 1));
  CHECK(answer("factor(x^2 - 0.25)") == "error@8: factor: floating-point numbers are not factored (write 1/2, not 0.5)");
  auto t0 = std::chrono::steady_clock::now();
  CHECK_THROWS_WITH_AS(factor(pow(x + y + z + 1, 40)), doctest::Contains("terms is too large"), LimitError);
  CHECK_THROWS_WITH_AS(factor(pow(x, 1000) - 1), doctest::Contains("degree 1000 is too large (limit 200)"), LimitError);
  CHECK_THROWS_AS(factor(pow(x, Expr(Number::from_integer_text("100000000000000000000"))) + 1), LimitError);
  CHECK(milliseconds_since(t0) < 1000);
  CHECK(answer("factor((x + y + z + 1)^40)").starts_with("error@1: factor: a polynomial of about"));
}

TEST_CASE("factor: the work limit stops a long computation with an error naming it") {
  Expr x = sym("x"), y = sym("y");
  Expr p = expand((pow(x, 12) + pow(y, 11) + 3 * x * y + 1) * (pow(x, 11) - x * pow(y, 12) + 2));
  CHECK_THROWS_WITH_AS(factor(p, 1e4), "factor: the computation is too large (polynomial work limit reached)", LimitError);
  CHECK(factored(p) == (pow(x, 12) + pow(y, 11) + 3 * x * y + 1) * (pow(x, 11) - x * pow(y, 12) + 2));
}

TEST_CASE("factor and simplify stop on Ctrl-C") {
  Expr x = sym("x"), y = sym("y");
  Expr p = expand(pow(x + y + 1, 10));
  request_interrupt();
  CHECK_THROWS_AS(factor(p), Interrupted);
  CHECK_THROWS_AS(cancel(p / (x + 1)), Interrupted);
  clear_interrupt();
  CHECK(factored(p) == pow(x + y + 1, 10));
}

TEST_CASE("simplify cancels common factors") {
  Expr x = sym("x"), y = sym("y"), a = sym("a");
  const std::vector<Row> rows = {
      {"(x^2 - 1)/(x - 1)", (pow(x, 2) - 1) / (x - 1), x + 1},
      {"(x^2 - y^2)/(x - y)", (pow(x, 2) - pow(y, 2)) / (x - y), x + y},
      {"(x^3 - x)/(x^2 + x)", (pow(x, 3) - x) / (pow(x, 2) + x), x - 1},
      {"opaque generator", (pow(sin(x), 2) - 1) / (sin(x) - 1), sin(x) + 1},
      {"x over a root", (x - 1) / (sqrt(x) - 1), sqrt(x) + 1},
      {"rules expose more", (cos(x) * (1 + cos(x)) + pow(sin(x), 2)) / pow(1 + cos(x), 2), 1 / (cos(x) + 1)},
      {"factored denominator kept", 1 / (pow(x, 2) + 2 * x + 1), pow(x + 1, -2)},
      {"sum of fractions", x / (x + 1) + 1 / (x + 1), Expr(1)},
      {"rational coefficients", (pow(x, 2) / 2 - rational(1, 2)) / (3 * x + 3), (x - 1) / 6},
      {"monomial denominator", (pow(x, 3) * y + pow(x, 2)) / pow(x, 2), x * y + 1},
      {"bigger cancelled form not taken", 1 / x + 1 / y, 1 / x + 1 / y},
      {"coprime stays", (pow(x, 2) + 1) / (x - 1), (pow(x, 2) + 1) / (x - 1)},
      {"parameters", (pow(a, 2) * x - x) / (a * x + x), a - 1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    std::vector<std::string> fired;
    Expr got = simplify(row.input, &fired);
    CAPTURE(debug_string(got));
    CHECK(got == row.expected);
    CHECK(expr_size(got) <= expr_size(row.input));
  }
  std::vector<std::string> fired;
  simplify((pow(x, 2) - 1) / (x - 1), &fired);
  CHECK(fired == std::vector<std::string>{"cancel common factors"});
  // A common factor is cancelled even where that writes a term more (x^3 + 1 = (x + 1)(x^2 - x + 1)):
  // the size measure kept these whole, though language.md promises lowest terms (a helper's finding).
  CHECK(simplify((pow(x, 3) + 1) / (pow(x, 2) - 1)) == (pow(x, 2) - x + 1) / (x - 1));
  CHECK(simplify((pow(x, 6) - 1) / (pow(x, 4) - 1)) == (pow(x, 4) + pow(x, 2) + 1) / (pow(x, 2) + 1));
  CHECK(simplify((pow(x, 10) - 1) / (pow(x, 4) - 1)) ==
        (pow(x, 8) + pow(x, 6) + pow(x, 4) + pow(x, 2) + 1) / (pow(x, 2) + 1));
  CHECK(simplify((pow(x, 8) - 1) / (x - 1)) == (x + 1) * (pow(x, 2) + 1) * (pow(x, 4) + 1));  // (no fraction left, longer)
  CHECK(has_common_factor((pow(x, 3) + 1) / (pow(x, 2) - 1)));
  CHECK(!has_common_factor((pow(x, 2) + 1) / (x - 1)));
  CHECK(!has_common_factor(1 / x + 1 / y));
}

TEST_CASE("simplify: floats and huge fractions are left alone, quickly") {
  Expr x = sym("x"), y = sym("y"), z = sym("z");
  Expr with_float = (pow(x, 2) - 1) / (x - num(Number::from_double(1.0)));
  CHECK(!cancel(with_float));
  CHECK(simplify(with_float) == with_float);
  auto t0 = std::chrono::steady_clock::now();
  Expr huge = pow(x + y + z + 1, 300) / pow(x + 1, 3);
  CHECK(simplify(huge) == huge);
  CHECK_THROWS_AS(cancel(huge), LimitError);
  CHECK(milliseconds_since(t0) < 2000);
}

TEST_CASE("cancel and gcd") {
  Expr x = sym("x"), y = sym("y");
  CHECK(cancel((pow(x, 2) - 1) / (x - 1)) == x + 1);
  CHECK(cancel(1 / x + 1 / y) == (x + y) / (x * y));
  CHECK(cancel(Expr(0)) == Expr(0));
  CHECK(cancel(x / (2 * x)) == rational(1, 2));
  CHECK(polynomial_gcd(2 * pow(x, 2) - 2, 4 * x + 4) == 2 * x + 2);
  CHECK(polynomial_gcd(expand((x + y) * (x - 1)), expand((x + y) * (y + 3))) == x + y);
  CHECK(polynomial_gcd(pow(x, 2) / 2, x / 3) == x / 6);
  CHECK(polynomial_gcd(Expr(0), -x - 1) == x + 1);
  CHECK(polynomial_gcd(Expr(0), Expr(0)) == Expr(0));
  CHECK(polynomial_gcd(x * y, sin(x) * y) == y);
  CHECK(!polynomial_gcd(1 / x, x));
}

TEST_CASE("factor and cancel agree with == and with each other") {
  using ddx_test::answer;
  CHECK(answer("(x^2 - 1)/(x - 1) == x + 1") == "true");
  CHECK(answer("factor(x^3 - 1) == x^3 - 1") == "true");
  CHECK(answer("simplify((x^2 - 1)/(x - 1))") == "x + 1");
  CHECK(answer("simplify((x^2 - 1)/(x - 1.0))") == "(x^2 - 1)/(x - 1.0)");
  // A fraction that cancels to a polynomial is taken a little longer (within a ratio of 1.7)...
  CHECK(answer("simplify((x^20 - 1)/(x^4 - 1))") == "x^16 + x^12 + x^8 + x^4 + 1");
  CHECK(answer("simplify((x^20 - 1)/(x^4 - 1)) == (x^20 - 1)/(x^4 - 1)") == "true");
  // ... but not a hundred terms for two.
  CHECK(answer("simplify((x^100 - 1)/(x - 1))") == "(x^100 - 1)/(x - 1)");
}

// A power of a sum is expanded term by term of its result (the multinomial theorem): multiplying
// by the base again and again built every power on the way, and these were refused as more than
// 3,000,000 new subexpressions in one statement.
TEST_CASE("expand: large powers of sums, as many products as terms") {
  ddx::Session s;
  std::string binomial = ddx_test::answer(s, "expand((x + 1)^2000)");
  REQUIRE(binomial.rfind("x^2000 + 2000x^1999 + 1999000x^1998 + ", 0) == 0);
  CHECK(std::count(binomial.begin(), binomial.end(), '+') == 2000);
  CHECK(binomial.substr(binomial.size() - 12) == " + 2000x + 1");
  std::string trinomial = ddx_test::answer(s, "expand((x + y + 1)^200)");
  CHECK(std::count(trinomial.begin(), trinomial.end(), '+') == 20300);  // C(202, 2) terms
  CHECK(ddx_test::answer(s, "expand((x + y + 1)^200) == (x + y + 1)^200") == "true");
}
