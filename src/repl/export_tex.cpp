// SPDX-License-Identifier: GPL-3.0-or-later
// The LaTeX export (see export_tex.hpp).
#include "repl/export_tex.hpp"

#include <algorithm>
#include <filesystem>

#include "core/interrupt.hpp"
#include "print/latex_plain.hpp"
#include "print/matrix_print.hpp"
#include "print/print.hpp"
#include "print/result.hpp"
#include "repl/question_tex.hpp"
#include "repl/tex_measure.hpp"
#include "repl/typed_names.hpp"

namespace ddx {
namespace {

// The width a row may take, in ems: the text width of the page below (16cm, 45em at 10pt) less
// a margin for the estimate.
constexpr double k_line_width = 41.0;
// A left side wider than this goes on a line of its own, the answer indented below it.
constexpr double k_widest_left_side = 0.4 * k_line_width;

const char* const k_preamble =
    "\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage[a4paper,margin=2.5cm]{geometry}\n"
    "\\allowdisplaybreaks\n"  // an answer longer than a page goes on over the next, row by row
    "\\begin{document}\n\\section*{ddx session}\n";

// One row of an equation: `lhs & rhs`, the right side starting with its relation (`= 2 x`), and
// a remark set after it (a rule of `steps`).
struct Row {
  std::string lhs, rhs, remark;
};

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \n"), e = s.find_last_not_of(" \n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// The rows of an aligned block (a chain, steps; blocks of steps stacked in an outer block), and
// whatever follows its end (a note) as a remark of the last row.
void aligned_rows(std::string block, std::vector<Row>& rows) {
  const std::string open = "\\begin{aligned}", close = "\\end{aligned}";
  block = trim(block);
  std::string after;
  if (std::size_t end = block.rfind(close); block.starts_with(open) && end != std::string::npos) {
    after = trim(block.substr(end + close.size()));
    block = block.substr(open.size(), end - open.size());
  }
  for (const std::string& row : tex_split(block, "\\\\")) {
    std::string r = trim(row);
    if (r.starts_with(open)) {
      aligned_rows(r, rows);
      continue;
    }
    std::vector<std::string> cells = tex_split(r, "&");
    Row out{trim(cells[0]), cells.size() > 1 ? trim(cells[1]) : "", ""};
    for (std::size_t c = 2; c < cells.size(); ++c) out.remark += trim(cells[c]);
    rows.push_back(std::move(out));
  }
  if (!after.empty() && !rows.empty()) rows.back().remark += after;
}

// A caption and a left side as one: `\text{tangent to } x^{2} \text{ at } x = 1:\; y`.
std::string heading(const std::string& caption, const std::string& lhs) {
  if (caption.empty()) return lhs;
  return lhs.empty() ? caption + ":" : caption + ":\\; " + lhs;
}

// A row under a caption: `caption:\; lhs & rhs` when that is narrow enough to stand beside the
// answer, else the caption on a row of its own (`Jacobian of … :` above `J = …`).
void add_row(std::vector<Row>& rows, const std::string& caption, const std::string& lhs, std::string rhs) {
  std::string head = heading(caption, lhs);
  if (caption.empty() || lhs.empty() || tex_width(head) <= k_widest_left_side) {
    rows.push_back({head, std::move(rhs), ""});
    return;
  }
  rows.push_back({"", caption + ":", ""});
  rows.push_back({lhs, std::move(rhs), ""});
}

// An answer that is an equation of its own: a tangent (y = …), a total differential (dz = …), a
// named derivative (d^2y/dx^2 = …).
bool is_equation(const eval::Shape& shape) {
  return std::holds_alternative<eval::TangentLine>(shape) || std::holds_alternative<eval::TotalDifferential>(shape) ||
         std::holds_alternative<eval::NamedDerivative>(shape);
}

// A vector or matrix too wide for the page: a vector as a column if that fits, else entry by
// entry (`H_{1,2} = …` when the matrix has a short name, else `(1, 2)`), each entry on its own row.
void matrix_rows(const TexQuestion& q, const eval::Result& answer, std::vector<Row>& rows) {
  const eval::Value& v = answer.value;
  bool matrix = !v.items.empty() && v.items[0].kind == eval::Value::Kind::List;
  std::string note = answer.note.empty() ? "" : "\\quad \\text{(" + answer.note + ")}";
  std::string head = heading(q.caption, q.lhs);
  if (!matrix) {
    std::string column;
    for (const eval::Value& item : v.items) column += (column.empty() ? "" : " \\\\ ") + print::render(item, print::Format::Latex);
    column = "\\begin{pmatrix} " + column + " \\end{pmatrix}";
    if (tex_width(column) <= k_line_width - 4) {
      add_row(rows, q.caption, q.lhs, q.relation + " " + column + note);
      return;
    }
  }
  bool named = !q.lhs.empty() && tex_width(q.lhs) <= 3;
  // The caption over the entries, in the right-hand column: beside the names it would widen theirs.
  if (!named) rows.push_back({head, "\\quad " + tex_words("entry by entry:"), ""});
  else if (!q.caption.empty()) rows.push_back({"", q.caption + ":", ""});
  auto entry = [&](const eval::Value& item, const std::string& index) {
    std::string label = named ? q.lhs + "_{" + index + "}" : "\\left(" + index + "\\right)";
    rows.push_back({label, q.relation + " " + print::render(item, print::Format::Latex), ""});
  };
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    if (!matrix) {
      entry(v.items[i], std::to_string(i + 1));
      continue;
    }
    for (std::size_t j = 0; j < v.items[i].items.size(); ++j)
      entry(v.items[i].items[j], std::to_string(i + 1) + ", " + std::to_string(j + 1));
  }
  if (!note.empty()) rows.back().remark = note;
}

// A matrix statement's question: d/dx over its operand in matrix notation, or the expression
// itself; the words typed when the answer does not carry it.
TexQuestion matrix_question(const std::string& input, const eval::Result& answer) {
  const auto* m = std::get_if<eval::MatrixAnswer>(&answer.shape);
  if (!m || !m->question) return {tex_words(input), "", "="};
  std::string tex = print::matrix_string(m->question, print::Format::Latex);
  if (m->var.empty()) return {"", tex, "="};
  if (m->question->op == matrix::Op::Sum || m->question->op == matrix::Op::Product) tex = "\\left(" + tex + "\\right)";
  return {"", print::leibniz("", {m->var}, 1, false, print::Format::Latex) + " " + tex, "="};
}

// The rows of one statement.
std::vector<Row> statement_rows(const std::string& input, const DefinitionsSnapshot& definitions, const eval::Result& answer,
                                const std::optional<eval::Value>& previous, const std::string& plot_place,
                                bool matrix_statement) {
  std::vector<Row> rows;
  std::string tex = print::render(answer, print::Format::Latex);
  if (std::holds_alternative<eval::Derivation>(answer.shape) || std::holds_alternative<eval::StepsShown>(answer.shape)) {
    aligned_rows(tex, rows);  // the question is the block's first left side
    return rows;
  }
  TexQuestion q = matrix_statement ? matrix_question(input, answer) : question_tex(input, definitions, previous);
  if (std::holds_alternative<eval::PlotRequest>(answer.shape)) {
    const std::string written = "plot written to ";
    std::string where = plot_place.starts_with(written)
                            ? "(drawn to " + std::filesystem::path(plot_place.substr(written.size())).filename().string() + ")"
                            : "(drawn in the terminal)";
    rows.push_back({heading(q.caption, q.lhs), "\\quad " + tex_words(where), ""});
    return rows;
  }
  if (is_equation(answer.shape)) {
    if (std::vector<std::string> sides = tex_split_equation(tex); !sides.empty()) {
      add_row(rows, q.caption, sides[0], "= " + sides[1]);
      return rows;
    }
  }
  if (q.relation.empty()) {
    std::string head = heading(q.caption, q.lhs);
    // A block too wide beside its caption (the points of critical, a backprop trace) goes below
    // it, row by row, where each row can break.
    if (tex.starts_with("\\begin{aligned}") && tex_width(head) + tex_width(tex) > k_line_width - 2) {
      rows.push_back({"", head, ""});
      aligned_rows(tex, rows);
      return rows;
    }
    rows.push_back({head, "\\quad " + tex, ""});
    return rows;
  }
  if (answer.value.kind == eval::Value::Kind::List && tex_width(tex) > k_line_width - 4) {
    matrix_rows(q, answer, rows);
    return rows;
  }
  add_row(rows, q.caption, q.lhs, q.relation + " " + tex);
  return rows;
}

// `y = u^{3}`, `f\left(x\right) = x^{3} - 2 x`: a definition as the snapshot after it holds it.
Row definition_row(const std::string& name, const DefinitionsSnapshot& definitions) {
  std::string lhs = print::symbol_name(name, print::Format::Latex);
  if (const resolve::FunctionDefinition* f = definitions.function(name)) {
    std::string params;
    for (Expr p : f->params) params += (params.empty() ? "" : ", ") + print::to_string(p, print::Format::Latex);
    return {lhs + "\\left(" + params + "\\right)", "= " + print::listing(f->body, print::Format::Latex), ""};
  }
  std::optional<Expr> body = definitions.definition(name);
  return {lhs, body ? "= " + print::listing(*body, print::Format::Latex) : "", ""};
}

// The rows laid out as the body of an align*: each right side broken to fit beside the widest
// left side, or, when a left side is too wide for that (and the rows do not fit as they are),
// every left side on a line of its own and its right side indented below.
std::string layout(const std::vector<Row>& rows) {
  double left = 0, right = 0;
  for (const Row& r : rows) {
    left = std::max(left, tex_width(r.lhs));
    right = std::max(right, tex_width(r.rhs + " \\qquad " + r.remark));
  }
  bool beside = left <= k_widest_left_side || left + right <= k_line_width;
  std::vector<std::string> lines;
  auto add_rhs = [&](const std::string& lhs_cell, const Row& r, double width) {
    std::vector<std::string> parts = r.rhs.empty() ? std::vector<std::string>{""} : tex_break(r.rhs, width, width - 2);
    std::string indent = beside ? "&\\qquad {} " : "&\\qquad\\qquad {} ";
    for (std::size_t i = 0; i < parts.size(); ++i) lines.push_back(i == 0 ? lhs_cell + parts[i] : indent + parts[i]);
    if (r.remark.empty()) return;
    if (tex_width(parts.back() + " \\qquad " + r.remark) <= width) {
      lines.back() += " \\qquad " + r.remark;
      return;
    }
    for (const std::string& part : tex_break(r.remark, width - 2, width - 2)) lines.push_back(indent + part);
  };
  for (const Row& r : rows) {
    if (beside) {
      add_rhs(r.lhs + " &", r, k_line_width - left);
      continue;
    }
    std::vector<std::string> heads = r.lhs.empty() ? std::vector<std::string>{} : tex_break(r.lhs, k_line_width, k_line_width - 2);
    for (std::size_t i = 0; i < heads.size(); ++i) lines.push_back((i == 0 ? "&" : "&\\quad {} ") + heads[i]);
    add_rhs("&\\qquad ", r, k_line_width - 2);
  }
  std::string body;
  for (const std::string& l : lines) body += (body.empty() ? "" : " \\\\\n") + l;
  return body;
}

}  // namespace

