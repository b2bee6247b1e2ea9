// SPDX-License-Identifier: GPL-3.0-or-later
// Other systems' formats (docs/language.md, "Output formats"), checked by those systems: the
// generated Python, NumPy and C functions are run (C compiled with -Wall -Werror) and SymPy and
// Maxima read the dialect answers; every value must equal ddx's own evaluation of the answer at
// random points. The answers: each built-in function over three inner arguments, their
// derivatives, random expressions and their derivatives, gradients and Hessians. Mathematica is
// not a Debian package: its dialect is checked by golden transcripts (tests/transcripts).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/substitute.hpp"
#include "print/foreign.hpp"
#include "print/program.hpp"
#include "print/result.hpp"
#include "support/random_expr.hpp"
#include "support/run_ddx.hpp"
#include "support/temp_dir.hpp"
#include "support/tools.hpp"

using namespace ddx;
namespace fs = std::filesystem;

namespace {

// Debian's Python: the one the README's set-up installs SymPy and NumPy into.
const std::string python = "/usr/bin/python3";

struct Point {
  double x, y;
};

// One answer to check: its entries (one for a scalar), shape, and ddx's values at the points.
struct Case {
  eval::Result result;
  std::vector<Expr> entries;
  std::vector<std::vector<double>> expected;  // per point, per entry
};

std::vector<Point> points() {
  std::mt19937_64 rng(20261203);
  std::uniform_real_distribution<double> d(-1.9, 1.9);
  std::vector<Point> p;
  for (int i = 0; i < 3; ++i) p.push_back({d(rng), d(rng)});
  return p;
}

bool comparable(double v) { return std::isfinite(v) && std::fabs(v) < 1e8; }

Case make_case(eval::Value value, std::size_t index) {
  Case c;
  c.result = eval::Result::of(std::move(value));
  c.result.name = "f" + std::to_string(index);
  std::function<void(const eval::Value&)> walk = [&](const eval::Value& v) {
    if (v.is_scalar()) c.entries.push_back(v.scalar);
    for (const eval::Value& i : v.items) walk(i);
  };
  walk(c.result.value);
  for (Point p : points()) {
    std::vector<double> row;
    for (Expr e : c.entries) {
      try {
        row.push_back(calc::evaluate(e, {{"x", p.x}, {"y", p.y}}));
      } catch (const MathError&) {
        row.push_back(NAN);
      }
    }
    // Python's math raises on a domain error, losing the whole vector: a point where any entry has
    // no value is not compared at all.
    if (std::any_of(row.begin(), row.end(), [](double v) { return !std::isfinite(v); })) row.assign(row.size(), NAN);
    c.expected.push_back(row);
  }
  return c;
}

// The answers: every built-in over three arguments (one for each kind of domain), the random
// expressions of support/random_expr.hpp, their derivatives by x, and a few gradients and Hessians.
std::vector<Case> corpus() {
  const Expr x = sym("x"), y = sym("y");
  const std::vector<Expr> inner = {x * y - x / 3, pow(x, 2) + pow(y, 2) + 1, 1 / (pow(x, 2) + 2 * pow(y, 2) + 2)};
  std::vector<Expr> exprs;
  for (const FunctionInfo& f : builtin_function_table()) {
    if (f.arity == 2) {
      exprs.push_back(call(f.name, {inner[0], inner[2]}) * y);
      continue;
    }
    for (Expr u : inner) exprs.push_back(call(f.name, {u}) * y + pow(call(f.name, {u}), 2));
  }
  // The constants, a rational power and a big integer (C writes it as a double).
  exprs.push_back(pi_const() * x + pow(e_const(), y) * e_const() + pow(x * x + 1, rational(2, 3)));
  exprs.push_back(Expr(12345678901LL) * x / 7 + pow(pi_const(), x));
  // Odd roots of what may be negative: the real root in every system (Python's ** would be complex).
  exprs.push_back(pow(x, rational(1, 3)) * y + pow(x - y, rational(2, 3)) + pow(y, rational(5, 3)));
  // An odd root that is the whole divisor: NumPy's 1/np.sign(x)*np.abs(x)**(1/3) divided by the
  // sign alone.
  exprs.push_back(pow(x, rational(-1, 3)));
  exprs.push_back(pow(pow(x, 3) + 1, rational(2, 3)));
  test::RandomExpr random(7);
  for (int i = 0; i < 40; ++i) {
    try {
      exprs.push_back(random(4));
    } catch (const MathError&) {
    }
  }
  std::vector<Case> cases;
  for (Expr e : exprs) {
    cases.push_back(make_case(eval::Value::of(e), cases.size()));
    Expr d = calc::diff(e, x);
    cases.push_back(make_case(eval::Value::of(d), cases.size()));
    if (cases.size() % 7 == 1) {  // vectors and matrices now and then
      Expr dy = calc::diff(e, y);
      cases.push_back(make_case(eval::Value::list({eval::Value::of(d), eval::Value::of(dy)}), cases.size()));
      auto row = [&](Expr g) { return eval::Value::list({eval::Value::of(calc::diff(g, x)), eval::Value::of(calc::diff(g, y))}); };
      cases.push_back(make_case(eval::Value::list({row(d), row(dy)}), cases.size()));
    }
  }
  return cases;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> c = corpus();
  return c;
}

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  INFO(command << "\n" << out);
  REQUIRE(status == 0);
  return out;
}

// Compares what the system printed, one line per case, point and entry ("nan" where it has no
// value), with ddx's values. Returns the number of values compared.
std::size_t compare(const std::string& output, const std::string& system) {
  std::istringstream in(output);
  std::size_t compared = 0, mismatches = 0;
  for (const Case& c : cases()) {
    for (const std::vector<double>& row : c.expected) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        std::string line;
        REQUIRE(std::getline(in, line));
        if (!comparable(row[i])) continue;
        double got = NAN;
        try {
          got = std::stod(line);
        } catch (...) {
        }
        double tolerance = 1e-7 * std::max({1.0, std::fabs(row[i])});
        if (!(std::fabs(got - row[i]) <= tolerance)) {
          ++mismatches;
          if (mismatches < 10)
            FAIL_CHECK(system << " gives " << line << " where ddx gives " << row[i] << " for " << c.result.name << " = " << debug_string(c.entries[i]));
        }
        ++compared;
      }
    }
  }
  CHECK(mismatches == 0);
  return compared;
}

