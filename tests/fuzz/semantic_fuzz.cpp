// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target (c): wrong answers, not crashes. The input's bytes choose a formula of the kind
// people type (tests/support/spelled_expr.hpp), a spelling and a derivative question; ddx's answer
// must agree with a Richardson central difference of the formula's own value at points the bytes
// choose. A disagreement prints the question, the answer and the numbers, then aborts.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "print/print.hpp"
#include "repl/session.hpp"
#include "support/spelled_expr.hpp"

namespace {

using ddx::test::Point;
using ddx::test::Tree;

// Choices from the fuzzer's bytes; a source that has run dry answers 0 (the simplest choice).
struct ByteSource {
  const std::uint8_t* p;
  std::size_t n;
  int pick(int k) {
    if (n == 0) return 0;
    --n;
    return *p++ % k;
  }
};

const ddx::test::GenConfig& config() {
  static const ddx::test::GenConfig cfg = [] {
    ddx::test::GenConfig c;
    c.functions = {"sin", "cos", "tan", "log", "sqrt", "exp", "atan", "tanh", "sigmoid", "abs", "relu", "softplus"};
    return c;
  }();
  return cfg;
}

// Symbols the generator may use, each given a value at every point.
const char* const symbols[] = {"x", "y", "a", "b", "c", "k", "alpha", "w_1"};

// A rational p/q in [-3, 3], which `at` takes exactly (and a double exactly too, or within 1e-16).
struct Rational {
  long long p, q;
  double value() const { return static_cast<double>(p) / static_cast<double>(q); }
  std::string text() const { return q == 1 ? std::to_string(p) : std::to_string(p) + "/" + std::to_string(q); }
};

Rational random_rational(std::mt19937_64& rng) {
  static const long long denominators[] = {1, 2, 4, 8, 16, 32, 64, 3, 7};
  long long q = denominators[rng() % std::size(denominators)];
  long long p = static_cast<long long>(rng() % static_cast<std::uint64_t>(6 * q + 1)) - 3 * q;
  return {p, q};
}

struct Estimate {
  double value = 0;     // f at the point
  double slope = 0;     // Richardson estimate with the smallest step
  double tolerance = 0; // how far a right answer may be from it
};

// The derivative of t along `var` at p by central differences with h, h/2, h/4 and two Richardson
// extrapolations, h = step·max(1, |var|); nullopt where that is not trustworthy (not finite, huge,
// a kink or pole nearby).
std::optional<Estimate> estimate(const Tree& t, Point p, const std::string& var, double step = 1e-3) {
  const double t0 = p[var];
  auto f = [&](double v) {
    p[var] = v;
    return ddx::test::value(t, p);
  };
  const double f0 = f(t0);
  if (!std::isfinite(f0) || std::fabs(f0) > 1e6 || !(ddx::test::peak_magnitude(t, p) <= 1e6)) return std::nullopt;
  const double h = step * std::max(1.0, std::fabs(t0));
  double fmax = std::fabs(f0);
  double c[3];
  for (int i = 0; i < 3; ++i) {
    double s = h / (1 << i);
    double hi = f(t0 + s), lo = f(t0 - s);
    if (!std::isfinite(hi) || !std::isfinite(lo)) return std::nullopt;
    fmax = std::max({fmax, std::fabs(hi), std::fabs(lo)});
    c[i] = (hi - lo) / (2 * s);
  }
  // One-sided quotients must agree with each other as a smooth function's do (abs, relu at 0).
  const double s = h / 4;
  const double forward = (f(t0 + s) - f0) / s, backward = (f0 - f(t0 - s)) / s;
  const double r1 = (4 * c[1] - c[0]) / 3, r2 = (4 * c[2] - c[1]) / 3;
  const double scale = std::max(1.0, std::fabs(r2));
  if (std::fabs(forward - backward) > 0.05 * scale) return std::nullopt;
  if (std::fabs(r1 - r2) > 1e-4 * scale) return std::nullopt;
  // Rounding in f, amplified by 1/s and by Richardson's weights.
  const double noise = 1e-15 * fmax / s * 4;
  if (noise > 1e-6 * scale) return std::nullopt;
  return Estimate{f0, r2, 1e-5 * scale + 10 * std::fabs(r1 - r2) + 100 * noise};
}

// A closed form may be undefined where the derivative exists: a^x log(a) at a = 0, or
// u'/(2 sqrt(u)) where u = relu(x) = 0 on a whole interval. That is an answer with no value there,
// not a wrong value, so such points are passed over; what is checked instead is that the answer
// speaks of nothing the question does not (a misread name shows as a new symbol).
std::string foreign_part(const Tree& tree, ddx::Expr answer) {
  std::string found;
  std::function<void(ddx::Expr)> walk = [&](ddx::Expr e) {
    if (!found.empty()) return;
    if (e.is(ddx::Kind::Symbol) && !ddx::test::mentions(tree, e.name())) found = "the symbol " + e.name();
    if (e.is(ddx::Kind::Derivative)) found = "an unevaluated derivative";
    if (e.is(ddx::Kind::Call) && ddx::function_info(e.function()).abstract) found = "the unknown function " + ddx::function_info(e.function()).name;
    ddx::for_each_child(e, walk);
  };
  walk(answer);
  return found;
}

// DDX_FUZZ_STATS=1: how much was really compared, printed at exit (a fuzzer that compares nothing
// finds nothing).
struct Stats {
  long inputs = 0, asked = 0, refused = 0, compared = 0, undefined = 0;
  static void print() {
    const Stats& s = stats();
    std::fprintf(stderr, "semantic_fuzz: %ld inputs, %ld questions asked, %ld refused, %ld points compared, %ld "
                 "points where the closed form is undefined\n", s.inputs, s.asked, s.refused, s.compared, s.undefined);
  }
  static Stats& stats() {
    static Stats* s = [] {
      if (std::getenv("DDX_FUZZ_STATS")) std::atexit(print);
      return new Stats();
    }();
    return *s;
  }
};

struct Answer {
  bool ok = false;
  ddx::Expr value;
  std::string message;
};

Answer ask(ddx::Session& session, const std::string& line) {
  Answer a;
  std::vector<ddx::Outcome> out = session.eval_line(line);
  if (out.size() != 1) return a;
  if (out[0].kind == ddx::Outcome::Kind::Error) {
    a.message = out[0].message;
    // A std::exception escaping the algebra is a bug even though the session survives it.
    if (a.message.rfind("internal error", 0) == 0) {
      std::fprintf(stderr, "semantic_fuzz: %s\n  input: %s\n", a.message.c_str(), line.c_str());
      std::abort();
    }
    return a;
  }
  if (out[0].kind != ddx::Outcome::Kind::Answer || !out[0].result.value.is_scalar()) return a;
  a.ok = true;
  a.value = out[0].result.value.scalar;
  return a;
}

// Does `got` agree with the derivative at p? A disagreement with the central difference is
// confirmed before it counts: a function that oscillates faster than the step (cos(x e^(4x)) at
// x = 2, tan(x^-2.8) near 0) fools every test of smoothness at that step. The second opinion is
// the tree's own derivative by dual numbers (when it agrees with ddx, the difference quotient was
// fooled), then steps 100 and 10,000 times smaller. Returns the estimate that disagrees, or nullopt.
std::optional<Estimate> disagreement(const Tree& t, const Point& p, const std::string& var, const Estimate& e, double got) {
  if (std::fabs(got - e.slope) <= e.tolerance) return std::nullopt;
  ddx::test::Dual exact = ddx::test::dual_value(t, p, var);
  if (std::isfinite(exact.d) && std::fabs(got - exact.d) <= 1e-7 * std::max({1.0, std::fabs(got), std::fabs(exact.d)}))
    return std::nullopt;
  std::optional<Estimate> worst = e;
  for (double step : {1e-5, 1e-7}) {
    std::optional<Estimate> finer = estimate(t, p, var, step);
    if (!finer) continue;
    if (std::fabs(got - finer->slope) <= finer->tolerance) return std::nullopt;
    worst = finer;
  }
  return worst;
}

[[noreturn]] void report(const std::string& line, const Tree& tree, const std::string& answer, const std::string& reread,
                         const Point& p, const std::string& var, const Estimate& e, double got) {
  std::fprintf(stderr, "\nsemantic_fuzz: WRONG ANSWER\n  input:   %s\n  tree:    %s\n  answer:  %s\n", line.c_str(),
               ddx::test::dump_tree(tree).c_str(), answer.c_str());
  if (!reread.empty()) std::fprintf(stderr, "  (answer as printed, read back: %s)\n", reread.c_str());
  std::fprintf(stderr, "  at:     ");
  for (const auto& [name, v] : p) std::fprintf(stderr, " %s = %.17g", name.c_str(), v);
  std::fprintf(stderr, "\n  f = %.17g, d/d%s: ddx %.17g, central difference %.17g (tolerance %.3g), dual numbers %.17g\n",
               e.value, var.c_str(), got, e.slope, e.tolerance, ddx::test::dual_value(tree, p, var).d);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 6) return 0;
  Stats& stats = Stats::stats();
  ++stats.inputs;
  // Header: spelling, question, and a seed for the renderer's choices and the points.
  const auto& spellings = ddx::test::spellings();
  const ddx::test::Spelling& spelling = spellings[data[0] % spellings.size()];
  const int question = data[1] % 8;
  const std::uint64_t seed = data[2] | (data[3] << 8) | (data[4] << 16) | (static_cast<std::uint64_t>(data[5]) << 24);
  ByteSource src{data + 6, size - 6};
  ddx::test::TreeGen<ByteSource> gen(src, config());
  Tree tree = gen.expr(1 + src.pick(3));
  if (ddx::test::tree_size(tree) > 80) return 0;
  ddx::test::Renderer render(spelling, seed);
  const std::string text = render(tree);

