// SPDX-License-Identifier: GPL-3.0-or-later
// Real values in MPFR (see real_value.hpp). The functions' own MPFR evaluators are rows of the
// function table.
#include "core/real_value.hpp"

#include <gmp.h>

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/enclosure.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "core/sums.hpp"

namespace ddx {
namespace {

// Walks over a constant keep what they found for a node of a larger tree than this (each node's
// tree size is known): below it, a tree is small enough to walk again.
constexpr std::size_t largest_unkept_tree = 32;

void check(mpfr_ptr v) {
  if (mpfr_nan_p(v)) throw MathError("the value is not a real number");
  // A finite value beyond MPFR's exponent range (about 2^(2^30)) overflows to infinity too, but
  // it is no division by zero (f_k(t) = f_(k-1)(f_(k-1)(t)), f1(t) = t^2 + t, at pi).
  if (mpfr_inf_p(v) && mpfr_overflow_p())
    throw PastApproximation("the value is too large to approximate (beyond about 10^323228496)");
  if (mpfr_inf_p(v)) throw MathError("the value is infinite (division by zero)");
}

class Evaluator {
 public:
  explicit Evaluator(mpfr_prec_t p, DecimalReading reading = DecimalReading::AsDouble) : prec_(p), reading_(reading) {}

  // Symbols with values (a point): each value is worked out once, at this precision.
  void give(const std::unordered_map<Expr, Expr>& values) {
    for (const auto& [symbol, value] : values) {
      auto& v = given_.emplace(symbol.node(), std::make_unique<Real>(prec_)).first->second;
      eval(value, v->get());
    }
  }

  // A large node is worked out once: an expression's tree may be exponentially larger than it
  // (f2(t) = f1(f1(t)), f3(t) = f2(f2(t)), ...: approx(f7(1)) met 2^64 leaves). Below a kept
  // node a small one is worked out at most once per kept node above it, and the domain checks'
  // small constants keep nothing.
  void eval(Expr e, mpfr_ptr out) {
    check_interrupt();
    bool kept = e.node()->tree_size > largest_unkept_tree;
    if (kept)
      if (auto known = done_.find(e.node()); known != done_.end()) {
        mpfr_set(out, known->second->get(), MPFR_RNDN);
        return;
      }
    eval_node(e, out);
    if (kept) mpfr_set(done_.emplace(e.node(), std::make_unique<Real>(prec_)).first->second->get(), out, MPFR_RNDN);
  }

 private:
  void eval_node(Expr e, mpfr_ptr out) {
    switch (e.kind()) {
      case Kind::Number: return number(e.number(), out);
      case Kind::Constant:
        if (e.constant() == ConstantId::Pi) {
          mpfr_const_pi(out, MPFR_RNDN);
        } else {
          mpfr_set_ui(out, 1, MPFR_RNDN);
          mpfr_exp(out, out, MPFR_RNDN);
        }
        return;
      case Kind::Symbol:
        if (auto given = given_.find(e.node()); given != given_.end()) {
          mpfr_set(out, given->second->get(), MPFR_RNDN);
          return;
        }
        throw Unanswerable("cannot approximate: '" + e.name() + "' has no value");
      case Kind::Derivative: throw Unanswerable("cannot approximate a derivative of an unknown function");
      case Kind::Call: return call(e, out);
      case Kind::Pow: return power(e.base(), e.exponent(), out);
      case Kind::Mul: {
        number(e.number(), out);
        Real p(prec_);
        for (std::size_t i = 0; i < e.bases().size(); ++i) {
          power(e.bases()[i], e.exponents()[i], p.get());
          mpfr_mul(out, out, p.get(), MPFR_RNDN);
        }
        return check(out);
      }
      case Kind::Add: {
        number(e.number(), out);
        Real t(prec_), c(prec_);
        for (std::size_t i = 0; i < e.terms().size(); ++i) {
          eval(e.terms()[i], t.get());
          number(e.coefficients()[i], c.get());
          mpfr_fma(out, t.get(), c.get(), out, MPFR_RNDN);
        }
        return;
      }
    }
  }

  void number(const Number& n, mpfr_ptr out) {
    if (n.is_float() && reading_ == DecimalReading::AsDouble) {
      mpfr_set_d(out, n.to_double(), MPFR_RNDN);
      return;
    }
    if (n.is_float()) {  // the shortest decimal that reads back as this double: 0.1 is 1/10
      // (Read once per value: a derivative's formula repeats its few decimals millions of times.)
      auto [read, first] = typed_.try_emplace(std::bit_cast<std::uint64_t>(n.to_double()));
      if (first) {
        read->second = std::make_unique<Real>(prec_);
        exact_number(Number::from_decimal_text(n.to_string()), read->second->get());
      }
      mpfr_set(out, read->second->get(), MPFR_RNDN);
      return;
    }
    exact_number(n, out);
  }

