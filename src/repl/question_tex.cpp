// SPDX-License-Identifier: GPL-3.0-or-later
// Questions as mathematics (see question_tex.hpp). Reading a question a second time is safe:
// resolving only reads the definitions, and a part that no longer resolves is set in words.
#include "repl/question_tex.hpp"

#include <algorithm>
#include <functional>

#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "core/substitute.hpp"
#include "eval/statement.hpp"
#include "grammar/parse.hpp"
#include "print/print.hpp"
#include "print/result.hpp"
#include "resolve/resolve.hpp"

namespace ddx {

std::string tex_words(std::string_view s) {
  std::string out = "\\text{";
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) continue;
    if (c == '\\') out += "\\textbackslash{}";
    else if (c == '^') out += "\\textasciicircum{}";
    else if (c == '~') out += "\\textasciitilde{}";
    else if (std::string_view("{}$&#%_").find(c) != std::string_view::npos) out += std::string("\\") + c;
    else out += c;
  }
  return out + "}";
}

namespace {

using grammar::Node;
using grammar::NodeKind;

std::string bracketed(const std::string& s) { return "\\left(" + s + "\\right)"; }

// Reads one statement's syntax tree as math. Its pieces are public: the heading table below, one
// row a procedure, is written with them.
class QuestionReader {
 public:
  QuestionReader(const grammar::Statement& statement, const DefinitionsSnapshot& definitions,
                 const std::optional<eval::Value>& previous)
      : statement_(statement), definitions_(definitions), previous_(previous) {}

  TexQuestion question(const Node& body) {
    TexQuestion q;
    if (body.kind == NodeKind::Apply && definitions_.is_procedure(body.text)) {
      q = procedure(body);
    } else {
      q.lhs = math(body);
      if (body.kind == NodeKind::Compare) q.relation.clear();  // A ?= B: the answer says whether
    }
    // The captions of procedures inside (`hessian(f) at x = 1` reads H at the point) come first.
    std::string inner;
    for (const std::string& c : inner_captions_) inner += (inner.empty() ? "" : ",\\; ") + c;
    if (!inner.empty()) q.caption = q.caption.empty() ? inner : inner + ",\\; " + q.caption;
    return q;
  }

  // Any node as math.
  std::string math(const Node& n) {
    check_interrupt();
    if (plain(n)) return print::to_string(value(n), print::Format::Latex);
    switch (n.kind) {
      case NodeKind::Word: return answer();
      case NodeKind::Neg: return "-" + factor(n.children[0]);
      case NodeKind::Sum: {
        std::string out;
        for (std::size_t i = 0; i < n.children.size(); ++i) {
          std::string term = n.children[i].kind == NodeKind::Neg ? bracketed(math(n.children[i])) : math(n.children[i]);
          out += i == 0 ? term : (n.op_before(i) == '-' ? " - " : " + ") + term;
        }
        return out;
      }
      case NodeKind::Product: {
        std::string out = factor(n.children[0]);
        for (std::size_t i = 1; i < n.children.size(); ++i) {
          if (n.op_before(i) == '/') {
            out = "\\frac{" + out + "}{" + math(n.children[i]) + "}";
            continue;
          }
          std::string next = factor(n.children[i]);
          out += (std::isdigit(static_cast<unsigned char>(next[0])) ? " \\cdot " : " ") + next;
        }
        return out;
      }
      case NodeKind::Pow: return base(n.children[0]) + "^{" + math(n.children[1]) + "}";
      case NodeKind::Group: return bracketed(math(n.children[0]));
      case NodeKind::Held: {  // (∂z/∂x)_(u, v)
        std::string names;
        for (std::size_t i = 1; i < n.children.size(); ++i) names += (i > 1 ? ", " : "") + name(n.children[i].text);
        return math(n.children[0]) + "_{" + names + "}";
      }
      case NodeKind::Vector: return vector(n);
      case NodeKind::DerivOp: return derivative_operator(n) + " " + operand(n.children[0]);
      case NodeKind::Leibniz: {
        std::string symbol = print::leibniz(n.text, vars(n), static_cast<int>(n.order()), n.is_partial, print::Format::Latex);
        return n.children.empty() ? symbol : symbol + arguments(n, 0);
      }
      case NodeKind::Prime: {
        std::string primes = n.order() <= 3 ? std::string(n.order(), '\'') : "^{(" + std::to_string(n.order()) + ")}";
        return function_name(n.text.str()) + primes + arguments(n, 0);
      }
      case NodeKind::At: {
        std::string point;
        for (std::size_t i = 1; i < n.children.size(); ++i) point += (i > 1 ? ",\\, " : "") + math(n.children[i]);
        return "\\left." + math(n.children[0]) + "\\right|_{" + point + "}";
      }
      case NodeKind::Compare: return math(n.children[0]) + " \\overset{?}{=} " + math(n.children[1]);
      case NodeKind::Equation: return name(n.text) + " = " + math(n.children[0]);
      case NodeKind::Equality: return math(n.children[0]) + " = " + math(n.children[1]);
      case NodeKind::Range: return math(n.children[0]) + " \\le " + name(n.text) + " \\le " + math(n.children[1]);
      case NodeKind::Apply: {
        if (definitions_.is_procedure(n.text)) {  // inside an expression: its operator form or its name
          TexQuestion q = procedure(n);
          if (q.relation != "=" || q.lhs.empty()) return function_like(n).lhs;
          if (!q.caption.empty()) inner_captions_.push_back(q.caption);  // H, T: named in the caption
          return q.lhs;
        }
        return function_name(n.text.str()) + arguments(n, 0);
      }
      case NodeKind::Number: break;
    }
    return print::to_string(value(n), print::Format::Latex);
  }

