// SPDX-License-Identifier: GPL-3.0-or-later
// Where a plot goes (session state): an SVG file after `:plot-to`, the terminal, or nowhere (with
// an error saying how to export) when output is not a terminal.
#include <filesystem>

#include "print/plot.hpp"
#include "print/svg.hpp"
#include "repl/atomic_write.hpp"
#include "repl/session.hpp"

namespace ddx {
namespace {

// The n-th plot's file: plot.svg, plot-2.svg, plot-3.svg, ...
std::string numbered(const std::string& path, int n) {
  if (n == 1) return path;
  std::filesystem::path p(path);
  std::string name = p.stem().string() + "-" + std::to_string(n) + p.extension().string();
  return (p.parent_path() / name).string();
}

}  // namespace

Outcome Session::draw(Outcome o) {
  const eval::PlotRequest& p = std::get<eval::PlotRequest>(o.result.shape);
  std::vector<print::Curve> curves;
  for (const eval::Curve& c : p.curves) curves.push_back(print::curve_of(c.expr, c.var, c.label, c.lost));
  if (!plot_to_.empty()) {
    std::string path = numbered(plot_to_, plots_written_ + 1);
    if (auto why = write_atomically(path, print::plot_svg(curves, p.from, p.to, p.title, p.curves.empty() ? "x" : p.curves[0].var.name()))) {
      o.kind = Outcome::Kind::Error;
      o.message = *why;
      return o;
    }
    ++plots_written_;
    o.kind = Outcome::Kind::Message;
    o.message = "plot written to " + path;
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
