// SPDX-License-Identifier: GPL-3.0-or-later
// backprop (docs/language.md §12): the trace of a computational graph in reverse mode, exactly as
// a textbook tabulates it, and its adjoints equal to the gradient for random graphs of definitions
// and random expressions.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <set>
#include <string>
#include <unordered_map>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "core/substitute.hpp"
#include "eval/evaluator.hpp"
#include "support/random_expr.hpp"
#include "support/session_helpers.hpp"

using ddx_test::answer;

TEST_CASE("backprop: a graph of definitions, as the textbook tabulates it") {
  ddx::Session s;
  for (const char* d : {"x3 = x1 + x2", "x4 = x2^2 e^4", "x5 = x3 x4 + e"}) REQUIRE(answer(s, d).empty());
  std::string trace = answer(s, "backprop x5 at x1 = 3, x2 = 4");
  CHECK(trace ==
        "forward\n"
        "  x1 = 3\n"
        "  x2 = 4\n"
        "  x3 = x1 + x2 = 7\n"
        "  x4 = e^4 x2^2 = 16e^4\n"
        "  x5 = x3 x4 + e = e + 112e^4\n"
        "backward\n"
        "  ∂x5/∂x5 = 1\n"
        "  ∂x5/∂x4 = ∂x5/∂x5 * x3 = 7\n"
        "  ∂x5/∂x3 = ∂x5/∂x5 * x4 = 16e^4\n"
        "  ∂x5/∂x2 = ∂x5/∂x3 * 1 + ∂x5/∂x4 * 2e^4 x2 = 16e^4 + 7 * 8e^4 = 72e^4\n"
        "  ∂x5/∂x1 = ∂x5/∂x3 * 1 = 16e^4");
  CHECK(answer(s, "ans") == "[16e^4, 72e^4]");  // the gradient, by input
}

TEST_CASE("backprop: the operations of an expression, named v1, v2, ...") {
  ddx::Session s;
  s.set_format(ddx::print::Format::Code);
  CHECK(answer(s, "backprop log(x1) + x1 x2 - sin(x2) at x1 = 2, x2 = 5") == "[11/2, 2 - cos(5)]");
  s.set_format(ddx::print::Format::Text);
  std::string trace = answer(s, "backprop log(x1) + x1 x2 - sin(x2) at x1 = 2, x2 = 5");
  CHECK(trace.find("  v1 = log(x1) = log(2)\n") != std::string::npos);
  CHECK(trace.find("∂v4/∂x1 = ∂v4/∂v1 * 1/x1 + ∂v4/∂v3 * x2 = 1/2 + 5 = 11/2") != std::string::npos);
  // A symbol named like the operations moves them to another letter.
  CHECK(answer(s, "backprop v1 v2 at v1 = 1, v2 = 2").find("w1 = v1 v2 = 2") != std::string::npos);
}

TEST_CASE("backprop: bad input is a clear error") {
  struct Row {
    const char* input;
    const char* error;
  };
  for (const Row& row : std::vector<Row>{
           {"backprop x^2", "backprop needs a point"},
           {"backprop x^2 at y = 1", "'y' is not an input of the graph (the expression is x^2, without it)"},
           {"backprop log(x) - log(x) + y at x = 2, y = 1", "'x' is not an input of the graph (the expression is y, without it)"},
           {"backprop x y at x = 1", "backprop needs a value for y"},
           {"backprop 3 at x = 1", "a constant has no graph"},
           {"backprop log(x) at x = 0", "log(0) is undefined"},
       }) {
    std::string input = row.input;
    CAPTURE(input);
    std::string got = answer(input);
    CHECK(got.rfind("error@", 0) == 0);
    CHECK_MESSAGE(got.find(row.error) != std::string::npos, got);
  }
}

