// SPDX-License-Identifier: GPL-3.0-or-later
// ddx's entry point: command-line options, choice of mode (REPL, -e, files, batch stdin) and
// the loop that feeds lines to the session and prints what comes back.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/functions.hpp"
#include "repl/help.hpp"
#include "repl/line_reader.hpp"
#include "repl/render.hpp"
#include "repl/session.hpp"

#ifndef DDX_VERSION
#define DDX_VERSION "dev"
#endif

namespace ddx {
namespace {

struct Options {
  std::vector<std::string> statements;  // -e
  std::vector<std::string> files;
  OutputFormat format = OutputFormat::Text;
  bool steps = false;
};

// Feeds logical lines to the session and prints the outcomes.
class Runner {
 public:
  Runner(Session& session, bool interactive) : session_(session), interactive_(interactive) {}

  void run_line(const std::string& line, std::string_view source, std::size_t line_number) {
    for (const Outcome& o : session_.eval_line(line)) {
      std::string out = render_stdout(o, session_.format(), line_number);
      if (o.kind == Outcome::Kind::Error) {
        failed_ = true;
        if (session_.format() == OutputFormat::Json) {
          std::cout << out << '\n';
        } else if (interactive_) {
          report_interactive(line, o);
        } else {
          std::cout.flush();
          std::cerr << render_error(o, source, line_number) << '\n';
        }
        continue;
      }
      if (!out.empty()) std::cout << out << '\n';
    }
    if (interactive_) std::cout.flush();
  }

  // Reads lines until end of input; a line ending in '\' continues on the next.
  void run_reader(LineReader& reader, std::string_view source) {
    std::size_t number = 0;
    while (!session_.quit_requested()) {
      auto line = reader.read(false);
      if (!line) break;
      std::size_t first = ++number;
      while (!line->empty() && line->back() == '\\') {
        line->pop_back();
        auto more = reader.read(true);
        if (!more) break;
        ++number;
        *line += *more;
      }
      run_line(*line, source, first);
    }
  }

  bool failed() const { return failed_; }

 private:
  static void report_interactive(const std::string& line, const Outcome& o) {
    if (o.column > 0) {
      std::cerr << "  " << line << '\n' << "  " << std::string(o.column - 1, ' ') << "^\n";
    }
    std::cerr << "error: " << o.message << '\n';
  }

  Session& session_;
  bool interactive_;
  bool failed_ = false;
};

int usage_error(const std::string& message) {
  std::cerr << "ddx: " << message << "\n(see ddx --help)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
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
      opt.statements.push_back(*v);
    } else if (a == "-f" || a == "--format" || a.starts_with("--format=")) {
      std::optional<std::string> v = a.starts_with("--format=") ? std::optional(a.substr(9)) : value(a);
      if (!v) return usage_error(a + " needs a format");
      auto f = parse_format(*v);
      if (!f) return usage_error("unknown format '" + *v + "' (text, unicode, latex, code, json)");
      opt.format = *f;
    } else if (a == "--latex") {
      opt.format = OutputFormat::Latex;
    } else if (a == "--steps") {
      opt.steps = true;
    } else if (a == "--") {
      for (++i; i < args.size(); ++i) opt.files.push_back(args[i]);
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + a + "'");
    } else {
      opt.files.push_back(a);
    }
  }

  Session session;
  session.set_format(opt.format);
  session.set_steps(opt.steps);

  if (!opt.statements.empty() || !opt.files.empty()) {
    Runner runner(session, false);
    for (std::size_t i = 0; i < opt.statements.size() && !session.quit_requested(); ++i)
      runner.run_line(opt.statements[i], "<command line>", i + 1);
    for (const std::string& path : opt.files) {
      if (session.quit_requested()) break;
      std::ifstream in(path);
      if (!in) {
        std::cerr << "ddx: cannot open '" << path << "'\n";
        return 2;
      }
      StreamLineReader reader(in);
      runner.run_reader(reader, path);
    }
    std::cout.flush();
    return runner.failed() ? 1 : 0;
  }

  bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  Runner runner(session, interactive);
  if (interactive) {
    std::cout << "ddx " << DDX_VERSION << " — exact derivatives. :help for help, Ctrl-D to quit.\n";
    auto reader = make_readline_reader([&session] {
      std::vector<std::string> names = builtin_function_names();
      for (const std::string& n : session.defined_names()) names.push_back(n);
      for (const char* c : {":help", ":format", ":vars", ":clear", ":steps", ":quit"}) names.emplace_back(c);
      return names;
    });
    runner.run_reader(*reader, "<stdin>");
    return 0;
  }
  StreamLineReader reader(std::cin);
  runner.run_reader(reader, "<stdin>");
  std::cout.flush();
  return runner.failed() ? 1 : 0;
}

}  // namespace ddx

int main(int argc, char** argv) { return ddx::main(argc, argv); }
