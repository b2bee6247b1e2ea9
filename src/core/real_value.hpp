// SPDX-License-Identifier: GPL-3.0-or-later
// The real value of an expression free of symbols, in MPFR at any precision: approx(E, 30) prints
// it (calculus/evalf.hpp), and the function table's domain checks use it to refuse log(-π) and
// asin(π) as they refuse log(-3) and asin(2).
#pragma once

#include <mpfr.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "core/expr.hpp"

namespace ddx {

// An owning mpfr_t of a given precision.
class Real {
 public:
  explicit Real(mpfr_prec_t precision) { mpfr_init2(v_, precision); }
  ~Real() { mpfr_clear(v_); }
  Real(const Real&) = delete;
  Real& operator=(const Real&) = delete;
  mpfr_ptr get() { return v_; }

 private:
  mpfr_t v_;
};

// Sets `out` to the exact number n, rounded as `rounding` says (a decimal must be read first:
// precondition n.is_exact()).
void set_exact(const Number& n, mpfr_ptr out, mpfr_rnd_t rounding);

// MPFR reduces a trigonometric argument exactly, with pi to as many bits as the argument has
// before its point (sin(e^250000000) took minutes): past max_reduced_argument_bits ddx refuses
// (Unanswerable), the argument, rounded, being far from exact there at any precision it uses.
void check_reducible(mpfr_srcptr argument);
// softplus(x) = log(1 + e^x) rounded in direction r (both steps increasing in x), as
// x + log(1 + e^-x) for x > 0: e^x overflows MPFR's range past x of about 7e8, where the value is
// about x (softplus(1e9) was refused as too large).
int softplus_rounded(mpfr_ptr out, mpfr_srcptr x, mpfr_rnd_t r);

// Sets `out` (initialised by the caller, whose precision is used throughout) to the value of e.
// An odd root of a negative number is real, as in exact arithmetic: (-8)^(1/3) = -2. Throws
// MathError when e has no real value (log(-1), an even root of a negative number, 1/0), and
// Unanswerable (a MathError) when it cannot be evaluated (a symbol, an unknown function).
void real_value(Expr e, mpfr_ptr out);

// How a floating-point number is read: as the double it is, or as the shortest decimal that reads
// back as that double (0.1 as 1/10, where the double is 0.1000000000000000055511...), which is
// what was typed.
enum class DecimalReading { AsDouble, AsTyped };

// The value of e where each symbol of `values` has its value (closed expressions), as above.
void real_value(Expr e, const std::unordered_map<Expr, Expr>& values, DecimalReading reading, mpfr_ptr out);

// A constant that is not a number: no symbols, no sum index (-π, sqrt(3), sin(4), 1 - e).
bool is_constant_expression(Expr e);

// Whether a constant is positive by its form alone (π, e, 3, e^2, 2π + 1), without evaluating it:
// the domain checks of log and of even roots skip those, nearly all that arise.
bool obviously_positive(Expr constant);

// The value of a constant expression as a double, from an interval sure to hold it
// (core/enclosure.hpp) at 64 to 4096 bits: nullopt when it has no real value, cannot be
// evaluated, is too large a tree to evaluate on the way, or no interval is narrow enough (a 0
// written so that ddx cannot fold it; the domain checks then leave it, as they leave a symbol).
std::optional<double> constant_value(Expr e);

// The sign of a constant that is surely not 0 (1 - pi, -sin(1), 2 - sqrt(5)): the first of those
// intervals that leaves 0 out. nullopt for a number, a symbol, or a constant none decides (a 0
// written so that ddx cannot fold it, or a value too small for 4096 bits to tell from one).
std::optional<int> constant_sign(Expr e);
// Whether a constant's intervals at 64 to 4096 bits all hold 0: an exact 0 that ddx could
// not fold (log(8) - 3 log(2)), or a value too small to tell from one. False for numbers,
// symbols, constants with no real value and trees too large to evaluate on the way.
bool may_be_zero(Expr e);
// Whether a constant's interval holds 0 because a part of it went past MPFR's range (exp(-10^10),
// its reciprocal of an overflow): a value no precision can tell from 0, though it may be none.
bool zero_past_range(Expr e);

// Whether a value v computed as above lies outside the domain `ok` with room to spare: v and its
// neighbours within rounding are all outside (a constant equal to a bound, written so that ddx
// cannot fold it, is left alone rather than refused).
bool clearly_outside(double v, bool (*ok)(double));

// The value of a constant that lies clearly outside the domain `ok` (the domain checks of log,
// roots and powers, which then refuse it), as constant_value finds it; nullopt otherwise. Screened
// at 128 bits first: nearly every constant is inside, and two precisions cost six times one.
std::optional<double> value_clearly_outside(Expr constant, bool (*ok)(double));

// The same for a domain that is an interval (asin's [-1, 1], log's (0, inf)), where a constant
// outside it by less than rounding's room is refused too (acosh(cos(10^-10)) stayed as written):
// an enclosure of the constant whose ends (as for_domain takes them) both lie outside decides,
// narrower than the domain so that it cannot hold it across. Screened at 128 bits as above. The
// value as an error message shows it (-5e-61..., 1 - 5e-21...), or nullopt.
std::optional<std::string> value_outside_interval_domain(Expr constant, bool (*ok)(double));
// A real as the domain tests take it, whose edges are -1, 0 and 1 (doubles hold them exactly):
// its nearest double, or where that is an edge the real is not, the double beside the edge on the
// real's side. Rounding keeps order, so the double lies inside an interval domain exactly when the
// real does (1 - 10^-16 is below 1, though its nearest double is 1: atanh of it was refused, and
// asin(1 + 10^-17) taken).
double for_domain(const Number& n);
double for_domain(const mpfr_t x);

// An MPFR value to six digits, as an error message shows it.
std::string six_digits_of(mpfr_srcptr v);

// The decimal a constant becomes beside a floating-point number (2.0 pi is 6.283185307179586, as
// an answer that involves a decimal is a decimal), or nullopt when it has no finite real value.
std::optional<Number> decimal_value(Expr constant);

// A constant's value as an error message shows it, to six digits: "3.14159", "-2.58579".
std::string six_digits(double v);

}  // namespace ddx
