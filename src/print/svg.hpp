// SPDX-License-Identifier: GPL-3.0-or-later
// Standalone SVG plots (`:plot-to FILE.svg`): the same curves, range and ticks as the terminal
// plot, drawn as one polyline per defined stretch of each curve. Written by hand: no dependency.
#pragma once

#include <string>
#include <vector>

#include "print/plot.hpp"

namespace ddx::print {

// A complete SVG 1.1 document (XML declaration, <svg> with width/height/viewBox), 640×400 by
// default: frame, ticks and labels, zero axes, curves clipped to the frame, a legend, and the
// title on top. Labels and title are XML-escaped. Throws std::invalid_argument unless x0 < x1.
std::string plot_svg(const std::vector<Curve>& curves, double x0, double x1, const std::string& title,
                     int width = 640, int height = 400);

// Escapes & < > " ' for XML text and attribute values.
std::string xml_escape(const std::string& s);

}  // namespace ddx::print
