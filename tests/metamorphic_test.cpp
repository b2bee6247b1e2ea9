// SPDX-License-Identifier: GPL-3.0-or-later
// Metamorphic test of reading (docs/language.md §2, §3): seeded random trees of what people type, each written
// in the spellings the language says are equal (support/spelled_expr.hpp); every spelling must read
// as the tree's own meaning, and give the same d/dx and ∂/∂a. Plus the classic misreadings, by hand.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <cstdlib>
#include <sstream>

#include "calculus/diff.hpp"
#include "core/errors.hpp"
#include "print/print.hpp"
#include "repl/session.hpp"
#include "support/spelled_expr.hpp"

using namespace ddx;
using FormulaTree = ddx::test::Tree;

namespace {

// DDX_SEED in the environment explores (or replays) other trees.
const std::uint64_t base_seed = std::getenv("DDX_SEED") ? std::strtoull(std::getenv("DDX_SEED"), nullptr, 10) : 20260315;
constexpr int tree_count = 3000;
// DDX_TREE_SEED=N checks only the tree of that seed (as printed with a failure).
const char* const only_tree = std::getenv("DDX_TREE_SEED");

struct Reading {
  bool ok = false;
  Expr value;
  std::string error;
};

// What ddx reads from one line: a scalar, or the error it gives.
Reading read(Session& s, const std::string& line) {
  Reading r;
  std::vector<Outcome> out = s.eval_line(line);
  if (out.size() != 1) {
    r.error = std::to_string(out.size()) + " statements";
  } else if (out[0].kind == Outcome::Kind::Error) {
    r.error = out[0].message;
  } else if (out[0].kind != Outcome::Kind::Answer || !out[0].result.value.is_scalar()) {
    r.error = "not a scalar answer";
  } else {
    r.ok = true;
    r.value = out[0].result.value.scalar;
  }
  return r;
}

std::string shown(const Reading& r) { return r.ok ? print::to_string(r.value, print::Format::Text) : "error: " + r.error; }
std::string shown(Expr e) { return print::to_string(e, print::Format::Text); }

// Three ways to ask for a derivative (docs/language.md §3): d/dV TEXT (∂/∂V in Unicode), d(TEXT)/dV, diff(TEXT, V).
std::string derivative_line(const std::string& text, const std::string& var, int form, bool unicode) {
  switch (form % 3) {
    case 0: return (unicode ? "∂/∂" + var + " " : "d/d" + var + " ") + test::derivative_operand(text);
    case 1: return "d(" + text + ")/d" + var;
    default: return "diff(" + text + ", " + var + ")";
  }
}

// Numeric equality of two readings of the same formula at a few points where both are defined.
// Returns the number of points compared (0: nowhere defined) or -1 on a disagreement.
int numerically_equal(const std::function<double(const test::Point&)>& f, const std::function<double(const test::Point&)>& g,
                      std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0.3, 1.7);
  int compared = 0;
  for (int k = 0; k < 4; ++k) {
    test::Point p;
    for (const char* v : {"x", "y", "a", "b", "c", "k", "alpha", "w_1"}) p[v] = u(rng);
    double a = f(p), b = g(p);
    if (!std::isfinite(a) || !std::isfinite(b) || std::fabs(a) > 1e8 || std::fabs(b) > 1e8) continue;
    if (std::fabs(a - b) > 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)})) return -1;
    ++compared;
  }
  return compared;
}

struct Tally {
  int trees = 0;            // trees generated
  int skipped = 0;          // trees whose meaning is an error (1/0, log(0)): every spelling must err too
  int readings = 0;         // spellings read
  int value_checks = 0;     // readings compared with another reading or with the meaning
  int derivative_checks = 0;
  int structural = 0;       // meaning and reading equal in value but built as different nodes
  int failures = 0;
  std::vector<std::string> examples;  // of structural differences (for the message)

  void fail(const std::string& message) {
    if (++failures <= 25) FAIL_CHECK(message);
  }
};

