// SPDX-License-Identifier: GPL-3.0-or-later
// implicit(F = G, dy/dx) and implicit(F = G, d^ny/dx^n): printed answers in every format, errors
// with their columns (each leaving the session as it was), dy/dx of an undefined y still refused
// everywhere but as implicit's argument, and properties over seeded random polynomial equations:
// the answer is -F_x/F_y, and at a point of the curve it matches the slope (and the second and
// third derivatives) of the curve itself, found by Newton's method beside the point.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "core/substitute.hpp"
#include "eval/compare.hpp"
#include "print/print.hpp"
#include "support/rows.hpp"
#include "support/session_helpers.hpp"

namespace {

using ddx_test::answer;

struct ImplicitRow {
  const char* input;
  const char* expected;  // "error@COL: message" for an error
};

// Each row in a fresh session that has a definition and an answer, which every row (and above all
// every error) must leave as they were.
void check_implicit_rows(const std::vector<ImplicitRow>& rows, ddx::print::Format format = ddx::print::Format::Text,
                const std::vector<std::string>& setup = {}) {
  for (const ImplicitRow& row : rows) {
    std::string input = row.input;
    CAPTURE(input);
    ddx::Session s;
    REQUIRE(answer(s, "a = t^2") == "");
    REQUIRE(answer(s, "t + 1") == "t + 1");
    for (const std::string& line : setup) REQUIRE(answer(s, line).find("error") == std::string::npos);
    s.set_format(format);
    CHECK(answer(s, row.input) == row.expected);
    s.set_format(ddx::print::Format::Text);
    if (std::string(row.expected).rfind("error@", 0) == 0) CHECK(answer(s, "ans") == "t + 1");
    CHECK(answer(s, "a") == "t^2");
  }
}

const std::uint64_t base_seed = std::getenv("DDX_SEED") ? std::strtoull(std::getenv("DDX_SEED"), nullptr, 10) : 20261205;

}  // namespace

TEST_CASE("implicit: examples in text") {
  check_implicit_rows({
      {"implicit(x^2 + y^2 = 1, dy/dx)", "-x/y"},
      {"implicit(x^2 + y^2 = 1, d^2y/dx^2)", "-(x^2 + y^2)/y^3"},
      {"implicit(x^2 + y^2 = 1, d^3y/dx^3)", "-3x (x^2 + y^2)/y^5"},
      {"implicit(x^2 + y^2 = 1, ∂y/∂x)", "-x/y"},
      {"implicit(x^2 + y^2 = 1, dx/dy)", "-y/x"},
      {"implicit(x^2 + y^2 = r^2, dy/dx)", "-x/y"},
      {"implicit(x y = 1, dy/dx)", "-y/x"},
      {"implicit(xy = 1, dy/dx)", "-y/x"},
      {"implicit(x y = 1, d^3y/dx^3)", "-6y/x^3"},
      {"implicit(y = x^2, dy/dx)", "2x"},
      {"implicit(y = x^2, d^2y/dx^2)", "2"},
      {"implicit(x = y^2, dy/dx)", "1/(2y)"},
      {"implicit(y^2 = x, d^2y/dx^2)", "-1/(4y^3)"},
      {"implicit(e^y = x, dy/dx)", "e^(-y)"},
      {"implicit(sin(x y) = x, dy/dx)", "1/(x cos(x y)) - y/x"},
      {"implicit(x^2 + x y + 2y^2 = 4, dy/dx)", "-(2x + y)/(x + 4y)"},
      {"implicit(x^2 + y^2 = 1, dy/dt)", "0"},
      // An ordinary value: at, arithmetic, ==.
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 3/5, y = 4/5", "-3/4"},
      {"implicit(x^2 + y^2 = 1, d^2y/dx^2) at x = 3/5, y = 4/5", "-125/64"},
      {"implicit(x^2 + y^2 = 1, d^2y/dx^2) at x = 3/5, y = -4/5", "125/64"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.6, y = 0.8", "-0.75"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 3/5", "-3/(5y)"},
      {"implicit(x^2 + y^2 = r^2, dy/dx) at x = 3, y = 4", "-3/4"},
      {"implicit(x^2 + x y + 2y^2 = 4, dy/dx) at x = 2, y = 0", "-2"},
      // High orders, checked against the power series of y solved term by term (SymPy).
      {"implicit(x^3 + y^3 = 6x y + 1, d^4y/dx^4) at x = 1, y = 0", "-9/2"},
      {"implicit(x^3 + y^3 = 6x y + 1, d^6y/dx^6) at x = 1, y = 0", "-675/4"},
      {"implicit(x^3 + y^3 = 6x y + 1, d^10y/dx^10) at x = 1, y = 0", "-13480425/8"},
      {"implicit(x^2 + y^2 = 1, dy/dx) + 1", "1 - x/y"},
      {"implicit(x^2 + y^2 = 1, dy/dx) == -x/y", "true"},
      {"[implicit(x^2 + y^2 = 1, dy/dx), 1]", "[-x/y, 1]"},
  });
  // A defined y or x is the name the equation speaks of (held, as for a derivative by it).
  check_implicit_rows({{"implicit(x^2 + y^2 = 1, dy/dx)", "-x/y"}, {"implicit(y = x^2, dy/dx)", "2x"}}, ddx::print::Format::Text,
             {"y = 3", "x = t"});
}

