// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers checked against their formula (see decimal_check.hpp).
#include "repl/decimal_check.hpp"

#include <unordered_map>
#include <variant>

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

// The statements whose value double arithmetic made as they were read: anything else that gives
// a decimal at a point (at, f'(2.5)) checks its own.
bool folded_as_read(const resolve::Term& body) {
  using resolve::TermKind;
  switch (body.kind) {
    case TermKind::Value:
    case TermKind::Sum:
    case TermKind::Product:
    case TermKind::Power:
    case TermKind::Negate:
    case TermKind::Apply: return true;
    default: return false;
  }
}

}  // namespace

void check_decimal_answer(eval::Result& r, const resolve::Term& body, std::string_view statement, const Session& session) {
  if (!r.value.is_scalar() || !r.value.scalar.is_number() || !r.value.scalar.number().is_float()) return;
  if (!std::holds_alternative<std::monostate>(r.shape) || !folded_as_read(body)) return;
  std::unordered_map<Expr, Expr> decimals;
  Expr formula;
  try {
    NotingPaused not_the_answers_parts;  // (what this reading drops is no part of ans)
    grammar::ParseOutcome parsed = grammar::parse_line(statement);
    if (!parsed.ok() || parsed.statements.size() != 1) return;
    resolve::Term again = resolve::resolve_with_decimal_symbols(parsed.statements.front(), session, decimals);
    if (decimals.empty()) return;
    eval::Result formula_result = eval::evaluate_expression(again, session, false);
    if (!formula_result.value.is_scalar()) return;
    formula = formula_result.value.scalar;
  } catch (const Interrupted&) {
    throw;
  } catch (...) {  // a reading that needs the numbers (a corner at 0.0, a count of 3.0 steps): as it was
    return;
  }
  r.value.scalar = calc::checked_decimal(formula, decimals, r.value.scalar, calc::Given::WrittenDecimals);
}

}  // namespace ddx
