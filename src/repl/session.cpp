// SPDX-License-Identifier: GPL-3.0-or-later
// Statement evaluation: expressions, definitions (with cycle checks) and the `:command` table.
#include "repl/session.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/simplify.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/statement_limits.hpp"
#include "repl/help.hpp"

namespace ddx {

void ensure_printable(Expr e) {
  if (calc::expr_size(e) > max_printed_terms)
    throw LimitError("the answer is too large to print (more than " + std::to_string(max_printed_terms) +
                     " terms); try it at a point: ... at x = 1");
}

namespace {

std::string_view slice(std::string_view line, grammar::SourceSpan span) {
  std::size_t b = std::min<std::size_t>(span.begin, line.size());
  std::size_t e = std::clamp<std::size_t>(span.end, b, line.size());
  return line.substr(b, e - b);
}

Outcome error_at(std::string input, std::string message, std::size_t column) {
  Outcome o;
  o.kind = Outcome::Kind::Error;
  o.input = std::move(input);
  o.message = std::move(message);
  o.column = column;
  return o;
}

Outcome message(std::string text) {
  Outcome o;
  o.kind = Outcome::Kind::Message;
  o.message = std::move(text);
  return o;
}

// Hides function parameters while a function body is lowered, so `f(x) = x^2` means the
// parameter x even when a variable x is defined.
class ParameterScope : public grammar::NameScope {
 public:
  ParameterScope(const grammar::NameScope& outer, std::set<std::string, std::less<>> params)
      : outer_(outer), params_(std::move(params)) {}
  std::optional<Expr> variable_value(std::string_view name) const override {
    if (params_.count(name)) return std::nullopt;
    return outer_.variable_value(name);
  }
  const grammar::FunctionDefinition* function_definition(std::string_view name) const override {
    return outer_.function_definition(name);
  }
  std::optional<grammar::Value> previous_answer() const override { return outer_.previous_answer(); }
  std::optional<Expr> definition_body(std::string_view name) const override {
    if (params_.count(name)) return std::nullopt;
    return outer_.definition_body(name);
  }

