// SPDX-License-Identifier: GPL-3.0-or-later
// Breaking LaTeX math into lines that fit (see tex_measure.hpp): between terms, between factors,
// inside brackets, between words, and stacking what nothing else can break.
#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "repl/tex_measure.hpp"  // tex_break is declared there, with the measure it relies on
#include "repl/tex_scan.hpp"

namespace ddx {
namespace {

using namespace tex;

// A piece that can open up: a `\left…\right` pair or a fraction, at top level.
struct Opening {
  std::size_t begin = 0, inner_begin = 0, inner_end = 0, end = 0;
  bool fraction = false;
  double width = 0;
};

// The widest top-level `\left…\right` pair or `\frac` of `s`.
Opening widest_opening(std::string_view s) {
  Opening best;
  std::size_t open = std::string_view::npos, inner = 0;
  scan(s, [&](std::size_t i, int depth) {
    if (s[i] != '\\') return;
    std::size_t e = command_end(s, i);
    std::string_view name = s.substr(i + 1, e - i - 1);
    if (depth == 0 && name == "left") {
      open = i;
      inner = skip_delimiter(s, e);
    } else if (depth == 0 && name == "right" && open != std::string_view::npos) {
      Opening o{open, inner, i, skip_delimiter(s, e), false, tex_width(s.substr(inner, i - inner))};
      if (o.width > best.width) best = o;
      open = std::string_view::npos;
    } else if (depth == 0 && name == "frac") {
      auto [top, after_top] = argument(s, e);
      if (after_top > s.size() || after_top == 0 || s[after_top - 1] != '}') return;  // \frac12: nothing to open
      std::size_t top_begin = after_top - 1 - top.size();
      std::size_t after_bottom = argument(s, after_top).second;
      Opening o{i, top_begin, top_begin + top.size(), after_bottom, true, tex_width(top)};
      if (o.width > best.width) best = o;
    }
  });
  return best;
}

std::vector<std::string> break_piece(const std::string& piece, double first, double rest);

// Does the brace group at s[brace] follow a function's name, as ddx writes a call
// (`\sin{`, `\tan^{2}{`, `\operatorname{relu}{`, `f{`), rather than being an argument itself?
bool function_before(std::string_view s, std::size_t brace) {
  static const std::string_view taking_arguments[] = {"frac", "dfrac", "tfrac", "binom", "sqrt", "text", "textrm", "mathrm",
                                                      "operatorname", "mbox", "begin", "end", "overset", "underset", "stackrel"};
  std::size_t p = brace;
  while (p > 0 && s[p - 1] == '}') {  // a power or an index of the function, or its \operatorname{name}
    int depth = 0;
    std::size_t q = p - 1;
    for (;; --q) {
      if (s[q] == '}') ++depth;
      if (s[q] == '{' && --depth == 0) break;
      if (q == 0) return false;
    }
    if (q > 0 && (s[q - 1] == '^' || s[q - 1] == '_')) {
      p = q - 1;
      continue;
    }
    return s.substr(0, q).ends_with("\\operatorname") || s.substr(0, q).ends_with("\\mathrm");
  }
  std::size_t n = p;
  while (n > 0 && is_letter(s[n - 1])) --n;
  if (n == p) return false;
  if (n == 0 || s[n - 1] != '\\') return true;  // f{\left(x \right)}
  std::string_view command = s.substr(n, p - n);
  return std::find(std::begin(taking_arguments), std::end(taking_arguments), command) == std::end(taking_arguments);
}

// `piece` with the braces around a function's bracketed argument dropped at the top level
// (`\tan{\left(x + 1 \right)}` -> `\tan\left(x + 1 \right)`: the same to the eye), so that the
// bracket can open across lines, which a brace group cannot.
std::string unbraced_arguments(const std::string& piece) {
  std::string out;
  std::size_t copied = 0;
  scan(piece, [&](std::size_t i, int depth) {
    if (depth != 0 || i < copied || piece[i] != '{' || piece.compare(i + 1, 5, "\\left") != 0) return;
    if (!function_before(piece, i)) return;  // \frac{\left(…, x^{\left(…: braces that matter
    std::size_t end = group_end(piece, i);
    // The group must be one \left…\right pair: its \right closes just before the brace.
    std::size_t right = std::string_view(piece).substr(0, end).rfind("\\right");
    int pairs = 0;
    scan(std::string_view(piece).substr(i + 1, end - i - 2), [&](std::size_t j, int d) {
      if (d == 0 && piece.compare(i + 1 + j, 5, "\\left") == 0) ++pairs;
    });
    if (pairs != 1 || right == std::string::npos || skip_delimiter(piece, right + 6) != end - 1) return;
    out += piece.substr(copied, i - copied) + piece.substr(i + 1, end - i - 2);
    copied = end;
  });
  return out + piece.substr(copied);
}

std::vector<std::string> open_widest(const std::string& given, double first, double rest) {
  const std::string piece = unbraced_arguments(given);
  Opening o = widest_opening(piece);
  if (o.width == 0) return {given};
  if (o.fraction) {  // \frac{A}{B} -> \frac{1}{B} \left(A\right): the numerator can then break
    std::string_view s = piece;
    std::size_t bottom_begin = o.inner_end + 1;  // past the numerator's closing brace
    // A denominator as wide is better stacked in place (tex_break's last resort).
    if (tex_width(s.substr(bottom_begin, o.end - bottom_begin)) >= o.width) return {given};
    std::string rewritten = std::string(s.substr(0, o.begin)) + "\\frac{1}" +
                            std::string(s.substr(bottom_begin, o.end - bottom_begin)) + " \\left(" +
                            std::string(s.substr(o.inner_begin, o.inner_end - o.inner_begin)) + "\\right)" +
                            std::string(s.substr(o.end));
    if (widest_opening(rewritten).fraction) return {given};
    std::vector<std::string> lines = break_piece(rewritten, first, rest);  // 1/B, then the bracket
    return lines.size() > 1 ? lines : std::vector<std::string>{given};  // unbroken, it stays as written
  }
  std::string prefix = piece.substr(0, o.inner_begin);  // up to and with \left(
  std::string inner = piece.substr(o.inner_begin, o.inner_end - o.inner_begin);
  std::string close = piece.substr(o.inner_end, o.end - o.inner_end);
  std::string suffix = trim(std::string_view(piece).substr(o.end));
  // The bracket's own exponent or subscript (`\right)^{2}`) stays with it.
  while (!suffix.empty() && (suffix[0] == '^' || suffix[0] == '_')) {
    std::size_t end = argument(suffix, 1).second;
    close += suffix.substr(0, end);
    suffix = trim(std::string_view(suffix).substr(end));
  }
  double prefix_width = tex_width(prefix);
  std::vector<std::string> inner_lines = tex_break(inner, first - prefix_width - 0.5, rest - 1.0);
  // (One line that changed is a fraction stacked inside: d/dx of a quotient, as a question.)
  if (inner_lines.size() == 1 && inner_lines[0] == inner) return {given};
  std::vector<std::string> lines;
  for (std::size_t k = 0; k < inner_lines.size(); ++k) {
    std::string line = k == 0 ? prefix + inner_lines[k] : "\\left. {} " + inner_lines[k];
    lines.push_back(k + 1 < inner_lines.size() ? line + " \\right." : line + " " + close);
  }
  if (suffix.empty()) return lines;
  if (tex_width(lines.back() + " " + suffix) <= rest) {
    lines.back() += " " + suffix;
    return lines;
  }
  // What follows the bracket goes on: a factor after a times sign, a term after its operator.
  bool term = suffix[0] == '+' || suffix[0] == '-';
  std::vector<std::string> more = tex_break(term ? suffix : "\\cdot " + suffix, rest, rest);
  lines.insert(lines.end(), more.begin(), more.end());
  return lines;
}

// The widest top-level `\text{…}` of `piece` cut between its words, so that lines fit; {piece}
// when it has none with a space in it.
std::vector<std::string> break_words(const std::string& piece, double first, double rest) {
  std::size_t best = std::string::npos, best_end = 0;
  double widest = 0;
  scan(piece, [&](std::size_t i, int depth) {
    if (depth != 0 || piece.compare(i, 6, "\\text{") != 0) return;
    std::size_t end = group_end(piece, i + 5);
    double w = tex_width(std::string_view(piece).substr(i, end - i));
    if (w > widest && piece.substr(i, end - i).find(' ') != std::string::npos) best = i, best_end = end, widest = w;
  });
  if (best == std::string::npos) return {piece};
  std::string before = piece.substr(0, best), after = piece.substr(best_end);
  std::string text = piece.substr(best + 6, best_end - best - 7);
  std::vector<std::string> lines;
  std::string line = before + "\\text{";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t space = text.find(' ', start + 1);
    std::string word = text.substr(start, space == std::string::npos ? std::string::npos : space - start);
    double budget = lines.empty() ? first : rest;
    if (!line.ends_with("\\text{") && tex_width(line + word + "}") > budget) {
      lines.push_back(line + "}");
      line = "\\text{";
      if (word.starts_with(" ")) word.erase(0, 1);
    }
    line += word;
    start = space == std::string::npos ? text.size() : space;
  }
  lines.push_back(line + "}" + after);
  return lines;
}

// `part` (a numerator or denominator) as an aligned block of lines at most `width` wide, or as
// it is when it cannot break.
std::string stacked(const std::string& part, double width) {
  std::vector<std::string> lines = tex_break(part, width, width - 1.0);
  if (lines.size() == 1) return part;
  std::string out = "\\begin{aligned} &";
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? " \\\\ &\\quad {} " : "") + lines[i];
  return out + " \\end{aligned}";
}

