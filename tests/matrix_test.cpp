// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix calculus (docs/language.md "Matrix calculus"): declarations, shapes and their errors, the
// answers in matrix notation, and the self-check that makes them trustworthy: every answer,
// written out in entries at sizes 2 and 3, equals the ordinary partial derivatives (ddx's scalar
// differentiator) of the written-out expression, entry by entry, at random rational points. This
// holds for each rule of the language's examples and for random well-shaped expressions; the
// number of entries compared is counted and must be large.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/expand.hpp"
#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "eval/matrix_eval.hpp"
#include "grammar/parse.hpp"
#include "matrix/differentiate.hpp"
#include "matrix/write_out.hpp"
#include "print/matrix_print.hpp"
#include "resolve/resolve_matrix.hpp"
#include "support/rows.hpp"
#include "support/run_ddx.hpp"
#include "support/session_helpers.hpp"
#include "support/temp_dir.hpp"
#include "support/tools.hpp"

using ddx_test::answer;
using namespace ddx;
using matrix::Tree;

namespace {

const char* const declarations[] = {"x in R^n", "a in R^n", "A in R^(n, n)", "B in R^(n, n)",
                                    "X in R^(m, n)", "w in R^n", "y in R^m"};

matrix::Declarations declared() {
  matrix::Declarations d;
  for (const char* line : declarations) d.declare(matrix::read_declaration(line));
  return d;
}

Tree leaf(const std::string& name) {
  static const matrix::Declarations d = declared();
  return matrix::symbol(name, d.find(name)->shape);
}

// Compares two written-out entries at random rational points: exactly when the difference
// expands to 0 there, else in doubles (radicals from norms stay symbolic).
struct Comparer {
  std::mt19937 rng{20261203};
  long comparisons = 0;
  long nonzero = 0;  // comparisons whose expected entry is not 0: the ones that can catch a wrong rule

  Expr random_rational() {
    std::uniform_int_distribution<int> p(-6, 6), q(1, 4);
    int top = p(rng);
    if (top == 0) top = 7;
    return rational(top, q(rng));
  }

  void equal(Expr got, Expr expected, const std::string& what) {
    std::vector<Expr> names = free_symbols(got - expected);
    for (Expr e : free_symbols(expected)) names.push_back(e);
    for (int point = 0; point < 2; ++point) {
      std::unordered_map<Expr, Expr> at;
      std::unordered_map<std::string, double> values;
      for (Expr s : names) {
        auto [it, fresh] = at.emplace(s, random_rational());
        if (fresh) values[s.name()] = it->second.number().to_double();
      }
      Expr difference;
      try {
        difference = calc::expand(substitute(got - expected, at));
      } catch (const MathError&) {
        continue;  // a singular point of both: another point is drawn
      }
      ++comparisons;
      if (!(expected.is_number() && expected.number().is_zero())) ++nonzero;
      if (difference.is_number() && difference.number().is_zero()) continue;
      double a = calc::evaluate(substitute(got, at), {}), b = calc::evaluate(substitute(expected, at), {});
      CAPTURE(what);
      CAPTURE(debug_string(got));
      CAPTURE(debug_string(expected));
      CHECK(std::abs(a - b) <= 1e-9 * (1 + std::abs(b)));
    }
  }

  // d f / d var written out against the partial derivatives of f written out.
  void check(const Tree& f, const Tree& var, long n, long m) {
    matrix::Sizes sizes{{"n", n}, {"m", m}};
    Tree symbolic = matrix::derivative(f, var);
    matrix::Grid got = matrix::write_out(symbolic, sizes);
    matrix::Grid written = matrix::write_out(f, sizes);
    matrix::Grid entries = matrix::entries_of(var->name, var->shape, sizes);
    std::string what = print::matrix_string(f, print::Format::Text) + " by " + var->name + " -> " +
                       print::matrix_string(symbolic, print::Format::Text) + " at n = " + std::to_string(n);
    // The differential `steps` shows: entry by entry, Σ_j ∂f/∂v_j dv_j.
    std::vector<Tree> terms = matrix::differential_terms(f, var);
    matrix::Grid shown = matrix::write_out(terms.empty() ? matrix::zero(f->shape) : matrix::sum(terms), sizes);
    matrix::Grid d_entries = matrix::entries_of("d" + var->name, var->shape, sizes);
    for (std::size_t i = 0; i < written.size(); ++i) {
      std::vector<Expr> partials;
      for (std::size_t j = 0; j < entries.size(); ++j)
        for (std::size_t k = 0; k < entries[j].size(); ++k)
          partials.push_back(calc::diff(written[i][0], entries[j][k]) * d_entries[j][k]);
      equal(shown[i][0], add(std::move(partials)), "the differential of " + what);
    }
    if (f->shape.scalar()) {
      REQUIRE(got.size() == entries.size());
      for (std::size_t i = 0; i < entries.size(); ++i)
        for (std::size_t j = 0; j < entries[i].size(); ++j) equal(got[i][j], calc::diff(written[0][0], entries[i][j]), what);
      return;
    }
    REQUIRE(got.size() == written.size());  // the Jacobian: row i is f_i, column j is x_j
    for (std::size_t i = 0; i < written.size(); ++i)
      for (std::size_t j = 0; j < entries.size(); ++j) equal(got[i][j], calc::diff(written[i][0], entries[j][0]), what);
  }
};

// The names of a session that defines nothing.
struct NoDefinitions : resolve::Scope {
  bool is_variable(std::string_view) const override { return false; }
  const resolve::FunctionDefinition* function(std::string_view) const override { return nullptr; }
  bool is_procedure(std::string_view) const override { return false; }
};

// A statement read as a session would read it.
resolve::MatrixRequest request(const std::string& line) {
  static const matrix::Declarations d = declared();
  static const NoDefinitions scope;
  grammar::ParseOutcome parsed = grammar::parse_line(line);
  REQUIRE(parsed.ok());
  return resolve::resolve_matrix(parsed.statements[0].body, d, scope, line);
}

// Random well-shaped expressions of a given shape over the declared names above, built with the
// canonical constructors (so they are the trees users' input becomes).
struct Generator {
  std::mt19937 rng{14};
  Expr n = sym("n"), m = sym("m"), one = Expr(1);

  int pick(int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); }

  Tree leaf_of(Expr rows, Expr cols) {
    auto is = [&](Expr r, Expr c) { return rows == r && cols == c; };
    if (is(n, one)) return pick(2) ? leaf("x") : leaf("a");
    if (is(one, n)) return matrix::transpose(pick(2) ? leaf("x") : leaf("a"));
    if (is(n, n)) return pick(3) ? leaf(pick(2) ? "A" : "B") : matrix::identity(n);
    if (is(m, n)) return leaf("X");
    if (is(n, m)) return matrix::transpose(leaf("X"));
    if (is(m, one)) return leaf("y");
    if (is(one, m)) return matrix::transpose(leaf("y"));
    if (is(m, m)) return matrix::product({leaf("X"), matrix::transpose(leaf("X"))});
    return pick(2) ? matrix::scalar_name("c") : matrix::number(Number(pick(3) + 2));
  }

  Tree scalar(int depth) {
    switch (pick(depth > 0 ? 10 : 1)) {
      case 1: return matrix::trace(gen(n, n, depth - 1));
      case 2: return matrix::det(pick(2) ? leaf("A") : matrix::product({leaf("A"), leaf("B")}));
      case 3: return matrix::product({gen(one, n, depth - 1), gen(n, one, depth - 1)});
      case 4: return matrix::power(matrix::norm(gen(n, one, depth - 1)), Number(2));
      case 5: return matrix::log(matrix::product({matrix::transpose(leaf("x")), leaf("x")}));
      case 6: return matrix::power(scalar(depth - 1), Number(2));
      case 7: return matrix::entry_sum(gen(n, one, depth - 1));
      // a number inside a scalar divisor; a sum of softmax entries (1, as a sum of terms)
      case 8: return matrix::power(matrix::product({matrix::number(Number(pick(3) + 2)), scalar(depth - 1)}), Number(-1));
      case 9: return matrix::log(matrix::entry_sum(matrix::softmax(gen(n, one, depth - 1))));
      default: return leaf_of(one, one);
    }
  }