bool have_python_modules() {
  if (!ddx_test::require_tool(python, "python3")) return false;
  if (std::system((python + " -c 'import sympy, numpy' 2>/dev/null").c_str()) == 0) return true;
  const char* ci = std::getenv("CI");
  if (ci && std::string(ci) == "true") FAIL_CHECK("SymPy or NumPy is missing (bash .ci/deps installs python3-sympy and python3-numpy): required under CI=true");
  else MESSAGE("SymPy or NumPy is missing: skipped");
  return false;
}

std::string python_number(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

// A Python script that prints every case's values at every point, one per line.
std::string python_script(print::Format f) {
  std::string s = "import math\nimport numpy as np\n\n";
  for (const Case& c : cases()) s += print::program(c.result, f) + "\n\n";
  s += "def flat(v):\n    return [e for row in v for e in row] if isinstance(v, (list, np.ndarray)) and len(v) and isinstance(v[0], (list, np.ndarray)) else (list(v) if isinstance(v, (list, np.ndarray)) else [v])\n\n";
  s += "def show(v):\n    try:\n        print(repr(float(v)))\n    except Exception:\n        print('nan')\n\n";
  std::vector<Point> ps = points();
  for (const Case& c : cases()) {
    std::vector<Expr> free;
    for (Expr e : c.entries)
      for (Expr s : free_symbols(e))
        if (std::find(free.begin(), free.end(), s) == free.end()) free.push_back(s);
    auto args = [&](const std::string& xs, const std::string& ys) {
      std::vector<std::string> names;
      for (Expr v : free) names.push_back(v.name());
      std::sort(names.begin(), names.end());
      std::string a;
      for (const std::string& n : names) a += (a.empty() ? "" : ", ") + n + "=" + (n == "x" ? xs : ys);
      return a;
    };
    if (f == print::Format::NumPy) {  // all points at once, as arrays
      std::string xs = "np.array([", ys = "np.array([";
      for (std::size_t i = 0; i < ps.size(); ++i)
        xs += (i ? ", " : "") + python_number(ps[i].x), ys += (i ? ", " : "") + python_number(ps[i].y);
      xs += "])", ys += "])";
      s += "with np.errstate(all='ignore'):\n    v = " + c.result.name + "(" + args(xs, ys) + ")\n";
      std::string k = std::to_string(ps.size()), n = std::to_string(c.entries.size());
      // Entry i at point p is v[i, p]: a scalar answer is one entry; constants broadcast.
      s += "    v = np.broadcast_to(np.asarray(v, dtype=float).reshape(" + n + ", -1), (" + n + ", " + k + "))\n";
      s += "    for p in range(" + k + "):\n        for i in range(" + n + "):\n            show(v[i, p])\n";
    } else {
      for (Point p : ps) {
        s += "try:\n    v = flat(" + c.result.name + "(" + args(python_number(p.x), python_number(p.y)) + "))\n";
        s += "except (ValueError, ZeroDivisionError, OverflowError):\n    v = [math.nan] * " + std::to_string(c.entries.size()) + "\n";
        s += "for e in v:\n    show(e)\n";
      }
    }
  }
  return s;
}

}  // namespace

TEST_CASE("python and numpy: the generated functions compute ddx's values (numpy on arrays)") {
  if (!have_python_modules()) return;
  ddx_test::TempDir dir("ddx_python");
  for (print::Format f : {print::Format::Python, print::Format::NumPy}) {
    fs::path script = dir.dir / "check.py";
    std::ofstream(script) << python_script(f);
    std::size_t compared = compare(run(python + " " + script.string()), print::format_name(f).data());
    CHECK(compared > 600);
    MESSAGE(print::format_name(f) << ": " << compared << " values compared");
  }
}

TEST_CASE("c: the generated functions compile with -Wall -Werror and compute ddx's values") {
  if (!ddx_test::require_tool("cc", "gcc")) return;
  ddx_test::TempDir dir("ddx_c");
  std::string source = "#include <stdio.h>\n";
  std::set<std::string> helpers_defined;
  for (const Case& c : cases()) {
    std::string text = print::program(c.result, print::Format::C);
    // The helpers (sign, softplus, sigmoid) come with every function that uses them: once is
    // enough in one file. Each is a line `static double NAME(...) { ... }`, or such a head to a
    // line `}`.
    for (std::size_t at = 0; (at = text.find("static double ", at)) != std::string::npos;) {
      std::size_t const line_end = text.find('\n', at);
      std::size_t const end = text[line_end - 1] == '}' ? line_end + 1 : text.find("\n}\n", at) + 3;
      std::string const name = text.substr(at + 14, text.find('(', at) - at - 14);
      if (helpers_defined.insert(name).second) at = end;
      else text.erase(at, end - at);
    }
    source += text + "\n\n";
  }
  source += "int main(void) {\n";
  for (Point p : points()) {
    for (const Case& c : cases()) {
      std::vector<std::string> names;
      for (Expr e : c.entries)
        for (Expr s : free_symbols(e))
          if (std::find(names.begin(), names.end(), s.name()) == names.end()) names.push_back(s.name());
      std::sort(names.begin(), names.end());
      std::string args;
      for (const std::string& n : names) args += (args.empty() ? "" : ", ") + python_number(n == "x" ? p.x : p.y);
      if (c.entries.size() == 1 && c.result.value.is_scalar()) {
        source += "  printf(\"%.17g\\n\", " + c.result.name + "(" + args + "));\n";
      } else {
        std::size_t n = c.entries.size();
        bool matrix = !c.result.value.items[0].is_scalar();
        std::string dims = matrix ? "[2][2]" : "[" + std::to_string(n) + "]";
        source += "  { double out" + dims + "; " + c.result.name + "(" + args + (args.empty() ? "" : ", ") + "out); ";
        source += "for (int i = 0; i < " + std::to_string(n) + "; ++i) printf(\"%.17g\\n\", " +
                  (matrix ? "out[i / 2][i % 2]" : "out[i]") + "); }\n";
      }
    }
  }
  source += "  return 0;\n}\n";
  // main prints point by point; compare() reads case by case: reorder the lines first.
  fs::path file = dir.dir / "check.c", binary = dir.dir / "check";
  std::ofstream(file) << source;
  run("cc -std=c11 -Wall -Werror -o " + binary.string() + " " + file.string() + " -lm 2>&1");
  std::vector<std::string> lines;
  std::istringstream in(run(binary.string()));
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::string reordered;
  std::size_t per_point = lines.size() / points().size(), offset = 0;
  for (const Case& c : cases()) {
    for (std::size_t p = 0; p < points().size(); ++p)
      for (std::size_t i = 0; i < c.entries.size(); ++i) reordered += lines[p * per_point + offset + i] + "\n";
    offset += c.entries.size();
  }
  std::size_t compared = compare(reordered, "C");
  CHECK(compared > 600);
  MESSAGE("c: " << compared << " values compared");
}

