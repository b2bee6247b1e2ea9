// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the plotters (plot.cpp, svg.cpp): sampling, the robust y range, "nice" ticks and
// tick labels, shared so that the terminal and SVG pictures of one plot agree.
#pragma once

#include <string>
#include <vector>

#include "print/plot.hpp"

namespace ddx::print::plot_detail {

// samples[c][i] = curves[c].f(x_i) for n evenly spaced x_i from x0 to x1; ±inf become NaN.
std::vector<std::vector<double>> sample(const std::vector<Curve>& curves, double x0, double x1, int n);
double sample_x(double x0, double x1, int n, int i);

struct Range {
  double lo = -1, hi = 1;
  bool empty = true;  // no finite value at all
};
// The y range of the finite samples, padded a little; when a few samples dwarf the rest (poles),
// the 2nd..98th percentile range instead. Never empty-width.
Range y_range(const std::vector<std::vector<double>>& samples);

// Ticks at 1, 2 or 5 × 10^k inside [lo, hi], at most max_count of them (at least 2 if possible).
std::vector<double> nice_ticks(double lo, double hi, int max_count);
// A tick label with just the decimals the tick spacing needs: 0.5, -1, 1e+06 for huge ones.
std::string tick_label(double v, double spacing);

}  // namespace ddx::print::plot_detail
