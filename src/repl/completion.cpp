// SPDX-License-Identifier: GPL-3.0-or-later
// Tab completion from the tables (see completion.hpp).
#include "repl/completion.hpp"

#include <algorithm>
#include <sstream>

#include "core/functions.hpp"
#include "eval/procedures.hpp"
#include "print/print.hpp"
#include "repl/commands.hpp"
#include "repl/help.hpp"
#include "repl/session.hpp"

namespace ddx {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::vector<std::string> command_names() {
  std::vector<std::string> out;
  for (const Command& c : commands()) out.push_back(":" + std::string(c.name));
  return out;
}

// The words a command takes after its name, given the words already typed after it.
std::vector<std::string> argument_words(const std::string& command, const std::vector<std::string>& typed,
                                        const Session& session) {
  if (command == ":format" && typed.empty()) {
    std::vector<std::string> out;
    for (std::string_view f : print::format_names()) out.emplace_back(f);
    return out;
  }
  if (command == ":help" && typed.empty()) return words_of(help_topics);
  if (command == ":steps" && typed.empty()) return {"on", "off"};
  if (command == ":set" && typed.empty()) return {"layout"};
  if (command == ":set" && typed.size() == 1 && typed[0] == "layout") return {"numerator", "denominator"};
  if (command == ":clear" && typed.empty()) return session.defined_names();
  return {};
}

}  // namespace

Completion complete_word(std::string_view before, std::string_view word, const Session& session) {
  Completion c;
  std::vector<std::string> pool;
  std::vector<std::string> typed = words_of(before);
  bool command_line = !typed.empty() ? typed[0].starts_with(':') : word.starts_with(':');
  if (command_line && typed.empty()) {
    pool = command_names();
  } else if (command_line) {
    std::string command = typed[0];
    if (command == ":export" || command == ":plot-to") {
      c.file_names = true;
      return c;
    }
    pool = argument_words(command, std::vector<std::string>(typed.begin() + 1, typed.end()), session);
  } else {
    pool = builtin_function_names();
    for (const eval::Procedure& p : eval::procedures()) pool.emplace_back(p.name);
    for (const std::string& n : session.defined_names()) pool.push_back(n);
    for (const std::string& n : command_names()) pool.push_back(n);
  }
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  for (std::string& n : pool)
    if (n.starts_with(word)) c.candidates.push_back(std::move(n));
  return c;
}

const char* word_breaks(std::string_view line) {
  std::size_t first = line.find_first_not_of(" \t");
  if (first != std::string_view::npos && line[first] == ':') return " \t\n";
  return " \t\n()[],;+-*/^=";
}

}  // namespace ddx
