// SPDX-License-Identifier: GPL-3.0-or-later
// Help texts. Every example here is a statement ddx accepts.
#include "repl/help.hpp"

#include <sstream>

#include "core/functions.hpp"
#include "eval/procedures.hpp"
#include "repl/commands.hpp"
#include "repl/options.hpp"

namespace ddx {
namespace {

// Words in lines of at most 96 columns, continuation lines indented by `indent`.
std::string wrapped(const std::string& words, std::size_t indent) {
  std::string out, line;
  std::istringstream in(words);
  for (std::string w; in >> w;) {
    if (!line.empty() && indent + line.size() + 1 + w.size() > 96) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
    }
    line += (line.empty() ? "" : " ") + w;
  }
  return out + line;
}

// s in a column of `width`, then a space; too long, s alone on its line and the next indented.
std::string padded(std::string s, std::size_t width) {
  if (s.size() > width) return s + "\n  " + std::string(width + 1, ' ');
  s.append(width - s.size(), ' ');
  return s + " ";
}

std::string functions_help() {
  std::string s = "functions (a name, then its argument in brackets or after a space: sin(x), sin x):\n";
  for (const FunctionInfo& f : builtin_function_table()) {
    std::string args = f.arity == 1 ? "(x)" : "(a, b)";
    s += "  " + padded(f.name + args, 14) + f.help + "\n";
  }
  return s +
         "  log_b(x)       the base-b logarithm: log_2(x), log_a(x)\n"
         "  d/dx sin x^2   `sin x^2` = sin(x^2); sin^2(x) = sin(x)^2; sin^-1(x) is refused (asin or 1/sin?)\n"
         "  d/dx f(2x + 1) undefined f, g, h ... are abstract functions: 2 f'(2x + 1)\n"
         "constants: e, pi (π); ans is the previous answer";
}

std::string procedures_help() {
  std::string s = "procedures:\n";
  for (const eval::Procedure& p : eval::procedures())
    s += "  " + padded(std::string(p.usage), 36) + std::string(p.help) + "\n";
  s.pop_back();
  return s;
}

std::string commands_help() {
  std::string s = "commands:\n";
  for (const Command& c : commands())
    s += "  " + padded(":" + std::string(c.name) + (c.arguments.empty() ? "" : " " + std::string(c.arguments)), 36) +
         std::string(c.help) + "\n";
  return s +
         "keys: Tab completes functions, names, :commands and their words; \\partial Tab -> ∂, \\alpha Tab -> α, \\pi Tab -> π\n"
         "      Up/Down history (kept in $XDG_STATE_HOME/ddx/history); Ctrl-C cancels the line or the\n"
         "      running computation; a line ending in \\ continues on the next line";
}

std::string general_help();

}  // namespace

std::string usage_text() {
  std::string options;
  for (const CommandLineOption& o : command_line_options()) {
    std::string names = o.short_name.empty() ? "    " : std::string(o.short_name) + (o.long_name.empty() ? "" : ", ");
    names += std::string(o.long_name);
    if (!o.argument.empty()) names += " " + std::string(o.argument);
    options += "  " + padded(names, 19) + std::string(o.help) + "\n";
  }
  return "usage: ddx [options] [FILE...]\n"
         "\n"
         "Differentiate formulas exactly. With no FILE and a terminal, starts the REPL;\n"
         "with piped input, reads statements from stdin, one per line (or separated by ';').\n"
         "\n"
         "options:\n" +
         options +
         "\n"
         "examples:\n"
         "  ddx -e 'd/dx (3x+4)^2'\n"
         "  echo 'd/dx sin(x)^2' | ddx\n"
         "  ddx --latex -e 'd/dx x^x'\n"
         "\n"
         "exit status: 0 when every statement succeeded, 1 when any failed, 2 for bad usage.\n";
}

