// SPDX-License-Identifier: GPL-3.0-or-later
// The REPL as a person uses it (docs/language.md §1, §10, §11): ddx runs in a real terminal under tmux; the
// tests type keys and read the screen. Skipped only where tmux is missing (CI installs it).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "support/run_ddx.hpp"
#include "support/temp_dir.hpp"
#include "support/tmux.hpp"
#include "support/tools.hpp"

namespace fs = std::filesystem;
using ddx_test::TmuxSession;

namespace {

// A fresh HOME / XDG_STATE_HOME for one test, removed afterwards.
struct TempHome : ddx_test::TempDir {
  TempHome() : TempDir("ddx_tmux") {}
};

bool skip_without_tmux() { return !ddx_test::require_tool("tmux", "tmux"); }

}  // namespace

TEST_CASE("tmux: banner, prompt and an answer") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  CHECK(t.screen().find(":help for help") != std::string::npos);
  t.type("d/dx (3x+4)^2");
  t.key("Enter");
  CHECK(t.wait_for("18x + 24"));
  CHECK(t.wait_until("ddx>", 2));
}

TEST_CASE("tmux: history is kept across sessions (Up after a restart), 0700/0600") {
  if (skip_without_tmux()) return;
  TempHome home;
  {
    TmuxSession t(home.dir);
    REQUIRE(t.wait_for("ddx>"));
    t.type("d/dx x^5");
    t.key("Enter");
    REQUIRE(t.wait_for("5x⁴"));
    t.type("d/dx x^5");  // a consecutive duplicate is not stored twice
    t.key("Enter");
    REQUIRE(t.wait_until("5x⁴", 2));
    t.key("C-d");
    REQUIRE(t.wait_for("[exit 0]"));
  }
  fs::path file = home.dir / "state" / "ddx" / "history";
  REQUIRE(fs::exists(file));
  CHECK(ddx_test::read_file(file) == "d/dx x^5\n");
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(file.parent_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.key("Up");
  CHECK(t.wait_for("ddx> d/dx x^5"));
  t.key("Enter");
  CHECK(t.wait_for("5x⁴"));
}

TEST_CASE("tmux: Tab completes functions, defined names and :commands") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.type("sigm");
  t.key("Tab");
  CHECK(t.wait_for("ddx> sigmoid"));
  t.key("C-u");
  t.type("velocity = 3t^2");
  t.key("Enter");
  t.type("d/dt velo");
  t.key("Tab");
  CHECK(t.wait_for("ddx> d/dt velocity"));
  t.key("Enter");
  CHECK(t.wait_for("6t"));
  t.type(":for");
  t.key("Tab");
  CHECK(t.wait_for("ddx> :format"));
}

TEST_CASE("tmux: Tab after a LaTeX name gives its symbol") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.type("\\partial");
  t.key("Tab");
  t.type("/\\partial");
  t.key("Tab");
  t.type("x \\alpha");
  t.key("Tab");
  t.type(" x^2 + \\pi");
  t.key("Tab");
  t.type(" x");
  CHECK(t.wait_for("ddx> ∂/∂x α x^2 + π x"));
  t.key("Enter");
  CHECK(t.wait_for("α x + π"));
}

TEST_CASE("tmux: Ctrl-C discards the typed line, then on an empty line it gives a hint") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.type("d/dx x^7");
  REQUIRE(t.wait_for("ddx> d/dx x^7"));  // Ctrl-C flushes keys the terminal has not delivered yet
  t.key("C-c");
  REQUIRE(t.wait_for("d/dx x^7^C"));
  t.key("C-c");
  CHECK(t.wait_for("(use :quit or Ctrl-D to exit)"));
  t.type("d/dx x^3");
  t.key("Enter");
  CHECK(t.wait_for("3x²"));
  CHECK(t.screen().find("7x⁶") == std::string::npos);
}

TEST_CASE("tmux: Ctrl-C interrupts a long computation and keeps the definitions") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.type("y = x^3");
  t.key("Enter");
  // About 17 s of expansion on the project machine when left alone (635,376 terms).
  t.type("expand((x+y+z+w+v)^60) == 0");
  t.key("Enter");
  REQUIRE(t.wait_for("== 0"));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the computation start
  t.key("C-c");
  CHECK(t.wait_for("interrupted", 4.0));
  REQUIRE(t.wait_until("ddx>", 3));
  t.type("d/dx y");
  t.key("Enter");
  CHECK(t.wait_for("3x²"));
}

TEST_CASE("tmux: Ctrl-D on an empty line exits 0, then :quit too") {
  if (skip_without_tmux()) return;
  TempHome home;
  {
    TmuxSession t(home.dir);
    REQUIRE(t.wait_for("ddx>"));
    t.key("C-d");
    CHECK(t.wait_for("[exit 0]"));
  }
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.type(":quit");
  t.key("Enter");
  CHECK(t.wait_for("[exit 0]"));
}

