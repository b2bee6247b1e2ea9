// SPDX-License-Identifier: GPL-3.0-or-later
// Standalone SVG plots (`:plot-to FILE.svg`): the same curves, range and ticks as the terminal
// plot, drawn as one polyline per defined stretch of each curve. Written by hand: no dependency.
#pragma once

#include <string>
#include <vector>

#include "print/plot.hpp"

namespace ddx::print {

// A complete SVG 1.1 document (XML declaration, <svg> with width/height/viewBox), 640×400 by
// default (taller when the legend goes below): frame, ticks and labels, the axes named (x_label
// below, the curve's label or y beside), zero axes, curves clipped to the frame, a legend in the
// corner of the frame where it covers no curve (below the frame when every corner would), and the
// title on top. Labels and title are XML-escaped. Throws std::invalid_argument unless x0 < x1.
std::string plot_svg(const std::vector<Curve>& curves, double x0, double x1, const std::string& title,
                     const std::string& x_label = "x", int width = 640, int height = 400);

// Where the legend box went (for tests): its rectangle, and whether it is inside the frame.
struct LegendBox {
  double x = 0, y = 0, width = 0, height = 0;
  bool inside = true;
};
LegendBox legend_box_of(const std::string& svg);

// Escapes & < > " ' for XML text and attribute values.
std::string xml_escape(const std::string& s);

}  // namespace ddx::print
