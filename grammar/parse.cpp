// SPDX-License-Identifier: GPL-3.0-or-later
// The facade behind parse.hpp: normalise, pre-scan the nesting depth, run the X3 grammar,
// then map spans back to the original line and turn failures into positioned diagnostics.
// No exception leaves this file.
#include "grammar/parse.hpp"

#include <array>
#include <cstring>
#include <exception>
#include <functional>
#include <new>
#include <optional>

#include "grammar/chars.hpp"
#include "grammar/config.hpp"
#include "grammar/formula.hpp"
#include "grammar/lookahead.hpp"
#include "grammar/node_storage.hpp"
#include "grammar/shortcut.hpp"
#include "grammar/utf8.hpp"
#include "support/large_stack.hpp"

namespace ddx::grammar {
namespace {

bool is_operand_end(char c) { return is_name_char(c) || c == ')' || c == ']' || c == '.' || c == '\''; }
// The characters nesting_violation acts on (blanks, brackets, operators, separators); the others
// only become the previous character.
constexpr std::array<bool, 256> nesting_chars = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view(" \t()[]^+-*/,=;")) table[c] = true;
    return table;
}();

// Rejects input whose parse would recurse deeper than max_nesting before Spirit runs (its
// recursion would otherwise overflow the stack). Counts brackets plus, per bracket level, the
// pending chain of unary signs and `^`, and the derivative operators (whose operand takes
// juxtaposed factors, so `d/dx d/dx ... x` nests although it looks like a product: only `,`
// `=` `;` end them). Over-estimates, never under. Returns the offset of the offending
// character, or npos; `deepest` gets the maximum level.
std::size_t nesting_violation(std::string const& t, std::size_t& deepest) {
    struct Level { std::size_t chain, derivs; };
    std::vector<Level> saved;
    std::size_t outer = 0;  // sum over open brackets of (1 + chain + derivs when it opened)
    std::size_t chain = 0;  // pending unary signs and `^` at the current bracket level
    std::size_t derivs = 0; // derivative operators at the current bracket level
    char prev = 0;          // last non-blank character
    bool blank = false;
    // The level only rises at `(`, `[`, `^`, `**`, a unary sign and `/d`: checked there alone.
    auto rises = [&] {
        std::size_t const level = outer + chain + derivs;
        if (level > deepest) deepest = level;
        return level > max_nesting;
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        char const c = t[i];
        if (is_blank(c)) { blank = true; continue; }
        switch (c) {
        case '(': case '[':
            outer += 1 + chain + derivs;
            saved.push_back({chain, derivs});
            chain = derivs = 0;
            if (rises()) return i;
            break;
        case ')': case ']':
            if (!saved.empty()) {
                chain = saved.back().chain;
                derivs = saved.back().derivs;
                saved.pop_back();
                outer -= 1 + chain + derivs;
            }
            break;
        case '^':
            ++chain;
            if (rises()) return i;
            break;
        case '+': case '-':
            if (is_operand_end(prev)) {
                chain = 0; // binary
            } else {
                ++chain;   // unary: recursion
                if (rises()) return i;
            }
            break;
        case '*':
            if (i + 1 < t.size() && t[i + 1] == '*') {
                ++chain;
                ++i;
                if (rises()) return i;
            } else {
                chain = 0;
            }
            break;
        case '/':
            if (i + 1 < t.size() && (t[i + 1] == 'd' || t[i + 1] == partial_marker)) {
                ++derivs;
                if (rises()) return i;
            } else {
                chain = 0;
            }
            break;
        case ',': case '=': case ';':
            chain = derivs = 0;
            break;
        default:
            if (blank && is_operand_end(prev)) chain = 0; // a new juxtaposed factor
            // The rest of a name or number changes nothing but the previous character.
            while (i + 1 < t.size() && !nesting_chars[static_cast<unsigned char>(t[i + 1])]) ++i;
            prev = t[i];
            blank = false;
            continue;
        }
        prev = c;
        blank = false;
    }
    return std::string::npos;
}

