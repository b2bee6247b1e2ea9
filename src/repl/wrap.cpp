// SPDX-License-Identifier: GPL-3.0-or-later
// Wrapping long answers under their start (see wrap.hpp).
#include "repl/wrap.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <vector>

namespace ddx {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The code points of a line, each as its bytes.
std::vector<std::string> code_points(const std::string& line) {
  std::vector<std::string> out;
  for (char c : line) {
    if (continuation_byte(c) && !out.empty()) out.back() += c;
    else out.emplace_back(1, c);
  }
  return out;
}

// Where continuation lines start: after a leading `NAME = ` (the answer's own start), else 4.
std::size_t hanging_indent(const std::vector<std::string>& cps, std::size_t width) {
  for (std::size_t i = 0; i + 2 < cps.size() && i < width / 2; ++i)
    if (cps[i] == " " && cps[i + 1] == "=" && cps[i + 2] == " ") return i + 3;
  return 4;
}

// Breaks one line: before " + " / " - " at bracket depth 0 when there is one in reach, else at the
// last space, else at the width.
std::string wrap_line(const std::string& line, std::size_t width) {
  std::vector<std::string> cps = code_points(line);
  if (cps.size() <= width) return line;
  std::size_t indent = hanging_indent(cps, width);
  if (indent + 20 > width) indent = 4;  // a narrow terminal: keep room for the answer
  std::string out;
  std::size_t start = 0, room = width;
  while (cps.size() - start > room) {
    std::size_t term_break = 0, space_break = 0;
    int depth = 0;
    for (std::size_t i = start; i < start + room; ++i) {
      const std::string& c = cps[i];
      if (c == "(" || c == "[") ++depth;
      if (c == ")" || c == "]") --depth;
      if (c != " " || i == start) continue;
      space_break = i;
      bool sign = i + 2 < cps.size() && (cps[i + 1] == "+" || cps[i + 1] == "-" || cps[i + 1] == "−") && cps[i + 2] == " ";
      if (sign && depth <= 0) term_break = i;
    }
    std::size_t cut = term_break ? term_break : space_break ? space_break : start + room;
    for (std::size_t i = start; i < cut; ++i) out += cps[i];
    out += "\n" + std::string(indent, ' ');
    start = cut < cps.size() && cps[cut] == " " ? cut + 1 : cut;
    room = width - indent;
  }
  for (std::size_t i = start; i < cps.size(); ++i) out += cps[i];
  return out;
}

}  // namespace

std::string wrap_for_terminal(const std::string& text, std::size_t width) {
  if (width < 30) return text;  // too narrow to help: leave it to the terminal
  std::string out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    out += wrap_line(text.substr(begin, end - begin), width);
    if (end == text.size()) break;
    out += '\n';
    begin = end + 1;
  }
  return out;
}

std::size_t terminal_width() {
  winsize w{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) != 0 || w.ws_col == 0) return 0;
  return w.ws_col;
}

}  // namespace ddx
