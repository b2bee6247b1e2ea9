// SPDX-License-Identifier: GPL-3.0-or-later
// Long answers at a terminal: a line wider than the terminal is broken before a `+` or `-` between
// terms (else at a space, else anywhere) and its continuation lines are indented under the start
// of the answer — after `NAME = ` when the line begins with one — so that a wrapped line never
// looks like a new line of output.
#pragma once

#include <cstddef>
#include <string>

namespace ddx {

// `text` (one or more lines) for a terminal `width` columns wide; columns are code points.
std::string wrap_for_terminal(const std::string& text, std::size_t width);

// The width of the terminal on standard output, or 0 when it is not one.
std::size_t terminal_width();

}  // namespace ddx
