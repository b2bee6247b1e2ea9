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
           pow(x, rational(-1, 2)), pow(x + 1, -2) * y, sin(x) / pow(x, 2), pow(pi_const(), 2) * x}) {
    check_round_trip(e, 0);
  }
}
