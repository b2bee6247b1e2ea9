// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in procedures: names that look like calls but are not functions of the algebra
// (diff, expand, simplify, factor, approx, grad, jacobian, hessian, total, tangent). One table; each
// entry lowers its own arguments, because some take variables, vectors or `x = a` bindings.
#include <cmath>
#include <cstdio>
#include <random>
#include <unordered_map>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/evalf.hpp"
#include "calculus/expand.hpp"
#include "calculus/polynomial.hpp"
#include "calculus/simplify.hpp"
#include "calculus/vector.hpp"
#include "core/errors.hpp"
#include "grammar/lowering.hpp"

namespace ddx::grammar {
namespace {

void expect_arguments(const Node& call, std::size_t min, std::size_t max, const char* usage) {
  if (call.children.size() < min || call.children.size() > max)
    throw LowerError{call.span, std::string("usage: ") + usage};
}

// diff(E, x), diff(E, x, 2), diff(E, x, y): partial derivatives in order.
Value diff_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 2, 1000, "diff(EXPR, x), diff(EXPR, x, 2) or diff(EXPR, x, y)");
  Expr e = l.scalar(call.children[0]);
  for (std::size_t i = 1; i < call.children.size(); ++i) {
    const Node& c = call.children[i];
    if (c.kind == NodeKind::Number) {
      if (i == 1 || c.is_float) throw LowerError{c.span, "expected a variable name here"};
      Number k = Number::from_integer_text(c.text);
      if (k.sign() <= 0 || !k.fits_long() || k.to_long() > max_diff_order)
        throw LowerError{c.span, "derivative order must be a positive integer up to " + std::to_string(max_diff_order)};
      e = l.differentiate(e, l.variable(call.children[i - 1]), static_cast<int>(k.to_long()) - 1, c);
      continue;
    }
    e = l.differentiate(e, l.variable(c), 1, c);
  }
  return Value::of(e);
}

Value expand_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 1, "expand(EXPR)");
  return Value::of(calc::expand(l.scalar(call.children[0])));
}

Value simplify_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 1, "simplify(EXPR)");
  return Value::of(calc::simplify(l.scalar(call.children[0])));
}

// c (S) for a number c and a sum S, as `factor` shows it: 2 (x + 1), -(x - 1), (x + 1)/2.
std::string coefficient_times_sum(const Number& c, Expr sum, print::Format f) {
  bool latex = f == print::Format::Latex, code = f == print::Format::Code;
  std::string minus = c.is_negative() ? (f == print::Format::Unicode ? "−" : "-") : "";
  Number p = c.is_negative() ? -c.numerator() : c.numerator(), q = c.denominator();
  std::string s = latex ? "\\left(" + print::to_string(sum, f) + "\\right)" : "(" + print::to_string(sum, f) + ")";
  if (!p.is_one()) s = p.to_string() + (code ? "*" : " ") + s;
  if (q.is_one()) return minus + s;
  return minus + (latex ? "\\frac{" + s + "}{" + q.to_string() + "}" : s + "/" + q.to_string());
}

// factor(E): irreducible factors over Q of a polynomial, or of the numerator and denominator of
// a rational function in lowest terms. The value is the canonical product; when that distributes
// a number over a lone sum (2 (x + 1) is the sum 2x + 2), it is still shown factored.
Value factor_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 1, "factor(EXPR)");
  const Node& arg = call.children[0];
  auto f = calc::factor(l.scalar(arg));
  if (!f) throw LowerError{arg.span, "factor: floating-point numbers are not factored (write 1/2, not 0.5)"};
  Expr e = f->expr();
  if (f->factors.size() != 1 || f->factors[0].second != 1 || !f->factors[0].first.is(Kind::Add) ||
      f->coefficient.is_one())
    return Value::of(e);
  Value v = Value::shown(e, [c = f->coefficient, sum = f->factors[0].first](print::Format fmt) {
    return coefficient_times_sum(c, sum, fmt);
  });
  v.usable_in_expressions = true;  // factor(2x + 2) + 1
  return v;
}

