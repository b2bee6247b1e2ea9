// SPDX-License-Identifier: GPL-3.0-or-later
// Statement evaluation: each statement parsed (grammar), its names resolved (resolve) and
// evaluated (eval); definitions with their cycle checks; commands through their table.
#include "repl/session.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "calculus/simplify.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "core/pointer_set.hpp"
#include "core/statement_limits.hpp"
#include "core/stats.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"
#include "eval/matrix_eval.hpp"
#include "eval/procedures.hpp"
#include "eval/result_exprs.hpp"
#include "eval/statement.hpp"
#include "print/program.hpp"
#include "print/result.hpp"
#include "repl/commands.hpp"
#include "repl/decimal_check.hpp"
#include "repl/typed_names.hpp"
#include "resolve/names.hpp"
#include "resolve/resolve.hpp"
#include "resolve/resolve_matrix.hpp"

namespace ddx {
namespace {

// Whether an answer becomes `ans`: a table is no value, and `ans` stays what it was, as after a
// plot (it was 0, and ans + 1 was 1).
bool sets_ans(const eval::Result& r) { return !std::holds_alternative<eval::ValueTable>(r.shape); }

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

// The refusal of a definition whose value holds only under conditions (∂/∂x_k of a sum: 1 <= k
// <= N), which a body cannot keep: its uses would print it without them.
std::optional<Outcome> conditional_definition(const std::string& name, const std::string& input, std::string_view line,
                                              const resolve::Request& r, const ConditionLog& conditions) {
  if (conditions.conditions.empty()) return std::nullopt;
  std::string where;
  for (const std::string& c : print::condition_texts(conditions.conditions, print::Format::Text))
    where += (where.empty() ? "" : ", ") + c;
  return error_at(input,
                  "'" + name + "' would hold only where " + where +
                      ", which a definition cannot keep: define it where that is decided (... at k = 2, N = 3), or use "
                      "the answer (ans keeps it)",
                  grammar::column_of(line, r.body_span.begin));
}

// Where a statement's body reads `ans`, or nullptr.
const resolve::Term* answer_read(const resolve::Term& t) {
  if (t.kind == resolve::TermKind::Answer) return &t;
  for (const resolve::Term& c : t.children)
    if (const resolve::Term* a = answer_read(c)) return a;
  return nullptr;
}

void collect_symbols(const eval::Value& v, std::vector<Expr>& out) {
  if (v.kind == eval::Value::Kind::Scalar)
    for (Expr s : free_symbols(v.scalar)) out.push_back(s);
  for (const eval::Value& item : v.items) collect_symbols(item, out);
}

// Whether `visit` is true of a function e calls or differentiates. Each distinct node is asked
// once: f2(t) = f1(f1(t)), f3(t) = f2(f2(t)), ... make bodies whose trees double with each
// definition (f6's was asked about 10^9 nodes).
template <class Visit>
bool any_function_called(Expr e, PointerSet& seen, Visit& visit) {
  if (!seen.insert(e.node())) return false;
  if ((e.is(Kind::Call) || e.is(Kind::Derivative)) && visit(e.function())) return true;
  bool found = false;
  visit_children(e, [&](Expr c) { found = found || any_function_called(c, seen, visit); });
  return found;
}

// Does e call (or differentiate) a function named `name`? A body that does would be recursive.
bool calls_function(Expr e, std::string_view name) {
  PointerSet seen;
  auto named = [&](FunctionId f) { return function_info(f).name == name; };
  return any_function_called(e, seen, named);
}

// The names of the abstract functions v calls or differentiates (g of g(x)^2), each once.
void abstract_functions_called(const eval::Value& v, std::vector<std::string>& out, PointerSet& seen) {
  auto abstract = [&](FunctionId f) {
    const FunctionInfo& info = function_info(f);
    if (info.abstract && std::find(out.begin(), out.end(), info.name) == out.end()) out.push_back(info.name);
    return false;
  };
  if (v.kind == eval::Value::Kind::Scalar) any_function_called(v.scalar, seen, abstract);
  for (const eval::Value& item : v.items) abstract_functions_called(item, out, seen);
}

// The printed form of an expression is a tree, and sharing in the DAG can make it exponentially
// larger than the expression itself (derivatives of x^x^x^x...): an answer whose expressions
// print to more than max_printed_terms terms in all (a matrix's entries together) is refused
// (LimitError) before printing it would take forever.
class PrintedSize {
 public:
  void add(Expr e) {
    terms_ += std::min(calc::expr_size(e), max_printed_terms + 1);  // (no overflow: a few terms at a time)
    symbolic_ = symbolic_ || e.node()->symbols != 0;
    if (terms_ <= max_printed_terms) return;
    std::string too_large = "the answer is too large to print (more than " + std::to_string(max_printed_terms) + " terms); ";
    // An exact number already (a value at a point) is worth a decimal; anything else, a point.
    if (!symbolic_) throw LimitError(too_large + "approx(...) gives its value as a decimal");
    throw LimitError(too_large + "try it at a point (... at x = 1), or as a program (:format python, numpy or c), "
                                 "which computes each shared part once");
  }
  void add(const eval::Value& v) {
    switch (v.kind) {
      case eval::Value::Kind::List:
        for (const eval::Value& item : v.items) add(item);
        return;
      case eval::Value::Kind::Truth: return;
      case eval::Value::Kind::Scalar: add(v.scalar);  // steps: each step is within max_steps_terms already
    }
  }

