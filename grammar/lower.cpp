// SPDX-License-Identifier: GPL-3.0-or-later
// AST -> canonical expressions (see lower.hpp). The grammar knows no function names; this file
// is where names meet the function table and the session's definitions.
#include "grammar/lower.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "grammar/lowerer.hpp"
#include "grammar/names.hpp"

namespace ddx::grammar {
namespace {

SourceSpan sub_span(SourceSpan whole, std::size_t offset, std::size_t length) {
  return SourceSpan{static_cast<std::uint32_t>(whole.begin + offset), static_cast<std::uint32_t>(whole.begin + offset + length)};
}

bool is_special(std::string_view w) { return find_procedure(w).has_value(); }

// Longest run of unknown letters that still splits into factors (`abc` = a·b·c); a longer one is
// far more likely a name ddx does not know (`loss`, `backprop`) than a product.
constexpr std::size_t max_split_factors = 3;

std::string foreign_message(std::string_view w) {
  return "'" + std::string(w) + "' is not a ddx function: ddx differentiates (see :help functions)";
}

std::string planned_message(std::string_view w) {
  return "'" + std::string(w) + "' is not supported yet in this version of ddx";
}

}  // namespace

Value Lowerer::value(const Node& n) {
  switch (n.kind) {
    case NodeKind::Vector: {
      std::vector<Value> items;
      for (const Node& c : n.children) items.push_back(value(c));
      return Value::list(std::move(items));
    }
    case NodeKind::Compare: return compare(n);
    case NodeKind::At: return at(n);
    case NodeKind::Apply:
      if (auto procedure = find_procedure(n.text)) return (*procedure)(n, *this);
      break;
    case NodeKind::Group: {
      NodeKind inner = n.children[0].kind;
      if (inner == NodeKind::Vector || inner == NodeKind::Compare || inner == NodeKind::At) return value(n.children[0]);
      break;
    }
    case NodeKind::Word:
      if (n.text == "ans") {
        auto a = scope_.previous_answer();
        if (!a) throw LowerError{n.span, "there is no previous answer yet"};
        return *a;
      }
      break;
    default: break;
  }
  return Value::of(scalar(n));
}

Expr Lowerer::scalar(const Node& n) {
  try {
    return scalar_unguarded(n);
  } catch (const MathError& e) {
    throw LowerError{n.span, e.what()};
  } catch (const LimitError& e) {
    throw LowerError{n.span, e.what()};
  }
}

Expr Lowerer::scalar_unguarded(const Node& n) {
  switch (n.kind) {
    case NodeKind::Number: return number(n);
    case NodeKind::Word: return word(n.text, n.span);
    case NodeKind::Apply: return apply(n);
    case NodeKind::Prime: return prime(n);
    case NodeKind::Neg: return -scalar(n.children[0]);
    case NodeKind::Sum: {
      std::vector<Expr> terms;
      terms.reserve(n.children.size());
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        Expr t = scalar(n.children[i]);
        terms.push_back(n.ops[i] == '-' ? -t : t);
      }
      return add(std::move(terms));
    }
    case NodeKind::Product: return product(n);
    case NodeKind::Pow: {
      if (is_function_word(n.children[0]))
        throw LowerError{n.children[0].span, "'" + n.children[0].text + "' needs an argument: " + n.children[0].text + "^2(x)"};
      return mul(juxtaposed_factors(n));
    }
    case NodeKind::Group: return scalar(n.children[0]);
    case NodeKind::DerivOp: return derivative_operator(n);
    case NodeKind::Leibniz: return leibniz(n);
    case NodeKind::At: {
      Value v = at(n);
      if (v.kind != Value::Kind::Scalar) throw LowerError{n.span, "a vector or matrix cannot be used inside an expression here"};
      return v.scalar;
    }
    case NodeKind::Vector: throw LowerError{n.span, "a vector cannot be used inside an expression here"};
    case NodeKind::Compare: throw LowerError{n.span, "'==' compares whole expressions; use it at the top level"};
    case NodeKind::Equality: throw LowerError{n.span, "an equation cannot be used as a value here (to compare, write ==)"};
    case NodeKind::Equation:
    case NodeKind::Range:
      throw LowerError{n.name_span, "unexpected '=': NAME = VALUE belongs after 'at', in tangent(f, x = a), or in a "
                                    "table or plot range"};
  }
  throw LowerError{n.span, "unsupported expression"};
}

