// SPDX-License-Identifier: GPL-3.0-or-later
// The numeric search for zeros of a gradient (see critical_numeric.hpp).
#include "calculus/critical_numeric.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/evalf.hpp"
#include "calculus/poly_convert.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"

namespace ddx::calc {
namespace {

// The distinct nodes of es together, counted up to a little past `enough`.
std::size_t distinct_nodes(const std::vector<Expr>& es, std::size_t enough = SIZE_MAX) {
  std::unordered_set<const void*> seen;
  std::function<void(Expr)> walk = [&](Expr x) {
    if (seen.size() > enough || !seen.insert(x.node()).second) return;
    for_each_child(x, walk);
  };
  for (Expr e : es) walk(e);
  return seen.size();
}

// Evaluations of the gradient's and Hessian's entries, each counting its number of nodes against
// the search's budget.
class Point {
 public:
  explicit Point(const std::vector<Expr>& vars) : vars_(vars) {
    for (Expr v : vars) values_[v.name()] = 0;
  }
  void set(const std::vector<double>& x) {
    for (std::size_t k = 0; k < vars_.size(); ++k) values_[vars_[k].name()] = x[k];
  }
  double operator()(Expr e) {
    work_ += static_cast<double>(nodes(e));
    if (work_ > max_critical_search_work)
      throw LimitError("critical: the numeric search is too long (more than " +
                       std::to_string(static_cast<long long>(max_critical_search_work)) + " node evaluations)");
    if (++calls_ % 256 == 0) check_interrupt();
    try {
      return evaluate(e, values_);
    } catch (const MathError&) {
      return NAN;
    }
  }

 private:
  // The distinct nodes of e (what one memoised evaluation visits), cached per expression.
  std::size_t nodes(Expr e) {
    auto it = sizes_.find(e.node());
    if (it != sizes_.end()) return it->second;
    return sizes_[e.node()] = distinct_nodes({e});
  }

  std::vector<Expr> vars_;
  std::unordered_map<std::string, double> values_;
  std::unordered_map<const void*, std::size_t> sizes_;
  double work_ = 0;
  std::size_t calls_ = 0;
};

bool same(const std::vector<double>& a, const std::vector<double>& b) {
  for (std::size_t k = 0; k < a.size(); ++k)
    if (std::abs(a[k] - b[k]) > 1e-6 * std::max(1.0, std::abs(a[k]))) return false;
  return true;
}

double norm2(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x * x;
  return s;
}

// A candidate the search found in doubles, once (confirmed_zeros decides).
void add_zero(std::vector<NumericZero>& out, NumericZero z) {
  for (const NumericZero& o : out)
    if (same(o.x, z.x)) return;
  out.push_back(std::move(z));
}

// The value of e where vars are x, in 60-digit (or `digits`) arithmetic at the exact rationals x
// holds (NAN where it has none). e's decimals are exact (numeric_gradient_zeros reads them as
// written), and a value below the doubles' range is the smallest double of its sign, not 0:
// exp(x^2 y + x^2 + y^3 + 1e-12 x) has a gradient of e^-1900 times 180 at (-10, -10), whose
// doubles are 0, and was said to have a surface of critical points through it.
// The point is not substituted into e: the exact rationals of a search's doubles made every
// product and sum of the formula anew, and critical(2cos(x - z) + x^2 y^2) ended in "expression
// too large" after some 15 s.
double precise_value_at(Expr e, const std::vector<Expr>& vars, const std::vector<mpq_class>& x, int digits = 60) {
  std::unordered_map<Expr, Expr> point;
  for (std::size_t k = 0; k < vars.size(); ++k) point.emplace(vars[k], num(poly::to_number(x[k])));
  try {
    Real v(static_cast<mpfr_prec_t>(std::ceil(digits * 3.3219280948873623)) + 64);
    real_value(e, point, DecimalReading::AsTyped, v.get());
    double const d = mpfr_get_d(v.get(), MPFR_RNDN);
    if (d != 0 || mpfr_zero_p(v.get())) return d;
    return mpfr_sgn(v.get()) < 0 ? -std::numeric_limits<double>::denorm_min() : std::numeric_limits<double>::denorm_min();
  } catch (const MathError&) {
    return NAN;
  }
}

std::vector<mpq_class> exactly(const std::vector<double>& x) { return std::vector<mpq_class>(x.begin(), x.end()); }

double precise_value_at(Expr e, const std::vector<Expr>& vars, const std::vector<double>& x, int digits = 60) {
  return precise_value_at(e, vars, exactly(x), digits);
}

// The Hessian's entries at x, in 60-digit arithmetic.
std::vector<std::vector<double>> precise_hessian_at(const std::vector<std::vector<Expr>>& hess, const std::vector<Expr>& vars,
                                                    const std::vector<double>& x) {
  std::size_t const n = vars.size();
  std::vector<std::vector<double>> h(n, std::vector<double>(n));
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = r; c < n; ++c) h[r][c] = h[c][r] = precise_value_at(hess[r][c], vars, x);
  return h;
}

// Solves the n×(n+1) augmented system [A | b] for d by Gauss-Jordan elimination with partial
// pivoting; false when A is singular.
bool solve_augmented(std::vector<std::vector<double>> a, std::vector<double>& d) {
  std::size_t n = a.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::abs(a[r][c]) > std::abs(a[piv][c])) piv = r;
    if (a[piv][c] == 0 || !std::isfinite(a[piv][c])) return false;
    std::swap(a[c], a[piv]);
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k <= n; ++k) a[r][k] -= f * a[c][k];
    }
  }
  d.assign(n, 0);
  for (std::size_t r = 0; r < n; ++r) d[r] = a[r][n] / a[r][r];
  return std::all_of(d.begin(), d.end(), [](double x) { return std::isfinite(x); });
}

