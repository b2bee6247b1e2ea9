// SPDX-License-Identifier: GPL-3.0-or-later
// Printer tests: one table of hand-built expressions and their text, unicode, LaTeX and code
// strings (every answer string of docs/language.md §3, §5 and §9), plus Leibniz symbols and LaTeX validity.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "repl/session.hpp"
#include "grammar/parse.hpp"
#include "print/print.hpp"

using namespace ddx;
using print::Format;

namespace {

struct PrintRow {
  const char* what;
  Expr e;
  const char* text;
  const char* unicode;  // nullptr: same as text
  const char* latex;
  const char* code;     // nullptr: same as text
  bool reparse = true;  // false: the string needs session context to re-parse (a defined name)
};

Expr flt(double v) { return num(Number::from_double(v)); }

bool balanced_ascii(const std::string& s) {
  int depth = 0;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth == 0;
}

// The canonical form of the re-parsed string in a fresh session, or the error that stopped it.
std::string reparse(const std::string& s) {
  ddx::Session session;
  std::vector<ddx::Outcome> outcomes = session.eval_line(s);
  if (outcomes.size() != 1) return "not one statement";
  const ddx::Outcome& o = outcomes[0];
  if (o.kind == ddx::Outcome::Kind::Error) return "error: " + o.message;
  return debug_string(o.result.value.scalar);
}

std::vector<PrintRow> table() {
  Expr x = sym("x"), y = sym("y"), a = sym("a"), b = sym("b"), t = sym("t"), u = sym("u"), v = sym("v");
  Expr e = e_const(), pi = pi_const();
  FunctionId f = abstract_function("f", 1);
  FunctionId h = abstract_function("h", 2);
  set_abstract_params(h, {"u", "v"});
  Expr inner = pow(e, x) - a * x;
  return {
      // docs/language.md §3
      {"linear", 18 * x + 24, "18x + 24", nullptr, "18 x + 24", "18*x + 24"},
      {"quadratic", 6 * pow(x, 2) + 4, "6x^2 + 4", "6x² + 4", "6 x^{2} + 4", "6*x^2 + 4"},
      {"two variables", 6 * pow(x, 2) + 4 * y, "6x^2 + 4y", "6x² + 4y", "6 x^{2} + 4 y", "6*x^2 + 4*y"},
      {"a^x log(a)", pow(a, x) * log(a), "a^x log(a)", nullptr, "a^{x} \\log{\\left(a \\right)}", "a^x*log(a)"},
      {"log_a derivative", 1 / (x * log(a)), "1/(x log(a))", nullptr, "\\frac{1}{x \\log{\\left(a \\right)}}",
       "1/(x*log(a))"},
      {"e^x", pow(e, x), "e^x", nullptr, "e^{x}", "exp(x)"},
      {"sqrt derivative", 1 / (2 * sqrt(x)), "1/(2 sqrt(x))", "1/(2 √x)", "\\frac{1}{2 \\sqrt{x}}", "1/(2*sqrt(x))"},
      {"x^x", pow(x, x) * (log(x) + 1), "x^x (log(x) + 1)", nullptr,
       "x^{x} \\left(\\log{\\left(x \\right)} + 1\\right)", "x^x*(log(x) + 1)"},
      {"half powers", rational(3, 2) * a * sqrt(x) + b / (2 * sqrt(x)), "3a sqrt(x)/2 + b/(2 sqrt(x))",
       "3a √x/2 + b/(2 √x)", "\\frac{3 a \\sqrt{x}}{2} + \\frac{b}{2 \\sqrt{x}}", "3*a*sqrt(x)/2 + b/(2*sqrt(x))"},
      {"nested chain", -3 * pow(inner, 2) * (pow(e, x) - a) * sin(pow(inner, 3)),
       "-3 (e^x - a x)^2 (e^x - a) sin((e^x - a x)^3)", "−3 (e^x − a x)² (e^x − a) sin((e^x − a x)³)",
       "-3 \\left(e^{x} - a x\\right)^{2} \\left(e^{x} - a\\right) \\sin{\\left(\\left(e^{x} - a x\\right)^{3} \\right)}",
       "-3*(exp(x) - a*x)^2*(exp(x) - a)*sin((exp(x) - a*x)^3)"},
      {"log power", 3 * pow(log(x), 2) / x, "3 log(x)^2/x", "3 log²(x)/x",
       "\\frac{3 \\log^{2}{\\left(x \\right)}}{x}", "3*log(x)^2/x"},
      {"tan derivative", pow(tan(x), 2) + 1, "tan(x)^2 + 1", "tan²(x) + 1", "\\tan^{2}{\\left(x \\right)} + 1",
       "tan(x)^2 + 1"},
      {"sign", sign(x), "sign(x)", nullptr, "\\operatorname{sign}{\\left(x \\right)}", "sign(x)"},
      {"symbol", a, "a", nullptr, "a", "a"},
      {"seed 72e^4", 72 * pow(e, 4), "72e^4", "72e⁴", "72 e^{4}", "72*exp(4)"},
      // docs/language.md §9
      {"format table", 2 * sin(x) * cos(x) / x - pow(sin(x), 2) / pow(x, 2), "2 sin(x) cos(x)/x - sin(x)^2/x^2",
       "2 sin(x) cos(x)/x − sin²(x)/x²",
       "\\frac{2 \\sin{\\left(x \\right)} \\cos{\\left(x \\right)}}{x} - \\frac{\\sin^{2}{\\left(x \\right)}}{x^{2}}",
       "2*sin(x)*cos(x)/x - sin(x)^2/x^2"},
      // docs/language.md §5: abstract derivatives
      {"f'(x)", derivative(f, {x}, {0}), "f'(x)", nullptr, "f'{\\left(x \\right)}", "diff(f(x), x)"},
      {"f''(t)", derivative(f, {t}, {0, 0}), "f''(t)", nullptr, "f''{\\left(t \\right)}", "diff(f(t), t, 2)"},
      {"f' of an expression", 2 * derivative(f, {2 * x + 1}, {0}), "2 f'(2x + 1)", nullptr,
       "2 f'{\\left(2 x + 1 \\right)}", "2*f'(2*x + 1)"},
      {"partial, implicit point", derivative(h, {u, v}, {0}), "∂h/∂u", nullptr, "\\frac{\\partial h}{\\partial u}",
       "diff(h(u, v), u)"},
      {"partial at a point", derivative(h, {pow(x, 2), y}, {0}), "∂h/∂u(x^2, y)", "∂h/∂u(x², y)",
       "\\frac{\\partial h}{\\partial u}{\\left(x^{2}, y \\right)}", nullptr},
      {"mixed partial", derivative(h, {u, v}, {0, 1}), "∂^2h/∂u∂v", "∂²h/∂u∂v",
       "\\frac{\\partial^{2} h}{\\partial u \\partial v}", "diff(h(u, v), u, 1, v, 1)"},
      {"second partial", derivative(h, {u, v}, {1, 1}), "∂^2h/∂v^2", "∂²h/∂v²",
       "\\frac{\\partial^{2} h}{\\partial v^{2}}", "diff(h(u, v), v, 2)"},
      // numbers
      {"float", flt(10.0), "10.0", nullptr, "10.0", nullptr},
      {"float coefficient", flt(2.5) * x, "2.5x", nullptr, "2.5 x", "2.5*x"},
      // docs/language.md §6: no zero terms, floats included; the float survives in the constant
      {"cancelled float terms", flt(0.5) * x - flt(0.5) * x, "0.0", nullptr, "0.0", nullptr},
      {"cancelled float term beside a number", flt(2.5) * x + 3 - flt(2.5) * x, "3.0", nullptr, "3.0", nullptr},
      {"cancelled float term beside a symbol", flt(2.5) * x + y - flt(2.5) * x, "y", nullptr, "y", nullptr},
      {"tiny float", flt(1e-5), "1e-05", nullptr, "1 \\cdot 10^{-5}", nullptr},
      {"big integer", num(Number::from_integer_text("123456789012345678901234567890")),
       "123456789012345678901234567890", nullptr, "123456789012345678901234567890", nullptr},
      {"rational", rational(3, 2), "3/2", nullptr, "\\frac{3}{2}", nullptr},
      {"negative rational", rational(-3, 2), "-3/2", "−3/2", "-\\frac{3}{2}", nullptr},
      {"negative integer", Expr(-7), "-7", "−7", "-7", nullptr},
      // signs and sums
      {"x/2", x / 2, "x/2", nullptr, "\\frac{x}{2}", nullptr},
      {"-x", -x, "-x", "−x", "-x", nullptr},
      {"x - 1", x - 1, "x - 1", "x − 1", "x - 1", nullptr},
      {"1 - x", 1 - x, "1 - x", "1 − x", "1 - x", nullptr},
      {"-x - 1", -x - 1, "-x - 1", "−x − 1", "-x - 1", nullptr},
      {"1 - x^2", 1 - pow(x, 2), "1 - x^2", "1 − x²", "1 - x^{2}", nullptr},
      {"-x/2", -x / 2, "-x/2", "−x/2", "-\\frac{x}{2}", nullptr},
      // (a number times a lone sum distributes in the core: -3 (x + 1) is -3x - 3)
      {"-3y (x + 1)", mul({Expr(-3), x + 1, y}), "-3y (x + 1)", "−3y (x + 1)", "-3 y \\left(x + 1\\right)", "-3*y*(x + 1)"},
      {"-3 (x + 1)^2", -3 * pow(x + 1, 2), "-3 (x + 1)^2", "−3 (x + 1)²", "-3 \\left(x + 1\\right)^{2}", "-3*(x + 1)^2"},
      // precedence and round-trip shapes
      {"-x^2", -pow(x, 2), "-x^2", "−x²", "-x^{2}", nullptr},
      {"(-2)^x", pow(Expr(-2), x), "(-2)^x", "(−2)^x", "\\left(-2\\right)^{x}", nullptr},
      {"x^-1", pow(x, -1), "1/x", nullptr, "\\frac{1}{x}", nullptr},
      {"x^-2", pow(x, -2), "1/x^2", "1/x²", "\\frac{1}{x^{2}}", nullptr},
      {"cube root of 2", pow(Expr(2), rational(1, 3)), "2^(1/3)", nullptr, "2^{\\frac{1}{3}}", nullptr},
      {"(a/b)^2", pow(a / b, 2), "a^2/b^2", "a²/b²", "\\frac{a^{2}}{b^{2}}", nullptr},
      {"(a/b)^(1/3)", pow(a / b, rational(1, 3)), "(a/b)^(1/3)", nullptr,
       "\\left(\\frac{a}{b}\\right)^{\\frac{1}{3}}", nullptr},
      {"1/(2x)", 1 / (2 * x), "1/(2x)", nullptr, "\\frac{1}{2 x}", "1/(2*x)"},
      {"b/(2 sqrt(x))", b / (2 * sqrt(x)), "b/(2 sqrt(x))", "b/(2 √x)", "\\frac{b}{2 \\sqrt{x}}", "b/(2*sqrt(x))"},
      {"e^(x + 1)", pow(e, x + 1), "e^(x + 1)", nullptr, "e^{x + 1}", "exp(x + 1)"},
      {"e^(-x)", pow(e, -x), "e^(-x)", "e^(−x)", "e^{-x}", "exp(-x)"},
      {"e", e, "e", nullptr, "e", "exp(1)"},
      {"pi", pi, "pi", "π", "\\pi", nullptr},
      {"2 pi x", 2 * pi * x, "2 pi x", "2 π x", "2 \\pi x", "2*pi*x"},
      {"(x^2)^(1/3)", pow(pow(x, 2), rational(1, 3)), "(x^2)^(1/3)", "(x²)^(1/3)", "\\left(x^{2}\\right)^{\\frac{1}{3}}",
       nullptr},
      {"x^(2y)", pow(x, 2 * y), "x^(2y)", nullptr, "x^{2 y}", "x^(2*y)"},
      {"x^(3/2)", pow(x, rational(3, 2)), "x^(3/2)", nullptr, "x^{\\frac{3}{2}}", nullptr},
      {"x^(-1/2)", pow(x, rational(-1, 2)), "1/sqrt(x)", "1/√x", "\\frac{1}{\\sqrt{x}}", nullptr},
      {"x^(-3/2)", pow(x, rational(-3, 2)), "1/x^(3/2)", nullptr, "\\frac{1}{x^{\\frac{3}{2}}}", nullptr},
      {"sqrt(x + 1)", sqrt(x + 1), "sqrt(x + 1)", "√(x + 1)", "\\sqrt{x + 1}", nullptr},
      {"sqrt(sin(x))", sqrt(sin(x)), "sqrt(sin(x))", "√(sin(x))", "\\sqrt{\\sin{\\left(x \\right)}}", nullptr},
      {"2 sqrt(2)", 2 * sqrt(Expr(2)), "2 sqrt(2)", "2 √2", "2 \\sqrt{2}", "2*sqrt(2)"},
      {"2*3^x", 2 * pow(Expr(3), x), "2*3^x", "2·3^x", "2 \\cdot 3^{x}", nullptr},
      {"3u^2 (6x^2 + 6x)", 3 * pow(u, 2) * (6 * pow(x, 2) + 6 * x), "3u^2 (6x^2 + 6x)", "3u² (6x² + 6x)",
       "3 u^{2} \\left(6 x^{2} + 6 x\\right)", "3*u^2*(6*x^2 + 6*x)"},
      {"x e^x", x * pow(e, x), "x e^x", nullptr, "x e^{x}", "x*exp(x)"},
      {"a (b + x)", a * (b + x), "a (b + x)", nullptr, "a \\left(b + x\\right)", "a*(b + x)"},
      {"symbol f before (", sym("f") * (x + 1), "f*(x + 1)", "f·(x + 1)", "f \\left(x + 1\\right)", nullptr},
      {"x y", x * y, "x y", nullptr, "x y", "x*y"},
      {"abs", abs(x), "abs(x)", nullptr, "\\left|x\\right|", nullptr},
      {"sigmoid", call("sigmoid", {x}), "sigmoid(x)", nullptr, "\\sigma{\\left(x \\right)}", nullptr},
      {"max", call("max", {x, y}), "max(x, y)", nullptr, "\\max{\\left(x, y \\right)}", nullptr},
      // max²(x, y) would not read back (max^2(x, y) is no reading); sin²(x) does.
      {"max squared", pow(call("max", {x, y}), 2), "max(x, y)^2", "max(x, y)²", "\\max^{2}{\\left(x, y \\right)}", nullptr},
      {"sigmoid derivative", call("sigmoid", {x}) * (1 - call("sigmoid", {x})), "(1 - sigmoid(x)) sigmoid(x)",
       "(1 − sigmoid(x)) sigmoid(x)", "\\left(1 - \\sigma{\\left(x \\right)}\\right) \\sigma{\\left(x \\right)}",
       "(1 - sigmoid(x))*sigmoid(x)"},
      {"(x + 1)/x", (x + 1) / x, "(x + 1)/x", nullptr, "\\frac{x + 1}{x}", nullptr},
      {"-1/x", -1 / x, "-1/x", "−1/x", "-\\frac{1}{x}", nullptr},
      {"x - 1/x", x - 1 / x, "x - 1/x", "x − 1/x", "x - \\frac{1}{x}", nullptr},
      {"3/x", 3 / x, "3/x", nullptr, "\\frac{3}{x}", nullptr},
      {"x^2.5", pow(x, flt(2.5)), "x^2.5", nullptr, "x^{2.5}", nullptr},
      // a decimal with an exponent beside ^ (3 \cdot 10^{20}^{x} is a double superscript in LaTeX,
      // and x^3e+20 did not read back)
      {"(3e20)^x", pow(flt(3e20), x), "(3e+20)^x", nullptr, "\\left(3 \\cdot 10^{20}\\right)^{x}", nullptr},
      {"x^(3e20)", pow(x, flt(3e20)), "x^(3e+20)", nullptr, "x^{3 \\cdot 10^{20}}", nullptr},
      {"x^(1e-30)", pow(x, flt(1e-30)), "x^(1e-30)", nullptr, "x^{1 \\cdot 10^{-30}}", nullptr},
      {"sqrt(e)", sqrt(e), "sqrt(e)", "√e", "\\sqrt{e}", "sqrt(exp(1))"},
      {"x/sqrt(2)", x / sqrt(Expr(2)), "sqrt(2) x/2", "√2·x/2", "\\frac{\\sqrt{2} x}{2}", "sqrt(2)*x/2"},
      // names
      {"greek", 2 * sym("alpha"), "2 alpha", "2 α", "2 \\alpha", "2*alpha"},
      {"subscripts", sym("v_0") * t + sym("w_11") * sym("x_1"), "t v_0 + w_11 x_1", nullptr,
       "t v_{0} + w_{11} x_{1}", "t*v_0 + w_11*x_1"},
      {"digit suffix", 3 * sym("x1"), "3x1", nullptr, "3 x_{1}", "3*x1"},
      {"multi-letter", sym("rate") * x, "rate x", nullptr, "\\mathrm{rate} x", "rate*x", false},
  };
}

}  // namespace

