// SPDX-License-Identifier: GPL-3.0-or-later
// Steps (docs/language.md §8): the derivation ends in diff's own answer for every docs/language.md §3 example and for
// random expressions, names the rules the differentiator applied, and renders in every format.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "calculus/simplify.hpp"
#include "calculus/steps.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "print/steps_render.hpp"
#include "support/random_expr.hpp"
#include "support/session_helpers.hpp"

using namespace ddx;
using print::Format;

namespace {

struct Case {
  const char* name;
  Expr input, var;
  int order = 1;
};

std::string all_rules(const calc::Steps& s) {
  std::string out;
  for (const auto& blk : s.blocks)
    for (const auto& st : blk.steps) out += st.rule + "; ";
  return out;
}

bool has_pending(Expr e) {
  if (e.is(Kind::Call) && function_info(e.function()).name.rfind("d/d", 0) == 0) return true;
  bool found = false;
  for_each_child(e, [&](Expr ch) { found = found || has_pending(ch); });
  return found;
}

// The invariants every derivation keeps: the answer is diff's, each block ends in its answer
// with nothing left pending, and each block starts from the previous block's answer.
void check_derivation(Expr input, Expr var, int order) {
  calc::Steps s = calc::explain_derivative(input, var, order);
  Expr expected = calc::diff(input, var, order);
  CAPTURE(print::render_steps(s, Format::Text));
  CHECK(s.answer == expected);
  REQUIRE(!s.blocks.empty());
  Expr operand = input;
  for (const calc::StepBlock& b : s.blocks) {
    CHECK(b.operand == operand);
    REQUIRE(!b.steps.empty());
    CHECK(b.steps.back().expression == b.answer);
    CHECK(!has_pending(b.answer));
    for (const calc::Step& st : b.steps) CHECK(!st.rule.empty());
    operand = b.answer;
  }
  CHECK(s.blocks.back().answer == expected);
}

std::vector<Case> spec_cases() {
  Expr x = sym("x"), y = sym("y"), a = sym("a"), b = sym("b"), c = sym("c"), t = sym("t"), v0 = sym("v_0");
  Expr e = e_const();
  Expr u = pow(e, x) - a * x;
  return {
      {"(3x+4)^2", pow(3 * x + 4, 2), x},
      {"2x^3+4x+8", 2 * pow(x, 3) + 4 * x + 8, x},
      {"partial x", 2 * pow(x, 3) + 4 * x * y + 5 * pow(y, 2), x},
      {"a^x", pow(a, x), x},
      {"log_a(x)", log(x) / log(a), x},
      {"e^x", pow(e, x), x},
      {"sqrt(x)", sqrt(x), x},
      {"x^x", pow(x, x), x},
      {"a x^(3/2) + b x^(1/2) + c", a * pow(x, rational(3, 2)) + b * sqrt(x) + c, x},
      {"cos((e^x - a x)^3)", cos(pow(u, 3)), x},
      {"log(x)^3", pow(log(x), 3), x},
      {"tan(x)", tan(x), x},
      {"abs(x)", abs(x), x},
      {"v_0 t + a t^2/2", v0 * t + a * pow(t, 2) / 2, t, 2},
      {"sin(x)^2/x", pow(sin(x), 2) / x, x},
  };
}

}  // namespace

TEST_CASE("steps: every docs/language.md §3 example ends in diff's answer") {
  for (const Case& c : spec_cases()) {
    CAPTURE(c.name);
    check_derivation(c.input, c.var, c.order);
  }
}

