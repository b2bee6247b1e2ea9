// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers checked against their formula (see decimal_check.hpp).
#include "repl/decimal_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/corner_sign.hpp"
#include "core/decimal_answer.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/interrupt.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"
#include "eval/statement.hpp"
#include "grammar/parse.hpp"
#include "repl/definitions.hpp"
#include "repl/session.hpp"
#include "resolve/request.hpp"
#include "resolve/resolve.hpp"
#include "support/by_name.hpp"

namespace ddx {
namespace {

// The most decimals a statement with a derivative may write and be read again with each decimal a
// symbol (8: 300 derivatives of 7 factors x - 0.14, ... at x = 0.55 take 0.05 s rather than 0.02;
// 4 left d/dx abs((2.6 + 0.075) x - (2.6 + 0.075)^2) at x = 2.675 unread, at its corner).
constexpr std::size_t few_decimals_for_derivatives = 8;

// Reading a statement again costs what reading and evaluating it cost: arithmetic, values,
// vectors and points of them are read again, and a derivative only with few decimals (each a
// symbol that the derivative carries through: 79 factors x - 0.1, ... took 4 times as long), as a
// formula (d/dx (0.1x^2 + 0.2x^2 - 0.3x^2) printed 1.1102230246251565e-16 x) or at a point
// (d/dx sec(sinh(12.5 e x)) at x = 1, whose 12.5 e the derivative's formula holds rounded;
// d/dx (x (0.5 + 0.123456789012345 - 0.623456789012345)) at x = 0.5 printed -5.55e-17). The
// point's decimals are read as the exact numbers (resolve_with_decimal_symbols): at symbols for
// them a derivative's one-sided limits would be symbolic (a product of 79 factors took 8 times as
// long).
bool worth_reading_again(const resolve::Term& t, bool few_decimals, bool derivative_allowed = false) {
  using resolve::TermKind;
  auto all = [&](auto first, bool allowed) {
    return std::all_of(first, t.children.end(), [&](const resolve::Term& c) { return worth_reading_again(c, few_decimals, allowed); });
  };
  switch (t.kind) {
    case TermKind::Value:
    case TermKind::Sum:
    case TermKind::Product:
    case TermKind::Power:
    case TermKind::Negate:
    case TermKind::Apply:
    case TermKind::Vector:
    case TermKind::Binding:
    case TermKind::Range:
    case TermKind::Equation:
    case TermKind::Answer:
      return all(t.children.begin(), derivative_allowed);
    case TermKind::At: {
      bool point_of_values = std::all_of(t.children.begin() + 1, t.children.end(),
                                         [](const resolve::Term& c) { return c.is_value(); });
      return !t.children.empty() && worth_reading_again(t.children.front(), few_decimals, point_of_values && few_decimals) &&
             all(t.children.begin() + 1, false);
    }
    case TermKind::Derivative:
    case TermKind::Leibniz: return derivative_allowed && all(t.children.begin(), true);
    case TermKind::Prime: {  // f'(0.7 + 0.2) is a derivative at a point too
      bool at_values = std::all_of(t.children.begin(), t.children.end(), [](const resolve::Term& c) { return c.is_value(); });
      return (derivative_allowed || (at_values && few_decimals)) && all(t.children.begin(), true);
    }
    case TermKind::Call:  // sums over data are arithmetic too
      // (grad, jacobian and hessian at a point are derivatives at it: grad(1/(x - 0.3)) at x = 0.1 +
      // 0.2 was -3.2e32, where the point is the pole; so are implicit at a point, and taylor and
      // series at a centre, also inside a larger expression: taylor(abs(x - 0.3), x = 0.1 + 0.2,
      // 2) + 1 was x + 0.7)
      if (t.name == "diff" || t.name == "grad" || t.name == "jacobian" || t.name == "hessian" || t.name == "implicit" ||
          t.name == "taylor" || t.name == "series" || t.name == "tangent" || t.name == "total")
        return derivative_allowed && all(t.children.begin(), true);
      return (t.name == "sum" || t.name == "mean" || t.name == "approx") && all(t.children.begin(), derivative_allowed);
    default: return false;
  }
}

using Decimals = std::unordered_map<Expr, Expr>;

// The session as a check's reading sees it: a defined variable whose body holds decimals is
// its exact form (Definitions::Variable::exact), its decimals taken into the reading's, or with
// exact_numbers the exact numbers they are written as (DecimalsRead::Exact).
class ExactReading final : public eval::Context {
 public:
  ExactReading(const Session& session, Decimals& decimals, bool exact_numbers)
      : session_(session), decimals_(decimals), exact_numbers_(exact_numbers) {}

  std::optional<Expr> definition(std::string_view name) const override {
    if (std::optional<Expr> exact = exact_body(name)) return exact;
    return session_.definition(name);
  }
  std::optional<VariableView> variable_view(std::string_view name) const override {
    std::optional<VariableView> view = session_.variable_view(name);
    if (view)
      if (std::optional<Expr> exact = exact_body(name)) view->body = *exact;
    return view;
  }
  bool has_definitions() const override { return session_.has_definitions(); }
  std::optional<eval::Value> answer() const override {
    if (const std::optional<ExactForm>& exact = session_.answer_exactly()) {
      if (!merged_answer_) merged_answer_ = as_read(*exact);
      return eval::Value::of(*merged_answer_);
    }
    return session_.answer();
  }
  std::span<const Expr> answer_dropped() const override { return session_.answer_dropped(); }
  std::span<const IndexCondition> answer_conditions() const override { return session_.answer_conditions(); }
  bool denominator_layout() const override { return session_.denominator_layout(); }
  std::string text(Expr e) const override { return session_.text(e); }
  std::optional<Expr> decimal_as_read(const Number& exact) const override {
    return exact_numbers_ ? num(exact) : decimal_symbol(decimals_, num(exact));
  }