TEST_CASE("print: table of formats") {
  for (const PrintRow& row : table()) {
    std::string what = row.what;
    CAPTURE(what);
    CAPTURE(debug_string(row.e));
    CHECK(print::to_string(row.e, Format::Text) == std::string(row.text));
    CHECK(print::to_string(row.e, Format::Unicode) == std::string(row.unicode ? row.unicode : row.text));
    CHECK(print::to_string(row.e, Format::Latex) == std::string(row.latex));
    CHECK(print::to_string(row.e, Format::Code) == std::string(row.code ? row.code : row.text));
  }
}

TEST_CASE("print: LaTeX is ASCII with balanced braces, text is ASCII but for ∂") {
  for (const PrintRow& row : table()) {
    std::string what = row.what;
    CAPTURE(what);
    std::string latex = print::to_string(row.e, Format::Latex);
    CAPTURE(latex);
    CHECK(balanced_ascii(latex));
    std::string text = print::to_string(row.e, Format::Text);
    for (std::string::size_type p; (p = text.find("∂")) != std::string::npos;) text.erase(p, std::string("∂").size());
    CHECK(balanced_ascii(text));
  }
}

// docs/language.md §9: every text, unicode and code answer, typed back into ddx, gives the same expression.
TEST_CASE("print: round trip through the parser") {
  for (const PrintRow& row : table()) {
    if (!row.reparse) continue;
    for (Format f : {Format::Text, Format::Unicode, Format::Code}) {
      std::string s = print::to_string(row.e, f);
      CAPTURE(s);
      CHECK(reparse(s) == debug_string(row.e));
    }
  }
}

