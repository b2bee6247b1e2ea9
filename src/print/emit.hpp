// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to src/print: the emitters that walk a display tree, and the small naming helpers
// they share (Greek letters, superscripts, LaTeX names). Not part of the public API.
#pragma once

#include <string>
#include <string_view>

#include "core/greek.hpp"
#include "print/present.hpp"
#include "print/print.hpp"

namespace ddx::print {

// Text, Unicode and Code: the one-line formats (text.cpp).
std::string emit_linear(const Display& d, Format f);
// LaTeX (latex.cpp).
std::string emit_latex(const Display& d);

// "12" -> "¹²" (digits and '-' only).
std::string superscript(std::string_view s);
// A symbol or abstract function name in LaTeX: x_{1}, \alpha, \mathrm{rate}.
std::string latex_name(std::string_view name);

}  // namespace ddx::print
