// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 decoding and the Unicode -> ASCII normalisation table of the input language.
// Owns the offset map from normalised bytes back to original code points; knows no grammar.
#include "grammar/utf8.hpp"

#include "core/greek.hpp"
#include "grammar/chars.hpp"

#include <cstdio>
#include <cstring>
#include <optional>

namespace ddx::grammar {
namespace {

constexpr char32_t invalid = 0xFFFFFFFF;

// Decodes one code point at line[i]; sets `len`. Rejects overlongs, surrogates, > U+10FFFF.
char32_t decode(std::string_view line, std::size_t i, std::size_t& len) {
    auto const b0 = static_cast<unsigned char>(line[i]);
    len = 1;
    if (b0 < 0x80) return b0;
    std::size_t need;
    char32_t cp, min;
    if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; cp = b0 & 0x1F; min = 0x80; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) { need = 2; cp = b0 & 0x0F; min = 0x800; }
    else if (b0 >= 0xF0 && b0 <= 0xF4) { need = 3; cp = b0 & 0x07; min = 0x10000; }
    else return invalid;
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= line.size()) return invalid;
        auto const b = static_cast<unsigned char>(line[i + k]);
        if ((b & 0xC0) != 0x80) return invalid;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return invalid;
    len = need + 1;
    return cp;
}

// After a superscript `^2`, would the code point cp at byte i (and what follows) read as more of
// that number in ASCII: a digit, a point, or an exponent e/E with a digit or sign after it?
bool would_continue_number(std::string_view line, std::size_t i, char32_t cp) {
    if ((cp >= '0' && cp <= '9') || cp == '.') return true;
    if (cp != 'e' && cp != 'E') return false;
    std::size_t len = 1;
    char32_t const next = i + 1 < line.size() ? decode(line, i + 1, len) : invalid;
    return (next >= '0' && next <= '9') || next == '+' || next == '-' || next == 0x2212;
}

// Whether `^` or `**` comes next (after blanks) at byte i.
bool power_follows(std::string_view line, std::size_t i) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    return i < line.size() && (line[i] == '^' || line.substr(i, 2) == "**");
}

// The text without the blanks it ends with.
std::string_view without_trailing_blanks(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Whether the normalised text ends with an exponent that is a number or a bracket: `x^2`,
// `x^-1.5`, `x**3`, `x^(3)` (e^x² is e^(x²), as on paper).
bool after_number_exponent(std::string_view text) {
    std::size_t n = text.size();
    if (n > 0 && text[n - 1] == ')') {
        int depth = 0;
        do {
            depth += text[n - 1] == ')' ? 1 : text[n - 1] == '(' ? -1 : 0;
            --n;
        } while (n > 0 && depth > 0);
        return depth == 0 && n > 0 && (text[n - 1] == '^' || (n > 1 && text.substr(n - 2, 2) == "**"));
    }
    while (n > 0 && (is_digit(text[n - 1]) || text[n - 1] == '.')) --n;
    if (n == text.size()) return false;
    if (n > 0 && text[n - 1] == '-') --n;
    return n > 0 && (text[n - 1] == '^' || (n > 1 && text.substr(n - 2, 2) == "**"));
}

// Superscript digit, minus or T -> its ASCII character, else 0.
char superscript(char32_t cp) {
    switch (cp) {
    case 0x00B2: return '2';
    case 0x00B3: return '3';
    case 0x00B9: return '1';
    case 0x2070: return '0';
    case 0x207B: return '-';
    case 0x1D40: return 'T';  // ᵀ: xᵀ is x^T, X⁻ᵀ is X^-T
    default: return (cp >= 0x2074 && cp <= 0x2079) ? static_cast<char>('4' + (cp - 0x2074)) : 0;
    }
}

// Single-character operator and space replacements, else 0.
char operator_replacement(char32_t cp) {
    switch (cp) {
    case 0x00B7: case 0x00D7: case 0x22C5: case 0x2219: return '*'; // · × ⋅ ∙
    case 0x2212: case 0x2013: return '-';                            // − –
    case 0x00F7: case 0x2215: return '/';                            // ÷ ∕
    case 0x00A0: case 0x2009: case 0x202F: case 0x2002: case 0x2003: return ' ';
    case 0x2202: return partial_marker;                               // ∂
    case 0x2299: return hadamard_marker;                              // ⊙
    default: return 0;
    }
}


// An ASCII byte the general loop below would only copy, mapping it to itself: printable or a
// tab, but not the comment sign or the bytes that mark where a statement or a command starts.
bool copies_itself(char c) {
    auto const b = static_cast<unsigned char>(c);
    return ((b >= 0x20 && b < 0x7F) || b == '\t') && b != '#' && b != ';' && b != ':';
}

} // namespace

