// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the answer of critical(f) (calc::CriticalPoints) in every format: one line per point
// in text and unicode, `x = 2: minimum, value -3` or `(x, y) = (1, 0): saddle, value 0`, with
// `~` (text) or `≈` (unicode) instead of `=` where the numbers are decimals; an aligned block in
// LaTeX; in code, the points alone as a list ([x1, x2] or [[x1, y1], ...]), pasteable.
#pragma once

#include <string>

#include "eval/result.hpp"
#include "print/print.hpp"

namespace ddx::print {

// `points` is the answer's value (the list of points, for code).
std::string render_critical(const calc::CriticalPoints& c, const eval::Value& points, Format f);

// Unprintable where the critical points are not all listed as isolated ones (a set of them, a
// periodic function's, a point that stands for a curve): in code and programs the answer is the
// list of points alone, and critical((x - y)^2) was [], as critical(e^x) is.
void refuse_list_of_infinitely_many(const calc::CriticalPoints& c, Format f);

}  // namespace ddx::print