  // A part with nothing but algebra in it, which resolves to one expression and prints as ddx
  // prints it (`ax` as a x, `(3x+4)^2` as \left(3 x + 4\right)^{2}).
  bool plain(const Node& n) const {
    switch (n.kind) {
      case NodeKind::Number: return true;
      case NodeKind::Word: return n.text != "ans";
      case NodeKind::Neg: case NodeKind::Sum: case NodeKind::Product: case NodeKind::Pow: case NodeKind::Group: break;
      case NodeKind::Apply:
        if (definitions_.is_procedure(n.text) || definitions_.function(n.text)) return false;
        break;
      default: return false;
    }
    return std::all_of(n.children.begin(), n.children.end(), [this](const Node& c) { return plain(c); });
  }

  Expr value(const Node& n) const {
    grammar::Statement s = statement_;
    s.kind = grammar::StatementKind::Expression;
    s.steps = s.backprop = false;
    s.body = n;
    return eval::definition_body(resolve::resolve(s, definitions_).body, definitions_);
  }

  // `ans`: the answer it stood for, bracketed unless it is one symbol or number.
  std::string answer() const {
    if (!previous_) return "\\mathrm{ans}";
    std::string tex = print::render(*previous_, print::Format::Latex);
    bool atomic = previous_->is_scalar() && !previous_->scalar.is(Kind::Add) && !previous_->scalar.is(Kind::Mul) &&
                  !previous_->scalar.is(Kind::Pow);
    return atomic || !previous_->is_scalar() ? tex : bracketed(tex);
  }

  static std::string name(std::string_view n) { return print::symbol_name(n, print::Format::Latex); }

  // A function's name: \sin for a built-in, f for a defined or abstract one.
  std::string function_name(const std::string& n) const {
    if (!definitions_.function(n))
      if (auto id = find_function(n); id && !function_info(*id).abstract && !function_info(*id).latex.empty())
        return function_info(*id).latex;
    return name(n);
  }

  // The node's children from `first` on, as a bracketed argument list.
  std::string arguments(const Node& n, std::size_t first) {
    std::string out;
    for (std::size_t i = first; i < n.children.size(); ++i) out += (i > first ? ", " : "") + math(n.children[i]);
    return bracketed(out);
  }

  // A factor of a product: sums and negations bracketed.
  std::string factor(const Node& n) {
    std::string tex = math(n);
    bool compound = n.kind == NodeKind::Sum || n.kind == NodeKind::Neg || n.kind == NodeKind::At ||
                    (plain(n) && (value(n).is(Kind::Add)));
    return compound && n.kind != NodeKind::Group ? bracketed(tex) : tex;
  }

  std::string base(const Node& n) {
    bool atomic = n.kind == NodeKind::Number || n.kind == NodeKind::Group || n.kind == NodeKind::Apply ||
                  (n.kind == NodeKind::Word && n.text != "ans" && plain(n) && value(n).is(Kind::Symbol));
    return atomic ? math(n) : bracketed(math(n));
  }

  // What an operator applies to: bracketed when it is more than one factor.
  std::string operand(const Node& n) {
    if (plain(n)) {
      Expr e = value(n);
      std::string tex = print::to_string(e, print::Format::Latex);
      return e.is(Kind::Add) || e.is(Kind::Mul) ? bracketed(tex) : tex;
    }
    bool compound = n.kind == NodeKind::Sum || n.kind == NodeKind::Product || n.kind == NodeKind::Neg;
    return compound ? bracketed(math(n)) : math(n);
  }

  static std::vector<std::string> vars(const Node& n) {
    std::vector<std::string> v = grammar::listed_vars(n.vars.list(), max_derivative_order);
    if (v.empty() && !n.vars.empty()) v.assign(1, n.vars.front().name);
    return v;
  }

