// SPDX-License-Identifier: GPL-3.0-or-later
// The grammar's shortcuts: character scans that read the commonest shapes of a formula and build
// exactly the nodes the rules of formula_def.hpp would build for them, where the rules pass each
// operand through a dozen levels. Three shapes, each the one before joined by operators:
//   factor   a number or a plain name, perhaps raised to one: `3`, `x`, `x^2`, `2.5e-3`, `x**k`
//   product  factors joined by `*`, `/` or juxtaposition: `3*x^2`, `2x y`, `a/b`
//   terms    `+`/`-` and a product, again and again: ` + 2*x - 3*y^2`
// Anything else (a call, a prime, a word starting with `d` that may be a derivative, a sign, a
// bracket, a chain of powers, `.*`, a keyword) stops a scan before it, consuming and building
// nothing of it, and the rules read on from there (a call has a shortcut of its own in
// formula_def.hpp, simple_call, which reads its arguments by the rules). tests/parse_shortcut_test.cpp
// parses with the shortcuts on and off and requires the same trees and the same errors.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/chars.hpp"

namespace ddx::grammar::shortcut {

// Off only in that test, to get the rules' own trees.
inline bool enabled = true;

inline char const* skip_blanks(char const* p, char const* last) {
    while (p != last && is_blank(*p)) ++p;
    return p;
}

// To be called before a parse starts: a product's scan is kept for the rest of its parse.
void forget_scans();

// v, an operand, becomes the first of a Sum or a Product chain (its operator '+' or ' ').
void start_chain(Node& v, NodeKind kind);

// A factor whose first character is at p (blanks skipped): its end, or nullptr when there is no
// factor there. `v` gets the factor's node; `origin` is where the text starts, for spans.
// As a whole call argument (`sin(x)`, `diff(f, x)`) the factor must be followed by `,` or `)`.
char const* read_factor(char const* p, char const* last, char const* origin, Node& v, bool whole_argument);

// A product of factors at p, as long as its factors are: `v` gets the first factor alone or a
// Product of them all (further factors go to `v.children`). Its end, or nullptr when p starts
// with no factor (`v` untouched). Where it stops the product may go on (`2*x*sin(x)` stops after
// `2*x`): the rules continue the same chain.
char const* read_product(char const* p, char const* last, char const* origin, Node& v);

// Terms ` + product` and ` - product` at p, appended to the sum `v` (made a Sum if it is not one),
// each taken only when it is whole: when what follows could not continue its product. The end
// of the last term taken, or nullptr when none was (`v` untouched).
char const* read_terms(char const* p, char const* last, char const* origin, Node& v);

} // namespace ddx::grammar::shortcut
