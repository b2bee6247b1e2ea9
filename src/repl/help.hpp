// SPDX-License-Identifier: GPL-3.0-or-later
// Help texts: `:help [topic]` in the REPL and `ddx --help`.
#pragma once

#include <string>
#include <string_view>

namespace ddx {

std::string help_text(std::string_view topic);
std::string usage_text();

// The man page's lists, in troff, from the tables (the build fills them into src/repl/ddx.1.in).
std::string man_functions();
std::string man_procedures();
std::string man_commands();
// The template with @FUNCTIONS@, @PROCEDURES@ and @COMMANDS@ filled in.
std::string man_page(std::string page);

}  // namespace ddx