// Newton's step: h d = -g; false when h is singular.
bool newton_step(const std::vector<std::vector<double>>& h, const std::vector<double>& g, std::vector<double>& d) {
  std::vector<std::vector<double>> a = h;
  for (std::size_t r = 0; r < a.size(); ++r) a[r].push_back(-g[r]);
  return solve_augmented(std::move(a), d);
}

// Solves (J^T J + mu I) d = -J^T g for a small n by Gaussian elimination with pivoting.
bool damped_step(const std::vector<std::vector<double>>& j, const std::vector<double>& g, double mu, std::vector<double>& d) {
  std::size_t n = g.size();
  std::vector<std::vector<double>> a(n, std::vector<double>(n + 1, 0));
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < n; ++c) {
      for (std::size_t k = 0; k < n; ++k) a[r][c] += j[k][r] * j[k][c];
      if (r == c) a[r][c] += mu;
    }
    for (std::size_t k = 0; k < n; ++k) a[r][n] -= j[k][r] * g[k];
  }
  return solve_augmented(std::move(a), d);
}

// Whether an eigenvalue of a Hessian whose largest is `largest` is 0 for the search (the test
// singular() makes of the least).
bool flat_eigenvalue(double eigenvalue, double largest) { return std::abs(eigenvalue) <= 1e-8 * std::max(1.0, largest); }

// Whether h is singular for the search: its smallest eigenvalue negligible beside its largest, or
// beside 1 (x tanh(y) - x y has a Hessian of 1e-23 at (1e-10, 1e-14), next to its line of zeros).
bool singular(const std::vector<std::vector<double>>& h) {
  std::vector<double> ev = symmetric_eigenvalues(h);
  double largest = 0, smallest = INFINITY;
  for (double v : ev) largest = std::max(largest, std::abs(v)), smallest = std::min(smallest, std::abs(v));
  return !(smallest > 1e-8 * std::max(1.0, largest));
}

// Whether h d = -g, to a millionth of g: g is in h's range, as it is beside a set of zeros. Where
// the gradient is only small along a direction h is flat in (x^2 - sigmoid(y^2) at y = -10, slope
// 7e-43), it is not, and the shortest least-squares step would only shrink.
bool solves(const std::vector<std::vector<double>>& h, const std::vector<double>& g, const std::vector<double>& d) {
  std::vector<double> residual = g;
  for (std::size_t r = 0; r < h.size(); ++r)
    for (std::size_t c = 0; c < h.size(); ++c) residual[r] += h[r][c] * d[c];
  return norm2(residual) <= 1e-12 * norm2(g);
}

// The gradient's component along v, summed in 60 digits (the other components' rounding, 1e-16
// of them, cancels in doubles).
Expr component_along(const std::vector<double>& v, const std::vector<Expr>& grad) {
  std::vector<Expr> terms;
  for (std::size_t i = 0; i < grad.size(); ++i) terms.push_back(num(poly::to_number(mpq_class(v[i]))) * grad[i]);
  return add(std::move(terms));
}

// Newton's step in the eigenvectors of h, the gradient's component and the curvature along each
// summed in 60 digits; false where a curvature is 0 there but not its component. Where h's
// smallest eigenvalue is below the doubles' rounding of its entries, a step solved in doubles is
// noise: (x - y)^2 + (x + y - pi)^4 has a curvature of 12t^2 along x = y at t from its zero,
// beside entries of 2, and its minimum was not found.
bool precise_eigen_step(const std::vector<double>& x, const std::vector<std::vector<double>>& h, const std::vector<Expr>& grad,
                        const std::vector<Expr>& vars, std::vector<double>& d) {
  std::vector<std::vector<double>> directions;
  symmetric_eigen(h, directions);
  d.assign(x.size(), 0);
  for (const std::vector<double>& v : directions) {
    Expr const along = component_along(v, grad);
    std::vector<Expr> derivatives;
    for (std::size_t i = 0; i < vars.size(); ++i) derivatives.push_back(num(poly::to_number(mpq_class(v[i]))) * diff(along, vars[i]));
    double const slope = precise_value_at(along, vars, x), curvature = precise_value_at(add(std::move(derivatives)), vars, x);
    if (!std::isfinite(slope) || !std::isfinite(curvature)) return false;
    if (slope == 0) continue;
    if (curvature == 0) return false;
    for (std::size_t i = 0; i < x.size(); ++i) d[i] -= slope / curvature * v[i];
  }
  return std::all_of(d.begin(), d.end(), [](double t) { return std::isfinite(t); });
}