// Maps every span of a node tree from normalised offsets to original byte offsets, and checks
// what the grammar cannot: that a derivative's order matches its variables, and that a range's
// end is not a decimal point glued to its `..` (`0...5` read as 0 .. .5: a third dot too many, or
// a decimal end?). Returns the first problem found.
struct Finisher {
    NormalizedLine const& norm;
    std::vector<Diagnostic>& diagnostics;

    SourceSpan map(SourceSpan s) const {
        if (norm.identity && s.begin <= s.end) return s;  // a plain-ASCII line: offsets are bytes
        return {norm.byte_at(s.begin), norm.end_byte_at(s.begin, s.end)};
    }
    void error(SourceSpan normalised, std::string message) {
        if (!diagnostics.empty()) return;
        Diagnostic d;
        d.span = map(normalised);
        d.column = norm.cp_at(normalised.begin) + 1;
        d.message = std::move(message);
        diagnostics.push_back(std::move(d));
    }
    void node(Node& n) {
        if (n.kind == NodeKind::DerivOp || n.kind == NodeKind::Leibniz) {
            // Orders are counted, not listed (d^(10^8)/dx^(10^8) is legal: the evaluator
            // decides whether it can be done), so the sum saturates rather than wraps.
            std::uint64_t taken = 0;
            for (DiffVar const& v : n.vars) taken = v.count > UINT64_MAX - taken ? UINT64_MAX : taken + v.count;
            if (n.order() < 1)
                error(n.span, "derivative order must be at least 1");
            else if (taken != n.order())
                // (d^2/dxdy reads one variable, xdy; the message does not echo names, which the
                // parse fuzzer would take for leaked type names)
                error(n.span, "derivative order " + std::to_string(n.order()) +
                                  " does not match the variables below it (" + std::to_string(taken) +
                                  " differentiation" + (taken == 1 ? "" : "s") +
                                  "): write d^2/dx^2 for a second derivative, ∂^2/∂x∂y for a mixed one");
        }
        if (n.kind == NodeKind::Range && n.children.size() >= 2 && n.children[1].kind == NodeKind::Number &&
            n.children[1].text.starts_with(".") && n.children[1].span.begin > 0 &&
            norm.text[n.children[1].span.begin - 1] == '.')
            error(n.children[1].span, "'...' is ambiguous: write a .. b for a range (two dots), or a .. .5 with a "
                                      "blank for an end that begins with its decimal point");
        bool const named = n.kind == NodeKind::Apply || n.kind == NodeKind::Prime ||
                           n.kind == NodeKind::Leibniz || n.kind == NodeKind::Equation ||
                           n.kind == NodeKind::Range;
        if (named) n.name_span = map(n.name_span);
        n.span = map(n.span);
        for (auto& c : n.children) node(c);
    }
};

Diagnostic diagnostic_at(NormalizedLine const& norm, std::size_t offset, std::string message) {
    Diagnostic d;
    auto const b = norm.byte_at(offset);
    d.span = {b, offset < norm.text.size() ? norm.end_byte_at(offset, offset + 1) : b};
    d.column = norm.cp_at(offset) + 1;
    d.message = std::move(message);
    return d;
}

// Where an error "at" offset should point: the next non-blank character, or one past the last
// non-blank character when only blanks (or a comment) remain.
std::size_t error_offset(std::string const& t, std::size_t offset) {
    std::size_t i = offset;
    while (i < t.size() && is_blank(t[i])) ++i;
    if (i < t.size()) return i;
    while (i > 0 && is_blank(t[i - 1])) --i;
    return i;
}

std::string expected_message(std::string const& which) {
    // Literals come quoted by X3: '(' and "==".
    if (which.size() >= 2 && which.front() == '"') return "expected '" + which.substr(1, which.size() - 2) + "'";
    // Every rule is named in user words; a parser without a name would report its C++ type
    // (X3's fallback), which must never reach a user.
    if (which.find("ddx") != std::string::npos || which.find("boost") != std::string::npos ||
        which.find('<') != std::string::npos)
        return "unexpected input";
    return "expected " + which;
}

