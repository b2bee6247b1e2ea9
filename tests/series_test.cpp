// SPDX-License-Identifier: GPL-3.0-or-later
// taylor(EXPR, x = a, N) and series(EXPR, x = a, N): printed answers in every format, errors
// (each leaving the session as it was), and properties over seeded random expressions: each
// coefficient is the derivative at the point over k!, the polynomial's error shrinks like h^N
// near the point, and the printed polynomial reads back as the same value.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/evalf.hpp"
#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "print/print.hpp"
#include "support/random_expr.hpp"
#include "support/rows.hpp"
#include "support/run_ddx.hpp"
#include "support/session_helpers.hpp"

namespace {

using ddx_test::answer;

struct Row {
  const char* input;
  const char* expected;  // "error@COL: message" for an error
};

void check_rows(const std::vector<Row>& rows, ddx::print::Format format = ddx::print::Format::Text) {
  for (const Row& row : rows) {
    std::string input = row.input;
    CAPTURE(input);
    ddx::Session s;
    s.set_format(format);
    CHECK(answer(s, row.input) == row.expected);
  }
}

// DDX_SEED in the environment replays (or explores) another seed.
const std::uint64_t base_seed = std::getenv("DDX_SEED") ? std::strtoull(std::getenv("DDX_SEED"), nullptr, 10) : 20261203;

double value_at(ddx::Expr e, double x) { return ddx::calc::evaluate(e, {{"x", x}}); }

double factorial(int k) {
  double f = 1;
  for (int i = 2; i <= k; ++i) f *= i;
  return f;
}

// A random expression in x alone (y fixed at 1/3), or nullopt-like 0 when construction failed.
bool random_function(ddx::test::RandomExpr& gen, ddx::Expr& out) {
  try {
    out = ddx::substitute(gen(3), {{ddx::sym("y"), ddx::rational(1, 3)}});
  } catch (const ddx::MathError&) {
    return false;
  }
  return ddx::depends_on(out, ddx::sym("x"));
}

}  // namespace

TEST_CASE("series: the contract's examples and more, in text") {
  check_rows({
      {"taylor(sin(x), x = 0, 6)", "x^5/120 - x^3/6 + x"},
      {"taylor(sigmoid(x), x = 0, 6)", "x^5/480 - x^3/48 + x/4 + 1/2"},
      {"series(sigmoid(x), x = 0, 6)", "x^5/480 - x^3/48 + x/4 + 1/2 + O(x^6)"},
      {"taylor(e^x, x = 0, 5)", "x^4/24 + x^3/6 + x^2/2 + x + 1"},
      {"series(log(x), x = 1, 4)", "(x - 1)^3/3 - (x - 1)^2/2 + (x - 1) + O((x - 1)^4)"},
      {"series(log(x), x = 1, 3)", "-(x - 1)^2/2 + (x - 1) + O((x - 1)^3)"},
      {"taylor(sin(x), x = pi/6, 3)", "-(x - pi/6)^2/4 + sqrt(3) (x - pi/6)/2 + 1/2"},
      {"taylor(cos(x), x = pi, 5)", "-(x - pi)^4/24 + (x - pi)^2/2 - 1"},
      {"taylor(1/(1 - x), x = 2, 4)", "(x - 2)^3 - (x - 2)^2 + (x - 2) - 1"},
      {"series(1/(1 - x), x = -1, 2)", "(x + 1)/4 + 1/2 + O((x + 1)^2)"},
      {"taylor(x^2 + x + 1, x = 1, 5)", "(x - 1)^2 + 3 (x - 1) + 3"},
      {"series(e^x, x = 1, 3)", "e (x - 1)^2/2 + e (x - 1) + e + O((x - 1)^3)"},
      {"taylor(sin(x), x = a, 3)", "-(x - a)^2 sin(a)/2 + (x - a) cos(a) + sin(a)"},
      {"taylor(sin(a x), x = 0, 4)", "-a^3 x^3/6 + a x"},
      {"taylor(f(x), x = 0, 3)", "x^2 f''(0)/2 + x f'(0) + f(0)"},
      {"taylor(softplus(x), x = 0, 3)", "x^2/8 + x/2 + log(2)"},
      {"taylor(tanh(x), x = 0, 6)", "2x^5/15 - x^3/3 + x"},
      {"taylor(x^x, x = 1, 4)", "(x - 1)^3/2 + (x - 1)^2 + (x - 1) + 1"},
      {"taylor(sin(x), x = 0.5, 2)", "0.8775825618903728 (x - 0.5) + 0.479425538604203"},
      {"taylor(relu(x), x = 1, 3)", "(x - 1) + 1"},
      {"taylor(x abs(x), x = 0, 2)", "0"},
      {"taylor(abs(x)^3, x = 0, 3)", "0"},
      {"taylor(x^2, x = 0, 1)", "0"},
      {"series(x^2, x = 0, 1)", "O(x)"},
      {"series(x^7, x = 0, 3)", "O(x^3)"},
      {"series(x, x = 1, 1)", "1 + O(x - 1)"},
      {"taylor(sin(x), y = 0, 3)", "sin(x)"},
      // In an expression and at a point: the polynomial is an ordinary value.
      {"taylor(sin(x), x = 0, 4) + 1", "-x^3/6 + x + 1"},
      {"taylor(sin(x), x = 0, 4) at x = 1/10", "599/6000"},
      {"taylor(sin(b x), x = 0, 4) at b = 2", "-4x^3/3 + 2x"},
      {"taylor(sin(x), x = 0, 4) == x - x^3/6", "true"},
      {"[taylor(sin(x), x = 0, 4), 1]", "[-x^3/6 + x, 1]"},
      {"tangent(taylor(sin(x), x = 0, 4), x = 1)", "y = x/2 + 1/3"},
      {"d/dx taylor(sin(x), x = 0, 4)", "1 - x^2/2"},
  });
}