TEST_CASE("sympy: each answer, as typed into SymPy, has ddx's values and stays exact") {
  if (!have_python_modules()) return;
  ddx_test::TempDir dir("ddx_sympy");
  std::string s = "from sympy import *\nx, y = symbols('x y')\n\ndef show(v):\n    try:\n        print(repr(float(v)))\n    except Exception:\n        print('nan')\n\n";
  std::size_t exact_answers = 0;
  for (const Case& c : cases()) {
    std::string text = print::render(c.result, print::Format::SymPy);
    s += "v = " + text + "\nv = list(v) if isinstance(v, (list, MatrixBase)) else [v]\n";
    s += "v = [e for r in v for e in (r if isinstance(r, list) else [r])]\n";
    bool exact = true;  // ddx's answer has no floats: SymPy's reading must not either
    for (Expr e : c.entries) exact = exact && debug_string(e).find('.') == std::string::npos;
    if (exact) {
      s += "assert all(not sympify(e).atoms(Float) for e in v), 'floats in " + c.result.name + "'\n";
      ++exact_answers;
    }
    for (Point p : points())
      s += "for e in v:\n    show(sympify(e).subs({x: Rational('" + python_number(p.x) + "'), y: Rational('" + python_number(p.y) + "')}).evalf(30))\n";
  }
  fs::path script = dir.dir / "check.py";
  std::ofstream(script) << s;
  std::size_t compared = compare(run(python + " " + script.string()), "SymPy");
  CHECK(compared > 600);
  CHECK(exact_answers > 100);
  MESSAGE("sympy: " << compared << " values compared, " << exact_answers << " answers checked exact");
}

TEST_CASE("maxima: each answer, as typed into Maxima, has ddx's values") {
  if (!ddx_test::require_tool("maxima", "maxima")) return;
  ddx_test::TempDir dir("ddx_maxima");
  std::string s = "display2d: false$\nshow(v) := if numberp(v) then print(v) else print(\"nan\")$\n";
  s += "entries(v) := if matrixp(v) then flatten(args(v)) else if listp(v) then v else [v]$\n";
  for (const Case& c : cases()) {
    std::string text = print::render(c.result, print::Format::Maxima);
    for (Point p : points())
      s += "errcatch(map(show, map(lambda([e], float(subst([x = " + python_number(p.x) + ", y = " +
           python_number(p.y) + "], e))), entries(" + text + "))))$\n";
  }
  fs::path batch = dir.dir / "check.mac";
  std::ofstream(batch) << s;
  std::string out = run("maxima --very-quiet --batch-string=\"batchload(\\\"" + batch.string() + "\\\")$\" 2>&1");
  // Maxima prints what print() shows, one value per line; errors (a domain error) print nothing:
  // keep the numeric lines and "nan".
  std::string values;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) {
    while (!l.empty() && l.back() == ' ') l.pop_back();
    if (l == "nan" || (!l.empty() && (std::isdigit(static_cast<unsigned char>(l[0])) || l[0] == '-'))) values += l + "\n";
  }
  std::size_t compared = compare(values, "Maxima");
  CHECK(compared > 600);
  MESSAGE("maxima: " << compared << " values compared");
}