// Whether, along each direction the Hessian h is flat in at x, the gradient's component could
// vanish within `reach` of x: it is at most ten times what its slope and curvature along the
// direction (by differences a millionth of x apart) make of a step of `reach`, or 60 digits' noise.
// Newton's steps leave that component alone, and stop where another component's rounding is the
// larger: cos(x + y)/2 + exp(-x^2 y^2/16)/2 was listed as a saddle at (-5.5, 5.5), where its
// gradient is 1.5e-24 along x = -y, and almost constant there.
bool flat_components_vanish(const std::vector<double>& x, const std::vector<std::vector<double>>& h, const std::vector<Expr>& grad,
                            const std::vector<Expr>& vars, double reach) {
  std::vector<std::vector<double>> directions;
  std::vector<double> ev = symmetric_eigen(h, directions);
  double largest = 0;
  for (double v : ev) largest = std::max(largest, std::abs(v));
  double const size = std::max(1.0, std::sqrt(norm2(x)));
  auto flat = [&](std::size_t k) { return flat_eigenvalue(ev[k], largest); };
  // The components are read where Newton's steps along the other directions, in exact rationals,
  // have made the gradient there 1e-48 of what it is at x: the directions are the doubles', 1e-16
  // off, and that much of the gradient's other components shows in theirs. On the planes of
  // zeros of sin(x + y + z) it was 1e-33, not 0, and every zero was rejected.
  std::vector<mpq_class> at = exactly(x);
  for (int step = 0; step < 3; ++step) {
    std::vector<double> g;
    for (Expr e : grad) g.push_back(precise_value_at(e, vars, at));
    if (!std::all_of(g.begin(), g.end(), [](double v) { return std::isfinite(v); })) break;
    for (std::size_t k = 0; k < ev.size(); ++k) {
      if (flat(k)) continue;
      double along = 0;
      for (std::size_t i = 0; i < g.size(); ++i) along += directions[k][i] * g[i];
      for (std::size_t i = 0; i < at.size(); ++i) at[i] -= mpq_class(along / ev[k] * directions[k][i]);
    }
  }
  for (std::size_t k = 0; k < ev.size(); ++k) {
    if (!flat(k)) continue;
    const std::vector<double>& v = directions[k];
    Expr const along = component_along(v, grad);
    auto component = [&](double t) {
      std::vector<mpq_class> moved = at;
      for (std::size_t i = 0; i < moved.size(); ++i) moved[i] += mpq_class(t * v[i]);
      return precise_value_at(along, vars, moved);
    };
    double const c0 = component(0);
    if (std::abs(c0) <= 1e-50 * std::max(1.0, largest) * size) continue;
    double const tau = 1e-6 * size, plus = component(tau), minus = component(-tau);
    double const slope = std::abs(plus - minus) / (2 * tau), curvature = std::abs(plus + minus - 2 * c0) / (tau * tau);
    if (!(std::abs(c0) <= 10 * (slope * reach + curvature * reach * reach))) return false;
  }
  return true;
}

// Where Newton's steps from x end: the point, the Hessian there and how far the zero may still
// be (`reach`), with `exact` where the gradient is 0 to 240 digits there.
struct NewtonEnd {
  std::vector<double> x;
  std::vector<std::vector<double>> h;
  double reach = 0;
  bool exact = false;
};