// One tree: all its spellings, their values and derivatives.
void check_tree(Session& session, const FormulaTree& tree, std::uint64_t seed, Tally& tally) {
  ++tally.trees;
  std::ostringstream head;
  head << "DDX_TREE_SEED=" << seed << ": " << test::dump_tree(tree) << "\n";
  std::optional<Expr> want;
  try {
    want = test::meaning(tree);
  } catch (const MathError&) {
  }
  const auto& all = test::spellings();
  std::vector<std::string> texts;
  std::vector<Reading> readings;
  for (std::size_t i = 0; i < all.size(); ++i) {
    test::Renderer render(all[i], seed * 31 + i);
    texts.push_back(render(tree));
    readings.push_back(read(session, texts.back()));
    ++tally.readings;
  }
  auto listing = [&] {
    std::string s = head.str();
    for (std::size_t i = 0; i < all.size(); ++i) s += "  " + std::string(all[i].name) + ": " + texts[i] + "   -> " + shown(readings[i]) + "\n";
    return s;
  };
  if (!want) {
    // The meaning itself is undefined (1/0 folded exactly): every spelling must say so.
    ++tally.skipped;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (readings[i].ok) tally.fail("the meaning is undefined but a spelling reads as a value\n" + listing());
    return;
  }
  std::vector<std::size_t> refused, different;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (!readings[i].ok) refused.push_back(i);
  if (!refused.empty()) {
    tally.fail("a spelling is refused while the formula is fine\n" + listing());
    return;
  }
  // Every spelling reads as the same node as the explicit one.
  for (std::size_t i = 1; i < all.size(); ++i) {
    ++tally.value_checks;
    if (readings[i].value != readings[0].value) different.push_back(i);
  }
  if (!different.empty()) {
    tally.fail("two spellings of one formula read differently\n" + listing());
    return;
  }
  // ... and that node is the tree's meaning (a misreading all spellings share shows here).
  Expr got = readings[0].value;
  ++tally.value_checks;
  std::mt19937_64 rng(seed);
  bool exact = got == *want;
  if (!exact) {
    int n = numerically_equal([&](const test::Point& p) { return test::value(tree, p); },
                              [&](const test::Point& p) { return test::value(got, p); }, rng);
    if (n < 0) {
      tally.fail("every spelling reads as something else than the formula: meaning " + shown(*want) + "\n" + listing());
      return;
    }
    ++tally.structural;
    if (tally.examples.size() < 5) tally.examples.push_back(shown(*want) + "  vs read  " + shown(got));
  }
  // Derivatives: d/dx in every spelling (rotating through the three forms), ∂/∂p for a parameter.
  std::vector<std::string> vars{"x"};
  for (const char* p : {"a", "b", "c", "k", "y"})
    if (test::mentions(tree, p)) {
      vars.push_back(p);
      break;
    }
  for (const std::string& var : vars) {
    Expr v = sym(var);
    Expr expected = calc::diff(exact ? *want : got, v);
    for (std::size_t i = 0; i < all.size(); ++i) {
      // Every spelling for d/dx; for the parameter, every other one (half the cost).
      if (var != "x" && (i + seed) % 2) continue;
      std::string line = derivative_line(texts[i], var, static_cast<int>(i + seed), all[i].unicode);
      Reading d = read(session, line);
      ++tally.derivative_checks;
      if (!d.ok || d.value != expected) {
        bool same_value = d.ok && !exact &&
                          numerically_equal([&](const test::Point& p) { return test::value(expected, p); },
                                            [&](const test::Point& p) { return test::value(d.value, p); }, rng) >= 0;
        if (!same_value)
          tally.fail("a derivative differs: " + line + "  ->  " + shown(d) + "   expected " + shown(expected) + "\n" + listing());
      }
    }
  }
}

}  // namespace