TEST_CASE("implicit: unicode, LaTeX and code") {
  using ddx::print::Format;
  check_implicit_rows({{"implicit(x^2 + y^2 = 1, d^2y/dx^2)", "−(x² + y²)/y³"}, {"implicit(x y = 1, dy/dx)", "−y/x"}}, Format::Unicode);
  check_implicit_rows({{"implicit(x^2 + y^2 = 1, dy/dx)", "-\\frac{x}{y}"},
              {"implicit(x^2 + y^2 = 1, d^2y/dx^2)", "-\\frac{x^{2} + y^{2}}{y^{3}}"}},
             Format::Latex);
  check_implicit_rows({{"implicit(x^2 + y^2 = 1, dy/dx)", "-x/y"}, {"implicit(x^2 + y^2 = 1, d^2y/dx^2)", "-(x^2 + y^2)/y^3"}},
             Format::Code);
}

TEST_CASE("implicit: bad input is a positioned error") {
  check_implicit_rows({
      {"implicit(x^2 + y^2, dy/dx)",
       "error@10: expected an equation F = G as the first argument, e.g. implicit(x^2 + y^2 = 1, dy/dx)"},
      {"implicit(x^2 + y^2 == 1, dy/dx)", "error@10: an equation is written with one '=': implicit(x^2 + y^2 = 1, dy/dx)"},
      {"implicit(x = 0 .. 1, dy/dx)",
       "error@10: expected an equation F = G as the first argument, e.g. implicit(x^2 + y^2 = 1, dy/dx)"},
      {"implicit([x, y] = 1, dy/dx)", "error@10: a vector cannot be used inside an expression here"},
      {"implicit(x^2 + y^2 = 1, x)", "error@25: expected the derivative as dy/dx or d^2y/dx^2 (one name by one variable)"},
      {"implicit(x^2 + y^2 = 1, d/dx y)",
       "error@25: expected the derivative as dy/dx or d^2y/dx^2 (one name by one variable)"},
      {"implicit(x^2 + y^2 = 1, dy/dy)", "error@25: expected the derivative as dy/dx or d^2y/dx^2 (one name by one variable)"},
      {"implicit(x^2 + y^2 = 1, ∂^2y/∂x∂z)", "error@25: implicit differentiates by one variable: dy/dx, not also by z"},
      {"implicit(x^2 + y^2 = 1, 2 dy/dx)",
       "error@28: 'y' is not defined; define it first (e.g. y = x^2) or differentiate an expression: d/dx EXPR"},
      {"implicit(x^2 + y^2 = 1, dy/dx(1))",
       "error@26: 'y' is not defined; define it first (e.g. y = x^2) or differentiate an expression: d/dx EXPR"},
      {"implicit(x^2 = 1, dy/dx)", "error@20: 'y' does not appear in the equation, so the equation does not define it"},
      {"implicit(x^2 = y^0, dy/dx)", "error@22: 'y' does not appear in the equation, so the equation does not define it"},
      {"implicit(sign(y) = x, dy/dx)",
       "error@1: the partial derivative of the left side minus the right side by y is 0, so the equation does not define y "
       "as a function of x"},
      {"implicit(x^2 + y^2 = 1, d^11y/dx^11)", "error@25: implicit differentiation goes up to order 10"},
      {"implicit(x^2 + y^2 = 1)", "error@1: usage: implicit(F = G, dy/dx) or implicit(F = G, d^2y/dx^2)"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 1, y = 1",
       "error@10: the point x = 1, y = 1 is not on the curve: the left side is 2 there and the right side 1"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.6, y = 0.9",
       "error@10: the point x = 0.6, y = 0.9 is not on the curve: the left side is 1.17 there and the right side 1"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 2", "error@10: the curve has no point with x = 2: no real y solves the equation there"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at y = -1.5",
       "error@10: the curve has no point with y = -1.5: no real x solves the equation there"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.6", "-0.6/y"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 1, y = 0",
       "error@1: dy/dx is not defined at x = 1, y = 0: the partial derivative of the left side minus the right side by y "
       "is 0 there (a vertical tangent or a singular point of the curve)"},
      {"implicit(x^2 + y^2 = 1, d^2y/dx^2) at x = -1, y = 0",
       "error@1: d^2y/dx^2 is not defined at x = -1, y = 0: the partial derivative of the left side minus the right side "
       "by y is 0 there (a vertical tangent or a singular point of the curve)"},
      {"implicit(x^3 = y^2, dy/dx) at x = 0, y = 0",
       "error@1: dy/dx is not defined at x = 0, y = 0: the partial derivative of the left side minus the right side by y "
       "is 0 there (a vertical tangent or a singular point of the curve)"},
      {"implicit(abs(x) + y = 1, dy/dx) at x = 0, y = 1",
       "error@1: the equation's partial derivatives, which dy/dx is made of, do not all exist: the derivative does not "
       "exist at x = 0, y = 1 (a corner: the slope is -1 from the left and 1 from the right)"},
      {"implicit(log(x) = y, dy/dx) at x = -1, y = 0", "error@10: the equation has no value at x = -1, y = 0 (log of a negative number is not real)"},
  });
  check_implicit_rows({{"implicit(f(x) + y^2 = 1, df/dt)",
               "error@27: 'f' is a function; implicit needs the name the equation defines, as in implicit(x^2 + y^2 = 1, dy/dx)"}},
             ddx::print::Format::Text, {"f(t) = t^2"});
}

