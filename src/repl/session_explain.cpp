// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of a statement's evaluation that present rather than compute: `steps` (SPEC §8)
// and plots (SPEC §7), whose destination (terminal, SVG file) is session state.
#include <fstream>

#include "calculus/diff.hpp"
#include "calculus/steps.hpp"
#include "core/errors.hpp"
#include "print/steps_render.hpp"
#include "print/svg.hpp"
#include "repl/session.hpp"

namespace ddx {

// A derivative question (d/dx E, dy/dx, diff(E, x, ...)) explained rule by rule; nullopt when
// the statement is no derivative.
std::optional<grammar::Value> Session::explain(const grammar::Node& body) const {
  using grammar::NodeKind;
  const grammar::Node* operand = nullptr;
  std::optional<Expr> operand_value;
  std::vector<std::string> vars;
  bool partial = false;
  if (body.kind == NodeKind::DerivOp) {
    operand = &body.children[0];
    vars = grammar::listed_vars(body, max_derivative_order);
    partial = body.is_partial;
  } else if (body.kind == NodeKind::Leibniz && body.children.empty() && defs_->variable(body.text)) {
    operand_value = variable_value(body.text);
    vars = grammar::listed_vars(body, max_derivative_order);
    partial = body.is_partial;
  } else if (body.kind == NodeKind::Apply && body.text == "diff" && body.children.size() >= 2) {
    operand = &body.children[0];
    for (std::size_t i = 1; i < body.children.size(); ++i) {
      const grammar::Node& c = body.children[i];
      if (c.kind == NodeKind::Number && !vars.empty() && !c.is_float && c.text.size() < 6) {
        for (int k = 1; k < std::stoi(c.text); ++k) vars.push_back(vars.back());
      } else if (c.kind == NodeKind::Word) {
        vars.push_back(c.text);
      } else {
        return std::nullopt;  // let ordinary lowering report it
      }
    }
    partial = true;
  } else {
    return std::nullopt;
  }
  if (vars.empty()) return std::nullopt;  // orders past the limit: ordinary lowering decides
  for (const std::string& v : vars)
    if (!grammar::is_identifier(v)) return std::nullopt;
  Expr e = operand ? grammar::lower_expression(*operand, *this).scalar : *operand_value;
  std::optional<Expr> as_written;
  if (operand) {
    Expr written = grammar::lower_definition_body(*operand, *this);
    if (written != e) as_written = written;
  } else {
    as_written = sym(body.text);
  }
  // One explanation per run of the same variable: diff(E, x, x, y) is d/dx twice, then d/dy.
  // Each step prints the whole expression, so a trace grows much faster than its answer
  // (steps d^11/dx^11 x^x would print 113 MB for a 41 KB answer): past the limit, the answer
  // alone, with a note saying why.
  std::vector<calc::Steps> parts;
  std::size_t terms_left = max_steps_terms;
  try {
    for (std::size_t i = 0; i < vars.size();) {
      std::size_t j = i;
      while (j < vars.size() && vars[j] == vars[i]) ++j;
      parts.push_back(calc::explain_derivative(e, sym(vars[i]), static_cast<int>(j - i), partial,
                                               parts.empty() ? as_written : std::nullopt, &terms_left));
      e = parts.back().answer;
      i = j;
    }
  } catch (const calc::TraceTooLong&) {
    std::optional<grammar::Value> chain = chain_display(body);
    grammar::Value answer = chain ? std::move(*chain) : grammar::lower_expression(body, *this);
    answer.note = "steps not shown: they would print more than " + std::to_string(max_steps_terms) + " terms";
    return answer;
  }
  auto shared = std::make_shared<const std::vector<calc::Steps>>(std::move(parts));
  grammar::Value v = grammar::Value::shown(e, [shared, e](print::Format f) {
    if (f == print::Format::Code) return print::to_string(e, f);  // one pasteable expression
    std::string s;
    for (const calc::Steps& part : *shared) {
      if (!s.empty()) s += f == print::Format::Latex ? " \\\\ " : "\n";
      s += print::render_steps(part, f);
      while (!s.empty() && s.back() == '\n') s.pop_back();
    }
    // Several parts (diff(E, x, y)) stack in one outer aligned block, so the LaTeX stays one piece of math.
    if (f == print::Format::Latex && shared->size() > 1) s = "\\begin{aligned} " + s + " \\end{aligned}";
    return s;
  });
  v.steps = std::make_shared<const calc::Steps>(shared->back());
  return v;
}

// Sends a plot where it belongs: an SVG file after `:plot-to`, the terminal, or nowhere (with
// an error saying how to export) when output is not a terminal.
Outcome Session::draw(Outcome o) const {
  const grammar::PlotRequest& p = *o.value.plot;
  if (!plot_to_.empty()) {
    std::ofstream out(plot_to_);
    out << print::plot_svg(p.curves, p.x0, p.x1, p.title);
    if (!out) {
      o.kind = Outcome::Kind::Error;
      o.message = "cannot write " + plot_to_;
      return o;
    }
    o.kind = Outcome::Kind::Message;
    o.message = "plot written to " + plot_to_;
    return o;
  }
  if (!terminal_) {
    o.kind = Outcome::Kind::Error;
    o.message = "plot draws in a terminal; here, write it to a file first with :plot-to FILE.svg";
    return o;
  }
  auto request = o.value.plot;
  bool color = color_;
  o.value.display = [request, color](print::Format) {
    std::string s = print::plot_terminal(request->curves, request->x0, request->x1, 72, 20, color);
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
  };
  return o;
}

}  // namespace ddx
