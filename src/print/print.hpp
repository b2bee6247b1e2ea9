// SPDX-License-Identifier: GPL-3.0-or-later
// The printers' public face: an Expr in any format (docs/language.md §9), and the Leibniz symbols
// (dy/dx, ∂z/∂x) that chain displays need. Printing never changes the expression: every text,
// unicode and code string parses back to the same canonical Expr.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.hpp"

namespace ddx::print {

// Every output format, in one enum. Json is a statement-level wrapper (print/json.hpp): its
// fields are the other formats, and an expression "in Json" is written as Text. Code and the
// formats after Json are other systems' syntax (foreign.cpp): Code is the common subset,
// SymPy, Maxima and Mathematica their own dialects, and Python, NumPy and C whole functions
// (program.hpp) whose expressions use that language's syntax.
enum class Format { Text, Unicode, Latex, Code, Json, SymPy, Maxima, Mathematica, Python, NumPy, C };

// Whether an answer in f is pasted into another system: one expression (or, for the programs, one
// function) and nothing else: no notes, conditions or layout.
bool is_code(Format f);
// Python, NumPy and C: an answer is a complete function (program.hpp).
bool is_program(Format f);
// Text, Unicode and Code: one expression on one line, which write_expression writes in pieces.
bool is_one_line(Format f);

// An answer the format cannot express (an abstract function in generated C, a sum nested in a
// sum's body in C): the statement's output is this error instead.
struct Unprintable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "text" -> Text, ...; nullopt for an unknown name. format_names() lists them for help and completion.
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format f);
const std::vector<std::string_view>& format_names();
// "unknown format 'NAME' (text, unicode, ...)": the error for a name parse_format() does not know.
std::string unknown_format_message(std::string_view name);

// `2 sin(x) cos(x)/x - sin(x)^2/x^2` (Text), `… − sin²(x)/x²` (Unicode),
// `\frac{…}{x} - \frac{\sin^{2}{\left(x \right)}}{x^{2}}` (Latex), `2*sin(x)*cos(x)/x - …` (Code).
std::string to_string(Expr e, Format f);

// to_string(e, f), or, where that would print more than `max_listed_terms` terms, a note of the
// expression's size in its place: listings of definitions (:vars, :export) stay readable and end
// (a body built by composing functions, f_k(t) = f_(k-1)(f_(k-1)(t)), is 2^128 terms long as a tree).
std::string listing(Expr e, Format f);

// Where write_expression puts text, piece by piece.
using TextSink = std::function<void(std::string_view)>;
// Writes to_string(e, f) to `sink`. In the one-line formats (Text, Unicode, Code) a long answer
// goes in pieces of some 64 KB as it is printed, between the terms of a sum or the factors of a
// product, so that its whole text is never held: a 10 MB answer in 64 KB.
void write_expression(Expr e, Format f, const TextSink& sink);

// A Leibniz symbol: d num / d vars, or the operator d/d vars when num is empty. `vars` holds one entry per differentiation ({x, y} for
// ∂²z/∂x∂y) or a single variable repeated `order` times ({x} with order 2 is d²y/dx²).
// Text `dy/dx`, `d^2y/dx^2`, `∂^2z/∂x∂y`; Unicode `d²y/dx²`; Latex `\frac{dy}{dx}`,
// `\frac{\partial^{2} z}{\partial x \partial y}`; Code `diff(y, x)`, `diff(z, x, y)`.
std::string leibniz(std::string_view num, std::vector<std::string> vars, int order, bool partial, Format f);

// A variable name as the format writes it: `x_1` -> `x_{1}`, `alpha` -> `\alpha` (Latex),
// `alpha` -> `α` (Unicode); unchanged in Text and Code but for a negative subscript: `x_-1` ->
// `x_(-1)` (Text, Code), `x_(−1)` (Unicode), `x_{-1}` (Latex).
std::string symbol_name(std::string_view name, Format f);


}  // namespace ddx::print
