// SPDX-License-Identifier: GPL-3.0-or-later
// Where input lines come from: a plain stream (pipes, files, CI) or GNU Readline (a terminal).
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

// Completion candidates for the word being typed (functions, defined names, :commands).
using Completer = std::function<std::vector<std::string>()>;

// GNU Readline with persistent history ($XDG_STATE_HOME/ddx/history) and completion, including
// Julia-style LaTeX names (`\partial` Tab -> ∂).
std::unique_ptr<LineReader> make_readline_reader(Completer names);

}  // namespace ddx
