// SPDX-License-Identifier: GPL-3.0-or-later
// Interval arithmetic over expressions (see enclosure.hpp). Every operation rounds its lower end
// down and its upper end up; a function's values over an interval come from its shape (the table
// below): a monotone function's values at the ends, a wave's value at one end widened by the
// interval's width (its slope is at most 1), a quotient of waves.
#include "core/enclosure.hpp"

#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/corner_sign.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/real_value.hpp"
#include "core/sums.hpp"

namespace ddx {
namespace {

using Rounded = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

int sigmoid_rounded(mpfr_ptr out, mpfr_srcptr x, mpfr_rnd_t r) {  // 1 / (1 + e^-x)
  mpfr_rnd_t inner = r == MPFR_RNDD ? MPFR_RNDU : MPFR_RNDD;      // a larger denominator, a smaller value
  mpfr_neg(out, x, inner);
  mpfr_exp(out, out, inner);
  mpfr_add_ui(out, out, 1, inner);
  return mpfr_ui_div(out, 1, out, r);
}

// How a function's values over an interval are bounded.
enum class Shape {
  Increasing,   // the values at the ends, in order
  Decreasing,   // the values at the ends, reversed
  Valley,       // decreasing below 0, increasing above (cosh)
  Wave,         // sin, cos: |f'| <= 1 and |f| <= 1
  OverCosine,   // tan = sin/cos, sec = 1/cos
  OverSine,     // cot = cos/sin, csc = 1/sin
  Exact,        // abs, sign, relu, max, min: worked out on the ends without rounding
};

// Where a monotone function has real values: [low, high], each end open or closed.
struct Domain {
  double low = -INFINITY, high = INFINITY;
  bool low_open = false, high_open = false;
};

struct Bounds {
  Shape shape;
  Rounded f = nullptr;
  Domain domain = {};
};

// One row per function of the table whose values ddx approximates (function_table.cpp); a test
// checks that each has one.
const std::unordered_map<std::string_view, Bounds>& bounds_table() {
  static const std::unordered_map<std::string_view, Bounds> table = {
      {"sin", {Shape::Wave, mpfr_sin}},
      {"cos", {Shape::Wave, mpfr_cos}},
      {"tan", {Shape::OverCosine, mpfr_sin}},
      {"sec", {Shape::OverCosine, nullptr}},
      {"cot", {Shape::OverSine, mpfr_cos}},
      {"csc", {Shape::OverSine, nullptr}},
      {"asin", {Shape::Increasing, mpfr_asin, {-1, 1}}},
      {"acos", {Shape::Decreasing, mpfr_acos, {-1, 1}}},
      {"atan", {Shape::Increasing, mpfr_atan}},
      {"sinh", {Shape::Increasing, mpfr_sinh}},
      {"cosh", {Shape::Valley, mpfr_cosh}},
      {"tanh", {Shape::Increasing, mpfr_tanh}},
      {"asinh", {Shape::Increasing, mpfr_asinh}},
      {"acosh", {Shape::Increasing, mpfr_acosh, {1, INFINITY}}},
      {"atanh", {Shape::Increasing, mpfr_atanh, {-1, 1, true, true}}},
      {"exp", {Shape::Increasing, mpfr_exp}},
      {"log", {Shape::Increasing, mpfr_log, {0, INFINITY, true}}},
      {"sqrt", {Shape::Increasing, mpfr_sqrt, {0, INFINITY}}},
      {"sigmoid", {Shape::Increasing, sigmoid_rounded}},
      {"softplus", {Shape::Increasing, softplus_rounded}},
      {"abs", {Shape::Exact}},
      {"sign", {Shape::Exact}},
      {"relu", {Shape::Exact}},
      {"max", {Shape::Exact}},
      {"min", {Shape::Exact}},
  };
  return table;
}

// Walks keep what they found for a node of a larger tree than this (as real_value does): a
// constant built by composing functions shares its parts, and its tree may be exponential.
constexpr std::size_t largest_unkept_tree = 32;

bool is_point(const Interval& v) { return mpfr_equal_p(v.lo(), v.hi()) != 0; }
bool is_zero(const Interval& v) { return mpfr_zero_p(v.lo()) && mpfr_zero_p(v.hi()); }
bool holds_zero(const Interval& v) { return mpfr_sgn(v.lo()) <= 0 && mpfr_sgn(v.hi()) >= 0; }

void copy(Interval& to, const Interval& from) {
  mpfr_set(to.lo(), from.lo(), MPFR_RNDD);
  mpfr_set(to.hi(), from.hi(), MPFR_RNDU);
}

// The errors real_value gives for the same values.
[[noreturn]] void no_real_value() { throw MathError("the value is not a real number"); }
[[noreturn]] void division_by_zero() { throw MathError("the value is infinite (division by zero)"); }

// An end beyond MPFR's range. Where the inner end is beyond it too (MPFR rounds an overflow
// down to its largest number), the value is; where only the outer end is, the interval is too
// wide (log(1 + 10^-96) rounded up, times 10^96, under exp), and a higher precision may narrow it.
void settle(const Interval& v) {
  auto huge = [](mpfr_srcptr end) { return mpfr_inf_p(end) || (mpfr_regular_p(end) && mpfr_get_exp(end) >= mpfr_get_emax()); };
  if (mpfr_nan_p(v.lo()) || mpfr_nan_p(v.hi())) {
    if (mpfr_overflow_p()) throw TooWide();
    no_real_value();
  }
  if ((mpfr_sgn(v.lo()) > 0 && huge(v.lo())) || (mpfr_sgn(v.hi()) < 0 && huge(v.hi())))
    throw PastApproximation("the value is too large to approximate (beyond about 10^323228496)");
  if (mpfr_inf_p(v.lo()) || mpfr_inf_p(v.hi())) {
    if (mpfr_overflow_p()) throw TooWide();
    division_by_zero();
  }
}

void add(Interval& out, const Interval& a, const Interval& b) {
  mpfr_add(out.lo(), a.lo(), b.lo(), MPFR_RNDD);
  mpfr_add(out.hi(), a.hi(), b.hi(), MPFR_RNDU);
}

void multiply(Interval& out, const Interval& a, const Interval& b) {
  Interval t(out.precision());
  mpfr_srcptr as[] = {a.lo(), a.hi()}, bs[] = {b.lo(), b.hi()};
  bool first = true;
  for (mpfr_srcptr x : as)
    for (mpfr_srcptr y : bs) {
      mpfr_mul(t.lo(), x, y, MPFR_RNDD);
      mpfr_mul(t.hi(), x, y, MPFR_RNDU);
      if (first || mpfr_less_p(t.lo(), out.lo())) mpfr_set(out.lo(), t.lo(), MPFR_RNDD);
      if (first || mpfr_greater_p(t.hi(), out.hi())) mpfr_set(out.hi(), t.hi(), MPFR_RNDU);
      first = false;
    }
}

// 1/v: refused where v is exactly 0, undecided where it only may be.
void reciprocal(Interval& out, const Interval& v) {
  if (is_zero(v)) division_by_zero();
  if (holds_zero(v)) throw TooWide();
  Interval t(out.precision());
  mpfr_ui_div(t.lo(), 1, v.hi(), MPFR_RNDD);
  mpfr_ui_div(t.hi(), 1, v.lo(), MPFR_RNDU);
  copy(out, t);
}

void divide(Interval& out, const Interval& a, const Interval& b) {
  Interval r(out.precision());
  reciprocal(r, b);
  multiply(out, a, r);
}

void negate(Interval& v) {
  mpfr_swap(v.lo(), v.hi());
  mpfr_neg(v.lo(), v.lo(), MPFR_RNDD);
  mpfr_neg(v.hi(), v.hi(), MPFR_RNDU);
}

bool below(mpfr_srcptr x, double bound, bool open) { return open ? mpfr_cmp_d(x, bound) <= 0 : mpfr_cmp_d(x, bound) < 0; }
bool above(mpfr_srcptr x, double bound, bool open) { return open ? mpfr_cmp_d(x, bound) >= 0 : mpfr_cmp_d(x, bound) > 0; }

// A monotone function over v: refused where v lies wholly outside its domain, undecided where v
// only crosses the domain's edge. A point is worked out as real_value would (log(0) is infinite).
void monotone(Interval& out, const Interval& v, const Bounds& b) {
  const Domain& d = b.domain;
  bool outside_low = below(v.lo(), d.low, d.low_open), outside_high = above(v.hi(), d.high, d.high_open);
  if ((outside_low || outside_high) && !is_point(v)) {
    bool wholly = below(v.hi(), d.low, d.low_open) || above(v.lo(), d.high, d.high_open);
    if (wholly) no_real_value();
    throw TooWide();
  }
  bool increasing = b.shape == Shape::Increasing;
  b.f(out.lo(), increasing ? v.lo() : v.hi(), MPFR_RNDD);
  b.f(out.hi(), increasing ? v.hi() : v.lo(), MPFR_RNDU);
  if (mpfr_nan_p(out.lo()) || mpfr_nan_p(out.hi())) no_real_value();
  if (!mpfr_overflow_p() && (mpfr_inf_p(out.lo()) || mpfr_inf_p(out.hi()))) division_by_zero();
}

void valley(Interval& out, const Interval& v, const Bounds& b) {
  Interval at_lo(out.precision()), at_hi(out.precision());
  b.f(at_lo.lo(), v.lo(), MPFR_RNDD);
  b.f(at_lo.hi(), v.lo(), MPFR_RNDU);
  b.f(at_hi.lo(), v.hi(), MPFR_RNDD);
  b.f(at_hi.hi(), v.hi(), MPFR_RNDU);
  if (mpfr_sgn(v.lo()) >= 0) {  // increasing here
    mpfr_set(out.lo(), at_lo.lo(), MPFR_RNDD);
    mpfr_set(out.hi(), at_hi.hi(), MPFR_RNDU);
  } else if (mpfr_sgn(v.hi()) <= 0) {  // decreasing here
    mpfr_set(out.lo(), at_hi.lo(), MPFR_RNDD);
    mpfr_set(out.hi(), at_lo.hi(), MPFR_RNDU);
  } else {  // the valley's floor, f(0), is its least value
    mpfr_set_zero(out.lo(), 1);
    b.f(out.lo(), out.lo(), MPFR_RNDD);
    mpfr_max(out.hi(), at_lo.hi(), at_hi.hi(), MPFR_RNDU);
  }
}

// sin or cos over v: the value at v's lower end, widened by v's width, within [-1, 1].
void wave(Interval& out, const Interval& v, Rounded f) {
  check_reducible(v.lo());
  check_reducible(v.hi());
  Interval width(out.precision());
  mpfr_sub(width.hi(), v.hi(), v.lo(), MPFR_RNDU);
  f(out.lo(), v.lo(), MPFR_RNDD);
  f(out.hi(), v.lo(), MPFR_RNDU);
  mpfr_sub(out.lo(), out.lo(), width.hi(), MPFR_RNDD);
  mpfr_add(out.hi(), out.hi(), width.hi(), MPFR_RNDU);
  if (mpfr_cmp_si(out.lo(), -1) < 0) mpfr_set_si(out.lo(), -1, MPFR_RNDD);
  if (mpfr_cmp_si(out.hi(), 1) > 0) mpfr_set_si(out.hi(), 1, MPFR_RNDU);
}

// tan, sec (over cos) and cot, csc (over sin): a numerator (a wave, or 1) over a wave.
void quotient(Interval& out, const Interval& v, const Bounds& b) {
  bool over_cosine = b.shape == Shape::OverCosine;
  Interval top(out.precision()), bottom(out.precision());
  wave(bottom, v, over_cosine ? mpfr_cos : mpfr_sin);
  if (b.f) {
    wave(top, v, b.f);
  } else {
    mpfr_set_ui(top.lo(), 1, MPFR_RNDD);
    mpfr_set_ui(top.hi(), 1, MPFR_RNDU);
  }
  divide(out, top, bottom);
}

// (The sign that differentiation makes has no value at 0, where the typed sign is 0.)
void exact(Interval& out, std::string_view name, bool corner_sign, const Interval& a, const Interval* b) {
  if (name == "abs") {
    if (mpfr_sgn(a.lo()) >= 0) return copy(out, a);
    if (mpfr_sgn(a.hi()) <= 0) {
      copy(out, a);
      return negate(out);
    }
    mpfr_set_zero(out.lo(), 1);
    mpfr_neg(out.hi(), a.lo(), MPFR_RNDU);
    mpfr_max(out.hi(), out.hi(), a.hi(), MPFR_RNDU);
  } else if (name == "sign") {
    if (corner_sign && holds_zero(a)) {
      if (is_zero(a)) no_real_value();
      throw TooWide();
    }
    if (!is_zero(a) && holds_zero(a)) throw TooWide();
    mpfr_set_si(out.lo(), mpfr_sgn(a.lo()), MPFR_RNDD);
    mpfr_set_si(out.hi(), mpfr_sgn(a.lo()), MPFR_RNDU);
  } else if (name == "relu") {
    mpfr_max(out.lo(), a.lo(), out.lo(), MPFR_RNDD);  // (out's ends set to 0 first, below)
    mpfr_max(out.hi(), a.hi(), out.hi(), MPFR_RNDU);
  } else if (name == "max") {
    mpfr_max(out.lo(), a.lo(), b->lo(), MPFR_RNDD);
    mpfr_max(out.hi(), a.hi(), b->hi(), MPFR_RNDU);
  } else {  // min
    mpfr_min(out.lo(), a.lo(), b->lo(), MPFR_RNDD);
    mpfr_min(out.hi(), a.hi(), b->hi(), MPFR_RNDU);
  }
}

class Encloser {
 public:
  explicit Encloser(mpfr_prec_t precision) : prec_(precision) {}

