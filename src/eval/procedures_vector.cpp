// SPDX-License-Identifier: GPL-3.0-or-later
// The vector-calculus procedures: grad, jacobian, hessian, total and tangent. Each
// differentiates through the evaluator, so a point of an enclosing `at` applies (and refuses a
// point where a derivative does not exist).
#include "calculus/diff.hpp"
#include "calculus/expand.hpp"
#include "calculus/vector.hpp"
#include "core/decimal_answer.hpp"
#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "eval/procedures.hpp"

namespace ddx::eval {
namespace {

// The variables of a vector literal `[x, y]` (or a single name) at argument `index`, or none
// when the call has no such argument.
std::optional<std::vector<Expr>> variables_argument(const Term& call, std::size_t index, Evaluator& ev) {
  if (call.children.size() <= index) return std::nullopt;
  const Term& n = call.children[index];
  if (n.kind != TermKind::Vector) return std::vector<Expr>{ev.variable(n)};
  std::vector<Expr> vars;
  for (const Term& c : n.children) vars.push_back(ev.variable(c));
  return vars;
}

// The functions of grad, jacobian, hessian and total, evaluated with the listed variables held
// independent (a defined y among them is a variable, never a silent 0 column), and the
// variables: those listed, or the free symbols of the functions.
struct Differentiated {
  std::vector<Expr> functions;
  std::vector<Expr> vars;
};
Differentiated differentiated(const Term& call, Evaluator& ev) {
  auto listed = variables_argument(call, 1, ev);
  std::vector<Expr> held = listed ? *listed : std::vector<Expr>{};
  Differentiated out;
  const Term& first = call.children[0];
  if (first.kind == TermKind::Vector) {
    for (const Term& c : first.children) out.functions.push_back(ev.operand(c, held));
  } else {
    out.functions.push_back(ev.operand(first, held));
  }
  out.vars = listed ? *listed : calc::variables_of(out.functions);
  // (a decimal read again as the exact number it is written as, decimal#1, is no variable: total's
  // reading had a d decimal#1 term, and grad's an entry for it)
  std::erase_if(out.vars, [](Expr v) { return is_decimal_symbol(v); });
  // A defined function named bare is its body over its parameters, in order (after g(x, y) =
  // x^2 + a y, grad(g) was [y, 2x, a], over a as well; after f(x, y, z) = x y it lacked ∂f/∂z).
  if (!listed && first.kind == TermKind::Value && !first.params.empty()) out.vars = first.params;
  // (grad(sqrt(x)^2 y) at x = 0, y = 1 was [1, 0]: sqrt(x) was lost as it was read)
  ev.require_lost_on_both_sides(first.dropped, out.vars, call);
  if (first.kind == TermKind::Vector)
    for (const Term& c : first.children) ev.require_lost_on_both_sides(c.dropped, out.vars, call);
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
calc::Matrix first_derivatives(const Term& call, const Differentiated& f, Evaluator& ev) {
  calc::Matrix m;
  for (Expr fn : f.functions) {
    calc::Row row;
    for (Expr v : f.vars) row.push_back(ev.differentiate(fn, {{v, 1}}, call));
    m.push_back(std::move(row));
  }
  return m;
}

}  // namespace

Result grad_procedure(const Term& call, Evaluator& ev) {
  Differentiated f = differentiated(call, ev);
  if (f.functions.size() != 1) throw EvalError{call.children[0].span, "grad takes one function; for several, use jacobian"};
  return Result::of(vector_value(first_derivatives(call, f, ev)[0]));
}

Result jacobian_procedure(const Term& call, Evaluator& ev) {
  calc::Matrix m = first_derivatives(call, differentiated(call, ev), ev);
  bool denominator = ev.context().denominator_layout();
  Result r = Result::of(matrix_value(denominator ? calc::transpose(m) : m));
  r.note = denominator ? "denominator layout" : "numerator layout";
  return r;
}

Result hessian_procedure(const Term& call, Evaluator& ev) {
  Differentiated f = differentiated(call, ev);
  if (f.functions.size() != 1) throw EvalError{call.children[0].span, "hessian takes one function"};
  calc::Matrix m;
  for (Expr a : f.vars) {
    calc::Row row;
    for (Expr b : f.vars) {
      calc::Differentiations d = a == b ? calc::Differentiations{{a, 2}} : calc::Differentiations{{a, 1}, {b, 1}};
      row.push_back(ev.differentiate(f.functions[0], d, call));
    }
    m.push_back(std::move(row));
  }
  return Result::of(matrix_value(m));
}

// total(z), total(z, [x, y]): dz = ∂z/∂x dx + ∂z/∂y dy over the free symbols of z (definitions
// substituted) or the listed variables.
Result total_procedure(const Term& call, Evaluator& ev) {
  const Term& arg = call.children[0];
  Differentiated f = differentiated(call, ev);
  if (f.functions.size() != 1) throw EvalError{arg.span, "total takes one function"};
  TotalDifferential total;
  // dz for a name z; else df, or another letter where f is one of the variables (df = x df + f dx
  // was an equation that does not hold; then f_1, f_2, ...). A variable written alone is no name: total(x) is df = dx.
  auto is_variable = [&](std::string_view n) {
    return std::any_of(f.vars.begin(), f.vars.end(), [&](Expr v) { return v.name() == n; });
  };
  total.name = call.names[0];
  const std::vector<std::string> letters = {"f", "F", "g", "G", "h", "H"};
  for (std::size_t i = 0; total.name.empty() || is_variable(total.name); ++i)
    total.name = i < letters.size() ? letters[i] : "f_" + std::to_string(i - letters.size() + 1);
  Expr sum;
  for (Expr v : f.vars) {
    Expr c = ev.differentiate(f.functions[0], {{v, 1}}, call);
    if (c.is_zero()) continue;
    total.terms.emplace_back(c, v.name());
    sum = sum + c * sym("d" + v.name());
  }
  return Result::shaped(sum, std::move(total));
}

TotalDifferential differential_in(Expr sum, const TotalDifferential& like) {
  TotalDifferential total{like.name, {}};
  for (const auto& [coefficient, var] : like.terms)
    if (Expr c = calc::diff(sum, sym("d" + var)); !c.is_zero()) total.terms.emplace_back(c, var);
  return total;
}

// tangent(f, x = a): y = f(a) + f'(a) (x - a), refused where f has no derivative.
Result tangent_procedure(const Term& call, Evaluator& ev) {
  const Term& at = call.children[1];
  if (at.kind != TermKind::Binding) throw EvalError{at.span, "expected the point as x = a, e.g. tangent(x^2, x = 1)"};
  Expr x = sym(at.name);
  std::vector<Expr> lost = call.children[0].dropped;  // and what the body of a definition it names lost
  Expr f = noting_into(lost, [&] { return ev.operand(call.children[0], {x}); });
  Expr a = ev.scalar(at.children[0]);
  std::string point = at.name + " = " + ev.context().text(a);
  Expr fa;
  try {
    fa = ev.value_at(f, {{x, a}}, point, call);  // (a derivative's formula at a corner: its value, if it has one)
  } catch (const Unanswerable& e) {  // (it may have one: ddx cannot tell)
    throw EvalError{call.span, e.what()};
  } catch (const MathError& e) {
    throw EvalError{call.span, std::string("the function has no value at ") + point + " (" + e.what() + ")"};
  }
  if (auto why = value_missing(required_with_sides(lost, x), {{x, a}}))  // x/x is 1, but has no value at x = 0
    throw EvalError{call.span, (*why == edge_of_domain() ? "the derivative does not exist at " : "the function has no value at ") +
                                   point + " (" + *why + " in the expression as written)"};
  Expr slope = ev.differentiate_at(f, {{x, 1}}, {{x, a}}, point, call);
  Expr intercept = calc::expand(fa - slope * a);
  if (intercept.is_number() && intercept.number().is_float()) {
    // f(a) - a f'(a) in doubles cancels (tan(x) - sin(x) at 0.001 lost 7 digits): its digits are
    // checked against f(x) - x f'(x) at the point, as an answer's are.
    intercept = checked_decimal(f - x * calc::diff(f, x), {{x, a}}, intercept);
  }
  Expr line = calc::expand(intercept + slope * x);
  TangentLine shape;
  for (const char* label : {"y", "Y", "T", "y_t"}) {
    shape.label = label;
    // (nor the variable the line is along: tangent(x^2, y = 1) was y = x^2, a parabola; nor a
    // defined name: after y = x^2, tangent(y, x = 1) was y = 2x - 1)
    if (!depends_on(f, sym(label)) && !depends_on(line, sym(label)) && x.name() != label && !ev.context().definition(label))
      break;
  }
  return Result::shaped(line, std::move(shape));
}

}  // namespace ddx::eval
