// SPDX-License-Identifier: GPL-3.0-or-later
// Every example of docs/language.md §2, §3, §6 and §9, through the session as a user types it. Each row is
// checked twice: the exact text ddx prints, and that it equals the spec's answer (ddx's own `==`),
// since the spec allows any equivalent simplified form.
#include <doctest/doctest.h>

#include "support/session_helpers.hpp"

using ddx_test::answer;

namespace {
struct SpecRow {
  const char* input;
  const char* printed;  // what ddx prints (text format)
  const char* spec;     // the spec's answer, any equivalent form
};

void check_rows(const std::vector<SpecRow>& rows) {
  for (const SpecRow& row : rows) {
    CAPTURE(row.input);
    CHECK(answer(row.input) == row.printed);
    std::string same = answer(std::string("(") + row.input + ") == (" + row.spec + ")");
    CHECK_MESSAGE(same == "true", "spec answer: " << row.spec);
  }
}
}  // namespace

TEST_CASE("docs/language.md §3 derivative examples") {
  check_rows({
      {"d/dx (3x+4)^2", "18x + 24", "18x + 24"},
      {"d/dx (2x^3 + 4x + 8)", "6x^2 + 4", "6x^2 + 4"},
      {"∂/∂x (2x^3 + 4xy + 5y^2)", "6x^2 + 4y", "6x^2 + 4y"},
      {"d/dx a^x", "a^x log(a)", "a^x log(a)"},
      {"d/dx log_a(x)", "1/(x log(a))", "1/(x log(a))"},
      {"d/dx e^x", "e^x", "e^x"},
      {"d/dx sqrt(x)", "1/(2 sqrt(x))", "1/(2 sqrt(x))"},
      {"d/dx x^x", "x^x (log(x) + 1)", "x^x (log(x) + 1)"},
      {"d/dx (a x^(3/2) + b x^(1/2) + c)", "3a sqrt(x)/2 + b/(2 sqrt(x))", "3a sqrt(x)/2 + b/(2 sqrt(x))"},
      {"d/dx cos((e^x - a x)^3)", "-3 (e^x - a x)^2 (e^x - a) sin((e^x - a x)^3)",
       "-3 (e^x - a x)^2 (e^x - a) sin((e^x - a x)^3)"},
      {"d/dx log(x)^3", "3 log(x)^2/x", "3 log(x)^2/x"},
      {"d/dx tan(x)", "tan(x)^2 + 1", "tan(x)^2 + 1"},
      {"d/dx abs(x)", "sign(x)", "sign(x)"},
      {"d^2/dt^2 (v_0 t + a t^2/2)", "a", "a"},
  });
}

TEST_CASE("docs/language.md §3 derivative operator scope") {
  check_rows({
      {"d/dx x^2 + 3x", "2x + 3", "2x + 3"},
      {"d/dx x^2 + d/dx x^3", "3x^2 + 2x", "2x + 3x^2"},
      {"d/dx (x^2) + x", "3x", "2x + x"},
      {"diff(x^3, x)", "3x^2", "3x^2"},
      {"diff(x^3, x, 2)", "6x", "6x"},
      {"diff(x^2 y^3, x, y)", "6x y^2", "6x y^2"},
      {"∂^2/∂x∂y (x^2 y^3)", "6x y^2", "6x y^2"},
      {"d^3/dx^3 x^4", "24x", "24x"},
  });
}

TEST_CASE("docs/language.md §2 expression syntax") {
  check_rows({
      {"2^3^2", "512", "2^9"},
      {"-x^2", "-x^2", "-(x^2)"},
      {"1/2x", "x/2", "x/2"},
      {"x^x (log(x) + 1)", "x^x (log(x) + 1)", "(x^x)*(log(x) + 1)"},
      {"x(x+1)", "x (x + 1)", "x (x+1)"},
      {"4xy", "4x y", "4*x*y"},
      {"ax", "a x", "a*x"},
      {"x3x4", "x3 x4", "x3*x4"},
      {"2 sin(x)", "2 sin(x)", "2*sin(x)"},
      {"(x+1)(x-1)", "(x - 1) (x + 1)", "(x+1)*(x-1)"},
      {"x y", "x y", "x*y"},
      {"sin x^2", "sin(x^2)", "sin(x^2)"},
      {"sin 2x", "sin(2x)", "sin(2x)"},
      {"sin x cos x", "sin(x) cos(x)", "sin(x)*cos(x)"},
      {"sin x + 1", "sin(x) + 1", "sin(x) + 1"},
      {"sin^2(x)", "sin(x)^2", "sin(x)^2"},
      {"--sin x", "sin(x)", "sin(x)"},  // a run of signs before a function word (found by fuzzing: a crash)
      {"o---cos^2 x", "-cos(x)^2 + o", "o - cos(x)^2"},
      {"x**2", "x^2", "x^2"},
      {"3/2", "3/2", "1.5*2/2"},
      {"2 × 3 · x − 1", "6x - 1", "6x - 1"},
      {"x² + x³", "x^3 + x^2", "x^2 + x^3"},
      {"2π", "2 pi", "2*pi"},
      {"log_2(8)", "3", "3"},  // a whole power of the base is its exponent
      {"log_10(1/1000)", "-3", "-3"},
      {"log_2(6)", "log(6)/log(2)", "log(6)/log(2)"},  // not a power of 2: left as it is
      {"ln(x)", "log(x)", "log(x)"},
  });
}

