// SPDX-License-Identifier: GPL-3.0-or-later
// Where `==` looks beyond its random points (see trial_points.hpp).
#include "eval/trial_points.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <unordered_set>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/vector.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"

namespace ddx::eval {
namespace {

// The sizes of the numbers written in e (not 0 or 1) between `smallest` and `largest`: where a
// kink or a branch of it may be.
void written_sizes(Expr e, std::vector<double>& sizes, std::unordered_set<const void*>& seen, double smallest = 1e-12,
                   double largest = 1e12) {
  if (!seen.insert(e.node()).second) return;
  auto note = [&](const Number& n) {
    double size = std::abs(n.to_double());
    if (size > smallest && size < largest && size != 1 && std::find(sizes.begin(), sizes.end(), size) == sizes.end())
      sizes.push_back(size);
  };
  if (e.is_number() || e.is(Kind::Add) || e.is(Kind::Mul)) note(e.number());
  if (e.is(Kind::Add))
    for (const Number& c : e.coefficients()) note(c);
  visit_children(e, [&](Expr c) { written_sizes(c, sizes, seen, smallest, largest); });
}

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

// The exponents of e that are no numbers (a of x^a, and of a product's factor x^a).
void symbolic_exponents(Expr e, std::vector<Expr>& out, std::unordered_set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return;
  auto note = [&](Expr exponent) {
    if (!exponent.is_number() && std::find(out.begin(), out.end(), exponent) == out.end()) out.push_back(exponent);
  };
  if (e.is(Kind::Pow)) note(e.exponent());
  if (e.is(Kind::Mul))
    for (Expr exponent : e.exponents()) note(exponent);
  visit_children(e, [&](Expr c) { symbolic_exponents(c, out, seen); });
}

// Whether e has a power whose exponent is no number and whose base is no positive constant.
bool power_of_a_base_that_may_be_negative(Expr e, std::unordered_set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return false;
  auto may_be_negative = [](Expr base, Expr exponent) {
    return !exponent.is_number() && !base.is(Kind::Constant) && !(base.is_number() && base.number().sign() > 0);
  };
  if (e.is(Kind::Pow) && may_be_negative(e.base(), e.exponent())) return true;
  if (e.is(Kind::Mul))
    for (std::size_t i = 0; i < e.bases().size(); ++i)
      if (may_be_negative(e.bases()[i], e.exponents()[i])) return true;
  bool found = false;
  visit_children(e, [&](Expr c) { found = found || power_of_a_base_that_may_be_negative(c, seen); });
  return found;
}

// A point near where g is largest (direction 1) or smallest (-1), by coordinates in turn: each
// variable moved to the best of `grid` and of the values beside the best, the others held.
TrialPoint extreme_point(Expr g, const std::vector<Expr>& vars, int direction, const std::vector<double>& grid,
                         std::mt19937_64& rng) {
  std::uniform_real_distribution<double> pick(-2.5, 2.5);
  TrialPoint at;
  for (Expr w : vars) at[w.name()] = pick(rng);
  auto value_at = [&](double& best, double t, const std::string& name) {
    double const kept = at[name];
    at[name] = t;
    double value = -INFINITY;
    try {
      double v = calc::evaluate(g, at);
      if (!std::isnan(v)) value = direction * v;
    } catch (const MathError&) {
    }
    if (value > best) {
      best = value;
      return true;
    }
    at[name] = kept;
    return false;
  };
  for (int round = 0; round < 4; ++round)
    for (Expr v : vars) {
      const std::string name = v.name();
      double best = -INFINITY;
      value_at(best, at[name], name);
      for (double t : grid) value_at(best, t, name);
      // Closer in around the best, halving the step (the grid is an eighth of a decade apart).
      for (double step = std::max(0.2 * std::abs(at[name]), 1e-3); step > 1e-9 * (1 + std::abs(at[name])); step /= 2)
        if (!value_at(best, at[name] - step, name)) value_at(best, at[name] + step, name);
    }
  return at;
}

}  // namespace

FarPoints::FarPoints(Expr a, Expr b, std::span<const Expr> more) {
  std::unordered_set<const void*> seen;
  written_sizes(a, sizes_, seen);
  written_sizes(b, sizes_, seen);
  for (Expr e : more) written_sizes(e, sizes_, seen);
}

double FarPoints::operator()(std::size_t k, std::size_t var, std::mt19937_64& rng) const {
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

namespace {

// Both sides of each change of sign of an argument, and of its slope's (corner_points; a point
// where an argument has no value is a sign of its own), the numbers of `written` beside them.
std::vector<CornerPoint> beside_sign_changes(std::vector<Expr> arguments, std::span<const Expr> written, bool slopes,
                                             const std::vector<Expr>& vars, std::mt19937_64& rng) {
  constexpr std::size_t most_arguments = 8, most_points = 96;
  if (arguments.size() > most_arguments) arguments.resize(most_arguments);
  // 0 and +-10^-3 .. 10^12 at 1/8 decade (relu(log(x) - 20) begins at 4.9e8), its intervals taken
  // nearest 0 first, where most corners are and what doubles still resolve.
  std::vector<double> grid{0};
  for (int i = -24; i <= 96; ++i) {
    grid.push_back(std::pow(10.0, i / 8.0));
    grid.push_back(-grid.back());
  }
  // And beyond it, on both sides of each larger number the sides write (relu(x - 10^13) == 0 was
  // true).
  std::vector<double> large;
  std::unordered_set<const void*> seen_sizes;
  for (Expr e : written) written_sizes(e, large, seen_sizes, 1e12, 1e300);
  for (double size : large)
    for (double t : {size / 2, size * 2}) {
      grid.push_back(t);
      grid.push_back(-t);
    }
  std::sort(grid.begin(), grid.end());
  grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
  std::vector<std::size_t> intervals(grid.size() - 1);
  for (std::size_t i = 0; i < intervals.size(); ++i) intervals[i] = i;
  std::stable_sort(intervals.begin(), intervals.end(), [&](std::size_t i, std::size_t j) {
    return std::min(std::abs(grid[i]), std::abs(grid[i + 1])) < std::min(std::abs(grid[j]), std::abs(grid[j + 1]));
  });
  std::uniform_real_distribution<double> pick(-2.5, 2.5);
  std::vector<CornerPoint> points;
  // Lines through a random point, one variable moving; in several variables also lines through
  // g's largest and smallest values (relu(1/100 - x^2 - y^2) is above 0 only within 0.1 of the
  // origin, which no line at a random y meets).
  // The lines through random points share most_points; each through an extreme has a few of its
  // own (cos(x) + cos(y) - 1.99 changes the slope's sign at every multiple of pi along a line, and
  // the random lines' points used them all).
  constexpr std::size_t points_per_extreme_line = 8;
  struct Line {
    Expr g;
    TrialPoint through;
    bool extreme;
  };
  std::vector<Line> lines;
  for (Expr g : arguments) {
    TrialPoint at;
    for (Expr w : vars) at[w.name()] = pick(rng);
    lines.push_back({g, std::move(at), false});
  }
  if (vars.size() >= 2)
    for (Expr g : arguments)
      for (int direction : {1, -1}) lines.push_back({g, extreme_point(g, vars, direction, grid, rng), true});
  for (auto& [g, through, extreme] : lines)
    for (Expr v : vars) {
      std::size_t const most = extreme ? points.size() + points_per_extreme_line : most_points;
      if (points.size() >= most) continue;
      TrialPoint at = through;
      auto sign_at = [&](Expr f, double t) {
        at[v.name()] = t;
        try {
          double value = calc::evaluate(f, at);
          return std::isnan(value) ? 2 : (value > 0) - (value < 0);
        } catch (const MathError&) {
          return 2;  // (no value: a piece of its own)
        }
      };
      // Where g changes sign (the corner itself), and where its slope does: a piece may begin and
      // end between two grid points (relu(cos(x - 1/2) - 0.9999) is above 0 only within 0.014 of
      // 1/2), so g's extremes are tried too.
      Expr slope;
      try {
        if (slopes) slope = calc::diff(g, v);
      } catch (const MathError&) {
        slope = Expr();
      } catch (const LimitError&) {  // (too large to take: its extremes are not looked for)
        slope = Expr();
      }
      for (std::size_t i : intervals) {
        if (points.size() >= most) break;
        double const lo_end = grid[i], hi_end = grid[i + 1];
        if (sign_at(g, lo_end) == 0) points.push_back({at, true});  // (on the corner itself: sign(x)^2 == 1 at 0)
        for (Expr f : {g, slope}) {
          if (f.is_number()) continue;  // (a constant changes no sign; nor does a slope that could not be taken)
          double lo = lo_end, hi = hi_end;
          int const s_lo = sign_at(f, lo), s_hi = sign_at(f, hi);
          if (s_lo == s_hi) continue;
          if (f != g && (s_lo == 0 || s_hi == 0)) {  // an extreme on the grid itself (cos(x) at 0)
            at[v.name()] = s_lo == 0 ? lo_end : hi_end;
            points.push_back({at, false});
            continue;
          }
          for (int step = 0; step < 60; ++step) {  // (to where the change is, as far as doubles tell)
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) break;
            (sign_at(f, mid) == s_lo ? lo : hi) = mid;
          }
          if (f == g) {  // stepped over both ways, and to the doubles either side (two corners 10^-3 apart)
            double beside = 1e-3 * std::max(std::abs(lo), 1e-3);
            for (double t : {lo - beside, hi + beside, lo, hi}) {
              at[v.name()] = t;
              points.push_back({at, t == lo || t == hi});
            }
          } else {  // the extreme itself
            at[v.name()] = lo + (hi - lo) / 2;
            points.push_back({at, false});
          }
        }
      }
    }
  return points;
}

}  // namespace

std::vector<CornerPoint> corner_points(Expr a, Expr b, const std::vector<Expr>& vars, std::mt19937_64& rng) {
  std::vector<Expr> arguments;
  std::unordered_set<const void*> seen;
  corner_arguments(a, arguments, seen);
  corner_arguments(b, arguments, seen);
  return beside_sign_changes(std::move(arguments), std::array{a, b}, true, vars, rng);
}

std::vector<TrialPoint> edge_points(std::span<const Expr> parts, const std::vector<Expr>& vars, std::mt19937_64& rng) {
  std::vector<Expr> arguments;
  for (Expr part : parts)
    if (std::find(arguments.begin(), arguments.end(), part) == arguments.end()) arguments.push_back(part);
  std::vector<TrialPoint> beside;
  for (CornerPoint& p : beside_sign_changes(std::move(arguments), parts, false, vars, rng))
    if (!p.on_corner) beside.push_back(std::move(p.point));
  return beside;
}

bool whole_exponents_may_lose_values(Expr a, Expr b) {
  std::unordered_set<const void*> seen;
  return power_of_a_base_that_may_be_negative(a, seen) || power_of_a_base_that_may_be_negative(b, seen);
}

std::vector<TrialPoint> whole_exponent_points(Expr a, Expr b, const std::vector<Expr>& vars, std::mt19937_64& rng) {
  constexpr std::size_t point_count = 32;
  // Even and odd, of both signs: x^(a/2) has a value at x < 0 for even a alone.
  static constexpr double wholes[] = {2, 1, -2, 3, 0, -1, 4, -3};
  std::vector<Expr> exponents;
  std::unordered_set<const void*> seen;
  symbolic_exponents(a, exponents, seen);
  symbolic_exponents(b, exponents, seen);
  if (exponents.empty()) return {};
  std::vector<Expr> in_exponents = calc::variables_of(exponents);
  auto in_an_exponent = [&](Expr v) { return std::find(in_exponents.begin(), in_exponents.end(), v) != in_exponents.end(); };
  std::uniform_real_distribution<double> size(0.3, 2.5), pick(-2.5, 2.5);
  std::vector<TrialPoint> points;
  for (std::size_t k = 0; k < point_count; ++k) {
    // Every other point has its bases negative. The first half makes every exponent variable
    // whole, each taking the list's values in turn; the second half makes whole the ones its
    // bits choose, the others random (x^a whole, (x^a)^b not).
    std::size_t const round = k / 2;
    TrialPoint at;
    for (std::size_t i = 0; i < vars.size(); ++i) {
      double const value = in_an_exponent(vars[i]) ? pick(rng) : size(rng);
      at[vars[i].name()] = k % 2 == 0 && !in_an_exponent(vars[i]) ? -value : value;
    }
    for (std::size_t i = 0; i < in_exponents.size(); ++i)
      if (round < point_count / 4 || ((round >> (i % 3)) & 1) == 0)
        at[in_exponents[i].name()] = wholes[(round + i) % std::size(wholes)];
    points.push_back(std::move(at));
  }
  // And exponent variables whose sum or multiple is whole where they are not, or the reverse, their
  // bases negative (x^a x^b has no value at x = -1, a = b = 1/2, and x^(a + b) is -1; so with
  // a = b = 1/2, c = 1 for x^a x^b x^c, a = b = 1 for x^(a/2) x^(b/2), a = 1, b = 3 for quarters,
  // a = b = 1/4 for x^(2a) x^(2b)).
  // Each pattern gives the exponent variables its values in turn.
  static constexpr std::array<std::array<double, 3>, 8> patterns{{
      {0.5, 0.5, 0.5}, {1.5, 1.5, 1.5}, {-0.5, -0.5, -0.5}, {0.5, 0.5, 1}, {1, 1, 1}, {1, 3, 1}, {0.25, 0.25, 0.25},
      {0.25, 0.75, 0.25}}};
  for (const auto& pattern : patterns) {
    TrialPoint at;
    for (Expr v : vars) at[v.name()] = -size(rng);
    for (std::size_t i = 0; i < in_exponents.size(); ++i) at[in_exponents[i].name()] = pattern[i % pattern.size()];
    points.push_back(std::move(at));
  }
  return points;
}

}  // namespace ddx::eval
