// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal answers whose digits hold. A formula evaluated in double precision, one rounding after
// another, can lose every digit: d/dx sec(sinh(2e x^2)) at x = -2.5 takes sec of a number near
// 2.9e14, which one rounding of sinh moves by several radians, and printed 29740820070537876.0
// for 2.2392663505375e18; 1 - cos(1e-8) gave 1.1e-16 for 5e-17. Such an answer is worked out
// again in MPFR from its formula, with each decimal as the exact number it is written as (0.1 is
// 1/10, not the double 0.1000000000000000055511...).
#pragma once

#include <optional>
#include <unordered_map>

#include "core/errors.hpp"
#include "core/expr.hpp"

namespace ddx {

// Whether a value that turns out undefined (a pole that doubles rounded past: tan(π/2 · 1.0)) is
// refused. Only a caller whose decimals are all exact as written may refuse: a point that went
// through a double (x = 1.0000000000000000001 is 1.0 there) could put a pole where there is none.
enum class Undefined { Keep, Refuse };

// A value that grows without bound as its decimals are worked out more precisely: a pole their
// doubles rounded past (tan(pi/2*1.0) is 16331239353195370.0 in doubles).
struct PoleRoundedPast : MathError {
  using MathError::MathError;
};

// The answer to print for `computed`, the double-precision value of `formula` where each symbol
// of `point` has its value (closed expressions; a decimal among them is the exact number its
// shortest decimal denotes, x = 0.1 being x = 1/10):
// computed itself when it agrees with the precise value to 12 digits, else the precise value
// rounded to a double (0.0 for a value that is 0 up to the rounding of its parts, as
// 0.1 + 0.2 - 0.3 is). A float left inside the formula was rounded when the formula was built
// (3 (x - 0.2) holds 0.6000000000000001): it is read both as the shortest decimal that prints it
// and as its double, and the answer is corrected only where the two readings agree. Throws
// MathError when the value is undefined or cannot be found, if `undefined` says to refuse and no
// float is inside the formula; throws UnderflowError when the precise value is nonzero but below
// the doubles' normal range (1e-300 * 1e-300 is not 0.0). Anything it cannot evaluate (a
// symbol without a value, an unknown function) leaves `computed` as it is, and so does an answer
// that is no decimal.
Expr checked_decimal(Expr formula, const std::unordered_map<Expr, Expr>& point, Expr computed,
                     Undefined undefined = Undefined::Keep);
// checked_decimal for an exact number too, where the formula is known to hold decimals: doubles'
// 0.0 vanishes in a sum, and f(x) = x + 1 - cos(1e-8) gave f(0) = 0 (5e-17). The exact answer is
// kept where the formula's value is that number (sign(0.1) is 1); where it only agrees to 12
// digits the answer is its double (f(2) is 2.0).
Expr checked_number(Expr formula, const std::unordered_map<Expr, Expr>& point, Expr computed,
                    Undefined undefined = Undefined::Keep);

// Throws MathError where `closed`, or a part of it that may have a pole (tan, log, 1/u, ...), is at
// a pole that doubles rounded past, its decimals (symbols of `point`) as written: sec(pi/2 * 1.0).
void refuse_poles_rounded_past(Expr closed, const std::unordered_map<Expr, Expr>& point);

// An exact number as the decimal an answer prints: its double, or itself beyond a double's range;
// UnderflowError when it is not 0 but below the normal range (x^2 at x = 1e-160 is 10^-320).
Expr as_decimal(Expr exact);

// A formula that holds decimals folded in doubles as it was read (a definition's body: f(x) =
// sec(sinh(12.5 e x)) holds sec(sinh(33.97940...x)); c = 0.1 holds the double nearest 1/10), read
// again with each decimal a symbol for the exact number it is written as, and those numbers.
struct ExactForm {
  Expr expr;
  std::unordered_map<Expr, Expr> decimals;  // symbol -> exact number
};

// A new symbol of `decimals` for the exact number `value` (decimal#1, decimal#2, ...).
Expr decimal_symbol(std::unordered_map<Expr, Expr>& decimals, Expr value);
// Whether e is such a symbol (no name a user can type).
bool is_decimal_symbol(Expr e);
// form.expr with its decimals added to `decimals`, each under a new symbol there: every reading
// numbers its decimals from 1, so a definition's cannot be taken over as they are.
Expr merged_into(const ExactForm& form, std::unordered_map<Expr, Expr>& decimals);

// The value of a closed formula (given `exact`) as checked_decimal finds it, rounded to a double:
// nullopt when it cannot be evaluated, has no value, or the readings of its floats disagree;
// UnderflowError when it underflows; infinite when it is past a double's range.
std::optional<double> precise_double(Expr formula, const std::unordered_map<Expr, Expr>& exact);
// Such a value past a double's range, to six digits ("1e+450"); nullopt for any other.
std::optional<std::string> digits_past_doubles(Expr formula, const std::unordered_map<Expr, Expr>& exact);

}  // namespace ddx
