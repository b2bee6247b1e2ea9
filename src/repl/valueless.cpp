// SPDX-License-Identifier: GPL-3.0-or-later
// A definition with no value is refused as it is typed: b = 1/(2 - 2) says "division by zero".
// Written through a name defined as a number it was accepted, and every use of it then failed:
// b = 1/(a - 2) after a = 2, or c = 1/a and then a = 0. Such names are put into the bodies that
// use them, and a body without a value so refuses the statement, as the number typed in would.
#include <unordered_map>

#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "repl/session.hpp"

namespace ddx {
namespace {

// A body that is an exact number or constant (a = 2, k = pi/2): one that every use reads the same.
bool is_exact_constant(Expr body) { return !has_float(body) && free_symbols(body).empty(); }

}  // namespace

std::optional<std::string> Session::without_value(const std::string& name) const {
  const Definitions::Variable* v = defs_->variable(name);
  if (!v) return std::nullopt;
  std::unordered_map<Expr, Expr> constants;
  std::string where;  // " (a = 2)"
  for (Expr s : v->symbols)
    if (const Definitions::Variable* used = defs_->variable(s.name()); used && used != v && is_exact_constant(used->body)) {
      constants.emplace(s, used->body);
      where += (where.empty() ? " (" : ", ") + s.name() + " = " + text(used->body);
    }
  if (constants.empty()) return std::nullopt;
  try {
    substitute(v->body, constants);
    for (Expr part : v->dropped) substitute(part, constants);
  } catch (const MathError& e) {
    return std::string(e.what()) + where + ")";
  }
  return std::nullopt;
}

std::optional<std::string> Session::left_without_value(const std::string& defined) const {
  // (the statement as typed: b = (a - 2)/(a - 2) is kept as 1 and what it lost)
  auto as_typed = [&](const std::string& name) {
    const Definitions::Reading* r = defs_->reading(name);
    return r && !r->statement.empty() ? r->statement : name + " = " + text(defs_->variable(name)->body);
  };
  if (auto why = without_value(defined)) return as_typed(defined) + " would have no value: " + *why + "; the old definition stays";
  const Definitions::Variable* v = defs_->variable(defined);
  if (!v || !is_exact_constant(v->body) || !defs_->is_used(sym(defined))) return std::nullopt;
  for (const auto& [other, used] : defs_->variables())
    if (std::find(used->symbols.begin(), used->symbols.end(), sym(defined)) != used->symbols.end())
      if (auto why = without_value(other))
        return "this leaves " + as_typed(other) + " without a value: " + *why + "; the old definitions stay (:clear " + other +
               " first, or define it again after)";
  return std::nullopt;
}

}  // namespace ddx