// Newton's steps from x, with the gradient and Hessian in 60-digit arithmetic, until one is no
// longer than `shortest` times x's size: nullopt if none is within `steps`, or where no step can
// be solved for (the Hessian singular in doubles, the gradient not in its range), unless
// `stuck_ends`: then that point is the end, its reach the last step's (`reach` before any).
// A simple zero is reached at once, a multiple one by a constant ratio a step, while where the
// gradient is only small the steps stay long and leave the range (2·bound): tanh(x) + tanh(y) has
// a slope of 8e-9 at (10, 10) and was called a maximum there; a logistic loss over separable data
// got minima where its slope is 5e-9; and the noise of tanh(2x + 1) - tanh(2x)'s slope past x = 9
// gave 188 minima.
// Where the Hessian is singular in doubles, on a set of zeros (the lines x + y = pi/2 + k pi of
// sin(x + y)), the step is the shortest least-squares one, which goes straight to the nearest zero
// of the set, where it solves Newton's equations (solves).
std::optional<NewtonEnd> newton_steps(std::vector<double> x, const std::vector<Expr>& grad, const std::vector<std::vector<Expr>>& hess,
                                      const std::vector<Expr>& vars, double bound, double shortest, int steps,
                                      bool stuck_ends = false, double reach = 0) {
  std::size_t n = vars.size();
  for (int step = 0; step < steps; ++step) {
    check_interrupt();
    std::vector<double> g(n);
    for (std::size_t k = 0; k < n; ++k) g[k] = precise_value_at(grad[k], vars, x);
    if (!std::all_of(g.begin(), g.end(), [](double v) { return std::isfinite(v); })) return std::nullopt;
    // A zero to 60 digits is asked again at 240: it may be a cancellation past them (1 -
    // tanh(x^2)^2 at x = 10 is 1e-87).
    bool zero = true;
    for (std::size_t k = 0; k < n && zero; ++k) zero = g[k] == 0 && precise_value_at(grad[k], vars, x, 240) == 0;
    if (zero) return NewtonEnd{x, {}, 0, true};
    std::vector<std::vector<double>> h = precise_hessian_at(hess, vars, x);
    double largest = 0;
    for (const std::vector<double>& row : h)
      for (double v : row) largest = std::max(largest, std::abs(v));
    std::vector<double> d;
    if (!newton_step(h, g, d) &&
        !(n > 1 && singular(h) && damped_step(h, g, 1e-12 * largest * largest, d) && solves(h, g, d)) &&
        !(n > 1 && precise_eigen_step(x, h, grad, vars, d))) {
      if (stuck_ends) return NewtonEnd{x, std::move(h), reach, false};
      return std::nullopt;
    }
    double length = std::sqrt(norm2(d));
    for (std::size_t k = 0; k < n; ++k) x[k] += d[k];
    if (!std::all_of(x.begin(), x.end(), [&](double v) { return std::abs(v) <= 2 * bound; })) return std::nullopt;
    double const size = std::max(1.0, std::sqrt(norm2(x)));
    // (a zero reached by a constant ratio a step is within about ten steps' length; one reached at
    // once, within a few units of the doubles' last place)
    reach = std::max(10 * length, 1e-15 * size);
    if (length <= shortest * size) return NewtonEnd{x, std::move(h), reach, false};
  }
  return std::nullopt;
}

// The zero Newton's steps reach from x (newton_steps, to 1e-10 of its size), or nullopt. Where the
// Hessian is singular there, a multiple zero and a point where the gradient along a flat direction
// is only small look alike at that length: 1.5x^2 y + 1.5x^2 + 3y^3 + 1e-12 x, whose y component
// 9y^2 + 1.5x^2 is at least 1.7e-25, had a critical point at (0, 0). The steps go on to what
// doubles tell: to a multiple zero they go on shrinking by their ratio, and past such a point they
// jump about; and there the flat components must vanish within the last step's reach. Where the
// Hessian becomes singular in doubles first, so that no step can be solved for, that is where
// they are asked ((x - y)^2 + tanh(x + y)^4 near 0, flat along x = y: a first version rejected
// its zero). (The point is the one at 1e-10, whose Hessian classifies it: x^2 - 3sin(x) + y^2 +
// 2cos(y) is flat along y at its zero, and the steps on leave y at 1e-40, where the Hessian is
// no longer singular.)
std::optional<std::vector<double>> newton_zero(const std::vector<double>& x, const std::vector<Expr>& grad,
                                               const std::vector<std::vector<Expr>>& hess, const std::vector<Expr>& vars,
                                               double bound) {
  std::optional<NewtonEnd> end = newton_steps(x, grad, hess, vars, bound, 1e-10, 80);
  if (!end || end->exact || vars.size() == 1 || !singular(end->h)) return end ? std::optional(end->x) : std::nullopt;
  std::optional<NewtonEnd> close = newton_steps(end->x, grad, hess, vars, bound, 1e-15, 80, true, end->reach);
  if (!close || (!close->exact && !flat_components_vanish(close->x, close->h, grad, vars, close->reach))) return std::nullopt;
  return end->x;
}

// x with its coordinates below 1e-9 of its size made 0: where a zero is multiple, Newton's steps
// stop short of it by about that much.
std::vector<double> quietened(std::vector<double> x) {
  double const size = std::max(1.0, std::sqrt(norm2(x)));
  for (double& v : x)
    if (std::abs(v) < 1e-9 * size) v = 0;
  return x;
}

// Whether x is a zero of the gradient as nearly as doubles can hold one: Newton's step across the
// Hessian's flat directions is short (a rounding's, not a step's length), and along each flat one
// the gradient's component vanishes where that step is taken (flat_components_vanish, within a
// rounding of x). A set of zeros that no double lies on (the line y = -3 pi of
// sin(x)^2 sin(y)^2) is a valley of the rounding's residue, whose lowest point is where it
// crosses another set (at x = -3 pi): Newton's steps from a point of the line went back to the
// crossing, which was listed as an isolated "degenerate" point. From an isolated zero, a step's
// length away, the step back is that long, or the flat component does not vanish (x^4 + 1000 y^2
// at (0.001, 0)).
bool zero_to_the_doubles(const std::vector<double>& x, const std::vector<Expr>& grad, const std::vector<std::vector<Expr>>& hess,
                         const std::vector<Expr>& vars) {
  std::vector<double> g;
  for (Expr e : grad) g.push_back(precise_value_at(e, vars, x));
  std::vector<std::vector<double>> const h = precise_hessian_at(hess, vars, x);
  std::vector<std::vector<double>> directions;
  std::vector<double> const ev = symmetric_eigen(h, directions);
  double largest = 0;
  for (double v : ev) largest = std::max(largest, std::abs(v));
  if (!std::isfinite(largest) || !std::all_of(g.begin(), g.end(), [](double v) { return std::isfinite(v); })) return false;
  double const size = std::max(1.0, std::sqrt(norm2(x)));
  double across = 0;  // the step's length squared
  for (std::size_t k = 0; k < ev.size(); ++k) {
    if (flat_eigenvalue(ev[k], largest)) continue;
    double along = 0;
    for (std::size_t i = 0; i < g.size(); ++i) along += directions[k][i] * g[i];
    across += (along / ev[k]) * (along / ev[k]);
  }
  double const rounding = 1e-7 * size;  // (Newton's steps stop short of a multiple zero by 1e-9 of its size)
  return std::sqrt(across) <= rounding &&
         flat_components_vanish(x, h, grad, vars, 4 * std::numeric_limits<double>::epsilon() * size);
}