TEST_CASE("programs: shared parts are computed once, so code grows with the DAG, not the tree") {
  Expr x = sym("x"), chain = x;
  for (int i = 0; i < 30; ++i) chain = sin(chain);
  eval::Result r = eval::Result::of(eval::Value::of(calc::diff(chain, x)));
  r.name = "d_dx";
  for (print::Format f : {print::Format::Python, print::Format::NumPy, print::Format::C}) {
    std::string text = print::program(r, f);
    std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    INFO(text);
    CHECK(lines < 70);
    CHECK(text.find(f == print::Format::C ? "d_dx(double x)" : "def d_dx(x):") != std::string::npos);
  }
  // 2000 deep (the benchmark's W2): one temporary per level, and the text linear in the depth.
  for (int i = 30; i < 2000; ++i) chain = sin(chain);
  r.value = eval::Value::of(calc::diff(chain, x));
  std::string text = print::program(r, print::Format::Python);
  CHECK(std::count(text.begin(), text.end(), '\n') < 2100);
  CHECK(text.size() < 100'000);
}

TEST_CASE("programs and dialects: names a system reads otherwise are written so it reads them as names") {
  CHECK(print::foreign_symbol("N", print::Format::SymPy) == "Symbol('N')");
  CHECK(print::foreign_symbol("N", print::Format::Mathematica) == "Global`N");
  // The Greek names Pi and Gamma are Mathematica's pi and gamma function; Lambda is SymPy's class.
  CHECK(print::foreign_symbol("Pi", print::Format::Mathematica) == "Global`Pi");
  CHECK(print::foreign_symbol("Gamma", print::Format::Mathematica) == "Global`Gamma");
  CHECK(print::foreign_symbol("Lambda", print::Format::SymPy) == "Symbol('Lambda')");
  CHECK(print::foreign_symbol("Pi", print::Format::SymPy) == "Pi");
  CHECK(print::foreign_symbol("A_1_10", print::Format::Mathematica) == "Subscript[A, 1, 10]");
  CHECK(print::foreign_symbol("lambda", print::Format::Python) == "lambda_");
  CHECK(print::foreign_symbol("double", print::Format::C) == "double_");
  CHECK(print::foreign_symbol("sin", print::Format::C) == "sin_");
  CHECK(print::foreign_symbol("x_1", print::Format::Maxima) == "x_1");
  // An entry of negative index (a sum from n = -1 writes x_-1 out) is a name everywhere: 2*x_-1
  // was 2*x_ - 1 in SymPy and Maxima, and no parameter in Python or C.
  CHECK(print::foreign_symbol("x_-1", print::Format::SymPy) == "Symbol('x_-1')");
  CHECK(print::foreign_symbol("x_-1", print::Format::Maxima) == "x_\\-1");
  CHECK(print::foreign_symbol("x_-1", print::Format::Python) == "x_m1");
  CHECK(print::foreign_symbol("x_-1", print::Format::C) == "x_m1");
  // (a helper's findings: math.h's macros M_LN2, M_SQRT2, ... as C parameters did not compile;
  // SymPy's E1 and n_order are its functions, and E1 + x raised TypeError)
  for (const char* macro : {"M_LN2", "M_SQRT2", "M_LOG2E", "M_El", "NAN", "HUGE_VALF", "FP_ZERO", "math_errhandling"})
    CHECK(print::foreign_symbol(macro, print::Format::C) == std::string(macro) + "_");
  CHECK(print::foreign_symbol("M", print::Format::C) == "M");
  CHECK(print::foreign_symbol("E1", print::Format::SymPy) == "Symbol('E1')");
  CHECK(print::foreign_symbol("n_order", print::Format::SymPy) == "Symbol('n_order')");
  CHECK(print::foreign_symbol("x_-1", print::Format::Mathematica) == "Subscript[x, -1]");
  if (have_python_modules()) {
    ddx_test::TempDir dir("ddx_negative_entry");
    std::ofstream(dir.dir / "g.py") << ddx_test::run_ddx("--format python", "grad(sum(x_n^3, n = -1 .. 1))\n").out
                                    << "\nprint(grad(2, 3, 5))\n";
    CHECK(run(python + " " + (dir.dir / "g.py").string()) == "[12, 27, 75]\n");
    std::ofstream(dir.dir / "s.py") << "from sympy import *\nx_0, x_1 = symbols('x_0 x_1')\nv = " << ddx_test::run_ddx("--format sympy", "grad(sum(x_n^3, n = -1 .. 1))\n").out
                                    << "print(v[0].subs(Symbol('x_-1'), 2))\n";
    CHECK(run(python + " " + (dir.dir / "s.py").string()) == "12\n");
  }
}

TEST_CASE("dialects: every built-in function has a spelling in every system") {
  for (const std::string& name : builtin_function_names()) {
    INFO(name);
    CHECK(print::has_foreign_spelling(name));
    // A function a system lacks must be rewritten away: nothing may reach the emitter unspelled.
    Expr e = call(name, std::vector<Expr>(static_cast<std::size_t>(function_info(*find_function(name)).arity), sym("x")));
    for (print::Format f : {print::Format::SymPy, print::Format::Maxima, print::Format::Mathematica, print::Format::Python,
                            print::Format::NumPy, print::Format::C})
      CHECK_NOTHROW(print::foreign_expression(e, f));
  }
}

TEST_CASE("programs: named after the question, free names as parameters, errors where the language cannot say it") {
  auto out = [](const std::string& format, const std::string& input) { return ddx_test::run_ddx("--format " + format, input); };
  CHECK(out("python", "d/dx x^2 y\n").out.find("def d_dx(x, y):") != std::string::npos);
  CHECK(out("python", "d^2/dx^2 x^4\n").out.find("def d2_dx2(x):") != std::string::npos);
  CHECK(out("python", "diff(x^2 y^2, x, y)\n").out.find("def d2_dxdy(x, y):") != std::string::npos);
  CHECK(out("python", "∂^3/∂x∂y∂x x^3 y^2\n").out.find("def d3_dxdydx(x, y):") != std::string::npos);
  CHECK(out("python", "diff(x^3 y, x, y, 2)\n").out.find("def d3_dxdy2(") != std::string::npos);
  // Past the order that is worked out (the answer is 0), the name still says which derivative.
  CHECK(out("python", "d^1001/dx^1001 x\n").out == "def d1001_dx1001():\n    return 0\n");
  CHECK(out("c", "y = x^3\ndy/dx\n").out.find("double dy_dx(double x)") != std::string::npos);
  CHECK(out("numpy", "grad(x^2 y)\n").out.find("def grad(x, y):\n    return np.stack(np.broadcast_arrays(") != std::string::npos);
  CHECK(out("c", "hessian(x^2 y)\n").out.find("void hessian(double x, double y, double out[2][2])") != std::string::npos);
  CHECK(out("python", "x + 1 == 1 + x\n").out == "def f():\n    return True\n");
  auto abstract = out("c", "d/dx f(x^2)\n");
  CHECK(abstract.err.find("error: C code needs every function known, and f is an abstract function") != std::string::npos);
  CHECK(abstract.out.empty());
  // An answer in matrix notation is no expression of these languages: an error, never its
  // placeholder value; written out in entries it is code.
  for (const std::string f : {"python", "c", "sympy", "maxima", "mathematica"}) {
    CAPTURE(f);
    auto m = out(f, "x in R^n\nA in R^(n, n)\nd/dx x^T A x\n");
    CHECK(m.out.empty());
    bool says_why = m.err.find("matrix notation") != std::string::npos || m.err.find("entry by entry") != std::string::npos;
    CHECK(says_why);
    if (f == "python") {  // numeric shapes: the answer's entries, named after the question
      auto numeric = out(f, "x in R^2\nA in R^(2, 2)\nd/dx x^T A x\n");
      CHECK(numeric.out.find("def d_dx(A_11, A_12, A_21, A_22, x_1, x_2):") != std::string::npos);
    }
    auto written = out(f, "x in R^n\nA in R^(n, n)\nd/dx x^T A x at n = 2\n");
    CHECK(written.err.empty());
    bool entries = written.out.find("A_12 + A_21") != std::string::npos ||
                   written.out.find("Subscript[A, 12] + Subscript[A, 21]") != std::string::npos;
    CHECK(entries);
  }
  // A family's list holds x_1 first, and one parameter is one thing: x_0 was x[-1] (Python's last
  // entry), and x beside x_n, or a bound N beside N_n, was one parameter (C compared n with a
  // pointer and crashed).
  for (const std::string f : {"python", "numpy", "c"}) {
    CAPTURE(f);
    CHECK(out(f, "sum((n + 1) x_n, n = 0 .. 2)\n").err.find("this sum starts at n = 0: start it at 1") != std::string::npos);
    CHECK(out(f, "sum(x_n, n = N - 2 .. N)\n").err.find("starts at n = N - 2, which may be below 1") != std::string::npos);
    CHECK(out(f, "sum(x_n, n = 2 .. N)\n").err.empty());
    CHECK(out(f, "sum(x x_n, n = 1 .. 2)\n").err.find("x is also a variable here") != std::string::npos);
    CHECK(out(f, "sum(N_n, n = 1 .. N)\n").err.find("N is also a variable here") != std::string::npos);
    CHECK(out(f, "sum(x_n, n = 1 .. 2) + x_0\n").err.find("from x_1, and x_0 is before it") != std::string::npos);
  }
  // An entry x_k beside a sum over x_n indexes the list with k, a double in C: x[k - 1] did not
  // compile (a helper's finding).
  CHECK(out("c", "sum(x_n^2, n = 1 .. N) + x_k\n").out.find("x[(long)k - 1]") != std::string::npos);
  CHECK(out("python", "sum(x_n^2, n = 1 .. N) + x_k\n").out.find("x[k - 1]") != std::string::npos);
  // A number past a double's range was the literal inf in C: x^2/10^310 computed 0 at x = 10^300.
  CHECK(out("c", "d/dx x^2/10^310\n").err.find("(310 digits) is beyond their range") != std::string::npos);
  CHECK(out("c", "d/dx x^2/10^300\n").err.empty());
  // A power that is no whole number of what may be negative is math.pow in Python: x**y gives a
  // complex number at a negative x, math.pow refuses it, as ddx does.
  CHECK(out("python", "d/dx x^y\n").out.find("math.pow(x, y - 1)*y") != std::string::npos);
  CHECK(out("python", "x^2 + 2^x\n").out.find("2**x + x**2") != std::string::npos);
}

TEST_CASE("sums: the generated code and the dialects add up what ddx adds up") {
  // Two answers with a family read inside a sum, at N = 3 with data; ddx's own value from `at`.
  // (The third has the index in its terms' arithmetic: C's loop counter is a long, and 1/n was
  // integer division.)
  const std::vector<std::string> questions = {"d/da sum((a x_n - y_n)^2, n = 1 .. N)", "d/da sum(x_n^2 sin(a x_n), n = 1 .. N)",
                                              "d/da sum(a x_n^(1/n) + a^2/n, n = 1 .. N)",
                                              // (x_2 is the sum's second term: it was a parameter
                                              // or symbol of its own beside the list x)
                                              "d/da (a^2 x_2 + a sum(x_n^2, n = 1 .. N))"};
  const std::string point = "N = 3, a = 1/2, x_1 = 1, x_2 = 2, x_3 = 3, y_1 = 2, y_2 = 1, y_3 = 0";
  std::size_t compared = 0;
  for (const std::string& q : questions) {
    INFO(q);
    double expected = std::stod(ddx_test::run_ddx("", "approx(" + q + " at " + point + ", 20)\n").out);
    auto answer = [&](const std::string& format) {
      auto r = ddx_test::run_ddx("--format " + format, q + "\n");
      REQUIRE(r.err.empty());
      return r.out;
    };
    auto check = [&](const std::string& system, const std::string& output) {
      INFO(system << " printed " << output);
      CHECK(std::fabs(std::stod(output) - expected) < 1e-9 * std::max(1.0, std::fabs(expected)));
      ++compared;
    };
    ddx_test::TempDir dir("ddx_sums");
    if (have_python_modules()) {
      for (std::string f : {"python", "numpy"}) {
        std::string y = q.find("y_n") != std::string::npos ? ", y=[2, 1, 0]" : "";
        std::ofstream(dir.dir / "p.py") << answer(f) << "\nprint(repr(float(d_da(N=3, a=0.5, x=[1, 2, 3]" << y << "))))\n";
        check(f, run(python + " " + (dir.dir / "p.py").string()));
      }
      std::ofstream(dir.dir / "s.py") << "from sympy import *\na, n, N = symbols('a n N')\nv = " << answer("sympy")
                                      << "\nv = v.subs({N: 3, a: Rational(1, 2)}).doit()\n"
                                         "v = v.subs({Indexed('x', 1): 1, Indexed('x', 2): 2, Indexed('x', 3): 3, "
                                         "Indexed('y', 1): 2, Indexed('y', 2): 1, Indexed('y', 3): 0})\nprint(repr(float(v)))\n";
      check("sympy", run(python + " " + (dir.dir / "s.py").string()));
    }
    if (ddx_test::require_tool("cc", "gcc")) {
      std::ofstream(dir.dir / "c.c") << answer("c") << "\n#include <stdio.h>\nint main(void) {\n  double x[] = {1, 2, 3}, y[] = {2, 1, 0};\n"
                                     << "  (void)y;\n  printf(\"%.17g\\n\", d_da(3, 0.5, x" << (q.find("y_n") != std::string::npos ? ", y" : "") << "));\n}\n";
      run("cc -std=c11 -Wall -Werror -o " + (dir.dir / "c").string() + " " + (dir.dir / "c.c").string() + " -lm 2>&1");
      check("C", run((dir.dir / "c").string()));
    }
    if (ddx_test::require_tool("maxima", "maxima")) {
      std::string text = answer("maxima");
      text.pop_back();  // the newline
      // The sum written out first (ev with nouns, at N = 3), then the data: x[1] is x's first entry.
      std::string out = run("maxima --very-quiet --batch-string='display2d: false$ e: subst([N = 3, a = 0.5], " + text +
                            ")$ e: ev(e, nouns)$ x: [1, 2, 3]$ y: [2, 1, 0]$ print(float(ev(e)))$' 2>&1");
      std::string last;  // the printed value is the last line
      std::istringstream in(out);
      for (std::string l; std::getline(in, l);)
        if (!l.empty()) last = l;
      check("Maxima", last);
    }
  }
  CHECK(compared >= 16);
}

namespace {

// The values of each answer's Python, NumPy (given np.float64s) and C programs at each point (its
// arguments in the programs' order), answer by answer, point by point: written to `name`.py and
// `name`.c, run and compiled with -Wall -Werror.
struct ProgramValues {
  double python, numpy, c;
};
std::vector<ProgramValues> program_values(const std::vector<Expr>& answers, const std::vector<std::vector<double>>& points,
                                          const std::string& name) {
  ddx_test::TempDir dir("ddx_" + name);
  std::string py = "import math\nimport numpy as np\n", c = "#include <stdio.h>\n", c_main = "int main(void) {\n";
  for (std::size_t i = 0; i < answers.size(); ++i) {
    eval::Result r = eval::Result::of(eval::Value::of(answers[i]));
    r.name = "f" + std::to_string(i);
    std::string numpy_version = print::program(r, print::Format::NumPy);
    r.name = "p" + std::to_string(i);
    py += print::program(r, print::Format::Python) + "\n" + numpy_version + "\n";
    r.name = "c" + std::to_string(i);
    c += print::program(r, print::Format::C) + "\n";
    for (const std::vector<double>& point : points) {
      std::string args, numpy_args;
      for (double v : point) {
        args += (args.empty() ? "" : ", ") + python_number(v);
        numpy_args += (numpy_args.empty() ? "" : ", ") + std::string("np.float64(") + python_number(v) + ")";
      }
      py += "print(repr(float(p" + std::to_string(i) + "(" + args + "))))\n";
      py += "print(repr(float(f" + std::to_string(i) + "(" + numpy_args + "))))\n";
      c_main += "  printf(\"%.17g\\n\", c" + std::to_string(i) + "(" + args + "));\n";
    }
  }
  std::ofstream(dir.dir / (name + ".py")) << py;
  std::ofstream(dir.dir / (name + ".c")) << c << c_main << "  return 0;\n}\n";
  std::istringstream python_out(run(python + " " + (dir.dir / (name + ".py")).string()));
  run("cc -std=c11 -Wall -Werror -o " + (dir.dir / name).string() + " " + (dir.dir / (name + ".c")).string() + " -lm 2>&1");
  std::istringstream c_out(run((dir.dir / name).string()));
  std::vector<ProgramValues> values;
  for (std::size_t k = 0; k < answers.size() * points.size(); ++k) {
    std::string python_line, numpy_line, c_line;
    REQUIRE(std::getline(python_out, python_line));
    REQUIRE(std::getline(python_out, numpy_line));
    REQUIRE(std::getline(c_out, c_line));
    values.push_back({std::stod(python_line), std::stod(numpy_line), std::stod(c_line)});
  }
  return values;
}

void check_program_values(const std::vector<ProgramValues>& got, const std::vector<double>& expected, double tolerance_floor) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t k = 0; k < got.size(); ++k) {
    double const want = expected[k], tolerance = 1e-9 * std::max(tolerance_floor, std::fabs(want));
    CAPTURE(want);
    CHECK(std::fabs(got[k].python - want) <= tolerance);
    CHECK(std::fabs(got[k].numpy - want) <= tolerance);
    CHECK(std::fabs(got[k].c - want) <= tolerance);
  }
}

}  // namespace