 private:
  std::size_t terms_ = 0;
  bool symbolic_ = false;
};

// (A program, in Python, NumPy or C, prints each shared part once: as large as the DAG, not the tree.)
void ensure_printable(const eval::Value& v, print::Format f) {
  if (!print::is_program(f)) PrintedSize().add(v);
}

// An answer holding one name for unknown functions of two numbers of arguments (y = f(x),
// z = f(x, t), d/dx (y + z)) printed f'(x) + ∂f/∂x, which reads back as 2 f'(x): refused.
void refuse_mixed_arities(const eval::Result& r) {
  if (!abstract_arities_differ()) return;  // (nearly every session: nothing to look at)
  std::unordered_map<std::string, int> arity;
  std::unordered_set<const void*> seen;
  std::vector<Expr> to_visit;  // (an explicit stack: an answer may be deep)
  eval::for_each_expr(r, [&](Expr e) { to_visit.push_back(e); });
  while (!to_visit.empty()) {
    Expr e = to_visit.back();
    to_visit.pop_back();
    if (!seen.insert(e.node()).second) continue;
    if ((e.is(Kind::Call) || e.is(Kind::Derivative)) && function_info(e.function()).abstract) {
      const FunctionInfo& info = function_info(e.function());
      if (auto [it, first] = arity.try_emplace(info.name, info.arity); !first && it->second != info.arity)
        throw MathError("'" + info.name + "' stands for unknown functions of " +
                        std::to_string(std::min(it->second, info.arity)) + " and of " +
                        std::to_string(std::max(it->second, info.arity)) + " arguments here: an unknown function takes "
                        "one number of arguments (f'(x) and ∂f/∂x would print alike); name one of them differently, as g");
    }
    visit_children(e, [&](Expr c) { to_visit.push_back(c); });
  }
}

void ensure_printable(const eval::Result& r, print::Format f) {
  refuse_mixed_arities(r);
  if (print::is_program(f)) {
    // A program it cannot be (an abstract function's call in C) fails the statement here, before
    // ans takes the answer: printing's refusal left ans changed by a failed statement.
    try {
      (void)print::program(r, f);
    } catch (const print::Unprintable& e) {
      throw MathError(e.what());
    }
    return;
  }
  PrintedSize size;
  if (const auto* d = std::get_if<eval::Derivation>(&r.shape)) size.add(d->chain.filled);
  size.add(r.value);
}

// An answer in matrix notation, in a format that cannot show it (another system's, a program's),
// fails the statement where it begins, as its other errors do (printing's refusal named no column).
void ensure_notation_printable(const eval::Result& r, print::Format f) {
  if (f <= print::Format::Json) return;
  try {
    (void)(print::is_program(f) ? print::program(r, f) : print::render(r, f));
  } catch (const print::Unprintable& e) {
    throw MathError(e.what());
  }
}

// `path` (the last name a body uses first, the cycle's name first) as `a -> b -> name`, its
// middle left out when it is long: a cycle through ten thousand definitions is still one line.
std::string cycle_path_text(std::vector<std::string_view> path) {
  std::reverse(path.begin(), path.end());
  constexpr std::size_t shown_at_each_end = 4;
  std::string text;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path.size() > 2 * shown_at_each_end + 1 && i == shown_at_each_end) {
      text += " -> ... (" + std::to_string(path.size() - 2 * shown_at_each_end) + " more)";
      i = path.size() - shown_at_each_end - 1;
      continue;
    }
    if (i) text += " -> ";
    text += path[i];
  }
  return text;
}

// The line's statements, split at each `;` before its comment (the grammar reads `;` nowhere else,
// not even inside brackets: `(x; y` is two statements, the first without its `)`), without their
// spaces around: for a line that does not parse whole, so that each is read alone.
std::vector<std::string_view> statements_apart(std::string_view line) {
  line = line.substr(0, line.find('#'));  // (a comment's `;` separates nothing: x +* 2 # note; a = 5)
  std::vector<std::string_view> pieces;
  for (std::size_t start = 0; start <= line.size();) {
    std::size_t end = std::min(line.find(';', start), line.size());
    std::string_view piece = line.substr(start, end - start);
    while (!piece.empty() && (piece.front() == ' ' || piece.front() == '\t')) piece.remove_prefix(1);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\t')) piece.remove_suffix(1);
    if (!piece.empty()) pieces.push_back(piece);
    start = end + 1;
  }
  return pieces;
}

}  // namespace

// (Apart from eval_line, whose one list is built in place and returned as itself.)
std::vector<Outcome> Session::eval_unparsed_line(std::string_view line, const grammar::ParseOutcome& parsed) {
  // Statements separated by `;` each stand or fall alone: a syntax error in the last of
  // `a = 1; x^2; b = x +* 2` threw away the two before it, unsaid.
  std::vector<Outcome> out;
  if (std::vector<std::string_view> pieces = statements_apart(line); pieces.size() > 1) {
    for (std::string_view piece : pieces) {
      std::size_t const columns_before = grammar::column_of(line, static_cast<std::size_t>(piece.data() - line.data())) - 1;
      for (Outcome& o : eval_line(piece)) {
        if (o.kind == Outcome::Kind::Error && o.column > 0) o.column += columns_before;
        out.push_back(std::move(o));
      }
      if (quit_) break;
    }
    return out;
  }
  const auto& d = parsed.diagnostics.front();
  out.push_back(error_at(std::string(line), d.message, d.column));
  out.back().format = format_;
  return out;
}