TEST_CASE("series: unicode, LaTeX and code") {
  using ddx::print::Format;
  check_rows(
      {
          {"series(log(x), x = 1, 4)", "(x − 1)³/3 − (x − 1)²/2 + (x − 1) + O((x − 1)⁴)"},
          {"series(sigmoid(x), x = 0, 6)", "x⁵/480 − x³/48 + x/4 + 1/2 + O(x⁶)"},
          {"series(sin(x), x = pi/6, 3)", "−(x − π/6)²/4 + √3·(x − π/6)/2 + 1/2 + O((x − π/6)³)"},
      },
      Format::Unicode);
  check_rows(
      {
          {"series(log(x), x = 1, 3)",
           "-\\frac{\\left(x - 1\\right)^{2}}{2} + \\left(x - 1\\right) + O\\left(\\left(x - 1\\right)^{3}\\right)"},
          {"series(sigmoid(x), x = 0, 4)", "-\\frac{x^{3}}{48} + \\frac{x}{4} + \\frac{1}{2} + O\\left(x^{4}\\right)"},
          {"taylor(sin(x), x = a, 2)", "\\left(x - a\\right) \\cos{\\left(a \\right)} + \\sin{\\left(a \\right)}"},
          {"series(x^7, x = 0, 3)", "O\\left(x^{3}\\right)"},
      },
      Format::Latex);
  check_rows(
      {
          {"series(log(x), x = 1, 4)", "(x - 1)^3/3 - (x - 1)^2/2 + (x - 1)"},
          {"series(sigmoid(x), x = 0, 6)", "x^5/480 - x^3/48 + x/4 + 1/2"},
          {"taylor(sin(x), x = a, 3)", "-(x - a)^2*sin(a)/2 + (x - a)*cos(a) + sin(a)"},
          {"series(x^7, x = 0, 3)", "0"},
      },
      Format::Code);
}