// approx(E[, digits]): a decimal value with `digits` significant digits (default 15), computed
// with MPFR at that precision; `ans` keeps it as a float.
Value approx_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 2, "approx(EXPR) or approx(EXPR, DIGITS)");
  int digits = 15;
  if (call.children.size() == 2) {
    const Node& d = call.children[1];
    if (d.kind != NodeKind::Number || d.is_float || d.text.size() > 6 || std::stoi(d.text) < 1 ||
        std::stoi(d.text) > calc::max_evalf_digits)
      throw LowerError{d.span, "expected a number of digits (1 to " + std::to_string(calc::max_evalf_digits) + ")"};
    digits = std::stoi(d.text);
  }
  const Node& arg = call.children[0];
  Expr e = l.scalar(arg);
  std::string text;
  try {
    text = calc::evalf(e, digits);
  } catch (const MathError& err) {
    throw LowerError{arg.span, err.what()};
  }
  Expr value = num(Number::from_double(std::strtod(text.c_str(), nullptr)));
  Value v = Value::shown(value, [text](print::Format f) {
    auto e = text.find('e');
    if (f != print::Format::Latex || e == std::string::npos) return text;
    return text.substr(0, e) + " \\cdot 10^{" + text.substr(e + 1) + "}";
  });
  v.usable_in_expressions = true;  // approx(pi) + 1
  return v;
}

// The variables of a vector literal `[x, y]`, or the free symbols of `of` when absent.
std::vector<Expr> variables_argument(const Node& call, std::size_t index, const std::vector<Expr>& of, Lowering& l) {
  if (call.children.size() <= index) return calc::variables_of(of);
  const Node& n = call.children[index].kind == NodeKind::Group ? call.children[index].children[0] : call.children[index];
  if (n.kind != NodeKind::Vector) return {l.variable(n)};
  std::vector<Expr> vars;
  for (const Node& c : n.children) vars.push_back(l.variable(c));
  return vars;
}

Value vector_value(const calc::Row& row) {
  std::vector<Value> items;
  for (Expr e : row) items.push_back(Value::of(e));
  return Value::list(std::move(items));
}

Value matrix_value(const calc::Matrix& m) {
  std::vector<Value> rows;
  for (const calc::Row& r : m) rows.push_back(vector_value(r));
  return Value::list(std::move(rows));
}

Value grad_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 2, "grad(f) or grad(f, [x, y])");
  Expr f = l.scalar(call.children[0]);
  return vector_value(calc::gradient(f, variables_argument(call, 1, {f}, l)));
}

Value jacobian_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 2, "jacobian([f, g], [x, y])");
  const Node& first = call.children[0];
  std::vector<Expr> fs;
  if (first.kind == NodeKind::Vector) {
    for (const Node& c : first.children) fs.push_back(l.scalar(c));
  } else {
    fs.push_back(l.scalar(first));
  }
  calc::Matrix m = calc::jacobian(fs, variables_argument(call, 1, fs, l));
  bool denominator = l.scope().denominator_layout();
  Value v = matrix_value(denominator ? calc::transpose(m) : m);
  v.note = denominator ? "denominator layout" : "numerator layout";
  return v;
}

Value hessian_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 2, "hessian(f) or hessian(f, [x, y])");
  Expr f = l.scalar(call.children[0]);
  return matrix_value(calc::hessian(f, variables_argument(call, 1, {f}, l)));
}