  std::string derivative_operator(const Node& n) {
    return print::leibniz("", vars(n), static_cast<int>(n.order()), n.is_partial, print::Format::Latex);
  }

  // [a, b] as a tuple (a, b); [[a, b], [c, d]] as a matrix.
  std::string vector(const Node& n) {
    bool matrix = !n.children.empty() && n.children[0].kind == NodeKind::Vector;
    std::string out;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
      const Node& c = n.children[i];
      if (!matrix) {
        out += (i ? ",\\ " : "") + math(c);
        continue;
      }
      std::string row;
      for (std::size_t j = 0; j < c.children.size(); ++j) row += (j ? " & " : "") + math(c.children[j]);
      out += (i ? " \\\\ " : "") + row;
    }
    return matrix ? "\\begin{pmatrix} " + out + " \\end{pmatrix}" : bracketed(out);
  }

  // The variables a procedure is asked for, `\text{ in } (x, y)`, or nothing when it chose them.
  std::string in_variables(const Node& call, std::size_t index) {
    if (call.children.size() <= index) return "";
    return " \\text{ in } " + math(call.children[index]);
  }

  // `x = a .. b` as a <= x <= b, with its step when it has one.
  std::string range(const Node& r) {
    std::string out = math(r.children[0]) + " \\le " + name(r.text) + " \\le " + math(r.children[1]);
    if (r.children.size() > 2) out += tex_words(" in steps of ") + math(r.children[2]);
    return out;
  }

  // plot and table: `what` of every argument but the last, over the range that is the last.
  TexQuestion curves(const Node& call, std::string_view what) {
    if (call.children.back().kind != NodeKind::Range) return function_like(call);
    std::string out;
    for (std::size_t i = 0; i + 1 < call.children.size(); ++i) out += (i ? ",\\ " : "") + math(call.children[i]);
    return {tex_words(what) + out + tex_words(" for ") + range(call.children.back()), "", ""};
  }

  // A call read as a function: \operatorname{name}(…).
  TexQuestion function_like(const Node& call) {
    TexQuestion q;
    q.lhs = "\\operatorname{" + call.text + "}" + arguments(call, 0);
    return q;
  }

  // The words for arguments: `\text{tangent to }` and argument i (nothing when there is none).
  std::string words_then(std::string_view text, const Node& call, std::size_t i) {
    return tex_words(text) + (i < call.children.size() ? math(call.children[i]) : std::string());
  }

  TexQuestion procedure(const Node& call);
  TexQuestion diff(const Node& call);
  TexQuestion sum(const Node& call, bool mean);

  const DefinitionsSnapshot& definitions() const { return definitions_; }

 private:
  std::vector<std::string> inner_captions_;  // of procedures inside the question, which read as their names
  const grammar::Statement& statement_;
  const DefinitionsSnapshot& definitions_;
  const std::optional<eval::Value>& previous_;
};

TexQuestion with(std::string caption, std::string lhs, std::string relation = "=") {
  return TexQuestion{std::move(caption), std::move(lhs), std::move(relation)};
}

// What each procedure asks, as mathematics: an operator (diff, grad, sum), the equation it proves
// (expand: E = …), a name for its answer under a caption (J = …), or a caption in words before a
// block (critical, plot). One row a procedure; with fewer arguments than its row reads, or none
// (a procedure added since), it reads as \operatorname{name}(…), which the :export test refuses.
struct Heading {
  std::string_view procedure;
  std::size_t arguments;  // at least
  TexQuestion (*read)(QuestionReader& r, const Node& call);
};

