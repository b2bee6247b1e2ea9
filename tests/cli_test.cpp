// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as scripts use it (docs/language.md §1, §10): modes, options, exit codes, error format.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/run_ddx.hpp"

using ddx_test::run_ddx;

TEST_CASE("batch stdin: answers on stdout, no prompt, exit 0") {
  auto r = run_ddx("", "d/dx (3x+4)^2\n\n# a comment\nd/dx x^3 # trailing comment\n");
  CHECK(r.out.find("ddx>") == std::string::npos);
  CHECK(r.err.empty());
  CHECK(r.status == 0);
  CHECK(r.out.find('\n') != std::string::npos);
  // Two answers: blank lines and comments print nothing.
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
}

TEST_CASE("batch parse error: <stdin>:LINE:COL on stderr, exit 1, later lines still run") {
  auto r = run_ddx("", "d/dx x^2\nd/dx (3x+\nd/dx x^3\n");
  CHECK(r.status == 1);
  CHECK(r.err.rfind("<stdin>:2:10: error: ", 0) == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
}

TEST_CASE("the issue's acceptance line: d/dx (3x+ at column 10") {
  auto r = run_ddx("", "d/dx (3x+\n");
  CHECK(r.status == 1);
  CHECK(r.err.rfind("<stdin>:1:10: error: ", 0) == 0);
  CHECK(r.out.empty());
}

TEST_CASE("-e runs statements in order and definitions carry over") {
  auto r = run_ddx("-e 'y = x^2' -e 'd/dx y'", "");
  CHECK(r.status == 0);
  CHECK(r.out == "2x\n");
}

TEST_CASE("statements separated by semicolons") {
  auto r = run_ddx("", "a = 2; d/dx a x^2\n");
  CHECK(r.out == "4x\n");
}

TEST_CASE("FILE... run in one session") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "ddx_cli_files";
  fs::create_directories(dir);
  std::ofstream(dir / "a.ddx") << "u = 3x\n";
  std::ofstream(dir / "b.ddx") << "d/dx u^2\n";
  auto r = run_ddx("'" + (dir / "a.ddx").string() + "' '" + (dir / "b.ddx").string() + "'", "");
  CHECK(r.status == 0);
  CHECK(r.out == "18x\n");
  fs::remove_all(dir);
}

TEST_CASE("errors in files are FILE:LINE:COL") {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / "ddx_cli_err.ddx";
  std::ofstream(file) << "x + 1\n\nx +* 2\n";
  auto r = run_ddx("'" + file.string() + "'", "");
  CHECK(r.status == 1);
  CHECK(r.err.rfind(file.string() + ":3:4: error: ", 0) == 0);
  fs::remove(file);
}

TEST_CASE("usage: --help, --version exit 0, bad options exit 2") {
  auto help = run_ddx("--help", "");
  CHECK(help.status == 0);
  CHECK(help.out.find("usage: ddx") != std::string::npos);
  auto version = run_ddx("--version", "");
  CHECK(version.status == 0);
  CHECK(version.out.rfind("ddx ", 0) == 0);
  CHECK(run_ddx("--no-such-option", "").status == 2);
  CHECK(run_ddx("--format nonsense", "").status == 2);
  // An unknown format lists every format there is, and each of those is one.
  CHECK(run_ddx("--format nonsense", "").err.find("unknown format 'nonsense' (text, unicode, latex, code, json, sympy, "
                                                  "maxima, mathematica, python, numpy, c)") != std::string::npos);
  for (const char* format : {"text", "unicode", "latex", "code", "json", "sympy", "maxima", "mathematica", "python",
                             "numpy", "c"})
    CHECK(run_ddx(std::string("--format ") + format + " -e x", "").status == 0);
  CHECK(run_ddx("-e", "").status == 2);
  CHECK(run_ddx("/nonexistent/file.ddx", "").status == 2);
}

TEST_CASE("--format latex and --latex print LaTeX") {
  auto a = run_ddx("--format latex", "d/dx e^x\n");
  auto b = run_ddx("--latex", "d/dx e^x\n");
  CHECK(a.out == "e^{x}\n");
  CHECK(b.out == a.out);
}

TEST_CASE("json: one object per statement, errors too, nothing on stderr") {
  auto r = run_ddx("--format json", "d/dx x^2\nd/dx (x\ny = 3\n");
  CHECK(r.err.empty());
  CHECK(r.status == 1);
  CHECK(r.out ==
        "{\"input\": \"d/dx x^2\", \"text\": \"2x\", \"latex\": \"2 x\", \"code\": \"2*x\"}\n"
        "{\"input\": \"d/dx (x\", \"error\": {\"message\": \"expected ')'\", \"line\": 2, \"column\": 8}}\n"
        "{\"input\": \"y = 3\", \"defined\": \"y\"}\n");
}

TEST_CASE("a failed statement changes nothing") {
  auto r = run_ddx("", "y = x^2\ny = 1/0\nd/dx y\nans\n");
  CHECK(r.status == 1);
  CHECK(r.out == "2x\n2x\n");
}