  // Columns also come from entrywise operations.
  Tree column(Expr rows, int depth) {
    switch (pick(5)) {
      case 0: return matrix::hadamard({gen(rows, one, depth - 1), gen(rows, one, depth - 1)});
      case 1: return matrix::entrywise("exp", gen(rows, one, depth - 1));
      case 2: return matrix::entrywise("sigmoid", gen(rows, one, depth - 1));
      case 3: return matrix::softmax(gen(rows, one, depth - 1));
      default: return matrix::product({matrix::diag(leaf_of(rows, one)), gen(rows, one, depth - 1)});
    }
  }

  Tree gen(Expr rows, Expr cols, int depth) {
    if (rows.is_one() && cols.is_one()) return scalar(depth);
    if (depth <= 0) return leaf_of(rows, cols);
    if (cols.is_one() && pick(3) == 0) return column(rows, depth);
    switch (pick(6)) {
      case 0: return matrix::sum({gen(rows, cols, depth - 1), gen(rows, cols, depth - 1)});
      case 1: {
        Expr inner = pick(3) == 0 ? m : n;
        return matrix::product({gen(rows, inner, depth - 1), gen(inner, cols, depth - 1)});
      }
      case 2: return matrix::product({scalar(depth - 1), gen(rows, cols, depth - 1)});
      case 3: return matrix::transpose(gen(cols, rows, depth - 1));
      case 4:
        if (rows == n && cols == n) return matrix::inverse(leaf(pick(2) ? "A" : "B"));
        return leaf_of(rows, cols);
      default: return leaf_of(rows, cols);
    }
  }
};

}  // namespace

TEST_CASE("matrix: the language's examples in matrix notation") {
  Session s;
  for (const char* line : declarations) REQUIRE(answer(s, line).empty());
  struct Row {
    const char *input, *expected;
  };
  for (const Row& row : std::vector<Row>{
           {"x^T A x", "x^T A x"},
           {"d/dx x^T A x", "(A + A^T) x"},
           {"hessian(x^T A x, x)", "A + A^T"},
           {"d/dw norm(X w - y)^2", "2X^T (X w - y)"},
           {"d/dx log(x^T x)", "2x/(x^T x)"},
           {"d/dx a^T x", "a"},
           {"d/dx x^T x", "2x"},
           {"d/dx norm(x)", "x/norm(x)"},
           {"d/dx A x", "A"},
           {"d/dx x", "I_n"},
           {"d/dX tr(X^T X)", "2X"},
           {"d/dA tr(A X^T X B)", "B^T X^T X"},
           {"d/dA det(A)", "det(A) A^-T"},
           {"d/dA log(det(A))", "A^-T"},
           {"d/dA logdet(A)", "A^-T"},
           {"d/dA tr(B inv(A))", "-A^-T B^T A^-T"},
           {"d/dx x^T A x at n = 2", "[2A_11 x_1 + (A_12 + A_21) x_2, (A_12 + A_21) x_1 + 2A_22 x_2]"},
           {"hessian(x^T A x, x) at n = 2", "[[2A_11, A_12 + A_21], [A_12 + A_21, 2A_22]]"},
           {"d/dX -y^T log(softmax(X w))", "(sum(y) softmax(X w) - y) w^T"},
           {"d/dx exp(x^T A x)", "exp(x^T A x) (A + A^T) x"},
           {"d/dx xᵀ A x", "(A + A^T) x"},
           {"d/dA det(A A)", "2det(A)^2 A^-T"},
           {"d/dA logdet(B A)", "A^-T"},
           {"inv(A B)", "B^-1 A^-1"},
           {"d/dx (x^T x)^12", "24 (x^T x)^11 x"},
           {"d/dA xᵀ A⁻ᵀ x", "-A^-T x x^T A^-T"},
           {"d/dx 3x^T A x + 2y^T X x", "3 (A + A^T) x + 2X^T y"},
           {"d/dx sqrt(x^T x)", "x/norm(x)"},
           {"d/dX tr(X A X^T)", "X (A + A^T)"},
           {"d/dx log(sum(exp(x)))", "exp(x)/sum(exp(x))"},
           {"d/dx softmax(x)", "diag(softmax(x)) - softmax(x) softmax(x)^T"},
           {"d/dx sum(x .* x)", "2x"},
           {"d/dx a^T log(sigmoid(x))", "(ones(n) - sigmoid(x)) .* a"},
           {"d/dx x/a", "diag(1/a)"},
           {"x ⊙ a ⊙ x", "a .* x .* x"},
           {"x^T a at n = 3", "a_1 x_1 + a_2 x_2 + a_3 x_3"},
           {"d/dx x^T A x at n = 2, x_1 = 1, x_2 = 2, A_11 = 1, A_12 = 0, A_21 = 1/2, A_22 = 3", "[3, 25/2]"},
           {"d/dx x^T A x at n = 2, x_1 = 1, x_2 = 2", "[2A_11 + 2A_12 + 2A_21, A_12 + A_21 + 4A_22]"},
       }) {
    CAPTURE(std::string(row.input));
    CHECK(answer(s, row.input) == row.expected);
  }
  CHECK(answer(s, "steps d/dx x^T A x") == "d(x^T A x) = dx^T A x + x^T A dx\nd/dx (x^T A x) = (A + A^T) x");
  CHECK(answer(s, "steps d/dA log(det(A))") == "d(log(det(A))) = tr(A^-1 dA)\nd/dA log(det(A)) = A^-T");
  CHECK(answer(s, "steps hessian(x^T A x, x)") == "A + A^T  # steps are shown for d/dx of a matrix expression only");
  // (a derivative of an expression without x has no steps: the note said it was no derivative,
  // and lost the zero's shape)
  CHECK(answer(s, "steps d/dx tr(A)") == "0  # the zero vector, n×1; no steps: the expression does not depend on x");
  REQUIRE(answer(s, ":set layout denominator").empty());
  CHECK(answer(s, "d/dx A x") == "A^T");
  CHECK(answer(s, "d/dx x^T A x") == "(A + A^T) x");  // a gradient keeps x's shape in both layouts
}

TEST_CASE("matrix: every format") {
  Session s;
  for (const char* line : declarations) REQUIRE(answer(s, line).empty());
  s.set_format(print::Format::Unicode);
  CHECK(answer(s, "d/dx x^T A x") == "(A + Aᵀ) x");
  CHECK(answer(s, "d/dA det(A)") == "det(A) A⁻ᵀ");
  CHECK(answer(s, "d/dw norm(X w - y)^2") == "2Xᵀ (X w − y)");
  CHECK(answer(s, "norm(X w - y)^2") == "norm(X w − y)²");
  s.set_format(print::Format::Latex);
  CHECK(answer(s, "d/dx x^T A x") == "\\left(A + A^{\\top}\\right) x");
  CHECK(answer(s, "d/dx log(x^T x)") == "\\frac{2 x}{x^{\\top} x}");
  CHECK(answer(s, "d/dA tr(B inv(A))") == "-A^{-\\top} B^{\\top} A^{-\\top}");
  s.set_format(print::Format::Code);
  CHECK(answer(s, "d/dw norm(X w - y)^2") == "2*X^T*(X*w - y)");
  // Euler's e is the constant in every format, in notation and written out (never a symbol named e).
  CHECK(answer(s, "d/dx e x^T x") == "2*exp(1)*x");
  CHECK(answer(s, "e x^T x at n = 2") == "exp(1)*x_1^2 + exp(1)*x_2^2");
  CHECK(answer(s, "d/dx log(x^T x)") == "2*x/(x^T*x)");
  // With numeric shapes, code writes the answer entry by entry (the other formats keep the notation).
  REQUIRE(answer(s, "Y in R^(2, 2)").empty());
  CHECK(answer(s, "d/dY det(Y)") == "[[Y_22, -Y_21], [-Y_12, Y_11]]");
  s.set_format(print::Format::Text);
  CHECK(answer(s, "d/dY det(Y)") == "det(Y) Y^-T");
  s.set_format(print::Format::Json);
  CHECK(answer(s, "d/dA log(det(A))") ==
        R"j({"input": "d/dA log(det(A))", "text": "A^-T", "latex": "A^{-\\top}", "code": "A^-T"})j");
}

