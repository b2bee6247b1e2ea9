// SPDX-License-Identifier: GPL-3.0-or-later
// Formulas read as they are written on paper, and no silent wrong answers (docs/language.md:
// juxtaposition and powers, derivatives written as fractions, names, points, exact values, code).
// Each table row is a line typed into a fresh session: its exact printed answer, or an error whose
// message contains the given words.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/rows.hpp"
#include "support/run_ddx.hpp"

using ddx_test::answer;
using ddx_test::check_in_turn;
using ddx_test::check_rows;

TEST_CASE("trust: ^ binds tighter than juxtaposition, also inside letter runs and before brackets") {
  check_rows({
      {"d/dx ax^2", "2a x"},
      {"d/dx a x^2", "2a x"},
      {"d/dx xe^x", "x e^x + e^x"},
      {"d/dx x (x + 1)^3", "(x + 1)^3 + 3x (x + 1)^2"},
      {"d/dx x(x + 1)^3", "(x + 1)^3 + 3x (x + 1)^2"},
      {"a(b+c)^2 at a = 2, b = 1, c = 0", "2"},
      {"ax^2 == a x^2", "true"},
      {"xy^2", "x y^2"},
      {"abx^2", "a b x^2"},
      {"xe^x", "x e^x"},
      {"x(x+1)^2", "x (x + 1)^2"},
      {"e^x(x+1)^2", "e^x (x + 1)^2"},
      {"cc^3", "c^4"},
      {"2^3^2", "512"},
      {"x^x (log(x) + 1)", "x^x (log(x) + 1)"},
      {"-x^2", "-x^2"},
      {"1/2x", "x/2"},
      {"4xy", "4x y"},
      {"x3x4", "x3 x4"},
      {"1/ab", "error: ambiguous"},
      {"loss", "error: unknown name 'loss'"},
      {"abcd", "error: unknown name 'abcd'"},
      {"sinx", "error: did you mean 'sin x'"},
      {"xy(x+1)", "error: ambiguous"},
      {"xsin(x)", "error: did you mean 'x sin(...)'"},
      {"d/dx xlog(x)", "error: did you mean 'x log(...)'"},
  });
}

TEST_CASE("trust: derivatives written as fractions") {
  check_rows({
      {"d(x^2)/dx", "2x"},
      {"dx^2/dx", "2x"},
      {"d(sin(x))/dx", "cos(x)"},
      {"dsin(x)/dx", "cos(x)"},
      {"d(x + 1)/dx", "1"},
      {"d^2(x^3)/dx^2", "6x"},
      {"d^2x^3/dx^2", "6x"},
      {"df(x)/dx", "f'(x)"},
      {"∂(x^2 y)/∂x", "2x y"},
      {"∂^2(x^2 y^2)/∂x∂y", "4x y"},
      {"2d(x^2)/dx", "4x"},
      {"d(x^2)/dx + d(x^3)/dx", "3x^2 + 2x"},
      {"d(x^2)/dx at x = 3", "6"},
      {"dx/dx", "1"},
      {"d*x^2/(d*x)", "x"},
      {"dx^2/dx^2", "error: does not match"},
      {"dy/dx", "error: 'y' is not defined"},
  });
}

TEST_CASE("trust: at inside brackets, orders past the limit") {
  check_rows({
      {"(x^3 at x = 2) + 1", "9"},
      {"d/dx (x^3 at x = 2)", "0"},
      {"diff(x, x, 10**8)", "0"},
      {"diff(x^3, x, 10^6)", "0"},
      {"d^2000/dx^2000 x^3", "0"},
      {"d^2000/dx^2000 sin(x)", "error: beyond the limit of 1000"},
      {"diff(sin(x), x, 5000)", "error: beyond the limit of 1000"},
  });
}

TEST_CASE("trust: a defined function named bare means its body over its parameters") {
  check_rows({{"∂f/∂x", "6x^2 + 4y"}}, {"d/dx f(x)", "f(x, y) = 2x^3 + 4xy + 5y^2"});
  check_rows({{"∂f/∂x", "6x^2 + 4y"}}, {"d/dx f(x)", ":clear", "f(x, y) = 2x^3 + 4xy + 5y^2"});
  check_rows({{"grad(f)", "[2x y, x^2]"},
              {"total(f)", "df = 2x y dx + x^2 dy"},
              {"diff(f, x)", "2x y"},
              {"∂f/∂x", "2x y"},
              {"df/dy", "x^2"},
              {"∂f/∂x(1, 2)", "4"},
              {"hessian(f)", "[[2y, 2x], [2x, 0]]"}},
             {"f(x, y) = x^2 y"});
  check_rows({{"dh/dt", "cos(t)"}, {"h'(t)", "cos(t)"}, {"dh/dx", "error: h is a function of t"}},
             {"h(t) = sin(t)"});
  // Its parameters are its own, also where the session defines a name like one (x = t^2 made
  // grad(f) [4t^3 y, t^4] and total(f) df = 4t^3 y dt + t^4 dy, beside ∂f/∂x = 2x y).
  for (const std::vector<std::string>& setup : {std::vector<std::string>{"x = t^2", "f(x, y) = x^2 y"},
                                                 std::vector<std::string>{"f(x, y) = x^2 y", "x = t^2"}})
    check_rows({{"grad(f)", "[2x y, x^2]"},
                {"total(f)", "df = 2x y dx + x^2 dy"},
                {"hessian(f)", "[[2y, 2x], [2x, 0]]"},
                {"∂f/∂x", "2x y"},
                {"f(1, 2)", "2"}},
               setup);
}

TEST_CASE("trust: a derivative inside a definition differentiates the names' values") {
  check_rows({{"y", "2x"}, {"dy/dx", "dy/dx = 2"}}, {"u = x^2", "y = d/dx u"});
  check_rows({{"w", "2x"}}, {"u = x^2", "w = diff(u, x)"});
}

TEST_CASE("trust: a defined name among the variables is held independent") {
  std::vector<std::string> defs = {"y = u^3"};
  check_rows({{"grad(x^2 y + y^3, [x, y])", "[2x y, x^2 + 3y^2]"},
              {"∂/∂y (x^2 y)", "x^2"},
              {"d/dy y^2", "2y"},
              {"diff(x^2 y, y)", "x^2"},
              {"jacobian([x^2 y, y^3], [x, y])", "[[2x y, x^2], [0, 3y^2]]  # numerator layout"},
              {"hessian(x^2 y + y^3, [x, y])", "[[2y, 2x], [2x, 6y]]"},
              {"total(x^2 y, [x, y])", "df = 2x y dx + x^2 dy"},
              {"grad(x^2 y)", "[3u^2 x^2, 2u^3 x]"}},
             defs);
}

TEST_CASE("trust: names other systems use, aliases and ambiguous inverses") {
  check_rows({
      {"integrate(x^2, x)", "error: 'integrate' is not a ddx function"},
      {"derivative(x^2, x)", "error: 'derivative' is not a ddx function"},
      {"limit(sin(x)/x, x = 0)", "error: 'limit' is not a ddx function"},
      {"solve(x^2 = 1, x)", "error: 'solve' is not a ddx function"},
      {"int(x)", "error: 'int' is not a ddx function"},
      {"d/dx arcsin(x)", "1/sqrt(1 - x^2)"},
      {"d/dx arctan(x)", "1/(x^2 + 1)"},
      {"arcosh(1)", "0"},
      {"sin^-1(x)", "error: write asin(x) for the inverse function or 1/sin(x)"},
      {"sin^(-1)(x)", "error: ambiguous"},
      // A power after the bracket of sin^2(...): the call's or the argument's? (It was read as the argument's.)
      {"sin^2(x)^3", "error: 'sin^2(...)^3' is ambiguous"},
      {"-sin^2(x)^3", "error: ambiguous"},
      {"d/dx 2cos^2 (x + 1)^y", "error: ambiguous"},
      {"(sin^2(x))^3", "sin(x)^6"},
      {"sin^2((x)^3)", "sin(x^3)^2"},
      {"sin^2 x^3", "sin(x^3)^2"},
      // f(a)/f(b) for a function whose name starts with d is no derivative d(f(a))/d(f) (b)
      {"det(x)/det(y)", "error: 'det' is not supported yet"},
      {"df(x)/dx", "f'(x)"},
      {"prod(x_n, n = 1 .. N)", "error: not supported yet"},
      {"det(x)", "error: not supported yet"},
      {"det", "error: not supported yet"},
      {"backprop x5 at x1 = 3, x2 = 4", "error: 'x1' is not an input of the graph"},
      {"gradient_descent", "error: unknown name 'gradient_descent'"},
  });
  // The old message sent users to a definition for a `=` inside a call.
  CHECK(answer("f(x = 1)").find("NAME = EXPR") == std::string::npos);
}

TEST_CASE("trust: a derivative at a point exists only where the function is differentiable") {
  check_rows({
      {"d/dx abs(x) at x = 0", "error: a corner: the slope is -1 from the left and 1 from the right"},
      {"d/dx sign(x) at x = 0", "error: the function jumps there"},
      {"d/dx sign(x)^2 at x = 0", "error: it approaches 1 from both sides but has another value there"},
      {"tangent(abs(x), x = 0)", "error: does not exist at x = 0"},
      {"tangent(relu(x), x = 0)", "error: a corner"},
      {"d/dx max(x, 0) at x = 0", "error: a corner"},
      {"d/dx min(x, -x) at x = 0", "error: a corner"},
      {"d/dx abs(x^2) at x = 0", "0"},
      {"d/dx x abs(x) at x = 0", "0"},
      {"d/dx abs(x)^2 at x = 0", "0"},
      {"d/dx relu(x)^2 at x = 0", "0"},
      {"d^2/dx^2 abs(x)^3 at x = 0", "0"},
      {"d^2/dx^2 x abs(x) at x = 0", "error: a corner"},
      {"d/dx abs(x) at x = 1", "1"},
      {"d/dx sqrt(x) at x = 0", "error: division by zero"},
      {"2 d/dx abs(x) at x = 0", "error: a corner"},
      {"grad(abs(x) + y^2) at x = 0, y = 1", "error: a corner"},
      {"grad(x abs(x) + y^2) at x = 0, y = 1", "[0, 2]"},
      {"tangent(abs(x), x = 1)", "y = x"},
      {"tangent(x^2, x = 1)", "y = 2x - 1"},
  });
}

TEST_CASE("trust: at and == on vectors and matrices") {
  check_rows({
      {"grad(x^2 y) at x = 1, y = 2", "[4, 1]"},
      {"jacobian([x^2 y, 5x + sin(y)], [x, y]) at x = 1, y = 0", "[[0, 1], [5, 1]]  # numerator layout"},
      {"hessian(x^3 y, [x, y]) at x = 1, y = 2", "[[12, 3], [3, 0]]"},
      {"grad(x^2 + y^2) == [2x, 2y]", "true"},
      {"grad(x^2 + y^2) == [2x, y]", "false"},
      {"[x, y] == [x, y, 0]", "false"},
      {"[[1, 2], [3, 4]] == [[1, 2], [3, 4]]", "true"},
      {"[x^2, 1] at x = 3", "[9, 1]"},
  });
}

TEST_CASE("trust: exact trigonometric values at rational multiples of pi") {
  check_rows({
      {"cos(pi/6)", "sqrt(3)/2"},
      {"sin(pi/4)", "sqrt(2)/2"},
      {"tan(pi/6)", "sqrt(3)/3"},
      {"tan(pi/3)", "sqrt(3)"},
      {"cos(2pi/3)", "-1/2"},
      {"sin(-pi/4)", "-sqrt(2)/2"},
      {"sec(pi/3)", "2"},
      {"cot(pi/4)", "1"},
      {"sin(pi/5)", "sqrt(10 - 2 sqrt(5))/4"},
      {"sin(pi/8)", "sqrt(2 - sqrt(2))/2"},
      // tan, cot, sec and csc as simple as SymPy gives them, not quotients of the sines.
      {"tan(pi/8)", "sqrt(2) - 1"},
      {"tan(pi/12)", "2 - sqrt(3)"},
      {"tan(2pi/5)", "sqrt(2 sqrt(5) + 5)"},
      {"sec(pi/5)", "sqrt(5) - 1"},
      {"csc(pi/12)", "sqrt(2) + sqrt(6)"},
      {"cot(7pi/8)", "-sqrt(2) - 1"},
      {"atan(2 - sqrt(3))", "pi/12"},
      {"sin(7pi/6)", "-1/2"},
      {"sin(pi/7)", "sin(pi/7)"},
      {"d/dx tan(x) at x = pi/3", "4"},
      {"tan(pi/2)", "error: tan is undefined at pi/2"},
      {"csc(pi)", "error: csc is undefined at pi"},
  });
}

TEST_CASE("trust: answers as simple as the best peer: cancellation and factoring over Q") {
  check_rows({
      {"simplify((x^2 - 1)/(x - 1))", "x + 1"},
      {"simplify((x^2 - y^2)/(x - y))", "x + y"},
      {"simplify((x^3 - x)/(x^2 + x))", "x - 1"},
      {"factor(x^2 - 1)", "(x - 1) (x + 1)"},
      {"factor(x^2 - y^2)", "(x - y) (x + y)"},
      {"factor(3(2x^3 + 3x^2)^2 (6x^2 + 6x))", "18x^5 (2x + 3)^2 (x + 1)"},
      {"factor(x^4 + 1)", "x^4 + 1"},
      {"factor(0.5x^2 - 0.5)", "error: floating-point numbers are not factored"},
  });
}

TEST_CASE("trust: code output is one pasteable expression") {
  ddx::Session s;
  s.set_format(ddx::print::Format::Code);
  CHECK(answer(s, "jacobian([x^2 y, 5x + sin(y)], [x, y])") == "[[2*x*y, x^2], [5, cos(y)]]");
  CHECK(answer(s, "sin(x)^2 + cos(x)^2 == 1") == "true");
  CHECK(answer(s, "tangent(x^2, x = 1)") == "2*x - 1");
  CHECK(answer(s, "steps d/dx x^2") == "2*x");
  CHECK(answer(s, "y = u^3").empty());
  CHECK(answer(s, "u = 2x^3 + 3x^2").empty());
  CHECK(answer(s, "dy/dx") == "3*(2*x^3 + 3*x^2)^2*(6*x^2 + 6*x)");
}

TEST_CASE("trust: a constant outside a function's domain is refused as a number there is") {
  check_rows({
      {"log(-pi)", "error: log of a negative number (-3.14159...) is not real"},
      {"d/dx log(x) at x = -pi", "error: the derivative does not exist at x = -pi"},
      {"asin(pi)", "error: asin of 3.14159... is undefined: the argument must be between -1 and 1"},
      {"atanh(sqrt(3))", "error: atanh of 1.73205... is undefined"},
      {"d/dx acosh(x - 4) at x = sqrt(2)", "error: acosh of -2.58579... is undefined"},
      {"d/dx log(sin(x)) at x = 4", "error: log of a negative number (-0.756802...) is not real"},
      {"sqrt(3 - pi)", "error: an even root of a negative number (-0.141593...) is not real"},
      {"(1 - e)^(3/4)", "error: an even root of a negative number"},
      // Inside the domain, or too close to a bound to tell, a constant stays as it is.
      {"log(pi - 3)", "log(pi - 3)"},
      {"asin(sin(1)^2 + cos(1)^2)", "asin(cos(1)^2 + sin(1)^2)"},
      {"(-pi)^(1/3)", "(-pi)^(1/3)"},
      {"d/dx log(x) at x = pi", "1/pi"},
  });
}

TEST_CASE("trust: the same point written exactly and as a decimal is refused alike") {
  // For each function with a restricted domain and each constant point, the exact argument and
  // its decimal (15 digits) must be refused or answered together.
  const char* const functions[] = {"log", "sqrt", "asin", "acos", "acosh", "atanh"};
  struct Point {
    const char *exact, *decimal;
  };
  const Point points[] = {{"pi - 4", "-0.858407346410207"}, {"3 - pi", "-0.141592653589793"},
                          {"sqrt(2)/2", "0.707106781186548"},  {"sqrt(3)", "1.73205080756888"},
                          {"sin(4)", "-0.756802495307928"},   {"cos(1)", "0.540302305868140"},
                          {"e - 3", "-0.281718171540955"},    {"-e", "-2.71828182845905"},
                          {"1/pi", "0.318309886183791"},     {"pi/2", "1.57079632679490"}};
  for (const char* f : functions)
    for (const Point& p : points) {
      std::string exact = std::string(f) + "(" + p.exact + ")", decimal = std::string(f) + "(" + p.decimal + ")";
      CAPTURE(exact);
      bool exact_refused = answer(exact).starts_with("error"), decimal_refused = answer(decimal).starts_with("error");
      CHECK(exact_refused == decimal_refused);
    }
}

TEST_CASE("trust: an odd root of a negative number is real in decimals too") {
  check_rows({
      {"x^(1/3) at x = -8.0", "-2.0"},
      {"x^(1/3) at x = -8", "-2"},
      {"(-8.0)^(2/3)", "3.9999999999999996"},
      {"d/dx x^(5/3) at x = -1.5", "2.183951161840747"},
      {"approx((-3/2)^(2/3))", "1.31037069710445"},
      {"(-2.0)^(1/2)", "error: (-2.0)^(1/2) is not a real number"},
      {"(-8.0)^0.5", "error: (-8.0)^(0.5) is not a real number"},
  });
}

TEST_CASE("trust: an answer that involves a decimal is a decimal, constants included") {
  check_rows({
      {"2.0*pi", "6.283185307179586"},
      {"sqrt(2) + 0.5", "1.9142135623730951"},
      {"log_2(0.001)", "-9.965784284662087"},  // it was -6.907755278982137/log(2)
      {"e^2.0", "7.38905609893065"},
      {"2.0^pi", "8.824977827076287"},
      {"0.5 log(2) + x", "x + 0.34657359027997264"},
      {"d/dx log_2(x) at x = 0.5", "2.8853900817779268"},
      // exact stays exact
      {"2 pi", "2 pi"},
      {"log_2(1/1000)", "log(1/1000)/log(2)"},
  });
}

TEST_CASE("trust: a value at a point where the expression as written has none is refused, however it simplifies") {
  // x/x is 1, log(x) - log(x) is 0, sqrt(x)^2 is x: identities that hold where the parts they
  // cancel have a value. At a point where such a part has none, neither has the expression.
  check_rows({
      {"x/x at x = 0", "error: division by zero in the expression as written"},
      {"x/x at x = 2", "1"},
      {"x^2/x at x = 0", "error: division by zero"},
      {"0/x at x = 0", "error: division by zero"},
      {"0 log(x) at x = -1", "error: log of a negative number"},
      {"0 log(x) at x = 1", "0"},
      {"log(x) - log(x) at x = -1", "error: log of a negative number"},
      {"log(x) - log(x) + y at x = 2", "y"},
      {"sqrt(x)^2 at x = -4", "error: (-4)^(1/2) is not a real number"},
      {"sqrt(x)^2 at x = 4", "4"},
      {"(x^(1/4))^4 at x = -1", "error: not a real number"},
      {"sqrt(x)/sqrt(x) at x = 0", "error: division by zero"},
      {"sqrt(x) sqrt(x) at x = -1", "error: not a real number"},
      {"exp(log(x)) at x = -1", "error: log of a negative number"},
      {"exp(log(x)) at x = 3", "3"},
      {"(1/x)^0 at x = 0", "error: division by zero"},
      {"(y sqrt(x))^2 at x = -1, y = 1", "error: not a real number"},
      // Derivatives: the function must have a value there first.
      {"d/dx x/x at x = 0", "error: division by zero"},
      {"d/dx log(x) - log(x) at x = -1", "error: log of a negative number"},
      {"d/dx log(x) - log(x) at x = 1", "0"},
      {"grad(x/x + y) at x = 0, y = 1", "error: division by zero"},
      {"grad(x/x + y, [x, y]) at x = 1, y = 1", "[0, 1]"},
      // Only what the point's own expression lost: the other bracket is at another point.
      {"(x/x at x = 1) + (y at x = 0)", "y + 1"},
      // Nothing cancelled, nothing refused: the spec's differentiable points stay answered.
      {"d/dx abs(x)^2 at x = 0", "0"},
      {"d/dx x abs(x) at x = 0", "0"},
      {"d/dx x^2 at x = 0", "0"},
      {"x - x at x = 3", "0"},
  });
}

TEST_CASE("trust: a definition keeps what its body lost as it was read") {
  check_rows({
      {"f at x = 0", "error: division by zero in the expression as written"},
      {"f at x = 2", "1"},
      {"f + y at x = 0, y = 1", "error: division by zero"},
      {"h at x = 1", "error: division by zero"},
      {"h at x = 2", "1"},
      {"df/dx at x = 0", "error: division by zero"},
      {"g(0)", "error: division by zero"},
      {"g(2)", "1"},
      {"g(z) at z = 0", "error: division by zero"},
      {"g at x = 0", "error: division by zero"},
      {"k(-4)", "error: (-4)^(1/2) is not a real number"},
      {"k(4)", "4"},
      {"k(z)", "z"},
  }, {"f = x/x", "u = x - 1", "h = u/u", "g(x) = x/x", "k(t) = sqrt(t)^2"});
  // The body's names mean what they mean at the point: u redefined, h follows.
  ddx::Session s;
  for (const char* line : {"u = x - 1", "h = u/u", "u = x + 1"}) REQUIRE(answer(s, line).find("error") == std::string::npos);
  CHECK(answer(s, "h at x = 1") == "1");
  CHECK(answer(s, "h at x = -1").find("division by zero") != std::string::npos);
}

TEST_CASE("trust: table, plot and tangent go by the expression as written") {
  check_rows({
      {"tangent(x/x, x = 0)", "error: the function has no value at x = 0 (division by zero in the expression as written)"},
      {"tangent(x/x, x = 1)", "y = 1"},
      {"tangent(sqrt(x)^2, x = -1)", "error: the function has no value at x = -1"},
      {"table(y/y + x, x = 0 .. 1)", "error: y has no value"},
      // A variable the call binds is its own: the at's point does not reach it.
      {"sum(k/k, k = 1 .. 3) at k = 0", "3"},
      {"sum(x/x, k = 1 .. 3) at x = 0", "error: division by zero in the expression as written"},
      {"sum(k/(k y), k = 1 .. 3) at y = 0", "error: division by zero"},
  });
  ddx::Session s;
  std::string table = answer(s, "table(x/x, x = -1 .. 1 step 0.5)");
  CAPTURE(table);
  CHECK(table.find("   0  undefined") != std::string::npos);
  CHECK(table.find("-0.5          1") != std::string::npos);
  REQUIRE(answer(s, "f = sqrt(x)^2").find("error") == std::string::npos);
  table = answer(s, "table(f, x = -1 .. 1 step 1)");
  CHECK(table.find("-1  undefined") != std::string::npos);
  CHECK(table.find(" 1          1") != std::string::npos);
}

TEST_CASE("trust: a negative constant to a power that is no integer is refused") {
  check_rows({
      {"(-2)^pi", "error: a negative base (-2) to a power that is no integer (3.14159) is not real"},
      {"(1 - pi)^e", "error: is not real"},
      {"(-x)^e at x = 1/2", "error: is not real"},
      {"x^cos(2) at x = -1", "error: is not real"},
      {"(-x)^e at x = -1/2", "(1/2)^e"},
      {"2^pi", "2^pi"},
      // An exponent that is an integer ddx cannot fold is left, not refused.
      {"(-2)^(log(8)/log(2))", "(-2)^(log(8)/log(2))"},
      // A decimal power of a negative constant: (-pi)^2.5 was left standing, d/dx x (-pi)^2.5
      // answered it, and d/dx (-(2x)/(pi x))^1.5 was 0 (a helper's hunt of read-back answers).
      {"(-pi)^2.5", "error: a negative base (-3.14159) to a power that is no integer (2.5) is not real"},
      {"d/dx x (-pi)^2.5", "error: is not real"},
      {"d/dx (-(2x)/(pi x))^1.5", "error: is not real"},
      {"(-2/pi)^(-0.5)", "error: is not real"},
      {"(1 - pi)^1.5", "error: is not real"},
      {"(-pi)^2.0", "9.869604401089358"},
      {"(-pi)^3.0", "-31.00627668029982"},
  });
}

// A decimal coefficient took a constant factor in a product (2.0 pi x is 6.283185307179586x) but
// not when it reached a sum's terms: e^((pi x + x^2)/0.5) was e^(2.0x^2 + 2.0 pi x), which read
// back as 6.28...x (a helper's hunt of read-back answers).
TEST_CASE("trust: a decimal coefficient takes a constant factor in a sum's terms too") {
  check_rows({
      {"e^((pi x + x^2)/0.5)", "e^(2.0x^2 + 6.283185307179586x)"},
      {"d/dx e^((pi x + x^2)/0.5)", "2.0e^(2.0x^2 + 6.283185307179586x) (2x + pi)"},
      {"sin(2.0 (pi x + 1))", "sin(6.283185307179586x + 2.0)"},
      {"e^(2.0 (pi x y + pi))", "e^(6.283185307179586x y + 6.283185307179586)"},
      {"e^(2.0 pi x + 3 pi x)", "e^(15.707963267948966x)"},
      // a root of a number stays beside its coefficient, as in a product
      {"e^(0.5 (sqrt(2) x + y))", "e^(0.5y + 0.5 sqrt(2) x)"},
  });
  for (const char* answer_text : {"e^(2.0x^2 + 6.283185307179586x)", "2.0e^(2.0x^2 + 6.283185307179586x) (2x + pi)"})
    CHECK(ddx_test::answer(answer_text) == answer_text);  // it reads back as itself
}

// `ans` is the previous statement as written: what simplification took out of it goes with it.
TEST_CASE("trust: ans keeps what its statement lost as it was read") {
  check_in_turn({{"x/x", "1"},
                 {"ans at x = 0", "error: division by zero in the expression as written"},
                 {"ans at x = 2", "1"},  // the failed statement changed nothing
                 {"ans at x = 0", "1"}});  // ans is now a value at a point: 1, lost nothing
  check_in_turn({{"x/x", "1"},
                 {"ans + y", "y + 1"},  // a statement that uses ans keeps its parts
                 {"ans at x = 0, y = 1", "error: division by zero"},
                 {"ans at x = 3, y = 1", "2"}});
  check_in_turn({{"sqrt(x)^2", "x"}, {"ans at x = -4", "error: is not a real number"}, {"ans at x = 4", "4"}});
  check_in_turn({{"d/dx x^2/x", "1"}, {"ans at x = 0", "error: division by zero"}, {"ans at x = 1", "1"}});
  // Nothing lost, nothing kept: a value everywhere.
  check_in_turn({{"x^2 + 1", "x^2 + 1"}, {"ans at x = 0", "1"}, {"e^x", "e^x"}, {"ans at x = 0", "1"}});
  // A definition's parts reach ans through the name.
  check_in_turn({{"f = x/x", ""}, {"f + 1", "2"}, {"ans at x = 0", "error: division by zero"}});
}

// `==` says true or false only when it has shown it: an equality it can neither prove (A - B
// simplifies to 0, or agrees at random points) nor refute (a point where the sides differ, or
// where only one has a value) is refused, not answered `false`.
TEST_CASE("trust: == that cannot be decided is refused, not answered false") {
  check_rows({
      {"sin(2x) == 2 sin(x) cos(x)", "true  # checked numerically at 24 random points"},
      {"x == x + 1", "false"},
      {"log(x^2) == 2 log(x)", "false  # only one side is defined at x = -0.558"},
      // Equal, but no value of either side is a finite double at any point.
      {"sin(10^30000) == sin(10^30000 + 2 pi)", "error: cannot decide whether the two sides are equal"},
      {"exp(exp(exp(x^2 + 9))) == exp(exp(exp(x^2 + 9))) + 0*x", "true"},
      // Sums with symbolic bounds have no values to compare.
      {"sum(x_n, n = 1 .. N) == sum(x_n, n = 1 .. M)", "error: cannot decide whether the two sides are equal"},
      // An entry that differs decides a vector, whatever another entry leaves open.
      {"[sin(10^1000), x] == [sin(10^1000 + 2 pi), x + 1]", "false"},
      {"[sin(10^30000), x] == [sin(10^30000 + 2 pi), x]", "error: cannot decide whether the two sides are equal"},
  });
}

// "Check my answer" with functions left abstract: an identity in f holds for every f, so a sample
// function for which the sides differ refutes it (a sine plus a line, which takes both signs), and
// agreement for three samples at random points is taken for equality, with a note saying so.
TEST_CASE("trust: == with abstract functions compares them with sample functions in their place") {
  check_rows({
      {"d/dx f(x)^2 == 2 f(x) df(x)/dx", "true"},
      {"d/dx f(x)^2 == f(x) df(x)/dx", "false  # they differ with sample functions in place of f"},
      {"d/dx f(g(x)) == f'(g(x))", "false  # they differ with sample functions in place of f, g"},
      {"d/dx f(g(x)) == f'(g(x)) g'(x)", "true"},
      {"[x, f(x)] == [x, g(x)]", "false  # they differ with sample functions in place of f, g"},
      {"sin(2 f(x)) == 2 sin(f(x)) cos(f(x))",
       "true  # checked numerically at 24 random points with sample functions in place of f"},
      // Equal only where f > 0: the samples take both signs.
      {"log(f(x)^2) == 2 log(f(x))", "false  # only one side is defined at x = -1.06 with sample functions in place of f"},
      {"sqrt(f(x)^2) == f(x)", "false  # they differ with sample functions in place of f"},
      {"log(f(x) g(x)) == log(f(x)) + log(g(x))",
       "false  # only one side is defined at x = -1.06 with sample functions in place of f, g"},
  });
  // (:clear first: what an earlier f(x) taught of f's parameter names is the process's.)
  check_rows({{"d/dx f(x^2, y) == 2x ∂f/∂x2(x^2, y)", "false  # they differ with sample functions in place of f"},
              {"d/dx f(x^2, y) == 2x ∂f/∂x1(x^2, y)", "true"}},
             {":clear"});
}

// A table or plot is no value (its value is 0, for ans): at a point it is refused, not printed as 0.
TEST_CASE("trust: table and plot refuse what they cannot show: a point, a step that is no step, too many rows") {
  check_rows({
      {"table(x^2, x = 0 .. 1) at y = 1", "error: table computes its values itself and cannot be taken at a point"},
      {"plot(x^2, x = 0 .. 1) at y = 1", "error: plot computes its values itself and cannot be taken at a point"},
      {"table((x^2 y at y = 2), x = 0 .. 1 step 0.5)", "  x  2x^2\n  0     0\n0.5   0.5\n  1     2"},
      {"table(x, x = 0 .. 1 step 0)", "error: the step must be a positive number"},
      {"table(x, x = 0 .. 1 step -0.5)", "error: the step must be a positive number"},
      {"table(x, x = 0 .. 100000 step 1)", "error: a table has at most 100000 rows"},
      {"table(x, x = 0 .. 1 step 0.000001)", "error: a table has at most 100000 rows"},
  });
  // The largest table allowed is printed whole (the procedure and the printer count rows alike).
  ddx::Session s;
  std::string largest = answer(s, "table(x, x = 0 .. 99999 step 1)");
  CHECK(std::count(largest.begin(), largest.end(), '\n') == 100000);  // the header and 100,000 rows
  CHECK(largest.substr(largest.size() - 12) == "99999  99999");
}

// approx's decimals reach far beyond a double's range; such a decimal is shown, its value (ans)
// is the exact number, and it is not used where decimals are doubles. 10^400 was refused as a
// floating-point overflow and 10^-400 printed as 1.0e-400 with the value 0 behind it.
TEST_CASE("trust: approx beyond a double's range shows the decimal and keeps the exact value") {
  check_in_turn({{"approx(10^400)", "1.0e400"},
                 {"ans == 10^400", "true"},
                 {"approx(1/10^400)", "1.0e-400"},
                 {"ans * 10^400", "1"},
                 {"approx(-2^2000, 5)", "-1.1481e602"},
                 {"approx(2^2000) * 2", "error: cannot be used inside an expression"},
                 {"approx(1/10^300) * 10^300", "0.9999999999999999"}});
}

// Doubles agree to about 1e-9: a difference smaller than that is still a difference. An exact
// number left over is unequal at once; exact sides that agree in doubles are compared once more
// to 30 digits at a rational point. Decimals are as exact as doubles, and compared as such.
TEST_CASE("trust: == tells apart sides that differ by less than doubles can see") {
  check_rows({
      {"10^-10 == 0", "false"},
      {"x == x + 10^-10", "false"},
      {"d/dx x^2 == 2x + 10^-10", "false"},
      {"sin(2x) == 2 sin(x) cos(x) + 10^-9", "false  # they differ by about -1.0e-9 at x = 2.16"},
      {"10^12 sin(2x) == 2*10^12 sin(x) cos(x) + 1", "false  # they differ by about -1.0 at x = 2.16"},
      {"d/dx f(g(x)) == f'(g(x)) g'(x) + 10^-12", "false"},
      {"sin(2x) == 2 sin(x) cos(x)", "true  # checked numerically at 24 random points"},
      {"tan(x) == sin(x)/cos(x)", "true  # checked numerically at 24 random points"},
      // Decimals are the exact numbers they are written as, in == as in every answer.
      {"0.1 + 0.2 == 0.3", "true"},
      {"0.1 + 0.2 == 0.30000000000000004", "false"},
      {"pi == 3.141592653589793", "false  # they differ by about 2.38e-16"},
      {"x + 1 == x + 1.0000000001", "false"},
      {"sin(x) == sin(x + 2*3.141592653589793)", "false  # they differ by about -2.63e-16 at x = 2.16"},
      {"[0.1 + 0.2, x] == [0.3, x]", "true"},
  });
}

// Constants and values at a point were compared to 30 digits with a margin for their rounding, so
// Ramanujan's exp(pi sqrt(163)), 7.5e-13 short of 640320^3 + 744 (2.6e17), was equal to it, and
// 10^2000 log(1 + 10^-2000) == 1 was false for a wrong reason (only one side defined). Now the
// difference's enclosure decides: a difference it proves, or equality to so many digits.
// And sides whose doubles differ by rounding alone were unequal: 10^20 (tan(x)^2 + 1 - sec(x)^2)
// == 0 was false; an exact difference is now proved at a point beside before it is reported.
TEST_CASE("trust: == proves a difference between constants however small beside them") {
  check_rows({
      {"exp(pi*sqrt(163)) == 640320^3 + 744", "false  # they differ by about -7.5e-13"},
      {"x + exp(pi*sqrt(163)) == x + 640320^3 + 744", "false  # they differ by about -7.5e-13"},
      {"sin(x) + exp(pi*sqrt(163)) == sin(x) + 640320^3 + 744 + 10^-40 x", "false  # they differ by about -7.5e-13 at x = 2.16"},
      {"10^2000 log(1 + 10^-2000) == 1", "false  # they differ by about -5.0e-2001"},
      {"atan(1/2) + atan(1/3) == pi/4", "true  # checked numerically: equal to 19728 digits"},
      {"sin(10^100) == sin(10^100 + 2 pi)", "true  # checked numerically: equal to 19728 digits"},
      {"pi == 355/113", "false  # they differ by about -0.000000267"},
      {"10^20 (tan(x)^2 + 1 - sec(x)^2) == 0", "true  # checked numerically at 24 random points"},
      {"10^20 (tan(x)^2 + 1 - sec(x)^2) == 1", "false"},
      {"tan(x)^2 + 1 == sec(x)^2 + 10^-30", "false  # they differ by about -1.0e-30 at x = 2.16"},
  });
}

// A value below MPFR's range (about 10^-323228496) has an enclosure holding 0 at every precision,
// as an exact 0 written so that ddx cannot fold it has: such a comparison is refused, where it
// was "equal to 19728 digits" (and x exp(-10^10) == 0 agreed in doubles at every point).
TEST_CASE("trust: == refuses a difference too small to tell from 0") {
  check_rows({
      {"exp(-10^10) == 0", "error: cannot decide whether the two sides are equal: a part of their difference is past the range"},
      {"exp(-1e10) == 0", "error: past the range of ddx's approximations"},
      {"exp(-10^10) == exp(-2*10^10)", "error: past the range of ddx's approximations"},
      {"1 + exp(-10^10) == 1", "error: past the range of ddx's approximations"},
      {"x exp(-10^10) == 0", "error: past the range of ddx's approximations"},
      {"exp(-10^10 (x^2 + 1)) == 0", "error: past the range of ddx's approximations"},
      {"approx(exp(-10^10))", "error: past the range of ddx's approximations"},
      // Within the range, the difference is proved.
      {"exp(-10^8) == 0", "false  # they differ by about 6.45e-43429449"},
      {"x exp(-10^8) == 0", "false  # they differ by about 1.39e-43429448 at x = 2.16"},
      {"f(x) exp(-10^10) == 0", "error: cannot decide whether the two sides are equal"},
      // A 0 past no range is still told apart or found equal.
      {"sin(10^30000) == sin(10^30000 + 2 pi)", "error: too few of their values at random points are finite numbers"},
  });
}

// Answers that no reading with the decimals exact checks (procedures, vectors of them) took a
// double's 0.0 for a value below its range: expand((1e-200 x + 1)^2) dropped its x^2 term (and
// was 3.0 at x = 1e200, for 4), grad(exp(-1000.0) x y) was [], tangent(1e-200 x^2 * 1e-200,
// x = 1) y = 0.0. They are refused; a statement read again keeps the value it has.
TEST_CASE("trust: an underflow of doubles in an answer no exact reading checks is refused") {
  check_rows({
      {"expand((1e-200 x + 1)^2)", "error: 1e-200 ^ 2 is about 1e-400, below the range of a double"},
      {"expand((1e-200 x)^2)", "error: below the range of a double"},
      {"simplify(1e-200*1e-200)", "error: below the range of a double"},
      {"simplify(exp(-1000.0))", "error: the value is about 5.07596e-435, below the range of a double"},
      {"grad(1e-200*x*1e-200*y, [x, y])", "error: below the range of a double"},
      {"grad(1e-200*x*1e-200*y)", "error: below the range of a double"},
      {"grad(exp(-1000.0) x y)", "error: below the range of a double"},
      {"hessian(1e-200*x^2*y*1e-200)", "error: below the range of a double"},
      {"jacobian([1e-200*x*1e-200*y, x], [x, y])", "error: below the range of a double"},
      {"tangent(1e-200 x^2 * 1e-200, x = 1)", "error: below the range of a double"},
      {"taylor(exp(1e-200*1e-200*x), x = 0, 2)", "error: below the range of a double"},
      {"sigmoid(-800.0) x", "error: below the range of a double"},
      // Read again with the decimals exact, a statement keeps its value.
      {"exp(-1000.0) + 1", "1.0"},
      {"1e-200*1e-200 + 1", "1.0"},
      {"[1e-200*1e-200 + 1, 2]", "[1.0, 2]"},
      {"x*1e-200*1e-200 at x = 1e200", "1e-200"},
      {"log(1 + exp(-30.0))", "9.357622968839737e-14"},
      {"sigmoid(800.0)", "1.0"},
      {"sin(0.0)", "0.0"},
      // A value only compared or asked whether it exists (the function's own at the point of its
      // derivative, a requirement's) is none of the answer's (a helper's regression hunt: these
      // were refused for x y's 1e-400).
      {"hessian(x y, [x, y]) at x = 1e-200, y = 1e-200", "[[0, 1], [1, 0]]"},
      {"hessian(x^3, [x]) at x = 1e-200", "[[6e-200]]"},
      {"grad(x^4) at x = 1e-100", "[4e-300]"},
      {"grad(x^3 y^3) at x = 1e-55, y = 1e-55", "[3e-275, 3e-275]"},
      {"d^2/dx^2 x^3 at x = 1e-200", "6e-200"},
  });
}

// grad, jacobian and hessian at a point of decimals worked in doubles alone, where d/dx at the
// same point reads the decimals exactly (a helper's regression hunt): the point 0.1 + 0.2 missed
// the pole, edge or corner at 0.3 (grad(1/(x - 0.3)) at x = 0.1 + 0.2 was [-3.2e32]).
TEST_CASE("trust: grad, jacobian and hessian at a point read its decimals as written") {
  check_rows({
      {"grad(1/(x - 0.3)) at x = 0.1 + 0.2", "error: division by zero"},
      {"grad(log(x - 0.3) + y) at x = 0.1 + 0.2, y = 1", "error: division by zero"},
      {"grad(abs(x - 0.3) y) at x = 0.1 + 0.2, y = 1", "error: the derivative does not exist at x = 3/10, y = 1 (a corner"},
      {"grad(max(x, y)) at x = 0.3, y = 0.1 + 0.2", "error: the derivative does not exist"},
      {"hessian(abs(x - 0.3) y^2, [x, y]) at x = 0.1 + 0.2, y = 1", "error: the first derivative does not exist"},
      {"jacobian([abs(x - 0.3) y], [x, y]) at x = 0.1 + 0.2, y = 1", "error: the derivative does not exist"},
      {"grad(x^2 y) at x = 0.5, y = 1.5", "[1.5, 0.25]"},
      {"hessian(x^2 y) at x = 0.1, y = 0.2", "[[0.4, 0.2], [0.2, 0]]"},
  });
}

// Where the doubles divide by a 0 that the decimals as written are not (1 - cos(1e-8) is 0.0 in
// doubles), d/dx answers from the exact reading, and grad said "the derivative does not exist at
// x = 1e-08": a vector answer is read so too, entry by entry.
TEST_CASE("trust: grad, jacobian and hessian that fail in doubles are answered with their decimals exact") {
  check_rows({
      {"d/dx 1/(1 - cos(x)) at x = 1e-8", "-4e+24"},
      {"grad(1/(1 - cos(x))) at x = 1e-8", "[-4e+24]"},
      {"grad(x/(1 - cos(y))) at x = 2, y = 1e-8", "[2e+16, -8e+24]"},
      {"jacobian([1/(1 - cos(x)), x]) at x = 1e-8", "[[-4e+24], [1.0]]  # numerator layout"},
      {"grad(1/(x - 0.3)) at x = 0.1 + 0.2", "error: division by zero"},
  });
}

// == took an enclosure that never settled whether a step has a value (past MPFR's range) for
// one holding 0: exp(10^10)/10^100 == 0 was "true  # checked numerically: equal to 19728 digits".
// And a point past the range decides nothing, where another may: exp(x 10^10) == exp(x 10^10)
// (1 + 10^-100) is false at x = 0.
TEST_CASE("trust: == past MPFR's range is undecided, unless a point within it decides") {
  check_rows({
      {"exp(10^10)/10^100 == 0", "error: cannot decide whether the two sides are equal: ddx cannot approximate their difference"},
      {"exp(10^10) == exp(10^10) (1 + 10^-10)", "error: cannot decide whether the two sides are equal"},
      {"exp(10^9) == exp(10^9) (1 + 10^-100)", "error: cannot decide whether the two sides are equal"},
      {"exp(10^8) == exp(10^8) (1 + 10^-100)", "false  # they differ by about -1.55e43429348"},
      {"exp(x 10^10) == exp(x 10^10) (1 + 10^-100)", "false  # they differ by about -1.0e-100 at x = 0"},
      {"atan(1/2) + atan(1/3) == pi/4", "true  # checked numerically: equal to 19728 digits"},
  });
}

// 0 to an irrational constant power stood unevaluated: 0^pi == 0 was false ("they differ by about
// 0.0"), 0^(-pi) and (x - x)^(-pi) were printed as values, and d/dx x^pi at x = 0 was pi*0^(pi - 1),
// at the edge of x^pi's domain; the step beside 0 that finds the edge, -2^-200, was not taken for
// negative (a helper's hunt of simplification over the reals).
TEST_CASE("trust: 0 to an irrational power is 0, or a division by zero, and x^pi has an edge at 0") {
  check_rows({
      {"0^pi", "0"},
      {"0^pi == 0", "true"},
      {"0^(-pi)", "error: division by zero"},
      {"(x - x)^(-pi)", "error: division by zero"},
      {"x^(-pi) at x = 0", "error: division by zero"},
      {"0^(-1/pi) * 0", "error: division by zero"},
      {"log(0^pi)", "error: log(0) is undefined"},
      {"x^pi at x = 0", "0"},
      {"d/dx x^pi at x = 0", "error: the derivative does not exist at x = 0 (the function is not defined on both sides"},
      {"d/dx x^sqrt(2) at x = 0", "error: the derivative does not exist at x = 0"},
      {"tangent(x^pi, x = 0)", "error: the derivative does not exist at x = 0"},
      {"d/dx x^pi at x = 1", "pi"},
      {"d/dx (x^2)^pi at x = 0", "0"},
      {"(-1/10^70)^pi", "error: a negative base (-1e-70) to a power that is no integer"},
      {"(-1/2^2000)^pi", "error: a negative base to a power that is no integer (3.14159) is not real"},
  });
}

// A higher derivative at a point said "the derivative" of whichever order failed: d^2/dx^2 x abs(x)
// at x = 0 did not exist for its second, d^2/dx^2 x sqrt(x^2) could not be decided for its first.
TEST_CASE("trust: a higher derivative at a point names the order that fails") {
  check_rows({
      {"d^2/dx^2 x abs(x) at x = 0", "error: the 2nd derivative does not exist at x = 0 (the first derivative has a corner there"},
      {"d^3/dx^3 x^2 abs(x) at x = 0", "error: the 3rd derivative does not exist at x = 0 (the 2nd derivative has a corner there"},
      {"d^2/dx^2 abs(x) at x = 0", "error: the first derivative does not exist at x = 0 (a corner"},
      {"d^2/dx^2 x sqrt(x^2) at x = 0", "error: ddx cannot decide whether the first derivative exists at x = 0"},
      {"d^2/dx^2 x^pi at x = 0", "error: the first derivative does not exist at x = 0 (the function is not defined on both sides"},
      {"d/dx abs(x) at x = 0", "error: the derivative does not exist at x = 0 (a corner"},
      {"∂^2/∂x∂y abs(x) y at x = 0, y = 1", "error: the derivative does not exist at x = 0, y = 1"},
  });
}

// f'(a) at a number is a derivative at a point like d/dx f(x) at x = a: refused at a corner or a
// jump (abs'(0) was sign(0) = 0), the same value elsewhere.
TEST_CASE("trust: Lagrange notation at a number exists only where the function is differentiable") {
  check_rows({
      {"abs'(0)", "error: the derivative does not exist at x = 0 (a corner: the slope is -1 from the left and 1 from the right)"},
      {"relu'(0)", "error: the derivative does not exist at x = 0 (a corner"},
      {"sign'(0)", "error: the derivative does not exist at x = 0 (the function jumps there"},
      {"abs'(2)", "1"},
      {"sin''(pi/6)", "-1/2"},
  });
  check_in_turn({{"h(t) = t abs(t)", ""},
                 {"h''(0)", "error: the 2nd derivative does not exist at t = 0 (the first derivative has a corner there: its slope is -2 from the left and 2 from the right)"},
                 {"h'(0)", "0"},
                 {"k(t) = abs(t - 1) + t^2", ""},
                 {"k'(1)", "error: a corner: the slope is 1 from the left and 3 from the right"},
                 {"d/dx k(x) at x = 1", "error: a corner: the slope is 1 from the left and 3 from the right"},
                 {"k'(2)", "5"},
                 {"k'(y)", "sign(y - 1) + 2y"}});
}

// A derivative's formula is taken at a point as the derivative is: where abs, relu, max or min has
// a corner it has no value (f = d/dx abs(x), then f at x = 0, printed sign(0) = 0), and where the
// slopes from both sides agree it is theirs. A typed sign(0) is still 0.
TEST_CASE("trust: a derivative's formula has no value where the function has a corner") {
  check_in_turn({{"f = d/dx abs(x)", ""},
                 {"f", "sign(x)"},
                 {"f at x = 0", "error: no value at x = 0: this is a derivative's formula, and the derivative does not "
                                "exist there (its sign(...) is the slope of abs, relu, max or min at a corner; the "
                                "formula approaches -1 from the left and 1 from the right)"},
                 {"f at x = -2", "-1"},
                 {"f + 1 at x = 0", "error: approaches 0 from the left and 2 from the right"},
                 {"f^2 at x = 0", "error: the formula approaches 1 from both sides, but ddx cannot tell whether that is its value"},
                 {"f - sign(x)", "0"},
                 {"ans at x = 0", "error: the slope of abs, relu, max, min or sign at a corner or a jump has no value"},
                 {"f + sign(x)", "2 sign(x)"},
                 {"f sign(x)", "sign(x)^2"},
                 {"d/dx abs(x + 1) sign(x + 1)", "sign(x + 1)^2"},
                 {"f == sign(x)", "true"},
                 {"sign(x) at x = 0", "0"},
                 {"d/dx relu(x)", "sign(x)/2 + 1/2"},
                 {"ans at x = 0", "error: approaches 0 from the left and 1 from the right"},
                 {"h = d/dx max(x, 2x)", ""},
                 {"h at x = 0", "error: approaches 1 from the left and 2 from the right"},
                 {"k = d/dx x abs(x)", ""},
                 {"k at x = 0", "0"},
                 {"k at x = 0.0", "0.0"},
                 {"k at x = -0.5", "1.0"},
                 {"k^2 + k at x = 0", "0"},
                 {"d/dx max(x^2, 2x - 1)", "2x (sign(x^2 - 2x + 1)/2 + 1/2) - sign(x^2 - 2x + 1) + 1"},
                 {"ans at x = 1", "2"},  // (the two meet tangent there)
                 {"d/dx k at x = 0", "error: a corner: the slope is -2 from the left and 2 from the right"},
                 {"g(x) = d/dx abs(x)", ""},
                 {"g(0)", "error: no value at x = 0: this is a derivative's formula"},
                 {"g(-3)", "-1"},
                 {"p(t) = d/dt t abs(t)", ""},
                 {"p(0)", "0"},
                 {"p(0) + 1", "1"},
                 {"m = d/dx abs(x - y)", ""},
                 {"m at x = 1, y = 1", "error: from the right along x"},
                 {"m at x = 1", "sign(1 - y)"},
                 {"n = d/dx abs(x^2 - y^2)", ""},
                 {"n at x = 0, y = 0", "0"},
                 {"taylor(d/dx abs(x), x = 0, 2)", "error: the function jumps there"},
                 {"taylor(d/dx x^2 abs(x), x = 0, 2)", "0"}});
  // A derivative of a formula holds where that formula is continuous; the formula of the
  // derivative does not show it (d/dx sign(x) is 0; the second derivative of relu(x - 1) is 0).
  check_in_turn({{"d/dx sign(x)", "0"},
                 {"ans at x = 0", "error: at a corner or a jump has no value"},
                 {"ans at x = 1", "0"},
                 {"d/dx x sign(x)", "sign(x)"},
                 {"ans at x = 0", "error: the formula approaches -1 from the left and 1 from the right"},
                 {"d/dx x^2 sign(x)", "2x sign(x)"},
                 {"ans at x = 0", "0"},
                 {"d^2/dx^2 relu(x - 1)", "0"},
                 {"ans at x = 1", "error: at a corner or a jump has no value"},
                 {"ans at x = 2", "0"},
                 {"simplify(d^2/dx^2 relu(x - 1))", "0"},
                 {"ans at x = 1", "error: at a corner or a jump has no value"},
                 {"f = diff(abs(x - y), x, y)", ""},
                 {"f at x = 1, y = 1", "error: at a corner or a jump has no value"},
                 {"f at x = 1, y = 2", "0"},
                 {"g = d^2/dx^2 exp(abs(x))", ""},
                 {"g at x = 0", "error: ddx cannot tell whether that is its value"},
                 {"d^2/dx^2 abs(x)^3", "6 abs(x) sign(x)^2"},
                 {"ans at x = 0", "0"}});
  // A mixed partial needs the first derivative beside the point too: ∂/∂x relu(x y) has none where
  // x = 0 and y is not 0 (the Hessian at 0 was [[0, 1/2], [1/2, 0]]).
  check_rows({{"hessian(relu(x y), [x, y]) at x = 0, y = 0", "error: the derivative along x has no value beside it along y"},
              {"hessian(abs(x y), [x, y]) at x = 0, y = 0", "error: the derivative along x has no value beside it along y"},
              {"hessian(x^2 y^2 abs(x y), [x, y]) at x = 0, y = 0", "[[0, 0], [0, 0]]"},
              {"diff(x^2 sign(y), x, y) at x = 0, y = 0", "0"},
              // Only beside the point: relu(-x) is 0 near x = 1, so abs(y) relu(-x) is 0 there.
              {"diff(abs(y) relu(-x), y, x) at x = 1, y = 0", "0"},
              {"hessian(max(y, 1) relu(-x) + x y, [x, y]) at x = 1, y = 1", "[[0, 1], [1, 0]]"},
              // ∂f/∂y of sign(y) x^2 has no value where y = 0 and x is not, though its formula is 0.
              {"hessian(sign(y) x^2, [x, y]) at x = 0, y = 0", "error: the derivative along y has no value beside it along x"},
              {"d/dy d/dx relu(x y) at x = 0, y = 0", "error: a derivative's formula with no value beside the point along y"},
              {"d/dx sign(y) x^2 at x = 1, y = 0", "0"}});
  // A constant whose sign is clear folds in abs, sign, relu, max and min: a corner's slope times
  // relu(-sin(1)) is 0, and the formula has its value there.
  check_rows({{"relu(-sin(1))", "0"},
              {"abs(1 - pi)", "pi - 1"},
              {"max(pi, e)", "pi"},
              {"sign(sqrt(2)^2 - 2)", "0"},
              // Not where 128 bits leave a 0 as 1e-38 (times 10^30, 1e-8) or get a huge argument wrong:
              // the values at 256 and 1024 bits must agree.
              {"sign(10^30 (sin(1)^2 + cos(1)^2 - 1))",
               "sign(1000000000000000000000000000000 cos(1)^2 + 1000000000000000000000000000000 sin(1)^2 - "
               "1000000000000000000000000000000)"},
              {"relu(sin(10^40 pi + 1))", "sin(10000000000000000000000000000000000000000 pi + 1)"},
              // A constant's value (a decimal beside it; the domain checks of log, roots and powers)
              // likewise: 128 bits gave -0.257432653906817 for sin(10^40 pi + 1), which is sin(1).
              {"1.0 * sin(10^40 pi + 1)", "0.8414709848078965"},
              {"log(sin(10^40 pi - 1))", "error: log of a negative number (-0.841471...) is not real"},
              {"sqrt(sin(10^40 pi + 1))", "sqrt(sin(10000000000000000000000000000000000000000 pi + 1))"},
              {"sqrt(10^30 (sin(1)^2 + cos(1)^2 - 1))",
               "sqrt(1000000000000000000000000000000 cos(1)^2 + 1000000000000000000000000000000 sin(1)^2 - "
               "1000000000000000000000000000000)"},
              {"(1 - pi)^e", "error: a negative base (-2.14159) to a power that is no integer (2.71828) is not real"},
              {"d/dx relu(relu(sin(x))) at x = -1", "0"},
              {"d/dy d/dx abs(x) relu(y - 10^(-15)) at x = 0, y = 0", "0"}});
  check_in_turn({{"d/dx relu(sin(x)) abs(x + 1)", "(sign(sin(x))/2 + 1/2) cos(x) abs(x + 1) + sign(x + 1) relu(sin(x))"},
                 {"ans at x = -1", "0"},
                 {"d/dx relu(relu(x)^2)", "2 (sign(x)/2 + 1/2) (sign(relu(x)^2)/2 + 1/2) relu(x)"},
                 {"ans at x = 0", "0"},
                 {"tangent(d/dx abs(x)^3, x = 0)", "y = 0"},
                 {"g3(x) = d^2/dx^2 abs(x)^3", ""},
                 {"g3(0)", "0"},
                 {"g3(-1)", "6"},
                 {"y = abs(u)", ""},
                 {"u = sin(relu(x^3))", ""},
                 {"w = d^2y/dx^2", ""},
                 {"w at x = 0", "0"},
                 {"u = relu(x)", ""},
                 {"w2 = d^2y/dx^2", ""},
                 {"w2 at x = 0", "error: at a corner or a jump has no value"},
                 {"y = sin(u) + u", ""},
                 {"u = relu(x - 1/2)", ""},
                 {"d^2y/dx^2 at x = 1", "-sin(1/2)"},
                 {"z2 = d^2y/dx^2", ""},
                 {"z2 at x = 1/2", "error: at a corner or a jump has no value"},
                 {":clear y", "error: this changes what w = d^2y/dx^2 means, and it no longer reads: 'y' is not defined"},
                 {":clear w", ""},
                 {":clear w2", ""},
                 {":clear z2", ""},
                 {":clear y", ""},
                 {":clear u", ""},
                 // What an answer requires goes through a procedure that keeps it.
                 {"d/dx sign(x)", "0"},
                 {"simplify(ans)", "0"},
                 {"ans at x = 0", "error: at a corner or a jump has no value"},
                 {"h = d/dx abs(x)", ""},
                 {"simplify((1 - x) h - sign(x))", "-x sign(x)"},
                 {"ans at x = 0", "error: at a corner or a jump has no value"},
                 {"ans at x = 2", "-2"},
                 // Through a chain of definitions, and under taylor and series.
                 {"y = u^2 + u", ""},
                 {"u = sign(x)", ""},
                 {"dy/dx at x = 1", "0"},
                 {"z = dy/dx", ""},
                 {"z at x = 0", "error: at a corner or a jump has no value"},
                 {"z at x = 1", "0"},
                 {"implicit(y = sign(x), dy/dx)", "0"},
                 {"ans at x = 0, y = 0", "error: at a corner or a jump has no value"},
                 {"implicit(y^3 + y = relu(x), d^2y/dx^2)", "-3y (sign(x) + 1)^2/(2 (3y^2 + 1)^3)"},
                 {"ans at x = 0, y = 0", "error: at a corner or a jump has no value"},
                 {"ans at x = 1, y = 1", "-3/32"},
                 {"taylor(d/dx sign(x), x = 0, 2)", "error: the function has no value at x = 0"},
                 {"taylor(d/dx sign(x), x = 1, 2)", "0"},
                 {"taylor(x/x, x = 0, 2)", "1  # the function has no value at x = 0: the series of its continuous extension there"},
                 {"x/x", "1"},
                 {"simplify(ans)", "1"},
                 {"ans at x = 0", "error: division by zero in the expression as written"}});
  {  // the second-order chain as it is shown
    ddx::Session chain;
    REQUIRE(answer(chain, "y = sin(u) + u").empty());
    REQUIRE(answer(chain, "u = relu(x - 1/2)").empty());
    REQUIRE(answer(chain, "d^2y/dx^2").find("d^2y/dx^2 = ") == 0);
    CHECK(answer(chain, "ans at x = 1/2").find("at a corner or a jump has no value") != std::string::npos);
  }
  ddx::Session s;
  std::string corner = answer(s, "table(d/dx abs(x), x = -1 .. 1 step 1)");
  CHECK_MESSAGE(corner.find(" 0  undefined") != std::string::npos, corner);
  std::string smooth = answer(s, "table(d/dx x abs(x), x = -1 .. 1 step 1)");
  CHECK_MESSAGE(smooth.find("undefined") == std::string::npos, smooth);
}

// No name ends in `_`: `log_(2)(x)` was read as an unknown function log_ of 2, times x.
TEST_CASE("trust: a name ending in an underscore is refused, also before a bracket") {
  check_rows({
      {"log_(2)(x)", "error@1: unexpected 'log_' (a subscript needs letters or digits: x_1, log_2(x))"},
      {"d/dx log_(10)(x^2)", "error: unexpected 'log_'"},
      {"sin_(x)", "error: unexpected 'sin_'"},
      {"x_", "error: a subscript needs letters or digits"},
      {"log_2(x)", "log(x)/log(2)"},
      {"x_1", "x_1"},
  });
}

// A decimal answer is computed in doubles, one rounding after another, and a formula can lose
// every digit that way: sec(sinh(25e/2)) takes sec of about 2.9e14, which one rounding of sinh
// moves by radians. Each decimal statement must give the digits approx gives for the same
// statement with its decimals written as the fractions they are; before, they printed
// 29740820070537876.0 for 2.239e18, -2.09 for 17.0002, 1.1e-16 for 5e-17.
TEST_CASE("trust: a decimal answer has the digits of its exact value") {
  struct Pair {
    const char* decimal;
    const char* exact;
  };
  const std::vector<std::string> setup = {"f(x) = sec(sinh(e x (x + x)))", "a = sec(sinh(12.5 e))",
                                          "h(x) = sec(sinh(42.0 x))"};
  for (Pair p : std::initializer_list<Pair>{
           {"diff(sec(sinh(e x (x + x))), x) at x = -2.5", "approx(diff(sec(sinh(e x (x + x))), x) at x = -5/2, 20)"},
           {"d/dx sec(sinh(e x (x + x))) at x = -2.4", "approx(d/dx sec(sinh(e x (x + x))) at x = -12/5, 20)"},
           {"sec(sinh(e x (x + x))) at x = -2.5", "approx(sec(sinh(e x (x + x))) at x = -5/2, 20)"},
           {"sec(sinh(e*(-2.5)*(-5)))", "approx(sec(sinh(e*(-5/2)*(-5))), 20)"},
           {"a", "approx(sec(sinh(25e/2)), 20)"},
           {"f(-2.5)", "approx(f(-5/2), 20)"},
           {"h(1)", "approx(sec(sinh(42)), 20)"},
           {"2 f(-2.5) + 1", "approx(2 f(-5/2) + 1, 20)"},
           {"f'(-2.5)", "approx(f'(-5/2), 20)"},
           {"d/dy sec(sinh(x y)) at x = 2, y = 17.25", "approx(d/dy sec(sinh(x y)) at x = 2, y = 69/4, 20)"},
           {"1 - cos(0.00000001)", "approx(1 - cos(1/100000000), 20)"},
           {"(1 - cos(x))/x^2 at x = 0.0000152587890625", "approx((1 - cos(x))/x^2 at x = 1/65536, 20)"},
           {"(x - 1)^2 at x = 1.0000001", "approx((x - 1)^2 at x = 10000001/10000000, 20)"},
           {"tan(1.5707963267948966)", "approx(tan(7853981633974483/5000000000000000), 20)"},
           {"1.0000000000000000001 - 1", "approx(1/10^19, 20)"},
           // a decimal inside a derivative taken at an exact point (its formula holds 12.5 e rounded)
           {"d/dx sec(sinh(12.5 e x)) at x = 1", "approx(d/dx sec(sinh(25 e x/2)) at x = 1, 20)"},
           {"diff(sec(sinh(12.5 e x)), x) at x = 1", "approx(d/dx sec(sinh(25 e x/2)) at x = 1, 20)"},
       }) {
    std::string decimal = p.decimal;
    CAPTURE(decimal);
    ddx::Session s;
    for (const std::string& line : setup) REQUIRE(answer(s, line).empty());
    std::string got = answer(s, p.decimal), want = answer(s, p.exact);
    REQUIRE(got.find("error") == std::string::npos);
    REQUIRE(want.find("error") == std::string::npos);
    CHECK(std::stod(got) == doctest::Approx(std::stod(want)).epsilon(1e-12));
  }
}

// Sums that are 0 as written print 0.0, not the rounding of their parts; a pole that doubles
// rounded past is undefined; the usual double answers stand where they are right to 12 digits.
TEST_CASE("trust: decimal answers as written: zeros, poles, vectors and the usual doubles") {
  check_rows({
      {"0.1 + 0.2 - 0.3", "0.0"},
      {"sin(pi x) at x = 1.0", "0.0"},
      {"tan(pi/2 * 1.0)", "error: the value is undefined: a division by zero with the decimals as written"},
      {"[sec(sinh(12.5 e)), 1]", "[17.000217323844584, 1]"},
      {"x sec(sinh(12.5 e))", "17.000217323844584x"},
      {"sin(x) + x sec(sinh(12.5 e))", "sin(x) + 17.000217323844584x"},
      {"d/dx 0.5 x^2", "1.0x"},
      {"sin(10^15 x) at x = 0.1", "-0.2094083074964523"},
      {"0.1 + 0.2", "0.30000000000000004"},
      {"d/dx sin(x) at x = 0.5", "0.8775825618903728"},
      // A point that went through a double (1.0) is no pole; the decimal as written is none either.
      {"tan(pi x/2) at x = 1.0000000000000000001", "-6366197723675813888.0"},
      {"1/(3 x - 0.3) at x = 0.1000000000000000000001", "3333333333333333508096.0"},
      {"tan(pi x/2) at x = 1.0", "error: the value is undefined: a division by zero with the decimals as written"},
      {"sqrt(3 x - 0.3) at x = 0.1", "0.0"},
      // Taylor coefficients and a tangent's intercept at a decimal point (4.999999583255033e-07,
      // 26.7228 for 26.9908, -1.000000499929786e-09 before)
      {"taylor(1 - cos(x), x = 0.001, 2)", "0.0009999998333333417 (x - 0.001) + 4.999999583333347e-07"},
      {"taylor(sec(sinh(30 x)), x = 1.0, 1)", "26.99081935536007"},
      {"tangent(tan(x) - sin(x), x = 0.001)", "y = 1.5000006250003791e-06 x - 1.000000500000325e-09"},
      // sums: a summand of 0.0 stays a decimal, and the summand's digits are checked (it was 0)
      {"sum(0.0, n = 1 .. 3)", "0.0"},
      {"sum(1 - cos(1e-10), n = 1 .. 2)", "1e-20"},
      {"mean(sec(sinh(12.5 e)) + n, n = 1 .. 2)", "18.500217323844584"},
      // max, min and relu of a decimal are decimals, so a choice made on wrong digits is checked
      {"max(-2.5, 0)", "0.0"},
      {"max(sec(sinh(12.5 e)), 0)", "17.000217323844584"},
      {"max(2, 3)", "3"},
      // decimals far apart in size: 128 bits lose 1e-300 against 1 as doubles do
      {"(1 + 1e-300)^(1e300)", "2.718281828459045"},
      {"(1 + x)^(1/x) at x = 1e-300", "2.718281828459045"},
  });
  // A decimal rounded inside a definition (3 (x - 0.2) holds 0.6000000000000001) neither moves
  // a right answer nor makes one undefined: read as written and as a double, it must agree.
  check_in_turn({{"f(x) = 3 (x - 0.2)", ""},
                 {"f(0.2)", "0.0"},
                 {"f(x) at x = 0.2", "0.0"},
                 {"g(x) = sqrt(0.7 (x - 1.5))", ""},
                 {"g(1.5)", "0.0"},
                 {"k(x) = asin(3 (x - 0.2) + 1)", ""},
                 {"k(0.2)", "1.5707963267948966"},
                 {"sqrt(6 (x - 0.1)) at x = 0.1", "0.0"}});
  // A function's body folds its decimals as it is read; f at values is checked against the body
  // with the decimals exact (f(1) was -2.089088236176611, g(1.0) 5.551115123125783e-17).
  check_in_turn({{"f(x) = sec(sinh(12.5 e x))", ""},
                 {"f(1)", "17.000217323844584"},
                 {"g(x) = 0.1 + 0.2 - 0.3 + 0 x", ""},
                 {"g(1.0)", "0.0"}});
}

// A derivative of a derivative at a point needs the inner one beside the point along the outer
// variable, not only at it: ∂/∂y of sign(y - 1) x^2 is 0 (its formula), and exists where x = 0
// (the function is 0 along y there), but not beside x = 0, so ∂/∂x of it has none at x = 0, y = 1;
// every way of writing that gave 0 but diff(F, y, x). The other order, ∂/∂y of ∂/∂x = 2x sign(y - 1),
// is 0 there. Written as a formula first, the answer requires the same (a requirement beside the
// point, core/corner_sign.hpp's required_beside).
TEST_CASE("trust: a mixed partial at a point needs the inner derivative beside the point") {
  const char* none = "error: the derivative does not exist at x = 0, y = 1";
  const char* no_value = "error: the slope of abs, relu, max, min or sign at a corner or a jump has no value";
  check_in_turn({{"d/dx d/dy sign(y - 1) x^2 at x = 0, y = 1", none},
                 {"∂/∂x ∂/∂y sign(y - 1) x^2 at x = 0, y = 1", none},
                 {"diff(diff(sign(y - 1) x^2, y), x) at x = 0, y = 1", none},
                 {"diff(sign(y - 1) x^2, y, x) at x = 0, y = 1", none},
                 {"F = sign(y - 1) x^2", ""},
                 {"d/dx d/dy F at x = 0, y = 1", none},
                 {"G = d/dy sign(y - 1) x^2", ""},
                 {"G at x = 0, y = 1", "0"},
                 {"d/dx G at x = 0, y = 1", none},
                 {"diff(G, x) at x = 0, y = 1", none},
                 {"f(x, y) = sign(y - 1) x^2", ""},
                 {"d/dx d/dy f(x, y) at x = 0, y = 1", none},
                 {"d/dy d/dx sign(y - 1) x^2 at x = 0, y = 1", "0"},
                 {"d/dx d/dy sign(y - 1) x^2 at x = 0, y = 2", "0"},
                 {"d/dx d/dy x^2 y^3 at x = 1, y = 2", "24"},
                 {"d/dx d/dy sign(y - 1) x^2", "0"},
                 {"ans at x = 0, y = 1", no_value},
                 {"ans at x = 0, y = 2", "0"},
                 {"H = d/dx d/dy sign(y - 1) x^2", ""},
                 {"H at x = 0, y = 1", no_value},
                 {"K = d/dy d/dx sign(y - 1) x^2", ""},
                 {"K at x = 0, y = 1", "0"},
                 {"g(x, y) = d/dx d/dy sign(y - 1) x^2", ""},
                 {"g(0, 1)", no_value},
                 {"g(0, 2)", "0"}});
  // A partial derivative needs the function continuous along its own variable only: along x,
  // sin(x) sign(y - 1) is 0 where y = 1, so ∂/∂x there is 0 (it was refused for the jump in y).
  check_in_turn({{"h(x, y) = diff(sin(x) sign(y - 1), x)", ""},
                 {"h(1, 1)", "0"},
                 {"d/dx sin(x) sign(y - 1)", "cos(x) sign(y - 1)"},
                 {"ans at x = 1, y = 1", "0"},
                 {"diff(sin(x) sign(y - 1), x) at x = 1, y = 1", "0"},
                 {"d/dy cos(x) sign(y - 1)", "0"},
                 {"ans at x = 1, y = 1", no_value},
                 {"d/dy d/dy sign(y) x^2 at x = 0, y = 0", "0"},
                 {"d/dx d/dx sign(y) x^2 at x = 0, y = 0", "0"},
                 {"d/dx d/dy sign(y) x^2 at x = 0, y = 0", "error: the derivative does not exist at x = 0, y = 0"},
                 {"hessian(sign(y) x^2, [x, y]) at x = 0, y = 0", "error: the derivative along y has no value beside it"}});
  // The same for a corner's slope, as a formula first (abs, relu: a helper's random sessions found
  // each printing 0 after a formula; written at the point they were refused).
  check_in_turn({{"d/dx d/dy x^2 abs(y)", "2x sign(y)"},
                 {"ans at x = 0, y = 0", no_value},
                 {"F = d/dx d/dy x relu(x y)", ""},
                 {"F at x = 0, y = 0", no_value},
                 {"g(x, y) = d/dx d/dy x^2 abs(y)", ""},
                 {"g(0, 0)", no_value},
                 {"g(1, 1)", "2"},
                 {"d/dy d/dx y^2 abs(x - 1)", "2y sign(x - 1)"},
                 {"ans at x = 1, y = 0", no_value},
                 {"ans at x = 2, y = 0", "0"},
                 // beside the point is a number beside it: relu(y) is 0 all around y = -1
                 {"k(x, y) = d/dy d/dx exp(x) relu(y) sign(2x - 1)", ""},
                 {"k(1/2, -1)", "0"},
                 {"d^2/dx^2 relu(x - 1)", "0"},
                 {"ans at x = 1.0", no_value},
                 {"ans at x = 2", "0"}});
  // A term whose corner is no corner (min of two equal arguments at n = 1) keeps the sum answered.
  check_rows({{"sum(d/dx d/dy min(x y - n, x y - 1), n = 0 .. 2) at x = 1, y = 1", "3"}});
}

// What a sum's term requires holds for every value of its index: sum(d/dx sign(x - n), n = 0 .. 1)
// is 0 but has no value at x = 0 (d/dx sign(x) there), and the n = 0 term of
// sum((x - n)/(x - n), n = 0 .. 1) has none at x = 0 either; both gave values, the requirement
// having been asked with n unknown.
TEST_CASE("trust: a sum's terms keep what they require, for every value of the index") {
  check_in_turn({{"sum(d/dx sign(x - n), n = 0 .. 1) at x = 0", "error: the slope of abs, relu, max, min or sign"},
                 {"sum(d/dx sign(x - n), n = 0 .. 1) at x = 0.5", "0"},
                 {"sum(d/dx sign(x - n), n = 0 .. 1)", "0"},
                 {"ans at x = 1", "error: the slope of abs, relu, max, min or sign"},
                 {"sum(d/dx sign(x - n), n = 1 .. N) at x = 2", "0"},
                 {"sum(d/dx sign(x - n), n = 1 .. N) at x = 2, N = 3", "error: the slope of abs, relu, max, min or sign"},
                 {"mean(d/dx sign(x - x_n), n = 1 .. 2) at x = 1, x_1 = 1, x_2 = 3", "error: the slope of abs, relu"},
                 {"mean(d/dx sign(x - x_n), n = 1 .. 2) at x = 2, x_1 = 1, x_2 = 3", "0"},
                 // (a sign that does not move with x: 0 along x wherever it jumps)
                 {"mean(d/dx sign(x_n - 1), n = 1 .. 2) at x_1 = 1, x_2 = 3", "0"},
                 {"sum((x - n)/(x - n), n = 0 .. 1) at x = 0", "error: division by zero in the expression as written"},
                 {"sum((x - n)/(x - n), n = 0 .. 1) at x = 5", "2"},
                 {"sum((x - n)/(x - n), n = 0 .. 1)", "2"},
                 {"ans at x = 1", "error: division by zero"},
                 {"sum((x - n)/(x - n), n = 1 .. N) at x = 2, N = 3", "error: division by zero"},
                 {"sum((x - n)/(x - n), n = 1 .. N) at x = 2.5, N = 3", "3"},
                 {"sum(n/n, n = 0 .. 2)", "error: division by zero in a term of the sum as written"},
                 {"sum(n/n, n = 1 .. 2)", "2"},
                 {"mean(k/k, k = 1 .. N)", "1"}});
}

// A decimal kept in a definition or in ans is read as written by every later statement's check,
// as a decimal written in the statement itself is: `c = 0.1`, then `c + 0.2 - 0.3` printed
// 2.7755575615628914e-17 where `0.1 + 0.2 - 0.3` prints 0.0. Each row of a group is the same sum
// written another way, so all must read alike.
TEST_CASE("trust: decimals kept in definitions and ans are read as written later") {
  check_in_turn({{"0.1 + 0.2 - 0.3", "0.0"},
                 {"c = 0.1", ""},
                 {"c + 0.2 - 0.3", "0.0"},
                 {"d = c + 0.2", ""},
                 {"d - 0.3", "0.0"},
                 {"k = 0.3", ""},
                 {"d - k", "0.0"},
                 {"f(x) = x + 0.2", ""},
                 {"f(0.1) - 0.3", "0.0"},
                 {"f(c) - k", "0.0"},
                 {"g(x) = x + c", ""},
                 {"g(0.2) - 0.3", "0.0"},
                 {"0.1", "0.1"},
                 {"ans + 0.2 - 0.3", "0.0"},
                 {"c + 0.2", "0.30000000000000004"},
                 {"ans - k", "0.0"},
                 // a redefinition is read as it now stands
                 {"c = 0.5", ""},
                 {"c - 0.5", "0.0"},
                 {"d - 0.7", "0.0"}});
  // digits lost by a definition's own doubles are the exact value's later too
  check_in_turn({{"a = sec(sinh(12.5 e))", ""},
                 {"a + 0.5", "17.500217323844584"},
                 {"h(x) = sec(sinh(12.5 e x))", ""},
                 {"h(1) + a", "34.00043464768917"}});
}

// A symbolic decimal answer is checked term by term: 0.1x + 0.2x - 0.3x printed
// 5.551115123125783e-17 x, a term all of whose digits are wrong, and beside a larger term (x) the
// whole was near enough to pass. Where each coefficient holds to 12 digits the doubles stand.
TEST_CASE("trust: a decimal answer's terms are checked one by one") {
  check_rows({
      {"0.1x + 0.2x - 0.3x", "0.0"},
      {"0.1 x y + 0.2 x y + x - 0.3 x y", "x"},
      {"x + 0.1 + 0.2 - 0.3", "x"},
      {"0.1 sin(x) + 0.2 sin(x)", "0.30000000000000004 sin(x)"},
      {"2.5 x + 1.5 x", "4.0x"},
      {"sin(0.1 x) + 0.2", "sin(0.1x) + 0.2"},
  });
  check_in_turn({{"c = 0.1", ""}, {"c x + 0.2 x - 0.3 x", "0.0"}, {"u = 0.1 x", ""}, {"u + 0.2 x - 0.3 x", "0.0"}});
  // Terms whose decimals cancel exactly as written are none (a helper's 5,000 random sessions):
  // their x was left in the exact reading where the doubles had none, and the check gave up; an
  // exact 0 was refused as a value MPFR could not settle; a formula's derivative went unchecked.
  check_rows({{"1.01 + 2.6 - 3.61", "0.0"},
              {"0.6 + 0.0058 - 0.6058", "0.0"},
              {"0.5 x - 0.5 x + 0.1 + 0.2 - 0.3", "0.0"},
              {"1.01 x + 2.6 x - 3.61 x", "0.0"},
              {"sin(1.1 + 1e15 + 0.1 x - 0.1 x)", "-0.06805282614607047"},
              {"(0.1 exp(x) + 0.2 exp(x) - 0.3 exp(x)) at x = 1e15", "0.0"},
              {"[0.1 + 0.2 - 0.3, 1]", "[0.0, 1]"},
              {"1 + 0.1 - 0.1", "1.0"},
              {"d/dx (0.1 x^2 + 0.2 x^2 - 0.3 x^2)", "0.0"},
              {"d/dx (87.58 x - 3e18 x + 3e18 x - 87.58 x)", "0.0"},
              {"d/dx 0.5 x^2", "1.0x"}});
  check_in_turn({{"d = 0.5 x - 0.5 x", ""},
                 {"d + 0.1 + 0.2 - 0.3", "0.0"},
                 {"d = 1e15 + 0.1 x - 0.1 x", ""},
                 {"d + 1.1 - 1e15", "1.1"},
                 {"sin(1.1 + d)", "-0.06805282614607047"},
                 {"k = 0.5 exp(x) + 0.1 exp(x) - 0.6 exp(x) + 2.5", ""},
                 {"k at x = 1000", "2.5"},
                 {"d = 78.01 x + 72.50 x - 150.51 x", ""},
                 {"0.5 x^2 + d", "0.5x^2"},
                 {"b = 0.6", ""},
                 {"b + 0.0058 - 0.6058", "0.0"}});
}

// The doubles' 0.0 is no answer of its own: it vanishes in a sum (y + 1 - cos(1e-8) printed y, and
// so did an integer definition beside it), takes a term's variable with it
// (-72.74000000000000123 x + 72.74 x printed 0.0), hides a value MPFR shows only at a higher
// precision (1 - cos(7 * 2.7e-16^2), 1.3e-61) or one that rounding noise covered at the first
// precisions tried (2.5 under 0.5 * 10^100 + ...). A value below a double's range is refused, as
// one beyond it is: 1e-300 * 1e-300 printed 0.0.
TEST_CASE("trust: a decimal that vanished in doubles is found, and a value below a double's range is refused") {
  check_rows({
      {"-72.74000000000000123 x + 72.74 x", "-1.23e-15 x"},
      {"-72.74000000000000123 x + 72.74 x + y", "-1.23e-15 x + y"},
      {"1 - cos(7 * 2.7e-16^2)", "1.30203045e-61"},
      {"0.5 * 10^100 + 0.1 * 10^100 - 0.6 * 10^100 + 2.5", "2.5"},
      {"0.1 * 10^100 - 10^99 + 1e-50", "1e-50"},
      {"y + 1 - cos(1e-8)", "y + 5e-17"},
      {"1 - cos(1e-8) + y", "y + 5e-17"},
      {"y - cos(1e-8) + 1", "y + 5e-17"},
      {"1e-200 * 1e-200 * 1e300", "1e-100"},
      {"sin(pi * 1.0)", "0.0"},
      {"0.1 + 0.2 - 0.3 + y", "y"},
      {"1e-300 * 1e-300", "error: the value is about 1e-600, below the range of a double"},
      {"1.23e-200 * 1e-123", "error: the value is about 1.23e-323, below the range of a double"},
      {"exp(-1000.0)", "error: below the range of a double"},
      {"d/dx exp(x) at x = -1000.0", "error: below the range of a double"},
      {"(1e-300 * 1e-300) x", "error: below the range of a double"},
      {"[y, 1e-300 * 1e-300]", "error: below the range of a double"},
      {"x^2 at x = 1e-160", "error: the value is about 1e-320, below the range of a double"},
      // a part below the range whose whole is not (its formula lost the rest in doubles)
      {"(x^2 + 1 - cos(1e-8)) at x = 1e-160", "5e-17"},
      {"(1e-300 x + 1.00000000000000000001 - 1) at x = 1e-10", "1e-20"},
      {"[x^2 + 1.00000000000000000001 - 1, 1] at x = 1e-160", "[1e-20, 1]"},
      {"(x * ((10^100 + 53.099) - 10^100 - exp(-745.1))) at x = 0.5", "26.5495"},
      // a coefficient below the range, in a sum, a product or a vector, is refused too
      {"x^2 * exp(-800.5)", "error: the value is about 2.22468e-348, below the range of a double"},
      {"0.1 cos(x) + x^2 * exp(-800.5)", "error: below the range of a double"},
      {"[1, exp(-745.2) sin(x)]", "error: below the range of a double"},
      {"0.1 cos(x) + x^2 * exp(-1.5)", "0.1 cos(x) + 0.22313016014842982x^2"},
      // a value far below its parts' rounding settles only at the last precision
      {"83.6 - 88.4 + 4.8 + exp(-720.25)", "error: the value is about 1.5827e-313, below the range"},
      {"83.6 - 88.4 + 4.8 + exp(-1000.5)", "error: the value is about 3.07872e-435, below the range"},
      {"10^20 * (8.2 - 102.73 + 98.14 - 3.61 + exp(-720.25))", "1.5827029403098689e-293"},
      // exact numbers far beyond the decimals' magnitudes widen the first precision
      {"(10^298 * 0.2 - 2*10^297 + 1.5) x", "1.5x"},
      {"y + 10^298 * 0.2 - 2*10^297 + 1.5", "y + 1.5"},
      {"exp(10^298 * 0.2 - 2*10^297 + 1.5)", "4.4816890703380645"},
      {"(10^300 + 1.5) * 0.2 - 2*10^299", "0.3"},
      {"10^300 * 0.2 - 10^300 * 0.2 + 1.5", "1.5"},
      // a derivative at a decimal point is checked too, its point read as the exact number
      {"d/dx ((10^30 + 0.1 - 10^30) x^2) at x = 0.5", "0.1"},
      {"d/dx ((1 - cos(1e-8)) x^2) at x = 0.5", "5e-17"},
      {"d/dx (0.1 x^2 + 0.2 x^2 - 0.3 x^2) at x = 2.5", "0.0"},
      {"d/dx abs(x - 0.3) at x = 0.1 + 0.2", "error: the derivative does not exist at x = 3/10 (a corner"},
      // smooth through the corner of the formula as written, at the corner itself (a helper's
      // random sessions: each was refused by the first version of the check above)
      {"d/dx abs(x - 0.3)^2 at x = 0.3", "0.0"},
      {"d/dx (x - 0.35) abs(x - 0.35) at x = 0.35", "0.0"},
      {"d^2/dx^2 abs(x - 0.35)^2 at x = 0.35", "2"},
      {"∂^2/∂x∂y (abs(x - 0.3)^2 y) at x = 0.3, y = 0.5", "0.0"},
      {"d/dx relu(x - 0.3)^2 at x = 0.3", "0.0"},
      {"d/dx (abs(x - 0.3) (x - 0.3)) at x = 0.1 + 0.2", "0.0"},
      {"d/dx 1/(x - 0.3) at x = 0.1 + 0.2", "error: division by zero"},
      // 0 at two precisions is not yet 0: 1 - tanh(100.5)^2 shows only past 268 bits
      {"1 - tanh(100.5)^2", "2.036428323580044e-87"},
      {"d/dx tanh(x) at x = 100.5", "2.036428323580044e-87"},
      {"1 - tanh(400.5)^2", "error: the value is about 5.39734e-348, below the range of a double"},
      {"d/dx x^3 at x = 0.1", "0.030000000000000006"},
      {"tan(pi x/2) at x = 1.0", "error: a division by zero with the decimals as written"},
      // and the other way: a division by the doubles' 0 that the decimals as written do not make
      {"1/(1 - cos(1e-8))", "2e+16"},
      {"x/(1 - cos(1e-8))", "2e+16 x"},
      {"log(1 - cos(1e-8))", "-37.534508668464674"},
      {"1/(0.5 - 0.5)", "error: division by zero"},
      {"1/(x - 0.5) at x = 0.5", "error: division by zero"},
      {"factor(0.5x^2 - 0.5)", "error: factor: floating-point numbers are not factored"},
      // beside a corner the doubles put the point on, every decimal exact decides
      {"d/dx abs(x - 0.3) at x = 0.3 + 1e-18", "1.0"},
      {"d/dx (x^2 abs(x - 0.3)) at x = 0.3 + 1e-18", "0.09"},
      {"d/dx sign(x - 0.30000000000000004) at x = 0.1 + 0.2", "0.0"},
      {"d/dx abs(x - 0.3) at x = 0.3", "error: the derivative does not exist at x = 0.3 (a corner"},
      // but a function with no value at the point has no derivative there, however the reading
      // goes (a helper's random sessions: the first version gave values for these)
      {"∂/∂x (1/(y - 0.5)) at x = 0.6, y = 0.5", "error: the derivative does not exist at x = 0.6, y = 0.5 (division by zero)"},
      {"∂/∂y log(abs(0.6 - x)) at x = 0.6, y = 0.35", "error: the derivative does not exist at x = 0.6, y = 0.35 (log(0)"},
      {"d/dx log(-1.5 x) at x = 2", "error: the derivative does not exist at x = 2 (log of a negative number"},
      {"d/dx (x + sqrt(y - 0.5)) at x = 1, y = 0.25", "error: the derivative does not exist at x = 1, y = 0.25"},
      {"(x + 1/(y - 0.5)) at x = 0.6, y = 0.5", "error: division by zero"},
  });
  // a definition below the range is no answer: its uses read it as written
  check_in_turn({{"c = exp(-720.25)", ""},
                 {"c * 1e20", "1.5827029403098689e-293"},
                 {"c", "error: the value is about 1.5827e-313, below the range of a double"},
                 {"k = 1e-200 * 1e-200", ""},
                 {"k * 1e300", "1e-100"}});
  check_in_turn({{"c = 0", ""},
                 {"c + 1 - cos(1e-8)", "5e-17"},
                 {"f(x) = x + 1 - cos(1e-8)", ""},
                 {"f(0)", "5e-17"},
                 {"f(y)", "y + 5e-17"},
                 {"g(x) = (1 - cos(1e-8)) x", ""},
                 {"g(y)", "5e-17 y"},
                 {"k = y + 1 - cos(1e-8)", ""},
                 {"k", "y + 5e-17"},
                 // an exact answer stays exact only where the formula is that number
                 {"f(2)", "2.0"},
                 {"d = 2", ""},
                 {"d + 1 - cos(1e-8)", "2.0"},
                 {"h(x) = sign(x - 0.5)", ""},
                 {"h(1)", "1"}});
}

// A derivative at a decimal point whose corner, jump or pole the doubles hide (0.7 + 0.2 is
// 0.8999999999999999 in doubles, exactly 9/10 as written) is refused in every form of writing it:
// at the second order, for a jump of sign, for a corner along another variable's decimal, for a
// function or variable defined with decimals, in Lagrange and Leibniz notation (each printed a
// slope). Beside the corner the answers are as before.
TEST_CASE("trust: a corner the doubles hide at a decimal point is refused in every notation") {
  check_rows({
      {"d^2/dx^2 abs(x - 0.9) at x = 0.7 + 0.2", "error: the first derivative does not exist at x = 9/10 (a corner"},
      {"d/dx sign(x - 0.9) at x = 0.7 + 0.2", "error: the derivative does not exist at x = 9/10 (the function jumps"},
      {"∂/∂x abs(x - y) at x = 0.3, y = 0.1 + 0.2", "error: the derivative does not exist at x = 3/10, y = 3/10 (a corner"},
      {"d/dx tan(x) at x = pi/2 * 1.0", "error: the derivative does not exist at x = pi/2 (tan is undefined at pi/2)"},
      {"d/dx abs(x - 0.9) at x = 0.5", "-1"},
      {"d^2/dx^2 abs(x - 0.9) at x = 0.5", "0"},
      {"d/dx sign(x - 0.9) at x = 0.5", "0"},
      {"∂/∂x abs(x - y) at x = 0.3, y = 0.1", "1"},
      // and away from the corner the digits are still checked (a helper's random sessions: the
      // first version of the above kept the doubles' answer, or refused a slope whose sign is
      // a constant's, cos(3/10))
      {"d/dx (sign(x - 0.35) + (1 - cos(1e-9)) x) at x = 2", "5e-19"},
      {"d/dx (max(x, 0.5) + (exp(1e-10) - 1) x) at x = 0.2", "1.00000000005e-10"},
      {"d/dx (log(1 + x^2) abs(x - 1.1)^2) at x = 1.1 + 1e-16", "1.5859850310593232e-16"},
      {"d^2/dx^2 abs(sin(x) - sin(0.3 - 0.2)) at x = 0.09999999999999999", "0.09983341664682814"},
      {"d/dx sqrt(abs(x^2 - 0.81)) at x = 0.9000000000000001", "67082039.3249937"},
      {"d/dx (sign(sin(x) - sin(0.3)) (sin(x) - sin(0.3))^2) at x = 0.1 + 0.2", "0.0"},
      // five decimals are few enough to read again (up to eight)
      {"d/dx abs((2.6 + 0.075) x - (2.6 + 0.075)^2) at x = 2.675", "error: the derivative does not exist at x = 107/40 (a corner"},
  });
  check_in_turn({{"f(x) = abs(x - 0.9)", ""},
                 {"f'(x) at x = 0.7 + 0.2", "error: the derivative does not exist at x = 9/10 (a corner"},
                 {"f'(0.7 + 0.2)", "error: the derivative does not exist at x = 9/10 (a corner"},
                 {"d/dx f(x) at x = 0.7 + 0.2", "error: the derivative does not exist at x = 9/10 (a corner"},
                 {"f'(0.5)", "-1"},
                 {"f''(0.3 * 3)", "error: the first derivative does not exist at x = 9/10 (a corner"},  // was 0
                 {"f''(0.5)", "0"},
                 {"w = abs(x - 0.9)", ""},
                 {"dw/dx at x = 0.7 + 0.2", "error: the derivative does not exist at x = 9/10 (a corner"},
                 {"d^2w/dx^2 at x = 0.7 + 0.2", "error: the first derivative does not exist at x = 9/10 (a corner"},
                 {"dw/dx at x = 0.5", "-1"},
                 {"h(x) = abs(sin(x) - sin(0.3))^2", ""},
                 {"h''(x) at x = 0.3", "1.8253356149096782"},
                 {"d^2w/dx^2 at x = 0.5", "0"},
                 // and the digits of a definition's decimals, which cancel exactly as written
                 {"g(x) = 0.1x^2 + 0.2x^2 - 0.3x^2", ""},
                 {"g'(1.5)", "0.0"},
                 {"g'(x) at x = 1.5", "0.0"},
                 {"v = 0.1x^2 + 0.2x^2 - 0.3x^2", ""},
                 {"dv/dx at x = 1.5", "0.0"}});
}

// A derivative by an entry x_k at a point: k given makes it the entry x_7 everywhere, outside a
// sum as inside (the x_k outside was left as it was, and its term lost); another entry of the
// family given a value, k not, may be x_k itself (a helper's random sessions: each printed 0).
TEST_CASE("trust: a derivative by an entry x_k at a point renames it with k, and refuses other entries without k") {
  check_rows({
      {"∂/∂x_k (x_k^2 + sum(x_n^2, n = 1 .. 3)) at k = 7", "2x_7"},
      {"∂/∂x_k (x_k^2 + sum(x_n^2, n = 1 .. 3)) at k = 2", "4x_2"},
      {"∂/∂x_k x_k^2 at k = 7", "2x_7"},
      {"∂/∂x_k sum(x_n x_k, n = 1 .. 3) at k = 2", "x_1 + 2x_2 + x_3"},
      {"∂/∂x_k (x_k sum(x_n, n = 1 .. 3)) at k = 2", "x_1 + 2x_2 + x_3"},
      {"∂/∂x_k sum(x_n^2, n = 1 .. 3) at x_2 = 1, k = 1", "2x_1"},
      {"∂/∂x_k sum(x_n^2, n = 1 .. 3) at k = 2, x_2 = 5", "10"},
      {"∂/∂x_k sum(x_n^2, n = 1 .. 3) at x_1 = 1", "error: x_k may be the entry x_1 given a value at the point: give k a value too"},
      {"∂/∂x_k (x_1 x_k) at x_1 = 3", "error: x_k may be the entry x_1"},
      {"d/dx_k sum(x_n^2, n = 1 .. 3) at x_1 = 1", "error: x_k may be the entry x_1"},
  });
  check_in_turn({{"L = sum((t_n - (a x_n + b))^2, n = 1 .. N)", ""},
                 {"∂L/∂x_k at N = 3, a = 1, b = 0", "-2t_k + 2x_k   (1 <= k <= 3)"},
                 {"∂L/∂x_k at N = 3, a = 1, b = 0, t_1 = 1", "error: whether the entry t_1 given a value at the point is of index k"},
                 {"∂L/∂x_k at N = 3, a = 1, b = 0, t_1 = 1, k = 1", "2x_1 - 2"}});
}

// A chain through definitions was not checked against its decimals' exact reading: with
// u = 0.1x + 0.2x - 0.3x (exactly 0), dy/dx printed dy/du · du/dx = 1.7e-16 u^2 = 5.1e-49 x^2.
TEST_CASE("trust: a chain through definitions with decimals gets its exact value") {
  check_in_turn({{"v = 0.1x^2 + 0.2x^2 - 0.3x^2", ""},
                 {"dv/dx", "dv/dx = 0.0"},
                 {"y = u^3", ""},
                 {"u = 0.1x + 0.2x - 0.3x", ""},
                 {"dy/dx", "dy/dx = 0.0"},
                 {"u = 0.5x", ""},
                 {"dy/dx", "dy/dx = dy/du * du/dx\n      = 1.5u^2\n      = 0.375x^2"}});
}

// A value whose sum nests decimals deep is checked once per level: 1.1 (...) + 0.3 y, 18 deep,
// took seconds (each level folded twice); definitions that need themselves are refused, not
// followed until the stack ends (c = c - c is 0 but needs c).
TEST_CASE("trust: deep decimal sums are checked in linear time, and a definition that needs itself is refused") {
  std::string nested = "0.7";
  for (int i = 0; i < 24; ++i) nested = "1.1 (" + nested + ") + 0.3 y";
  check_rows({{nested.c_str(), "26.549198027422875y + 6.894812873065342"}});
  check_in_turn({{"c = c - c", "error: 'c' would depend on itself (c -> c)"},
                 {"c = d - d", ""},
                 {"d = c", "error: 'd' would depend on itself (d -> c -> d)"},
                 {"c", "0"}});
}

// A double that overflows is no undefined value: softplus(1000.0) (e^1000 overflows inside the
// formula) is 1000.0, and cosh(800.0), about 1.4e347, is refused as beyond a double's range, not
// as undefined, nor as a derivative that does not exist; where only a part overflows, the
// statement read with its decimals exact answers (d/dx log(cosh(x)) at 800.0 is tanh(800)).
TEST_CASE("trust: a value beyond a double's range is not called undefined") {
  check_rows({
      {"softplus(1000.0)", "1000.0"},
      {"d/dx softplus(x) at x = 1000.0", "1.0"},
      {"cosh(800.0)", "error: cosh(800.0) is about 1.36319e+347, beyond the range of a double"},
      {"d/dx log(cosh(x)) at x = 800.0", "1.0"},
      {"log(0.0)", "error: log(0) is undefined"},
      {"atanh(1.0)", "error: atanh(1.0) is undefined"},
  });
}

// An exact argument next to a domain's edge at -1 or 1 was tested as its nearest double, which is
// the edge: atanh(1 - 10^-16) was refused as undefined, and asin(1 + 10^-17) taken.
TEST_CASE("trust: an exact number next to a domain's edge is on its own side of it") {
  check_rows({
      {"approx(atanh(1 - 10^-16))", "18.7672543342323"},
      {"atanh(9223372036854775806/9223372036854775807)", "atanh(9223372036854775806/9223372036854775807)"},
      {"asin(1 + 10^-17)", "error: asin(100000000000000001/100000000000000000) is undefined: the argument must be between -1 and 1"},
      {"acos(-1 - 10^-17)", "error: the argument must be between -1 and 1"},
      {"acosh(1 - 10^-17)", "error: the argument must be at least 1"},
      {"atanh(1)", "error: atanh(1) is undefined"},
      {"asin(1)", "pi/2"},
      // (A decimal is its double in the first reading, and the exact reading decides.)
      {"approx(asin(0.99999999999999998), 5)", "1.5708"},
      {"approx(acos(cos(1e-10)))", "1.0e-10"},
      {"approx(atanh(0.99999999999999999))", "19.9185468807294"},
      {"atanh(0.99999999999999999)", "19.918546880729362"},
      {"atanh(1.0)", "error: atanh(1.0) is undefined"},
  });
  // A derivative through definitions whose decimals the doubles round onto the edge.
  check_in_turn({{"y = atanh(u)", ""}, {"u = x - 0.00000000000000001", ""}, {"dy/dx at x = 1", "5e+16"}});
}

// A sign of decimals that cancel exactly as written was the sign of the doubles' rounding:
// sign(cos(0.1)^2 + sin(0.1)^2 - 1) printed -1.0 (it is 0; precise values of that 0 are rounding
// too, and agreed). Where the argument is 0 as written the answer says so; where ddx cannot tell
// it from 0 it refuses.
TEST_CASE("trust: a sign of decimals that may cancel exactly is decided as written, or refused") {
  check_rows({
      {"sign(0.1 + 0.2 - 0.3)", "0.0"},
      {"sign(cos(0.1)^2 + sin(0.1)^2 - 1)", "error: ddx cannot decide the value: with the decimals as written, a sign's argument may be exactly 0"},
      {"sign(log(8.0) - 3 log(2))", "error: ddx cannot decide the value"},
      {"2.5 sign(sin(0.5))", "2.5"},
      {"sign(x - 0.3) at x = 0.1 + 0.2", "0.0"},
  });
}

// A derivative's denominator written apart read as products of the variable d: d/d x x^2 was
// x^3, d(sin(x))/d x was x sin(x), d(x^2)/(dx) was x (a helper's metamorphic run found them).
// Refused with both readings; written with '*' they are the quotients they spell.
TEST_CASE("trust: a derivative's denominator written apart is refused, not read as a product") {
  check_rows({
      {"d/d x x^2", "error: '/d x' divides by the variable d, then multiplies: write /dx (no space)"},
      {"d(sin(x))/d x", "error: '/d x' divides by the variable d"},
      {"d^2/d x^2 x^3", "error: '/d x' divides by the variable d"},
      {"d^2(x^3)/d x^2", "error: '/d x' divides by the variable d"},
      {"dy/d x", "error: '/d x' divides by the variable d"},
      {"d/d x", "error: '/d x' divides by the variable d"},
      {"d(x^2)/(dx)", "error: '/(dx)' divides by a product with the variable d: write /dx (no brackets)"},
      {"d(x^2)/(d x)", "error: '/(d x)' divides by a product with the variable d"},
      {"d*x^2/(d*x)", "x"},
      {"d*(x^2)/(d*x)", "x"},
      {"d/d*x", "x"},
      {"a/d x", "a x/d"},
      {"d(x^2)/dx", "2x"},
      // The message names the variable written.
      {"d x/d y", "error: '/d y' divides by the variable d, then multiplies: write /dy (no space) for the derivative, or /d*y"},
      {"d(t^2)/(d t)", "error: write /dt (no brackets) for the derivative, or /(d*t) for the quotient"},
  });
  check_rows({{"dy/d x", "error: '/d x' divides by the variable d"}}, {"y = x^2"});
  // With declared vectors too (d/d x x^T x was x x^T x, d(x^T x)/d x (x^T x) x).
  check_rows({{"d/d x x^T x", "error: '/d x' divides by the variable d, then multiplies"},
              {"d(x^T x)/d x", "error: '/d x' divides by the variable d"},
              {"d(x^T x)/(dx)", "error: '/(dx)' divides by a product with the variable d"},
              {"d/dx x^T x", "2x"},
              {"d(x^T x)/dx", "2x"}},
             {"x in R^n"});
}

// == checks exact sides at the very point the doubles were computed at: a difference the doubles
// see is then never explained away by a point near it where it happens to vanish (sin(1024 pi x)
// == 0 was true, its exact check made at a multiple of 1/1024), nor one they miss.
TEST_CASE("trust: == checks exact sides at the random points themselves, not at points near them") {
  check_rows({
      {"sin(1024 pi x) == 0", "false"},
      {"x + sin(2048 pi x) == x", "false"},
      {"sin(1024 pi (x + y)) == 0", "false"},
      {"x^2 == x^2 + 10^-20 sin(1024 pi x)", "false  # they differ by about 7.51e-21 at x = 2.16"},
      {"x == x + 10^-12 (x - 2207/1024)", "false  # they differ by about -2.64e-16 at x = 2.16"},
      {"10^20 (tan(x)^2 + 1 - sec(x)^2) == 0", "true  # checked numerically at 24 random points"},
  });
}

// A table with bounds that are numbers takes its rows at the exact x and prints certain digits:
// 1/(x - 1/3) at 1/3 was -3000399485256.83 (the doubles' x0 + i step, a neighbour of 1/3), 3x at
// 1/3 was 0.999999999999, sin(1/3) 0.327194696795837 (at x rounded to 12 digits), x - 1 near 1 was
// 0 on every row, (1 - cos(x))/x^2 at 1e-8 was 0.
TEST_CASE("trust: a table of exact bounds has exact rows and certain digits") {
  check_rows({
      {"table(1/(x - 1/3), x = 0 .. 1 step 1/3)",
       "                x  1/(x - 1/3)\n                0           -3\n0.333333333333333    undefined\n"
       "0.666666666666667            3\n                1          1.5"},
      {"table(x, 3x, x = 0 .. 2/3 step 1/3)",
       "                x                  x  3x\n                0                  0   0\n"
       "0.333333333333333  0.333333333333333   1\n0.666666666666667  0.666666666666667   2"},
      {"table(sin(x), x = 0 .. 1/3 step 1/3)", "                x             sin(x)\n                0                  0\n"
                                               "0.333333333333333  0.327194696796152"},
      {"table(x - 1, x = 0.99999999999998 .. 1 step 0.00000000000001)",
       "               x   x - 1\n0.99999999999998  -2e-14\n0.99999999999999  -1e-14\n               1       0"},
      {"table((1 - cos(x))/x^2, x = 1e-8 .. 2e-8 step 1e-8)", "    x  (1 - cos(x))/x^2\n1e-08               0.5\n2e-08               0.5"},
      {"table(x/x, x = -1 .. 1 step 1)", " x          1\n-1          1\n 0  undefined\n 1          1"},
  });
}

// Bounds that are other constants (pi/4) are exact too: the rows were at x rounded to 12 digits,
// where sin(pi) was -2.07e-13, cos(pi/2) 4.9e-12, tan(pi/2) 204223803255.973 and sin(pi/4)
// 0.70710678118623.
TEST_CASE("trust: a table of constant bounds has exact rows and certain digits") {
  check_rows({
      {"table(tan(x), x = 0 .. pi step pi/4)",
       "                x     tan(x)\n                0          0\n0.785398163397448          1\n"
       "  1.5707963267949  undefined\n 2.35619449019234         -1\n 3.14159265358979          0"},
      {"table(x, x = 0 .. 1 step 1/pi)",  // 1/(1/pi) = pi: four rows, counted by certain digits
       "                x                  x\n                0                  0\n0.318309886183791  0.318309886183791\n"
       "0.636619772367581  0.636619772367581\n0.954929658551372  0.954929658551372"},
      {"table(x, x = 0 .. 1 step log(8) - 3log(2))", "error: the step must be a positive number"},
  });
  {
    ddx::Session s;  // the default step, (pi - 0)/10, is exact too: cos(pi/2) is 0
    std::string text = answer(s, "table(cos(x), x = 0 .. pi)");
    CAPTURE(text);
    CHECK(text.find("\n  1.5707963267949                   0\n") != std::string::npos);
    CHECK(text.find("\n 3.14159265358979                  -1") != std::string::npos);
  }
  // Every row of sin and cos on 0 .. 2pi step pi/n against long-double sines, and exactly 0 where
  // the exact value is 0.
  for (int n : {2, 3, 4, 6, 12}) {
    ddx::Session s;
    std::string text = answer(s, "table(sin(x), cos(x), x = 0 .. 2pi step pi/" + std::to_string(n) + ")");
    CAPTURE(text);
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);  // the header
    int i = 0;
    for (; std::getline(lines, line); ++i) {
      std::istringstream cells(line);
      std::string x, sin_cell, cos_cell;
      cells >> x >> sin_cell >> cos_cell;
      long double at = i * 3.14159265358979323846264338327950288L / n;
      CHECK(std::fabs(std::strtold(sin_cell.c_str(), nullptr) - std::sin(at)) <= 1e-15L);
      CHECK(std::fabs(std::strtold(cos_cell.c_str(), nullptr) - std::cos(at)) <= 1e-15L);
      if (i % n == 0) CHECK(sin_cell == "0");
      if ((2 * i) % n == 0 && (2 * i / n) % 2 == 1) CHECK(cos_cell == "0");
    }
    CHECK(i == 2 * n + 1);
  }
}

// A table's bounds and step with decimals are the exact numbers written (1e6 pi was 1000000.0 pi,
// whose rows were doubles: sin -2.4e-10, tan 4193528956, one row lost; 1 + 1e-16 was 1, one row too
// many); its ends are ordered exactly (10^16 .. 10^16 + 1 was refused, their doubles being equal)
// and its x print as many digits as tell the rows apart; a cell has 15 certain digits (sqrt(2)
// printed 1.41421356237309, from the double of its 17 digits) and one ddx cannot tell from 0 is ~0,
// not the doubles' 2.8e-17.
TEST_CASE("trust: a table reads decimals as written, orders its ends exactly and marks what it cannot tell from 0") {
  check_rows({
      {"table(sin(x), tan(x), x = 1e6*pi .. 1e6*pi + pi step pi/2)",
       "               x  sin(x)     tan(x)\n3141592.65358979       0          0\n3141594.22438612       1  undefined\n"
       "3141595.79518245       0          0"},
      {"table(x, x = 10^16 .. 10^16+1 step 1/4)",
       "                   x      x\n   10000000000000000  1e+16\n10000000000000000.25  1e+16\n"
       " 10000000000000000.5  1e+16\n10000000000000000.75  1e+16\n   10000000000000001  1e+16"},
      {"table(x, x = 0 .. 3 step 1e-16 + 1)", "x  x\n0  0\n1  1\n2  2"},
      {"table(sin(0.5x), x = 0 .. pi step pi/2)",  // (the header as typed; the cells exact)
       "               x          sin(0.5x)\n               0                  0\n 1.5707963267949  0.707106781186548\n"
       "3.14159265358979                  1"},
      {"table(sqrt(x), x = 2 .. 3 step 1)", "x           sqrt(x)\n2   1.4142135623731\n3  1.73205080756888"},
      {"table(sin(x)^2 + cos(x)^2 - 1, x = 0 .. 1 step 1/2)",
       "  x  cos(x)^2 + sin(x)^2 - 1\n  0                        0\n0.5                       ~0\n  1                       ~0"},
      {"table(x, x = 1 .. 1)", "error: the range must go from a smaller to a larger number"},
      // past a double's range a value is its digits (they printed inf, 0 or undefined)
      {"table(exp(x), exp(-x), x = 1000 .. 1001 step 1)",
       "   x                    e^x                 e^(-x)\n1000  1.97007111401705e+434  5.07595889754946e-435\n"
       "1001  5.35520851000461e+434   1.8673409226397e-435"},
      {"table(x^2, x = 1e-300 .. 2e-300 step 1e-300)", "     x     x^2\n1e-300  1e-600\n2e-300  4e-600"},
      // a fraction's own 15 digits, not its double's (1/109 ended in 551); a count that stops
      // short of a row just past the end (pi - 10^-16 had a second row, at pi); x that a double
      // cannot tell apart (1 + 10^-400 was 1); a million-digit cell a limit, no internal error
      {"table(1/x, x = 109 .. 110 step 1)", "  x                  1/x\n109   0.0091743119266055\n110  0.00909090909090909"},
      {"table(x, x = 0 .. pi - 10^-16 step pi)", "x  x\n0  0"},
  });
  {
    ddx::Session counted;
    std::string ten = answer(counted, "table(x, x = 0 .. sqrt(200) - 10^-40 step sqrt(2))");
    CHECK(std::count(ten.begin(), ten.end(), '\n') == 10);  // the header and 10 rows, not 11
    std::string tiny = answer(counted, "table(x - 1, x = 1 .. 1 + 10^-400 step 10^-400)");
    CHECK(tiny.find("1.0000000000") != std::string::npos);
    CHECK(tiny.find("0000001  1e-400") != std::string::npos);
  }
  ddx_test::RunResult huge = ddx_test::run_ddx("", "table(x^(10^6), x = 1 .. 1.001 step 10^-3)\n");
  CHECK(huge.err.find("error: exact result too large") != std::string::npos);
  CHECK(huge.err.find("internal error") == std::string::npos);
  CHECK(huge.status == 1);
  // Every cell is the correctly rounded 15 digits (long double's 19 digits rounded, as %.15Lg does).
  ddx::Session s;
  std::string text = answer(s, "table(sqrt(x), sin(x), exp(x), x = 1 .. 40 step 1)");
  CAPTURE(text);
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);  // the header
  int x = 1;
  for (; std::getline(lines, line); ++x) {
    std::istringstream cells(line);
    std::string at, sqrt_cell, sin_cell, exp_cell;
    cells >> at >> sqrt_cell >> sin_cell >> exp_cell;
    auto digits = [](long double v) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.15Lg", v);
      return std::string(buf);
    };
    CHECK(sqrt_cell == digits(std::sqrt(static_cast<long double>(x))));
    CHECK(sin_cell == digits(std::sin(static_cast<long double>(x))));
    CHECK(exp_cell == digits(std::exp(static_cast<long double>(x))));
  }
  CHECK(x == 41);
}

// == compares exact sides beyond [-2.5, 2.5] too, beside the numbers written in them and at sizes
// up to 100, with both signs: max(x, 3) == 3 agreed at every point it was tried at, all below 3,
// and was "true  # checked numerically at 12 random points"; so were relu(x - 3) == 0,
// abs(x - 3) == 3 - x, sign(x - 5) == -1 and max(x, 1000) == 1000.
TEST_CASE("trust: == looks beyond the small numbers, beside the numbers the sides write") {
  check_rows({
      {"max(x, 3) == 3", "false"},
      {"relu(x - 3) == 0", "false"},
      {"abs(x - 3) == 3 - x", "false"},
      {"sign(x - 5) == -1", "false"},
      {"sqrt((x - 3)^2) == 3 - x", "false"},
      {"max(x, 10^7) == 10^7", "false"},
      {"min(x, -1000) == -1000", "false"},
      {"abs(x y - 6) == 6 - x y", "false"},
      {"max(x, y) == (x + y + abs(x - y))/2", "true  # checked numerically at 24 random points"},
      {"relu(x) == max(x, 0)", "true  # checked numerically at 24 random points"},
      {"softplus(x) == log(1 + exp(x))", "true  # checked numerically at 24 random points"},
      {"10^20 (tan(x)^2 + 1 - sec(x)^2) == 0", "true  # checked numerically at 24 random points"},
  });
}

// == looks beside every corner of a piece (where the argument of abs, sign, relu, max or min
// changes sign, found along each variable), compares exact sides exactly at every point where
// their doubles agree, and takes a double past its range for no edge of a domain (a helper's
// findings: each of these was true, but the last, which was false "only one side is defined").
TEST_CASE("trust: == looks beside corners, checks every agreeing point exactly, and overflow is no domain") {
  check_rows({
      {"relu(x - 2 pi) == 0", "false  # they differ by about 0.00628 at x = 6.29"},
      // (the left side has no value below 0, which == now sees first; the corner at 4 is seen
      // where the side has values everywhere)
      {"relu(sqrt(x) - 2) == 0", "false  # only one side is defined at x = -0.558"},
      {"relu(sqrt(x^2) - 2) == 0", "false"},
      {"relu(cos(x) - 99/100) == 0", "false  # they differ by about 0.01 at x = 0"},
      {"abs(x - 1/10) + abs(x + 1/10) == 2 abs(x)", "false  # they differ by about 0.0002 at x = 0.0999"},
      {"relu(x - 3) relu(7/2 - x) == 0", "false  # they differ by about 0.00174 at x = 3.5"},
      {"relu(x/y - 10) == 0", "false  # they differ by about 0.01 at x = -21.8, y = -2.18"},
      {"sign(x)^2 == 1", "false  # they differ by about -1.0 at x = 0"},
      {"10^-14 relu(-x) == 0", "false  # they differ by about 5.58e-15 at x = -0.558"},
      {"x^40 + relu(-x - 2) == x^40", "false  # they differ by about 1.01 at x = -3.01"},
      {"sinh(400 x)/cosh(400 x) == tanh(400 x)", "true  # checked numerically at 12 random points"},
      {"relu(x) == max(x, 0)", "true  # checked numerically at 24 random points"},
      {"log(x^2) == 2 log(x)", "false  # only one side is defined at x = -0.558"},
  });
}

// == tries points where the variables of an exponent are whole, where alone a negative base has
// such a power: (x^a)^b == x^(a b) agreed wherever both sides had values at random points (a not
// whole), and was "true  # checked numerically at 12 random points"; so were the two below it.
TEST_CASE("trust: == looks where exponents are whole numbers") {
  check_rows({
      {"(x^a)^b == x^(a b)", "false  # only one side is defined at a = -2, b = 1.85, x = -0.517"},
      {"(x^a)^(1/2) == x^(a/2)", "false  # they differ by about 0.886 at a = 2, x = -0.443"},
      {"sqrt(x^a) == x^(a/2)", "false  # they differ by about 0.886 at a = 2, x = -0.443"},
      {"x^a == exp(a log(x))", "false  # only one side is defined at a = 1, x = -2"},
      // (x^a)^2 and x^a x^b as written have no value at x < 0 where a and b are halves, though
      // 2a and a + b are whole there and the sides they read as have one (a helper's hunt)
      {"(x^a)^2 == x^(2a)", "false  # only one side is defined at a = 0.5, x = -1.9"},
      {"x^(a + b) == x^a x^b", "false  # only one side is defined at a = 0.5, b = 0.5, x = -0.614"},
      {"x^a/x^b == x^(a - b)", "false  # only one side is defined at a = 0.5, b = 0.5, x = -0.614"},
      {"x^a x^b x^c == x^(a + b + c)", "false  # only one side is defined at a = 0.5, b = 0.5, c = 1, x = -0.991"},
      {"x^(a/2) x^(b/2) == x^((a + b)/2)", "false  # only one side is defined at a = 1, b = 1, x = -2.2"},
      {"x^(2a) x^(2b) == x^(2a + 2b)", "false  # only one side is defined at a = 0.25, b = 0.25, x = -0.472"},
      // odd roots are real: the sides agree wherever they have values (a helper's hunt)
      {"(x^(a/3))^3 == x^a", "true"},
      {"d/dx (a x)^a == a (a x)^a/x", "true  # checked numerically at 13 random points"},
      {"2^a 2^b == 2^(a + b)", "true"},
      {"x^a x^b == x^a x^b", "true"},
      {"2^x == exp(x log(2))", "true  # checked numerically at 24 random points"},
      {"(x^2 + 1)^a == exp(a log(x^2 + 1))", "true  # checked numerically at 24 random points"},
  });
}

// A piece may begin and end between two points of the corner search's grid, and a corner may lie
// beyond 10^3 (a helper's == hunt: each of these was true): == also tries each corner argument's
// extremes, and its grid reaches 10^12.
TEST_CASE("trust: == looks at the extremes of a corner's argument, and at corners far away") {
  check_rows({
      {"relu(cos(x - 1/2) - 9999/10000) == 0", "false  # they differ by about 0.0001 at x = 0.5"},
      {"relu(cos(x - 50) - 9999/10000) == 0", "false  # they differ by about 0.0001 at x = -0.265"},
      {"relu(sin(x) - 999999/1000000) == 0", "false  # they differ by about 0.000001 at x = 1.57"},
      {"relu(x - e^10) == 0", "false  # they differ by about 22.0 at x = 2.2e+04"},
      {"max(x, e^10) == e^10", "false  # they differ by about 22.0 at x = 2.2e+04"},
      {"relu(log(x) - 20) == 0", "false  # only one side is defined at x = -0.558"},
      {"relu(log(x^2 + 1) - 40) == 0", "false  # they differ by about 0.002 at x = -4.86e+08"},
      {"relu(x) == max(x, 0)", "true  # checked numerically at 24 random points"},
      {"max(x, y) == (x + y + abs(x - y))/2", "true  # checked numerically at 24 random points"},
  });
}

// A float zero beside terms goes as it goes beside one term (a helper's fuzzing: 2.5 (a - b)
// printed 2.5a - 2.5b + 0.0, where x + 0.0 is x).
TEST_CASE("trust: no + 0.0 beside terms") {
  check_rows({{"2.5*(a - b)", "2.5a - 2.5b"}, {"(a - b)*0.1", "0.1a - 0.1b"}, {"x + 0.0", "x"}, {"0.5x - 0.5x", "0.0"}});
}

// A decimal value that is 0 at every precision up to 4096 bits is 0 only where an enclosure at a
// higher one does not leave 0 out: cosh(1450.0) - sinh(1450.0), 1.9e-630, printed 0.0.
TEST_CASE("trust: a decimal value below every precision tried is not 0 when it is not") {
  check_rows({
      {"cosh(1450.0) - sinh(1450.0)", "error: beyond the range of a double"},
      {"cosh(710.0) - sinh(710.0)", "error: below the range of a double"},
      {"sin(1.0)^2 + cos(1.0)^2 - 1", "0.0"},
      {"1 - tanh(100.5)^2", "2.036428323580044e-87"},
  });
}

// A table is no value: ans stays the answer before it (it was 0, and ans + 1 was 1), as after a plot.
TEST_CASE("trust: a table leaves ans as it was") {
  ddx_test::check_in_turn({{"x^3", "x^3"},
                           {"table(x^2, x = 1 .. 2 step 1)", "x  x^2\n1    1\n2    4"},
                           {"ans + 1", "x^3 + 1"},
                           {"table(x^2, x = 1e-300 .. 2e-300 step 1e-300)", "     x     x^2\n1e-300  1e-600\n2e-300  4e-600"},
                           {"ans", "x^3 + 1"}});
}

// implicit ... at a point of decimals checks the curve with the decimals as written (0.8 is 4/5):
// y = 0.8000000001 on x^2 + y^2 = 1 passed within the doubles' tolerance and gave -0.74999999990625.
TEST_CASE("trust: implicit at a point of decimals checks the curve with them as written") {
  check_rows({
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.6, y = 0.8000000001", "error: the point x = 0.6, y = 0.8000000001 is not on the curve"},
      {"implicit(x^3 + y^3 = 2, d^2y/dx^2) at x = 1, y = 1.00000000001", "error: is not on the curve"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.6, y = 0.8", "-0.75"},
  });
}

// A point off the curve by a constant that is no fraction is refused too: its sides were proved
// unequal by their digits, but a note on that verdict let it through, and x = pi, y = 0 on y = x
// was given the slope 1 (a helper's finding). Points on the curve by an identity still answer.
TEST_CASE("trust: implicit refuses a point off the curve by pi, e, a root or a sine") {
  check_rows({
      {"implicit(y = x, dy/dx) at x = pi, y = 0", "error: the point x = pi, y = 0 is not on the curve"},
      {"implicit(y = e^x, dy/dx) at x = 1, y = 3", "error: is not on the curve: the left side is 3 there and the right side e"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = pi/4, y = 1/2", "error: is not on the curve"},
      {"implicit(x y = 1, dy/dx) at x = sqrt(2), y = 1", "error: is not on the curve"},
      {"implicit(y = sin(x), dy/dx) at x = 1, y = 1/2", "error: is not on the curve"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = cos(1), y = sin(1)", "-cos(1)/sin(1)"},
      {"implicit(y = sin(x), dy/dx) at x = pi/6, y = 1/2", "sqrt(3)/2"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = sqrt(2)/2, y = sqrt(2)/2", "-1"},
      {"implicit(f(x, y) = 0, dy/dx) at x = 1, y = 2", "-∂f/∂x(1, 2)/(∂f/∂y(1, 2))"},
      // the equation's corner, not y's, is what its slopes are
      {"implicit(y^3 + abs(x) y = 1, dy/dx) at x = 0, y = 1", "error: the equation's partial derivatives, which dy/dx is made of"},
  });
}

// A total differential's left side is a differential none of its terms use: total(f x) printed
// df = x df + f dx, an equation that does not hold; total(x) printed dx = dx.
TEST_CASE("trust: a total differential's left side is not one of its variables' differentials") {
  check_rows({
      {"total(x^2 y)", "df = 2x y dx + x^2 dy"},
      {"total(f x)", "dF = x df + f dx"},
      {"total(f F x)", "dg = f x dF + F x df + F f dx"},
      {"total(x)", "df = dx"},
      {"total(f F g G h H x)", "df_1 = G H f g h x dF + F H f g h x dG + F G f g h x dH + F G H g h x df + F G H f h x dg + "
                               "F G H f g x dh + F G H f g h dx"},
  });
  check_rows({{"total(z)", "dz = 2x y dx + x^2 dy"}}, {"z = x^2 y"});
}

// A tangent's line is `y = ...`; where the function names y, y = x y was an equation that does
// not hold: the left side is then a name the function does not use.
TEST_CASE("trust: a tangent's left side is a name its function does not use") {
  check_rows({
      {"tangent(x^2, x = 1)", "y = 2x - 1"},
      {"tangent(x y, x = 2)", "Y = x y"},
      {"tangent(x^2 y, x = 1)", "Y = 2x y - y"},
      {"tangent(x y Y, x = 1)", "T = Y x y"},
      // nor the variable the line is along (y = x^2 was a parabola; a helper's hunt)
      {"tangent(x^2, y = 1)", "Y = x^2"},
      {"tangent(5, y = 2)", "Y = 5"},
      {"tangent(sin(y), y = 0)", "Y = y"},
  });
  // nor a defined name: after y = x^2, y = 2x - 1 did not hold (a helper's finding)
  check_rows({{"tangent(y, x = 1)", "Y = 2x - 1"}, {"tangent(y + 1, x = 1)", "Y = 2x"}}, {"y = x^2"});
}

// x^max(x, 2) is x^2 around -1/2, but its derivative's formula takes log(-1/2) (times max's slope,
// 0 there): "the derivative does not exist" was a false claim. Where the function has values all
// around the point, ddx says it cannot decide; where it has none (x^x at -1), the claim stands.
TEST_CASE("trust: a derivative's formula without a value is no proof that the derivative does not exist") {
  check_rows({
      {"d/dx x^max(x, 2) at x = -1/2", "error: ddx cannot decide whether the derivative exists at x = -1/2"},
      {"d/dx x^min(x, -1) at x = -1/3", "error: ddx cannot decide whether the derivative exists at x = -1/3"},
      {"taylor(x^max(x, 2), x = -1/2, 3)", "error: ddx cannot decide whether the derivative exists"},
      {"d/dx x^x at x = -1", "error: the derivative does not exist at x = -1 (log of a negative number is not real)"},
      {"d/dx x^(1/3) at x = 0", "error: the derivative does not exist at x = 0 (division by zero)"},
      {"d/dx x^max(x, 2) at x = 3", "27 log(3) + 27"},
  });
}

// A negative number to a decimal power that is no integer has no real value in floating point,
// which is how (-32)^0.2 was refused and how the code printed for x^0.2 computes it (NaN in C,
// complex in Python); x^0.2 at x = -32 was read again with 0.2 as 1/5 and answered -2 (an odd
// root). Every path now refuses it; an exact exponent keeps its real odd root.
TEST_CASE("trust: a negative number to a decimal power is not real on every path") {
  check_rows({
      {"(-32)^0.2", "error: (-32)^(0.2) is not a real number"},
      {"x^0.2 at x = -32", "error: (-32)^(0.2) is not a real number"},
      {"d/dx x^0.2 at x = -32", "error: (-32)^(0.2) is not a real number"},
      {"approx((-32)^0.2)", "error: (-32)^(0.2) is not a real number"},
      {"x^(1/5) at x = -32", "-2"},
      {"x^0.2 at x = 32", "2.0"},
      {"(0.1 + 0.2 - 0.3)^0.5", "0.0"},
  });
  check_rows({{"y at x = -32", "error: (-32)^(0.2) is not a real number"}}, {"y = x^0.2"});
}

// A defined name given a value after `at`, where the expression is read through its definition,
// was passed over without a word: after u = x + 1, y = u^2, `y at u = 3` printed (x + 1)^2 and
// `dy/dx at u = 3` 2x + 2. Refused; a derivative by the name takes the point (d/du y at u = 3 is 6).
TEST_CASE("trust: at a defined name the expression is read through is refused, not passed over") {
  const std::vector<std::string> setup{"u = x + 1", "y = u^2"};
  check_rows({{"y at u = 3", "error: 'u' is a defined name, read as its value (x + 1): at u = ... changes nothing here"},
              {"dy/dx at u = 3", "error: 'u' is a defined name, read as its value (x + 1)"},
              {"grad(y) at u = 3", "error: 'u' is a defined name"},
              {"d/du y at u = 3", "6"},
              {"dy/du at u = 3", "6"},
              {"y at x = 2", "9"}},
             setup);
  check_rows({{"∂x5/∂x3 at x3 = 1", "e^4 x2^2"}, {"∂x5/∂x2 at x1 = 3, x2 = 4", "72e^4"}},
             {"x3 = x1 + x2", "x4 = x2^2 e^4", "x5 = x3 x4 + e"});
}

// A name given two values after `at` took the last without a word (x^2 at x = 1, x = 2 was 4).
TEST_CASE("trust: a name given two values after at is refused") {
  check_rows({
      {"x^2 at x = 1, x = 2", "error: 'x' is given two values after 'at'"},
      {"d/dx x^2 at x = 1, x = 2", "error: 'x' is given two values after 'at'"},
      {"grad(x^2 y) at x = 1, y = 2, x = 3", "error: 'x' is given two values after 'at'"},
      {"x^2 y at x = 1, y = 2", "2"},
      {"(x^2 at x = 1) at x = 2", "1"},
  });
}

// A division by a constant that is exactly 0 but not folded (sqrt(1/3) sqrt(3) - 1, which now
// folds) was printed as a value: 1/(sqrt(3x) - (1/3)/x) at x = 1/3 was 1/(sqrt(1/3) sqrt(3) - 1).
TEST_CASE("trust: a division by a constant ddx cannot tell from 0 is refused") {
  check_rows({
      {"1/(sqrt(3*x) - (1/3)/x) at x = 1/3", "error: division by zero"},
      {"1/(x - 3 log(2)) at x = log(8)", "error: division by a value ddx cannot tell from 0 (it may be exactly 0)"},
      {"1/(atan(1/2) + atan(1/3) - pi/4)", "error: division by a value ddx cannot tell from 0"},
      {"x/(log(8) - 3 log(2))", "error: division by a value ddx cannot tell from 0"},
      {"1/(sqrt(2) - 1)", "1/(sqrt(2) - 1)"},
      {"1/(pi - 22/7)", "1/(pi - 22/7)"},
      {"1/(1 - cos(10^-40))", "1/(1 - cos(1/10000000000000000000000000000000000000000))"},
      // (With a decimal, a decimal; its check divided by 0 at the first precision and refused.)
      {"1.5/(1 - cos(10^-40))", "3e+80"},
      {"1.5/(tanh(100) - 1)", "-5.419480326094312e+86"},
      {"d/dx x^2/(tanh(100) - 1) at x = 0.5", "-3.6129868840628745e+86"},
  });
}

// Such a division at a point proves nothing: the value may be no 0. A derivative there was said
// not to exist, and a tangent's function to have no value; the refusal now says what ddx cannot tell.
TEST_CASE("trust: a value ddx cannot tell from 0 is not called undefined") {
  for (const char* input : {"d/dx 1/(x - log(8) + 3 log(2)) at x = 0", "tangent(1/(x - log(8) + 3 log(2)), x = 0)",
                            "taylor(1/(x - log(8) + 3 log(2)), x = 0, 3)", "grad(y/(x - log(8) + 3 log(2))) at x = 0, y = 2"}) {
    CAPTURE(input);
    ddx::Session s;
    CHECK(answer(s, input) == "error@1: division by a value ddx cannot tell from 0 (it may be exactly 0)");
  }
}

// A constant outside a function's domain by less than a margin for rounding stayed as written,
// a value that has none: acosh(470832 sqrt(2)/665857) (1 - 1.1e-12). An enclosure whose ends
// both lie outside now refuses it, the ends compared with the domain's edge exactly (acosh(cos(10^-10))
// stayed as written where its doubles were the edge 1); one that reaches the edge leaves it.
TEST_CASE("trust: a constant just outside a domain is refused where an enclosure shows it") {
  check_rows({
      {"acosh(470832/665857*sqrt(2))", "error: acosh of 1 - 1.12774e-12... is undefined: the argument must be at least 1"},
      {"log(1 - cosh(10^-10))", "error: log of a negative number (-5e-21...) is not real"},
      // Outside by less than a double's rounding at the edge (their doubles are on it).
      {"acosh(cos(10^-10))", "error: acosh of 1 - 5e-21... is undefined"},
      {"asin(cosh(10^-8))", "error: asin of 1 + 5e-17... is undefined"},
      {"asin(-cosh(10^-8))", "error: asin of -1 - 5e-17... is undefined"},
      {"log(1 - cosh(10^-30))", "error: log of a negative number (-5e-61...) is not real"},
      // Outside, but nearer than 4096 bits tell: the interval is shown, not digits it does not fix.
      {"log(1 - cosh(10^-3000))", "error: log of a negative number (between -1.915e-1233 and 0) is not real"},
      {"atanh(1 + exp(-10^4))", "error: atanh of a number above 1 by at most 1.915e-1233 is undefined"},
      {"acos(cos(10^-10))", "acos(cos(1/10000000000))"},
      {"atanh(cos(10^-10))", "atanh(cos(1/10000000000))"},
      {"sqrt(1 - cos(10^-10))", "sqrt(1 - cos(1/10000000000))"},
      {"sqrt(1 - cosh(10^-10))", "error: an even root of a negative number"},
      {"atanh(cosh(10^-25))", "error: the argument must be strictly between -1 and 1"},
      {"log(pi - 3)", "log(pi - 3)"},
      {"sqrt(2 - sqrt(2))", "sqrt(2 - sqrt(2))"},
      {"asin(sin(1))", "asin(sin(1))"},
  });
}

// A decimal with more digits than a double holds was checked at 128 bits first, where
// -1.0000000000000000000000000000000000000001 is -1: acos of it (no value) printed pi.
TEST_CASE("trust: a decimal's last digit counts in the check of its answer") {
  check_rows({
      {"acos(-1.0000000000000000000000000000000000000001)", "error: with the decimals as written, the value is not a real number"},
      {"abs(acos(-1.0000000000000000000000000000000000000001))", "error: with the decimals as written, the value is not a real number"},
      {"acos(-0.9999999999999999999999999999999999999999)", "3.141592653589793"},
  });
}

// A definition whose body divided by a 0 the doubles made was refused as a division by zero, where
// the same expression typed alone was answered (1/(1 - cos(1e-8)) is 2e+16); a function's too.
TEST_CASE("trust: a definition is read with its decimals exact where the doubles fail, as an answer is") {
  check_in_turn({{"c = 1/(1 - cos(1e-8))", ""},
                 {"c", "2e+16"},
                 {"d = x/(1 - cos(1e-8))", ""},
                 {"d/dx d", "2e+16"},
                 {"c = 1/(0.1 + 0.2 - 0.3)", "error: division by zero"},
                 {"c", "2e+16"},
                 {"f = f + 1/(1 - cos(1e-8))", "error: division by zero"}});
  // A body naming a defined name keeps the name (and follows it), so it is not read as a value.
  check_in_turn({{"d = x/(1 - cos(1e-8))", ""}, {"x = 5", ""}, {"d", "1e+17"}, {"x = 6", ""}, {"d", "1.2e+17"},
                 {"g = x/(1 - cos(1e-8))", "error: division by zero"}});
  // A function's body so too, over its parameters; one whose parameter is a defined name (the
  // body read alone would take its value) or that calls itself is not.
  check_in_turn({{"g(x) = x/(1 - cos(1e-8))", ""},
                 {"g(3)", "6e+16"},
                 {"d/dx g(x)", "2e+16"},
                 {"h(x, y) = x y/(1 - cos(1e-8))", ""},
                 {"grad(h(x, y))", "[2e+16 y, 2e+16 x]"},
                 {"x = 4", ""},
                 {"k(x) = x/(1 - cos(1e-8))", "error: division by zero"},
                 {"q(t) = q(t)/(1 - cos(1e-8))", "error: 'q' would call itself"},
                 {"phi(t) = t + phi(2)/(1 - cos(1e-8))", "error: 'phi' would call itself"}});
}

// A mean's symbolic count divides its sum and may cancel against it: mean(x_1, n = 1 .. N) is
// x_1, and at N = 0 it was x_1 too, where the mean of no terms has no value.
TEST_CASE("trust: a mean over a count that an at makes 0 has no value there") {
  check_rows({
      {"mean(x_1, n = 1 .. N) at N = 0", "error: division by zero in the expression as written"},
      {"mean(2, n = 1 .. N) at N = 0", "error: division by zero in the expression as written"},
      {"mean(x_1, n = 1 .. N) at N = 3", "x_1"},
      {"mean(x_n, n = 1 .. N) at N = 2", "x_1/2 + x_2/2"},
  });
  check_in_turn({{"m = mean(x_1, n = 1 .. N)", ""}, {"m at N = 0", "error: division by zero"}, {"m at N = 2", "x_1"}});
}

// A sine of a number with hundreds of millions of digits has no digit ddx can work out: MPFR
// reduced e^250000000 exactly, with pi to 360 million bits, and the statement ran for minutes.
TEST_CASE("trust: a trigonometric function of a huge number is refused at once, not worked out for minutes") {
  check_rows({
      {"approx(sin(exp(250000000)), 20)", "error: cannot approximate a trigonometric function of a number above 10^19728"},
      {"d/dx cos(exp(1e-8 x + 1e8 x)) at x = 2.5", "error: floating-point overflow"},
      {"sin(exp(250000000))", "sin(e^250000000)"},
      {"approx(sin(10^100), 10)", "-0.3723761237"},
      {"sin(exp(1000.0))", "-0.9068741707219151"},
  });
}

// approx worked its value out once, at the digits' precision plus 64 bits, and printed what came
// out: sin(10^100) from 10^100 rounded to 97 bits (-0.3740883343, for -0.3723761237), 1 - cos(10^-40)
// as 0.0, Ramanujan's near-integer with the wrong sign, and rounding noise for an exact 0. Now it
// prints the digits on which both ends of an interval sure to hold the value agree; two precisions
// that agree are not enough (1 + 10^-96 is 1 at 97 bits and at 258).
TEST_CASE("trust: approx prints only digits it is sure of") {
  check_rows({
      {"approx(sin(10^100), 10)", "-0.3723761237"},
      {"approx(exp(pi*sqrt(163)) - 640320^3 - 744, 10)", "-7.499274028e-13"},
      {"approx(1 - cos(10^-40), 10)", "5.0e-81"},
      {"approx(exp(10^96 log(1 + 1/10^96)) - e, 10)", "-1.359140914e-96"},
      {"approx(sin(pi/7)^2 + cos(pi/7)^2 - 1, 10)", "error: cannot be sure of 10 digits of this value: worked out to "},
      {"approx(1 - cos(10^-10000))", "error: cannot be sure of 15 digits of this value"},
      {"approx(exp(10^10) - exp(10^10 + 1))", "error: the value is too large to approximate"},
      {"approx(sin(pi), 5)", "0.0"},
      {"approx(pi, 30)", "3.14159265358979323846264338328"},
      {"approx(log(1 + 10^-5000) 10^5000 - 1, 3000)", "-5.0e-5001"},
  });
}

// A value that is a tie at the digits asked, not written as a fraction (log(8)/log(2)/2 is 3/2), is
// refused, as no enclosure settles a tie: the refusal said it lay "between 1.5 and 1.5". It names
// the tie; a value 10^-30 off it has its digit.
TEST_CASE("trust: approx of a tie it cannot settle says it is one") {
  check_rows({
      {"approx(log(8)/log(2)/2, 1)",
       "error: cannot be sure of 1 digit of this value: worked out to 19728 digits, it is still 1.5 to all of them, halfway "
       "between two numbers of 1 digit (it may be exactly 1.5)"},
      {"approx(log(32)/log(2)/4, 2)", "error: cannot be sure of 2 digits of this value: worked out to 19728 digits, it is still "
                                      "1.25 to all of them, halfway between two numbers of 2 digits (it may be exactly 1.25)"},
      {"approx(log(8)/log(2)/2 + 10^-30, 1)", "2e0"},
      {"approx(log(8)/log(2)/2 - 10^-30, 1)", "1e0"},
      {"approx(3/2, 1)", "2e0"},
  });
}

// approx read decimals as the doubles nearest them, where every other answer reads the exact
// numbers they are written as: approx(0.1 + 0.2 - 0.3) was 5.55e-17 beside 0.1 + 0.2 - 0.3 = 0.0,
// and approx(sin(1e300)) -0.818 (sin of the double) beside sin(1e300) = -0.986.
TEST_CASE("trust: approx reads decimals as written, as every answer does") {
  check_rows({
      {"approx(0.1 + 0.2 - 0.3)", "0.0"},
      {"approx(sin(1e300))", "-0.985750425160377"},
      {"sin(1e300)", "-0.985750425160377"},
      {"approx(1/(0.1 + 0.2 - 0.3))", "error: division by zero"},
      {"approx(1 - cos(1e-8), 20)", "4.9999999999999999583e-17"},
  });
  check_in_turn({{"c = 0.1", ""}, {"approx(c + 0.2 - 0.3)", "0.0"}});
}

// Property: approx(E, 10) is approx(E, 40) rounded to 10 digits, for values that cancel digits or
// reduce huge arguments (each precision's own rounding gave its own wrong digits before).
TEST_CASE("trust: approx's digits do not depend on how many are asked for") {
  std::vector<std::string> values;
  for (int n = 20; n <= 400; n += 38) {
    std::string big = "10^" + std::to_string(n);
    values.push_back("sin(" + big + ")");
    values.push_back("cos(" + big + " + 1/3)");
    values.push_back("(exp(" + big + " log(1 + 1/" + big + ")) - e) " + big);
    values.push_back("(1 - cos(1/" + big + ")) (" + big + ")^2");
    values.push_back("(exp(1/" + big + ") - 1 - 1/" + big + ") (" + big + ")^2");
  }
  for (const std::string& value : values) {
    CAPTURE(value);
    ddx::Session s;
    std::string ten = answer(s, "approx(" + value + ", 10)");
    std::string forty = answer(s, "approx(" + value + ", 40)");
    REQUIRE(ten.find("error") == std::string::npos);
    REQUIRE(forty.find("error") == std::string::npos);
    double coarse = std::strtod(ten.c_str(), nullptr);
    double fine = std::strtod(forty.c_str(), nullptr);
    REQUIRE(fine != 0);
    double last_digit = std::pow(10.0, std::floor(std::log10(std::fabs(fine))) - 9);
    std::string both = ten + " against " + forty;
    CHECK_MESSAGE(std::fabs(coarse - fine) <= 0.51 * last_digit, both);
  }
}

// A corner's argument that is a constant at the point, which no enclosure tells from 0, left its
// sign in the answer as the slope: d/dx abs(x - sin(pi/7)^2 - cos(pi/7)^2) at x = 1 printed
// sign(1 - cos(pi/7)^2 - sin(pi/7)^2), which is 0, at a corner where there is no derivative.
TEST_CASE("trust: a point that may be at a corner, for all ddx can tell, is refused as undecided") {
  check_rows({
      {"d/dx abs(x - sin(pi/7)^2 - cos(pi/7)^2) at x = 1",
       "error: ddx cannot decide whether the derivative exists at x = 1 (it cannot tell on which side of 0 1 - cos(pi/7)^2 - sin(pi/7)^2 is there)"},
      {"d/dx relu(x - atan(1/2) - atan(1/3)) at x = pi/4", "error: ddx cannot decide whether the derivative exists at x = pi/4"},
      {"d/dx abs(x) at x = atan(1/2) + atan(1/3) - pi/4", "error: ddx cannot decide whether the derivative exists"},
      {"d^2/dx^2 abs(x - sin(pi/7)^2 - cos(pi/7)^2) at x = 1", "error: ddx cannot decide whether the first derivative exists at x = 1"},
      {"d/dx (x - 1)^2 abs(x - sin(pi/7)^2 - cos(pi/7)^2) at x = 1", "0"},
      {"d/dx abs(x - 10^200 log(1 + 10^-200)) at x = 1", "1"},
      {"d/dx abs(x - exp(pi*sqrt(163))) at x = 640320^3 + 744", "1"},
      {"d/dx abs(x - sin(pi/7)^2 - cos(pi/7)^2) at x = 2", "1"},
      {"d/dx abs(x - y) at x = 1", "sign(1 - y)"},
      {"d/dx sign(x - pi/4) at x = atan(1/2) + atan(1/3)",
       "error: ddx cannot decide whether the derivative exists at x = atan(1/3) + atan(1/2) (it cannot tell on which side of 0 "
       "atan(1/3) + atan(1/2) - pi/4 is there)"},
  });
}

// A slope formula that divides by zero at the point is infinite there (no derivative), settles on
// two values (a corner), or on one (0/0, a limit ddx does not take): x sqrt(x^2) has derivative
// 0 at 0, and was said to have none. Now ddx says it cannot decide, with the values it sees
// beside the point.
TEST_CASE("trust: a slope that is 0/0 at the point is undecided, not said not to exist") {
  check_rows({
      {"d/dx x sqrt(x^2) at x = 0", "error: ddx cannot decide whether the derivative exists at x = 0 (its formula divides "
                                    "by zero there, a limit ddx does not take; numerically the slope approaches about 0 from "
                                    "both sides)"},
      {"d/dx (x^3)^(1/3) at x = 0", "error: numerically the slope approaches about 1 from both sides"},
      // (where the numbers find no values on one side, the function has none either: an edge)
      {"d/dx sqrt(x^3) at x = 0", "error: the derivative does not exist at x = 0 (the function is not defined on both sides"},
      {"d/dx sqrt(x^2) at x = 0", "error: the derivative does not exist at x = 0 (a corner: numerically the slope approaches "
                                  "about -1 from the left and 1 from the right)"},
      {"d/dx sqrt(x) at x = 0", "error: the derivative does not exist at x = 0 (division by zero)"},
      {"d/dx x^(1/3) at x = 0", "error: the derivative does not exist at x = 0 (division by zero)"},
      {"d/dx x abs(x) at x = 0", "0"},
  });
}

// The reader's shapes a helper found read quietly in a way the language does not say, or
// crashing: each is now read as documented, or refused with the readings it could have.
TEST_CASE("trust: inverse powers of log_b, calls after a function word, the root sign, raised minus, glued points") {
  check_rows({
      // log_2^-1 crashed (it looked for an inverse function's name log_2 has not)
      {"log_2^-1 8", "error: log_2^-1(x) is ambiguous: write 2^x for the inverse function or 1/log_2(x) for the reciprocal"},
      {"log_a^-1(x)", "error: write a^x for the inverse function or 1/log_a(x)"},
      {"log^-1(x)", "error: write exp(x) for the inverse function or 1/log(x)"},
      {"sin^-1.0(x)", "error: write asin(x) for the inverse function or 1/sin(x)"},
      // a call ends a function word's argument, as a function word does (it was sin(x cos(x)))
      {"sin x cos(x)", "sin(x) cos(x)"},
      {"sin x cos(x) at x = 1", "sin(1) cos(1)"},
      {"log x sin(x)", "sin(x) log(x)"},
      {"sin x f(x)", "sin(x) f(x)"},
      {"sin x(x + 1)", "sin(x (x + 1))"},
      {"sin cos(x)", "sin(cos(x))"},
      // √ before more than one factor: the root of them all, or of the first?
      {"√4 x", "error: '√' before juxtaposed factors is ambiguous"},
      {"√2 π", "error: '√' before juxtaposed factors is ambiguous"},
      {"√x sin(x)", "error: '√' before juxtaposed factors is ambiguous"},
      {"√x·y", "sqrt(x) y"},
      {"√(x y)", "sqrt(x y)"},
      {"2√x", "2 sqrt(x)"},
      {"√xy", "error: '√' before juxtaposed factors is ambiguous"},
      // a lone factor after √ is its argument wherever it stands (e^√x was refused: sqrt alone in
      // an exponent had no argument)
      {"e^√x", "e^(sqrt(x))"},
      {"x^-√2", "x^(-sqrt(2))"},
      {"e^√(x)", "e^(sqrt(x))"},
      {"√√x", "sqrt(sqrt(x))"},
      {"sin √x", "sin(sqrt(x))"},
      {"√x^2", "sqrt(x^2)"},
      {"√x**2", "sqrt(x^2)"},
      {"√x_1 + 1", "sqrt(x_1) + 1"},
      {"e^√x + 1", "e^(sqrt(x)) + 1"},
      {"d/dx e^√x at x = 1", "e/2"},
      // a raised minus inside a raised exponent was a baseline minus (x^2 - 1)
      {"x²⁻¹", "error: a superscript minus inside a superscript exponent is ambiguous"},
      {"x⁻¹", "1/x"},
      // a number glued to what is before it by its point was a product
      {"x.5", "error: a number that begins with its decimal point right after a name, number or bracket is ambiguous"},
      {"1.5.2", "error: a number that begins with its decimal point"},
      {"sin x.5", "error: a number that begins with its decimal point"},
      {"log_2.5(x)", "error: the base of log_b must be a whole number or a name: write log(x)/log(2.5)"},
      {"x .5", "0.5x"},
      {"x^.5", "x^0.5"},
  });
}

// More of the reader hunt: a power of a function's name before a bracket was the body's power
// times the bracket (g^2(3) was 3 (x + 1)^2, f^-1(x) was x/f); a prime on a defined variable was
// an abstract function's derivative (y'(3) after y = x^2); a Greek letter against a divisor was
// a factor after the quotient (1/θα was alpha/theta, where 1/ab is refused).
TEST_CASE("trust: powers of function names before brackets, primes of variables, Greek letters against a divisor") {
  check_rows(
      {
          {"g^2(3)", "error: 'g^2(...)' is ambiguous: write g(...)^2 for a power of its value, or g(g(...)) to apply it again"},
          {"g^-1(x)", "error: 'g^-1(...)' is ambiguous: it could mean the inverse function of g or 1/g(...)"},
          {"f^2(x)", "error: 'f^2(...)' is ambiguous"},
          {"f^-1(x)", "error: 'f^-1(...)' is ambiguous"},
          {"g(3)^2", "16"},
          {"h^2(x)", "9x"},
          {"y'(3)", "error: 'y' is a defined variable, not a function: write d/dx y at x = ... for its derivative"},
          {"d/dx y at x = 3", "6"},
          {"1/θα", "error: dividing by theta alpha written together is ambiguous"},
          // a power, a call or a bracket written against what follows it, as 1/x(x+1) is refused
          {"1/x^2(x+1)", "error: dividing by x^2 (...) written together is ambiguous"},
          {"a/b^2c", "error: dividing by b^2 c written together is ambiguous"},
          {"1/(x+1)(x-1)", "error: dividing by (...) (...) written together is ambiguous"},
          {"1/(x+1) (x-1)", "(x - 1)/(x + 1)"},
          {"1/2(x+1)", "x/2 + 1/2"},
          {"1/xπ", "error: dividing by x pi written together is ambiguous"},
          {"1/θ α", "alpha/theta"},
          // a number before a Greek letter or pi: 1/(2π) is what 1/2π nearly always means, and
          // π/2 what the rule for 1/2x says (a helper's hunt of readings)
          {"1/2π", "error: dividing by 2 pi written together is ambiguous: write /(2 pi) to divide by both"},
          {"1/2pi", "error: dividing by 2 pi written together is ambiguous"},
          {"x/4π", "error: dividing by 4 pi written together is ambiguous"},
          {"1/2α^2", "error: dividing by 2 alpha^2 written together is ambiguous"},
          {"1/2 π", "pi/2"},
          {"1/(2π)", "1/(2 pi)"},
          {"1/2x", "x/2"},
      },
      {"g(x) = x + 1", "h = 3", "y = x^2"});
}

// A helper's sums hunt: an entry below a sum's first index printed the term anyway under a
// condition no N meets (∂/∂x_0 of a sum from n = 1 to N was 2x_0 (1 <= 0 <= N)), and a sum over
// negative indices lost their terms (grad of the sum from n = -2 to 0 was [0, 0, 2x_0]).
TEST_CASE("trust: entries outside a sum by one bound, and entries of negative index") {
  check_rows({
      {"∂/∂x_0 sum(x_n^2, n = 1 .. N)", "0"},
      {"∂/∂x_2 sum(x_n^2, n = 3 .. N)", "0"},
      {"∂/∂x_5 sum(x_n^2, n = M .. 3)", "0"},
      {"∂/∂x_3 sum(x_n^2, n = 1 .. N)", "2x_3   (1 <= 3 <= N)"},
      {"∂/∂x_k sum(x_n^2, n = 1 .. N) at k = 1/2", "error: the answer holds only where 1 <= k <= N, which k = 1/2 is not"},
      {"grad(sum(x_n^2, n = -2 .. 0))", "[2x_(-2), 2x_(-1), 2x_0]"},
      {"grad(sum(n x_n^2, n = -2 .. 1))", "[-4x_(-2), -2x_(-1), 0, 2x_1]"},
      {"∂/∂x_j sum(x_n^2, n = -2 .. 2) at j = -1", "2x_(-1)"},
      {"∂/∂x_j sum(x_n^2, n = -2 .. 2) at j = -3", "0"},
  });
}

// A helper's output hunt: a table's LaTeX headers were the typed text (x^10/2 read as x^1 0/2 in
// TeX, and max(x, 1) broke the array at its comma), and its cells' 5e-11 read e as Euler's number.
TEST_CASE("trust: a table in LaTeX has LaTeX headers and cells") {
  ddx_test::RunResult r = ddx_test::run_ddx("--format latex", "table(max(x, 1), x^10/2, x = 0 .. 1 step 1/2)\ntable(x^10, x = 0.1 .. 0.2 step 0.1)\n");
  CHECK(r.out ==
        "\\begin{array}{rrr} x & \\max{\\left(x, 1 \\right)} & \\frac{x^{10}}{2} \\\\ 0 & 1 & 0 \\\\ 0.5 & 1 & 0.00048828125 "
        "\\\\ 1 & 1 & 0.5 \\end{array}\n"
        "\\begin{array}{rr} x & x^{10} \\\\ 0.1 & 1 \\cdot 10^{-10} \\\\ 0.2 & 1.024 \\cdot 10^{-7} \\end{array}\n");
  CHECK(r.status == 0);
}

// A helper's reader hunt: a Greek letter with an index was the letter times the index or split
// into letters (θ1 was θ, θ1^2 + θ2^2 was 5θ, eta_1 was e·a_1·t with e Euler's number), and a run
// holding a Greek or a defined name split into letters (axi was a·x·i, abx after ab = 5 a·b·x).
TEST_CASE("trust: Greek letters take an index as names do, and runs holding a name are refused") {
  check_rows(
      {
          {"θ1^2 + θ2^2", "theta1^2 + theta2^2"},
          {"β0 + β1 x", "beta1 x + beta0"},
          {"d/dθ1 θ1 θ2", "theta2"},
          {"eta_1", "eta_1"},
          {"θ_1 + theta_1", "2 theta_1"},
          {"xi1", "xi1"},
          {"θx", "theta x"},
          {"2θ", "2 theta"},
          {"pi1", "error: 'pi1' is ambiguous"},
          {"pi_2", "error: 'pi_2' is ambiguous: write p i_2 for single letters, or choose another name (pi is π, which takes no index)"},
          {"axi", "error: 'axi' is ambiguous: write a xi for ξ or a x i for single letters"},
          {"nux", "error: 'nux' is ambiguous: write nu x for ν or n u x for single letters"},
          {"pix", "error: 'pix' is ambiguous: write pi x for π or p i x for single letters"},
          {"abx", "error: 'abx' is ambiguous: write ab x for the defined ab or a b x for single letters"},
          {"ab x", "5x"},
          {"x3x4", "x3 x4"},
      },
      {"ab = 5"});
  // θ1 prints as θ1 in unicode, and reads back as the same name.
  ddx_test::RunResult r = ddx_test::run_ddx("--format unicode", "theta1 + beta_0 + eta_t\nθ1 + β_0 + η_t == theta1 + beta_0 + eta_t\n");
  CHECK(r.out == "β_0 + η_t + θ1\ntrue\n");
}

// A second reader hunt: a defined e1 was passed over in 2e1 (20.0 after e1 = 5); 0x10 was 0·x10;
// at passed over a constant or a function (e^x at e = 2 was e^x); at x = y, y = 2 gave its values
// all at once, unsaid; a derivative operator was taken into a function word's argument
// (sin x d/dx x^2 at x = 1 was sin(2)) or into another's operand (d/dx x^3 / d/dx x^2 was x).
TEST_CASE("trust: exponents beside names, other bases, bindings of constants and each other, operators in operands") {
  check_rows(
      {
          {"x + 2e1", "error: '2e1' is ambiguous: write 2*e1 for a product with the defined e1, or 2e+1 for the number"},
          {"2e+1", "20.0"},
          {"2e3", "2000.0"},
          {"0x10", "error: '0x10' looks like a number in another base"},
          {"0b101", "error: '0b101' looks like a number in another base"},
          {"0 x10", "0"},
          {"e^x at e = 2", "error: 'e' is a constant: 'at' gives values to variables"},
          {"pi x at pi = 3", "error: 'pi' is a constant"},
          {"f(x) at f = 2", "error: 'f' is a function: 'at' gives values to variables"},
          {"x + y at x = y, y = 2", "error: the value of x names y, which this 'at' gives a value too"},
          {"(x + y at x = y) at y = 2", "4"},
          {"x at x = x + 1", "x + 1"},
          {"sin x d/dx x^2 at x = 1", "2 sin(1)"},
          {"d/dx x^3 / d/dx x^2", "error: a second derivative operator inside the first's operand is ambiguous"},
          {"d/dx x^3 * d/dx x^2", "error: a second derivative operator inside the first's operand is ambiguous"},
          {"(d/dx x^3) / (d/dx x^2)", "3x/2"},
          {"d/dx d/dx x^3", "6x"},
          {"d/dx x^2 + d/dx x^3", "3x^2 + 2x"},
      },
      {"e1 = 5", "f(t) = t^2"});
}

// x^0 was made 1 as it was read, and nothing of it kept: x^0 at x = 0 was 1, where ddx calls 0^0
// undefined (0^0 itself, x^n at x = 0, n = 0). The power as written is kept among what
// simplification took out, and has pow's value at a point.
TEST_CASE("trust: x^0 as written has no value where x is 0") {
  check_rows(
      {
          {"x^0 at x = 0", "error: 0^0 is undefined in the expression as written"},
          {"(x - 1)^0 at x = 1", "error: 0^0 is undefined in the expression as written"},
          {"x^(x - x) at x = 0", "error: 0^0 is undefined"},
          {"f(0)", "error: 0^0 is undefined"},
          {"f(2)", "1"},
          {"x^0 at x = 2", "1"},
          {"(1/x)^0 at x = 0", "error: division by zero in the expression as written"},
          {"x^0", "1"},
          {"d/dx x^0", "0"},
          {"sum(x^n, n = 0 .. 3) at x = 0", "1"},
          {"x^n at x = 0, n = 0", "error: 0^0 is undefined"},
      },
      {"f(x) = x^0"});
}

// Two more hunts: a defined name of four or more letters before a bracket was a product
// (loss(2) after loss = x^2 was 2x^2), or an abstract call once loss(w) had been seen; an unknown
// function called with two numbers of arguments printed f'(x) + ∂f/∂x, which reads back as
// Two orders in a row: diff(x^5, x, 3, 1) was 5x^4, the last order counted without a word (a
// helper's port of other systems' tests; SymPy refuses it too).
TEST_CASE("trust: diff refuses an order after an order") {
  check_rows({{"diff(x^5, x, 3, 1)", "error: an order follows an order: write one order after each variable"},
              {"diff(x^5 y^5, x, 2, 2, y)", "error: an order follows an order"},
              {"diff(x^5 y^5, x, 2, y, 3)", "1200x^3 y^2"},
              {"diff(x^5 y^5, x, 2, y)", "100x^3 y^4"},
              {"diff(x^5, x, 3)", "60x^2"}});
  ddx::Session s;
  CHECK(ddx_test::answer(s, "diff(x^5, x, 3, 1)").rfind("error@17:", 0) == 0);  // (at the second order)
}

// 2 f'(x); d/dh of a defined function's name was a silent 0; diff(x^3, x, n) after n = 2 took n
// for a variable; f(x) at f = 2 passed the binding over for an abstract f; β1x (a Greek name with
// its index, then a letter) was refused where x1x reads.
TEST_CASE("trust: defined names before brackets, arities of unknown functions, names that are functions, Greek names in runs") {
  check_rows(
      {
          {"loss(2)", "error: 'loss' is a defined variable, not a function"},
          {"ab(x + 1)", "3x + 3"},
          {"d/dx f(x) + f(x, y)", "error: 'f' is called with 1 and with 2 arguments here"},
          {"d/dh h^2", "error: 'h' is a function: differentiate by a variable"},
          {"d/dt h(t)^2", "4t^3"},
          {"diff(x^3, x, n)", "error: 'n' is defined as 2: write diff(..., 2) for the order"},
          {"diff(x^3, x, 2)", "6x"},
          {"f(x) at f = 2", "error: 'f' is a function: 'at' gives values to variables"},
          {"β0 + β1x", "beta1 x + beta0"},
          {"θ1x1 + θ2x2", "theta1 x1 + theta2 x2"},
          {"xeta2", "error: unknown name 'xeta2'"},
          {"x_μ + x_mu", "2x_mu"},
      },
      {"loss = x^2", "ab = 3", "h(t) = t^2", "n = 2"});
  ddx_test::check_in_turn({{"loss(w)", "loss(w)"}, {"loss = w^2", ""}, {"loss(3)", "error: 'loss' is a defined variable, not a function"}});
  // Across statements too: the answer holds one name for both.
  ddx_test::check_in_turn({{"y = f(x)", ""},
                           {"z = f(x, t)", ""},
                           {"d/dx (y + z)", "error: 'f' stands for unknown functions of 1 and of 2 arguments here"},
                           {"d/dx y", "f'(x)"},
                           {"dz/dx", "dz/dx = ∂f/∂x"}});
}

// A declaration with a comment after it was refused (the language's own example lines), and one
// after a `;` was read as the product x·i·n·R^n.
TEST_CASE("trust: a declaration takes a comment, and stands alone on its line") {
  ddx_test::check_in_turn({{"x in R^n                       # a column vector", ""},
                           {"A in R^(n, n) # a matrix", ""},
                           {"d/dx x^T A x", "(A + A^T) x"},
                           {"y = 2; z in R^n", "error: a declaration stands alone on its line"}});
}

// A derivative exists only where its function has a value: a table of d/dx log(x) showed -0.5 at
// x = -2, y = d/dx log(x) at x = -1 was -1 (d/dx log(x) at x = -1 is refused), and == found
// d/dx acosh(x) and 1/(sqrt(x - 1) sqrt(x + 1)) unequal at x = -1.06, where acosh has no value.
TEST_CASE("trust: a derivative has no value where its function has none, in a table, a definition and ==") {
  check_rows(
      {
          {"y at x = -1", "error: log of a negative number is not real in the expression as written"},
          {"y at x = 2", "1/2"},
          {"d/dx acosh(x) == 1/(sqrt(x - 1) sqrt(x + 1))", "true  # checked numerically at 12 random points"},
          {"d/dx log(x) == 1/x", "true"},
          {"log(x^2) == 2 log(x)", "false  # only one side is defined at x = -0.558"},
          {"grad(x^2 + y^2) == [2x, y]", "false"},
      },
      {"y = d/dx log(x)"});
  // A prime of a defined function takes what its body lost: h'(0) after h(t) = t/t was 0.
  ddx_test::check_in_turn({{"h(t) = t/t", ""},
                           {"h'(0)", "error: division by zero in the function as written"},
                           {"h'(2)", "0"},
                           {"k(t) = sqrt(t)^2", ""},
                           {"k'(-4)", "error: (-4)^(1/2) is not a real number in the function as written"},
                           {"k'(4)", "1"}});
  // With steps too (steps d/dx log(x) left ans at x = -1 at -1).
  ddx_test::check_in_turn({{"steps d/dx log(x)", "d/dx log(x)\n  = 1/x    (logarithm)"},
                           {"ans at x = -1", "error: log of a negative number is not real"}});
  // At a part of a point what is still open is still required (a helper's regression hunt).
  check_rows({{"(d/dx log(x y) at y = -1) at x = 1", "error: log of a negative number is not real"},
              {"(d/dx log(x y) at y = -1) at x = -1", "-1"}});
  ddx_test::check_in_turn({{"d/dx log(x) at x = y", "1/y"},
                           {"ans at y = -1", "error: log of a negative number is not real"},
                           {"ans at y = 2", "1/2"}});
  ddx_test::RunResult r = ddx_test::run_ddx("", "table(d/dx log(x), x = -2 .. 2 step 1)\n");
  CHECK(r.out == " x        1/x\n-2  undefined\n-1  undefined\n 0  undefined\n 1          1\n 2        0.5\n");
}

// What ddx prints, typed back, was read as something else: total(x^2 y)'s 2x y dx + x^2 dy as
// 3d x^2 y (the runs dx, dy are d·x, d·y), and a series' + O(x^3) as the product O·x^3 (a
// helper's round trips found them). Both are refused with the readings.
TEST_CASE("trust: a differential dx and a series' order term, typed back, are refused rather than read as products") {
  check_rows({
      {"total(x^2 y)", "df = 2x y dx + x^2 dy"},
      {"2x y dx + x^2 dy", "error: 'dx' is ambiguous: write d x for a product; a differential dx is no expression ddx reads"},
      {"2*dx*x*y + dy*x^2", "error: 'dx' is ambiguous"},
      {"xdy", "error: 'xdy' is ambiguous: write x d y for a product; a differential dy"},
      {"d x + a d", "a d + d x"},
      {"series(e^x, x = 0, 3)", "x^2/2 + x + 1 + O(x^3)"},
      {"x^2/2 + x + 1 + O(x^3)", "error: 'O(...)' is ambiguous: a series' order term"},
      {"O (x^3)", "error: 'O(...)' is ambiguous"},
      {"O*(x^3)", "O x^3"},
      {"d(x^2)/dx", "2x"},
  });
  check_rows({{"dy/dx", "dy/dx = 2x"}}, {"y = x^2"});
  // A defined name dx, or a function O, is read as itself.
  check_rows({{"dx + 1", "x + 1"}}, {"dx = x"});
  check_rows({{"O(3)", "9"}}, {"O(t) = t^2"});
  // Each differential the language documents stays refused: a defined d decides nothing.
  check_rows({{"dx", "error: 'dx' is ambiguous"}}, {"d = 3"});
}

// A chain written dy/dx noted nothing of where its function has a value: y = log(x), dy/dx, then
// ans at x = -1 was -1, and w = dy/dx through u = x - 5 had a value at 0. What the chain's steps
// lost was noted in the names between (1/sqrt(u)), so table(dy/dx, ...) found u without a value.
// A helper's sessions against sympy found them.
TEST_CASE("trust: a chain dy/dx requires its function, in the variable's terms") {
  check_in_turn({{"y = log(x)", ""},
                 {"dy/dx", "dy/dx = 1/x"},
                 {"ans at x = -1", "error: log of a negative number is not real"},
                 {"ans at x = 2", "1/2"},
                 {"u = x - 5", ""},
                 {"y = log(u)", ""},
                 {"w = dy/dx", ""},
                 {"w at x = 0", "error: log of a negative number is not real"},
                 {"w at x = 6", "1"},
                 {"d^2y/dx^2", "d^2y/dx^2 = d^2y/du^2 * (du/dx)^2 + dy/du * d^2u/dx^2\n          = -1/u^2\n          = -1/(x - 5)^2"},
                 {"ans at x = 1", "error: log of a negative number is not real"},
                 {"q = log(x) + t", ""},
                 {"w2 = ∂q/∂x", ""},
                 {"w2 at x = -2", "error: log of a negative number is not real"}});
  check_in_turn({{"u = x^2 + 1", ""},
                 {"y = sqrt(u)", ""},
                 {"table(dy/dx, x = 0 .. 2 step 1)", "x    x/sqrt(x^2 + 1)\n0                  0\n1  0.707106781186548\n2  0.894427190999916"},
                 {"v = x - 5", ""},
                 {"z = log(v)", ""},
                 {"table(dz/dx, x = 5 .. 6 step 1)", "x  1/(x - 5)\n5  undefined\n6          1"}});
}

// With steps, a defined name as the variable was substituted before differentiating: steps d/du
// u^3 x after u = x^2 traced d/du (x^7) = 0, and ∂x5/∂x3 of language.md's example was 0 under
// :steps on (a helper's run of every trace line against sympy). Held independent, as without steps.
TEST_CASE("trust: steps hold a defined name as the variable independent, as the answer without them does") {
  check_in_turn({{"u = x^2", ""},
                 {"steps d/du u^3 x", "d/du (u^3 x)\n  = 3u^2 x    (constant multiple; power rule)"},
                 {"ans", "3u^2 x"},
                 {"steps d^2/du^2 u^3 x", "d/du (u^3 x)\n  = 3u^2 x    (constant multiple; power rule)\nd^2/du^2 (u^3 x) = d/du (3u^2 x)\n  = 6u x      (constant multiple; power rule)"},
                 {"steps d/dx u^3", "d/dx (u^3)\n  = d/dx (x^6)    (definition substitution)\n  = 6x^5          (power rule)"}});
  check_in_turn({{"x3 = x1 + x2", ""},
                 {"x4 = x2^2 e^4", ""},
                 {"x5 = x3 x4 + e", ""},
                 {":steps on", ""},
                 {"∂x5/∂x3", "∂/∂x3 x5\n  = ∂/∂x3 (e^4 x2^2 x3 + e)    (definition substitution)\n  = e^4 x2^2                   (sum rule; constant multiple)"},
                 {"ans", "e^4 x2^2"},
                 {":steps off", ""},
                 {"∂x5/∂x3", "∂x5/∂x3 = x4\n        = e^4 x2^2"}});
}

// `k = ans` read a name that ans holds as the name's definition: x^2 + a, a = 5, then ans + 1 was
// x^2 + a + 1 but k = ans was x^2 + 5 (a helper's sessions). Refused with both readings; a
// definition made before the name was defined follows it, as a typed body does.
TEST_CASE("trust: a definition made from ans that holds a defined name is refused") {
  check_in_turn({{"x^2 + a", "x^2 + a"},
                 {"a = 5", ""},
                 {"ans + 1", "x^2 + a + 1"},
                 {"k = ans", "error: ans holds the name a, which is defined: k would read a as its definition, where ans keeps the name"},
                 {"f(t) = ans t", "error: ans holds the name a"},
                 {"f(a) = ans", ""},
                 {"f(2)", "x^2 + 3"},
                 {"u = x^2", ""},
                 {"d/du u^3 x", "3u^2 x"},
                 {"m = ans", "error: ans holds the name u, which is defined"},
                 {"x^2 + b", "x^2 + b"},
                 {"k = ans", ""},
                 {"b = 7", ""},
                 {"k", "x^2 + 7"}});
}

// A table or plot of a second derivative of a corner function was refused: what it requires
// beside the corner holds a step that is no name ("cannot plot: step# has no value"; a helper's
// finding). The corner's cell is undefined, the others their values.
TEST_CASE("trust: a table of a second derivative across a corner") {
  check_rows({{"table(d^2/dx^2 x abs(x), x = -1 .. 1 step 1)", " x  2 sign(x)\n-1         -2\n 0  undefined\n 1          2"},
              {"table(d^2/dx^2 abs(x)^3, x = 1 .. 2 step 1)", "x  6 abs(x) sign(x)^2\n1                   6\n2                  12"}});
  check_in_turn({{"h = d/dx abs(x)", ""}, {"k = d/dx h", ""}, {"table(k, x = -1 .. 1 step 1)", " x          0\n-1          0\n 0  undefined\n 1          0"}});
}

// A point worked out in decimals (y = sin(0.5), sqrt(0.99)) was "not on the curve" of implicit,
// its doubles read as the decimals they print: "the left side is 0.479425538604203 there and the
// right side 0.479425538604203" (a helper's finding). A point within the doubles' rounding is on
// it; one typed off it is not.
TEST_CASE("trust: implicit at a point worked out in decimals") {
  check_rows({{"implicit(y = sin(x), dy/dx) at x = 0.5, y = sin(0.5)", "0.8775825618903728"},
              {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.1, y = sqrt(0.99)", "-0.10050378152592121"},
              {"implicit(x y = 1, dy/dx) at x = 0.3, y = 1/0.3", "-11.111111111111112"},
              {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.6, y = 0.8", "-0.75"},
              {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.6, y = 0.8000000001", "error: the point x = 0.6, y = 0.8000000001 is not on the curve"},
              {"implicit(x^2 + y^2 = 1, dy/dx) at x = 0.6, y = 0.80000000000001", "error: the point x = 0.6, y = 0.80000000000001 is not on the curve"}});
}

// A quotient 0/0 at the point that ddx simplifies as it reads it (x^2/x is x) was refused by
// taylor, where language.md promises the series of the continuous extension, as sin(x)/x has (a
// helper's finding). Where what it requires has no values on one side, there is none.
TEST_CASE("trust: taylor of a quotient 0/0 that simplifies away is the series of its continuous extension") {
  const std::string note = "  # the function has no value at x = 0: the series of its continuous extension there";
  check_rows({{"taylor(x^2/x, x = 0, 3)", ("x" + note).c_str()},
              {"taylor(x sin(x)/x, x = 0, 4)", ("-x^3/6 + x" + note).c_str()},
              {"series(x^2/x, x = 0, 3)", ("x + O(x^3)" + note).c_str()},
              {"taylor(x^2/x, x = 1, 3)", "(x - 1) + 1"},
              {"taylor(log(x) - log(x), x = 0, 2)", "error: the function has no value at x = 0 (log(0) is undefined in the expression as written)"},
              {"taylor(sqrt(x)^2/x, x = 0, 2)", "error: the function has no value at x = 0 (division by zero in the expression as written)"}});
}

// At an edge of its domain a function has no derivative: the one-sided derivatives must agree,
// and there is one side. d/dx x^(3/2) at x = 0 was its slope from the right, 0, and so was the
// formula's value at 0 (ans, a definition, a table); sqrt(x^3) at 0 was said undecided (a
// helper's corner hunt). Refused every way; a point inside the domain is answered.
TEST_CASE("trust: a derivative at an edge of the function's domain does not exist") {
  check_rows({{"d/dx x^(3/2) at x = 0", "error: the derivative does not exist at x = 0 (the function is not defined on both sides of the point along x: an edge of its domain)"},
              {"d/dx sqrt(x^3) at x = 0", "error: the derivative does not exist at x = 0 (the function is not defined on both sides of the point along x: an edge of its domain)"},
              {"d/dx sqrt(1 - x^2)^3 at x = 1", "error: the derivative does not exist at x = 1 (the function is not defined on both sides of the point along x: an edge of its domain)"},
              {"tangent(x^(3/2), x = 0)", "error: the derivative does not exist at x = 0"},
              // (the first derivative's edge is said before what a higher one lacks: taylor named
              // the second's division by zero)
              {"taylor(x^(3/2), x = 0, 3)", "error: the derivative does not exist at x = 0 (the function is not defined on both sides"},
              {"grad(x^(3/2) y) at x = 0, y = 1", "error: the derivative does not exist at x = 0, y = 1"},
              {"∂/∂y x^(3/2) y at x = 0, y = 1", "0"},
              {"d/dx x^(3/2) at x = 1", "3/2"},
              {"table(d/dx x^(3/2), x = -1 .. 1 step 1)", " x  3 sqrt(x)/2\n-1    undefined\n 0    undefined\n 1          1.5"}});
  check_in_turn({{"d/dx x^(3/2)", "3 sqrt(x)/2"},
                 {"ans at x = 0", "error: the function is not defined on both sides of the point: an edge of its domain"},
                 {"ans at x = 1", "3/2"},
                 {"y = d/dx sqrt(1 - x^2)^3", ""},
                 {"y at x = 1", "error: the function is not defined on both sides of the point"},
                 {"y at x = 0", "0"}});
  // A point inside the domain, however near its edge, has its derivative (a helper's regression
  // hunt: log(x) at 10^-100 was refused, a step of 2^-200 to its left leaving the domain).
  check_rows({{"d/dx log(x) at x = 10^-100", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
              {"d/dx x^(3/2) at x = 1e-300", "1.5e-150"},
              {"d/dx log(x - 1) at x = 1 + 10^-100", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
              {"grad(log(x) + y) at x = 10^-100, y = 0", "[10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000, 1]"}});
  // A decimal in the function is the number it is written as, so its edge is found too: the
  // doubles absorbed the step beside the point, and d/dx (x - 0.5)^(3/2) at x = 0.5 was 0.0.
  check_rows({{"d/dx (x - 0.5)^(3/2) at x = 0.5", "error: the derivative does not exist at x = 0.5 (the function is not defined on both sides"},
              {"d/dx sqrt(x - 0.1)^3 at x = 0.1", "error: the derivative does not exist at x = 0.1"},
              {"tangent(sqrt(x - 0.1)^3, x = 0.1)", "error: the derivative does not exist at x = 0.1"},
              {"d/dx (x - 0.5)^(3/2) at x = 0.6", "0.47434164902525683"}});
  // An edge 10^-17 away is no edge at the point (decimals as written).
  check_in_turn({{"y = atanh(u)", ""}, {"u = x - 0.00000000000000001", ""}, {"dy/dx at x = 1", "5e+16"}});
}

// √(x)² was the square of the root, (√x)², defined for x >= 0 only, where √x² is the root of the
// square, |x|, and (x)² one factor everywhere else (a helper's metamorphic run). Refused with both.
TEST_CASE("trust: a root sign before a bracket that is raised is refused") {
  check_rows({{"√(x)² at x = -2", "error: '√(...)' followed by a power is ambiguous: write √((x)^k) for the root of the power, or (√x)^k for the power of the root"},
              {"√(x)^2", "error: '√(...)' followed by a power is ambiguous"},
              {"√(x + 1) ³", "error: '√(...)' followed by a power is ambiguous"},
              {"√x² at x = -2", "2"},
              {"√((x)^2) at x = -2", "2"},
              {"(√x)^2", "x"},
              {"√(x + 1) + 1", "sqrt(x + 1) + 1"}});
}

// The edge hidden by simplification, and the Lagrange formula path (two helpers' hunts): d/dx
// sqrt(x)^2 at x = 0 was 1 (it reads as x, but has no values left of 0), d/dx sqrt(x)^2 -
// sqrt(-x)^2 at 0 was 2 for a function defined at 0 alone, tangent and taylor likewise; and f(x) =
// x^(3/2), g(x) = f'(x), g(0) was 0, as f''(x) of abs at 0 was.
TEST_CASE("trust: an edge hidden by simplification, and Lagrange formulas, keep the derivative's requirements") {
  const std::string edge = "the function is not defined on both sides of the point";
  check_rows({{"d/dx sqrt(x)^2 at x = 0", ("error: the derivative does not exist at x = 0 (" + edge).c_str()},
              {"d/dx sqrt(x)^2 - sqrt(-x)^2 at x = 0", ("error: the derivative does not exist at x = 0 (" + edge).c_str()},
              {"d/dx x^(1/2) x^(1/2) at x = 0", "error: the derivative does not exist at x = 0"},
              {"d/dx sqrt(x)^2 y at x = 0, y = 1", "error: the derivative does not exist at x = 0, y = 1"},
              {"∂/∂y sqrt(x)^2 y at x = 0, y = 1", "0"},
              {"tangent(sqrt(x)^2, x = 0)", ("error: the derivative does not exist at x = 0 (" + edge).c_str()},
              {"taylor(sqrt(x)^2, x = 0, 2)", ("error: the derivative does not exist at x = 0 (" + edge).c_str()},
              {"tangent(sqrt(x)^2, x = 1)", "y = x"},
              {"grad(sqrt(x)^2 y) at x = 0, y = 1", "error: the derivative does not exist at x = 0, y = 1"},
              {"grad(sqrt(x)^2 y) at x = 1, y = 1", "[1, 1]"},
              {"jacobian([sqrt(x)^2, y]) at x = 0, y = 2", "error: the derivative does not exist at x = 0, y = 2"},
              {"d/dx sqrt(x)^2 at x = -1", "error: (-1)^(1/2) is not a real number in the expression as written"},
              {"d/dx sqrt(x)^2 at x = 1", "1"}});
  check_in_turn({{"d/dx sqrt(x)^2", "1"}, {"ans at x = 0", ("error: " + edge).c_str()}, {"ans at x = 1", "1"}});
  check_in_turn({{"k(t) = sqrt(t)^2", ""}, {"k'(0)", ("error: " + edge).c_str()}, {"k'(1)", "1"}});
  check_in_turn({{"f(x) = x^(3/2)", ""},
                 {"g(x) = f'(x)", ""},
                 {"g(0)", ("error: " + edge).c_str()},
                 {"g(1)", "3/2"},
                 {"f'(x)", "3 sqrt(x)/2"},
                 {"ans at x = 0", ("error: " + edge).c_str()},
                 {"table(f'(x), x = 0 .. 1 step 1)", "x  3 sqrt(x)/2\n0    undefined\n1          1.5"}});
  // Through definitions whose values simplification reduced (u = sqrt(x), y = u^2 reads as x).
  check_in_turn({{"u = sqrt(x)", ""},
                 {"y = u^2", ""},
                 {"dy/dx at x = 0", ("error: the derivative does not exist at x = 0 (" + edge).c_str()},
                 {"dy/dx at x = 1", "1"},
                 {"d^2y/dx^2 at x = 0", "error: the derivative does not exist at x = 0"},
                 {"dy/dx", "dy/dx = dy/du * du/dx\n      = u/sqrt(x)\n      = 1"},
                 {"ans at x = 0", "error: "},
                 {"ans at x = 1", "1"}});
  // A function defined at one point, with a corner's sign in its formula: (-abs(x))^(3/2).
  check_in_turn({{"d/dx (-abs(x))^(3/2)", "-3 sqrt(-abs(x)) sign(x)/2"}, {"ans at x = 0", ("error: " + edge).c_str()}});
  check_in_turn({{"d/dx abs(x)^(3/2)", "3 sqrt(abs(x)) sign(x)/2"}, {"ans at x = 0", "0"}});
  check_in_turn({{"h(x) = abs(x)", ""},
                 {"h''(x)", "0"},
                 {"ans at x = 0", "error: the slope of abs, relu, max, min or sign at a corner or a jump has no value"},
                 {"ans at x = 1", "0"}});
}

// A partial derivative whose formula is 0/0 all along the line beside the point was said not to
// exist: ∂/∂x sqrt(x y) at x = 1, y = 0 is 0 (the function is 0 along x there). ddx cannot decide
// it, and says so (a helper's edge hunt).
TEST_CASE("trust: a formula 0/0 all along the line beside the point is undecided, not said not to exist") {
  check_rows({{"d/dx sqrt(x y) at x = 1, y = 0", "error: ddx cannot decide whether the derivative exists at x = 1, y = 0"},
              {"d/dx asin(x y + 1) at x = 1, y = 0", "error: ddx cannot decide whether the derivative exists"},
              {"d/dx sqrt(x) at x = 0", "error: the derivative does not exist at x = 0 (division by zero)"},
              {"d/dx x^(1/3) at x = 0", "error: the derivative does not exist at x = 0 (division by zero)"},
              {"d/dx (x y)^(3/2) at x = 1, y = 0", "0"},
              // sqrt(-x^5) at 0: its formula divides by zero there, and the side where the numbers
              // found no values is an edge of the function's domain (it said it could not decide)
              {"d/dx sqrt(-x^5) at x = 0", "error: the derivative does not exist at x = 0 (the function is not defined on both sides"}});
}

// A point whose value names its own variable (x = 2x) was put in twice where the body has a
// derivative: the derivative took it as it was evaluated, the answer took it again (d/dx sin(x)
// at x = 2x was cos(4x); a helper's textbook hunt). And a point of formulas found no corner
// (d/dx abs(x - y) at y = x was 0, relu's 1/2) nor kept one ((d/dx sign(x) at x = y) at y = 0 was
// 0; a helper's hunt of at). Metamorphic: in one statement, as it reads through ans (derivative
// first, then the point), and with the point named by another letter.
TEST_CASE("trust: a point of formulas is put in once, as ans at puts it") {
  const std::string corner = "error: no value at y = x: this is a derivative's formula, and the derivative does not exist there";
  check_rows({{"d/dx abs(x - y) at y = x", corner.c_str()},
              {"d/dx relu(x - y) at y = x", corner.c_str()},
              {"d/dx max(x, y) at y = x", corner.c_str()},
              {"d/dx abs(x - y) at y = x + 1", "-1"},
              {"(d/dx sign(x) at x = y) at y = 0", "error: the slope of abs, relu, max, min or sign at a corner"},
              {"(d^2/dx^2 abs(x) at x = y) at y = 0", "error: the slope of abs, relu, max, min or sign at a corner"},
              {"(d/dx sign(x) at x = y) at y = 1", "0"},
              {"(d/dx x^2 y at x = y) at y = 3", "18"},
              // (with a sum over a family anywhere, the point was put in before differentiating:
              // 2x, 4y, [2x_1, 4x_2, 2x_2]; a helper's hunt of sums)
              {"d/dx (x y + sum(t_n, n = 1 .. 2)) at y = x", "x"},
              {"d/dy (x^2 + y^2 + sum(x_n, n = 1 .. N)) at x = y", "2y"},
              {"grad(sum(x_n^2, n = 1 .. 3)) at x_3 = x_2", "[2x_1, 2x_2, 2x_2]"},
              {"d/da sum(a x_n^2, n = 1 .. 3) at x_3 = a", "a^2 + x_1^2 + x_2^2"}});
  check_in_turn({{"w = d^2/dx^2 relu(x) at x = t", ""}, {"w at t = 0", "error: the slope of abs"}, {"w at t = 1", "0"}});
  check_in_turn({{"f(x, y) = relu(x - y)", ""}, {"∂f/∂x at y = x", corner.c_str()}});
  check_rows({{"d/dx sin(x) at x = 2x", "cos(2x)"},
              {"d/dx x^2 at x = x + 1", "2x + 2"},
              {"d/dx x^2 at x = -x", "-2x"},
              {"d^2/dx^2 x^3 at x = 2x", "12x"},
              {"sin'(x) at x = 2x", "cos(2x)"},
              {"[d/dx x^2, x] at x = 2x", "[4x, 2x]"},
              {"d/dx x^2 at x = x", "2x"}});
  check_in_turn({{"f(x) = x^2", ""}, {"f'(x) at x = 2x", "4x"}, {"f'(2x)", "4x"}});
  check_in_turn({{"y = u^2", ""}, {"u = sin x", ""}, {"dy/dx at x = 2x", "2 sin(2x) cos(2x)"}});
  // What the derivative requires goes on in x (log(x) at x = -x^2 has no value at x = 1).
  check_in_turn({{"d/dx log(x) at x = -x^2", "-1/x^2"}, {"ans at x = 1", "error: log of a negative number"}});
  const char* functions[] = {"sin(x)", "x^3 - x", "exp(2x) x", "log(x^2 + 1)", "sqrt(x^2 + 4)", "atan(x)/x",
                             "abs(x - 1)", "relu(x^2 - 1) x", "sign(x) x^2"};
  const char* points[] = {"2x", "x + 1", "-x", "x^2 + 1", "3 - x"};
  for (const char* f : functions)
    for (const char* p : points)
      for (const char* d : {"d/dx", "d^2/dx^2"}) {
        std::string at_once = ddx_test::answer(std::string(d) + " " + f + " at x = " + p);
        CAPTURE(f);
        CAPTURE(p);
        CAPTURE(d);
        CHECK(at_once == ddx_test::answer_after({std::string(d) + " " + f, std::string("ans at x = ") + p}));
        std::string by_t = ddx_test::answer_after({std::string(d) + " " + f + " at x = " + std::regex_replace(p, std::regex("x"), "t"),
                                                   "ans at t = x"});
        CHECK(at_once == by_t);
      }
}

// `dh/dt (0)` was dh/dt times 0 where `dh/dt(0)` is the derivative at 0: a space before a
// Leibniz quotient's point changes nothing, as for a call `f (3)` (a helper's textbook hunt).
TEST_CASE("trust: a space before a Leibniz quotient's point changes nothing") {
  check_in_turn({{"h(t) = sin(t)", ""},
                 {"dh/dt(0)", "1"},
                 {"dh/dt (0)", "1"},
                 {"dh/dt (pi)", "-1"},
                 {"d^2h/dt^2 (pi/2)", "-1"},
                 {"f(x, y) = x y^2", ""},
                 {"∂f/∂x (1, 2)", "4"},
                 {"∂f/∂x(1, 2)", "4"},
                 {"y = x^2", ""},
                 {"dy/dx(3)", "error: 'y' is a defined name, not a function"},
                 {"dy/dx (3)", "error: 'y' is a defined name, not a function"},
                 {"(3) dy/dx", "6x"}});
}

// A defined name the answer holds as a variable (dy/du = 3u^2 after u = x^2 + 1) was left as it
// stood by at x = 1, where u is 2 (a definition w = dy/du at x = 1 then followed x); the point
// must give it its value too (a helper's hunt of at).
TEST_CASE("trust: at a point that does not give a held defined name its value is refused") {
  const char* refusal = "error: 'u' stands as a variable in the answer (3u^2), though it is defined as x^2 + 1";
  check_in_turn({{"y = u^3", ""},
                 {"u = x^2 + 1", ""},
                 {"dy/du at x = 1", refusal},
                 {"w = dy/du at x = 1", refusal},
                 {"dy/du at x = 1, u = 2", "12"},
                 {"dy/du at u = 2", "12"},
                 {"dy/dx at x = 1", "24"}});
  check_in_turn({{"z = x u^2", ""}, {"u = x^2 + 1", ""}, {"∂z/∂u at x = 1", "error: 'u' stands as a variable"},
                 {"∂z/∂u at x = 1, u = 2", "4"}});
  // (through definitions it names: u = z + 1, z = x^2; a helper's regression hunt)
  check_in_turn({{"y = u^3", ""}, {"u = z + 1", ""}, {"z = x^2", ""}, {"dy/du at x = 1", "error: 'u' stands as a variable"}});
  // A value naming, through a definition, another name of the same at: the answer kept x
  // (3 (x^2 + 2)^2 for dy/du at x = 1, u = u + 1; a helper's regression hunt).
  const char* through = "error: the value of u names x through a definition, which this 'at' gives a value too";
  check_in_turn({{"y = u^3", ""},
                 {"u = x^2 + 1", ""},
                 {"dy/du at x = 1, u = u + 1", through},
                 {"dy/du at u = u, x = 1", through},
                 {"dy/du at x = 1, u = 2", "12"}});
}

// An entry x_k at k = j was left x_k, the condition alone taking j (∂/∂x_k sum(x_n^2, n = 1 ..
// 3) at k = j was 2x_k (1 <= j <= 3), and ans at j = 2 then 2x_k); at a formula it names no
// entry (a helper's regression hunt).
TEST_CASE("trust: an entry x_k at k = j is x_j, and a formula names no entry") {
  check_in_turn({{"∂/∂x_k sum(x_n^2, n = 1 .. 3) at k = j", "2x_j   (1 <= j <= 3)"},
                 {"ans at j = 2", "2x_2"},
                 {"∂/∂x_k sum(x_n^2, n = 1 .. 3) at k = j", "2x_j   (1 <= j <= 3)"},
                 {"ans at j = 9", "error: the answer holds only where 1 <= j <= 3"},
                 {"∂/∂x_k (x_k^3 + x_1) at k = j", "3x_j^2   (j != 1)"},
                 {"x_k^2 at k = j + 1", "error: 'x_k' reads as the entry k of a family, and j + 1 names no entry"},
                 {"v_x + x at x = 2.5", "v_x + 2.5"},
                 {"v_x x at x = pi", "pi v_x"},
                 // (x a variable of the answer too: v_y, or v_x as it stands? a helper's review)
                 {"v_x x at x = y", "error: 'v_x' reads as the entry x of a family, and x is a variable of the answer too: is it the entry v_y"},
                 // (k != j at k = j: the answer for k != j does not hold; a helper's regression hunt)
                 {"∂/∂x_k (x_j x_k) at k = j", "error: the answer holds only where k != j, which k = j is not"},
                 {"∂/∂x_k (x_j x_k) at k = 3, j = 3", "2x_3"}});
}

// Whether a point is at an edge of the domain may turn on a decimal of the formula: d/dx
// (x - 0.3)^(3/2) at x = 0.1 + 0.2 was 0.0 (the check read the formula's 0.3 as a symbol, which
// gave its edge probe no evidence; a helper's regression hunt).
TEST_CASE("trust: a decimal point on an edge the formula's decimals make is refused") {
  check_rows({{"d/dx (x - 0.3)^(3/2) at x = 0.1 + 0.2", "error: the derivative does not exist at x = 3/10"},
              {"d/dx (x - 0.3)^(3/2) at x = 0.3", "error: the derivative does not exist"},
              {"d/dx (x - 0.3)^(3/2) at x = 0.5", "0.6708203932499369"}});
}

// A statement that failed in doubles and was answered with its decimals exact printed a whole
// number as an integer: x at x = 1e400 was 10^400 with all its digits (1e400 alone is refused),
// d/dx x^2 at x = 1e200 a 201-digit integer for 2e+200 (a helper's hunt of at). An answer with
// decimals in it is a decimal.
TEST_CASE("trust: an answer read with its decimals exact is a decimal") {
  check_rows({{"x at x = 1e400", "error: floating-point overflow"},
              {"d/dx x^2 at x = 1e200", "2e+200"},
              {"2x at x = 1e200", "2e+200"}});
}

// Large arguments (a helper's numeric hunt): softplus(1e9) is about 1e9, and was refused as too
// large (its exact check took e^1e9, past MPFR's range); cosh(1e10) is huge, and was called
// undefined.
TEST_CASE("trust: softplus of a large argument is about the argument, and cosh of one is no undefined value") {
  check_rows({{"softplus(1e9)", "1e+09"},
              {"approx(softplus(10^9))", "1000000000.0"},
              {"approx(softplus(5/2), 30)", "2.57888973429254962334404391672"},
              {"d/dx softplus(x) at x = 1e9", "1.0"},
              {"cosh(1e10)", "error: cosh(1e+10) is beyond the range of a double"},
              {"cosh(1e5)", "error: cosh(1e+05) is about 1.40333e+43429, beyond the range of a double"}});
}

// approx of an exact number on a tie between two decimals was refused (its enclosure never
// settles: approx(1/40, 1) lay "between 0.025 and 0.025"; a helper's numeric hunt): an exact
// number's digits are rounded exactly, ties to even as MPFR rounds a binary one (approx(5/2, 1)).
TEST_CASE("trust: approx rounds an exact number on a decimal tie to even") {
  check_rows({{"approx(25/1000, 1)", "0.02"},
              {"approx(35/1000, 1)", "0.04"},
              {"approx(-25/1000, 1)", "-0.02"},
              {"approx(3.000000000000005)", "3.0"},
              {"approx(12345678901234.55)", "12345678901234.6"},
              {"approx(5/2, 1)", "2e0"},
              {"approx(95/10, 1)", "1e1"},
              {"approx(-1/7, 5)", "-0.14286"},
              {"approx(10^400/3)", "3.33333333333333e399"}});
}

// approx printed a 0 after the point that is no digit of the value where the digits asked end at
// the units: approx(1.5, 1) was 2.0, approx(10^14 e) 271828182845905.0 for ...904.52 (a helper's
// finding). Such a value has an exponent, as one whose digits end before the point has; a whole
// number of the digits asked is that number, and its 0 after the point is certain.
TEST_CASE("trust: approx prints no 0 after the point that is not a digit of the value") {
  check_rows({{"approx(1.5, 1)", "2e0"},
              {"approx(pi, 1)", "3e0"},
              {"approx(12345.6, 5)", "1.2346e4"},
              {"approx(10^4 pi, 5)", "3.1416e4"},
              {"approx(10^14 e)", "2.71828182845905e14"},
              {"approx(10^13 e)", "27182818284590.5"},
              {"approx(x, 3) at x = 314.159", "3.14e2"},
              {"approx(100, 3)", "100.0"},
              {"approx(12345, 5)", "12345.0"},
              {"approx(0.05, 1)", "0.05"},
              {"approx(2)", "2.0"}});
}

// A formula answer with decimals came out exact where the check's exact reading wrote a constant
// as a factor of its own (d/dx sqrt(x) at x = 0.5t was sqrt(2)/(2 sqrt(t)): its 0.7071067811865476
// was taken for another term's coefficient; a helper's regression hunt). An answer with decimals
// in it is a decimal.
TEST_CASE("trust: a formula with decimals keeps its decimal coefficients through the check") {
  check_rows({{"d/dx sqrt(x) at x = 0.5t", "0.7071067811865476/sqrt(t)"},
              {"d/dx sqrt(x) at x = 0.5x", "0.7071067811865476/sqrt(x)"},
              {"1/(2 sqrt(x)) at x = 0.5t", "0.7071067811865476/sqrt(t)"},
              {"sin(exp(1000.0))", "-0.9068741707219151"}});
}

// The fold of exact constants into coefficients is the precise formula's alone: a doubles'
// answer that still holds sqrt(2) is no decimal answer, and is replaced (sqrt(2)/2.0 was 0.5
// sqrt(2) in a first version; a helper's review).
TEST_CASE("trust: a doubles' answer holding an exact constant is replaced by its decimal") {
  check_rows({{"sqrt(2)/2.0", "0.7071067811865476"},
              {"sin(0.5) sqrt(3)", "0.8303893913085537"},
              {"0.5 sqrt(2) x + sqrt(2) x", "2.1213203435596424x"}});
  check_in_turn({{"d/dx sqrt(x) at x = 0.5t", "0.7071067811865476/sqrt(t)"}, {"ans at t = 2", "0.5"}});
  // (and a constant the check puts in its place is a decimal: d/dx sqrt(x/3) at x = 0.5 was
  // sqrt(6)/6, for the doubles' 0.23570226039551584 sqrt(3))
  check_rows({{"d/dx sqrt(x/3) at x = 0.5", "0.408248290463863"},
              {"d/dx sqrt(5x) at x = 0.001", "35.35533905932738"},
              {"d/dx pi x at x = 0.5", "pi"}});
}

// A value below MPFR's own range (about 10^-323228496) printed 0.0, where a value too small for
// a double is refused (exp(-1e10), softplus(1e10) - 1e10, sigmoid(-1e10); helpers' numeric and
// regression hunts). A 0 the precise value reached by such an underflow is refused; a value
// beside it that is not 0 stands.
TEST_CASE("trust: a value that underflowed the precise arithmetic is refused, not 0.0") {
  check_rows({{"exp(-1e10)", "error: with the decimals as written, the value is too small to approximate"},
              {"softplus(1e10) - 1e10", "error: with the decimals as written, the value is too small to approximate"},
              {"sigmoid(-1e10)", "error: with the decimals as written, the value is too small to approximate"},
              {"1 + exp(-1e10)", "1.0"},
              {"sigmoid(-2.5)", "0.07585818002124355"},
              {"exp(-800.0)", "error: the value is about 3.66787e-348, below the range of a double"}});
}

// Beside a variable, such a value was the doubles' 0.0: x exp(-1e10), x sigmoid(-1e10) and
// x softplus(-1e10) printed 0.0, the exact reading having built the factor from its doubles
// again and found the same 0.0. A factor no precise reading reaches is now no check, and the
// underflow is refused; an exact 0 (sin(0.0)) and values that cancel stand.
TEST_CASE("trust: a factor past the precise arithmetic's range beside a variable is refused, not 0.0") {
  check_rows({{"x exp(-1e10)", "error: the value may not be 0: a part of it is below about 10^-323228496, past the range of a double"},
              {"x exp(-1e10)^2", "error: the value may not be 0"},
              {"x sigmoid(-1e10)", "error: sigmoid(-1e+10) is not 0 but below about 10^-323228496"},
              {"x softplus(-1e10)", "error: softplus(-1e+10) is not 0 but below about 10^-323228496"},
              {"x + exp(-1e10)", "error: the value may not be 0: a part of it is below about 10^-323228496"},
      {"x sign(exp(-1e10))", "error: the value may not be 0"},  // (it is x: a sign past the range is no 0)
              {"x 2^(-1e10)", "error: 2 ^ -1e+10 is not 0 but below about 1e-4950, below the range of a double"},
              {"x exp(-10^10)", "x/e^10000000000"},
              {"x sin(0.0)", "0.0"},
              {"x (exp(-1e10) - exp(-1e10))", "0.0"},
              {"x exp(-1e10)/exp(-1e10)", "x"},
              {"x exp(-800.5)", "error: the value is about 2.22468e-348, below the range of a double"},
              {"d/dx cos(exp(1e-8 x + 1e8 x)) at x = 2.5", "error: floating-point overflow"}});
}

// A name defined as a number is read as that number wherever it is: c x^2 at c = 2 was 3x^2, the
// point changing nothing without a word (a helper's regression hunt).
TEST_CASE("trust: at a name defined as a number is refused") {
  check_in_turn({{"c = 3", ""},
                 {"c x^2 at c = 2", "error: 'c' is a defined name, read as its value (3): at c = ... changes nothing here"},
                 {"d/dx c x^2 at c = 2", "error: 'c' is a defined name"},
                 {"d/dc c x^2 at c = 2", "x^2"},
                 {"c x^2 at x = 2", "12"}});
}

// A variable others keep by name, defined again as a function, left them reading nothing: after
// u = x^2, y = u^3, u(x) = sin(x), d/dx y was 0 (a helper's hunt of sessions). Refused, as the
// other way round is.
TEST_CASE("trust: a variable that others use is not made a function under them") {
  check_in_turn({{"u = x^2", ""},
                 {"y = u^3", ""},
                 {"u(x) = sin(x)", "error: 'y' uses u as a variable: as a function u would leave y reading nothing"},
                 {"d/dx y", "6x^5"},
                 {":clear y", ""},
                 {"u(x) = sin(x)", ""},
                 {"d/dx u(x)^3", "3 sin(x)^2 cos(x)"}});
}

// Procedures that find or check their own points saw no point of formulas: table(...) at x = 2x
// printed 0, critical(x^3 - 3x) at x = 2x gave the critical points without the at, implicit at
// x = t, y = 2/t skipped its check that the point is on the curve; and backprop took a value naming
// another input through a definition (a helper's hunt of procedures at points of formulas).
TEST_CASE("trust: procedures see a point of formulas as they see one of numbers") {
  check_rows({{"table(x^2, x = 0 .. 1 step 1) at x = 2x", "error: table computes its values itself and cannot be taken at a point"},
              {"critical(x^3 - 3x) at x = 2x", "error: critical finds points itself and cannot be taken at one"},
              {"implicit(x y = 1, dy/dx) at x = t, y = 2/t", "error: the point x = t, y = 2/t is not on the curve"},
              {"implicit(x^2 + y^2 = 1, dy/dx) at x = cos(t), y = sin(t)", "-cos(t)/sin(t)"}});
  check_in_turn({{"u = y + 1", ""},
                 {"backprop x^2 y at x = u, y = 2", "error: the value of x names y through a definition"}});
}

// A helper's hunt of readings: a defined function's name before a factor was its body times it
// (after f(x) = x^2, `f 3` was 3x^2, `f^2 3` 3x^4), where `sin 3` is a call; d/dx h was 0 after
// h(t) = sin(t), where dh/dx is refused; `y(2)` after y = x^2 was 2x^2. Each is refused now,
// with both readings offered.
TEST_CASE("trust: a defined name read two ways is refused with both readings") {
  check_rows(
      {
          {"f 3", "error: 'f 3' is ambiguous: write f(3) to call f, or f * 3 for its body times 3"},
          {"f x", "error: 'f x' is ambiguous"},
          {"f^2 3", "error: 'f^2 3' is ambiguous: write f(3)^2 to call f, or f^2 * 3 for its body times 3"},
          {"-f 3", "error: 'f 3' is ambiguous"},
          {"g 2", "error: 'g 2' is ambiguous"},
          {"f(3)", "9"},
          {"f (3)", "9"},
          {"f*3", "3x^2"},
          {"2 f", "2x^2"},
          {"x f", "x^3"},
          {"d/dx h", "error: h is a function of t, not of x"},
          {"∂/∂x h", "error: h is a function of t, not of x"},
          {"d/dt h", "cos(t)"},
          {"d/dz g", "error: g is a function of x, y, not of z"},
          {"∂/∂x g", "y"},
          {"y(2)", "error: 'y(...)' is ambiguous: y is a defined variable: write y*(...) for a product, or y at x = ... for"},
          {"y(-2)", "error: 'y(...)' is ambiguous"},
          {"y(x + 1)", "x^2 (x + 1)"},
          {"y*(2)", "2x^2"},
          {"y at x = 2", "4"},
      },
      {"f(x) = x^2", "g(x, y) = x y", "h(t) = sin(t)", "y = x^2"});
}

// The same hunt: a superscript then `^` was a tower (x²^3 was x^8, 2²^3 256, x^2⁻¹ sqrt(x)), and
// √x(x+1) the root of the product, where √ takes one factor.
TEST_CASE("trust: a superscript beside a power, and a root before a bracket, are refused") {
  check_rows({
      {"x²^3", "error: a power after a superscript is ambiguous: write (x²)^k for a power of the power, or x^(2^k)"},
      {"2²^3", "error: a power after a superscript is ambiguous"},
      {"x⁻¹^2", "error: a power after a superscript is ambiguous"},
      {"x² ^3", "error: a power after a superscript is ambiguous"},
      {"x²**3", "error: a power after a superscript is ambiguous"},
      {"x^2⁻¹", "error: a superscript after an exponent is ambiguous"},
      {"2^3²", "error: a superscript after an exponent is ambiguous"},
      {"x^(3)²", "error: a superscript after an exponent is ambiguous"},
      {"(x²)^3", "x^6"},
      {"e^x²", "e^(x^2)"},
      {"sin(x)²", "sin(x)^2"},
      {"(x + 1)²", "(x + 1)^2"},
      {"√x(x+1)", "error: '√' before juxtaposed factors is ambiguous"},
      {"2√x(x+1)", "error: '√' before juxtaposed factors is ambiguous"},
      {"√(x)(x+1)", "sqrt(x) (x + 1)"},
      {"√x·(x+1)", "sqrt(x) (x + 1)"},
      {"√(x(x+1))", "sqrt(x (x + 1))"},
      {"d^2/dxdy x^2 y^3", "error: derivative order 2 does not match the variables below it (1 differentiation): write d^2/dx^2"},
  });
}

// A helper's hunt of ==: a side that read as a simpler formula was equal to it even where the side
// as written has no value (sqrt(x)^2 == x was true, sqrt(x)^2 == abs(x) false; exp(log(x)) == x,
// log(x) - log(x) == 0 true), against the rule that log(x^2) == 2 log(x) follows; and in two
// variables a piece within 0.1 of the origin was missed (relu(1/100 - x^2 - y^2) == 0 was true).
TEST_CASE("trust: == sees what a side lost as it was read, and corners in several variables") {
  check_rows({
      {"sqrt(x)^2 == x", "false  # only one side is defined at x = -0.558"},
      {"sqrt(x)^2 == abs(x)", "false  # only one side is defined at x = -0.558"},
      {"exp(log(x)) == x", "false  # only one side is defined at x = -0.558"},
      {"sqrt(x) sqrt(x) == x", "false  # only one side is defined at x = -0.558"},
      {"log(x) - log(x) == 0", "false  # only one side is defined at x = -0.558"},
      {"[sqrt(x)^2, y] == [x, y]", "false  # only one side is defined at x = -0.558"},
      {"sqrt(x)^2 == sqrt(x) sqrt(x)", "true"},
      // a single point without a value is no refutation of a formula, and a derivative's
      // requirement is none of its value's
      {"x/x == 1", "true"},
      {"d/dx log(x) == 1/x", "true"},
      {"d/dx sqrt(x)^2 == 1", "true"},
      {"d/dx f(g(x)) == f'(g(x)) g'(x)", "true"},
      {"relu(1/100 - x^2 - y^2) == 0", "false  # they differ by about 0.01 at x = 0, y = 0"},
      {"relu(1/1000 - (x - 1/2)^2 - (y - 1/3)^2) == 0", "false  # they differ by about 0.001 at x = 0.5, y = 0.333"},
      {"sign(x^2 + y^2 - 1/100) == 1", "false  # they differ by about -2.0 at x = 0, y = 0"},
      {"abs(x^2 + y^2 - 10^-6) == x^2 + y^2 - 10^-6", "false  # they differ by about 4.0e-9 at x = -0.000999, y = 0"},
      {"d/dx relu(x^2 + y^2 - 1/100) == 2x", "false  # they differ by about 0.2 at x = -0.0999, y = 0"},
      {"relu(x - y) + relu(y - x) == abs(x - y)", "true  # checked numerically at 24 random points"},
      {"max(x, y) == (x + y + abs(x - y))/2", "true  # checked numerically at 24 random points"},
  });
}

// An answer's condition typed back read as nothing ddx knows ("expected ')'", "unexpected
// character '≠'"), where language.md promises that answers read back (a helper's hunt).
TEST_CASE("trust: a condition typed back is refused with a message saying what it is") {
  check_rows({
      {"x_1   (k != 1)", "error: a condition such as (k != 1) is printed after an answer that holds only there"},
      {"x_1   (k ≠ 1)", "error: a condition such as (k != 1)"},
      {"2x_k   (1 <= k <= 3)", "error: a condition such as (k != 1)"},
      {"2x_k   (1 ≤ k ≤ 3)", "error: a condition such as (k != 1)"},
      {"0   (1 <= j <= N, k != j)", "error: a condition such as (k != 1)"},
      {"x_1", "x_1"},
  });
}

// approx's result inside an expression is the decimal it prints, as a decimal typed is: approx(pi)
// - pi cancelled pi's double against the double of approx's 15 digits (-3.1e-15, for -3.2e-15),
// and approx(pi, 20) - pi was 0.0.
TEST_CASE("trust: approx's result is read as the decimal it prints") {
  check_rows({
      {"approx(pi) - pi", "-3.2384626433832794e-15"},
      {"approx(pi, 20) - pi", "3.7356616720497114e-20"},
      {"sin(approx(pi))", "3.2384626433832794e-15"},
      {"approx(pi) x - pi x", "-3.2384626433832794e-15 x"},
      {"approx(1/3) - 1/3", "-3.333333333333333e-16"},
      {"approx(pi)", "3.14159265358979"},
      {"approx(pi) x", "3.14159265358979x"},
      {"2 approx(pi)", "6.28318530717958"},
  });
  // and ans after approx is that decimal (a helper's regression hunt)
  check_in_turn({{"approx(pi)", "3.14159265358979"},
                 {"ans - pi", "-3.2384626433832794e-15"},
                 {"approx(pi, 20)", "3.1415926535897932385"},
                 {"ans - pi", "3.7356616720497114e-20"},
                 {"approx(1/3)", "0.333333333333333"},
                 {"3 ans - 1", "-1e-15"}});
}

// A defined function named bare is its body over its parameters, in order (language.md), but
// grad, hessian, jacobian and total took the body's free symbols, sorted (a helper's hunt of
// derivatives): grad(g) after g(x, y) = x^2 + a y was [y, 2x, a].
TEST_CASE("trust: grad, hessian, jacobian and total of a bare defined function go by its parameters") {
  check_rows(
      {
          {"grad(g)", "[2x, a]"},
          {"hessian(g)", "[[2, 0], [0, 0]]"},
          {"total(g)", "dg = 2x dx + a dy"},
          {"jacobian(g)", "[[2x, a]]  # numerator layout"},
          {"grad(h)", "[3x^2 y^2, 2x y^3]"},
          {"grad(f)", "[y, x, 0]"},
          {"hessian(f)", "[[0, 1, 0], [1, 0, 0], [0, 0, 0]]"},
          {"total(k)", "dk = w cos(t w) dt"},
          {"grad(g) at x = 1, y = 2", "[2, a]"},
          // a call, or any other expression, goes by its free symbols as before
          {"grad(g(x, y))", "[y, 2x, a]"},
      },
      {"g(x, y) = x^2 + a y", "h(y, x) = x^2 y^3", "f(x, y, z) = x y", "k(t) = sin(w t)"});
}

// A corner argument whose slope changes sign at every multiple of pi along a line (cos(x) + cos(y)
// - 1.99) used up the points of the search on its random line, before the lines through its
// extremes were looked at (a helper's regression hunt): those lines have points of their own.
TEST_CASE("trust: == looks along the lines through a corner argument's extremes whatever the other lines find") {
  check_rows({
      {"relu(cos(x) + cos(y) - 199/100) == 0", "false  # they differ by about 0.01 at x = 0, y = 0"},
      {"relu(1/100 - x^2 - y^2) == 0", "false  # they differ by about 0.01 at x = 0, y = 0"},
  });
}

// A partial of an abstract function is printed by its parameter's name, and read back so; but a
// parameter named like another position (the first of f(x2, x3) is named x2, which reads as the
// second position wherever f's names are not known) printed ∂f/∂x2(1, 2) for the first (a
// helper's hunt of derivatives). Such a slot prints as its own position, and xk always reads as
// the k-th.
TEST_CASE("trust: a partial of an abstract function prints and reads by position where a name would say another") {
  check_in_turn({{"d/dx2 p(x2, x3) at x2 = 1, x3 = 2", "∂p/∂x1(1, 2)"},
                 {"∂p/∂x1(1, 2) == ans", "true"},
                 {"d/dx2 p(x2, x3)", "∂p/∂x1"}});
  // (abstract functions' names are the process's: each part has its own function)
  check_in_turn({{"d/dx q(x^2, 3x)", "2x ∂q/∂x1(x^2, 3x) + 3 ∂q/∂x2(x^2, 3x)"},
                 {"d/dx1 q(x2, x1)", "∂q/∂x2"},
                 // (typed back after q's names changed, x1 names the second parameter and means the
                 // first by position: refused, not read either way without a word)
                 {"2x ∂q/∂x1(x^2, 3x) + 3 ∂q/∂x2(x^2, 3x)", "error: 'x1' is ambiguous here: q's parameter 2 is named x1"}});
  check_in_turn({{"d/dx2 s(x2, y)", "∂s/∂x1"},
                 {"∂s/∂x2", "error: 'x2' is ambiguous here: s's parameter 1 is named x2, and x2 also means parameter 2 by "
                            "position: write x1 for parameter 1, or y for parameter 2"},
                 {"d/dx2 s(x2, y) == ∂s/∂x1", "true"},
                 {"∂s/∂y", "∂s/∂y"}});
  check_in_turn({{"d/dx2 r(x2, x3)", "∂r/∂x1"}, {"d/dx3 r(x2, x3)", "∂r/∂x2"}});
}

// What a side of == lost as it was read is in the names it was read with: n = 3, then x^n x^2 ==
// x^5 gave n random values and was false (a helper's regression hunt of this session's change).
TEST_CASE("trust: == puts definitions into what a side lost as it was read") {
  check_rows(
      {
          {"d/dx x^n == n x^(n - 1)", "true"},
          {"x^n x^2 == x^5", "true"},
          {"sqrt(k) sqrt(k) == 3", "true"},
          {"sigmoid(w x) == 1/(1 + exp(-w x))", "true  # checked numerically at 24 random points"},
          {"u^a u^b == u^(a + b)", "true"},
          {"d/dx a^x == a^x log(a)", "true"},
      },
      {"n = 3", "k = 3", "w = 2", "u = t^2 + 1", "a = 3"});
}

// A second-order chain wrote d for a name of several variables, where the first-order chain
// writes ∂ (a helper's hunt of chains): z = u^2, u = x t.
TEST_CASE("chains: the second-order line writes ∂ for a name of several variables") {
  check_in_turn({{"z = u^2", ""},
                 {"u = x t", ""},
                 {"d^2z/dx^2", "d^2z/dx^2 = d^2z/du^2 * (∂u/∂x)^2 + dz/du * ∂^2u/∂x^2\n          = 2t^2"}});
  check_in_turn({{"y = u^3", ""},
                 {"u = 2x^3 + 3x^2", ""},
                 {"d^2y/dx^2", "d^2y/dx^2 = d^2y/du^2 * (du/dx)^2 + dy/du * d^2u/dx^2\n"
                               "          = 6u (6x^2 + 6x)^2 + 3u^2 (12x + 6)\n"
                               "          = 6 (6x^2 + 6x)^2 (2x^3 + 3x^2) + 3 (2x^3 + 3x^2)^2 (12x + 6)"}});
}

// A name defined through another definition, given a value beside the name it is made of, took
// its value there without a word: after y = u^3, u = 2x^3 + 3x^2, x^2 y at x = 0.5, y = 1.5 was
// 0.25 (y read at x = 0.5), and grad, d/dx and hessian at that point ignored y = 1.5.
TEST_CASE("trust: at a defined name made of another name the point gives is refused") {
  check_in_turn({{"y = u^3", ""},
                 {"u = 2x^3 + 3x^2", ""},
                 {"x^2 y at x = 0.5, y = 1.5", "error: 'y' is a defined name, read as its value (u^3): at y = ... changes nothing here"},
                 {"grad(x^2 y) at x = 0.5, y = 1.5", "error: 'y' is a defined name"},
                 {"d/dx x^2 y at x = 0.5, y = 1.5", "error: 'y' is a defined name"},
                 {"hessian(x^2 y) at x = 0.5, y = 1.5", "error: 'y' is a defined name"},
                 {"x^2 y at x = 0.5", "0.25"},
                 {"d/du y at u = 3", "27"}});
}

// A review of this session's == work: a value past MPFR's range is not "no value" (exp(10^10 x)
// - exp(10^10 x) == 0 was false, "only one side is defined"), nor are stale range flags or a
// decimal side past a double's range at an exact point; a table marks a value past the range ~0
// (it said undefined); and one point past the range no longer outweighs agreeing points.
TEST_CASE("trust: == and tables tell a value past MPFR's range from no value") {
  check_rows({
      {"exp(10^10 x) - exp(10^10 x) == 0", "true"},
      {"cosh(10^9 x) - cosh(10^9 x) == 0", "true"},
      {"exp(10^10 x)/(exp(10^10 x) + 1) == sigmoid(10^10 x)", "error: cannot decide whether the two sides are equal"},
      {"sqrt(1 + exp(-10^14 x^2))^2 sqrt(x)^2 == (1 + exp(-10^14 x^2)) x", "false  # only one side is defined at x = -0.558"},
      {"sqrt(x)^2 sqrt(1 + exp(-10^14 x^2))^2 == (1 + exp(-10^14 x^2)) x", "false  # only one side is defined at x = -0.558"},
      {"1.5 x^1000 tanh(x) == 1.5 x^1000 sinh(x)/cosh(x)", "true  # checked numerically at 12 random points"},
      {"exp(-10^10 x^2) tanh(x) == exp(-10^10 x^2) sinh(x)/cosh(x)", "true  # checked numerically at 3 random points"},
      {"table(exp(-10^10 x), x = 0 .. 1 step 0.5)", "  x  e^(-10000000000x)\n  0                  1\n0.5                 ~0\n  1                 ~0"},
  });
}

// A value below a double's range at a taylor point said "the derivatives grow too large; try a
// lower order", where the trouble is a value too small (a helper's regression hunt).
TEST_CASE("trust: taylor's refusal of a value below a double's range says only that") {
  std::string const got = ddx_test::answer("taylor(exp(-x^2), x = 27.0, 2)");
  CHECK(got.find("below the range of a double") != std::string::npos);
  CHECK(got.find("grow too large") == std::string::npos);
}

// The corner search reached 10^12, so a corner written beyond it was missed (relu(x - 10^13) == 0
// was true; a helper's hunt of ==): it also looks on both sides of each larger number written.
TEST_CASE("trust: == looks for corners beside numbers written beyond 10^12") {
  check_rows({
      {"relu(x - 10^13) == 0", "false  # they differ by about 1.0e10 at x = 1e+13"},
      {"relu(-x - 10^13) == 0", "false  # they differ by about 1.0e10 at x = -1e+13"},
      {"max(x, 10^20) == 10^20", "false  # they differ by about 1.0e17 at x = 1e+20"},
      {"relu(x) == max(x, 0)", "true  # checked numerically at 24 random points"},
  });
}

// approx wrote a value's digits as a plain decimal up to 10^21, padding with zeros where its digits
// ended: approx(10^20 e) was 271828182845905000000.0, whose last six zeros are no digits of it (it
// is 271828182845904523536.0...), against "every digit approx prints is certain" (a helper's
// check at 300 digits). Plain only where every digit before the point is one asked for.
TEST_CASE("trust: approx writes no zeros for digits it did not work out") {
  ddx_test::check_in_turn({
      {"approx(10^20 e)", "2.71828182845905e20"},
      {"approx(123456.789, 3)", "1.23e5"},
      {"approx(-2155231.011, 2)", "-2.2e6"},
      {"approx(123456.789)", "123456.789"},
      {"approx(2^40)", "1099511627776.0"},
      {"approx(10^21 e)", "2.71828182845905e21"},
  });
}

// A defined name listed among grad's, jacobian's, hessian's or total's variables is a variable
// there, as under d/du: grad(u^2 x, [u, x]) at u = 2 was refused as giving a value to a defined
// name "that changes nothing" (a helper's check of section 7). A table's message said "plot".
TEST_CASE("trust: at gives a value to a defined name listed as a variable of grad, jacobian, hessian and total") {
  ddx_test::check_in_turn({
      {"u = x + 1", ""},
      {"grad(u^2 x, [u, x]) at u = 2", "[4x, 4]"},
      {"grad(u^2, [u]) at x = 0, u = 2", "[4]"},
      {"hessian(u^3, [u]) at x = 0, u = 2", "[[12]]"},
      {"jacobian([u^2], [u]) at x = 0, u = 2", "[[4]]  # numerator layout"},
      {"y = u^3", ""},
      {"grad(y, [u]) at x = 1, u = 2", "[12]"},
      {"grad(u^2 x) at u = 2", "error: 'u' is a defined name, read as its value (x + 1)"},
      {"table(x^2 z, x = 0 .. 1 step 1/2)", "error: cannot tabulate: z has no value (give it one, or tabulate against it)"},
  });
}

// approx(E, N) at a point printed a double's 17 digits where N were asked for (its decimal was
// taken at the point), and approx(x + pi, 30) at x = 1 was refused: the point goes into E.
TEST_CASE("trust: approx at a point gives the digits asked for") {
  ddx_test::check_rows({
      {"approx(d/dx sin(x^2), 30) at x = 1", "1.08060461173627943480187321489"},
      {"approx(x + pi, 30) at x = 1", "4.14159265358979323846264338328"},
      {"approx(x + pi) at x = 1", "4.14159265358979"},
      {"approx(sin(x), 20) at x = 0.1 + 0.2", "0.29552020666133957511"},
      {"approx(x^2, 3) at x = 1/3", "0.111"},
      {"approx(x) at x = y", "error: cannot approximate: 'y' has no value"},
  });
}

// A helper's findings on ==: a side without values beyond the random points' range (sqrt(x +
// 3)^2 == x + 3 was true), or in a gap between them (sqrt(x^2 - 1/100)^2, none within 1/10 of
// 0); a point where neither side has a value taken as one where only one has (sin(asin(x)) == x +
// 0 sqrt(4 - x^2) said false at 2.16, where both have none); and two corners 10^-3 apart, or a
// corner where the formulas differ at the corner alone (sign(x - 2)^2 == 1), not told apart.
TEST_CASE("trust: == looks beyond its random points for where only one side has a value, and between close corners") {
  ddx_test::check_rows({
      {"sqrt(x + 3)^2 == x + 3", "false  # only one side is defined at x = -4.52"},
      {"log(x + 3) - log(x + 3) == 0", "false  # only one side is defined at x = -4.52"},
      {"exp(log(x + 30)) == x + 30", "false  # only one side is defined at x = -45.2"},
      {"sqrt(x^2 - 1/100)^2 == x^2 - 1/100", "false  # only one side is defined at x = 0.0151"},
      {"sqrt(x^2 + y^2 - 1/100)^2 == x^2 + y^2 - 1/100", "false  # only one side is defined at x = 0, y = -0.0999"},
      {"asin(x/3) + acos(x/3) == pi/2", "false  # only one side is defined at x = -86.2"},
      {"log((x - 2)(x - 21/10)) == log(abs(x - 2)) + log(abs(x - 21/10))", "false  # only one side is defined at x = 2.1"},
      {"sin(asin(x)) == x sqrt(1 - x^2)/sqrt(1 - x^2)", "true  # checked numerically at 12 random points"},
      {"sin(asin(x)) == asin(x)/asin(x) x", "true  # checked numerically at 12 random points"},
      {"tanh(atanh(x)) == x + 0 atanh(x)", "true  # checked numerically at 12 random points"},
      {"sign(x - 2) == sign(x - 2001/1000)", "false  # they differ by about 1.0 at x = 2"},
      {"sign(x - 2) == sign(x - 2.001)", "false  # they differ by about 1.0 at x = 2"},
      {"sign(x - 2)^2 == 1", "false  # they differ by about -1.0 at x = 2"},
      {"relu(sign(x - 5)) == (1 + sign(x - 5))/2", "false  # they differ by about -0.5 at x = 5"},
      // Holes are no edges, and equal sides stay equal; a far point where neither side has a value
      // still lets the others decide, and a decimal power refused at a sample point lets the
      // statement be read with its decimals exact (the regression hunt's findings on a first version).
      {"x/x == 1", "true"},
      // (nor where an exponent of a positive base is whole: x = 3 there is the hole)
      {"exp(x) (x - 3)/(x - 3) == exp(x)", "true"},
      {"2^x (x - 3)/(x - 3) == 2^x", "true"},
      {"exp(x) (x - 3)/(x - 3) == exp(x) + 1", "false"},
      {"(x - 2.5)^0.5 == sqrt(x - 2.5)", "true"},
      {"(0.5x - 5)^1.5 + x == (0.5x - 5)^1.5 + 2x", "false"},
      {"max(x, asin(x - 10)) == x + 0 asin(x - 10)", "true  # checked numerically at 12 random points"},
      {"sign(asin(x - 10)) == sign(asin(x - 10.001))", "false  # only one side is defined at x = 9"},
      {"max(1 + 3x, asin(x/2 - 5)) == max(2 + 3x, asin(x/2 - 5))", "false  # they differ by about -1.0 at x = 8.01"},
      {"d/dx (a x)^a == a (a x)^a/x", "true  # checked numerically at 13 random points"},
      {"sqrt(x + 3)^2 == x + 3 + 0 sqrt(x + 3)", "true"},
      {"abs(x - 2) == sqrt((x - 2)^2)", "true  # checked numerically at 24 random points"},
  });
}

// A decimal exponent is floating point's (language.md): x^0.2 has no real value at a negative x.
// Written with a decimal point the negative base was read again with 0.2 as 1/5, whose odd root
// is real: x^1.2 at x = -1.5 was 1.63 and x^0.2 at x = -32.0 was -2.0, where x^0.2 at x = -32 is
// refused; f(-1.0) was refused while f'(-1.0) had a value (a helper's finding).
TEST_CASE("trust: a decimal exponent of a negative base has no real value however the base is written") {
  ddx_test::check_rows({
      {"x^0.2 at x = -32", "error: (-32)^(0.2) is not a real number"},
      {"x^0.2 at x = -32.0", "error: (-32.0)^(0.2) is not a real number"},
      {"x^1.2 at x = -1.5", "error: (-1.5)^(1.2) is not a real number"},
      {"d/dx x^1.2 at x = -1.0", "error: the derivative does not exist at x = -1.0"},
      {"x^1.2 at x = 1.5", "1.626707656796548"},
      {"x^(6/5) at x = -1.5", "1.626707656796548"},
      {"(0.3 - 0.1 - 0.2)^0.5", "0.0"},
      {"(x - 0.1 - 0.2)^0.5 at x = 0.3", "0.0"},
  });
  ddx_test::check_rows({{"f(-1.0)", "error: (-1.0)^(1.2) is not a real number"},
                        {"f'(-1.0)", "error: the derivative does not exist at t = -1.0"}},
                       {"f(t) = t^1.2"});
}

// A defined name lost the check of what simplification takes out (a helper's finding): after a =
// 0, a/a was 1 where 0/0 is refused; after b = -4, sqrt(b)^2 was -4; after u = x, u/u at x = 0 was 1.
TEST_CASE("trust: what simplification takes out must have a value with the defined names' values in it") {
  ddx_test::check_in_turn({
      {"a = 0", ""},
      {"a/a", "error: division by zero in the expression as written"},
      {"0/a + 1", "error: division by zero in the expression as written"},
      {"a - a", "0"},
      {"b = -4", ""},
      {"sqrt(b)^2", "error: (-4)^(1/2) is not a real number in the expression as written"},
      {"u = x", ""},
      {"u/u at x = 0", "error: division by zero in the expression as written"},
      {"(u - u) log(u) at x = -1", "error: log of a negative number is not real in the expression as written"},
      {"u/u at x = 1", "1"},
      {"u/u", "1"},
      {"c = 2", ""},
      {"c/c", "1"},
  });
}

// A definition without a value is refused as typed (b = 1/(2 - 2)); written through a name defined
// as a number it was accepted, and each use of it failed (a helper's finding). Refused now, and the
// session is as it was.
TEST_CASE("trust: a definition that has no value through the numbers its names are defined as is refused") {
  ddx_test::check_in_turn({
      {"a = 2", ""},
      {"b = 1/(a - 2)", "error: b = 1/(a - 2) would have no value: division by zero (a = 2)"},
      {"b", "b"},
      {"b = (a - 2)/(a - 2)", "error: division by zero (a = 2)"},
      {"b = sqrt(a - 3)", "error: is not a real number (a = 2)"},
      {"b = log(a - 2) + x", "error: log(0) is undefined (a = 2)"},
      {"b = (a - 2)/(x - 2)", ""},
      {"b", "0"},
      {"c = 1/a", ""},
      {"a = 0", "error: this leaves c = 1/a without a value: division by zero (a = 0)"},
      {"a", "2"},
      {"c", "1/2"},
      {"a = 4", ""},
      {"c", "1/4"},
      {"k = pi/2", ""},
      {"t = tan(k)", "error: tan is undefined at pi/2 (k = pi/2)"},
      {"t = tan(k/2)", ""},
      {"t", "1"},
      // Through a name that is a number through another (the regression hunt's gaps), and the
      // names that use a name changed, in turn.
      {"b4 = a", ""},
      {"c4 = 1/(b4 - 4)", "error: c4 = 1/(b4 - 4) would have no value: division by zero (b4 = 4)"},
      {"d4 = 1/b4", ""},
      {":clear c", ""},
      {"a = 0", "error: this leaves d4 = 1/b4 without a value: division by zero (b4 = 0)"},
      {"d4", "1/4"},
      // A body with decimals is no exact number: its doubles may have lost what the decimals
      // hold (1/(a - 4 + 1e-20) is 1e20), and a double's overflow there is for its uses to say.
      {"e4 = 1/(a - 4 + 1e-20)", ""},
      {"e4", "1e+20"},
      {"w = 1e300^a", ""},
      {"w", "error: overflow"},
      // Names defined as decimals are the exact numbers they are written as (the hunt's gaps).
      {"z = 0.1", ""},
      {"c5 = 1/(z - 0.1)", "error: c5 = 1/(z - 0.1) would have no value: division by zero (z = 0.1)"},
      {"c5 = 1/(z - 0.1 + 1e-30)", ""},
      {"c5", "1e+30"},
      {"z = 0.1 - 1e-30", "error: this leaves c5 = 1/(z - 0.1 + 1e-30) without a value: division by zero (z = 0.1 - 1e-30)"},
  });
  // Through a definition read through the name, which takes values as it is read (a derivative,
  // an at, a call), the user's users too (the last regression hunt's finding); each undone whole.
  check_in_turn({
      {"a = 0.1", ""},
      {"w = d/dx (a x)", ""},
      {"v = 1/(w - 0.2)", ""},
      {"a = 0.2", "error: this leaves v = 1/(w - 0.2) without a value: division by zero"},
      {"v", "-10.0"},
      {"h(t) = t + 1", ""},
      {"w2 = h(0)", ""},
      {"v2 = 1/w2", ""},
      {"h(t) = t", "error: this leaves v2 = 1/w2 without a value: division by zero (w2 = 0)"},
      {"v2", "1"},
      {"q = x + 1", ""},
      {"w3 = q at x = 0", ""},
      {"v3 = 1/w3", ""},
      {"q = x", "error: this leaves v3 = 1/w3 without a value: division by zero (w3 = 0)"},
      {"v3", "1"},
      {"q = x + 2", ""},
      {"v3", "1/2"},
  });
}

// A refusal of a statement's definitions is an error as any other: in JSON, an object on stdout.
TEST_CASE("trust: a definition refused for having no value is a JSON error object") {
  ddx_test::RunResult const run = ddx_test::run_ddx("--format json", "a = 2\nb = 1/(a - 2)\nc = 1/a\na = 0\n");
  std::string const& out = run.out;
  CHECK(run.err.empty());
  CHECK(out.find("{\"input\": \"b = 1/(a - 2)\", \"error\": {\"message\": \"b = 1/(a - 2) would have no value") != std::string::npos);
  CHECK(out.find("{\"input\": \"a = 0\", \"error\": {\"message\": \"this leaves c = 1/a without a value") != std::string::npos);
}

// == took what a defined name's value lost as it was put in for a requirement, whose points it
// skips, not for a part of the side as written: after r = sqrt(x), r^2 == x was true where
// sqrt(x)^2 == x is false (a helper's finding). Each row reads as the same statement written
// with the definitions' values typed in.
TEST_CASE("trust: == reads a side through its defined names as it reads the side with their values typed in") {
  struct Written {
    const char* through_names;
    const char* typed_in;
    const char* expected;
  };
  std::vector<Written> const rows{
      {"r^2 == x", "sqrt(x)^2 == x", "false  # only one side is defined at x = -0.558"},
      {"r^2 == x + 0 r", "sqrt(x)^2 == x + 0 sqrt(x)", "true"},
      {"0 r == 0", "0 sqrt(x) == 0", "false  # only one side is defined at x = -0.558"},
      {"d/dx r^2 == 1", "d/dx sqrt(x)^2 == 1", "true"},
      {"[r^2, 1] == [x, 1]", "[sqrt(x)^2, 1] == [x, 1]", "false  # only one side is defined at x = -0.558"},
      {"log(q) - log(q) == 0", "log(x - 3) - log(x - 3) == 0", "false  # only one side is defined at x = 2.16"},
      {"q/q == 1", "(x - 3)/(x - 3) == 1", "true"},
      {"s == x", "sqrt(x)^2 == x", "false  # only one side is defined at x = -0.558"},
      {"y == x", "sqrt(x)^2 == x", "false  # only one side is defined at x = -0.558"},
  };
  for (const Written& row : rows) {
    ddx::Session defined;
    for (const char* line : {"r = sqrt(x)", "q = x - 3", "s = sqrt(x)^2", "y = u^2", "u = sqrt(x)"})
      REQUIRE(ddx_test::answer(defined, line).empty());
    ddx::Session plain;
    std::string const through_names = row.through_names;
    CAPTURE(through_names);
    CHECK(ddx_test::answer(defined, row.through_names) == row.expected);
    CHECK(ddx_test::answer(plain, row.typed_in) == row.expected);
  }
}

// tangent and total at a point took a point written in decimals as its double: tangent(x^2, x =
// 0.1 + 0.2 - 0.3) was y = 1.1e-16 x - 3.1e-33, tangent(abs(x - 0.3), x = 0.1 + 0.2) the line
// y = x - 0.3 at the corner, tangent(1/x, x = 0.1 + 0.2 - 0.3) a line at the pole (a helper's
// finding). Each now reads as the derivative at that point does: refused where it is, and else a
// line through the function's value with the derivative's slope (each checked by ddx itself, the
// line's right side typed back), and a total whose coefficient is the derivative.
TEST_CASE("trust: tangent and total at a point written in decimals read it as the derivative there does") {
  const char* const functions[] = {"abs(x - 0.3)", "abs(x - 0.3) (x - 0.3)", "x^2", "1/x", "sqrt(x - 0.3)", "log(x - 0.3)",
                                   "sign(x - 0.3)", "(x - 0.1 - 0.2)^2", "abs(x - 0.1 - 0.2)", "abs(x - 0.3) (x - 0.3) + 5"};
  const char* const points[] = {"0.1 + 0.2", "0.1 + 0.2 - 0.3", "0.3", "0.7 - 0.4", "0.5"};
  int answered = 0, refused = 0;
  for (const char* f : functions)
    for (const char* p : points) {
      std::string const function = f, point = p;
      CAPTURE(function);
      CAPTURE(point);
      ddx::Session s;
      std::string const slope = ddx_test::answer(s, "d/dx " + function + " at x = " + point);
      std::string const line = ddx_test::answer(s, "tangent(" + function + ", x = " + point + ")");
      std::string const total = ddx_test::answer(s, "total(" + function + ") at x = " + point);
      bool const no_slope = slope.rfind("error@", 0) == 0;
      CHECK((line.rfind("error@", 0) == 0) == no_slope);
      CHECK((total.rfind("error@", 0) == 0) == no_slope);
      if (no_slope || line.rfind("error@", 0) == 0) {
        ++refused;
        continue;
      }
      ++answered;
      REQUIRE(line.size() > 4);
      std::string const right_side = line.substr(line.find(" = ") + 3);
      // (the line's coefficients are doubles: equal to 12 digits)
      auto near_zero = [&](const std::string& difference) {
        std::string const value = ddx_test::answer(s, difference);
        CAPTURE(difference);
        CAPTURE(value);
        CHECK(std::abs(std::strtod(value.c_str(), nullptr)) < 1e-12);
        CHECK(value.find_first_not_of("0123456789.e+- ") == std::string::npos);
      };
      near_zero("d/dx (" + right_side + ") - (" + slope + ")");
      near_zero("((" + right_side + ") at x = " + point + ") - (" + function + " at x = " + point + ")");
      // (df = C dx, df = dx, df = -dx or df = 0: C, 1, -1 or 0)
      std::string coefficient = total.substr(total.find(" = ") + 3);
      if (coefficient.ends_with("dx")) coefficient.resize(coefficient.size() - 2);
      if (coefficient.empty() || coefficient == "-") coefficient += "1";
      near_zero("d/dx (" + right_side + ") - (" + coefficient + ")");
    }
  CHECK(answered >= 20);
  CHECK(refused >= 10);
  // (the reading with decimals exact took them for variables of total: a d decimal#1 term, and
  // the doubles' answer was replaced by one with 1/2 in it; the regression hunt's finding)
  check_rows({{"total(2.0/(y - x)) at x = 0.5", "df = 2.0/(y - 0.5)^2 dx - 2.0/(y - 0.5)^2 dy"},
              {"total(y + sqrt(1e-3 y)) at x = 0.1 + 0.2", "df = (0.015811388300841896/sqrt(y) + 1) dy"}});
}

// A definition whose body is a derivative was not read again with its decimals exact, as the same
// derivative typed as a statement is: w = d/dx x^2/(sqrt(2) - 1.414213562373095) was
// 9007199254740992.0x, its doubles' cancellation, where the statement is 40982188368572448.0x (the
// regression hunt's finding, in both binaries). Each definition must read as its statement does.
TEST_CASE("trust: a defined derivative with decimals is the derivative typed as a statement") {
  for (const char* derivative : {"d/dx x^2/(sqrt(2) - 1.414213562373095)", "d/dx x^2/(pi - 3.141592653589793 + 1e-10)",
                                 "d/dx x^2/(0.1000000000000001 - 0.1)", "d/dx (0.1x^2 + 0.2x^2 - 0.3x^2 + x)",
                                 "d/dx sin(x) (0.5 + 0.123456789012345 - 0.623456789012345)"}) {
    ddx::Session typed, defined;
    std::string const statement = ddx_test::answer(typed, derivative);
    REQUIRE(ddx_test::answer(defined, std::string("w = ") + derivative).empty());
    CAPTURE(std::string(derivative));
    CHECK(ddx_test::answer(defined, "w") == statement);
  }
}

// A syntax error in one of a line's `;` statements threw the others away, unsaid: `a = 1; x^2; b =
// x +* 2` said only the third one's error, and a stayed undefined (a helper's finding). Statements
// joined by `;` must do what they do one per line, each error at its own place in the line.
TEST_CASE("trust: statements joined by semicolons each stand or fall alone, whatever the others' syntax") {
  std::vector<std::vector<std::string>> const lines{
      {"a = 1", "x^2", "b = x +* 2", "a + 1"},
      {"x^3", "(x", "d/dx x^2"},
      {"u = x^2", "y = u^3 +", "dy/dx", "y = u^3", "dy/dx"},
      {":format latex", "x^2 ^", "x^2"},
      {"f(t) = t^2", "f(", "f(3)"},
  };
  // (a comment's ; separates nothing: x +* 2 # note; a = 5 set a; the regression hunt's finding)
  check_in_turn({{"x +* 2 # note; a = 5", "error: expected an expression"}, {"a", "a"}});
  for (const std::vector<std::string>& statements : lines) {
    ddx::Session alone, joined;
    std::string expected, line;
    for (const std::string& s : statements) {
      std::string got = ddx_test::answer(alone, s);
      // (an error's column moves by where its statement begins in the joined line)
      if (got.rfind("error@", 0) == 0) {
        std::size_t const column = std::stoul(got.substr(6));
        got = "error@" + std::to_string(column + line.size() + (line.empty() ? 0 : 2)) + got.substr(got.find(':'));
      }
      if (!got.empty()) expected += (expected.empty() ? "" : "\n") + got;
      line += (line.empty() ? "" : "; ") + s;
    }
    CAPTURE(line);
    CHECK(ddx_test::answer(joined, line) == expected);
  }
}

// A pole that doubles rounded past was refused only where the answer's own value grew with the
// precision: wrapped in a bounded function it settled, and atan(tan(0.5 pi)) was
// 1.5707963267948966, 1/tan(pi/2 * 1.0) 0.0 (a helper's finding). Each is refused as the same
// statement written exactly is, and a part near its pole but not at it keeps its value.
TEST_CASE("trust: a pole that doubles rounded past is refused inside a bounded function too") {
  for (const char* wrapped : {"atan(tan(0.5 pi))", "1/tan(pi/2*1.0)", "tanh(cot(2.0 pi))", "min(tan(pi/2*1.0), 1)",
                              "atan(1/sin(pi*1.0))", "sigmoid(cot(pi/1e-3))", "atan(1/(0.3 - 0.1 - 0.2))"}) {
    ddx::Session s;
    std::string const got = ddx_test::answer(s, wrapped);
    CAPTURE(std::string(wrapped));
    CHECK(got.rfind("error@1: ", 0) == 0);
    CHECK((got.find("undefined") != std::string::npos || got.find("division by zero") != std::string::npos));
  }
  // (beside a variable too, where the answer is a formula: sec(pi/2*1.0) + x was
  // x + 16331239353195370.0, in both binaries; the regression hunt's finding)
  check_rows({{"sec(pi/2*1.0) + x", "error: the value is undefined"}, {"x + cot(pi*1.0)", "error: the value is undefined"},
              {"sec(pi/3*1.0) + x", "x + 1.9999999999999996"}});
  check_rows({{"atan(tan(0.4 pi))", "1.2566370614359172"},
              {"1/(0.3 - 0.1 - 0.2 + 1)", "1.0"},
              {"atan(1/(0.3 - 0.1 - 0.2 + 1e-30))", "1.5707963267948966"}});
  check_rows({{"f(0.5 pi)", "error: the value is undefined"}}, {"f(x) = atan(tan(x))"});
}

// ans after a derivative at a decimal point was the double of its exact value, where a definition
// of the same statement keeps the exact number: d/dx x/3 at x = 0.3, then approx(ans, 20), was
// 0.33333333333333331483, and d/dx x^3 at x = 0.1, then ans - 0.03, 6.9e-18 (a helper's finding).
// ans must read as the definition of the same statement does.
TEST_CASE("trust: ans after a value at a decimal point reads as a definition of the statement does") {
  for (const char* statement : {"d/dx x/3 at x = 0.3", "d/dx x^3 at x = 0.1", "d/dx atanh(x) at x = 0.5", "d/dx (3x)^2 at x = -0.7",
                                "0.1 + 0.2 - 0.3", "x^3 at x = 0.1"}) {
    for (const char* use : {"approx(@, 20)", "@ - 0.03", "@ * 3 - 1"}) {
      std::string through_ans = use, through_name = use;
      through_ans.replace(through_ans.find('@'), 1, "ans");
      through_name.replace(through_name.find('@'), 1, "k");
      ddx::Session a, k;
      ddx_test::answer(a, statement);
      REQUIRE(ddx_test::answer(k, std::string("k = ") + statement).empty());
      CAPTURE(std::string(statement));
      CAPTURE(through_ans);
      CHECK(ddx_test::answer(a, through_ans) == ddx_test::answer(k, through_name));
    }
  }
}

// A base of 1 took its exponent's domain away: 1^sqrt(x) at x = -1 was 1, d/dx 1^atanh(x) at x =
// 2 was 0 (a helper's finding). The exponent is noted as what simplification dropped, as log(x)
// in 0 log(x) is: a point where it has no value is refused, however the 1 is written, and one
// where it has is answered.
TEST_CASE("trust: a power of 1 has no value where its exponent has none") {
  struct Where {
    const char* exponent;
    const char* outside;  // a point where the exponent has no value
    const char* inside;   // one where it has
  };
  for (const Where& w : {Where{"sqrt(x)", "-1", "4"}, Where{"atanh(x)", "2", "1/2"}, Where{"log(x)", "0", "3"},
                         Where{"tan(x)", "pi/2", "1"}, Where{"x^x", "0", "2"}, Where{"acosh(x)", "0", "2"}})
    for (const char* one : {"1", "cos(0)", "(2/2)", "(x/x)"}) {
      std::string const power = std::string(one) + "^" + w.exponent;
      CAPTURE(power);
      for (const char* form : {"%s at x = %s", "d/dx %s at x = %s", "tangent(%s, x = %s)"}) {
        char outside[200], inside[200];
        std::snprintf(outside, sizeof outside, form, power.c_str(), w.outside);
        std::snprintf(inside, sizeof inside, form, power.c_str(), w.inside);
        CAPTURE(outside);
        CHECK(ddx_test::answer(outside).find("error") != std::string::npos);
        std::string const value = ddx_test::answer(inside);
        CHECK((value == "1" || value == "0" || value == "y = 1"));
      }
    }
}

// An `at` inside a procedure's argument lost what its body's simplification dropped: approx(x/x
// at x = 0) was 1.0, expand(0 log(x) at x = -1) 0, approx(sqrt(x)^2 at x = -4) -4.0 (found beside
// a helper's finding). Each procedure refuses such a point as the expression alone does, and
// answers one where the dropped part has a value.
TEST_CASE("trust: an at inside a procedure's argument keeps what its body dropped") {
  struct Dropped {
    const char* body;
    const char* outside;
    const char* inside;
  };
  for (const Dropped& d : {Dropped{"0 log(x)", "-1", "2"}, Dropped{"x/x", "0", "1"}, Dropped{"sqrt(x)^2", "-4", "4"},
                           Dropped{"1^log(x)", "-1", "3"}, Dropped{"(x - 1)^2/(x - 1)", "1", "3"}})
    for (const char* procedure : {"approx", "expand", "simplify", "factor"}) {
      std::string const outside = std::string(procedure) + "(" + d.body + " at x = " + d.outside + ")";
      std::string const inside = std::string(procedure) + "(" + d.body + " at x = " + d.inside + ")";
      CAPTURE(outside);
      CHECK(ddx_test::answer(outside).find("error") != std::string::npos);
      CAPTURE(inside);
      CHECK(ddx_test::answer(inside).find("error") == std::string::npos);
    }
}

// Readings a helper found taken silently where the language's own rules ask: √ before factors the
// last of which has a power (√x(x+1)^2 was the root of them all, 2 at x = 1 for √x·(x+1)^2's 4),
// an index of digits that letters follow (x_1sin(x) was the name x_1sin times x; d/dx x_1x was
// 0), a name with digits glued to a call (x1sin(x) was an unknown function), and a run ending in
// ln (xln x was x·l·n·x). Each is refused with the readings to write instead; each written so is
// read as meant.
TEST_CASE("trust: a root sign, an index, or a function glued to a name is asked about, not guessed") {
  check_rows({
      {"√x(x+1)^2", "error: '√' before juxtaposed factors is ambiguous: write √(x y) for the root of them all, or √x·y for "
                    "the root of the first"},
      {"√xe^x", "error: '√' before juxtaposed factors is ambiguous"},
      {"√xy^2", "error: '√' before juxtaposed factors is ambiguous"},
      {"√x·(x+1)^2 at x = 1", "4"},
      {"√x^2 at x = -3", "3"},
      {"x_1sin(x)", "error: 'x_1sin' is ambiguous: write x_1 sin, with a space (an index of digits ends where a letter follows it)"},
      {"d/dx x_1x", "error: 'x_1x' is ambiguous: write x_1 x, with a space"},
      {"x_1e^x", "error: 'x_1e' is ambiguous"},
      {"v_0t", "error: 'v_0t' is ambiguous"},
      {"d/dx x_1 x", "x_1"},
      {"x_12 + x_n1 + x_ab", "x_12 + x_ab + x_n1"},
      {"x1sin(x)", "error: unknown function 'x1sin'; did you mean 'x1 sin(...)'?"},
      {"x1sin x", "error: 'x1sin' is ambiguous: write x1 sin(...) for sin of what follows, or x1 s i n for single letters"},
      {"xln x", "error: 'xln' is ambiguous: write x ln(...) for ln of what follows, or x l n for single letters"},
      {"d/dx x ln x", "log(x) + 1"},
      {"xarctan x", "error: 'xarctan' is ambiguous: write x arctan(...) for arctan of what follows, or x a r c t a n for single "
                    "letters"},
      {"d/dx x1 sin(x)", "x1 cos(x)"},
      // a superscript after an exponent, a blank between (2^3 ² was 512, x² ³ x^8)
      {"2^3 ²", "error: a superscript after an exponent is ambiguous"},
      {"x² ³", "error: a superscript after an exponent is ambiguous"},
      {"2^3 x²", "8x^2"},
  });
}

// Two times signs side by side were a power (a helper's finding): 2××3 was 8, x ·· 2 and x ×* 2
// were x^2, the signs written * and the two read as **. They are refused as * * is; one sign, or
// ** itself, reads as before.
TEST_CASE("trust: two times signs side by side are no power") {
  check_rows({
      {"2××3", "error: unexpected '×'"},
      {"2 ·· 3", "error: unexpected '·'"},
      {"x ⋅⋅ 2", "error: unexpected '⋅'"},
      {"x·×2", "error: unexpected '·'"},
      {"x ×* 2", "error: unexpected '×'"},
      {"x *× 2", "error: unexpected '*'"},
      {"2×3", "6"},
      {"2 · 3", "6"},
      {"x**2", "x^2"},
  });
}

// A statement whose answer the program formats cannot write (an abstract function in C) failed at
// printing, after ans had taken the answer: ans then was fctor(x) (a helper's finding). It fails
// before, with a column, and ans is as it was.
TEST_CASE("trust: a statement the program format cannot write changes no ans") {
  for (const char* format : {"c", "python", "numpy"}) {
    CAPTURE(format);
    auto r = ddx_test::run_ddx(std::string("--format ") + format, "x^2 + 7\nfctor(x)\n:format text\nans\n");
    CHECK(r.err.find(":2:1: error: ") != std::string::npos);
    CHECK(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1) == "x^2 + 7\n");
  }
}

// A definition whose formula holds a pole its decimals' doubles rounded past was accepted, where
// the statement alone is refused (a helper's finding): k = x + tan(pi/2*1.0) stood as x +
// 16331239353195370.0, and after f(t) = t + tan(pi/2*1.0), d/dx f(x) was 1.
TEST_CASE("trust: a definition holding a pole the doubles rounded past is refused, as the statement is") {
  check_in_turn({
      {"x + tan(pi/2*1.0)", "error: the value is undefined: a division by zero with the decimals as written"},
      {"k = x + tan(pi/2*1.0)", "error: the value is undefined: a division by zero with the decimals as written"},
      {"f(t) = t + tan(pi/2*1.0)", "error: the value is undefined: a division by zero with the decimals as written"},
      {":vars", "no definitions"},
      {"k = x + tan(pi/2*0.9)", ""},
      {"f(t) = 0.5t + 0.1", ""},
      {"f(2)", "1.1"},
  });
}

// Two numbers side by side were their product: `1 000` (the thousands separator of SI and of many
// languages) was 0, `1 000 000` 0, `d/dx x^2 at x = 1 000` 2000's 0. Refused now with both
// readings; a number beside anything else is still a product. So are digits that meet across a
// blank after an exponent (`x^2 3`: x^23, as spaces change nothing, or x^2·3?), but for a function
// word's power, whose argument follows (`sin^2 2x`).
TEST_CASE("trust: two numbers side by side are refused with both readings") {
  check_rows({
      {"1 000", "error@1: two numbers side by side are ambiguous: write 1000 for one number (ddx separates no digits), or 1*000 for a product"},
      {"1 000 000", "error: two numbers side by side are ambiguous: write 1000 for one number"},
      {"2 3", "error@1: two numbers side by side are ambiguous: write 23 for one number (ddx separates no digits), or 2*3 for a product"},
      {"-1 000", "error@1: two numbers side by side are ambiguous: write 1000 for one number (ddx separates no digits), or 1*000 for a product"},
      {"x - 1 000", "error@5: two numbers side by side are ambiguous: write 1000 for one number (ddx separates no digits), or 1*000 for a product"},
      {"2 .5", "error@1: two numbers side by side are ambiguous: write 2.5 for one number (ddx separates no digits), or 2*.5 for a product"},
      {"1e3 4", "error@1: two numbers side by side are ambiguous: write 1e3*4 for a product"},
      {"sin 2 3", "error@5: two numbers side by side are ambiguous: write 23 for one number (ddx separates no digits), or 2*3 for a product"},
      {"[1 000, 2]", "error@2: two numbers side by side are ambiguous: write 1000 for one number (ddx separates no digits), or 1*000 for a product"},
      {"d/dx x^2 at x = 1 000", "error@17: two numbers side by side are ambiguous: write 1000 for one number (ddx separates no digits), or 1*000 for a product"},
      {"diff(x^2 2 3, x)", "error@8: two numbers side by side are ambiguous: write * between them for a product, or their digits together for one number (ddx separates no digits)"},
      {"2*3", "6"},
      {"2 (3)", "6"},
      {"2 x 3", "6x"},
      {"x^2 3", "error@3: two numbers side by side are ambiguous: write * between them for a product, or their digits together for one number (ddx separates no digits)"},
      {"sin^2 2x", "sin(2x)^2"},
      {"2 3x", "error@1: two numbers side by side are ambiguous: write 23 for one number (ddx separates no digits), or 2*3 for a product"},
      {"1.5.2", "error: a number that begins with its decimal point"},
  });
}

// The refusal of 1/x (x+1) told to put a space after the divisor, where one was: a blank between
// a name and its bracket changes nothing. It tells of '*' there; after a run of letters a blank
// still ends the divisor (1/a b is b/a).
TEST_CASE("trust: an ambiguous divisor's message offers what reads otherwise") {
  check_rows({
      {"1/x (x+1)", "error: dividing by x(...) is ambiguous: write /(x(...)) to divide by the whole product, or put a '*' after the divisor, as /x*(...)"},
      {"1/x*(x+1)", "(x + 1)/x"},
      {"1/ab", "error: or put a space or '*' after the divisor"},
      {"1/a b", "b/a"},
  });
}

// d^n/dx^n with a name for the order said 'dx' is ambiguous (a differential), which is not what
// was asked: it says that the order must be a whole number.
TEST_CASE("trust: a derivative's order written as a name is refused for what it is") {
  check_rows({
      {"d^n/dx^n x^2", "error: a derivative's order must be a positive whole number as written: write d^2/dx^2 for the second derivative, or diff(E, x, 2)"},
      {"d^a/dt^a sin(t)", "error: write d^2/dt^2 for the second derivative, or diff(E, t, 2)"},
      {"d^k y/dx^k", "error: a derivative's order must be a positive whole number"},
      {"d^2/dx^2 x^3", "6x"},
  });
}

// r_0x_1cos^2 y suggested r_0 x_1cos, which is refused in turn: the suggestion puts a space after
// every index that letters follow.
TEST_CASE("trust: letters after an index: the suggestion spaces every such index") {
  check_rows({
      {"r_0x_1cos^2 y", "error: 'r_0x_1cos' is ambiguous: write r_0 x_1 cos, with a space"},
      {"a_1b_2c_3", "error: write a_1 b_2 c_3, with a space"},
      {"r_0 x_1 cos^2 y", "r_0 x_1 cos(y)^2"},
      {"a_1 b_2 c_3", "a_1 b_2 c_3"},
  });
}

// Other notations' names for functions ddx has were letters or abstract functions: tg x (tan x in
// Russian textbooks) was t·g·x, sin x tg x sin(g t x^2), arctg(x) an abstract function, lg 100
// 100 g l. Called or before a factor they are refused, saying how ddx writes the function and
// how to write the letters; alone or after the factors they multiply they are still letters, and
// a definition makes the name the user's.
TEST_CASE("trust: other notations' function names are refused before an argument") {
  check_rows({
      {"tg x", "error: 'tg' is tan in some notations: write tan(x), or t g for the product of letters"},
      {"d/dx tg x", "error: 'tg' is tan in some notations"},
      {"sin x tg x", "error: 'tg' is tan in some notations"},
      {"tg^2 x", "error: 'tg' is tan in some notations"},
      {"tg(x)", "error: 'tg' is tan in some notations"},
      {"sh 2x", "error: 'sh' is sinh in some notations: write sinh(x), or s h for the product of letters"},
      {"ch(x)", "error: 'ch' is cosh in some notations"},
      {"th x", "error: 'th' is tanh in some notations"},
      {"cth x", "error: 'cth' is coth in some notations: write 1/tanh(x)"},
      {"ctg x", "error: 'ctg' is cot in some notations"},
      {"sen x", "error: 'sen' is sin in some notations"},
      {"lg 100", "error: 'lg' is log_10 in some notations and log_2 in others: write log_10(x) or log_2(x)"},
      {"arctg(x)", "error: 'arctg' is atan in some notations: write atan(x)"},
      {"arctg x", "error: 'arctg' is atan in some notations: write atan(x)"},
      {"cosec(x)", "error: 'cosec' is csc in some notations: write csc(x)"},
      {"arsh(x)", "error: 'arsh' is asinh in some notations"},
      {"ch/λ", "c h/lambda"},
      {"x th", "h t x"},
      {"d/dx sh", "0"},
      {"t g x", "g t x"},
  });
  check_in_turn({
      {"tg(t) = sin(t)/cos(t)", ""},
      {"tg(pi/4)", "1"},
      {"ch = 3", ""},
      {"ch x", "3x"},
  });
}

// A derivative by a defined name could not see the name where a definition had taken its value
// as it was read (a helper's finding): after a = 2, F(s) = a s^2 (whose body is 2s^2) and
// y = F(x), dy/da, d/da F(x) and grad(y, [x, a]) gave 0 where x^2 is right; w = a x at x = 3,
// v = d/dx a x^2 and L = sum(...) of a likewise gave dw/da = 0, dv/da = 0, ∂L/∂a = 0. Refused
// now, naming the definition; where a definition keeps the name, the derivative is as before.
TEST_CASE("trust: a derivative by a defined name whose value a definition took is refused") {
  const char* refused = "error: the derivative by a cannot be taken through ";
  check_in_turn({
      {"a = 2", ""},
      {"F(s) = a s^2", ""},
      {"y = F(x)", ""},
      {"y", "2x^2"},
      {"dy/da", "error: the derivative by a cannot be taken through F: its definition took a's value when it was read"},
      {"d/da F(x)", refused},
      {"∂/∂a F(x)", refused},
      {"diff(y, a)", refused},
      {"d^2y/da^2", refused},
      {"grad(y, [x, a])", refused},
      {"steps d/da F(x)", refused},
      {"w = a x at x = 3", ""},
      {"dw/da", "error: the derivative by a cannot be taken through w"},
      {"v = d/dx a x^2", ""},
      {"dv/da", "error: the derivative by a cannot be taken through v"},
      {"L = sum((t_n - (a x_n + b))^2, n = 1 .. N)", ""},
      {"∂L/∂a", "error: the derivative by a cannot be taken through L"},
      {"k = dy/da", "error: the derivative by a cannot be taken through F"},
      {":vars", "a = 2\ny = 2x^2\nw = 6\nv = 4x\nL = sum((-b + t_n - 2x_n)^2, n = 1 .. N)\nF(s) = 2s^2"},
      // where the name is kept, as before
      {"y2 = a x^2", ""},
      {"dy2/da", "dy2/da = x^2"},
      {"grad(y2, [x, a])", "[2a x, x^2]"},
      {"g(t) = t^2", ""},
      {"h = g(a x)", ""},
      {"dh/da", "dh/da = 2a x^2"},
      {"dy/dx", "dy/dx = 4x"},
      {"d/dx F(x)", "4x"},
      // only what the derivative's operand reads counts (a regression hunt: F(x) + d/da a^2 was
      // refused, where F is outside the derivative)
      {"F(x) + d/da a^2", "2x^2 + 2a"},
      {"[d/da a^2, F(x)]", "[2a, 2x^2]"},
      {"d/da a^2 at a = F(1)", "4"},
      {"w + d/da a^2", "2a + 6"},
  });
}

// An abstract derivative printed without its point before a bracket read back as the derivative
// at a point (a helper's finding): 2 f(t, y) ∂f/∂t (∂f/∂y)^2 + ... typed back said 'f takes 2
// argument(s)'. A '*' goes between them, as between a function's name and a bracket.
TEST_CASE("trust: an abstract derivative before a bracket prints so that it reads back") {
  check_in_turn({
      {"d/dt f(t, y)^2 (d/dy f(t, y))^2", "2 f(t, y) ∂f/∂t*(∂f/∂y)^2 + 2 f(t, y)^2 ∂^2f/∂t∂y ∂f/∂y"},
      {"2 f(t, y) ∂f/∂t*(∂f/∂y)^2 + 2 f(t, y)^2 ∂^2f/∂t∂y ∂f/∂y", "2 f(t, y) ∂f/∂t*(∂f/∂y)^2 + 2 f(t, y)^2 ∂^2f/∂t∂y ∂f/∂y"},
      {"ans == d/dt f(t, y)^2 (d/dy f(t, y))^2", "true"},
      {"∂f/∂t (1, 2)", "∂f/∂t(1, 2)"},
  });
}

// d/dx_(-1) said it cannot differentiate with respect to 'x_' (a helper's finding): it says how a
// derivative by an entry with a negative subscript is written.
TEST_CASE("trust: a derivative operator by an entry with a negative subscript says how to write it") {
  check_rows({
      {"∂/∂x_(-1) sum(x_n^2, n = -1 .. 1)",
       "error: a derivative by an entry with a negative subscript is written diff(E, x_(-1)): the variable of d/dx or ∂/∂x is a name"},
      {"d/dx_(-1) x_(-1)^2", "error: is written diff(E, x_(-1))"},
      {"diff(sum(x_n^2, n = -1 .. 1), x_(-1))", "2x_(-1)"},
  });
}

// The JSON steps array of a mixed partial held only the last variable's run (a helper's finding):
// steps diff(x^2 y^3, x, y) listed the ∂/∂y step alone, as order 1.
TEST_CASE("trust: the JSON steps of a mixed partial list every variable's run in turn") {
  auto r = ddx_test::run_ddx("-f json", "steps diff(x^2 y^3, x, y)\n");
  CHECK(r.out.find("\"steps\": [{\"order\": 1, \"rule\": \"constant multiple; power rule\", \"expression\": \"2x y^3\"}, "
                   "{\"order\": 2, \"rule\": \"constant multiple; power rule\", \"expression\": \"6x y^2\"}]") != std::string::npos);
}

// Square and cube factors were taken out of integer radicands within a machine word only (a
// helper's finding): sqrt(2^63) stayed sqrt(9223372036854775808), and sqrt(2^65) - 2^32 sqrt(2),
// exactly 0, was left as it was and refused by approx.
TEST_CASE("trust: powers are taken out of radicands past a machine word") {
  check_rows({
      {"sqrt(2^63)", "2147483648 sqrt(2)"},
      {"sqrt(12*10^18)", "2000000000 sqrt(3)"},
      {"(2^65)^(1/3)", "2097152*4^(1/3)"},
      {"sqrt(2^65) - 2^32 sqrt(2)", "0"},
      {"approx(sqrt(3^41) - 3^20 sqrt(3))", "0.0"},
      {"sqrt(10^40 + 1)", "sqrt(10000000000000000000000000000000000000001)"},
  });
}

// A decimal that doubles cancelled out of critical's function left it exact: (1 - cos(1e-8)) x is
// 0.0 x in doubles, and critical(x^2 + (1 - cos(1e-8)) x) printed the exact minimum of x^2,
// `x = 0: minimum, value 0`, where the minimum is at -2.5e-17. A statement that writes or reads
// decimals has decimal points, as it has when its function keeps them.
TEST_CASE("trust: critical's points are decimals when the statement's decimals cancelled in doubles") {
  check_in_turn({
      {"critical(x^2 + (1 - cos(1e-8)) x)", "x ~ 0.0: minimum, value ~ 0.0"},
      {"critical(x^2 + 5e-17 x)", "x ~ -2.5e-17: minimum, value ~ -6.25e-34"},
      {"critical((x - 0.5 + 0.5)^2 + y^2)", "(x, y) ~ (0.0, 0.0): minimum, value ~ 0.0"},
      {"critical(x^2 - 2x)", "x = 1: minimum, value -1"},
      {"f = x^2 + (1 - cos(1e-8)) x", ""},
      {"critical(f)", "x ~ 0.0: minimum, value ~ 0.0"},
      {"g = x^2 - 2x", ""},
      {"critical(g)", "x = 1: minimum, value -1"},
  });
}

// Another system's format, or a program's, refused an answer in matrix notation with no column
// (a helper's finding: `<stdin>:3: error:`), where every other error names one; and a matrix
// derivative written out with `at` was a program named f where its matrix-notation form is d_dx.
TEST_CASE("trust: matrix notation a format cannot show is refused where its statement begins") {
  std::string const declared = "x in R^n\nA in R^(n, n)\n";
  for (std::string format : {"sympy", "maxima", "mathematica", "python", "numpy", "c"}) {
    CAPTURE(format);
    auto r = ddx_test::run_ddx("-f " + format, declared + "d/dx x^T A x\n1 + 1; d/dx x^T A x\n");
    CHECK(r.err.find("<stdin>:3:1: error: " + format) == 0);
    CHECK(r.err.find("<stdin>:4:8: error: " + format) != std::string::npos);
  }
  auto named = ddx_test::run_ddx("-f python", declared + "d/dx x^T x at n = 2\nX in R^(2, 2)\nd/dX det(X) at X_11 = 1\n");
  CHECK(named.out.find("def d_dx(x_1, x_2):\n    return [2*x_1, 2*x_2]") != std::string::npos);
  CHECK(named.out.find("def d_dX(X_12, X_21, X_22):") != std::string::npos);
}

// steps d/dx d/dx x^3 showed the outer derivative's steps on 3x^2 and the inner one's after them:
// nested derivatives are explained as the one derivative they are, innermost first, and give
// what they give without steps.
TEST_CASE("trust: steps of nested derivatives take the inner one first and answer as without steps") {
  std::string const shown = ddx_test::answer("steps d/dx d/dx x^3");
  CHECK(shown.find("d/dx (x^3)\n  = 3x^2") != std::string::npos);
  CHECK(shown.find("d/dx (x^3)") < shown.find("= 6x"));
  check_in_turn({
      {"steps ∂/∂x ∂/∂y x^3 y^2", "∂/∂y (x^3 y^2)\n  = 2x^3 y    (constant multiple; power rule)\n∂/∂x (2x^3 y)\n  = 6x^2 y    (constant multiple; power rule)"},
      {"u = x^2", ""},
      {"steps d/dx d/du u^3", "error: 'u' is a variable in what the derivative by it inside gives"},
      {"d/dx d/du u^3", "error: 'u' is a variable in what the derivative by it inside gives"},
  });
}

// steps f'(x) printed the answer alone: f' of a defined function at its own variable shows the
// steps of d/dx of its body, as steps d/dx f(x) does; at another argument it is answered as
// without steps.
TEST_CASE("trust: steps of f'(x) explain the derivative of f's body") {
  check_in_turn({
      {"f(x) = x^3", ""},
      {"steps f'(x)", "d/dx (x^3)\n  = 3x^2    (power rule)"},
      {"steps f''(x)", "d/dx (x^3)\n  = 3x^2    (power rule)\nd^2/dx^2 (x^3) = d/dx (3x^2)\n  = 6x      (constant multiple; power rule)"},
      {"steps f'(2)", "12"},
      {"g(t) = t sin(t)", ""},
      {"steps g'(t)", "d/dt (t sin(t))\n  = t cos(t) + sin(t)    (product rule; trigonometric)"},
  });
}

// A derivative by a defined name was refused through any definition that took the name's value
// as it was read, even where that definition's value does not depend on the name: after k = 2
// and Q = d/dx (x^2 + k), Q is 2x whatever k is, and d/dk Q is 0. Such a definition is read
// again with the name held; only one that depends on it refuses.
TEST_CASE("trust: a derivative by a defined name passes a definition that took its value but does not depend on it") {
  check_in_turn({
      {"k = 2", ""},
      {"Q = d/dx (x^2 + k)", ""},
      {"d/dk Q", "0"},
      {"dQ/dk", "dQ/dk = 0"},
      {"P = k x", ""},
      {"R = d/dx (P + k)", ""},
      {"d/dk R", "error: the derivative by k cannot be taken through R"},
      {"a = 2", ""},
      {"F(s) = d/da (a s)", ""},
      {"d/da F(x)", "0"},
      {"G(s) = a s^2", ""},
      {"d/da G(x)", "error: the derivative by a cannot be taken through G"},
      {"H(s) = G(s) + d/da (a s)", ""},
      {"d/da H(x)", "error: the derivative by a cannot be taken through"},
      // (read again with the name held, these are 0 and 2x whatever a is, but as read they hold
      // a by name outside what took its value: their derivatives would be -1 and -2x)
      {"k5 = (a at x = 1) - a", ""},
      {"d/da k5", "error: the derivative by a cannot be taken through k5"},
      {"m = d/dx (a x^2) - 2a x", ""},
      {"dm/da", "error: the derivative by a cannot be taken through m"},
      {"R = d/dx (x^2) + a", ""},
      {"d/da R", "1"},
  });
}

// Inside a function's body a derivative by a defined name did not tell the session that it held
// the name (the body's context, which hides the parameters, did not pass it on): after a = 2 and
// F(s) = a s^2, G(t) = d/da F(t) was defined as 0, where d/da (a t^2) is t^2.
TEST_CASE("trust: a derivative by a defined name inside a function's body is refused through a definition that took its value") {
  check_in_turn({
      {"a = 2", ""},
      {"F(s) = a s^2", ""},
      {"G(t) = d/da F(t)", "error: the derivative by a cannot be taken through F"},
      {"H(t) = d/da (a t^2)", ""},
      {"H(x)", "x^2"},
      {"K(t) = d/da (F(t) - a t^2 + t)", "error: the derivative by a cannot be taken through F"},
  });
}

// A log of a root of a rational was no sum of logs of primes: log(sqrt(6)) - log(2)/2 - log(3)/2,
// exactly 0, was refused by approx (within 10^-19727 of 0, it could not tell) and kept by
// simplify. log(a^(p/q)) is (p/q) log(a) for a positive a, and so are products of such powers.
TEST_CASE("trust: logs of roots of rationals are sums of logs of primes, and their sums that are 0 are 0") {
  check_rows({
      {"approx(log(sqrt(6)) - log(2)/2 - log(3)/2)", "0.0"},
      {"simplify(log(sqrt(6)) - log(2)/2 - log(3)/2)", "0"},
      {"log(2 sqrt(3)) - log(12)/2 == 0", "true"},
      {"simplify(log(6^(1/3)/5) - log(6)/3 + log(5))", "0"},
      {"approx(log(sqrt(2)))", "0.346573590279973"},
      {"simplify(log(sqrt(8)))", "3 log(2)/2"},
  });
}

// approx(E, N) refused values below 1 near the 100,000-digit limit (a helper's finding):
// approx(1/3, 100000) said an integer had more than 100,000 digits (its digits' leading 0
// counted), and approx(1/30, 100000) printed its 100 KB decimal in the message; the exact number a
// result's digits write is only for a later check, and is the double past what one holds.
TEST_CASE("trust: approx gives a value below 1 to the most digits it takes") {
  for (auto const& row : std::vector<std::pair<std::string, std::string>>{
           {"approx(1/3, 100000)", "0.333"}, {"approx(1/30, 100000)", "0.0333"}, {"approx(-1/300, 100000)", "-0.00333"}}) {
    std::string const& asked = row.first;
    std::string const& first = row.second;
    CAPTURE(asked);
    std::string const got = ddx_test::answer(asked);
    CHECK(got.rfind(first, 0) == 0);
    std::size_t const significant = got.size() - got.find('3');
    CHECK(significant == 100000);
    CHECK(got.find_first_not_of('3', got.find('3')) == std::string::npos);
  }
  ddx::Session s;
  CHECK(ddx_test::answer(s, "approx(1/30, 100000)").rfind("0.0333", 0) == 0);
  CHECK(ddx_test::answer(s, "ans * 30") == "1.0");
  check_rows({{"0.000000000001 * 10^12", "1.0"}, {"-0.0", "0.0"}, {"0.0e5", "0.0"}});
}

// --timeout and Ctrl-C named no column (a helper's finding), and on a line of several statements
// the answers before the one that ran out were lost: `1 + 1; expand(...)` printed the time limit
// twice, once in place of 2. The statement that ran out is named by its column; the answers
// before it are printed.
TEST_CASE("trust: a statement that runs out of time is named by its column, and the answers before it stand") {
  auto r = ddx_test::run_ddx("--timeout 1", "x^2\n1 + 1; expand((a+b+c+d+1)^60)\nd/dx x^2\n");
  CHECK(r.out == "x^2\n2\n2x\n");
  CHECK(r.err == "<stdin>:2:8: error: time limit exceeded (--timeout 1 s)\n");
  CHECK(r.status == 1);
}

// d^N/dx^N with an order the grammar takes for none, a decimal or a number past 2^64, said 'dx'
// is ambiguous (a helper's finding): it says what is wrong with the order.
TEST_CASE("trust: a derivative operator's order that is no small whole number is refused for what it is") {
  check_rows({
      {"d^18446744073709551616/dx^18446744073709551616 sin(x)", "error: derivative order 18446744073709551616 is beyond the limit of 1000"},
      {"d^0.5/dx^0.5 x", "error: a derivative's order must be a positive whole number as written"},
      {"d^1001/dx^1001 sin(x)", "error: derivative order 1001 is beyond the limit of 1000"},
      {"d^3/dx^3 x^3", "6"},
  });
}

// `n in R^n` was accepted (a helper's finding): a vector named after its own size, whose
// `at n = 2` gives the size and names the entries at once; so was a size named after a declared
// vector. One name is one of them.
TEST_CASE("trust: a declaration cannot name both a vector or matrix and a size") {
  check_in_turn({
      {"n in R^n", "error: 'n' cannot name both what is declared and its size"},
      {"A in R^(m, m)", ""},
      {"m in R^2", "error: 'm' is a size of A in R^(m, m); declare it under another name"},
      {"x in R^k", ""},
      {"B in R^(x, 2)", "error: 'x' is declared (x in R^k) and cannot be a size too"},
      {"x in R^j", ""},
      {"d/dx x^T x", "2x"},
  });
}

// A decimal zero that took a part that varies out of critical's function ((1 + 1e-20) x - x is
// 0.0 x in doubles, 1e-20 x as written) was seen only where no decimal was left in the function
// at all: with a constant 0.5 beside it, critical printed the exact minimum of x^2 + 0.5, x = 0,
// where the function written has its minimum at -5e-21. Its points are decimals now, through a
// definition too; decimals that only add up (0.1 + 0.2) leave them exact.
TEST_CASE("trust: critical's points are decimals where a decimal zero took a part of its function") {
  check_in_turn({
      {"critical(x^2 + (1 + 1e-20) x - x + 0.5)", "x ~ 0.0: minimum, value ~ 0.5"},
      {"critical(x^2 + (1 - cos(1e-8)) x + 0.5)", "x ~ 0.0: minimum, value ~ 0.5"},
      {"k = x^2 + (1 + 1e-20) x - x + 0.5", ""},
      {"critical(k)", "x ~ 0.0: minimum, value ~ 0.5"},
      {"m = k + 1", ""},
      {"critical(m)", "x ~ 0.0: minimum, value ~ 1.5"},
      {"F(t) = t^2 + (1 + 1e-20) t - t + 0.5", ""},
      {"critical(F(x))", "x ~ 0.0: minimum, value ~ 0.5"},
      {"critical(x^2 + 0.1 + 0.2)", "x = 0: minimum, value ~ 0.3"},
      {"critical(x^3 - 3x + 0.5)", "x = -1: maximum, value ~ 2.5\nx = 1: minimum, value ~ -1.5"},
      {"c = 0.5", ""},
      {"critical(x^2 + c)", "x = 0: minimum, value ~ 0.5"},
  });
}

// A derivative in a later term of a derivative's operand, after a sign and factors, was taken
// inside the first operand (a helper's finding): `2 d/dx x^2 + 3 d/dx x^3` was 40x, where a
// student means 4x + 9x^2, and `d/dx x^2 + dy/dx` read 8x where `dy/dx + d/dx x^2` read 3x^2 + 2x.
// Only a sign followed by the operator itself ends an operand; the rest is refused as ambiguous.
TEST_CASE("trust: a derivative after a sign and factors inside a derivative's operand is refused") {
  char const* ambiguous = "error: a derivative after '+' or '-' inside a derivative's operand is ambiguous";
  check_in_turn({
      {"2 d/dx x^2 + 3 d/dx x^3", ambiguous},
      {"d/dx x^2 - 1/2 d/dx x^3", ambiguous},
      {"d/dx x^2 + -d/dx x^3", ambiguous},
      {"d/dx sin(x) + 2 d/dx cos(x)", ambiguous},
      {"∂/∂x x^2y + 2 ∂/∂y x^2y", ambiguous},
      {"d/dx x^2 + d(x^3)/dx", ambiguous},
      {"d/dx x^2 + dx^3/dx", ambiguous},
      {"d/dx x^2 + (d/dx x^3)", ambiguous},
      {"y = x^3", ""},
      {"d/dx x^2 + dy/dx", ambiguous},
      {"dy/dx + d/dx x^2", "3x^2 + 2x"},
      {"d/dx x^2 + d/dx x^3", "3x^2 + 2x"},
      {"(2 d/dx x^2) + (3 d/dx x^3)", "9x^2 + 4x"},
      {"d/dx (x^2 + 2 d/dx x^3)", "14x"},
      {"d/dx x^2 + 3x", "2x + 3"},
  });
}

// A one-letter defined function inside a run of letters was its body times the rest (a
// helper's finding): after f(x) = x^2, `fx` was x^3 where `f x` is refused as ambiguous; `gx`
// after g(t) = t^2 was t^2 x. The run is refused alike; a function's name after the letters
// (`xf`: x times its body, as `x f` is) is no call.
TEST_CASE("trust: a defined function's one-letter name before letters in a run is refused as f x is") {
  check_in_turn({
      {"f(x) = x^2", ""},
      {"fx", "error@1: 'fx' is ambiguous: write f(x) to call f, or f * x for its body times x"},
      {"d/dx fx", "error@6: 'fx' is ambiguous: write f(x) to call f, or f * x for its body times x"},
      {"afx", "error: 'afx' is ambiguous: write a f(x) to call f, or a f * x for its body times x"},
      {"g(t) = t^2", ""},
      {"gx", "error: 'gx' is ambiguous"},
      {"fg", "error: 'fg' is ambiguous"},
      {"xf", "x^3"},
      {"f x", "error: 'f x' is ambiguous"},
      {"f(x)", "x^2"},
  });
}

// A prime skipped every check a call's name gets (a helper's finding): `xf'(x)`, `erf'(x)`,
// `integrate'(x)`, `e'(x)`, `ans'(x)` were echoed back as derivatives of unknown functions of
// those names, and `k'(x)` made k one, so that `k(x)` on a later line was a call where it is
// k·x. A prime's name must be one a call could have.
TEST_CASE("trust: a prime of a name that is no function is refused, and changes nothing after") {
  check_in_turn({
      {"xf'(x)", "error: 'xf(...)' is ambiguous"},
      {"xsin'(x)", "error: unknown function 'xsin'"},
      {"erf'(x)", "error: 'erf' is not a ddx function"},
      {"integrate'(x)", "error: 'integrate' is not a ddx function"},
      {"tg'(x)", "error: 'tg' is tan in some notations"},
      {"e'(x)", "error: 'e' is no function, and e'(...) no derivative"},
      {"ans'(x)", "error: 'ans' is no function"},
      {"k'(x)", "error: 'k' is no function: k(...) reads as a product"},
      {"x'(x)", "error: 'x' is no function"},
      {"k(x)", "k x"},
      {"f'(x)", "f'(x)"},
      {"g''(t)", "g''(t)"},
      {"phi'(x)", "phi'(x)"},
      {"loss'(w)", "loss'(w)"},
      {"sin'(x)", "cos(x)"},
      {"k(t) = t^3", ""},
      {"k'(x)", "3x^2"},
  });
}

// Digits that meet across a blank after an exponent were a product (a helper's finding):
// `10^1 000` was 0 (10^1 times 000), `2^10 24` 24576, `2 3^2` 18, where spaces change nothing
// in a formula and the digits read as one number too. Refused as `1 000` is; a function's power
// is followed by its argument (`sin^2 2x`).
TEST_CASE("trust: digits that meet across a blank after an exponent are refused as two numbers side by side") {
  char const* side_by_side = "error: two numbers side by side are ambiguous";
  check_rows({
      {"10^1 000", side_by_side},
      {"x^1 000", side_by_side},
      {"e^-1 000", side_by_side},
      {"2^10 24", side_by_side},
      {"2 3^2", side_by_side},
      {"x^-2 3", side_by_side},
      {"x at x = 10^1 000", "error@13: two numbers side by side are ambiguous: write * between them for a product, or their digits together for one number (ddx separates no digits)"},
      {"sin^2 2x", "sin(2x)^2"},
      {"log^3 3 y", "log(3y)^3"},
      // (a superscript's digits cannot join a digit on the line: the regression hunt's finding)
      {"x² 3", "3x^2"},
      {"2² 3", "12"},
      {"x^2 y", "x^2 y"},
      {"2^x 3", "3*2^x"},
      {"x^2*3", "3x^2"},
      // (a name that ends with a digit, a blank and a number: x_1·2, or x_12?)
      {"x_1 2", "error@1: a name that ends with a digit and a number side by side are ambiguous: write x_1*2 for a product, "
                "or x_12 for one name"},
      {"theta_1 0", "error: a name that ends with a digit and a number side by side are ambiguous"},
      {"x_1*2", "2x_1"},
      {"log_2 8", "3"},
  });
}

// `√x sin(x)` was sqrt(x)·sin(x), where `√x e^x` is refused as ambiguous (a helper's finding):
// the root of them all or of the first? A call after the root's factor is one more factor.
TEST_CASE("trust: a root sign before a factor and a call is refused as before other factors") {
  char const* ambiguous = "error: '√' before juxtaposed factors is ambiguous";
  check_rows({
      {"√x sin(x)", ambiguous},
      {"√x exp(x)", ambiguous},
      {"√x f(x)", ambiguous},
      {"√x sin x", ambiguous},
      {"√x √y", "sqrt(x) sqrt(y)"},
      {"√(x) sin(x)", "sqrt(x) sin(x)"},
      {"√x·sin(x)", "sqrt(x) sin(x)"},
      {"sqrt x sin(x)", "sqrt(x) sin(x)"},
  });
}

// The kind of a decimal point was told from the doubles' Hessian, with the point allowed to be a
// millionth off (a helper's finding): critical(x^3 - 1e-12 x)'s maximum and minimum, where
// f'' = -+3.5e-6, read as degenerate, where the exact form of the same function has them. A point
// that solves the gradient exactly with the decimals as written takes its kind from that
// Hessian, exactly, and its digits are sure (the regression hunt found x^3 - 1e-30x's two points
// merged into one at 0.0); a decimal zero of the Hessian there stays degenerate.
TEST_CASE("trust: critical tells the kind of a decimal point from the function with its decimals as written") {
  check_rows({
      {"critical(x^3 - 1e-12 x)",
       "x ~ -5.773502692e-7: maximum, value ~ 3.849001795e-19\nx ~ 5.773502692e-7: minimum, value ~ -3.849001795e-19"},
      {"critical(x^3 - 1e-12 x + y^2)",
       "(x, y) ~ (-5.773502692e-7, 0.0): saddle, value ~ 3.849001795e-19\n"
       "(x, y) ~ (5.773502692e-7, 0.0): minimum, value ~ -3.849001795e-19"},
      {"critical(1e-12 x^2 - x^4)",
       "x ~ -7.071067812e-7: maximum, value ~ 2.5e-25\nx ~ 0.0: minimum, value ~ 0.0\nx ~ 7.071067812e-7: maximum, value ~ 2.5e-25"},
      // (two points 5.8e-16 from 0 were shown as 0.0, within the doubles' 1e-13, and listed once)
      {"critical(x^3 - 1e-30 x)",
       "x ~ -5.773502692e-16: maximum, value ~ 3.849001795e-46\nx ~ 5.773502692e-16: minimum, value ~ -3.849001795e-46"},
      {"critical(x^4 - 1e-30 x^2)",
       "x ~ -7.071067812e-16: minimum, value ~ -2.5e-61\nx ~ 0.0: maximum, value ~ 0.0\nx ~ 7.071067812e-16: minimum, value ~ -2.5e-61"},
      {"critical(0.1(x - 0.3)^3)", "x ~ 0.3: degenerate (the second-derivative test is inconclusive), value ~ 0.0"},
      // (a point of no closed form, solved to 2^-256 with the decimals as written: its kind was told
      // from the doubles' Hessian at points a millionth of 1e-13 off, and read as degenerate)
      {"critical(-0.001x y + 0.3y^2 + 0.75y^4 - 0.6x^3)",
       "(x, y) ~ (-9.259259259e-7, -1.543209877e-9): minimum, value ~ -2.381496723e-19\n"
       "(x, y) ~ (0.0, 0.0): saddle, value ~ 0.0"},
  });
}

// A derivative after a sign in the value of an `at` binding was part of the point (a helper's
// finding): `d/dx x^2 at x = 1 + d/dx x^3` was 6x^2 + 2, the derivative at x = 1 + 3x^2, where
// the derivative added to the value at 1 may be meant. Refused as inside a derivative's operand.
TEST_CASE("trust: a derivative after a sign in the value after at is refused as ambiguous") {
  check_rows({
      {"d/dx x^2 at x = 1 + d/dx x^3",
       "error@21: a derivative after '+' or '-' in the value after 'at' is ambiguous: write (E at x = ...) + ... to add it "
       "to the value at the point, or E at x = (... + ...) for a point that holds it"},
      {"(d/dx x^2 at x = 1) + d/dx x^3", "3x^2 + 2"},
      {"d/dx x^2 at x = (1 + d/dx x^3)", "6x^2 + 2"},
      {"x^2 at x = d/dx x^3", "9x^4"},
  });
}

// `1/2e` was e/2 where `1/2π` is refused (a helper's finding): a constant after a number reads
// as one quantity as often as not. And de/dx suggested defining e, which cannot be.
TEST_CASE("trust: 1/2e is refused as 1/2π is, and de/dx names e a constant") {
  check_rows({
      {"1/2e", "error@3: dividing by 2 e written together is ambiguous: write /(2 e) to divide by both, or put a space or '*' after the divisor"},
      {"1/2π", "error: dividing by 2 pi written together is ambiguous"},
      {"1/2 e", "e/2"},
      {"1/(2e)", "1/(2e)"},
      {"1/2x", "x/2"},
      {"de/dx", "error@2: 'e' is a constant, whose derivative is 0; to differentiate an expression write d/dx EXPR"},
  });
}

// A defined name as table's or plot's variable was read as its value (a helper's finding): after
// x = 2, table(x^2, x = 0 .. 1 step 1) was 4 in every row and plot(x^2, ...) drew the constant 4.
// Refused, as `at x = ...` is. (A first version held the name, as a sum holds its index; the
// regression hunt found it refused tables of functions whose bodies took the name's value with a
// message about a derivative.)
TEST_CASE("trust: a table or plot over a defined name is refused") {
  check_in_turn({
      {"x = 2", ""},
      {"table(x^2, d/dx x^2, x = 0 .. 1 step 1)",
       "error@22: 'x' is a defined name, read as its value (2): a table over x changes nothing; :clear x to run it over a "
       "range, or use another name"},
      {"plot(x^2, x = 0 .. 1)", "error: 'x' is a defined name, read as its value (2): a plot over x changes nothing"},
      {"h(t) = t^2 + x", ""},
      {"table(h(t), t = 0 .. 1 step 1)", "t  t^2 + 2\n0        2\n1        3"},
      {":clear x", ""},
      {"table(x^2, x = 0 .. 1 step 1)", "x  x^2\n0    0\n1    1"},
  });
}

// diff(...) and f'(x) after a sign inside a derivative's operand were taken inside it (helpers'
// finding): `d/dx x^2 + sin'(x)` was 2x - sin(x), `d/dx x^2 + diff(x^3, x)` 8x. Refused as the
// other forms of a derivative are.
TEST_CASE("trust: diff and primes after a sign inside a derivative's operand are refused as ambiguous") {
  char const* ambiguous = "error: a derivative after '+' or '-' inside a derivative's operand is ambiguous";
  check_rows({
      {"d/dx x^2 + diff(x^3, x)", ambiguous},
      {"d/dx x^2 + sin'(x)", ambiguous},
      {"d/dx x^2 - f'(x)", ambiguous},
      {"d/dx (x^2 + f'(x))", "f''(x) + 2x"},
      {"d/dx x^2 f'(x)", "x^2 f''(x) + 2x f'(x)"},
      {"(d/dx x^2) + sin'(x)", "cos(x) + 2x"},
  });
}

// Other systems' names for what ddx writes with its own functions were unknown functions echoed
// back (a helper's finding): d/dx coth(x) was coth'(x), pow(x, 3) an abstract function of two
// arguments. Each says how ddx writes it; a definition under the name still stands.
TEST_CASE("trust: other systems' function names say how ddx writes them") {
  check_in_turn({
      {"d/dx coth(x)", "error@6: 'coth' is the hyperbolic cotangent: write 1/tanh(x)"},
      {"sech(x)", "error: 'sech' is the hyperbolic secant: write 1/cosh(x)"},
      {"log1p(x)", "error: 'log1p' is log(1 + x) in other systems: write log(1 + x)"},
      {"cbrt(x)", "error: 'cbrt' is the real cube root"},
      {"pow(x, 3)", "error: 'pow' is a power in other systems: write x^y"},
      {"atan2(y, x)", "error: 'atan2' is the angle of the point (x, y)"},
      {"signum(x)", "error: 'signum' is sign in other systems: write sign(x)"},
      {"coth(t) = 1/tanh(t)", ""},
      {"coth(2)", "1/tanh(2)"},
  });
}

// `0...5` in a range was 0 .. .5 (a helper's finding): table(x, x = 0...5) tabulated 0 to 0.5.
TEST_CASE("trust: a range written with three dots is refused") {
  check_rows({
      {"table(x, x = 0...5)", "error@17: '...' is ambiguous: write a .. b for a range (two dots), or a .. .5 with a blank "
                              "for an end that begins with its decimal point"},
      {"sum(n^2, n = 1...3)", "error: '...' is ambiguous"},
      {"table(x^2, x = 0 .. .5 step 0.25)", "   x     x^2\n   0       0\n0.25  0.0625\n 0.5    0.25"},
  });
}

// A Greek name is a call before a bracket, and as the variable of a derivative or of `at` too
// (a helper's finding): d/dθ θ(θ+1) was theta'(theta + 1), θ(θ+1) at θ = 2 theta(3).
TEST_CASE("trust: a name called as a function is no variable of a derivative or of at") {
  check_rows({
      {"d/dθ θ(θ+1)", "error@1: 'theta' is the variable of this derivative and a function called in its operand: write "
                      "theta*(...) for a product, or name the function otherwise"},
      {"θ(θ+1) at θ = 2", "error@11: 'theta' is called as a function here: 'at' gives values to variables (write "
                          "theta*(...) for a product)"},
      {"d/df f(f + 1)", "error: 'f' is the variable of this derivative and a function called in its operand"},
      {"d/dθ θ*(θ+1)", "2 theta + 1"},
      {"d/dt t(t+1)", "2t + 1"},
      {"x(x+1) at x = 2", "6"},
  });
}

// A point that gives only x of an implicit curve gave a slope in y where the curve has no point
// with that x: implicit(x^2 + y^2 = 1, dy/dx) at x = 2 was -2/y. Where the equation there is a
// polynomial in the other name without a real root, that is said; where it has one, or cannot be
// told, the answer keeps the other name.
TEST_CASE("trust: implicit at a point the curve does not reach") {
  ddx_test::check_rows({
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 2", "error: the curve has no point with x = 2"},
      {"implicit(x^2 + y^2 = 1, d^2y/dx^2) at x = -5/4", "error: the curve has no point with x = -5/4"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 1.0001", "error: the curve has no point with x = 1.0001"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at y = 3", "error: the curve has no point with y = 3"},
      {"implicit(y^4 + x^2 y^2 + 1 = 0, dy/dx) at x = 1", "error: the curve has no point with x = 1"},
      {"implicit(y^2 = x, dy/dx) at x = -1", "error: the curve has no point with x = -1"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 1/2", "-1/(2y)"},
      {"implicit(x^2 + y^2 = 1, dy/dx) at x = 1", "-1/y"},
      {"implicit(y^3 + x y = 5, dy/dx) at x = 100", "-y/(3y^2 + 100)"},
      {"implicit(x^2 + y^2 = a, dy/dx) at x = 2", "-2/y"},
      {"implicit(y = sin(x) + 2, dy/dx) at y = 0", "cos(x)"},
      {"implicit(e^y = x, dy/dx) at x = -1", "e^(-y)"},  // (no polynomial in y: not told)
      // (0 = 1 there: no point; a regression hunt's finding, which was "a vertical tangent")
      {"implicit(x y = 1, dy/dx) at x = 0", "error: the curve has no point with x = 0"},
      // (a decimal worked out, the double nearest sqrt(2) a little past the circle's end, is on it
      // within the doubles' rounding, as for a point with both names)
      {"implicit(y^2 + x^2 = 2, dy/dx) at x = sqrt(2.0)", "-1.4142135623730951/y"},
      {"implicit(y^2 + x^2 = 2, dy/dx) at x = 1.4142135624", "error: the curve has no point with x = 1.4142135624"},
  });
}

// The textbook's dz/dx = ∂z/∂u du/dx + ∂z/∂x means by ∂z/∂x the part with u held fixed; ddx's
// ∂z/∂x chains through u (docs/language.md §5), so the line typed counted the way through u
// twice (z = u^2 + x, u = sin(x): 2u cos(x) + 2sin(x) cos(x) + 1, where dz/dx is 2sin(x) cos(x)
// + 1). Refused where ∂z/∂x and a derivative of z by an intermediate that moves with x are terms
// of one sum; the held partial is written (∂z/∂x)_u.
TEST_CASE("trust: a partial derivative beside the chain it is part of") {
  ddx_test::check_in_turn({
      {"z = u^2 + x", ""},
      {"u = sin(x)", ""},
      {"r = x^2 v", ""},
      {"v = y^3", ""},
      {"m = k(u, x)", ""},
      {"∂z/∂u * du/dx + ∂z/∂x", "error: ∂z/∂x is the whole partial derivative of z by x, through u as well, so beside ∂z/∂u"},
      {"dz/du * du/dx + ∂z/∂x", "error: so beside dz/du it counts the way through u twice"},
      {"∂z/∂x + cos(x) ∂z/∂u", "error: counts the way through u twice"},
      {"w = ∂z/∂u du/dx + ∂z/∂x", "error: counts the way through u twice"},
      {"g(t) = t ∂z/∂u + ∂z/∂x", "error: counts the way through u twice"},
      {"∂m/∂u * du/dx + ∂m/∂x", "error: counts the way through u twice"},
      {"∂z/∂u * du/dx + (∂z/∂x)_u", "2u cos(x) + 1"},
      {"(∂z/∂x)_u", "1"},
      {"dz/dx", "dz/dx = ∂z/∂u * du/dx + (∂z/∂x)_u\n      = 2u cos(x) + 1\n      = 2 sin(x) cos(x) + 1"},
      {"∂z/∂x", "∂z/∂x = ∂z/∂u * du/dx + (∂z/∂x)_u\n      = 2u cos(x) + 1\n      = 2 sin(x) cos(x) + 1"},
      {"dz/du + dz/dx", "2 sin(x) cos(x) + 2u + 1"},     // (a total dz/dx is the whole: no other reading)
      {"∂r/∂v + ∂r/∂x", "2x y^3 + x^2"},                 // (v does not move with x)
      {"∂z/∂u + ∂r/∂x", "2x y^3 + 2u"},                  // (two names)
      {"(∂z/∂x)_(u, v)", "1"},                           // (v held, though z does not read it)
      {"(∂z/∂x)_(u, y)", "error: 'y' is no defined name"},
      {"(∂z/∂x)_x", "error: a derivative by x cannot hold x fixed"},
      {"(∂z/∂x)_z", "error: a derivative of z cannot hold z itself fixed"},
      {"(∂u/∂x)_(z, u)", "error: a derivative of u cannot hold u itself fixed"},
      {"(dz/dx)_u", "error: a subscript after a bracket names the defined names a partial derivative holds fixed"},
      {"(x + 1)_u", "error: a subscript after a bracket names the defined names a partial derivative holds fixed"},
      {"(∂Q/∂x)_u", "error: 'Q' is not defined"},
      {"(∂k/∂x)_u", "error: 'k' is no defined name"},
      {"g(x, y) = x^2 y", ""},
      {"(∂g/∂x)_y", "error: 'g' is a defined function, whose partial derivatives hold its other parameters fixed"},
      {"(∂z/∂x)_u at x = 1, u = 2", "1"},
      // (side by side in a product, a vector, a call or across `==`, nothing adds the routes)
      {"[∂z/∂u, ∂z/∂x]", "[2u, 2 sin(x) cos(x) + 1]"},
      {"∂z/∂x * ∂z/∂u", "2u (2 sin(x) cos(x) + 1)"},
      {"sin(∂z/∂x) + ∂z/∂u", "sin(2 sin(x) cos(x) + 1) + 2u"},
      {"∂z/∂u * du/dx + (∂z/∂x)_u == ∂z/∂x", "true"},
      {"2(∂z/∂x + ∂z/∂u)", "error: counts the way through u twice"},
      {"diff(z, x) + diff(z, u) du/dx", "error: counts the way through u twice"},  // (however written)
      {"∂/∂x z + ∂/∂u z", "error: counts the way through u twice"},
      {"d/dx z + d/du z", "2 sin(x) cos(x) + 2u + 1"},
      {"-∂z/∂x + cos(x) ∂z/∂u", "error: counts the way through u twice"},
  });
}

// A determinant's derivative is written out as the adjugate where the inverse beside it is of the
// determinant's matrix or its transpose; the transpose of a sum or a product is written term by
// term (Aᵀ + Bᵀ, Wᵀ X), which the pairing did not recognise, so that d/dA det(A + B) at a singular
// A + B was "division by zero" where d/dA det(A) has its cofactors (a helper's finding). And a
// product declared through a smaller number of rows or columns (XᵀX of a 2×3 X) is singular
// everywhere: logdet(XᵀX) was printed as a formula.
TEST_CASE("trust: determinants of sums and of products through a smaller size") {
  ddx_test::check_rows({
      {"d/dA det(A + B) at n = 2, A_11 = 1, A_12 = 1, A_21 = 1, A_22 = 1, B_11 = 0, B_12 = 0, B_21 = 0, B_22 = 0",
       "[[1, -1], [-1, 1]]"},
      {"d/dA det(A - B) at n = 2, A_11 = 2, A_12 = 1, A_21 = 4, A_22 = 2, B_11 = 0, B_12 = 0, B_21 = 0, B_22 = 0",
       "[[2, -4], [-1, 2]]"},
      {"d/dA det(A + B) at n = 2", "[[A_22 + B_22, -A_21 - B_21], [-A_12 - B_12, A_11 + B_11]]"},
      {"d/dX det(W^T X) at m = 2, n = 3", "[[0, 0, 0], [0, 0, 0]]"},
      {"d/dA det(A - A^T) at n = 3", "[[0, 0, 0], [0, 0, 0], [0, 0, 0]]"},
      {"d/dA det(x z^T + A) at n = 2, A_11 = 0, A_12 = 0, A_21 = 0, A_22 = 0, x_1 = 1, x_2 = 2, z_1 = 3, z_2 = 4",
       "[[8, -6], [-4, 3]]"},
  }, {"A in R^(n, n)", "B in R^(n, n)", "X in R^(m, n)", "W in R^(m, n)", "x in R^n", "z in R^n"});
  ddx_test::check_rows({
      {"det(Z^T Z)", "0"},
      {"logdet(Z^T Z)", "error: log(0) is undefined"},
      {"d/dZ logdet(Z^T Z)", "error: log(0) is undefined"},
      {"inv(Z^T Z)", "error: this 3×3 product has no inverse: its rank is at most 2, the smallest size among its factors"},
      {"d/dZ det(Z^T Z)", "0  # the zero matrix, 2×3"},
      {"det(Z Z^T)", "det(Z Z^T)"},
      {"det(v v^T)", "0"},
      {"d/dv det(v v^T)", "0  # the zero vector, 3×1"},
      {"inv(v v^T)", "error: its rank is at most 1"},
  }, {"Z in R^(2, 3)", "v in R^3"});
}

// Scientific notation typed with a blank: `1.5e 3` was 1.5·e·3 (12.23...) and `2e -5` was 2e - 5
// (0.44...), where 1500 and 0.00002 were likely meant. Refused where the e is glued to the digits
// before it and a blank parts it from the exponent's digits (or from the sign before them).
TEST_CASE("trust: scientific notation with a blank") {
  ddx_test::check_rows({
      {"1e 3", "error@1: '1e 3' is ambiguous: write 1e3 for the number 1·10^3, or 1e*3 for a product"},
      {"1.5e 3", "error@1: '1.5e 3' is ambiguous: write 1.5e3 for the number 1.5·10^3, or 1.5e*3 for a product"},
      {"x + 1E 3", "error: '1E 3' is ambiguous"},
      {"2e 3x", "error: '2e 3' is ambiguous"},
      {"2e -5", "error: '2e' and '-5' one blank apart are ambiguous: write 2e-5 for the number 2·10^-5, or 2e - 5 for a "
                "difference"},
      {"2e- 5", "error: '2e' and '-5' one blank apart are ambiguous"},
      {"2e +5", "error@1: '2e' and '+5' one blank apart are ambiguous: write 2e+5 for the number 2·10^5, or 2e + 5 for a sum"},
      {"x + 2e -5 + 1", "error: '2e' and '-5' one blank apart"},
      {"sin(2e -5)", "error: '2e' and '-5' one blank apart"},
      {"d/dx 2e -5x", "error: '2e' and '-5' one blank apart"},
      {"f(t) = 2e -5 t", "error: '2e' and '-5' one blank apart"},
      {"a = 1e 3", "error: '1e 3' is ambiguous"},
      // (each reading written out stands)
      {"2e - 5", "2e - 5"},
      {"2e-5", "2e-05"},
      {"1e3", "1000.0"},
      {"1e*3", "3e"},
      {"2 e 3", "6e"},
      {"e -5", "e - 5"},
      {"5e -x", "-x + 5e"},
      {"2e^x", "2e^x"},
      {"3e x", "3e x"},
      // (an exponent is whole digits: 2e 0.5 is no scientific notation, a regression hunt's finding)
      {"2e 0.5", "2.718281828459045"},
      {"2e -0.5", "4.93656365691809"},
  });
}

// Other systems' pi: `PI` was I·P, where π was meant. (`Pi` is ddx's spelling of the capital Π,
// which a first version refused too, and Π with it: a regression hunt's finding.)
TEST_CASE("trust: other systems' name of pi") {
  ddx_test::check_rows({
      {"sin(PI/2)", "error@5: 'PI' is pi in other systems: write pi (or π), or P I for the product of letters"},
      {"PI", "error@1: 'PI' is pi in other systems: write pi (or π), or P I for the product of letters"},
      {"2PI x", "error: 'PI' is pi in other systems"},
      {"d/dx cos(PI x)", "error: 'PI' is pi in other systems"},
      {"P I", "I P"},
      {"Π + 1", "Pi + 1"},
      {"Pi", "Pi"},
      {"sin(pi/2)", "1"},
  });
  ddx_test::check_in_turn({{"PI = 4", ""}, {"PI/2", "2"}});
}

// A held partial's program is named for what it is, not for the whole derivative dz/dx.
TEST_CASE("trust: the program of a held partial derivative") {
  ddx::Session s;
  for (const char* line : {"z = x^2 u", "u = sin(x)", ":format python"}) REQUIRE(ddx_test::answer(s, line).empty());
  CHECK(ddx_test::answer(s, "(∂z/∂x)_u") == "def dz_dx_holding_u(u, x):\n    return 2*u*x");
}

// `==` compares the sides with a name a derivative was taken by (dy/du's u, which stays in its
// answer 3u^2) worth its definition: dy/du * du/dx == dy/dx was false (a helper's finding).
TEST_CASE("trust: a comparison of chain rules written out") {
  ddx_test::check_in_turn({
      {"y = u^3", ""},
      {"u = 2x^3 + 3x^2", ""},
      {"dy/du * du/dx == dy/dx", "true"},
      {"dy/du == 3u^2", "true"},
      {"dy/du == 3x^2", "false"},
      {"z = x^2 w", ""},
      {"w = sin(x)", ""},
      {"∂z/∂w * dw/dx + (∂z/∂x)_w == dz/dx", "true"},
      {"∂z/∂w * dw/dx + (∂z/∂x)_w == x^2 cos(x) + 2x sin(x)", "true"},
      {"x3 = x1 + x2", ""},
      {"d/dx3 x3^2 == 2x3", "true"},
  });
}

// A table's cell where ddx cannot decide whether the value exists (an argument exactly at the edge
// of a function's domain that ddx cannot show to be there: acos(cos(1)) is 1, and atanh(1) has
// none) says so: it printed ~18.7149738751185, atanh of the double below 1 (a helper's finding),
// and for asin(sin(1)) undefined, as the doubles happened to fall. Where the edge is shown
// (atanh(1) as written), the cell is undefined.
TEST_CASE("trust: a table's value that may not exist is undecided, not the doubles' number") {
  ddx_test::check_rows({
      {"table(atanh(acos(cos(x))), x = 0 .. 1 step 0.5)",
       "  x  atanh(acos(cos(x)))\n  0                    0\n0.5    0.549306144334055\n  1            undecided"},
      {"table(atanh(asin(sin(x))), x = 0 .. 1 step 0.5)",
       "  x  atanh(asin(sin(x)))\n  0                    0\n0.5    0.549306144334055\n  1            undecided"},
      {"table(atanh(x), x = 0 .. 1 step 0.5)", "  x           atanh(x)\n  0                  0\n0.5  0.549306144334055\n  1          undefined"},
  });
  CHECK(ddx_test::answer_after({"table(atanh(acos(cos(x))), x = 0 .. 1 step 1)"}, ddx::print::Format::Latex)
            .find("1 & \\text{undecided}") != std::string::npos);
}

// A refusal is not blamed on an underflow it does not depend on: a first attempt to name the
// underflow in refusals after one (log(0.5^(10^10)) says only that log(0) is undefined) named it
// for any error later in the statement (1e-200 * 1e-200 + 1/0), whose cause holds with the
// decimals exact too (a regression hunt's finding); it was withdrawn.
TEST_CASE("trust: refusals after an unrelated underflow are the plain ones") {
  for (const char* line : {"1e-200 * 1e-200 + 1/0", "(1e-200*1e-200) + log(-1)", "exp(-1000.0) + 1/0", "[1e-200*1e-200, 1/0]"}) {
    std::string const refused = ddx_test::answer(line);
    CAPTURE(line);
    CHECK(refused.starts_with("error"));
    CHECK(refused.find("below the range of a double") == std::string::npos);
  }
}

// A product of decimals is as small as their magnitudes' sum, and the precise reading of a decimal
// answer starts wide enough for it: asin(1 + 1e-200 * 1e-200), whose argument is above 1, printed
// asin(1) = 1.5707963267948966, the 1e-400 lost at 128 bits beyond the 1e-200 (a regression
// hunt's finding; the same as 1 + 1e-17 is refused).
TEST_CASE("trust: a product of small decimals is not lost where it decides a domain") {
  ddx_test::check_rows({
      {"asin(1 + 1e-200*1e-200)", "error: with the decimals as written, the value is not a real number"},
      {"asin(1 + 1e-17)", "error: with the decimals as written, the value is not a real number"},
      {"asin(1 - 1e-200*1e-200)", "1.5707963267948966"},
      {"1 + 1e-200*1e-200", "1.0"},
  });
}

// A precise value beyond a double's range is refused, as 1e400 is: its double is infinite, and
// the check that compares the doubles' answer with it took |a - inf| <= inf for agreement, so
// tan(pi/2 + 1e-400), about -1e400, printed the doubles' 16331239353195370.0 and the derivative
// of tan at pi/2 + 1e-200 printed 2.70384464585838e+33 (a regression hunt's lead). A number past
// a double's range counts by its digits where the reading's precision is chosen (10^-400 was
// taken for 2^-1100, too few bits to hold it beside pi/2). Within the range, the value stands.
TEST_CASE("trust: a decimal answer beyond a double's range is refused, not the doubles' number") {
  for (const char* line : {"tan(pi/2 + 1e-400)", "tan(pi/2 + 1e-200*1e-200)", "tan(pi/2 + 1e-320)", "tan(x) at x = pi/2 + 1e-400",
                           "tan(pi/2 + x) at x = 1e-400", "d/dx tan(x) at x = pi/2 + 1e-200", "tan(pi/2 - 1e-1000)"}) {
    std::string const refused = ddx_test::answer(line);
    CAPTURE(line);
    CHECK(refused.starts_with("error"));
    CHECK(refused.find("beyond the range of a double") != std::string::npos);
  }
  ddx_test::check_rows({
      {"tan(pi/2 + 1e-300)", "-1e+300"},
      {"tan(pi/2 - 1e-1000)", "error@1: the value is about 1e+1000, beyond the range of a double (about 1.8e308): write the "
                              "decimals as fractions and use approx(...) for its digits"},
      {"atan(tan(pi/2 + 1e-400))", "-1.5707963267948966"},
      {"approx(tan(pi/2 + 1e-400))", "-1.0e400"},
  });
}

// A Taylor polynomial with decimals is read again with them exact, and its decimals are the exact
// reading's; where that reading's coefficient is past a double's range the doubles' polynomial
// stood, worked out at the centre's double (a regression hunt's finding: taylor(tan(x), x = pi/2 -
// 1e-150, 3) printed 1.4e+50 for about 1e+450). Refused now, as such a value is anywhere. And a
// centre no double holds, where the polynomial's coefficients are steep enough that the nearest
// double, printed as the centre, moves them beyond 12 digits, is refused: the answer printed
// about 1.5707963266948965 gave 1e+10 there, where tan is 9999988076.9. Ordinary centres (0.1 +
// 0.2, pi/6 + 0.1) are written as before.
TEST_CASE("trust: a Taylor polynomial's coefficients past a double, or a centre no double holds, are refused") {
  ddx_test::check_rows({
      {"taylor(tan(x), x = pi/2 - 1e-150, 3)", "error@1: a coefficient of the polynomial is about 1e+450, beyond the range of a "
                                               "double (about 1.8e308): write the decimals as fractions and use approx(...) for its digits"},
      {"taylor(2.5e-10 tan(x), x = pi/2 + 1e-150, 4)", "error: a coefficient of the polynomial is about -2.5e+440"},
      {"taylor(tan(x), x = pi/2 - 1e-10, 2)",
       "error@1: the centre is no double, and the polynomial written about the nearest one, 1.5707963266948965, would be wrong "
       "beyond 12 digits: write the centre without decimals for the exact polynomial"},
      {"taylor(1e300 cot(x), x = pi/2 - 1e-100, 2)", "error: the centre is no double"},
      {"taylor(sin(x), x = 0.1 + 0.2, 3)", "-0.1477601033306698 (x - 0.3)^2 + 0.955336489125606 (x - 0.3) + 0.2955202066613396"},
      {"taylor(sin(x), x = pi/6 + 0.1, 2)", "0.8117821756786865 (x - 0.6235987755982989) + 0.5839603576017623"},
      {"taylor(tan(x), x = 1.5707963267948966, 2)", "2.70384464585838e+33 (x - 1.5707963267948966) + 51998506188720272.0"},
  });
  // The exact centre gives the exact polynomial.
  CHECK(ddx_test::answer("taylor(tan(x), x = pi/2 - 10^-10, 2)").find("tan(") != std::string::npos);
}

// The constant term of a Taylor polynomial read with its decimals exact is the coefficient alone:
// written times (x - a)^0, `ans at x = a` met 0^0 there and was refused (a regression hunt's
// finding), where the polynomial without decimals has its value.
TEST_CASE("trust: a decimal Taylor polynomial has a value at its centre") {
  ddx_test::check_in_turn({
      {"taylor(2.0 x, x = 0, 2)", "2.0x"},
      {"ans at x = 0", "0.0"},
      {"taylor(exp(1.0x), x = 1, 3)", "1.3591409142295225 (x - 1)^2 + 2.718281828459045 (x - 1) + 2.718281828459045"},
      {"ans at x = 1", "2.718281828459045"},
      {"taylor(exp(x), x = 1, 3)", "e (x - 1)^2/2 + e (x - 1) + e"},
      {"ans at x = 1", "e"},
  });
}

// A statement that fails in doubles is read again with its decimals exact; where that reading's
// value is past a double's range, that is the refusal, not the doubles' cause: 1/1e-400 said
// "division by zero" and cot(1e-400) "cot(0) is undefined", 1e-400 being the doubles' 0 (a
// regression hunt's finding). An error that the exact reading meets too stays the statement's.
TEST_CASE("trust: a refusal past a double's range says so, not the doubles' division by zero") {
  for (const char* line : {"1/1e-400", "cot(1e-400)", "1/(1e-200*1e-200)", "1/(exp(-1000.0) + 1e-400)", "c = 1/1e-400"}) {
    std::string const refused = ddx_test::answer(line);
    CAPTURE(line);
    CHECK(refused.starts_with("error@1: the value is about "));
    CHECK(refused.find("beyond the range of a double (about 1.8e308)") != std::string::npos);
  }
  ddx_test::check_rows({
      {"1e-300/(1e-200*1e-200)", "1e+100"},
      {"1/(1e-200*1e-200) + 1/0", "error: division by zero"},
      {"1/(0.1 + 0.2 - 0.3)", "error@1: division by zero"},
  });
}

// A double's overflow on the way to a value within the range is no refusal: the statement is read
// again with its decimals exact, as after other failures in doubles ((0.5 x)^487 at x = 8 passed
// 1e308 at 8^487 and was refused, though its value is 4^487; a regression hunt's finding). Where
// the value itself is past the range, the doubles' refusal stands.
TEST_CASE("trust: an overflow on the way to a value in range is no refusal") {
  ddx_test::check_rows({
      {"(0.5*x)^487 at x = 8", "1.596672247627776e+293"},
      {"0.5*(2^x) at x = 1024", "8.98846567431158e+307"},
      {"2.5e-10/x at x = 1e-310", "2.5e+300"},
      {"d/dx (0.001x)^700 at x = 614.5", "1.0517129185089857e-148"},
      {"1e400", "error@1: floating-point overflow (beyond about 1.8e308)"},
      {"10.0^400", "error@1: floating-point overflow in (10.0)^(400)"},
      {"1 + exp(1000.0)", "error@1: floating-point overflow (beyond about 1.8e308)"},
  });
}

// A value that exists but is past what ddx can approximate (about 10^323228496) is no undefined
// cell: table(exp(x), x = 1e153 .. 1.1e153 step 5e151) said "undefined" in every row (a
// regression hunt's finding), where approx says the value is too large. Such a cell prints
// "too large", as a string in JSON and as text in LaTeX.
TEST_CASE("trust: a table's value past ddx's approximations is too large, not undefined") {
  ddx_test::check_rows({
      {"table(exp(x), x = 1e153 .. 1.1e153 step 5e151)", "        x        e^x\n   1e+153  too large\n1.05e+153  too large\n 1.1e+153  too large"},
      {"table(log(x), x = 0 .. 1 step 1)", "x     log(x)\n0  undefined\n1          0"},
  });
  CHECK(ddx_test::answer_after({"table(exp(x), x = 1e153 .. 1.1e153 step 5e151)"}, ddx::print::Format::Latex).find("\\text{too large}") !=
        std::string::npos);
}

// 0^u is 0 wherever it has a value (u > 0), and so is its derivative: the exponential rule's
// log(0) refused it, and d/dx 0^x at x = 1 was said not to exist (a claim, and a false one).
// Where 0^u has no value, neither has the derivative.
TEST_CASE("trust: the derivative of 0^x is 0 where 0^x has a value") {
  ddx_test::check_rows({
      {"d/dx 0^x at x = 1", "0"},
      {"d/dx 0^(2x) at x = 1", "0"},
      {"d^2/dx^2 0^x at x = 2", "0"},
      {"d/dx 0^x at x = -1", "error@1: the derivative does not exist at x = -1 (division by zero)"},
      {"d/dx 0^x at x = 0", "error@1: the derivative does not exist at x = 0 (0^0 is undefined)"},
  });
}