TEST_CASE("metamorphic: every spelling of a random formula reads as the formula, with the same derivatives") {
  auto start = std::chrono::steady_clock::now();
  Session session;
  test::GenConfig cfg;
  Tally tally;
  for (int i = 0; i < tree_count; ++i) {
    std::uint64_t seed = only_tree ? std::strtoull(only_tree, nullptr, 10) : base_seed * 7919 + static_cast<std::uint64_t>(i);
    test::RngSource src(seed);
    test::TreeGen<test::RngSource> gen(src, cfg);
    FormulaTree tree = gen.expr(1 + static_cast<int>(seed % cfg.max_depth));  // small formulas as often as nested ones
    if (test::tree_size(tree) > 60 && !only_tree) continue;  // keep the run to a few seconds
    check_tree(session, tree, seed, tally);
    if (only_tree) break;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string examples;
  for (const std::string& e : tally.examples) examples += "\n  " + e;
  MESSAGE("trees " << tally.trees << ", spellings read " << tally.readings << ", value comparisons "
                   << tally.value_checks << ", derivative comparisons " << tally.derivative_checks << ", undefined (skipped) "
                   << tally.skipped << ", equal only in value " << tally.structural << examples << "; "
                   << seconds << " s");
  CHECK(tally.failures == 0);
  if (only_tree) return;
  // A property test that silently checks nothing must fail.
  CHECK(tally.trees >= 2000);
  CHECK(tally.value_checks >= 6 * 2000);
  CHECK(tally.derivative_checks >= 6 * 2000);
  CHECK(tally.skipped * 50 <= tally.trees);     // at most 2% of the trees may be undefined
  CHECK(tally.structural * 20 <= tally.trees);  // and at most 5% equal in value only
}

// ---------------------------------------------------------------------------------------------
// The classic misreadings, each written at least three ways (docs/language.md §2).
// ---------------------------------------------------------------------------------------------

namespace {

void check_spellings(const std::vector<std::string>& texts, Expr meaning) {
  Session session;
  Expr x = sym("x");
  Expr dx = calc::diff(meaning, x);
  for (const std::string& text : texts) {
    Reading r = read(session, text);
    INFO("input: " << text << "   read as: " << shown(r) << "   meant: " << shown(meaning));
    CHECK(r.ok);
    if (!r.ok) continue;
    CHECK(r.value == meaning);
    Reading d = read(session, "d/dx " + test::derivative_operand(text));
    INFO("d/dx: " << shown(d) << "   expected " << shown(dx));
    CHECK(d.ok);
    if (d.ok) CHECK(d.value == dx);
  }
}

}  // namespace

TEST_CASE("metamorphic: the classic misreadings, each written three ways") {
  Expr x = sym("x"), y = sym("y"), a = sym("a"), b = sym("b"), c = sym("c"), e = e_const();
  check_spellings({"a x^2", "ax^2", "a*x^2", "a·x²", "a x ^ 2"}, a * pow(x, 2));
  check_spellings({"x e^x", "xe^x", "x*e^x", "x·e^x", "x exp(x)"}, x * pow(e, x));
  check_spellings({"x (x+1)^3", "x(x+1)^3", "x*(x+1)^3", "x(x + 1)³", "x (x+1) ^ 3"}, x * pow(x + 1, 3));
  check_spellings({"a (b+c)^2", "a(b+c)^2", "a*(b+c)^2", "a·(b + c)²"}, a * pow(b + c, 2));
  check_spellings({"e^x (x+1)^2", "e^x(x+1)^2", "e^x*(x+1)^2", "exp(x)(x+1)^2", "e^x·(x + 1)²"}, pow(e, x) * pow(x + 1, 2));
  check_spellings({"c c^3", "cc^3", "c*c^3", "c^4", "cc³", "c·c³"}, pow(c, 4));
  check_spellings({"abx^2", "a b x^2", "a*b*x^2", "abx²", "ab x^2"}, a * b * pow(x, 2));
  check_spellings({"xy^2", "x y^2", "x*y^2", "xy²"}, x * pow(y, 2));
  check_spellings({"2x y", "2xy", "2*x*y", "2 x y", "2·x·y"}, 2 * x * y);
}

TEST_CASE("metamorphic: powers bind tighter than juxtaposition everywhere") {
  Expr x = sym("x"), y = sym("y"), a = sym("a"), b = sym("b"), e = e_const();
  check_spellings({"3x^2y", "3 x^2 y", "3*x^2*y", "3x²y"}, 3 * pow(x, 2) * y);
  check_spellings({"2ae^x", "2 a e^x", "2*a*e^x", "2a·e^x"}, 2 * a * pow(e, x));
  check_spellings({"ax^2y^3", "a x^2 y^3", "a*x^2*y^3", "ax²y³"}, a * pow(x, 2) * pow(y, 3));
  check_spellings({"x^2e^x", "x^2 e^x", "x^2*e^x", "x²e^x"}, pow(x, 2) * pow(e, x));
  check_spellings({"e^xy", "e^x y", "y*e^x"}, y * pow(e, x));
  check_spellings({"e^-xy", "e^(-x) y", "e^(-x)*y"}, y * pow(e, -x));
  check_spellings({"x^ab", "x^a b", "b*x^a"}, b * pow(x, a));
  check_spellings({"e^x^2", "e^(x^2)", "exp(x^2)", "e^x²"}, pow(e, pow(x, 2)));
  check_spellings({"1/2x", "1/2 x", "x/2", "(1/2)*x", "1/2·x"}, x / 2);
  check_spellings({"3/2x^2", "3/2 x^2", "(3/2)*x^2", "3x^2/2"}, rational(3, 2) * pow(x, 2));
  check_spellings({"x^2/2x", "x^2/2 x", "x^3/2"}, pow(x, 3) / 2);
  check_spellings({"x^x(log(x)+1)", "x^x (log(x) + 1)", "x^x*(log(x)+1)"}, pow(x, x) * (log(x) + 1));
  check_spellings({"sin^2(x)", "sin(x)^2", "sin² x", "sin^2 x", "sin²(x)", "(sin x)^2"}, pow(sin(x), 2));
  check_spellings({"2sin x", "2 sin(x)", "2*sin(x)", "2sin(x)"}, 2 * sin(x));
  check_spellings({"sin x^2", "sin(x^2)", "sin x²"}, sin(pow(x, 2)));
  check_spellings({"sin 2x", "sin(2x)", "sin(2*x)"}, sin(2 * x));
  check_spellings({"x sin x", "x*sin(x)", "x sin(x)"}, x * sin(x));
  check_spellings({"b(x+1)(x-1)", "b (x+1) (x-1)", "b*(x+1)*(x-1)"}, mul({b, x + 1, x - 1}));
}

// Unicode superscripts are visibly over: `x²e−3` is x²·e − 3 and `sin²2x` is sin²(2x) to anyone
// reading them. The ASCII `x^2e-3` could be x^(0.002) or x²·e − 3: it is refused.
TEST_CASE("metamorphic: a Unicode superscript ends the exponent") {
  Expr x = sym("x"), e = e_const();
  check_spellings({"x²e−3", "x² e − 3", "x²·e − 3", "x^2 e - 3"}, pow(x, 2) * e - 3);
  check_spellings({"x²e+1", "x² e + 1", "x^2*e + 1"}, pow(x, 2) * e + 1);
  check_spellings({"sin²2x", "sin² 2x", "sin^2 2x", "sin(2x)^2"}, pow(sin(2 * x), 2));
  check_spellings({"cos²2x + sin²2x", "cos² 2x + sin² 2x", "cos(2x)^2 + sin(2x)^2"}, pow(cos(2 * x), 2) + pow(sin(2 * x), 2));
  Session s;
  Reading ascii = read(s, "x^2e-3");
  CHECK_FALSE(ascii.ok);
  CHECK(ascii.error.find("ambiguous") != std::string::npos);
}

// `sin^2(x)` is sin(x)^2 (docs/language.md §2), a call like `sin(x)`: what follows it is a factor of the
// product, never more of the argument (that is the `sin x` form only).
TEST_CASE("metamorphic: sin^2(x) ends at its bracket") {
  Expr x = sym("x"), y = sym("y");
  check_spellings({"sin^2(x) cos(x)", "sin²(x) cos(x)", "sin(x)^2 cos(x)", "sin^2(x)*cos(x)"}, pow(sin(x), 2) * cos(x));
  check_spellings({"2sin^2(x)y", "2 sin^2(x) y", "2 sin(x)^2 y", "2*sin^2(x)*y"}, 2 * pow(sin(x), 2) * y);
  check_spellings({"log^2(x) x", "log(x)^2 x", "x log^2(x)"}, x * pow(log(x), 2));
}