TEST_CASE("docs/language.md §6 simplification") {
  check_rows({
      {"x x^2", "x^3", "x^3"},
      {"x^(1/2)", "sqrt(x)", "sqrt(x)"},
      {"x^-2", "1/x^2", "1/x^2"},
      {"expand((x+1)^2)", "x^2 + 2x + 1", "x^2 + 2x + 1"},
      {"simplify(sin(x)^2 + cos(x)^2)", "1", "1"},
      {"simplify(log(e^x))", "x", "x"},
      {"123456789012345678901234567890 * 2", "246913578024691357802469135780", "246913578024691357802469135780"},
  });
}

TEST_CASE("docs/language.md §9 formats of d/dx sin(x)^2 / x") {
  ddx::Session s;
  const std::string q = "d/dx sin(x)^2 / x";
  CHECK(answer(s, q) == "2 sin(x) cos(x)/x - sin(x)^2/x^2");
  answer(s, ":format unicode");
  CHECK(answer(s, q) == "2 sin(x) cos(x)/x − sin²(x)/x²");
  answer(s, ":format latex");
  CHECK(answer(s, q) ==
        "\\frac{2 \\sin{\\left(x \\right)} \\cos{\\left(x \\right)}}{x} - \\frac{\\sin^{2}{\\left(x \\right)}}{x^{2}}");
  answer(s, ":format code");
  CHECK(answer(s, q) == "2*sin(x)*cos(x)/x - sin(x)^2/x^2");
}

TEST_CASE("errors name the cause and the column") {
  struct E {
    const char* input;
    std::size_t column;
    const char* message_part;
  };
  for (const E& row : std::vector<E>{
           {"d/dx (3x+", 10, "expected"},
           {"x+*2", 3, ""},
           {")", 1, ""},
           {"(x+1", 5, "')'"},
           {"sinx", 1, "sin x"},
           {"1/0", 3, "division by zero"},
           {"log(0)", 1, "log(0)"},
           {"0^0", 1, "0^0"},
           {"dy/dx", 2, "y = "},
           {"sin", 1, "sin(x)"},
           {"log_888a(x)", 1, "base of log_b"},  // found by the statement fuzzer (was an internal error)
           {"max'(x)", 1, "max takes 2 arguments"},  // found by the statement fuzzer (was an internal error)
           {"min''(x)", 1, "min'' needs a function of one variable"},
       }) {
    CAPTURE(row.input);
    std::string a = answer(row.input);
    CHECK(a.rfind("error@" + std::to_string(row.column) + ":", 0) == 0);
    CHECK(a.find(row.message_part) != std::string::npos);
  }
}

TEST_CASE("definitions, redefinition and cycles keep the session consistent") {
  ddx::Session s;
  CHECK(answer(s, "u = 2x^3 + 3x^2") == "");
  CHECK(answer(s, "y = u^3") == "");
  CHECK(answer(s, "d/dx y") == answer("d/dx (2x^3 + 3x^2)^3"));
  CHECK(answer(s, "u = y + 1").rfind("error", 0) == 0);  // cycle: the old u stays
  CHECK(answer(s, "u") == "2x^3 + 3x^2");
  CHECK(answer(s, "f(t) = t^2 + 1") == "");
  CHECK(answer(s, "f(3)") == "10");
  CHECK(answer(s, "f'(x)") == "2x");
  CHECK(answer(s, "g'(x)") == "g'(x)");
  CHECK(answer(s, "sin''(x)") == "-sin(x)");
  CHECK(answer(s, "log_2'(x)") == answer("d/dx log_2(x)"));  // a built-in log base, not an unknown function
  CHECK(answer(s, "d/dx g(2x + 1)") == "2 g'(2x + 1)");
  CHECK(answer(s, "ans + 1") == "2 g'(2x + 1) + 1");
  CHECK(answer(s, "d/dx x^2 at x = 1") == "2");
  CHECK(answer(s, "d/dx sin(x^2) == 2x cos(x^2)") == "true");
  CHECK(answer(s, ":clear u") == "");
  CHECK(answer(s, "u") == "u");
}

TEST_CASE("log_b of a whole power of its base is that power, of anything else log(x)/log(b)") {
  for (int b = 2; b <= 12; ++b)
    for (int k = -6; k <= 40; ++k) {
      std::string base = std::to_string(b);
      std::string power = k >= 0 ? base + "^" + std::to_string(k) : "1/" + base + "^" + std::to_string(-k);
      std::string log = "log_" + base + "(" + power + ")";
      CAPTURE(log);
      CHECK(answer(log) == std::to_string(k));
      if (k > 0) {  // one more than a power of b is no power of b (b ≥ 2)
        std::string near = "log_" + base + "(" + power + " + 1)";
        CHECK(answer(near).find("/log(" + base + ")") != std::string::npos);
      }
    }
}
