// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers checked against their formula (see decimal_check.hpp).
#include "repl/decimal_check.hpp"

#include <unordered_map>

#include "calculus/decimal_answer.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "eval/statement.hpp"
#include "grammar/parse.hpp"
#include "repl/session.hpp"
#include "resolve/resolve.hpp"

namespace ddx {
namespace {

bool holds_decimals(const eval::Value& v) {
  switch (v.kind) {
    case eval::Value::Kind::Scalar: return v.scalar.is_number() && v.scalar.number().is_float();
    case eval::Value::Kind::List:
      for (const eval::Value& item : v.items)
        if (holds_decimals(item)) return true;
      return false;
    case eval::Value::Kind::Truth: return false;
  }
  return false;
}

// Each decimal of v against the same place of the formula (a vector's entries pairwise).
void check_against(eval::Value& v, const eval::Value& formula, const std::unordered_map<Expr, Expr>& decimals) {
  if (v.kind != formula.kind) return;
  if (v.kind == eval::Value::Kind::Scalar) {
    v.scalar = calc::checked_decimal(formula.scalar, decimals, v.scalar);
    return;
  }
  if (v.kind != eval::Value::Kind::List || v.items.size() != formula.items.size()) return;
  for (std::size_t i = 0; i < v.items.size(); ++i) check_against(v.items[i], formula.items[i], decimals);
}

}  // namespace

void check_decimals(eval::Value& v, std::string_view statement, const Session& session) {
  if (!holds_decimals(v)) return;
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
  check_against(v, formula, decimals);
}

}  // namespace ddx
