// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target (a): the parser alone. Any byte string must come back as statements or one
// positioned diagnostic, in bounded time, without a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "grammar/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  ddx::grammar::ParseOutcome out = ddx::grammar::parse_line(line);
  // Exercise the dump too, and check the invariants every caller relies on.
  std::string text = ddx::grammar::dump(out);
  if (!out.ok()) {
    const auto& d = out.diagnostics.front();
    if (d.span.begin > size || d.span.end > size || d.column == 0) __builtin_trap();
    // Messages are for people: a leaked C++ type name (X3's fallback for an unnamed parser) is a bug.
    if (d.message.find("ddx") != std::string::npos || d.message.find("boost") != std::string::npos) __builtin_trap();
  }
  return static_cast<int>(text.size() & 0);
}