 private:
  std::optional<Expr> exact_body(std::string_view name) const {
    if (auto known = merged_.find(name); known != merged_.end()) return known->second;
    const Definitions::Variable* v = session_.definitions().variable(name);
    if (!v || !v->exact) return std::nullopt;
    return merged_.emplace(std::string(name), as_read(*v->exact)).first->second;
  }
  Expr as_read(const ExactForm& form) const {
    return exact_numbers_ ? substitute(form.expr, form.decimals) : merged_into(form, decimals_);
  }

  const Session& session_;
  Decimals& decimals_;
  bool exact_numbers_;
  mutable ByName<Expr> merged_;  // each name's exact body once, its decimals merged once
  mutable std::optional<Expr> merged_answer_;
};

// `statement` read again as `how` says, its decimals entered in `decimals`, and `use` applied to
// that reading and the session as ExactReading shows it; nullopt when the line is no single
// statement. What the reading drops is no part of ans. Throws what reading and `use` throw.
template <typename Use>
auto read_again(std::string_view statement, const Session& session, Decimals& decimals, resolve::DecimalsRead how, Use use)
    -> std::optional<decltype(use(std::declval<const resolve::Term&>(), std::declval<const eval::Context&>()))> {
  NotingPaused not_the_answers_parts;
  grammar::ParseOutcome parsed = grammar::parse_line(statement);
  if (!parsed.ok() || parsed.statements.size() != 1) return std::nullopt;
  resolve::Term again = resolve::resolve_with_decimal_symbols(parsed.statements.front(), session, decimals, how);
  ExactReading reading(session, decimals, how == resolve::DecimalsRead::Exact);
  return use(again, reading);
}

// The statement's value in the reading (evaluate_expression's result).
eval::Result evaluated(const resolve::Term& again, const eval::Context& reading) {
  return eval::evaluate_expression(again, reading, false);
}

// Whether a double answer's value differs from the precise one beyond 12 digits.
bool beyond_12_digits(double precise, double computed) { return !(std::fabs(precise - computed) <= 1e-12 * std::fabs(precise)); }

// Whether ans, or some definition made in the session, held decimals: an answer without a
// decimal written may then hold theirs.
bool definitions_hold_decimals(const Session& session) {
  return session.answer_exactly() || session.definitions().ever_held_decimals();
}

// The symbol bits (Node::symbols) of the decimals' symbols.
std::uint64_t bits_of(const Decimals& decimals) {
  std::uint64_t bits = 0;
  for (const auto& [symbol, value] : decimals) bits |= symbol.node()->symbols;
  return bits;
}

// A product's factors: its coefficient and those of decimals alone (closed), and the others.
void split_factors(Expr product, std::uint64_t decimal_bits, std::vector<Expr>& closed, std::vector<Expr>& others) {
  closed.push_back(num(product.number()));
  for (std::size_t i = 0; i < product.bases().size(); ++i) {
    Expr factor = pow(product.bases()[i], product.exponents()[i]);
    ((factor.node()->symbols & ~decimal_bits) == 0 ? closed : others).push_back(factor);
  }
}

// A sum's terms alike but for their factors of decimals alone (and numbers): what they share,
// their coefficients (those factors), and the terms whole. The constant term shares 1.
struct Alike {
  Expr shared;
  std::vector<Expr> coefficients, terms;
};
std::vector<Alike> alike_terms(Expr sum, std::uint64_t decimal_bits) {
  std::vector<Alike> alike;
  std::unordered_map<Expr, std::size_t> place;
  auto put = [&](Expr shared, Expr coefficient, Expr term) {
    auto [at, fresh] = place.emplace(shared, alike.size());
    if (fresh) alike.push_back(Alike{shared, {}, {}});
    alike[at->second].coefficients.push_back(coefficient);
    alike[at->second].terms.push_back(term);
  };
  put(num(1), num(sum.number()), num(sum.number()));
  for (std::size_t i = 0; i < sum.terms().size(); ++i) {
    Expr term = sum.terms()[i];
    std::vector<Expr> closed{num(sum.coefficients()[i])}, others;
    if (term.is(Kind::Mul)) split_factors(term, decimal_bits, closed, others);
    else ((term.node()->symbols & ~decimal_bits) == 0 ? closed : others).push_back(term);
    put(mul(others), mul(closed), num(sum.coefficients()[i]) * term);
  }
  return alike;
}

// The formula without the terms alike whose decimals cancel exactly as written: 0.5x - 0.5x is 0,
// as the doubles had it (d = 0.5x - 0.5x, then d + 0.1 + 0.2 - 0.3 was left unchecked, the
// reading holding an x the answer has not; 0.6 + 0.0058 - 0.6058 was refused as a value MPFR
// could not settle). Coefficients of decimals and numbers alone are summed as exact rationals.
Expr without_exact_zeros(Expr e, const Decimals& decimals, std::uint64_t decimal_bits) {
  if ((e.node()->symbols & decimal_bits) == 0) return e;
  auto cancel = [&](Expr part) { return without_exact_zeros(part, decimals, decimal_bits); };
  if (!e.is(Kind::Add)) return map_children(e, cancel);
  std::vector<Alike> alike = alike_terms(e, decimal_bits);
  std::vector<Expr> terms;
  bool cancelled = false;
  for (const Alike& a : alike) {
    bool zero = false;
    if (a.coefficients.size() > 1) try {
        Expr exact = substitute(add(a.coefficients), decimals);
        zero = exact.is_zero() && !has_float(exact);
      } catch (const MathError&) {
      }
    cancelled = cancelled || zero;
    if (!zero)
      for (Expr term : a.terms) terms.push_back(term);
  }
  if (!cancelled) return map_children(e, cancel);
  return cancel(add(terms));
}

// The formula with each part that holds decimals and no other symbol replaced by its value to a
// double's precision, built again: the answer had its decimals been folded without losing digits
// (x sec(sinh(12.5 e)) is 17.000217323844584x, not -2.089088236176611x). A part without a precise
// value is built from its parts' doubles, and `all_precise` set false: that may have underflowed
// (x e^(-1e10), its factor past MPFR's range, came out as the doubles' own 0.0).
Expr folded_precisely(Expr e, const Decimals& decimals, std::uint64_t decimal_bits, bool& all_precise) {
  auto value = [&](Expr closed) -> std::optional<Expr> {
    if (std::optional<double> v = precise_double(closed, decimals)) return Expr(Number::from_double(*v));
    // (a part with no value with its decimals as written, a pole that doubles rounded past, is
    // refused as it is alone: sec(pi/2*1.0) + x was x + 16331239353195370.0)
    if (!has_float(closed)) refuse_poles_rounded_past(closed, decimals);
    all_precise = false;
    return std::nullopt;
  };
  if ((e.node()->symbols & decimal_bits) == 0) return e;
  if ((e.node()->symbols & ~decimal_bits) == 0)
    if (auto v = value(e)) return *v;
  auto fold = [&](Expr part) { return folded_precisely(part, decimals, decimal_bits, all_precise); };
  if (e.is(Kind::Mul)) {
    // The factors of decimals alone as one value (its coefficient first), where one holds a
    // decimal: a single factor too, as the walk below would take e^(-800.5) apart into e and
    // -800.5 and build it in doubles, 0.0; but not constants alone (sin(pi^2 + 1) stays).
    std::vector<Expr> closed, others;
    split_factors(e, decimal_bits, closed, others);
    bool holds_decimal = std::any_of(closed.begin(), closed.end(), [&](Expr f) { return (f.node()->symbols & decimal_bits) != 0; });
    if (holds_decimal)
      if (auto v = value(mul(closed))) {
        for (Expr& factor : others) factor = fold(factor);
        others.push_back(*v);
        return mul(others);
      }
  }
  if (e.is(Kind::Add)) {
    // Terms alike but for their factors of decimals alone, as one value times what they share:
    // x + 0.1 + 0.2 - 0.3 is x + 0.0, and 0.1x + 0.2x - 0.3x is 0.0x.
    std::vector<Alike> alike = alike_terms(e, decimal_bits);
    std::vector<std::optional<Expr>> values;  // each group's coefficient, where it folds
    bool folded = false;
    for (const Alike& a : alike) {
      Expr coefficient = add(a.coefficients);
      std::optional<Expr> v;
      if (a.coefficients.size() > 1 && (coefficient.node()->symbols & decimal_bits) != 0) v = value(coefficient);
      folded = folded || v.has_value();
      values.push_back(v);
    }
    if (folded) {  // (else the children are folded below, each once: a nested sum folded twice per level was exponential)
      std::vector<Expr> terms;
      for (std::size_t g = 0; g < alike.size(); ++g)
        if (values[g]) terms.push_back(*values[g] * fold(alike[g].shared));
        else
          for (Expr term : alike[g].terms) terms.push_back(fold(term));
      return add(terms);
    }
  }
  return map_children(e, fold);
}

// A term's exact constant factors (sqrt(2), pi) as a number, and the rest, where `fold` says (the
// precise formula's): sqrt(2)/(2 sqrt(t)) is 0.7071... times 1/sqrt(t), as the doubles'
// 0.7071067811865476/sqrt(t) is (it was taken for another term, and the doubles' decimal answer
// replaced by the exact form). The doubles' own (0.5 sqrt(2)) stay: no decimal answer, it is
// replaced. (One with a decimal in it, sin(e^1000.0), the doubles could not work out.)
// An exact constant's value (sqrt(2), pi; not one with a decimal in it, nor one past a double).
std::optional<double> exact_constant_value(Expr e) {
  if (!is_constant_expression(e) || has_float(e)) return std::nullopt;
  std::optional<double> value = precise_double(e, {});
  return value && std::isfinite(*value) ? value : std::nullopt;
}

std::pair<double, Expr> constant_apart(Expr term, bool fold) {
  auto exact_constant = [fold](Expr e) { return fold ? exact_constant_value(e) : std::nullopt; };
  if (std::optional<double> value = exact_constant(term)) return {*value, num(1)};
  if (!term.is(Kind::Mul)) return {1.0, term};
  double constant = term.number().to_double();
  std::vector<Expr> rest;
  for (std::size_t i = 0; i < term.bases().size(); ++i) {
    Expr factor = pow(term.bases()[i], term.exponents()[i]);
    if (std::optional<double> value = exact_constant(factor)) constant *= *value;
    else rest.push_back(factor);
  }
  return {constant, mul(std::move(rest))};
}

// A sum's terms by what each is a number times (the constant term under 1).
std::unordered_map<Expr, double> coefficients_of(Expr e, bool fold_constants) {
  std::unordered_map<Expr, double> out;
  if (e.is(Kind::Add)) {
    if (!e.number().is_zero()) out[num(1)] = e.number().to_double();
    for (std::size_t i = 0; i < e.terms().size(); ++i) {
      auto [constant, rest] = constant_apart(e.terms()[i], fold_constants);
      out[rest] += e.coefficients()[i].to_double() * constant;
    }
    return out;
  }
  if (e.is_number()) {
    out[num(1)] = e.number().to_double();
    return out;
  }
  auto [constant, rest] = constant_apart(e, fold_constants);
  out[rest] = constant;
  return out;
}

// Whether two sums of the same terms have a coefficient that differs beyond 12 digits (0.1xy +
// 0.2xy + x - 0.3xy: 5.55e-17 xy + x has a term whose every digit is wrong, though the sum is x to
// 12 digits); nullopt when their terms are not the same (a term missing counts as 0). `a` is the
// precise formula, `b` the doubles' answer.
std::optional<bool> coefficients_differ(Expr a, Expr b) {
  std::unordered_map<Expr, double> ca = coefficients_of(a, true), cb = coefficients_of(b, false);
  for (auto [term, coefficient] : ca) cb.try_emplace(term, 0.0);
  for (auto [term, coefficient] : cb) ca.try_emplace(term, 0.0);
  if (ca.size() != cb.size()) return std::nullopt;
  bool differ = false;
  for (auto [term, x] : ca) {
    double y = cb.at(term);
    differ = differ || std::fabs(x - y) > 1e-12 * std::max(std::fabs(x), std::fabs(y));
  }
  return differ;
}

// Whether a and b, expressions of the same symbols, differ beyond 12 digits at a point of small
// rationals (nullopt: no value there to tell by).
std::optional<bool> differ(Expr a, Expr b) {
  Decimals point;
  int k = 0;
  for (Expr s : free_symbols(a + b)) point[s] = Expr(Number::rational(7 + 3 * k++, 11));
  std::optional<double> x, y;
  try {
    x = precise_double(a, point);
    y = precise_double(b, point);
  } catch (const LimitError&) {  // (an underflow at that point: no value to tell by)
    return std::nullopt;
  }
  if (!x || !y) return std::nullopt;
  return std::fabs(*x - *y) > 1e-12 * std::max(std::fabs(*x), std::fabs(*y));
}

// Whether the doubles' formula b differs from the precise a beyond 12 digits: at a point, or in
// the coefficient of a term of a's where b has all of them (1.1e-16 x + 5.0 against 5.0, which
// agree at a point; 2.0e^(2.0x^2) is 1.0e^(2x^2) 2 written otherwise, and no term of it).
bool formula_differs(Expr a, Expr b) {
  if (differ(a, b).value_or(false)) return true;
  std::unordered_map<Expr, double> const ca = coefficients_of(a, true), cb = coefficients_of(b, false);
  if (std::any_of(ca.begin(), ca.end(), [&](const auto& term) { return !cb.contains(term.first); })) return false;
  return coefficients_differ(a, b).value_or(false);
}

bool check_scalar_against(eval::Value& v, const eval::Value& formula, const Decimals& decimals, std::uint64_t decimal_bits);

// Each decimal of v against the same place of the formula (a vector's entries pairwise); false
// where their shapes differ, or a place could not be checked.
bool check_against(eval::Value& v, const eval::Value& formula, const Decimals& decimals, std::uint64_t decimal_bits) {
  if (v.kind != formula.kind) return false;
  if (v.kind == eval::Value::Kind::List) {
    if (v.items.size() != formula.items.size()) return false;
    bool all = true;
    for (std::size_t i = 0; i < v.items.size(); ++i) all = check_against(v.items[i], formula.items[i], decimals, decimal_bits) && all;
    return all;
  }
  return check_scalar_against(v, formula, decimals, decimal_bits);
}

// A scalar v against the formula's value in its place; false where the formula's decimals could
// not be read precisely.
bool check_scalar_against(eval::Value& v, const eval::Value& formula, const Decimals& decimals, std::uint64_t decimal_bits) {
  if (v.kind != eval::Value::Kind::Scalar) return true;
  bool closed = (formula.scalar.node()->symbols & ~decimal_bits) == 0;
  if (v.scalar.is_number() && formula.scalar.is_number()) {  // (its decimals cancelled exactly)
    if (beyond_12_digits(formula.scalar.number().to_double(), v.scalar.number().to_double())) v.scalar = formula.scalar;
    return true;
  }
  if (v.scalar.is_number() && closed) {
    // (A derivative's formula has no value at a corner, where the answer came from calc::value_at.)
    v.scalar = checked_number(formula.scalar, decimals, v.scalar,
                              has_corner_sign(formula.scalar) ? Undefined::Keep : Undefined::Refuse);
    return true;
  }
  // A formula, or a number that doubles made of one (-72.74000000000000123 x + 72.74 x is
  // -1.23e-15 x, and 0.0 in doubles).
  bool all_precise = true;
  Expr precise = folded_precisely(formula.scalar, decimals, decimal_bits, all_precise);
  if (!all_precise || (precise.node()->symbols & decimal_bits) != 0) return false;
  if (precise == v.scalar) return true;
  try {
    if (coefficients_differ(precise, v.scalar).value_or(false) || differ(precise, v.scalar).value_or(false)) {
      v.scalar = precise;
      // (a constant, as a decimal answer is: d/dx sqrt(x/3) at x = 0.5 was sqrt(6)/6, for the
      // doubles' 0.23570226039551584 sqrt(3))
      if (std::optional<double> value = exact_constant_value(precise)) v.scalar = num(Number::from_double(*value));
    }
  } catch (const MathError&) {  // (no value at that point: as it was)
  }
  return true;
}

// A closed formula's precise value (given `decimals`) as the decimal an answer prints.
std::optional<Expr> precise_decimal(Expr closed, const Decimals& decimals) {
  std::optional<double> precise = precise_double(closed, decimals);
  if (!precise || !std::isfinite(*precise)) return std::nullopt;
  return as_decimal(num(Number::from_double(*precise)));
}

// An exact formula as a decimal answer writes it: the terms of a sum alike but for their closed
// factors as one decimal coefficient times what they share (3/10 x - 9/100 is 0.3x - 0.09), a
// closed formula as a decimal; nullopt where a coefficient has no precise value.
std::optional<Expr> decimal_form(Expr exact) {
  if (free_symbols(exact).empty()) return precise_decimal(exact, {});
  if (exact.is(Kind::Mul)) {
    std::vector<Expr> closed, others;
    split_factors(exact, 0, closed, others);
    std::optional<Expr> coefficient = precise_decimal(mul(closed), {});
    return coefficient ? std::optional<Expr>(*coefficient * mul(others)) : std::nullopt;
  }
  if (!exact.is(Kind::Add)) return exact;
  std::vector<Expr> terms;
  for (const Alike& group : alike_terms(exact, 0)) {
    std::optional<Expr> coefficient = precise_decimal(add(group.coefficients), {});
    if (!coefficient) return std::nullopt;
    terms.push_back(*coefficient * group.shared);
  }
  return add(std::move(terms));
}

// Each number of v against the same place of `exact` (the statement evaluated with its decimals
// as fractions): corrected where they differ beyond 12 digits. A formula, a tangent's line,
// against the exact formula's decimal form.
void correct_by(eval::Value& v, const eval::Value& exact) {
  if (v.kind != exact.kind) return;
  if (v.kind == eval::Value::Kind::List) {
    if (v.items.size() != exact.items.size()) return;
    for (std::size_t i = 0; i < v.items.size(); ++i) correct_by(v.items[i], exact.items[i]);
    return;
  }
  if (v.kind != eval::Value::Kind::Scalar) return;
  if (!v.scalar.is_number()) {
    std::optional<Expr> decimal = decimal_form(exact.scalar);
    if (decimal && !free_symbols(v.scalar).empty() && formula_differs(*decimal, v.scalar)) v.scalar = *decimal;
    return;
  }
  if (!exact.scalar.is_number()) {
    // A closed formula (1 - cos(1/10^9), beside a sign whose argument was undecided with the
    // decimals as symbols): its precise value.
    if (free_symbols(exact.scalar).empty()) v.scalar = checked_number(exact.scalar, {}, v.scalar);
    return;
  }
  if (beyond_12_digits(exact.scalar.number().to_double(), v.scalar.number().to_double()))
    v.scalar = exact.scalar.number().is_float() ? exact.scalar : as_decimal(exact.scalar);
}

// v checked against the statement read with every decimal its exact number (DecimalsRead::Exact):
// where the formula has a corner at the point, d/dx abs(x - 0.3)^2 at x = 0.3 is 0 and
// d/dx abs(x - 0.3) at x = 0.1 + 0.2 has no value (the doubles put the point past the corner, and
// printed 1). The reading's refusal is the statement's; a reading that cannot be had leaves v
// (false: v was not checked).
bool check_exactly(eval::Value& v, std::string_view statement, const Session& session) {
  Decimals decimals;  // (those of definitions read in their exact forms)
  std::optional<eval::Result> exact;
  try {
    exact = read_again(statement, session, decimals, resolve::DecimalsRead::Exact, evaluated);
  } catch (const Interrupted&) {
    throw;
  } catch (const eval::EvalError&) {  // no value there: the statement's answer
    throw;
  } catch (const MathError&) {
    throw;
  } catch (...) {
    return false;
  }
  if (!exact) return false;
  correct_by(v, exact->value);
  return true;
}

// Whether t takes a value at a point or a derivative (`at`, d/dx, dy/dx, f'(x), diff, tangent).
bool at_a_point(const resolve::Term& t) {
  using resolve::TermKind;
  if (t.kind == TermKind::At || t.kind == TermKind::Derivative || t.kind == TermKind::Leibniz || t.kind == TermKind::Prime ||
      (t.kind == TermKind::Call && (t.name == "diff" || t.name == "tangent")))
    return true;
  return std::any_of(t.children.begin(), t.children.end(), at_a_point);
}

// `statement` read again as `how` says, when it is arithmetic and values as check_decimals reads
// again (factor(0.5x^2 - 0.5) refuses its decimals, whatever they are), and (unless `points`)
// takes no value at a point: its scalar value, or nullopt.
std::optional<Expr> arithmetic_value(std::string_view statement, const Session& session, Decimals& decimals,
                                     resolve::DecimalsRead how, bool points) {
  auto arithmetic = [points](const resolve::Term& again, const eval::Context& reading) -> std::optional<eval::Result> {
    if (!worth_reading_again(again, true, true) || (!points && at_a_point(again))) return std::nullopt;
    return evaluated(again, reading);
  };
  std::optional<std::optional<eval::Result>> read = read_again(statement, session, decimals, how, arithmetic);
  if (!read || !*read) return std::nullopt;
  const eval::Result& result = **read;
  if (!std::holds_alternative<std::monostate>(result.shape) || result.value.kind != eval::Value::Kind::Scalar)
    return std::nullopt;
  return result.value.scalar;
}

// The statement's value with every decimal exact, as an answer: its precise value as a decimal
// (a whole number too: an answer with decimals in it is a decimal, and 1e400 is none).
std::optional<ExactForm> exact_answer(std::string_view statement, const Session& session, Expr& value) {
  Decimals none;
  std::optional<Expr> exact = arithmetic_value(statement, session, none, resolve::DecimalsRead::Exact, true);
  if (!exact || !free_symbols(*exact).empty()) return std::nullopt;
  std::optional<Expr> answer = precise_decimal(*exact, none);
  if (!answer) return std::nullopt;
  value = *answer;
  return ExactForm{*exact, {}};
}

}  // namespace

std::optional<ExactForm> value_beyond_doubles(std::string_view statement, const Session& session, Expr& value) {
  if (decimals_written(statement) == 0 && !definitions_hold_decimals(session)) return std::nullopt;
  try {
    // A value at a point or a derivative is read with every decimal exact: with the formula's
    // decimals as symbols, a function with no value at the point could look as if it had one
    // (∂/∂x (1/(y - 0.5)) at x = 0.6, y = 0.5 gave 0.0), and a sign they leave undecided needs
    // their values anyway (d/dx abs(x - 0.3) at x = 0.3 + 1e-18, beside the corner the doubles
    // put it on, is 1).
    Decimals decimals;
    std::optional<Expr> read;
    try {
      read = arithmetic_value(statement, session, decimals, resolve::DecimalsRead::Symbols, false);
    } catch (const Interrupted&) {
      throw;
    } catch (...) {
    }
    if (!read) return exact_answer(statement, session, value);
    if (decimals.empty()) return std::nullopt;
    // Arithmetic: the formula with its decimals as symbols, its parts of decimals alone folded
    // precisely (x/(1 - cos(1e-8)) is 2e16 x).
    std::uint64_t decimal_bits = bits_of(decimals);
    Expr formula = without_exact_zeros(*read, decimals, decimal_bits);
    if ((formula.node()->symbols & ~decimal_bits) == 0) {  // a number
      // (past a double's range, that is the refusal: 1/1e-400 said "division by zero", by the
      // doubles' 0 for 1e-400, and cot(1e-400) "cot(0) is undefined")
      if (std::optional<std::string> past = digits_past_doubles(formula, decimals))
        throw OverflowError(beyond_double_range("the value is about " + *past));
      std::optional<Expr> precise = precise_decimal(formula, decimals);
      if (!precise) return std::nullopt;
      value = *precise;
    } else {
      bool all_precise = true;
      value = folded_precisely(formula, decimals, decimal_bits, all_precise);
      if (!all_precise || (value.node()->symbols & decimal_bits) != 0) return std::nullopt;
    }
    return ExactForm{formula, std::move(decimals)};
  } catch (const Interrupted&) {
    throw;
  } catch (const OverflowError&) {
    throw;
  } catch (...) {  // (no value this way either: the first reading's error stands)
    return std::nullopt;
  }
}

std::optional<eval::Result> list_beyond_doubles(std::string_view statement, const Session& session) {
  if (decimals_written(statement) == 0 && !definitions_hold_decimals(session)) return std::nullopt;
  try {
    Decimals none;
    std::optional<eval::Result> exact = read_again(statement, session, none, resolve::DecimalsRead::Exact, evaluated);
    if (!exact || exact->value.kind != eval::Value::Kind::List || !answer_is_value(*exact)) return std::nullopt;
    std::function<bool(eval::Value&)> as_decimals = [&](eval::Value& v) {
      if (v.kind == eval::Value::Kind::List) return std::all_of(v.items.begin(), v.items.end(), as_decimals);
      if (v.kind != eval::Value::Kind::Scalar || !free_symbols(v.scalar).empty()) return false;
      std::optional<Expr> decimal = precise_decimal(v.scalar, none);
      if (decimal) v.scalar = *decimal;
      return decimal.has_value();
    };
    if (!as_decimals(exact->value)) return std::nullopt;
    return exact;
  } catch (const Interrupted&) {
    throw;
  } catch (...) {  // (no value this way either: the first reading's error stands)
    return std::nullopt;
  }
}

// How many decimals the statement writes (2.5, .5, 1e-3; an upper bound): without one there is
// nothing to read again, and nearly every statement is answered without looking at its answer.
std::size_t decimals_written(std::string_view text) {
  auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  std::size_t count = 0;
  // (approx's result is a decimal too, that it prints)
  for (std::size_t at = text.find("approx("); at != std::string_view::npos; at = text.find("approx(", at + 1)) ++count;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' && (digit(i + 1) || (i > 0 && digit(i - 1)))) ++count;
    else if ((text[i] == 'e' || text[i] == 'E') && i > 0 && digit(i - 1) &&
             (digit(i + 1) || ((i + 1 < text.size() && (text[i + 1] == '-' || text[i + 1] == '+')) && digit(i + 2))))
      ++count;
  }
  return count;
}

