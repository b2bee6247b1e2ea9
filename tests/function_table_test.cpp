// SPDX-License-Identifier: GPL-3.0-or-later
// Every row of the function table is complete (docs/architecture.md, "How to add a function"),
// and its parts agree: the double and the MPFR evaluators give the same value, and each partial
// derivative matches a central difference of the evaluator.
#include <doctest/doctest.h>

#include <mpfr.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "calculus/eval.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "repl/help.hpp"

using namespace ddx;

namespace {

// A point inside every function's domain (acosh needs >= 1, atanh and asin |x| < 1).
std::vector<double> sample_point(const FunctionInfo& f) {
  if (f.name == "acosh") return {1.7};
  if (f.arity == 2) return {0.35, -0.6};
  return {0.45};
}

double precise_value(const FunctionInfo& f, const std::vector<double>& at) {
  mpfr_t out, a0, a1;
  mpfr_inits2(128, out, a0, a1, static_cast<mpfr_ptr>(nullptr));
  mpfr_set_d(a0, at[0], MPFR_RNDN);
  mpfr_set_d(a1, at.size() > 1 ? at[1] : 0.0, MPFR_RNDN);
  const mpfr_srcptr args[] = {a0, a1};
  f.precise(out, args);
  double v = mpfr_get_d(out, MPFR_RNDN);
  mpfr_clears(out, a0, a1, static_cast<mpfr_ptr>(nullptr));
  return v;
}

}  // namespace

TEST_CASE("function table: every row is complete and its parts agree") {
  int rows = 0;
  for (const FunctionInfo& f : builtin_function_table()) {
    CAPTURE(f.name);
    ++rows;
    CHECK(!f.name.empty());
    CHECK(f.arity >= 1);
    CHECK(!f.latex.empty());
    CHECK(!f.rule.empty());
    CHECK(!f.help.empty());
    REQUIRE(f.numeric);
    REQUIRE(static_cast<bool>(f.precise));
    REQUIRE(f.partials.size() == static_cast<std::size_t>(f.arity));
    std::vector<double> at = sample_point(f);
    double v = f.numeric(at);
    CHECK(std::abs(precise_value(f, at) - v) <= 1e-12 * (1 + std::abs(v)));
    // Each partial, evaluated through the expression evaluator, against a central difference.
    std::vector<Expr> args;
    std::unordered_map<std::string, double> point;
    for (std::size_t i = 0; i < at.size(); ++i) {
      std::string name = "a" + std::to_string(i);
      args.push_back(sym(name));
      point[name] = at[i];
    }
    for (std::size_t i = 0; i < at.size(); ++i) {
      double h = 1e-6;
      std::vector<double> up = at, down = at;
      up[i] += h;
      down[i] -= h;
      double slope = (f.numeric(up) - f.numeric(down)) / (2 * h);
      double partial = calc::evaluate(f.partials[i](args), point);
      CHECK(std::abs(partial - slope) <= 1e-5 * (1 + std::abs(slope)));
    }
  }
  CHECK(rows >= 25);
}

TEST_CASE("function table: help and the man page list every function with its help line") {
  std::string help = help_text("functions").value_or("");
  std::string man = man_page("@FUNCTIONS@");
  for (const FunctionInfo& f : builtin_function_table()) {
    CAPTURE(f.name);
    CHECK(help.find(f.name + "(") != std::string::npos);
    CHECK(help.find(f.help) != std::string::npos);
    CHECK(man.find("\\fB" + f.name + "\\fR") != std::string::npos);
  }
}

// Every exact value at a multiple k/d of π with a closed form (d = 1 .. 12, two turns either
// way) is the function's value there, and a pole is an error (tan(π/8) was the quotient of the
// sines, now sqrt(2) - 1; a table row with a slip would be a silent wrong answer).
TEST_CASE("function table: exact trigonometric values at multiples of pi are the values") {
  const std::pair<const char*, double (*)(double)> functions[] = {
      {"sin", [](double t) { return std::sin(t); }},       {"cos", [](double t) { return std::cos(t); }},
      {"tan", [](double t) { return std::tan(t); }},       {"cot", [](double t) { return 1 / std::tan(t); }},
      {"sec", [](double t) { return 1 / std::cos(t); }},   {"csc", [](double t) { return 1 / std::sin(t); }},
  };
  int folded = 0;
  for (long long d : {1, 2, 3, 4, 5, 6, 8, 10, 12})
    for (long long k = -2 * d; k <= 2 * d; ++k)
      for (const auto& [name, value] : functions) {
        Expr angle = num(Number::rational(k, d)) * pi_const();
        std::string at = std::string(name) + "(" + std::to_string(k) + "pi/" + std::to_string(d) + ")";
        CAPTURE(at);
        double expected = value(std::numbers::pi * static_cast<double>(k) / static_cast<double>(d));
        try {
          Expr v = call(name, {angle});
          CHECK_FALSE(v.is(Kind::Call));  // (folded: every denominator here has a closed form)
          ++folded;
          CHECK(calc::evaluate(v, {}) == doctest::Approx(expected).epsilon(1e-12));
          CHECK(std::fabs(expected) < 1e12);  // (not a pole)
        } catch (const MathError&) {
          CHECK(std::fabs(expected) > 1e12);  // a pole, where the double is huge
        }
      }
  CHECK(folded > 1000);
}
