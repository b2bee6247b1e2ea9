// SPDX-License-Identifier: GPL-3.0-or-later
// Rendering of results (see result.hpp).
#include "print/result.hpp"

#include "print/chain_render.hpp"
#include "print/critical_render.hpp"
#include "print/plot.hpp"
#include "print/steps_render.hpp"
#include "print/trace_render.hpp"

namespace ddx::print {
namespace {

// Vectors and matrices: `[a, b]`, `[[a, b], [c, d]]` in text (re-parseable); pmatrix in LaTeX.
std::string render_list(const eval::Value& v, Format f) {
  if (f != Format::Latex) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? ", " : "") + render(v.items[i], f);
    return s + "]";
  }
  auto row = [&](const eval::Value& r) {
    if (r.kind != eval::Value::Kind::List) return render(r, f);
    std::string s;
    for (std::size_t i = 0; i < r.items.size(); ++i) s += (i ? " & " : "") + render(r.items[i], f);
    return s;
  };
  bool matrix = !v.items.empty() && v.items[0].kind == eval::Value::Kind::List;
  std::string s = "\\begin{pmatrix} ";
  if (matrix) {
    for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? " \\\\ " : "") + row(v.items[i]);
  } else {
    s += row(v);
  }
  return s + " \\end{pmatrix}";
}

std::string with_note(std::string s, const std::string& note, Format f) {
  // Code is pasted into other systems as it is: one expression and nothing else.
  if (note.empty() || f == Format::Code) return s;
  if (f == Format::Latex) return s + " \\quad \\text{(" + note + ")}";
  return s + "  # " + note;  // a comment: the answer still reads back as the same value
}

// dz = (6x^2 + 4y) dx + (4x + 10y) dy
std::string total(const eval::TotalDifferential& t, Expr sum, Format fmt) {
  if (fmt == Format::Code) return to_string(sum, fmt);  // one pasteable expression
  bool latex = fmt == Format::Latex;
  auto differential = [&](const std::string& v) {
    return latex ? "\\mathrm{d}" + symbol_name(v, fmt) : "d" + symbol_name(v, fmt);
  };
  std::string s = differential(t.name) + " = ";
  if (t.terms.empty()) return s + "0";
  for (std::size_t i = 0; i < t.terms.size(); ++i) {
    Expr c = t.terms[i].first;
    bool negative = has_negative_sign(c);
    if (negative) c = -c;
    s += i == 0 ? (negative ? "-" : "") : (negative ? " - " : " + ");
    std::string text = to_string(c, fmt);
    std::string times = latex ? " \\, " : " ";
    if (c.is_one())
      text.clear(), times.clear();
    else if (c.is(Kind::Add))
      text = latex ? "\\left(" + text + "\\right)" : "(" + text + ")";
    s += text + times + differential(t.terms[i].second);
  }
  return s;
}

std::string steps(const eval::StepsShown& shown, Expr answer, Format f) {
  if (f == Format::Code) return to_string(answer, f);  // one pasteable expression
  std::string s;
  for (const calc::Steps& part : shown.parts) {
    if (!s.empty()) s += f == Format::Latex ? " \\\\ " : "\n";
    s += render_steps(part, f);
    while (!s.empty() && s.back() == '\n') s.pop_back();
  }
  // Several parts (diff(E, x, y)) stack in one outer aligned block, so the LaTeX stays one piece of math.
  if (f == Format::Latex && shown.parts.size() > 1) s = "\\begin{aligned} " + s + " \\end{aligned}";
  return s;
}

// c (S) for a number c and a sum S, as `factor` shows it: 2 (x + 1), -(x - 1), (x + 1)/2.
std::string coefficient_times_sum(const Number& c, Expr sum, Format f) {
  bool latex = f == Format::Latex, code = f == Format::Code;
  std::string minus = c.is_negative() ? (f == Format::Unicode ? "−" : "-") : "";
  Number p = c.is_negative() ? -c.numerator() : c.numerator(), q = c.denominator();
  std::string s = latex ? "\\left(" + to_string(sum, f) + "\\right)" : "(" + to_string(sum, f) + ")";
  if (!p.is_one()) s = p.to_string() + (code ? "*" : " ") + s;
  if (q.is_one()) return minus + s;
  return minus + (latex ? "\\frac{" + s + "}{" + q.to_string() + "}" : s + "/" + q.to_string());
}

std::string decimal(const std::string& text, Format f) {
  auto e = text.find('e');
  if (f != Format::Latex || e == std::string::npos) return text;
  return text.substr(0, e) + " \\cdot 10^{" + text.substr(e + 1) + "}";
}

std::string table(const eval::ValueTable& t, Format f) {
  std::vector<Curve> curves;
  for (const eval::Curve& c : t.curves) curves.push_back(curve_of(c.expr, c.var, c.label));
  bool csv = f == Format::Code || f == Format::Latex;
  std::string s = table_text(curves, t.var, t.from, t.to, t.step, csv ? TableFormat::Csv : TableFormat::Text);
  while (!s.empty() && s.back() == '\n') s.pop_back();
  if (f != Format::Latex) return s;
  // LaTeX: the CSV rows as an array; the headers are ddx text, which reads as math.
  std::string out = "\\begin{array}{" + std::string(curves.size() + 1, 'r') + "} ";
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
}

// What the shape shows, before any note.
struct ShapeRenderer {
  const eval::Result& r;
  Format f;
  std::string operator()(std::monostate) const { return render(r.value, f); }
  std::string operator()(const eval::Derivation& d) const {
    if (f == Format::Code) return to_string(r.value.scalar, f);  // one pasteable expression
    return render_chain(d.chain, f);
  }
  std::string operator()(const eval::StepsShown& s) const { return steps(s, r.value.scalar, f); }
  std::string operator()(const eval::TotalDifferential& t) const { return total(t, r.value.scalar, f); }
  std::string operator()(const eval::TangentLine&) const {
    return (f == Format::Code ? "" : "y = ") + to_string(r.value.scalar, f);  // code: the expression alone
  }
  std::string operator()(const eval::Decimal& d) const { return decimal(d.digits, f); }
  std::string operator()(const eval::FactoredSum& s) const { return coefficient_times_sum(s.coefficient, s.sum, f); }
  std::string operator()(const eval::NamedDerivative& n) const {
    if (f == Format::Code) return to_string(r.value.scalar, f);  // one pasteable expression
    return leibniz(n.name, n.vars, static_cast<int>(n.vars.size()), n.partial, f) + " = " + to_string(r.value.scalar, f);
  }
  std::string operator()(const eval::ValueTable& t) const { return table(t, f); }
  std::string operator()(const eval::PlotRequest&) const { return {}; }
  std::string operator()(const eval::BackpropTrace& b) const {
    if (f == Format::Code) return render(r.value, f);  // the gradient: one pasteable expression
    return render_trace(b.trace, f);
  }
  std::string operator()(const eval::CriticalPoints& c) const { return render_critical(c, r.value, f); }
};

}  // namespace

std::string render(const eval::Value& v, Format f) {
  switch (v.kind) {
    case eval::Value::Kind::Scalar: return to_string(v.scalar, f);
    case eval::Value::Kind::Truth: {
      std::string word = v.truth ? "true" : "false";
      return f == Format::Latex ? "\\text{" + word + "}" : word;
    }
    case eval::Value::Kind::List: return render_list(v, f);
  }
  return {};
}

std::string render(const eval::Result& r, Format f) {
  return with_note(std::visit(ShapeRenderer{r, f}, r.shape), r.note, f);
}

}  // namespace ddx::print
