// SPDX-License-Identifier: GPL-3.0-or-later
// ddx behind a pipe (docs/language.md §1): no banner, prompt or colour bytes, no history or state written,
// exit codes, and SIGINT in batch mode (exit 130 after flushing what was printed).
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/run_ddx.hpp"
#include "support/tmux.hpp"

namespace fs = std::filesystem;

namespace {

struct PipeRun {
  std::string out, err;
  int status = -1;
  bool state_written = false;
};

// Runs `SCRIPT` (sh, with $DDX set) in a fresh HOME without NO_COLOR; reports whether anything
// appeared under HOME (history, state).
PipeRun run_sh(const std::string& script) {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("ddx_pipe_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir / "home");
  std::string cmd = "cd " + ddx_test::sh_quote(dir.string()) + " && env -u NO_COLOR HOME=" +
                    ddx_test::sh_quote((dir / "home").string()) + " XDG_STATE_HOME=" +
                    ddx_test::sh_quote((dir / "home" / "state").string()) + " DDX=" + ddx_test::sh_quote(DDX_BINARY) +
                    " sh -c " + ddx_test::sh_quote(script) + " > out 2> err; echo $? > status";
  (void)std::system(cmd.c_str());
  PipeRun r;
  r.out = ddx_test::read_file(dir / "out");
  r.err = ddx_test::read_file(dir / "err");
  r.status = std::atoi(ddx_test::read_file(dir / "status").c_str());
  r.state_written = !fs::is_empty(dir / "home");
  fs::remove_all(dir);
  return r;
}

}  // namespace

TEST_CASE("pipe: no prompt, banner or ANSI bytes, then nothing written under HOME") {
  auto r = run_sh("printf 'd/dx x^2\\nd/dx (x\\n:help\\n' | \"$DDX\"");
  CHECK(r.status == 1);
  CHECK(r.out.find("ddx>") == std::string::npos);
  CHECK(r.out.find("Ctrl-D to quit") == std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.out.rfind("2x\n", 0) == 0);
  CHECK(r.err.rfind("<stdin>:2:8: error: ", 0) == 0);
  CHECK_FALSE(r.state_written);
}

TEST_CASE("pipe: stdout to a file, stdin a terminal-less pipe, exit codes 0 / 1 / 2") {
  CHECK(run_sh("echo 'd/dx x^3' | \"$DDX\"").status == 0);
  CHECK(run_sh("echo 'd/dx (' | \"$DDX\"").status == 1);
  CHECK(run_sh("\"$DDX\" --bogus < /dev/null").status == 2);
  auto r = run_sh("\"$DDX\" < /dev/null");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK_FALSE(r.state_written);
}

TEST_CASE("pipe: SIGINT while waiting for input exits 130 after flushing the answers") {
  // The answer is block-buffered in the pipe until ddx exits: it must not be lost.
  auto r = run_sh("(echo 'd/dx x^2'; sleep 1) | \"$DDX\" & pid=$!; sleep 0.3; kill -INT $pid; wait $pid");
  CHECK(r.status == 130);
  CHECK(r.out == "2x\n");
}

TEST_CASE("pipe: SIGINT during a computation stops it and exits 130") {
  auto r = run_sh("(echo 'd/dx x^2'; echo 'expand((x+y+z+w+v)^60) == 0'; echo 'd/dx x^3') | \"$DDX\" & pid=$!; "
                  "sleep 0.8; kill -INT $pid; wait $pid");
  CHECK(r.status == 130);
  CHECK(r.out == "2x\n");
  CHECK(r.err.find("interrupted") != std::string::npos);
}

namespace {
// The string value of `"field": "..."` in one line of JSON (no escapes expected in it).
std::string json_field(const std::string& json, const std::string& field) {
  std::string key = "\"" + field + "\": \"";
  std::size_t from = json.find(key);
  if (from == std::string::npos) return "(no " + field + ")";
  from += key.size();
  return json.substr(from, json.find('"', from) - from);
}
}  // namespace

// In batch, a long answer is written as it is printed, in pieces (print::write_expression); the
// JSON format still builds each answer whole. Both must say the same.
TEST_CASE("pipe: a long answer written in pieces reads as the JSON format's whole answer") {
  std::string nested = "x";
  for (int i = 0; i < 300; ++i) nested = "sin(" + nested + ")";
  std::string polynomial = "x";
  for (int k = 2; k <= 8000; ++k) polynomial += " + " + std::to_string(k) + "x^" + std::to_string(k) + "/7";
  for (const std::string& line : {"d/dx " + nested, "d/dx " + polynomial}) {
    std::string input = "printf '%s\\n' " + ddx_test::sh_quote(line) + " | \"$DDX\"";
    auto json = run_sh(input + " --format json");
    REQUIRE(json.status == 0);
    for (std::string format : {"text", "code"}) {
      auto r = run_sh(input + " --format " + format);
      INFO(format);
      CHECK(r.status == 0);
      REQUIRE(r.out.size() > std::size_t{1} << 17);
      CHECK(r.out == json_field(json.out, format) + "\n");
    }
  }
}

// A long answer written as it is printed is never cut short: SIGINT while it goes out takes effect
// after its last piece (status 130, the next line not run). The signal is sent once the first
// piece is out (a background job of sh ignores SIGINT until ddx installs its handler, so an
// earlier signal could be lost on a slow build); if ddx had finished by then, both lines are there.
TEST_CASE("pipe: SIGINT during a long answer leaves it whole") {
  std::string nested = "x";
  for (int i = 0; i < 2500; ++i) nested = "sin(" + nested + ")";
  std::string line = ddx_test::sh_quote("d/dx " + nested);
  auto whole = run_sh("printf '%s\\n' " + line + " | \"$DDX\" --format code");
  REQUIRE(whole.status == 0);
  REQUIRE(whole.out.size() > std::size_t{10} << 20);
  for (int round = 0; round < 2; ++round) {
    auto r = run_sh("printf '%s\\nd/dx x^2\\n' " + line + " | \"$DDX\" --format code > answer & pid=$!; n=0; "
                    "while [ ! -s answer ] && [ $n -lt 3000 ]; do sleep 0.01; n=$((n+1)); done; "
                    "kill -INT $pid; wait $pid; status=$?; cat answer; exit $status");
    INFO("round " << round << ", status " << r.status << ", " << r.out.size() << " bytes");
    if (r.status == 0) CHECK(r.out == whole.out + "2x\n");  // all done before the signal came
    else CHECK((r.status == 130 && r.out == whole.out));
  }
}