// A helper's hunt of the command line: -e always ran before the files; a folder given as a file
// ran nothing and exited 0; answers lost to a full disk exited 0.
TEST_CASE("-e and files run in the order given, a folder or a missing file stops ddx first, lost answers fail") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ddx_cli_order_" + std::to_string(::getpid()));
  fs::create_directories(dir / "folder");
  std::ofstream(dir / "use.ddx") << "a\n";
  std::ofstream(dir / "define.ddx") << "a = 5\n";
  auto quoted = [&](const char* name) { return "'" + (dir / name).string() + "'"; };
  auto r = run_ddx(quoted("use.ddx") + " -e 'a = 5' " + quoted("use.ddx"), "");
  CHECK(r.out == "a\n5\n");
  r = run_ddx(quoted("define.ddx") + " -e 'a + 1'", "");
  CHECK(r.out == "6\n");
  r = run_ddx("-e 'x^2' " + quoted("folder"), "");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("is a directory") != std::string::npos);
  r = run_ddx("-e 'x^2' " + quoted("missing.ddx"), "");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  REQUIRE(fs::exists("/dev/full"));  // (a device that takes no bytes: every write fails)
  std::string const cmd = std::string("'") + DDX_BINARY + "' -e 'x^2' > /dev/full 2> '" + (dir / "err").string() + "'";
  int const raw = std::system(cmd.c_str());
  CHECK((WIFEXITED(raw) ? WEXITSTATUS(raw) : -1) == 1);
  CHECK(ddx_test::read_file(dir / "err").find("could not be written") != std::string::npos);
  fs::remove_all(dir);
}

// Commands: a `;` ends one; more words than it takes is an error (:clear b a cleared b alone);
// its errors have a column (an extra word's own); a line's answers print in the format of their
// own statement.
TEST_CASE("commands end at a semicolon, refuse extra words, point at their arguments, and keep each answer's format") {
  auto r = run_ddx("", "a = 1\nb = 2\n:clear b a\n:vars\n:format latex; x^2\nx^3; :format text; x^4\n:clear z\n:quit now\n"
                       ":steps on \t off\n");
  CHECK(r.out == "a = 1\nb = 2\nx^{2}\nx^{3}\nx^4\n");
  CHECK(r.err == "<stdin>:3:10: error: usage: :clear [NAME]\n<stdin>:7:8: error: 'z' is not defined\n"
                 "<stdin>:8:7: error: usage: :quit (it takes no arguments)\n<stdin>:9:13: error: usage: :steps on|off\n");
  CHECK(r.status == 1);
}

// Bytes no line may hold are errors inside a comment too (they were accepted there), and JSON
// stays JSON for a line of invalid UTF-8 (its raw byte was copied into "input").
TEST_CASE("a comment's characters are checked, and JSON quotes invalid UTF-8 as U+FFFD") {
  auto r = run_ddx("", std::string("x+1 # \xff\nx+2 # caf\xc3\xa9\nx+3 # a\x01z\nx+4 # tab\there\r\n", 46));
  CHECK(r.out == "x + 2\nx + 4\n");
  CHECK(r.err == "<stdin>:1:7: error: invalid UTF-8 byte 0xFF\n<stdin>:3:8: error: unexpected control character U+0001\n");
  r = run_ddx("--format json", "x + \xff\n");
  CHECK(r.out == "{\"input\": \"x + \\ufffd\", \"error\": {\"message\": \"invalid UTF-8 byte 0xFF\", \"line\": 1, \"column\": 5}}\n");
}

// A line continued with '\' is read as one, but an error in it is said at its own physical line
// and column (it was said at the first line, with the column in the joined text: 1:7).
TEST_CASE("an error in a continued line is at its own line and column") {
  auto r = run_ddx("", "x + \\\n1/0\nx + \\\ny + \\\n(z\n");
  CHECK(r.err == "<stdin>:2:3: error: division by zero\n<stdin>:5:3: error: expected ')'\n");
  r = run_ddx("--format json", "α + \\\n1/0\n");
  CHECK(r.out == "{\"input\": \"α + 1/0\", \"error\": {\"message\": \"division by zero\", \"line\": 2, \"column\": 3}}\n");
}

// In a file or a pipe a line continues as at the prompt: with CRLF line endings the `\` was
// followed by the CR, and the continuation line ran as a statement of its own (` + x` printed x,
// and y = 2 was lost); a `\` before a comment did not continue either.
TEST_CASE("a continued line with a Windows line ending or a comment after its backslash") {
  auto r = run_ddx("", "d/dx (x^2 + \\\r\n 3x)\r\ny = 2 \\\r\n + x\r\ny\r\nd/dx x^4 \\ # more below\n + x\n");
  CHECK(r.err.empty());
  CHECK(r.out == "2x + 3\nx + 2\n4x^3 + 1\n");
  r = run_ddx("", "x + \\\r\n1/0\r\n");
  CHECK(r.err == "<stdin>:2:3: error: division by zero\n");
}

// A plot that cannot be drawn is an error at its statement's column like any other (it had none),
// and a folder is no file to plot to (it was taken, and the next plot failed to write).
TEST_CASE("plot errors have a column, and :plot-to refuses a folder") {
  auto r = run_ddx("", "x; plot(x, x = 0 .. 1)\n:plot-to /tmp\n");
  CHECK(r.err == "<stdin>:1:4: error: plot draws in a terminal; here, write it to a file first with :plot-to FILE.svg\n"
                 "<stdin>:2:10: error: '/tmp' is a folder: usage: :plot-to FILE.svg\n");
}
