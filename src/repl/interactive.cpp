// SPDX-License-Identifier: GPL-3.0-or-later
// The interactive loop (see interactive.hpp). Only the front end's loop lives here: the session
// evaluates, terminal.cpp handles signals and colour, readline_reader.cpp reads keys.
#include "repl/interactive.hpp"

#include <iostream>

#include "repl/terminal.hpp"

namespace ddx {
namespace {

std::string without_comment(const std::string& line) { return line.substr(0, line.find('#')); }

}  // namespace

void join_continuation(std::string& logical, const std::string& next) {
  std::string code = without_comment(logical);
  while (!code.empty() && (code.back() == ' ' || code.back() == '\t' || code.back() == '\r')) code.pop_back();
  if (!code.empty() && code.back() == '\\') code.pop_back();
  logical = code + next;
}

void run_interactive(Session& session, LineReader& reader, const RunLine& run_line) {
  std::size_t number = 0;
  while (!session.quit_requested()) {
    std::cout.flush();  // readline writes through C stdio; our answers must come first
    std::optional<std::string> line = reader.read(false);
    if (!line) {
      if (reader.cancelled()) continue;
      std::cout << '\n';  // Ctrl-D: leave the shell's prompt on a line of its own
      break;
    }
    ++number;
    bool complete = true;
    while (needs_continuation(*line)) {
      std::cout.flush();
      std::optional<std::string> more = reader.read(true);
      if (!more) {
        complete = false;
        if (!reader.cancelled()) std::cout << '\n';
        break;
      }
      ++number;
      join_continuation(*line, *more);
    }
    if (!complete) {
      if (reader.cancelled()) continue;  // Ctrl-C drops the whole unfinished statement
      break;                             // Ctrl-D in the middle of one ends the session
    }
    run_line(*line, number);  // brackets the computation for Ctrl-C itself
    std::cout.flush();
  }
}

}  // namespace ddx
