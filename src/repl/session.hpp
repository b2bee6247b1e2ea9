// SPDX-License-Identifier: GPL-3.0-or-later
// Session: all state of one ddx run (definitions, `ans`, settings, the answers `:export`
// writes) and the evaluation of input lines into outcomes: parse (grammar), resolve names
// (resolve), evaluate (eval). Does no I/O: front ends print what it returns (render.hpp).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dropped.hpp"
#include "eval/context.hpp"
#include "eval/result.hpp"
#include "grammar/parse.hpp"
#include "matrix/declarations.hpp"
#include "print/print.hpp"
#include "repl/definitions.hpp"
#include "repl/export_tex.hpp"
#include "resolve/request.hpp"
#include "resolve/scope.hpp"

namespace ddx {

// What one statement produced.
struct Outcome {
  enum class Kind { Answer, Defined, Message, Error } kind = Kind::Answer;
  std::string input;        // the statement as typed
  eval::Result result;      // Answer
  std::string message;      // Defined: the name; Message: command output; Error: the error text
  std::size_t column = 0;   // Error: 1-based code-point column in the line (0 when not positional)
  bool matrix = false;      // Answer: of a statement about declared vectors and matrices
  // The format in effect once the statement ran: x^2; :format latex prints x^2 as text (a line's
  // answers are printed after all its statements ran).
  print::Format format = print::Format::Text;
};

class Session : public resolve::Scope, public eval::Context {
 public:
  // Evaluates one logical line (statements separated by ';'). A failed statement changes nothing.
  std::vector<Outcome> eval_line(std::string_view line);
  // Frees the expression nodes nothing the session keeps (definitions, `ans`, the answers
  // :export keeps, declarations) can reach any more, once there are three times as many nodes as
  // the last time: a long session's memory is bounded by what it still holds. Call it between lines,
  // when no Outcome is held any more; `every_line` collects whatever the count (tests).
  void reclaim_memory(bool every_line = false);

  print::Format format() const { return format_; }
  void set_format(print::Format f) { format_ = f; }
  bool quit_requested() const { return quit_; }
  void request_quit() { quit_ = true; }
  bool steps() const { return steps_; }
  void set_steps(bool on) { steps_ = on; }
  void set_denominator_layout(bool on) { denominator_layout_ = on; }
  const std::string& plot_to() const { return plot_to_; }
  // Plots go to PATH, then PATH-2.svg, PATH-3.svg, ... (each named as it is written).
  void set_plot_to(std::string path) {
    plot_to_ = std::move(path);
    plots_written_ = 0;
  }
  // Where plots go: a terminal (with colour or not) or, when neither, nowhere but an SVG file.
  void set_terminal(bool terminal, bool color) {
    terminal_ = terminal;
    color_ = color;
  }
  Definitions& definitions() { return *defs_; }
  const Definitions& definitions() const { return *defs_; }
  // The declared vectors and matrices (`x in R^n`).
  matrix::Declarations& declarations() { return declarations_; }
  const TexExport& tex_export() const { return tex_export_; }

  // Names for completion: defined variables and functions.
  std::vector<std::string> defined_names() const;
  // The definitions as they stand now, frozen (a pointer copy): later statements do not change it.
  DefinitionsSnapshot snapshot() const { return DefinitionsSnapshot(defs_, denominator_layout_); }

  // resolve::Scope
  bool is_variable(std::string_view name) const override;
  const resolve::FunctionDefinition* function(std::string_view name) const override;
  bool is_procedure(std::string_view name) const override;
  void calls_abstract(std::string_view name) const override { note_read(name); }
  // eval::Context
  std::optional<Expr> definition(std::string_view name) const override;
  std::optional<VariableView> variable_view(std::string_view name) const override;
  bool has_definitions() const override;
  std::optional<eval::Value> answer() const override;
  std::span<const Expr> answer_dropped() const override { return ans_dropped_; }
  std::span<const IndexCondition> answer_conditions() const override { return ans_conditions_; }
  const std::optional<ExactForm>& answer_exactly() const { return ans_exact_; }
  bool denominator_layout() const override { return denominator_layout_; }
  std::string text(Expr e) const override;
  void holds_for_derivative(std::string_view name, std::vector<std::string> read) const override {
    statement_held_.emplace_back(std::string(name), std::move(read));
  }
  bool statement_reads_decimals() const override;
  bool statement_lost_part_to_decimal_zero() const override;