TEST_CASE("series: JSON carries the three forms") {
  ddx::Session s;
  s.set_format(ddx::print::Format::Json);
  CHECK(answer(s, "series(log(x), x = 1, 3)") ==
        "{\"input\": \"series(log(x), x = 1, 3)\", \"text\": \"-(x - 1)^2/2 + (x - 1) + O((x - 1)^3)\", \"latex\": "
        "\"-\\\\frac{\\\\left(x - 1\\\\right)^{2}}{2} + \\\\left(x - 1\\\\right) + "
        "O\\\\left(\\\\left(x - 1\\\\right)^{3}\\\\right)\", \"code\": \"-(x - 1)^2/2 + (x - 1)\"}");
}

TEST_CASE("series: ans is the polynomial, and the order term never enters an expression") {
  ddx::Session s;
  CHECK(answer(s, "series(e^x, x = 0, 3)") == "x^2/2 + x + 1 + O(x^3)");
  CHECK(answer(s, "ans") == "x^2/2 + x + 1");
  CHECK(answer(s, "series(sin(x), x = 0, 4)") == "-x^3/6 + x + O(x^4)");
  std::string refused = "a series with its order term O(...) is an answer of its own";
  for (const char* inside : {"series(e^x, x = 0, 3) + 1", "2 series(e^x, x = 0, 3)", "series(e^x, x = 0, 3) at x = 1",
                             "[series(e^x, x = 0, 3)]", "series(e^x, x = 0, 3) == 1 + x", "s = series(e^x, x = 0, 3)",
                             "d/dx series(e^x, x = 0, 3)"}) {
    CAPTURE(inside);
    CHECK(answer(s, inside).find(refused) != std::string::npos);
  }
  CHECK(answer(s, "ans") == "-x^3/6 + x");
  CHECK(answer(s, "s").find("error") == std::string::npos);  // s was never defined: a symbol
}

TEST_CASE("series: errors, positioned, and the session intact after each") {
  const std::vector<Row> rows = {
      {"taylor(abs(x), x = 0, 3)",
       "error@1: the derivative does not exist at x = 0 (a corner: the slope is -1 from the left and 1 from the right)"},
      {"taylor(x abs(x), x = 0, 3)",
       "error@1: the 2nd derivative does not exist at x = 0 (the first derivative has a corner there: its slope is -2 "
       "from the left and 2 from the right)"},
      {"taylor(abs(x)^3, x = 0, 5)",
       "error@1: the 3rd derivative does not exist at x = 0 (the 2nd derivative has a corner there: its slope is -6 from "
       "the left and 6 from the right)"},
      {"series(sign(x), x = 0, 2)",
       "error@1: the derivative does not exist at x = 0 (the function jumps there along x: it approaches -1 from the left "
       "and 1 from the right)"},
      {"taylor(abs(x - b), x = 0, 3) at b = 0",
       "error@1: the derivative does not exist at x = 0 (a corner: the slope is -1 from the left and 1 from the right)"},
      {"taylor(sqrt(x), x = 0, 3)", "error@1: the derivative does not exist at x = 0 (division by zero)"},
      {"taylor(log(x), x = 0, 3)", "error@1: the function has no value at x = 0 (log(0) is undefined)"},
      {"taylor(1/x, x = 0, 2)", "error@1: the function has no value at x = 0 (division by zero)"},
      {"taylor(sqrt(-tan(x)), x = 1, 3)",
       "error@1: the function has no value at x = 1 (an even root of a negative number (-1.55741...) is not real)"},
      {"taylor(sin(x), x = 0, 0)", "error@23: expected a positive whole number as the order"},
      {"taylor(sin(x), x = 0, 2.5)", "error@23: expected a positive whole number as the order"},
      {"taylor(sin(x), x = 0, n)", "error@23: expected a positive whole number as the order"},
      {"taylor(sin(x), x = 0, 1001)",
       "error@23: the order N of taylor is at most 1000 (the terms of degree below N need derivatives up to N - 1)"},
      {"series(sin(x), x = 0, 10^30)",
       "error@23: the order N of series is at most 1000 (the terms of degree below N need derivatives up to N - 1)"},
      {"taylor(sin(x), x, 3)", "error@16: expected the point as x = a, e.g. taylor(sin(x), x = 0, 6)"},
      {"series(sin(x), 0, 3)", "error@16: expected the point as x = a, e.g. series(sin(x), x = 0, 6)"},
      {"taylor(sin(x), pi = 0, 3)", "error@16: expected the point as x = a, e.g. taylor(sin(x), x = 0, 6)"},
      {"taylor(sin(x), x = x + 1, 3)", "error@20: the point must not depend on x"},
      {"taylor(sin(x), x = 1/0, 3)", "error@22: division by zero"},
      {"taylor(sin(x), x = 0)", "error@1: usage: taylor(EXPR, x = a, N)"},
      {"series(sin(x), x = 0, 3, 4)", "error@1: usage: series(EXPR, x = a, N)"},
      {"taylor([sin(x), cos(x)], x = 0, 3)", "error@8: a vector cannot be used inside an expression here"},
      {"taylor", "error@1: 'taylor' needs its arguments: taylor(...)"},
  };
  for (const Row& row : rows) {
    std::string input = row.input;
    CAPTURE(input);
    ddx::Session s;
    REQUIRE(answer(s, "a = x^2") == "");
    REQUIRE(answer(s, "x^3 + 1") == "x^3 + 1");
    CHECK(answer(s, row.input) == row.expected);
    CHECK(answer(s, "ans") == "x^3 + 1");
    CHECK(answer(s, "a") == "x^2");
    CHECK(answer(s, "taylor(e^x, x = 0, 3)") == "x^2/2 + x + 1");
  }
}

