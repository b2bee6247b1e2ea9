// SPDX-License-Identifier: GPL-3.0-or-later
// Other systems' syntax (docs/language.md, "Output formats"): an expression as SymPy, Maxima or
// Mathematica reads it, pasteable as it is, or as a Python, NumPy or C expression for the
// programs of program.hpp. Each system's names for ddx's functions and constants are one table
// (foreign_names.cpp); a function a system lacks is first rewritten with ones it has.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.hpp"
#include "print/print.hpp"

namespace ddx::print {

// The families whose entries a sum in e reads: x of sum(x_n^2, n = 1 .. N). Another system
// holds such a family as one indexed name (x[n], Indexed('x', n)), so its entries outside the
// sum, x_2 or x_k, are written as entries of it too: as names of their own they were unrelated
// symbols there, where in ddx x_2 is a term of the sum.
std::set<std::string> summed_families(Expr e);

// e in f (SymPy .. C), after rewritten_for. Unprintable where the system cannot say it (an
// abstract function in a program; a sum in C, which program.cpp writes as a loop instead).
// `bound`: the indices of the sums e is the body of (their families' x_n are entries).
// `families`: those written as indexed names (default: summed_families(e)).
std::string foreign_expression(Expr e, Format f, std::vector<Expr> bound = {},
                               const std::set<std::string>* families = nullptr);

// e with the functions f's system lacks written with others: sigmoid(u) = 1/(1 + e^-u),
// softplus(u) = log(1 + e^u), relu(u) = max(0, u); and cot, sec, csc in the programs.
Expr rewritten_for(Expr e, Format f);

// A name as f writes it: `N` is Symbol('N') in SymPy (N is SymPy's numeric function),
// Global`N in Mathematica, where x_1 is Subscript[x, 1]; in Python and C a keyword, a name the
// code itself uses (range, out, pow) and a name that ends in _ get a trailing _.
std::string foreign_symbol(std::string_view name, Format f);
// The language a program format writes: "Python", "NumPy" or "C" (for messages).
std::string_view program_language(Format f);

// The function called `name` in f's system: "ArcSin", "np.arcsin", "signum"; "" when it lacks
// one (rewritten_for removes those). logic_error for a function without a row in the table.
std::string_view foreign_function(std::string_view name, Format f);
bool has_foreign_spelling(std::string_view name);
std::string foreign_constant(ConstantId c, Format f);

}  // namespace ddx::print
