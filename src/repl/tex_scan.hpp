// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the export's LaTeX reading (tex_measure.cpp, tex_break.cpp): walking LaTeX math
// by its commands, brace groups, \left…\right pairs and environments.
#pragma once

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ddx::tex {

inline bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The end of the command that starts at s[i] == '\\': a run of letters, or one other character.
inline std::size_t command_end(std::string_view s, std::size_t i) {
  std::size_t e = i + 1;
  if (e < s.size() && !is_letter(s[e])) return e + 1;
  while (e < s.size() && is_letter(s[e])) ++e;
  return e;
}

inline std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
  return i;
}

// After `\left` or `\right`: past its delimiter, `(`, `.`, `\{` or `\|`.
inline std::size_t skip_delimiter(std::string_view s, std::size_t i) {
  i = skip_spaces(s, i);
  if (i >= s.size()) return i;
  return s[i] == '\\' ? command_end(s, i) : i + 1;
}

// Past the brace group that opens at s[i] == '{' (escaped braces inside are text).
inline std::size_t group_end(std::string_view s, std::size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) return i + 1;
  }
  return s.size();
}

// The next argument of a command at or after i: a brace group's inside, a command, or one
// character; and where it ends.
inline std::pair<std::string_view, std::size_t> argument(std::string_view s, std::size_t i) {
  i = skip_spaces(s, i);
  if (i >= s.size()) return {{}, i};
  if (s[i] == '{') {
    std::size_t e = group_end(s, i);
    return {s.substr(i + 1, e - i - 2 + (e == s.size() && s.back() != '}' ? 1 : 0)), e};
  }
  std::size_t e = s[i] == '\\' ? command_end(s, i) : i + 1;
  return {s.substr(i, e - i), e};
}

// Calls visit(i, depth_before) for each character and command of `s`, with the depth of braces,
// \left…\right pairs and environments it stands at. Returns nothing: the visitor keeps what it needs.
template <typename Visit>
void scan(std::string_view s, Visit visit) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\\') {
      std::size_t e = command_end(s, i);
      std::string_view name = s.substr(i + 1, e - i - 1);
      if (name == "right" || name == "end") --depth;
      visit(i, depth);
      if (name == "left" || name == "begin") ++depth;
      i = name == "left" || name == "right" ? skip_delimiter(s, e) : e;
      continue;
    }
    if (c == '}') --depth;
    visit(i, depth);
    if (c == '{') ++depth;
    ++i;
  }
}

inline std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

// `s` cut at each top-level occurrence of `separator` (`\\` between rows, `&` between cells).
inline std::vector<std::string_view> split_top(std::string_view s, std::string_view separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  scan(s, [&](std::size_t i, int depth) {
    if (depth == 0 && s.substr(i, separator.size()) == separator && i >= start) {
      parts.push_back(s.substr(start, i - start));
      start = i + separator.size();
    }
  });
  parts.push_back(s.substr(start));
  return parts;
}

// The commands after which a space or a sign starts no new operand: relations, operators, spaces.
inline bool ends_with_operator_command(std::string_view before) {
  static const std::string_view commands[] = {"le", "leq", "ge", "geq", "ne", "neq", "approx", "to", "cdot", "times",
                                              "quad", "qquad", "colon", "in", "mid", "implies", "longrightarrow", "left"};
  std::size_t name = before.size();
  while (name > 0 && is_letter(before[name - 1])) --name;
  if (name == 0 || before[name - 1] != '\\') return before.size() >= 2 && before[before.size() - 2] == '\\';  // \; \,
  return std::find(std::begin(commands), std::end(commands), before.substr(name)) != std::end(commands);
}

}  // namespace ddx::tex