  void eval(Expr e, Interval& out) {
    check_interrupt();
    bool kept = e.node()->tree_size > largest_unkept_tree;
    if (kept)
      if (auto known = done_.find(e.node()); known != done_.end()) return copy(out, *known->second);
    eval_node(e, out);
    settle(out);
    if (kept) copy(*done_.emplace(e.node(), std::make_unique<Interval>(prec_)).first->second, out);
  }

 private:
  void eval_node(Expr e, Interval& out) {
    switch (e.kind()) {
      case Kind::Number: return number(e.number(), out);
      case Kind::Constant:
        if (e.constant() == ConstantId::Pi) {
          mpfr_const_pi(out.lo(), MPFR_RNDD);
          mpfr_const_pi(out.hi(), MPFR_RNDU);
        } else {
          mpfr_set_ui(out.lo(), 1, MPFR_RNDD);
          mpfr_exp(out.lo(), out.lo(), MPFR_RNDD);
          mpfr_set_ui(out.hi(), 1, MPFR_RNDU);
          mpfr_exp(out.hi(), out.hi(), MPFR_RNDU);
        }
        return;
      case Kind::Symbol: throw Unanswerable("cannot approximate: '" + e.name() + "' has no value");
      case Kind::Derivative: throw Unanswerable("cannot approximate a derivative of an unknown function");
      case Kind::Call: return call(e, out);
      case Kind::Pow: return power(e.base(), e.exponent(), out);
      case Kind::Mul: {
        number(e.number(), out);
        Interval p(prec_), product(prec_);
        for (std::size_t i = 0; i < e.bases().size(); ++i) {
          power(e.bases()[i], e.exponents()[i], p);
          multiply(product, out, p);
          copy(out, product);
        }
        return;
      }
      case Kind::Add: {
        number(e.number(), out);
        Interval t(prec_), c(prec_), term(prec_), sum(prec_);
        for (std::size_t i = 0; i < e.terms().size(); ++i) {
          eval(e.terms()[i], t);
          number(e.coefficients()[i], c);
          multiply(term, t, c);
          add(sum, out, term);
          copy(out, sum);
        }
        return;
      }
    }
  }