TEST_CASE("steps: rule names of golden cases") {
  Expr x = sym("x"), y = sym("y");
  FunctionId f = abstract_function("f", 1);
  struct Golden {
    Expr input;
    std::vector<const char*> rules;
  };
  const std::vector<Golden> rows = {
      {sin(pow(x, 2)), {"chain rule", "trigonometric", "power rule"}},
      {pow(x, x), {"general power"}},
      {(x + 1) / (x - 1), {"quotient rule"}},
      {3 * pow(x, 2), {"constant multiple", "power rule"}},
      {call(f, {2 * x + 1}), {"abstract function", "chain rule"}},
      {x * sin(x), {"product rule", "trigonometric"}},
      {pow(e_const(), 2 * x), {"exponential", "chain rule"}},
      {log(pow(x, 2) + 1), {"logarithm", "chain rule", "sum rule"}},
      {pow(x, 3) + y * x, {"sum rule"}},
  };
  for (const Golden& g : rows) {
    calc::Steps s = calc::explain_derivative(g.input, x);
    std::string rules = all_rules(s);
    CAPTURE(print::render_steps(s, Format::Text));
    for (const char* r : g.rules) CHECK_MESSAGE(rules.find(r) != std::string::npos, r);
    check_derivation(g.input, x, 1);
  }
}

// The rule is named by what the reader sees: x e^(-x) is printed as a product (only negative
// numbers as exponents go below a fraction bar), and was called the quotient rule (a helper's
// reading of the LaTeX).
TEST_CASE("steps: a product is the product rule unless a factor is printed below the bar") {
  Expr x = sym("x");
  struct Named {
    Expr input;
    const char* rule;
    const char* not_rule;
  };
  const std::vector<Named> rows = {
      {x * pow(e_const(), -x), "product rule", "quotient rule"},
      {x * pow(Expr(2), -x), "product rule", "quotient rule"},
      {x / sin(x), "quotient rule", "product rule"},
      {x / pow(x + 1, 2), "quotient rule", "product rule"},
  };
  for (const Named& n : rows) {
    calc::Steps s = calc::explain_derivative(n.input, x);
    std::string rules = all_rules(s);
    CAPTURE(print::render_steps(s, Format::Text));
    CHECK(rules.find(n.rule) != std::string::npos);
    CHECK(rules.find(n.not_rule) == std::string::npos);
    check_derivation(n.input, x, 1);
  }
}

TEST_CASE("steps: cos((e^x - a x)^3) reads as a chain of three, outer to inner") {
  Expr x = sym("x"), a = sym("a");
  calc::Steps s = calc::explain_derivative(cos(pow(pow(e_const(), x) - a * x, 3)), x);
  CHECK(print::render_steps(s, Format::Text) ==
        "d/dx cos((e^x - a x)^3)\n"
        "  = -sin((e^x - a x)^3) d/dx ((e^x - a x)^3)                (trigonometric, chain rule: outer cos(u), inner u = (e^x - a x)^3)\n"
        "  = -3 (e^x - a x)^2 sin((e^x - a x)^3) d/dx (e^x - a x)    (power rule, chain rule: outer v^3, inner v = e^x - a x)\n"
        "  = -3 (e^x - a x)^2 (e^x - a) sin((e^x - a x)^3)           (sum rule; exponential; constant multiple)");
}

TEST_CASE("steps: sin(x^2) in every format") {
  Expr x = sym("x");
  calc::Steps s = calc::explain_derivative(sin(pow(x, 2)), x);
  CHECK(print::render_steps(s, Format::Text) ==
        "d/dx sin(x^2)\n"
        "  = cos(x^2) d/dx (x^2)    (trigonometric, chain rule: outer sin(u), inner u = x^2)\n"
        "  = 2x cos(x^2)            (power rule)");
  CHECK(print::render_steps(s, Format::Unicode) ==
        "d/dx sin(x²)\n"
        "  = cos(x²) d/dx (x²)    (trigonometric, chain rule: outer sin(u), inner u = x²)\n"
        "  = 2x cos(x²)           (power rule)");
  CHECK(print::render_steps(s, Format::Latex) ==
        "\\begin{aligned}\n"
        "& \\frac{d}{dx}\\left(\\sin{\\left(x^{2} \\right)}\\right) \\\\\n"
        "&= \\cos{\\left(x^{2} \\right)} \\frac{d}{dx}\\left(x^{2}\\right) && \\text{trigonometric, chain rule: outer "
        "}\\sin{\\left(u \\right)}\\text{, inner }u = x^{2} \\\\\n"
        "&= 2 x \\cos{\\left(x^{2} \\right)} && \\text{power rule}\n"
        "\\end{aligned}");
  auto rows = print::step_rows(s, Format::Code);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].expression == "cos(x^2)*diff(x^2, x)");
  CHECK(rows[1].expression == "2*x*cos(x^2)");
  CHECK(rows[1].rule == "power rule");
}