namespace {

// Printable ASCII and tabs up to a `#` comment or the end, where every code point is one byte
// that stands for itself: the length of that part, or nullopt when the line holds anything else
// (Unicode, control characters, CR), which the general loop then reads.
// Eight bytes at a time (a 1 MB line is read here first): a word with none of those bytes is
// passed whole, a word with one is read byte by byte below.
bool word_is_plain(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
    auto const has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    bool const below_space = ((word - ones * 0x20) & ~word & highs) != 0;  // a byte < 0x20 (or one >= 0x80)
    return (word & highs) == 0 && !below_space && !has_zero(word ^ (ones * 0x7F)) && !has_zero(word ^ (ones * '#'));
}

std::optional<std::size_t> plain_ascii_length(std::string_view line) {
    std::size_t i = 0;
    for (std::uint64_t word; i + sizeof word <= line.size(); i += sizeof word) {
        std::memcpy(&word, line.data() + i, sizeof word);
        if (!word_is_plain(word)) break;
    }
    std::optional<std::size_t> comment;  // (a comment is checked too: plain, or the general way)
    for (; i < line.size(); ++i) {
        auto const b = static_cast<unsigned char>(line[i]);
        if (b == '#' && !comment) comment = i;
        if (b >= 0x7F || (b < 0x20 && b != '\t')) return std::nullopt;
    }
    return comment.value_or(line.size());
}

// Whether the bracket opening at byte `open` is closed and then raised: `^`, `**` or a superscript
// after its `)` (blanks between change nothing).
bool raised_after_bracket(std::string_view line, std::size_t open) {
    std::size_t depth = 0, i = open;
    for (; i < line.size(); ++i) {
        if (line[i] == '(') ++depth;
        else if (line[i] == ')' && --depth == 0) break;
    }
    if (i >= line.size()) return false;
    for (++i; i < line.size() && is_blank(line[i]);) ++i;
    if (i >= line.size()) return false;
    if (line[i] == '^' || line.substr(i).starts_with("**")) return true;
    std::size_t len = 1;
    char32_t const cp = decode(line, i, len);
    return superscript(cp) != 0;
}

// Where a lone factor starting at byte `from` ends, when one does there and an operator, a
// bracket's end, a comma or the end of the line follows it: a letter with digits or a subscript
// (x, x1, x_1) or a number (2, 2.5); else `from` (√ then takes what follows as a function word does).
std::size_t lone_factor_end(std::string_view line, std::size_t from) {
    std::size_t end = from;
    if (end < line.size() && is_letter(line[end])) {
        ++end;
        if (end + 1 < line.size() && line[end] == '_' && is_alnum(line[end + 1])) {
            for (++end; end < line.size() && is_alnum(line[end]);) ++end;
        } else {
            while (end < line.size() && is_digit(line[end])) ++end;
        }
    } else {
        while (end < line.size() && (is_digit(line[end]) || line[end] == '.')) ++end;
    }
    if (end == from) return from;
    std::size_t next = end;  // (blanks between the factor and what follows change nothing)
    while (next < line.size() && is_blank(line[next])) ++next;
    if (next == line.size()) return end;
    std::string_view const rest = line.substr(next);
    if (rest.starts_with("**")) return from;  // (√x**2 is sqrt(x^2), as √x^2 is)
    if (next > end && rest.starts_with("at") && (rest.size() == 2 || !is_name_char(rest[2])))
        return end;  // (`at` ends it)
    for (std::string_view op : {"+", "-", "*", "/", ")", "]", ",", ";", "=", "#", "\xC2\xB7", "\xC3\x97", "\xE2\x88\x92"})
        if (rest.starts_with(op)) return end;
    return from;
}

// Whether character_fault need look at cp (nearly every code point is fine at a glance).
bool may_be_faulty(char32_t cp) { return cp < 0x20 || cp == 0x7F || cp == invalid; }

// Why the code point cp at byte i of the line cannot be in a line at all, or nothing: invalid
// UTF-8, NUL, a line break, a control character (a tab and the CR of a final CRLF are fine).
std::optional<std::string> character_fault(std::string_view line, std::size_t i, char32_t cp) {
    char buf[64];
    if (cp == invalid) {
        std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X",
                      static_cast<unsigned>(static_cast<unsigned char>(line[i])));
        return buf;
    }
    if (cp == 0) return "unexpected NUL character";
    if (cp == '\r') {
        if (i + 1 == line.size()) return std::nullopt;
        return "unexpected carriage return (CR) inside the line";
    }
    if (cp == '\n') return "unexpected line break inside a line (separate statements with ';')";
    if ((cp < 0x20 && cp != '\t') || cp == 0x7F) {
        std::snprintf(buf, sizeof buf, "unexpected control character U+%04X", static_cast<unsigned>(cp));
        return buf;
    }
    return std::nullopt;
}

} // namespace

