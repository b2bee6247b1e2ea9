// SPDX-License-Identifier: GPL-3.0-or-later
// Help texts. Every example here is a statement ddx accepts.
#include "repl/help.hpp"

namespace ddx {

std::string usage_text() {
  return R"(usage: ddx [options] [FILE...]

Differentiate formulas exactly. With no FILE and a terminal, starts the REPL;
with piped input, reads statements from stdin, one per line (or separated by ';').

options:
  -e STMT              run STMT (may be repeated), print the answers and exit
  -f, --format FMT     output format: text (default), unicode, latex, code, json
      --latex          same as --format latex
      --steps          explain each derivative step by step
      --stats          at exit, print phase times and peak memory on stderr
      --timeout SECS   stop any line that computes longer than SECS seconds
  -h, --help           show this help and exit
      --version        show the version and exit

examples:
  ddx -e 'd/dx (3x+4)^2'
  echo 'd/dx sin(x)^2' | ddx
  ddx --latex -e 'd/dx x^x'

exit status: 0 when every statement succeeded, 1 when any failed, 2 for bad usage.
)";
}

std::string help_text(std::string_view topic) {
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
  lines longer than 4 MiB; integers of more than 100000 digits typed in
  exact results of more than 1000000 digits (10^10^10); x^(10^100) stays symbolic
  expansions of more than 1000000 terms; derivative order above 1000 (a polynomial of lower degree: 0)
  unknown names of 4 or more letters (loss); ambiguous forms: sin^-1(x), 1/ab, xy(x+1)
  names of operations ddx does not do (integrate, limit, solve): an error that says so
  factor and simplify's cancelling: 5000 terms, degree 200, 64 variables, and a work limit
  more than 3000000 new subexpressions in one statement; answers of more than 5000000 printed terms
  a steps trace of more than 100000 printed terms shows the answer alone, with a note
  invalid UTF-8, NUL and other control characters, a CR inside a line (a final CR is a CRLF line end)
  Ctrl-C or --timeout SECS: the computation stops, definitions stay)";
  if (topic == "format" || topic == "formats")
    return R"(formats:  :format text|unicode|latex|code|json   (or ddx --format FMT)
  text     2 sin(x) cos(x)/x - sin(x)^2/x^2
  unicode  2 sin(x) cos(x)/x − sin²(x)/x²
  latex    \frac{2 \sin{\left(x \right)} \cos{\left(x \right)}}{x} - ...
  code     2*sin(x)*cos(x)/x - sin(x)^2/x^2
  json     {"input": ..., "text": ..., "latex": ..., "code": ...}, one object per statement
  :export session.tex    a LaTeX document (amsmath) of every answer so far; pdflatex session.tex)";
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
  if (topic == "functions")
    return R"(functions: sin cos tan cot sec csc asin acos atan sinh cosh tanh asinh acosh atanh
           exp log ln sqrt abs sign log_b sigmoid softplus relu max min
  d/dx log_2(x)          logarithm to base 2
  d/dx sigmoid(x)        ML favourites: sigmoid, softplus, relu, max, min
  d/dx sin x^2           `sin x^2` = sin(x^2); sin^2(x) = sin(x)^2
  d/dx f(2x + 1)         undefined f, g, h ... are abstract functions: 2 f'(2x + 1)
  constants: e, pi (π); ans is the previous answer)";
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
  plot(x^2, 2x, x = -2 .. 2)             a plot in the terminal, or after :plot-to FILE.svg)";
  if (topic == "commands" || topic == "keys" || topic == "repl")
    return R"(commands:
  :help [topic]      topics: diff chain functions vectors formats commands errors
  :format FMT        text, unicode, latex, code or json
  :vars              list definitions;  :clear NAME / :clear  forget them
  :steps on|off      explain each derivative step by step (also: steps d/dx sin(x^2))
  :export FILE.tex   write every answer so far as a LaTeX document
  :plot-to FILE.svg  send the plots that follow to an SVG file (:plot-to alone: the terminal)
  :set layout numerator|denominator   how jacobian lays out its matrix
  :quit              leave (or Ctrl-D on an empty line)
keys: Tab completes functions, names and :commands; \partial Tab -> ∂, \alpha Tab -> α, \pi Tab -> π
      Up/Down history (kept in $XDG_STATE_HOME/ddx/history); Ctrl-C cancels the line or the
      running computation; a line ending in \ or with an open ( or [ continues on the next)";
  return R"(ddx — exact derivatives.  Try:
  d/dx (3x+4)^2              -> 18x + 24
  d/dx x^x                   -> x^x (log(x) + 1)
  diff(2x^3 + 4x y + 5y^2, x)
  expand((x+1)^3)   simplify(sin(x)^2 + cos(x)^2)   simplify((x^2 - 1)/(x - 1))
  factor(x^4 - 1)  -> (x - 1) (x + 1) (x^2 + 1)    irreducible factors over Q; exact numbers only;
                      at most 5000 terms, degree 200, 64 variables (sin(x), sqrt(x), e^x count as ones)
  y = u^3   u = 2x^3 + 3x^2   dy/dx
  d/dx x^2 at x = 3

functions: sin cos tan cot sec csc asin acos atan sinh cosh tanh asinh acosh atanh
           exp log ln sqrt abs sign log_b sigmoid softplus relu max min
constants: e, pi
commands:  :help [diff|chain|functions|vectors|formats|commands|errors]  :format FMT  :vars
           :clear [NAME]  :steps on|off  :export FILE.tex  :plot-to FILE.svg  :set layout L  :quit)";
}

}  // namespace ddx