bool answered_as_written(const eval::Result& r) {
  return std::holds_alternative<eval::Decimal>(r.shape) || std::holds_alternative<eval::ValueTable>(r.shape) ||
         r.value.kind == eval::Value::Kind::Truth;
}

void keep_typed_labels(const eval::Result& typed, eval::Result& exact) {
  const auto* was = std::get_if<eval::ValueTable>(&typed.shape);
  auto* is = std::get_if<eval::ValueTable>(&exact.shape);
  if (!was || !is || was->curves.size() != is->curves.size()) return;
  for (std::size_t i = 0; i < was->curves.size(); ++i) is->curves[i].label = was->curves[i].label;
}

namespace {

// The statement read again with its decimals exact (nullopt where it is not one statement): its
// refusals are the statement's, and a limit it meets leaves the doubles' answer standing.
std::optional<eval::Result> exact_reading(std::string_view statement, const Session& session, Decimals& decimals) {
  try {
    return read_again(statement, session, decimals, resolve::DecimalsRead::Exact, evaluated);
  } catch (const Interrupted&) {
    throw;
  } catch (const resolve::ResolveError&) {  // (1/(0.1 + 0.2 - 0.3) divides by 0 as it is read)
    throw;
  } catch (const eval::EvalError&) {
    throw;
  } catch (const MathError&) {
    throw;
  } catch (...) {  // (a limit: the doubles' answer stands)
  }
  return std::nullopt;
}

}  // namespace

