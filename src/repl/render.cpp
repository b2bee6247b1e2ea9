// SPDX-License-Identifier: GPL-3.0-or-later
// Rendering of outcomes (see render.hpp).
#include "repl/render.hpp"

#include "print/json.hpp"
#include "print/steps_render.hpp"
#include "repl/render_chain.hpp"

#include <cstdio>
#include <sstream>

namespace ddx {

using print::json_quote;

namespace {

// Vectors and matrices: `[a, b]`, `[[a, b], [c, d]]` in text (re-parseable); pmatrix in LaTeX.
std::string render_list(const grammar::Value& v, print::Format f) {
  if (f != print::Format::Latex) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? ", " : "") + render_value(v.items[i], f);
    return s + "]";
  }
  auto row = [&](const grammar::Value& r) {
    if (r.kind != grammar::Value::Kind::List) return render_value(r, f);
    std::string s;
    for (std::size_t i = 0; i < r.items.size(); ++i) s += (i ? " & " : "") + render_value(r.items[i], f);
    return s;
  };
  bool matrix = !v.items.empty() && v.items[0].kind == grammar::Value::Kind::List;
  std::string s = "\\begin{pmatrix} ";
  if (matrix) {
    for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? " \\\\ " : "") + row(v.items[i]);
  } else {
    s += row(v);
  }
  return s + " \\end{pmatrix}";
}

std::string with_note(std::string s, const std::string& note, print::Format f) {
  // Code is pasted into other systems as it is: one expression and nothing else.
  if (note.empty() || f == print::Format::Code) return s;
  if (f == print::Format::Latex) return s + " \\quad \\text{(" + note + ")}";
  return s + "  # " + note;  // a comment: the answer still reads back as the same value
}

}  // namespace

std::string render_value(const grammar::Value& v, print::Format f) {
  switch (v.kind) {
    case grammar::Value::Kind::Scalar: return with_note(print::to_string(v.scalar, f), v.note, f);
    case grammar::Value::Kind::Truth: {
      std::string word = v.truth ? "true" : "false";
      return with_note(f == print::Format::Latex ? "\\text{" + word + "}" : word, v.note, f);
    }
    case grammar::Value::Kind::Chain:
      if (f == print::Format::Code) return print::to_string(v.scalar, f);  // one pasteable expression
      return with_note(render_chain(*v.chain, f), v.note, f);
    case grammar::Value::Kind::Display: return with_note(v.display(f), v.note, f);
    case grammar::Value::Kind::List: return with_note(render_list(v, f), v.note, f);
  }
  return {};
}

std::string render_stdout(const Outcome& o, print::Format f, std::size_t line_number) {
  if (f == print::Format::Json) {
    std::string j = "{\"input\": " + json_quote(o.input);
    switch (o.kind) {
      case Outcome::Kind::Answer:
        j += ", \"text\": " + json_quote(render_value(o.value, print::Format::Text));
        j += ", \"latex\": " + json_quote(render_value(o.value, print::Format::Latex));
        j += ", \"code\": " + json_quote(render_value(o.value, print::Format::Code));
        if (o.value.steps) {  // steps as an array: [{"order": 1, "rule": ..., "expression": ...}]
          j += ", \"steps\": [";
          bool first = true;
          for (const print::StepRow& row : print::step_rows(*o.value.steps, print::Format::Text)) {
            j += std::string(first ? "" : ", ") + "{\"order\": " + std::to_string(row.order) +
                 ", \"rule\": " + json_quote(row.rule) + ", \"expression\": " + json_quote(row.expression) + "}";
            first = false;
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
    case Outcome::Kind::Answer: return render_value(o.value, f);
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
