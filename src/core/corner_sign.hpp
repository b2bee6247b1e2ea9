// SPDX-License-Identifier: GPL-3.0-or-later
// The sign that differentiation makes. The derivative of abs(x) is sign(x) everywhere but at 0,
// where abs has a corner and no derivative; so are those of relu, max and min where their
// arguments meet. A typed sign(x) is 0 at 0, as it should be, but the same value in a
// derivative's formula gave a slope where there is none (f = d/dx abs(x), then f at x = 0,
// printed 0). So derivatives are written with a sign of their own: it prints, reads back and
// orders as sign (its row is sign's, under the same name, and no one can type it), and is the
// same everywhere but where its argument is 0, where it has no value (CornerError). Asked for
// the value of such a formula there, calc::value_at gives the one it has whatever that slope
// would be, where its one-sided limits agree with it (x sign(x), from d/dx x abs(x), is 0).
// And a derivative holds only where the function it is taken of is continuous, which its formula
// may not show (d/dx sign(x) is 0): differentiating keeps that function, its signs the corners',
// as a part the answer needs a value of (core/dropped.hpp's note_required).
#pragma once

#include <string>
#include <vector>
#include <span>

#include <optional>
#include <unordered_map>

#include "core/errors.hpp"
#include "core/expr.hpp"