TEST_CASE("series: derivatives of high order end, with an error at worst") {
  // Quick ones stay quick (the coefficients' factorials pass 10^308 long before N = 1000).
  CHECK(answer("taylor(sin(x), x = 0, 1000)").rfind("-x^999/40238726007709377354370243392300398571937486421071463254379991", 0) == 0);
  CHECK(answer("taylor(tan(x), x = 0, 40)").find("error") == std::string::npos);
  CHECK(answer("1/2^1100").rfind("1/13582985290493858492773514283592667786034938469317445497485196697278130927542", 0) == 0);
  // Coefficients that grow past the limit stop the computation at once.
  CHECK(answer("taylor(tan(x), x = a, 1000)") ==
        "error@1: a Taylor polynomial holds at most 10000000 digits in its coefficients; this one passes that at order 319 "
        "(the derivatives grow too large; try a lower order)");
  // Derivatives that blow up stop on the time limit (as on Ctrl-C), and the next line runs.
  auto r = ddx_test::run_ddx("--timeout 1", "taylor(x^x, x = 1, 40)\ntaylor(sin(x), x = 0, 4)\n");
  CHECK(r.err == "<stdin>:1:1: error: time limit exceeded (--timeout 1 s)\n");
  CHECK(r.out == "-x^3/6 + x\n");
}

