// SPDX-License-Identifier: GPL-3.0-or-later
// Long answers at a terminal wrap under their start (docs/language.md §11): between terms where
// possible, continuation lines indented, nothing lost or reordered.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "repl/wrap.hpp"
#include "support/session_helpers.hpp"

namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The text with every line break and the indentation after it taken out.
std::string unwrapped(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n') {
      out += s[i];
      continue;
    }
    out += ' ';
    while (i + 1 < s.size() && s[i + 1] == ' ') ++i;
  }
  return out;
}

}  // namespace

TEST_CASE("wrap: a long answer breaks before a term and indents under its start") {
  std::string answer = ddx_test::answer("expand((x + y + 1)^5)");
  REQUIRE(answer.size() > 100);
  std::string w = ddx::wrap_for_terminal(answer, 60);
  CHECK(unwrapped(w) == answer);
  std::size_t begin = 0, lines = 0;
  while (begin < w.size()) {
    std::size_t end = w.find('\n', begin);
    if (end == std::string::npos) end = w.size();
    std::string line = w.substr(begin, end - begin);
    CHECK(code_points(line) <= 60);
    if (lines > 0) {
      CHECK(line.starts_with("    "));
      CHECK((line.substr(4, 2) == "+ " || line.substr(4, 2) == "- "));  // broken between terms
    }
    ++lines;
    begin = end + 1;
  }
  CHECK(lines >= 3);
}

TEST_CASE("wrap: after NAME = the continuation lines start under the answer") {
  std::string line = "∂z/∂x = " + ddx_test::answer("expand((x + y + 1)^4)");
  std::string w = ddx::wrap_for_terminal(line, 50);
  CHECK(unwrapped(w) == line);
  CHECK(w.find("\n        ") != std::string::npos);  // 8 columns: under the first column after "∂z/∂x = "
  // Short lines, and several lines, pass through unchanged.
  CHECK(ddx::wrap_for_terminal("2x\n3y", 50) == "2x\n3y");
}

TEST_CASE("wrap: random long lines keep every character and fit the width") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    std::string line;
    int words = 5 + static_cast<int>(rng() % 60);
    for (int i = 0; i < words; ++i) {
      if (i) line += rng() % 3 == 0 ? " + " : " ";
      line += std::string(1 + rng() % 12, static_cast<char>('a' + rng() % 26));
      if (rng() % 5 == 0) line += "²";
    }
    std::size_t width = 30 + rng() % 60;
    std::string w = ddx::wrap_for_terminal(line, width);
    CAPTURE(line);
    CHECK(unwrapped(w) == line);
    std::size_t begin = 0;
    while (begin < w.size()) {
      std::size_t end = w.find('\n', begin);
      if (end == std::string::npos) end = w.size();
      CHECK(code_points(w.substr(begin, end - begin)) <= width);
      begin = end + 1;
    }
  }
}
