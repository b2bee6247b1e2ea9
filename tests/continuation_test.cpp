// SPDX-License-Identifier: GPL-3.0-or-later
// Continuation lines of the REPL (docs/language.md §11): only a trailing `\` continues a line; an
// open bracket is a parse error at once, with its caret, as in batch.
#include <doctest/doctest.h>

#include "repl/interactive.hpp"
#include "repl/terminal.hpp"

TEST_CASE("continuation: a trailing backslash, before any comment, continues a line") {
  CHECK(ddx::needs_continuation("d/dx x^4 \\"));
  CHECK(ddx::needs_continuation("d/dx x^4 \\  # the rest follows"));
  CHECK_FALSE(ddx::needs_continuation("d/dx x^4"));
  CHECK_FALSE(ddx::needs_continuation("d/dx x^4 # a comment ending in \\"));
  CHECK_FALSE(ddx::needs_continuation(""));
  CHECK(ddx::needs_continuation("d/dx x^4 \\\r"));  // (a Windows line ending)
  // An open bracket is the parser's business: `d/dx (3x+` is an error, not a wait for `)`.
  CHECK_FALSE(ddx::needs_continuation("d/dx (3x+"));
  CHECK_FALSE(ddx::needs_continuation("grad([x^2, y"));
}

TEST_CASE("continuation: the lines are glued without the backslash and its comment") {
  std::string line = "d/dx x^4 \\ # more below";
  ddx::join_continuation(line, " + x");
  CHECK(line == "d/dx x^4  + x");
  line = "x + \\\r";
  ddx::join_continuation(line, "1");
  CHECK(line == "x + 1");
  line = "si\\";
  ddx::join_continuation(line, "n(x)");
  CHECK(line == "sin(x)");
}
