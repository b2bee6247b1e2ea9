// SPDX-License-Identifier: GPL-3.0-or-later
// Derivatives at a point from one-sided limits (see at_point.hpp). The only discontinuity the
// function table has is sign(u), which jumps where u crosses 0 (abs, relu, max and min bring it
// in through their derivatives); every other function is continuous on its domain, and leaving
// the domain (1/0, log(0)) is an error of its own. So a one-sided limit along x is the value at
// the point with each sign(u) whose u vanishes there replaced by the sign u takes just beside the
// point: that of u's first non-zero derivative, flipped on the left for odd orders.
#include "calculus/at_point.hpp"

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "core/corner_sign.hpp"
#include "core/decimal_answer.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <unordered_set>

namespace ddx::calc {
namespace {

// How many derivatives of u are tried to find the side on which u leaves 0.
constexpr int max_taylor_order = 8;

enum class Side { Left, Right };

bool is_sign(Expr e) { return e.is(Kind::Call) && function_info(e.function()).name == "sign"; }

class OneSided {
 public:
  OneSided(Expr var, const Point& point, Side side) : var_(var), point_(point), side_(side) {}

  // lim g(x) as x -> point from this side; throws MathError when it is not finite.
  Expr limit(Expr g) {
    check_interrupt();
    if (auto it = point_.find(g); it != point_.end()) return it->second;
    if (g.is(Kind::Number) || g.is(Kind::Constant) || g.is(Kind::Symbol)) return g;
    if (auto it = done_.find(g.node()); it != done_.end()) return it->second;
    Expr r = is_sign(g)  ? sign_limit(g)
             : is_sum(g) ? sum_limit(g)
                         : map_children(g, [this](Expr c) { return limit(c); });
    done_.emplace(g.node(), r);
    return r;
  }

 private:
  // A sum takes the point as substitution does (its index and x_n are its own; an entry given a
  // value writes it out, and then its terms are limits like any others).
  Expr sum_limit(Expr g) {
    Expr s = substitute(g, point_);
    return is_sum(s) ? s : limit(s);
  }

  // sign(u) beside the point: its value at u's value there when that is not 0 (a corner's sign
  // of 1 - pi stays one: it is sign(1 - pi) where the formula is); else the sign u leaves 0 with.
  Expr sign_limit(Expr g) {
    Expr u = g.args()[0];
    Expr at = limit(u);
    if (undecided_by_decimals(at)) throw CornerError();  // (the check's reading with the decimals' values decides)
    // A constant whose sign no enclosure decides may be 0, a corner (1 - sin(pi/7)^2 - cos(pi/7)^2
    // is; sign of it was printed as the slope).
    if (undecided_constant(at)) throw NoDerivative(NoDerivative::Cause::Undecided, var_, at, Expr());
    if (!at.is_zero()) return call(g.function(), {at});
    if (!depends_on(along(u), var_)) return sign(at);  // (x y along y at x = 0 is 0)
    Expr du = u;
    for (int k = 1; k <= max_taylor_order; ++k) {
      du = diff(du, var_);
      Expr v = OneSided(var_, point_, side_).limit(du);
      if (v.is_zero()) continue;
      // (A constant clearly not 0 has its sign: cos(3/10), the slope of sin(x) - sin(3/10).)
      std::optional<int> known = v.is_number() ? std::optional(v.number().sign()) : constant_sign(v);
      if (!known) throw NoDerivative(NoDerivative::Cause::Undecided, var_, u, Expr());
      int s = *known;
      if (side_ == Side::Left && k % 2 == 1) s = -s;
      return Expr(s);
    }
    throw NoDerivative(NoDerivative::Cause::Undecided, var_, u, Expr());
  }

  // u on the line through the point along var: the point's other coordinates put in.
  Expr along(Expr u) const {
    Point others = point_;
    others.erase(var_);
    return others.empty() ? u : substitute(u, others);
  }

