// SPDX-License-Identifier: GPL-3.0-or-later
// Substitution, free symbols and dependency tests: the walks over expressions that every layer
// needs (resolving names, evaluating, differentiating). Exact substitution re-canonicalises.
#pragma once

#include <functional>
#include <unordered_map>
#include <vector>

#include "core/expr.hpp"

namespace ddx {

// Replaces each Symbol key of s by its value, everywhere (also inside function arguments and
// Derivative nodes: f'(x) at x = 2 is f'(2)), re-canonicalising. May throw MathError (1/x at x = 0).
Expr substitute(Expr e, const std::unordered_map<Expr, Expr>& s);
// substitute for a renaming in which each entry is renamed with its index (k made 2 and x_k made
// x_2, n made k and x_n made x_k): the renamed entry is the one a sum's term of that index holds,
// so a sum over its family whose bounds are not numbers (N) is kept, where substitute refuses it.
Expr rename_with_entries(Expr e, const std::unordered_map<Expr, Expr>& s);
// The symbols of e (not e or pi), sorted by compare.
std::vector<Expr> free_symbols(Expr e);
// The symbols e names outside the sums that bind them: free_symbols without the entries x_1 .. x_3
// a sum over x_n, n = 1 .. 3 adds up (unless e also names them itself).
std::vector<Expr> written_symbols(Expr e);
// True when the Symbol var occurs in e.
bool depends_on(Expr e, Expr var);
// True when e has a floating-point number anywhere (a coefficient, a constant term, a power).
bool has_float(Expr e);
// Whether `ok` holds for each floating-point number in e (a coefficient, a constant term, a power).
bool all_floats(Expr e, const std::function<bool(double)>& ok);
// e with each decimal the exact number it is written as (0.1 is 1/10, 1e-12 is 1/10^12), so that
// its value can be worked out in MPFR throughout: a decimal's arithmetic is a double's.
Expr decimals_as_written(Expr e);

}  // namespace ddx