// Whether the zero x, where the Hessian is h and singular, lies on a set of zeros: a step of
// 1e-3 along some variable or flat direction, taken back to the zeros by Newton's method, lands
// on another zero (on the line y = 0 of x tanh(y) - x y, at once); from an isolated one it comes
// back (x^4 + sin(y)^2 at 0, cos(x - y) + y^4 at (pi, 0)).
// The steps are tried from x and from x with its coordinates below 1e-9 of its size made 0: on
// that line, from (-1.5e-10, -6.2e-14), the noise in y kept Newton's method from settling, and
// (0, 0) was called an isolated critical point.
bool on_a_set(const std::vector<double>& x, const std::vector<std::vector<double>>& h, const std::vector<Expr>& grad,
              const std::vector<std::vector<Expr>>& hess, const std::vector<Expr>& vars, double bound) {
  // The directions tried: each variable's, and the Hessian's flat ones, along which a set of
  // zeros runs where no axis does (from the lines of sin(3x + y)^2 the steps along x and y went
  // back to where they began, and their points were called isolated).
  std::size_t const n = x.size();
  struct Step {
    std::vector<double> along;
    double length;
  };
  std::vector<Step> steps;
  for (std::size_t k = 0; k < n; ++k) {
    steps.push_back({std::vector<double>(n, 0.0), 1e-3 * std::max(1.0, std::abs(x[k]))});
    steps.back().along[k] = 1;
  }
  std::vector<std::vector<double>> eigenvectors;
  std::vector<double> ev = symmetric_eigen(h, eigenvectors);
  double largest = 0;
  for (double v : ev) largest = std::max(largest, std::abs(v));
  for (std::size_t k = 0; k < n; ++k)
    if (flat_eigenvalue(ev[k], largest)) steps.push_back({eigenvectors[k], 1e-3 * std::max(1.0, std::sqrt(norm2(x)))});
  auto steps_land_elsewhere = [&](const std::vector<double>& from) {
    for (const Step& step : steps) {
      std::vector<double> moved = from;
      for (std::size_t k = 0; k < n; ++k) moved[k] += step.length * step.along[k];
      if (zero_to_the_doubles(moved, grad, hess, vars)) return true;
      std::optional<std::vector<double>> z = newton_zero(moved, grad, hess, vars, bound);
      if (!z) continue;
      std::vector<double> apart(n);
      for (std::size_t i = 0; i < n; ++i) apart[i] = (*z)[i] - x[i];
      if (std::sqrt(norm2(apart)) > 0.1 * step.length) return true;
    }
    return false;
  };
  std::vector<double> const quiet = quietened(x);
  return steps_land_elsewhere(x) || (quiet != x && steps_land_elsewhere(quiet));
}

// Whether every entry of the gradient is 0 to 60 digits at a few points spread over the box.
bool vanishes_where_tried(const std::vector<Expr>& grad, const std::vector<Expr>& vars, double bound) {
  constexpr int tries = 7;
  for (int k = 0; k < tries; ++k) {
    std::vector<double> x;
    for (std::size_t i = 0; i < vars.size(); ++i) x.push_back(-bound + 2 * bound * ((k + 0.37 + 0.29 * i) / tries));
    for (Expr g : grad)
      if (!(std::abs(precise_value_at(g, vars, x)) < 1e-45)) return false;  // (NaN: no value there, not 0)
  }
  return true;
}