 private:
  // Runs s; its syntax tree is released once resolved (only its spans are used after that).
  Outcome run(grammar::Statement& s, std::string_view line);
  // `lost`: what the body lost as it was read (core/dropped.hpp), kept with the definition.
  std::optional<Outcome> answer_beyond_doubles(const grammar::Statement& s, const std::string& input, std::string_view body,
                                               const std::vector<std::string>& params);
  void refuse_pole_rounded_past(Expr body, const resolve::Term& read, const std::string& input);
  Outcome define(const resolve::Request& r, std::string input, std::string_view line, const ConditionLog& conditions,
                 std::vector<Expr>& lost);
  // `lost`: what the statement lost as it was read, kept for `ans`.
  Outcome answer(const resolve::Request& request, std::string& input, ConditionLog& conditions, std::vector<Expr>& lost);
  Outcome draw(Outcome o);
  // A line that does not parse whole: its `;` statements each on its own, or its error.
  std::vector<Outcome> eval_unparsed_line(std::string_view line, const grammar::ParseOutcome& parsed);
  Outcome declare(std::string_view line);
  Outcome run_matrix(const grammar::Statement& s, std::string input, std::string_view line);
  std::optional<std::string> cycle_through(std::string_view name, std::span<const Expr> used,
                                           std::span<const std::string> read) const;
  // The definition being read takes the value of `name` (Definitions::Reading).
  void note_read(std::string_view name) const {
    if (reading_) reading_->names.emplace_back(name);
  }
  // Runs `check` with no names noted: a check of a body's decimals takes the names' values, where
  // the body keeps the names themselves (and follows them without being read again).
  template <class Check>
  auto unnoted(Check&& check) {
    struct Paused {
      std::optional<Definitions::Reading>& reading;
      std::optional<Definitions::Reading> saved = std::exchange(reading, std::nullopt);
      ~Paused() { reading = std::move(saved); }
    } paused{reading_};
    return check();
  }
  void note_read_through(std::string_view name) const;
  // How the definition just read was read (its statement and the names it took values from).
  // `body`: the statement's body, whose bound names (at x = 2, d/dx) undefined then are no names read.
  Definitions::Reading reading(const std::string& statement, const resolve::Term* body = nullptr);
  // Reads again the definitions whose values came from names the last statement changed
  // (repl/follow.cpp); the reason when one no longer reads or a cycle closes, and then the
  // statement must be undone. `defined`: the name the statement defined, if any.
  std::optional<std::string> follow_changes(const std::string& defined);
  std::optional<std::string> read_again(const std::string& name);
  // Names defined as exact numbers put into the definitions that use them (repl/valueless.cpp):
  // why `name`'s body would have no value so (b = 1/(a - 2) after a = 2: "division by zero (a =
  // 2)"), or nullopt; and the same of the name a statement defined and, when it is such a number,
  // of the names that use it (c = 1/a, then a = 0): then the statement must be undone.
  std::optional<std::string> without_value(const std::string& name) const;
  std::optional<std::string> left_without_value(const std::string& defined) const;

  std::shared_ptr<Definitions> defs_ = std::make_shared<Definitions>();  // shared with snapshots
  std::optional<eval::Value> ans_;
  std::vector<Expr> ans_dropped_;  // what ans's statement lost as it was read (core/dropped.hpp)
  std::vector<IndexCondition> ans_conditions_;  // where ans holds (its answer's conditions)
  std::optional<ExactForm> ans_exact_;  // ans that holds decimals, read as written (decimal_check.hpp)
  print::Format format_ = print::Format::Text;
  bool steps_ = false;
  bool denominator_layout_ = false;
  bool terminal_ = false, color_ = false;
  std::string plot_to_;  // `:plot-to FILE.svg`
  int plots_written_ = 0;  // since :plot-to
  bool quit_ = false;
  TexExport tex_export_;
  matrix::Declarations declarations_;
  std::size_t nodes_after_reclaim_ = 0;
  // While a definition is read: the names it takes values from (note_read).
  mutable std::optional<Definitions::Reading> reading_;
  // The defined names the statement has held for a derivative by them, each with the names the
  // derivative's operand reads (eval::Context::holds_for_derivative).
  mutable std::vector<std::pair<std::string, std::vector<std::string>>> statement_held_;
  // (eval::Context::statement_reads_decimals: the running statement's text, and whether it read a
  // definition whose body held decimals; asked only of a few procedures, while it runs)
  std::string_view statement_text_;
  mutable bool statement_reads_decimals_ = false;
  // (eval::Context::statement_lost_part_to_decimal_zero: the count when the statement began, and
  // whether it read a definition that lost one)
  std::uint64_t decimal_zero_parts_before_ = 0;
  mutable bool statement_read_decimal_zero_loss_ = false;
  // A definition read, its reading's loss to a decimal zero noted as the statement's (looked up
  // only once a definition has lost one: every name read asks).
  void note_decimal_zero_loss_of(std::string_view name) const {
    if (!statement_read_decimal_zero_loss_ && ever_lost_to_decimal_zero()) note_decimal_zero_loss_looked_up(name);
  }
  bool ever_lost_to_decimal_zero() const;
  void note_decimal_zero_loss_looked_up(std::string_view name) const;
  // Refuses a statement that differentiated by a defined name whose value a definition its
  // operand read took (took_value_of): the derivative there would be 0, silently.
  void refuse_derivative_past_taken_values() const {
    if (!statement_held_.empty()) refuse_derivative_past_taken_values_held();
  }
  void refuse_derivative_past_taken_values_held() const;
  // A definition reached from the names `read` (through bodies and readings) whose body took the
  // value of the defined name `name` as it was read (a function's body, or a definition through
  // an `at`, a derivative or a sum): a derivative by that name cannot see it there.
  std::optional<std::string> took_value_of(std::string_view name, std::span<const std::string> read) const;
  // Whether the definition of `definition`, read again with `name` held as a symbol, is what it
  // is (repl/held_reading.cpp); false where it does not read so.
  bool reads_alike_held(std::string_view definition, std::string_view name) const;
  // The count of double underflows when the statement began (core/float_underflow.hpp).
  std::uint64_t underflows_before_ = 0;
  // Refuses an answer or a definition during whose statement doubles underflowed, unless the
  // statement was `checked`: read again with its decimals exact.
  void refuse_unchecked_underflow(bool checked) const;
};

}  // namespace ddx
