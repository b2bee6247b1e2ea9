// SPDX-License-Identifier: GPL-3.0-or-later
// Where input lines come from: a plain stream (pipes, files, CI) or GNU Readline (a terminal).
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "repl/completion.hpp"

namespace ddx {

class LineReader {
 public:
  virtual ~LineReader() = default;
  // The next physical line without its newline, or nullopt at end of input or when the user
  // cancelled the line (Ctrl-C; then cancelled() is true until the next read).
  virtual std::optional<std::string> read(bool continuation) = 0;
  virtual bool cancelled() const { return false; }
};

class StreamLineReader : public LineReader {
 public:
  explicit StreamLineReader(std::istream& in) : in_(in) {}
  std::optional<std::string> read(bool) override {
    std::string line;
    if (!std::getline(in_, line)) return std::nullopt;
    return line;
  }

 private:
  std::istream& in_;
};

// What Tab offers for `word`, given the line before it (completion.hpp).
using Completer = std::function<Completion(std::string_view before, std::string_view word)>;

// GNU Readline with persistent history ($XDG_STATE_HOME/ddx/history) and completion, including
// Julia-style LaTeX names (`\partial` Tab -> ∂).
std::unique_ptr<LineReader> make_readline_reader(Completer names);

}  // namespace ddx
