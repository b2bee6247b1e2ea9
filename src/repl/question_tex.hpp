// SPDX-License-Identifier: GPL-3.0-or-later
// A statement's question as mathematics, for `:export`: read from its syntax tree (which keeps
// what was written: `f(3)`, `d/dx`, `at`, the procedure called) with each plain part resolved
// against the definitions it was answered under and printed as ddx prints expressions.
// `∂x5/∂x2 at x1 = 3, x2 = 4` -> `\left.\frac{\partial x_{5}}{\partial x_{2}}\right|_{x_{1} = 3,\, x_{2} = 4}`;
// `tangent(x^2, x = 1)` -> the caption `\text{tangent to } x^{2} \text{ at } x = 1`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "eval/result.hpp"
#include "repl/definitions.hpp"

namespace ddx {

struct TexQuestion {
  // Words and math that name what was asked, set before a colon: `\text{tangent to } x^{2} \text{
  // at } x = 1`. Empty when the left side says it all.
  std::string caption;
  // The left side of the answer's equation: `\frac{d}{dx} x^{2}`, `J`, `\nabla f`. Empty when the
  // answer brings its own (`y = 2 x - 1`, `\mathrm{d}z = …`) or is a block under the caption.
  std::string lhs;
  // Between the left side and the answer: `=`, `\approx`.
  std::string relation = "=";
};

// The question of `input`, answered under `definitions` after the answer `previous` (what `ans`
// meant). Throws nothing: a statement that no longer reads (it cannot happen for an answered one)
// comes back as its words in roman type.
TexQuestion question_tex(std::string_view input, const DefinitionsSnapshot& definitions,
                         const std::optional<eval::Value>& previous);

// Words in roman type: `\text{tangent to }`, LaTeX's special characters escaped, anything but
// ASCII dropped (a file name's accents are not worth a package).
std::string tex_words(std::string_view s);

}  // namespace ddx