TEST_CASE("implicit: dy/dx of an undefined y is kept only as a procedure's argument") {
  const std::string undefined =
      ": 'y' is not defined; define it first (e.g. y = x^2) or differentiate an expression: d/dx EXPR";
  check_implicit_rows({
      {"dy/dx", ("error@2" + undefined).c_str()},
      {"1 + dy/dx", ("error@6" + undefined).c_str()},
      {"diff(dy/dx, x)", ("error@7" + undefined).c_str()},
      {"diff(dy/dx)", ("error@7" + undefined).c_str()},
      {"steps diff(dy/dx, x)", ("error@13" + undefined).c_str()},
      {"grad(dy/dx)", ("error@7" + undefined).c_str()},
      {"tangent(dy/dx, x = 1)", ("error@10" + undefined).c_str()},
      {"table(dy/dx, x = 0 .. 1)", ("error@8" + undefined).c_str()},
      {"taylor(dy/dx, x = 0, 3)", ("error@9" + undefined).c_str()},
      {"[dy/dx]", ("error@3" + undefined).c_str()},
      {"implicit(x^2 + dy/dx = 1, dy/dx)", ("error@17" + undefined).c_str()},
      {"z = dy/dx", ("error@6" + undefined).c_str()},
  });
  // Defined, it is what it always was.
  check_implicit_rows({{"diff(dy/dx, x)", "2"}, {"dy/dx", "dy/dx = 2x"}}, ddx::print::Format::Text, {"y = x^2"});
}