Expr Lowerer::number(const Node& n) {
  if (n.is_float) return num(Number::from_double(std::strtod(n.text.c_str(), nullptr)));
  return num(Number::from_integer_text(n.text));
}

// A word as a value: a defined name, a constant, an identifier, or a run of identifiers.
Expr Lowerer::word(std::string_view w, SourceSpan span) { return mul(run_factors(w, span)); }

// The factors a word stands for: one for a name (defined, a constant, an identifier), or the
// identifiers of a short run of letters (`4xy` = 4·x·y, `x3x4` = x3·x4).
std::vector<Expr> Lowerer::run_factors(std::string_view w, SourceSpan span) {
  if (w == "ans") {
    auto a = scope_.previous_answer();
    if (!a) throw LowerError{span, "there is no previous answer yet"};
    if (a->kind != Value::Kind::Scalar) throw LowerError{span, "ans is not a scalar here"};
    return {a->scalar};
  }
  if (auto v = defined(w)) return {*v};
  // A defined function named bare means its body over its parameters: after f(x, y) = x^2 y,
  // grad(f) is [2x y, x^2].
  if (const FunctionDefinition* def = scope_.function_definition(w)) return {def->body};
  if (w == "e") return {e_const()};
  if (w == "pi") return {pi_const()};
  if (is_foreign_name(w)) throw LowerError{span, foreign_message(w)};
  if (is_planned_name(w)) throw LowerError{span, planned_message(w)};
  if (builtin_name(w) || !log_base(w).empty())
    throw LowerError{span, "'" + std::string(w) + "' is a function: write " + std::string(w) + "(x) or " +
                               std::string(w) + " x"};
  if (is_special(w)) throw LowerError{span, "'" + std::string(w) + "' needs its arguments: " + std::string(w) + "(...)"};
  if (is_identifier(w)) return {sym(w)};
  if (std::string f = function_prefix(w); !f.empty())
    throw LowerError{span, "unknown name '" + std::string(w) + "'; did you mean '" + f + " " +
                               std::string(w.substr(f.size())) + "'?"};
  std::vector<std::string_view> parts = split_run(w);
  // A run that does not split (`_` of `x_`) would recurse forever (found by fuzzing).
  if (parts.size() == 1)
    throw LowerError{span, "unexpected '" + std::string(w) + "' (a subscript needs letters or digits: x_1)"};
  if (parts.size() > max_split_factors) {
    std::string spaced;
    for (std::string_view p : parts) spaced += (spaced.empty() ? "" : " ") + std::string(p);
    throw LowerError{span, "unknown name '" + std::string(w) + "' (define it first" +
                               (parts.size() <= 6 ? ", or write a product with spaces: " + spaced : std::string()) + ")"};
  }
  std::vector<Expr> factors;
  std::size_t offset = 0;
  for (std::string_view part : parts) {
    for (Expr f : run_factors(part, sub_span(span, offset, part.size()))) factors.push_back(f);
    offset += part.size();
  }
  return factors;
}

// The factors a juxtaposed operand stands for, in order. `^` binds tighter than juxtaposition,
// also inside a run of letters and before a bracket, so a power on a run raises its last factor
// only (`ax^2` = a·x², `x(x+1)^2` = x·(x+1)²), and an exponent takes only the first factor of a
// run (`e^x(x+1)` = eˣ·(x+1), `xe^x` = x·eˣ).
std::vector<Expr> Lowerer::juxtaposed_factors(const Node& n) {
  switch (n.kind) {
    case NodeKind::Word: return run_factors(n.text, n.span);
    case NodeKind::Apply:
      if (!apply_is_call(n)) {
        if (n.children.size() != 1) throw LowerError{n.span, "expected one expression in parentheses"};
        std::vector<Expr> factors = run_factors(n.text, n.name_span);
        factors.push_back(scalar(n.children[0]));
        return factors;
      }
      break;
    case NodeKind::Neg: {  // only in an exponent: x^-ab
      std::vector<Expr> factors = juxtaposed_factors(n.children[0]);
      factors.front() = -factors.front();
      return factors;
    }
    case NodeKind::Pow: {
      std::vector<Expr> base = juxtaposed_factors(n.children[0]);
      std::vector<Expr> exponent = juxtaposed_factors(n.children[1]);
      base.back() = pow(base.back(), exponent.front());
      base.insert(base.end(), exponent.begin() + 1, exponent.end());
      return base;
    }
    default: break;
  }
  return {scalar(n)};
}

