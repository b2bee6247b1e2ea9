// SPDX-License-Identifier: GPL-3.0-or-later
// The terminal side of the REPL that is not readline: whether to use colour, how an error is
// shown to a person (the input echoed with a caret under the column), and SIGINT handling
// (Ctrl-C interrupts a computation or cancels the typed line; in batch it ends the run with 130).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "repl/session.hpp"

namespace ddx {

// Colour is on only for an interactive session and when NO_COLOR is unset or empty.
void set_colour(bool on);
bool colour();
// `text` wrapped in an SGR sequence when colour is on ("1;31" red, "2" dim, ...).
std::string paint(std::string_view sgr, std::string_view text);

// `  INPUT` / `  ^~~` / `error: MESSAGE` (caret only when the error has a column), or just
// `interrupted` for a cancelled computation.
std::string caret_error(std::string_view line, const Outcome& o);

// Installs the SIGINT handler (no SA_RESTART, so a blocking read returns EINTR). While a
// computation runs, the handler calls request_interrupt(); repeated Ctrl-C on a computation that
// does not stop ends the process with status 130 (batch: the second, interactive: the third).
void install_sigint_handler(bool interactive);
// True once per Ctrl-C that has not been consumed yet (the readline reader cancels the line).
bool take_sigint();
// True when any SIGINT arrived (batch mode exits 130 after flushing).
bool sigint_seen();
// Brackets a computation: clears stale interrupt requests and counts Ctrl-C presses.
void begin_computation();
void end_computation();

// Whether an interactive line must continue on the next one: it ends in `\` (before any `#`
// comment). An open bracket does not continue it: `d/dx (3x+` is the error with a caret under its
// end at once, as in batch, not a prompt that waits for a `)` the user may not know is missing.
bool needs_continuation(std::string_view line);

}  // namespace ddx
