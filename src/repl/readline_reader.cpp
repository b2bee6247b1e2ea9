// SPDX-License-Identifier: GPL-3.0-or-later
// The interactive line reader: GNU Readline, history file, tab completion. The only file that
// includes readline (GPL); the session and everything below it never see it.
#include <readline/history.h>
#include <readline/readline.h>
#include <sys/stat.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "repl/line_reader.hpp"

namespace ddx {
namespace {

Completer g_names;

std::string history_path() {
  const char* state = std::getenv("XDG_STATE_HOME");
  std::string base;
  if (state && *state) {
    base = state;
  } else {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return {};
    base = std::string(home) + "/.local/state";
  }
  return base + "/ddx/history";
}

char* completion_generator(const char* text, int state) {
  static std::vector<std::string> matches;
  static std::size_t next = 0;
  if (state == 0) {
    matches.clear();
    next = 0;
    std::size_t len = std::strlen(text);
    for (const std::string& n : g_names())
      if (n.compare(0, len, text) == 0) matches.push_back(n);
  }
  if (next < matches.size()) return strdup(matches[next++].c_str());
  return nullptr;
}

char** complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  return rl_completion_matches(text, completion_generator);
}

class ReadlineReader : public LineReader {
 public:
  ReadlineReader() {
    rl_readline_name = "ddx";
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = const_cast<char*>(" \t\n()[],;+-*/^=");
    path_ = history_path();
    if (!path_.empty()) {
      std::error_code ec;
      std::filesystem::path dir = std::filesystem::path(path_).parent_path();
      std::filesystem::create_directories(dir, ec);
      ::chmod(dir.c_str(), 0700);
      read_history(path_.c_str());
    }
    stifle_history(1000);
  }
  ~ReadlineReader() override {
    if (!path_.empty()) {
      write_history(path_.c_str());
      ::chmod(path_.c_str(), 0600);
    }
  }
  std::optional<std::string> read(bool continuation) override {
    char* raw = readline(continuation ? "...  " : "ddx> ");
    if (!raw) return std::nullopt;
    std::string line(raw);
    std::free(raw);
    if (!line.empty()) {
      HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
      if (!last || line != last->line) add_history(line.c_str());
    }
    return line;
  }

 private:
  std::string path_;
};

}  // namespace

std::unique_ptr<LineReader> make_readline_reader(Completer names) {
  g_names = std::move(names);
  return std::make_unique<ReadlineReader>();
}

}  // namespace ddx
