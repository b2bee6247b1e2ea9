// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers checked against their formula (see decimal_check.hpp).
#include "repl/decimal_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/corner_sign.hpp"
#include "core/decimal_answer.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "core/substitute.hpp"
#include "eval/statement.hpp"
#include "grammar/parse.hpp"
#include "repl/session.hpp"
#include "resolve/request.hpp"
#include "resolve/resolve.hpp"

namespace ddx {
namespace {

// Reading a statement again costs what reading and evaluating it cost, and a derivative at a
// point whose decimals are symbols far more (its one-sided limits become symbolic: a product of
// 79 factors took 8 times as long): arithmetic, values, vectors and points of them are read
// again, and a derivative only at a point without decimals (d/dx sec(sinh(12.5 e x)) at x = 1,
// whose 12.5 e the derivative's formula holds rounded) and with few decimals (each a symbol that
// the derivative carries through: 79 factors x - 0.1, ... took 4 times as long); at a decimal point
// a derivative checks its own digits (calc::derivative_at).
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
      return all(t.children.begin(), derivative_allowed);
    case TermKind::At: {
      bool exact_point = std::all_of(t.children.begin() + 1, t.children.end(),
                                     [](const resolve::Term& c) { return c.is_value() && !has_float(c.expr); });
      return !t.children.empty() && worth_reading_again(t.children.front(), few_decimals, exact_point && few_decimals) &&
             all(t.children.begin() + 1, false);
    }
    case TermKind::Derivative: return derivative_allowed && all(t.children.begin(), true);
    case TermKind::Call:  // sums over data are arithmetic too
      if (t.name == "diff") return derivative_allowed && all(t.children.begin(), true);
      return (t.name == "sum" || t.name == "mean") && all(t.children.begin(), derivative_allowed);
    default: return false;
  }
}

// How many decimals the statement writes (2.5, .5, 1e-3; an upper bound): without one there is
// nothing to read again, and nearly every statement is answered without looking at its answer.
std::size_t decimals_written(std::string_view text) {
  auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' && (digit(i + 1) || (i > 0 && digit(i - 1)))) ++count;
    else if ((text[i] == 'e' || text[i] == 'E') && i > 0 && digit(i - 1) &&
             (digit(i + 1) || ((i + 1 < text.size() && (text[i + 1] == '-' || text[i + 1] == '+')) && digit(i + 2))))
      ++count;
  }
  return count;
}

bool writes_decimal(std::string_view text) { return decimals_written(text) > 0; }

bool holds_decimals(const eval::Value& v) {
  switch (v.kind) {
    case eval::Value::Kind::Scalar: return has_float(v.scalar);
    case eval::Value::Kind::List:
      for (const eval::Value& item : v.items)
        if (holds_decimals(item)) return true;
      return false;
    case eval::Value::Kind::Truth: return false;
  }
  return false;
}

using Decimals = std::unordered_map<Expr, Expr>;

// The formula with each part that holds decimals and no other symbol replaced by its value to a
// double's precision, built again: the answer had its decimals been folded without losing digits
// (x sec(sinh(12.5 e)) is 17.000217323844584x, not -2.089088236176611x).
Expr folded_precisely(Expr e, const Decimals& decimals, std::uint64_t decimal_bits) {
  auto only_decimals = [&](Expr part) { return (part.node()->symbols & ~decimal_bits) == 0; };
  auto value = [&](Expr closed) -> std::optional<Expr> {
    if (std::optional<double> v = precise_double(closed, decimals)) return Expr(Number::from_double(*v));
    return std::nullopt;
  };
  if ((e.node()->symbols & decimal_bits) == 0) return e;
  if (only_decimals(e))
    if (auto v = value(e)) return *v;
  if (e.is(Kind::Add) || e.is(Kind::Mul)) {
    // The terms (factors) of decimals alone as one value: x + 0.1 + 0.2 - 0.3 is x + 0.0.
    std::vector<Expr> closed, others;
    bool sum = e.is(Kind::Add);
    closed.push_back(num(e.number()));  // (its constant term or coefficient)
    for (std::size_t i = 0; i < (sum ? e.terms().size() : e.bases().size()); ++i) {
      Expr part = sum ? num(e.coefficients()[i]) * e.terms()[i] : pow(e.bases()[i], e.exponents()[i]);
      (only_decimals(part) ? closed : others).push_back(part);
    }
    if (closed.size() > 2)
      if (auto v = value(sum ? add(closed) : mul(closed))) {
        for (Expr& part : others) part = folded_precisely(part, decimals, decimal_bits);
        others.push_back(*v);
        return sum ? add(others) : mul(others);
      }
  }
  return map_children(e, [&](Expr c) { return folded_precisely(c, decimals, decimal_bits); });
}