TEST_CASE("programs: an odd root of a negative number is real, as ddx computes it") {
  // Python's ** gives a complex number and C's pow NaN for (-8)^(1/3); ddx means -2.
  if (!have_python_modules() || !ddx_test::require_tool("cc", "gcc")) return;
  const Expr x = sym("x"), y = sym("y");
  Expr e = pow(x, rational(1, 3)) * y + pow(x - y, rational(2, 3)) + pow(y, rational(5, 3));
  std::vector<Expr> answers = {e, calc::diff(e, x), calc::diff(e, y)};
  const std::vector<std::vector<double>> at = {{-1.3, 0.4}, {-0.7, -1.6}, {0.9, -0.2}};
  std::vector<double> expected;
  for (Expr answer : answers)
    for (const std::vector<double>& p : at) {
      expected.push_back(calc::evaluate(answer, {{"x", p[0]}, {"y", p[1]}}));
      REQUIRE(std::isfinite(expected.back()));
    }
  check_program_values(program_values(answers, at, "roots"), expected, 1.0);
}

// A whole exponent past 2^53 is no double: the odd 2^60 + 1 rounded to the even 2^60, and
// x^(2^60 + 1) came out +1 at x = -1 in all three programs (a helper's run of generated code).
TEST_CASE("programs: a whole exponent past 2^53 keeps its parity") {
  if (!have_python_modules() || !ddx_test::require_tool("cc", "gcc")) return;
  const Expr x = sym("x");
  const Number huge_odd = Number(static_cast<long long>(1) << 60) + Number(1);
  const std::vector<Expr> answers = {pow(x, num(huge_odd)), pow(x, num(-huge_odd)), pow(x, num(huge_odd + Number(1)))};
  // -1 and the double just below it: (1 + 2^-52)^(2^60) is e^256, about 1.5e111.
  const std::vector<std::vector<double>> at = {{-1.0}, {-1.0000000000000002}};
  const std::vector<double> expected = {-1.0, -1.5114276650040609e111, -1.0, -6.6162610567096718e-112, 1.0,
                                        1.5114276650040613e111};  // (mpmath, 30 digits)
  check_program_values(program_values(answers, at, "parity"), expected, 0.0);
}

