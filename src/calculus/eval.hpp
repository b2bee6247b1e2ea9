// SPDX-License-Identifier: GPL-3.0-or-later
// Substitution, free symbols, dependency tests and numeric evaluation of expressions.
// Exact substitution re-canonicalises; numeric evaluation reads the function table's evaluators.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

// Replaces each Symbol key of s by its value, everywhere (also inside function arguments and
// Derivative nodes: f'(x) at x = 2 is f'(2)), re-canonicalising. May throw MathError (1/x at x = 0).
Expr substitute(Expr e, const std::unordered_map<Expr, Expr>& s);
// The symbols of e (not e or pi), sorted by compare.
std::vector<Expr> free_symbols(Expr e);
// True when the Symbol var occurs in e.
bool depends_on(Expr e, Expr var);

// Numeric value of e with the symbols given by name. Outside the real domain the result is NaN
// (log(-1), sqrt(-1)) or +-inf (1/0). Throws MathError for a symbol with no value and for
// abstract functions (f(x) has no numeric value).
double evaluate(Expr e, const std::unordered_map<std::string, double>& values);

}  // namespace ddx::calc
