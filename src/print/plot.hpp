// SPDX-License-Identifier: GPL-3.0-or-later
// Plots and tables of real functions of one variable (docs/language.md §7 `plot`, `table`): a Unicode braille
// plot for the terminal, a standalone SVG (svg.hpp), and value tables as text, CSV or JSON.
// Functions are plain callbacks, NaN meaning "undefined here"; curve_of makes one from an Expr.
#pragma once

#include "core/limits.hpp"
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.hpp"
#include "core/number.hpp"

namespace ddx::print {

struct Curve {
  std::string label;                 // legend / column header, e.g. "2x^2 + 2"
  std::function<double(double)> f;  // NaN or ±inf: undefined there (drawn as a gap)
  // A table's cell at an exact x (a constant: 1/3, pi/4): the value's certain digits as the table
  // prints them, "" where it has none, ~0 where ddx cannot tell it from 0, undecided_cell where
  // it cannot tell whether there is one, too_large_cell past its approximations (exact_curve_of).
  std::function<std::string(Expr)> at_exact = {};
};

inline constexpr std::string_view undecided_cell = "undecided";
// A value past what ddx can approximate (about 10^323228496), which exists: exp(1e153).
inline constexpr std::string_view too_large_cell = "too large";

// A table's rows at exact x (from, from + step, ...): what a table of constant bounds takes.
struct ExactGrid {
  Expr from, to, step;
};

// The curve of e as a function of the Symbol var, through calc::evaluate. Throws MathError up
// front when e has another free symbol ("a has no value"); points where evaluation fails
// (outside the domain) are NaN, and so are those where one of `lost` fails (what simplification
// took out of e as written: x/x is 1 but undefined at 0).
Curve curve_of(Expr e, Expr var, std::string label, std::vector<Expr> lost = {});
// The same curve with at_exact too: e at the exact x (the limits of a corner's sign taken as
// calc::value_at takes them), each lost part required to have a value there, the value's digits
// certain (calc::evalf_certain) where it is no number, ~0 where ddx cannot tell it from 0,
// undecided_cell where it cannot tell whether it has a value.
Curve exact_curve_of(Expr e, Expr var, std::string label, std::vector<Expr> lost = {});

// A braille plot (2×4 dots per character) of the curves over [x0, x1]: y tick labels on the left,
// x tick labels below, dotted zero axes when 0 is in range, and a legend line. `width` is the
// whole line width in columns (labels included), `height` the number of canvas rows. y range:
// the finite samples, clipped to robust percentiles when a few huge values (poles) would flatten
// the rest. Without colour each curve has its own line style (solid, dashed, dotted, dash-dot);
// with colour, ANSI colours. Lines end with '\n'. Throws std::invalid_argument unless x0 < x1
// and the size is at least 20×4.
std::string plot_terminal(const std::vector<Curve>& curves, double x0, double x1, int width = 72,
                          int height = 20, bool color = false);

enum class TableFormat { Text, Csv, Json };

// How many rows table_text prints from x0 to x1 (x0 <= x1, step > 0): x0, x0 + step, ... up to
// x1 with rounding slack. The table procedure refuses a table of more than max_table_rows by it.
double table_row_count(double x0, double x1, double step);
// The rows of an exact grid, floor((to - from) / step) + 1: exactly where the quotient is a number,
// by its certain digits where it is another constant (0 .. 1 step 1/pi has 4 rows); `approximate`
// (the doubles' count) where ddx cannot tell its digits.
double table_row_count(const ExactGrid& grid, double approximate);

// Values of the curves at x = x0, x0 + step, ... up to x1 (inclusive, with rounding slack):
// Text: right-aligned columns under a header (`var` then the labels), "undefined" where NaN;
// Csv: a header line and comma-separated values, empty where undefined;
// Json: an array of objects {"x": -2, "2x^2 + 2": 10}, null where undefined.
// Numbers print with up to 15 significant digits. Throws std::invalid_argument for more than
// max_table_rows rows, and without `grid` for step <= 0 or x1 < x0.
// With `grid` (and every curve's at_exact), x is exact: 1/(x - 1/3) is undefined at 1/3, where the
// doubles' x0 + i step, a neighbour of 1/3, gave -3e12, and tan(x) at pi/2, where it gave 2e11;
// x0, x1 and step are then unused but for a count of rows where ddx cannot tell the exact one.
std::string table_text(const std::vector<Curve>& curves, const std::string& var, double x0, double x1,
                       double step, TableFormat format, const std::optional<ExactGrid>& grid = std::nullopt);

}  // namespace ddx::print