std::vector<Outcome> Session::eval_line(std::string_view line) {
  if (matrix::is_declaration(line)) {
    Outcome o = declare(line);
    o.format = format_;
    return {std::move(o)};
  }
  grammar::ParseOutcome parsed = [&] {
    stats::ScopedTimer timer(stats::grammar_ticks);
    return grammar::parse_line(line);
  }();
  if (!parsed.ok()) return eval_unparsed_line(line, parsed);
  std::vector<Outcome> out;
  for (grammar::Statement& s : parsed.statements) {
    // What `ans` meant, for :export to show the question; kept only where the statement says ans
    // (a batch of a million lines would otherwise keep a million old answers).
    std::optional<eval::Value> previous;
    if (slice(line, s.span).find("ans") != std::string_view::npos) previous = ans_;
    const Definitions::Version before = defs_->version();
    const AbstractParams params_before = abstract_params();
    // (Through a conversion, run() builds the outcome right in the list: no Outcome is moved.)
    struct Ran {
      Session& session;
      grammar::Statement& statement;
      std::string_view line;
      operator Outcome() const { return session.run(statement, line); }
    };
    // `y = 2; x in R^n` read its declaration as the product x·i·n·R^n.
    if (parsed.statements.size() > 1 && matrix::is_declaration(slice(line, s.span))) {
      out.push_back(error_at(std::string(slice(line, s.span)), "a declaration stands alone on its line",
                             grammar::column_of(line, s.span.begin)));
      out.back().format = format_;
      continue;
    }
    out.emplace_back(Ran{*this, s, line});
    Outcome& o = out.back();
    o.format = format_;
    // Definitions read through what the statement changed are read again (or it is undone).
    if (o.kind != Outcome::Kind::Error && defs_->version() != before) {
      std::string const defined = o.kind == Outcome::Kind::Defined ? o.message : std::string();
      std::optional<std::string> refused = follow_changes(defined);
      if (!refused && !defined.empty()) refused = left_without_value(defined);
      if (refused) {
        defs_->roll_back(before);
        o = error_at(std::move(o.input), std::move(*refused), grammar::column_of(line, s.span.begin));
        o.format = format_;
      }
    }
    if (o.kind == Outcome::Kind::Error) restore_abstract_params(params_before);
    bool drawn = o.kind == Outcome::Kind::Message && std::holds_alternative<eval::PlotRequest>(o.result.shape);
    if (o.kind == Outcome::Kind::Answer || drawn)
      tex_export_.record(o.input, snapshot(), o.result, std::move(previous), drawn ? o.message : std::string(), o.matrix);
    if (o.kind == Outcome::Kind::Defined) tex_export_.record_definition(o.message, snapshot());
    if (quit_) break;
  }
  return out;
}

Outcome Session::run(grammar::Statement& s, std::string_view line) {
  std::string input(slice(line, s.span));
  std::string_view body_text = slice(line, s.body.span);  // (s.body is let go once read)
  NodeBudget budget;  // a statement creates at most max_statement_nodes new nodes
  ConditionLog conditions;  // ∂/∂x_k of a sum over x_n holds where its term exists
  bool scalar_statement = false;  // (not a command, nor about declared vectors and matrices)
  std::vector<std::string> params;  // a function definition's (s.params is let go once read)
  for (const grammar::Node& p : s.params) params.push_back(p.text.str());
  // A scalar statement that failed in doubles may have a value with its decimals exact (Ctrl-C
  // while it is read again abandons it, as any statement).
  const std::uint64_t decimal_powers_before = Number::decimal_power_refusals();
  underflows_before_ = float_underflows();
  // A definition notes the names it takes values from as it is read (Definitions::Reading).
  struct Reading {
    std::optional<Definitions::Reading>& names;
    ~Reading() { names.reset(); }
  } reading_names{reading_};
  if (s.kind == grammar::StatementKind::Definition) reading_.emplace();
  statement_held_.clear();
  statement_text_ = input;
  statement_reads_decimals_ = false;
  decimal_zero_parts_before_ = decimal_zero_took_parts();
  statement_read_decimal_zero_loss_ = false;
  // `refused`: the doubles' refusal. Where the exact reading's value is past a double's range,
  // that is the refusal, unless the doubles' already says so (cosh(800.0) names its function).
  auto beyond_doubles = [&](std::string_view refused) -> std::optional<Outcome> {
    if (!scalar_statement || Number::decimal_power_refusals() != decimal_powers_before) return std::nullopt;
    try {
      return answer_beyond_doubles(s, input, body_text, params);
    } catch (const Interrupted&) {
      return error_at(input, "interrupted", grammar::column_of(line, s.span.begin));
    } catch (const OverflowError& e) {
      bool const said = refused.find("overflow") != std::string_view::npos || refused.find("beyond the range") != std::string_view::npos;
      if (said) return std::nullopt;
      return error_at(input, e.what(), grammar::column_of(line, s.span.begin));
    } catch (...) {
      return std::nullopt;
    }
  };
  try {
    if (s.kind == grammar::StatementKind::Definition && declarations_.find(s.name))
      return error_at(input, "'" + s.name + "' is a declared vector or matrix; :clear " + s.name + " first",
                      grammar::column_of(line, s.name_span.begin));
    if (s.kind != grammar::StatementKind::Command && resolve::mentions_declared(s.body, declarations_, *this)) {
      if (s.kind == grammar::StatementKind::Definition)
        return error_at(input, "definitions of declared vectors and matrices are not supported",
                        grammar::column_of(line, s.span.begin));
      return run_matrix(s, input, line);
    }
    // A definition keeps what its body loses as it is read: `f = x/x` is 1, but f at x = 0 has
    // no value either (Definitions::Variable::dropped); so does an answer, for `ans`.
    DroppedParts read;
    scalar_statement = true;
    resolve::Request request = resolve::resolve_releasing(s, *this);
    // The request holds all it needs: the syntax tree of a 1 MB line (120 MB of grammar nodes)
    // would otherwise stay alive through differentiation and printing.
    s.body = grammar::Node{};
    s.params = {};
    switch (request.kind) {
      case resolve::RequestKind::Command: {
        const Command* c = find_command(request.name);
        // (A command's error points at its arguments, or at the command when it has none.)
        std::size_t const column = grammar::column_of(line, request.args.empty() ? s.span.begin : s.args_span.begin);
        if (!c)
          return error_at(input, "unknown command ':" + request.name + "' (try :help)", grammar::column_of(line, s.span.begin));
        if (word_count(request.args) > c->most_words)
          return error_at(input, "usage: :" + std::string(c->name) + (c->arguments.empty() ? "" : " ") +
                                     std::string(c->arguments) + (c->most_words == 0 ? " (it takes no arguments)" : ""),
                          grammar::column_of(line, word_start(line, s.args_span.begin, c->most_words)));
        Outcome o = c->run(*this, request.args);
        if (o.input.empty()) o.input = input;
        if (o.kind == Outcome::Kind::Error && o.column == 0) o.column = column;
        return o;
      }
      case resolve::RequestKind::Definition:
      case resolve::RequestKind::FunctionDefinition: return define(request, input, line, conditions, read.parts);
      case resolve::RequestKind::Expression: {
        Outcome o = answer(request, input, conditions, read.parts);
        // (a plot that could not be drawn or written: at the statement, as other errors are)
        if (o.kind == Outcome::Kind::Error && o.column == 0) o.column = grammar::column_of(line, s.span.begin);
        return o;
      }
    }
  } catch (const resolve::ResolveError& e) {
    if (auto o = beyond_doubles(e.message)) return std::move(*o);
    return error_at(input, e.message, grammar::column_of(line, e.span.begin));
  } catch (const eval::EvalError& e) {
    if (auto o = beyond_doubles(e.message)) return std::move(*o);
    return error_at(input, e.message, grammar::column_of(line, e.span.begin));
  } catch (const MathError& e) {
    if (auto o = beyond_doubles(e.what())) return std::move(*o);
    return error_at(input, e.what(), grammar::column_of(line, s.span.begin));
  } catch (const UnderflowError& e) {  // (doubles' 0.0, where the decimals as written may have a value)
    if (auto o = beyond_doubles(e.what())) return std::move(*o);
    return error_at(input, e.what(), grammar::column_of(line, s.span.begin));
  } catch (const LimitError& e) {
    // (a double's overflow on the way to a value within the range: (0.5 x)^487 at x = 8, past 1e308
    // at 8^487, is 4^487)
    if (std::string_view(e.what()).starts_with(float_overflow_message))
      if (auto o = beyond_doubles(e.what())) return std::move(*o);
    return error_at(input, e.what(), grammar::column_of(line, s.span.begin));
  } catch (const Interrupted&) {  // Ctrl-C or --timeout: the statement is abandoned, state intact
    return error_at(input, "interrupted", grammar::column_of(line, s.span.begin));
  } catch (const std::bad_alloc&) {
    return error_at(input, "out of memory", grammar::column_of(line, s.span.begin));
  } catch (const std::exception& e) {  // a bug, but never a crash: report it, change nothing
    return error_at(input, std::string("internal error: ") + e.what(), grammar::column_of(line, s.span.begin));
  }
  return error_at(input, "unsupported statement", grammar::column_of(line, s.span.begin));
}

