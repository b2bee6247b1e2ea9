// SPDX-License-Identifier: GPL-3.0-or-later
// critical(f) in every format (see critical_render.hpp).
#include "print/critical_render.hpp"

#include <algorithm>
#include <cmath>

#include "print/emit.hpp"
#include "print/result.hpp"

namespace ddx::print {
namespace {

std::string kind_text(calc::CriticalKind k) {
  switch (k) {
    case calc::CriticalKind::Minimum: return "minimum";
    case calc::CriticalKind::Maximum: return "maximum";
    case calc::CriticalKind::Saddle: return "saddle";
    case calc::CriticalKind::Degenerate: return "degenerate (the second-derivative test is inconclusive)";
  }
  return {};
}

// What a point on a set of critical points is (calc::CriticalPoint::isolated), in place of its kind.
constexpr const char* on_a_set_text =
    "one of infinitely many critical points (not isolated: a curve or surface of them passes through it)";

class Lines {
 public:
  explicit Lines(Format f) : f_(f), latex_(f == Format::Latex) {}

  // Words, as the format writes them (LaTeX: \text{...}).
  std::string words(const std::string& s) const { return latex_ ? "\\text{" + s + "}" : s; }
  std::string number(const calc::CriticalNumber& n) const {
    if (!n.approximate) return to_string(n.exact, f_);
    std::string d = n.decimal;
    if (f_ == Format::Unicode && !d.empty() && d[0] == '-') d = "−" + d.substr(1);
    return latex_ ? latex_decimal(d) : d;
  }
  std::string equals(bool approximate) const {
    if (!approximate) return " = ";
    return latex_ ? " \\approx " : f_ == Format::Unicode ? " ≈ " : " ~ ";
  }
  std::string le() const { return latex_ ? " \\le " : f_ == Format::Unicode ? " ≤ " : " <= "; }
  std::string name(Expr v) const { return symbol_name(v.name(), f_); }
  std::string tuple(const std::vector<std::string>& items) const {
    if (items.size() == 1) return items[0];
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + items[i];
    return latex_ ? "\\left(" + s + "\\right)" : "(" + s + ")";
  }
  // -10 <= x <= 10, or -10 <= x, y <= 10
  std::string range(const calc::CriticalPoints& c) const {
    std::string bound = to_string(num(Number(static_cast<long long>(std::llround(c.search_bound)))), f_);
    std::string minus = f_ == Format::Unicode ? "−" : "-";
    std::vector<std::string> names;
    for (Expr v : c.vars) names.push_back(name(v));
    std::string vars;
    for (std::size_t i = 0; i < names.size(); ++i) vars += (i ? ", " : "") + names[i];
    return minus + bound + le() + vars + le() + bound;
  }
  void add(std::string line) { lines_.push_back(std::move(line)); }
  std::string join() const {
    std::string s;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (latex_) s += (i ? " \\\\ &" : "&") + lines_[i];
      else s += (i ? "\n" : "") + lines_[i];
    }
    return latex_ ? "\\begin{aligned} " + s + " \\end{aligned}" : s;
  }

 private:
  Format f_;
  bool latex_;
  std::vector<std::string> lines_;
};

}  // namespace

namespace {

bool listed_whole(const calc::CriticalPoints& c) {
  return c.sets.empty() && !c.period &&
         std::all_of(c.points.begin(), c.points.end(), [](const calc::CriticalPoint& p) { return p.isolated; });
}

}  // namespace

void refuse_list_of_infinitely_many(const calc::CriticalPoints& c, Format f) {
  if (listed_whole(c)) return;
  throw Unprintable("critical: there are infinitely many critical points, and the " + std::string(format_name(f)) +
                    " answer, a list of points, cannot hold them (the text format describes them)");
}

std::string render_critical(const calc::CriticalPoints& c, const eval::Value& points, Format f) {
  // In code, the points, pasteable; where they are not all, the description as text says what they are.
  if (is_code(f)) {
    if (listed_whole(c)) return render(points, f);
    f = Format::Text;
  }
  Lines out(f);
  bool latex = f == Format::Latex;
  auto text_then_math = [&](const std::string& words, const std::string& math) {
    return latex ? out.words(words) + math : words + math;
  };
  std::vector<std::string> names;
  for (Expr v : c.vars) names.push_back(out.name(v));
  // What kind of answer this is, when it is not a complete list.
  if (c.period) {
    std::string period = to_string(*c.period, f);
    out.add(text_then_math("infinitely many critical points (the function is periodic in ", out.name(c.periodic_var)) +
            out.words(", with period ") + period + out.words("); a numeric search with ") + out.range(c) +
            out.words(" finds these:"));
  } else if (c.search_bound > 0) {
    if (c.points.empty())
      out.add(out.words("no critical points found by a numeric search with ") + out.range(c) +
              out.words(" (points outside it, or very close together, can be missed)"));
    else
      out.add(out.words("a numeric search with ") + out.range(c) +
              out.words(" (points outside it, or very close together, can be missed):"));
  }
  for (const calc::CriticalSet& s : c.sets) {
    std::string line;
    if (s.equations.empty()) {
      line = out.words("infinitely many critical points: the gradient is zero everywhere");
    } else {
      line = out.words("infinitely many critical points: on ");
      for (std::size_t i = 0; i < s.equations.size(); ++i)
        line += (i ? out.words(" and ") : "") + to_string(s.equations[i], f) + " = 0";
    }
    if (s.value) line += out.words(", value ") + to_string(*s.value, f);
    out.add(line);
  }
  for (const calc::CriticalPoint& p : c.points) {
    std::vector<std::string> coords;
    for (const calc::CriticalNumber& n : p.coordinates) coords.push_back(out.number(n));
    // (the value carries its own mark: x = 0 with value ~ 0.3 for x^2 + 0.1 + 0.2)
    bool approximate_point = std::any_of(p.coordinates.begin(), p.coordinates.end(),
                                         [](const calc::CriticalNumber& n) { return n.approximate; });
    std::string line = out.tuple(names) + out.equals(approximate_point) + out.tuple(coords);
    std::string mark = !p.value.approximate ? "" : latex ? "\\approx " : f == Format::Unicode ? "≈ " : "~ ";
    line += out.words(": " + (p.isolated ? kind_text(p.kind) : on_a_set_text) + ", value ") + mark + out.number(p.value);
    out.add(line);
  }
  if (c.points.empty() && c.sets.empty() && c.search_bound == 0) out.add(out.words("no critical points"));
  return out.join();
}

}  // namespace ddx::print
