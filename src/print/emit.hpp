// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to src/print: the emitters that walk a display tree, and the small naming helpers
// they share (Greek letters, superscripts, LaTeX names). Not part of the public API.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <span>

#include "core/greek.hpp"
#include "print/present.hpp"
#include "print/print.hpp"

namespace ddx::print {

// Text, Unicode and Code: the one-line formats (text.cpp).
// `expected_size`: room to reserve, so that a long answer's text is not copied as it doubles.
std::string emit_linear(const Display& d, Format f, std::size_t expected_size = 0);
// The same for a sum, presenting one term at a time (a long answer's whole tree is never held).
std::string emit_linear(const SumTerms& terms, Format f, std::size_t expected_size = 0);
// Both, handing finished text to `sink` as they go (write_expression); they return the rest.
std::string emit_linear(const Display& d, Format f, std::size_t expected_size, const TextSink& sink);
std::string emit_linear(const SumTerms& terms, Format f, std::size_t expected_size, const TextSink& sink);
// The runs of one argument index in a derivative's indices: {0, 0, 1} -> (0, 2), (1, 1), as
// diff(f(u, v), u, 2, v, 1) writes them (foreign.cpp).
std::vector<std::pair<int, std::size_t>> derivative_runs(std::span<const int> indices);
// Term i of the sum d as it reads after the terms before it (first: none), `a`, ` + b`, ` - c`,
// `-a`, with the format's minus sign; put_child(parent, i, out) writes child i of parent,
// bracketed as needed.
template <typename PutChild>
void put_sum_term(const Display& d, std::size_t i, bool first, std::string& out, std::string_view minus,
                  PutChild&& put_child) {
  const Display& t = d.children[i];
  if (t.kind == DKind::Neg) {
    if (!first) out += ' ';
    out += minus;
    if (!first) out += ' ';
    put_child(t, 0, out);
  } else {
    if (!first) out += " + ";
    put_child(d, i, out);
  }
}
// A sum's terms in reading order, `a + b - c`, `-a + b`.
template <typename PutChild>
void put_sum(const Display& d, std::string& out, std::string_view minus, PutChild&& put_child) {
  for (std::size_t i = 0; i < d.children.size(); ++i) put_sum_term(d, i, i == 0, out, minus, put_child);
}
// LaTeX (latex.cpp).
std::string emit_latex(const Display& d);

// "12" -> "¹²" (digits and '-' only).
std::string superscript(std::string_view s);
// A decimal's digits as LaTeX writes them: 1e-05 -> 1 \cdot 10^{-5} (an `e` would read as
// Euler's number); without an exponent, as they are.
std::string latex_decimal(std::string_view digits);
// A symbol or abstract function name in LaTeX: x_{1}, \alpha, \mathrm{rate}.
std::string latex_name(std::string_view name);

}  // namespace ddx::print
