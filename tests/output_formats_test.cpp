// SPDX-License-Identifier: GPL-3.0-or-later
// Output formats end to end (docs/language.md §9): the `:export` document compiles with pdflatex, and every
// JSON line parses (node's JSON.parse), errors are objects with line and column, and each
// answer's "text" typed back into ddx gives the same answer.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "eval/procedures.hpp"
#include "repl/commands.hpp"
#include "repl/question_tex.hpp"
#include "core/errors.hpp"
#include "print/print.hpp"
#include "support/export_session.hpp"
#include "support/random_expr.hpp"
#include "support/run_ddx.hpp"
#include "support/temp_dir.hpp"
#include "support/tmux.hpp"
#include "support/tools.hpp"

namespace fs = std::filesystem;
using ddx_test::sh_quote;

namespace {



std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

const char* k_session =
    "d/dx (3x+4)^2\n"
    "∂/∂x (2x^3 + 4xy + 5y^2)\n"
    "d/dx x^x\n"
    "d/dx sin(x)^2 / x\n"
    "d/dx f(2x + 1)\n"
    "d/dx (a x^(3/2) + b x^(1/2) + c)\n"
    "y = u^3\n"
    "u = 2x^3 + 3x^2\n"
    "dy/dx\n"
    "d^2/dx^2 sin(x) cos(x)\n"
    "expand((x+1)^3)\n"
    "grad(x^2 w + w^3)\n"
    "d/dx {100% & $5 ~ #x_1\n"
    "d/dx (x\n";

// Answers with shapes of their own, which must still sit inside an align* row.
const char* k_shaped =
    "steps d/dx sin(x^2)\n"
    "steps diff(x^2 w^3, x, w)\n"
    "table(x^2, x = 0 .. 1 step 0.5)\n"
    "total(x^2 w)\n"
    "jacobian([x w, x], [x, w])\n"
    "x == x\n"
    "critical(x^3 - 3x)\n"
    "critical(x^2 + sin(x))\n"
    "L = sum((t_n - (a x_n + b))^2, n = 1 .. N)\n"
    "∂L/∂x_k\n"
    "∂L/∂a\n"
    "backprop p q at p = 1, q = 2\n"
    "series(sin(x), x = 0, 4)\n";

std::string plots_in(const std::string& session, const fs::path& dir) {
  std::string s = session;
  s.replace(s.find("PLOTS"), 5, dir.string());
  return s;
}

}  // namespace

TEST_CASE("export: every command and procedure, compiled with pdflatex: no overfull line, no question as typed input") {
  std::string session = std::string(k_session) + k_shaped + ddx_test::k_export_everything;
  const std::string everything = ddx_test::k_export_everything;
  for (const ddx::eval::Procedure& p : ddx::eval::procedures()) {
    CAPTURE(p.name);
    CHECK(everything.find(std::string(p.name) + "(") != std::string::npos);
  }
  for (const ddx::Command& c : ddx::commands()) {
    CAPTURE(c.name);
    CHECK((c.name == "export" || c.name == "quit" || everything.find(":" + std::string(c.name)) != std::string::npos));
  }
  if (!ddx_test::require_tool("pdflatex", "texlive-latex-base")) return;
  ddx_test::TempDir t("ddx_fmt");
  fs::path tex = t.dir / "session.tex";
  auto r = ddx_test::run_ddx("", plots_in(session, t.dir) + ":export " + tex.string() + "\n:quit\n");
  REQUIRE(fs::exists(tex));
  std::string doc = ddx_test::read_file(tex);
  std::size_t wrote = r.out.find("wrote " + tex.string() + " (");
  REQUIRE(wrote != std::string::npos);
  int statements = std::atoi(r.out.c_str() + wrote + 8 + tex.string().size());
  MESSAGE("statements in the exported session: " << statements);
  CHECK(statements >= 50);
  CHECK(ddx_test::TmuxSession::occurrences(doc, "\\begin{align*}") == statements);
  CHECK(doc.rfind("\\documentclass{article}\n\\usepackage{amsmath}\n", 0) == 0);
  // Questions as mathematics: none as typed input, in typewriter type or in words, and every
  // procedure with a heading of its own (not read as a function, \operatorname{grad}(…)).
  CHECK(doc.find("texttt") == std::string::npos);
  for (const ddx::eval::Procedure& p : ddx::eval::procedures()) {
    CAPTURE(p.name);
    CHECK(doc.find("\\operatorname{" + std::string(p.name) + "}") == std::string::npos);
  }
  for (const std::string& line : lines_of(session)) {
    CAPTURE(line);
    if (!line.starts_with(":")) CHECK(doc.find(ddx::tex_words(line)) == std::string::npos);
  }
  for (const char* expected : {
           "\\frac{d}{dx} \\left(3 x + 4\\right)^{2} &= 18 x + 24",
           "\\left.\\frac{\\partial x_{5}}{\\partial x_{2}}\\right|_{x_{1} = 3,\\, x_{2} = 4} &= 72 e^{4}",
           "\\text{tangent to }x^{2}\\text{ at }x = 1:\\; Y &= 2 x - 1",  // (Y: y is defined in the session)
           "\\mathrm{d}z &= \\left(3 v^{2} + x^{2}\\right) \\, \\mathrm{d}v + 2 v x \\, \\mathrm{d}x",
           "J^{\\top} &= \\begin{pmatrix}",
           "\\text{Hessian of }v x^{3} + v^{2}:\\; H &= \\begin{pmatrix}",
           "\\sqrt{2} &\\approx 1.4142135623731",
           "\\sum_{k = 1}^{10} k^{2} &= 385",
           "\\text{Taylor polynomial of }\\sin{\\left(x \\right)}\\text{ at }x = 0\\text{, degree } < 6:",
           "\\left.H\\right|_{x = 1,\\, v = 2} &= \\begin{pmatrix}",  // a procedure inside a question: its name
           "\\left(x + 1\\right)^{2} \\overset{?}{=} x^{2} + 2 x + 1 &\\quad \\text{true}",
           "f'\\left(2\\right) &= 10",
           "900 + 1 &= 901",  // ans: the answer it stood for
           "&\\qquad {} + ",            // a long answer goes on under itself
       }) {
    CAPTURE(std::string(expected));
    CHECK(doc.find(expected) != std::string::npos);
  }
  std::string cmd = "cd " + sh_quote(t.dir.string()) +
                    " && pdflatex -halt-on-error -interaction=nonstopmode session.tex > pdflatex.log 2>&1";
  int status = std::system(cmd.c_str());
  std::string log = ddx_test::read_file(t.dir / "session.log");
  INFO(ddx_test::read_file(t.dir / "pdflatex.log"));
  CHECK(status == 0);
  CHECK(fs::exists(t.dir / "session.pdf"));
  // An overfull box: the log names the document's line (`detected at line 67`, `in alignment at
  // lines 60--63`); show it.
  for (std::size_t at = log.find("Overfull"); at != std::string::npos; at = log.find("Overfull", at + 1)) {
    std::string report = log.substr(at, log.find('\n', at) - at);
    std::size_t number = report.find_last_of("0123456789");
    std::size_t start = report.find_last_not_of("0123456789", number) + 1;
    std::size_t line = std::stoul(report.substr(start, number - start + 1));
    std::vector<std::string> doc_lines = lines_of(doc);
    std::string equation;  // from the \begin{align*} before that line to it
    for (std::size_t l = std::min(line, doc_lines.size()); l > 0; --l) {
      equation = doc_lines[l - 1] + "\n" + equation;
      if (doc_lines[l - 1].starts_with("\\begin")) break;
    }
    CAPTURE(report);
    CAPTURE(equation);
    FAIL_CHECK("an overfull line in the exported document");
  }
  CHECK(log.find("LaTeX Warning") == std::string::npos);
}