TEST_CASE("matrix: text, unicode and code answers read back as the same expression") {
  Session s;
  for (const char* line : declarations) REQUIRE(answer(s, line).empty());
  for (const char* input : {"d/dx x^T A x", "d/dw norm(X w - y)^2", "d/dx log(x^T x)", "d/dA det(A)",
                            "d/dA tr(B inv(A))", "d/dx norm(x)", "d/dA tr(A X^T X B)",
                            // a negated difference kept in brackets; a number before an entrywise quotient
                            "x - (a - w)", "d/da sum(log(x - (a - ones(n))))", "2ones(n)/w", "d/dw sum(2ones(n)/w)",
                            "21/w"}) {
    CAPTURE(input);
    for (auto f : {print::Format::Text, print::Format::Unicode, print::Format::Code}) {
      s.set_format(f);
      std::string printed = answer(s, input);
      s.set_format(print::Format::Text);
      CHECK(answer(s, printed) == answer(s, input));
    }
  }
}

TEST_CASE("matrix: declarations, :vars and :clear") {
  Session s;
  CHECK(answer(s, "x ∈ ℝ^n").empty());
  CHECK(answer(s, "A in R^(n, 3)").empty());
  CHECK(answer(s, "f = 2") .empty());
  CHECK(answer(s, ":vars") == "x in R^n\nA in R^(n, 3)\nf = 2");
  CHECK(answer(s, "v ∈ ℝⁿ").empty());
  CHECK(answer(s, "M in R^(n × 2)").empty());
  CHECK(answer(s, ":vars") == "x in R^n\nA in R^(n, 3)\nv in R^n\nM in R^(n, 2)\nf = 2");
  REQUIRE(answer(s, ":clear v").empty());
  REQUIRE(answer(s, ":clear M").empty());
  CHECK(answer(s, "x in R^(0, 2)") == "error@9: a dimension is at least 1");
  CHECK(answer(s, "x in R^(n 2)") == "error@11: expected ',' between the dimensions: R^(m, n)");
  CHECK(answer(s, "f in R^n") == "error@1: 'f' is defined; :clear f first");
  CHECK(answer(s, "sin in R^n") == "error@1: 'sin' is the name of a function");
  CHECK(answer(s, ":clear x").empty());
  CHECK(answer(s, ":vars") == "A in R^(n, 3)\nf = 2");
  CHECK(answer(s, ":clear").empty());
  CHECK(answer(s, ":vars") == "no definitions");
  // Entry names: A_1_10 once an index has two digits.
  CHECK(answer(s, "Y in R^(2, m)").empty());
  CHECK(answer(s, "Y at m = 2") == "[[Y_11, Y_12], [Y_21, Y_22]]");
  CHECK(answer(s, "Y at m = 10").find("[Y_2_1, Y_2_2, Y_2_3, Y_2_4, Y_2_5, Y_2_6, Y_2_7, Y_2_8, Y_2_9, Y_2_10]") != std::string::npos);
  REQUIRE(answer(s, ":clear").empty());
  // With nothing declared, x^T A x is the scalar product it always was.
  CHECK(answer(s, "x^T A x") == "A x^(T + 1)");
  // A Greek name declares as its Latin spelling does: θ in R^n was the product R^n i n theta, and
  // d/dθ θ^T θ then a scalar's derivative (a helper's finding).
  CHECK(answer(s, "θ in R^n").empty());
  CHECK(answer(s, "β1 ∈ ℝⁿ").empty());
  CHECK(answer(s, "Θ in R^(n, n)").empty());
  CHECK(answer(s, ":vars") == "theta in R^n\nbeta1 in R^n\nTheta in R^(n, n)");
  CHECK(answer(s, "d/dθ θ^T θ") == "2theta");
  CHECK(answer(s, "d/dΘ tr(Θ)") == "I_n");
  // A size or an entry given two values after at is refused, as a scalar's is (the last was taken).
  CHECK(answer(s, "θ^T θ at n = 2, n = 3") == "error@17: 'n' is given two values after 'at'");
  CHECK(answer(s, "θ^T θ at n = 2, theta_1 = 1, theta_1 = 2") == "error@30: 'theta_1' is given two values after 'at'");
  CHECK(answer(s, "θ^T θ at n = 2, theta_1 = 1") == "theta_2^2 + 1");
}

TEST_CASE("matrix: bad input is an error that says so, and changes nothing") {
  Session s;
  for (const char* line : declarations) REQUIRE(answer(s, line).empty());
  REQUIRE(answer(s, "x^T x at n = 2") == "x_1^2 + x_2^2");  // ans
  struct Row {
    const char *input, *expected;
  };
  for (const Row& row : std::vector<Row>{
           {"A y", "error@3: mismatched shapes in a product: 'A' (n×n) times 'y' (m×1)"},
           {"x^T * X", "error@5: mismatched shapes in a product: 'x^T' (1×n) times 'X' (m×n)"},
           {"x + y", "error@3: mismatched shapes in a sum: 'x' (n×1) and 'y' (m×1)"},
           {"b^T x", "error@1: 'b' is not declared, so it has no transpose (declare it: b in R^n or b in R^(m, n))"},
           {"inv(X)", "error@1: inverse of a non-square matrix (m×n)"},
           {"X^-1", "error@2: inverse of a non-square matrix (m×n)"},
           {"d/dZ x^T x", "error@1: 'Z' is not declared: differentiate by a declared vector or matrix (Z in R^n, Z in R^(m, n))"},
           {"d/dx x^T A x at n = 10^6", "error@21: a dimension written out in entries is at most 12"},
           {"d/dx x^T A x at m = 2", "error@1: no size for 'n': write it out with at n = 2"},
           {"d/dx x^T A x at n = 2, z_1 = 1", "error@24: 'z_1' is not an entry of this expression written out"},
           {"d/dx x^T x at n = 2, x_1 = 1.5", "error@28: the value of an entry is an exact number here: write 1.5 as 3/2"},
           {"d/dx x^T x at n = 2, x_1 = 0.1 + 0.2", "error@28: the value of an entry is an exact number here: write 0.1 as 1/10"},
           {"d/dx x^T x at n = 2, x_1 = sqrt(2)", "error@28: the value of an entry is an exact number here (3, -1/2)"},
           {"d/dx log(x^T x) at n = 2, x_1 = 0, x_2 = 0", "error@1: the derivative does not exist at this point (log(0) is undefined)"},
           {"d/dX X w", "error@1: the derivative of a vector (m×1) by a matrix (m×n) is not a matrix; ddx differentiates scalars by vectors or matrices and vectors by vectors"},
           {"x^2", "error@2: 'x^2': a power of n×1; write x^T x or norm(x)^2"},
           {"exp(A)", "error@1: 'exp' of 'A' (n×n): entrywise functions of matrices are not supported yet (of vectors they are)"},
           {"softmax(A)", "error@1: softmax of n×n: only of vectors (matrices are not supported)"},
           {"x ⊙ y", "error@3: mismatched shapes in an entrywise product: 'x' (n×1) and 'y' (m×1)"},
           {"d/dx tr(diag(x) A)", "error@1: ddx cannot differentiate diag(...) of an expression in x here (only before a vector or after a row vector)"},
           {"z = x^T x", "error@1: definitions of declared vectors and matrices are not supported"},
           {"x = 3", "error@1: 'x' is a declared vector or matrix; :clear x first"},
           {"z in R^n; v in R^m", "error@9: a declaration stands alone on its line"},
           // x x^T has rank 1: its det's and inverse's derivatives hold an inverse that never exists
           // (d/dx det(x x^T) was 2det(x x^T) inv(x x^T) x, where the derivative is 0 for n > 1).
           {"d/dx det(x x^T)", "error@1: ddx cannot differentiate det of a column times a row: that matrix has rank 1, so "
                               "it is singular (det 0, no inverse) at every size above 1, and the derivative's formula needs "
                               "its inverse"},
           {"d/dx tr(inv(x w^T))", "error@1: ddx cannot differentiate inv of a column times a row: that matrix has rank 1, so "
                                   "it is singular (det 0, no inverse) at every size above 1, and the derivative's formula "
                                   "needs its inverse"},
       }) {
    CAPTURE(std::string(row.input));
    CHECK(answer(s, row.input) == row.expected);
  }
  CHECK(answer(s, "ans") == "x_1^2 + x_2^2");
  CHECK(answer(s, ":vars") == "x in R^n\na in R^n\nA in R^(n, n)\nB in R^(n, n)\nX in R^(m, n)\nw in R^n\ny in R^m");
}

