// SPDX-License-Identifier: GPL-3.0-or-later
// The procedure table (see procedures.hpp) and the procedures of one expression: diff, expand,
// simplify, approx.
#include "eval/procedures.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "calculus/evalf.hpp"
#include "calculus/expand.hpp"
#include "calculus/polynomial.hpp"
#include "calculus/simplify.hpp"
#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "resolve/names.hpp"

namespace ddx::eval {

std::uint64_t order_argument(const Term& n, Evaluator& ev) {
  Expr k = ev.scalar(n);
  if (!k.is_integer() || k.number().sign() <= 0) throw EvalError{n.span, "expected a positive whole number as the order"};
  if (!k.number().fits_long()) return UINT64_MAX;
  return static_cast<std::uint64_t>(k.number().to_long());
}

namespace {

bool is_name(const Term& t) { return t.is_value() && t.expr.is(Kind::Symbol); }

// diff(E, x), diff(E, x, 2), diff(E, x, y): partial derivatives in order.
Result diff_procedure(const Term& call, Evaluator& ev) {
  calc::Differentiations d;
  bool order_before = false;
  for (std::size_t i = 1; i < call.children.size(); ++i) {
    const Term& c = call.children[i];
    if (!is_name(c) && i > 1) {  // an order: how many times the variable before it is taken
      // diff(x^5, x, 3, 1): the 3rd, the 4th or the 3rd and then the 1st? (The last one counted.)
      if (order_before)
        throw EvalError{c.span, "an order follows an order: write one order after each variable, as diff(E, x, 2, y, 3)"};
      d.back().second = order_argument(c, ev);
      order_before = true;
      continue;
    }
    order_before = false;
    // diff(x^3, x, n) after n = 2: the variable n (0), or the order 2 (6x)? Ask.
    if (i > 1 && ev.context().definition(c.expr.name()))
      if (Expr value = *ev.context().definition(c.expr.name()); value.is_integer() && value.number().sign() > 0)
        throw EvalError{c.span, "'" + c.expr.name() + "' is defined as " + value.number().to_string() + ": write diff(..., " +
                                    value.number().to_string() + ") for the order, or differentiate by a name that is not defined"};
    d.emplace_back(ev.variable(c), 1);
  }
  return Result::of(Value::of(ev.derivative_of(call.children[0], d, call)));
}

// The argument of a procedure that rewrites it, a typed sign and a corner's of one argument
// merged first (core/corner_sign.hpp), so that they cancel and collect.
Expr rewritten_argument(const Term& arg, Evaluator& ev) { return with_signs_unified(ev.scalar(arg)); }

Result expand_procedure(const Term& call, Evaluator& ev) {
  return Result::of(Value::of(calc::expand(rewritten_argument(call.children[0], ev))));
}

Result simplify_procedure(const Term& call, Evaluator& ev) {
  return Result::of(Value::of(calc::simplify(rewritten_argument(call.children[0], ev))));
}

// factor(E): irreducible factors over Q of a polynomial, or of the numerator and denominator of
// a rational function in lowest terms. The value is the canonical product; when that distributes
// a number over a lone sum (2 (x + 1) is the sum 2x + 2), it is still shown factored.
Result factor_procedure(const Term& call, Evaluator& ev) {
  const Term& arg = call.children[0];
  auto f = calc::factor(rewritten_argument(arg, ev));
  if (!f) throw EvalError{arg.span, "factor: floating-point numbers are not factored (write 1/2, not 0.5)"};
  Expr e = f->expr();
  if (f->factors.size() != 1 || f->factors[0].second != 1 || !f->factors[0].first.is(Kind::Add) ||
      f->coefficient.is_one())
    return Result::of(Value::of(e));
  return Result::shaped(e, FactoredSum{f->coefficient, f->factors[0].first});
}

// approx(E[, digits]): a decimal value with `digits` significant digits (default 15), computed
// with MPFR at that precision; `ans` keeps it as a float.
Result approx_procedure(const Term& call, Evaluator& ev) {
  int digits = 15;
  if (call.children.size() == 2) {
    const Term& d = call.children[1];
    bool ok = d.is_value() && d.expr.is_integer() && d.expr.number().fits_long() && d.expr.number().to_long() >= 1 &&
              d.expr.number().to_long() <= max_evalf_digits;
    if (!ok) throw EvalError{d.span, "expected a number of digits (1 to " + std::to_string(max_evalf_digits) + ")"};
    digits = static_cast<int>(d.expr.number().to_long());
  }
  const Term& arg = call.children[0];
  Expr e = ev.scalar(arg);
  std::string text;
  try {
    text = calc::evalf_certain(e, digits);
  } catch (const MathError& err) {
    throw EvalError{arg.span, err.what()};
  }
  double const value = std::strtod(text.c_str(), nullptr);
  // (MPFR's exponent range is far wider than a double's: 1.0e400 and 1.0e-400 are its digits.)
  if (!std::isfinite(value) || (value == 0 && !e.is_zero()))
    return Result::shaped(e, Decimal{text, true});
  // (in a check's reading, the exact number the digits write; one past what an exact number
  // holds is its double, as outside one: approx(1/30, 100000) was refused for it)
  std::optional<Number> written;
  try {
    written = Number::from_decimal_text(text);
  } catch (const LimitError&) {
  }
  if (written)
    if (std::optional<Expr> as_read = ev.context().decimal_as_read(*written)) return Result::shaped(*as_read, Decimal{text});
  return Result::shaped(num(Number::from_double(value)), Decimal{text});
}

}  // namespace

const std::vector<Procedure>& procedures() {
  static const std::vector<Procedure> table = {
      {"diff", 2, 1000, "diff(EXPR, x), diff(EXPR, x, 2) or diff(EXPR, x, y)",
       "partial derivatives in order: diff(x^2 y, x, y); diff(E, x, 3) is the third", diff_procedure, false, true},
      {"expand", 1, 1, "expand(EXPR)", "multiply out products and powers of sums", expand_procedure, false, true},
      {"simplify", 1, 1, "simplify(EXPR)", "try harder: trig and log identities, common factors", simplify_procedure, false, true},
      {"factor", 1, 1, "factor(EXPR)",
       "factor a polynomial over the rationals (limits: 5000 terms, degree 200, 64 variables)", factor_procedure, false, true},
      {"approx", 1, 2, "approx(EXPR) or approx(EXPR, DIGITS)", "a decimal value, 15 significant digits or DIGITS",
       approx_procedure, false, true},
      {"grad", 1, 2, "grad(f) or grad(f, [x, y])", "the gradient over the free symbols (sorted) or the variables given",
       grad_procedure, false, true},
      {"jacobian", 1, 2, "jacobian([f, g], [x, y])", "the Jacobian: rows are functions (:set layout denominator transposes)",
       jacobian_procedure, false, true},
      {"hessian", 1, 2, "hessian(f) or hessian(f, [x, y])", "the Hessian: all second partial derivatives", hessian_procedure, false, true},
      {"total", 1, 2, "total(z) or total(z, [x, y])", "the total differential dz = z_x dx + z_y dy", total_procedure, false, true},
      {"tangent", 2, 2, "tangent(f, x = a)", "the tangent line y = f(a) + f'(a) (x - a)", tangent_procedure},
      {"critical", 1, 2, "critical(f) or critical(f, [x, y])",
       "where the gradient is zero: each point with its kind (minimum, maximum, saddle) and value", critical_procedure},
      {"taylor", 3, 3, "taylor(EXPR, x = a, N)", "the Taylor polynomial: the terms of degree below N in powers of (x - a)",
       taylor_procedure},
      {"series", 3, 3, "series(EXPR, x = a, N)", "the Taylor polynomial and its order term O((x - a)^N)",
       series_procedure},
      {"implicit", 2, 2, "implicit(F = G, dy/dx) or implicit(F = G, d^2y/dx^2)",
       "implicit differentiation: dy/dx = -F_x/F_y where F = G defines y; orders up to 10", implicit_procedure, true, true},
      {"sum", 2, 2, "sum(EXPR, n = A .. B)",
       "a sum over n from A to B (numbers or names such as N); x_n, t_n are the n-th entries of x and t", sum_procedure, false, true},
      {"mean", 2, 2, "mean(EXPR, n = A .. B)", "the sum over n from A to B divided by B - A + 1", mean_procedure, false, true},
      {"plot", 2, 1000, "plot(EXPR, ..., x = a .. b)", "a plot in the terminal, or in an SVG file after :plot-to",
       plot_procedure},
      {"table", 2, 1000, "table(EXPR, ..., x = a .. b step s)", "a column of values (CSV with --format code)",
       table_procedure},
  };
  return table;
}

const Procedure* find_procedure(std::string_view name) {
  // Asked of every name the resolver reads: only the procedures that begin with its letter are
  // compared (one to three; the whole table is some thirty).
  static const auto by_letter = [] {
    std::array<std::vector<const Procedure*>, 128> index;
    for (const Procedure& p : procedures()) index[static_cast<unsigned char>(p.name[0]) % 128].push_back(&p);
    return index;
  }();
  if (name.empty()) return nullptr;
  for (const Procedure* p : by_letter[static_cast<unsigned char>(name[0]) % 128])
    if (p->name == name) return p;
  return nullptr;
}

Result Evaluator::call(const Term& t) {
  const Procedure* p = find_procedure(t.name);
  if (!p) throw EvalError{t.name_span, "'" + t.name + "' is not a procedure"};
  NotingPaused own_algebra(p->keeps_requirements);  // a procedure's algebra is no part of the expression as written
  if (!p->leibniz_arguments)
    for (const Term& a : t.children)
      if (a.kind == TermKind::Leibniz && a.of == resolve::LeibnizOf::Undefined)
        throw EvalError{a.name_span, resolve::undefined_leibniz_message(a.name, a.vars[0].name)};
  if (t.children.size() < p->min_args || t.children.size() > p->max_args)
    throw EvalError{t.span, "usage: " + std::string(p->usage)};
  return p->evaluate(t, *this);
}

}  // namespace ddx::eval
