// SPDX-License-Identifier: GPL-3.0-or-later
// AST -> canonical expressions (see lower.hpp). The grammar knows no function names; this file
// is where names meet the function table and the session's definitions.
#include "grammar/lower.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

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

}  // namespace

Value Lowerer::value(const Node& n) {
  switch (n.kind) {
    case NodeKind::Vector: {
      std::vector<Value> items;
      for (const Node& c : n.children) items.push_back(value(c));
      return Value::list(std::move(items));
    }
    case NodeKind::Compare: return compare_expressions(scalar(n.children[0]), scalar(n.children[1]));
    case NodeKind::Apply:
      if (auto procedure = find_procedure(n.text)) return (*procedure)(n, *this);
      break;
    case NodeKind::Group:
      if (n.children[0].kind == NodeKind::Vector || n.children[0].kind == NodeKind::Compare) return value(n.children[0]);
      break;
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
    case NodeKind::Pow: return power(n);
    case NodeKind::Group: return scalar(n.children[0]);
    case NodeKind::DerivOp: return derivative_operator(n);
    case NodeKind::Leibniz: return leibniz(n);
    case NodeKind::At: return at(n);
    case NodeKind::Vector: throw LowerError{n.span, "a vector cannot be used inside an expression here"};
    case NodeKind::Compare: throw LowerError{n.span, "'==' compares whole expressions; use it at the top level"};
    case NodeKind::Equation:
    case NodeKind::Range: throw LowerError{n.name_span, "unexpected '=' (to define a name, write it at the start: NAME = EXPR)"};
  }
  throw LowerError{n.span, "unsupported expression"};
}

Expr Lowerer::number(const Node& n) {
  if (n.is_float) return num(Number::from_double(std::strtod(n.text.c_str(), nullptr)));
  return num(Number::from_integer_text(n.text));
}

// A word as a value: a defined name, a constant, an identifier, or a run of identifiers.
Expr Lowerer::word(std::string_view w, SourceSpan span) {
  if (w == "ans") {
    auto a = scope_.previous_answer();
    if (!a) throw LowerError{span, "there is no previous answer yet"};
    if (a->kind != Value::Kind::Scalar) throw LowerError{span, "ans is not a scalar here"};
    return a->scalar;
  }
  if (auto v = defined(w)) return *v;
  if (w == "e") return e_const();
  if (w == "pi") return pi_const();
  if (builtin_name(w) || !log_base(w).empty())
    throw LowerError{span, "'" + std::string(w) + "' is a function: write " + std::string(w) + "(x) or " +
                               std::string(w) + " x"};
  if (is_identifier(w)) return sym(w);
  if (std::string f = function_prefix(w); !f.empty())
    throw LowerError{span, "unknown name '" + std::string(w) + "'; did you mean '" + f + " " +
                               std::string(w.substr(f.size())) + "'?"};
  std::vector<Expr> factors;
  std::size_t offset = 0;
  std::vector<std::string_view> parts = split_run(w);
  // A run that does not split (`_` of `x_`) would recurse forever (found by fuzzing).
  if (parts.size() == 1)
    throw LowerError{span, "unexpected '" + std::string(w) + "' (a subscript needs letters or digits: x_1)"};
  for (std::string_view part : parts) {
    factors.push_back(word(part, sub_span(span, offset, part.size())));
    offset += part.size();
  }
  return mul(std::move(factors));
}

std::optional<Expr> Lowerer::defined(std::string_view w) {
  if (!scope_.variable_value(w)) return std::nullopt;
  if (keep_names_) return sym(w);
  return scope_.variable_value(w);
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
    Expr v;
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
        v = apply_builtin(fn.text, {mul(std::move(arg))}, fn);
        if (powered.kind == NodeKind::Pow) v = pow(v, scalar(powered.children[1]));
        if (negate) v = -v;
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
      v = scalar(*inner);
      ++i;
    }
    if (op == '/') {
      if (v.is_zero()) throw LowerError{c.span, "division by zero"};
      // x/(3 (y - 1)) divides by each factor: the same node as printed, even though
      // 3 (y - 1) alone would distribute to 3y - 3.
      const Node& divisor = c.kind == NodeKind::Group ? c.children[0] : c;
      if (divisor.kind == NodeKind::Product) {
        for (Expr f : product_factors(divisor)) factors.push_back(pow(f, Expr(-1)));
        continue;
      }
      v = pow(v, Expr(-1));
    }
    factors.push_back(v);
  }
  return factors;
}

Expr Lowerer::power(const Node& n) {
  const Node& base = n.children[0];
  const Node& exponent = n.children[1];
  if (is_function_word(base)) throw LowerError{base.span, "'" + base.text + "' needs an argument: " + base.text + "^2(x)"};
  // `e^x(x+1)`: juxtaposition never happens inside an exponent, so a product-like Apply in the
  // exponent re-associates to (e^x)·(x + 1).
  if (exponent.kind == NodeKind::Apply && !apply_is_call(exponent) && exponent.children.size() == 1)
    return pow(scalar(base), word(exponent.text, exponent.name_span)) * scalar(exponent.children[0]);
  return pow(scalar(base), scalar(exponent));
}

bool Lowerer::apply_is_call(const Node& n) {
  const std::string& w = n.text;
  if (builtin_name(w) || !log_base(w).empty() || is_special(w) || scope_.function_definition(w)) return true;
  if (n.children.size() >= 2 || is_fgh_name(w) || is_greek(w)) return true;
  if (auto f = find_function(w); f && function_info(*f).abstract) return true;
  if (defined(w)) return false;
  // A multi-letter name is a function: loss(w), phi(x); a single letter (with index) is a factor.
  std::size_t letters = 0;
  for (char c : w) letters += is_letter(c);
  return letters >= 2 && !is_identifier(w);
}

Expr Lowerer::apply(const Node& n) {
  const std::string& w = n.text;
  if (!apply_is_call(n)) {
    if (n.children.size() != 1) throw LowerError{n.span, "expected one expression in parentheses"};
    return word(w, n.name_span) * scalar(n.children[0]);
  }
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
  return calc::substitute(def.body, s);
}

Expr Lowerer::variable(const Node& n) {
  if (n.kind == NodeKind::Group) return variable(n.children[0]);
  if (n.kind != NodeKind::Word || !is_identifier(n.text) || n.text == "e" || n.text == "pi")
    throw LowerError{n.span, "expected a variable name here"};
  return sym(n.text);
}

Expr Lowerer::differentiate(Expr e, Expr var, int order, const Node& at) {
  if (order <= 0) return e;
  if (!keep_names_ && scope_.variable_value(var.name()))
    throw LowerError{at.span, "'" + var.name() + "' is a defined name; differentiating with respect to it is not supported yet"};
  return calc::diff(e, var, order);
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
