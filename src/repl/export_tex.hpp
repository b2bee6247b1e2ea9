// SPDX-License-Identifier: GPL-3.0-or-later
// `:export FILE.tex`: a standalone amsmath document with every answered statement of the
// session and every definition, one align* each: the question as mathematics (question_tex.hpp), `=` and the answer;
// a chain or the steps of a derivative row by row. Lines that would run past the margin break
// between terms, continuation rows indented under the answer (tex_measure.hpp).
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eval/result.hpp"
#include "eval/result_exprs.hpp"
#include "repl/definitions.hpp"

namespace ddx {

class TexExport {
 public:
  // Notes an answered statement with the definitions it was answered under, the answer `ans`
  // stood for then, and for a plot where it went (the session's message).
  // A matrix statement's question is not read again (the declarations it needs are not in the
  // snapshot): its answer carries it.
  void record(std::string input, DefinitionsSnapshot definitions, const eval::Result& answer,
              std::optional<eval::Value> previous, std::string plot_place = {}, bool matrix_statement = false);
  // Notes the definition of `name` (a variable or a function), as the snapshot taken after it holds it.
  void record_definition(std::string name, DefinitionsSnapshot definitions);
  std::size_t size() const { return entries_.size(); }
  // The whole document (checks for Ctrl-C as it renders).
  std::string document() const;
  // Every expression the kept entries hold, and the definitions their snapshots see (for the
  // session's reclamation of nodes).
  void for_each_expr(const eval::ExprVisitor& visit) const;

  // Only the latest entries are kept, so that a long batch's memory stays bounded; a document of
  // more would not typeset anyway. The document says how many earlier ones it leaves out.
  static constexpr std::size_t kept_entries = 10000;

 private:
  // The question and the answer are rendered only when a document is written: a batch of 100k
  // lines must not pay for (and hold) the LaTeX of every statement it never exports. The
  // session marks the entries' expressions before nodes are reclaimed (for_each_expr), and the
  // definitions are a snapshot, so both keep.
  // Everything of an answer beyond a plain expression.
  struct Whole {
    eval::Result answer;
    std::optional<eval::Value> previous;  // what `ans` meant in the question
    std::string plot_place;               // a plot: "plot written to FILE.svg", or the drawing
    bool matrix_statement = false;        // a statement on declared vectors and matrices
  };
  // Nearly every answer of a long batch is a plain expression (and `ans` one, or nothing): such an
  // entry keeps those two expressions, about a fifth of what a whole Result takes.
  struct Entry {
    std::string input;                // the statement as typed: its question; a definition: the name defined
    DefinitionsSnapshot definitions;  // what the question's names meant then
    bool definition = false;
    Expr plain_answer;                   // when `whole` is null
    std::optional<Expr> plain_previous;  // when `whole` is null
    std::unique_ptr<const Whole> whole;
  };
  void keep_latest();
  std::deque<Entry> entries_;  // a deque: the oldest entry leaves from the front
  std::size_t left_out_ = 0;   // entries dropped for kept_entries
};

}  // namespace ddx