TEST_CASE("print: Leibniz symbols") {
  using print::leibniz;
  struct L {
    const char* num;
    std::vector<std::string> vars;
    int order;
    bool partial;
    Format f;
    const char* expected;
  };
  const std::vector<L> rows = {
      {"y", {"x"}, 1, false, Format::Text, "dy/dx"},
      {"y", {"x"}, 2, false, Format::Text, "d^2y/dx^2"},
      {"y", {"x"}, 2, false, Format::Unicode, "d²y/dx²"},
      {"z", {"x"}, 1, true, Format::Text, "∂z/∂x"},
      {"z", {"x", "y"}, 2, true, Format::Text, "∂^2z/∂x∂y"},
      {"z", {"x", "y"}, 2, true, Format::Unicode, "∂²z/∂x∂y"},
      {"y", {"x"}, 1, false, Format::Latex, "\\frac{dy}{dx}"},
      {"y", {"x"}, 2, false, Format::Latex, "\\frac{d^{2}y}{dx^{2}}"},
      {"z", {"x"}, 1, true, Format::Latex, "\\frac{\\partial z}{\\partial x}"},
      {"z", {"x", "y"}, 2, true, Format::Latex, "\\frac{\\partial^{2} z}{\\partial x \\partial y}"},
      {"x5", {"x3"}, 1, true, Format::Latex, "\\frac{\\partial x_{5}}{\\partial x_{3}}"},
      {"y", {"x"}, 1, false, Format::Code, "diff(y, x)"},
      {"y", {"x"}, 2, false, Format::Code, "diff(y, x, 2)"},
      {"z", {"x", "y"}, 2, true, Format::Code, "diff(z, x, y)"},
  };
  for (const L& row : rows) {
    std::string expected = row.expected;
    CAPTURE(expected);
    CHECK(leibniz(row.num, row.vars, row.order, row.partial, row.f) == std::string(row.expected));
  }
}

