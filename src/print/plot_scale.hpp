// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the plotters (plot.cpp, svg.cpp): sampling, the robust y range, "nice" ticks and
// tick labels, shared so that the terminal and SVG pictures of one plot agree.
#pragma once

#include <string>
#include <vector>

#include "print/plot.hpp"

namespace ddx::print::plot_detail {

// samples[c][i] = curves[c].f(x_i) for n evenly spaced x_i from x0 to x1; ±inf become NaN, and
// set `beyond_doubles` where given: a value past a double's range is too large to plot, not
// undefined (x^2 from 10^300 to 2 * 10^300).
std::vector<std::vector<double>> sample(const std::vector<Curve>& curves, double x0, double x1, int n,
                                        bool* beyond_doubles = nullptr);
double sample_x(double x0, double x1, int n, int i);

// Whether two consecutive samples, (xa, ya) and (xb, yb), finite, are joined by a line. They are
// not where they differ by the whole height, or their midpoint's value is that far beyond both (a
// pole of even order, 1/x^2), nor across a pole or a jump whose change is smaller (1/(x - 1) +
// 100x^2): each half of the interval whose change is more than a 50th of the height is halved
// towards its larger change, again and again; a continuous curve's change shrinks with it, a
// pole's or a jump's does not, and a point without a value is a gap.
bool joined(const Curve& c, double xa, double ya, double xb, double yb, double height);

struct Range {
  double lo = -1, hi = 1;
  bool empty = true;  // no finite value at all
};
// The y range of the finite samples, padded a little; when a few samples dwarf the rest (poles),
// the 2nd..98th percentile range instead. Never empty-width, and never past a double's range
// (e^x up to x = 709.78 padded to inf, and every point of the plot was NaN): LimitError where the
// values' own span is past it.
Range y_range(const std::vector<std::vector<double>>& samples);

// Ticks at 1, 2 or 5 × 10^k inside [lo, hi], at most max_count of them (at least 2 if possible).
std::vector<double> nice_ticks(double lo, double hi, int max_count);
// A tick label with just the digits the tick spacing needs: 0.5, -1, 1e+06 for huge ones, and
// 1000000000000.5 beside 1000000000001 (all were 1e+12).
std::string tick_label(double v, double spacing);

}  // namespace ddx::print::plot_detail
