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

namespace ddx::eval {
namespace {

std::string decimal(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", v);
  return buffer;
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
                                            const std::unordered_map<std::string, double>& where) {
  std::unordered_map<Expr, Expr> point;
  std::string at;
  for (Expr v : vars) {
    point.emplace(v, num(exact_value_of(where.at(v.name()))));
    at += (at.empty() ? " at " : ", ") + v.name() + " = " + decimal(where.at(v.name()));
  }
  try {
    Expr difference = substitute(a - b, point);
    if (difference.is_number()) {
      if (difference.is_zero()) return std::nullopt;
    } else if (!constant_sign(difference)) {
      return std::nullopt;
    }
    return "they differ by about " + calc::evalf_certain(difference, 3) + at;
  } catch (const MathError&) {  // no value there: the doubles' verdict stands
  }
  return std::nullopt;
}

// Whether exact e has a value at the rational point the doubles were taken at (they may have
// overflowed where it has one).
bool has_value_at(Expr e, const std::vector<Expr>& vars, const std::unordered_map<std::string, double>& where) {
  std::unordered_map<Expr, Expr> point;
  for (Expr v : vars) point.emplace(v, num(exact_value_of(where.at(v.name()))));
  try {
    Real value(64);
    real_value(e, point, DecimalReading::AsTyped, value.get());
    return mpfr_number_p(value.get()) != 0;
  } catch (const MathError&) {
    return false;
  }
}

// a == b between constants, whose difference d does not simplify to 0: unequal where d's
// enclosure leaves 0 out, equal to so many digits where it still holds 0 at the highest
// precision approx works at (atan(1/2) + atan(1/3) == pi/4), nothing where d has no value.
std::optional<Comparison> compare_constants(Expr d) {
  try {
    return Comparison{false, true, "they differ by about " + calc::evalf_certain(d, 3)};
  } catch (const calc::Uncertain& uncertain) {
    return Comparison{true, true, "checked numerically: equal to " + std::to_string(uncertain.digits_worked) + " digits"};
  } catch (const MathError&) {
    return std::nullopt;
  }
}

// The sizes of the numbers written in e (not 0 or 1): where a kink or a branch of it may be.
void written_sizes(Expr e, std::vector<double>& sizes, std::unordered_set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return;
  auto note = [&](const Number& n) {
    double size = std::abs(n.to_double());
    if (size > 1e-12 && size < 1e12 && size != 1 && std::find(sizes.begin(), sizes.end(), size) == sizes.end())
      sizes.push_back(size);
  };
  if (e.is_number() || e.is(Kind::Add) || e.is(Kind::Mul)) note(e.number());
  if (e.is(Kind::Add))
    for (const Number& c : e.coefficients()) note(c);
  visit_children(e, [&](Expr c) { written_sizes(c, sizes, seen); });
}

// Where two exact sides are compared beyond [-2.5, 2.5] (max(x, 3) == 3 agreed at every point
// below 3, and was true): beside each number written in them, on both sides of it and of either
// sign, and at sizes up to 100. The k-th such point takes its signs from k's bits, one a variable,
// so that every sign is tried; its sizes cycle through the numbers and factors.
class FarPoints {
 public:
  FarPoints(Expr a, Expr b) {
    std::unordered_set<const void*> seen;
    written_sizes(a, sizes_, seen);
    written_sizes(b, sizes_, seen);
  }
  double operator()(std::size_t k, std::size_t var, std::mt19937_64& rng) const {
    static constexpr double factors[] = {1.5, 0.6, 1.1, 0.9, 2.5, 0.3};
    std::uniform_real_distribution<double> unit(0, 1);
    double sign = (k >> var) & 1 ? -1 : 1;
    std::size_t round = k / 2;  // (both signs of one size, then the next)
    if (!sizes_.empty() && round % 2 == 0) {
      double size = sizes_[(round / 2 + var) % sizes_.size()];
      return sign * size * factors[(round / 2) % std::size(factors)] * (1 + 0.01 * unit(rng));
    }
    return sign * std::pow(10.0, 2 * unit(rng));
  }

