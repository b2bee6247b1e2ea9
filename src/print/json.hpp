// SPDX-License-Identifier: GPL-3.0-or-later
// JSON string literals, shared by the JSON output format and the table printer.
#pragma once

#include <string>
#include <string_view>

namespace ddx::print {

// `"text"` with quotes, backslashes and control characters escaped (UTF-8 passes through).
std::string json_quote(std::string_view s);

}  // namespace ddx::print