 private:
  const grammar::NameScope& outer_;
  std::set<std::string, std::less<>> params_;
};

// Does e call (or differentiate) a function named `name`? A body that does would be recursive.
bool calls_function(Expr e, std::string_view name) {
  if ((e.is(Kind::Call) || e.is(Kind::Derivative)) && function_info(e.function()).name == name) return true;
  bool found = false;
  for_each_child(e, [&](Expr c) { found = found || calls_function(c, name); });
  return found;
}

void ensure_printable(const grammar::Value& v) {
  switch (v.kind) {
    case grammar::Value::Kind::List:
      for (const grammar::Value& item : v.items) ensure_printable(item);
      return;
    case grammar::Value::Kind::Chain:
      ensure_printable(v.chain->filled);
      ensure_printable(v.chain->substituted);
      return;
    case grammar::Value::Kind::Truth: return;
    default: ensure_printable(v.scalar);  // steps: each step is within max_steps_terms already
  }
}

}  // namespace

std::vector<Outcome> Session::eval_line(std::string_view line) {
  grammar::ParseOutcome parsed = grammar::parse_line(line);
  if (!parsed.ok()) {
    const auto& d = parsed.diagnostics.front();
    return {error_at(std::string(line), d.message, d.column)};
  }
  std::vector<Outcome> out;
  for (const grammar::Statement& s : parsed.statements) {
    out.push_back(run(s, line));
    if (quit_) break;
  }
  return out;
}

Outcome Session::run(const grammar::Statement& s, std::string_view line) {
  std::string input(slice(line, s.span));
  NodeBudget budget;  // a statement creates at most max_statement_nodes new nodes (SPEC §10)
  try {
    switch (s.kind) {
      case grammar::StatementKind::Command: return command(s);
      case grammar::StatementKind::Definition: return define(s, line);
      case grammar::StatementKind::Expression: {
        Outcome o;
        o.kind = Outcome::Kind::Answer;
        o.input = input;
        std::optional<grammar::Value> shown;
        if (s.steps || steps_) shown = explain(s.body);
        if (!shown) shown = chain_display(s.body);
        o.value = shown ? std::move(*shown) : grammar::lower_expression(s.body, *this);
        if (o.value.plot) return draw(std::move(o));
        ensure_printable(o.value);
        // A derivation or a display (`y = 2x - 1`) leaves its expression as `ans`.
        bool shaped = o.value.kind == grammar::Value::Kind::Chain || o.value.kind == grammar::Value::Kind::Display;
        ans_ = shaped ? grammar::Value::of(o.value.scalar) : o.value;
        return o;
      }
    }
  } catch (const grammar::LowerError& e) {
    return error_at(input, e.message, grammar::column_of(line, e.span.begin));
  } catch (const MathError& e) {
    return error_at(input, e.what(), grammar::column_of(line, s.span.begin));
  } catch (const LimitError& e) {
    return error_at(input, e.what(), grammar::column_of(line, s.span.begin));
  } catch (const Interrupted&) {  // Ctrl-C or --timeout: the statement is abandoned, state intact
    return error_at(input, "interrupted", 0);
  } catch (const std::bad_alloc&) {
    return error_at(input, "out of memory", grammar::column_of(line, s.span.begin));
  } catch (const std::exception& e) {  // a bug, but never a crash: report it, change nothing
    return error_at(input, std::string("internal error: ") + e.what(), grammar::column_of(line, s.span.begin));
  }
  return error_at(input, "unsupported statement", grammar::column_of(line, s.span.begin));
}

// `dy/dx`, `∂z/∂x` and `diff(z, x)` on a defined name show the chain rule through the
// definitions (SPEC §5); everything else is an ordinary value.
std::optional<grammar::Value> Session::chain_display(const grammar::Node& body) const {
  using grammar::NodeKind;
  std::string target, var;
  bool partial = false;
  std::vector<std::string> vars;
  if (body.kind == NodeKind::Leibniz) vars = grammar::listed_vars(body, max_derivative_order);
  if (body.kind == NodeKind::Leibniz && vars.size() > 1 && body.children.empty() && defs_->variable(body.text)) {
    calc::DefinitionLookup body_of = [this](std::string_view n) { return definition_body(n); };
    if (vars.size() == 2 && vars[0] == vars[1] && !body.is_partial && grammar::is_identifier(vars[0]))
      if (auto chain = calc::second_order_chain(body.text, vars[0], body_of)) return grammar::Value::derivation(std::move(*chain));
    // Other higher orders: the question, then the value.
    Expr value = grammar::lower_expression(body, *this).scalar;
    std::string name = body.text;
    bool is_partial = body.is_partial;
    return grammar::Value::shown(value, [name, vars, is_partial, value](print::Format f) {
      if (f == print::Format::Code) return print::to_string(value, f);  // one pasteable expression
      return print::leibniz(name, vars, static_cast<int>(vars.size()), is_partial, f) + " = " + print::to_string(value, f);
    });
  }
  if (body.kind == NodeKind::Leibniz && vars.size() == 1 && body.children.empty()) {
    target = body.text;
    var = vars[0];
    partial = body.is_partial;
  } else if (body.kind == NodeKind::Apply && body.text == "diff" && body.children.size() == 2 &&
             body.children[0].kind == NodeKind::Word && body.children[1].kind == NodeKind::Word) {
    target = body.children[0].text;
    var = body.children[1].text;
    if (auto b = definition_body(target)) partial = free_symbols(*b).size() > 1;
  } else {
    return std::nullopt;
  }
  if (!defs_->variable(target) || !grammar::is_identifier(var)) return std::nullopt;
  calc::DefinitionLookup body_of = [this](std::string_view n) { return definition_body(n); };
  return grammar::Value::derivation(calc::chain_rule(target, var, partial, body_of));
}

std::optional<Expr> Session::variable_value(std::string_view name) const { return defs_->value(name, defs_->version()); }

std::optional<Expr> Session::definition_body(std::string_view name) const { return defs_->body(name, defs_->version()); }

const grammar::FunctionDefinition* Session::function_definition(std::string_view name) const {
  return defs_->function(name, defs_->version());
}

std::vector<std::string> Session::defined_names() const {
  std::vector<std::string> names;
  for (const auto& [n, v] : defs_->variables()) names.push_back(n);
  for (const auto& [n, f] : defs_->functions()) names.push_back(n);
  return names;
}

// The chain of names through which `body` reaches `name`, if defining name = body makes a cycle.
std::optional<std::string> Session::cycle_through(std::string_view name, Expr body) const {
  std::function<std::optional<std::string>(Expr, int)> walk = [&](Expr e, int depth) -> std::optional<std::string> {
    if (depth > 10000) return std::string("...");
    for (Expr v : free_symbols(e)) {
      if (v.name() == name) return std::string(name);
      const Definitions::Variable* defined = defs_->variable(v.name());
      if (!defined) continue;
      if (auto path = walk(defined->body, depth + 1)) return v.name() + " -> " + *path;
    }
    return std::nullopt;
  };
  return walk(body, 0);
}

Outcome Session::define(const grammar::Statement& s, std::string_view line) {
  std::string input(slice(line, s.span));
  const std::string& name = s.name;
  if (grammar::is_reserved(name))
    return error_at(input, "'" + name + "' is reserved and cannot be redefined", grammar::column_of(line, s.name_span.begin));
  Outcome o;
  o.kind = Outcome::Kind::Defined;
  o.input = input;
  o.message = name;
  if (s.is_function) {
    std::set<std::string, std::less<>> names;
    grammar::FunctionDefinition def;
    for (const grammar::Node& p : s.params) {
      if (p.kind != grammar::NodeKind::Word || !grammar::is_identifier(p.text) || grammar::is_reserved(p.text))
        return error_at(input, "a parameter must be a variable name", grammar::column_of(line, p.span.begin));
      if (!names.insert(p.text).second)
        return error_at(input, "parameter '" + p.text + "' appears twice", grammar::column_of(line, p.span.begin));
      def.params.push_back(sym(p.text));
    }
    ParameterScope scope(*this, names);
    def.body = grammar::lower_expression(s.body, scope).scalar;
    if (calls_function(def.body, name))
      return error_at(input, "'" + name + "' would call itself; recursive definitions are not supported",
                      grammar::column_of(line, s.body.span.begin));
    defs_->define_function(name, std::move(def));
    forget_abstract_params(name);
    return o;
  }
  Expr body = grammar::lower_definition_body(s.body, *this);
  if (auto path = cycle_through(name, body))
    return error_at(input, "'" + name + "' would depend on itself (" + name + " -> " + *path +
                               "); the old definition stays",
                    grammar::column_of(line, s.body.span.begin));
  defs_->define_variable(name, body);
  return o;
}

Outcome Session::command(const grammar::Statement& s) {
  std::istringstream args(s.args);
  std::string first;
  args >> first;
  const std::string& c = s.name;
  if (c == "quit" || c == "q" || c == "exit") {
    quit_ = true;
    return message("");
  }
  if (c == "help") return message(help_text(first));
  if (c == "format") {
    if (first.empty()) return message(std::string(print::format_name(format_)));
    auto f = print::parse_format(first);
    if (!f) return error_at(":" + c + " " + s.args, "unknown format '" + first + "' (text, unicode, latex, code, json)", 0);
    format_ = *f;
    return message("");
  }
  if (c == "steps") {
    if (first == "on" || first == "off") {
      steps_ = first == "on";
      return message("");
    }
    return error_at(":steps " + s.args, "usage: :steps on|off", 0);
  }
  if (c == "plot-to") {
    plot_to_ = first;  // empty: back to the terminal
    return message("");
  }
  if (c == "set") {
    std::string value;
    args >> value;
    if (first == "layout" && (value == "numerator" || value == "denominator")) {
      denominator_layout_ = value == "denominator";
      return message("");
    }
    return error_at(":set " + s.args, "usage: :set layout numerator|denominator", 0);
  }
  if (c == "vars") {
    std::vector<std::pair<std::size_t, std::string>> rows;
    for (const auto& [n, v] : defs_->variables())
      rows.emplace_back(v->order, n + " = " + print::to_string(v->body, print::Format::Text));
    std::sort(rows.begin(), rows.end());
    std::string text;
    for (const auto& [order, row] : rows) text += row + "\n";
    for (const auto& [n, f] : defs_->functions()) {
      std::string params;
      for (Expr p : f->params) params += (params.empty() ? "" : ", ") + p.name();
      text += n + "(" + params + ") = " + print::to_string(f->body, print::Format::Text) + "\n";
    }
    if (text.empty()) text = "no definitions\n";
    text.pop_back();
    return message(text);
  }
  if (c == "clear") {
    if (first.empty()) {
      defs_->clear();
      forget_abstract_params();
      return message("");
    }
    if (!defs_->erase(first)) return error_at(":clear " + s.args, "'" + first + "' is not defined", 0);
    forget_abstract_params(first);
    return message("");
  }
  return error_at(":" + c, "unknown command ':" + c + "' (try :help)", 0);
}

}  // namespace ddx
