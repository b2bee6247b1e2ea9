// SPDX-License-Identifier: GPL-3.0-or-later
// Property: every text, unicode and code answer, typed back into ddx, gives the same expression
// (docs/language.md §9 "Round trip"). Random expressions and their derivatives, seeded; the seed is printed.
#include <doctest/doctest.h>

#include "calculus/diff.hpp"
#include "core/errors.hpp"
#include "print/print.hpp"
#include "repl/session.hpp"
#include "support/random_expr.hpp"

namespace {

// The expression ddx reads from `text`, or nullopt when it does not parse to a scalar.
std::optional<ddx::Expr> read_back(const std::string& text) {
  ddx::Session s;
  auto outcomes = s.eval_line(text);
  if (outcomes.size() != 1 || outcomes[0].kind != ddx::Outcome::Kind::Answer ||
      !outcomes[0].result.value.is_scalar())
    return std::nullopt;
  return outcomes[0].result.value.scalar;
}

void check_round_trip(ddx::Expr e, std::uint64_t seed) {
  using ddx::print::Format;
  for (Format f : {Format::Text, Format::Unicode, Format::Code}) {
    std::string printed = ddx::print::to_string(e, f);
    INFO("seed " << seed << ", format " << static_cast<int>(f) << ": " << printed << "   tree: " << ddx::debug_string(e));
    auto back = read_back(printed);
    REQUIRE(back.has_value());
    CHECK(*back == e);
  }
}

}  // namespace

TEST_CASE("property: print -> parse round trip of random expressions and their derivatives") {
  int checked = 0;
  for (std::uint64_t seed = 1; checked < 1000 && seed < 5000; ++seed) {
    ddx::test::RandomExpr gen(seed);
    ddx::Expr e;
    try {
      e = gen(4);
    } catch (const std::exception&) {
      continue;  // the random tree folded to a math error (e.g. 1/0); try the next seed
    }
    check_round_trip(e, seed);
    try {
      check_round_trip(ddx::calc::diff(e, ddx::sym("x")), seed);
    } catch (const ddx::MathError&) {
    }
    ++checked;
  }
  CHECK(checked == 1000);
}

TEST_CASE("round trip of hand-picked shapes") {
  using namespace ddx;
  Expr x = sym("x"), y = sym("y"), a = sym("a");
  for (Expr e : std::vector<Expr>{
           -pow(x, 2), pow(Expr(-2), x), pow(x, Expr(-1)), pow(Expr(2), rational(1, 3)), pow(a / y, 2),
           1 / (2 * x), pow(e_const(), x + 1), pow(a, x) * log(a), pow(sin(x), 2), pow(pow(x, 2) + 1, rational(1, 3)),
           pow(x, 2 * y), pow(x, rational(3, 2)), -3 * (x + 1) * sin(x), 2 * sqrt(Expr(2)), num(Number::from_double(10.0)) * x,
           num(Number::from_integer_text("123456789012345678901234567890")) * x, rational(-3, 2) * x,
           pow(x, rational(-1, 2)), pow(x + 1, -2) * y, sin(x) / pow(x, 2), pow(pi_const(), 2) * x,
           // A subscripted letter before a bracket is a product, written without a sign; g_u is
           // not one (g_u(...) is a call), so its product keeps the sign.
           sym("x_n") * (sym("t_n") - a), -2 * sym("A_11") * (x + 1), sym("g_u") * (x + 1), sym("x1") * (y + 1)}) {
    check_round_trip(e, 0);
  }
}

// A sum from a negative bound writes out entries x_-1, which printed as x_-1 (read back x_ - 1,
// refused) and in LaTeX as x_{-_{1}}; they are x_(-1) and x_{-1} (a helper's finding).
TEST_CASE("round trip: entries with negative subscripts") {
  using namespace ddx;
  Expr x = sym("x"), y = sym("y");
  Expr m1 = sym("x_-1"), m12 = sym("theta_-12");
  for (Expr e : {m1, 2 * m1, m1 * (y + 1), pow(m1, 2) * m12, sin(m1 * x) + sym("x_0"), -m1 / m12})
    check_round_trip(e, 0);
  CHECK(print::to_string(2 * m1, print::Format::Text) == "2x_(-1)");
  CHECK(print::to_string(m12, print::Format::Unicode) == "θ_(−12)");
  CHECK(print::to_string(m1 + m12, print::Format::Latex) == "\\theta_{-12} + x_{-1}");
  Session s;
  auto grad = s.eval_line("grad(sum(x_n^2, n = -2 .. 0))");
  REQUIRE(grad.size() == 1);
  CHECK(print::to_string(grad[0].result.value.items[1].scalar, print::Format::Code) == "2*x_(-1)");
  // Only a letter's or a Greek letter's family reads so (ab_1 is a b_1); a whole negative number only.
  for (const char* refused : {"sin_(-1)", "ab_(-1)", "x_(-1.0)", "x_(-0)", "x_(-y)"}) {
    CAPTURE(refused);
    auto r = s.eval_line(refused);
    REQUIRE(r.size() == 1);
    CHECK(r[0].kind == Outcome::Kind::Error);
  }
}

