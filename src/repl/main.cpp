// SPDX-License-Identifier: GPL-3.0-or-later
// ddx's entry point: command-line options, choice of mode (REPL, -e, files, batch stdin) and
// the loop that feeds lines to the session and prints what comes back.
#include <langinfo.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <clocale>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <iostream>
#include <new>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/session_stack.hpp"
#include "core/stats.hpp"
#include "repl/commands.hpp"
#include "repl/completion.hpp"
#include "repl/help.hpp"
#include "repl/interactive.hpp"
#include "repl/line_reader.hpp"
#include "repl/terminal.hpp"
#include "print/code_points.hpp"
#include "print/result.hpp"
#include "repl/render.hpp"
#include "core/node.hpp"
#include "repl/wrap.hpp"
#include "repl/session.hpp"
#include "repl/terminal.hpp"
#include "repl/watchdog.hpp"
#include "support/fresh_pages.hpp"

#ifndef DDX_VERSION
#define DDX_VERSION "dev"
#endif

namespace ddx {
namespace {

struct Options {
  // The -e statements and the files, in the order given: they run so, in one session.
  struct Input {
    bool file = false;
    std::string text;  // the statement, or the file's path
  };
  std::vector<Input> inputs;
  std::optional<print::Format> format;  // unset: unicode on a UTF-8 terminal, else text
  bool steps = false;
  bool stats = false;  // --stats: phase times and peak RSS on stderr at exit
  double timeout = 0;  // --timeout SECONDS per line; 0: none
};


// DDX_RECLAIM_EVERY_LINE=1: nodes are reclaimed between every two lines instead of when they have
// doubled, so that the tests run every path with freed memory about (the sanitizers' build shows
// a node freed while still in use).
bool reclaim_every_line_requested() {
  const char* v = std::getenv("DDX_RECLAIM_EVERY_LINE");
  return v && *v && std::string_view(v) != "0";
}

// Feeds logical lines to the session and prints the outcomes.
class Runner {
 public:
  Runner(Session& session, bool interactive) : session_(session), interactive_(interactive) {}

  // `continued_at`: where the line's second, third ... physical lines begin, in code points (the
  // line was joined from lines ending in '\\'): an error there is said at its own line and column.
  void run_line(const std::string& line, std::string_view source, std::size_t line_number,
                const std::vector<std::size_t>& continued_at = {}) {
    // The previous line's outcomes are printed and gone: what no one holds now is freed, before
    // this line needs the room (and never after the last line, when the process ends anyway).
    stats::Ticks t0 = stats::enabled ? stats::now() : 0;
    session_.reclaim_memory(reclaim_every_line_);
    map_heap_growth_for_writing();
    stats::Ticks t1 = stats::enabled ? stats::now() : 0;
    reclaim_ticks_ += stats::elapsed(t0, t1);
    answer_line(line, source, line_number, t1, continued_at);
  }
  void set_timeout(double seconds) { timeout_ = seconds; }