TEST_CASE("steps: partial, higher order, definitions, abstract functions") {
  Expr x = sym("x"), y = sym("y"), t = sym("t"), a = sym("a"), v0 = sym("v_0");
  SUBCASE("partial: other symbols are constants, written with ∂") {
    calc::Steps s = calc::explain_derivative(2 * pow(x, 3) + 4 * x * y + 5 * pow(y, 2), x, 1, true);
    std::string text = print::render_steps(s, Format::Text);
    CHECK(text.rfind("∂/∂x (", 0) == 0);
    CHECK(s.answer == 6 * pow(x, 2) + 4 * y);
  }
  SUBCASE("second order: one block per order") {
    calc::Steps s = calc::explain_derivative(v0 * t + a * pow(t, 2) / 2, t, 2);
    REQUIRE(s.blocks.size() == 2);
    CHECK(s.blocks[0].answer == a * t + v0);
    CHECK(s.blocks[1].operand == a * t + v0);
    CHECK(s.answer == a);
    std::string text = print::render_steps(s, Format::Text);
    CHECK(text.find("\nd^2/dt^2 (") != std::string::npos);
    check_derivation(v0 * t + a * pow(t, 2) / 2, t, 2);
  }
  SUBCASE("order past the last non-zero derivative stops early") {
    calc::Steps s = calc::explain_derivative(pow(x, 2), x, 5);
    CHECK(s.blocks.size() == 3);
    CHECK(s.answer.is_zero());
  }
  SUBCASE("definition substitution opens the derivation") {
    Expr u = sym("u");
    calc::Steps s = calc::explain_derivative(pow(pow(x, 2) + 1, 3), x, 1, false, pow(u, 3));
    REQUIRE(s.blocks[0].steps.size() >= 2);
    CHECK(s.blocks[0].steps[0].rule == "definition substitution");
    CHECK(print::to_string(s.blocks[0].question, Format::Text) == "d/dx (u^3)");
    CHECK(s.answer == calc::diff(pow(pow(x, 2) + 1, 3), x));
  }
  SUBCASE("abstract function of an expression") {
    FunctionId f = abstract_function("f", 1);
    calc::Steps s = calc::explain_derivative(call(f, {2 * x + 1}), x);
    CHECK(print::render_steps(s, Format::Text) ==
          "d/dx f(2x + 1)\n"
          "  = f'(2x + 1) d/dx (2x + 1)    (abstract function, chain rule: outer f(u), inner u = 2x + 1)\n"
          "  = 2 f'(2x + 1)                (sum rule)");
  }
  SUBCASE("constants and the variable itself") {
    CHECK(calc::explain_derivative(Expr(5), x).blocks[0].steps.back().rule == "constant");
    CHECK(calc::explain_derivative(x, x).blocks[0].steps.back().rule == "variable");
  }
}

TEST_CASE("steps: the trace is charged against a budget of printed terms") {
  Expr x = sym("x");
  Expr e = pow(x, x);
  calc::Steps full = calc::explain_derivative(e, x, 3);
  std::size_t used = 0;
  for (const calc::StepBlock& b : full.blocks)
    for (const calc::Step& st : b.steps) used += calc::expr_size(st.expression);
  REQUIRE(used > 10);
  std::size_t budget = used + 7;
  calc::Steps charged = calc::explain_derivative(e, x, 3, false, std::nullopt, &budget);
  CHECK(budget == 7);
  CHECK(charged.answer == full.answer);
  std::size_t short_budget = used - 1;
  CHECK_THROWS_AS(calc::explain_derivative(e, x, 3, false, std::nullopt, &short_budget), calc::TraceTooLong);
}

TEST_CASE("steps: random expressions end in diff's answer") {
  test::RandomExpr gen(20240607);
  Expr x = sym("x");
  int done = 0;
  for (int i = 0; i < 400 && done < 200; ++i) {
    Expr e;
    try {
      e = gen(4);
      calc::diff(e, x);
    } catch (const std::exception&) {
      continue;  // construction or differentiation errors are not what this test is about
    }
    CAPTURE(debug_string(e));
    check_derivation(e, x, 1 + (i % 3 == 0));
    ++done;
  }
  CHECK(done >= 100);
}