namespace {

// A random polynomial in x and y of total degree at most 3 with small integer coefficients,
// through (x0, y0): P - P(x0, y0). Returned as text for ddx ("P = c") and as an expression.
struct Curve {
  ddx::Expr f;  // P - P(x0, y0)
  std::string equation;
};

Curve random_curve(std::mt19937_64& rng, ddx::Expr x0, ddx::Expr y0) {
  std::uniform_int_distribution<int> coefficient(-3, 3);
  ddx::Expr x = ddx::sym("x"), y = ddx::sym("y");
  std::vector<ddx::Expr> terms;
  for (int i = 0; i <= 3; ++i)
    for (int j = 0; i + j <= 3; ++j)
      if (i + j > 0 && rng() % 2) terms.push_back(ddx::Expr(coefficient(rng)) * ddx::pow(x, ddx::Expr(i)) * ddx::pow(y, ddx::Expr(j)));
  ddx::Expr p = ddx::add(terms);
  ddx::Expr c = ddx::substitute(p, {{x, x0}, {y, y0}});
  return {p - c, ddx::print::to_string(p, ddx::print::Format::Text) + " = " + ddx::print::to_string(c, ddx::print::Format::Text)};
}

double eval_xy(ddx::Expr e, double x, double y) { return ddx::calc::evaluate(e, {{"x", x}, {"y", y}}); }

// y with F(x, y) = 0 near `guess`, by Newton's method; NaN when it does not converge.
double solve_y(ddx::Expr f, ddx::Expr fy, double x, double guess) {
  double y = guess;
  for (int i = 0; i < 60; ++i) {
    double step = eval_xy(f, x, y) / eval_xy(fy, x, y);
    if (!std::isfinite(step)) return NAN;
    y -= step;
    if (std::fabs(step) <= 1e-16 * (1 + std::fabs(y))) return y;
  }
  return std::fabs(eval_xy(f, x, y)) < 1e-13 ? y : NAN;
}

}  // namespace

