// SPDX-License-Identifier: GPL-3.0-or-later
// The printers' public face: an Expr in one of four formats (docs/language.md §9), and the Leibniz symbols
// (dy/dx, ∂z/∂x) that chain displays need. Printing never changes the expression: every text,
// unicode and code string parses back to the same canonical Expr.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.hpp"

namespace ddx::print {

// Every output format, in one enum. Json is a statement-level wrapper (print/json.hpp): its
// fields are the other formats, and an expression "in Json" is written as Text.
enum class Format { Text, Unicode, Latex, Code, Json };

// "text" -> Text, ...; nullopt for an unknown name. format_names() lists them for help and completion.
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format f);
const std::vector<std::string_view>& format_names();

// `2 sin(x) cos(x)/x - sin(x)^2/x^2` (Text), `… − sin²(x)/x²` (Unicode),
// `\frac{…}{x} - \frac{\sin^{2}{\left(x \right)}}{x^{2}}` (Latex), `2*sin(x)*cos(x)/x - …` (Code).
std::string to_string(Expr e, Format f);

// A Leibniz symbol: d num / d vars, or the operator d/d vars when num is empty. `vars` holds one entry per differentiation ({x, y} for
// ∂²z/∂x∂y) or a single variable repeated `order` times ({x} with order 2 is d²y/dx²).
// Text `dy/dx`, `d^2y/dx^2`, `∂^2z/∂x∂y`; Unicode `d²y/dx²`; Latex `\frac{dy}{dx}`,
// `\frac{\partial^{2} z}{\partial x \partial y}`; Code `diff(y, x)`, `diff(z, x, y)`.
std::string leibniz(std::string_view num, std::vector<std::string> vars, int order, bool partial, Format f);

// A variable name as the format writes it: `x_1` -> `x_{1}`, `alpha` -> `\alpha` (Latex),
// `alpha` -> `α` (Unicode); unchanged in Text and Code.
std::string symbol_name(std::string_view name, Format f);


}  // namespace ddx::print
