// SPDX-License-Identifier: GPL-3.0-or-later
// Whole statements (see statement.hpp): chains through definitions, steps, definition bodies.
#include "eval/statement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string_view>
#include <utility>

#include <boost/container/small_vector.hpp>

#include "calculus/chain.hpp"
#include "calculus/diff.hpp"
#include "calculus/steps.hpp"
#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "core/substitute.hpp"
#include "resolve/names.hpp"

namespace ddx::eval {
namespace {

// A count that may be astronomically large (a chain's products double with each definition that
// uses the one before twice): exact while it is, else its size.
std::string count_text(double n) {
  if (n < 1e15) return std::to_string(static_cast<long long>(n));
  if (!std::isfinite(n)) return "more than 1e308";
  char text[32];
  std::snprintf(text, sizeof text, "about %.1e", n);
  return text;
}

// The context with some names hidden (a function's parameters are its own, whatever the session
// defines under those names).
class Hiding final : public Context {
 public:
  Hiding(const Context& outer, const std::vector<Expr>& hidden) : outer_(outer), hidden_(hidden) {}
  std::optional<Expr> definition(std::string_view name) const override {
    for (Expr h : hidden_)
      if (h.name() == name) return std::nullopt;
    return outer_.definition(name);
  }
  std::optional<VariableView> variable_view(std::string_view name) const override {  // (its defined symbols: hidden ones included)
    for (Expr h : hidden_)
      if (h.name() == name) return std::nullopt;
    return outer_.variable_view(name);
  }
  bool has_definitions() const override { return outer_.has_definitions(); }
  std::optional<Value> answer() const override { return outer_.answer(); }
  std::span<const Expr> answer_dropped() const override { return outer_.answer_dropped(); }
  std::span<const IndexCondition> answer_conditions() const override { return outer_.answer_conditions(); }
  bool denominator_layout() const override { return outer_.denominator_layout(); }
  std::string text(Expr e) const override { return outer_.text(e); }
  void holds_for_derivative(std::string_view name, std::vector<std::string> read) const override {
    outer_.holds_for_derivative(name, std::move(read));
  }
  bool statement_reads_decimals() const override { return outer_.statement_reads_decimals(); }
  bool statement_lost_part_to_decimal_zero() const override { return outer_.statement_lost_part_to_decimal_zero(); }

