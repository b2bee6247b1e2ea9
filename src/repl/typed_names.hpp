// SPDX-License-Identifier: GPL-3.0-or-later
// The names a statement's text holds, read off its words before any meaning is given to them.
#pragma once

#include <string_view>
#include <vector>

#include "core/expr.hpp"

namespace ddx {

// The words of a formula's text: runs of letters, digits and underscores that begin with a letter,
// but the exponent of a number (1e-8).
std::vector<std::string_view> formula_words(std::string_view text);

// The names typed in a statement, as symbols (built-in functions and procedures left out), for the
// LaTeX name check: x_1 in the question tells x1 in the answer apart, so that d/dx1 (x1^2 + x_1),
// whose answer 2 x1 holds no x_1, is not written 2 x_{1}.
std::vector<Expr> typed_names(std::string_view statement);

}  // namespace ddx
