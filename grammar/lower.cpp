// SPDX-License-Identifier: GPL-3.0-or-later
// AST -> canonical expressions (see lower.hpp). The grammar knows no function names; this file
// is where names meet the function table and the session's definitions.
#include "grammar/lower.hpp"

#include "grammar/lowering.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <unordered_map>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/expand.hpp"
#include "calculus/simplify.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"

namespace ddx::grammar {
namespace {

constexpr std::array<std::string_view, 24> greek_names = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",     "theta", "iota", "kappa", "lambda", "mu",
    "nu",    "xi",   "omicron", "rho", "sigma",   "tau",  "upsilon", "phi",   "chi",  "psi",   "omega", "varphi"};

bool is_greek(std::string_view w) {
  return std::find(greek_names.begin(), greek_names.end(), w) != greek_names.end();
}
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Built-in function (not abstract), including the aliases the table does not hold.
std::optional<std::string> builtin_name(std::string_view w) {
  if (w == "ln") return std::string("log");
  if (auto f = find_function(w); f && !function_info(*f).abstract) return std::string(w);
  return std::nullopt;
}
// `log_2`, `log_a`: the base part, or empty.
std::string_view log_base(std::string_view w) {
  if (w.size() > 4 && w.starts_with("log_")) return w.substr(4);
  return {};
}

// f, g, h with an optional index: f1, f_2, g_u.
bool is_fgh_name(std::string_view w) {
  if (w.empty() || (w[0] != 'f' && w[0] != 'g' && w[0] != 'h')) return false;
  if (w.size() == 1) return true;
  std::string_view rest = w.substr(1);
  if (std::all_of(rest.begin(), rest.end(), is_digit)) return true;
  return rest.size() >= 2 && rest[0] == '_' && std::all_of(rest.begin() + 1, rest.end(), is_alnum);
}

// Longest built-in function name that `w` starts with (for the `sinx` hint), or empty.
std::string function_prefix(std::string_view w) {
  std::string best;
  for (const std::string& name : builtin_function_names())
    if (w.size() > name.size() && w.starts_with(name) && name.size() > best.size()) best = name;
  if (best.empty() && w.size() > 2 && w.starts_with("ln")) best = "ln";
  return best;
}

// Letter runs split into identifiers: x3x4 -> x3, x4; w_11y -> w_11y (a subscript takes letters too).
std::vector<std::string_view> split_run(std::string_view w) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < w.size()) {
    std::size_t start = i++;
    if (i < w.size() && is_digit(w[i])) {
      while (i < w.size() && is_digit(w[i])) ++i;
    } else if (i + 1 < w.size() && w[i] == '_' && is_alnum(w[i + 1])) {
      ++i;
      while (i < w.size() && is_alnum(w[i])) ++i;
    }
    parts.push_back(w.substr(start, i - start));
  }
  return parts;
}

SourceSpan sub_span(SourceSpan whole, std::size_t offset, std::size_t length) {
  return SourceSpan{static_cast<std::uint32_t>(whole.begin + offset), static_cast<std::uint32_t>(whole.begin + offset + length)};
}

class Lowerer : public Lowering {
 public:
  Lowerer(const NameScope& scope, bool keep_names) : scope_(scope), keep_names_(keep_names) {}

  const NameScope& scope() const override { return scope_; }