// An expression that failed in doubles, answered by its decimals as the exact numbers they are
// written as, where that reading has a value (value_beyond_doubles, or answer_as_written for an
// approx or ==: approx(atanh(0.99999999999999999)) took the argument's double, 1.0); a variable's
// definition so too, by its body's value (c = 1/(1 - cos(1e-8)) divided by the doubles' 0, and
// is 2e16), and a function's, by its body's value over its parameters (g(x) = x/(1 - cos(1e-8))).
std::optional<Outcome> Session::answer_beyond_doubles(const grammar::Statement& s, const std::string& input,
                                                      std::string_view body, const std::vector<std::string>& params) {
  bool definition = s.kind == grammar::StatementKind::Definition;
  bool variable = definition && !s.is_function;
  if ((s.kind != grammar::StatementKind::Expression && !definition) || s.backprop || s.steps) return std::nullopt;
  // A body read as a statement has the defined names in it replaced by their values, where a
  // definition keeps them (d = x/(1 - cos(1e-8)) must follow a later x): only a body whose words
  // (but the functions') hold no defined name, not even as a part (ax may be a x), is read so. A
  // function's parameters are then its free symbols.
  if (definition)
    for (std::string_view word : formula_words(body)) {
      if (find_function(word) || eval::find_procedure(word)) continue;
      auto in_word = [&](std::string_view name) { return word.find(name) != std::string_view::npos; };
      for (const auto& [name, defined] : defs_->variables())
        if (in_word(name)) return std::nullopt;
      for (const auto& [name, defined] : defs_->functions())
        if (in_word(name)) return std::nullopt;
      if (in_word("ans")) return std::nullopt;
      if (s.is_function && in_word(s.name)) return std::nullopt;  // (q(t) in q's body is a call; alone, q t)
    }
  std::optional<eval::Result> result = definition ? std::nullopt : answer_as_written(input, *this);
  std::optional<ExactForm> exact;
  if (!result && !definition) result = unnoted([&] { return list_beyond_doubles(input, *this); });
  if (!result) {
    Expr value;
    exact = unnoted([&] { return value_beyond_doubles(definition ? body : std::string_view(input), *this, value); });
    if (!exact) return std::nullopt;
    if (s.is_function) {
      resolve::FunctionDefinition def{.params = {}, .body = value, .dropped = {}, .exact = std::move(exact)};
      for (const std::string& p : params) def.params.push_back(sym(p));
      Definitions::Reading read = reading(input);
      if (calls_function(value, s.name) || cycle_through(s.name, {}, read.names)) return std::nullopt;  // (the first error stands)
      defs_->define_function(s.name, std::move(def), std::move(read));
      forget_abstract_params(s.name);
      return Outcome{.kind = Outcome::Kind::Defined, .input = input, .result = {}, .message = s.name};
    }
    if (variable) {
      Definitions::Reading read = reading(input);
      if (cycle_through(s.name, Definitions::symbols_used(value, {}), read.names)) return std::nullopt;  // (the first error stands)
      defs_->define_variable(s.name, value, {}, std::move(exact), std::move(read));
      return Outcome{.kind = Outcome::Kind::Defined, .input = input, .result = {}, .message = s.name};
    }
    result = eval::Result::of(eval::Value::of(value));
  }
  Outcome o{.kind = Outcome::Kind::Answer, .input = input, .result = std::move(*result), .message = {}};
  ensure_printable(o.result, format());
  if (!sets_ans(o.result)) return o;
  ans_ = o.result.value;
  ans_dropped_.clear();
  ans_conditions_.clear();
  ans_exact_ = std::move(exact);
  return o;
}

