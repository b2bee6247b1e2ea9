// SPDX-License-Identifier: GPL-3.0-or-later
// The grammar's character-level lookaheads (see lookahead.hpp).
#include "grammar/lookahead.hpp"

#include "grammar/chars.hpp"
#include "grammar/utf8.hpp"

#include <algorithm>

#include <boost/container/small_vector.hpp>

namespace ddx::grammar {

void BracketPairs::match() const {
    // Every opening bracket gets its pair when it is met, so the pairs are in the order of their
    // opening brackets; the closing one is filled in later (it stays no_match when unbalanced or
    // closed by the other kind).
    std::string_view const text = text_;
    boost::container::small_vector<std::uint32_t, 16> open;  // indices into pairs_
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (c == '(' || c == '[') {
            open.push_back(static_cast<std::uint32_t>(pairs_.size()));
            pairs_.push_back({static_cast<std::uint32_t>(i), no_match});
        } else if (c == ')' || c == ']') {
            if (open.empty()) continue;
            Pair& pair = pairs_[open.back()];
            if ((text[pair.open] == '(') == (c == ')')) pair.close = static_cast<std::uint32_t>(i);
            open.pop_back();
        }
    }
    matched_ = true;
}

std::uint32_t BracketPairs::closing(std::size_t open) const {
    if (!matched_) match();
    auto it = std::lower_bound(pairs_.begin(), pairs_.end(), open, [](Pair p, std::size_t o) { return p.open < o; });
    return it != pairs_.end() && it->open == open ? it->close : no_match;
}

namespace {

struct Scanner {
    std::string_view text;
    BracketPairs const& brackets;
    std::size_t i;

    bool at(char c) const { return i < text.size() && text[i] == c; }
    bool letter() const { return i < text.size() && is_letter(text[i]); }
    bool digit() const { return i < text.size() && is_digit(text[i]); }
    void blanks() {
        while (i < text.size() && is_blank(text[i])) ++i;
    }
    // A bracketed group starting here; false when unbalanced.
    bool group() {
        if (!at('(')) return false;
        std::uint32_t const close = brackets.closing(i);
        if (close == no_match) return false;
        i = close + 1;
        return true;
    }
    void name() {
        while (i < text.size() && is_name_char(text[i])) ++i;
    }
    bool digits() {
        if (!digit()) return false;
        while (digit()) ++i;
        return true;
    }
    // "^" or "**" and what an exponent may be without juxtaposition: a sign, then a number, a
    // name with an optional call right after it, or a group; right-associative, so it may repeat.
    bool power_suffix() {
        bool any = false;
        for (;;) {
            if (at('^')) ++i;
            else if (at('*') && i + 1 < text.size() && text[i + 1] == '*') i += 2;
            else return any;
            while (at('-') || at('+')) ++i;
            if (digit()) {
                digits();
                if (at('.')) ++i, digits();
            } else if (letter()) {
                name();
                if (at('(') && !group()) return false;
            } else if (!group()) {
                return false;
            }
            any = true;
        }
    }
};

} // namespace

bool fraction_derivative_ahead(std::string_view text, std::size_t pos, BracketPairs const& brackets) {
    Scanner s{text, brackets, pos};
    if (!s.at('d') && !s.at(partial_marker)) return false;
    ++s.i;
    if (s.at('^')) {
        ++s.i;
        if (!s.digits()) return false;
    }
    bool bracketed = false;
    std::string_view called;  // the name of `df(x)`: f
    if (s.at('(')) {
        if (!s.group()) return false;
        bracketed = true;
    } else if (s.letter()) {
        std::size_t const start = s.i;
        s.name();
        if (s.at('(')) {
            called = text.substr(start, s.i - start);
            if (!s.group()) return false;
            bracketed = true;
        }
    } else {
        return false;
    }
    bool const powered = s.power_suffix();
    if (!bracketed && !powered) return false;  // `dy/dx`: a Leibniz quotient
    s.blanks();
    if (!s.at('/')) return false;
    ++s.i;
    s.blanks();
    if (s.at(partial_marker)) return true;
    if (!s.at('d')) return false;
    ++s.i;
    if (!s.letter()) return false;
    // det(A)/det(B), dot(u)/dot(v): a quotient of two calls of one function whose name starts
    // with d, not d(et(A))/d(et) (B).
    std::size_t const start = s.i;
    s.name();
    return called.empty() || !s.at('(') || text.substr(start, s.i - start) != called;
}

} // namespace ddx::grammar
