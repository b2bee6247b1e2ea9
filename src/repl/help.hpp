// SPDX-License-Identifier: GPL-3.0-or-later
// Help texts: `:help [topic]` in the REPL and `ddx --help`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ddx {

// The help on a topic (empty: the general help); nullopt for a topic there is none on.
std::optional<std::string> help_text(std::string_view topic);
// The topics, for messages: "diff chain functions ...".
inline constexpr std::string_view help_topics = "diff chain functions procedures vectors formats commands errors";
std::string usage_text();

// The man page's lists, in troff, from the tables (the build fills them into src/repl/ddx.1.in).
std::string man_options();
std::string man_functions();
std::string man_procedures();
std::string man_commands();
// The template with @OPTIONS@, @FUNCTIONS@, @PROCEDURES@ and @COMMANDS@ filled in.
std::string man_page(std::string page);

}  // namespace ddx