// `2at`, `1/2 at^2`: `at` gives a point, and is never the product a·t (which `v_0 + at` would
// suggest): where a point's equation was expected right after it, a hint.
std::string after_at_keyword(std::string const& t, std::size_t offset) {
    std::string_view before(t.data(), offset);
    while (!before.empty() && is_blank(before.back())) before.remove_suffix(1);
    if (!before.ends_with("at")) return {};
    before.remove_suffix(2);
    if (!before.empty() && (std::isalpha(static_cast<unsigned char>(before.back())) || before.back() == '_')) return {};
    return " after 'at', which gives a point (for the product of a and t, write a t)";
}

// The original code point at a normalised offset, for "unexpected 'X'".
std::string original_char(std::string_view line, NormalizedLine const& norm, std::size_t offset) {
    auto const cp = norm.cp_at(offset);
    auto const b = norm.byte_of(cp), e = norm.byte_of(cp + 1);
    return std::string(line.substr(b, e - b));
}

// `x_1   (k != 1)`: an answer's condition typed back (ddx prints one after an answer that holds
// only where it says) is no expression: the offset of its bracket, if the text holds one.
std::optional<std::size_t> typed_condition(std::string const& t) {
    for (std::string_view op : {"!=", "<=", ">="})
        if (auto const at = t.find(op); at != std::string::npos)
            if (auto const open = t.rfind('(', at); open != std::string::npos) return open;
    return std::nullopt;
}

// (no "ddx" in a parser's message: the fuzzer takes that word for a leaked type name)
constexpr char const* condition_message =
    "a condition such as (k != 1) is printed after an answer that holds only there, and is no expression: type the "
    "answer alone (ans keeps its conditions), or give the index a value with at";

