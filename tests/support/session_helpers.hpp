// SPDX-License-Identifier: GPL-3.0-or-later
// Drives a Session the way the front end does and returns what it would print.
#pragma once

#include <string>
#include <vector>

#include "repl/render.hpp"
#include "repl/session.hpp"

namespace ddx_test {

// The printed answer(s) of one line, joined by '\n'; errors as "error@COL: message".
inline std::string answer(ddx::Session& s, const std::string& line) {
  std::string out;
  for (const ddx::Outcome& o : s.eval_line(line)) {
    std::string piece = o.kind == ddx::Outcome::Kind::Error
                            ? "error@" + std::to_string(o.column) + ": " + o.message
                            : ddx::render_stdout(o, s.format(), 1);
    if (piece.empty()) continue;
    if (!out.empty()) out += "\n";
    out += piece;
  }
  return out;
}

// The answer to the last of `lines`, typed one after another into one session.
inline std::string answer_after(const std::vector<std::string>& lines, ddx::print::Format f = ddx::print::Format::Text) {
  ddx::Session s;
  s.set_format(f);
  std::string last;
  for (const std::string& line : lines) last = answer(s, line);
  return last;
}

inline std::string answer(const std::string& line) {
  ddx::Session s;
  return answer(s, line);
}

}  // namespace ddx_test