std::optional<eval::Result> answer_as_written(std::string_view statement, const Session& session) {
  if (decimals_written(statement) == 0 && !definitions_hold_decimals(session)) return std::nullopt;
  Decimals decimals;
  std::optional<eval::Result> exact = exact_reading(statement, session, decimals);
  if (!exact || !answered_as_written(*exact)) return std::nullopt;
  // approx's answer, read as the decimal it prints, is the double of its digits, as it is
  // without a reading (ans and code take that value).
  if (const auto* d = std::get_if<eval::Decimal>(&exact->shape);
      d && !d->beyond_doubles && exact->value.kind == eval::Value::Kind::Scalar && exact->value.scalar.is_number() &&
      exact->value.scalar.number().is_exact())
    exact->value.scalar = num(Number::from_double(std::strtod(d->digits.c_str(), nullptr)));
  return exact;
}

namespace {

// Whether the polynomial of `coefficients` about the exact centre, written about a decimal `apart`
// from it, changes beyond 12 digits: a coefficient moves by about the next one times `apart` times
// its degree (the first order of the shift, which decides). taylor(tan(x), x = pi/2 - 1e-10, 2) printed 1e+20 (x - 1.5707963266948965) + 1e+10, where
// tan at that decimal is 9999988076.9: 1e+20 times its 1.2e-16 from the centre.
bool moved_by_the_centre(const std::vector<double>& coefficients, double apart) {
  if (apart == 0) return false;
  for (std::size_t k = 0; k + 1 < coefficients.size(); ++k) {
    double const moved = std::fabs(coefficients[k + 1] * apart) * static_cast<double>(k + 1);
    if (!(moved <= 1e-12 * std::fabs(coefficients[k]))) return true;
  }
  return false;
}

}  // namespace