// The answer to an expression (`input` is taken only once nothing can fail). One Outcome, built in
// place and returned as itself: an answer is not moved on its way out.
Outcome Session::answer(const resolve::Request& request, std::string& input, ConditionLog& conditions,
                        std::vector<Expr>& lost) {
  Outcome o{.kind = Outcome::Kind::Answer,
            .input = {},
            .result = request.backprop ? eval::evaluate_backprop(request.body, *this)
                                       : eval::evaluate_expression(request.body, *this, request.steps || steps_),
            .message = {}};
  if (std::optional<std::string> why = eval::lost_value_missing(request.body, lost, *this))
    throw eval::EvalError{request.body.span, *why + " in the expression as written (its simplified form hides it)"};
  refuse_derivative_past_taken_values();
  std::optional<ExactForm> exact;
  bool checked = false;  // (read again with its decimals exact)
  if (!request.backprop && answered_as_written(o.result))
    if (std::optional<eval::Result> as_written = answer_as_written(input, *this)) {
      keep_typed_labels(o.result, *as_written);
      o.result = std::move(*as_written);
      checked = true;
    }
  if (std::holds_alternative<eval::TaylorPolynomial>(o.result.shape)) taylor_as_written(input, *this, o.result);
  if (!request.backprop && print::is_program(format_)) o.result.name = eval::program_name(request.body);
  if (!request.backprop && answer_is_value(o.result)) {
    Expr printed = o.result.value.scalar;
    exact = check_decimals(o.result.value, request.body, input, *this, &checked);
    // A chain whose value its decimals' exact reading corrected has lines the doubles wrote
    // (dy/du · du/dx = 1.7e-16 u^2 for u = 0.1x + 0.2x - 0.3x): the corrected value alone.
    if (const auto* d = std::get_if<eval::Derivation>(&o.result.shape); d && o.result.value.scalar != printed)
      o.result.shape = eval::NamedDerivative{d->chain.target, std::vector<std::string>(static_cast<std::size_t>(d->chain.order), d->chain.var),
                                             d->chain.partial};
    if (const auto* total = std::get_if<eval::TotalDifferential>(&o.result.shape); total && o.result.value.scalar != printed)
      o.result.shape = eval::differential_in(o.result.value.scalar, *total);
  }
  if (!request.backprop && answer_is_value(o.result)) fold_constants_into_decimals(o.result.value);
  // approx's answer is the decimal it prints, for a later check too (approx(pi), then ans - pi
  // cancelled two doubles to -3.1e-15, for -3.2e-15); one past what an exact number holds
  // (approx(1/30, 100000): 100,001 places) is its double there, as it is here
  if (const auto* d = std::get_if<eval::Decimal>(&o.result.shape); d && !d->beyond_doubles && !exact) {
    try {
      ExactForm digits;
      digits.expr = decimal_symbol(digits.decimals, num(Number::from_decimal_text(d->digits)));
      exact = std::move(digits);
    } catch (const LimitError&) {
    }
  }
  refuse_unchecked_underflow(checked);
  o.result.conditions = std::move(conditions.conditions);
  if (std::holds_alternative<eval::PlotRequest>(o.result.shape)) {
    o.input = input;
    o = draw(std::move(o));
    return o;
  }
  ensure_printable(o.result, format());
  o.input = std::move(input);  // (the error paths, which quote it, are behind us)
  if (!sets_ans(o.result)) return o;
  ans_ = o.result.value;  // a derivation or a display (`y = 2x - 1`) leaves its expression
  ans_dropped_ = std::move(lost);
  ans_conditions_ = o.result.conditions;
  ans_exact_ = std::move(exact);
  return o;
}

void Session::refuse_unchecked_underflow(bool checked) const {
  if (!checked && float_underflows() != underflows_before_) throw UnderflowError(float_underflow_message());
}

bool Session::is_variable(std::string_view name) const { return defs_->variable(name) != nullptr; }

const resolve::FunctionDefinition* Session::function(std::string_view name) const {
  const resolve::FunctionDefinition* f = defs_->function(name, defs_->version());
  if (f) {
    note_read(name);
    note_decimal_zero_loss_of(name);
  }
  return f;
}

bool Session::is_procedure(std::string_view name) const { return eval::find_procedure(name) != nullptr; }

bool Session::statement_reads_decimals() const {
  return statement_reads_decimals_ || decimals_written(statement_text_) > 0;
}

bool Session::statement_lost_part_to_decimal_zero() const {
  return statement_read_decimal_zero_loss_ || decimal_zero_took_parts() != decimal_zero_parts_before_;
}

bool Session::ever_lost_to_decimal_zero() const { return defs_->ever_lost_to_decimal_zero(); }

