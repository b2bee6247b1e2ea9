// SPDX-License-Identifier: GPL-3.0-or-later
// Julia-style LaTeX names for Tab completion in the REPL: `\partial` -> ∂, `\pi` -> π,
// `\alpha` ... `\omega` -> Greek letters. Only symbols the parser reads back are listed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ddx {

// The UTF-8 symbol for a LaTeX name such as "\\alpha", or nullptr.
const char* latex_symbol(std::string_view name);
// Every known LaTeX name, with its backslash, in table order.
std::vector<std::string> latex_symbol_names();

}  // namespace ddx