// The candidates that are zeros of the gradient, each refined by newton_zero. A zero on a set of
// zeros is kept once for each value f has on such sets (f is constant along one): a search from a
// grid meets the lines of sin(x + y) at hundreds of points. (An isolated zero of that value is
// kept: cos(x^2 + y^2) has its maximum 1 at 0 and on circles.)
std::vector<NumericZero> confirmed_zeros(const std::vector<NumericZero>& candidates, Expr f, const std::vector<Expr>& grad,
                                         const std::vector<std::vector<Expr>>& hess, const std::vector<Expr>& vars,
                                         double bound) {
  std::size_t n = vars.size();
  std::vector<NumericZero> out;
  std::vector<double> set_values;  // f on each set of zeros met
  auto known_set = [&](double value) {
    return std::any_of(set_values.begin(), set_values.end(),
                       [&](double v) { return std::abs(v - value) <= 1e-9 * std::max(1.0, std::abs(value)); });
  };
  for (const NumericZero& candidate : candidates) {
    std::optional<std::vector<double>> zero = newton_zero(candidate.x, grad, hess, vars, bound);
    if (!zero || !std::all_of(zero->begin(), zero->end(), [&](double v) { return std::abs(v) <= bound; })) continue;
    const std::vector<double>& x = *zero;
    if (std::any_of(out.begin(), out.end(), [&](const NumericZero& o) { return same(o.x, x); })) continue;
    NumericZero z{x, candidate.well_conditioned, true};
    if (n > 1) {
      std::vector<std::vector<double>> h = precise_hessian_at(hess, vars, x);
      // The Hessian is asked where the coordinates that Newton's steps left near 0 are 0 too: on
      // the lines x = 2 pi k, y = 0 of cos(x) + x^2 y^2 z the steps stopped at y = 4.5e-10, where
      // the Hessian's least eigenvalue is 3.6e-8, and points of the lines were listed as isolated
      // "degenerate" ones beside the lines' representatives.
      if (!singular(h))
        if (std::vector<double> const quiet = quietened(x); quiet != x)
          if (std::vector<std::vector<double>> at_quiet = precise_hessian_at(hess, vars, quiet); singular(at_quiet)) h = std::move(at_quiet);
      if (singular(h) && on_a_set(x, h, grad, hess, vars, bound)) {
        double value = precise_value_at(f, vars, x);
        if (known_set(value)) continue;
        set_values.push_back(value);
        z.isolated = false;
      }
    }
    if (out.size() >= max_critical_points) {
      if (vanishes_where_tried(grad, vars, bound))  // (cos(2x) + 2sin(x)^2 is 1, which ddx does not see)
        throw MathError("critical: the gradient is 0 to 60 digits at every point tried, though ddx cannot show that it is 0 "
                        "everywhere: the function may be a constant written another way");
      throw LimitError("critical: more than " + std::to_string(max_critical_points) + " critical points in the search range");
    }
    out.push_back(std::move(z));
  }
  return out;
}

// Bisection of a sign change of g on [a, b] to double precision.
double bisect(Point& p, Expr g, double a, double b, double ga) {
  for (int i = 0; i < 200; ++i) {
    double m = 0.5 * (a + b);
    if (m <= a || m >= b) break;
    p.set({m});
    double gm = p(g);
    if (std::isnan(gm)) return NAN;
    if (gm == 0) return m;
    if ((gm < 0) == (ga < 0)) a = m, ga = gm;
    else b = m;
  }
  return 0.5 * (a + b);
}

// Bisection of a sign change of g on [a, b] with g's sign from 60-digit evaluation at exact
// rational points: a multiple zero, whose double-precision signs are noise over a wide interval
// around it, to about 10 digits still (error about 10^(-60/m) for multiplicity m).
double precise_bisect(Expr g, Expr var, double a, double b) {
  mpq_class lo(a), hi(b);
  auto sign_at = [&](const mpq_class& x) {
    std::string v = evalf(substitute(g, {{var, num(poly::to_number(x))}}), 60);
    return v == "0.0" ? 0 : v[0] == '-' ? -1 : 1;
  };
  try {
    int slo = sign_at(lo);
    if (slo == 0) return lo.get_d();
    for (int i = 0; i < 80; ++i) {
      check_interrupt();
      mpq_class m = (lo + hi) / 2;
      int sm = sign_at(m);
      if (sm == 0) return m.get_d();
      if (sm == slo) lo = m;
      else hi = m;
    }
  } catch (const MathError&) {
    return NAN;
  }
  return mpq_class((lo + hi) / 2).get_d();
}

