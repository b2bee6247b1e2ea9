// SPDX-License-Identifier: GPL-3.0-or-later
// Help texts: `:help [topic]` in the REPL and `ddx --help`.
#pragma once

#include <string>
#include <string_view>

namespace ddx {

std::string help_text(std::string_view topic);
std::string usage_text();

}  // namespace ddx
