// SPDX-License-Identifier: GPL-3.0-or-later
// Rendering of results (see result.hpp).
#include "print/result.hpp"

#include "print/matrix_print.hpp"

#include "print/chain_render.hpp"
#include "print/critical_render.hpp"
#include "print/emit.hpp"
#include "print/matrix_print.hpp"
#include "print/plot.hpp"
#include "print/program.hpp"
#include "print/steps_render.hpp"
#include "print/trace_render.hpp"

namespace ddx::print {
namespace {

// Vectors and matrices: `[a, b]`, `[[a, b], [c, d]]` in text (re-parseable); pmatrix in LaTeX;
// each CAS its own way: Matrix([[a, b], [c, d]]) (SymPy), matrix([a, b], [c, d]) (Maxima),
// {{a, b}, {c, d}} (Mathematica).
std::string render_list(const eval::Value& v, Format f) {
  bool matrix = !v.items.empty() && v.items[0].kind == eval::Value::Kind::List;
  if (f != Format::Latex) {
    bool braces = f == Format::Mathematica, maxima_matrix = matrix && f == Format::Maxima;
    std::string s = maxima_matrix ? "matrix(" : braces ? "{" : "[";
    for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? ", " : "") + render(v.items[i], f);
    s += maxima_matrix ? ")" : braces ? "}" : "]";
    return matrix && f == Format::SymPy ? "Matrix(" + s + ")" : s;
  }
  auto row = [&](const eval::Value& r) {
    if (r.kind != eval::Value::Kind::List) return render(r, f);
    std::string s;
    for (std::size_t i = 0; i < r.items.size(); ++i) s += (i ? " & " : "") + render(r.items[i], f);
    return s;
  };
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
  if (note.empty() || is_code(f)) return s;
  if (f == Format::Latex) return s + " \\quad \\text{(" + note + ")}";
  return s + "  # " + note;  // a comment: the answer still reads back as the same value
}

// The conditions an answer holds under, after it: 4x_k   (0 <= k <= 16). Not in code, which is
// one pasteable expression.
std::string with_conditions(std::string s, const std::vector<IndexCondition>& conditions, Format f) {
  if (conditions.empty() || is_code(f)) return s;
  std::string list;
  for (const std::string& c : condition_texts(conditions, f)) list += (list.empty() ? "" : ", ") + c;
  if (f != Format::Latex) return s + "   (" + list + ")";
  // Inside an aligned block, on its last line: the block stays one piece (:export unwraps it).
  const std::string end = " \\end{aligned}";
  bool aligned = s.ends_with(end);
  if (aligned) s.resize(s.size() - end.size());
  return s + " \\quad \\left(" + list + "\\right)" + (aligned ? end : "");
}

// dz = (6x^2 + 4y) dx + (4x + 10y) dy
std::string total(const eval::TotalDifferential& t, Expr sum, Format fmt) {
  if (is_code(fmt)) return to_string(sum, fmt);  // one pasteable expression
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
  if (is_code(f)) return to_string(answer, f);  // one pasteable expression
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
  bool latex = f == Format::Latex, code = is_code(f);
  std::string minus = c.is_negative() ? (f == Format::Unicode ? "−" : "-") : "";
  Number p = c.is_negative() ? -c.numerator() : c.numerator(), q = c.denominator();
  std::string s = latex ? "\\left(" + to_string(sum, f) + "\\right)" : "(" + to_string(sum, f) + ")";
  if (!p.is_one()) s = p.to_string() + (code ? "*" : " ") + s;
  if (q.is_one()) return minus + s;
  return minus + (latex ? "\\frac{" + s + "}{" + q.to_string() + "}" : s + "/" + q.to_string());
}

std::string decimal(const std::string& text, Format f) { return f == Format::Latex ? latex_decimal(text) : text; }

std::string table(const eval::ValueTable& t, Format f) {
  std::vector<Curve> curves;
  for (const eval::Curve& c : t.curves) curves.push_back(exact_curve_of(c.expr, c.var, c.label, c.lost));
  std::optional<ExactGrid> grid;
  if (t.exact_from && t.exact_to && t.exact_step) grid = ExactGrid{*t.exact_from, *t.exact_to, *t.exact_step};
  bool csv = is_code(f) || f == Format::Latex;
  std::string s = table_text(curves, t.var, t.from, t.to, t.step, csv ? TableFormat::Csv : TableFormat::Text, grid);
  while (!s.empty() && s.back() == '\n') s.pop_back();
  if (f != Format::Latex) return s;
  // LaTeX: an array of the CSV rows, under headers in LaTeX (the typed ones are ddx text: x^10/2
  // read x^1 0/2 there, and max(x, 1) broke at its comma); the rows hold only numbers, empty
  // cells (no value) and ~0.
  std::string out = "\\begin{array}{" + std::string(curves.size() + 1, 'r') + "} " + latex_name(t.var);
  for (const eval::Curve& c : t.curves) out += " & " + to_string(c.expr, Format::Latex);
  for (std::size_t start = s.find('\n'); start != std::string::npos;) {
    std::size_t const end = s.find('\n', start + 1);
    std::string const line = s.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
    out += " \\\\ ";
    for (std::size_t c = 0;;) {
      std::size_t const comma = line.find(',', c);
      std::string cell = line.substr(c, comma == std::string::npos ? std::string::npos : comma - c);
      if (cell.starts_with('~')) cell = "\\approx " + decimal(cell.substr(1), f);  // (~ is a space in LaTeX)
      else if (cell == undecided_cell || cell == too_large_cell) cell = "\\text{" + cell + "}";
      else cell = decimal(cell, f);  // (5e-11: e would be Euler's number)
      out += (c ? " & " : "") + cell;
      if (comma == std::string::npos) break;
      c = comma + 1;
    }
    start = end;
  }
  return out + " \\end{array}";
}

// A Taylor polynomial in powers of (x - a), highest degree first, as taylor and series show it:
// x^5/480 - x^3/48 + x/4 + 1/2; (x - 1)^3/3 - (x - 1)^2/2 + (x - 1). Each term is laid out with
// a placeholder symbol for x - a (named after x, so it sorts among a coefficient's symbols as x
// would; no user name contains a prime), then the placeholder becomes the bracketed difference.
void replace_symbol(Display& d, std::string_view name, const Display& by) {
  if (d.kind == DKind::Symbol && d.name == name) {
    d = by;
    return;
  }
  for (Display& c : d.children) replace_symbol(c, name, by);
}

// x - a with x first (the canonical order would write -a + x).
Display difference_display(const eval::TaylorPolynomial& t) {
  Display difference;
  difference.kind = DKind::Sum;
  difference.children.push_back(present(t.var));
  Display minus_a = present(-t.point);
  if (minus_a.kind == DKind::Sum) {
    for (Display& part : minus_a.children) difference.children.push_back(std::move(part));
  } else {
    difference.children.push_back(std::move(minus_a));
  }
  return difference;
}

// The variable itself at 0, else the placeholder for x - a.
Expr shift_symbol(const eval::TaylorPolynomial& t) { return t.point.is_zero() ? t.var : sym(t.var.name() + "'"); }

// c (x - a)^k laid out, the placeholder replaced.
Display power_term(const eval::TaylorPolynomial& t, Expr c, std::size_t k, const Display& difference) {
  Expr shift = shift_symbol(t);
  Display term = present(c * pow(shift, Expr(static_cast<long long>(k))));
  if (!t.point.is_zero()) replace_symbol(term, shift.name(), difference);
  return term;
}

Display taylor_display(const eval::TaylorPolynomial& t) {
  Display difference = difference_display(t);
  Display sum;
  sum.kind = DKind::Sum;
  for (std::size_t k = t.coefficients.size(); k-- > 0;) {
    Expr c = t.coefficients[k];
    if (c.is_zero()) continue;
    Display term = power_term(t, c, k, difference);
    if (k == 0 && term.kind == DKind::Sum) {  // a constant term that is a sum: its terms join the others
      for (Display& part : term.children) sum.children.push_back(std::move(part));
    } else {
      sum.children.push_back(std::move(term));
    }
  }
  if (sum.children.empty()) return present(Expr(0));
  if (sum.children.size() == 1) return std::move(sum.children[0]);
  return sum;
}

// taylor: the polynomial; series adds its order term, O(x^6), O((x - 1)^3), in every format but
// code (one pasteable expression: the polynomial alone).
std::string taylor(const eval::TaylorPolynomial& t, Format f) {
  Display d = taylor_display(t);
  bool latex = f == Format::Latex;
  std::string polynomial = latex ? emit_latex(d) : emit_linear(d, f);
  if (!t.order_term || is_code(f)) return polynomial;
  Display power = power_term(t, Expr(1), t.coefficients.size(), difference_display(t));
  std::string inner = latex ? emit_latex(power) : emit_linear(power, f);
  std::string order = latex ? "O\\left(" + inner + "\\right)" : "O(" + inner + ")";
  bool zero = d.kind == DKind::Number && d.value.is_zero();
  return zero ? order : polynomial + " + " + order;
}

// Σ_j c_j v_j in the order of v: 2A_11 x_1 + (A_12 + A_21) x_2 (a sum coefficient in brackets
// before its entry, as a matrix times a vector reads).
std::string linear_entry(const std::vector<std::pair<Expr, Expr>>& terms, Format f) {
  std::string minus = f == Format::Unicode ? "−" : "-";
  std::string out;
  for (const auto& [c, v] : terms) {
    std::string term;
    if (c.is(Kind::Add)) {
      std::string inner = to_string(c, f);
      term = (f == Format::Latex ? "\\left(" + inner + "\\right)" : "(" + inner + ")") + (f == Format::Code ? "*" : " ") +
             to_string(v, f);
    } else {
      term = to_string(c * v, f);
    }
    bool negative = term.starts_with(minus);
    if (out.empty()) {
      out = term;
    } else {
      out += negative ? " " + minus + " " + term.substr(minus.size()) : " + " + term;
    }
  }
  return out.empty() ? "0" : out;
}

std::string linear_entries(const eval::LinearEntries& l, Format f) {
  std::string out;
  for (std::size_t i = 0; i < l.rows.size(); ++i)
    out += (i ? (f == Format::Latex ? " & " : ", ") : "") + linear_entry(l.rows[i], f);
  return f == Format::Latex ? "\\begin{pmatrix} " + out + " \\end{pmatrix}" : "[" + out + "]";
}

// steps d/dx E: the differential, then the derivative read off it.
//   d(x^T A x) = dx^T A x + x^T A dx
//   d/dx (x^T A x) = (A + A^T) x
std::string matrix_steps(const eval::MatrixAnswer& m, Format f) {
  bool latex = f == Format::Latex;
  std::string question = matrix_string(m.question, f);
  bool compound = m.question->op == matrix::Op::Sum || m.question->op == matrix::Op::Product;
  std::string wrapped = compound ? (latex ? "\\left(" + question + "\\right)" : "(" + question + ")") : question;
  std::string d = latex ? "d\\left(" + question + "\\right)" : "d(" + question + ")";
  std::string differential = matrix_string(matrix::sum(m.differential), f);
  std::string derivative = leibniz("", {m.var}, 1, false, f) + " " + wrapped;
  std::string answer = matrix_string(m.expr, f);
  if (latex)
    return "\\begin{aligned} " + d + " &= " + differential + " \\\\ " + derivative + " &= " + answer + " \\end{aligned}";
  return d + " = " + differential + "\n" + derivative + " = " + answer;
}

// Other systems have no reading of ddx's matrix notation: the answer written out in entries does.
std::string matrix_notation_unprintable(Format f) {
  return std::string(format_name(f)) + " cannot take an answer in matrix notation; write it out in entries with at n = 2 (or another size)";
}

// What the shape shows, before any note.
struct ShapeRenderer {
  const eval::Result& r;
  Format f;
  std::string operator()(std::monostate) const { return render(r.value, f); }
  std::string operator()(const eval::Derivation& d) const {
    if (is_code(f)) return to_string(r.value.scalar, f);  // one pasteable expression
    return render_chain(d.chain, f);
  }
  std::string operator()(const eval::StepsShown& s) const { return steps(s, r.value.scalar, f); }
  std::string operator()(const eval::TotalDifferential& t) const { return total(t, r.value.scalar, f); }
  std::string operator()(const eval::TangentLine& t) const {
    return (is_code(f) ? "" : t.label + " = ") + to_string(r.value.scalar, f);  // code: the expression alone
  }
  std::string operator()(const eval::Decimal& d) const { return decimal(d.digits, f); }
  std::string operator()(const eval::FactoredSum& s) const { return coefficient_times_sum(s.coefficient, s.sum, f); }
  std::string operator()(const eval::NamedDerivative& n) const {
    if (is_code(f)) return to_string(r.value.scalar, f);  // one pasteable expression
    return leibniz(n.name, n.vars, static_cast<int>(n.vars.size()), n.partial, f) + " = " + to_string(r.value.scalar, f);
  }
  std::string operator()(const eval::TaylorPolynomial& t) const {
    if (f > Format::Json) return to_string(r.value.scalar, f);  // the polynomial, in that system's syntax
    return taylor(t, f);
  }
  std::string operator()(const eval::ValueTable& t) const { return table(t, f); }
  std::string operator()(const eval::PlotRequest&) const { return {}; }
  std::string operator()(const eval::BackpropTrace& b) const {
    if (is_code(f)) return render(r.value, f);  // the gradient: one pasteable expression
    return render_trace(b.trace, f);
  }
  std::string operator()(const eval::CriticalPoints& c) const { return render_critical(c, r.value, f); }
  std::string operator()(const eval::MatrixAnswer& m) const {
    if (is_code(f) && m.entries) return render(*m.entries, f);  // numeric shapes: the entries, to paste
    if (f > Format::Json) throw Unprintable(matrix_notation_unprintable(f));
    if (m.differential.empty() || f == Format::Code) return matrix_string(m.expr, f);
    return matrix_steps(m, f);
  }
  std::string operator()(const eval::LinearEntries& l) const {
    if (f > Format::Json) return render(r.value, f);  // the entries' sums, in that system's syntax
    return linear_entries(l, f);
  }
};

}  // namespace