// Whether a and b, expressions of the same symbols, differ beyond 12 digits at a point of small
// rationals (nullopt: no value there to tell by).
std::optional<bool> differ(Expr a, Expr b) {
  Decimals point;
  int k = 0;
  for (Expr s : free_symbols(a + b)) point[s] = Expr(Number::rational(7 + 3 * k++, 11));
  std::optional<double> x = precise_double(a, point), y = precise_double(b, point);
  if (!x || !y) return std::nullopt;
  return std::fabs(*x - *y) > 1e-12 * std::max(std::fabs(*x), std::fabs(*y));
}

// Each decimal of v against the same place of the formula (a vector's entries pairwise).
void check_against(eval::Value& v, const eval::Value& formula, const Decimals& decimals, std::uint64_t decimal_bits) {
  if (v.kind != formula.kind) return;
  if (v.kind == eval::Value::Kind::List) {
    if (v.items.size() != formula.items.size()) return;
    for (std::size_t i = 0; i < v.items.size(); ++i) check_against(v.items[i], formula.items[i], decimals, decimal_bits);
    return;
  }
  if (v.kind != eval::Value::Kind::Scalar || !has_float(v.scalar)) return;
  if (v.scalar.is_number()) {
    // (A derivative's formula has no value at a corner, where the answer came from calc::value_at.)
    v.scalar = checked_decimal(formula.scalar, decimals, v.scalar,
                               has_corner_sign(formula.scalar) ? Undefined::Keep : Undefined::Refuse);
    return;
  }
  Expr precise = folded_precisely(formula.scalar, decimals, decimal_bits);
  if (precise == v.scalar || (precise.node()->symbols & decimal_bits) != 0) return;
  try {
    if (differ(precise, v.scalar).value_or(false)) v.scalar = precise;
  } catch (const MathError&) {  // (no value at that point: as it was)
  }
}

}  // namespace

void check_decimals(eval::Value& v, const resolve::Term& body, std::string_view statement, const Session& session) {
  constexpr std::size_t few = 4;
  std::size_t written = decimals_written(statement);
  if (written == 0 || !holds_decimals(v) || !worth_reading_again(body, written <= few)) return;
  std::unordered_map<Expr, Expr> decimals;
  eval::Value formula;
  try {
    NotingPaused not_the_answers_parts;  // (what this reading drops is no part of ans)
    grammar::ParseOutcome parsed = grammar::parse_line(statement);
    if (!parsed.ok() || parsed.statements.size() != 1) return;
    resolve::Term again = resolve::resolve_with_decimal_symbols(parsed.statements.front(), session, decimals);
    if (decimals.empty()) return;
    eval::Result formula_result = eval::evaluate_expression(again, session, false);
    if (!std::holds_alternative<std::monostate>(formula_result.shape)) return;
    formula = std::move(formula_result.value);
  } catch (const Interrupted&) {
    throw;
  } catch (...) {  // a reading that needs the numbers (a corner at 0.0, a count of 3.0 steps): as it was
    return;
  }
  std::uint64_t decimal_bits = 0;
  for (const auto& [symbol, value] : decimals) decimal_bits |= symbol.node()->symbols;
  check_against(v, formula, decimals, decimal_bits);
}

void read_body_exactly(resolve::FunctionDefinition& def, std::string_view statement, const Session& session) {
  if (!writes_decimal(statement) || !has_float(def.body)) return;
  try {
    NotingPaused not_the_bodys_parts;
    grammar::ParseOutcome parsed = grammar::parse_line(statement);
    if (!parsed.ok() || parsed.statements.size() != 1) return;
    std::unordered_map<Expr, Expr> decimals;
    resolve::Term again = resolve::resolve_with_decimal_symbols(parsed.statements.front(), session, decimals);
    if (decimals.empty()) return;
    def.exact_body = eval::function_body(again, def.params, session);
    def.decimals = std::move(decimals);
  } catch (const Interrupted&) {
    throw;
  } catch (...) {  // (f at values is then checked against the body as it is)
  }
}

}  // namespace ddx