TEST_CASE("export: derivatives of random expressions, compiled with pdflatex: no overfull line") {
  if (!ddx_test::require_tool("pdflatex", "texlive-latex-base")) return;
  const std::uint64_t seed = 20261203;
  CAPTURE(seed);
  ddx::test::RandomExpr gen(seed);
  std::string session;
  for (int made = 0; made < 150;) {
    try {
      session += "d/dx " + ddx::print::to_string(gen(6), ddx::print::Format::Text) + "\n";
      ++made;
    } catch (const ddx::MathError&) {  // a random 1/0: another
    }
  }
  ddx_test::TempDir t("ddx_fmt");
  auto r = ddx_test::run_ddx("", session + ":export " + (t.dir / "random.tex").string() + "\n");
  CHECK(r.out.find("(150 statements)") != std::string::npos);
  std::string cmd = "cd " + sh_quote(t.dir.string()) +
                    " && pdflatex -halt-on-error -interaction=nonstopmode random.tex > pdflatex.log 2>&1";
  CHECK(std::system(cmd.c_str()) == 0);
  std::string log = ddx_test::read_file(t.dir / "random.log");
  CHECK(log.find("Overfull") == std::string::npos);
}

TEST_CASE("export: usage and unwritable files are errors") {
  auto r = ddx_test::run_ddx("", ":export\n:export /nonexistent/dir/x.tex\n");
  CHECK(r.status == 1);
  CHECK(r.err.find("usage: :export FILE.tex") != std::string::npos);
  CHECK(r.err.find("cannot write") != std::string::npos);
}

TEST_CASE("json: every line parses, then errors carry line and column, then text round-trips") {
  if (!ddx_test::require_tool("node", "nodejs")) return;
  ddx_test::TempDir t("ddx_fmt");
  auto r = ddx_test::run_ddx("--format json", k_session);
  CHECK(r.err.empty());
  CHECK(r.status == 1);
  {
    std::ofstream(t.dir / "out.jsonl") << r.out;
  }
  // node prints, per line, `ok TEXT` for answers worth re-typing, `error LINE COLUMN`, or `other`.
  const char* script =
      "const ls = require('fs').readFileSync(process.argv[1], 'utf8').split('\\n').filter(Boolean);"
      "for (const l of ls) { const o = JSON.parse(l);"
      "  if (typeof o.input !== 'string') throw new Error('no input: ' + l);"
      "  if (o.error) { if (typeof o.error.message !== 'string') throw new Error(l);"
      "    console.log('error ' + o.error.line + ' ' + o.error.column); }"
      "  else if (o.text !== undefined) { if (typeof o.latex !== 'string' || typeof o.code !== 'string') throw new Error(l);"
      "    console.log(o.text.includes('\\n') || o.text.includes(' = ') ? 'other' : 'ok ' + o.text); }"
      "  else console.log('other'); }";
  std::string parsed = ddx_test::capture("node -e " + sh_quote(script) + " " + sh_quote((t.dir / "out.jsonl").string()) + " 2>&1");
  std::vector<std::string> rows = lines_of(parsed);
  REQUIRE(rows.size() == lines_of(r.out).size());
  CHECK(rows.back() == "error 14 8");
  std::string retype, expected;
  for (const std::string& row : rows) {
    if (!row.starts_with("ok ")) continue;
    retype += row.substr(3) + "\n";
    expected += row.substr(3) + "\n";
  }
  CHECK(lines_of(expected).size() >= 9);
  auto again = ddx_test::run_ddx("", retype);
  CHECK(again.err.empty());
  CHECK(again.out == expected);
}