bool Lowerer::is_held(std::string_view w) const {
  return std::find(held_.begin(), held_.end(), w) != held_.end();
}

std::optional<Expr> Lowerer::defined(std::string_view w) {
  if (!scope_.definition_body(w)) return std::nullopt;
  if (keep_names_ || is_held(w)) return sym(w);
  if (held_.empty()) return scope_.variable_value(w);
  return value_holding(w);
}

// The value of a defined name with every definition it uses substituted, except the held ones.
Expr Lowerer::value_holding(std::string_view w) {
  Expr body = *scope_.definition_body(w);
  std::unordered_map<Expr, Expr> s;
  for (Expr v : free_symbols(body))
    if (!is_held(v.name()) && scope_.definition_body(v.name())) s.emplace(v, value_holding(v.name()));
  return s.empty() ? body : substitute(body, s);
}

bool Lowerer::is_function_word(const Node& n) {
  // `sin^2 x` and `-sin^2(x)` (unary minus binds looser than ^, tighter than juxtaposition).
  if (n.kind == NodeKind::Pow || n.kind == NodeKind::Neg) return is_function_word(n.children[0]);
  return n.kind == NodeKind::Word && !defined(n.text) && (builtin_name(n.text) || !log_base(n.text).empty());
}

// Applies the built-in `name` (or log_b) to already-lowered arguments.
Expr Lowerer::apply_builtin(std::string_view name, std::vector<Expr> args, const Node& at) {
  if (std::string_view b = log_base(name); !b.empty()) {
    if (args.size() != 1) throw LowerError{at.span, std::string(name) + " takes 1 argument"};
    bool digits = std::all_of(b.begin(), b.end(), is_digit);
    if (!digits && !is_identifier(b))
      throw LowerError{at.name_span, "the base of log_b must be a whole number or a name: log_2(x), log_a(x)"};
    Expr base = digits ? num(Number::from_integer_text(b)) : word(b, at.name_span);
    return log(args[0]) / log(base);
  }
  std::string fn = *builtin_name(name);
  const FunctionInfo& info = function_info(*find_function(fn));
  if (static_cast<int>(args.size()) != info.arity)
    throw LowerError{at.span, fn + " takes " + std::to_string(info.arity) + " argument" + (info.arity == 1 ? "" : "s") +
                                  ", not " + std::to_string(args.size())};
  return call(fn, std::move(args));
}

// A flat run of `*`, `/` and juxtaposition; `sin x cos x` applies each function word to the
// juxtaposed factors after it, up to the next operator or function word.
// All factors go to one n-ary mul(), so that a printed product `3 (a) (b)` reads back as the
// same node (mul distributes a number over a lone sum, so pairwise folding could differ).
Expr Lowerer::product(const Node& n) {
  std::vector<Expr> factors = product_factors(n);
  try {
    return mul(std::move(factors));
  } catch (const MathError& e) {
    throw LowerError{n.span, e.what()};
  }
}

