// SPDX-License-Identifier: GPL-3.0-or-later
// The grammar's shortcuts (shortcut.hpp): each scan mirrors the rules it stands for, named beside
// it, and gives up where they would do anything else.
#include "grammar/shortcut.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

#include "grammar/chars.hpp"
#include "grammar/utf8.hpp"

namespace ddx::grammar::shortcut {
namespace {

char const* skip_digits(char const* p, char const* last) {
    while (p != last && is_digit(*p)) ++p;
    return p;
}

// `^` or `**` at p (pow_suffix): the length of the operator, else 0.
int power_operator(char const* p, char const* last) {
    if (p == last) return 0;
    if (*p == '^') return 1;
    return *p == '*' && last - p > 1 && p[1] == '*' ? 2 : 0;
}

// Where the number rule's literal starting at p ends, or nullptr when it matches nothing.
char const* number_end(char const* p, char const* last) {
    char const* q = p;
    if (q != last && is_digit(*q)) {
        q = skip_digits(q, last);
        if (last - q > 1 && *q == '.' && is_digit(q[1])) q = skip_digits(q + 2, last);
    } else if (last - q > 1 && *q == '.' && is_digit(q[1])) {
        q = skip_digits(q + 2, last);
    } else {
        return nullptr;
    }
    if (q != last && (*q == 'e' || *q == 'E')) { // an exponent needs digits: `2e` leaves the `e`
        char const* r = q + 1;
        if (r != last && (*r == '+' || *r == '-')) ++r;
        if (r != last && is_digit(*r)) q = skip_digits(r, last);
    }
    return q;
}

// Where a leaf starting at p ends: a number, or a name that is neither a call nor a prime nor
// starts with `d` (primary: number, named; a `d` may start a derivative or a Leibniz quotient).
// In an exponent only a `(` right after the name makes a call (tight_named).
char const* leaf_end(char const* p, char const* last, bool in_exponent) {
    if (p == last) return nullptr;
    if (is_digit(*p) || *p == '.') return number_end(p, last);
    if (!is_letter(*p) || *p == 'd') return nullptr;
    char const* q = p + 1;
    while (q != last && is_name_char(*q)) ++q;
    if (q != last && *q == '\'') return nullptr;
    char const* const next = in_exponent ? q : skip_blanks(q, last);
    return next != last && *next == '(' ? nullptr : q;
}

void fill_leaf(Node& n, char const* begin, char const* end, char const* origin) {
    bool const number = !is_letter(*begin);
    n.kind = number ? NodeKind::Number : NodeKind::Word;
    n.text.assign(std::string_view(begin, static_cast<std::size_t>(end - begin)));
    if (number) n.is_float = is_decimal_literal(begin, end);
    n.span = {static_cast<std::uint32_t>(begin - origin), static_cast<std::uint32_t>(end - origin)};
}

// `at` or `step` as a whole word at p (formula_def.hpp's `keyword`): juxtaposition stops there.
bool keyword_at(char const* p, char const* last) {
    for (std::string_view const word : {std::string_view("at"), std::string_view("step")}) {
        auto const n = static_cast<std::ptrdiff_t>(word.size());
        if (last - p >= n && std::string_view(p, word.size()) == word)
            return last - p == n || !is_name_char(p[n]);
    }
    return false;
}

// The next factor of a product whose last operand ended at p (product_suffix: `*`, `/` or
// juxtaposition, in that order): the operator and where the factor starts, or nullptr.
char const* next_factor(char const* p, char const* last, char& op) {
    char const* const q = skip_blanks(p, last);
    if (q == last) return nullptr;
    if (*q == '*' || *q == '/') {
        op = *q;
        return skip_blanks(q + 1, last);
    }
    if (is_alnum(*q) && !keyword_at(q, last)) {
        op = ' ';
        return q;
    }
    return nullptr;  // `.*`, `⊙`, a bracket, a derivative, or the product's end
}

// Whether a product followed by c may go on (product_suffix_chars, alphanumerics, and to be
// safe a power or a prime): a term is only taken whole.
bool may_continue_product(char c) {
    switch (c) {
    case '*': case '/': case '.': case '(': case '[': case '^': case '\'':
    case partial_marker: case hadamard_marker:
        return true;
    default:
        return is_alnum(c);
    }
}

// simple_power: a leaf, perhaps raised to a leaf, but not a chain of powers (`x^y^z` is right-
// associative: the rules read it). Where the factor at p ends, and its exponent when it has one.
struct Factor {
    char const* base_end = nullptr;
    char const* exponent = nullptr;  // null: no power
    char const* end = nullptr;       // null: no factor at p
};

Factor factor_at(char const* p, char const* last) {
    Factor f;
    f.base_end = leaf_end(p, last, false);
    if (!f.base_end) return f;
    char const* const op = skip_blanks(f.base_end, last);
    if (int const op_length = power_operator(op, last)) {
        f.exponent = skip_blanks(op + op_length, last);
        char const* const exponent_end = leaf_end(f.exponent, last, true);
        if (!exponent_end || power_operator(skip_blanks(exponent_end, last), last)) return f;
        f.end = exponent_end;
    } else {
        f.end = f.base_end;
    }
    return f;
}

// (`v` as a rule's value starts: a default Node.)
void build_factor(char const* p, Factor const& f, char const* origin, Node& v) {
    if (!f.exponent) return fill_leaf(v, p, f.base_end, origin);
    v.kind = NodeKind::Pow;
    v.span = {static_cast<std::uint32_t>(p - origin), static_cast<std::uint32_t>(f.end - origin)};
    v.children.reserve(2);
    fill_leaf(v.children.emplace_back(), p, f.base_end, origin);
    fill_leaf(v.children.emplace_back(), f.exponent, f.end, origin);
}

// A factor of a product as scanned: where it starts, its extent, and the operator before it.
struct Scanned {
    char const* begin;
    Factor factor;
    char op;
};

// The factors after those in `out` (at least one) that continue its product, appended.
void scan_factors_after(std::vector<Scanned>& out, char const* last) {
    char op = 0;
    while (char const* const at = next_factor(out.back().factor.end, last, op)) {
        Factor const f = factor_at(at, last);
        if (!f.end) break;
        out.push_back({at, f, op});
    }
}

// The last product scanned (kept from product to product: a line may have a million of them),
// and where: a term that read_terms turns down is read next by the rules, whose read_product
// then finds it scanned. A scan depends on nothing but the text from p to last, so the scan is
// good for the whole parse; forget_scans() drops it when another parse starts.
struct LastScan {
    std::vector<Scanned> factors;
    char const* at = nullptr;
    char const* last = nullptr;
};
LastScan& last_scan() {
    thread_local LastScan scan;
    return scan;
}

// The factors of the product at p (none when no factor starts there). Scanned before anything is
// built: a term is built only when it is whole, and a Product gets room for its factors at once.
// (`first`: the factor at p, if any.)
std::vector<Scanned> const& scan_product_from(char const* p, char const* last, Factor const& first) {
    LastScan& scan = last_scan();
    scan.factors.clear();
    scan.at = p;
    scan.last = last;
    if (first.end) {
        scan.factors.push_back({p, first, ' '});
        scan_factors_after(scan.factors, last);
    }
    return scan.factors;
}
std::vector<Scanned> const& scan_product(char const* p, char const* last) {
    LastScan const& scan = last_scan();
    if (scan.at == p && scan.last == last) return scan.factors;
    return scan_product_from(p, last, factor_at(p, last));
}

// product: the first operand, then push_chain<Product, op> for each factor after it. `room`: for
// how many factors (more when the rules may add some).
void build_product(std::vector<Scanned> const& factors, std::size_t room, char const* origin, Node& v) {
    if (factors.size() == 1) {
        build_factor(factors.front().begin, factors.front().factor, origin, v);
        return;
    }
    v.kind = NodeKind::Product;
    v.children.reserve(room);
    for (Scanned const& s : factors) {
        Node& factor = v.children.emplace_back();
        build_factor(s.begin, s.factor, origin, factor);
        factor.op = s.op;
    }
    v.span = {v.children.front().span.begin, v.children.back().span.end};
}

} // namespace

void forget_scans() {
    LastScan& scan = last_scan();
    scan.at = scan.last = nullptr;
}

void start_chain(Node& v, NodeKind kind) {
    NodeList operands;
    operands.reserve(2);  // a chain has at least two operands
    operands.push_back(std::move(v));
    operands.back().op = kind == NodeKind::Sum ? '+' : ' ';
    // v, moved from, has no text, variables or children left: it becomes the chain in place, its
    // span the operand's, its other fields as a new node's.
    v.kind = kind;
    v.is_float = v.is_partial = false;
    v.op = 0;
    v.name_span = {};
    v.children = std::move(operands);
}

char const* read_factor(char const* p, char const* last, char const* origin, Node& v, bool whole_argument) {
    Factor const f = factor_at(p, last);
    if (!f.end) return nullptr;
    if (whole_argument) {
        char const* const next = skip_blanks(f.end, last);
        if (next == last || (*next != ',' && *next != ')')) return nullptr;
    }
    build_factor(p, f, origin, v);
    return f.end;
}

char const* read_product(char const* p, char const* last, char const* origin, Node& v) {
    LastScan const& scanned = last_scan();
    bool const ready = scanned.at == p && scanned.last == last;
    if (ready && scanned.factors.empty()) return nullptr;
    Factor first;
    if (!ready) {
        // One factor alone, the commonest product, needs no list.
        first = factor_at(p, last);
        if (!first.end) return nullptr;
        char op = 0;
        if (!next_factor(first.end, last, op)) {
            build_factor(p, first, origin, v);
            return first.end;
        }
    }
    auto const& factors = ready ? scanned.factors : scan_product_from(p, last, first);
    char const* const end = factors.back().factor.end;
    // Where the rules go on (`2*x*sin(x)`), room for one more factor: then fit_chain has nothing
    // to give back.
    char const* const next = skip_blanks(end, last);
    bool const more = next != last && may_continue_product(*next);
    build_product(factors, factors.size() + (more ? 1 : 0), origin, v);
    return end;
}

// sum_suffix: push_chain<Sum, sign> for each term. A term that is not whole (`+ 2*x*sin(x)`) is
// left to the rules.
char const* read_terms(char const* p, char const* last, char const* origin, Node& v) {
    char const* taken = nullptr;
    for (;;) {
        char const* const sign = skip_blanks(taken ? taken : p, last);
        if (sign == last || (*sign != '+' && *sign != '-')) break;
        auto const& factors = scan_product(skip_blanks(sign + 1, last), last);
        if (factors.empty()) break;
        char const* const end = factors.back().factor.end;
        if (char const* const next = skip_blanks(end, last); next != last && may_continue_product(*next)) break;
        if (v.kind != NodeKind::Sum) start_chain(v, NodeKind::Sum);
        Node& term = v.children.emplace_back();
        build_product(factors, factors.size(), origin, term);
        term.op = *sign;
        v.span.end = term.span.end;
        taken = end;
    }
    return taken;
}

} // namespace ddx::grammar::shortcut
