// SPDX-License-Identifier: GPL-3.0-or-later
// Two names never share one LaTeX form within an answer or an :export document: x1 and x_1 were
// both x_{1}, so `x1 - x_1` read as 0; the built-in sigmoid and a name sigma were both \sigma.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "repl/render.hpp"
#include "repl/session.hpp"
#include "support/run_ddx.hpp"
#include "support/temp_dir.hpp"

namespace {

std::string latex_of(ddx::Session& s, const std::string& line) {
  std::vector<ddx::Outcome> out = s.eval_line(line);
  REQUIRE(out.size() == 1);
  return ddx::render_stdout(out[0], ddx::print::Format::Latex, 1);
}

}  // namespace

TEST_CASE("latex: a name whose LaTeX another name of the answer has is written whole") {
  ddx::Session s;
  CHECK(latex_of(s, "x1 - x_1") == "\\mathrm{x1} - x_{1}");
  CHECK(latex_of(s, "w11 + 3w_11") == "\\mathrm{w11} + 3 w_{11}");
  CHECK(latex_of(s, "sigmoid(x) + sigma") == "\\operatorname{sigmoid}{\\left(x \\right)} + \\sigma");
  CHECK(latex_of(s, "sigmoid(x) + sigma(x)") ==
        "\\sigma{\\left(x \\right)} + \\operatorname{sigmoid}{\\left(x \\right)}");  // sigma(x) is an abstract function
  CHECK(latex_of(s, "[x1, x_1]") == "\\begin{pmatrix} \\mathrm{x1} & x_{1} \\end{pmatrix}");
  // Alone, each keeps the form the spec gives it.
  CHECK(latex_of(s, "x1 + 1") == "x_{1} + 1");
  CHECK(latex_of(s, "x_1 + 1") == "x_{1} + 1");
  CHECK(latex_of(s, "sigmoid(x)") == "\\sigma{\\left(x \\right)}");
  // The question's names count too: x_1 was typed, though only x1 is left in the answer.
  CHECK(latex_of(s, "d/dx1 (x1^2 + x_1)") == "2 \\mathrm{x1}");
  CHECK(latex_of(s, "sigmoid(x) + sigma - sigma") == "\\operatorname{sigmoid}{\\left(x \\right)}");
}

// Every pair of names from a list of look-alikes: the LaTeX of `a - b` has two different sides.
TEST_CASE("latex property: two different names have two different LaTeX forms in one answer") {
  const std::vector<std::string> names = {"x1", "x_1", "x12", "x_12", "sigma", "w11", "w_11", "a_b", "x", "t2", "t_2"};
  int pairs = 0;
  for (const std::string& a : names)
    for (const std::string& b : names) {
      if (a == b) continue;
      ddx::Session s;
      std::string tex = latex_of(s, a + " - " + b);
      CAPTURE(tex);
      if (tex.rfind("-", 0) == 0) tex.erase(0, 1);  // -b + a
      std::size_t between = std::min(tex.find(" - "), tex.find(" + "));
      REQUIRE(between != std::string::npos);
      std::string left = tex.substr(0, between), right = tex.substr(between + 3);
      CHECK(left != right);
      ++pairs;
    }
  CHECK(pairs == 11 * 10);
}

// In an :export document the names of every statement count: x1 in one answer and x_1 in another.
TEST_CASE("latex: an exported document gives two names two forms across its statements") {
  ddx_test::TempDir tmp("ddx_latex_names");
  ddx::Session s;
  latex_of(s, "x1^2");
  latex_of(s, "d/dx_1 x_1^3");
  std::string file = (tmp.dir / "names.tex").string();
  s.eval_line(":export " + file);
  std::string doc = ddx_test::read_file(file);
  CAPTURE(doc);
  CHECK(doc.find("\\mathrm{x1}^{2}") != std::string::npos);
  CHECK(doc.find("3 x_{1}^{2}") != std::string::npos);
}

// A question's names count in a document too: d/dx1 (x1^2 + x_1) is 2 x1, written \mathrm{x1},
// and so is x1 in the question.
TEST_CASE("latex: an exported document counts the names its questions typed") {
  ddx_test::TempDir tmp("ddx_latex_question_names");
  ddx::Session s;
  latex_of(s, "d/dx1 (x1^2 + x_1)");
  std::string file = (tmp.dir / "question.tex").string();
  s.eval_line(":export " + file);
  std::string doc = ddx_test::read_file(file);
  CAPTURE(doc);
  CHECK(doc.find("2 \\mathrm{x1}") != std::string::npos);
  CHECK(doc.find("\\mathrm{x1}^{2} + x_{1}") != std::string::npos);
}
