// SPDX-License-Identifier: GPL-3.0-or-later
// UTF-8 decoding and normalisation of one input line into the plain ASCII the Spirit grammar
// parses (X3's character classes assert on bytes >= 0x80, so nothing else may reach them),
// with a map back to the original line's code points for spans and columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ddx::grammar {

// Stands for `∂` in the normalised text; the user cannot type it (control characters are rejected).
inline constexpr char partial_marker = '\x01';
// Stands for `⊙` (the entrywise product, also typed `.*`), likewise untypable.
inline constexpr char hadamard_marker = '\x02';

struct NormalizedLine {
    // ASCII (plus partial_marker): π -> "pi", α -> "alpha" (as a separate word), · × -> '*',
    // − -> '-', ² ³ ... -> "^2" "^3", ∂ -> partial_marker, ⊙ -> hadamard_marker; a `#` comment is cut off.
    std::string text;
    // Plain ASCII: each byte is its own code point and the maps below stay empty (a 1 MB line
    // would need 8 MB of them to say so).
    bool identity = false;
    // For each byte of `text` (plus one sentinel for the end): index of the original code point
    // it came from.
    std::vector<std::uint32_t> cp_of_byte;
    // For each original code point up to the end of the normalised part (plus sentinel): its byte
    // offset in the original line.
    std::vector<std::uint32_t> byte_of_cp;
    // Set when the line cannot be normalised: the code point index of the culprit and why.
    bool ok = true;
    std::uint32_t error_cp = 0;
    std::string error;

    // Original byte offset / code point of a normalised byte offset (offset <= text.size()).
    std::uint32_t cp_at(std::size_t offset) const {
        return identity ? static_cast<std::uint32_t>(offset) : cp_of_byte[offset];
    }
    // Original byte offset of a code point (cp <= the number of code points read).
    std::uint32_t byte_of(std::uint32_t cp) const { return identity ? cp : byte_of_cp[cp]; }
    std::uint32_t byte_at(std::size_t offset) const { return byte_of(cp_at(offset)); }
    // Exclusive end of a normalised range [b, e) in original bytes (e may fall inside an expansion).
    std::uint32_t end_byte_at(std::size_t begin, std::size_t end) const {
        return end <= begin ? byte_at(begin) : byte_of(cp_at(end - 1) + 1);
    }
};

// Linear in the line length; never throws except std::bad_alloc.
NormalizedLine normalize_line(std::string_view line);
// The same into `out`, whatever it held before, reusing its buffers (a line at a time, a reader
// saves their allocations).
void normalize_line(std::string_view line, NormalizedLine& out);

} // namespace ddx::grammar
