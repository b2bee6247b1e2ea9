// SPDX-License-Identifier: GPL-3.0-or-later
// The grammar reads a plain leaf (`3`, `x`, `x^2`, `2.5e-3`), a product of them and a run of
// terms with character scans instead of its rules (shortcut.hpp). Both ways must give the same trees, field by field
// and span by span, and the same errors at the same places: checked on every line of every
// transcript and on thousands of random lines built from the tokens where the shortcut must stop
// (calls, primes, words starting with `d`, numbers that end early, power chains, signs, blanks).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/parse.hpp"

namespace {

using ddx::grammar::Node;
using ddx::grammar::ParseOutcome;
using ddx::grammar::Statement;

// The first field where two trees part, as "path: what", or "" when they are the same.
std::string difference(const Node& a, const Node& b, const std::string& path) {
  auto span = [](ddx::grammar::SourceSpan s) { return std::to_string(s.begin) + ".." + std::to_string(s.end); };
  if (a.kind != b.kind) return path + ": kind";
  if (a.is_float != b.is_float || a.is_partial != b.is_partial || a.op != b.op || a.order() != b.order())
    return path + ": flags, operator or order";
  if (span(a.span) != span(b.span)) return path + ": span " + span(a.span) + " vs " + span(b.span);
  if (span(a.name_span) != span(b.name_span)) return path + ": name span";
  if (a.text.view() != b.text.view()) return path + ": text '" + std::string(a.text.view()) + "' vs '" +
                                             std::string(b.text.view()) + "'";
  if (a.vars.size() != b.vars.size()) return path + ": variables";
  for (std::size_t i = 0; i < a.vars.size(); ++i)
    if (a.vars[i].name != b.vars[i].name || a.vars[i].count != b.vars[i].count) return path + ": variable";
  if (a.children.size() != b.children.size()) return path + ": number of children";
  for (std::size_t i = 0; i < a.children.size(); ++i)
    if (auto d = difference(a.children[i], b.children[i], path + "/" + std::to_string(i)); !d.empty()) return d;
  return "";
}

std::string difference(const Statement& a, const Statement& b) {
  if (a.kind != b.kind || a.steps != b.steps || a.backprop != b.backprop || a.is_function != b.is_function ||
      a.colon_equals != b.colon_equals || a.name != b.name || a.args != b.args)
    return "statement fields";
  if (a.span.begin != b.span.begin || a.span.end != b.span.end || a.name_span.begin != b.name_span.begin ||
      a.name_span.end != b.name_span.end || a.args_span.begin != b.args_span.begin || a.args_span.end != b.args_span.end)
    return "statement spans";
  if (a.params.size() != b.params.size()) return "parameters";
  for (std::size_t i = 0; i < a.params.size(); ++i)
    if (auto d = difference(a.params[i], b.params[i], "param " + std::to_string(i)); !d.empty()) return d;
  return difference(a.body, b.body, "body");
}

std::string difference(const ParseOutcome& a, const ParseOutcome& b) {
  if (a.ok() != b.ok()) return "one parses, the other does not";
  if (!a.ok()) {
    const auto &x = a.diagnostics.front(), &y = b.diagnostics.front();
    if (x.message != y.message) return "errors '" + x.message + "' vs '" + y.message + "'";
    if (x.column != y.column || x.span.begin != y.span.begin || x.span.end != y.span.end) return "error positions";
    return "";
  }
  if (a.statements.size() != b.statements.size()) return "number of statements";
  for (std::size_t i = 0; i < a.statements.size(); ++i)
    if (auto d = difference(a.statements[i], b.statements[i]); !d.empty()) return d;
  return "";
}

// Parses `line` through the rules alone and with the shortcut; "" when both agree.
std::string shortcut_difference(const std::string& line) {
  struct Restore {
    ~Restore() { ddx::grammar::set_leaf_shortcut(true); }
  } restore;
  ddx::grammar::set_leaf_shortcut(false);
  ParseOutcome rules = ddx::grammar::parse_line(line);
  ddx::grammar::set_leaf_shortcut(true);
  ParseOutcome shortcut = ddx::grammar::parse_line(line);
  return difference(rules, shortcut);
}

// Random lines from the tokens around the shortcut's edges, most of them formulas, some not.
std::string random_line(std::mt19937_64& rng) {
  static const std::vector<std::string> leaves = {
      "x", "y", "xy", "x_1", "a2", "at", "step", "e", "pi", "d", "dx", "dy", "diff", "sin", "f", "g", "D", "t",
      "2", "10", "2.5", ".5", "2.", "3e2", "3e", "1E+5", "2e-3", "7e+", "0"};
  static const std::vector<std::string> joins = {
      "+", "-", "*", "/", " ", "", "^", "**", " ^ ", "^-", "'", "''", "(", ")", " (", "[", "]", ",", "=", "==",
      " at x = 1", "..", ";", "d/dx ", "∂/∂x ", "²", ".*", " - ", "*-", "/d", "(x)", "'(x)", ")^"};
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  std::string line;
  for (std::size_t n = 1 + pick(10); n > 0; --n) {
    line += leaves[pick(leaves.size())];
    if (pick(6) == 0) line += joins[pick(joins.size())] + leaves[pick(leaves.size())];
    if (n > 1) line += pick(5) ? std::vector<std::string>{"+", "*", " ", "^", "/", "-"}[pick(6)] : joins[pick(joins.size())];
  }
  if (pick(3) == 0) line = "diff(" + line + ", x)";
  else if (pick(4) == 0) line = "(" + line;
  return line;
}

}  // namespace