  // `started`: the tick count (--stats) as the line's answer began.
  void answer_line(const std::string& line, std::string_view source, std::size_t first_line_number, stats::Ticks started,
                   const std::vector<std::size_t>& continued_at) {
    stats::Ticks mark = started;
    // Adds the time since the last mark to `total` (one clock read for the end of one phase and
    // the start of the next).
    auto lap = [&mark](stats::Ticks& total) {
      if (!stats::enabled) return;
      stats::Ticks t = stats::now();
      total += stats::elapsed(mark, t);
      mark = t;
    };
    begin_computation();  // Ctrl-C from here on interrupts this line's computation
    // --timeout bounds the whole line, its printing too (a matrix's entries can print 100 MB).
    Watchdog watchdog(timeout_);
    std::optional<Watchdog> printing;  // (a deadline of its own, when the line's ran out computing)
    auto interrupted = [&] {
      bool const fired = printing ? printing->fired() : watchdog.fired();
      return fired ? "time limit exceeded (--timeout " + timeout_text() + " s)" : std::string("interrupted");
    };
    std::vector<Outcome> outcomes = session_.eval_line(line);
    if (watchdog.fired()) {
      for (Outcome& o : outcomes)
        if (o.kind == Outcome::Kind::Error && o.message == "interrupted") o.message = interrupted();
      // The statements answered before the deadline are printed, under a deadline of their own
      // (`1 + 1; expand((a+b+c+d+1)^60)` printed the time limit twice, once for 2).
      clear_interrupt();
      printing.emplace(timeout_);
    }
    lap(eval_ticks_);
    // Printing stays inside the computation: Ctrl-C stops a print of millions of terms too.
    for (Outcome& o : outcomes) {
      std::size_t line_number = first_line_number;
      if (o.kind == Outcome::Kind::Error) {
        for (std::size_t start : continued_at) {  // (a column past a physical line's start is on it)
          if (o.column <= start) break;
          ++line_number;
          o.column -= start;
        }
      }
      if (write_as_printed(o)) {
        lap(print_ticks_);
        continue;
      }
      std::string out;
      auto print_failed = [&](std::string message) {
        o.kind = Outcome::Kind::Error;
        o.message = std::move(message);
        o.column = 0;
        out = render_stdout(o, o.format, line_number);
      };
      try {
        out = render_stdout(o, o.format, line_number);
      } catch (const Interrupted&) {
        print_failed(interrupted());
      } catch (const print::Unprintable& e) {  // the answer stands (ans), but this format cannot show it
        print_failed(e.what());
      } catch (const std::bad_alloc&) {
        print_failed("out of memory while printing the answer");
      } catch (const LimitError& e) {  // (a table's cell of a million digits: a limit, no bug)
        print_failed(e.what());
      } catch (const std::exception& e) {  // a bug, but never a crash: report it and go on
        print_failed(std::string("internal error while printing the answer: ") + e.what());
      }
      lap(print_ticks_);
      if (o.kind == Outcome::Kind::Error) {
        failed_ = true;
        if (o.format == print::Format::Json) {
          std::cout << out << '\n';
        } else if (interactive_) {
          report_interactive(line, o);
        } else {
          std::cout.flush();
          std::cerr << render_error(o, source, line_number) << '\n';
        }
        continue;
      }
      // Code is copied into other systems: a line break of ours inside it would break it there (a
      // Python body's indentation, an expression cut in two); the terminal's own wrapping copies whole.
      print::Format f = o.format;
      if (interactive_ && f != print::Format::Json && !print::is_code(f)) out = wrap_for_terminal(out, terminal_width());
      if (!out.empty()) std::cout << out << '\n';
    }
    end_computation();
    if (interactive_) std::cout.flush();
  }

  // In batch, an answer that is one expression in a one-line format is written as it is printed
  // (print::write_expression): a 10 MB answer is never held whole. Once its first piece is out it
  // must not be cut short, so Ctrl-C waits for its end; a request from before it still stops it.
  bool write_as_printed(const Outcome& o) {
    print::Format f = o.format;
    if (interactive_ || !print::is_one_line(f) || o.kind != Outcome::Kind::Answer || interrupt_requested())
      return false;  // (interrupted: the usual path reports it)
    auto e = print::sole_expression(o.result, f);
    if (!e) return false;
    InterruptsHeld whole_answer;
    print::write_expression(*e, f, [](std::string_view piece) {
      std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    });
    std::cout << '\n';
    return true;
  }

  // Reads lines until end of input; a line ending in '\' continues on the next.
  void run_reader(LineReader& reader, std::string_view source) {
    std::size_t number = 0;
    while (!session_.quit_requested()) {
      auto line = reader.read(false);
      if (!line || sigint_seen()) break;
      std::size_t first = ++number;
      std::vector<std::size_t> continued_at;  // (each physical line's start, from the one before's)
      std::size_t last_start = 0;
      // As at the prompt: a backslash before blanks, a comment or a Windows line ending's CR continues
      // too (after CRLF line endings the continuation line ran on its own).
      while (needs_continuation(*line)) {
        join_continuation(*line, "");
        auto more = reader.read(true);
        if (!more) break;
        ++number;
        std::size_t const start = code_points(*line);
        continued_at.push_back(start - last_start);
        last_start = start;
        *line += *more;
      }
      run_line(*line, source, first, continued_at);
    }
  }

