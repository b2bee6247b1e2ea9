// SPDX-License-Identifier: GPL-3.0-or-later
// `:export FILE.tex` (SPEC §9): a standalone amsmath document with every answered statement of
// the session, question `&=` answer, one align* each. The question is LaTeX too where ddx can say
// it honestly (derivative operators over their operand), else the input in typewriter type.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "repl/definitions.hpp"
#include "repl/session.hpp"

namespace ddx {

class TexExport {
 public:
  // Notes an answered statement with the definitions it was answered under (Session::snapshot()).
  void record(const Outcome& o, DefinitionsSnapshot definitions);
  // Handles a line that is exactly `:export FILE`: writes the document and says so (or fails).
  // nullopt for every other line.
  std::optional<Outcome> handle(std::string_view line) const;
  std::string document() const;

 private:
  // The question and the answer are rendered only when a document is written: a batch of 100k
  // lines must not pay for (and hold) the LaTeX of every statement it never exports. Exprs are
  // immortal and the definitions a snapshot, so both keep.
  struct Entry {
    std::string input;                // the statement as typed: its question
    DefinitionsSnapshot definitions;  // what the question's names meant then
    grammar::Value value;             // the answer
  };
  std::vector<Entry> entries_;
};

// The statement `input` as LaTeX: `\frac{d}{dx} \left(3 x + 4\right)^{2}` for derivative
// operators, `\frac{dy}{dx}` for Leibniz forms, else the input as escaped typewriter text.
std::string question_latex(std::string_view input, const grammar::NameScope& scope);
// `\text{\texttt{...}}` with LaTeX's special characters escaped and symbols in math mode.
std::string latex_texttt(std::string_view input);

}  // namespace ddx
