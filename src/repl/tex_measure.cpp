// SPDX-License-Identifier: GPL-3.0-or-later
// Measuring LaTeX math and finding its terms (see tex_measure.hpp). The widths are those of
// Computer Modern at 10pt, rounded up: a line the export thinks fits must fit.
#include "repl/tex_measure.hpp"

#include "core/greek.hpp"
#include "repl/tex_scan.hpp"

namespace ddx {
namespace {

using namespace tex;

double measure(std::string_view s);

// An environment's body: its rows stacked, its cells side by side with `gap` between columns
// (`pair_gap` after every second column of an aligned block, whose columns pair up).
double environment(std::string_view body, double gap, double pair_gap) {
  std::vector<double> columns;
  for (std::string_view row : split_top(body, "\\\\")) {
    std::vector<std::string_view> cells = split_top(row, "&");
    if (columns.size() < cells.size()) columns.resize(cells.size(), 0.0);
    for (std::size_t c = 0; c < cells.size(); ++c) columns[c] = std::max(columns[c], measure(cells[c]));
  }
  double w = 0;
  for (std::size_t c = 0; c < columns.size(); ++c) w += columns[c] + (c == 0 ? 0.0 : c % 2 == 0 ? pair_gap : gap);
  return w;
}

// Visible characters of text-mode material (UTF-8 continuation bytes do not count).
double text_width(std::string_view s) {
  double n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '{' && c != '}') n += c == ' ' ? 0.35 : 0.55;
  return n;
}

double symbol_width(std::string_view name) {
  static const std::pair<std::string_view, double> table[] = {
      {"quad", 1.0},   {"qquad", 2.0},   {",", 0.17},     {";", 0.28},    {":", 0.22},     {"!", -0.17},
      {" ", 0.35},     {"cdot", 0.8},    {"times", 1.3},  {"le", 1.35},   {"leq", 1.35},   {"ge", 1.35},
      {"geq", 1.35},   {"neq", 1.35},    {"ne", 1.35},    {"approx", 1.35}, {"to", 1.5},   {"longrightarrow", 2.2},
      {"implies", 2.4}, {"partial", 0.6}, {"nabla", 0.9},  {"sum", 1.5},   {"prod", 1.5},   {"infty", 1.0},
      {"dots", 1.2},   {"ldots", 1.2},   {"cdots", 1.2},  {"pi", 0.6},    {"\\", 0.0},     {"%", 0.85},
      {"&", 0.8},      {"#", 0.85},      {"{", 0.5},      {"}", 0.5},     {"|", 0.3},      {"$", 0.5},
      {"mid", 0.9},    {"in", 1.3},      {"colon", 0.5},
  };
  for (const auto& [n, w] : table)
    if (n == name) return w;
  if (!greek_letter(name).empty()) return 0.65;  // \alpha, \Omega
  // Operator names (\sin, \arctan): a little over half an em a letter.
  return name.size() <= 2 ? 0.6 : std::max(0.65, 0.5 * static_cast<double>(name.size()));
}

double char_width(char c) {
  switch (c) {
    case '+': case '-': case '=': case '<': case '>': return 1.35;  // a binary operator or relation with its spaces
    case ',': case ';': return 0.45;
    case ':': return 0.6;
    case '(': case ')': case '[': case ']': return 0.42;
    case '|': case '\'': case '.': case '!': return 0.3;
    default: break;
  }
  if (std::isdigit(static_cast<unsigned char>(c))) return 0.5;
  if (std::isupper(static_cast<unsigned char>(c))) return 0.78;
  if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) return 0.0;
  return 0.58;
}