void taylor_as_written(std::string_view statement, const Session& session, eval::Result& answer) {
  if (decimals_written(statement) == 0 && !definitions_hold_decimals(session)) return;
  Decimals decimals;
  std::optional<eval::Result> exact = exact_reading(statement, session, decimals);
  const auto* read = exact ? std::get_if<eval::TaylorPolynomial>(&exact->shape) : nullptr;
  const auto* typed = std::get_if<eval::TaylorPolynomial>(&answer.shape);
  if (!read || !typed || read->coefficients.size() != typed->coefficients.size()) return;
  // What the doubles wrote as a decimal is the exact reading's value as one; the rest stays. A
  // coefficient past a double's range is refused, as such a value is anywhere (taylor(tan(x), x =
  // pi/2 - 1e-150, 3), whose last is about 1e+450, printed the doubles' polynomial at
  // 1.5707963267948966, 1.4e+50 for it).
  std::optional<std::string> refusal;
  auto as_typed = [&](Expr doubles, Expr exact_value) -> std::optional<Expr> {
    if (!doubles.is_number() || !doubles.number().is_float()) return doubles;
    if (std::optional<std::string> beyond = digits_past_doubles(exact_value, decimals)) {
      refusal = beyond_double_range("a coefficient of the polynomial is about " + *beyond);
      return std::nullopt;
    }
    std::optional<Expr> d = precise_decimal(exact_value, decimals);
    return d && d->is_zero() ? num(Number::from_double(0.0)) : d;  // (0.0, as the doubles write 0)
  };
  try {
    eval::TaylorPolynomial shape = *typed;
    std::optional<Expr> point = as_typed(typed->point, read->point);
    if (!point) return;
    shape.point = *point;
    std::vector<Expr> terms;
    std::vector<double> values;
    Expr shift = shape.point.is_zero() ? shape.var : shape.var - shape.point;
    for (std::size_t k = 0; k < shape.coefficients.size() && !refusal; ++k) {
      std::optional<Expr> c = as_typed(typed->coefficients[k], read->coefficients[k]);
      if (!c) break;
      shape.coefficients[k] = *c;
      // (the constant term alone: (x - 1)^0, read at x = 1, was 0^0 for `ans at x = 1`)
      terms.push_back(k == 0 ? *c : *c * pow(shift, Expr(static_cast<long long>(k))));
      values.push_back(c->is_number() ? c->number().to_double() : NAN);
    }
    if (!refusal && terms.size() == shape.coefficients.size() && shape.point.is_number() && shape.point.number().is_float()) {
      // (the centre as its decimal is read: 1.5707963266948965 is that decimal's fraction)
      Expr const written = num(Number::from_decimal_text(shape.point.number().to_string()));
      std::optional<double> apart = precise_double(read->point - written, decimals);
      if (apart && std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); }) &&
          moved_by_the_centre(values, *apart))
        refusal = "the centre is no double, and the polynomial written about the nearest one, " +
                  shape.point.number().to_string() + ", would be wrong beyond 12 digits: write the centre without " +
                  "decimals for the exact polynomial";
    }
    if (!refusal) {
      if (terms.size() != shape.coefficients.size()) return;  // (a coefficient with no decimal: the doubles' answer stands)
      answer.value = eval::Value::of(add(std::move(terms)));
      answer.shape = std::move(shape);
      return;
    }
  } catch (const LimitError&) {  // (the doubles' answer stands)
    return;
  }
  throw LimitError(*refusal);
}