void Session::note_decimal_zero_loss_looked_up(std::string_view name) const {
  if (const Definitions::Reading* r = defs_->reading(name); r && r->decimal_zero_took_part)
    statement_read_decimal_zero_loss_ = true;
}

// A definition read through a name, defined or not yet, reads the names of its body too (u = d/dx c
// after c = (x + v)^2 follows a later v): noted with it.
void Session::note_read_through(std::string_view name) const {
  if (!statement_reads_decimals_ && defs_->ever_held_decimals())
    if (const Definitions::Variable* v = defs_->variable(name); v && v->exact) statement_reads_decimals_ = true;
  note_decimal_zero_loss_of(name);
  if (!reading_) return;
  note_read(name);
  if (const Definitions::Variable* v = defs_->variable(name))
    for (Expr s : v->symbols) note_read(s.name());
}

std::optional<Expr> Session::definition(std::string_view name) const {
  note_read_through(name);
  return defs_->body(name, defs_->version());
}

std::optional<eval::Context::VariableView> Session::variable_view(std::string_view name) const {
  note_read_through(name);
  return defs_->view(name, defs_->version());
}

void Session::refuse_derivative_past_taken_values_held() const {
  for (const auto& [held, read] : statement_held_)
    if (std::optional<std::string> took = took_value_of(held, read))
      throw MathError("the derivative by " + held + " cannot be taken through " + *took + ": its definition took " + held +
                      "'s value when it was read (a function's body, or a definition through at, d/dx or sum, keeps values, "
                      "not names); write the formula with " + held + " in it instead");
}

// Through the bodies and readings of the names `read`: a definition read through `name`, whose
// body holds name's value where the derivative by it holds the name.
std::optional<std::string> Session::took_value_of(std::string_view name, std::span<const std::string> read) const {
  std::unordered_set<std::string_view> reached;
  std::vector<std::string_view> to_visit;
  auto reach = [&](std::string_view n) {
    if (n != name && reached.insert(n).second) to_visit.push_back(n);
  };
  for (const std::string& n : read) reach(n);
  while (!to_visit.empty()) {
    std::string_view const n = to_visit.back();
    to_visit.pop_back();
    if (const Definitions::Reading* reading = defs_->reading(n)) {
      if (std::find(reading->names.begin(), reading->names.end(), name) != reading->names.end() && !reads_alike_held(n, name))
        return std::string(n);
      for (const std::string& read : reading->names) reach(read);
    }
    if (const Definitions::Variable* defined = defs_->variable(n))
      for (Expr s : defined->symbols) reach(s.name());
  }
  return std::nullopt;
}

std::optional<eval::Value> Session::answer() const {
  note_read("ans");
  // A definition made from ans calls its abstract functions as ans does (k = ans after g(x)^2): a
  // later definition of one is a change it cannot follow, refused as such (repl/follow.cpp), where
  // k kept the abstract g unnoticed.
  if (reading_ && ans_) {
    std::vector<std::string> called;
    PointerSet seen;
    abstract_functions_called(*ans_, called, seen);
    for (const std::string& f : called) note_read(f);
  }
  return ans_;
}

namespace {

// The names a statement binds: a point's (at x = 2), a derivative's variables, a sum's index, a
// procedure's variable.
void bound_names(const resolve::Term& t, std::vector<std::string>& out) {
  if (t.kind == resolve::TermKind::At) out.insert(out.end(), t.names.begin(), t.names.end());
  if (t.kind == resolve::TermKind::Binding || t.kind == resolve::TermKind::Range) out.push_back(t.name);
  for (const grammar::DiffVar& v : t.vars) out.push_back(v.name);
  for (const resolve::Term& c : t.children) bound_names(c, out);
}

}  // namespace

Definitions::Reading Session::reading(const std::string& statement, const resolve::Term* body) {
  Definitions::Reading r = std::move(reading_).value_or(Definitions::Reading{});
  reading_.reset();
  r.statement = statement;
  r.decimal_zero_took_part = statement_lost_part_to_decimal_zero();
  std::sort(r.names.begin(), r.names.end());
  r.names.erase(std::unique(r.names.begin(), r.names.end()), r.names.end());
  // A bound name undefined as the body is read gave it no value: its later definition is no reason
  // to read the body again (w = sin(x) at x = 2 stays sin(2)), nor a cycle (x = w after w = d/dx t^2).
  if (body) {
    std::vector<std::string> bound;
    bound_names(*body, bound);
    std::erase_if(r.names, [&](const std::string& n) {
      return !defs_->variable(n) && std::find(bound.begin(), bound.end(), n) != bound.end();
    });
  }
  return r;
}

// (While a definition is read, its names are asked even before any is defined: it follows them when they are.)
bool Session::has_definitions() const { return defs_->has_variables() || reading_.has_value(); }

std::string Session::text(Expr e) const { return print::to_string(e, print::Format::Text); }

std::vector<std::string> Session::defined_names() const {
  std::vector<std::string> names;
  for (const auto& [n, v] : defs_->variables()) names.push_back(n);
  for (const auto& [n, f] : defs_->functions()) names.push_back(n);
  for (const matrix::Declaration& d : declarations_.list()) names.push_back(d.name);
  return names;
}