TEST_CASE("the leaf shortcut builds the trees the rules build: every transcript line") {
  std::size_t lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(DDX_TRANSCRIPTS)) {
    if (entry.path().extension() != ".in") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line); ++lines) {
      INFO(entry.path().filename().string() << ": " << line);
      CHECK(shortcut_difference(line) == "");
    }
  }
  CHECK(lines > 500);
}

TEST_CASE("the leaf shortcut builds the trees the rules build: random lines") {
  std::mt19937_64 rng(20261203);
  std::size_t parsed = 0, refused = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string line = random_line(rng);
    INFO(line);
    std::string d = shortcut_difference(line);
    CHECK(d == "");
    (ddx::grammar::parse_line(line).ok() ? parsed : refused) += 1;
  }
  // Both kinds occur in numbers: the comparison covers trees and errors alike.
  CHECK(parsed > 3000);
  CHECK(refused > 3000);
}

TEST_CASE("the leaf shortcut: shapes at its edges") {
  for (const char* line : {"x^2", "x ^ 2", "x**2", "2^x", "x^y^z", "x^-2", "x^2(x+1)", "x^x (log(x) + 1)", "x^f(x)",
                           "x^dx", "f'(x)", "f '(x)", "sin (x)", "2.5e-3x", "2e", "2.x", ".5", "1e+5^2", "x_1^10 y",
                           "d/dx x^2", "dy/dx", "x at x = 1", "2 at", "x^2 at x = 3", "[x^2, y]", "a^2 b^3", "x^",
                           // products and runs of terms (simple_product, simple_terms)
                           "2*x*y/z", "2x y^2 z", "a*b + c d - e/f", "x + y.*z", "x + y ⊙ z", "x + 2 .5", "1 + x'",
                           "a + b(c)", "2x + 3 step 1", "x + 2 at x = 1", "x + atx", "x + stepx y", "x - -y", "x + y == 2",
                           "f(x + 2*y, z - 3)", "x +", "x * *y", "x*", "x/", "x + y^2^3", "x / d", "x + sin x", "a+b;c+d",
                           "[1 + x, 2 - y]", "x + ∂/∂x y", "d/dx x + 2*x", "2*x*sin(x) + 3", "x + 2*x*sin(x)", "x + y (z)",
                           "x^2 + y^2 = 1", "x = 1 .. 2", "3*x^2 + 2*x - 1 at x = 2", "x + y + z + w + v", "x ** 2 * y",
                           "x + 2e", "x + 2e3y", "x+ +y", "x + y z ^ 2", "2 * 3 / 4 * 5 6",
                           // a derivative operator with a product for its operand (simple_derivative)
                           "d/dx x^2", "∂/∂x1 F1", "d/dx x", "d/dx 2x y", "d/dt x at x = 1", "(d/dx x^2)",
                           "[d/dx x, d/dy y]", "d/dx x == 1", "d/dx x; d/dy y", "d/dx x .. 2", "d/dx x + 1",
                           "d/dx x(x)", "d/dx sin(x)", "d/dx at", "d/dxy z", "d/dx_1 z", "∂/∂x∂y f", "d^2/dx^2 x^3",
                           "d/dx  x^2  ", "d/dx x step 1", "-d/dx x^2", "2 d/dx x^2", "f(d/dx x, 2)", "d/dx d/dy x y",
                           "d/dx x ^ 2", "d/dx x^y^z", "d/dx x'", "d/dx 2.5e-3x", "d/dx x at", "d/dx x atx", "d/dx e^x",
                           "d/dx x/y", "d/dx x.*y", "d/dx x ⊙ y", "d/dx x*", "d/dx ", "d/dx", "d/dx\tx", "∂/∂x x*y*z = 1",
                           "y = d/dx x^2", "d/dx x^2 at x = 1, y = 2", "d/dx x,", "d/dx x )", "∂/∂x ∂/∂y x y"})
    CHECK_MESSAGE(shortcut_difference(line) == "", line);
}