// The message of an answer that is an error, without its column (spellings differ in length).
std::string error_message(const std::string& answered) {
  if (!answered.starts_with("error@")) return "";
  return answered.substr(answered.find(": ") + 2);
}

TEST_CASE("matrix: a word reads as in scalar statements, each factor then declared or scalar") {
  Session s;
  for (const char* line : declarations) REQUIRE(answer(s, line).empty());
  // Spaces between factors never change the meaning: every spelling of a row answers the same,
  // and the answer is what the first spelling (spaced) means. `c` and `k` are scalars here.
  struct Spellings {
    std::vector<const char*> inputs;
    const char* expected;
  };
  for (const Spellings& row : std::vector<Spellings>{
           {{"d/dx c x", "d/dx cx", "d/dx c*x", "d/dx (c) x"}, "c I_n"},
           {{"d/dx x c", "d/dx xc"}, "c I_n"},
           {{"d/dx b x", "d/dx bx"}, "b I_n"},
           {{"d/dx c x^T A x", "d/dx cx^T A x", "d/dx c x^TAx", "d/dx cx^TAx", "d/dx c*x^T*A*x"}, "c (A + A^T) x"},
           {{"d/dx k c x^T x", "d/dx kc x^T x", "d/dx kcx^Tx", "d/dx k*c*x^T*x"}, "2c k x"},
           {{"d/dx norm(x)^2 c x", "d/dx norm(x)^2 cx"}, "c (2x x^T + norm(x)^2 I_n)"},
           {{"d/dx x^T x", "d/dx x^Tx"}, "2x"},
           {{"c A x", "cAx", "c*A*x"}, "c A x"},
           {{"d/dx a^T x", "d/dx a^Tx"}, "a"},
           {{"d/dx e x^T x", "d/dx ex^Tx"}, "2e x"},
           // a power takes the bracket after a name read as a product, as x(x+1)^2 = x·(x+1)^2
           {{"A (B)^T", "A*(B)^T", "A B^T", "A(B)^T"}, "A B^T"},
           {{"c (A)^-1", "c A^-1", "c*A^-1"}, "c A^-1"},
           {{"A (B)^2", "A B^2", "A B B"}, "A B B"},
           {{"x (a)^T", "x a^T"}, "x a^T"},
           {{"d/dx x^T A (B)^T x", "d/dx x^T A B^T x"}, "(A B^T + B A^T) x"},
           {{"d/dx x^T(A x)", "d/dx xᵀ(A x)", "d/dx (x)ᵀ(A x)", "d/dx x^T (A x)", "d/dx x^T*(A x)"}, "(A + A^T) x"},
           // a name before a bracket gives its factors to the chain: (x^T A a)(x^T a), not x^T A (a (x^T a))
           {{"d/dx x^T A a (x^T a)", "d/dx x^T A a * (x^T a)", "d/dx x^T*A*a*(x^T*a)"}, "((x^T a) A + (x^T A a) I_n) a"},
           {{"x^T B^T", "x^TB^T", "xᵀBᵀ", "x^T*B^T"}, "x^T B^T"},
           {{"x^T A^T x", "xᵀAᵀx", "x^TA^Tx", "x^T*A^T*x"}, "x^T A^T x"},
           {{"x^T (A + B)^T x", "x^T(A + B)^T x", "xᵀ(A + B)ᵀx"}, "x^T (A^T + B^T) x"},
           {{"x^T A^2 x", "x^TA^2 x", "xᵀA²x"}, "x^T A A x"},
           {{"AB(x + x)", "A B (x + x)", "AB (x + x)"}, "2A B x"},
           // a quotient of two calls of det, not the derivative d(et(A))/d(et)
           {{"d/dA det(A)/det(B)", "d/dA det(A)/(det(B))", "d/dA det(A) * det(B)^-1"}, "det(A) A^-T/det(B)"},  // declared letters before a bracket: their product
           {{"a .* w (x^T a)", "a .* w * (x^T a)", "a ⊙ w (x^T a)"}, "(x^T a) (a .* w)"},
           {{"d/dx pi x", "d/dx π x"}, "pi I_n"},
           {{"d/dx c x^T A x at n = 2", "d/dx cx^TAx at n = 2"},
            "[2A_11 c x_1 + c x_2 (A_12 + A_21), c x_1 (A_12 + A_21) + 2A_22 c x_2]"},
       }) {
    for (const char* input : row.inputs) {
      CAPTURE(std::string(input));
      CHECK(answer(s, input) == row.expected);
    }
  }
  // The same refusals as the scalar statement's, whichever spelling: never a silent reading.
  struct Refused {
    std::vector<const char*> inputs;
    const char* message;
  };
  for (const Refused& row : std::vector<Refused>{
           {{"d/dx c x^2", "d/dx cx^2", "d/dx c*x^2"}, "'x^2': a power of n×1; write x^T x or norm(x)^2"},
           {{"d/dx loss x"}, "unknown name 'loss' (define it first, or write a product with spaces: l o s s)"},
           {{"d/dx abcdx"}, "unknown name 'abcdx' (define it first, or write a product with spaces: a b c d x)"},
           {{"d/dx pix"}, "'pix' is ambiguous: write pi x for π or p i x for single letters"},
           {{"d/dx sinx"}, "unknown name 'sinx'; did you mean 'sin x'?"},
           {{"d/dx ans x"}, "'ans' cannot be used in a matrix expression"},
           {{"d/dx g(x)", "d/dx g(x) c"},
            "'g' is not supported in a matrix expression (transpose, inv, det, tr, norm, logdet, log, exp, sqrt, sigmoid, "
            "softmax, sum, diag are)"},
           {{"d/dx sin x", "d/dx c sin x^T x", "sin^2(x)"},
            "'sin' is not supported in a matrix expression (transpose, inv, det, tr, norm, logdet, log, exp, sqrt, sigmoid, "
            "softmax, sum, diag are)"},
           {{"d/dx log x"}, "'log' takes its argument in brackets in a matrix expression: log(...)"},
           // x_1 would be a constant in notation and the entry once written out: [2x_1^2, 2x_1 x_2] for
           // d/dx x_1 x^T x at n = 2, whose first entry is 3x_1^2 + x_2^2.
           {{"d/dx x_1 x^T x at n = 2", "d/dx x^T x x_1"}, "'x_1' is an entry of x, which matrix notation takes whole: write the expression in x"},
           {{"d/dx A_12 x^T x", "d/dA tr(A) A_12"}, "'A_12' is an entry of A, which matrix notation takes whole: write the expression in A"},
           {{"x/c (a + w)", "x/c(a + w)"},
            "dividing by c(...) is ambiguous: write /(c(...)) to divide by the whole product, or put a '*' after the divisor, as /c*(...)"},
           {{"x/cb"}, "dividing by cb is ambiguous: write /(cb) to divide by the whole product, or put a space or '*' after the divisor"},
           {{"d/dx cx(x^T x)"}, "'cx(...)' is ambiguous: write c x (...) for a product, or define the function first: cx(t) = ..."},
           {{"d/dx cb^T x", "d/dx c b^T x"}, "'b' is not declared, so it has no transpose (declare it: b in R^n or b in R^(m, n))"},
           // (was "'tangent' needs its arguments: tangent(...)", which it had)
           {{"tangent(x^2, x = 1)", "tangent(c x, x = 1)"},
            "'tangent' does not take declared vectors or matrices (matrix expressions take d/dx, grad, jacobian and "
            "hessian); to use a declared name as a number, :clear it first"},
           {{"plot(x, x = 0 .. 1)"}, "'plot' does not take declared vectors or matrices (matrix expressions take d/dx, "
                                     "grad, jacobian and hessian); to use a declared name as a number, :clear it first"},
       }) {
    for (const char* input : row.inputs) {
      CAPTURE(std::string(input));
      CHECK(error_message(answer(s, input)) == row.message);
    }
  }
  // A defined name is refused, not read as a symbol (k = 3 would otherwise answer k I_n).
  REQUIRE(answer(s, "k = 3").empty());
  REQUIRE(answer(s, "h(t) = t^2").empty());
  for (const char* input : {"d/dx k x", "d/dx kx", "d/dx k*x", "d/dx x^T k x"})
    CHECK(error_message(answer(s, input)) == "'k' is defined, and matrix expressions do not use definitions: write its value instead, or :clear k");
  CHECK(error_message(answer(s, "d/dx h(x)")).starts_with("'h' is not supported in a matrix expression"));
  CHECK(error_message(answer(s, "d/dx c h x")) == "'h' is defined, and matrix expressions do not use definitions: write its value instead, or :clear h");
  CHECK(answer(s, "d/dx c x") == "c I_n");  // a failed statement changed nothing
}

