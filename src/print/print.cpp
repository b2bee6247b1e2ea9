// SPDX-License-Identifier: GPL-3.0-or-later
// The public entry points (print.hpp): format dispatch, Leibniz symbols for chain displays, and
// the naming helpers shared by the emitters (Greek letters, superscripts, LaTeX names).
#include <array>
#include <cctype>
#include <cstdint>

#include "calculus/simplify.hpp"
#include "core/greek.hpp"
#include "core/node.hpp"
#include "core/sums.hpp"
#include "print/emit.hpp"
#include "print/latex_plain.hpp"
#include "print/foreign.hpp"

namespace ddx::print {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// A name without subscript: \alpha, x, \mathrm{rate}. LaTeX has no \omicron: it is a plain o.
std::string latex_head(std::string_view head) {
  if (head == "omicron") return "o";
  if (!greek_letter(head).empty()) return "\\" + std::string(head);
  if (head.size() == 1) return std::string(head);
  return "\\mathrm{" + std::string(head) + "}";
}

}  // namespace

std::string superscript(std::string_view s) {
  static constexpr std::array<std::string_view, 10> digits{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : s) {
    if (c == '-')
      out += "⁻";
    else if (std::isdigit(static_cast<unsigned char>(c)))
      out += digits[c - '0'];
  }
  return out;
}

std::string latex_name(std::string_view name) {
  if (latex_written_plainly(name)) return "\\mathrm{" + std::string(name) + "}";  // x1 beside x_1
  // x_1 -> x_{1}, w_11 -> w_{11}, alpha_2 -> \alpha_{2}, x1 -> x_{1}.
  if (auto u = name.find('_'); u != std::string_view::npos && u > 0 && u + 1 < name.size()) {
    std::string_view sub = name.substr(u + 1);
    bool whole = all_digits(sub) || (sub.size() > 1 && sub[0] == '-' && all_digits(sub.substr(1)));  // x_{-1}
    return latex_head(name.substr(0, u)) + "_{" + (whole ? std::string(sub) : latex_name(sub)) + "}";
  }
  std::size_t d = name.size();
  while (d > 0 && std::isdigit(static_cast<unsigned char>(name[d - 1]))) --d;
  if (d > 0 && d < name.size()) return latex_head(name.substr(0, d)) + "_{" + std::string(name.substr(d)) + "}";
  return latex_head(name);
}

std::string symbol_name(std::string_view name, Format f) {
  // x_-1, an entry a sum from a negative bound writes out: x_(-1), as x_-1 would read x_ - 1.
  if (auto u = name.find("_-"); u != std::string_view::npos && f != Format::Latex)
    return symbol_name(name.substr(0, u), f) + "_(" + (f == Format::Unicode ? "−" : "-") + std::string(name.substr(u + 2)) + ")";
  switch (f) {
    case Format::Latex: return latex_name(name);
    case Format::Unicode: {
      // A Greek name becomes its letter, with its index: θ, θ1, θ_1 (each reads back as the name).
      std::string_view g = greek_letter(name);
      if (!g.empty()) return std::string(g);
      for (std::size_t letters = 2; letters < name.size(); ++letters)
        if (std::string_view head = greek_letter(name.substr(0, letters));
            !head.empty() && name.substr(0, letters) != "pi" &&
            (std::isdigit(static_cast<unsigned char>(name[letters])) || name[letters] == '_'))
          return std::string(head) + std::string(name.substr(letters));
      return std::string(name);
    }
    default: return std::string(name);
  }
}

namespace {
// About five characters per node of the tree the answer writes out (sin(x) is two nodes);
// a long answer (sin(sin(...)) 2000 deep: 10 MB) then takes one buffer, not one per doubling
// (which would hold the old and the new at once), and what the estimate leaves unwritten is
// never touched, so it costs no memory.
std::size_t expected_length(Expr e) {
  constexpr std::size_t chars_per_node = 5, most_reserved = std::size_t{1} << 26;
  return std::min(e.node()->tree_size, most_reserved / chars_per_node) * chars_per_node;
}
}  // namespace