std::vector<NumericZero> one_variable(Expr g, Expr g1, Expr var, double bound) {
  // (and one sample past each end: a zero at an end, x = 10 of cos(pi x/10), is a sign change
  // across it, g there being a rounding's size rather than 0; it was missed)
  constexpr int samples = 8000 + 2;
  const double step = 2 * bound / (samples - 2);
  Point p({var});
  std::vector<double> xs(samples + 1), gs(samples + 1), g1s(samples + 1);
  for (int i = 0; i <= samples; ++i) {
    xs[i] = -bound + step * (i - 1);
    p.set({xs[i]});
    gs[i] = p(g);
    g1s[i] = p(g1);
  }
  std::vector<NumericZero> out;
  // A zero where g changes sign is found to double precision when it is simple (|f''| step is
  // comparable to g's size on the samples around it); a touching zero is where f'' changes sign.
  // A multiple zero (|f''| step small beside g's size on the samples around it) is refined again
  // in high precision over the samples' interval [a, b]; a touching one is a zero of f'' with
  // g's sign unchanged, refined likewise.
  auto accept = [&](double r, double scale, bool touching, double a, double b) {
    const double slack = 1e-12 * bound;  // (an end's zero, found to a double's precision)
    if (std::isnan(r) || r < -bound - slack || r > bound + slack) return;
    r = std::clamp(r, -bound, bound);
    p.set({r});
    double gr = p(g), g1r = p(g1);
    if (!std::isfinite(gr) || std::abs(gr) > 1e-9 * std::max(1.0, scale)) return;
    bool simple = !touching && std::isfinite(g1r) && std::abs(g1r) * step >= 0.01 * scale;
    if (!simple && a < b) {
      double refined = precise_bisect(touching ? g1 : g, var, a, b);
      if (!std::isnan(refined)) r = refined, simple = true;
    }
    add_zero(out, {{r}, simple});
  };
  // (A sample where g is 0 counts only between samples where it is not: a run of zeros is g
  // below the doubles' range, 2x sech(x^2)^2 past x = 27, or a flat stretch.)
  auto alone = [&](int i) { return (i == 0 || gs[i - 1] != 0) && (i == samples || gs[i + 1] != 0); };
  for (int i = 0; i < samples; ++i) {
    double a = gs[i], b = gs[i + 1];
    if (a == 0 && alone(i)) accept(xs[i], 1, false, 0, 0);
    if (std::isnan(a) || std::isnan(b) || a == 0 || b == 0) continue;
    if ((a < 0) != (b < 0)) {
      double r = bisect(p, g, xs[i], xs[i + 1], a);
      accept(r, std::max(std::abs(a), std::abs(b)), false, xs[i], xs[i + 1]);
    }
  }
  if (gs[samples] == 0 && alone(samples)) accept(xs[samples], 1, false, 0, 0);
  // Touching zeros: g keeps its sign but f'' changes sign where |g| is smallest.
  for (int i = 1; i < samples; ++i) {
    double a = g1s[i - 1], b = g1s[i + 1];
    if (std::isnan(a) || std::isnan(b) || std::isnan(gs[i]) || (a < 0) == (b < 0) || a == 0) continue;
    if (std::abs(gs[i]) > std::abs(gs[i - 1]) || std::abs(gs[i]) > std::abs(gs[i + 1])) continue;
    double r = bisect(p, g1, xs[i - 1], xs[i + 1], a);
    accept(r, std::max(std::abs(gs[i - 1]), std::abs(gs[i + 1])), true, xs[i - 1], xs[i + 1]);
  }
  std::sort(out.begin(), out.end(), [](const NumericZero& x, const NumericZero& y) { return x.x[0] < y.x[0]; });
  return out;
}

// Whether the gradient and Hessian are small enough (their distinct nodes) for 13 starts a side in
// space, where 9 missed isolated minima of periodic functions between those they found:
// sin(x)^2 + cos(y)^2 + (z - 1)^2 has 169 critical points in the box, of which 101 were listed,
// not (0, pi/2, 1). (The search's budget counts nodes evaluated: a large gradient keeps 9.)
bool small_enough_for_a_finer_grid(const std::vector<Expr>& grad, const std::vector<std::vector<Expr>>& hess) {
  constexpr std::size_t largest = 400;
  std::vector<Expr> entries = grad;
  for (const auto& row : hess) entries.insert(entries.end(), row.begin(), row.end());
  return distinct_nodes(entries, largest) <= largest;
}

