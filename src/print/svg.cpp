// SPDX-License-Identifier: GPL-3.0-or-later
// The SVG plotter: a hand-written SVG 1.1 document (frame, ticks, zero axes, one polyline per
// defined stretch of each curve, legend, title). Same sampling and scales as the terminal plot.
#include "print/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "print/plot_scale.hpp"

namespace ddx::print {
namespace {

using namespace plot_detail;

constexpr const char* palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"};
constexpr const char* dashes[] = {"", "8 4", "2 3", "8 3 2 3"};

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

}  // namespace

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters other than tab and newline are not allowed in XML 1.0 at all.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
        out += c;
    }
  }
  return out;
}

std::string plot_svg(const std::vector<Curve>& curves, double x0, double x1, const std::string& title,
                     const std::string& x_label, int width, int height) {
  if (!(x0 < x1) || !std::isfinite(x0) || !std::isfinite(x1)) throw std::invalid_argument("plot range must have x0 < x1");
  width = std::max(width, 200);
  height = std::max(height, 150);
  const double left = 72, right = 16, top = title.empty() ? 16 : 40, bottom = 56;
  const double pw = width - left - right, ph = height - top - bottom;
  const int n = std::max(200, static_cast<int>(pw) * 2);
  bool beyond_doubles = false;
  auto ys = sample(curves, x0, x1, n, &beyond_doubles);
  Range yr = y_range(ys);
  auto X = [&](double x) { return left + (x - x0) / (x1 - x0) * pw; };
  auto Y = [&](double y) { return top + (yr.hi - y) / (yr.hi - yr.lo) * ph; };

  // The legend's size, then its place: the first corner of the frame where it covers no point of
  // any curve; else below the frame, the document growing to hold it.
  std::size_t longest = 0;
  for (const Curve& c : curves) longest = std::max(longest, c.label.size());
  const double box_w = 40 + 7.0 * static_cast<double>(std::min<std::size_t>(longest, 60));
  const double box_h = 18.0 * static_cast<double>(curves.size()) + 6;
  auto covers_curve = [&](double bx, double by) {
    for (std::size_t c = 0; c < curves.size(); ++c)
      for (int i = 0; i < n; ++i) {
        double y = ys[c][static_cast<std::size_t>(i)];
        if (std::isnan(y)) continue;
        double px = X(sample_x(x0, x1, n, i)), py = Y(y);
        if (px >= bx - 4 && px <= bx + box_w + 4 && py >= by - 4 && py <= by + box_h + 4) return true;
      }
    return false;
  };
  LegendBox legend{0, 0, box_w, box_h, false};
  const double corners[4][2] = {{left + pw - box_w - 8, top + 8}, {left + 8, top + 8},
                                {left + pw - box_w - 8, top + ph - box_h - 8}, {left + 8, top + ph - box_h - 8}};
  bool fits = box_w + 16 < pw && box_h + 16 < ph;
  for (const auto& corner : corners)
    if (fits && !covers_curve(corner[0], corner[1])) {
      legend = {corner[0], corner[1], box_w, box_h, true};
      break;
    }
  if (!legend.inside && !curves.empty()) {
    legend.x = left;
    legend.y = height + 4;
    height += static_cast<int>(box_h + 12);
  }

  std::string o;
  o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  o += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + std::to_string(width) + "\" height=\"" +
       std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
       "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  o += "<title>" + xml_escape(title.empty() ? "ddx plot" : title) + "</title>\n";
  o += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  o += "<defs><clipPath id=\"frame\"><rect x=\"" + fmt(left) + "\" y=\"" + fmt(top) + "\" width=\"" + fmt(pw) +
       "\" height=\"" + fmt(ph) + "\"/></clipPath></defs>\n";
  if (!title.empty())
    o += "<text x=\"" + fmt(width / 2.0) + "\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">" + xml_escape(title) + "</text>\n";

  // Grid, ticks and labels.
  o += "<g stroke=\"#e5e5e5\" stroke-width=\"1\">\n";
  std::vector<double> xt = nice_ticks(x0, x1, 9), yt = nice_ticks(yr.lo, yr.hi, 7);
  for (double v : xt) o += "<line x1=\"" + fmt(X(v)) + "\" y1=\"" + fmt(top) + "\" x2=\"" + fmt(X(v)) + "\" y2=\"" + fmt(top + ph) + "\"/>\n";
  for (double v : yt) o += "<line x1=\"" + fmt(left) + "\" y1=\"" + fmt(Y(v)) + "\" x2=\"" + fmt(left + pw) + "\" y2=\"" + fmt(Y(v)) + "\"/>\n";
  o += "</g>\n<g stroke=\"#888888\" stroke-width=\"1\">\n";
  if (yr.lo < 0 && yr.hi > 0) o += "<line x1=\"" + fmt(left) + "\" y1=\"" + fmt(Y(0)) + "\" x2=\"" + fmt(left + pw) + "\" y2=\"" + fmt(Y(0)) + "\"/>\n";
  if (x0 < 0 && x1 > 0) o += "<line x1=\"" + fmt(X(0)) + "\" y1=\"" + fmt(top) + "\" x2=\"" + fmt(X(0)) + "\" y2=\"" + fmt(top + ph) + "\"/>\n";
  o += "</g>\n";
  o += "<rect x=\"" + fmt(left) + "\" y=\"" + fmt(top) + "\" width=\"" + fmt(pw) + "\" height=\"" + fmt(ph) +
       "\" fill=\"none\" stroke=\"black\" stroke-width=\"1\"/>\n";
  double xs = xt.size() > 1 ? xt[1] - xt[0] : x1 - x0, ysp = yt.size() > 1 ? yt[1] - yt[0] : yr.hi - yr.lo;
  o += "<g fill=\"black\">\n";
  for (double v : xt)
    o += "<text x=\"" + fmt(X(v)) + "\" y=\"" + fmt(top + ph + 16) + "\" text-anchor=\"middle\">" + xml_escape(tick_label(v, xs)) + "</text>\n";
  for (double v : yt)
    o += "<text x=\"" + fmt(left - 6) + "\" y=\"" + fmt(Y(v) + 4) + "\" text-anchor=\"end\">" + xml_escape(tick_label(v, ysp)) + "</text>\n";
  o += "</g>\n";

  // Curves: a new polyline wherever the function is undefined, or has a pole or a jump between two
  // samples (plot_scale.hpp); far-off points are clamped just outside the frame.
  o += "<g fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" clip-path=\"url(#frame)\">\n";
  for (std::size_t c = 0; c < curves.size(); ++c) {
    std::string dash = dashes[c % 4];
    std::string head = "<polyline stroke=\"" + std::string(palette[c % 6]) + "\"" +
                       (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + " points=\"";
    std::string points;
    int count = 0;
    auto flush = [&] {
      if (count >= 2) o += head + points + "\"/>\n";
      points.clear();
      count = 0;
    };
    for (int i = 0; i < n; ++i) {
      double y = ys[c][static_cast<std::size_t>(i)];
      double prev = i > 0 ? ys[c][static_cast<std::size_t>(i - 1)] : NAN;
      if (std::isnan(y) ||
          (!std::isnan(prev) && !joined(curves[c], sample_x(x0, x1, n, i - 1), prev, sample_x(x0, x1, n, i), y, yr.hi - yr.lo)))
        flush();
      if (std::isnan(y)) continue;
      double py = std::clamp(Y(y), top - ph, top + 2 * ph);
      points += (count ? " " : "") + fmt(X(sample_x(x0, x1, n, i))) + "," + fmt(py);
      ++count;
    }
    flush();
  }
  o += "</g>\n";

  // The axes' names: the variable under the x labels, the curve (or y) beside the y labels.
  std::string y_label = curves.size() == 1 ? curves[0].label : "y";
  o += "<text x=\"" + fmt(left + pw / 2) + "\" y=\"" + fmt(top + ph + 38) + "\" text-anchor=\"middle\" font-style=\"italic\">" +
       xml_escape(x_label) + "</text>\n";
  o += "<text transform=\"translate(16," + fmt(top + ph / 2) + ") rotate(-90)\" text-anchor=\"middle\" font-style=\"italic\">" +
       xml_escape(y_label) + "</text>\n";

  if (!curves.empty())
    o += "<rect class=\"legend\" x=\"" + fmt(legend.x) + "\" y=\"" + fmt(legend.y) + "\" width=\"" + fmt(legend.width) +
         "\" height=\"" + fmt(legend.height) + "\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#cccccc\"/>\n";
  for (std::size_t c = 0; c < curves.size(); ++c) {
    double y = legend.y + 16 + 18.0 * static_cast<double>(c);
    std::string dash = dashes[c % 4];
    o += "<line x1=\"" + fmt(legend.x + 6) + "\" y1=\"" + fmt(y - 4) + "\" x2=\"" + fmt(legend.x + 30) + "\" y2=\"" + fmt(y - 4) +
         "\" stroke=\"" + palette[c % 6] + "\" stroke-width=\"2\"" + (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
    o += "<text x=\"" + fmt(legend.x + 36) + "\" y=\"" + fmt(y) + "\">" + xml_escape(curves[c].label) + "</text>\n";
  }
  if (yr.empty)
    o += "<text x=\"" + fmt(left + pw / 2) + "\" y=\"" + fmt(top + ph / 2) + "\" text-anchor=\"middle\">" +
         (beyond_doubles ? "too large to plot on this range: beyond about 1.8e308" : "undefined everywhere on this range") +
         "</text>\n";
  else if (beyond_doubles)  // (exp(x) up to 1000 ended at 709.8 without a word)
    o += "<text x=\"" + fmt(left + pw / 2) + "\" y=\"" + fmt(top + 14) + "\" text-anchor=\"middle\">not drawn where past a double's "
         "range (about 1.8e308)</text>\n";
  o += "</svg>\n";
  return o;
}

LegendBox legend_box_of(const std::string& svg) {
  LegendBox box;
  std::size_t at = svg.find("<rect class=\"legend\"");
  if (at == std::string::npos) return box;
  auto attribute = [&](const char* name) {
    std::size_t p = svg.find(std::string(" ") + name + "=\"", at);
    return p == std::string::npos ? NAN : std::strtod(svg.c_str() + p + std::string(name).size() + 3, nullptr);
  };
  box = {attribute("x"), attribute("y"), attribute("width"), attribute("height"), true};
  std::size_t frame = svg.find("<rect x=\"");  // the frame's clip rectangle, declared first
  double frame_y = std::strtod(svg.c_str() + svg.find("y=\"", frame) + 3, nullptr);
  double frame_h = std::strtod(svg.c_str() + svg.find("height=\"", frame) + 8, nullptr);
  box.inside = box.y + box.height <= frame_y + frame_h;
  return box;
}

}  // namespace ddx::print
