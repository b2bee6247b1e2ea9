// SPDX-License-Identifier: GPL-3.0-or-later
// An answer as a complete function (docs/language.md, "Output formats"): `def d_dx(x):` in
// Python and NumPy, `double d_dx(double x)` in C, named after the question, its parameters the
// free names in order, each shared part computed once as a temporary (t1 = ...), so that the
// code grows with the answer's DAG, not its tree. Vectors and matrices return lists (NumPy:
// arrays; C: an `out` parameter); a family x_n that a sum reads is a list parameter x (x[n - 1]).
#pragma once

#include <string>

#include "eval/result.hpp"
#include "print/print.hpp"

namespace ddx::print {

// r in f (Python, NumPy or C); Unprintable where that language cannot express it.
std::string program(const eval::Result& r, Format f);

}  // namespace ddx::print