void TexExport::record_definition(std::string name, DefinitionsSnapshot definitions) {
  entries_.push_back({std::move(name), std::move(definitions), true, {}, std::nullopt, nullptr});
  keep_latest();
}

void TexExport::record(std::string input, DefinitionsSnapshot definitions, const eval::Result& answer,
                       std::optional<eval::Value> previous, std::string plot_place, bool matrix_statement) {
  // (answer.name, what generated code would call the answer, is never part of the document.)
  bool plain = answer.plain() && answer.value.is_scalar() && answer.note.empty() && answer.conditions.empty() &&
               plot_place.empty() && !matrix_statement && (!previous || previous->is_scalar());
  if (plain) {
    std::optional<Expr> before;
    if (previous) before = previous->scalar;
    entries_.push_back({std::move(input), std::move(definitions), false, answer.value.scalar, before, nullptr});
  } else {
    auto whole = std::make_unique<const Whole>(
        Whole{answer, std::move(previous), std::move(plot_place), matrix_statement});  // (a copy only here)
    entries_.push_back({std::move(input), std::move(definitions), false, {}, std::nullopt, std::move(whole)});
  }
  keep_latest();
}

void TexExport::keep_latest() {
  if (entries_.size() <= kept_entries) return;
  entries_.pop_front();
  ++left_out_;
}

