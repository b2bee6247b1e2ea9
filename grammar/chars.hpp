// SPDX-License-Identifier: GPL-3.0-or-later
// The ASCII character classes of the normalised text, for the grammar's hand-written scans (the
// X3 rules use Spirit's own ascii classes, which agree with these).
#pragma once

namespace ddx::grammar {

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_letter(c) || is_digit(c); }
inline bool is_name_char(char c) { return is_alnum(c) || c == '_'; }  // after a name's first letter

} // namespace ddx::grammar