// The width of a run of math.
double measure(std::string_view s) {
  double w = 0;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == ' ' || c == '\n' || c == '&' || c == '}') {
      ++i;
      continue;
    }
    if (c == '{') {
      std::size_t e = group_end(s, i);
      w += measure(s.substr(i + 1, e > i + 1 ? e - i - 2 : 0));
      i = e;
      continue;
    }
    if (c == '^' || c == '_') {
      auto [arg, next] = argument(s, i + 1);
      w += 0.72 * measure(arg);
      i = next;
      continue;
    }
    if (c != '\\') {
      w += char_width(c);
      ++i;
      continue;
    }
    std::size_t e = command_end(s, i);
    std::string_view name = s.substr(i + 1, e - i - 1);
    if (name == "frac" || name == "dfrac" || name == "tfrac" || name == "binom") {
      auto [top, after_top] = argument(s, e);
      auto [bottom, after_bottom] = argument(s, after_top);
      w += std::max(measure(top), measure(bottom)) + 0.4;
      i = after_bottom;
    } else if (name == "overset" || name == "underset" || name == "stackrel") {
      auto [over, after_over] = argument(s, e);
      auto [base, after_base] = argument(s, after_over);
      w += std::max(0.72 * measure(over), measure(base));
      i = after_base;
    } else if (name == "sqrt") {
      auto [arg, next] = argument(s, e);
      w += measure(arg) + 1.0;
      i = next;
    } else if (name == "left" || name == "right") {
      std::size_t d = skip_spaces(s, e);
      w += d < s.size() && s[d] == '.' ? 0.12 : 0.6;  // a bracket grows with a fraction inside
      i = skip_delimiter(s, e);
    } else if (name == "text" || name == "textrm" || name == "texttt" || name == "textbf" || name == "mbox" ||
               name == "mathrm" || name == "operatorname") {
      auto [arg, next] = argument(s, e);
      w += text_width(arg);
      i = next;
    } else if (name == "begin") {
      auto [env, after_env] = argument(s, e);
      std::size_t body_start = after_env;
      if (env == "array") body_start = argument(s, after_env).second;  // the column specification
      // The matching \end: the first at this environment's depth.
      std::size_t end = s.size();
      scan(s.substr(i), [&](std::size_t j, int d) {
        if (end == s.size() && d == 0 && j > 0 && s.substr(i + j).starts_with("\\end")) end = i + j;
      });
      std::string_view body = s.substr(body_start, end > body_start ? end - body_start : 0);
      bool matrix = env == "pmatrix" || env == "bmatrix";
      bool aligned = env == "aligned" || env == "align*" || env == "split";
      w += environment(body, aligned ? 0.0 : 1.0, aligned ? 2.0 : 1.0) + (matrix ? 1.0 : 0.0);
      i = end < s.size() ? argument(s, command_end(s, end)).second : end;
    } else {
      w += symbol_width(name);
      i = e;
    }
  }
  return w;
}

// Is the top-level `+` or `-` at i a binary operator, and so a place to break before it? Not
// at the start, nor after an operator, a relation, a space or words (`\le -1`, `\text{with } -10`).
bool binary_at(std::string_view s, std::size_t i) {
  std::size_t p = i;
  while (p > 0 && s[p - 1] == ' ') --p;
  if (p == 0) return false;
  char before = s[p - 1];
  if (std::string_view("{([=,^_&+-<>").find(before) != std::string_view::npos) return false;
  if (before == '}') {  // the end of a group: words (\text{...}) are no operand
    int depth = 0;
    std::size_t open = p - 1;
    for (; open > 0; --open) {
      if (s[open] == '}') ++depth;
      if (s[open] == '{' && --depth == 0) break;
    }
    return !s.substr(0, open).ends_with("\\text");
  }
  return !ends_with_operator_command(s.substr(0, p));  // \pi - 1 is a difference, \le -1 a sign
}

}  // namespace

double tex_width(std::string_view math) { return measure(math); }

std::vector<std::string> tex_split(std::string_view math, std::string_view separator) {
  std::vector<std::string> out;
  for (std::string_view part : split_top(math, separator)) out.emplace_back(part);
  return out;
}

std::vector<std::string> tex_terms(std::string_view math) {
  std::vector<std::string> terms;
  std::size_t start = 0;
  scan(math, [&](std::size_t i, int depth) {
    if (depth == 0 && (math[i] == '+' || math[i] == '-') && binary_at(math, i)) {
      terms.push_back(trim(math.substr(start, i - start)));
      start = i;
    }
  });
  terms.push_back(trim(math.substr(start)));
  terms.erase(std::remove(terms.begin(), terms.end(), std::string()), terms.end());
  return terms;
}

std::vector<std::string> tex_split_equation(std::string_view math) {
  std::size_t at = std::string_view::npos;
  scan(math, [&](std::size_t i, int depth) {
    if (at == std::string_view::npos && depth == 0 && math[i] == '=') at = i;
  });
  if (at == std::string_view::npos) return {};
  return {trim(math.substr(0, at)), trim(math.substr(at + 1))};
}

}  // namespace ddx