 private:
  const Context& outer_;
  const std::vector<Expr>& hidden_;
};

std::vector<std::string> listed(const Term& t) { return grammar::listed_vars(t.vars, max_derivative_order); }

// dy/dx, ∂z/∂x and diff(z, x) on a defined name: the chain rule through the definitions, as a
// textbook shows it; higher orders of a defined name show the question and the value.
std::optional<Result> chain(const Term& body, const Context& context) {
  std::string target, var;
  bool partial = false;
  std::vector<std::string> vars;
  bool defined_leibniz = body.kind == TermKind::Leibniz && body.of == resolve::LeibnizOf::Variable && body.children.empty() &&
                         body.params.empty();  // ((∂z/∂x)_u is a value)
  if (defined_leibniz) vars = listed(body);
  // (a defined name as the variable is held independent: the statement asks whether a definition
  // it read took its value)
  for (const std::string& v : vars)
    if (context.definition(v)) context.holds_for_derivative(v, {body.name});
  if (defined_leibniz && vars.size() > 1) {
    if (vars.size() == 2 && vars[0] == vars[1] && !body.partial && resolve::is_identifier(vars[0]))
      if (auto c = Evaluator(context).second_order_chain(body.name, vars[0])) {
        Expr value = Evaluator(context).chain_value(body.name, c->substituted, sym(vars[0]), 2);
        return Result::shaped(value, Derivation{std::move(*c)});
      }
    // Other higher orders: the question, then the value.
    Expr value = Evaluator(context).scalar(body);
    return Result::shaped(value, NamedDerivative{body.name, vars, body.partial});
  }
  if (defined_leibniz && vars.size() == 1) {
    target = body.name;
    var = vars[0];
    partial = body.partial;
  } else if (body.kind == TermKind::Call && body.name == "diff" && body.children.size() == 2 && !body.names[0].empty() &&
             !body.names[1].empty()) {
    target = body.names[0];
    var = body.names[1];
    if (auto b = context.definition(target)) partial = free_symbols(*b).size() > 1;
  } else {
    return std::nullopt;
  }
  if (!context.definition(target) || !resolve::is_identifier(var)) return std::nullopt;
  if (context.definition(var)) context.holds_for_derivative(var, {target});
  calc::Chain c = Evaluator(context).chain_rule(target, var, partial);
  Expr value = Evaluator(context).chain_value(target, c.substituted, sym(var));
  std::string note;
  if (c.products_not_written > 0)
    note = "chain not written out: " + count_text(c.products_not_written) + " products of Leibniz factors, more than " +
           count_text(max_chain_factors) + " factors in all";
  Result r = Result::shaped(value, Derivation{std::move(c)});
  r.note = std::move(note);
  return r;
}

// A derivative question (d/dx E, dy/dx, diff(E, x, ...)) explained rule by rule; nullopt when
// the statement is no derivative.
std::optional<Result> explain(const Term& body, const Context& context) {
  const Term* operand = nullptr;
  std::optional<Expr> primed;  // f'(x) of a defined f(x): its body
  std::vector<std::string> vars;
  bool partial = false;
  if (body.kind == TermKind::Derivative) {
    operand = &body.children[0];
    vars = listed(body);
    partial = body.partial;
    // d/dx d/dy E is ∂^2/∂x∂y E, the inner derivative taken first: its steps too (the outer's
    // alone were shown, on the inner's answer). By a defined name, which each derivative reads on
    // its own, ordinary evaluation decides (d/dx d/du u^3 after u = x^2 is refused; its steps
    // showed d/dx (3u^2) = 0).
    auto by_defined_name = [&](const std::vector<std::string>& names) {
      return std::any_of(names.begin(), names.end(), [&](const std::string& v) { return context.definition(v).has_value(); });
    };
    while (operand->kind == TermKind::Derivative) {
      if (by_defined_name(vars) || by_defined_name(listed(*operand))) return std::nullopt;
      if (operand->partial != partial) break;
      std::vector<std::string> inner = listed(*operand);
      vars.insert(vars.begin(), inner.begin(), inner.end());
      operand = &operand->children[0];
    }
  } else if (body.kind == TermKind::Leibniz && body.of == resolve::LeibnizOf::Variable && body.children.empty() &&
             body.params.empty()) {
    vars = listed(body);
    partial = body.partial;
  } else if (body.kind == TermKind::Call && body.name == "diff" && body.children.size() >= 2) {
    operand = &body.children[0];
    for (std::size_t i = 1; i < body.children.size(); ++i) {
      const Term& c = body.children[i];
      if (!c.is_value()) return std::nullopt;  // let ordinary evaluation report it
      if (c.expr.is_integer() && !vars.empty() && c.expr.number().fits_long() && c.expr.number().to_long() < 100000) {
        for (long k = 1; k < c.expr.number().to_long(); ++k) vars.push_back(vars.back());
      } else if (c.expr.is(Kind::Symbol)) {
        vars.push_back(c.expr.name());
      } else {
        return std::nullopt;
      }
    }
    partial = true;
  } else if (body.kind == TermKind::Prime && !body.abstract && body.params.size() == 1 && body.children.size() == 1 &&
             body.children[0].is_value() && body.children[0].expr == body.params[0] &&
             !body.params[0].name().starts_with('_')) {
    // f'(x) after f(x) = x^3 is d/dx of its body (at another argument, ordinary evaluation:
    // its steps are the body's in its own variable)
    primed = body.expr;
    vars.assign(static_cast<std::size_t>(body.order), body.params[0].name());
  } else {
    return std::nullopt;
  }
  if (vars.empty()) return std::nullopt;  // orders past the limit: ordinary evaluation decides
  for (const std::string& v : vars)
    if (!resolve::is_identifier(v)) return std::nullopt;
  // A defined name as the variable is held independent, as without steps (steps d/du u^3 x after
  // u = x^2 substituted u and answered 0).
  std::vector<Expr> held;
  for (const std::string& v : vars)
    if (std::find(held.begin(), held.end(), sym(v)) == held.end()) held.push_back(sym(v));
  Expr e = primed     ? *primed
           : operand  ? Evaluator(context).operand(*operand, held)
                      : Evaluator(context).definition_value_holding(body.name, held);
  std::optional<Expr> as_written;
  if (operand) {
    Expr written = Evaluator(context, true).scalar(*operand);
    if (written != e) as_written = written;
  } else if (!primed) {
    as_written = sym(body.name);
  }
  // One explanation per run of the same variable: diff(E, x, x, y) is d/dx twice, then d/dy.
  // Each step prints the whole expression, so a trace grows much faster than its answer
  // (steps d^11/dx^11 x^x would print 113 MB for a 41 KB answer): past the limit, the answer
  // alone, with a note saying why.
  StepsShown shown;
  std::size_t terms_left = max_steps_terms;
  require_smooth_function(e, held);  // (as without steps: steps d/dx log(x) left ans at x = -1 at -1)
  try {
    for (std::size_t i = 0; i < vars.size();) {
      std::size_t j = i;
      while (j < vars.size() && vars[j] == vars[i]) ++j;
      shown.parts.push_back(calc::explain_derivative(e, sym(vars[i]), static_cast<int>(j - i), partial,
                                                     shown.parts.empty() ? as_written : std::nullopt, &terms_left));
      e = shown.parts.back().answer;
      i = j;
    }
  } catch (const calc::TraceTooLong&) {
    std::optional<Result> derivation = chain(body, context);
    Result answer = derivation ? std::move(*derivation) : Result::of(Evaluator(context).value(body));
    answer.note = "steps not shown: they would print more than " + std::to_string(max_steps_terms) + " terms";
    return answer;
  }
  return Result::shaped(e, std::move(shown));
}

// A derivative's variables as runs of one variable with their counts: ∂^3/∂x^2∂y is (x, 2), (y, 1).
using Runs = boost::container::small_vector<std::pair<std::string_view, std::uint64_t>, 4>;

void add_run(Runs& runs, std::string_view name, std::uint64_t count) {
  if (!runs.empty() && runs.back().first == name)
    runs.back().second += count;
  else
    runs.emplace_back(name, count);
}

// d_dx, d2_dx2, d2_dxdy; dy_dx, d2y_dx2: a Leibniz form as a name generated code can use.
std::string leibniz_identifier(std::string_view num, const Runs& runs) {
  std::uint64_t total = 0;
  for (const auto& [name, count] : runs) total = count > UINT64_MAX - total ? UINT64_MAX : total + count;
  std::string out = "d";
  if (total > 1) out += std::to_string(total);
  out += num;
  out += '_';
  for (const auto& [name, count] : runs) {
    out += 'd';
    out += name;
    if (count > 1) out += std::to_string(count);
  }
  return out;
}

std::string leibniz_identifier(std::string_view num, const std::vector<resolve::DiffVar>& vars) {
  Runs runs;
  for (const resolve::DiffVar& v : vars) add_run(runs, v.name, v.count);
  return leibniz_identifier(num, runs);
}

}  // namespace

std::string program_name(const Term& body) {
  const Term& q = body.kind == TermKind::At && !body.children.empty() ? body.children.front() : body;
  switch (q.kind) {
    case TermKind::Derivative: return leibniz_identifier("", q.vars);
    case TermKind::Leibniz: {
      std::string name = leibniz_identifier(q.name, q.vars);
      if (q.of == resolve::LeibnizOf::Variable)  // (∂z/∂x)_u: not dz/dx
        for (std::size_t i = 0; i < q.params.size(); ++i) name += (i == 0 ? "_holding_" : "_") + q.params[i].name();
      return name;
    }
    case TermKind::Call: {
      if (q.name == "grad" || q.name == "jacobian" || q.name == "hessian") return q.name;
      if (q.name != "diff") return {};
      Runs runs;  // diff(E, x, 2), diff(E, x, y)
      for (std::size_t i = 1; i < q.children.size(); ++i) {
        if (i < q.names.size() && !q.names[i].empty()) {
          add_run(runs, q.names[i], 1);
        } else if (const Term& c = q.children[i]; c.is_value() && c.expr.is_integer() && !runs.empty()) {
          const Number& count = c.expr.number();
          if (count < Number(1) || Number(max_derivative_order) < count) return {};
          runs.back().second += static_cast<std::uint64_t>(count.to_long()) - 1;
        }
      }
      return runs.empty() ? std::string() : leibniz_identifier("", runs);
    }
    default: return {};
  }
}

namespace {

// total(...) and jacobian(...) at a point say what their answer is beside its value, as without
// the point: df = ... and the layout (total(x^2 y) at x = 1 printed 2 dx y + dy).
Result told_at_point(const Term& at, const Context& context) {
  Result r = Result::of(Evaluator(context).value(at));
  Result formula;
  try {
    formula = Evaluator(context).call(at.children.front());
  } catch (const Interrupted&) {
    throw;
  } catch (...) {  // (the point's answer stands, told as a value)
    return r;
  }
  if (r.value.kind == Value::Kind::List) r.note = formula.note;
  if (const auto* total = std::get_if<TotalDifferential>(&formula.shape); total && r.value.is_scalar())
    r.shape = differential_in(r.value.scalar, *total);
  return r;
}

Result answer_to(const Term& body, const Context& context, bool steps) {
  if (steps)
    if (auto shown = explain(body, context)) return std::move(*shown);
  if (auto derivation = chain(body, context)) return std::move(*derivation);
  if (body.kind == TermKind::At && body.children.front().kind == TermKind::Call &&
      (body.children.front().name == "total" || body.children.front().name == "jacobian"))
    return told_at_point(body, context);
  Evaluator ev(context);
  switch (body.kind) {
    case TermKind::Call: return ev.call(body);
    case TermKind::Compare: return ev.compare(body);
    case TermKind::Vector:
    case TermKind::At:
    case TermKind::Answer: return Result::of(ev.value(body));
    default: return Result::of(Value::of(ev.scalar(body)));
  }
}

}  // namespace

namespace {

// A corner's sign and a typed sign of one argument print as one (core/corner_sign.hpp).
void unify_signs(Value& v) {
  if (v.kind == Value::Kind::List)
    for (Value& item : v.items) unify_signs(item);
  else if (v.kind == Value::Kind::Scalar)
    v.scalar = with_signs_unified(v.scalar);
}

}  // namespace

namespace {

// A first derivative of a defined name by one variable, however written: dz/dx, ∂z/∂x, ∂/∂x z,
// diff(z, x) (diff's as ∂'s). Not (∂z/∂x)_u, which holds its names.
struct NamedDerivative {
  std::string name, var;
  bool partial = false;
  SourceSpan span;
};

std::optional<NamedDerivative> named_derivative(const Term& t, const Context& context) {
  auto defined_symbol = [&](const Term& c) {
    return c.is_value() && c.expr.is(Kind::Symbol) && context.definition(c.expr.name()).has_value();
  };
  if (t.kind == TermKind::Leibniz && t.of == resolve::LeibnizOf::Variable && t.params.empty() && t.vars.size() == 1 &&
      t.vars[0].count == 1)
    return NamedDerivative{t.name, t.vars[0].name, t.partial, t.span};
  if (t.kind == TermKind::Derivative && t.vars.size() == 1 && t.vars[0].count == 1 && defined_symbol(t.children[0]))
    return NamedDerivative{t.children[0].expr.name(), t.vars[0].name, t.partial, t.span};
  if (t.kind == TermKind::Call && t.name == "diff" && t.children.size() == 2 && defined_symbol(t.children[0]) &&
      t.children[1].is_value() && t.children[1].expr.is(Kind::Symbol))
    return NamedDerivative{t.children[0].expr.name(), t.children[1].expr.name(), true, t.span};
  return std::nullopt;
}

// Whether t holds a sum that is no value (nearly no statement does: asked first, without a list).
bool holds_sum_of_forms(const Term& t) {
  if (t.kind == TermKind::Sum) return true;
  for (const Term& c : t.children)
    if (!c.is_value() && holds_sum_of_forms(c)) return true;
  return false;
}

// The derivatives of defined names that are a term of a sum or its factors, signs aside, as the
// factors of a chain's terms are.
void named_derivative_factors(const Term& term, const Context& context, std::vector<NamedDerivative>& out) {
  if (std::optional<NamedDerivative> d = named_derivative(term, context)) out.push_back(std::move(*d));
  if (term.kind == TermKind::Product || term.kind == TermKind::Negate)
    for (const Term& c : term.children) named_derivative_factors(c, context, out);
}

// Whether the definition of `name` reads `other`, directly or through other definitions.
bool reads(const Context& context, const std::string& name, const std::string& other) {
  std::vector<std::string> todo{name}, seen;
  while (!todo.empty()) {
    std::string next = std::move(todo.back());
    todo.pop_back();
    if (std::find(seen.begin(), seen.end(), next) != seen.end()) continue;
    seen.push_back(next);
    std::optional<Expr> body = context.definition(next);
    if (!body) continue;
    for (Expr s : free_symbols(*body)) {
      if (s.name() == other) return true;
      todo.push_back(s.name());
    }
  }
  return false;
}

// ∂z/∂x as one term of a sum or its factor and ∂z/∂u so in another, where z reads u and u moves
// with x: ddx's ∂z/∂x chains through u (docs/language.md §5), so that the textbook's dz/dx =
// ∂z/∂u du/dx + ∂z/∂x, typed, counted the way through u twice (z = u^2 + x, u = sin(x): 2u cos(x)
// + 2sin(x) cos(x) + 1). Refused, with both readings offered. (Side by side in a product, a
// vector, or across `==`, the two are what they are: only a sum adds the routes.)
void refuse_terms_counting_a_route_twice(const Term& sum, const Context& context) {
  std::vector<std::vector<NamedDerivative>> forms(sum.children.size());
  for (std::size_t i = 0; i < sum.children.size(); ++i) named_derivative_factors(sum.children[i], context, forms[i]);
  for (std::size_t i = 0; i < forms.size(); ++i)
    for (const NamedDerivative& whole : forms[i]) {
      if (!whole.partial) continue;
      std::string const& x = whole.var;
      for (std::size_t j = 0; j < forms.size(); ++j)
        for (const NamedDerivative& part : forms[j]) {
          std::string const& u = part.var;
          if (j == i || part.name != whole.name || u == x || !context.definition(u) || !reads(context, u, x) ||
              !reads(context, whole.name, u))
            continue;
          std::string const z = whole.name, d = part.partial ? "∂" : "d";
          throw EvalError{whole.span, "∂" + z + "/∂" + x + " is the whole partial derivative of " + z + " by " + x +
                                          ", through " + u + " as well, so beside " + d + z + "/" + d + u +
                                          " it counts the way through " + u + " twice: write (∂" + z + "/∂" + x + ")_" + u +
                                          " for the part with " + u + " held fixed, or d" + z + "/d" + x + " for the whole"};
        }
    }
}

[[gnu::noinline]] void refuse_a_route_counted_twice_in(const Term& t, const Context& context) {
  if (t.kind == TermKind::Sum) refuse_terms_counting_a_route_twice(t, context);
  for (const Term& c : t.children)
    if (!c.is_value()) refuse_a_route_counted_twice_in(c, context);
}

inline void refuse_a_route_counted_twice(const Term& body, const Context& context) {
  if (!body.is_value() && holds_sum_of_forms(body)) refuse_a_route_counted_twice_in(body, context);
}

}  // namespace

Result evaluate_expression(const Term& body, const Context& context, bool steps) {
  refuse_a_route_counted_twice(body, context);
  Result r = answer_to(body, context, steps);
  unify_signs(r.value);
  return r;
}

namespace {

bool values_alone(const Term& t) {
  switch (t.kind) {
    case TermKind::Value:
    case TermKind::Sum:
    case TermKind::Product:
    case TermKind::Power:
    case TermKind::Negate:
    case TermKind::Apply:
    case TermKind::Vector:
    case TermKind::Compare: return std::all_of(t.children.begin(), t.children.end(), values_alone);
    default: return false;
  }
}

}  // namespace

std::optional<std::string> lost_value_missing(const Term& body, std::span<const Expr> lost, const Context& context) {
  if (lost.empty() || !values_alone(body)) return std::nullopt;
  std::vector<Expr> named;  // (only a part naming a defined variable can lose its value so)
  for (Expr part : lost) {
    std::vector<Expr> names = free_symbols(part);
    if (std::any_of(names.begin(), names.end(), [&](Expr n) { return context.definition(n.name()).has_value(); }))
      named.push_back(part);
  }
  if (named.empty()) return std::nullopt;
  Evaluator ev(context);
  std::vector<Expr> closed;
  for (Expr part : named) try {
      if (Expr there = ev.with_definitions(part); free_symbols(there).empty()) closed.push_back(there);
    } catch (const MathError& e) {
      return e.what();
    }
  return value_missing(closed, {});
}

Expr definition_body(const Term& body, const Context& context) {
  refuse_a_route_counted_twice(body, context);
  return with_signs_unified(Evaluator(context, true).scalar(body));
}

Expr function_body(const Term& body, const std::vector<Expr>& params, const Context& context) {
  Hiding scope(context, params);
  refuse_a_route_counted_twice(body, scope);
  return with_signs_unified(Evaluator(scope).scalar(body));
}

}  // namespace ddx::eval
