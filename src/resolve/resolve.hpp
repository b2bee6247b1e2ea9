// SPDX-License-Identifier: GPL-3.0-or-later
// Resolution: a statement's syntax tree and the session's names -> a Request (request.hpp).
// Decides what every name means (a definition, a constant, a function, a procedure, a run of
// single-letter factors), call versus product (`f(x)` versus `x(x+1)`), function application by
// juxtaposition (`sin x cos x`), and how `^` binds inside runs of letters; reports what cannot be
// read with the span of the culprit. Knows no calculus: derivatives, points and procedures stay
// requests for src/eval.
#pragma once

#include <string>
#include <unordered_map>

#include "grammar/ast.hpp"
#include "resolve/request.hpp"
#include "resolve/scope.hpp"

namespace ddx::resolve {

// A statement that cannot be read, at a place in its line (byte offsets).
struct ResolveError {
  SourceSpan span;
  std::string message;
};

// Throws ResolveError.
Request resolve(const grammar::Statement& statement, const Scope& scope);

// The refusal of a product's i-th factor when it is a derivative's denominator written so that
// it reads otherwise: `d/d x x^2` divides by the variable d then multiplies by x, `d(x^2)/(dx)`
// divides by the product d·x. Spaces never change a meaning, so these are not derivatives; but
// one was meant, and ddx asks rather than answering something else.
std::optional<std::string> derivative_denominator_apart(const grammar::Node& product, std::size_t i);
// The same, but the statement's own long sums (its body, or the sums its procedure call takes:
// diff(BIG SUM, x)) lose each term's syntax as soon as the term is read, so that the syntax tree
// of a long sum never stands whole beside what it resolved to (a 1 MB line's tree is 120 MB).
// The statement's body is of no use afterwards.
Request resolve_releasing(grammar::Statement& statement, const Scope& scope);

// A statement's body (an expression, or a definition's right-hand side, a function's meaning its
// parameters) with each decimal read as a new symbol, entered in `decimals`
// with the exact number it is written as (2.4 is 12/5): sec(sinh(12.5 e)) stays that formula over a symbol for 12.5, where
// read as numbers it folds into the double that one rounding after another makes of it. A decimal
// answer is checked against what this evaluates to (core/decimal_answer.hpp). With
// ExactPoints, a decimal in the point of an `at` whose expression holds a derivative is the
// exact number itself (entered in `decimals` all the same): a derivative at x = 1/2 is taken as
// at any exact point, where at a symbol for 0.5 its one-sided limits would be symbolic. (Other
// points stay symbols: a value whose decimals doubles rounded past a pole is found so.) With
// Exact, every decimal is its exact number: the statement as if written in fractions, for a
// derivative at a point that is a corner of the formula as written (d/dx abs(x - 0.3)^2 at
// x = 0.3 is 0, d/dx abs(x - 0.3) at x = 0.1 + 0.2 has none). Throws ResolveError.
enum class DecimalsRead { Symbols, ExactPoints, Exact };
Term resolve_with_decimal_symbols(const grammar::Statement& statement, const Scope& scope,
                                  std::unordered_map<Expr, Expr>& decimals, DecimalsRead how = DecimalsRead::Symbols);

// Plain values (numbers, names, and sums, products, powers and built-in functions of them) are
// built straight from the syntax, not through the general reading's lists of terms: the same
// result, sooner. Always on in ddx; tests/reading_test.cpp turns it off to compare the two.
void set_direct_reading(bool on);

}  // namespace ddx::resolve
