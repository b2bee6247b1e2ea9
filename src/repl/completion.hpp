// SPDX-License-Identifier: GPL-3.0-or-later
// What Tab offers, from the line so far: after `:format` the format names, after `:help` the
// topics, after `:set`, `:steps` their words, after `:clear` the defined names, a command name at
// the start of a `:` line; elsewhere functions, procedures, defined names and commands.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ddx {

class Session;

struct Completion {
  std::vector<std::string> candidates;  // those starting with the word
  bool file_names = false;              // complete a file name instead (:export, :plot-to)
};

// `before` is the line up to the start of the word being completed; `word` is that word.
Completion complete_word(std::string_view before, std::string_view word, const Session& session);

// Where words break on a line: only at spaces on a `:` command line (:plot-to is one word),
// at operators and brackets elsewhere.
const char* word_breaks(std::string_view line);

}  // namespace ddx