TEST_CASE("print: format names") {
  CHECK(print::parse_format("latex") == Format::Latex);
  CHECK(print::parse_format("json") == Format::Json);
  CHECK_FALSE(print::parse_format("yaml").has_value());
  for (std::string_view name : print::format_names()) CHECK(print::format_name(*print::parse_format(name)) == name);
}

// Ctrl-C reaches the printers: a print of millions of terms stops like the algebra does.
TEST_CASE("print: an interrupt stops printing") {
  Expr x = sym("x");
  Expr big = calc::diff(pow(x, pow(x, x)), x, 3);
  request_interrupt();
  CHECK_THROWS_AS(print::to_string(big, Format::Text), Interrupted);
  CHECK_THROWS_AS(print::to_string(big, Format::Latex), Interrupted);
  clear_interrupt();
  CHECK_FALSE(print::to_string(big, Format::Text).empty());
}

// While an InterruptsHeld lives (a long answer being written in pieces) a request waits.
TEST_CASE("print: an interrupt requested while interrupts are held waits for the hold's end") {
  Expr x = sym("x");
  Expr big = calc::diff(pow(x, pow(x, x)), x, 3);
  request_interrupt();
  {
    InterruptsHeld held;
    CHECK_FALSE(print::to_string(big, Format::Text).empty());
  }
  CHECK(interrupt_requested());
  CHECK_THROWS_AS(print::to_string(big, Format::Text), Interrupted);
  clear_interrupt();
}