bool answer_is_value(const eval::Result& r) {
  return std::holds_alternative<std::monostate>(r.shape) || std::holds_alternative<eval::NamedDerivative>(r.shape) ||
         std::holds_alternative<eval::Derivation>(r.shape) || std::holds_alternative<eval::TangentLine>(r.shape) ||
         std::holds_alternative<eval::TotalDifferential>(r.shape);
}

void fold_constants_into_decimals(eval::Value& v) {
  for (eval::Value& item : v.items) fold_constants_into_decimals(item);
  if (v.kind != eval::Value::Kind::Scalar || !has_float(v.scalar)) return;
  // c (constant factors) (the rest), with c a decimal: the constants in c (constant_apart).
  auto folded = [](const Number& coefficient, Expr term) {
    auto [constant, rest] = constant_apart(term, true);
    return num(Number::from_double(coefficient.to_double() * constant)) * rest;
  };
  Expr e = v.scalar;
  try {
    if (e.is(Kind::Mul) && e.number().is_float()) {
      v.scalar = folded(1, e);
    } else if (e.is(Kind::Add)) {
      std::vector<Expr> terms{num(e.number())};
      for (std::size_t i = 0; i < e.terms().size(); ++i)
        terms.push_back(e.coefficients()[i].is_float() ? folded(e.coefficients()[i], e.terms()[i])
                                                       : num(e.coefficients()[i]) * e.terms()[i]);
      v.scalar = add(std::move(terms));
    }
  } catch (const MathError&) {  // (as it was)
  }
}

