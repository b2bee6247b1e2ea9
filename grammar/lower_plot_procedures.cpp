// SPDX-License-Identifier: GPL-3.0-or-later
// plot(EXPR, ..., x = a .. b) and table(EXPR, ..., x = a .. b step s): the curves are the
// expressions before the range; the range names the variable (SPEC §7).
#include <cmath>

#include "calculus/eval.hpp"
#include "core/errors.hpp"
#include "grammar/lowering.hpp"

namespace ddx::grammar {
namespace {

struct Range {
  Expr var;
  double from = 0, to = 0, step = 0;
};

double number_of(const Node& n, Lowering& l) {
  Expr e = l.scalar(n);
  double v = NAN;
  try {
    v = calc::evaluate(e, {});
  } catch (const MathError&) {
  }
  if (!std::isfinite(v)) throw LowerError{n.span, "expected a number here"};
  return v;
}

Range range_argument(const Node& call, Lowering& l, const char* usage) {
  if (call.children.size() < 2 || call.children.back().kind != NodeKind::Range)
    throw LowerError{call.span, std::string("usage: ") + usage};
  const Node& r = call.children.back();
  Range range;
  range.var = sym(r.text);
  range.from = number_of(r.children[0], l);
  range.to = number_of(r.children[1], l);
  if (r.children.size() == 3) range.step = number_of(r.children[2], l);
  if (!(range.from < range.to)) throw LowerError{r.span, "the range must go from a smaller to a larger number"};
  return range;
}

std::vector<print::Curve> curves(const Node& call, const Range& range, Lowering& l) {
  std::vector<print::Curve> out;
  for (std::size_t i = 0; i + 1 < call.children.size(); ++i) {
    const Node& c = call.children[i];
    Expr e = l.scalar(c);
    try {
      out.push_back(print::curve_of(e, range.var, print::to_string(e, print::Format::Text)));
    } catch (const MathError& err) {
      throw LowerError{c.span, err.what()};
    }
  }
  return out;
}

}  // namespace

Value plot_procedure(const Node& call, Lowering& l) {
  Range range = range_argument(call, l, "plot(EXPR, ..., x = a .. b)");
  auto request = std::make_shared<PlotRequest>();
  request->curves = curves(call, range, l);
  request->x0 = range.from;
  request->x1 = range.to;
  for (const auto& c : request->curves) request->title += (request->title.empty() ? "" : ", ") + c.label;
  Value v = Value::shown(Expr(), [](print::Format) { return std::string(); });
  v.plot = std::move(request);
  return v;
}

Value table_procedure(const Node& call, Lowering& l) {
  Range range = range_argument(call, l, "table(EXPR, ..., x = a .. b step s)");
  if (range.step <= 0) range.step = (range.to - range.from) / 10;
  if ((range.to - range.from) / range.step > max_table_rows)
    throw LowerError{call.children.back().span, "a table has at most " + std::to_string(max_table_rows) + " rows"};
  std::vector<print::Curve> cs = curves(call, range, l);
  std::string var = range.var.name();
  return Value::shown(Expr(), [cs, var, range](print::Format f) {
    bool csv = f == print::Format::Code || f == print::Format::Latex;
    std::string s = print::table_text(cs, var, range.from, range.to, range.step,
                                      csv ? print::TableFormat::Csv : print::TableFormat::Text);
    while (!s.empty() && s.back() == '\n') s.pop_back();
    if (f != print::Format::Latex) return s;
    // LaTeX: the CSV rows as an array; the headers are ddx text, which reads as math.
    std::string out = "\\begin{array}{" + std::string(cs.size() + 1, 'r') + "} ";
    std::size_t row = 0, start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find('\n', start);
      std::string line = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
      std::string cells;
      std::size_t c = 0;
      while (true) {
        std::size_t comma = line.find(',', c);
        std::string cell = line.substr(c, comma == std::string::npos ? std::string::npos : comma - c);
        cells += (c ? " & " : "") + cell;
        if (comma == std::string::npos) break;
        c = comma + 1;
      }
      out += (row++ ? " \\\\ " : "") + cells;
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return out + " \\end{array}";
  });
}

}  // namespace ddx::grammar
