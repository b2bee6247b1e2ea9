// SPDX-License-Identifier: GPL-3.0-or-later
// `==` (see compare.hpp).
#include "eval/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/evalf.hpp"
#include "calculus/expand.hpp"
#include "calculus/simplify.hpp"
#include "calculus/vector.hpp"
#include "core/corner_sign.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"
#include "eval/trial_points.hpp"

namespace ddx::eval {
namespace {

std::string decimal(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", v);
  return buffer;
}

// " at x = 1.5, y = -2": where a verdict was reached.
std::string where_of(const std::vector<Expr>& vars, const TrialPoint& point) {
  std::string where;
  for (Expr v : vars) where += (where.empty() ? " at " : ", ") + v.name() + " = " + decimal(point.at(v.name()));
  return where;
}

// The abstract functions (f, g, ...) called or differentiated in e.
void abstract_functions(Expr e, std::vector<FunctionId>& found, std::unordered_set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return;
  if ((e.is(Kind::Call) || e.is(Kind::Derivative)) && function_info(e.function()).abstract &&
      std::find(found.begin(), found.end(), e.function()) == found.end())
    found.push_back(e.function());
  visit_children(e, [&](Expr c) { abstract_functions(c, found, seen); });
}

// A smooth function of `params` with random coefficients, to stand for an abstract one: a sine of
// one combination of the parameters plus a line in them whose slopes are never 0, so that it takes
// both signs where the comparison looks (log(f^2) and 2 log(f) differ only where f < 0). Generic
// enough that two expressions equal for every function are equal for it, and unequal ones almost
// never are.
Expr sample_body(const std::vector<Expr>& params, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> pick(1, 9);
  auto nonzero = [&] {  // -4 .. 4 without 0
    int k = pick(rng) - 5;
    return k == 0 ? 4 : k;
  };
  Expr inside = Expr(pick(rng)) / Expr(4);
  Expr line = Expr(pick(rng) - 5) / Expr(7);
  for (Expr u : params) {
    inside = inside + Expr(pick(rng)) / Expr(4) * u;
    line = line + Expr(nonzero()) / Expr(3) * u;
  }
  return ddx::sin(inside) + line;
}

// e with each abstract function replaced by a sample: f(u) by its body at u, ∂f/∂u_i (u) by the
// body's derivative there.
class Sampled {
 public:
  Sampled(const std::vector<FunctionId>& functions, std::mt19937_64& rng) {
    for (FunctionId f : functions) {
      std::vector<Expr> params;
      for (int i = 0; i < function_info(f).arity; ++i) params.push_back(sym("sample_u" + std::to_string(i + 1)));
      bodies_.emplace(f, Body{params, sample_body(params, rng)});
    }
  }
  Expr operator()(Expr e) {
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    Expr r = e;
    auto body = (e.is(Kind::Call) || e.is(Kind::Derivative)) ? bodies_.find(e.function()) : bodies_.end();
    if (body != bodies_.end()) {
      const auto& [params, f] = body->second;
      Expr d = f;
      ConditionLog own;  // conditions on the sample's parameters (sample_u1 reads as an entry) are no answer's
      if (e.is(Kind::Derivative))
        for (int i : e.indices()) d = calc::diff(d, params[static_cast<std::size_t>(i)]);
      std::unordered_map<Expr, Expr> at;
      for (std::size_t i = 0; i < params.size(); ++i) at.emplace(params[i], (*this)(e.args()[i]));
      r = substitute(d, at);
    } else {
      r = map_children(e, [this](Expr c) { return (*this)(c); });
    }
    done_.emplace(e.node(), r);
    return r;
  }

