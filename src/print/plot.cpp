// SPDX-License-Identifier: GPL-3.0-or-later
// The terminal plot (a braille canvas with axes, ticks and legend), value tables, and curves of
// expressions. Sampling and scales come from plot_scale.hpp so the SVG shows the same picture.
#include "print/plot.hpp"

#include "print/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "calculus/at_point.hpp"
#include "calculus/eval.hpp"
#include "calculus/evalf.hpp"
#include "core/corner_sign.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "print/code_points.hpp"
#include "print/plot_scale.hpp"

namespace ddx::print {
namespace {

using namespace plot_detail;

// Line styles for monochrome plots, over the running count of dots drawn along a curve.
bool style_on(int style, int k) {
  switch (style % 4) {
    case 0: return true;                             // solid
    case 1: return k % 6 < 4;                        // dashed
    case 2: return k % 3 == 0;                       // dotted
    default: return k % 10 < 5 || k % 10 == 7;       // dash-dot
  }
}

constexpr const char* ansi[] = {"\x1b[34m", "\x1b[31m", "\x1b[32m", "\x1b[35m", "\x1b[33m", "\x1b[36m"};
constexpr const char* ansi_reset = "\x1b[0m";

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

// Dot (px, py) of a braille cell: columns 0-1, rows 0-3 (U+2800 bit layout).
constexpr unsigned char dot_bit[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

class Canvas {
 public:
  Canvas(int cols, int rows) : cols_(cols), rows_(rows), bits_(cols * rows, 0), owner_(cols * rows, -1) {}
  int width() const { return cols_ * 2; }
  int height() const { return rows_ * 4; }

  void set(int px, int py, int curve) {
    if (px < 0 || py < 0 || px >= width() || py >= height()) return;
    int cell = (py / 4) * cols_ + px / 2;
    bits_[cell] |= dot_bit[py % 4][px % 2];
    if (curve >= 0) owner_[cell] = curve;
  }

  // A straight run of dots from (ax, ay) to (bx, by), each dot counted for the line style.
  void line(int ax, int ay, int bx, int by, int curve, int style, int& count) {
    int dx = std::abs(bx - ax), dy = -std::abs(by - ay);
    int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1, err = dx + dy;
    for (;;) {
      if (style_on(style, count++)) set(ax, ay, curve);
      if (ax == bx && ay == by) break;
      int e2 = 2 * err;
      if (e2 >= dy) err += dy, ax += sx;
      if (e2 <= dx) err += dx, ay += sy;
    }
  }

  std::string row(int r, bool color) const {
    std::string out;
    int open = -1;
    for (int c = 0; c < cols_; ++c) {
      int cell = r * cols_ + c;
      int want = color ? owner_[cell] : -1;
      if (want != open) {
        if (open >= 0) out += ansi_reset;
        if (want >= 0) out += ansi[want % 6];
        open = want;
      }
      out += utf8(0x2800 + bits_[cell]);
    }
    if (open >= 0) out += ansi_reset;
    return out;
  }

 private:
  int cols_, rows_;
  std::vector<unsigned char> bits_;
  std::vector<int> owner_;
};

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v == 0 ? 0.0 : v);  // no -0
  return buf;
}


std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

namespace {

// A requirement taken beside the point (core/corner_sign.hpp: a corner's, or values on both sides
// of an edge of the domain): it holds a step that is no name, and decides only at the point
// itself, never at a sampled x of a plot (an edge or a corner is a single point).
bool taken_beside(Expr part) {
  for (Expr s : free_symbols(part))
    if (is_beside_step(s)) return true;
  return false;
}

}  // namespace

Curve curve_of(Expr e, Expr var, std::string label, std::vector<Expr> lost) {
  std::erase_if(lost, taken_beside);
  for (Expr s : free_symbols(e))
    if (s != var) throw MathError("cannot plot: " + s.name() + " has no value (give it one, or plot against it)");
  std::string name = var.name();
  bool corners = has_corner_sign(e);
  return {std::move(label), [e, var, name, corners, lost = std::move(lost)](double x) {
            try {
              for (Expr part : lost)
                if (!std::isfinite(calc::evaluate(part, {{name, x}}))) return static_cast<double>(NAN);
              double v = calc::evaluate(e, {{name, x}});
              // A derivative's formula where a corner's slope would be: the value it has there
              // whatever that slope (calc::value_at: d/dx x abs(x) is 0 at 0; d/dx abs(x) has none).
              if (std::isnan(v) && corners) v = calc::evaluate(calc::value_at(e, {{var, num(Number::from_double(x))}}), {});
              return v;
            } catch (const MathError&) {
              return static_cast<double>(NAN);
            } catch (const calc::NoDerivative&) {
              return static_cast<double>(NAN);
            }
          },
          {}};
}

namespace {

// A table prints 15 significant digits (number()), and works a cell's digits out to at most 1000
// before it marks a value it cannot tell from 0 as ~0 (a refusal would work to 19,700 digits, and
// a table of sin(x)^2 + cos(x)^2 - 1 took 13 s for 101 rows).
constexpr int cell_digits = 15;
constexpr int cell_most_digits = 1000;

// A constant's 15 certain digits as number() prints them: a decimal of 15 digits survives the trip
// through the double nearest it (sqrt(2) is 1.4142135623731, where the double of its 17 digits
// printed 1.41421356237309). calc::Uncertain where ddx cannot tell them.
std::string certain_cell(Expr v) {
  if (v.is_number() && v.number().is_zero()) return "0";
  // (A fraction too: the double nearest 1/109, printed to 15 digits, ends in 551, where 1/109's
  // own 15 digits end in 55.) A decimal is the double it is.
  bool a_double = v.is_number() && v.number().is_float();
  std::string digits = a_double ? std::string() : calc::evalf_certain(v, cell_digits, cell_most_digits);
  double d = a_double ? v.number().to_double() : std::strtod(digits.c_str(), nullptr);
  if (std::isnormal(d)) return number(d);
  // Past a double's range (e^1000, 10^-600: they printed inf, 0 or undefined), the digits as they
  // are, their exponent written as number() writes one (1e+600).
  if (digits.empty()) digits = calc::evalf_certain(v, cell_digits);
  std::size_t e = digits.find('e');
  if (e == std::string::npos) return digits;
  std::string mantissa = digits.substr(0, e), exponent = digits.substr(e + 1);
  if (mantissa.ends_with(".0")) mantissa.resize(mantissa.size() - 2);
  bool negative = exponent.starts_with('-');
  if (negative) exponent.erase(0, 1);
  return mantissa + (negative ? "e-" : "e+") + (exponent.size() < 2 ? "0" : "") + exponent;
}

// A row's x: its certain digits, as many as tell it from the next row (10^16 .. 10^16 + 1 step 1/4
// needs 19), and at least 15; the doubles' digits where ddx cannot tell them.
std::string x_cell(Expr x, int digits) {
  try {
    if (digits <= cell_digits) return certain_cell(x);
    std::string long_x = calc::evalf_certain(x, digits, cell_most_digits);
    if (long_x.ends_with(".0")) long_x.resize(long_x.size() - 2);  // (1, as number() prints it)
    return long_x;
  } catch (const calc::Uncertain&) {
    return number(calc::evaluate(x, {}));
  }
}

// The digits a grid's x need: those of its largest bound's size in steps, and two more (worked
// out exactly: a step of 10^-400 is 0 as a double).
int x_digits(const ExactGrid& grid) {
  try {
    Expr steps = (abs(grid.from) + abs(grid.to)) / grid.step;
    std::string digits = calc::evalf(steps, 5);
    std::size_t e = digits.find('e');
    long exponent = e != std::string::npos ? std::strtol(digits.c_str() + e + 1, nullptr, 10)
                                           : static_cast<long>(digits.find('.')) - 1;
    return static_cast<int>(std::clamp<long>(exponent + 3, cell_digits, 100000));
  } catch (const MathError&) {
    return cell_digits;
  }
}

}  // namespace

Curve exact_curve_of(Expr e, Expr var, std::string label, std::vector<Expr> lost) {
  Curve c = curve_of(e, var, std::move(label), lost);
  c.at_exact = [e, var, lost = std::move(lost)](Expr x) -> std::string {
    try {
      const calc::Point point{{var, x}};
      for (Expr part : lost)  // (throws where it has no value)
        if (!taken_beside(part)) (void)calc::value_at(part, point);
        else if (!has_value_there(part, point)) return std::string();
      Expr value = calc::value_at(e, point);
      try {
        return certain_cell(value);
      } catch (const calc::Uncertain& u) {
        if (u.near_zero) return "~0";
        // (the doubles' value is no evidence that there is one: atanh(acos(cos(x))) at x = 1,
        // exactly atanh(1), was ~18.7149738751185, atanh of the double below 1)
        if (u.existence_undecided) return std::string(undecided_cell);
        double v = calc::evaluate(value, {});
        return std::isfinite(v) ? "~" + number(v) : "";
      }
    } catch (const PastApproximation&) {
      return std::string(too_large_cell);
    } catch (const MathError&) {
      return "";
    } catch (const calc::NoDerivative&) {
      return "";
    }
  };
  return c;
}

std::string plot_terminal(const std::vector<Curve>& curves, double x0, double x1, int width, int height, bool color) {
  if (!(x0 < x1) || !std::isfinite(x0) || !std::isfinite(x1)) throw std::invalid_argument("plot range must have x0 < x1");
  if (width < 20 || height < 4) throw std::invalid_argument("plot size must be at least 20x4");
  // The y labels are chosen first (they set the left margin), from the range of a first sampling.
  int rows = height;
  auto coarse = sample(curves, x0, x1, 2 * width);
  Range yr = y_range(coarse);
  std::vector<double> yt = nice_ticks(yr.lo, yr.hi, std::max(2, rows / 3));
  double yspacing = yt.size() > 1 ? yt[1] - yt[0] : yr.hi - yr.lo;
  std::vector<std::string> ylabels;
  std::size_t margin = 1;
  for (double v : yt) {
    ylabels.push_back(tick_label(v, yspacing));
    margin = std::max(margin, ylabels.back().size());
  }
  int cols = width - static_cast<int>(margin) - 2;  // label, space, axis character
  if (cols < 8) throw std::invalid_argument("plot too narrow for its labels");
  Canvas canvas(cols, rows);
  int W = canvas.width(), H = canvas.height();
  auto px_of = [&](double x) { return static_cast<int>(std::lround((x - x0) / (x1 - x0) * (W - 1))); };
  auto py_of = [&](double y) { return (yr.hi - y) / (yr.hi - yr.lo) * (H - 1); };

  // Zero axes, dotted, so they never read as a curve.
  if (yr.lo < 0 && yr.hi > 0) {
    int py = static_cast<int>(std::lround(py_of(0)));
    for (int px = 0; px < W; px += 2) canvas.set(px, py, -1);
  }
  if (x0 < 0 && x1 > 0) {
    int px = px_of(0);
    for (int py = 0; py < H; py += 2) canvas.set(px, py, -1);
  }

  // One sample per dot column; consecutive finite samples are joined unless a pole or a jump lies
  // between them (plot_scale.hpp).
  bool beyond_doubles = false;
  auto ys = sample(curves, x0, x1, W, &beyond_doubles);
  for (std::size_t c = 0; c < curves.size(); ++c) {
    int style = color ? 0 : static_cast<int>(c), count = 0;
    for (int i = 0; i < W; ++i) {
      double y = ys[c][static_cast<std::size_t>(i)];
      if (std::isnan(y)) continue;
      double fy = py_of(y);
      double prev = i > 0 ? ys[c][static_cast<std::size_t>(i - 1)] : NAN;
      bool joined = !std::isnan(prev) && plot_detail::joined(curves[c], sample_x(x0, x1, W, i - 1), prev, sample_x(x0, x1, W, i), y,
                                                             yr.hi - yr.lo);
      // Clamp far-off values so that the drawn segment keeps its direction up to the frame.
      auto clamp = [&](double v) { return static_cast<int>(std::lround(std::clamp(v, -1.0 * H, 2.0 * H))); };
      if (joined)
        canvas.line(i - 1, clamp(py_of(prev)), i, clamp(fy), static_cast<int>(c), style, count);
      else if (fy >= -0.5 && fy <= H - 0.5 && style_on(style, count++))
        canvas.set(i, clamp(fy), static_cast<int>(c));
    }
  }

  // Assemble: y labels at the rows of their ticks, the axis, the canvas.
  std::vector<std::string> left(static_cast<std::size_t>(rows), std::string(margin, ' ') + " │");
  for (std::size_t k = 0; k < yt.size(); ++k) {
    int r = static_cast<int>(std::lround(py_of(yt[k]))) / 4;
    if (r < 0 || r >= rows) continue;
    left[static_cast<std::size_t>(r)] = std::string(margin - ylabels[k].size(), ' ') + ylabels[k] + " ┤";
  }
  std::string out;
  for (int r = 0; r < rows; ++r) out += left[static_cast<std::size_t>(r)] + canvas.row(r, color) + "\n";

  // The x axis with ┬ under each tick, then the labels centred under them where they fit.
  std::vector<double> xt = nice_ticks(x0, x1, std::max(2, cols / 5));
  double xspacing = xt.size() > 1 ? xt[1] - xt[0] : x1 - x0;
  std::string axis(margin + 1, ' ');
  axis += "└";
  std::vector<int> tick_col(static_cast<std::size_t>(cols), 0);
  for (double v : xt) tick_col[static_cast<std::size_t>(std::clamp(px_of(v) / 2, 0, cols - 1))] = 1;
  for (int c = 0; c < cols; ++c) axis += tick_col[static_cast<std::size_t>(c)] ? "┬" : "─";
  out += axis + "\n";
  std::string labels(margin + 2 + static_cast<std::size_t>(cols) + 8, ' ');
  std::size_t next_free = 0;
  for (double v : xt) {
    std::string s = tick_label(v, xspacing);
    long centre = static_cast<long>(margin) + 2 + std::clamp(px_of(v) / 2, 0, cols - 1);
    long start = std::max<long>(0, centre - static_cast<long>(s.size() / 2));
    if (start < static_cast<long>(next_free)) continue;
    labels.replace(static_cast<std::size_t>(start), s.size(), s);
    next_free = static_cast<std::size_t>(start) + s.size() + 1;
  }
  while (!labels.empty() && labels.back() == ' ') labels.pop_back();
  out += labels + "\n";

  // Legend: a sample of each curve's line style (or colour), then its label.
  std::string legend(margin + 2, ' ');
  for (std::size_t c = 0; c < curves.size(); ++c) {
    int style = color ? 0 : static_cast<int>(c);
    std::string sample_line;
    for (int k = 0; k < 8; k += 2)
      sample_line += utf8(0x2800 + (style_on(style, k) ? 0x02 : 0) + (style_on(style, k + 1) ? 0x10 : 0));
    if (color) sample_line = ansi[c % 6] + sample_line + ansi_reset;
    legend += (c ? "   " : "") + sample_line + " " + curves[c].label;
  }
  if (yr.empty)
    legend += (curves.empty() ? "" : "   ") + std::string(beyond_doubles ? "(too large to plot on this range: beyond about 1.8e308)"
                                                                       : "(undefined everywhere on this range)");
  else if (beyond_doubles)  // (exp(x) up to 1000 ended at 709.8 without a word)
    legend += "   (not drawn where past a double's range, about 1.8e308)";
  out += legend + "\n";
  return out;
}

double table_row_count(double x0, double x1, double step) { return std::floor((x1 - x0) / step + 1e-9) + 1; }

double table_row_count(const ExactGrid& grid, double approximate) {
  Expr ratio = (grid.to - grid.from) / grid.step;
  if (ratio.is_number()) return ratio.number().floor().to_double() + 1;
  try {
    // The whole number of steps nearest the ratio, less one where the row it reaches is past the
    // end, which what is left over tells exactly (0 .. pi - 10^-16 step pi has 1 row: the ratio's
    // 30 digits rounded to 1, and a second row at pi, past the end, was printed).
    double nearest = std::round(std::strtod(calc::evalf_certain(ratio, 30).c_str(), nullptr));
    if (!(nearest <= max_table_rows)) return nearest + 1;
    Expr left = grid.to - (grid.from + grid.step * num(static_cast<long long>(nearest)));
    bool past = left.is_number() ? left.number().sign() < 0 : calc::evalf_certain(left, 3)[0] == '-';
    return nearest + (past ? 0 : 1);
  } catch (const calc::Uncertain&) {
    return approximate;
  }
}

std::string table_text(const std::vector<Curve>& curves, const std::string& var, double x0, double x1, double step,
                       TableFormat format, const std::optional<ExactGrid>& grid) {
  bool exact = grid && std::all_of(curves.begin(), curves.end(), [](const Curve& c) { return bool(c.at_exact); });
  // (exact bounds count their rows exactly: 0.99999999999998 .. 1 step 1e-14 has 3, and
  // 10^16 .. 10^16 + 1 step 1/4, whose doubles are one number, 5)
  if (!exact && (!(step > 0) || !std::isfinite(step))) throw std::invalid_argument("table step must be positive");
  if (!exact && (!(x0 <= x1) || !std::isfinite(x0) || !std::isfinite(x1)))
    throw std::invalid_argument("table range must have x0 <= x1");
  double count = exact ? table_row_count(*grid, table_row_count(x0, x1, step)) : table_row_count(x0, x1, step);
  if (!(count <= max_table_rows))
    throw std::invalid_argument("table would have more than " + std::to_string(max_table_rows) + " rows");
  int n = static_cast<int>(count);
  std::vector<std::string> xs;                                // each row's x
  std::vector<std::vector<std::string>> vals(curves.size());  // and the curves' values there; "" where undefined
  int digits = exact ? x_digits(*grid) : cell_digits;
  for (int i = 0; i < n; ++i) {
    if (exact) {
      Expr x = grid->from + grid->step * num(i);
      xs.push_back(x_cell(x, digits));
      for (std::size_t c = 0; c < curves.size(); ++c) vals[c].push_back(curves[c].at_exact(x));
      continue;
    }
    // x = x0 + i step, not a running sum, so that -2 .. 2 step 0.1 ends at 2, not 1.9999999999999.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", x0 + step * i);  // drop the last bits of accumulated rounding
    double x = std::strtod(buf, nullptr);
    xs.push_back(number(x));
    for (std::size_t c = 0; c < curves.size(); ++c) {
      double y = curves[c].f ? curves[c].f(x) : NAN;
      vals[c].push_back(std::isfinite(y) ? number(y) : std::string());
    }
  }
  auto cell = [](const std::string& y, const char* undefined) { return y.empty() ? std::string(undefined) : y; };
  std::string out;
  if (format == TableFormat::Json) {
    out = "[";
    for (std::size_t i = 0; i < xs.size(); ++i) {
      out += i ? ",\n {" : "{";
      out += json_quote(var) + ": " + xs[i];
      for (std::size_t c = 0; c < curves.size(); ++c) {
        const std::string& y = vals[c][i];  // (~0, a value ddx cannot tell from 0, is no JSON number)
        out += ", " + json_quote(curves[c].label) + ": " + (y.starts_with('~') || y == undecided_cell || y == too_large_cell ? json_quote(y) : cell(y, "null"));
      }
      out += "}";
    }
    return out + "]";
  }
  if (format == TableFormat::Csv) {
    out = csv_field(var);
    for (const Curve& c : curves) out += "," + csv_field(c.label);
    out += "\n";
    for (std::size_t i = 0; i < xs.size(); ++i) {
      out += xs[i];
      for (std::size_t c = 0; c < curves.size(); ++c) out += "," + cell(vals[c][i], "");
      out += "\n";
    }
    return out;
  }
  // Text: every column right-aligned to its widest entry, two spaces apart.
  std::vector<std::vector<std::string>> table(xs.size() + 1);
  table[0].push_back(var);
  for (const Curve& c : curves) table[0].push_back(c.label);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    table[i + 1].push_back(xs[i]);
    for (std::size_t c = 0; c < curves.size(); ++c) table[i + 1].push_back(cell(vals[c][i], "undefined"));
  }
  std::vector<std::size_t> w(curves.size() + 1, 0);
  for (auto& row : table)
    for (std::size_t k = 0; k < row.size(); ++k) w[k] = std::max(w[k], code_points(row[k]));
  for (auto& row : table) {
    std::string line;
    for (std::size_t k = 0; k < row.size(); ++k) line += (k ? "  " : "") + std::string(w[k] - code_points(row[k]), ' ') + row[k];
    out += line + "\n";
  }
  return out;
}

}  // namespace ddx::print