namespace {
// What write_expression hands over, piece by piece.
std::vector<std::string> pieces_of(Expr e, Format f) {
  std::vector<std::string> pieces;
  print::write_expression(e, f, [&](std::string_view piece) { pieces.emplace_back(piece); });
  return pieces;
}
}  // namespace

// A long answer is written in pieces (a 10 MB one is never held whole), and the pieces are exactly
// to_string's text: the top level's terms or factors, with the separators and signs the whole
// would have, in every format (those that do not stream give the whole in one piece).
TEST_CASE("print: write_expression gives to_string's text, a long answer in pieces") {
  Expr x = sym("x"), y = sym("y");
  Expr nested = x;
  for (int i = 0; i < 300; ++i) nested = sin(nested);
  std::vector<Expr> powers, factors;
  for (int k = 1; k <= 12000; ++k) powers.push_back(rational(k, 7) * pow(x, k) * (k % 2 ? y : Expr(1)));
  for (int k = 1; k <= 10000; ++k) {
    Expr kx = k * x;
    // symbols, square roots (√ and its brackets in Unicode), powers of calls, numbers with an exponent
    Expr f = k % 4 == 0 ? sym("a_" + std::to_string(k)) : k % 4 == 1 ? sqrt(kx + 1) : k % 4 == 2 ? pow(sin(kx), k) : pow(kx + y, rational(1, k));
    factors.push_back(f);
  }
  struct Case {
    const char* what;
    Expr e;
    bool long_answer;
  };
  for (const Case& c : std::vector<Case>{
           {"a product of 300 factors (the chain rule 300 deep)", calc::diff(nested, x), true},
           {"a sum of 12000 terms", add(powers), true},
           {"its derivative", calc::diff(add(powers), x), true},
           {"a product of 10000 factors of four kinds", mul(factors), true},
           {"its negative", -mul(factors), false},
           {"a short answer", calc::diff(sin(x) * pow(x, 2), x), false},
           {"a number", num(Number::from_double(1e-30)) , false}}) {
    for (Format f : {Format::Text, Format::Unicode, Format::Code, Format::Latex, Format::SymPy, Format::Maxima}) {
      INFO(c.what << ", format " << print::format_name(f));
      std::string whole = print::to_string(c.e, f);
      std::vector<std::string> pieces = pieces_of(c.e, f);
      std::string joined;
      for (const std::string& p : pieces) joined += p;
      CHECK(joined == whole);
      bool streams = c.long_answer && (f == Format::Text || f == Format::Unicode || f == Format::Code);
      if (streams) {
        CHECK(pieces.size() > 2);
        std::size_t largest = 0;
        for (const std::string& p : pieces) largest = std::max(largest, p.size());
        CHECK(largest < whole.size() / 2);
      } else {
        CHECK(pieces.size() == 1);
      }
    }
  }
}
