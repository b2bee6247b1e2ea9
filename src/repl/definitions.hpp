// SPDX-License-Identifier: GPL-3.0-or-later
// A session's definitions (`u = 2x + 1`, `f(t) = t^2`), kept as an append-only history of
// versions: a snapshot is a pointer and a version number, so `:export` can keep, for every answer,
// the definitions it was given under, and render the question only if a document is ever written.
// (A copy-on-write map would copy every definition at each redefinition a snapshot still sees:
// quadratic for a script that alternates definitions and questions.)
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "eval/context.hpp"
#include "resolve/scope.hpp"
#include "support/by_name.hpp"

namespace ddx {

class Definitions {
 public:
  using Version = std::size_t;
  // How a definition was read: its statement, and the names whose values went into its body
  // (functions it calls, defined or abstract; names a derivative, `at` or sum read through; any
  // name a function's body holds). When one of them changes the body is stale, and the session
  // reads the statement again (repl/follow.cpp): `h(t) = t^2`, `q = h(x)`, `h(t) = t^3` makes q x^3.
  struct Reading {
    std::string statement;
    std::vector<std::string> names;
    // A decimal zero took a part that varies out of the body, or out of a definition it read
    // (core/dropped.hpp: note_decimal_zero_took_part). (No initializer here, where one would keep
    // `Reading reading = {}` below from compiling: every Reading is value-initialized.)
    bool decimal_zero_took_part;
  };
  struct Variable {
    Expr body;          // as written, defined names kept as symbols
    std::size_t order;  // when the name was first defined, for :vars
    std::vector<Expr> symbols;  // symbols_used(body, dropped): asked at every use of the name
    std::vector<Expr> dropped;  // what simplification took out of the body as it was read
    // A body that holds decimals, with each a symbol for the exact number it is written as
    // (core/decimal_answer.hpp): `c = 0.1`, then `c + 0.2 - 0.3` is checked as 1/10 + 1/5 - 3/10.
    std::optional<ExactForm> exact;
    // Those of `symbols` that are defined variables at version `defined_at` (a use asks which
    // to substitute; a body of a thousand symbols was a thousand lookups each time). Statements
    // run one at a time, so a const lookup may fill it.
    mutable std::optional<Version> defined_at;
    mutable std::vector<Expr> defined;
  };

  Version version() const { return version_; }
  // Whether a definition with an exact form (a body that held decimals) was ever made.
  bool ever_held_decimals() const { return ever_held_decimals_; }
  // Whether a definition whose reading lost a part to a decimal zero was ever made.
  bool ever_lost_to_decimal_zero() const { return ever_lost_to_decimal_zero_; }
  // Whether any variable is defined now.
  bool has_variables() const { return live_variables_ > 0; }
  // Whether the body of some variable defined now uses `symbol` (only then can defining that
  // name close a cycle through other definitions).
  bool is_used(Expr symbol) const { return uses_.contains(symbol); }

  // The names a variable's body uses: its free symbols, and those of what the body lost as it
  // was read (c = c - c is 0 but needs c: a cycle, which crashed when c was used).
  static std::vector<Expr> symbols_used(Expr body, std::span<const Expr> dropped);

  // Each change makes a new version; a name is a variable, a function or undefined at a time.
  // Keeps its :vars place when redefined. `dropped`: what the body lost as it was read.
  void define_variable(const std::string& name, Expr body, std::vector<Expr> dropped = {},
                       std::optional<ExactForm> exact = std::nullopt, Reading reading = {});
  void define_function(const std::string& name, resolve::FunctionDefinition def, Reading reading = {});
  bool erase(std::string_view name);  // false (and no change) when the name is not defined
  void clear();
  // Undoes every change made after version v (a statement that failed once it had defined).
  void roll_back(Version v);

  // Whether some definition made now was read through `name` (only then can changing it leave
  // a body stale).
  bool is_read(std::string_view name) const { return readers_.contains(name); }
  // A name defined now whose body uses `name` or was read through it, or a function with a
  // parameter of that name, if any.
  std::optional<std::string> user_of(std::string_view name) const;
  // The names defined now whose bodies were read through a name changed since, oldest first.
  std::vector<std::string> stale() const;
  // The names changed (defined, redefined or undefined) since the last call: a statement's changes.
  std::vector<std::string> take_changed() { return std::exchange(changed_, {}); }
  // How the name's definition now was read, or nullptr.
  const Reading* reading(std::string_view name) const;

  // The name as it was at version v (default: now).
  const Variable* variable(std::string_view name) const { return variable(name, version_); }
  const Variable* variable(std::string_view name, Version v) const;
  const resolve::FunctionDefinition* function(std::string_view name, Version v) const;
  std::optional<Expr> body(std::string_view name, Version v) const;  // as written
  // The variable as evaluation reads it (eval::Context::VariableView), or nullopt if undefined.
  std::optional<eval::Context::VariableView> view(std::string_view name, Version v) const;

  // What is defined now, by name.
  std::vector<std::pair<std::string, const Variable*>> variables() const;
  std::vector<std::pair<std::string, const resolve::FunctionDefinition*>> functions() const;
  // Every expression of every version (snapshots may still see old ones).
  void for_each_expr(const std::function<void(Expr)>& visit) const;

 private:
  struct Change {
    Version version;
    std::optional<Variable> variable;                   // both empty: undefined from here on
    std::optional<resolve::FunctionDefinition> function;
    Reading reading;
  };
  const Change* at(std::string_view name, Version v) const;
  void change(const std::string& name, Change c);
  void count_uses(const Change& c, int by);  // uses_, readers_ and live_variables_ of a definition made or undone

  // Hashed, not ordered: every word of every statement asks it, some several times (the listings sort).
  bool ever_held_decimals_ = false;
  bool ever_lost_to_decimal_zero_ = false;
  ByName<std::deque<Change>> history_;  // deque: pointers stay valid
  Version version_ = 0;
  std::size_t live_variables_ = 0;
  std::size_t next_order_ = 0;
  std::unordered_map<Expr, std::size_t> uses_;  // symbol -> how many variables' bodies use it now
  ByName<std::size_t> readers_;  // name -> how many definitions made now were read through it
  std::vector<std::string> changed_;  // since take_changed()
};

// The names of a session at one version, frozen: what resolving and evaluating a question see of
// a session, without its `ans` (a snapshot is for re-reading questions, and `ans` has moved on).
class DefinitionsSnapshot final : public resolve::Scope, public eval::Context {
 public:
  DefinitionsSnapshot(std::shared_ptr<const Definitions> definitions, bool denominator_layout)
      : definitions_(std::move(definitions)), version_(definitions_->version()), denominator_layout_(denominator_layout) {}
  // resolve::Scope
  bool is_variable(std::string_view name) const override { return definitions_->variable(name, version_) != nullptr; }
  const resolve::FunctionDefinition* function(std::string_view name) const override {
    return definitions_->function(name, version_);
  }
  bool is_procedure(std::string_view name) const override;
  // eval::Context
  std::optional<Expr> definition(std::string_view name) const override { return definitions_->body(name, version_); }
  std::optional<VariableView> variable_view(std::string_view name) const override {
    return definitions_->view(name, version_);
  }
  bool has_definitions() const override { return true; }
  std::optional<eval::Value> answer() const override { return std::nullopt; }
  bool denominator_layout() const override { return denominator_layout_; }
  std::string text(Expr e) const override;

  const Definitions& definitions() const { return *definitions_; }

 private:
  std::shared_ptr<const Definitions> definitions_;
  Definitions::Version version_;
  bool denominator_layout_;
};

}  // namespace ddx