  // A rational's ends rounded outward; a decimal is the double it stands for, exactly.
  static void number(const Number& n, Interval& out) {
    if (n.is_float()) {
      mpfr_set_d(out.lo(), n.to_double(), MPFR_RNDD);
      mpfr_set_d(out.hi(), n.to_double(), MPFR_RNDU);
      return;
    }
    set_exact(n, out.lo(), MPFR_RNDD);
    set_exact(n, out.hi(), MPFR_RNDU);
  }

  // base^exponent, as real_value takes it: a negative base with an exact exponent of odd
  // denominator has a real value ((-8)^(1/3) = -2).
  void power(Expr base, Expr exponent, Interval& out) {
    if (exponent.is_one()) return eval(base, out);
    Interval b(prec_);
    eval(base, b);
    if (exponent.is_integer() && exponent.number().fits_long())
      return integer_power(b, exponent.number().to_long(), out);
    Interval y(prec_);
    eval(exponent, y);
    bool odd_root = exponent.is_number() && exponent.number().is_exact() && exponent.number().denominator().is_odd();
    if (is_zero(b)) {  // 0^y
      if (mpfr_sgn(y.lo()) > 0) return copy(out, b);
      if (mpfr_sgn(y.hi()) < 0) division_by_zero();
      throw TooWide();
    }
    if (mpfr_sgn(b.hi()) < 0) {
      if (!odd_root) no_real_value();
      negate(b);
      positive_power(b, y, out);
      if (exponent.number().numerator().is_odd()) negate(out);
      return;
    }
    if (mpfr_sgn(b.lo()) <= 0) throw TooWide();
    positive_power(b, y, out);
  }

