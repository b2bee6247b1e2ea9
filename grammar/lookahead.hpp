// SPDX-License-Identifier: GPL-3.0-or-later
// Character-level lookaheads the grammar asks before committing to a construct that would be
// costly to try and abandon: bracket matching for a whole line, and "does a derivative written
// as a fraction start here" (`d(x^2)/dx`). Plain C++ over the normalised text; no Spirit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <boost/container/small_vector.hpp>

namespace ddx::grammar {

inline constexpr std::uint32_t no_match = UINT32_MAX;

// The matching closing bracket of every '(' or '[' of a line, found the first time one is asked
// (only a `d` before a bracket or a call might start a derivative written as a fraction:
// `d(x^2)/dx`, `df(x)/dx`, and so `diff(` asks too). Only the opening brackets with their
// partners are kept, in the order of the opening brackets (a table for every offset would take 4
// bytes per byte of the line).
class BracketPairs {
public:
    explicit BracketPairs(std::string_view text) : text_(text) {}
    // The offset of the bracket closing the one at `open`, or no_match (none, or no bracket there).
    std::uint32_t closing(std::size_t open) const;  // linear the first time, then logarithmic

private:
    struct Pair {
        std::uint32_t open, close;
    };
    void match() const;
    std::string_view text_;
    mutable bool matched_ = false;
    mutable boost::container::small_vector<Pair, 16> pairs_;  // in place for a line of a few brackets
};

// True when a derivative written as a fraction starts at `pos` (at a `d` or the ∂ marker):
// "d" ["^" N] NUMERATOR "/" ("d" | "∂") LETTER, where NUMERATOR is a bracketed group, a call
// `f(x)`, or a name or group raised to a power (`x^2`). A bare name (`dy/dx`) is a Leibniz
// quotient, not this. Logarithmic time per bracket skipped (uses `brackets`).
bool fraction_derivative_ahead(std::string_view text, std::size_t pos, BracketPairs const& brackets);

} // namespace ddx::grammar
