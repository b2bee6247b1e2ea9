// SPDX-License-Identifier: GPL-3.0-or-later
// How :export measures and breaks LaTeX (src/repl/tex_measure.hpp): where terms split, that
// widths grow with what is set, and that broken lines fit and stay well formed, on examples and
// on the derivatives of random expressions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "core/errors.hpp"
#include "print/print.hpp"
#include "repl/tex_measure.hpp"
#include "support/braces.hpp"
#include "support/random_expr.hpp"

namespace {

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// Each line is math on its own: braces and \left…\right pairs balance.
void check_well_formed(const std::string& line) {
  CAPTURE(line);
  CHECK(ddx_test::braces_balance(line));
  CHECK(count(line, "\\left") == count(line, "\\right"));
}

}  // namespace

TEST_CASE("tex_terms: splits before binary + and - at the top level only") {
  using V = std::vector<std::string>;
  CHECK(ddx::tex_terms("a + b \\left(c - d\\right) - e") == V{"a", "+ b \\left(c - d\\right)", "- e"});
  CHECK(ddx::tex_terms("-x^{-1} + \\frac{a - b}{2}") == V{"-x^{-1}", "+ \\frac{a - b}{2}"});
  CHECK(ddx::tex_terms("x \\le -1").size() == 1);                       // a sign after a relation
  CHECK(ddx::tex_terms("\\text{with } -10 \\le x").size() == 1);        // ... after words
  CHECK(ddx::tex_terms("x = -1,\\; y = -2").size() == 1);              // ... after a space
  CHECK(ddx::tex_terms("\\pi - 1") == V{"\\pi", "- 1"});               // a constant is an operand
  CHECK(ddx::tex_terms("\\begin{pmatrix} a + b & c \\end{pmatrix}").size() == 1);
}

TEST_CASE("tex_split_equation and tex_split: at the top level only") {
  using V = std::vector<std::string>;
  CHECK(ddx::tex_split_equation("y = 2 x - 1") == V{"y", "2 x - 1"});
  CHECK(ddx::tex_split_equation("\\left.f\\right|_{x = 1} = 3") == V{"\\left.f\\right|_{x = 1}", "3"});
  CHECK(ddx::tex_split_equation("x + 1").empty());
  CHECK(ddx::tex_split("a &= b \\\\ &= \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "\\\\").size() == 2);
}

TEST_CASE("tex_width: grows with what is set, a fraction as wide as its wider part") {
  CHECK(ddx::tex_width("x + y") < ddx::tex_width("x + y + z"));
  CHECK(ddx::tex_width("\\frac{a + b + c}{2}") < ddx::tex_width("a + b + c + 2"));
  CHECK(ddx::tex_width("\\frac{a + b + c}{2}") >= ddx::tex_width("a + b + c"));
  CHECK(ddx::tex_width("x^{2}") < ddx::tex_width("x 2"));
  CHECK(ddx::tex_width("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}") <
        ddx::tex_width("\\begin{pmatrix} a & b & c & d \\end{pmatrix}"));
  CHECK(ddx::tex_width("\\text{critical points of }") > 8);
  CHECK(ddx::tex_width("\\alpha") < ddx::tex_width("\\arctan"));
}

TEST_CASE("tex_break: lines fit, inside brackets and fractions too") {
  std::string sum;
  for (int k = 1; k <= 30; ++k) sum += (k > 1 ? " + " : "") + std::to_string(k) + " x^{" + std::to_string(k) + "}";
  std::vector<std::string> lines = ddx::tex_break(sum, 20, 18);
  CHECK(lines.size() > 3);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(ddx::tex_width(lines[i]) <= (i == 0 ? 20 : 18));
    if (i > 0) CHECK(lines[i].starts_with("+ "));
  }
  // One term, a bracket too wide: closed with \right. and reopened with \left.
  std::vector<std::string> bracket = ddx::tex_break("3 \\left(" + sum + "\\right)^{2}", 20, 18);
  CHECK(bracket.size() > 3);
  CHECK(bracket.front().starts_with("3 \\left("));
  CHECK(bracket.front().ends_with("\\right."));
  CHECK(bracket.back().ends_with("\\right)^{2}"));
  for (const std::string& line : bracket) check_well_formed(line);
  // A fraction with a wide numerator: 1/B times the numerator, which breaks.
  std::vector<std::string> fraction = ddx::tex_break("\\frac{" + sum + "}{x - 1}", 20, 18);
  CHECK(fraction.size() > 3);
  CHECK(fraction.front().starts_with("\\frac{1}{x - 1} \\left("));
  // A wide denominator is stacked in its fraction.
  std::vector<std::string> stacked = ddx::tex_break("\\frac{2 x}{" + sum + "}", 20, 18);
  REQUIRE(stacked.size() == 1);
  CHECK(stacked[0].starts_with("\\frac{2 x}{\\begin{aligned} &1 x^{1} + "));
  CHECK(ddx::tex_width(stacked[0]) <= 20);
  check_well_formed(stacked[0]);
  // So is one inside a bracket (d/dx of a quotient, as :export writes the question): it ran
  // past the margin, the bracket holding nothing else to break.
  std::vector<std::string> question = ddx::tex_break("\\frac{d}{dx} \\left(\\frac{2 x}{" + sum + "}\\right)", 20, 18);
  REQUIRE(question.size() == 1);
  CHECK(question[0].starts_with("\\frac{d}{dx} \\left(\\frac{2 x}{\\begin{aligned} &1 x^{1} + "));
  CHECK(question[0].ends_with("\\end{aligned}} \\right)"));
  CHECK(ddx::tex_width(question[0]) <= 20);
  check_well_formed(question[0]);
  // A function's bracketed argument opens too (its braces dropped), a fraction's or a power's not.
  std::vector<std::string> argument = ddx::tex_break("2 \\tan^{2}{\\left(" + sum + " \\right)}", 20, 18);
  CHECK(argument.size() > 3);
  CHECK(argument.front().starts_with("2 \\tan^{2}\\left("));
  for (const std::string& line : argument) check_well_formed(line);
  std::string power = "x^{\\left(" + sum + "\\right)}";
  CHECK(ddx::tex_break(power, 20, 18) == std::vector<std::string>{power});
  // Nothing to break at: one line, as it was.
  CHECK(ddx::tex_break("\\begin{pmatrix} " + sum + " \\end{pmatrix}", 20, 18).size() == 1);
}

TEST_CASE("tex_break: derivatives of random expressions break into well-formed lines") {
  const std::uint64_t seed = 20261203;
  CAPTURE(seed);
  ddx::test::RandomExpr gen(seed);
  int broken = 0;
  for (int i = 0; i < 300; ++i) {
    try {
      ddx::Expr e = ddx::calc::diff(gen(5), ddx::sym("x"));
      std::string tex = ddx::print::to_string(e, ddx::print::Format::Latex);
      std::vector<std::string> lines = ddx::tex_break(tex, 25, 23);
      broken += lines.size() > 1;
      for (const std::string& line : lines) check_well_formed(line);
    } catch (const ddx::MathError&) {  // a random 1/0: try another
    }
  }
  CHECK(broken >= 20);
}
