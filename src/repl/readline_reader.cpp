// SPDX-License-Identifier: GPL-3.0-or-later
// The interactive line reader: GNU Readline, history file, tab completion. The only file that
// includes readline (GPL); the session and everything below it never see it. Uses readline's
// callback interface so that Ctrl-C (our own SIGINT handler) can discard the typed line.
#include <fcntl.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "repl/latex_names.hpp"
#include "repl/line_reader.hpp"
#include "repl/terminal.hpp"

namespace ddx {
namespace {

constexpr int k_history_size = 1000;
Completer g_names;

// $XDG_STATE_HOME/ddx/history, by default ~/.local/state/ddx/history (XDG base directories).
std::string history_path() {
  const char* state = std::getenv("XDG_STATE_HOME");
  std::string base;
  if (state && *state == '/') {
    base = state;
  } else {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return {};
    base = std::string(home) + "/.local/state";
  }
  return base + "/ddx/history";
}

std::vector<std::string> g_matches;  // candidates of the completion in progress
std::size_t g_next = 0;

char* next_match(const char*, int) {
  if (g_next < g_matches.size()) return strdup(g_matches[g_next++].c_str());
  return nullptr;
}

char** complete(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // no file names unless asked for
  g_matches.clear();
  g_next = 0;
  std::string_view word(text);
  if (word.starts_with('\\')) {
    // Julia: an exact LaTeX name becomes its symbol; a prefix completes to the names.
    if (const char* symbol = latex_symbol(word)) {
      g_matches.emplace_back(symbol);
    } else {
      for (const std::string& n : latex_symbol_names())
        if (n.starts_with(word)) g_matches.push_back(n);
    }
    rl_completion_append_character = '\0';
    return rl_completion_matches(text, next_match);
  }
  Completion c = g_names(std::string_view(rl_line_buffer, static_cast<std::size_t>(start)), word);
  if (c.file_names) {
    rl_attempted_completion_over = 0;  // :export, :plot-to: readline completes the file name
    return nullptr;
  }
  g_matches = std::move(c.candidates);
  return rl_completion_matches(text, next_match);
}

// Words break at spaces only on a :command line, so that :plot-to completes as one word.
char* word_break_characters() { return const_cast<char*>(word_breaks(rl_line_buffer)); }

// Set by the line handler of the callback interface.
std::optional<std::string> g_line;
bool g_line_done = false;

void on_line(char* raw) {
  g_line_done = true;
  if (raw) {
    g_line = raw;
    std::free(raw);
  } else {
    g_line.reset();
  }
  rl_callback_handler_remove();
}

class ReadlineReader : public LineReader {
 public:
  ReadlineReader() {
    // Readline needs a multibyte locale to edit ∂ and α as one character each.
    if (!std::setlocale(LC_CTYPE, "") || MB_CUR_MAX == 1) std::setlocale(LC_CTYPE, "C.UTF-8");
    rl_readline_name = "ddx";
    rl_catch_signals = 0;  // SIGINT is ours (terminal.cpp); readline must not re-raise it
    rl_attempted_completion_function = complete;
    rl_completion_word_break_hook = word_break_characters;
    rl_basic_word_break_characters = const_cast<char*>(" \t\n()[],;+-*/^=");
    rl_completer_word_break_characters = rl_basic_word_break_characters;
    stifle_history(k_history_size);
    path_ = history_path();
    if (!path_.empty()) {
      std::error_code ec;
      std::filesystem::path dir = std::filesystem::path(path_).parent_path();
      std::filesystem::create_directories(dir, ec);
      ::chmod(dir.c_str(), 0700);
      int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
      if (fd >= 0) ::close(fd);
      ::chmod(path_.c_str(), 0600);
      read_history(path_.c_str());
    }
  }
  ~ReadlineReader() override {
    if (!path_.empty()) history_truncate_file(path_.c_str(), k_history_size);
  }

  bool cancelled() const override { return cancelled_; }

  std::optional<std::string> read(bool continuation) override {
    cancelled_ = false;
    g_line_done = false;
    g_line.reset();
    rl_callback_handler_install(continuation ? "...  " : "ddx> ", on_line);
    while (!g_line_done) {
      fd_set fds;
      FD_ZERO(&fds);
      FD_SET(fileno(rl_instream), &fds);
      int r = ::select(fileno(rl_instream) + 1, &fds, nullptr, nullptr, nullptr);
      if (r < 0) {
        if (errno != EINTR) break;
        if (take_sigint()) return cancel(continuation);
        rl_resize_terminal();  // SIGWINCH or another harmless signal
        continue;
      }
      rl_callback_read_char();
    }
    if (!g_line_done) {  // select failed: treat as end of input
      rl_callback_handler_remove();
      return std::nullopt;
    }
    if (g_line && !g_line->empty()) remember(*g_line);
    return g_line;
  }

 private:
  // Ctrl-C: show ^C after the typed text, drop it, and give a hint on an empty primary prompt.
  std::optional<std::string> cancel(bool continuation) {
    bool empty = rl_end == 0;
    rl_point = rl_end;
    rl_redisplay();
    std::fputs("^C\n", rl_outstream);
    rl_replace_line("", 0);
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_callback_handler_remove();
    if (empty && !continuation) std::fputs((paint("2", "(use :quit or Ctrl-D to exit)") + "\n").c_str(), rl_outstream);
    std::fflush(rl_outstream);
    cancelled_ = true;
    return std::nullopt;
  }

  // Consecutive duplicates are skipped; each entry goes to the file at once, so a killed or
  // concurrent session loses nothing.
  void remember(const std::string& line) {
    HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
    if (last && line == last->line) return;
    add_history(line.c_str());
    if (!path_.empty()) append_history(1, path_.c_str());
  }

  std::string path_;
  bool cancelled_ = false;
};

}  // namespace

std::unique_ptr<LineReader> make_readline_reader(Completer names) {
  g_names = std::move(names);
  return std::make_unique<ReadlineReader>();
}

}  // namespace ddx
