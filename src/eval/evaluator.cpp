// SPDX-License-Identifier: GPL-3.0-or-later
// Terms to values (see evaluator.hpp): definitions substituted where they are meant, arithmetic
// over parts that were not values until now, vectors, `ans`, comparisons. Derivatives and points
// are in derivatives.cpp, procedures in procedures*.cpp.
#include "eval/evaluator.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/substitute.hpp"
#include "eval/compare.hpp"
#include "support/graph_walk.hpp"

namespace ddx::eval {
namespace {

// `series(...) + 1`, `series(...) at x = 1`, `s = series(...)`: the order term cannot take part.
std::string series_inside_message() {
  return "a series with its order term O(...) is an answer of its own, not a value for an expression, a point or a "
         "definition; taylor(...) gives the polynomial alone";
}

}  // namespace

bool Evaluator::is_held(std::string_view name) const {
  return std::find(held_.begin(), held_.end(), name) != held_.end();
}

Expr Evaluator::definition_value(std::string_view name) { return definition_value(*context_.variable_view(name)); }

Expr Evaluator::definition_value(const Context::VariableView& variable) {
  std::unordered_map<Expr, Expr> s;
  for (Expr v : variable.defined_symbols)
    if (std::optional<Expr> value = symbol_value(v)) s.emplace(v, *value);
  // Under an `at`: what the definition's body lost as it was read (`f = x/x`: 1/x) goes with it,
  // also through a procedure that keeps what its arguments require (simplify(f)).
  if (noting_required())
    for (Expr part : variable.dropped) note_required(substituted(part));
  return s.empty() ? variable.body : substitute(variable.body, s);
}

// What a symbol stands for: the value of its definition, or nullopt when it is no defined
// variable or is held (looked up once: body, defined symbols and dropped parts together).
// Substituted once per statement: a value known already brings its notes again where notes are
// taken (a value first made without them is made again, with them).
std::optional<Expr> Evaluator::symbol_value(Expr symbol) {
  if (is_held(symbol.name())) return std::nullopt;
  const KnownValue* known = usable_known_value(symbol);
  if (!known) {
    std::optional<Context::VariableView> variable = context_.variable_view(symbol.name());
    if (!variable) return std::nullopt;
    know_definitions_below(*variable);
    known = &know(symbol, *variable);
  }
  if (noting_required())
    for (Expr part : known->notes) note_required(part);
  return known->value;
}

const Evaluator::KnownValue* Evaluator::usable_known_value(Expr symbol) const {
  const KnownValue* known = known_values_.find(symbol);
  if (!known || (noting_required() && !known->noted)) return nullptr;
  return known;
}

std::size_t Evaluator::KnownValues::place_of(Expr symbol) const {
  if (!index_.empty()) {
    auto at = index_.find(symbol);
    return at == index_.end() ? unknown : at->second;
  }
  for (std::size_t i = 0; i < values_.size(); ++i)
    if (values_[i].first == symbol) return i;
  return unknown;
}

const Evaluator::KnownValue* Evaluator::KnownValues::find(Expr symbol) const {
  std::size_t i = place_of(symbol);
  return i == unknown ? nullptr : &values_[i].second;
}

Evaluator::KnownValue& Evaluator::KnownValues::assign(Expr symbol, KnownValue known) {
  if (std::size_t i = place_of(symbol); i != unknown) return values_[i].second = std::move(known);
  values_.emplace_back(symbol, std::move(known));
  if (values_.size() > few) {
    if (index_.empty())
      for (std::size_t i = 0; i < values_.size(); ++i) index_.emplace(values_[i].first, i);
    else
      index_.emplace(symbol, values_.size() - 1);
  }
  return values_.back().second;
}

void Evaluator::KnownValues::clear() {
  values_.clear();
  index_.clear();
}

// Makes known, innermost first, every defined name that the body of `variable` reaches and that
// is not known yet: each is then substituted into the next without recursion. A chain of
// definitions may be longer than any stack is deep (f1 = f0 + x, ..., f200000 = f199999 + x).
void Evaluator::know_definitions_below(const Context::VariableView& variable) {
  struct Frame {
    Expr symbol;
    Context::VariableView view;
    std::span<const Expr> edges;  // the defined names its body uses
  };
  std::unordered_set<Expr> entered;
  auto open = [&](Expr symbol) -> std::optional<Frame> {
    if (is_held(symbol.name()) || usable_known_value(symbol) || !entered.insert(symbol).second) return std::nullopt;
    std::optional<Context::VariableView> view = context_.variable_view(symbol.name());
    if (!view) return std::nullopt;
    return Frame{symbol, *view, view->defined_symbols};
  };
  walk_after_successors<Expr>(variable.defined_symbols, open, [&](const Frame& f) { know(f.symbol, f.view); });
}

// The value of `symbol`'s definition, made and kept (the names its body uses known already, or
// worked out here by recursion), with its notes when notes are taken.
const Evaluator::KnownValue& Evaluator::know(Expr symbol, const Context::VariableView& variable) {
  KnownValue known{.value = Expr(), .noted = noting_required(), .notes = {}};
  if (known.noted) {
    std::vector<Expr> notes;
    known.value = noting_into(notes, [&] { return definition_value(variable); });
    // Each part once, in the order noted (the first without a value names the error).
    std::unordered_set<Expr> seen;
    for (Expr part : notes)
      if (seen.insert(part).second) known.notes.push_back(part);
  } else {
    known.value = definition_value(variable);
  }
  return known_values_.assign(symbol, std::move(known));
}

void Evaluator::remember_held(const std::string& name) {
  if (std::find(ever_held_.begin(), ever_held_.end(), name) == ever_held_.end()) ever_held_.push_back(name);
}

namespace {

// The names a reading holds: its values' symbols, the names it writes (dy/dx's y) and the
// functions it called.
void names_read(const Term& t, std::vector<std::string>& out) {
  for (Expr s : free_symbols(t.expr)) out.push_back(s.name());
  if (!t.name.empty()) out.push_back(t.name);
  for (const std::string& n : t.names)
    if (!n.empty()) out.push_back(n);
  if (t.functions) out.insert(out.end(), t.functions->begin(), t.functions->end());
  for (const Term& c : t.children) names_read(c, out);
}

}  // namespace

void Evaluator::tell_held(Expr var, const Term* operand, std::string_view target) const {
  std::vector<std::string> read;
  if (operand) names_read(*operand, read);
  if (!target.empty()) read.emplace_back(target);
  context_.holds_for_derivative(var.name(), std::move(read));
}

std::size_t Evaluator::hold_defined(std::span<const Expr> vars, const Term* operand, std::string_view target) {
  std::size_t held_before = held_.size();
  for (Expr v : vars)
    if (v.is(Kind::Symbol) && context_.definition(v.name()) && !is_held(v.name())) {
      held_.push_back(v.name());
      remember_held(v.name());
      tell_held(v, operand, target);
    }
  if (held_.size() != held_before) known_values_.clear();  // a held name has no value
  return held_before;
}

void Evaluator::release_held(std::size_t held_before) {
  if (held_.size() == held_before) return;
  held_.resize(held_before);
  known_values_.clear();  // made while they were held
}

// `ans`, bringing under an `at` what its statement lost as it was read (`x/x`: 1/x).
Value Evaluator::previous_answer(const Term& t) {
  auto a = context_.answer();
  if (!a) throw EvalError{t.span, "there is no previous answer yet"};
  if (noting_required())
    for (Expr part : context_.answer_dropped()) note_required(substituted(part));
  for (const IndexCondition& c : context_.answer_conditions()) note_condition(c);
  return *a;
}

// A resolved expression with the definitions it names substituted (unless held, or kept).
Expr Evaluator::substituted(Expr e, std::span<const Expr> own) {
  if (keep_names_ || !context_.has_definitions()) return e;
  if (e.is(Kind::Symbol) && own.empty()) return symbol_value(e).value_or(e);  // a name alone (`∂/∂x F`): no map
  std::unordered_map<Expr, Expr> s;
  for (Expr v : free_symbols(e))
    if (std::find(own.begin(), own.end(), v) == own.end())
      if (std::optional<Expr> value = symbol_value(v)) s.emplace(v, *value);
  return s.empty() ? e : substitute(e, s);
}

Value Evaluator::value(const Term& t) {
  switch (t.kind) {
    case TermKind::Vector: {
      std::vector<Value> items;
      for (const Term& c : t.children) items.push_back(value(c));
      // A matrix is rows of one length: [[1, 2], [3]] is neither a matrix nor a vector.
      for (const Value& item : items)
        if (item.kind != items[0].kind || (item.kind == Value::Kind::List && item.items.size() != items[0].items.size()))
          throw EvalError{t.span, "the rows of a matrix must have the same length (and a vector's entries be scalars)"};
      return Value::list(std::move(items));
    }
    case TermKind::Compare: return compare(t).value;
    case TermKind::At: return at(t);
    case TermKind::Call: {
      Result r = call(t);
      if (r.is_series()) throw EvalError{t.span, series_inside_message()};
      return r.value;
    }
    case TermKind::Answer: return previous_answer(t);
    default: return Value::of(scalar(t));
  }
}

Expr Evaluator::scalar(const Term& t) {
  try {
    return scalar_unguarded(t);
  } catch (const MathError& e) {
    throw EvalError{t.span, e.what()};
  } catch (const LimitError& e) {
    throw EvalError{t.span, e.what()};
  }
}

Expr Evaluator::scalar_unguarded(const Term& t) {
  switch (t.kind) {
    case TermKind::Value: return substituted(t.expr, t.params);  // (a function named bare: its parameters are its own)
    case TermKind::Sum:
    case TermKind::Product:
    case TermKind::Power:
    case TermKind::Negate:
    case TermKind::Apply: return combine(t);
    case TermKind::Derivative: return derivative(t);
    case TermKind::Leibniz: return leibniz(t);
    case TermKind::Prime: return prime(t);
    case TermKind::At: {
      Value v = at(t);
      if (!v.is_scalar()) throw EvalError{t.span, "a vector or matrix cannot be used inside an expression here"};
      return v.scalar;
    }
    case TermKind::Call: {
      Result r = call(t);
      if (r.is_series()) throw EvalError{t.span, series_inside_message()};
      if (const auto* d = std::get_if<Decimal>(&r.shape); d && d->beyond_doubles)
        throw EvalError{t.span, "a decimal beyond a double's range (about 1e-308 to 1e308) cannot be used inside an "
                                "expression; its exact value can (ans, or the expression inside approx)"};
      if (!r.usable_in_expressions())
        throw EvalError{t.span, "'" + t.name + "' gives a " + (r.value.kind == Value::Kind::List ? "vector or matrix" : "result") +
                                    " that cannot be used inside an expression"};
      return r.value.scalar;
    }
    case TermKind::Answer: {
      Value a = previous_answer(t);
      if (!a.is_scalar()) throw EvalError{t.span, "ans is not a scalar here"};
      return a.scalar;
    }
    case TermKind::Vector: throw EvalError{t.span, "a vector cannot be used inside an expression here"};
    case TermKind::Compare: throw EvalError{t.span, "'==' compares whole expressions; use it at the top level"};
    case TermKind::Equation: throw EvalError{t.span, "an equation cannot be used as a value here (to compare, write ==)"};
    case TermKind::Binding:
    case TermKind::Range:
      throw EvalError{t.name_span, "unexpected '=': NAME = VALUE belongs after 'at', in tangent(f, x = a), or in a "
                                   "table or plot range"};
  }
  throw EvalError{t.span, "unsupported expression"};
}

// Arithmetic over terms some of whose parts needed evaluating (`2 d/dx x^2 + 1`): the canonical
// constructors, called as the resolver would have for values.
Expr Evaluator::combine(const Term& t) {
  std::vector<Expr> parts;
  parts.reserve(t.children.size());
  for (const Term& c : t.children) parts.push_back(scalar(c));
  switch (t.kind) {
    case TermKind::Sum:
      for (std::size_t i = 0; i < parts.size(); ++i)
        if (t.ops[i] == '-') parts[i] = -parts[i];
      return add(std::move(parts));
    case TermKind::Product:
      for (std::size_t i = 0; i < parts.size(); ++i)
        if (t.ops[i] == '/') {
          if (parts[i].is_zero()) throw EvalError{t.children[i].span, "division by zero"};
          parts[i] = pow(parts[i], Expr(-1));
        }
      return mul(std::move(parts));
    case TermKind::Power: return pow(parts[0], parts[1]);
    case TermKind::Negate: return -parts[0];
    default: break;  // Apply
  }
  if (!t.params.empty()) {  // a defined function's body over its parameters
    std::unordered_map<Expr, Expr> s;
    for (std::size_t i = 0; i < parts.size(); ++i) s.emplace(t.params[i], parts[i]);
    for (Expr part : t.dropped) note_dropped(part_at(part, s));  // f(x) = x/x: f(0) has no value
    if (!has_corner_sign(t.expr)) return substitute(t.expr, s);
    std::string point;  // (a derivative's formula at a corner: g(x) = d/dx x abs(x), g(0))
    for (std::size_t i = 0; i < parts.size(); ++i) point += (i ? ", " : "") + t.params[i].name() + " = " + context_.text(parts[i]);
    return value_at(t.expr, s, point, t);
  }
  return ddx::call(t.function, std::move(parts));
}

Expr Evaluator::variable(const Term& t) {
  if (t.kind != TermKind::Value || !t.expr.is(Kind::Symbol)) throw EvalError{t.span, "expected a variable name here"};
  return t.expr;
}

Expr Evaluator::operand(const Term& t, std::span<const Expr> vars) {
  std::size_t held_before = hold_defined(vars, &t, {});
  std::vector<ActivePoint> points = std::move(points_);
  points_.clear();
  // A derivative inside a definition's body differentiates the names' values (u = x^2;
  // y = d/dx u is 2x), though the body itself keeps the names as written.
  bool keep_names = std::exchange(keep_names_, false);
  auto restore = [&] {
    release_held(held_before);
    points_ = std::move(points);
    keep_names_ = keep_names;
  };
  try {
    Expr e = scalar(t);
    restore();
    return e;
  } catch (...) {
    restore();
    throw;
  }
}

namespace {

// The parts of a derivative's operand that it lost as it was read, anywhere in t (each is a
// requirement of the derivative, which == takes as such, not a part of the side's own value).
void derivative_drops(const Term& t, std::vector<Expr>& out) {
  if (t.kind == TermKind::Derivative || t.kind == TermKind::Leibniz || t.kind == TermKind::Prime)
    out.insert(out.end(), t.dropped.begin(), t.dropped.end());
  for (const Term& c : t.children) derivative_drops(c, out);
}

// What a side of == lost as it was read, but for its derivatives' operands: the parts it needs a
// value of where it has one (sqrt(x)^2 is x where x >= 0; resolve notes them on the side).
std::vector<Expr> domain_as_written(const Term& side) {
  std::vector<Expr> of_derivatives, kept;
  derivative_drops(side, of_derivatives);
  for (Expr part : side.dropped)
    if (std::find(of_derivatives.begin(), of_derivatives.end(), part) == of_derivatives.end()) kept.push_back(part);
  return kept;
}

}  // namespace

// After r = sqrt(x), r^2 is x where x >= 0, as sqrt(x)^2 is: what the names' values lose as they
// are put in is part of the side as written, as what the side itself lost is (domain_as_written),
// not a requirement (r^2 == x was true, sqrt(x)^2 == x false). Inside a derivative it is one.
std::vector<Expr> Evaluator::lost_to_definitions(const Term& side) {
  std::vector<Expr> lost;
  if (keep_names_ || !context_.has_definitions()) return lost;
  auto walk = [&](auto& self, const Term& t) -> void {
    if (t.kind == TermKind::Derivative || t.kind == TermKind::Leibniz || t.kind == TermKind::Prime) return;
    if (t.kind == TermKind::Value) noting_into(lost, [&] { return substituted(t.expr); });
    for (const Term& c : t.children) self(self, c);
  };
  walk(walk, side);
  return lost;
}

// `A == B` for expressions, vectors and matrices (entry by entry; different shapes are unequal).
Result Evaluator::compare(const Term& t) {
  // What each side requires as it is worked out (a derivative, the function it is taken of:
  // d/dx acosh(x) exists only for x >= 1, though its formula 1/sqrt(x^2 - 1) has values below -1).
  std::vector<Expr> required_a, required_b;
  Value a = noting_into(required_a, [&] { return value(t.children[0]); });
  Value b = noting_into(required_b, [&] { return value(t.children[1]); });
  // (with the definitions they name put in: n = 3, then x^n x^2 == x^5 took n for a variable)
  std::vector<Expr> domain_a = domain_as_written(t.children[0]), domain_b = domain_as_written(t.children[1]);
  for (std::vector<Expr>* parts : {&domain_a, &domain_b})
    for (Expr& part : *parts) part = substituted(part);
  for (auto [side, domain, required] : {std::tuple{&t.children[0], &domain_a, &required_a}, std::tuple{&t.children[1], &domain_b, &required_b}})
    for (Expr part : lost_to_definitions(*side)) {
      domain->push_back(part);
      std::erase(*required, part);
    }
  std::vector<std::pair<Expr, Expr>> pairs;
  std::function<bool(const Value&, const Value&)> pair_up = [&](const Value& x, const Value& y) {
    if (x.kind == Value::Kind::Truth || y.kind == Value::Kind::Truth)
      throw EvalError{t.span, "'==' compares expressions, vectors and matrices, not truth values"};
    bool x_list = x.kind == Value::Kind::List, y_list = y.kind == Value::Kind::List;
    if (x_list != y_list) return false;
    if (!x_list) {
      // (a name a derivative was taken by stays in its answer, dy/du's u in 3u^2: the sides are
      // compared with it worth its definition, as the chain display's last line has it, or
      // dy/du * du/dx == dy/dx was false)
      pairs.emplace_back(substituted(x.scalar), substituted(y.scalar));
      return true;
    }
    if (x.items.size() != y.items.size()) return false;
    for (std::size_t i = 0; i < x.items.size(); ++i)
      if (!pair_up(x.items[i], y.items[i])) return false;
    return true;
  };
  if (!pair_up(a, b)) return Result::of(Value::boolean(false));
  Result all = Result::of(Value::boolean(true));
  std::optional<std::string> undecided;  // an entry neither equal nor unequal: the answer unless another differs
  for (const auto& [x, y] : pairs) {
    Comparison c = compare_expressions(x, y, required_a, required_b, domain_a, domain_b);
    if (!c.decided) {
      if (!undecided) undecided = c.note;
      continue;
    }
    if (!c.equal) {
      Result r = Result::of(Value::boolean(false));
      r.note = c.note;
      return r;
    }
    if (!c.note.empty()) all.note = c.note;
  }
  // Neither true nor false: saying `false` would be a guess.
  if (undecided) throw EvalError{t.span, "cannot decide whether the two sides are equal: " + *undecided};
  return all;
}

}  // namespace ddx::eval