std::optional<std::string> help_text(std::string_view topic) {
  if (topic == "diff" || topic == "derivatives")
    return R"(derivatives:
  d/dx x^3 + 2x          derivative with respect to x (scope: to the end, a bracket or a comma)
  d^2/dx^2 sin(x)        higher order
  diff(x^2 y, x, y)      mixed partial; diff(E, x, 3) is the third derivative
  d(x^2)/dx   dx^2/dx    a derivative written as a fraction, as on paper (d*x^2/(d*x): a variable d)
  y = u^3; u = 2x + 1    definitions; then dy/dx
  f'(x), f''(t)          derivatives of abstract or defined functions
  d/dx abs(x^2) at x = 0 the derivative there; refused where there is none (abs(x) at 0: a corner)
reading: ax^2 = a x^2, xe^x = x e^x, x(x+1)^2 = x (x+1)^2: ^ binds tighter than juxtaposition)";
  if (topic == "errors" || topic == "limits")
    return R"(errors and limits (each is an error naming the cause; a failed statement changes nothing):
  1/0, log(0), 0^0, tan(pi/2), sqrt(-1), asin(2), float overflow    math errors, never nan or inf
  nesting (brackets, signs, ^ chains, d/dx) deeper than 10000 levels
  expressions deeper than 30000 levels (definitions substituted into one another stack their depths)
  lines longer than 4 MiB; integers of more than 100000 digits typed in
  exact results of more than 1000000 digits (10^10^10); x^(10^100) stays symbolic
  expansions of more than 1000000 terms; derivative order above 1000 (a polynomial of lower degree: 0)
  unknown names of 4 or more letters (loss); ambiguous forms: sin^-1(x), 1/ab, xy(x+1)
  names of operations ddx does not do (integrate, limit, solve): an error that says so
  factor and simplify's cancelling: 5000 terms, degree 200, 64 variables, and a work limit
  more than 3000000 new subexpressions in one statement; answers of more than 5000000 printed terms
  a steps trace of more than 100000 printed terms shows the answer alone, with a note
  a chain (dy/dx) of more than 2000 Leibniz factors in all shows its value alone, with a note
  matrix expressions written out in entries (at n = 3): dimensions up to 12
  invalid UTF-8, NUL and other control characters, a CR inside a line (a final CR is a CRLF line end)
  Ctrl-C or --timeout SECS: the computation stops, definitions stay)";
  if (topic == "format" || topic == "formats")
    return R"(formats:  :format NAME   (or ddx --format NAME)
  text         2 sin(x) cos(x)/x - sin(x)^2/x^2
  unicode      2 sin(x) cos(x)/x − sin²(x)/x²
  latex        \frac{2 \sin{\left(x \right)} \cos{\left(x \right)}}{x} - ...
  code         2*sin(x)*cos(x)/x - sin(x)^2/x^2
  json         {"input": ..., "text": ..., "latex": ..., "code": ...}, one object per statement
  sympy        2*sin(x)*cos(x)/x - sin(x)**2/x**2     (Rational(1, 2), E, Max, Symbol('N'))
  maxima       2*sin(x)*cos(x)/x - sin(x)^2/x^2       (%e, %pi, signum)
  mathematica  2*Sin[x]*Cos[x]/x - Sin[x]^2/x^2       (E, Pi, Derivative[1][f][x])
  python       def d_dx(x): ... a function per answer, shared parts computed once (t1 = ...)
  numpy        the same on arrays: d_dx(np.arange(-2, 2.25, 0.25))
  c            double d_dx(double x) { ... }; vectors and matrices fill an out parameter
  :export session.tex    the session as a LaTeX document (amsmath); pdflatex session.tex)";
  if (topic == "chain" || topic == "definitions" || topic == "define")
    return R"(definitions and chains:
  y = u^3                name = expression (or :=); definitions print nothing
  u = 2x^3 + 3x^2        y now depends on x through u
  dy/dx                  the chain rule, shown step by step
  d^2y/dx^2              the second-order chain rule through u
  z = f(u, v)            an unknown function of u and v
  ∂z/∂u                  partial derivative (ASCII: diff(z, u))
  sq(t) = t^2 + 1        a function; then d/dx sq(3x)
  :vars   :clear y   :clear)";
  if (topic == "functions") return functions_help();
  if (topic == "procedures") return procedures_help();
  if (topic == "vectors" || topic == "vector" || topic == "matrices")
    return R"(vectors and matrices:
  [x^2, x y]                   a vector; [[a, b], [c, d]] a matrix
  grad(x^2 y + y^3)            gradient over the free symbols, sorted
  jacobian([x y, x + y], [x, y])
  hessian(x^2 y + y^3, [x, y])
  tangent(x^2, x = 1)          y = 2x - 1
  total(x^2 y)                 the total differential: df = 2x y dx + x^2 dy
  d/dx x^3 at x = 2            substitute exactly; approx(pi, 30) for decimals
  d/dx sin(x^2) == 2x cos(x^2) check an answer: true or false
  table(x^2, x = -2 .. 2 step 0.5)       a column of values (CSV with --format code)
  plot(x^2, 2x, x = -2 .. 2)             a plot in the terminal, or after :plot-to FILE.svg