TEST_CASE("property: implicit agrees with -F_x/F_y and with the curve's own slope and curvature") {
  INFO("seed " << base_seed);
  std::mt19937_64 rng(base_seed);
  std::uniform_int_distribution<int> numerator(-6, 6), denominator(1, 3);
  const ddx::Expr x = ddx::sym("x"), y = ddx::sym("y");
  int symbolic = 0, numeric = 0, third = 0, off_curve = 0;
  for (int i = 0; i < 250; ++i) {
    int px = numerator(rng), qx = denominator(rng), py = numerator(rng), qy = denominator(rng);
    ddx::Expr x0 = ddx::rational(px, qx), y0 = ddx::rational(py, qy);
    Curve curve = random_curve(rng, x0, y0);
    if (!ddx::depends_on(curve.f, y)) continue;
    ddx::Expr fx = ddx::calc::diff(curve.f, x), fy = ddx::calc::diff(curve.f, y);
    std::string point = "x = " + std::to_string(px) + "/" + std::to_string(qx) + ", y = " + std::to_string(py) + "/" +
                        std::to_string(qy);
    CAPTURE(curve.equation);
    CAPTURE(point);
    ddx::Session s;
    auto general = s.eval_line("implicit(" + curve.equation + ", dy/dx)");
    REQUIRE(general.size() == 1);
    if (fy.is_zero()) {
      CHECK(general[0].kind == ddx::Outcome::Kind::Error);
      continue;
    }
    REQUIRE(general[0].kind == ddx::Outcome::Kind::Answer);
    ddx::eval::Comparison same = ddx::eval::compare_expressions(general[0].result.value.scalar, -fx / fy);
    CHECK(same.equal);
    CHECK(same.note.empty());  // decided symbolically
    ++symbolic;

    // At the point: refused where F_y is 0 there; else the curve's derivatives, by Newton beside it.
    double a = static_cast<double>(px) / qx, b = static_cast<double>(py) / qy;
    double slope_at = eval_xy(fy, a, b);
    bool vertical = ddx::substitute(fy, {{x, x0}, {y, y0}}).is_zero();  // exactly
    std::vector<double> values;  // d, d2, d3 at the point, as ddx gives them
    for (const char* order : {"dy/dx", "d^2y/dx^2", "d^3y/dx^3"}) {
      auto r = s.eval_line("implicit(" + curve.equation + ", " + order + ") at " + point);
      REQUIRE(r.size() == 1);
      if (vertical) {
        CHECK(r[0].kind == ddx::Outcome::Kind::Error);
        CHECK(r[0].message.find("is not defined at") != std::string::npos);
        continue;
      }
      REQUIRE(r[0].kind == ddx::Outcome::Kind::Answer);
      REQUIRE(r[0].result.value.scalar.is_number());  // exact: the point is rational
      values.push_back(r[0].result.value.scalar.number().to_double());
    }
    // Off the curve: refused.
    if (std::fabs(eval_xy(curve.f, a, b + 1)) > 1e-9) {
      std::string off = "x = " + std::to_string(px) + "/" + std::to_string(qx) + ", y = " + std::to_string(py) + "/" +
                        std::to_string(qy) + " + 1";
      std::string r = answer(s, "implicit(" + curve.equation + ", dy/dx) at " + off);
      CHECK(r.find("is not on the curve") != std::string::npos);
      ++off_curve;
    }
    // Where the curve is tame (no near-vertical tangent, moderate curvature), finite differences
    // of Newton's solutions beside the point are accurate enough to compare.
    if (std::fabs(slope_at) < 0.5 || values.size() != 3) continue;
    if (std::fabs(values[0]) > 10 || std::fabs(values[1]) > 100 || std::fabs(values[2]) > 1000) continue;
    auto y_at = [&](double step) { return solve_y(curve.f, fy, a + step, b); };
    double h = 1e-4;
    double ym = y_at(-h), yp = y_at(h);
    if (!std::isfinite(ym) || !std::isfinite(yp) || std::fabs(yp - b) > 0.01 || std::fabs(ym - b) > 0.01) continue;
    double d1 = (yp - ym) / (2 * h), d2 = (yp - 2 * b + ym) / (h * h);
    CHECK(std::fabs(d1 - values[0]) <= 1e-5 * (1 + std::fabs(values[0])));
    CHECK(std::fabs(d2 - values[1]) <= 1e-4 * (1 + std::fabs(values[1])));
    ++numeric;
    // The third derivative from a five-point stencil at H and H/2, extrapolated (Richardson):
    // its error goes from O(H^2) to O(H^4).
    auto third_difference = [&](double step) {
      double y2m = y_at(-2 * step), y1m = y_at(-step), y1p = y_at(step), y2p = y_at(2 * step);
      return (y2p - 2 * y1p + 2 * y1m - y2m) / (2 * step * step * step);
    };
    double H = 4e-3;
    double coarse = third_difference(H), fine = third_difference(H / 2);
    if (!std::isfinite(coarse) || !std::isfinite(fine)) continue;
    double d3 = (4 * fine - coarse) / 3;
    CHECK(std::fabs(d3 - values[2]) <= 1e-3 * (1 + std::fabs(values[2])));
    ++third;
  }
  MESSAGE("symbolic " << symbolic << ", numeric " << numeric << " (third order " << third << "), off the curve " << off_curve);
  CHECK(symbolic >= 200);
  CHECK(numeric >= 80);
  CHECK(third >= 60);
  CHECK(off_curve >= 100);
}

// A point written as a sum of decimals is the exact number it is written as, as it is for d/dx:
// implicit(y = abs(x - 0.3), dy/dx) at x = 0.1 + 0.2, y = 0 was 1, worked out at
// 0.30000000000000004 where 3/10 is a corner (a helper's finding).
TEST_CASE("implicit: a point written in decimals is exact") {
  ddx_test::check_in_turn({
      {"implicit(y = abs(x - 0.3), dy/dx) at x = 0.1 + 0.2, y = 0", "error: the equation's partial derivatives"},
      {"implicit(y = abs(x - 0.3), dy/dx) at x = 0.1 + 0.2, y = 0", "error: the derivative does not exist at x = 3/10, y = 0 (a corner"},
      {"implicit(y^2 = x - 0.3, dy/dx) at x = 0.1 + 0.2, y = 0", "error: dy/dx is not defined"},
      {"implicit(y = x^2 - 0.09, dy/dx) at x = 0.1 + 0.2, y = 0", "0.6000000000000001"},  // (as 2 (0.1 + 0.2) is)
      {"implicit(x y = 0.3, dy/dx) at x = 0.1 + 0.2, y = 1", "-3.333333333333333"},
  });
}
