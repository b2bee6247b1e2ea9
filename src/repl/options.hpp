// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line options, one table: `ddx --help`, the man page's synopsis and the bash
// completion script read it; main.cpp parses by it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ddx {

struct CommandLineOption {
  std::string_view short_name;  // "-e", or empty
  std::string_view long_name;   // "--format", or empty
  std::string_view argument;    // "FMT", "SECS", or empty when the option takes none
  std::string_view help;        // one line
};

const std::vector<CommandLineOption>& command_line_options();

// The bash completion script for ddx: option names, format names after -f/--format, files.
std::string bash_completion();

}  // namespace ddx
