// SPDX-License-Identifier: GPL-3.0-or-later
// The versioned definitions (see definitions.hpp). Each name's changes are in version order, so
// the name at version v is the last change at or before v.
#include "repl/definitions.hpp"

#include <algorithm>
#include <unordered_map>

#include "calculus/eval.hpp"

namespace ddx {

const Definitions::Change* Definitions::at(std::string_view name, Version v) const {
  auto it = history_.find(name);
  if (it == history_.end()) return nullptr;
  const std::deque<Change>& changes = it->second;
  auto after = std::upper_bound(changes.begin(), changes.end(), v, [](Version x, const Change& c) { return x < c.version; });
  return after == changes.begin() ? nullptr : &*(after - 1);
}

void Definitions::change(const std::string& name, Change c) {
  c.version = ++version_;
  history_[name].push_back(std::move(c));
}

void Definitions::define_variable(const std::string& name, Expr body) {
  const Variable* old = variable(name);
  change(name, {0, Variable{body, old ? old->order : next_order_++}, std::nullopt});
}

void Definitions::define_function(const std::string& name, grammar::FunctionDefinition def) {
  change(name, {0, std::nullopt, std::move(def)});
}

bool Definitions::erase(std::string_view name) {
  if (!variable(name) && !function(name, version_)) return false;
  change(std::string(name), {0, std::nullopt, std::nullopt});
  return true;
}

void Definitions::clear() {
  for (const auto& [name, v] : variables()) change(name, {0, std::nullopt, std::nullopt});
  for (const auto& [name, f] : functions()) change(name, {0, std::nullopt, std::nullopt});
}

const Definitions::Variable* Definitions::variable(std::string_view name, Version v) const {
  const Change* c = at(name, v);
  return c && c->variable ? &*c->variable : nullptr;
}

const grammar::FunctionDefinition* Definitions::function(std::string_view name, Version v) const {
  const Change* c = at(name, v);
  return c && c->function ? &*c->function : nullptr;
}

std::optional<Expr> Definitions::body(std::string_view name, Version v) const {
  const Variable* var = variable(name, v);
  return var ? std::optional<Expr>(var->body) : std::nullopt;
}

std::optional<Expr> Definitions::value(std::string_view name, Version v) const {
  const Variable* var = variable(name, v);
  if (!var) return std::nullopt;
  std::unordered_map<Expr, Expr> s;
  for (Expr sym : free_symbols(var->body))
    if (auto inner = value(sym.name(), v)) s.emplace(sym, *inner);
  return s.empty() ? var->body : substitute(var->body, s);
}

std::vector<std::pair<std::string, const Definitions::Variable*>> Definitions::variables() const {
  std::vector<std::pair<std::string, const Variable*>> out;
  for (const auto& [name, changes] : history_)
    if (changes.back().variable) out.emplace_back(name, &*changes.back().variable);
  return out;
}

std::vector<std::pair<std::string, const grammar::FunctionDefinition*>> Definitions::functions() const {
  std::vector<std::pair<std::string, const grammar::FunctionDefinition*>> out;
  for (const auto& [name, changes] : history_)
    if (changes.back().function) out.emplace_back(name, &*changes.back().function);
  return out;
}

}  // namespace ddx