// A power whose exponent is a formula has no real value at a negative base in code: NumPy's **
// made a list's float to it a complex number (x_n^(n/3) of a family passed as a list);
// np.float_power makes it NaN, and takes whole numbers as floats (np.power(2, -1) raises). And a
// number past a double's range is refused in Python and NumPy, as in C (their whole numbers raised
// OverflowError when run).
TEST_CASE("programs: a formula exponent is np.float_power in NumPy, and numbers past doubles are refused in every program") {
  const Expr x = sym("x"), y = sym("y");
  eval::Result power = eval::Result::of(eval::Value::of(pow(x, y)));
  CHECK(print::program(power, print::Format::NumPy).find("np.float_power(x, y)") != std::string::npos);
  CHECK(print::program(power, print::Format::Python).find("math.pow(x, y)") != std::string::npos);
  eval::Result tiny = eval::Result::of(eval::Value::of(x / pow(num(Number(10)), num(Number(310)))));
  for (print::Format f : {print::Format::Python, print::Format::NumPy, print::Format::C}) {
    CAPTURE(static_cast<int>(f));
    CHECK_THROWS_WITH_AS(print::program(tiny, f), doctest::Contains("computes with doubles"), print::Unprintable);
  }
}

// softplus(u) was written log(exp(u) + 1) in programs: inf past u = 709.78 in C and NumPy (a loss
// of 800 at u = 800) and OverflowError in Python, where sigmoid's exp(-u) raised below u = -709.78
// too. Each program's softplus and sigmoid, and a derivative's, against long double's log(1 +
// e^u), at points across the range and past where e^u overflows a double.
//
// log(sigmoid(u)) and log(1 - sigmoid(u)), the logistic loss's terms, were log(0) past there too
// (log(sigmoid(-800)) a math domain error in Python, -inf in C, for -800): programs write them as
// -softplus(-u) and -softplus(u).
TEST_CASE("programs: softplus and sigmoid have their values where exp(u) overflows a double") {
  const std::vector<double> points{-800, -710, -30, -1, -1e-9, 0, 1e-9, 1, 30, 710, 800};
  auto expected = [&](const std::string& statement) {
    std::string out;
    for (double u : points) {
      long double const w = u, softplus_w = std::log1p(std::exp(w)), softplus_minus_w = std::log1p(std::exp(-w));
      long double const v = statement == "softplus(u)"          ? softplus_w
                            : statement == "log(sigmoid(u))"     ? -softplus_minus_w
                            : statement == "log(1 - sigmoid(u))" ? -softplus_w
                                                                 : 1 / (1 + std::exp(-w));
      out += python_number(static_cast<double>(v)) + "\n";
    }
    return out;
  };
  // (the relative difference, as each language prints its doubles)
  auto close = [&](const std::string& printed, const std::string& wanted) {
    std::istringstream a(printed), b(wanted);
    std::size_t count = 0;
    for (double x, y; b >> y; ++count) {
      if (!(a >> x)) return false;
      if (!(std::abs(x - y) <= 1e-14 * std::abs(y))) return false;
    }
    return count == points.size();
  };
  ddx_test::TempDir dir("ddx_program_softplus");
  std::string list;
  for (double u : points) list += (list.empty() ? "" : ", ") + python_number(u);
  for (const std::string statement : {"softplus(u)", "sigmoid(u)", "d/du softplus(u)", "log(sigmoid(u))", "log(1 - sigmoid(u))"}) {
    CAPTURE(statement);
    std::string const name = statement.starts_with("d/du") ? "d_du" : "f";
    if (have_python_modules())
      for (const std::string format : {"python", "numpy"}) {
        CAPTURE(format);
        auto program = ddx_test::run_ddx("--format " + format, statement + "\n");
        REQUIRE(program.err.empty());
        std::ofstream(dir.dir / "p.py") << "import warnings\nwarnings.simplefilter('error')\n"
                                        << program.out << "\nfor u in [" << list << "]:\n    print(repr(float(" << name
                                        << "(u))))\n";
        std::string const printed = run(python + " " + (dir.dir / "p.py").string() + " 2>&1");
        CAPTURE(printed);
        CHECK(close(printed, expected(statement)));
      }
    if (ddx_test::require_tool("cc", "gcc")) {
      auto program = ddx_test::run_ddx("--format c", statement + "\n");
      REQUIRE(program.err.empty());
      std::ofstream(dir.dir / "p.c") << program.out << "\n#include <stdio.h>\nint main(void) { double u[] = {" << list
                                     << "}; for (int i = 0; i < " << points.size() << "; ++i) printf(\"%.17g\\n\", " << name
                                     << "(u[i])); return 0; }\n";
      run("cc -std=c11 -Wall -Werror -o " + (dir.dir / "p").string() + " " + (dir.dir / "p.c").string() + " -lm 2>&1");
      std::string const printed = run((dir.dir / "p").string());
      CAPTURE(printed);
      CHECK(close(printed, expected(statement)));
    }
  }
}