TEST_CASE("property: Taylor coefficients are the derivatives at the point over k!") {
  INFO("seed " << base_seed);
  ddx::test::RandomExpr gen(base_seed);
  const ddx::Expr x = ddx::sym("x");
  int checked = 0, refused = 0, coefficients = 0;
  for (int i = 0; i < 300; ++i) {
    ddx::Expr f;
    if (!random_function(gen, f)) continue;
    int p = gen.pick(9) - 4, q = 1 + gen.pick(3);
    double a = static_cast<double>(p) / q;
    const int n = 5;
    std::string f_text = ddx::print::to_string(f, ddx::print::Format::Text);
    std::string input = "taylor(" + f_text + ", x = " + std::to_string(p) + "/" + std::to_string(q) + ", " + std::to_string(n) + ")";
    CAPTURE(input);
    ddx::Session s;
    auto out = s.eval_line(input);
    REQUIRE(out.size() == 1);
    if (out[0].kind != ddx::Outcome::Kind::Answer) {
      // Refused only where the function or one of its first derivatives has no real value.
      bool undefined = false;
      ddx::Expr g = f;
      for (int k = 0; k < n && !undefined; ++k) {
        if (k > 0) g = ddx::calc::diff(g, x);
        undefined = !std::isfinite(value_at(g, a));
      }
      CHECK_MESSAGE(undefined, out[0].message);
      ++refused;
      continue;
    }
    const auto* t = std::get_if<ddx::eval::TaylorPolynomial>(&out[0].result.shape);
    REQUIRE(t != nullptr);
    REQUIRE(t->coefficients.size() == static_cast<std::size_t>(n));
    bool all = true;
    ddx::Expr d = f;
    for (int k = 0; k < n; ++k) {
      if (k > 0) d = ddx::calc::diff(d, x);
      double want = value_at(d, a) / factorial(k);
      if (!std::isfinite(want) || std::fabs(want) > 1e8) {
        all = false;
        break;
      }
      // MPFR with digits to spare: an exact coefficient may cancel large terms (tanh(6561) at x = 3).
      double got = std::strtod(ddx::calc::evalf(t->coefficients[k], 40).c_str(), nullptr);
      CAPTURE(k);
      CHECK(std::fabs(got - want) <= 1e-9 * (1 + std::fabs(want)));
      ++coefficients;
    }
    // The printed polynomial reads back as the same value (ans).
    std::string printed = answer(s, input);
    CAPTURE(printed);
    auto back = s.eval_line(printed);
    REQUIRE(back.size() == 1);
    REQUIRE(back[0].kind == ddx::Outcome::Kind::Answer);
    CHECK(back[0].result.value.scalar == out[0].result.value.scalar);
    if (all) ++checked;
  }
  MESSAGE("checked " << checked << " polynomials (" << coefficients << " coefficients), refused " << refused);
  CHECK(checked >= 120);
  CHECK(coefficients >= 600);
}

TEST_CASE("property: the Taylor polynomial's error shrinks like h^N near the point") {
  INFO("seed " << base_seed + 1);
  ddx::test::RandomExpr gen(base_seed + 1);
  int checked = 0, caught = 0;
  for (int i = 0; i < 300; ++i) {
    ddx::Expr f;
    if (!random_function(gen, f)) continue;
    int p = gen.pick(9) - 4, q = 1 + gen.pick(3);
    double a = static_cast<double>(p) / q;
    int n = 2 + gen.pick(3);  // 2, 3 or 4
    std::string input = "taylor(" + ddx::print::to_string(f, ddx::print::Format::Text) + ", x = " + std::to_string(p) + "/" +
                        std::to_string(q) + ", " + std::to_string(n) + ")";
    CAPTURE(input);
    ddx::Session s;
    auto out = s.eval_line(input);
    REQUIRE(out.size() == 1);
    if (out[0].kind != ddx::Outcome::Kind::Answer) continue;
    ddx::Expr poly = out[0].result.value.scalar;
    // f(a + h) - P(a + h) = O(h^N): |R(h)|/h^N stays bounded as h shrinks. A wrong coefficient of
    // degree k < N would make it grow like h^(k - N), by 8^(N - k) over three halvings. The same
    // test on P with its degree N - 1 coefficient off by 1/10 shows that it would notice.
    const double h = 0.02;
    auto bounded = [&](ddx::Expr p_of_x, double& growth) {
      auto q = [&](double step) { return std::fabs(value_at(f, a + step) - value_at(p_of_x, a + step)) / std::pow(step, n); };
      double q1 = std::max(q(h), q(-h)), q2 = std::max(q(h / 2), q(-h / 2)), q4 = std::max(q(h / 8), q(-h / 8));
      double scale = 1 + std::fabs(value_at(f, a));
      double roundoff = 1e-12 * scale / std::pow(h / 8, n);
      growth = q4 / (std::max(q1, q2) + roundoff);
      return std::isfinite(q1) && std::isfinite(q2) && std::isfinite(q4) ? std::optional<bool>(q4 <= 2 * std::max(q1, q2) + roundoff)
                                                                          : std::nullopt;
    };
    double growth = 0, wrong_growth = 0;
    auto ok = bounded(poly, growth);
    if (!ok) continue;
    if (std::fabs(value_at(f, a + h) - value_at(poly, a + h)) > 0.1 * (1 + std::fabs(value_at(f, a)))) continue;  // h too big here
    CAPTURE(growth);
    CHECK(*ok);
    ddx::Expr off = poly + ddx::rational(1, 10) * ddx::pow(ddx::sym("x") - ddx::rational(p, q), ddx::Expr(n - 1));
    auto noticed = bounded(off, wrong_growth);
    if (noticed && !*noticed) ++caught;
    ++checked;
  }
  MESSAGE("checked " << checked << "; a coefficient off by 1/10 noticed " << caught << " times");
  CHECK(caught >= checked * 4 / 5);
  CHECK(checked >= 100);
}