  static void exact_number(const Number& n, mpfr_ptr out) { set_exact(n, out, MPFR_RNDN); }

  // base^exponent. A negative base with an exact exponent of odd denominator has a real value
  // (-8)^(1/3) = -2, (-8)^(2/3) = 4, which MPFR's pow (NaN there) does not give.
  void power(Expr base, Expr exponent, mpfr_ptr out) {
    if (exponent.is_one()) return eval(base, out);
    Real b(prec_);
    eval(base, b.get());
    if (exponent.is_integer() && exponent.number().fits_long()) {
      mpfr_pow_si(out, b.get(), exponent.number().to_long(), MPFR_RNDN);
      return check(out);
    }
    Real x(prec_);
    eval(exponent, x.get());
    bool odd_root = exponent.is_number() && exponent.number().is_exact() && mpfr_sgn(b.get()) < 0 &&
                    exponent.number().denominator().is_odd();
    if (!odd_root) {
      mpfr_pow(out, b.get(), x.get(), MPFR_RNDN);
      return check(out);
    }
    mpfr_neg(b.get(), b.get(), MPFR_RNDN);
    mpfr_pow(out, b.get(), x.get(), MPFR_RNDN);
    if (exponent.number().numerator().is_odd()) mpfr_neg(out, out, MPFR_RNDN);
    check(out);
  }

  void call(Expr e, mpfr_ptr out) {
    if (is_sum(e)) return eval(write_out_sum(e), out);  // a sum with numeric bounds, term by term
    const FunctionInfo& info = function_info(e.function());
    if (info.abstract) throw Unanswerable("cannot approximate the unknown function " + info.name);
    if (!info.precise) throw Unanswerable("cannot approximate " + info.name);
    Real a(prec_), b(prec_);
    eval(e.args()[0], a.get());
    if (e.args().size() == 2) eval(e.args()[1], b.get());
    const mpfr_srcptr args[] = {a.get(), b.get()};
    info.precise(out, args);
    check(out);
  }

