// SPDX-License-Identifier: GPL-3.0-or-later
// Turns statement outcomes into the text a front end prints: answers in the session's format
// (print/result.hpp), JSON objects, and error messages in `FILE:LINE:COL: error: ...` form.
#pragma once

#include <string>

#include "repl/session.hpp"

namespace ddx {

// What goes to stdout for an outcome in format `f` (may be empty; no trailing newline).
std::string render_stdout(const Outcome& o, print::Format f, std::size_t line_number);
// `SOURCE:LINE:COL: error: MESSAGE` for batch mode.
std::string render_error(const Outcome& o, std::string_view source, std::size_t line_number);

}  // namespace ddx