// Each row typed into a session with the declarations above: its exact printed answer.
static void check_matrix_rows(const std::vector<std::pair<const char*, const char*>>& rows) {
  Session s;
  for (const char* line : declarations) REQUIRE(answer(s, line).empty());
  for (const auto& row : rows) {  // (not a structured binding: clang's CAPTURE cannot take one)
    CAPTURE(std::string(row.first));
    CHECK(answer(s, row.first) == row.second);
  }
}

TEST_CASE("matrix: a zero vector or matrix keeps its shape, and functions of it their value") {
  check_matrix_rows({
      {"(x - x)^T a at n = 2", "0"},  // it was [0, 0]: 0ᵀ a taken as n×1
      {"exp((x - x)^T a) at n = 2", "1"},
      {"d/dx sum(exp((x - x)^T a)) x^T x at n = 2", "[2x_1, 2x_2]"},
      {"(x - x)^T A x + 1", "1"},
      {"(0 x)^T a + 1", "1"},
      {"hessian((y - y)^T softmax(y), y)", "0  # the zero matrix, m×m"},
      // a zero answer of a shape says which zero it is (0 alone reads back as a scalar)
      {"d/dX tr(A)", "0  # the zero matrix, m×n"},
      {"d/dx (a^T a)", "0  # the zero vector, n×1"},
      {"d/dx (A a)", "0  # the zero matrix, n×n"},
      {"x - x", "0  # the zero vector, n×1"},
      {"(x - x)^T", "0  # the zero row, 1×n"},
      {"(x - x) a^T at n = 2", "[[0, 0], [0, 0]]"},
      // a function of a zero column is its value: exp(0) would read back as the scalar 1
      {"d/dx x^T exp(x - x)", "ones(n)"},
      {"d/dx x^T softmax(a - a)", "ones(n)/n"},
      {"d/da sigmoid(a - a)^T ones(n) x^T a", "n x/2"},
      {"softmax(a - a) at n = 3", "[1/3, 1/3, 1/3]"},
      {"log(x - x)", "error@1: log of a zero vector: log(0) is undefined"},
      // diag of a zero column is the zero matrix (diag(0) read back as diag of a scalar)
      {"d/dA log(det(diag(x - x) - A + 4I_n))", "-inv(4I_n - A^T)"},
  });
}

// A helper's findings: functions of what is 0 at every point had derivatives (0, or a formula),
// where the scalar engine refuses log(x - x): xᵀa and aᵀx, one scalar, did not cancel, nor did
// tr(A - Aᵀ), and log(ones(n)) was no zero; xᵀ(A - Aᵀ)x cancels only written out. Undefined
// numbers went through too (0^0 x was x, log(0) x was log(0) I_n). Each is refused, as in scalars,
// and a scalar that is its own transpose is written one way.
TEST_CASE("matrix: a function of what is 0 at every point has no derivative, and 0^0 and log(0) are refused") {
  check_matrix_rows({
      {"d/dx log(x^T x - x^T x)", "error@1: log(0) is undefined"},
      {"d/dx 1/(x^T a - a^T x)", "error@1: division by zero"},
      {"d/dx 1/norm(x - x)", "error@1: division by zero"},
      {"d/dx log(sum(x) - sum(x))", "error@1: log(0) is undefined"},
      {"d/dA log(tr(A - A^T))", "error@1: log(0) is undefined"},
      {"d/dx log(x^T (A - A^T) x)", "error@1: log(0) is undefined (its argument is 0 at every point)"},
      {"d/dx 1/(x^T (A - A^T) x) at n = 2", "error@1: division by zero (the divisor is 0 at every point)"},
      {"d/dA log(det(A - A))", "error@1: log(0) is undefined"},
      {"d/dA tr(inv(A - A))", "error@9: the zero matrix has no inverse"},
      {"d/dx x^T inv(A - A) x", "error@10: the zero matrix has no inverse"},
      {"d/dx x/(x^T a - a^T x)", "error@1: division by zero"},
      {"d/dx log(log(ones(n))^T x)", "error@1: log(0) is undefined"},
      {"d/dx 0^0 x", "error@1: 0^0 is undefined"},
      {"d/dx log(0) x", "error@1: log(0) is undefined"},
      {"d/dx sqrt(-1) x^T x", "error@1: (-1)^(1/2) is not a real number"},
      {"d/dx log(-1) x", "error@1: log of a negative number is not real"},
      // what has a value keeps it
      {"d/dx (-8)^(1/3) x", "-2I_n"},
      {"d/dx (-2)^(1/3) x", "(-2)^(1/3) I_n"},
      {"d/dx log(x^T A x)", "(A + A^T) x/(x^T A x)"},
      {"x^T a - a^T x", "0"},
      {"x^T A a - a^T A^T x", "0"},
      {"tr(A - A^T)", "0"},
      {"d/dx 1/(x^T a + a^T x)", "-a/(2 (x^T a)^2)"},
      // (the regression hunt: 0 written out at sizes 2 and 3 is no 0 at every size, and a
      // cancelled name's entries still take values)
      {"log((n - 2) (n - 3) x^T x)", "log((n - 2) (n - 3) x^T x)"},
      {"log((n - 2) (n - 3) x^T x) at n = 3", "error@1: log(0) is undefined (its argument is 0 at every point)"},
      {"log(det(A - A^T) norm(A^2 - tr(A) A + det(A) I_n)^2)", "log(det(A - A^T) norm(A A - tr(A) A + det(A) I_n)^2)"},
      {"x^T A x - x^T A^T x + x^T x at n = 2, x_1 = 1, x_2 = 2, A_12 = 2", "5"},
      {"d/dx x^T A x - x^T A^T x + x^T x at n = 2, x_1 = 1, x_2 = 2, A_12 = 2", "[2, 4]"},
      {"x^T a - a^T x at n = 2, x_1 = 1", "0"},
      {"x^T x at n = 2, x_3 = 1", "error@17: 'x_3' is not an entry of this expression written out"},
  });
}

// A numerator whose last factor begins with d over a denominator beginning with d read back as
// Leibniz's dy/dx: d/dx (diag(a) x)/det(A) printed diag(a)/det(A), "'diag(a)/det' is not supported"
// when typed in (a helper's finding).
TEST_CASE("matrix: a quotient of words beginning with d reads back as the quotient") {
  Session s;
  for (const char* line : declarations) REQUIRE(answer(s, line).empty());
  for (const char* input : {"d/dx (diag(a) x)/det(A)", "d/dx a - (diag(a) (x + x))/det(A^T)", "d/dx (diag(a) x + x)/det(B)"}) {
    CAPTURE(std::string(input));
    for (auto f : {print::Format::Text, print::Format::Unicode, print::Format::Code}) {
      s.set_format(f);
      std::string printed = answer(s, input);
      s.set_format(print::Format::Text);
      CAPTURE(printed);
      CHECK(printed.find("error") == std::string::npos);
      CHECK(answer(s, printed) == answer(s, input));
    }
  }
}

