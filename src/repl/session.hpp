// SPDX-License-Identifier: GPL-3.0-or-later
// Session: all state of one ddx run (definitions, `ans`, settings) and the evaluation of input
// lines into outcomes. Does no I/O: front ends print what it returns (render.hpp).
#pragma once

#include "core/limits.hpp"
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/lower.hpp"
#include "grammar/parse.hpp"
#include "print/print.hpp"
#include "repl/definitions.hpp"

namespace ddx {


// The printed form of an expression is a tree, and sharing in the DAG can make it exponentially
// larger than the expression itself (derivatives of x^x^x^x...): such an answer is refused
// (LimitError) before printing it would take forever.
void ensure_printable(Expr e);
// A `steps` trace prints the whole expression at every step; one that would print more terms than
// this in all is replaced by the answer alone, with a note (SPEC §8, §10).

// What one statement produced.
struct Outcome {
  enum class Kind { Answer, Defined, Message, Error } kind = Kind::Answer;
  std::string input;        // the statement as typed
  grammar::Value value;     // Answer
  std::string message;      // Defined: the name; Message: command output; Error: the error text
  std::size_t column = 0;   // Error: 1-based code-point column in the line (0 when not positional)
};

class Session : public grammar::NameScope {
 public:
  // Evaluates one logical line (statements separated by ';'). A failed statement changes nothing.
  std::vector<Outcome> eval_line(std::string_view line);

  print::Format format() const { return format_; }
  void set_format(print::Format f) { format_ = f; }
  bool quit_requested() const { return quit_; }
  bool steps() const { return steps_; }
  void set_steps(bool on) { steps_ = on; }
  // Where plots go: a terminal (with colour or not) or, when neither, nowhere but an SVG file.
  void set_terminal(bool terminal, bool color) {
    terminal_ = terminal;
    color_ = color;
  }

  // Names for completion: defined variables and functions.
  std::vector<std::string> defined_names() const;

  // NameScope
  std::optional<Expr> variable_value(std::string_view name) const override;
  const grammar::FunctionDefinition* function_definition(std::string_view name) const override;
  std::optional<grammar::Value> previous_answer() const override { return ans_; }
  std::optional<Expr> definition_body(std::string_view name) const override;
  bool denominator_layout() const override { return denominator_layout_; }

  // The definitions as they stand now, frozen (a pointer copy): later statements do not change it.
  DefinitionsSnapshot snapshot() const { return DefinitionsSnapshot(defs_, denominator_layout_); }

 private:
  Outcome run(const grammar::Statement& s, std::string_view line);
  Outcome define(const grammar::Statement& s, std::string_view line);
  Outcome command(const grammar::Statement& s);
  std::optional<grammar::Value> chain_display(const grammar::Node& body) const;
  std::optional<grammar::Value> explain(const grammar::Node& body) const;
  Outcome draw(Outcome o) const;
  std::optional<std::string> cycle_through(std::string_view name, Expr body) const;

  std::shared_ptr<Definitions> defs_ = std::make_shared<Definitions>();  // shared with snapshots
  std::optional<grammar::Value> ans_;
  print::Format format_ = print::Format::Text;
  bool steps_ = false;
  bool denominator_layout_ = false;
  bool terminal_ = false, color_ = false;
  std::string plot_to_;  // `:plot-to FILE.svg`
  bool quit_ = false;
};

}  // namespace ddx
