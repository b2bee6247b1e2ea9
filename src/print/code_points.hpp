// SPDX-License-Identifier: GPL-3.0-or-later
// The width of UTF-8 text as ddx counts columns: in code points, its bytes that start one (·, ²,
// −, ∂ are one column each; docs/language.md counts error columns so too).
#pragma once

#include <cstddef>
#include <string_view>

namespace ddx {

inline std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace ddx