// The chain of names through which a new body, using the names `used` and read through the
// names `read` (Definitions::Reading), reaches `name`, if defining name = body makes a cycle: through
// bodies that use names, and through definitions read through them (b = x^2, z = b at x = 3,
// then b = z + x: z holds b's value, which would hold z's).
// Each defined name is visited once: a chain of definitions that each use the one before twice
// (g2 = g1 + h1, h2 = g1 - h1, ...) has two to the power of its length paths through it.
std::optional<std::string> Session::cycle_through(std::string_view name, std::span<const Expr> used,
                                                  std::span<const std::string> read) const {
  Expr self = sym(name);
  // No other body uses the name or was read through it: only the new body itself can close a cycle.
  if (!defs_->is_used(self) && !defs_->is_read(name) && std::find(used.begin(), used.end(), self) == used.end() &&
      std::find(read.begin(), read.end(), name) == read.end())
    return std::nullopt;
  std::unordered_map<std::string_view, std::string_view> used_by;  // a name reached: whose body uses it
  std::vector<std::string_view> to_visit;
  auto reach = [&](std::string_view n, std::string_view by) {
    if (used_by.emplace(n, by).second) to_visit.push_back(n);
  };
  for (Expr v : used) reach(v.name(), {});
  for (const std::string& n : read) reach(n, {});
  while (!to_visit.empty()) {
    std::string_view v = to_visit.back();
    to_visit.pop_back();
    if (v == name) {
      std::vector<std::string_view> path{v};  // name, back through the bodies to the new one
      while (!used_by.at(path.back()).empty()) path.push_back(used_by.at(path.back()));
      return cycle_path_text(path);
    }
    if (const Definitions::Variable* defined = defs_->variable(v))
      for (Expr s : defined->symbols) reach(s.name(), v);
    if (const Definitions::Reading* reading = defs_->reading(v))
      for (const std::string& n : reading->names) reach(n, v);
  }
  return std::nullopt;
}

// A formula body's closed parts of decimals, read as the statement's are: a pole their doubles
// rounded past refuses the definition, as it refuses the statement (k = x + tan(pi/2*1.0) was
// accepted as x + 16331239353195370.0, and f(t) = t + tan(pi/2*1.0) gave d/dx f(x) = 1, where
// x + tan(pi/2*1.0) is refused). Anything else is for the definition's other checks, or its uses,
// to say (w = 1e300^a overflows only where it is used).
void Session::refuse_pole_rounded_past(Expr body, const resolve::Term& read, const std::string& input) {
  eval::Value value = eval::Value::of(body);
  try {
    unnoted([&] { check_decimals(value, read, input, *this); });
  } catch (const PoleRoundedPast&) {
    throw;
  } catch (const Interrupted&) {
    throw;
  } catch (...) {
  }
}

Outcome Session::define(const resolve::Request& r, std::string input, std::string_view line, const ConditionLog& conditions,
                        std::vector<Expr>& lost) {
  const std::string& name = r.name;
  Outcome o;
  o.kind = Outcome::Kind::Defined;
  o.input = input;
  o.message = name;
  // `k = ans` after x^2 + a, then a = 5: k would read a as 5, where ans holds the name a that it
  // was answered with (ans + 1 is x^2 + a + 1); so after d/du u^3 x with u defined. One value read
  // two ways: ask.
  if (const resolve::Term* used = answer_read(r.body); used && answer()) {
    std::vector<Expr> held;
    collect_symbols(*answer(), held);
    for (Expr s : held)
      if (defs_->variable(s.name()) && std::find(r.params.begin(), r.params.end(), s) == r.params.end())
        return error_at(input,
                        "ans holds the name " + s.name() + ", which is defined: " + name + " would read " + s.name() +
                            " as its definition, where ans keeps the name; write the expression out, or :clear " + s.name() +
                            " first",
                        grammar::column_of(line, used->span.begin));
  }
  if (r.kind == resolve::RequestKind::FunctionDefinition) {
    resolve::FunctionDefinition def;
    def.params = r.params;
    def.body = eval::function_body(r.body, r.params, *this);
    refuse_derivative_past_taken_values();
    if (auto refused = conditional_definition(name, input, line, r, conditions)) return *refused;
    if (has_float(def.body)) refuse_pole_rounded_past(def.body, r.body, input);
    unnoted([&] { read_body_exactly(def, input, *this); });
    refuse_unchecked_underflow(def.exact.has_value());
    def.dropped = std::move(lost);
    if (calls_function(def.body, name))
      return error_at(input, "'" + name + "' would call itself; recursive definitions are not supported",
                      grammar::column_of(line, r.body_span.begin));
    Definitions::Reading read = reading(input, &r.body);
    if (auto path = cycle_through(name, {}, read.names))
      return error_at(input, "'" + name + "' would depend on itself (" + name + " -> " + *path + "); the old definition stays",
                      grammar::column_of(line, r.body_span.begin));
    // A variable that others keep by name (y = u^3 after u = x^2) would be a function they read
    // as nothing: d/dx y was 0 after u(x) = sin(x). Refused, as a change that leaves a
    // definition unread is.
    if (defs_->variable(name))
      for (const auto& [other, defined] : defs_->variables())
        if (other != name && std::find(defined->symbols.begin(), defined->symbols.end(), sym(name)) != defined->symbols.end())
          return error_at(input,
                          "'" + other + "' uses " + name + " as a variable: as a function " + name + " would leave " + other +
                              " reading nothing; the old definitions stay (:clear " + other + " first, or define it again after)",
                          grammar::column_of(line, r.name_span.begin));
    defs_->define_function(name, std::move(def), std::move(read));
    forget_abstract_params(name);
    return o;
  }
  Expr body = eval::definition_body(r.body, *this);
  refuse_derivative_past_taken_values();
  if (auto refused = conditional_definition(name, input, line, r, conditions)) return *refused;
  // Its digits, as an answer's (a = sec(sinh(12.5 e))), and a formula's closed parts of decimals
  // as an answer's (k = x + tan(pi/2*1.0) was accepted as x + 16331239353195370.0, where the
  // statement x + tan(pi/2*1.0) is refused: a pole the doubles rounded past).
  if (body.is_number() && body.number().is_float()) {
    eval::Value value = eval::Value::of(body);
    try {
      unnoted([&] { check_decimals(value, r.body, input, *this); });
    } catch (const UnderflowError&) {  // (no answer printed: its uses read the body as written)
    }
    body = value.scalar;
  } else if (has_float(body)) {
    refuse_pole_rounded_past(body, r.body, input);
  }
  Definitions::Reading read = reading(input, &r.body);
  if (auto path = cycle_through(name, Definitions::symbols_used(body, lost), read.names))
    return error_at(input, "'" + name + "' would depend on itself (" + name + " -> " + *path + "); the old definition stays",
                    grammar::column_of(line, r.body_span.begin));
  std::optional<ExactForm> exact = unnoted([&] { return read_value_exactly(body, r.body, input, *this); });
  refuse_unchecked_underflow(exact.has_value());
  defs_->define_variable(name, body, std::move(lost), std::move(exact), std::move(read));
  return o;
}

