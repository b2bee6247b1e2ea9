// SPDX-License-Identifier: GPL-3.0-or-later
// The LaTeX export (see export_tex.hpp). Reading a question a second time is safe: resolving and
// evaluating only read the definitions, and every error falls back to the typed text.
#include "repl/export_tex.hpp"

#include "core/expr.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "eval/statement.hpp"
#include "grammar/parse.hpp"
#include "print/matrix_print.hpp"
#include "print/result.hpp"
#include "repl/latex_names.hpp"
#include "resolve/resolve.hpp"

namespace ddx {
namespace {

std::string escape_char(char32_t cp, std::string_view utf8) {
  switch (cp) {
    case '\\': return "\\textbackslash{}";
    case '{': return "\\{";
    case '}': return "\\}";
    case '$': return "\\$";
    case '&': return "\\&";
    case '#': return "\\#";
    case '%': return "\\%";
    case '_': return "\\_";
    case '^': return "\\textasciicircum{}";
    case '~': return "\\textasciitilde{}";
    default: break;
  }
  if (cp < 0x80) return std::string(utf8);
  static const std::pair<const char*, const char*> symbols[] = {
      {"∂", "\\partial"}, {"·", "\\cdot"}, {"×", "\\times"}, {"−", "-"}, {"√", "\\surd"},
      {"²", "^{2}"},      {"³", "^{3}"},   {"⋅", "\\cdot"},  {"÷", "\\div"}};
  for (const auto& [u, tex] : symbols)
    if (utf8 == u) return std::string("$") + tex + "$";
  for (const std::string& name : latex_symbol_names())
    if (utf8 == latex_symbol(name)) return "$" + (name == "\\omicron" ? std::string("o") : name) + "$";
  return "?";
}

}  // namespace

std::string latex_texttt(std::string_view input) {
  std::string out = "\\text{\\texttt{";
  for (std::size_t i = 0; i < input.size();) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > input.size()) len = input.size() - i;
    out += escape_char(c < 0x80 ? c : 0x80, input.substr(i, len));
    i += len;
  }
  return out + "}}";
}

std::string question_latex(std::string_view input, const DefinitionsSnapshot& definitions) {
  grammar::ParseOutcome parsed = grammar::parse_line(input);
  // `ans` has moved on since the statement ran: show such inputs as typed.
  if (!parsed.ok() || parsed.statements.size() != 1 || input.find("ans") != std::string_view::npos)
    return latex_texttt(input);
  const grammar::Statement& s = parsed.statements.front();
  if (s.kind != grammar::StatementKind::Expression || s.steps) return latex_texttt(input);
  try {
    const grammar::Node& body = s.body;
    std::vector<std::string> vars = grammar::listed_vars(body.vars, max_derivative_order);
    if (body.kind == grammar::NodeKind::DerivOp && !vars.empty()) {
      grammar::Statement operand_statement = s;
      operand_statement.body = body.children.front();
      Expr operand = eval::definition_body(resolve::resolve(operand_statement, definitions).body, definitions);
      std::string tex = print::to_string(operand, print::Format::Latex);
      if (operand.is(Kind::Add) || operand.is(Kind::Mul)) tex = "\\left(" + tex + "\\right)";
      return print::leibniz("", vars, static_cast<int>(vars.size()), body.is_partial, print::Format::Latex) + " " + tex;
    }
    if (body.kind == grammar::NodeKind::Leibniz && body.children.empty() && !vars.empty())
      return print::leibniz(body.text, vars, static_cast<int>(vars.size()), body.is_partial, print::Format::Latex);
  } catch (...) {  // a resolution or evaluation error: the typed text is still an honest question
  }
  return latex_texttt(input);
}

namespace {

// A matrix statement's question: d/dx over its operand, the expression itself, else as typed.
std::string matrix_question_latex(std::string_view input, const eval::Result& answer) {
  const auto* m = std::get_if<eval::MatrixAnswer>(&answer.shape);
  if (!m || !m->question) return latex_texttt(input);
  std::string tex = print::matrix_string(m->question, print::Format::Latex);
  if (m->var.empty()) return tex;
  if (m->question->op == matrix::Op::Sum || m->question->op == matrix::Op::Product) tex = "\\left(" + tex + "\\right)";
  return print::leibniz("", {m->var}, 1, false, print::Format::Latex) + " " + tex;
}

}  // namespace

void TexExport::record(std::string input, DefinitionsSnapshot definitions, eval::Result answer, bool matrix_statement) {
  entries_.push_back({std::move(input), std::move(definitions), std::move(answer), matrix_statement});
}

std::string TexExport::document() const {
  std::string doc =
      "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
      "\\section*{ddx session}\n";
  if (entries_.empty()) doc += "No statements were answered.\n";
  const std::string open = "\\begin{aligned}", close = "\\end{aligned}";
  for (const Entry& e : entries_) {
    check_interrupt();
    std::string answer = print::render(e.answer, print::Format::Latex);
    std::string row;
    if (std::holds_alternative<eval::Derivation>(e.answer.shape) && answer.starts_with(open) && answer.ends_with(close)) {
      // A chain already reads `dy/dx &= ... \\ &= ...`: its rows become the align*'s own rows.
      row = answer.substr(open.size(), answer.size() - open.size() - close.size());
    } else {
      std::string question = e.matrix_statement ? matrix_question_latex(e.input, e.answer) : question_latex(e.input, e.definitions);
      row = question + " &= " + answer;
    }
    doc += "\\begin{align*}\n" + row + "\n\\end{align*}\n";
  }
  return doc + "\\end{document}\n";
}

}  // namespace ddx