  // x^y for x > 0 is monotone in x and in y: its extremes over the box are at corners.
  static void positive_power(const Interval& x, const Interval& y, Interval& out) {
    Interval t(out.precision());
    bool first = true;
    for (mpfr_srcptr base : {x.lo(), x.hi()})
      for (mpfr_srcptr exponent : {y.lo(), y.hi()}) {
        mpfr_pow(t.lo(), base, exponent, MPFR_RNDD);
        mpfr_pow(t.hi(), base, exponent, MPFR_RNDU);
        if (first || mpfr_less_p(t.lo(), out.lo())) mpfr_set(out.lo(), t.lo(), MPFR_RNDD);
        if (first || mpfr_greater_p(t.hi(), out.hi())) mpfr_set(out.hi(), t.hi(), MPFR_RNDU);
        first = false;
      }
  }

  static void integer_power(const Interval& b, long n, Interval& out) {
    if (n < 0) {
      Interval positive(out.precision());
      integer_power(b, -n, positive);
      return reciprocal(out, positive);
    }
    bool even = n % 2 == 0;
    if (!even || mpfr_sgn(b.lo()) >= 0) {  // increasing
      mpfr_pow_si(out.lo(), b.lo(), n, MPFR_RNDD);
      mpfr_pow_si(out.hi(), b.hi(), n, MPFR_RNDU);
    } else if (mpfr_sgn(b.hi()) <= 0) {  // an even power of negatives: decreasing
      mpfr_pow_si(out.lo(), b.hi(), n, MPFR_RNDD);
      mpfr_pow_si(out.hi(), b.lo(), n, MPFR_RNDU);
    } else {
      Interval t(out.precision());
      mpfr_pow_si(t.hi(), b.lo(), n, MPFR_RNDU);
      mpfr_pow_si(out.hi(), b.hi(), n, MPFR_RNDU);
      mpfr_max(out.hi(), out.hi(), t.hi(), MPFR_RNDU);
      mpfr_set_zero(out.lo(), 1);
    }
  }