// Mathematica reads a whole mantissa before *^ as an exact number (1*^-07 is 1/10^7), and a
// decimal's exponent was written with its sign and zeros as C prints it: a decimal is a machine
// real there, its mantissa with a point, its exponent as written.
TEST_CASE("dialects: a decimal with an exponent is a machine real in Mathematica") {
  auto mathematica = [](const std::string& input) { return ddx_test::run_ddx("--format mathematica", input).out; };
  CHECK(mathematica("1e-7 x\n") == "1.*^-7*x\n");
  CHECK(mathematica("2.5e20 x\n") == "2.5*^20*x\n");
  CHECK(mathematica("-1.5e-300\n") == "-1.5*^-300\n");
  CHECK(mathematica("0.5 x\n") == "0.5*x\n");
}

// A helper's findings: a parameter named after what the code itself calls (Python's range and
// float, C's out array, pow, copysign, M_PI) broke the function; lambda beside lambda_ were one
// parameter twice; a constant past a double's range (e^1000) was inf in C and OverflowError in
// Python; NumPy took no whole exponent of 2^64 or more; hessian in matrix notation was d_dx.
TEST_CASE("programs: names the code uses itself are renamed, renamed names stay apart, constants stay within doubles") {
  auto out = [](const std::string& format, const std::string& input) { return ddx_test::run_ddx("--format " + format, input); };
  ddx_test::TempDir dir("ddx_program_names");
  if (have_python_modules()) {
    auto python_value = [&](const std::string& format, const std::string& input, const std::string& call) {
      auto program = out(format, input);
      REQUIRE(program.err.empty());
      std::ofstream(dir.dir / "p.py") << program.out << "\nprint(" << call << ")\n";
      return run(python + " " + (dir.dir / "p.py").string());
    };
    CHECK(python_value("python", "range = 1\ndiff(sum(range^2 x_n, n = 1 .. N), range)\n", "d_drange(3, 0.5, [1.0, 2.0, 3.0])") ==
          "6.0\n");
    CHECK(python_value("python", "lambda_ = 2\ngrad(lambda^2 lambda_^3, [lambda, lambda_])\n", "grad(2, 5)") == "[500, 300]\n");
    CHECK(python_value("python", "float = 1\nrange = 1\ngrad(float^3 + range^2, [float, range])\n", "grad(2, 3)") == "[12, 6]\n");
    CHECK(python_value("numpy", "d/dx x^(10^20)\n", "list(d_dx(np.array([0.5, -1.0])))") == "[0.0, -1e+20]\n");
    CHECK(python_value("numpy", "x in R^2\nA in R^(2, 2)\nhessian(x^T A x, x)\n", "hessian(1, 2, 3, 4).tolist()") ==
          "[[2, 5], [5, 8]]\n");
  }
  if (ddx_test::require_tool("cc", "gcc")) {
    auto program = out("c", "out = 1\ncopysign = 1\npow = 1\ngrad(out^2 y + copysign^3 + pow M_PI, [out, y, copysign, pow, M_PI])\n");
    REQUIRE(program.err.empty());
    std::ofstream(dir.dir / "p.c") << program.out
                                   << "\n#include <stdio.h>\nint main(void) { double r[5]; grad(3, 5, 2, 7, 11, r); "
                                      "printf(\"%g %g %g %g %g\\n\", r[0], r[1], r[2], r[3], r[4]); return 0; }\n";
    run("cc -std=c11 -Wall -Werror -o " + (dir.dir / "p").string() + " " + (dir.dir / "p.c").string() + " -lm 2>&1");
    CHECK(run((dir.dir / "p").string()) == "44 4 75 3 7\n");  // (parameters in order: M_PI, copysign, out, pow, y)
    // math.h's macros, with GNU's long double ones (M_El): each a parameter of its own
    auto macros = out("c", "grad(M_LN2 x^2 + M_SQRT2 y + M_El M_PIl, [x, y, M_LN2, M_SQRT2, M_El, M_PIl])\n");
    REQUIRE(macros.err.empty());
    std::ofstream(dir.dir / "m.c") << "#define _GNU_SOURCE\n"
                                   << macros.out
                                   << "\n#include <stdio.h>\nint main(void) { double r[6]; grad(2, 3, 5, 7, 11, 13, r); "
                                      "printf(\"%g %g %g %g %g %g\\n\", r[0], r[1], r[2], r[3], r[4], r[5]); return 0; }\n";
    run("cc -std=c11 -Wall -Werror -o " + (dir.dir / "m").string() + " " + (dir.dir / "m.c").string() + " -lm 2>&1");
    CHECK(run((dir.dir / "m").string()) == "66 7 121 13 5 2\n");  // (parameters: M_El, M_LN2, M_PIl, M_SQRT2, x, y)
  }
  for (const std::string f : {"python", "numpy", "c"}) {
    CAPTURE(f);
    CHECK(out(f, "d/dx x exp(1000)\n").err.find("and e^1000 (about 1.97e+434) is beyond their range") != std::string::npos);
    CHECK(out(f, "d/dx x e^-1000\n").err.find("(about 5.08e-435) is beyond their range") != std::string::npos);
    CHECK(out(f, "d/dx sinh(800) x^2\n").err.find("sinh(800)") != std::string::npos);
    CHECK(out(f, "d/dx x exp(700)\n").err.empty());
    // (a factor of a product too: x e^1000 keeps e^1000 as base and exponent, no part of its own)
    CHECK(out(f, "x e^1000\n").err.find("and e^1000 (about 1.97e+434) is beyond their range") != std::string::npos);
    CHECK(out(f, "x e^2 * 2^(1/3)\n").err.empty());
    CHECK(out(f, "x in R^2\nA in R^(2, 2)\nhessian(x^T A x, x)\n").out.find("hessian(") != std::string::npos);
  }
}

