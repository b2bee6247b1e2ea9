// SPDX-License-Identifier: GPL-3.0-or-later
// Plain values (numbers, names, and sums, products, powers and built-in functions of them) are
// read straight from the syntax (resolve.cpp, plain_value); everything else, and every error,
// the general way. The two must never disagree: every transcript and the session of every
// command and procedure must show the same byte for byte either way, and so must thousands of
// random formulas built from what the direct reading takes and what it must hand over (e, pi,
// ans, defined names, functions by juxtaposition, runs of letters, log_b, signs in products,
// bracketed divisors, zero divisors, ambiguous exponents, wrong arities).
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "resolve/resolve.hpp"
#include "support/same_transcripts.hpp"

namespace {

// Shows `script` read the general way, then directly (restoring the direct reading either way).
void check_same_readings(const std::string& name, const std::string& script) {
  struct Restore {
    ~Restore() { ddx::resolve::set_direct_reading(true); }
  } restore;
  ddx::resolve::set_direct_reading(false);
  std::string general = ddx_test::transcript_of(script);
  ddx::resolve::set_direct_reading(true);
  std::string direct = ddx_test::transcript_of(script);
  ddx_test::check_same_transcripts(name, general, direct, "general reading", "direct reading");
}

// A random formula: sums of products of powers of leaves, functions and brackets.
class Formulas {
 public:
  explicit Formulas(std::uint64_t seed) : rng_(seed) {}
  std::string sum(int depth) {
    std::string s = (pick(6) == 0 ? "-" : "") + product(depth);
    for (int n = static_cast<int>(pick(3)); n > 0 && pick(2); --n) s += (pick(2) ? " + " : " - ") + product(depth);
    return s;
  }

 private:
  std::size_t pick(std::size_t n) { return rng_() % n; }
  // Mostly what reads as a value; now and then what must be refused or read the general way.
  std::string leaf() {
    static const std::vector<std::string> plain = {"x", "y", "a1", "x_2", "alpha", "e", "pi", "ans", "k", "g",
                                                   "xy", "ab", "1", "2", "7", "2.5", "123456789012345678901234567890"};
    static const std::vector<std::string> risky = {"0", "sinx", "limit", "1e3", "2e-3", "grad"};
    return pick(16) ? plain[pick(plain.size())] : risky[pick(risky.size())];
  }
  std::string factor(int depth) {
    std::string f;
    switch (depth > 0 ? pick(7) : 0) {
      case 0: case 1: f = leaf(); break;
      case 2: f = "(" + sum(depth - 1) + ")"; break;
      case 3: {  // a function, nearly always with as many arguments as it takes
        static const std::vector<std::pair<std::string, int>> functions = {
            {"sin", 1}, {"cos", 1}, {"exp", 1}, {"log", 1}, {"ln", 1}, {"sqrt", 1}, {"log_2", 1}, {"f", 1}, {"g", 1}, {"atan2", 2}};
        auto [name, arity] = functions[pick(functions.size())];
        if (pick(10) == 0) arity = 3 - arity;
        f = name + "(" + sum(depth - 1) + (arity == 2 ? ", " + sum(depth - 1) : "") + ")";
        break;
      }
      case 4: f = pick(2) ? "sin " + leaf() : "-" + leaf(); break;
      case 5: f = (pick(2) ? "x" : "k") + std::string("(") + sum(depth - 1) + ")"; break;  // a product: x(x + 1)
      default: f = leaf(); break;
    }
    if (pick(3) == 0) f += "^" + (pick(4) == 0 ? "(" + sum(depth > 0 ? depth - 1 : 0) + ")" : pick(5) == 0 ? "-" + leaf() : leaf());
    return f;
  }
  std::string product(int depth) {
    std::string p = factor(depth);
    for (int n = static_cast<int>(pick(3)); n > 0 && pick(2); --n) {
      static const std::vector<std::string> ops = {"*", "/", " ", "*", " "};
      p += ops[pick(ops.size())] + factor(depth);
    }
    return p;
  }
  std::mt19937_64 rng_;
};

}  // namespace

TEST_CASE("reading: every transcript, and the session of every command, shows the same either way") {
  ddx_test::check_every_script(check_same_readings);
}

TEST_CASE("reading: random formulas read the same directly and the general way, values and errors alike") {
  Formulas formulas(20261203);
  std::string script = "k = 3\ng(t) = t^2 + 1\n";
  for (int n = 0; n < 1500; ++n) {
    std::string formula = formulas.sum(1 + n % 2);
    // Alone, as a derivative's operand, as a procedure's argument, and at a point.
    switch (n % 4) {
      case 0: script += formula + "\n"; break;
      case 1: script += "d/dx (" + formula + ")\n"; break;
      case 2: script += "diff(" + formula + ", y)\n"; break;
      default: script += formula + " at x = 2\n"; break;
    }
  }
  check_same_readings("random formulas", script);
  // The script is mostly answers, not errors: a generator that only made errors would test little.
  std::string shown = ddx_test::transcript_of(script);
  std::size_t errors = 0, lines = 0;
  for (std::size_t at = shown.find("\"input\""); at != std::string::npos; at = shown.find("\"input\"", at + 1)) {
    ++lines;
    std::size_t end = shown.find('\n', at);
    if (shown.substr(at, end - at).find("\"error\"") != std::string::npos) ++errors;
  }
  MESSAGE("random formulas: " << lines << " statements, " << errors << " errors");
  CHECK(lines >= 1500);
  CHECK(errors * 2 < lines);
}
