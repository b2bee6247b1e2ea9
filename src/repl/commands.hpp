// SPDX-License-Identifier: GPL-3.0-or-later
// The `:commands` of the REPL, one table: name, arguments, help line and what it does. Help,
// completion and the man page read it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "repl/session.hpp"

namespace ddx {

struct Command {
  std::string_view name;       // without the colon
  std::string_view arguments;  // "FMT", "[NAME]", "on|off"
  std::string_view help;       // one line
  Outcome (*run)(Session& session, const std::string& args);
  std::size_t most_words;      // more is an error (:clear b a cleared b alone, and said nothing)
};

const std::vector<Command>& commands();
// The command `name` (or one of the spellings of quit: q, exit), or nullptr.
const Command* find_command(std::string_view name);
// How many words `args` holds (separated by blanks).
std::size_t word_count(const std::string& args);
// Where word `index` (from 0) of the blank-separated words from byte `from` of `line` begins
// (the line's end when there are fewer): an extra argument's column.
std::size_t word_start(std::string_view line, std::size_t from, std::size_t index);

}  // namespace ddx