std::optional<ExactForm> check_decimals(eval::Value& v, const resolve::Term& body, std::string_view statement,
                                        const Session& session, bool* checked) {
  bool ignored = false;
  if (!checked) checked = &ignored;
  constexpr std::size_t few = few_decimals_for_derivatives;
  std::size_t written = decimals_written(statement);
  // (Most statements stop at the first test. An answer without a decimal is read again too:
  // doubles' 0.0 vanishes in a sum, and y + 1 - cos(1e-8) printed y.)
  if ((written == 0 && !definitions_hold_decimals(session)) || !worth_reading_again(body, written <= few, written <= few))
    return std::nullopt;
  std::unordered_map<Expr, Expr> decimals;
  eval::Value formula;
  try {
    std::optional<eval::Result> result = read_again(statement, session, decimals, resolve::DecimalsRead::ExactPoints, evaluated);
    bool const approx_written = statement.find("approx(") != std::string_view::npos;  // (its decimal is no symbol)
    if (!result || (decimals.empty() && !approx_written) || !answer_is_value(*result)) return std::nullopt;
    formula = std::move(result->value);
  } catch (const Interrupted&) {
    throw;
  } catch (const eval::EvalError&) {
    // No value where the point is exact (∂/∂x abs(x - y) at x = 0.3, y = 0.1 + 0.2: the corner
    // x = y, which the doubles missed and printed -1), or a reading that needs the numbers (a
    // count of 3.0 steps): the statement read with every decimal exact decides.
    *checked = check_exactly(v, statement, session);
    return std::nullopt;
  } catch (const MathError&) {
    *checked = check_exactly(v, statement, session);
    return std::nullopt;
  } catch (...) {  // (a limit: as it was)
    return std::nullopt;
  }
  std::uint64_t decimal_bits = bits_of(decimals);
  // (ans keeps the exact number: d/dx x/3 at x = 0.3 is 1/3, and approx(ans, 20) was the double's
  // 0.33333333333333331483)
  std::optional<Expr> exact_number;
  std::function<void(eval::Value&)> cancel = [&](eval::Value& x) {
    for (eval::Value& item : x.items) cancel(item);
    if (x.kind != eval::Value::Kind::Scalar) return;
    x.scalar = without_exact_zeros(x.scalar, decimals, decimal_bits);
    // (all its decimals cancelled: the decimal answer's precise value, 0.0 for 0.1 + 0.2 - 0.3)
    if (x.scalar.is_number() && !x.scalar.number().is_float()) {
      if (&x == &formula) exact_number = x.scalar;
      x.scalar = as_decimal(x.scalar);
    }
  };
  try {
    cancel(formula);
    // (a shape apart, as grad(1e-200 x 1e-200 y) was [] in doubles, checks nothing)
    *checked = check_against(v, formula, decimals, decimal_bits);
  } catch (const CornerError&) {
    // The formula as written has a corner or a jump at the point itself (sign(3/10 - 0.3)), where
    // only one-sided limits tell: the statement read as if written in fractions decides.
    *checked = check_exactly(v, statement, session);
    return std::nullopt;
  }
  // Whether the point is at an edge of the function's domain may turn on a decimal of the
  // formula, a symbol in this reading, which then has no evidence of it: the statement read with
  // every decimal exact decides, as for a corner (d/dx (x - 0.3)^(3/2) at x = 0.1 + 0.2 was 0.0).
  if (at_a_point(body)) check_exactly(v, statement, session);  // (checked already, by the formula)
  if (formula.kind != eval::Value::Kind::Scalar) return std::nullopt;
  return ExactForm{exact_number.value_or(formula.scalar), std::move(decimals)};
}