TEST_CASE("matrix: a Jacobian keeps its identity, and a power of the identity is the identity") {
  check_matrix_rows({
      {"d/dx x y^T y", "(y^T y) I_n"},  // it was y^T y, a scalar
      {"d/dx x (y^T y)", "(y^T y) I_n"},
      {"d/dx x y^T y at n = 2, m = 1", "[[y_1^2, 0], [0, y_1^2]]"},
      {"d/dA tr(I_n^2) tr(A)", "n I_n"},  // it was tr(1) I_n
      {"d/dA tr(I_n^2) tr(A) at n = 2", "[[2, 0], [0, 2]]"},
      {"A I_n^2 x", "A x"},
  });
}

TEST_CASE("matrix: written out, a dimension is its size, entries are named by the declared shape, and the variable's take values") {
  check_matrix_rows({
      {"x^T A x at n = 1", "A_11 x_1^2"},  // it was A_1 x_1^2: A named as a vector at size 1
      {"X at n = 2, m = 1", "[[X_11, X_12]]"},
      // values of the variable's entries are taken though the answer has none of them
      {"d/dx 3 at n = 2, x_1 = 1, x_2 = 2", "[0, 0]"},
      {"d/dA tr(A) at n = 2, A_11 = 1, A_12 = 2, A_21 = 3, A_22 = 4", "[[1, 0], [0, 1]]"},
      {"d/dx tr(I_n) x^T x", "2n x"},
      {"d/dx tr(I_n) x^T x at n = 2", "[4x_1, 4x_2]"},
      {"n x^T x at n = 3", "3x_1^2 + 3x_2^2 + 3x_3^2"},
      {"d/dx n x at n = 2", "[[2, 0], [0, 2]]"},
      {"m tr(X^T X) at m = 2, n = 2", "2X_11^2 + 2X_12^2 + 2X_21^2 + 2X_22^2"},
  });
}

TEST_CASE("matrix self-check: each rule against the partial derivatives of its written-out form") {
  Comparer c;
  const char* const rules[] = {
      "d/dx x^T A x",         "d/dx a^T x",           "d/dx x^T x",          "d/dw norm(X w - y)^2",
      "d/dx log(x^T x)",      "d/dx norm(x)",         "d/dx A x",            "d/dx x",
      "d/dx (x^T x) A x",     "d/dx x/(x^T A x)",     "d/dX tr(X^T X)",      "d/dA tr(A X^T X B)",
      "d/dA det(A)",          "d/dA log(det(A))",     "d/dA logdet(A)",      "d/dA tr(B inv(A))",
      "d/dA x^T inv(A) x",    "d/dA norm(A)",         "d/dA x^T A^T B A x",  "d/dX y^T X w",
      "d/dx exp(a^T x)",      "d/dx sqrt(x^T A x)",   "d/dA det(A^2)",       "d/dx A^-T x",
      "hessian(x^T A x, x)",  "hessian(log(x^T x), x)",
      // entrywise functions, ⊙ and softmax of vectors
      "d/dx sum(exp(x))",     "d/dx log(sum(exp(x)))", "d/dx sum(x ⊙ x)",     "d/dx x .* a",
      "d/dx exp(x)",          "d/dx softmax(x)",      "d/dX -y^T log(softmax(X w))", "d/dw -y^T log(softmax(X w))",
      "d/dx sum(sigmoid(x))", "d/dx a^T log(sigmoid(x))", "d/dx x/a",         "d/dx sum(a/x)",
      "d/dx diag(a) x",       "d/dx sigmoid(a^T x)",  "hessian(log(sum(exp(x))), x)", "d/dA sum(A x)",
      "d/dx diag(x) A x",     "d/dx a^T A diag(x) A a",
      // answers with shared factors taken outside
      "d/dx exp(x^T A x)",    "d/dx 3x^T A x + 2y^T X x", "d/dx sqrt(x^T x)",
      "d/dA logdet(B A)",     "d/dA tr(inv(B A))",
      // a number or a scalar inside a scalar divisor (these recursed until the stack ran out)
      "d/dx log(2 x^T exp(x))", "d/dA a^T A^T A x/(2 x^T x)", "d/dx log(c x^T exp(x))", "d/dx (c x^T x)^2",
      // a vector times a scalar that is a product of matrices: its Jacobian is that scalar times I
      "d/dx x a^T a", "d/dx x a^T A a",
      // terms that share the identity as their side factor (all but the first were dropped)
      "hessian(log(sum(softmax(x))), x)", "hessian(sum(softmax(x))^2, x)", "hessian(w^T softmax(x), x)",
      "d/dx (c - sum(softmax(x))) sum(softmax(x)) softmax(x)", "d/dx ((c - sum(x)) x + c x + (x^T x) x)",
      // a vector times a scalar whose differential ends in a 1x1 product (refused as n×1 times n×1)
      "d/dx (a^T exp(sum(x) a)) a", "d/dx sum(exp((a^T x) a)) a", "hessian(sum(exp(sum(x) a)), x)",
      "hessian(norm(exp((a^T x) x))^2, x)",
      // whole powers below -1 (refused) and above 1
      "d/dA tr(A^-2)", "d/dA tr(A^3 B)",
      // det and logdet of a matrix times a scalar (refused as a column times a row)
      "d/dA det(c A)", "d/dA logdet(c A)", "d/dA det(A/c)", "d/dA det(c B A)", "d/dA det(tr(A) A)",
      "d/dx logdet((x^T x) A)",
      // det beside the inverse of its matrix, written out as the adjugate: XᵀX at m = 2, n = 3 is
      // singular at every point, where the derivative of its det is 0 (it was 0/0 in every entry)
      "d/dX det(X^T X)", "d/dX det(X X^T)",
      // and beside a sum that holds the inverse (the product rule's det(M) X (tr(M) M^-1 + I))
      "d/dX det(X^T X) tr(X^T X)", "d/dA det(A) tr(A)",
      // and beside the inverse of the matrix it is a scalar multiple of (det(2A) A^-T)
      "d/dA det(2A)", "d/dA det(c A^T)^2", "d/dA det(-A) tr(A)",
  };
  int rule_count = 0;
  for (const char* rule : rules) {
    CAPTURE(rule);
    resolve::MatrixRequest r = request(rule);
    for (long size : {2L, 3L}) {
      if (r.kind == resolve::MatrixRequest::Kind::Hessian) {
        c.check(matrix::derivative(r.expr, r.var), r.var, size, 5 - size);
      } else {
        c.check(r.expr, r.var, size, 5 - size);
      }
    }
    ++rule_count;
  }
  CHECK(rule_count == 79);
  // The answer as `at n = 3` prints it (a matrix times a vector entry by entry, or the grid) has the
  // value of the answer written out.
  int printed = 0;
  for (const char* rule : rules) {
    resolve::MatrixRequest r = request(std::string(rule) + " at n = 3, m = 2");
    eval::Result result = eval::evaluate_matrix(r, false);
    Tree answer = r.kind == resolve::MatrixRequest::Kind::Hessian ? matrix::hessian(r.expr, r.var) : matrix::derivative(r.expr, r.var);
    matrix::Grid grid = matrix::write_out(answer, *r.sizes);
    CAPTURE(rule);
    REQUIRE(result.value.kind == eval::Value::Kind::List);
    REQUIRE(result.value.items.size() == grid.size());
    for (std::size_t i = 0; i < grid.size(); ++i) {
      const eval::Value& row = result.value.items[i];
      for (std::size_t j = 0; j < grid[i].size(); ++j) {
        Expr entry = row.is_scalar() ? row.scalar : row.items[j].scalar;
        CHECK(calc::expand(entry - grid[i][j]).is_zero());
        ++printed;
      }
    }
  }
  CHECK(printed >= 200);
  MESSAGE("rules: " << rule_count << ", entries compared: " << c.comparisons << " (" << c.nonzero << " not 0)");
  CHECK(c.comparisons >= 800);
  CHECK(c.nonzero >= 700);
}