// 0/0 with a limit: the series of the continuous extension, with a note saying the function has
// no value there (taylor(sin(x)/x, x = 0, N) was refused); so has x^2/x, which ddx simplifies to x
// as it reads it. A pole stays refused.
TEST_CASE("series: a quotient with a removable singularity has the series of its continuous extension") {
  const std::string note = "  # the function has no value at x = 0: the series of its continuous extension there";
  CHECK(answer("taylor(sin(x)/x, x = 0, 6)") == "x^4/120 - x^2/6 + 1" + note);
  CHECK(answer("series(sin(x)/x, x = 0, 6)") == "x^4/120 - x^2/6 + 1 + O(x^6)" + note);
  CHECK(answer("taylor(x/(e^x - 1), x = 0, 5)") == "-x^4/720 + x^2/12 - x/2 + 1" + note);
  CHECK(answer("taylor(sin(x)/x - cos(x), x = 0, 5)") == "-x^4/30 + x^2/3" + note);
  CHECK(answer("taylor(sin(b x)/x, x = 0, 4)") == "-b^3 x^2/6 + b" + note);
  CHECK(answer("taylor(sin(x - 1)/(x^2 - 1), x = 1, 3)") ==
        "(x - 1)^2/24 - (x - 1)/4 + 1/2  # the function has no value at x = 1: the series of its continuous extension there");
  CHECK(answer("taylor(cos(x)/x, x = 0, 3)") == "error@1: the function has no value at x = 0 (division by zero)");
  CHECK(answer("taylor(x^2/x, x = 0, 3)") == "x" + note);  // (simplified as it is read, still 0/0 as written)
  CHECK(answer("taylor(abs(x)/x, x = 0, 2)").starts_with("error@1: the function has no value at x = 0"));
  // Property: (g - its first m terms)/x^m has g's series shifted down by m, for analytic g.
  const std::vector<std::string> g = {"sin(x)", "cos(x)", "exp(x)", "log(1 + x)", "atan(x)", "sinh(2x)",
                                      "exp(sin(x))", "cos(x)^2", "1/(1 - x)", "sqrt(1 + x)"};
  for (const std::string& f : g)
    for (int m = 1; m <= 3; ++m) {
      const std::string head = "taylor(" + f + ", x = 0, " + std::to_string(m) + ")";
      const std::string power = "x^" + std::to_string(m);
      const std::string line = "taylor((" + f + " - " + head + ")/" + power + ", x = 0, 4) == expand((taylor(" + f +
                               ", x = 0, " + std::to_string(4 + m) + ") - " + head + ")/" + power + ")";
      CAPTURE(line);
      CHECK(answer(line) == "true");
    }
}