namespace {

// `statement`, a definition, read again with each decimal a symbol, and its body made by `body_of`
// from that reading (nullopt when the reading fails or finds no decimal).
template <typename BodyOf>
std::optional<ExactForm> read_exactly(std::string_view statement, const Session& session, BodyOf body_of) {
  try {
    Decimals decimals;
    std::optional<Expr> body = read_again(statement, session, decimals, resolve::DecimalsRead::Symbols, body_of);
    if (!body || decimals.empty()) return std::nullopt;
    return ExactForm{without_exact_zeros(*body, decimals, bits_of(decimals)), std::move(decimals)};
  } catch (const Interrupted&) {
    throw;
  } catch (...) {  // (uses are then checked against the body as it is)
    return std::nullopt;
  }
}

// Whether a definition's body may hold decimals: written in it (though the body may have lost
// them: f(x) = x + 1 - cos(1e-8) holds x in doubles), or brought by a definition it uses (asked
// first: has_float walks the body).
bool may_hold_decimals(Expr body, std::string_view statement, const Session& session) {
  return decimals_written(statement) > 0 || (definitions_hold_decimals(session) && has_float(body));
}

}  // namespace

void read_body_exactly(resolve::FunctionDefinition& def, std::string_view statement, const Session& session) {
  if (!may_hold_decimals(def.body, statement, session)) return;
  def.exact = read_exactly(statement, session, [&](const resolve::Term& again, const eval::Context& reading) {
    return eval::function_body(again, def.params, reading);
  });
}

std::optional<ExactForm> read_value_exactly(Expr body, const resolve::Term& read, std::string_view statement,
                                            const Session& session) {
  // (a derivative too, with few decimals, as check_decimals reads an answer: w = d/dx x^2/(sqrt(2) -
  // 1.414213562373095) was 9007199254740992.0x, its doubles' 2/(sqrt(2) - 1.414213562373095))
  bool const few_decimals = decimals_written(statement) <= few_decimals_for_derivatives;
  if (!may_hold_decimals(body, statement, session) || !worth_reading_again(read, few_decimals, few_decimals)) return std::nullopt;
  return read_exactly(statement, session, [](const resolve::Term& again, const eval::Context& reading) {
    return eval::definition_body(again, reading);
  });
}

}  // namespace ddx