 private:
  struct Body {
    std::vector<Expr> params;
    Expr f;
  };
  std::unordered_map<FunctionId, Body> bodies_;
  std::unordered_map<const void*, Expr> done_;
};

// Why a difference with a part past MPFR's range is undecided.
constexpr const char* past_range_note =
    "a part of their difference is past the range of ddx's approximations (about 10^-323228496 to 10^323228496), so ddx "
    "cannot tell it from 0";

// The rational a double is, exactly: the point the doubles were computed at, not one near it (a
// multiple of 1/1024, where sin(1024 pi x) is 0: sin(1024 pi x) == 0 was true).
Number exact_value_of(double v) {
  int exponent = 0;
  double fraction = std::frexp(v, &exponent);  // v = fraction * 2^exponent, 0.5 <= |fraction| < 1
  auto mantissa = static_cast<long long>(std::ldexp(fraction, 53));
  exponent -= 53;
  Number scale = *Number(2).pow(Number(exponent < 0 ? -exponent : exponent));
  return exponent < 0 ? Number(mantissa) / scale : Number(mantissa) * scale;
}

// Whether exact a and b, found equal in doubles at `where`, differ at the rational point it is
// (x == x + 10^-10 agrees in doubles): the difference, or nothing. Decided by the enclosure of
// their difference there (core/real_value.hpp's constant_sign), which proves a difference however
// small beside the sides (x + exp(pi sqrt(163)) == x + 640320^3 + 744 differ by 7.5e-13 at 2.6e17,
// where 30-digit values, compared with a margin for their own rounding, found them equal).
std::optional<std::string> differ_precisely(Expr a, Expr b, const std::vector<Expr>& vars,
                                            const TrialPoint& where) {
  std::unordered_map<Expr, Expr> point;
  for (Expr v : vars) point.emplace(v, num(exact_value_of(where.at(v.name()))));
  bool past_range = false;
  try {
    Expr difference = substitute(a - b, point);
    if (difference.is_number()) {
      if (difference.is_zero()) return std::nullopt;
    } else if (!constant_sign(difference)) {
      past_range = zero_past_range(difference);
      if (!past_range) return std::nullopt;
    }
    if (!past_range) return "they differ by about " + calc::evalf_certain(difference, 3) + where_of(vars, where);
  } catch (const MathError&) {  // no value there: the doubles' verdict stands
    return std::nullopt;
  }
  throw calc::PastRange(0);
}

// Whether exact e has a value at the rational point the doubles were taken at (they may have
// overflowed where it has one), as ddx works it out: the point put in first, so that an exponent
// a/3 at a = 2 is the odd root 2/3 (real), and 0^0 has none. Nullopt where that cannot be told:
// an abstract function, a value past MPFR's range.
std::optional<bool> value_there(Expr e, const std::vector<Expr>& vars, const TrialPoint& where) {
  std::unordered_map<Expr, Expr> point;
  for (Expr v : vars) point.emplace(v, num(exact_value_of(where.at(v.name()))));
  Expr there;
  try {
    there = substitute(e, point);
  } catch (const Unanswerable&) {
    return std::nullopt;
  } catch (const MathError&) {
    return false;
  } catch (const LimitError&) {  // (a decimal side past a double's range there, an exact power too large)
    return std::nullopt;
  }
  try {
    Real value(64);
    real_value(there, value.get());  // (which clears MPFR's range flags first)
    if (mpfr_number_p(value.get())) return true;
    if (mpfr_underflow_p() || mpfr_overflow_p()) return std::nullopt;  // (inf/inf past the range)
    return false;
  } catch (const Unanswerable&) {
    return std::nullopt;
  } catch (const MathError&) {
    // (a value past MPFR's range, too small or too large, or a quotient of two such: not told)
    if (mpfr_underflow_p() || mpfr_overflow_p()) return std::nullopt;
    return false;
  }
}

// a == b between constants, whose difference d does not simplify to 0: unequal where d's
// enclosure leaves 0 out, equal to so many digits where it still holds 0 at the highest
// precision approx works at (atan(1/2) + atan(1/3) == pi/4), nothing where d has no value, and
// undecided where a part of d is past what can be approximated (exp(-10^10) == 0).
std::optional<Comparison> compare_constants(Expr d) {
  try {
    return Comparison{false, true, "they differ by about " + calc::evalf_certain(d, 3)};
  } catch (const calc::PastRange&) {  // (doubles, which say 0 == 0, would say less)
    return Comparison{false, false, past_range_note};
  } catch (const calc::Uncertain& uncertain) {
    // (an enclosure that still held 0; one that never settled whether a step has a value, past
    // MPFR's range as exp(10^10)/10^100 is, shows nothing: it was "equal to 19728 digits" to 0)
    if (!uncertain.near_zero)
      return Comparison{false, false, "ddx cannot approximate their difference (" + std::string(uncertain.what()) + ")"};
    return Comparison{true, true, "checked numerically: equal to " + std::to_string(uncertain.digits_worked) + " digits"};
  } catch (const MathError&) {
    return std::nullopt;
  }
}

// The parts a side requires that are functions of the compared pair's variables alone (a part of
// another variable, as grad's pairs have, says nothing of the pair).
std::vector<Expr> requirements_of_pair(std::span<const Expr> required, const std::vector<Expr>& vars) {
  std::vector<Expr> kept;
  for (Expr part : required) {
    std::vector<Expr> const names = calc::variables_of({part});
    auto const compared = [&](Expr v) { return std::find(vars.begin(), vars.end(), v) != vars.end(); };
    if (std::all_of(names.begin(), names.end(), compared)) kept.push_back(part);
  }
  return kept;
}

// Whether every part a side requires has a value at the point (as far as doubles tell: a part
// past their range is taken to have one).
bool requirements_met(std::span<const Expr> required, const TrialPoint& point) {
  for (Expr part : required) {
    try {
      if (std::isnan(calc::evaluate(part, point))) return false;
    } catch (const MathError&) {
      return false;
    }
  }
  return true;
}

// Whether a side has a value at a point: the parts it lost as it was read have values there, and
// so does its formula (value_there: (x^(a/3))^3 at a = 2, x = -0.777 has one, 0^0 none); nullopt
// where that cannot be told.
std::optional<bool> defined_at(Expr side, std::span<const Expr> domain, const std::vector<Expr>& vars, const TrialPoint& point) {
  for (Expr part : domain) {
    std::optional<bool> has = value_there(part, vars, point);
    if (!has || !*has) return has;
  }
  return value_there(side, vars, point);
}

// a == b at random points: a point where they differ (or only one has a value) refutes it,
// agreement at enough points is taken for equality, and too few values decide nothing. A point
// where a side's requirements have no value is none of them.
// `with` names what stands in the comparison for abstract functions (empty: none).
Comparison at_random_points(Expr a, Expr b, const std::string& with, std::span<const Expr> required_of_a,
                            std::span<const Expr> required_of_b, std::span<const Expr> domain_a = {},
                            std::span<const Expr> domain_b = {}) {
  // (a sum over N terms has values only at whole N: at any other point "only one side is defined"
  // would refute sum(n, n = 1 .. N) == N (N + 1)/2, which holds for every whole N >= 0)
  if (has_symbolic_range(a) || has_symbolic_range(b))
    return {false, false, "their difference does not simplify to 0, and it has no values at points to compare"};
  std::vector<Expr> vars = calc::variables_of({a, b});
  std::vector<Expr> const required_a = requirements_of_pair(required_of_a, vars);
  std::vector<Expr> const required_b = requirements_of_pair(required_of_b, vars);
  std::mt19937_64 rng(20261122);  // fixed: the same question always gets the same answer
  std::uniform_real_distribution<double> pick(-2.5, 2.5);
  int agreed = 0;
  bool evaluable = true;
  bool past_range = false;  // a point whose difference is past MPFR's range (differ_precisely)
  bool const exact = !has_float(a) && !has_float(b);  // (decimals are doubles: theirs is the verdict)
  const FarPoints far(a, b);
  std::mt19937_64 far_rng(20261206);  // (its own: the points in [-2.5, 2.5] are the ones they were)
  std::size_t far_tried = 0;  // (exact sides: 12 far points as well as 12 agreements)
  for (int trial = 0; trial < 64 && (agreed < 12 || (exact && far_tried < 12)); ++trial) {
    // A far point decides only where both sides have values and a difference is proved exactly
    // (a side past a double's range there, or one that cancels, says nothing of the sides).
    bool const far_point = exact && trial % 2 == 1;
    TrialPoint point;
    for (std::size_t i = 0; i < vars.size(); ++i) point[vars[i].name()] = far_point ? far(far_tried, i, far_rng) : pick(rng);
    far_tried += far_point;
    // (where a side's derivative does not exist, say, the point is none of the comparison's)
    if (!requirements_met(required_a, point) || !requirements_met(required_b, point)) continue;
    // (at a far point too: asin(x/3) + acos(x/3) == pi/2 agreed at every point below 2.5; and a
    // point where neither has a value says nothing: sin(asin(x)) == x + 0 sqrt(4 - x^2) at 2.16)
    if (std::optional<bool> a_defined = defined_at(a, domain_a, vars, point), b_defined = defined_at(b, domain_b, vars, point);
        a_defined && b_defined) {
      if (*a_defined != *b_defined) return {false, true, "only one side is defined" + where_of(vars, point) + with};
      if (!*a_defined && !far_point) continue;
    }
    double x, y;
    try {
      x = calc::evaluate(a, point);
      y = calc::evaluate(b, point);
    } catch (const MathError&) {
      if (far_point) continue;
      evaluable = false;  // a function with no values (a sum with symbolic bounds): no numeric check possible
      break;
    }
    if (far_point && !(std::isfinite(x) && std::isfinite(y))) continue;
    // log(x^2) and 2 log(x) agree where both are defined, but only one is at x < 0: not equal.
    // (A double past its range is no edge of a domain: sinh(400x)/cosh(400x) == tanh(400x); for
    // exact sides the one without a finite double must be told to have no value, which a value
    // past MPFR's range is not: e^(10^10 x)/(e^(10^10 x) + 1) == sigmoid(10^10 x).)
    if (std::isfinite(x) != std::isfinite(y)) {
      std::optional<bool> has = exact ? value_there(std::isfinite(x) ? b : a, vars, point) : std::optional<bool>(false);
      if (!has || *has) continue;
      return {false, true, "only one side is defined" + where_of(vars, point) + with};
    }
    if (!std::isfinite(x)) continue;
    // Doubles lose what exact sides keep (10^20 (tan(x)^2 + 1 - sec(x)^2) is 10^20 times their
    // rounding, and was found unequal to 0): a difference between exact sides is proved beside
    // the point, else it was rounding.
    // Where doubles agree to about 1e-9 too, exact sides are compared by their difference's
    // enclosure (10^-14 relu(-x) == 0 agreed in doubles everywhere, and was compared exactly only
    // at a point where it is 0): once a point, whatever the doubles say.
    bool doubles_differ = std::abs(x - y) > 1e-9 * (1 + std::abs(x) + std::abs(y));
    std::optional<std::string> proved;
    try {
      if (exact) proved = differ_precisely(a, b, vars, point);
    } catch (const calc::PastRange&) {  // (this point decides nothing; another may)
      past_range = true;
      continue;
    }
    if (doubles_differ && (!exact || proved)) return {false, true, with.empty() ? "" : "they differ" + with};
    if (proved) return {false, true, *proved + with};
    ++agreed;
  }
  if ((agreed >= 3 || past_range) && exact) {
    // A point beyond the random ones refutes equality by a difference proved there, or (where
    // `one_side_counts`) by a value on one side only.
    auto refuted_at = [&](const TrialPoint& point, bool one_side_counts) -> std::optional<Comparison> {
      if (!requirements_met(required_a, point) || !requirements_met(required_b, point)) return std::nullopt;
      double x, y;
      try {
        x = calc::evaluate(a, point);
        y = calc::evaluate(b, point);
      } catch (const MathError&) {
        return std::nullopt;
      }
      // (exactly one, each told: where neither has a value, 0^0 at a = 0, or one past MPFR's
      // range, the point says nothing)
      if (one_side_counts) {
        std::optional<bool> a_has = defined_at(a, domain_a, vars, point), b_has = defined_at(b, domain_b, vars, point);
        if (a_has && b_has && *a_has != *b_has)
          return Comparison{false, true, "only one side is defined" + where_of(vars, point) + with};
      }
      if (!(std::isfinite(x) && std::isfinite(y))) return std::nullopt;
      try {
        if (auto differ = differ_precisely(a, b, vars, point)) return Comparison{false, true, *differ + with};
      } catch (const calc::PastRange&) {
        past_range = true;
      }
      return std::nullopt;
    };
    // Beside every corner of a piece, which random points may all miss.
    // (a value on one side only counts beside a corner, not on it: formulas compare as printed)
    for (const auto& [point, on_corner] : corner_points(a, b, vars, rng))
      if (auto refuted = refuted_at(point, !on_corner)) return *refuted;
    // Where exponents are whole, which random points miss: there a side may have a value where
    // the other has none, as at random points, or a different one.
    bool const whole_points_count_one_side = whole_exponents_may_lose_values(a, b);
    for (const auto& point : whole_exponent_points(a, b, vars, rng))
      if (auto refuted = refuted_at(point, whole_points_count_one_side)) return *refuted;
    // Beside where what a side needs a value of begins to have one.
    std::vector<Expr> needed(domain_a.begin(), domain_a.end());
    needed.insert(needed.end(), domain_b.begin(), domain_b.end());
    for (const auto& point : edge_points(needed, vars, rng))
      if (auto refuted = refuted_at(point, true)) return *refuted;
  }
  // (x exp(-10^10) == 0 agreed in doubles, and its difference's enclosure holds 0 at any precision:
  // such a point is no evidence either way, and too few others leave it undecided)
  if (past_range && agreed < 3) return {false, false, past_range_note};
  if (agreed >= 3)
    return {true, true, "checked numerically at " + std::to_string(agreed) + " random points" + with};
  if (!evaluable) return {false, false, "their difference does not simplify to 0, and it has no values at points to compare"};
  return {false, false, "their difference does not simplify to 0, and too few of their values at random points are finite numbers"};
}

// Sides equal as formulas whose domains as written differ (sqrt(x)^2 is x where x >= 0, and was
// equal to x): a random point where only one side has a value refutes it, as at_random_points'
// do. A hole, a single point without a value (x/x at 0), is not looked for: the formulas are
// compared there, as language.md says.
std::optional<Comparison> defined_apart(Expr a, Expr b, std::span<const Expr> required_of_a, std::span<const Expr> required_of_b,
                                        std::span<const Expr> domain_a, std::span<const Expr> domain_b) {
  if (domain_a.empty() && domain_b.empty()) return std::nullopt;
  std::vector<Expr> everything{a, b};
  everything.insert(everything.end(), domain_a.begin(), domain_a.end());
  everything.insert(everything.end(), domain_b.begin(), domain_b.end());
  std::vector<Expr> const vars = calc::variables_of(everything);  // (log(x) - log(x) == 0 holds no x in its sides)
  std::vector<Expr> const required_a = requirements_of_pair(required_of_a, vars);
  std::vector<Expr> const required_b = requirements_of_pair(required_of_b, vars);
  std::mt19937_64 rng(20261122);  // (the points at_random_points takes first)
  std::uniform_real_distribution<double> pick(-2.5, 2.5);
  std::vector<TrialPoint> points(24);
  for (TrialPoint& point : points)
    for (Expr v : vars) point[v.name()] = pick(rng);
  // (and where exponents are whole, or halves whose sum is: x^a x^b is x^(a + b) where x^a and
  // x^b have values, which at x = -1, a = b = 1/2 they have not)
  std::vector<TrialPoint> whole_points = whole_exponent_points(a, b, vars, rng);
  if (whole_exponents_may_lose_values(a, b))
    for (TrialPoint& point : whole_points) points.push_back(std::move(point));
  // Beside the numbers the sides write and at sizes up to 100 (sqrt(x + 3)^2 == x + 3 was true,
  // every point above -2.5), and beside where what they need a value of begins to have one
  // (sqrt(x^2 - 1/100)^2 has none within 1/10 of 0).
  const FarPoints far(a, b, everything);
  std::mt19937_64 far_rng(20261206);
  for (std::size_t k = 0; k < 12; ++k) {
    TrialPoint point;
    for (std::size_t i = 0; i < vars.size(); ++i) point[vars[i].name()] = far(k, i, far_rng);
    points.push_back(std::move(point));
  }
  std::vector<Expr> needed(domain_a.begin(), domain_a.end());
  needed.insert(needed.end(), domain_b.begin(), domain_b.end());
  for (TrialPoint& point : edge_points(needed, vars, rng)) points.push_back(std::move(point));
  for (const TrialPoint& point : points) {
    if (!requirements_met(required_a, point) || !requirements_met(required_b, point)) continue;
    std::optional<bool> a_defined = defined_at(a, domain_a, vars, point), b_defined = defined_at(b, domain_b, vars, point);
    if (a_defined && b_defined && *a_defined != *b_defined)
      return Comparison{false, true, "only one side is defined" + where_of(vars, point)};
  }
  return std::nullopt;
}

}  // namespace

Comparison compare_expressions(Expr a, Expr b, std::span<const Expr> required_a, std::span<const Expr> required_b,
                               std::span<const Expr> domain_a, std::span<const Expr> domain_b) {
  // (a decimal power refused at a sample point is no refusal of the statement's, which, undecided
  // in doubles, may still be read with its decimals exact: (x - 2.5)^0.5 == sqrt(x - 2.5))
  Number::TrialPowers trials;
  // Formulas compare as printed: d/dx abs(x) == sign(x) (its sign has no value at 0, sign(0) is 0).
  a = with_canonical_indices(with_typed_signs(a));
  b = with_canonical_indices(with_typed_signs(b));
  if (a == b) return defined_apart(a, b, required_a, required_b, domain_a, domain_b).value_or(Comparison{true, true, ""});
  Expr d = a - b;
  try {
    d = calc::simplify(calc::expand(d));
    if (d.is_zero()) return defined_apart(a, b, required_a, required_b, domain_a, domain_b).value_or(Comparison{true, true, ""});
  } catch (const LimitError&) {
    // too big to expand: fall through to the numeric check
  }
  // An exact number other than 0 (x == x + 10^-10): unequal, however small it is.
  if (d.is_number() && d.number().is_exact()) return {false, true, ""};
  std::vector<FunctionId> abstract;
  std::unordered_set<const void*> seen;
  abstract_functions(a, abstract, seen);
  abstract_functions(b, abstract, seen);
  if (abstract.empty() && is_constant_expression(d))
    if (auto verdict = compare_constants(d)) return *verdict;
  if (abstract.empty()) return at_random_points(a, b, "", required_a, required_b, domain_a, domain_b);
  // An identity in f holds for every f: a sample function for which the sides differ refutes it,
  // and agreement for three samples at random points is taken for equality.
  std::string names;
  for (FunctionId f : abstract) names += (names.empty() ? "" : ", ") + function_info(f).name;
  const std::string with = " with sample functions in place of " + names;
  std::mt19937_64 rng(20261205);
  Comparison verdict;
  for (int sample = 0; sample < 3; ++sample) {
    Sampled sampled(abstract, rng);
    verdict = at_random_points(sampled(a), sampled(b), with, {}, {});
    verdict.by_samples = true;
    if (!verdict.decided || !verdict.equal) return verdict;
  }
  return verdict;
}

}  // namespace ddx::eval
