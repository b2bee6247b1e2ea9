// SPDX-License-Identifier: GPL-3.0-or-later
// Declarations (see declarations.hpp).
#include "matrix/declarations.hpp"

#include <algorithm>
#include <cctype>

#include "core/greek.hpp"
#include "core/number.hpp"
#include "matrix/build.hpp"  // detail::dim_text

namespace ddx::matrix {
namespace {

constexpr std::string_view element_of = "\xE2\x88\x88";  // ∈
constexpr std::string_view reals = "\xE2\x84\x9D";       // ℝ
constexpr std::string_view superscript_n = "\xE2\x81\xBF";  // ⁿ
constexpr std::string_view times_sign = "\xC3\x97";         // ×: R^(m × n)

// A cursor over the line that skips spaces.
struct Reader {
  std::string_view line;
  std::size_t at = 0;
  void spaces() {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  }
  bool take(std::string_view s) {
    spaces();
    if (line.substr(at, s.size()) != s) return false;
    at += s.size();
    return true;
  }
  std::string_view word() {  // (a view: every line is asked whether it declares)
    spaces();
    std::size_t b = at;
    if (at < line.size() && std::isalpha(static_cast<unsigned char>(line[at]))) {
      while (at < line.size() && (std::isalnum(static_cast<unsigned char>(line[at])) || line[at] == '_')) ++at;
    }
    return line.substr(b, at - b);
  }
  // A name as the reader spells it: a Greek letter is its name (θ is theta, θ1 theta1).
  std::string name() {
    spaces();
    for (const GreekLetter& g : greek_letters)
      if (line.substr(at, g.letter.size()) == g.letter) {
        at += g.letter.size();
        std::size_t b = at;
        while (at < line.size() && (std::isalnum(static_cast<unsigned char>(line[at])) || line[at] == '_')) ++at;
        return std::string(g.name) + std::string(line.substr(b, at - b));
      }
    return std::string(word());
  }
  std::string digits() {
    spaces();
    std::size_t b = at;
    while (at < line.size() && std::isdigit(static_cast<unsigned char>(line[at]))) ++at;
    return std::string(line.substr(b, at - b));
  }
  // At the end of the line, or of what it says before a comment (or a CRLF's CR).
  bool done() {
    spaces();
    return at == line.size() || line[at] == '#' || (line[at] == '\r' && at + 1 == line.size());
  }
};

// `in` or `∈`, then `R` or `ℝ`: true when the line has them after its first word.
bool declaration_head(Reader& r) {
  if (r.name().empty()) return false;
  std::size_t before = r.at;
  r.spaces();
  bool in = r.take(element_of);
  if (!in) {
    r.at = before;
    if (r.at >= r.line.size() || (r.line[r.at] != ' ' && r.line[r.at] != '\t')) return false;  // a space before `in`
    in = r.word() == "in";
  }
  return in && (r.take("R") || r.take(reals));
}

Expr dimension(Reader& r) {
  r.spaces();
  std::size_t at = r.at;
  std::string d = r.digits();
  if (!d.empty()) {
    if (d.size() > 18) throw DeclarationError("a dimension is a whole number below 10^18 or a name", at);
    Number n = Number::from_integer_text(d);
    if (n.is_zero()) throw DeclarationError("a dimension is at least 1", at);
    return num(n);
  }
  std::string_view name = r.word();
  if (name.empty()) throw DeclarationError("expected a dimension: a whole number or a name (n)", at);
  return sym(name);
}

}  // namespace

std::string Declaration::text() const {
  if (shape.cols.is_one()) return name + " in R^" + detail::dim_text(shape.rows);
  return name + " in R^(" + detail::dim_text(shape.rows) + ", " + detail::dim_text(shape.cols) + ")";
}

bool is_declaration(std::string_view line) {
  // Every line is asked: one without an R or ℝ cannot declare, and most have neither.
  if (line.find('R') == std::string_view::npos && line.find(reals) == std::string_view::npos) return false;
  Reader r{line};
  return declaration_head(r) && (r.take("^") || r.take(superscript_n));
}

Declaration read_declaration(std::string_view line) {
  Reader r{line};
  Declaration d;
  r.spaces();
  d.name = Reader{line, r.at}.name();
  if (d.name == "T") throw DeclarationError("'T' cannot be declared: x^T is the transpose", r.at);
  if (!declaration_head(r)) throw DeclarationError("expected NAME in R^n", r.at);
  r.spaces();
  if (r.take(superscript_n)) {  // ℝⁿ
    d.shape.rows = sym("n");
  } else if (!r.take("^")) {
    throw DeclarationError("expected '^' and the dimensions: R^n or R^(m, n)", r.at);
  } else if (r.take("(")) {
    d.shape.rows = dimension(r);
    if (!r.take(",") && !r.take(times_sign)) throw DeclarationError("expected ',' between the dimensions: R^(m, n)", r.at);
    d.shape.cols = dimension(r);
    if (!r.take(")")) throw DeclarationError("expected ')'", r.at);
  } else {
    d.shape.rows = dimension(r);
  }
  if (!r.done())
    throw DeclarationError(line[r.at] == ';' ? "a declaration stands alone on its line" : "unexpected text after the declaration", r.at);
  return d;
}

const Declaration* Declarations::find(std::string_view name) const {
  auto it = std::find_if(list_.begin(), list_.end(), [&](const Declaration& d) { return d.name == name; });
  return it == list_.end() ? nullptr : &*it;
}

void Declarations::declare(Declaration d) {
  auto it = std::find_if(list_.begin(), list_.end(), [&](const Declaration& x) { return x.name == d.name; });
  if (it != list_.end()) {
    *it = std::move(d);
  } else {
    list_.push_back(std::move(d));
  }
}

bool Declarations::erase(std::string_view name) {
  auto it = std::find_if(list_.begin(), list_.end(), [&](const Declaration& d) { return d.name == name; });
  if (it == list_.end()) return false;
  list_.erase(it);
  return true;
}

}  // namespace ddx::matrix