// `line` with each top-level fraction whose numerator or denominator is wider than `width`
// stacked: \frac{2 x}{\begin{aligned} &x^{30} + … \\ &\quad {} + … \end{aligned}}.
std::string stack_wide_fractions(const std::string& line, double width) {
  std::string out;
  std::size_t copied = 0;
  scan(line, [&](std::size_t i, int depth) {
    if (depth != 0 || i < copied || line.compare(i, 5, "\\frac") != 0) return;
    if (command_end(line, i) != i + 5) return;  // \fraction: another command
    auto [top, after_top] = argument(line, i + 5);
    auto [bottom, after_bottom] = argument(line, after_top);
    if (line[after_top - 1] != '}' || line[after_bottom - 1] != '}') return;  // \frac12
    auto part = [&](std::string_view p) {
      std::string s(p);
      return tex_width(s) > std::max(width, 10.0) ? stacked(s, width) : s;  // never 32 x^{6} stacked
    };
    out += line.substr(copied, i - copied) + "\\frac{" + part(top) + "}{" + part(bottom) + "}";
    copied = after_bottom;
  });
  return out + line.substr(copied);
}

// Is the top-level space at i between two factors of a product (`5 \left(x + 1\right)^{9}`)?
bool factor_boundary(std::string_view s, std::size_t i) {
  if (i == 0 || s[i - 1] == ' ') return false;
  std::size_t next = i;
  while (next < s.size() && s[next] == ' ') ++next;
  if (next == s.size()) return false;
  if (std::string_view("=+-<>,([&{").find(s[i - 1]) != std::string_view::npos) return false;
  if (std::string_view("=+-<>,)]^_}&").find(s[next]) != std::string_view::npos) return false;
  if (ends_with_operator_command(s.substr(0, i))) return false;
  if (s[next] != '\\') return true;
  // Before a command: a new factor unless it joins (\cdot, \right, a relation, a space, \\).
  std::string_view command = s.substr(next + 1, command_end(s, next) - next - 1);
  static const std::string_view joining[] = {"cdot", "times", "right", "le", "leq", "ge", "geq", "ne", "neq", "approx", "to",
                                             "quad", "qquad", ",", ";", ":", "!", "end", "\\"};
  return std::find(std::begin(joining), std::end(joining), command) == std::end(joining);
}