void parse_normalised(std::string_view line, NormalizedLine& norm, ParseOutcome& out) {
    std::string const& t = norm.text;
    // Every level is a character of the line (a bracket, a sign, `^`, `/`), so a line shorter
    // than the small stack's allowance needs no count.
    constexpr std::size_t small_stack_levels = 64;
    std::size_t deepest = 0;
    static_assert(small_stack_levels <= max_nesting);
    if (t.size() <= small_stack_levels) {
        deepest = t.size();
    } else if (auto const bad = nesting_violation(t, deepest); bad != std::string::npos) {
        out.diagnostics.push_back(diagnostic_at(
            norm, bad, "nesting deeper than " + std::to_string(max_nesting) + " levels"));
        return;
    }

    namespace x3 = boost::spirit::x3;
    parser::ParseState state;
    state.begin = t.data();
    state.end = t.data() + t.size();
    BracketPairs const brackets(t);
    state.brackets = &brackets;
    // (memrchr: a 1 MB line with no `/` is read whole, and rfind goes a byte at a time)
    if (auto const* slash = static_cast<char const*>(memrchr(t.data(), '/', t.size())))
        state.last_slash = static_cast<std::size_t>(slash - t.data());
    parser::iterator_type first = t.data();
    parser::iterator_type const last = t.data() + t.size();
    std::vector<Statement> statements;
    node_storage::expect_tree_of(t.size());
    bool ok = false;
    auto const run = [&] {
        shortcut::forget_scans();
        ok = x3::phrase_parse(first, last, x3::with<parser::state_tag>(state)[line_parser()],
                              x3::ascii::blank, statements);
    };
    // X3 needs a few KB of stack per nesting level (about 3 MB for 1000 levels at -O2, much more
    // at -O0), more than a default 8 MB thread can promise.
    if (deepest > small_stack_levels) run_on_large_stack(std::size_t{512} << 20, run);
    else run();
    if ((state.failed || !ok || first != last) && typed_condition(t)) {
        out.diagnostics.push_back(diagnostic_at(norm, *typed_condition(t), condition_message));
        return;
    }
    if (state.failed) {
        auto const at = error_offset(t, static_cast<std::size_t>(state.where - t.data()));
        out.diagnostics.push_back(diagnostic_at(norm, at, expected_message(state.which) + after_at_keyword(t, at)));
        return;
    }
    if (!ok || first != last) {
        auto const at = error_offset(t, static_cast<std::size_t>(first - t.data()));
        if (at >= t.size()) {
            out.diagnostics.push_back(diagnostic_at(norm, at, "expected an expression"));
        } else {
            std::string c = original_char(line, norm, at);
            if (c == "\xE2\x88\x82") // a lone ∂ outside the operator shapes
                out.diagnostics.push_back(diagnostic_at(
                    norm, at, "unexpected '∂' (write ∂/∂x EXPR or ∂z/∂x)"));
            else
                out.diagnostics.push_back(diagnostic_at(norm, at, "unexpected '" + c + "'"));
        }
        return;
    }

    Finisher finish{norm, out.diagnostics};
    for (auto& s : statements) {
        if (s.kind == StatementKind::Command) {
            // Raw arguments come from the original line (they may hold any Unicode), trimmed.
            auto b = norm.byte_at(s.args_span.begin);
            auto e = norm.end_byte_at(s.args_span.begin, s.args_span.end);
            while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r')) --e;
            s.args.assign(line.substr(b, e - b));
            s.args_span = {b, e};
            s.span = finish.map(s.span);
            s.span.end = e > s.span.end ? e : s.span.end;
            continue;
        }
        s.span = finish.map(s.span);
        s.name_span = finish.map(s.name_span);
        // A plain-ASCII line without derivatives or ranges has nothing to map or check in its trees.
        if (norm.identity && !state.derivative_tried && !state.range_made) continue;
        for (auto& p : s.params) finish.node(p);
        finish.node(s.body);
    }
    if (out.diagnostics.empty()) out.statements = std::move(statements);
}

} // namespace

namespace {
constexpr std::size_t kept_buffer_bytes = 64 * 1024;
}

ParseOutcome parse_line(std::string_view line) {
    ParseOutcome out;
    try {
        if (line.size() > max_line_bytes) {
            // Checked before anything else so that a runaway line costs no more than reading it.
            out.diagnostics.push_back({{0, 0}, 1, 1, "line longer than " + std::to_string(max_line_bytes) +
                                                          " bytes (the limit)"});
            return out;
        }
        // One per thread, its buffers reused line after line, unless a long line made them large.
        thread_local NormalizedLine norm;
        struct Trim {
            NormalizedLine& n;
            ~Trim() {
                if (n.text.capacity() > kept_buffer_bytes) n = NormalizedLine{};
            }
        } const trim{norm};
        normalize_line(line, norm);
        if (!norm.ok) {
            Diagnostic d;
            auto const b = norm.byte_of(norm.error_cp);
            d.span = {b, b + 1};
            d.column = norm.error_cp + 1;
            d.message = norm.error;
            out.diagnostics.push_back(std::move(d));
            return out;
        }
        parse_normalised(line, norm, out);
    } catch (std::bad_alloc const&) {
        out.statements.clear();
        out.diagnostics.assign(1, Diagnostic{{0, 0}, 1, 1, "out of memory while parsing"});
    } catch (std::exception const& e) {
        out.statements.clear();
        out.diagnostics.assign(1, Diagnostic{{0, 0}, 1, 1, std::string("internal parser error: ") + e.what()});
    } catch (...) {
        out.statements.clear();
        out.diagnostics.assign(1, Diagnostic{{0, 0}, 1, 1, "internal parser error"});
    }
    return out;
}

std::size_t column_of(std::string_view line, std::size_t byte_offset) {
    std::size_t column = 1;
    for (std::size_t i = 0; i < byte_offset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    return column;
}

} // namespace ddx::grammar
