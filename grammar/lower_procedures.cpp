// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in procedures: names that look like calls but are not functions of the algebra
// (diff, expand, simplify, factor, approx, grad, jacobian, hessian, total, tangent). One table; each
// entry lowers its own arguments, because some take variables, vectors or `x = a` bindings.
#include <cmath>
#include <cstdint>
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

// A derivative order written as an argument: a positive integer, which may be an expression
// (diff(x, x, 10^8)).
std::uint64_t order_argument(const Node& n, Lowering& l) {
  Expr k = l.scalar(n);
  if (!k.is_integer() || k.number().sign() <= 0) throw LowerError{n.span, "expected a positive whole number as the order"};
  if (!k.number().fits_long()) return UINT64_MAX;
  return static_cast<std::uint64_t>(k.number().to_long());
}

// diff(E, x), diff(E, x, 2), diff(E, x, y): partial derivatives in order.
Value diff_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 2, 1000, "diff(EXPR, x), diff(EXPR, x, 2) or diff(EXPR, x, y)");
  calc::Differentiations d;
  for (std::size_t i = 1; i < call.children.size(); ++i) {
    const Node& c = call.children[i];
    bool is_name = c.kind == NodeKind::Word || (c.kind == NodeKind::Group && c.children[0].kind == NodeKind::Word);
    if (!is_name && i > 1) {  // an order: how many more times the variable before it is taken
      std::uint64_t k = order_argument(c, l);
      d.back().second = k;
      continue;
    }
    d.emplace_back(l.variable(c), 1);
  }
  std::vector<Expr> vars;
  for (const auto& [var, count] : d) vars.push_back(var);
  Expr e = l.operand(call.children[0], vars);
  return Value::of(l.differentiate(e, d, call));
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
        std::stoi(d.text) > max_evalf_digits)
      throw LowerError{d.span, "expected a number of digits (1 to " + std::to_string(max_evalf_digits) + ")"};
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

// The variables of a vector literal `[x, y]` (or a single name) at argument `index`, or none
// when the call has no such argument.
std::optional<std::vector<Expr>> variables_argument(const Node& call, std::size_t index, Lowering& l) {
  if (call.children.size() <= index) return std::nullopt;
  const Node& n = call.children[index].kind == NodeKind::Group ? call.children[index].children[0] : call.children[index];
  if (n.kind != NodeKind::Vector) return std::vector<Expr>{l.variable(n)};
  std::vector<Expr> vars;
  for (const Node& c : n.children) vars.push_back(l.variable(c));
  return vars;
}

// The functions of grad, jacobian, hessian and total, lowered with the listed variables held
// independent (a defined y among them is a variable, never a silent 0 column), and the variables:
// those listed, or the free symbols of the functions.
struct Differentiated {
  std::vector<Expr> functions;
  std::vector<Expr> vars;
};
Differentiated differentiated(const Node& call, Lowering& l) {
  auto listed = variables_argument(call, 1, l);
  std::vector<Expr> held = listed ? *listed : std::vector<Expr>{};
  Differentiated out;
  const Node& first = call.children[0].kind == NodeKind::Group && call.children[0].children[0].kind == NodeKind::Vector
                          ? call.children[0].children[0]
                          : call.children[0];
  if (first.kind == NodeKind::Vector) {
    for (const Node& c : first.children) out.functions.push_back(l.operand(c, held));
  } else {
    out.functions.push_back(l.operand(first, held));
  }
  out.vars = listed ? *listed : calc::variables_of(out.functions);
  return out;
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

// The matrix of first derivatives: rows are functions, columns variables.
calc::Matrix first_derivatives(const Node& call, const Differentiated& f, Lowering& l) {
  calc::Matrix m;
  for (Expr fn : f.functions) {
    calc::Row row;
    for (Expr v : f.vars) row.push_back(l.differentiate(fn, {{v, 1}}, call));
    m.push_back(std::move(row));
  }
  return m;
}

Value grad_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 2, "grad(f) or grad(f, [x, y])");
  Differentiated f = differentiated(call, l);
  if (f.functions.size() != 1) throw LowerError{call.children[0].span, "grad takes one function; for several, use jacobian"};
  return vector_value(first_derivatives(call, f, l)[0]);
}

Value jacobian_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 2, "jacobian([f, g], [x, y])");
  calc::Matrix m = first_derivatives(call, differentiated(call, l), l);
  bool denominator = l.scope().denominator_layout();
  Value v = matrix_value(denominator ? calc::transpose(m) : m);
  v.note = denominator ? "denominator layout" : "numerator layout";
  return v;
}

Value hessian_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 2, "hessian(f) or hessian(f, [x, y])");
  Differentiated f = differentiated(call, l);
  if (f.functions.size() != 1) throw LowerError{call.children[0].span, "hessian takes one function"};
  calc::Matrix m;
  for (Expr a : f.vars) {
    calc::Row row;
    for (Expr b : f.vars) {
      calc::Differentiations d = a == b ? calc::Differentiations{{a, 2}} : calc::Differentiations{{a, 1}, {b, 1}};
      row.push_back(l.differentiate(f.functions[0], d, call));
    }
    m.push_back(std::move(row));
  }
  return matrix_value(m);
}

// total(z), total(z, [x, y]): dz = ∂z/∂x dx + ∂z/∂y dy over the free symbols of z (definitions
// substituted) or the listed variables.
Value total_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 1, 2, "total(z) or total(z, [x, y])");
  const Node& arg = call.children[0];
  Differentiated f = differentiated(call, l);
  if (f.functions.size() != 1) throw LowerError{arg.span, "total takes one function"};
  std::string name = arg.kind == NodeKind::Word ? arg.text : "f";
  std::vector<std::pair<Expr, std::string>> terms;  // coefficient, variable name
  Expr sum;
  for (Expr v : f.vars) {
    Expr c = l.differentiate(f.functions[0], {{v, 1}}, call);
    if (c.is_zero()) continue;
    terms.emplace_back(c, v.name());
    sum = sum + c * sym("d" + v.name());
  }
  auto render = [name, terms, sum](print::Format fmt) {
    if (fmt == print::Format::Code) return print::to_string(sum, fmt);  // one pasteable expression
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

// tangent(f, x = a): y = f(a) + f'(a) (x - a), refused where f has no derivative.
Value tangent_procedure(const Node& call, Lowering& l) {
  expect_arguments(call, 2, 2, "tangent(f, x = a)");
  const Node& at = call.children[1];
  if (at.kind != NodeKind::Equation) throw LowerError{at.span, "expected the point as x = a, e.g. tangent(x^2, x = 1)"};
  Expr x = sym(at.text);
  Expr f = l.operand(call.children[0], {x});
  Expr a = l.scalar(at.children[0]);
  std::string point = at.text + " = " + print::to_string(a, print::Format::Text);
  Expr slope = l.differentiate_at(f, {{x, 1}}, {{x, a}}, point, call);
  Expr fa;
  try {
    fa = substitute(f, {{x, a}});
  } catch (const MathError& e) {
    throw LowerError{call.span, std::string("the function has no value at ") + point + " (" + e.what() + ")"};
  }
  Expr line = calc::expand(fa + slope * (x - a));
  Value v = Value::shown(line, [line](print::Format fmt) {
    return (fmt == print::Format::Code ? "" : "y = ") + print::to_string(line, fmt);  // code: the expression alone
  });
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