// total(z): dz = ∂z/∂x dx + ∂z/∂y dy over the free symbols of z (definitions substituted).
Value total_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 1, "total(z)");
  const Node& arg = call.children[0];
  Expr f = l.scalar(arg);
  std::string name = arg.kind == NodeKind::Word ? arg.text : "f";
  std::vector<std::pair<Expr, std::string>> terms;  // coefficient, variable name
  Expr sum;
  for (Expr v : calc::variables_of({f})) {
    Expr c = calc::diff(f, v);
    if (c.is_zero()) continue;
    terms.emplace_back(c, v.name());
    sum = sum + c * sym("d" + v.name());
  }
  auto render = [name, terms](print::Format fmt) {
    bool latex = fmt == print::Format::Latex;
    auto differential = [&](const std::string& v) {
      return latex ? "\\mathrm{d}" + print::symbol_name(v, fmt) : "d" + print::symbol_name(v, fmt);
    };
    std::string s = differential(name) + " = ";
    if (terms.empty()) return s + "0";
    for (std::size_t i = 0; i < terms.size(); ++i) {
      Expr c = terms[i].first;
      bool negative = has_negative_sign(c);
      if (negative) c = -c;
      s += i == 0 ? (negative ? "-" : "") : (negative ? " - " : " + ");
      std::string text = print::to_string(c, fmt);
      std::string times = fmt == print::Format::Code ? "*" : (latex ? " \\, " : " ");
      if (c.is_one())
        text.clear(), times.clear();
      else if (c.is(Kind::Add))
        text = latex ? "\\left(" + text + "\\right)" : "(" + text + ")";
      s += text + times + differential(terms[i].second);
    }
    return s;
  };
  return Value::shown(sum, render);
}

// tangent(f, x = a): y = f(a) + f'(a) (x - a).
Value tangent_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 2, 2, "tangent(f, x = a)");
  const Node& at = call.children[1];
  if (at.kind != NodeKind::Equation) throw LowerError{at.span, "expected the point as x = a, e.g. tangent(x^2, x = 1)"};
  Expr f = l.scalar(call.children[0]);
  Expr x = sym(at.text);
  Expr line = calc::tangent_line(f, x, l.scalar(at.children[0]));
  Value v = Value::shown(line, [line](print::Format fmt) { return "y = " + print::to_string(line, fmt); });
  v.usable_in_expressions = true;  // plot(x^2, tangent(x^2, x = 1), x = -1 .. 3)
  return v;
}

const std::unordered_map<std::string_view, Procedure>& procedures() {
  static const std::unordered_map<std::string_view, Procedure> table = {
      {"diff", diff_procedure},       {"expand", expand_procedure},     {"simplify", simplify_procedure},
      {"factor", factor_procedure},
      {"approx", approx_procedure},   {"grad", grad_procedure},         {"jacobian", jacobian_procedure},
      {"hessian", hessian_procedure}, {"total", total_procedure},       {"tangent", tangent_procedure},
      {"plot", plot_procedure},       {"table", table_procedure},
  };
  return table;
}

}  // namespace

std::optional<Procedure> find_procedure(std::string_view name) {
  auto it = procedures().find(name);
  if (it == procedures().end()) return std::nullopt;
  return it->second;
}

Value compare_expressions(Expr a, Expr b) {
  if (a == b) return Value::boolean(true);
  Expr d = a - b;
  try {
    if (calc::simplify(calc::expand(d)).is_zero()) return Value::boolean(true);
  } catch (const LimitError&) {
    // too big to expand: fall through to the numeric check
  }
  std::vector<Expr> vars = calc::variables_of({a, b});
  std::mt19937_64 rng(20261122);  // fixed: the same question always gets the same answer
  std::uniform_real_distribution<double> pick(-2.5, 2.5);
  int agreed = 0;
  for (int trial = 0; trial < 40 && agreed < 12; ++trial) {
    std::unordered_map<std::string, double> point;
    for (Expr v : vars) point[v.name()] = pick(rng);
    double x, y;
    try {
      x = calc::evaluate(a, point);
      y = calc::evaluate(b, point);
    } catch (const MathError&) {
      break;  // abstract functions: no numeric check possible
    }
    if (!std::isfinite(x) || !std::isfinite(y)) continue;
    if (std::abs(x - y) > 1e-9 * (1 + std::abs(x) + std::abs(y))) return Value::boolean(false);
    ++agreed;
  }
  Value v = Value::boolean(agreed >= 3);
  v.note = agreed >= 3 ? "checked numerically at " + std::to_string(agreed) + " random points"
                       : "could not be decided symbolically or numerically";
  return v;
}

}  // namespace ddx::grammar
