// SPDX-License-Identifier: GPL-3.0-or-later
// Sampling, robust y range and tick placement shared by the terminal and SVG plotters.
#include "print/plot_scale.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/errors.hpp"

namespace ddx::print::plot_detail {

double sample_x(double x0, double x1, int n, int i) {
  if (n <= 1) return x0;
  return i == n - 1 ? x1 : x0 + (x1 - x0) * i / (n - 1);  // the last sample exactly at x1
}

std::vector<std::vector<double>> sample(const std::vector<Curve>& curves, double x0, double x1, int n, bool* beyond_doubles) {
  std::vector<std::vector<double>> out;
  if (beyond_doubles) *beyond_doubles = false;
  for (const Curve& c : curves) {
    std::vector<double> ys(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      double y = c.f ? c.f(sample_x(x0, x1, n, i)) : NAN;
      if (beyond_doubles && std::isinf(y)) *beyond_doubles = true;
      ys[static_cast<std::size_t>(i)] = std::isfinite(y) ? y : NAN;
    }
    out.push_back(std::move(ys));
  }
  return out;
}

namespace {

// Whether f is continuous from xa to xb as far as halving tells: the interval is halved towards
// its larger change until the change is a quarter of what it was (a continuous curve's, even
// x^(1/41)'s at 0, shrinks so) or doubles can halve no more (a jump's or a pole's does not).
bool continuous(const Curve& c, double xa, double ya, double xb, double yb, double small) {
  double const change = std::abs(yb - ya);
  if (change <= small) return true;
  for (int halving = 0; halving < 300; ++halving) {
    double const xm = xa + (xb - xa) / 2;
    if (xm <= xa || xm >= xb) break;  // (as near as doubles go)
    double const ym = c.f(xm);
    if (!std::isfinite(ym)) return false;
    if (std::abs(ym - ya) >= std::abs(yb - ym)) xb = xm, yb = ym;
    else xa = xm, ya = ym;
    if (std::abs(yb - ya) < change / 4) return true;
  }
  return false;
}

}  // namespace

bool joined(const Curve& c, double xa, double ya, double xb, double yb, double height) {
  if (!c.f) return true;
  if (std::abs(yb - ya) >= height) return false;  // (beyond the frame on one side at least)
  double const xm = xa + (xb - xa) / 2, ym = c.f(xm);
  if (!std::isfinite(ym)) return false;
  // A pole of even order may leave the two alike (1/x^2): its midpoint is far beyond both.
  if (std::min(std::abs(ym - ya), std::abs(ym - yb)) >= height) return false;
  return continuous(c, xa, ya, xm, ym, height / 50) && continuous(c, xm, ym, xb, yb, height / 50);
}

Range y_range(const std::vector<std::vector<double>>& samples) {
  std::vector<double> ys;
  for (const auto& c : samples)
    for (double y : c)
      if (std::isfinite(y)) ys.push_back(y);
  Range r;
  if (ys.empty()) return r;
  r.empty = false;
  std::sort(ys.begin(), ys.end());
  double lo = ys.front(), hi = ys.back();
  // Near a pole (tan, 1/x) a handful of samples are orders of magnitude beyond the rest; scaling
  // to them would flatten everything else into one row. Clip to the 2nd..98th percentiles then.
  auto at = [&](double q) { return ys[static_cast<std::size_t>(q * static_cast<double>(ys.size() - 1))]; };
  double qlo = at(0.02), qhi = at(0.98);
  if (qhi > qlo && hi - lo > 10 * (qhi - qlo)) {
    double pad = 0.15 * (qhi - qlo);
    lo = std::max(lo, qlo - pad);
    hi = std::min(hi, qhi + pad);
  }
  double pad = hi - lo <= 1e-12 * std::max(1.0, std::abs(hi)) ? std::max(1.0, std::abs(hi) * 0.1) : 0.04 * (hi - lo);
  // (within a double's range, its span too: the plotters divide by it)
  if (!std::isfinite(hi - lo))
    throw LimitError("the values on this range span more than a double can hold (about ±1.8e308): plot a smaller range");
  pad = std::min(pad, (DBL_MAX - (hi - lo)) / 2);
  r.lo = std::max(lo - pad, -DBL_MAX);
  r.hi = std::min(hi + pad, DBL_MAX);
  return r;
}

std::vector<double> nice_ticks(double lo, double hi, int max_count) {
  std::vector<double> ticks;
  if (!(hi > lo) || max_count < 1) return ticks;
  double span = hi - lo;
  double raw = span / std::max(1, max_count - 1);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * mag;
    if (std::floor(hi / step) - std::ceil(lo / step) + 1 <= max_count) break;
  }
  for (double k = std::ceil(lo / step); k * step <= hi + 1e-9 * step; k += 1) {
    double v = k * step;
    ticks.push_back(std::abs(v) < 1e-12 * step ? 0.0 : v);  // no -0
  }
  return ticks;
}

std::string tick_label(double v, double spacing) {
  char buf[64];
  if (v == 0) return "0";
  double a = std::abs(v);
  if (a >= 1e6 || (a < 1e-4)) {
    // As many significant digits as tell one tick from the next, 3 at least, 17 at most.
    int digits = spacing > 0 ? static_cast<int>(std::ceil(std::log10(a / spacing) + 1e-9)) + 1 : 3;
    std::snprintf(buf, sizeof buf, "%.*g", std::clamp(digits, 3, 17), v);
    return buf;
  }
  int decimals = spacing > 0 ? std::max(0, static_cast<int>(std::ceil(-std::log10(spacing) - 1e-9))) : 0;
  std::snprintf(buf, sizeof buf, "%.*f", std::min(decimals, 10), v);
  return buf;
}

}  // namespace ddx::print::plot_detail