std::vector<NumericZero> several_variables(const std::vector<Expr>& grad, const std::vector<std::vector<Expr>>& hess,
                                           const std::vector<Expr>& vars, double bound) {
  std::size_t n = vars.size();
  Point p(vars);
  auto gradient_at = [&](const std::vector<double>& x) {
    p.set(x);
    std::vector<double> g;
    for (Expr e : grad) g.push_back(p(e));
    return g;
  };
  auto hessian_at = [&](const std::vector<double>& x) {
    p.set(x);
    std::vector<std::vector<double>> h(n, std::vector<double>(n));
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t c = r; c < n; ++c) h[r][c] = h[c][r] = p(hess[r][c]);
    return h;
  };
  auto finite = [](const std::vector<double>& v) { return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); }); };
  int per_side = n == 2 ? 21 : n == 3 ? (small_enough_for_a_finer_grid(grad, hess) ? 13 : 9) : 5;
  std::size_t starts = 1;
  for (std::size_t k = 0; k < n; ++k) starts *= static_cast<std::size_t>(per_side);
  std::vector<NumericZero> out;
  for (std::size_t s = 0; s < starts; ++s) {
    check_interrupt();
    std::vector<double> x(n);
    std::size_t code = s;
    for (std::size_t k = 0; k < n; ++k) {
      x[k] = -bound + 2 * bound * static_cast<double>(code % static_cast<std::size_t>(per_side)) / (per_side - 1);
      code /= static_cast<std::size_t>(per_side);
    }
    std::vector<double> g = gradient_at(x);
    if (!finite(g)) continue;
    double mu = 1e-3;
    bool converged = false;
    for (int it = 0; it < 80 && !converged; ++it) {
      std::vector<std::vector<double>> h = hessian_at(x);
      if (!finite(std::vector<double>{norm2(g)})) break;
      bool moved = false;
      for (int tries = 0; tries < 12 && !moved; ++tries) {
        std::vector<double> d;
        bool ok = true;
        for (auto& row : h) ok = ok && finite(row);
        if (!ok || !damped_step(h, g, mu * (1 + norm2(g)), d)) break;
        std::vector<double> y(n);
        for (std::size_t k = 0; k < n; ++k) y[k] = x[k] + d[k];
        std::vector<double> gy = gradient_at(y);
        if (finite(gy) && norm2(gy) < norm2(g)) {
          double step = std::sqrt(norm2(d));
          x = std::move(y);
          g = std::move(gy);
          mu = std::max(mu / 10, 1e-12);
          moved = true;
          if (step <= 1e-14 * std::max(1.0, std::sqrt(norm2(x))) || norm2(g) == 0) converged = true;
        } else {
          mu *= 10;
        }
      }
      if (!moved) converged = norm2(g) < 1e-24;
      bool inside = true;
      for (double v : x) inside = inside && std::abs(v) <= 2 * bound;
      if (!inside || !moved) break;
    }
    bool inside = true;
    for (double v : x) inside = inside && std::abs(v) <= bound;
    if (!inside) continue;
    std::vector<std::vector<double>> h = hessian_at(x);
    double hmax = 1;
    for (auto& row : h)
      for (double v : row) hmax = std::max(hmax, std::abs(v));
    g = gradient_at(x);
    if (!finite(g) || std::sqrt(norm2(g)) > 1e-9 * hmax * std::max(1.0, std::sqrt(norm2(x)))) continue;
    // Well conditioned: H far from singular there.
    std::vector<double> ev = symmetric_eigenvalues(h);
    double largest = 0, smallest = INFINITY;
    for (double v : ev) largest = std::max(largest, std::abs(v)), smallest = std::min(smallest, std::abs(v));
    bool simple = smallest > 1e-6 * std::max(1.0, largest);
    add_zero(out, {x, simple});
  }
  std::sort(out.begin(), out.end(), [](const NumericZero& a, const NumericZero& b) { return a.x < b.x; });
  return out;
}

}  // namespace

std::vector<double> symmetric_eigenvalues(std::vector<std::vector<double>> a) {
  std::vector<std::vector<double>> ignored;
  std::vector<double> ev = symmetric_eigen(std::move(a), ignored);
  std::sort(ev.begin(), ev.end());
  return ev;
}

std::vector<double> symmetric_eigen(std::vector<std::vector<double>> a, std::vector<std::vector<double>>& vectors) {
  // Cyclic Jacobi rotations until the off-diagonal part is negligible; their product, column by
  // column, holds the eigenvectors.
  std::size_t n = a.size();
  std::vector<std::vector<double>> v(n, std::vector<double>(n, 0));
  for (std::size_t k = 0; k < n; ++k) v[k][k] = 1;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0, all = 0;
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t c = 0; c < n; ++c) {
        all += a[r][c] * a[r][c];
        if (r != c) off += a[r][c] * a[r][c];
      }
    if (off <= 1e-30 * all || off == 0) break;
    for (std::size_t p = 0; p < n; ++p)
      for (std::size_t q = p + 1; q < n; ++q) {
        if (a[p][q] == 0) continue;
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = (theta >= 0 ? 1 : -1) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (std::size_t k = 0; k < n; ++k) {  // columns p, q
          double akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (std::size_t k = 0; k < n; ++k) {  // rows p, q
          double apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (std::size_t k = 0; k < n; ++k) {  // the eigenvectors' columns p, q
          double vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  std::vector<double> ev;
  vectors.assign(n, std::vector<double>(n));
  for (std::size_t k = 0; k < n; ++k) {
    ev.push_back(a[k][k]);
    for (std::size_t i = 0; i < n; ++i) vectors[k][i] = v[i][k];
  }
  return ev;
}

std::vector<NumericZero> numeric_gradient_zeros(Expr f, std::vector<Expr> grad, std::vector<std::vector<Expr>> hessian,
                                                const std::vector<Expr>& vars, double bound) {
  // (the precise values read decimals as written, once for all: see precise_value_at; the doubles'
  // search reads those numbers as the doubles they were)
  f = decimals_as_written(f);
  for (Expr& g : grad) g = decimals_as_written(g);
  for (auto& row : hessian)
    for (Expr& e : row) e = decimals_as_written(e);
  std::vector<NumericZero> candidates = vars.size() == 1 ? one_variable(grad[0], hessian[0][0], vars[0], bound)
                                                         : several_variables(grad, hessian, vars, bound);
  std::vector<NumericZero> zeros = confirmed_zeros(candidates, f, grad, hessian, vars, bound);
  std::sort(zeros.begin(), zeros.end(), [](const NumericZero& a, const NumericZero& b) { return a.x < b.x; });
  return zeros;
}

}  // namespace ddx::calc
