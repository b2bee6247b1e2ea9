// SPDX-License-Identifier: GPL-3.0-or-later
// Is a LaTeX string's grouping whole: every `{` closed, none closed before it opens (escaped
// braces `\{` `\}` are text)? For the tests of LaTeX output.
#pragma once

#include <string>

namespace ddx_test {

inline bool braces_balance(const std::string& s) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth == 0;
}

}  // namespace ddx_test