void TexExport::for_each_expr(const eval::ExprVisitor& visit) const {
  std::vector<const Definitions*> seen;
  for (const Entry& e : entries_) {
    if (e.whole) {
      eval::for_each_expr(e.whole->answer, visit);
      if (e.whole->previous) eval::for_each_expr(*e.whole->previous, visit);
    } else if (!e.definition) {
      visit(e.plain_answer);
      if (e.plain_previous) visit(*e.plain_previous);
    }
    const Definitions* d = &e.definitions.definitions();
    if (std::find(seen.begin(), seen.end(), d) == seen.end()) {
      seen.push_back(d);
      d->for_each_expr(visit);
    }
  }
}

std::string TexExport::document() const {
  // One LaTeX form per name in the whole document, its questions too: x1 beside an x_1 anywhere in
  // it is \mathrm{x1}.
  std::vector<Expr> exprs;
  for_each_expr([&exprs](Expr e) { exprs.push_back(e); });
  for (const Entry& e : entries_)
    for (Expr name : typed_names(e.input)) exprs.push_back(name);
  print::LatexPlainNames plain(print::latex_collisions(exprs));
  std::string doc = k_preamble;
  if (entries_.empty()) doc += "No statements were answered.\n";
  if (left_out_ > 0)
    doc += "The first " + std::to_string(left_out_) + " statements of this session are left out: ddx keeps the last " +
           std::to_string(kept_entries) + ".\n";
  for (const Entry& e : entries_) {
    check_interrupt();
    std::vector<Row> rows;
    if (e.definition) {
      rows.push_back(definition_row(e.input, e.definitions));
    } else if (e.whole) {
      rows = statement_rows(e.input, e.definitions, e.whole->answer, e.whole->previous, e.whole->plot_place,
                            e.whole->matrix_statement);
    } else {
      std::optional<eval::Value> previous;
      if (e.plain_previous) previous = eval::Value::of(*e.plain_previous);
      rows = statement_rows(e.input, e.definitions, eval::Result::of(eval::Value::of(e.plain_answer)), previous, "", false);
    }
    doc += "\\begin{align*}\n" + layout(rows) + "\n\\end{align*}\n";
  }
  return doc + "\\end{document}\n";
}

}  // namespace ddx
