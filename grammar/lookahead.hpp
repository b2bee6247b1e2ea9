// SPDX-License-Identifier: GPL-3.0-or-later
// Character-level lookaheads the grammar asks before committing to a construct that would be
// costly to try and abandon: bracket matching for a whole line, and "does a derivative written
// as a fraction start here" (`d(x^2)/dx`). Plain C++ over the normalised text; no Spirit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ddx::grammar {

inline constexpr std::uint32_t no_match = UINT32_MAX;

// For every '(' or '[' of `text`, the offset of its matching closing bracket (no_match when it
// has none); other offsets hold no_match. Linear.
std::vector<std::uint32_t> matching_brackets(std::string_view text);

// True when a derivative written as a fraction starts at `pos` (at a `d` or the ∂ marker):
// "d" ["^" N] NUMERATOR "/" ("d" | "∂") LETTER, where NUMERATOR is a bracketed group, a call
// `f(x)`, or a name or group raised to a power (`x^2`). A bare name (`dy/dx`) is a Leibniz
// quotient, not this. Constant time per bracket skipped (uses `closing`).
bool fraction_derivative_ahead(std::string_view text, std::size_t pos, std::vector<std::uint32_t> const& closing);

} // namespace ddx::grammar
