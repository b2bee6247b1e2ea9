// SPDX-License-Identifier: GPL-3.0-or-later
// The interactive loop of the REPL: prompts, continuation lines, Ctrl-C on a line and during a
// computation, Ctrl-D. Printing an outcome is the caller's job (run_line).
#pragma once

#include <functional>
#include <string>

#include "repl/line_reader.hpp"
#include "repl/session.hpp"

namespace ddx {

using RunLine = std::function<void(const std::string& line, std::size_t line_number)>;

// Reads logical lines from `reader` and hands each to `run_line` until Ctrl-D or :quit.
void run_interactive(Session& session, LineReader& reader, const RunLine& run_line);

// Joins a continuation line onto `logical`: its trailing `\` (and any comment after it) is
// dropped and the lines are glued, as in batch mode.
void join_continuation(std::string& logical, const std::string& next);

}  // namespace ddx