const Heading k_headings[] = {
    {"diff", 2, [](QuestionReader& r, const Node& c) { return r.diff(c); }},
    {"expand", 1, [](QuestionReader& r, const Node& c) { return with("", r.math(c.children[0])); }},
    {"simplify", 1, [](QuestionReader& r, const Node& c) { return with("", r.math(c.children[0])); }},
    {"factor", 1, [](QuestionReader& r, const Node& c) { return with("", r.math(c.children[0])); }},
    {"approx", 1, [](QuestionReader& r, const Node& c) { return with("", r.math(c.children[0]), "\\approx"); }},
    {"grad", 1,
     [](QuestionReader& r, const Node& c) {
       std::string in = c.children.size() > 1 ? "_{" + r.math(c.children[1]) + "}" : "";
       return with("", "\\nabla" + in + " " + r.operand(c.children[0]));
     }},
    {"jacobian", 1,
     [](QuestionReader& r, const Node& c) {
       return with(r.words_then("Jacobian of ", c, 0) + r.in_variables(c, 1), r.definitions().denominator_layout() ? "J^{\\top}" : "J");
     }},
    {"hessian", 1,
     [](QuestionReader& r, const Node& c) { return with(r.words_then("Hessian of ", c, 0) + r.in_variables(c, 1), "H"); }},
    {"total", 1,  // dz = … is the answer's own left side; a caption unless z is a defined name
     [](QuestionReader& r, const Node& c) {
       bool named = c.children[0].kind == NodeKind::Word && r.definitions().is_variable(c.children[0].text);
       return with(named ? "" : r.words_then("total differential of ", c, 0) + r.in_variables(c, 1), "");
     }},
    {"tangent", 2,  // y = … is the answer's own left side
     [](QuestionReader& r, const Node& c) { return with(r.words_then("tangent to ", c, 0) + r.words_then(" at ", c, 1), ""); }},
    {"critical", 1,
     [](QuestionReader& r, const Node& c) { return with(r.words_then("critical points of ", c, 0) + r.in_variables(c, 1), "", ""); }},
    {"taylor", 3,
     [](QuestionReader& r, const Node& c) {
       return with(r.words_then("Taylor polynomial of ", c, 0) + r.words_then(" at ", c, 1) + tex_words(", degree ") +
                       " < " + r.math(c.children[2]),
                   "T");
     }},
    {"series", 3,
     [](QuestionReader& r, const Node& c) {
       return with(r.words_then("series of ", c, 0) + r.words_then(" at ", c, 1), r.math(c.children[0]));
     }},
    {"implicit", 2, [](QuestionReader& r, const Node& c) { return with(r.words_then("where ", c, 0), r.math(c.children[1])); }},
    {"sum", 2, [](QuestionReader& r, const Node& c) { return r.sum(c, false); }},
    {"mean", 2, [](QuestionReader& r, const Node& c) { return r.sum(c, true); }},
    {"plot", 2, [](QuestionReader& r, const Node& c) { return r.curves(c, "plot of "); }},
    {"table", 2, [](QuestionReader& r, const Node& c) { return r.curves(c, "values of "); }},
};

}  // namespace

TexQuestion QuestionReader::procedure(const Node& call) {
  for (const Heading& h : k_headings)
    if (h.procedure == call.text && call.children.size() >= h.arguments) return h.read(*this, call);
  return function_like(call);
}

// diff(E, x, y), diff(E, x, 3): the operator, partial when the variables differ or E has several.
TexQuestion QuestionReader::diff(const Node& call) {
  const auto& c = call.children;
  std::vector<std::string> vars;
  for (std::size_t i = 1; i < c.size(); ++i) {
    if (c[i].kind == NodeKind::Number && !vars.empty())
      vars.insert(vars.end(), static_cast<std::size_t>(std::max(1, std::atoi(c[i].text.str().c_str())) - 1), vars.back());
    else
      vars.push_back(c[i].text.str());
  }
  bool partial = std::adjacent_find(vars.begin(), vars.end(), std::not_equal_to<>()) != vars.end() ||
                 (plain(c[0]) && free_symbols(value(c[0])).size() > 1);
  return with("", print::leibniz("", vars, static_cast<int>(vars.size()), partial, print::Format::Latex) + " " + operand(c[0]));
}

// sum(E, n = A .. B) as \sum_{n = A}^{B} E; mean divides it by the count, B - A + 1.
TexQuestion QuestionReader::sum(const Node& call, bool mean) {
  const Node& r = call.children[1];
  if (r.kind != NodeKind::Range) return function_like(call);
  std::string sum = "\\sum_{" + name(r.text) + " = " + math(r.children[0]) + "}^{" + math(r.children[1]) + "} " + operand(call.children[0]);
  if (!mean) return with("", sum);
  std::string count = plain(r.children[0]) && plain(r.children[1])
                          ? print::to_string(value(r.children[1]) - value(r.children[0]) + Expr(1), print::Format::Latex)
                          : math(r.children[1]) + " - " + base(r.children[0]) + " + 1";
  return with("", "\\frac{1}{" + count + "} " + sum);
}

TexQuestion question_tex(std::string_view input, const DefinitionsSnapshot& definitions,
                         const std::optional<eval::Value>& previous) {
  grammar::ParseOutcome parsed = grammar::parse_line(input);
  if (parsed.ok() && parsed.statements.size() == 1 && parsed.statements.front().kind == grammar::StatementKind::Expression) {
    const grammar::Statement& s = parsed.statements.front();
    QuestionReader reader(s, definitions, previous);
    try {
      if (s.backprop) return with(tex_words("backpropagation through ") + reader.math(s.body), "", "");
      return reader.question(s.body);
    } catch (const Interrupted&) {
      throw;
    } catch (...) {  // a part that no longer resolves: the words below
    }
  }
  return with(tex_words(input), "", "");
}

}  // namespace ddx