  void call(Expr e, Interval& out) {
    if (is_sum(e)) return eval(write_out_sum(e), out);  // a sum with numeric bounds, term by term
    const FunctionInfo& info = function_info(e.function());
    if (info.abstract) throw Unanswerable("cannot approximate the unknown function " + info.name);
    auto row = bounds_table().find(info.name);
    if (row == bounds_table().end()) throw Unanswerable("cannot approximate " + info.name);
    const Bounds& b = row->second;
    Interval a(prec_), second(prec_);
    eval(e.args()[0], a);
    if (e.args().size() == 2) eval(e.args()[1], second);
    switch (b.shape) {
      case Shape::Increasing:
      case Shape::Decreasing: return monotone(out, a, b);
      case Shape::Valley: return valley(out, a, b);
      case Shape::Wave: return wave(out, a, b.f);
      case Shape::OverCosine:
      case Shape::OverSine: return quotient(out, a, b);
      case Shape::Exact:
        mpfr_set_zero(out.lo(), 1);
        mpfr_set_zero(out.hi(), 1);
        return exact(out, info.name, is_corner_sign(e), a, &second);
    }
  }

  mpfr_prec_t prec_;
  std::unordered_map<const Node*, std::unique_ptr<Interval>> done_;
};

}  // namespace

void enclose(Expr e, Interval& out) {
  mpfr_clear_overflow();  // (settle() asks whether this evaluation overflowed)
  Encloser(out.precision()).eval(e, out);
}

bool has_enclosure(std::string_view function) { return bounds_table().count(function) != 0; }

}  // namespace ddx