std::string render(const eval::Value& v, Format f) {
  switch (v.kind) {
    case eval::Value::Kind::Scalar: return to_string(v.scalar, f);
    case eval::Value::Kind::Truth: {
      std::string word = v.truth ? "true" : "false";
      if (f == Format::SymPy || f == Format::Mathematica) return v.truth ? "True" : "False";
      return f == Format::Latex ? "\\text{" + word + "}" : word;
    }
    case eval::Value::Kind::List: return render_list(v, f);
  }
  return {};
}

std::vector<std::string> condition_texts(const std::vector<IndexCondition>& conditions, Format f) {
  bool latex = f == Format::Latex, unicode = f == Format::Unicode;
  std::string le = latex ? " \\le " : unicode ? " ≤ " : " <= ";
  std::string ne = latex ? " \\neq " : unicode ? " ≠ " : " != ";
  std::vector<std::string> out;
  for (const IndexCondition& c : conditions)
    out.push_back(c.kind == IndexCondition::Kind::Distinct
                      ? to_string(c.index, f) + ne + to_string(c.other, f)
                      : to_string(c.lower, f) + le + to_string(c.index, f) + le + to_string(c.upper, f));
  return out;
}

std::optional<Expr> sole_expression(const eval::Result& r, Format f) {
  if (is_program(f) || r.value.kind != eval::Value::Kind::Scalar) return std::nullopt;
  // Code drops notes and conditions, and writes a chain or a named derivative as its value alone.
  if (is_code(f)) {
    bool plain = std::holds_alternative<std::monostate>(r.shape) || std::holds_alternative<eval::Derivation>(r.shape) ||
                 std::holds_alternative<eval::NamedDerivative>(r.shape);
    return plain ? std::optional(r.value.scalar) : std::nullopt;
  }
  bool plain = std::holds_alternative<std::monostate>(r.shape) && r.conditions.empty() && r.note.empty();
  return plain ? std::optional(r.value.scalar) : std::nullopt;
}

std::string render(const eval::Result& r, Format f) {
  if (is_program(f)) return program(r, f);
  return with_note(with_conditions(std::visit(ShapeRenderer{r, f}, r.shape), r.conditions, f), r.note, f);
}

}  // namespace ddx::print
