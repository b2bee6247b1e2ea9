// SPDX-License-Identifier: GPL-3.0-or-later
// plot(EXPR, ..., x = a .. b) and table(EXPR, ..., x = a .. b step s): the curves are the
// expressions before the range; the range names the variable. The result is data; the printers
// sample and draw it.
#include <cmath>

#include "calculus/eval.hpp"
#include "calculus/evalf.hpp"
#include "calculus/simplify.hpp"
#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "core/substitute.hpp"
#include "eval/procedures.hpp"
#include "print/plot.hpp"

namespace ddx::eval {
namespace {

struct Range {
  Expr var;
  double from = 0, to = 0, step = 0;
};

double number_of(const Term& n, Evaluator& ev) {
  Expr e = ev.scalar(n);
  double v = NAN;
  try {
    v = calc::evaluate(e, {});
  } catch (const MathError&) {
  }
  if (!std::isfinite(v)) throw EvalError{n.span, "expected a number here"};
  return v;
}

// Whether a constant is above 0, by its certain digits; EvalError at `at` saying `unsure` when ddx
// cannot tell it from 0.
bool certainly_positive(Expr c, SourceSpan at, const char* unsure) {
  if (c.is_number()) return c.number().sign() > 0;
  try {
    std::string digits = calc::evalf_certain(c, 17);
    return digits.find_first_not_of("0.") != std::string::npos && digits[0] != '-';
  } catch (const calc::Uncertain&) {
    throw EvalError{at, unsure};
  }
}

// A table's bound or step, a constant (number_of took its value), exactly: a number (a decimal as
// written: 0.1 is 1/10) or an expression of no variable (pi/4). (A statement with decimals is
// read once more with every decimal exact, so that 1e6 pi and 1 + 1e-16 are no doubles here.)
Expr exact_constant_of(const Term& n, Evaluator& ev) {
  Expr e = ev.scalar(n);
  if (e.is_number() && !e.number().is_exact()) return num(Number::from_double_as_written(e.number().to_double()));
  return e;
}

// The range's bounds (and step) as doubles; whether they are in order is the caller's check (a
// table's by its exact bounds: 10^16 .. 10^16 + 1 has two equal doubles).
Range range_argument(const Term& call, Evaluator& ev, const char* usage) {
  if (call.children.size() < 2 || call.children.back().kind != TermKind::Range)
    throw EvalError{call.span, std::string("usage: ") + usage};
  const Term& r = call.children.back();
  // A defined name as the variable is read as its value wherever it is used (after x = 2,
  // table(x^2, x = 0 .. 1) was 4 in every row): the range would change nothing. Refused, as `at`
  // refuses it.
  if (std::optional<Expr> definition = ev.context().definition(r.name)) {
    std::string const instead = free_symbols(*definition).empty() ? ":clear " + r.name + " to run it over a range"
                                                                  : "run the names it is made of over a range";
    throw EvalError{r.name_span, "'" + r.name + "' is a defined name, read as its value (" + ev.context().text(*definition) +
                                     "): a " + call.name + " over " + r.name + " changes nothing; " + instead +
                                     ", or use another name"};
  }
  Range range;
  range.var = sym(r.name);
  range.from = number_of(r.children[0], ev);
  range.to = number_of(r.children[1], ev);
  if (r.children.size() == 3) range.step = number_of(r.children[2], ev);
  return range;
}

void require_increasing(bool increasing, const Term& range) {
  if (!increasing) throw EvalError{range.span, "the range must go from a smaller to a larger number"};
}

// A curve's name in a table's header or a plot's legend: the expression as ddx prints it, or
// `curve N` for one too long to read there (its printed tree may be astronomically larger than it:
// f6(x) after f_k(t) = f_(k-1)(f_(k-1)(t)) did not finish printing).
std::string curve_label(Expr e, std::size_t index, Evaluator& ev) {
  constexpr std::size_t longest_label_terms = 500;
  if (calc::expr_size(e) > longest_label_terms) return "curve " + std::to_string(index + 1);
  return ev.context().text(e);
}

std::vector<Curve> curves(const Term& call, const Range& range, Evaluator& ev) {
  std::vector<Curve> out;
  for (std::size_t i = 0; i + 1 < call.children.size(); ++i) {
    const Term& c = call.children[i];
    std::vector<Expr> lost = c.dropped;  // and what the body of a definition it names lost
    Expr e = noting_into(lost, [&] { return ev.scalar(c); });
    std::vector<Expr> symbols;  // y/y + x depends on y, though its simplified form does not
    for (Expr part : lost)
      for (Expr s : free_symbols(part))
        if (!is_beside_step(s)) symbols.push_back(s);  // (d^2/dx^2 x abs(x): a step beside the corner, no name)
    for (Expr s : free_symbols(e)) symbols.push_back(s);
    std::string const verb = call.name == "table" ? "tabulate" : "plot";  // (a table said "cannot plot")
    for (Expr s : symbols)
      if (s != range.var)
        throw EvalError{c.span, "cannot " + verb + ": " + s.name() + " has no value (give it one, or " + verb + " against it)"};
    out.push_back({curve_label(e, i, ev), e, range.var, std::move(lost)});
  }
  return out;
}

// A table or a plot is no value (its value is 0, and `ans` stays as it was): `table(...) at y = 1`
// would print 0.
void refuse_at_a_point(const Term& call, const Evaluator& ev) {
  if (ev.at_a_point())
    throw EvalError{call.span, call.name + " computes its values itself and cannot be taken at a point; to fix a variable "
                                           "first, write " + call.name + "((f at y = 1), x = a .. b)"};
}

}  // namespace

Result plot_procedure(const Term& call, Evaluator& ev) {
  refuse_at_a_point(call, ev);
  Range range = range_argument(call, ev, "plot(EXPR, ..., x = a .. b)");
  require_increasing(range.from < range.to, call.children.back());
  PlotRequest plot;
  plot.curves = curves(call, range, ev);
  plot.from = range.from;
  plot.to = range.to;
  for (const Curve& c : plot.curves) plot.title += (plot.title.empty() ? "" : ", ") + c.label;
  return Result::shaped(Expr(), std::move(plot));
}

Result table_procedure(const Term& call, Evaluator& ev) {
  refuse_at_a_point(call, ev);
  Range range = range_argument(call, ev, "table(EXPR, ..., x = a .. b step s)");
  const Term& written = call.children.back();
  bool step_written = written.children.size() == 3;
  // The bounds are constants (number_of took their values), so the rows are taken at exact x.
  Expr from = exact_constant_of(written.children[0], ev), to = exact_constant_of(written.children[1], ev);
  require_increasing(certainly_positive(to - from, written.span, "cannot tell the ends of the range apart"), written);
  Expr step = step_written ? exact_constant_of(written.children[2], ev) : (to - from) / num(10);
  // A step whose double is positive may still be exactly 0 (log(8) - 3 log(2)): rows that never advance.
  SourceSpan step_at = step_written ? written.children[2].span : written.span;
  if (!certainly_positive(step, step_at, "cannot tell the step from 0"))
    throw EvalError{step_at, "the step must be a positive number"};
  if (!step_written) range.step = (range.to - range.from) / 10;
  print::ExactGrid grid{from, to, step};
  if (print::table_row_count(grid, print::table_row_count(range.from, range.to, range.step)) > max_table_rows)
    throw EvalError{written.span, "a table has at most " + std::to_string(max_table_rows) + " rows"};
  ValueTable table;
  table.curves = curves(call, range, ev);
  table.var = range.var.name();
  table.from = range.from;
  table.to = range.to;
  table.step = range.step;
  table.exact_from = from, table.exact_to = to, table.exact_step = step;
  return Result::shaped(Expr(), std::move(table));
}

}  // namespace ddx::eval
