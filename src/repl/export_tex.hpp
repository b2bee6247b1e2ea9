// SPDX-License-Identifier: GPL-3.0-or-later
// `:export FILE.tex`: a standalone amsmath document with every answered statement of the
// session, question `&=` answer, one align* each. The question is LaTeX too where ddx can say it
// honestly (derivative operators over their operand, Leibniz forms), else the input in
// typewriter type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eval/result.hpp"
#include "repl/definitions.hpp"

namespace ddx {

class TexExport {
 public:
  // Notes an answered statement with the definitions it was answered under.
  // A matrix statement's question is not read again (the declarations it needs are not in the
  // snapshot): its answer carries it.
  void record(std::string input, DefinitionsSnapshot definitions, eval::Result answer, bool matrix_statement = false);
  std::size_t size() const { return entries_.size(); }
  // The whole document (checks for Ctrl-C as it renders).
  std::string document() const;

 private:
  // The question and the answer are rendered only when a document is written: a batch of 100k
  // lines must not pay for (and hold) the LaTeX of every statement it never exports. Exprs are
  // immortal and the definitions a snapshot, so both keep.
  struct Entry {
    std::string input;                // the statement as typed: its question
    DefinitionsSnapshot definitions;  // what the question's names meant then
    eval::Result answer;
    bool matrix_statement = false;
  };
  std::vector<Entry> entries_;
};

// The statement `input` as LaTeX: `\frac{d}{dx} \left(3 x + 4\right)^{2}` for derivative
// operators, `\frac{dy}{dx}` for Leibniz forms, else the input as escaped typewriter text.
std::string question_latex(std::string_view input, const DefinitionsSnapshot& definitions);
// `\text{\texttt{...}}` with LaTeX's special characters escaped and symbols in math mode.
std::string latex_texttt(std::string_view input);

}  // namespace ddx
