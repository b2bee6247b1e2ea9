// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal values to any number of significant digits (MPFR), for approx(EXPR, DIGITS).
#pragma once

#include "core/limits.hpp"
#include <string>

#include "core/errors.hpp"
#include "core/expr.hpp"

namespace ddx::calc {

// The value of a closed expression (no free symbols, no abstract functions) as a decimal string
// with `digits` significant digits ("3.14159265358979323846264338328"), worked out once at that
// precision plus guard bits: quick, but wrong where the expression cancels more digits than the
// guard bits hold or reduces an argument wider than them (sin(10^100)). For numeric searches and
// checks that allow for it. Throws MathError when the value is not a real number (log(-1), 1/0
// after rounding, ...).
std::string evalf(Expr e, int digits);

// The same digits, each one certain (approx): those on which both ends of the value's enclosure
// agree (core/enclosure.hpp), at rising precisions until they do. Throws MathError as evalf does,
// and Uncertain when they do not agree by the highest precision it allows (a value it cannot tell
// from 0: sin(pi/7)^2 + cos(pi/7)^2 - 1). `most_digits`, when given, lowers that highest
// precision (a table's cell, where a value it cannot tell from 0 is marked, not refused).
std::string evalf_certain(Expr e, int digits, int most_digits = 0);

struct Uncertain : Unanswerable {
  Uncertain(const std::string& message, long digits_worked, bool near_zero, bool existence_undecided = false)
      : Unanswerable(message), digits_worked(digits_worked), near_zero(near_zero), existence_undecided(existence_undecided) {}
  long digits_worked;        // the working precision reached, in decimal digits
  bool near_zero;            // the value's last enclosure held 0 (it may be exactly 0)
  bool existence_undecided;  // no enclosure at all: a step's argument stayed astride the edge of its
                             // domain (atanh(acos(cos(1))): whether the value exists is undecided
};

// A value whose enclosure holds 0 only because a part of it went past MPFR's range (exp(-10^10)):
// no precision tells it from 0. As uncertain as that (a table marks it ~0), but no 0 that ==
// may take for one.
struct PastRange : Uncertain {
  explicit PastRange(long digits_worked)
      : Uncertain("a part of this value is past the range of ddx's approximations (about 10^-323228496 to "
                  "10^323228496), so ddx cannot tell it from 0",
                  digits_worked, true) {}
};


}  // namespace ddx::calc