 private:
  std::vector<double> sizes_;
};

// The arguments whose sign splits a side into pieces: g of abs(g), sign(g), relu(g), and g - h of
// max(g, h) and min(g, h).
void corner_arguments(Expr e, std::vector<Expr>& out, std::unordered_set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return;
  if (e.is(Kind::Call) && function_info(e.function()).corners) {
    auto a = e.args();
    Expr g = a.size() == 2 ? a[0] - a[1] : a[0];
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  }
  visit_children(e, [&](Expr c) { corner_arguments(c, out, seen); });
}

// Points on both sides of where a piece of a side begins (relu(x - 2 pi) == 0 agreed at every
// random point, all below 2 pi; relu(cos(x) - 0.99) == 0 differs only for |x| < 0.14): along each
// variable, the others at a random point, each corner argument's changes of sign over 0 and
// +-10^-3 .. 10^3, each found by bisection and stepped over both ways.
std::vector<std::unordered_map<std::string, double>> corner_points(Expr a, Expr b, const std::vector<Expr>& vars,
                                                                     std::mt19937_64& rng) {
  constexpr std::size_t most_arguments = 8, most_points = 64;
  std::vector<Expr> arguments;
  std::unordered_set<const void*> seen;
  corner_arguments(a, arguments, seen);
  corner_arguments(b, arguments, seen);
  if (arguments.size() > most_arguments) arguments.resize(most_arguments);
  std::vector<double> grid{0};
  for (int i = -24; i <= 24; ++i) {
    grid.push_back(std::pow(10.0, i / 8.0));
    grid.push_back(-grid.back());
  }
  std::sort(grid.begin(), grid.end());
  std::uniform_real_distribution<double> pick(-2.5, 2.5);
  std::vector<std::unordered_map<std::string, double>> points;
  for (Expr g : arguments)
    for (Expr v : vars) {
      std::unordered_map<std::string, double> at;
      for (Expr w : vars) at[w.name()] = pick(rng);
      auto sign_at = [&](double t) {
        at[v.name()] = t;
        try {
          double value = calc::evaluate(g, at);
          return std::isnan(value) ? 2 : (value > 0) - (value < 0);
        } catch (const MathError&) {
          return 2;  // (no value: a piece of its own)
        }
      };
      for (std::size_t i = 0; i + 1 < grid.size() && points.size() < most_points; ++i) {
        double lo = grid[i], hi = grid[i + 1];
        int s_hi = sign_at(hi), s_lo = sign_at(lo);
        if (s_lo == 0) points.push_back(at);  // (on the corner itself: sign(x)^2 == 1 at 0)
        if (s_lo == s_hi) continue;
        for (int step = 0; step < 60; ++step) {  // (to where the change is, as far as doubles tell)
          double mid = lo + (hi - lo) / 2;
          if (mid <= lo || mid >= hi) break;
          (sign_at(mid) == s_lo ? lo : hi) = mid;
        }
        double beside = 1e-3 * std::max(std::abs(lo), 1e-3);
        for (double t : {lo - beside, hi + beside}) {
          at[v.name()] = t;
          points.push_back(at);
        }
      }
    }
  return points;
}

// a == b at random points: a point where they differ (or only one has a value) refutes it,
// agreement at enough points is taken for equality, and too few values decide nothing.
// `with` names what stands in the comparison for abstract functions (empty: none).
Comparison at_random_points(Expr a, Expr b, const std::string& with) {
  std::vector<Expr> vars = calc::variables_of({a, b});
  std::mt19937_64 rng(20261122);  // fixed: the same question always gets the same answer
  std::uniform_real_distribution<double> pick(-2.5, 2.5);
  int agreed = 0;
  bool evaluable = true;
  bool const exact = !has_float(a) && !has_float(b);  // (decimals are doubles: theirs is the verdict)
  const FarPoints far(a, b);
  std::mt19937_64 far_rng(20261206);  // (its own: the points in [-2.5, 2.5] are the ones they were)
  std::size_t far_tried = 0;  // (exact sides: 12 far points as well as 12 agreements)
  for (int trial = 0; trial < 64 && (agreed < 12 || (exact && far_tried < 12)); ++trial) {
    // A far point decides only where both sides have values and a difference is proved exactly
    // (a side past a double's range there, or one that cancels, says nothing of the sides).
    bool const far_point = exact && trial % 2 == 1;
    std::unordered_map<std::string, double> point;
    for (std::size_t i = 0; i < vars.size(); ++i) point[vars[i].name()] = far_point ? far(far_tried, i, far_rng) : pick(rng);
    far_tried += far_point;
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
    // (A double past its range is no edge of a domain: sinh(400x)/cosh(400x) == tanh(400x).)
    if (std::isfinite(x) != std::isfinite(y) && exact && has_value_at(a, vars, point) && has_value_at(b, vars, point)) continue;
    if (std::isfinite(x) != std::isfinite(y)) {
      std::string where;
      for (Expr v : vars) where += (where.empty() ? " at " : ", ") + v.name() + " = " + decimal(point[v.name()]);
      return {false, true, "only one side is defined" + where + with};
    }
    if (!std::isfinite(x)) continue;
    // Doubles lose what exact sides keep (10^20 (tan(x)^2 + 1 - sec(x)^2) is 10^20 times their
    // rounding, and was found unequal to 0): a difference between exact sides is proved beside
    // the point, else it was rounding.
    // Where doubles agree to about 1e-9 too, exact sides are compared by their difference's
    // enclosure (10^-14 relu(-x) == 0 agreed in doubles everywhere, and was compared exactly only
    // at a point where it is 0): once a point, whatever the doubles say.
    bool doubles_differ = std::abs(x - y) > 1e-9 * (1 + std::abs(x) + std::abs(y));
    std::optional<std::string> proved = exact ? differ_precisely(a, b, vars, point) : std::nullopt;
    if (doubles_differ && (!exact || proved)) return {false, true, with.empty() ? "" : "they differ" + with};
    if (proved) return {false, true, *proved + with};
    ++agreed;
  }
  if (agreed >= 3 && exact) {
    // Beside every corner of a piece, which random points may all miss.
    for (const auto& point : corner_points(a, b, vars, rng)) {
      double x, y;
      try {
        x = calc::evaluate(a, point);
        y = calc::evaluate(b, point);
      } catch (const MathError&) {
        continue;
      }
      if (!(std::isfinite(x) && std::isfinite(y))) continue;
      if (auto differ = differ_precisely(a, b, vars, point)) return {false, true, *differ + with};
    }
  }
  if (agreed >= 3)
    return {true, true, "checked numerically at " + std::to_string(agreed) + " random points" + with};
  if (!evaluable) return {false, false, "their difference does not simplify to 0, and it has no values at points to compare"};
  return {false, false, "their difference does not simplify to 0, and too few of their values at random points are finite numbers"};
}

}  // namespace

Comparison compare_expressions(Expr a, Expr b) {
  // Formulas compare as printed: d/dx abs(x) == sign(x) (its sign has no value at 0, sign(0) is 0).
  a = with_canonical_indices(with_typed_signs(a));
  b = with_canonical_indices(with_typed_signs(b));
  if (a == b) return {true, true, ""};
  Expr d = a - b;
  try {
    d = calc::simplify(calc::expand(d));
    if (d.is_zero()) return {true, true, ""};
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
  if (abstract.empty()) return at_random_points(a, b, "");
  // An identity in f holds for every f: a sample function for which the sides differ refutes it,
  // and agreement for three samples at random points is taken for equality.
  std::string names;
  for (FunctionId f : abstract) names += (names.empty() ? "" : ", ") + function_info(f).name;
  const std::string with = " with sample functions in place of " + names;
  std::mt19937_64 rng(20261205);
  Comparison verdict;
  for (int sample = 0; sample < 3; ++sample) {
    Sampled sampled(abstract, rng);
    verdict = at_random_points(sampled(a), sampled(b), with);
    verdict.by_samples = true;
    if (!verdict.decided || !verdict.equal) return verdict;
  }
  return verdict;
}

}  // namespace ddx::eval