// A helper's check of the order term and of continuous extensions: O(x^N) was printed where the
// rest does not shrink like x^N (series(sqrt(x), x = 0, 1) was O(x), series(sign(x), x = 0, 1)
// O(x)); x sign(x)^2/x, which is 1 beside 0, had the "continuous extension" 0 there (sign(0)^2),
// and x sign(x)/x, a jump, had one too.
TEST_CASE("series: the order term needs the derivative of its order, and a corner or a jump is no continuous extension") {
  ddx::Session s;
  for (const char* refused : {"series(sign(x), x = 0, 1)", "series(sqrt(x), x = 0, 1)", "series(x^(4/3), x = 0, 2)",
                              "series(abs(x)^(3/2), x = 0, 2)", "series(acos(x), x = 1, 1)", "series(sqrt(1 + x), x = -1, 1)"}) {
    CAPTURE(refused);
    CHECK(ddx_test::answer(s, refused).find("the order term of series(") != std::string::npos);
  }
  CHECK(ddx_test::answer(s, "taylor(sqrt(x), x = 0, 1)") == "0");
  CHECK(ddx_test::answer(s, "series(sin(x), x = 0, 6)") == "x^5/120 - x^3/6 + x + O(x^6)");
  CHECK(ddx_test::answer(s, "series(sin(x)/x, x = 0, 4)") ==
        "-x^2/6 + 1 + O(x^4)  # the function has no value at x = 0: the series of its continuous extension there");
  for (const char* refused : {"taylor(x sign(x)^2/x, x = 0, 1)", "taylor(x sign(x)/x, x = 0, 1)", "taylor(sign(x) + x/x, x = 0, 1)",
                              "taylor(sign(x - 1) (x - 1)/(x - 1), x = 1, 1)"}) {
    CAPTURE(refused);
    CHECK(ddx_test::answer(s, refused).find("error@") == 0);
  }
}

// A centre written as a sum of decimals was worked out in doubles: taylor(abs(x - 0.3), x = 0.1 +
// 0.2, 2) was a line through 0.30000000000000004, where 3/10, as the decimals are written, is a
// corner (d/dx abs(x - 0.3) at x = 0.1 + 0.2 said so); taylor(sqrt(x - 0.3), x = 0.1 + 0.2, 1) was
// 7.45e-09 for 0 (a helper's check). The statement is read again with its decimals exact.
TEST_CASE("series: a centre written in decimals is the exact number it is written as") {
  ddx_test::check_in_turn({
      {"taylor(abs(x - 0.3), x = 0.1 + 0.2, 2)", "error: the derivative does not exist at x = 3/10 (a corner"},
      {"taylor(1/(x - 0.3), x = 0.1 + 0.2, 2)", "error: the function has no value at x = 3/10 (division by zero)"},
      {"taylor(abs(x - 0.9), x = 0.7 + 0.2, 2)", "error: the derivative does not exist at x = 9/10"},
      {"taylor(sqrt(x - 0.3), x = 0.1 + 0.2, 1)", "0"},
      {"ans", "0.0"},
      {"series(exp(x), x = 0.1 + 0.2, 2)", "1.3498588075760032 (x - 0.3) + 1.3498588075760032 + O((x - 0.3)^2)"},
      {"taylor(0.5 x^2, x = 1, 3)", "0.5 (x - 1)^2 + 1.0 (x - 1) + 0.5"},
      {"taylor(sin(x), x = 0.5, 2)", "0.8775825618903728 (x - 0.5) + 0.479425538604203"},
  });
}

// Inside a larger expression too: taylor(abs(x - 0.3), x = 0.1 + 0.2, 2) + 1 was x + 0.7 and
// taylor(sqrt(x - 0.3), x = 0.1 + 0.2, 1) + 1 was 1.0000000074505806 (a helper's finding).
TEST_CASE("series: a centre written in decimals is exact inside a larger expression") {
  ddx_test::check_in_turn({
      {"taylor(abs(x - 0.3), x = 0.1 + 0.2, 2) + 1", "error: the derivative does not exist at x = 3/10 (a corner"},
      {"2 taylor(abs(x - 0.9), x = 0.7 + 0.2, 3)", "error: the derivative does not exist at x = 9/10"},
      {"taylor(sqrt(x - 0.3), x = 0.1 + 0.2, 1) + 1", "1.0"},
      {"taylor(1/(x - 0.3), x = 0.1 + 0.2, 2) + 1", "error: division by zero"},
      {"taylor(abs(x - 0.3), x = 0.1 + 0.2, 1) + 1", "1.0"},
      {"taylor(exp(x), x = 0.5, 2) + 1", "1.6487212707001282x + 1.824360635350064"},
  });
}