// d/dX det(XᵀX) is 2det(XᵀX) X inv(XᵀX), which written out divided by det(XᵀX): at m = 2, n = 3,
// where XᵀX has rank 2, every entry was 0/0, and at a point "division by zero", where the
// derivative is 0 (a helper's check against finite differences). Beside the inverse of its own
// matrix a determinant is written out as the adjugate; an inverse of a matrix singular at every
// point is refused.
TEST_CASE("matrix: a determinant beside its matrix's inverse is written out without dividing") {
  ddx_test::check_in_turn({
      {"X in R^(m, n)", ""},
      {"d/dX det(X^T X) at m = 2, n = 3", "[[0, 0, 0], [0, 0, 0]]"},
      {"d/dX det(X^T X) at m = 2, n = 3, X_11 = 2/7, X_12 = 6/5, X_13 = 1, X_21 = -7, X_22 = 2, X_23 = -1",
       "[[0, 0, 0], [0, 0, 0]]"},
      {"d/dX det(X X^T) at m = 3, n = 2", "[[0, 0], [0, 0], [0, 0]]"},
      {"d/dX det(X^T X) at m = 2, n = 2, X_11 = 1, X_12 = 1, X_21 = 1, X_22 = 1", "[[0, 0], [0, 0]]"},
      {"d/dX det(X^T X) at m = 2, n = 2, X_11 = 1, X_12 = 2, X_21 = 3, X_22 = 4", "[[-16, 12], [8, -4]]"},
      {"d/dX tr(inv(X^T X)) at m = 2, n = 3", "error: the matrix written out is singular (its determinant is 0 at every point)"},
      {"d/dX log(det(X^T X)) at m = 2, n = 3", "error: log(0) is undefined (its argument is 0 at every point)"},
      // (0 for c > 0 only: no cancellation, and no refusal)
      {"x in R^n", ""},
      {"inv(x x^T + (sqrt(c^2) - c) I_n) at n = 2, c = -1, x_1 = 1, x_2 = 0", "[[1/3, 0], [0, 1/2]]"},
      {"A in R^(n, n)", ""},
      {"d/dA det(A) at n = 2", "[[A_22, -A_21], [-A_12, A_11]]"},
      {"d/dA det(A) at n = 2, A_11 = 1, A_12 = 2, A_21 = 2, A_22 = 4", "[[4, -2], [-2, 1]]"},
      // (the determinant into each term of a sum beside it; refused as singular, then twice too large)
      {"d/dA det(A) tr(A) at n = 2, A_11 = 1, A_12 = 2, A_21 = 2, A_22 = 4", "[[20, -10], [-10, 5]]"},
      {"d/dA det(A) tr(A) at n = 2, A_11 = 1, A_12 = 2, A_21 = 3, A_22 = 7", "[[57, -24], [-16, 9]]"},
      {"d/dX det(X^T X) tr(X^T X) at m = 2, n = 3", "[[0, 0, 0], [0, 0, 0]]"},
      // (det(2A) beside A^-T, the inverse of the matrix it is 2 times: "division by zero" here)
      {"d/dA det(2A) at n = 2, A_11 = 1, A_12 = 2, A_21 = 2, A_22 = 4", "[[16, -8], [-8, 4]]"},
      {"d/dA det(c A) at n = 2", "[[A_22 c^2, -A_21 c^2], [-A_12 c^2, A_11 c^2]]"},
  });
  // Only an entry that is 0 at a random point is expanded to see whether it cancels: this one's
  // expansion would have millions of terms (it was refused as too large to expand).
  ddx::Session s;
  for (const char* line : {"X in R^(n, n)", "a in R^n", "b in R^n"}) REQUIRE(ddx_test::answer(s, line).empty());
  CHECK(ddx_test::answer(s, "d/dX (a^T X b)^30 at n = 3").starts_with("[[30a_1 b_1 (b_1 (X_11 a_1 + X_21 a_2 + X_31 a_3)"));
}

// A number times a sum inside a sum was left standing: d/dy (x + y)ᵀ(x - y) printed
// x - y - (x + y) (a helper's check of the answers' forms).
TEST_CASE("matrix: a number times a sum, in a sum, collects with the other terms") {
  ddx_test::check_in_turn({
      {"x in R^n", ""},
      {"y in R^n", ""},
      {"d/dy (x + y)^T (x - y)", "-2y"},
      {"x - y - (x + y)", "-2y"},
      {"2(x + y) + y", "2x + 3y"},
      {"d/dy (x + y)^T (x + y)", "2 (x + y)"},
  });
}

TEST_CASE("matrix self-check: random well-shaped expressions") {
  Comparer c;
  Generator g;
  int expressions = 0;
  Expr n = sym("n"), m = sym("m"), one = Expr(1);
  for (int i = 0; i < 300; ++i) {
    bool vector = i % 3 == 2;
    Tree var = vector || i % 2 ? leaf("x") : leaf("A");
    Tree f;
    do {  // an expression that depends on var: its derivative has entries that are not 0
      f = vector ? g.gen(i % 2 ? n : m, one, 3) : g.scalar(3);
    } while (!matrix::depends_on(f, var->name));
    CAPTURE(print::matrix_string(f, print::Format::Text));
    CAPTURE(var->name);
    for (long size : {2L, 3L}) c.check(f, var, size, 5 - size);
    // A gradient by a vector, differentiated again: the Hessian's Jacobian rules.
    if (f->shape.scalar() && var->shape.cols.is_one() && i % 4 == 1)
      for (long size : {2L, 3L}) c.check(matrix::derivative(f, var), var, size, 5 - size);
    ++expressions;
  }
  MESSAGE("random expressions: " << expressions << ", entries compared: " << c.comparisons << " (" << c.nonzero << " not 0)");
  CHECK(c.comparisons >= 4000);
  CHECK(c.nonzero >= 3500);
}

TEST_CASE("matrix: :export writes the questions in matrix notation and pdflatex compiles it") {
  if (!ddx_test::require_tool("pdflatex", "texlive-latex-base")) return;
  ddx_test::TempDir t("ddx_matrix");
  std::filesystem::path tex = t.dir / "matrix.tex";
  auto r = ddx_test::run_ddx("", "x in R^n\nA in R^(n, n)\nX in R^(n, n)\nd/dx x^T A x\nd/dX tr(A inv(X))\n"
                                 "d/dx log(sum(exp(x)))\nd/dx x^T A x at n = 2\nhessian(x^T A x, x)\nnorm(x)^2\n"
                                 ":export " + tex.string() + "\n");
  REQUIRE(std::filesystem::exists(tex));
  std::string doc = ddx_test::read_file(tex);
  CHECK(doc.find("\\frac{d}{dx} \\left(x^{\\top} A x\\right) &= \\left(A + A^{\\top}\\right) x") != std::string::npos);
  CHECK(doc.find("\\frac{d}{dX} \\operatorname{tr}\\left(A X^{-1}\\right) &= -X^{-\\top} A^{\\top} X^{-\\top}") != std::string::npos);
  // Written out entry by entry, the question is shown in words as typed (its names are not scalars).
  CHECK(doc.find("\\text{d/dx x\\textasciicircum{}T A x at n = 2}") != std::string::npos);
  std::string cmd = "cd '" + t.dir.string() + "' && pdflatex -halt-on-error -interaction=nonstopmode matrix.tex > pdflatex.log 2>&1";
  int status = std::system(cmd.c_str());
  INFO(ddx_test::read_file(t.dir / "pdflatex.log"));
  CHECK(status == 0);
}