TEST_CASE("round trip: partial derivatives of an abstract function whose parameters have no names") {
  // First applied to expressions, not to symbols, an abstract function prints its partial
  // derivatives by position (∂f/∂x1(x^2, x)); read back, x1, x2, ... are those positions.
  using namespace ddx;
  Expr x = sym("x"), y = sym("y");
  FunctionId f = abstract_function("f_pos", 2), g = abstract_function("g_pos", 3);
  for (Expr e : {call(f, {pow(x, 2), x}), call(f, {sin(x), x * y}), call(g, {x, x + 1, pow(x, 3)}),
                 call(g, {2 * x, y, x * y})}) {
    Expr first = calc::diff(e, x);
    CHECK(print::to_string(first, print::Format::Text).find("/∂x1(") != std::string::npos);
    check_round_trip(first, 0);
    check_round_trip(calc::diff(first, y), 0);
  }
  // A position the function does not have is an error that lists the ones it has.
  Session s;
  auto out = s.eval_line("∂f_pos/∂x3(x^2, x)");
  REQUIRE(out.size() == 1);
  CHECK(out[0].kind == Outcome::Kind::Error);
  CHECK(out[0].message == "f_pos has no parameter 'x3' (its parameters, by position: x1, x2)");
  // Reserved words are never taken for abstract functions so.
  for (const char* reserved : {"∂e/∂x1(2, 3)", "∂pi/∂x1(2, 3)", "∂ans/∂x1(2, 3)", "∂sin/∂x1(x)", "∂integrate/∂x1(x, 1)",
                               "∂diff/∂x1(x, x)"}) {
    CAPTURE(reserved);
    auto r = s.eval_line(reserved);
    REQUIRE(r.size() == 1);
    CHECK(r[0].kind == Outcome::Kind::Error);
  }
}

TEST_CASE("property: a long answer writes each repeated argument as a short answer does") {
  // A long answer keeps the text of the call arguments it has written and copies it where they
  // come again (print/text.cpp): the derivative of a product of many calls repeats each call in
  // every term. Each argument must read exactly as it does printed alone, and the whole answer
  // must read back as itself.
  using namespace ddx;
  Expr x = sym("x"), y = sym("y");
  std::vector<Expr> arguments, factors;
  for (std::uint64_t k = 1; factors.size() < 120 && k < 1000; ++k) {
    test::RandomExpr gen(k);
    Expr extra;
    try {
      extra = gen(2);
    } catch (const std::exception&) {
      continue;
    }
    Expr argument = static_cast<int>(k) * x + extra + pow(y, static_cast<int>(k % 5) + 1) / static_cast<int>(k + 1);
    Expr factor = k % 2 ? sin(argument) : cos(argument);
    if (factor.is_number()) continue;
    arguments.push_back(argument);
    factors.push_back(factor);
  }
  REQUIRE(factors.size() == 120);
  Expr answer = calc::diff(mul(factors), x);
  for (print::Format f : {print::Format::Text, print::Format::Unicode, print::Format::Code}) {
    std::string printed = print::to_string(answer, f);
    INFO("format " << static_cast<int>(f));
    REQUIRE(printed.size() > std::size_t{1} << 16);  // long enough to keep its arguments
    for (Expr argument : arguments) {
      std::string alone = print::to_string(sin(argument), f);
      std::string inner = alone.substr(alone.find('(') + 1, alone.size() - alone.find('(') - 2);
      INFO("argument " << inner);
      CHECK(printed.find("(" + inner + ")") != std::string::npos);
    }
    auto back = read_back(printed);
    REQUIRE(back.has_value());
    CHECK(*back == answer);
  }
}

// A name that has stood for unknown functions of two numbers of arguments: ∂f/∂x, printed for
// f(x, y), was read as f(t)'s and refused ("f has no parameter 'x'"), a helper's finding. The
// point's count, or the parameters named, tell which.
TEST_CASE("round trip: a Leibniz form names the unknown function of its parameters or its point's count") {
  ddx::Session s;
  std::vector<std::pair<std::string, std::string>> rows = {
      {"kappa(t)", "kappa(t)"},
      {"d/dx kappa(x, y)", "∂kappa/∂x"},
      {"∂kappa/∂x", "∂kappa/∂x"},
      {"d/dx kappa(x^2, y)", "2x ∂kappa/∂x(x^2, y)"},
      {"2x ∂kappa/∂x(x^2, y)", "2x ∂kappa/∂x(x^2, y)"},
      {"dkappa/dt", "kappa'(t)"},
      {"d/dx ∂kappa/∂x2(x^2, 3x)", "2x ∂^2kappa/∂x∂y(x^2, 3x) + 3 ∂^2kappa/∂y^2(x^2, 3x)"},
      {"rho(t)", "rho(t)"},
      {"rho(t, s)", "rho(t, s)"},
  };
  for (const auto& row : rows) {
    const std::string& input = row.first;  // (not a structured binding: clang's CAPTURE cannot take one)
    const std::string& expected = row.second;
    CAPTURE(input);
    auto out = s.eval_line(input);
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].kind == ddx::Outcome::Kind::Answer);
    CHECK(ddx::print::to_string(out[0].result.value.scalar, ddx::print::Format::Text) == expected);
  }
  // Both have a parameter t: which one ∂rho/∂t means, only its point says.
  auto both = s.eval_line("∂rho/∂t");
  REQUIRE(both.size() == 1);
  CHECK(both[0].kind == ddx::Outcome::Kind::Error);
  CHECK(both[0].message.find("unknown functions of 1 and 2 arguments") != std::string::npos);
  auto with_point = s.eval_line("∂rho/∂t(1, 2)");
  REQUIRE(with_point.size() == 1);
  CHECK(with_point[0].kind == ddx::Outcome::Kind::Answer);
}