std::string listing(Expr e, Format f) {
  constexpr std::size_t max_listed_terms = 10'000;
  std::size_t terms = calc::expr_size(e);
  if (terms <= max_listed_terms) return to_string(e, f);
  std::string note = terms == SIZE_MAX ? "an expression too long to count, let alone show"  // (the size saturates)
                                       : "an expression of about " + std::to_string(terms) + " terms, too long to show";
  return f == Format::Latex ? "\\text{(" + note + ")}" : "(" + note + ")";
}

std::string to_string(Expr e, Format f) {
  if (f > Format::Json) return foreign_expression(e, f);  // (a count is a loop there, as any sum)
  e = with_counts(e);
  if (e.is(Kind::Add) && f != Format::Latex) return emit_linear(SumTerms(e), f, expected_length(e));
  Display d = present(e);
  if (f == Format::Latex) return emit_latex(d);
  return emit_linear(d, f, expected_length(e));
}

void write_expression(Expr e, Format f, const TextSink& sink) {
  if (!is_one_line(f)) return sink(to_string(e, f));
  e = with_counts(e);
  std::string rest = e.is(Kind::Add) ? emit_linear(SumTerms(e), f, expected_length(e), sink)
                                     : emit_linear(present(e), f, expected_length(e), sink);
  sink(rest);
}

std::string leibniz(std::string_view num, std::vector<std::string> vars, int order, bool partial, Format f) {
  if (vars.size() == 1 && order > 1) vars.assign(static_cast<std::size_t>(order), vars[0]);
  int n = static_cast<int>(vars.size());
  // Runs of one variable: {x, x, y} -> (x, 2), (y, 1).
  std::vector<std::pair<std::string, int>> runs;
  for (auto& v : vars) {
    if (!runs.empty() && runs.back().first == v)
      ++runs.back().second;
    else
      runs.emplace_back(v, 1);
  }
  if (f == Format::Code) {
    std::string out = "diff(" + std::string(num);
    if (runs.size() == 1)
      return out + ", " + runs[0].first + (n > 1 ? ", " + std::to_string(n) : "") + ")";
    for (auto& v : vars) out += ", " + v;
    return out + ")";
  }
  if (f == Format::Latex) {
    std::string d = partial ? "\\partial" : "d";
    std::string sep = partial ? " " : "";
    std::string top = d + (n > 1 ? "^{" + std::to_string(n) + "}" : "") + (num.empty() ? "" : sep + latex_name(num));
    std::string bottom;
    for (auto& [v, k] : runs)
      bottom += (bottom.empty() ? "" : " ") + d + sep + latex_name(v) + (k > 1 ? "^{" + std::to_string(k) + "}" : "");
    return "\\frac{" + top + "}{" + bottom + "}";
  }
  auto power = [&](int k) {
    return f == Format::Unicode ? superscript(std::to_string(k)) : "^" + std::to_string(k);
  };
  std::string d = partial ? "∂" : "d";
  std::string out = d + (n > 1 ? power(n) : "") + symbol_name(num, f) + "/";
  for (auto& [v, k] : runs) out += d + symbol_name(v, f) + (k > 1 ? power(k) : "");
  return out;
}

namespace {
constexpr std::pair<std::string_view, Format> format_table[] = {
    {"text", Format::Text}, {"unicode", Format::Unicode}, {"latex", Format::Latex},
    {"code", Format::Code}, {"json", Format::Json}, {"sympy", Format::SymPy},
    {"maxima", Format::Maxima}, {"mathematica", Format::Mathematica}, {"python", Format::Python},
    {"numpy", Format::NumPy}, {"c", Format::C},
};
}  // namespace

bool is_code(Format f) { return f == Format::Code || f > Format::Json; }
bool is_one_line(Format f) { return f == Format::Text || f == Format::Unicode || f == Format::Code; }
bool is_program(Format f) { return f == Format::Python || f == Format::NumPy || f == Format::C; }

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [n, f] : format_table)
    if (n == name) return f;
  return std::nullopt;
}

std::string_view format_name(Format f) {
  for (const auto& [n, g] : format_table)
    if (g == f) return n;
  return "text";
}

const std::vector<std::string_view>& format_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const auto& [n, f] : format_table) v.push_back(n);
    return v;
  }();
  return names;
}

std::string unknown_format_message(std::string_view name) {
  std::string known;
  for (std::string_view n : format_names()) known += (known.empty() ? "" : ", ") + std::string(n);
  return "unknown format '" + std::string(name) + "' (" + known + ")";
}

}  // namespace ddx::print
