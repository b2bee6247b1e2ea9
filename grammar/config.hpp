// SPDX-License-Identifier: GPL-3.0-or-later
// The iterator and the exact X3 context type shared by the grammar's instantiation
// (formula.cpp) and its only call site (parse.cpp). They must match, or the link fails.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "grammar/lookahead.hpp"

namespace ddx::grammar::parser {
namespace x3 = boost::spirit::x3;

// The grammar runs over the normalised (pure ASCII) copy of the line, see utf8.hpp.
using iterator_type = char const*;

// Threaded through the parse with x3::with<state_tag>: the input start (spans are offsets from
// it), what the lookaheads know of the line (lookahead.hpp), whether a derivative was tried, and
// the first expectation failure (on_error stores it; nothing is printed).
struct ParseState {
    iterator_type begin = nullptr;
    iterator_type end = nullptr;
    BracketPairs const* brackets = nullptr;
    std::size_t last_slash = 0;     // a derivative written as a fraction starts before it
    bool derivative_tried = false;  // a derivative rule ran (the trees need their orders checked)
    bool range_made = false;        // a range was read (its end is checked: parse.cpp's Finisher)
    bool failed = false;
    iterator_type where = nullptr;
    std::string which;
};
struct state_tag;

using skipper_type = x3::ascii::blank_type;
using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type = x3::context<state_tag, ParseState, phrase_context_type>;

} // namespace ddx::grammar::parser