// Each line of a derivation, typed back into ddx, is the derivative itself: a derivative not yet
// taken is bracketed (d/dx (sin(x^2)) + 1), for d/dx sin(x^2) + 1 reads as the derivative of
// the whole sum. Every text line of these derivations must equal the answer.
TEST_CASE("steps: every line reads back as the derivative it stands for") {
  for (const char* question : {"d/dx sin(cos(x)) + x", "d/dx x sin(x^2) + x", "d/dx cos(x^3) + sin(x^2)",
                               "d/dx sin(x^2)^2 + x", "d/dx sqrt(tan(x)) + x^2", "d/dx exp(sin(x)) cos(x) - x",
                               "d/dx x/(x + 1)", "d/dx (x^2 + 1)/(x - 1)", "d/dx sin(x)/cos(x)", "d/dx e^x/x^2",
                               "d/dx 3x^2/(x + 1)^2 + x", "d/dx sin(x^2)/(x + 1)", "d/dx x sin(x)/(x + 1)"}) {
    ddx::Session s;
    std::string shown = ddx_test::answer(s, std::string("steps ") + question);
    std::string answer = ddx_test::answer(s, question);
    CAPTURE(shown);
    std::size_t lines = 0;
    for (std::size_t at = shown.find("\n  = "); at != std::string::npos; at = shown.find("\n  = ", at + 1)) {
      std::size_t end = shown.find("  (", at + 5);  // the rule's name, after two spaces or more
      std::string line = shown.substr(at + 5, end - at - 5);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      CAPTURE(line);
      CHECK(ddx_test::answer(s, "(" + line + ") == " + answer).starts_with("true"));
      ++lines;
    }
    CHECK(lines >= 2);
  }
}

// A quotient's step was called the quotient rule but showed f·d/dx (1/g) + f'/g, the product rule
// on f·g^-1 (a helper's finding). The textbook's shape, one factor above the bar and one below,
// now shows (g f' - f g')/g^2 with both derivatives pending; other quotients show the product
// rule they are given, by that name.
TEST_CASE("steps: a quotient f/g shows the quotient rule's formula, other quotients the product rule") {
  struct Shown {
    const char* question;
    const char* first_line;  // the first step's expression
    const char* rule;
  };
  for (const Shown& row : std::vector<Shown>{
           {"d/dx (x + 1)/(x - 1)", "(-(x + 1) d/dx (x - 1) + (x - 1) d/dx (x + 1))/(x - 1)^2", "quotient rule"},
           {"d/dx sin(x)/cos(x)", "(cos(x) d/dx (sin(x)) - sin(x) d/dx (cos(x)))/cos(x)^2", "quotient rule"},
           {"d/dx e^x/x^2", "(x^2 d/dx (e^x) - 2x e^x)/x^4", "quotient rule"},
           {"d/dx 3x^2/(x + 1)^2", "(-6x^2 (x + 1) d/dx (x + 1) + 3 (x + 1)^2 d/dx (x^2))/(x + 1)^4", "quotient rule"},
           {"d/dx x sin(x)/(x + 1)", "x sin(x) d/dx (1/(x + 1)) + x cos(x)/(x + 1) + sin(x)/(x + 1)",
            "product rule; trigonometric"},
       }) {
    ddx::Session s;
    std::string shown = ddx_test::answer(s, std::string("steps ") + row.question);
    CAPTURE(shown);
    std::size_t const at = shown.find("\n  = ") + 5;
    std::size_t const rule_at = shown.find("  (", at);
    std::string line = shown.substr(at, rule_at - at);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    CHECK(line == row.first_line);
    CHECK(shown.substr(shown.find('(', rule_at), std::string(row.rule).size() + 2) == "(" + std::string(row.rule) + ")");
    if (std::string(row.rule) == "quotient rule") CHECK(shown.find("product rule") == std::string::npos);
    else CHECK(shown.find("quotient rule") == std::string::npos);
  }
}