// A derivative of an abstract function at a point that repeats an argument, typed into SymPy,
// must be the derivative: with a stand-in for every argument in each Subs, SymPy took the two
// terms of d/dx f(x, x) for one (2x^2 for f(u, v) = u v^2, not 3x^2). Each answer gets a concrete
// f and is compared with SymPy's own derivative of the concrete function.
TEST_CASE("sympy: derivatives of an abstract function at repeated arguments keep every term") {
  if (!have_python_modules()) return;
  ddx_test::TempDir dir("ddx_sympy_subs");
  struct Row {
    const char* line;
    const char* f;         // the concrete function put for f: f2 or f3 below
    const char* expected;  // the same derivative of the concrete function, by SymPy
  };
  std::string s = "from sympy import *\nx, y, u, v, w = symbols('x y u v w')\n"
                  "f2 = Lambda((u, v), u*v**2 + sin(u)*v)\nf3 = Lambda((u, v, w), u*v**2*w + exp(u)*w)\n";
  for (const Row& row : std::vector<Row>{{"d/dx f(x, x)", "f2", "diff(f2(x, x), x)"},
                                         {"d^2/dx^2 f(x, x)", "f2", "diff(f2(x, x), x, 2)"},
                                         {"d/dx f(x^2, x^2)", "f2", "diff(f2(x**2, x**2), x)"},
                                         {"d/dx f(x, x, x)", "f3", "diff(f3(x, x, x), x)"},
                                         {"diff(f(x, x, y), x, 2)", "f3", "diff(f3(x, x, y), x, 2)"}}) {
    ddx_test::RunResult const answer = ddx_test::run_ddx("--format sympy", std::string(row.line) + "\n");
    REQUIRE(answer.err.empty());
    std::string const pasted = answer.out.substr(0, answer.out.find('\n'));
    s += "print(simplify(sympify('" + pasted + "').replace(Function('f'), " + row.f + ").doit() - (" + row.expected + ")) == 0)\n";
  }
  std::ofstream(dir.dir / "s.py") << s;
  CHECK(run(python + " " + (dir.dir / "s.py").string()) == "True\nTrue\nTrue\nTrue\nTrue\n");
}

// NumPy takes a whole number past 64 bits for a Python object, and an array times one for an
// array of objects, which np.cos, np.log and the rest refuse: d/dx sin(2^70 x) raised TypeError on
// an array of x (a helper's finding). Such numbers are written as doubles, what the program
// computes with; each answer is run on an array and compared with the math module's value.
TEST_CASE("numpy: whole numbers past 64 bits run on arrays") {
  if (!have_python_modules()) return;
  ddx_test::TempDir dir("ddx_numpy_big");
  struct Row {
    const char* line;
    const char* reference;  // the derivative at t, by the math module
  };
  std::string s = "import math\nimport numpy as np\n";
  std::vector<Row> const rows = {{"d/dx sin(2^70 x)", "2**70*math.cos(2**70*t)"},
                                 {"d/dx exp(x/2^70)", "math.exp(t/2**70)/2**70"},
                                 {"d/dx x^6 log(2633105860113532982688029)", "6*t**5*math.log(2633105860113532982688029)"}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ddx_test::RunResult program = ddx_test::run_ddx("--format numpy", std::string(rows[i].line) + "\n");
    REQUIRE(program.err.empty());
    std::size_t const def = program.out.find("def d_dx(");
    REQUIRE(def != std::string::npos);
    std::string const name = "f" + std::to_string(i);
    s += program.out.replace(def, 8, "def " + name) + "\n";
    s += "v = " + name + "(np.array([0.5, 0.25]))\n";
    s += "print(all(math.isclose(float(a), " + std::string(rows[i].reference) + ", rel_tol=1e-9) for a, t in zip(v, [0.5, 0.25])))\n";
  }
  std::ofstream(dir.dir / "s.py") << s;
  CHECK(run(python + " " + (dir.dir / "s.py").string() + " 2>&1") == "True\nTrue\nTrue\n");
}

// A fraction whose numerator or denominator is past a double's range while its value is not
// ((3/2)^1000, 1.2e176) is the double in a program; it was refused as beyond the doubles' range
// (a helper's finding). One whose value is past it, or below the normal doubles, is still refused.
TEST_CASE("programs: a fraction of wide numbers with a double's value is that double") {
  for (const std::string f : {"python", "numpy", "c"}) {
    CAPTURE(f);
    auto run = [&](const std::string& line) { return ddx_test::run_ddx("--format " + f, line + "\n"); };
    CHECK(run("d/dx (3/2)^1000 x^2").out.find("2.467681193812347e+176*x") != std::string::npos);
    CHECK(run("d/dx x^1000 at x = 3/2").out.find("8.225603979374489e+178") != std::string::npos);
    CHECK(run("1 - (3/2)^1000 x").out.find("1 - 1.2338405969061735e+176*x") != std::string::npos);
    CHECK(run("(2/3)^1000 x^2").out.find("8.104774656527566e-177*") != std::string::npos);
    CHECK(run("d/dx x^2/10^310").err.find("is beyond their range") != std::string::npos);
    CHECK(run("(3/2)^2000 x").err.find("is beyond their range") != std::string::npos);
  }
}