  Expr var_;
  const Point& point_;
  Side side_;
  std::unordered_map<const void*, Expr> done_;
};

struct Limits {
  Expr left, right;
};

Limits both_sides(Expr g, Expr var, const Point& point) {
  return {OneSided(var, point, Side::Left).limit(g), OneSided(var, point, Side::Right).limit(g)};
}

// The slope's formula beside the point, in MPFR: its values at point ± 2^-40, 2^-80, 2^-120 on
// one side; nullopt where it has none.
std::optional<std::array<double, 3>> values_beside(Expr g, Expr var, const Point& point, int side) {
  std::array<double, 3> v{};
  Point beside = point;
  try {
    for (int i = 0; i < 3; ++i) {
      Expr h = pow(Expr(2), Expr(-40 * (i + 1)));
      beside[var] = point.at(var) + (side < 0 ? -h : h);
      Real r(600);
      real_value(g, beside, DecimalReading::AsDouble, r.get());
      v[static_cast<std::size_t>(i)] = mpfr_get_d(r.get(), MPFR_RNDN);
    }
  } catch (const MathError&) {
    return std::nullopt;
  }
  return v;
}

// The slope's formula divides by zero at the point. Where it grows without bound beside it
// (1/(2 sqrt(x)) at 0) there is no derivative; where it stays bounded on both sides it is 0/0
// (x^2/sqrt(x^2) at 0, which is 0), a limit this reading of formulas does not take, and saying
// that the derivative does not exist would be a guess: ddx says it cannot decide, with the
// values it sees beside the point.
NoDerivative division_by_zero(Expr g, Expr var, const Point& point, const MathError& e) {
  NoDerivative no(NoDerivative::Cause::Undefined, var, Expr(), Expr(), e.what());
  auto it = point.find(var);
  if (it == point.end() || (!is_constant_expression(it->second) && !it->second.is_number())) return no;
  auto left = values_beside(g, var, point, -1), right = values_beside(g, var, point, +1);
  if (!left && !right) return no;
  auto grows = [](const std::array<double, 3>& v) {
    return !std::isfinite(v[2]) || std::fabs(v[2]) > 1e6 * std::max(1.0, std::fabs(v[0]));
  };
  if ((left && grows(*left)) || (right && grows(*right))) return no;
  auto settled = [](const std::array<double, 3>& v) { return std::fabs(v[2] - v[1]) <= 1e-6 * std::max(1.0, std::fabs(v[2])); };
  auto slope = [](const std::optional<std::array<double, 3>>& v) {
    if (!v) return Expr(0);
    const std::array<double, 3>& a = *v;  // shrinking by a thousand and more at each step: to 0
    bool vanishing = std::fabs(a[2]) <= 1e-3 * std::fabs(a[1]) && std::fabs(a[1]) <= 1e-3 * std::fabs(a[0]);
    return Expr(Number::from_double(vanishing ? 0.0 : a[2]));
  };
  // Both sides settled on slopes that differ: a corner, as the one-sided limits show one
  // (sqrt(x^2) at 0: -1 and 1), though numerically.
  if (left && right && settled(*left) && settled(*right) &&
      std::fabs((*left)[2] - (*right)[2]) > 1e-6 * std::max({1.0, std::fabs((*left)[2]), std::fabs((*right)[2])}))
    return NoDerivative(NoDerivative::Cause::Indeterminate, var, slope(left), slope(right), "corner");
  // A side without values (the left of sqrt(x^3) at 0) is named in the detail.
  return NoDerivative(NoDerivative::Cause::Indeterminate, var, slope(left), slope(right),
                      !left ? "no left" : !right ? "no right" : e.what());
}

// The slopes from both sides (see division_by_zero for a formula that divides by zero there).
Limits slopes_beside(Expr g, Expr var, const Point& point) {
  try {
    return both_sides(g, var, point);
  } catch (const NoDerivative&) {
    throw;
  } catch (const Unanswerable&) {
    throw;
  } catch (const MathError& e) {
    throw division_by_zero(g, var, point, e);
  }
}

}  // namespace

// A derivative needs the function on both sides of the point (the one-sided derivatives must
// agree): at an edge of its domain it has none. d/dx x^(3/2) at 0 was its slope from the right, 0,
// and a function with values at the point alone had the slope 0 there. (A derivative's formula
// with a corner's sign has no value at the corner, nor a domain's edge there: the corners' own
// checks decide it.)
void require_values_on_both_sides(Expr f, Expr var, const Point& point) {
  if (!point.contains(var) || has_corner_sign(f) || !may_have_domain_edge(f)) return;
  if (!has_value_there(required_on_both_sides(f, var), point))
    throw NoDerivative(NoDerivative::Cause::Undefined, var, Expr(), Expr(), edge_of_domain(var.name()));
}

// (2^-200 and 2^-400 away on either side: a corner nearer than that is missed. A point that gives
// var no number, or where h has no value for other reasons, is no evidence against it.)
bool has_values_beside(Expr h, Expr var, const Point& point, std::optional<Expr> continuous_along) {
  if (!point.contains(var) || !(continuous_along ? has_sign(h) : has_corner_sign(h))) return true;
  Expr cornered = continuous_along ? with_corner_signs_along(h, *continuous_along) : h;
  return has_value_there(required_beside(cornered, var), point);  // (the same steps beside as a requirement's)
}

Expr value_at(Expr g, const Point& point, bool* from_limits) {
  try {
    Expr there = substitute(g, point);
    if (!has_undecided_corner(there)) return there;  // (else the point may be at the corner)
  } catch (const CornerError&) {
  }
  if (from_limits) *from_limits = true;
  // The formula has a value there when it does not depend on the slopes that do not exist: x sign(x)
  // is 0 at 0 whatever sign(0) would be; sign(x) and sign(x)^2 have none. For a derivative's
  // formula, whose signs are all the corners', that is the derivative: each corner sign comes
  // multiplied by its argument's slope u' (of sign(u) u'), and if that factor is 0 at the point
  // the one-sided limits agree with it (the mean value theorem, the function being continuous).
  std::optional<Expr> value = value_whatever_the_corners(g, point);
  if (value && !has_typed_sign(g)) return *value;
  // Beside a typed sign, whose value at 0 is no limit (sign(x + 1)^2 of d/dx abs(x + 1) sign(x + 1)
  // is 0 at -1, its limits 1), the one-sided limits along each variable must agree with it too.
  std::vector<Expr> vars;
  for (const auto& [var, v] : point)
    if (depends_on(g, var)) vars.push_back(var);
  std::sort(vars.begin(), vars.end(), [](Expr a, Expr b) { return compare(a, b) < 0; });  // (the same message every run)
  std::optional<Expr> agreed;
  Expr along_var;
  for (Expr var : vars) {
    Limits along = both_sides(g, var, point);
    if (along.left != along.right) throw NoDerivative(NoDerivative::Cause::Jump, var, along.left, along.right, corner_slope);
    if (agreed && *agreed != along.left) throw NoDerivative(NoDerivative::Cause::Jump, var, *agreed, along.left, corner_slope);
    agreed = along.left;
    along_var = var;
  }
  if (!agreed && value) agreed = value;
  if (!value || *value != *agreed)
    throw NoDerivative(NoDerivative::Cause::Jump, along_var, agreed ? *agreed : Expr(0), agreed ? *agreed : Expr(0), corner_slope);
  return *value;
}

namespace {

// The one-sided limits of g along var (`limits`: both_sides or slopes_beside); where ddx cannot
// tell on which side a corner's argument leaves 0 (relu(sin(x)) is 0 all around x = -1, so
// d/dx relu(relu(sin(x))) there has sign(relu(sin(x))) in it), g's value, if it has one whatever
// that corner's slope: g holds only corners' signs, each with its argument's slope as a factor,
// and that factor is then 0 there.
Limits limits_or_value(Expr g, Expr var, const Point& point, Limits (*limits)(Expr, Expr, const Point&)) {
  try {
    return limits(g, var, point);
  } catch (const NoDerivative& why) {
    if (why.cause != NoDerivative::Cause::Undecided || has_typed_sign(g)) throw;
    std::optional<Expr> value = value_whatever_the_corners(g, point);
    if (!value) throw;
    return {*value, *value};
  }
}

// The slopes of g, the derivative of `function` along var, from both sides. Where g's formula has
// no real value though the function has values all around the point, that is no proof that the
// derivative does not exist: x^max(x, 2) is x^2 around -1/2, but its derivative's formula takes
// log(-1/2) (times max's slope, 0 there). FormulaUndefined says ddx cannot decide. (A division by
// zero is not such a case: the slope grows without bound, or division_by_zero looks beside.)
// (`whatever_the_corners`: a value that does not depend on corner signs that have none will do,
// as limits_or_value takes it.)
Limits slopes_of_formula(Expr g, Expr function, Expr var, const Point& point, bool whatever_the_corners) {
  auto undecided = [&](const std::string& why) {
    return NoDerivative(NoDerivative::Cause::FormulaUndefined, var, Expr(), Expr(), why);
  };
  auto owed_to_formula = [&](const std::string& why) {
    if (!point.contains(var) || !values_beside(function, var, point, -1) || !values_beside(function, var, point, +1))
      return false;
    // (A division by zero grows without bound, or division_by_zero looks beside; but a formula
    // that has no value beside the point either, y/(2 sqrt(x y)) of sqrt(x y) along x where y = 0,
    // tells nothing: sqrt(x y) is 0 all along that line, and its derivative was said not to exist.)
    return why.find("division by zero") == std::string::npos ||
           (!values_beside(g, var, point, -1) && !values_beside(g, var, point, +1));
  };
  try {
    return whatever_the_corners ? limits_or_value(g, var, point, slopes_beside) : slopes_beside(g, var, point);
  } catch (const NoDerivative& why) {
    if (why.cause != NoDerivative::Cause::Undefined || !owed_to_formula(why.detail)) throw;
    throw undecided(why.detail);
  } catch (const Unanswerable&) {
    throw;
  } catch (const UndecidedCorner&) {
    throw;
  } catch (const MathError& e) {
    if (!owed_to_formula(e.what())) throw;
    throw undecided(e.what());
  }
}

// The family of an entry's name (x for x_k and x_3), or nullopt for a plain name.
std::optional<std::string> family_name(const std::string& name) {
  if (!entry_subscript(name)) return std::nullopt;
  return name.substr(0, name.find('_'));
}

// A differentiation by an entry x_k at a point: with k = 7 given it is by x_7, and x_k in f is
// x_7, outside a sum as inside (∂/∂x_k (x_k^2 + sum(x_n^2, n = 1 .. 3)) at k = 7 was 0, for 2x_7);
// with k not given, a value for another entry of the family is refused, as x_k may be that entry
// (∂/∂x_k sum(x_n^2, n = 1 .. 3) at x_1 = 1 was 0, for 2x_k, or 2 if k = 1), and with sums one
// for any entry (the term ∂/∂x_k takes may hold t_k, which may be t_1). With sums, the
// point's other names are put in before differentiating (as a partial derivative allows): bounds
// that become numbers decide whether x_7 is one of the terms.
Expr with_entries_prepared(Expr f, std::vector<Expr>& order, Point& point) {
  for (Expr& var : order) {
    std::optional<Expr> k = entry_subscript(var.name());
    if (!k || !k->is(Kind::Symbol)) continue;
    if (auto it = point.find(*k); it != point.end() && it->second.is_integer()) {
      Expr entry = rename_index(var, *k, it->second);
      f = rename_index(f, *k, it->second);
      if (auto value = point.find(var); value != point.end()) point[entry] = value->second;
      var = entry;
      continue;
    }
    for (const auto& [name, value] : point) {
      if (name == var || !family_name(name.name())) continue;
      if (family_name(name.name()) == family_name(var.name()))
        throw Unanswerable(var.name() + " may be the entry " + name.name() + " given a value at the point: give " +
                           k->name() + " a value too");
      if (has_sum(f))  // (t_1 = 1 writes the sum out, and t_k of the term ∂/∂x_k takes may be t_1)
        throw Unanswerable("with " + k->name() + " not given, ddx cannot tell whether the entry " + name.name() +
                           " given a value at the point is of index " + k->name() + ": give " + k->name() +
                           " a value too");
    }
  }
  // An entry a point's whole number names (x_k at k = 2) is that entry before differentiating
  // too: ∂/∂x_2 of x_k^2 at k = 2 is 2x_2 (it was refused as holding only where k != 2).
  for (const auto& [name, value] : point)
    if (value.is_integer() && name.is(Kind::Symbol)) f = rename_entries(f, name, value);
  if (!has_sum(f)) return f;
  Point others;
  for (const auto& [name, value] : point)
    if (std::find(order.begin(), order.end(), name) == order.end()) others.emplace(name, value);
  return substitute(f, others);
}

}  // namespace

Expr derivative_at(Expr f, const Differentiations& d, const Point& given) {
  NotingPaused own_algebra;
  std::vector<Expr> order;  // one variable per differentiation
  for (const auto& [var, count] : d) order.insert(order.end(), count, var);
  if (order.empty()) return substitute(f, given);
  Point point = given;
  f = with_entries_prepared(f, order, point);
  Expr g = f, before = f;  // the derivative so far, and the function it was taken of
  Expr value;
  // Of a higher derivative along one variable, the order that fails is named (d^2/dx^2 x abs(x)
  // at x = 0 said "the derivative does not exist" of its second, d^2/dx^2 x sqrt(x^2) "cannot
  // decide" of its first).
  std::size_t step = 0;
  bool one_variable = std::all_of(order.begin(), order.end(), [&](Expr v) { return v == order.front(); });
  auto named = [&](NoDerivative why) {
    if (order.size() > 1 && one_variable && why.order == 0) {
      why.order = step + 1;
      why.asked = order.size();
    }
    return why;
  };
  try {
    // The function itself must be continuous along the first variable: its value there (a typed
    // sign(0) is 0) must equal both one-sided limits. (Compared, not answered: a value below a
    // double's range there is no refusal of the derivative's.)
    value = [&] {
      UnderflowsUnnoted compared_only;
      return value_at(f, point);
    }();
    for (std::size_t i = 0; i < order.size(); ++i) {
      step = i;
      // Before differentiating along order[i], g must be continuous along it (for i > 0, g's value
      // is the limit just agreed along order[i - 1], so only a change of variable can break it).
      if (i == 0 || order[i] != order[i - 1]) {
        // And for i > 0 the derivative before must exist beside the point along order[i], not
        // only at it: ∂/∂x relu(x y) has no value where x = 0 and y is not 0; nor has ∂/∂y of
        // x^2 sign(y) where y = 0 and x is not, though its formula, 0, does not show it (the
        // function must be continuous along y there).
        if (i > 0 && !(has_values_beside(g, order[i], point, order[i - 1]) &&
                       has_values_beside(before, order[i], point, order[i - 1])))
          throw NoDerivative(NoDerivative::Cause::Undefined, order[i], Expr(), Expr(),
                             "the derivative along " + order[i - 1].name() + " has no value beside it along " +
                                 order[i].name() + ": a corner or a jump there");
        // (A derivative's formula, given to differentiate, likewise: d/dy of ∂/∂x relu(x y).)
        if (i == 0 && !has_values_beside(f, order[0], point))
          throw NoDerivative(NoDerivative::Cause::Undefined, order[0], Expr(), Expr(),
                             "the function is a derivative's formula with no value beside the point along " +
                                 order[0].name() + ": a corner there");
        Limits along = [&] {
          UnderflowsUnnoted compared_only;
          return limits_or_value(g, order[i], point, both_sides);
        }();
        if (along.left != value || along.right != value)
          throw NoDerivative(NoDerivative::Cause::Jump, order[i], along.left, along.right);
      }
      before = g;
      g = diff(g, order[i]);
      Limits slopes = [&] {  // (the last is the answer; those before, compared only)
        std::optional<UnderflowsUnnoted> compared_only;
        if (i + 1 < order.size()) compared_only.emplace();
        return slopes_of_formula(g, before, order[i], point, true);
      }();
      if (slopes.left != slopes.right)
        throw NoDerivative(NoDerivative::Cause::Corner, order[i], slopes.left, slopes.right);
      value = slopes.left;
    }
  } catch (const NoDerivative& e) {
    // A side the slope's numbers found no values on (sqrt(x^3) at 0, whose formula divides by
    // zero there): where the function has none either, the point is an edge, and the derivative
    // does not exist (ddx said it could not decide).
    if (e.cause == NoDerivative::Cause::Indeterminate && (e.detail == "no left" || e.detail == "no right"))
      require_values_on_both_sides(f, e.along, point);
    throw named(e);
  } catch (const Unanswerable&) {
    throw;
  } catch (const UndecidedCorner& e) {
    throw named(NoDerivative(NoDerivative::Cause::Undecided, order.front(), e.argument, Expr()));
  } catch (const MathError& e) {
    throw named(NoDerivative(NoDerivative::Cause::Undefined, order.front(), Expr(), Expr(), e.what()));
  }
  try {
    for (std::size_t i = 0; i < order.size(); ++i)
      if (i == 0 || order[i] != order[i - 1]) require_values_on_both_sides(f, order[i], point);
  } catch (const NoDerivative& e) {  // (at an edge of f's domain: the first derivative has none)
    step = 0;
    throw named(e);
  }
  return checked_decimal(g, point, value);  // the derivative exists; its digits may not hold
}

namespace {

// The digits of the numbers in e plus its nodes, each distinct node counted once: what holding
// and printing e costs.
double weight(Expr e, std::unordered_set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return 0;
  double w = 1;
  switch (e.kind()) {
    case Kind::Number: return w + static_cast<double>(e.number().digits_estimate());
    case Kind::Mul: w += static_cast<double>(e.number().digits_estimate()); break;
    case Kind::Add:
      w += static_cast<double>(e.number().digits_estimate());
      for (const Number& c : e.coefficients()) w += static_cast<double>(c.digits_estimate());
      break;
    default: break;
  }
  for_each_child(e, [&](Expr c) { w += weight(c, seen); });
  return w;
}

}  // namespace

std::vector<Expr> derivatives_at(Expr f, Expr var, std::uint64_t count, const Point& given) {
  NotingPaused own_algebra;
  Point point = given;
  std::vector<Expr> order{var};
  f = with_entries_prepared(f, order, point);
  var = order[0];
  std::vector<Expr> values{value_at(f, point)};
  std::vector<Expr> formulas{f};  // values[k] is formulas[k] at the point
  std::unordered_set<const void*> seen;
  double total = weight(values[0], seen);
  Expr g = f;
  std::uint64_t k = 1;
  auto take_derivatives = [&] {
    for (; k < count; ++k) {
      check_interrupt();
      if (k == 1) {  // continuity of f itself, as derivative_at checks it
        Limits along = both_sides(g, var, point);
        if (along.left != values[0] || along.right != values[0])
          throw NoDerivative(NoDerivative::Cause::Jump, var, along.left, along.right);
      }
      Expr before = g;
      g = diff(g, var);
      Limits slopes = slopes_of_formula(g, before, var, point, false);
      if (slopes.left != slopes.right) throw NoDerivative(NoDerivative::Cause::Corner, var, slopes.left, slopes.right);
      values.push_back(slopes.left);
      formulas.push_back(g);
      // Derivatives of high order can grow fast (those of tan(x) at a symbolic point): stop
      // before the polynomial outgrows what can be held and printed.
      total += weight(slopes.left, seen);
      if (total > max_taylor_digits)
        throw LimitError("a Taylor polynomial holds at most " + std::to_string(static_cast<long long>(max_taylor_digits)) +
                         " digits in its coefficients; this one passes that at order " + std::to_string(k));
    }
  };
  // The first derivative needs f on both sides of the point: at an edge it does not exist, which
  // is said before what a higher one lacks (taylor(x^(3/2), x = 0, 3) named the second's
  // division by zero).
  auto first_at_edge = [&] {
    if (count < 2) return;
    try {
      require_values_on_both_sides(f, var, point);
    } catch (NoDerivative& why) {
      why.order = 1;
      throw;
    }
  };
  try {
    take_derivatives();
  } catch (NoDerivative& why) {
    if (k > 1) first_at_edge();
    why.order = k;
    throw;
  } catch (const Unanswerable&) {
    throw;
  } catch (const MathError& e) {
    if (k > 1) first_at_edge();
    NoDerivative why(NoDerivative::Cause::Undefined, var, Expr(), Expr(), e.what());
    why.order = k;
    throw why;
  }
  first_at_edge();
  // The derivatives exist; each decimal one's digits are checked as an answer's are.
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = checked_decimal(formulas[i], point, values[i]);
  return values;
}

std::optional<Number> polynomial_degree(Expr e, Expr var) {
  if (!depends_on(e, var)) return Number(0);
  switch (e.kind()) {
    case Kind::Symbol: return Number(1);
    case Kind::Pow: {
      auto base = polynomial_degree(e.base(), var);
      Expr k = e.exponent();
      if (!base || !k.is_integer() || k.number().is_negative()) return std::nullopt;
      return *base * k.number();
    }
    case Kind::Mul: {
      Number total(0);
      for (std::size_t i = 0; i < e.bases().size(); ++i) {
        auto f = polynomial_degree(pow(e.bases()[i], e.exponents()[i]), var);
        if (!f) return std::nullopt;
        total += *f;
      }
      return total;
    }
    case Kind::Add: {
      Number top(0);
      for (Expr t : e.terms()) {
        auto f = polynomial_degree(t, var);
        if (!f) return std::nullopt;
        if (top < *f) top = *f;
      }
      return top;
    }
    default: return std::nullopt;
  }
}

}  // namespace ddx::calc
