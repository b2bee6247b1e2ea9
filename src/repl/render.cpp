// SPDX-License-Identifier: GPL-3.0-or-later
// Rendering of outcomes (see render.hpp).
#include "repl/render.hpp"

#include <sstream>

#include "eval/result_exprs.hpp"
#include "print/json.hpp"
#include "print/latex_plain.hpp"
#include "print/result.hpp"
#include "print/steps_render.hpp"
#include "print/trace_render.hpp"
#include "repl/typed_names.hpp"

namespace ddx {

using print::json_quote;

namespace {

// The answer in LaTeX, with the names whose LaTeX would read as another's written out whole (x1
// beside x_1, sigmoid beside a name sigma), in the answer or in the question typed.
std::string render_latex(const eval::Result& r, std::string_view question) {
  std::vector<Expr> exprs = typed_names(question);
  eval::for_each_expr(r, [&exprs](Expr e) { exprs.push_back(e); });
  print::LatexPlainNames plain(print::latex_collisions(exprs));
  return print::render(r, print::Format::Latex);
}

}  // namespace

std::string render_stdout(const Outcome& o, print::Format f, std::size_t line_number) {
  if (f == print::Format::Json) {
    std::string j = "{\"input\": " + json_quote(o.input);
    switch (o.kind) {
      case Outcome::Kind::Answer:
        j += ", \"text\": " + json_quote(print::render(o.result, print::Format::Text));
        j += ", \"latex\": " + json_quote(render_latex(o.result, o.input));
        j += ", \"code\": " + json_quote(print::render(o.result, print::Format::Code));
        if (!o.result.conditions.empty()) {  // where the answer holds: ["1 <= k <= N"]
          j += ", \"conditions\": [";
          for (const std::string& c : print::condition_texts(o.result.conditions, print::Format::Text))
            j += (j.back() == '[' ? "" : ", ") + json_quote(c);
          j += "]";
        }
        if (const auto* b = std::get_if<eval::BackpropTrace>(&o.result.shape)) j += ", \"trace\": " + print::trace_json(b->trace);
        if (const auto* shown = std::get_if<eval::StepsShown>(&o.result.shape)) {
          // steps as an array: [{"order": 1, "rule": ..., "expression": ...}], every variable's run
          // in turn (∂/∂x then ∂/∂y of diff(E, x, y): orders 1 and 2)
          j += ", \"steps\": [";
          bool first = true;
          int orders_before = 0;
          for (const calc::Steps& part : shown->parts) {
            for (const print::StepRow& row : print::step_rows(part, print::Format::Text)) {
              j += std::string(first ? "" : ", ") + "{\"order\": " + std::to_string(orders_before + row.order) +
                   ", \"rule\": " + json_quote(row.rule) + ", \"expression\": " + json_quote(row.expression) + "}";
              first = false;
            }
            orders_before += static_cast<int>(part.blocks.size());
          }
          j += "]";
        }
        break;
      case Outcome::Kind::Defined: j += ", \"defined\": " + json_quote(o.message); break;
      case Outcome::Kind::Message:
        if (o.message.empty()) return {};
        j += ", \"message\": " + json_quote(o.message);
        break;
      case Outcome::Kind::Error:
        j += ", \"error\": {\"message\": " + json_quote(o.message) + ", \"line\": " + std::to_string(line_number) +
             ", \"column\": " + std::to_string(o.column) + "}";
        break;
    }
    return j + "}";
  }
  switch (o.kind) {
    case Outcome::Kind::Answer: return f == print::Format::Latex ? render_latex(o.result, o.input) : print::render(o.result, f);
    case Outcome::Kind::Message: return o.message;
    default: return {};
  }
}

std::string render_error(const Outcome& o, std::string_view source, std::size_t line_number) {
  // A stream rather than string concatenation: g++ 12 gives false -Wrestrict warnings on the latter.
  std::ostringstream s;
  s << source << ':' << line_number;
  if (o.column > 0) s << ':' << o.column;
  s << ": error: " << o.message;
  return s.str();
}

}  // namespace ddx