matrix calculus (declared names, shapes checked):
  x in R^n    A in R^(n, n)    declare a vector and a matrix (also x ∈ ℝ^n); :vars, :clear
  d/dx x^T A x                 (A + A^T) x; also tr, det, inv, norm, logdet, softmax, ⊙
  hessian(x^T A x, x)          A + A^T
  d/dx x^T A x at n = 2        entry by entry: [2A_11 x_1 + (A_12 + A_21) x_2, ...])";
  if (topic == "commands" || topic == "keys" || topic == "repl") return commands_help();
  if (!topic.empty()) return std::nullopt;
  return general_help();
}

namespace {

// troff escapes what it would take as requests or escapes: a backslash, a leading dot or quote.
std::string troff(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '\\' ? std::string("\\e") : c == '-' ? std::string("\\-") : std::string(1, c);
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

}  // namespace

std::string man_options() {
  std::string s;
  for (const CommandLineOption& o : command_line_options()) {
    std::string names;
    for (std::string_view n : {o.short_name, o.long_name})
      if (!n.empty()) names += (names.empty() ? "" : ", ") + std::string("\\fB") + troff(n) + "\\fR";
    if (!o.argument.empty()) names += " \\fI" + troff(o.argument) + "\\fR";
    s += ".TP\n" + names + "\n" + troff(o.help) + "\n";
  }
  s.pop_back();
  return s;
}

std::string man_functions() {
  std::string s;
  for (const FunctionInfo& f : builtin_function_table())
    s += ".TP\n\\fB" + troff(f.name) + "\\fR(" + (f.arity == 1 ? "\\fIx\\fR" : "\\fIa\\fR, \\fIb\\fR") + ")\n" + troff(f.help) + "\n";
  return s + ".TP\n\\fBlog_\\fR\\fIb\\fR(\\fIx\\fR)\nthe base-b logarithm: log_2(x), log_a(x)";
}

std::string man_procedures() {
  std::string s;
  for (const eval::Procedure& p : eval::procedures()) s += ".TP\n\\fB" + troff(p.usage) + "\\fR\n" + troff(p.help) + "\n";
  s.pop_back();
  return s;
}

std::string man_commands() {
  std::string s;
  for (const Command& c : commands())
    s += ".TP\n\\fB:" + troff(c.name) + "\\fR" + (c.arguments.empty() ? "" : " \\fI" + troff(c.arguments) + "\\fR") + "\n" +
         troff(c.help) + "\n";
  s.pop_back();
  return s;
}

std::string man_page(std::string page) {
  for (const auto& [mark, text] : {std::pair<std::string, std::string>{"@OPTIONS@", man_options()},
                                   {"@FUNCTIONS@", man_functions()},
                                   {"@PROCEDURES@", man_procedures()},
                                   {"@COMMANDS@", man_commands()}})
    if (auto at = page.find(mark); at != std::string::npos) page.replace(at, mark.size(), text);
  return page;
}

namespace {
std::string general_help() {
  std::string functions;
  for (const FunctionInfo& f : builtin_function_table()) functions += (functions.empty() ? "" : " ") + f.name;
  std::string commands_line;
  for (const Command& c : commands()) commands_line += (commands_line.empty() ? "" : "  ") + (":" + std::string(c.name));
  return "ddx — exact derivatives.  Try:\n"
         "  d/dx (3x+4)^2              -> 18x + 24\n"
         "  d/dx x^x                   -> x^x (log(x) + 1)\n"
         "  diff(2x^3 + 4x y + 5y^2, x)\n"
         "  expand((x+1)^3)   simplify(sin(x)^2 + cos(x)^2)   factor(x^2 - 1)\n"
         "  y = u^3   u = 2x^3 + 3x^2   dy/dx\n"
         "  d/dx x^2 at x = 3\n"
         "\n"
         "functions: " + wrapped(functions, 11) + " ln log_b\n"
         "constants: e, pi\n"
         "commands:  " + wrapped(commands_line, 11) + "\n"
         "help:      :help TOPIC, topics: " + std::string(help_topics);
}
}  // namespace

}  // namespace ddx
