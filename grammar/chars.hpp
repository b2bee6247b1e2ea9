// SPDX-License-Identifier: GPL-3.0-or-later
// The ASCII character classes of the normalised text, for the grammar's hand-written scans (the
// X3 rules use Spirit's own ascii classes, which agree with these). One table lookup each: the
// scans ask them of nearly every byte of a line.
#pragma once

#include <array>
#include <cstdint>

namespace ddx::grammar {
namespace char_class {
enum : std::uint8_t { blank = 1, digit = 2, letter = 4, underscore = 8 };
inline constexpr std::array<std::uint8_t, 256> table = [] {
    std::array<std::uint8_t, 256> t{};
    t[' '] = t['\t'] = blank;
    for (int c = '0'; c <= '9'; ++c) t[c] = digit;
    for (int c = 'a'; c <= 'z'; ++c) t[c] = letter;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = letter;
    t['_'] = underscore;
    return t;
}();
inline bool of(char c, std::uint8_t classes) { return (table[static_cast<unsigned char>(c)] & classes) != 0; }
} // namespace char_class

inline bool is_blank(char c) { return char_class::of(c, char_class::blank); }
inline bool is_digit(char c) { return char_class::of(c, char_class::digit); }
inline bool is_letter(char c) { return char_class::of(c, char_class::letter); }
inline bool is_alnum(char c) { return char_class::of(c, char_class::letter | char_class::digit); }
// after a name's first letter
inline bool is_name_char(char c) { return char_class::of(c, char_class::letter | char_class::digit | char_class::underscore); }

// Whether a number literal is a decimal: it has a point or an exponent. (A loop: find_first_of
// would scan the digits once for each of the three characters.)
inline bool is_decimal_literal(char const* begin, char const* end) {
    for (char const* p = begin; p != end; ++p)
        if (*p == '.' || *p == 'e' || *p == 'E') return true;
    return false;
}

} // namespace ddx::grammar
