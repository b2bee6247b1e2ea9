// SPDX-License-Identifier: GPL-3.0-or-later
// The versioned definitions (see definitions.hpp). Each name's changes are in version order, so
// the name at version v is the last change at or before v.
#include "repl/definitions.hpp"

#include <algorithm>
#include <unordered_set>
#include <unordered_map>

#include "core/substitute.hpp"
#include "eval/procedures.hpp"
#include "print/print.hpp"

namespace ddx {

const Definitions::Change* Definitions::at(std::string_view name, Version v) const {
  if (history_.empty()) return nullptr;  // (most scripts define nothing: no hashing then)
  auto it = history_.find(name);
  if (it == history_.end()) return nullptr;
  const std::deque<Change>& changes = it->second;
  if (changes.back().version <= v) return &changes.back();  // (the latest change: nearly always)
  auto after = std::upper_bound(changes.begin(), changes.end(), v, [](Version x, const Change& c) { return x < c.version; });
  return after == changes.begin() ? nullptr : &*(after - 1);
}

void Definitions::count_uses(const Change& c, int by) {
  if (c.variable) {
    live_variables_ += static_cast<std::size_t>(by);
    for (Expr s : c.variable->symbols)
      if (auto use = uses_.try_emplace(s, 0).first; (use->second += static_cast<std::size_t>(by)) == 0) uses_.erase(use);
  }
  for (const std::string& n : c.reading.names)
    if (auto read = readers_.try_emplace(n, 0).first; (read->second += static_cast<std::size_t>(by)) == 0) readers_.erase(read);
}

void Definitions::change(const std::string& name, Change c) {
  if (const Change* was = at(name, version_)) count_uses(*was, -1);
  count_uses(c, 1);
  c.version = ++version_;
  history_[name].push_back(std::move(c));
  changed_.push_back(name);
}

void Definitions::define_variable(const std::string& name, Expr body, std::vector<Expr> dropped,
                                  std::optional<ExactForm> exact, Reading reading) {
  const Variable* old = variable(name);
  ever_held_decimals_ = ever_held_decimals_ || exact.has_value();
  ever_lost_to_decimal_zero_ = ever_lost_to_decimal_zero_ || reading.decimal_zero_took_part;
  std::vector<Expr> symbols = symbols_used(body, dropped);
  change(name, {0, Variable{body, old ? old->order : next_order_++, std::move(symbols), std::move(dropped), std::move(exact), std::nullopt, {}},
                std::nullopt, std::move(reading)});
}

void Definitions::roll_back(Version v) {
  for (auto it = history_.begin(); it != history_.end();) {
    std::deque<Change>& changes = it->second;
    while (!changes.empty() && changes.back().version > v) {
      count_uses(changes.back(), -1);
      changes.pop_back();
      if (!changes.empty()) count_uses(changes.back(), 1);
    }
    it = changes.empty() ? history_.erase(it) : std::next(it);
  }
  changed_.clear();
  // A new version, not v again: what was asked at the versions undone (Variable::defined_at) stays unasked.
  ++version_;
}

std::vector<std::string> Definitions::stale() const {
  std::vector<std::pair<Version, std::string>> found;
  for (const auto& [name, changes] : history_) {
    const Change& now = changes.back();
    auto changed_since = [&](const std::string& read) {  // (defined, redefined or undefined)
      auto it = history_.find(read);
      return it != history_.end() && it->second.back().version > now.version;
    };
    if (std::any_of(now.reading.names.begin(), now.reading.names.end(), changed_since)) found.emplace_back(now.version, name);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  for (auto& f : found) names.push_back(std::move(f.second));
  return names;
}

std::optional<std::string> Definitions::user_of(std::string_view name) const {
  for (const auto& [user, changes] : history_) {
    const Change& now = changes.back();
    const auto& read = now.reading.names;
    if (std::find(read.begin(), read.end(), name) != read.end()) return user;
    if (now.variable && std::find(now.variable->symbols.begin(), now.variable->symbols.end(), sym(name)) != now.variable->symbols.end())
      return user;
    // (a function's parameter too: its statement, read again, would name a declared vector)
    if (now.function && std::find(now.function->params.begin(), now.function->params.end(), sym(name)) != now.function->params.end())
      return user;
  }
  return std::nullopt;
}

const Definitions::Reading* Definitions::reading(std::string_view name) const {
  const Change* c = at(name, version_);
  return c && (c->variable || c->function) ? &c->reading : nullptr;
}

std::vector<Expr> Definitions::symbols_used(Expr body, std::span<const Expr> dropped) {
  std::vector<Expr> symbols = free_symbols(body);
  if (dropped.empty()) return symbols;
  std::unordered_set<Expr> seen(symbols.begin(), symbols.end());
  for (Expr part : dropped)
    for (Expr s : free_symbols(part))
      if (seen.insert(s).second) symbols.push_back(s);
  return symbols;
}

void Definitions::define_function(const std::string& name, resolve::FunctionDefinition def, Reading reading) {
  ever_held_decimals_ = ever_held_decimals_ || def.exact.has_value();
  ever_lost_to_decimal_zero_ = ever_lost_to_decimal_zero_ || reading.decimal_zero_took_part;
  change(name, {0, std::nullopt, std::move(def), std::move(reading)});
}

bool Definitions::erase(std::string_view name) {
  if (!variable(name) && !function(name, version_)) return false;
  change(std::string(name), {0, std::nullopt, std::nullopt, {}});
  return true;
}

void Definitions::clear() {
  for (const auto& [name, v] : variables()) change(name, {0, std::nullopt, std::nullopt, {}});
  for (const auto& [name, f] : functions()) change(name, {0, std::nullopt, std::nullopt, {}});
}

const Definitions::Variable* Definitions::variable(std::string_view name, Version v) const {
  const Change* c = at(name, v);
  return c && c->variable ? &*c->variable : nullptr;
}

const resolve::FunctionDefinition* Definitions::function(std::string_view name, Version v) const {
  const Change* c = at(name, v);
  return c && c->function ? &*c->function : nullptr;
}

std::optional<Expr> Definitions::body(std::string_view name, Version v) const {
  const Variable* var = variable(name, v);
  return var ? std::optional<Expr>(var->body) : std::nullopt;
}

std::optional<eval::Context::VariableView> Definitions::view(std::string_view name, Version v) const {
  const Variable* var = variable(name, v);
  if (!var) return std::nullopt;
  if (var->defined_at != v) {  // the symbols of the body that are themselves variables at version v
    var->defined.clear();
    for (Expr s : var->symbols)
      if (variable(s.name(), v)) var->defined.push_back(s);
    var->defined_at = v;
  }
  return eval::Context::VariableView{var->body, var->defined, var->dropped};
}

std::vector<std::pair<std::string, const Definitions::Variable*>> Definitions::variables() const {
  std::vector<std::pair<std::string, const Variable*>> out;
  for (const auto& [name, changes] : history_)
    if (changes.back().variable) out.emplace_back(name, &*changes.back().variable);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

std::vector<std::pair<std::string, const resolve::FunctionDefinition*>> Definitions::functions() const {
  std::vector<std::pair<std::string, const resolve::FunctionDefinition*>> out;
  for (const auto& [name, changes] : history_)
    if (changes.back().function) out.emplace_back(name, &*changes.back().function);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

namespace {

void visit_exact(const ExactForm& form, const std::function<void(Expr)>& visit) {
  visit(form.expr);
  for (const auto& [symbol, value] : form.decimals) visit(symbol), visit(value);
}

}  // namespace

void Definitions::for_each_expr(const std::function<void(Expr)>& visit) const {
  for (const auto& [name, changes] : history_)
    for (const Change& c : changes) {
      if (c.variable) {
        visit(c.variable->body);
        // (Not all below the body: the entries x_1, x_2, ... a sum over x_k stands for.)
        for (Expr s : c.variable->symbols) visit(s);
        for (Expr p : c.variable->dropped) visit(p);
        if (c.variable->exact) visit_exact(*c.variable->exact, visit);
      }
      if (c.function) {
        for (Expr p : c.function->params) visit(p);
        visit(c.function->body);
        for (Expr p : c.function->dropped) visit(p);
        if (c.function->exact) visit_exact(*c.function->exact, visit);  // (f(1) read swept nodes)
      }
    }
}

bool DefinitionsSnapshot::is_procedure(std::string_view name) const { return eval::find_procedure(name) != nullptr; }

std::string DefinitionsSnapshot::text(Expr e) const { return print::to_string(e, print::Format::Text); }

}  // namespace ddx