  mpfr_prec_t prec_;
  DecimalReading reading_;
  std::unordered_map<const Node*, std::unique_ptr<Real>> done_;
  std::unordered_map<const Node*, std::unique_ptr<Real>> given_;
  std::unordered_map<std::uint64_t, std::unique_ptr<Real>> typed_;  // decimals read as written, by their bits
};

// A constant bigger than this, as a tree, is not evaluated by the domain checks: they run as
// expressions are built, and a derivative of high order at a point builds many big constants.
constexpr std::size_t largest_checked_constant = 4096;
// The value of a constant at `precision` bits, as a double (nullopt: no real value).
std::optional<double> value_with(Expr e, mpfr_prec_t precision) {
  Real v(precision);
  try {
    real_value(e, v.get());
  } catch (const MathError&) {
    return std::nullopt;
  }
  return mpfr_get_d(v.get(), MPFR_RNDN);
}

// The precisions a constant's enclosure is tried at, the cheapest first: one 64-bit limb decides
// nearly every constant that simplification meets (1.8% of W7's instructions at 256 bits first).
constexpr mpfr_prec_t enclosure_precisions[] = {64, 256, 1024, 4096};

// What `decide` reads off a constant's enclosure (core/enclosure.hpp) at 64 bits, else 256, 1024
// or 4096: the first it decides. nullopt where it decides none, the constant has no real value,
// or it is too large a tree to evaluate on the way. Where two precisions agreeing was taken for
// the value before, both could be wrong alike: log(1 + 10^-2000) is 0 at all three, so
// 10^2000 log(1 + 10^-2000) - 1/2 had the sign of -1/2, and abs of it the wrong formula.
template <class Decide>
auto decided_by_enclosure(Expr e, Decide decide) -> decltype(decide(std::declval<const Interval&>())) {
  if (!is_constant_expression(e) || e.node()->tree_size > largest_checked_constant) return std::nullopt;
  for (mpfr_prec_t precision : enclosure_precisions) {
    Interval v(precision);
    try {
      enclose(e, v);
    } catch (const TooWide&) {
      continue;
    } catch (const MathError&) {
      return std::nullopt;
    }
    if (auto decided = decide(v)) return decided;
  }
  return std::nullopt;
}

}  // namespace

void set_exact(const Number& n, mpfr_ptr out, mpfr_rnd_t rounding) {
  // A fraction of machine words as one rounding of its quotient (nearly every number met), else
  // through GMP's rational.
  if (n.fits_long()) {
    mpfr_set_si(out, static_cast<long>(n.to_long()), rounding);
    return;
  }
  Number num = n.numerator(), den = n.denominator();
  if (num.fits_long() && den.fits_long() && mpfr_get_prec(out) >= 64) {
    mpfr_set_si(out, static_cast<long>(num.to_long()), MPFR_RNDN);  // (exact: 64 bits hold it)
    mpfr_div_si(out, out, static_cast<long>(den.to_long()), rounding);
    return;
  }
  mpq_t q;
  mpq_init(q);
  std::string text = n.to_string();
  mpq_set_str(q, text.c_str(), 10);
  mpfr_set_q(out, q, rounding);
  mpq_clear(q);
}

namespace {

// A value of 0 from a part that underflowed MPFR's range (about 10^-323228496) is no 0:
// exp(-1e10) printed 0.0, and softplus(1e10) - 1e10 too, where a value too small for a double is
// refused. (A value beside it that is not 0, 1 + exp(-1e10), is that value.)
void refuse_underflowed_zero(mpfr_srcptr v) {
  if (mpfr_zero_p(v) && mpfr_underflow_p())
    throw MathError("the value is too small to approximate (below about 10^-323228496), and no 0");
}

}  // namespace

void real_value(Expr e, mpfr_ptr out) {
  mpfr_clear_overflow();  // (check() asks whether this evaluation overflowed)
  mpfr_clear_underflow();
  Evaluator(mpfr_get_prec(out)).eval(e, out);
  refuse_underflowed_zero(out);
}

void real_value(Expr e, const std::unordered_map<Expr, Expr>& values, DecimalReading reading, mpfr_ptr out) {
  mpfr_clear_overflow();
  mpfr_clear_underflow();
  Evaluator evaluator(mpfr_get_prec(out), reading);
  evaluator.give(values);
  evaluator.eval(e, out);
  refuse_underflowed_zero(out);
}

void check_reducible(mpfr_srcptr argument) {
  if (mpfr_regular_p(argument) && mpfr_get_exp(argument) > max_reduced_argument_bits)
    throw Unanswerable("cannot approximate a trigonometric function of a number above 10^19728");
}

int softplus_rounded(mpfr_ptr out, mpfr_srcptr x, mpfr_rnd_t r) {
  if (mpfr_sgn(x) <= 0) {
    mpfr_exp(out, x, r);
    return mpfr_log1p(out, out, r);
  }
  mpfr_t tail;  // log(1 + e^-x), rounded the same way: -x is exact, and both steps increase
  mpfr_init2(tail, mpfr_get_prec(out));
  mpfr_neg(tail, x, r);
  mpfr_exp(tail, tail, r);
  mpfr_log1p(tail, tail, r);
  int inexact = mpfr_add(out, x, tail, r);
  mpfr_clear(tail);
  return inexact;
}

bool is_constant_expression(Expr e) { return !e.is_number() && e.node()->symbols == 0; }

namespace {

// A large node is asked once (largest_unkept_tree): a constant built by composing functions
// (f_k(t) = f_(k-1)(f_(k-1)(t)) at pi) shares its parts, and asked part by part its tree did not end.
bool obviously_positive(Expr c, std::unordered_map<const Node*, bool>& known) {
  switch (c.kind()) {
    case Kind::Number: return c.number().sign() > 0;
    case Kind::Constant: return true;
    default: break;
  }
  bool kept = c.node()->tree_size > largest_unkept_tree;
  if (kept)
    if (auto it = known.find(c.node()); it != known.end()) return it->second;
  bool positive = false;
  auto positive_part = [&](Expr part) { return obviously_positive(part, known); };
  switch (c.kind()) {
    case Kind::Pow: positive = positive_part(c.base()); break;
    case Kind::Mul:
      positive = c.number().sign() > 0 && std::all_of(c.bases().begin(), c.bases().end(), positive_part);
      break;
    case Kind::Add:
      positive = c.number().sign() >= 0 &&
                 std::all_of(c.coefficients().begin(), c.coefficients().end(), [](const Number& k) { return k.sign() > 0; }) &&
                 std::all_of(c.terms().begin(), c.terms().end(), positive_part);
      break;
    default: break;
  }
  if (kept) known.emplace(c.node(), positive);
  return positive;
}

}  // namespace

bool obviously_positive(Expr c) {
  std::unordered_map<const Node*, bool> known;
  return obviously_positive(c, known);
}

// (The double nearest both ends of its interval, the value's own; or, where the interval straddles
// a point halfway between two doubles, the one nearest its middle once it is narrower than 1e-15
// of its size.)
std::optional<double> constant_value(Expr e) {
  return decided_by_enclosure(e, [](const Interval& v) -> std::optional<double> {
    double lo = mpfr_get_d(v.lo(), MPFR_RNDN), hi = mpfr_get_d(v.hi(), MPFR_RNDN);
    if (lo == hi) return lo;
    if (hi - lo > 1e-15 * std::max(std::fabs(lo), std::fabs(hi))) return std::nullopt;
    Real middle(v.precision() + 1);
    mpfr_add(middle.get(), v.lo(), v.hi(), MPFR_RNDN);
    mpfr_div_2ui(middle.get(), middle.get(), 1, MPFR_RNDN);
    return mpfr_get_d(middle.get(), MPFR_RNDN);
  });
}

// (Every interval evaluated held 0, and at least one was: none too wide to have a value.)
bool may_be_zero(Expr e) {
  bool evaluated = false;
  std::optional<bool> apart = decided_by_enclosure(e, [&](const Interval& v) -> std::optional<bool> {
    evaluated = true;
    if (mpfr_sgn(v.lo()) > 0 || mpfr_sgn(v.hi()) < 0) return true;
    return std::nullopt;
  });
  return evaluated && !apart;
}

// (Its interval on one side of 0.)
std::optional<int> constant_sign(Expr e) {
  return decided_by_enclosure(e, [](const Interval& v) -> std::optional<int> {
    if (mpfr_sgn(v.lo()) > 0) return 1;
    if (mpfr_sgn(v.hi()) < 0) return -1;
    return std::nullopt;
  });
}

bool zero_past_range(Expr e) {
  if (!is_constant_expression(e) || e.node()->tree_size > largest_checked_constant) return false;
  Interval v(enclosure_precisions[0]);
  mpfr_clear_underflow();
  try {
    enclose(e, v);  // (which clears the overflow flag first)
  } catch (const MathError&) {
    return false;
  } catch (const TooWide&) {
    return false;
  }
  bool holds_zero = mpfr_sgn(v.lo()) <= 0 && mpfr_sgn(v.hi()) >= 0;
  return holds_zero && (mpfr_underflow_p() || mpfr_overflow_p());
}

std::optional<Number> decimal_value(Expr constant) {
  std::optional<double> v = constant_value(constant);
  if (!v || !std::isfinite(*v)) return std::nullopt;
  // A constant that is not 0 but whose double is 0 or below the normal range (e^(-1000.0)):
  // noted, as a product of doubles that underflows is (core/float_underflow.hpp); so is one whose
  // enclosure holds 0 only by a part past MPFR's range (e^(-1e10): x e^(-1e10) printed 0.0), which
  // may be no 0 (sign(e^(-1e10)) is 1).
  if (std::fabs(*v) >= DBL_MIN) return Number::from_double(*v);
  if (constant_sign(constant)) {
    Interval about(64);
    enclose(constant, about);  // (it has one: constant_sign found it)
    char digits[64];
    mpfr_snprintf(digits, sizeof digits, "%.6Rg", about.lo());
    note_float_underflow(std::string("the value is about ") + digits);
  } else if (zero_past_range(constant)) {
    note_float_underflow("the value may not be 0: a part of it is below about 10^-323228496", Approximable::No);
  }
  return Number::from_double(*v);
}

bool clearly_outside(double v, bool (*ok)(double)) {
  double room = 1e-12 * (1 + std::fabs(v));
  return !ok(v - room) && !ok(v) && !ok(v + room);
}

// The precision of the domain checks' first look: nearly every constant is inside, clearly.
constexpr mpfr_prec_t screening_precision = 128;

std::optional<double> value_clearly_outside(Expr constant, bool (*ok)(double)) {
  if (!is_constant_expression(constant) || constant.node()->tree_size > largest_checked_constant) return std::nullopt;
  if (std::optional<double> quick = value_with(constant, screening_precision); !quick || !clearly_outside(*quick, ok))
    return std::nullopt;
  std::optional<double> v = constant_value(constant);
  if (!v || !clearly_outside(*v, ok)) return std::nullopt;
  return v;
}

namespace {

// The double for_domain takes for a real whose nearest double is `nearest` (`side`: the sign of
// the real minus it).
double for_domain(double nearest, int side) {
  bool edge = nearest == -1 || nearest == 0 || nearest == 1;
  if (!edge || side == 0) return nearest;
  return std::nextafter(nearest, side > 0 ? INFINITY : -INFINITY);
}

// |a| <= factor * |b|, for MPFR values of any exponent (a distance to an edge below 1e-308).
bool within(mpfr_srcptr a, double factor, mpfr_srcptr b) {
  Real scaled(mpfr_get_prec(b) + 64);
  mpfr_mul_d(scaled.get(), b, factor, MPFR_RNDN);
  return mpfr_cmpabs(a, scaled.get()) <= 0;
}

// What an error message shows of a value outside a domain, from an interval that holds it: six
// digits; beside the edge -1 or 1, where six digits would show the edge, the edge and the
// distance to it (1 - 5e-21...). While the interval is too wide to fix those digits, nullopt, or
// with `rough` the interval itself (between -1.9e-1233 and 0; above 1 by at most 1.9e-1233).
std::optional<std::string> outside_digits(const Interval& v, bool rough) {
  mpfr_prec_t precision = v.precision() + 2;
  Real middle(precision), width(precision), distance(precision), one(2);
  mpfr_add(middle.get(), v.lo(), v.hi(), MPFR_RNDN);
  mpfr_div_2ui(middle.get(), middle.get(), 1, MPFR_RNDN);
  mpfr_sub(width.get(), v.hi(), v.lo(), MPFR_RNDU);
  int edge = mpfr_sgn(middle.get()) > 0 ? 1 : -1;
  mpfr_sub_si(distance.get(), middle.get(), edge, MPFR_RNDN);
  mpfr_set_si(one.get(), 1, MPFR_RNDN);
  bool below = mpfr_sgn(distance.get()) < 0;
  if (within(distance.get(), 1e-5, one.get())) {
    if (within(width.get(), 1e-7, distance.get())) {
      mpfr_abs(distance.get(), distance.get(), MPFR_RNDN);
      return std::to_string(edge) + (below ? " - " : " + ") + six_digits_of(distance.get()) + "...";
    }
    if (!rough) return std::nullopt;
    mpfr_sub_si(distance.get(), below ? v.lo() : v.hi(), edge, MPFR_RNDA);
    mpfr_abs(distance.get(), distance.get(), MPFR_RNDN);
    return std::string("a number ") + (below ? "below " : "above ") + std::to_string(edge) + " by at most " +
           six_digits_of(distance.get());
  }
  if (within(width.get(), 1e-7, middle.get())) return six_digits_of(middle.get()) + "...";
  if (!rough) return std::nullopt;
  return "between " + six_digits_of(v.lo()) + " and " + six_digits_of(v.hi());
}

}  // namespace

std::optional<std::string> value_outside_interval_domain(Expr constant, bool (*ok)(double)) {
  if (!is_constant_expression(constant) || constant.node()->tree_size > largest_checked_constant) return std::nullopt;
  std::optional<double> quick = value_with(constant, screening_precision);
  if (!quick) return std::nullopt;
  double room = 1e-9 * (1 + std::fabs(*quick));
  if (ok(*quick - room) && ok(*quick) && ok(*quick + room)) return std::nullopt;  // clearly inside
  // Outside once both ends are; its digits from an interval narrow enough to fix them where one
  // is (1 - cosh(10^-30) at 64 bits is within [-1.1e-19, 0], not -5.4e-20).
  std::optional<std::string> roughly;
  std::optional<std::string> shown = decided_by_enclosure(constant, [&](const Interval& v) -> std::optional<std::string> {
    double lo = for_domain(v.lo()), hi = for_domain(v.hi());
    if (ok(lo) || ok(hi) || !(hi - lo <= 1e-6)) return std::nullopt;
    if (auto digits = outside_digits(v, false)) return digits;
    roughly = outside_digits(v, true);
    return std::nullopt;
  });
  return shown ? shown : roughly;
}

double for_domain(const Number& n) {
  double d = n.to_double();
  if (!n.is_exact() || (d != -1 && d != 0 && d != 1)) return d;  // (a decimal is its double)
  Number nearest(static_cast<long long>(d));
  return for_domain(d, n < nearest ? -1 : nearest < n ? 1 : 0);
}

double for_domain(const mpfr_t x) {
  double d = mpfr_get_d(x, MPFR_RNDN);
  return for_domain(d, mpfr_cmp_d(x, d));
}

std::string six_digits_of(mpfr_srcptr v) {
  char digits[64];
  mpfr_snprintf(digits, sizeof digits, "%.6Rg", v);
  return digits;
}

std::string six_digits(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

}  // namespace ddx