// An operator that takes the factor after it (\sum_{n=1}^{N} x_{n}, \frac{d}{dx} f, \nabla f).
bool takes_operand(std::string_view factor) {
  for (std::string_view op : {"\\sum", "\\nabla", "\\frac{d}", "\\frac{d^", "\\frac{\\partial}", "\\frac{\\partial^"})
    if (factor.starts_with(op)) return true;
  return false;
}

// `piece` cut between the factors of its product; one factor: {piece}.
std::vector<std::string> factors(std::string_view piece) {
  std::vector<std::string> out;
  std::size_t start = 0;
  scan(piece, [&](std::size_t i, int depth) {
    if (depth != 0 || piece[i] != ' ' || !factor_boundary(piece, i)) return;
    if (std::string f = trim(piece.substr(start, i - start)); !f.empty()) out.push_back(std::move(f));
    start = i + 1;
  });
  if (std::string f = trim(piece.substr(start)); !f.empty()) out.push_back(std::move(f));
  for (std::size_t k = 0; k + 1 < out.size();) {  // an operator keeps its operand
    if (!takes_operand(out[k])) {
      ++k;
      continue;
    }
    out[k] += " " + out[k + 1];
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }
  return out;
}

std::vector<std::string> pack(const std::vector<std::string>& pieces, double first, double rest, const std::string& continuation);

