// SPDX-License-Identifier: GPL-3.0-or-later
// The LaTeX export (see export_tex.hpp). Lowering an operand a second time is safe: lowering
// only reads the session (NameScope), and every error falls back to the typed text.
#include "repl/export_tex.hpp"

#include <fstream>

#include "core/expr.hpp"
#include "grammar/lower.hpp"
#include "grammar/parse.hpp"
#include "repl/latex_names.hpp"
#include "repl/render.hpp"

namespace ddx {
namespace {

std::string var_latex(const std::string& name) { return print::to_string(sym(name), print::Format::Latex); }

// `d^{2}` / `\partial^{2}` over `dx^{2}` / `\partial x \partial y`.
std::string operator_latex(const grammar::Node& n, const std::string& target) {
  std::string d = n.is_partial ? "\\partial" : "d";
  std::string top = d, bottom;
  if (n.order > 1) top += "^{" + std::to_string(n.order) + "}";
  if (!target.empty()) top += (n.is_partial ? " " : "") + target;
  for (const grammar::DiffVar& v : n.vars) {
    if (!bottom.empty()) bottom += " ";
    bottom += d + (n.is_partial ? " " : "") + var_latex(v.name);
    if (v.count > 1) bottom += "^{" + std::to_string(v.count) + "}";
  }
  return "\\frac{" + top + "}{" + bottom + "}";
}

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

std::string question_latex(std::string_view input, const grammar::NameScope& scope) {
  grammar::ParseOutcome parsed = grammar::parse_line(input);
  // `ans` has moved on since the statement ran: show such inputs as typed.
  if (!parsed.ok() || parsed.statements.size() != 1 || input.find("ans") != std::string_view::npos)
    return latex_texttt(input);
  const grammar::Statement& s = parsed.statements.front();
  const grammar::Node& body = s.body;
  if (s.kind != grammar::StatementKind::Expression || s.steps) return latex_texttt(input);
  try {
    if (body.kind == grammar::NodeKind::DerivOp && body.children.size() == 1 && !body.vars.empty()) {
      Expr operand = grammar::lower_definition_body(body.children.front(), scope);
      std::string tex = print::to_string(operand, print::Format::Latex);
      if (operand.is(Kind::Add) || operand.is(Kind::Mul)) tex = "\\left(" + tex + "\\right)";
      return operator_latex(body, "") + " " + tex;
    }
    if (body.kind == grammar::NodeKind::Leibniz && body.children.empty() && !body.vars.empty())
      return operator_latex(body, var_latex(body.text));
  } catch (...) {  // LowerError or a math error: the typed text is still an honest question
  }
  return latex_texttt(input);
}

void TexExport::record(const Outcome& o, DefinitionsSnapshot definitions) {
  if (o.kind == Outcome::Kind::Answer) entries_.push_back({o.input, std::move(definitions), o.value});
}

std::string TexExport::document() const {
  std::string doc =
      "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
      "\\section*{ddx session}\n";
  if (entries_.empty()) doc += "No statements were answered.\n";
  const std::string open = "\\begin{aligned}", close = "\\end{aligned}";
  for (const Entry& e : entries_) {
    std::string answer = render_value(e.value, print::Format::Latex);
    std::string row;
    if (e.value.kind == grammar::Value::Kind::Chain && answer.starts_with(open) && answer.ends_with(close)) {
      // A chain already reads `dy/dx &= ... \\ &= ...`: its rows become the align*'s own rows.
      row = answer.substr(open.size(), answer.size() - open.size() - close.size());
    } else {
      row = question_latex(e.input, e.definitions) + " &= " + answer;
    }
    doc += "\\begin{align*}\n" + row + "\n\\end{align*}\n";
  }
  return doc + "\\end{document}\n";
}

std::optional<Outcome> TexExport::handle(std::string_view line) const {
  std::size_t b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos || line.substr(b, 7) != ":export") return std::nullopt;
  std::string_view rest = line.substr(b + 7);
  rest = rest.substr(0, rest.find('#'));  // a trailing comment, as after any statement
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') return std::nullopt;
  std::size_t p = rest.find_first_not_of(" \t"), q = rest.find_last_not_of(" \t");
  Outcome o;
  o.input = std::string(line.substr(b));
  o.kind = Outcome::Kind::Error;
  if (p == std::string_view::npos) {
    o.message = "usage: :export FILE.tex";
    return o;
  }
  std::string path(rest.substr(p, q - p + 1));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out << document() && out.flush()) {
    o.kind = Outcome::Kind::Message;
    o.message = "wrote " + path + " (" + std::to_string(entries_.size()) + (entries_.size() == 1 ? " statement)" : " statements)");
  } else {
    o.message = "cannot write '" + path + "'";
  }
  return o;
}

}  // namespace ddx