std::vector<Expr> Lowerer::product_factors(const Node& n) {
  std::vector<Expr> factors;
  factors.reserve(n.children.size());
  std::size_t i = 0;
  while (i < n.children.size()) {
    const Node& c = n.children[i];
    char op = i == 0 ? ' ' : n.ops[i];
    std::vector<Expr> values;
    if (is_function_word(c)) {
      std::size_t j = i + 1;
      std::vector<Expr> arg;
      while (j < n.children.size() && n.ops[j] == ' ' && !is_function_word(n.children[j])) arg.push_back(scalar(n.children[j++]));
      bool negate = false;  // `-sin x`, `--sin x` (a run of signs, found by the fuzzer)
      const Node* signed_node = &c;
      while (signed_node->kind == NodeKind::Neg) {
        negate = !negate;
        signed_node = &signed_node->children[0];
      }
      const Node& powered = *signed_node;
      const Node& fn = powered.kind == NodeKind::Pow ? powered.children[0] : powered;
      if (arg.empty()) throw LowerError{fn.span, "'" + fn.text + "' needs an argument: " + fn.text + "(x) or " + fn.text + " x"};
      try {
        Expr v = apply_builtin(fn.text, {mul(std::move(arg))}, fn);
        if (powered.kind == NodeKind::Pow) v = function_power(fn, powered.children[1], v);
        values.push_back(negate ? -v : v);
      } catch (const MathError& e) {
        throw LowerError{c.span, e.what()};
      }
      i = j;
    } else {
      // `-(a) (b)`: the sign is a factor of the whole product, not of (a) alone (which would
      // distribute over a sum and read back differently from how products are printed).
      const Node* inner = &c;
      while (inner->kind == NodeKind::Neg) {
        factors.push_back(Expr(-1));
        inner = &inner->children[0];
      }
      values = juxtaposed_factors(*inner);
      ++i;
    }
    if (op == '/') {
      Expr v = mul(values);
      if (v.is_zero()) throw LowerError{c.span, "division by zero"};
      // x/(3 (y - 1)) divides by each factor: the same node as printed, even though
      // 3 (y - 1) alone would distribute to 3y - 3.
      const Node& divisor = c.kind == NodeKind::Group ? c.children[0] : c;
      if (divisor.kind == NodeKind::Product) {
        for (Expr f : product_factors(divisor)) factors.push_back(pow(f, Expr(-1)));
        continue;
      }
      // `1/2x` is x/2 (juxtaposition binds like `*`), but `1/ab` and `1/a(b+c)` are written as
      // if the whole run were the divisor, and read so by many: refuse rather than guess.
      if (values.size() > 1) {
        std::string run = c.kind == NodeKind::Apply ? c.text + "(...)" : c.kind == NodeKind::Word ? c.text : "this";
        throw LowerError{c.span, "dividing by " + run + " is ambiguous: write /(" + run +
                                     ") to divide by the whole product, or put a space or '*' after the divisor"};
      }
      factors.push_back(pow(values.front(), Expr(-1)));
      continue;
    }
    factors.insert(factors.end(), values.begin(), values.end());
  }
  return factors;
}

// `sin^2(x)` is sin(x)^2; `sin^-1(x)` is refused: arcsin or 1/sin, a reader cannot tell.
Expr Lowerer::function_power(const Node& fn, const Node& exponent, Expr applied) {
  Expr k = scalar(exponent);
  if (k.is_minus_one()) {
    std::string name = *builtin_name(fn.text);
    std::string inverse = find_function("a" + name) ? "a" + name + "(x) for the inverse function or " : "";
    throw LowerError{fn.span, fn.text + "^-1(x) is ambiguous: write " + inverse + "1/" + fn.text + "(x) for the reciprocal"};
  }
  return pow(applied, k);
}

bool Lowerer::apply_is_call(const Node& n) {
  const std::string& w = n.text;
  if (builtin_name(w) || !log_base(w).empty() || is_special(w) || is_foreign_name(w) || is_planned_name(w) ||
      scope_.function_definition(w))
    return true;
  if (n.children.size() >= 2 || is_fgh_name(w) || is_greek(w)) return true;
  if (auto f = find_function(w); f && function_info(*f).abstract) return true;
  if (defined(w)) return false;
  // A single letter (with index) is a factor: x(x+1). A long name is a function: loss(w).
  std::size_t letters = 0;
  for (char c : w) letters += is_letter(c);
  if (letters < 2 || is_identifier(w)) return false;
  // xsin(x): a function name glued to the factors before it, not a new function.
  if (std::string f = function_suffix(w); !f.empty())
    throw LowerError{n.name_span, "unknown function '" + w + "'; did you mean '" + w.substr(0, w.size() - f.size()) + " " +
                                      f + "(...)'?"};
  // A short run of letters could be either (xy(x+1): x·y·(x+1), or a function xy): refuse.
  std::vector<std::string_view> parts = split_run(w);
  if (parts.size() > 1 && parts.size() <= max_split_factors) {
    std::string spaced;
    for (std::string_view p : parts) spaced += std::string(p) + " ";
    throw LowerError{n.name_span, "'" + w + "(...)' is ambiguous: write " + spaced +
                                      "(...) for a product, or define the function first: " + w + "(t) = ..."};
  }
  return true;
}

Expr Lowerer::apply(const Node& n) {
  const std::string& w = n.text;
  if (!apply_is_call(n)) return mul(juxtaposed_factors(n));
  if (is_foreign_name(w)) throw LowerError{n.name_span, foreign_message(w)};
  if (is_planned_name(w)) throw LowerError{n.name_span, planned_message(w)};
  if (auto procedure = find_procedure(w)) {
    Value v = (*procedure)(n, *this);
    if (v.kind != Value::Kind::Scalar && v.kind != Value::Kind::Chain && !v.usable_in_expressions)
      throw LowerError{n.span, "'" + w + "' gives a " + (v.kind == Value::Kind::List ? "vector or matrix" : "result") +
                                   " that cannot be used inside an expression"};
    return v.scalar;
  }
  std::vector<Expr> args;
  args.reserve(n.children.size());
  for (const Node& c : n.children) args.push_back(scalar(c));
  if (builtin_name(w) || !log_base(w).empty()) return apply_builtin(w, std::move(args), n);
  if (const FunctionDefinition* def = scope_.function_definition(w)) return apply_definition(*def, args, n);
  return abstract_call(n, std::move(args));
}