namespace ddx {

// A derivative's sign(0): the slope of a corner, which does not exist.
struct CornerError : MathError {
  CornerError();
};
// A corner's sign whose argument is a constant that no enclosure tells from 0: the point may be at
// the corner or beside it, and ddx cannot say which (nor whether a derivative exists there).
struct UndecidedCorner : CornerError {
  explicit UndecidedCorner(Expr argument) : argument(argument) {}
  Expr argument;
};

namespace detail {
// The corner sign's id once registered (until then no node holds it), and typed sign's.
inline FunctionId corner_sign_id = ~FunctionId{0}, typed_sign_id = ~FunctionId{0};
}  // namespace detail

// The function (registered once, not by name: users type sign) and its call.
FunctionId corner_sign_function();
Expr corner_sign(Expr u);
bool is_corner_sign(Expr e);
bool has_corner_sign(Expr e);
// The function that f prints and orders as in a product: sign for the corner sign, else f.
// (Inline: the printer asks it of every factor.)
inline FunctionId typed_function(FunctionId f) { return f == detail::corner_sign_id ? detail::typed_sign_id : f; }

// g at the point, where each corner sign whose argument is 0 there stands for a slope that does
// not exist: g's value when it does not depend on it (x sign(x) is 0 at 0 whatever sign(0) would
// be), nullopt when it does (sign(x), sign(x)^2). Other errors propagate.
std::optional<Expr> value_whatever_the_corners(Expr g, const std::unordered_map<Expr, Expr>& point);

// e with every sign a corner's sign: a derivative's formula, whose typed signs come from the
// function differentiated (d/dx x sign(x) is sign(x), which has no value at 0: x sign(x) = abs(x)
// has a corner there).
Expr with_corner_signs(Expr e);
// e with the typed signs whose argument depends on var made corners' signs: what a derivative
// along var needs (d/dx sin(x) sign(y - 1) is cos(x) sign(y - 1), which is 0 where y = 1, as the
// function is along x there; its sign, constant along x, stays typed).
Expr with_corner_signs_along(Expr e, Expr var);
// What a derivative along var of a formula that requires `part` requires (core/dropped.hpp):
// part (its signs the corners' where that requirement needs them) with var moved by a symbol
// that stands for a small step either way. Such a part has a value at a point (value_whatever_the_corners) only where part has values
// just beside it along var: ∂/∂y of sign(y - 1) x^2 is 0, requiring sign(y - 1) x^2, which has a
// value at x = 0, y = 1, but not beside it along x; so ∂/∂x of that 0 has none there.
Expr required_beside(Expr part, Expr var);
// What a derivative along var requires of the function f it is taken of: values on both sides of
// the point along var, not only at it (d/dx x^(3/2) is 3 sqrt(x)/2, 0 at 0, where x^(3/2) has no
// values to the left: no derivative). f with var moved by a symbol for a small step either way,
// which has_value_there takes at 2^-200, 2^-800 and 2^-3200 on each side: a side where none of
// them has a real value is an edge of f's domain at the point.
Expr required_on_both_sides(Expr f, Expr var);
// Whether part is such a requirement (made by required_on_both_sides), and what is said where one
// has no value.
bool is_edge_requirement(Expr part);
inline std::string edge_of_domain(const std::string& along = {}) {
  return "the function is not defined on both sides of the point" + (along.empty() ? std::string() : " along " + along) +
         ": an edge of its domain";
}
// Whether part may end at an edge of its domain along var: no corner or jump (the corners' own
// checks decide those), a domain that may end, and var in it.
bool may_end_along(Expr part, Expr var);
// required_on_both_sides of each part of what the function as written lost (core/dropped.hpp) that
// may end along var: sqrt(x) of sqrt(x)^2, which reads as x, but has no derivative at 0.
std::vector<Expr> edge_requirements(std::span<const Expr> lost, Expr var);
// The lost parts and their edge_requirements (a derivative's, a tangent's or a Taylor polynomial's).
std::vector<Expr> required_with_sides(std::span<const Expr> lost, Expr var);
// Whether f may have such an edge: a power that is no whole number (x^(3/2), sqrt) or a function
// defined on part of the line (log, asin, acos, acosh, atanh) somewhere in it.
bool may_have_domain_edge(Expr f);
// Whether s is the symbol of one of those small steps (no name a user can type; it needs no value).
bool is_beside_step(Expr s);
// Whether `part` has a value at the point, as value_whatever_the_corners tells, where a part that
// required_beside made is taken just beside it (its step 2^-200 and 2^-400 either way, the point's
// decimals as the exact numbers they are written as, so that 1.0 + 2^-200 is no 1.0; a step
// where the part has no value for another reason, a log of a negative number, is no evidence
// against it). Other errors propagate.
bool has_value_there(Expr part, const std::unordered_map<Expr, Expr>& point);
// part at the point where has_value_there: its value whatever the corners (a part required beside
// the point: itself there, or 0 where the step cannot stay a symbol, the requirement being met);
// CornerError where it has none.
Expr value_there(Expr part, const std::unordered_map<Expr, Expr>& point);

// Whether u is a number but for decimals read as symbols (a check's reading, core/decimal_answer.hpp):
// 9/10 - 0.9 may be 0, and whether a sign of it is a corner or a jump only the reading with the
// decimals' values can tell. value_whatever_the_corners throws CornerError for a corner sign of it.
bool undecided_by_decimals(Expr u);
// Whether e holds a sign, typed or a corner's; a typed one.
bool has_sign(Expr e);
bool has_typed_sign(Expr e);
// Whether u is a constant whose sign no enclosure decides: a sign of it may be a corner's.
bool undecided_constant(Expr u);
// Whether a corner's sign in e has an argument that may be 0 for all ddx can tell: undecided by
// decimals (value_whatever_the_corners throws CornerError for it), or a constant that no enclosure
// tells from 0 (1 - sin(pi/7)^2 - cos(pi/7)^2 is 0; it throws UndecidedCorner).
bool has_undecided_corner(Expr e);
// The value at `point` of a typed sign's argument in e that no enclosure tells from 0, or nullopt:
// sign(cos(0.1)^2 + sin(0.1)^2 - 1) is 0, and the doubles' -1.0 agreed with 128 bits.
std::optional<Expr> undecided_sign_at(Expr e, const std::unordered_map<Expr, Expr>& point);
// The functions with corners or jumps: abs, sign, relu, max, min (and the corner's sign).
bool has_corners_or_jumps(FunctionId f);
// Whether e calls one of them.
bool has_corners_or_jumps(Expr e);

// e with each typed sign(u) made the corner's sign where e also holds a corner's sign of that u:
// the two are one function but at u = 0 (d/dx abs(x + 1) sign(x + 1) printed sign(x + 1)
// sign(x + 1), and f - sign(x) after f = d/dx abs(x) printed -sign(x) + sign(x)). e itself is
// noted as required (core/dropped.hpp): as written it has no value where the merged form may
// (f - sign(x) is 0, but has no value at 0).
Expr with_signs_unified(Expr e);

// e with each corner sign made the typed sign (0 at 0): for a formula compared as printed (==),
// and for backprop's trace, which takes sign(0) = 0 at a corner as automatic differentiation
// does (and then checks its gradient against the derivative).
Expr with_typed_signs(Expr e);

}  // namespace ddx
