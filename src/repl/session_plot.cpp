// SPDX-License-Identifier: GPL-3.0-or-later
// Where a plot goes (session state): an SVG file after `:plot-to`, the terminal, or nowhere (with
// an error saying how to export) when output is not a terminal.
#include <fstream>

#include "print/plot.hpp"
#include "print/svg.hpp"
#include "repl/session.hpp"

namespace ddx {

Outcome Session::draw(Outcome o) const {
  const eval::PlotRequest& p = std::get<eval::PlotRequest>(o.result.shape);
  std::vector<print::Curve> curves;
  for (const eval::Curve& c : p.curves) curves.push_back(print::curve_of(c.expr, c.var, c.label));
  if (!plot_to_.empty()) {
    std::ofstream out(plot_to_);
    out << print::plot_svg(curves, p.from, p.to, p.title);
    if (!out) {
      o.kind = Outcome::Kind::Error;
      o.message = "cannot write " + plot_to_;
      return o;
    }
    o.kind = Outcome::Kind::Message;
    o.message = "plot written to " + plot_to_;
    return o;
  }
  if (!terminal_) {
    o.kind = Outcome::Kind::Error;
    o.message = "plot draws in a terminal; here, write it to a file first with :plot-to FILE.svg";
    return o;
  }
  std::string s = print::plot_terminal(curves, p.from, p.to, 72, 20, color_);
  while (!s.empty() && s.back() == '\n') s.pop_back();
  o.kind = Outcome::Kind::Message;
  o.message = std::move(s);
  return o;
}

}  // namespace ddx