TEST_CASE("matrix: random expressions printed as text, unicode and code read back as the same expression") {
  Generator g;
  Comparer c;
  Expr n = sym("n"), one = Expr(1);
  int read_back = 0;
  for (int i = 0; i < 200; ++i) {
    Tree f = i % 2 ? g.scalar(3) : g.gen(n, one, 3);
    for (auto format : {print::Format::Text, print::Format::Unicode, print::Format::Code}) {
      std::string printed = print::matrix_string(f, format);
      CAPTURE(printed);
      Tree back;
      try {
        back = request(printed).expr;
      } catch (const resolve::ResolveError& e) {
        FAIL("does not read back: " << e.message);
        continue;
      }
      if (back->key == f->key) {
        ++read_back;
        continue;
      }
      // Not the same tree: then the same value, entry by entry.
      matrix::Sizes sizes{{"n", 2}, {"m", 3}};
      matrix::Grid a = matrix::write_out(back, sizes), b = matrix::write_out(f, sizes);
      REQUIRE(a.size() == b.size());
      for (std::size_t r = 0; r < a.size(); ++r) c.equal(a[r][0], b[r][0], printed);
    }
  }
  MESSAGE("read back as the same tree: " << read_back << " of 600; compared by value: " << c.comparisons);
  CHECK(read_back == 600);
}

// I_n and ones(n), as matrix answers print them, typed back were the scalar I_n (I_n at n = 2 the
// name I_2, I_n + 1 a scalar sum) and an unknown function ones (a helper's round trips). With a
// declaration in the session they are the identity and the vector of ones.
TEST_CASE("matrix: the identity and ones, as answers print them, read back as matrices") {
  Session s;
  REQUIRE(answer(s, "A in R^(n, n)").empty());
  CHECK(answer(s, "d/dA tr(A)") == "I_n");
  CHECK(answer(s, "I_n at n = 2") == "[[1, 0], [0, 1]]");
  CHECK(answer(s, "2I_n at n = 2") == "[[2, 0], [0, 2]]");
  CHECK(answer(s, "I_n + 1") == "error@5: mismatched shapes in a sum: 'I_n' (n×n) and '1' (1×1)");
  REQUIRE(answer(s, "x in R^n").empty());
  CHECK(answer(s, "d/dx sum(x)") == "ones(n)");
  CHECK(answer(s, "ones(n) at n = 2") == "[1, 1]");
}

// A helper's findings: e and pi could be declared, and every use then read the constant (d/de
// e^T e was the zero vector); and a derivative written out at a point where the function has no
// value was answered (d/dx log(x^T x - 5) at n = 2, x_1 = 1, x_2 = 1 was [-2/3, -2/3]).
TEST_CASE("matrix: constants and functions are not declared, and a derivative at a point needs the function's value there") {
  ddx_test::check_in_turn({
      {"e in R^n", "error: 'e' is reserved and cannot be declared"},
      {"pi in R^n", "error: 'pi' is reserved and cannot be declared"},
      {"π in R^(n, n)", "error: 'pi' is reserved and cannot be declared"},
      {"diag in R^n", "error: 'diag' is the name of a function"},
      {"logdet in R^n", "error: 'logdet' is the name of a function"},
      {"x in R^n", ""},
      {"X in R^(n, n)", ""},
      {"d/dx log(x^T x - 5) at n = 2, x_1 = 1, x_2 = 1", "error: the derivative does not exist at this point (log of a negative number"},
      {"hessian(log(x^T x - 5), x) at n = 2, x_1 = 1, x_2 = 1", "error: the derivative does not exist at this point"},
      {"d/dx sum(log(x)) at n = 2, x_1 = -1, x_2 = 1", "error: the derivative does not exist at this point"},
      {"d/dX logdet(X) at n = 2, X_11 = -1, X_12 = 0, X_21 = 0, X_22 = 1", "error: the derivative does not exist at this point"},
      {"d/dX log(det(X)) at n = 2, X_11 = -1, X_12 = 0, X_21 = 0, X_22 = 1", "error: the derivative does not exist at this point"},
      {"d/dx log(x^T x - 1) at n = 2, x_1 = 1, x_2 = 1", "[2, 2]"},
      {"d/dX logdet(X) at n = 2, X_11 = 2, X_12 = 0, X_21 = 0, X_22 = 1", "[[1/2, 0], [0, 1]]"},
      {"d/dx log(x^T x - 5) at n = 2, x_1 = 1", "[2/(x_2^2 - 4), 2x_2/(x_2^2 - 4)]"},
  });
}

// A quotient by a column that is 0 at every point is refused, as 1/0 is: x/(a - a) printed x/0,
// its derivative diag(1/0), and d/dx sum(x/(a - a)) a scalar 1/0 where a gradient is a column (a
// regression hunt's finding). By form (a - a, 0 a) or multiplied out ((A + A) x - 2 A x); a column
// that is 0 only somewhere (A x - A^T x) divides as before.
TEST_CASE("matrix: a quotient by a column that is 0 at every point is refused") {
  check_matrix_rows({
      {"x/(a - a)", "error@3: division by zero"},
      {"1/(a - a)", "error@3: division by zero"},
      {"d/dx x/(a - a)", "error@8: division by zero"},
      {"d/dx x/(x - x)", "error@8: division by zero"},
      {"d/dx sum(x/(a - a))", "error@12: division by zero"},
      {"d/dx sum(x/(0 a))", "error@12: division by zero"},
      {"d/dx sum(x/(A x - A x))", "error@12: division by zero"},
      {"d/dx sum(exp(x)/(exp(x) - exp(x)))", "error@17: division by zero"},
      {"d/dx sum(x/((A + A) x - 2A x))", "error@12: division by zero"},
      {"d/dx sum(x/((A + B) x - A x - B x))", "error@1: division by zero (the divisor is 0 at every point)"},
      {"(x - x) .* a", "0  # the zero vector, n×1"},
      {"x/a", "x/a"},
      {"d/dx sum(x/a)", "1/a"},
  });
}

// What the expression as written holds and its simplified form cancels must have a value at a
// point, as in scalars (x/x at x = 0 is refused): norm(x)/norm(x) at x = 0 was 1, (x^T x)/norm(x)
// there 0 (written out, the scalar engine's x/sqrt(x) is sqrt(x)), and the derivative of
// (x^T x)/(x^T x) there [0, 0] (a regression hunt's lead). Where the function has a value and the
// derivative's formula has none, the derivative may still exist: d/dx norm(x) x at 0 is 0, and
// "division by zero" said it had none; undecided, as the scalar engine says.
TEST_CASE("matrix: at a point, what the simplified form cancels must have a value") {
  check_matrix_rows({
      {"norm(x)/norm(x) at n = 2, x_1 = 0, x_2 = 0", "error@1: division by zero in the expression as written (its simplified form hides it)"},
      {"(x^T x)/norm(x) at n = 2, x_1 = 0, x_2 = 0", "error@1: division by zero in the expression as written (its simplified form hides it)"},
      {"d/dx (x^T x)/(x^T x) at n = 2, x_1 = 0, x_2 = 0",
       "error@1: the derivative does not exist at this point (division by zero in the expression as written)"},
      {"1/norm(x) - 1/norm(x) at n = 2, x_1 = 0, x_2 = 0", "error@1: division by zero in the expression as written (its simplified form hides it)"},
      {"0 log(x^T x) at n = 2, x_1 = 0, x_2 = 0", "error@1: log(0) is undefined in the expression as written (its simplified form hides it)"},
      {"inv(A) A x at n = 2, A_11 = 0, A_12 = 0, A_21 = 0, A_22 = 0", "error@1: division by zero in the expression as written (its simplified form hides it)"},
      {"d/dx norm(x) x at n = 2, x_1 = 0, x_2 = 0",
       "error@1: ddx cannot decide whether the derivative exists at this point (the function has a value there, but the derivative's "
       "formula has none: division by zero, a limit ddx does not take)"},
      // where the parts have values, as before
      {"norm(x)/norm(x) at n = 2, x_1 = 1, x_2 = 0", "1"},
      {"(x^T x)/norm(x) at n = 2, x_1 = 3, x_2 = 4", "5"},
      {"inv(A) A x at n = 2, A_11 = 1, A_12 = 0, A_21 = 0, A_22 = 1", "[x_1, x_2]"},
      {"d/dx norm(x)^2 at n = 2, x_1 = 0, x_2 = 0", "[0, 0]"},
      {"norm(x)/norm(x)", "1"},
  });
}
