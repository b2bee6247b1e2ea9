// SPDX-License-Identifier: GPL-3.0-or-later
// Tables of typed lines and what ddx must print for each: the exact answer, or an error whose
// message contains the given words.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/session_helpers.hpp"

namespace ddx_test {

struct Row {
  const char* input;
  const char* expected;  // the printed answer, or "error: WORDS" for an error containing WORDS
};

// The answer to row.input in session s, against row.expected.
inline void check_row(ddx::Session& s, const Row& row) {
  std::string input = row.input;
  CAPTURE(input);
  std::string got = answer(s, row.input);
  std::string expected = row.expected;
  if (expected.rfind("error: ", 0) == 0) {
    CHECK(got.rfind("error@", 0) == 0);
    CHECK_MESSAGE(got.find(expected.substr(7)) != std::string::npos, got);
  } else {
    CHECK(got == expected);
  }
}

// Each row in a fresh session after `setup`.
inline void check_rows(const std::vector<Row>& rows, const std::vector<std::string>& setup = {}) {
  for (const Row& row : rows) {
    ddx::Session s;
    for (const std::string& line : setup) REQUIRE(answer(s, line).find("error") == std::string::npos);
    check_row(s, row);
  }
}

// The rows one after another in one session.
inline void check_in_turn(const std::vector<Row>& rows) {
  ddx::Session s;
  for (const Row& row : rows) check_row(s, row);
}

}  // namespace ddx_test