// One piece (a term) too wide for its line: between its factors (the lines after the first
// starting with \cdot), else inside its widest bracket or fraction, else between words.
std::vector<std::string> break_piece(const std::string& piece, double first, double rest) {
  if (std::vector<std::string> f = factors(piece); f.size() > 1) return pack(f, first, rest, "\\cdot ");
  std::vector<std::string> lines = open_widest(piece, first, rest);
  if (lines.size() == 1 && lines[0] == piece) lines = break_words(piece, first, rest);
  return lines;
}

// Pieces joined into lines that fit where they can; a line that starts with a piece other than
// the first has `continuation` before it; a piece too wide alone is broken itself.
std::vector<std::string> pack(const std::vector<std::string>& pieces, double first, double rest, const std::string& continuation) {
  std::vector<std::string> lines;
  std::string line;
  auto budget = [&] { return lines.empty() ? first : rest; };
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::string& piece = pieces[k];
    if (!line.empty() && tex_width(line + " " + piece) <= budget()) {
      line += " " + piece;
      continue;
    }
    if (!line.empty() && tex_width(piece) > rest) {  // 3 \left(…: the bracket opens after what leads it
      std::vector<std::string> opened = open_widest(line + " " + piece, budget(), rest);
      if (opened.size() > 1 && tex_width(opened.front()) <= budget()) {
        lines.insert(lines.end(), opened.begin(), opened.end() - 1);
        line = opened.back();
        continue;
      }
    }
    if (!line.empty()) lines.push_back(std::exchange(line, {}));
    std::string start = k == 0 ? piece : continuation + piece;
    if (tex_width(start) <= budget()) {
      line = start;
      continue;
    }
    std::vector<std::string> broken = break_piece(start, budget(), rest);
    lines.insert(lines.end(), broken.begin(), broken.end() - 1);
    line = broken.back();
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::vector<std::string> tex_break(const std::string& math, double first, double rest) {
  if (tex_width(math) <= first) return {math};
  std::vector<std::string> lines = pack(tex_terms(math), first, rest, "");
  // What is still too wide may hold a fraction whose parts can stack.
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (double budget = i == 0 ? first : rest; tex_width(lines[i]) > budget) lines[i] = stack_wide_fractions(lines[i], budget - 1.0);
  return lines;
}

}  // namespace ddx