  // The question: d/dx TEXT, d(TEXT)/dx, diff(TEXT, x), ∂/∂y TEXT, or d/dx TEXT at a point.
  const std::string var = question == 3 || question == 7 ? "y" : "x";
  const bool at_point = question >= 6;
  std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + size);
  ddx::Session session;
  std::optional<Answer> answer;  // asked once the first usable point is found (without `at`)
  std::string printed;
  std::optional<Answer> back;
  for (int round = 0; round < (at_point ? 1 : 3); ++round) {
    Point p;
    std::string point_text;
    for (const char* s : symbols) {
      Rational r = random_rational(rng);
      // Now and then a non-dyadic value (0.37...) away from the special points, when no `at`.
      p[s] = at_point || rng() % 2 ? r.value() : std::uniform_real_distribution<double>(-3, 3)(rng);
      if (ddx::test::mentions(tree, s)) point_text += (point_text.empty() ? "" : ", ") + std::string(s) + " = " + r.text();
    }
    std::optional<Estimate> e = estimate(tree, p, var);
    if (!e) continue;
    if (!answer) {
      std::string line;
      switch (question) {
        case 0:
        case 4: line = "d/d" + var + " " + ddx::test::derivative_operand(text); break;
        case 1: line = "d(" + text + ")/d" + var; break;
        case 2:
        case 5: line = "diff(" + text + ", " + var + ")"; break;
        case 3: line = "∂/∂" + var + " " + ddx::test::derivative_operand(text); break;
        default:
          line = "d/d" + var + " " + ddx::test::derivative_operand(text) + (point_text.empty() ? "" : " at " + point_text);
          break;
      }
      answer = ask(session, line);
      ++stats.asked;
      stats.refused += !answer->ok;
      answer->message = line;  // kept for the report
      if (!answer->ok) return 0;  // refused (undefined, no derivative there): nothing to compare
      printed = ddx::print::to_string(answer->value, ddx::print::Format::Text);
      if (std::string foreign = foreign_part(tree, answer->value); !foreign.empty()) {
        std::fprintf(stderr, "\nsemantic_fuzz: WRONG ANSWER\n  input:   %s\n  tree:    %s\n  answer:  %s\n  mentions %s\n",
                     line.c_str(), ddx::test::dump_tree(tree).c_str(), printed.c_str(), foreign.c_str());
        std::abort();
      }
      // What the user reads is the printed answer: typed back, it must have the same value.
      back = ask(session, printed);
    }
    // An exact value at a point (`at`) has no excuse for being undefined; a closed form may.
    const Point at = at_point ? Point{} : p;
    double got = ddx::test::value(answer->value, at);
    ++(std::isfinite(got) ? stats.compared : stats.undefined);
    if (at_point || std::isfinite(got))
      if (auto wrong = disagreement(tree, p, var, *e, got)) report(answer->message, tree, printed, "", p, var, *wrong, got);
    if (back->ok) {
      double again = ddx::test::value(back->value, at);
      if (at_point || std::isfinite(again))
        if (auto wrong = disagreement(tree, p, var, *e, again))
          report(answer->message, tree, printed, ddx::print::to_string(back->value, ddx::print::Format::Text), p, var, *wrong, again);
    }
  }
  return 0;
}