  bool failed() const { return failed_; }

  // --stats: parse is parsing, resolving and evaluating less differentiation (grammar is the
  // part of it spent turning text into syntax trees); print is rendering; reclaim is freeing the
  // nodes nothing holds between lines.
  void report_stats() const {
    if (!stats::enabled) return;
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto seconds = stats::ticks_to_seconds;
    std::cerr << "stats: parse=" << seconds(eval_ticks_ - stats::diff_ticks) << " grammar=" << seconds(stats::grammar_ticks)
              << " diff=" << seconds(stats::diff_ticks) << " print=" << seconds(print_ticks_)
              << " reclaim=" << seconds(reclaim_ticks_) << " peak_rss_kb=" << ru.ru_maxrss
              << " nodes=" << interned_count() << '\n';
  }

 private:
  static void report_interactive(const std::string& line, const Outcome& o) {
    std::cout.flush();
    std::cerr << caret_error(line, o) << std::flush;
  }

  std::string timeout_text() const {
    std::ostringstream s;
    s << timeout_;
    return s.str();
  }

  Session& session_;
  bool interactive_;
  bool failed_ = false;
  double timeout_ = 0;
  bool reclaim_every_line_ = reclaim_every_line_requested();
  stats::Ticks eval_ticks_ = 0, print_ticks_ = 0, reclaim_ticks_ = 0;
};

// Whether the user's locale (LC_ALL, LC_CTYPE, LANG) encodes characters in UTF-8.
bool utf8_locale() {
  const char* old = std::setlocale(LC_CTYPE, nullptr);
  std::string saved = old ? old : "C";
  bool utf8 = std::setlocale(LC_CTYPE, "") && std::string_view(nl_langinfo(CODESET)) == "UTF-8";
  std::setlocale(LC_CTYPE, saved.c_str());
  return utf8;
}

// Flushes the answers; false, said on stderr, when standard output took them not (a full disk:
// `ddx -e 'x^2' > /dev/full` exited 0, its answer lost).
bool answers_written() {
  std::cout.flush();
  if (std::cout) return true;
  std::cerr << "ddx: the answers could not be written to standard output\n";
  return false;
}

int usage_error(const std::string& message) {
  std::cerr << "ddx: " << message << "\n(see ddx --help)\n";
  return 2;
}

}  // namespace

// Everything after the command line: the session, its input and its output (on the stack every
// stage may need, run_with_session_stack).
int run(const Options& opt) {
  if (opt.stats) stats::enable();
  Session session;
  bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && opt.inputs.empty();
  // At a UTF-8 terminal, 3u² (6x² + 6x) reads better than 3u^2 (6x^2 + 6x); pipes, files and -e
  // stay text, so scripts see the same output everywhere.
  session.set_format(opt.format.value_or(interactive && utf8_locale() ? print::Format::Unicode : print::Format::Text));
  session.set_steps(opt.steps);
  {  // plots draw on a terminal stdout (in colour unless NO_COLOR); elsewhere only to SVG files
    const char* no_color = std::getenv("NO_COLOR");
    bool tty = isatty(STDOUT_FILENO);
    session.set_terminal(tty, tty && !(no_color && *no_color));
  }

  install_sigint_handler(interactive);
  const char* no_colour = std::getenv("NO_COLOR");
  set_colour(interactive && !(no_colour && *no_colour));

  if (!opt.inputs.empty()) {
    // Every file is checked before anything runs: a mistyped name does not leave half a run.
    for (const Options::Input& input : opt.inputs) {
      if (!input.file) continue;
      std::error_code error;
      if (std::filesystem::is_directory(input.text, error)) {
        std::cerr << "ddx: '" << input.text << "' is a directory, not a file of statements\n";
        return 2;
      }
      if (!std::ifstream(input.text)) {
        std::cerr << "ddx: cannot open '" << input.text << "'\n";
        return 2;
      }
    }
    Runner runner(session, false);
    runner.set_timeout(opt.timeout);
    std::size_t statement_number = 0;  // (the -e statements are lines 1, 2, ... of <command line>)
    for (const Options::Input& input : opt.inputs) {
      if (session.quit_requested() || sigint_seen()) break;
      if (!input.file) {
        runner.run_line(input.text, "<command line>", ++statement_number);
        continue;
      }
      std::ifstream in(input.text);
      if (!in) {
        std::cerr << "ddx: cannot open '" << input.text << "'\n";
        return 2;
      }
      StreamLineReader reader(in);
      runner.run_reader(reader, input.text);
    }
    if (!answers_written()) return 1;
    runner.report_stats();
    if (sigint_seen()) return 130;
    return runner.failed() ? 1 : 0;
  }

  Runner runner(session, interactive);
  runner.set_timeout(opt.timeout);
  if (interactive) {
    std::cout << "ddx " << DDX_VERSION << " — exact derivatives. "
              << paint("2", ":help for help, Ctrl-D to quit.") << "\n";
    auto reader = make_readline_reader(
        [&session](std::string_view before, std::string_view word) { return complete_word(before, word, session); });
    run_interactive(session, *reader,
                    [&runner](const std::string& line, std::size_t n) { runner.run_line(line, "<stdin>", n); });
    return 0;
  }
  // Untied, reading a line no longer flushes stdout: a pipe gets block-buffered output.
  std::cin.tie(nullptr);
  StreamLineReader reader(std::cin);
  runner.run_reader(reader, "<stdin>");
  if (!answers_written()) return 1;
  runner.report_stats();
  if (sigint_seen()) return 130;  // SIGINT in batch: what was printed is flushed, then 130
  return runner.failed() ? 1 : 0;
}

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // One malloc arena for the process. A deeply nested line is parsed on a thread of its own
  // (grammar/parse.cpp), and under AddressSanitizer the session runs on one (session_stack.hpp),
  // while the thread that started it waits: two threads never allocate at once. In an arena of
  // its own such a thread's heap grew by one mprotect call per page it touched (9,800 system
  // calls on a 1 MB line).
  mallopt(M_ARENA_MAX, 1);
  Options opt;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const std::string& name) -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      (void)name;
      return args[++i];
    };
    if (a == "-h" || a == "--help") {
      std::cout << usage_text();
      return 0;
    }
    if (a == "--version") {
      std::cout << "ddx " << DDX_VERSION << '\n';
      return 0;
    }
    if (a == "-e") {
      auto v = value(a);
      if (!v) return usage_error("-e needs a statement");
      opt.inputs.push_back({.file = false, .text = *v});
    } else if (a == "-f" || a == "--format" || a.starts_with("--format=")) {
      std::optional<std::string> v = a.starts_with("--format=") ? std::optional(a.substr(9)) : value(a);
      if (!v) return usage_error(a + " needs a format");
      auto f = print::parse_format(*v);
      if (!f) return usage_error(print::unknown_format_message(*v));
      opt.format = *f;
    } else if (a == "--latex") {
      opt.format = print::Format::Latex;
    } else if (a == "--steps") {
      opt.steps = true;
    } else if (a == "--stats") {
      opt.stats = true;
    } else if (a == "--timeout" || a.starts_with("--timeout=")) {
      std::optional<std::string> v = a.starts_with("--timeout=") ? std::optional(a.substr(10)) : value(a);
      if (!v) return usage_error("--timeout needs a number of seconds");
      char* end = nullptr;
      opt.timeout = std::strtod(v->c_str(), &end);
      if (v->empty() || *end != '\0' || !(opt.timeout > 0 && opt.timeout <= 1e6))
        return usage_error("--timeout needs a number of seconds (0 < SECONDS <= 1000000)");
    } else if (a == "--") {
      for (++i; i < args.size(); ++i) opt.inputs.push_back({.file = true, .text = args[i]});
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + a + "'");
    } else {
      opt.inputs.push_back({.file = true, .text = a});
    }
  }

  int status = 0;
  run_with_session_stack([&] { status = run(opt); });
  return status;
}

}  // namespace ddx

int main(int argc, char** argv) { return ddx::main(argc, argv); }
