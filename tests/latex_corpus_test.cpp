// SPDX-License-Identifier: GPL-3.0-or-later
// LaTeX that ddx produces, gathered for KaTeX (tests/katex/run.sh renders it with
// throwOnError and strict): random expressions and their derivatives, and the rows of an exported
// `:export` document. Written to $DDX_LATEX_LOG when set, one string per line; always checked
// here for the basics (balanced braces, no raw Unicode).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "calculus/diff.hpp"
#include "core/errors.hpp"
#include "print/print.hpp"
#include "repl/export_tex.hpp"
#include "repl/session.hpp"
#include "support/braces.hpp"
#include "support/export_session.hpp"
#include "support/random_expr.hpp"
#include "support/temp_dir.hpp"

namespace {

void log_latex(const std::string& tex) {
  const char* path = std::getenv("DDX_LATEX_LOG");
  if (!path || !*path) return;
  std::string line = tex;
  for (char& c : line)
    if (c == '\n') c = ' ';
  std::ofstream(path, std::ios::app) << line << '\n';
}

void check_latex(const std::string& tex) {
  CAPTURE(tex);
  CHECK(ddx_test::braces_balance(tex));
  for (unsigned char c : tex) REQUIRE(c < 0x80);
  log_latex(tex);
}

// Every align* of an exported document, as KaTeX sees it inside an aligned environment (KaTeX
// has no align*; the rest of the document is pdflatex's business); how many there were.
std::size_t check_equations(const std::string& doc) {
  std::size_t at = 0, equations = 0;
  while ((at = doc.find("\\begin{align*}\n", at)) != std::string::npos) {
    at += 15;
    std::size_t end = doc.find("\n\\end{align*}", at);
    REQUIRE(end != std::string::npos);
    check_latex("\\begin{aligned}" + doc.substr(at, end - at) + "\\end{aligned}");
    ++equations;
  }
  return equations;
}

}  // namespace

TEST_CASE("LaTeX corpus: random expressions and their derivatives") {
  const std::uint64_t seed = 20261122;
  CAPTURE(seed);
  ddx::test::RandomExpr gen(seed);
  int made = 0;
  for (int i = 0; i < 400 && made < 150; ++i) {
    try {
      ddx::Expr e = gen(4);
      check_latex(ddx::print::to_string(e, ddx::print::Format::Latex));
      check_latex(ddx::print::to_string(ddx::calc::diff(e, ddx::sym("x")), ddx::print::Format::Latex));
      ++made;
    } catch (const ddx::MathError&) {  // e.g. a random 1/0: try another
    }
  }
  CHECK(made >= 100);
}

TEST_CASE("LaTeX corpus: :export questions and answers") {
  ddx::Session session;
  for (const char* line : {"d/dx (3x+4)^2", "∂^2/∂x∂y x^2 y^3", "y = u^3", "u = 2x^3 + 3x^2", "dy/dx", "d^2/dx^2 sin(x) cos(x)",
                           "d/dx α x^2 + π x", "expand((x+1)^3)", "d/dx x^2 at x = 3",
                           "[x, 2x]", "d/dx x_1^2 + w_11 x_1", "d/dx sigmoid(x)", "# not a statement",
                           "d/dx {odd} & $ % ~ \\"}) {
    session.eval_line(line);
  }
  std::string doc = session.tex_export().document();
  CHECK(doc.find("\\frac{d}{dx} \\left(3 x + 4\\right)^{2} &= 18 x + 24") != std::string::npos);
  CHECK(doc.find("\\frac{dy}{dx} &= \\frac{dy}{du}") != std::string::npos);
  CHECK(doc.find("\\frac{\\partial^{2}}{\\partial x \\partial y} \\left(x^{2} y^{3}\\right) &=") != std::string::npos);
  CHECK(doc.find("\\left(x + 1\\right)^{3} &= x^{3} + 3 x^{2} + 3 x + 1") != std::string::npos);
  CHECK(doc.find("\\left.\\frac{d}{dx} x^{2}\\right|_{x = 3} &= 6") != std::string::npos);
  CHECK(doc.find("texttt") == std::string::npos);
  CHECK(check_equations(doc) >= 10);
}

TEST_CASE("LaTeX corpus: :export of a session of every command and procedure") {
  ddx_test::TempDir t("ddx_corpus");
  std::string lines = ddx_test::k_export_everything;
  lines.replace(lines.find("PLOTS"), 5, t.dir.string());
  ddx::Session session;
  std::istringstream in(lines);
  for (std::string line; std::getline(in, line);) session.eval_line(line);
  std::string doc = session.tex_export().document();
  CHECK(check_equations(doc) == session.tex_export().size());
}

TEST_CASE(":export reads each question under the definitions it was answered with") {
  // Questions are rendered only when the document is written; by then `ax` and u have changed.
  ddx::Session session;
  auto run = [&](const char* line) { session.eval_line(line); };
  run("ax = 3");
  run("u = x^2");
  run("d/dx ax u");  // ax is a name here, u is kept as written
  run(":clear ax");
  run("u = x^3");
  run("d/dx ax u");  // now a times x times u
  std::string doc = session.tex_export().document();
  CHECK(doc.find("\\frac{d}{dx} \\left(\\mathrm{ax} u\\right) &= 6 x") != std::string::npos);
  CHECK(doc.find("\\frac{d}{dx} \\left(a u x\\right) &= 4 a x^{3}") != std::string::npos);
}

TEST_CASE("definitions: a snapshot keeps its version while the session goes on") {
  ddx::Definitions d;
  d.define_variable("u", ddx::sym("x"));
  ddx::Definitions::Version first = d.version();
  d.define_variable("u", ddx::sym("y"));
  d.define_function("f", ddx::resolve::FunctionDefinition{{ddx::sym("t")}, ddx::sym("t"), {}, {}});
  CHECK(d.body("u", first) == ddx::sym("x"));
  CHECK(d.body("u", d.version()) == ddx::sym("y"));
  CHECK(d.function("f", first) == nullptr);
  CHECK(d.variable("u")->order == 0);  // a redefinition keeps the :vars place
  CHECK(d.erase("u"));
  CHECK_FALSE(d.erase("u"));
  CHECK(d.variable("u") == nullptr);
  CHECK(d.body("u", first) == ddx::sym("x"));
  d.clear();
  CHECK(d.functions().empty());
  CHECK(d.function("f", d.version() - 1) != nullptr);
}