// Each local derivative's formula has a value at a kink (sign(0) is 0, relu's is 1/2), so the
// trace gave a gradient where there is none (abs(x) at 0: 0; max(x, y) at x = y: [1/2, 1/2]).
// Refused there as grad refuses; a function differentiable at the kink keeps its trace.
TEST_CASE("backprop: no gradient at a corner or a jump, as grad gives none") {
  struct Row {
    const char* backprop;
    const char* grad;  // the same gradient asked of grad ("": a defined name's, not asked)
  };
  ddx::Session s;
  REQUIRE(answer(s, "z = max(x, y)").empty());
  for (const Row& row : std::vector<Row>{
           {"backprop abs(x) at x = 0", "grad(abs(x), [x]) at x = 0"},
           {"backprop relu(x) at x = 0", "grad(relu(x), [x]) at x = 0"},
           {"backprop abs(x) + y at x = 0, y = 1", "grad(abs(x) + y, [x, y]) at x = 0, y = 1"},
           {"backprop abs(x) at x = 0.0", "grad(abs(x), [x]) at x = 0.0"},
           {"backprop sign(x) at x = 0", "grad(sign(x), [x]) at x = 0"},
           {"backprop z at x = 1, y = 1", ""},
       }) {
    std::string input = row.backprop;
    CAPTURE(input);
    CHECK(answer(s, input).rfind("error@10: the derivative does not exist at x = ", 0) == 0);
    if (*row.grad) CHECK(answer(s, row.grad).rfind("error@", 0) == 0);
  }
  CHECK(answer(s, "backprop z at x = 2, y = 1") != "");
  CHECK(answer(s, "ans") == "[1, 0]");
  CHECK(answer(s, "backprop relu(x)^2 at x = 0").rfind("forward", 0) == 0);  // differentiable there
  CHECK(answer(s, "ans") == "[0]");
  CHECK(answer(s, "backprop relu(x y)^2 at x = 0, y = 1").rfind("forward", 0) == 0);  // (x y is 0 along y)
  CHECK(answer(s, "ans") == "[0, 0]");
  // sign(x) abs(x) is x: differentiable at 0 with slope 1, where the trace's chain rule gives 0·0.
  CHECK(answer(s, "backprop sign(x) abs(x) at x = 0").find("the chain rule through it gives 0 for ∂/∂x, which is 1") !=
        std::string::npos);
  // What simplification took out must have a value at the point, as for grad.
  CHECK(answer(s, "backprop exp(log(y)) at y = -3").find("log of a negative number is not real in the expression as written") !=
        std::string::npos);
  CHECK(answer(s, "backprop y/x^-1 at x = 0, y = 1").find("division by zero in the expression as written") != std::string::npos);
}

namespace {

double value_at(ddx::Expr e, const std::unordered_map<std::string, double>& at) { return ddx::calc::evaluate(e, at); }

}  // namespace

// The adjoints of the inputs are the gradient, for random graphs of definitions at random points.
TEST_CASE("property: backprop adjoints equal the gradient of random definition graphs") {
  using namespace ddx;
  const std::uint64_t seed = 20261202;
  CAPTURE(seed);
  std::mt19937_64 rng(seed);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  int compared = 0;
  for (int trial = 0; trial < 400; ++trial) {
    Session s;
    std::vector<std::string> names = {"x1", "x2", "x3"};
    std::set<std::string> used;  // the inputs the definitions mention (the point gives only those)
    int defs = 2 + pick(4);
    std::string script;
    for (int k = 0; k < defs; ++k) {
      std::string a = names[pick(static_cast<int>(names.size()))], b = names[pick(static_cast<int>(names.size()))];
      used.insert(a);
      used.insert(b);
      const char* shapes[] = {"{a} + {b}", "{a} {b}", "{a}^2 - {b}", "sin({a}) + {b}", "exp({a}/3) {b}", "{a}/(1 + {b}^2)"};
      std::string body = shapes[pick(6)];
      for (std::string::size_type p; (p = body.find("{a}")) != std::string::npos;) body.replace(p, 3, a);
      for (std::string::size_type p; (p = body.find("{b}")) != std::string::npos;) body.replace(p, 3, b);
      std::string name = "d" + std::to_string(k + 1);
      REQUIRE(answer(s, name + " = " + body).empty());
      script += name + " = " + body + "; ";
      names.push_back(name);
    }
    std::string target = names.back();
    std::unordered_map<std::string, double> point;
    std::string at;
    for (const char* x : {"x1", "x2", "x3"}) {
      int num = pick(9) - 4, den = 1 + pick(3);
      if (!used.count(x)) continue;
      point[x] = static_cast<double>(num) / den;
      at += std::string(at.empty() ? "" : ", ") + x + " = " + std::to_string(num) + "/" + std::to_string(den);
    }
    CAPTURE(script);
    CAPTURE(at);
    std::vector<Outcome> out = s.eval_line("backprop " + target + " at " + at);
    REQUIRE(out.size() == 1);
    if (out[0].kind == Outcome::Kind::Error) continue;  // a definition the target never reaches uses an input
    const eval::Value& gradient = out[0].result.value;
    // The graph's inputs (every name its definitions use; one may cancel out of the substituted
    // target, then its adjoint is 0), against differentiating the substituted target.
    Expr f = eval::Evaluator(s).definition_value(target);
    std::vector<Expr> inputs;
    for (const calc::GraphNode& n : std::get<eval::BackpropTrace>(out[0].result.shape).trace.nodes)
      if (!n.definition) inputs.push_back(sym(n.name));
    REQUIRE(gradient.items.size() == inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      double expected = value_at(calc::diff(f, inputs[i]), point);
      double got = value_at(gradient.items[i].scalar, {});
      if (!std::isfinite(expected) || std::abs(expected) > 1e8) continue;
      CHECK(std::abs(got - expected) <= 1e-9 * (1 + std::abs(expected)));
      ++compared;
    }
  }
  MESSAGE("compared " << compared << " adjoints");
  CHECK(compared >= 300);
}

