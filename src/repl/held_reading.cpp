// SPDX-License-Identifier: GPL-3.0-or-later
// A definition that took a name's value as it was read (a function's body, a definition through
// `at`, a derivative or a sum), read again with that name held as a symbol: whether it reads the
// same. A derivative by the name is taken through one that does (after k = 2 and
// Q = d/dx (x^2 + k), Q is 2x whatever k is, and d/dk Q is 0) and refused through one that does
// not (its derivative there would miss what the value stands for: after a = 5,
// k = (a at x = 1) - a is 5 - a, whose derivative by a is -1 where k is 0 whatever a is).

#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "eval/statement.hpp"
#include "grammar/parse.hpp"
#include "repl/session.hpp"
#include "resolve/resolve.hpp"

namespace ddx {
namespace {

// The session's definitions as they are now, one name hidden: read as a symbol of its own.
class HoldingName final : public resolve::Scope, public eval::Context {
 public:
  HoldingName(const DefinitionsSnapshot& defined, std::string_view held) : defined_(defined), held_(held) {}
  // resolve::Scope
  bool is_variable(std::string_view name) const override { return name != held_ && defined_.is_variable(name); }
  const resolve::FunctionDefinition* function(std::string_view name) const override { return defined_.function(name); }
  bool is_procedure(std::string_view name) const override { return defined_.is_procedure(name); }
  // eval::Context (nothing noted: a derivative inside is the definition's, read as it was)
  std::optional<Expr> definition(std::string_view name) const override {
    return name == held_ ? std::nullopt : defined_.definition(name);
  }
  std::optional<VariableView> variable_view(std::string_view name) const override {
    return name == held_ ? std::nullopt : defined_.variable_view(name);
  }
  bool has_definitions() const override { return true; }
  std::optional<eval::Value> answer() const override { return std::nullopt; }
  bool denominator_layout() const override { return defined_.denominator_layout(); }
  std::string text(Expr e) const override { return defined_.text(e); }

 private:
  const DefinitionsSnapshot& defined_;
  std::string_view held_;
};

}  // namespace

bool Session::reads_alike_held(std::string_view definition, std::string_view name) const {
  const Definitions::Reading* reading = defs_->reading(definition);
  if (!reading) return false;
  grammar::ParseOutcome parsed = grammar::parse_line(reading->statement);
  if (!parsed.ok() || parsed.statements.size() != 1) return false;
  DefinitionsSnapshot const now = snapshot();
  HoldingName const holding(now, name);
  NotingPaused not_this_statements_parts;
  try {
    resolve::Request const again = resolve::resolve(parsed.statements.front(), holding);
    if (again.kind == resolve::RequestKind::FunctionDefinition) {
      const resolve::FunctionDefinition* stored = defs_->function(definition, defs_->version());
      return stored && stored->params == again.params && stored->body == eval::function_body(again.body, again.params, holding);
    }
    if (again.kind == resolve::RequestKind::Definition) {
      const Definitions::Variable* stored = defs_->variable(definition);
      return stored && stored->body == eval::definition_body(again.body, holding);
    }
    return false;
  } catch (const Interrupted&) {
    throw;
  } catch (...) {  // (it does not read so: as it was read, it took the value)
    return false;
  }
}

}  // namespace ddx