NormalizedLine normalize_line(std::string_view line) {
    NormalizedLine out;
    normalize_line(line, out);
    return out;
}

void normalize_line(std::string_view line, NormalizedLine& out) {
    out.text.clear();
    out.identity = false;
    out.cp_of_byte.clear();
    out.byte_of_cp.clear();
    out.ok = true;
    out.error_cp = 0;
    out.error.clear();
    // The common case, plain ASCII, is its own normal form: the text as is, each byte its own code
    // point (the general loop below gives the same, a character at a time).
    if (auto const n = plain_ascii_length(line)) {
        out.text.assign(line.substr(0, *n));
        out.identity = true;
        return;
    }
    out.text.reserve(line.size() + 8);
    out.cp_of_byte.reserve(line.size() + 9);
    out.byte_of_cp.reserve(line.size() + 1);

    std::uint32_t cp_index = 0;
    bool in_superscript = false;
    bool star_from_sign = false;  // (the last code point was a times sign, written `*`)
    // A `:command` (at the start of a statement) keeps its arguments raw: any valid Unicode is
    // allowed there and stands in the normalised text as one placeholder byte per code point.
    bool statement_start = true, in_command = false;
    auto emit = [&](char c) {
        out.text.push_back(c);
        out.cp_of_byte.push_back(cp_index);
    };
    auto fail = [&](std::string message) {
        out.ok = false;
        out.error_cp = cp_index;
        out.error = std::move(message);
    };

    std::size_t i = 0;
    while (i < line.size()) {
        // A run of ASCII that stands for itself is copied whole, its maps written in sequence:
        // `∂/∂x37 F17` is mostly such runs, a character at a time they cost five times as much.
        if (!in_superscript && !in_command && !(star_from_sign && line[i] == '*')) {
            std::size_t end = i;
            bool blank_only = true;
            for (; end < line.size() && copies_itself(line[end]); ++end)
                blank_only = blank_only && is_blank(line[end]);
            if (end > i) {
                auto const run = static_cast<std::uint32_t>(end - i);
                out.text.append(line.substr(i, run));
                for (std::uint32_t k = 0; k < run; ++k) {
                    out.cp_of_byte.push_back(cp_index + k);
                    out.byte_of_cp.push_back(static_cast<std::uint32_t>(i) + k);
                }
                if (!blank_only) statement_start = false;
                star_from_sign = false;
                cp_index += run;
                i = end;
                continue;
            }
        }
        std::size_t len = 1;
        char32_t const cp = decode(line, i, len);
        if (cp == '#') {
            // A comment runs to the end of the line, neither parsed nor normalised, but its
            // characters are checked as the line's are (invalid UTF-8 or a NUL there was accepted).
            std::size_t const mapped = out.byte_of_cp.size();
            for (std::size_t j = i; j < line.size(); ++cp_index) {
                std::size_t n = 1;
                char32_t const c = decode(line, j, n);
                out.byte_of_cp.push_back(static_cast<std::uint32_t>(j));
                if (std::optional<std::string> why = character_fault(line, j, c)) {
                    fail(std::move(*why));
                    return;
                }
                j += n;
            }
            out.byte_of_cp.resize(mapped);
            cp_index = static_cast<std::uint32_t>(mapped);  // (the text ends at the '#')
            break;
        }
        out.byte_of_cp.push_back(static_cast<std::uint32_t>(i));
        if (may_be_faulty(cp))
            if (std::optional<std::string> why = character_fault(line, i, cp)) {
                fail(std::move(*why));
                return;
            }
        if (statement_start && cp == ':') in_command = true;
        if (cp == ';') {  // (a command's arguments end there too)
            in_command = false;
            statement_start = true;
        }
        else if (cp != ' ' && cp != '\t') statement_start = false;
        char const sup = in_command ? 0 : superscript(cp);
        // A superscript ends its exponent: `x²3` is x^2·3 and `x²e−3` is x^2·e − 3, never x^23 or
        // x^(2e-3): where the ASCII form would run on into a longer number, a space stops it.
        if (in_superscript && !sup && would_continue_number(line, i, cp)) emit(' ');
        if (in_command && cp >= 0x80) {
            emit('_');
        } else if (in_superscript && !sup && power_follows(line, i)) {
            // `x²^3` read as x^2^3, a tower (x^8), where (x²)³ is as likely meant.
            fail("a power after a superscript is ambiguous: write (x²)^k for a power of the power, or x^(2^k) "
                 "for a tower");
            return;
        } else if (sup && !in_superscript && after_number_exponent(without_trailing_blanks(out.text))) {
            // `x^2⁻¹` read as x^2^-1, a tower (sqrt(x)), where (x^2)⁻¹ is as likely meant; and
            // so were `2^3 ²` (512) and `x² ³` (x^8), a blank between.
            fail("a superscript after an exponent is ambiguous: write (x^2)^k for a power of the power, or "
                 "x^(2^k) for a tower");
            return;
        } else if (sup == '-' && in_superscript) {
            // `x²⁻¹` read as x^2-1 in ASCII, a baseline minus where a raised one was written.
            fail("a superscript minus inside a superscript exponent is ambiguous: write the exponent "
                 "with ^ and brackets, as x^(2-1), or as x^2 - 1");
            return;
        } else if (sup) {
            if (!in_superscript) emit('^');
            emit(sup);
        } else if (cp == '\r') {
            // CRLF: the line reader strips the LF, and a CR right before it is part of the same
            // line ending (Windows files). Accepted by design (character_fault); nothing else is
            // dropped.
        } else if (cp < 0x80) {
            // (`×*` is two signs, as `××` is below, never the power `**`)
            if (cp == '*' && star_from_sign && !out.text.empty() && out.text.back() == '*') emit(' ');
            emit(static_cast<char>(cp));
        } else if (char const r = operator_replacement(cp)) {
            // `××`, `··`, `*×`: two times signs, which the parser refuses as `* *` (they were `**`,
            // a power: 2××3 was 8)
            if (r == '*' && !out.text.empty() && out.text.back() == '*') emit(' ');
            emit(r);
        } else if (cp == 0x2260 || cp == 0x2264 || cp == 0x2265) {
            // ≠ ≤ ≥: as != <= >= (no expression holds them; the parser says what they are)
            emit(cp == 0x2260 ? '!' : cp == 0x2264 ? '<' : '>');
            emit('=');
        } else if (cp == 0x221A) {
            // √ reads like a function name applied by juxtaposition: `2√x` = 2 sqrt(x),
            // `√(x + 1)` = sqrt(x + 1), `√x·y` = sqrt(x)·y. A lone factor after it, a letter with
            // its index or a number, that an operator or the end follows, is bracketed: e^√x is
            // e^sqrt(x) (the word sqrt alone in an exponent has no argument).
            if (!out.text.empty() && is_name_char(out.text.back())) emit(' ');
            std::size_t const after = i + len;
            std::size_t const end = lone_factor_end(line, after);
            if (end > after) {
                for (char c : std::string_view("sqrt(")) emit(c);
                for (std::size_t k = after; k < end; ++k) {
                    ++cp_index;
                    out.byte_of_cp.push_back(static_cast<std::uint32_t>(k));
                    emit(line[k]);
                }
                emit(')');
                len = end - i;
            } else {
                // √(x)² reads as the root of (x)², the one factor after √ as √x² is, or as the square of
                // √(x), as sqrt(x)² would be: nothing on paper tells (it was the square of the root).
                if (after < line.size() && line[after] == '(' && raised_after_bracket(line, after)) {
                    fail("'√(...)' followed by a power is ambiguous: write √((x)^k) for the root of the power, "
                         "or (√x)^k for the power of the root");
                    return;
                }
                for (char c : std::string_view(after < line.size() && line[after] == '(' ? "sqrt" : "sqrt ")) emit(c);
            }
        } else if (std::string_view const name = greek_name(cp); !name.empty()) {
            // Each Greek letter is a whole word: `αβ` = alpha·beta, `2α` = 2·alpha. A lone `d`
            // right before it stays attached so that `d/dα` and `dα/dt` keep their token shape.
            auto const n = out.text.size();
            bool const lone_d = n >= 1 && out.text[n - 1] == 'd' && (n == 1 || !is_name_char(out.text[n - 2]));
            // (after `_` it is a subscript: x_μ is x_mu)
            if (n > 0 && is_name_char(out.text[n - 1]) && out.text[n - 1] != '_' && !lone_d) emit(' ');
            for (char const c : name) emit(c);
            // A letter after it starts a word of its own (θx is θ·x); digits or `_` are its index,
            // as they are a Latin letter's (θ1, θ_1 are names, as x1 and x_1 are).
            if (i + len < line.size() && is_letter(line[i + len])) emit(' ');
        } else {
            fail("unexpected character '" + std::string(line.substr(i, len)) + "'");
            return;
        }
        in_superscript = sup != 0;
        star_from_sign = operator_replacement(cp) == '*';
        i += len;
        ++cp_index;
    }
    // Sentinels: the end of the normalised text maps to one past the last code point.
    out.cp_of_byte.push_back(cp_index);
    out.byte_of_cp.push_back(static_cast<std::uint32_t>(i));
}

} // namespace ddx::grammar