Expr Lowerer::abstract_call(const Node& n, std::vector<Expr> args) {
  if (args.empty()) throw LowerError{n.span, "expected an argument in " + n.text + "()"};
  FunctionId f = abstract_function(n.text, static_cast<int>(args.size()));
  const FunctionInfo& info = function_info(f);
  bool plain = std::all_of(args.begin(), args.end(), [](Expr a) { return a.is(Kind::Symbol); });
  if (plain && info.params.empty()) {
    std::vector<std::string> names;
    for (Expr a : args) names.push_back(a.name());
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) set_abstract_params(f, names);
  }
  return call(f, std::move(args));
}

Expr Lowerer::apply_definition(const FunctionDefinition& def, const std::vector<Expr>& args, const Node& n) {
  if (args.size() != def.params.size())
    throw LowerError{n.span, n.text + " takes " + std::to_string(def.params.size()) + " argument(s)"};
  std::unordered_map<Expr, Expr> s;
  for (std::size_t i = 0; i < args.size(); ++i) s.emplace(def.params[i], args[i]);
  return substitute(def.body, s);
}

Expr Lowerer::variable(const Node& n) {
  if (n.kind == NodeKind::Group) return variable(n.children[0]);
  if (n.kind != NodeKind::Word || !is_identifier(n.text) || n.text == "e" || n.text == "pi")
    throw LowerError{n.span, "expected a variable name here"};
  return sym(n.text);
}

Expr Lowerer::operand(const Node& n, const std::vector<Expr>& vars) {
  std::size_t held_before = held_.size();
  for (Expr v : vars)
    if (v.is(Kind::Symbol) && scope_.definition_body(v.name()) && !is_held(v.name())) held_.push_back(v.name());
  std::vector<ActivePoint> points = std::move(points_);
  points_.clear();
  // A derivative inside a definition's body differentiates the names' values (u = x^2;
  // y = d/dx u is 2x), though the body itself keeps the names as written.
  bool keep_names = std::exchange(keep_names_, false);
  auto restore = [&] {
    held_.resize(held_before);
    points_ = std::move(points);
    keep_names_ = keep_names;
  };
  try {
    Expr e = scalar(n);
    restore();
    return e;
  } catch (...) {
    restore();
    throw;
  }
}

// `A == B` for expressions, vectors and matrices (entry by entry; different shapes are unequal).
Value Lowerer::compare(const Node& n) {
  Value a = value(n.children[0]);
  Value b = value(n.children[1]);
  std::vector<std::pair<Expr, Expr>> pairs;
  std::function<bool(const Value&, const Value&)> pair_up = [&](const Value& x, const Value& y) {
    bool x_list = x.kind == Value::Kind::List, y_list = y.kind == Value::Kind::List;
    if (x.kind == Value::Kind::Truth || y.kind == Value::Kind::Truth)
      throw LowerError{n.span, "'==' compares expressions, vectors and matrices, not truth values"};
    if (x_list != y_list) return false;
    if (!x_list) {
      pairs.emplace_back(x.scalar, y.scalar);
      return true;
    }
    if (x.items.size() != y.items.size()) return false;
    for (std::size_t i = 0; i < x.items.size(); ++i)
      if (!pair_up(x.items[i], y.items[i])) return false;
    return true;
  };
  if (!pair_up(a, b)) return Value::boolean(false);
  Value all = Value::boolean(true);
  for (const auto& [x, y] : pairs) {
    Value v = compare_expressions(x, y);
    if (!v.truth) return v;
    if (!v.note.empty()) all.note = v.note;
  }
  return all;
}

Value lower_expression(const Node& node, const NameScope& scope) {
  Lowerer l(scope, false);
  return l.value(node);
}

Expr lower_definition_body(const Node& node, const NameScope& scope) {
  Lowerer l(scope, true);
  return l.scalar(node);
}

}  // namespace ddx::grammar