TEST_CASE("property: backprop of random expressions equals their gradient") {
  using namespace ddx;
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    test::RandomExpr gen(seed);
    Expr e;
    try {
      e = gen(4);
    } catch (const std::exception&) {
      continue;
    }
    std::vector<Expr> vars = free_symbols(e);
    if (vars.empty()) continue;
    CAPTURE(seed);
    std::unordered_map<Expr, Expr> exact{{sym("x"), rational(3, 7)}, {sym("y"), rational(-5, 4)}};
    std::unordered_map<std::string, double> point{{"x", 3.0 / 7}, {"y", -5.0 / 4}};
    Session s;
    std::string at;
    for (Expr v : vars) at += std::string(at.empty() ? "" : ", ") + v.name() + " = " + (v.name() == "x" ? "3/7" : "-5/4");
    std::vector<Outcome> out = s.eval_line("backprop " + print::to_string(e, print::Format::Text) + " at " + at);
    if (out.size() != 1 || out[0].kind == Outcome::Kind::Error) continue;  // outside the domain there
    const eval::Value& gradient = out[0].result.value;
    REQUIRE(gradient.items.size() == vars.size());
    for (std::size_t i = 0; i < vars.size(); ++i) {
      double expected = value_at(calc::diff(e, vars[i]), point);
      if (!std::isfinite(expected) || std::abs(expected) > 1e8) continue;
      CHECK(std::abs(value_at(gradient.items[i].scalar, {}) - expected) <= 1e-8 * (1 + std::abs(expected)));
      ++compared;
    }
  }
  MESSAGE("compared " << compared << " adjoints");
  CHECK(compared >= 200);
}

// A sum is traced written out, its bounds given their values at the point: over 1 .. N it asked
// for a value of its index n, over 1 .. 2 it said its entries x_1, x_2 were no inputs, and
// sum(a, n = 1 .. N) had a derivative by its bound N (a helper's check of §12).
TEST_CASE("backprop: sums are traced written out, their entries inputs and their bounds none") {
  ddx::Session s;
  CHECK(answer(s, "backprop sum(x_n^2, n = 1 .. 2) at x_1 = 1, x_2 = 2").find("∂v3/∂x_2 = ∂v3/∂v2 * 2x_2 = 4") != std::string::npos);
  CHECK(answer(s, "ans") == "[2, 4]");
  const std::string point = " at a = 1, b = 2, x_1 = 1, x_2 = 2, t_1 = 0, t_2 = 1";
  REQUIRE(answer(s, "backprop sum((t_n - (a x_n + b))^2, n = 1 .. N)" + point + ", N = 2").starts_with("forward"));
  std::string const traced = answer(s, "ans");
  CHECK(traced == answer(s, "grad((t_1 - (a x_1 + b))^2 + (t_2 - (a x_2 + b))^2, [a, b, t_1, t_2, x_1, x_2])" + point));
  CHECK(traced == "[18, 12, -6, -6, 6, 6]");
  CHECK(answer(s, "backprop sum(a, n = 1 .. N) at a = 1, N = 2").ends_with("∂v1/∂a = ∂v1/∂v1 * 2 = 2"));
  CHECK(answer(s, "backprop sum(a n, n = 1 .. N) at a = 1") ==
        "error@10: backprop traces a sum written out: give the names in its bounds values too");
}