// `x in R^n`: a declaration, read whole (the grammar does not know `in`, `∈` or `ℝ`).
Outcome Session::declare(std::string_view line) {
  std::string input(line);
  matrix::Declaration d;
  try {
    d = matrix::read_declaration(line);
  } catch (const matrix::DeclarationError& e) {
    return error_at(input, e.what(), grammar::column_of(line, e.offset));
  }
  std::size_t column = grammar::column_of(line, line.find_first_not_of(" \t"));
  if (defs_->variable(d.name) || defs_->function(d.name, defs_->version()))
    return error_at(input, "'" + d.name + "' is defined; :clear " + d.name + " first", column);
  if (find_function(d.name) || eval::find_procedure(d.name) || resolve::is_matrix_function(d.name))
    return error_at(input, "'" + d.name + "' is the name of a function", column);
  // (e in R^n was accepted, and every use of e then read Euler's number: d/de e^T e was 0)
  if (resolve::is_reserved(d.name, *this))
    return error_at(input, "'" + d.name + "' is reserved and cannot be declared", column);
  // A definition using the name reads it as a scalar, which a declaration would change under it.
  if (std::optional<std::string> user = defs_->user_of(d.name))
    return error_at(input, "'" + d.name + "' is used by the definition of " + *user + "; :clear " + *user + " first", column);
  // A vector or matrix and a size under one name (n in R^n; m in R^m after A in R^(m, m)):
  // `at n = 2` would give the size and name the entries at once.
  auto names_size = [](const matrix::Shape& s, std::string_view name) {
    return (s.rows.is(Kind::Symbol) && s.rows.name() == name) || (s.cols.is(Kind::Symbol) && s.cols.name() == name);
  };
  if (names_size(d.shape, d.name))
    return error_at(input, "'" + d.name + "' cannot name both what is declared and its size: write another name for the size",
                    column);
  for (const matrix::Declaration& other : declarations_.list()) {
    if (other.name == d.name) continue;
    if (names_size(other.shape, d.name))
      return error_at(input, "'" + d.name + "' is a size of " + other.text() + "; declare it under another name", column);
    if (names_size(d.shape, other.name))
      return error_at(input, "'" + other.name + "' is declared (" + other.text() + ") and cannot be a size too", column);
  }
  std::string name = d.name;
  declarations_.declare(std::move(d));
  Outcome o;
  o.kind = Outcome::Kind::Defined;
  o.input = input;
  o.message = name;
  return o;
}

// A statement that names a declared vector or matrix: read as a matrix expression and answered in
// matrix notation, or entry by entry after `at n = 2`. `ans` is not changed by it.
Outcome Session::run_matrix(const grammar::Statement& s, std::string input, std::string_view line) {
  if (s.backprop) return error_at(input, "backprop of a matrix expression is not supported", grammar::column_of(line, s.span.begin));
  resolve::MatrixRequest request = resolve::resolve_matrix(s.body, declarations_, *this, line);
  Outcome o;
  o.kind = Outcome::Kind::Answer;
  o.input = std::move(input);
  o.matrix = true;
  bool steps = s.steps || steps_;
  o.result = eval::evaluate_matrix(request, denominator_layout_, steps);
  // grad, jacobian and hessian name their code so, as for scalars (hessian(x^T A x, x) was d_dx),
  // and a derivative written out in entries by its variable, as one in matrix notation is
  // (d/dx x^T x at n = 2 was f)
  if (print::is_program(format_)) {
    const grammar::Node& asked = s.body.kind == grammar::NodeKind::At ? s.body.children[0] : s.body;
    if (asked.kind == grammar::NodeKind::Apply && (asked.text == "grad" || asked.text == "jacobian" || asked.text == "hessian"))
      o.result.name = asked.text.str();
    else if (request.kind == resolve::MatrixRequest::Kind::Derivative)
      o.result.name = "d_d" + request.var->name;
  }
  const auto* shown = std::get_if<eval::MatrixAnswer>(&o.result.shape);
  if (steps && (!shown || shown->differential.empty())) {
    // (a derivative with no differential is of an expression without the variable: its note, the
    // zero's shape, stays)
    std::string const why = shown && request.kind == resolve::MatrixRequest::Kind::Derivative
                                ? "no steps: the expression does not depend on " + request.var->name
                                : "steps are shown for d/dx of a matrix expression only";
    o.result.note = o.result.note.empty() ? why : o.result.note + "; " + why;
  }
  if (shown) {
    if (shown->entries) ensure_printable(*shown->entries, format());  // (a matrix notation prints as small as it is)
    else ensure_notation_printable(o.result, format());
    return o;
  }
  ensure_printable(o.result, format());
  ans_ = o.result.value;
  ans_dropped_.clear();  // (matrix statements are read without notes)
  ans_conditions_.clear();
  ans_exact_.reset();
  return o;
}

}  // namespace ddx