  Value value(const Node& n) override {
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

  Expr scalar(const Node& n) override {
    try {
      return scalar_unguarded(n);
    } catch (const MathError& e) {
      throw LowerError{n.span, e.what()};
    } catch (const LimitError& e) {
      throw LowerError{n.span, e.what()};
    }
  }

 private:
  Expr scalar_unguarded(const Node& n) {
    switch (n.kind) {
      case NodeKind::Number: return number(n);
      case NodeKind::Word: return word(n.text, n.span);
      case NodeKind::Apply: return apply(n);
      case NodeKind::Prime: return prime(n);
      case NodeKind::Neg: return -scalar(n.children[0]);
      case NodeKind::Sum: {
        std::vector<Expr> terms;
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

  Expr number(const Node& n) {
    if (n.is_float) return num(Number::from_double(std::strtod(n.text.c_str(), nullptr)));
    return num(Number::from_integer_text(n.text));
  }

  // A word as a value: a defined name, a constant, an identifier, or a run of identifiers.
  Expr word(std::string_view w, SourceSpan span) {
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

  std::optional<Expr> defined(std::string_view w) {
    if (!scope_.variable_value(w)) return std::nullopt;
    if (keep_names_) return sym(w);
    return scope_.variable_value(w);
  }

  bool is_function_word(const Node& n) {
    // `sin^2 x` and `-sin^2(x)` (unary minus binds looser than ^, tighter than juxtaposition).
    if (n.kind == NodeKind::Pow || n.kind == NodeKind::Neg) return is_function_word(n.children[0]);
    return n.kind == NodeKind::Word && !defined(n.text) && (builtin_name(n.text) || !log_base(n.text).empty());
  }

  // Applies the built-in `name` (or log_b) to already-lowered arguments.
  Expr apply_builtin(std::string_view name, std::vector<Expr> args, const Node& at) {
    if (std::string_view b = log_base(name); !b.empty()) {
      if (args.size() != 1) throw LowerError{at.span, std::string(name) + " takes 1 argument"};
      Expr base = is_digit(b[0]) ? num(Number::from_integer_text(b)) : word(b, at.name_span);
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
  Expr product(const Node& n) {
    std::vector<Expr> factors = product_factors(n);
    try {
      return mul(std::move(factors));
    } catch (const MathError& e) {
      throw LowerError{n.span, e.what()};
    }
  }

  std::vector<Expr> product_factors(const Node& n) {
    std::vector<Expr> factors;
    std::size_t i = 0;
    while (i < n.children.size()) {
      const Node& c = n.children[i];
      char op = i == 0 ? ' ' : n.ops[i];
      Expr v;
      if (is_function_word(c)) {
        std::size_t j = i + 1;
        std::vector<Expr> arg;
        while (j < n.children.size() && n.ops[j] == ' ' && !is_function_word(n.children[j])) arg.push_back(scalar(n.children[j++]));
        bool negate = c.kind == NodeKind::Neg;
        const Node& powered = negate ? c.children[0] : c;
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

  Expr power(const Node& n) {
    const Node& base = n.children[0];
    const Node& exponent = n.children[1];
    if (is_function_word(base)) throw LowerError{base.span, "'" + base.text + "' needs an argument: " + base.text + "^2(x)"};
    // `e^x(x+1)`: juxtaposition never happens inside an exponent, so a product-like Apply in the
    // exponent re-associates to (e^x)·(x + 1).
    if (exponent.kind == NodeKind::Apply && !apply_is_call(exponent) && exponent.children.size() == 1)
      return pow(scalar(base), word(exponent.text, exponent.name_span)) * scalar(exponent.children[0]);
    return pow(scalar(base), scalar(exponent));
  }

  bool apply_is_call(const Node& n) {
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

  static bool is_special(std::string_view w) { return find_procedure(w).has_value(); }

  Expr apply(const Node& n) {
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
    for (const Node& c : n.children) args.push_back(scalar(c));
    if (builtin_name(w) || !log_base(w).empty()) return apply_builtin(w, std::move(args), n);
    if (const FunctionDefinition* def = scope_.function_definition(w)) return apply_definition(*def, args, n);
    return abstract_call(n, std::move(args));
  }

  Expr abstract_call(const Node& n, std::vector<Expr> args) {
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

  Expr apply_definition(const FunctionDefinition& def, const std::vector<Expr>& args, const Node& n) {
    if (args.size() != def.params.size())
      throw LowerError{n.span, n.text + " takes " + std::to_string(def.params.size()) + " argument(s)"};
    std::unordered_map<Expr, Expr> s;
    for (std::size_t i = 0; i < args.size(); ++i) s.emplace(def.params[i], args[i]);
    return calc::substitute(def.body, s);
  }

  Expr variable(const Node& n) override {
    if (n.kind == NodeKind::Group) return variable(n.children[0]);
    if (n.kind != NodeKind::Word || !is_identifier(n.text) || n.text == "e" || n.text == "pi")
      throw LowerError{n.span, "expected a variable name here"};
    return sym(n.text);
  }

  Expr differentiate(Expr e, Expr var, int order, const Node& at) override {
    if (order <= 0) return e;
    if (!keep_names_ && scope_.variable_value(var.name()))
      throw LowerError{at.span, "'" + var.name() + "' is a defined name; differentiating with respect to it is not supported yet"};
    return calc::diff(e, var, order);
  }

  Expr derivative_operator(const Node& n) {
    Expr e = scalar(n.children[0]);
    for (const std::string& v : n.vars) {
      if (!is_identifier(v)) throw LowerError{n.span, "cannot differentiate with respect to '" + v + "'"};
      e = differentiate(e, sym(v), 1, n);
    }
    return e;
  }

  Expr leibniz(const Node& n) {
    auto value = scope_.variable_value(n.text);
    if (!value)
      if (auto d = abstract_leibniz(n)) return *d;
    if (value && !n.children.empty())
      throw LowerError{n.children[0].span, "'" + n.text + "' is a defined name, not a function: write d" + n.text + "/d" + n.vars[0] + " at ..."};
    if (!value)
      throw LowerError{n.name_span, "'" + n.text + "' is not defined; define it first, e.g. " + n.text + " = x^2"};
    // Through the chain of definitions, so that a defined name as the variable (∂x5/∂x3) is held
    // independent, as the chain display does; further orders differentiate the result.
    calc::DefinitionLookup body_of = [this](std::string_view name) { return scope_.definition_body(name); };
    Expr e = calc::chain_rule(n.text, n.vars[0], n.is_partial, body_of).substituted;
    for (std::size_t i = 1; i < n.vars.size(); ++i) e = calc::diff(e, sym(n.vars[i]));
    return e;
  }

  // `∂f/∂u` for an abstract f(u, v): the derivative node at the parameters (the printed form of
  // abstract derivatives, which must re-parse).
  std::optional<Expr> abstract_leibniz(const Node& n) {
    auto f = find_function(n.text);
    if (!f || !function_info(*f).abstract) return std::nullopt;
    const FunctionInfo& info = function_info(*f);
    if (info.params.empty()) return std::nullopt;
    std::vector<int> indices;
    for (const std::string& v : n.vars) {
      auto it = std::find(info.params.begin(), info.params.end(), v);
      if (it == info.params.end())
        throw LowerError{n.span, n.text + " has no parameter '" + v + "' (its parameters: " + join(info.params) + ")"};
      indices.push_back(static_cast<int>(it - info.params.begin()));
    }
    std::vector<Expr> args;
    if (n.children.empty()) {
      for (const std::string& p : info.params) args.push_back(sym(p));
    } else {
      if (n.children.size() != info.params.size())
        throw LowerError{n.span, n.text + " takes " + std::to_string(info.params.size()) + " argument(s)"};
      for (const Node& c : n.children) args.push_back(scalar(c));
    }
    return derivative(*f, std::move(args), std::move(indices));
  }

  static std::string join(const std::vector<std::string>& names) {
    std::string s;
    for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
  }

  Expr prime(const Node& n) {
    std::vector<Expr> args;
    for (const Node& c : n.children) args.push_back(scalar(c));
    const std::string& w = n.text;
    Expr t = sym("_t");  // a private symbol: user identifiers never start with '_'
    if (const FunctionDefinition* def = scope_.function_definition(w)) {
      if (def->params.size() != 1 || args.size() != 1) throw LowerError{n.span, w + "' needs a function of one variable"};
      Expr d = calc::diff(def->body, def->params[0], n.order);
      return calc::substitute(d, {{def->params[0], args[0]}});
    }
    if (builtin_name(w)) {
      if (args.size() != 1) throw LowerError{n.span, w + "' needs a function of one variable"};
      Expr d = calc::diff(call(*builtin_name(w), {t}), t, n.order);
      return calc::substitute(d, {{t, args[0]}});
    }
    if (args.size() != 1) throw LowerError{n.span, w + "' needs a function of one variable; use diff(" + w + "(...), var)"};
    Expr f = abstract_call(n, args);
    if (!f.is(Kind::Call)) throw LowerError{n.span, "cannot differentiate " + w};
    return derivative(f.function(), std::move(args), std::vector<int>(static_cast<std::size_t>(n.order), 0));
  }

  Expr at(const Node& n) {
    const Node& operand = n.children[0];
    Expr e = scalar(operand);
    std::unordered_map<Expr, Expr> s;
    std::string point;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& eq = n.children[i];
      if (eq.kind != NodeKind::Equation || !is_identifier(eq.text))
        throw LowerError{eq.span, "expected NAME = VALUE after 'at'"};
      Expr value = scalar(eq.children[0]);
      s[sym(eq.text)] = value;
      point += (point.empty() ? "" : ", ") + eq.text + " = " + print::to_string(value, print::Format::Text);
    }
    if (!is_derivative(operand)) return calc::substitute(e, s);
    // A derivative evaluated where it does not exist must not quietly print a number: sign(u)
    // (from |u|, relu, max, min) at u = 0 is a corner, and a division by zero is a vertical tangent.
    std::string corner;
    std::function<void(Expr)> scan = [&](Expr x) {
      if (!corner.empty()) return;
      if (x.is(Kind::Call) && function_info(x.function()).name == "sign" && calc::substitute(x.args()[0], s).is_zero())
        corner = print::to_string(x.args()[0], print::Format::Text);
      for_each_child(x, scan);
    };
    scan(e);
    if (!corner.empty())
      throw LowerError{n.span, "the derivative does not exist at " + point + " (a corner: " + corner + " = 0 there)"};
    try {
      return calc::substitute(e, s);
    } catch (const MathError& err) {
      throw LowerError{n.span, "the derivative does not exist at " + point + " (" + err.what() + ")"};
    }
  }

  static bool is_derivative(const Node& n) {
    if (n.kind == NodeKind::Group) return is_derivative(n.children[0]);
    return n.kind == NodeKind::DerivOp || n.kind == NodeKind::Leibniz || n.kind == NodeKind::Prime ||
           (n.kind == NodeKind::Apply && n.text == "diff");
  }


  const NameScope& scope_;
  bool keep_names_;
};

}  // namespace

bool is_identifier(std::string_view w) {
  if (w.empty() || !is_letter(w[0])) return false;
  if (is_greek(w) || w == "pi") return true;
  std::string_view rest = w.substr(1);
  if (rest.empty() || std::all_of(rest.begin(), rest.end(), is_digit)) return true;
  return rest.size() >= 2 && rest[0] == '_' && std::all_of(rest.begin() + 1, rest.end(), is_alnum);
}

bool is_reserved(std::string_view w) {
  return w == "e" || w == "pi" || w == "ans" || builtin_name(w).has_value() || w == "diff" || w == "expand" ||
         w == "simplify";
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
