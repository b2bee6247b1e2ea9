// SPDX-License-Identifier: GPL-3.0-or-later
// A definition with no value is refused as it is typed: b = 1/(2 - 2) says "division by zero".
// Written through a name defined as a number it was accepted, and every use of it then failed:
// b = 1/(a - 2) after a = 2, or c = 1/a and then a = 0. Such names are put into the bodies that
// use them, and a body without a value so refuses the statement, as the number typed in would.
// Bodies are read with their decimals the exact numbers they are written as, which the doubles a
// body holds may have lost (b = 1/(a - 2 + 1e-20) is 1e20, where doubles make it 1/0).
#include <unordered_map>

#include "core/errors.hpp"
#include "core/substitute.hpp"
#include "repl/session.hpp"

namespace ddx {
namespace {

// A body with its decimals the exact numbers they are written as (its exact form's), or nullopt
// where it has decimals and no exact form: z = 0.1 is 1/10, b = 1/(a - 2 + 1e-20) is
// 1/(a - 2 + 10^-20), whose doubles made it 1/(a - 2).
std::optional<Expr> body_as_written(const Definitions::Variable& v) {
  if (!has_float(v.body)) return v.body;
  if (!v.exact) return std::nullopt;
  try {
    Expr e = substitute(v.exact->expr, v.exact->decimals);
    return has_float(e) ? std::nullopt : std::optional<Expr>(e);
  } catch (const MathError&) {
    return std::nullopt;
  } catch (const LimitError&) {
    return std::nullopt;
  }
}

// The exact number or constant a name is defined as, through the names its body uses (a = 2, then
// b = a - 2 is 0), or nullopt; `depth` bounds a long chain of names.
std::optional<Expr> exact_constant(const Definitions& defs, const Definitions::Variable& v, int depth = 16) {
  std::optional<Expr> body = body_as_written(v);
  if (!body || depth == 0) return std::nullopt;
  std::unordered_map<Expr, Expr> values;
  for (Expr s : free_symbols(*body)) {
    const Definitions::Variable* used = defs.variable(s.name());
    std::optional<Expr> value = used && used != &v ? exact_constant(defs, *used, depth - 1) : std::nullopt;
    if (!value) return std::nullopt;
    values.emplace(s, *value);
  }
  if (values.empty()) return *body;
  try {
    return substitute(*body, values);
  } catch (const MathError&) {  // (no value: that name's own definition was refused)
    return std::nullopt;
  } catch (const LimitError&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> Session::without_value(const std::string& name) const {
  const Definitions::Variable* v = defs_->variable(name);
  std::optional<Expr> body = v ? body_as_written(*v) : std::nullopt;
  if (!body) return std::nullopt;
  bool const dropped_exact = std::none_of(v->dropped.begin(), v->dropped.end(), [](Expr part) { return has_float(part); });
  std::unordered_map<Expr, Expr> constants;
  std::string where;  // " (a = 2)"
  for (Expr s : v->symbols)
    if (const Definitions::Variable* used = defs_->variable(s.name()); used && used != v)
      if (std::optional<Expr> value = exact_constant(*defs_, *used)) {
        constants.emplace(s, *value);
        // (a decimal as it was typed: z = 0.1 - 1e-30, not its double 0.1 nor the fraction)
        const Definitions::Reading* typed = defs_->reading(s.name());
        where += (where.empty() ? " (" : ", ") + (has_float(used->body) && typed && !typed->statement.empty()
                                                      ? typed->statement
                                                      : s.name() + " = " + text(*value));
      }
  if (constants.empty()) return std::nullopt;
  try {
    substitute(*body, constants);
    if (dropped_exact)
      for (Expr part : v->dropped) substitute(part, constants);
  } catch (const MathError& e) {
    return std::string(e.what()) + where + ")";
  } catch (const LimitError&) {  // (too large to work out exactly: the uses will say)
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
  bool const a_number = v && exact_constant(*defs_, *v);
  if (!(a_number && defs_->is_used(sym(defined))) && !defs_->is_read(defined)) return std::nullopt;
  // (the names that use it, and those that use them: a = 1, b = a, c = 1/b, then a = 0; and those
  // read through it, which follow_changes read again: a = 0.1, w = d/dx (a x), v = 1/(w - 0.2),
  // then a = 0.2, or h(t) = t + 1, w = h(0), v = 1/w, then h(t) = t)
  auto reads = [&](const std::string& user, const Definitions::Variable& body, const std::string& name) {
    if (std::find(body.symbols.begin(), body.symbols.end(), sym(name)) != body.symbols.end()) return true;
    const Definitions::Reading* r = defs_->reading(user);
    return r && std::find(r->names.begin(), r->names.end(), name) != r->names.end();
  };
  std::vector<std::string> changed{defined};
  NameSet seen{defined};
  auto const variables = defs_->variables();  // (once: each call lists and sorts every name)
  for (std::size_t next = 0; next < changed.size() && next < 64; ++next)
    for (const auto& [other, used] : variables)
      if (reads(other, *used, changed[next]) && seen.insert(other).second) {
        if (auto why = without_value(other))
          return "this leaves " + as_typed(other) + " without a value: " + *why + "; the old definitions stay (:clear " + other +
                 " first, or define it again after)";
        if (exact_constant(*defs_, *used)) changed.push_back(other);
      }
  return std::nullopt;
}

}  // namespace ddx
