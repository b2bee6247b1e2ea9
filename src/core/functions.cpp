// SPDX-License-Identifier: GPL-3.0-or-later
// The registry of functions: the built-in rows (function_table.cpp), then the abstract functions
// users apply without defining and the markers `steps` uses, looked up by name.
#include "core/functions.hpp"
#include "core/corner_sign.hpp"
#include "core/node.hpp"
#include "core/sums.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <unordered_map>

#include "support/by_name.hpp"

namespace ddx {
namespace {

struct Registry {
  std::deque<FunctionInfo> rows;  // deque: references stay valid as abstract functions are added
  ByName<FunctionId> by_name;
  std::unordered_map<std::string, FunctionId> abstract_by_key;  // "f/2"
  std::size_t builtin_count = 0;
  std::size_t abstract_count = 0;
  bool arities_differ = false;  // (abstract_arities_differ)
  Registry() {
    KeepForever permanent;  // the rows' rules hold expressions for the whole process
    for (auto& info : builtin_function_table()) {
      by_name.emplace(info.name, static_cast<FunctionId>(rows.size()));
      add(std::move(info));
    }
    builtin_count = rows.size();
  }
  // Appends a row and returns its id; function_info finds it from then on.
  FunctionId add(FunctionInfo info) {
    auto id = static_cast<FunctionId>(rows.size());
    rows.push_back(std::move(info));
    detail::function_rows.push_back(&rows.back());
    return id;
  }
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

const FunctionInfo& detail::function_info_slow(FunctionId f) { return registry().rows.at(f); }

std::optional<FunctionId> find_function(std::string_view name) {
  auto& r = registry();
  if (auto it = r.by_name.find(name); it != r.by_name.end()) return it->second;
  return std::nullopt;
}

FunctionId abstract_function(std::string_view name, int arity) {
  auto& r = registry();
  if (auto it = r.by_name.find(name); it != r.by_name.end() && !r.rows[it->second].abstract) return it->second;
  // f(x) and f(x, y) are different unknown functions that share a name.
  std::string key = std::string(name) + "/" + std::to_string(arity);
  if (auto it = r.abstract_by_key.find(key); it != r.abstract_by_key.end()) return it->second;
  if (auto it = r.by_name.find(name); it != r.by_name.end() && r.rows[it->second].abstract) r.arities_differ = true;
  FunctionInfo info;
  info.name = std::string(name);
  info.arity = arity;
  info.rule = "abstract function";
  info.abstract = true;
  FunctionId id = r.add(std::move(info));
  ++r.abstract_count;
  r.abstract_by_key.emplace(key, id);
  r.by_name.emplace(std::string(name), id);  // the first arity seen answers find_function
  return id;
}

bool abstract_arities_differ() { return registry().arities_differ; }

std::vector<FunctionId> abstract_functions_named(std::string_view name) {
  std::vector<FunctionId> named;
  for (const auto& [key, id] : registry().abstract_by_key)
    if (key.size() > name.size() && key.starts_with(name) && key[name.size()] == '/') named.push_back(id);
  std::sort(named.begin(), named.end(), [](FunctionId a, FunctionId b) { return function_info(a).arity < function_info(b).arity; });
  return named;
}

void set_abstract_params(FunctionId f, std::vector<std::string> params) {
  auto& info = registry().rows.at(f);
  if (info.abstract) info.params = std::move(params);
}

FunctionId sum_function() {
  static const FunctionId id = [] {
    auto& r = registry();
    FunctionInfo info;
    info.name = "sum";
    info.arity = 4;
    info.latex = "\\sum";
    info.rule = "sum rule";
    info.help = "a sum over an integer index: sum(E, n = A .. B)";
    info.eval = [](Args a) { return simplify_sum(a); };
    info.notation = Notation::Sum;
    return r.add(std::move(info));  // not by name: users reach it through the procedure
  }();
  return id;
}

FunctionId corner_sign_function() {
  static const FunctionId id = [] {
    auto& r = registry();
    // Not by name: what reads `sign` is the typed sign.
    FunctionId typed = r.by_name.find("sign")->second;
    FunctionId corner = r.add(corner_sign_row(r.rows[typed]));
    detail::typed_sign_id = typed, detail::corner_sign_id = corner;
    return corner;
  }();
  return id;
}

bool is_sum_function(FunctionId f) { return function_info(f).notation == Notation::Sum; }

FunctionId pending_derivative_function(const std::string& var, bool partial) {
  auto& r = registry();
  std::string key = (partial ? "∂/∂" : "d/d") + var;
  if (auto it = r.abstract_by_key.find(key); it != r.abstract_by_key.end()) return it->second;
  FunctionInfo info;
  info.name = key;
  info.arity = 1;
  info.rule = "pending derivative";
  info.abstract = true;
  info.pending = PendingDerivative{var, partial};
  FunctionId id = r.add(std::move(info));
  r.abstract_by_key.emplace(key, id);
  return id;
}

void forget_abstract_params(std::string_view name) {
  for (FunctionInfo& info : registry().rows)
    if (info.abstract && (name.empty() || info.name == name)) info.params.clear();
}

AbstractParams abstract_params() {
  const Registry& r = registry();
  AbstractParams saved;
  if (r.abstract_count == 0) return saved;  // (nearly every script: nothing to copy)
  for (std::size_t i = r.builtin_count; i < r.rows.size(); ++i) saved.push_back(r.rows[i].params);
  return saved;
}

void restore_abstract_params(const AbstractParams& saved) {
  Registry& r = registry();
  for (std::size_t i = r.builtin_count; i < r.rows.size(); ++i)
    if (r.rows[i].abstract) {
      std::size_t k = i - r.builtin_count;
      r.rows[i].params = k < saved.size() ? saved[k] : std::vector<std::string>();
    }
}

std::vector<std::string> builtin_function_names() {
  std::vector<std::string> names;
  auto& r = registry();
  for (std::size_t i = 0; i < r.builtin_count; ++i) names.push_back(r.rows[i].name);
  return names;
}

Expr call(std::string_view name, std::vector<Expr> args) {
  auto f = find_function(name);
  if (!f) throw std::logic_error("unknown built-in function " + std::string(name));
  return call(*f, std::move(args));
}
Expr sin(Expr a) { return call("sin", {a}); }
Expr cos(Expr a) { return call("cos", {a}); }
Expr tan(Expr a) { return call("tan", {a}); }
Expr log(Expr a) { return call("log", {a}); }
Expr exp(Expr a) { return call("exp", {a}); }
Expr sign(Expr a) { return call("sign", {a}); }
Expr abs(Expr a) { return call("abs", {a}); }

}  // namespace ddx