TEST_CASE("tmux: an error echoes the input with a caret under the column") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.type("d/dx (3x+)");
  t.key("Enter");
  REQUIRE(t.wait_for("error: "));
  std::string s = t.screen();
  CHECK(s.find("  d/dx (3x+)\n           ^\n") != std::string::npos);
}

TEST_CASE("tmux: a trailing backslash continues on a ... prompt, an open bracket is an error at once") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.type("d/dx x^4 \\");
  t.key("Enter");
  REQUIRE(t.wait_for("..."));
  t.type(" + x");
  t.key("Enter");
  CHECK(t.wait_for("4x³ + 1"));
  t.type("d/dx (3x+");
  t.key("Enter");
  REQUIRE(t.wait_for("error: "));
  CHECK(t.screen().find("  d/dx (3x+\n           ^\n") != std::string::npos);
  t.type(":quit");  // read as a command, not as the rest of the bracket
  t.key("Enter");
  CHECK(t.wait_for("[exit 0]"));
}

TEST_CASE("tmux: unicode by default on a UTF-8 terminal, text elsewhere and when asked") {
  if (skip_without_tmux()) return;
  TempHome home;
  {
    TmuxSession t(home.dir);
    REQUIRE(t.wait_for("ddx>"));
    t.type("y = u^3; u = 2x^3 + 3x^2; dy/dx");
    t.key("Enter");
    CHECK(t.wait_for("= 3u² (6x² + 6x)"));
  }
  {
    TmuxSession t(home.dir, "--format text");
    REQUIRE(t.wait_for("ddx>"));
    t.type("d/dx x^3");
    t.key("Enter");
    CHECK(t.wait_for("3x^2"));
  }
  {
    TmuxSession t(home.dir, "", "LANG=C LC_ALL=C");
    REQUIRE(t.wait_for("ddx>"));
    t.type("d/dx x^3");
    t.key("Enter");
    CHECK(t.wait_for("3x^2"));
  }
  // A pipe stays text whatever the locale.
  auto r = ddx_test::run_ddx("", "d/dx x^3\n");
  CHECK(r.out == "3x^2\n");
}

TEST_CASE("tmux: Tab completes every :command, format names after :format, and the words of :set") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir);
  REQUIRE(t.wait_for("ddx>"));
  t.type(":plot-");
  t.key("Tab");
  CHECK(t.wait_for("ddx> :plot-to"));
  t.key("C-u");
  t.type(":se");
  t.key("Tab");
  t.type("la");
  t.key("Tab");
  t.type("de");
  t.key("Tab");
  CHECK(t.wait_for("ddx> :set layout denominator"));
  t.key("C-u");
  t.type(":format u");
  t.key("Tab");
  CHECK(t.wait_for("ddx> :format unicode"));
  t.key("C-u");
  t.type(":format ");
  t.key("Tab");
  t.key("Tab");  // the list of candidates: every format and nothing else
  CHECK(t.wait_for("json"));
  std::string s = t.screen();
  for (const char* f : {"text", "unicode", "latex", "code", "json"}) CHECK(s.find(f) != std::string::npos);
  CHECK(s.find("sin") == std::string::npos);
  t.key("C-u");
  t.type(":help proc");
  t.key("Tab");
  CHECK(t.wait_for("ddx> :help procedures"));
  t.key("C-u");
  t.type("d/dx tay");
  t.key("Tab");
  CHECK(t.wait_for("ddx> d/dx taylor"));
}

TEST_CASE("tmux: a long answer wraps under its start, not at column 0") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir, "--format text");
  REQUIRE(t.wait_for("ddx>"));
  t.type("expand((x + y + 1)^6)");
  t.key("Enter");
  REQUIRE(t.wait_for("+ 1\n"));
  std::string s = t.screen();
  std::size_t answer = s.find("\nx^6");
  REQUIRE(answer != std::string::npos);
  std::size_t next_line = s.find('\n', answer + 1);
  REQUIRE(next_line != std::string::npos);
  CHECK(s.substr(next_line + 1, 6) == "    + ");
}

TEST_CASE("tmux: code formats are not wrapped by ddx (a Python body keeps its lines)") {
  if (skip_without_tmux()) return;
  TempHome home;
  TmuxSession t(home.dir, "--format python");
  REQUIRE(t.wait_for("ddx>"));
  t.type("expand((x + y + 1)^6)");
  t.key("Enter");
  REQUIRE(t.wait_for("def f(x, y):"));
  REQUIRE(t.wait_until("ddx>", 2));
  std::string s = t.screen();
  // The return line is longer than the terminal: the terminal folds it at its edge, with no
  // indentation of ours inserted, so the folded part starts at column 0 with no "+ " of ours.
  std::size_t ret = s.find("    return x**6");
  REQUIRE(ret != std::string::npos);
  std::size_t next_line = s.find('\n', ret);
  REQUIRE(next_line != std::string::npos);
  CHECK(s.substr(next_line + 1, 4) != "    ");
}
