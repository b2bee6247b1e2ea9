// SPDX-License-Identifier: GPL-3.0-or-later
// Random expressions as people type them, for the metamorphic test and the semantic fuzzer: a tiny
// tree of its own (a x^2, x (x + 1)^3, sin^2(x), e^(2x), quotients), its spellings that docs/language.md §2
// says are equal (explicit, spaced, glued, Unicode, mixed), its meaning as a ddx Expr built with
// the core constructors, and its value in double arithmetic (independent of ddx's evaluator).
#pragma once

#include <cmath>
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/expr.hpp"
#include "core/functions.hpp"

namespace ddx::test {

// ---------------------------------------------------------------------------------------------
// The tree
// ---------------------------------------------------------------------------------------------

struct Tree {
  enum class Kind { Int, Rat, Sym, E, Pi, Sum, Neg, Mul, Div, Pow, Call };
  Kind kind = Kind::Int;
  long long n = 0, d = 1;     // Int n (>= 0); Rat n/d (d > 1)
  std::string name;           // Sym: variable name; Call: function name
  std::vector<Tree> kids;     // Sum: terms; Neg: {operand}; Mul: factors; Div: {num, den}; Pow: {base, exp}; Call: {arg}
  std::vector<bool> minus;    // Sum: minus[i] is the sign before kids[i] (minus[0] is false)

  static Tree integer(long long v) { Tree t; t.kind = Kind::Int; t.n = v; return t; }
  static Tree ratio(long long p, long long q) { Tree t; t.kind = Kind::Rat; t.n = p; t.d = q; return t; }
  static Tree symbol(std::string s) { Tree t; t.kind = Kind::Sym; t.name = std::move(s); return t; }
  static Tree e() { Tree t; t.kind = Kind::E; return t; }
  static Tree pi() { Tree t; t.kind = Kind::Pi; return t; }
  static Tree node(Kind k, std::vector<Tree> kids) { Tree t; t.kind = k; t.kids = std::move(kids); return t; }
  static Tree neg(Tree a) { return node(Kind::Neg, {std::move(a)}); }
  static Tree pow(Tree b, Tree x) { return node(Kind::Pow, {std::move(b), std::move(x)}); }
  static Tree div(Tree a, Tree b) { return node(Kind::Div, {std::move(a), std::move(b)}); }
  static Tree call(std::string f, Tree a) { Tree t = node(Kind::Call, {std::move(a)}); t.name = std::move(f); return t; }
  static Tree sum(std::vector<Tree> terms, std::vector<bool> minus) {
    Tree t = node(Kind::Sum, std::move(terms));
    t.minus = std::move(minus);
    return t;
  }
  bool is(Kind k) const { return kind == k; }
};

inline bool is_single_letter(const Tree& t) { return t.is(Tree::Kind::Sym) && t.name.size() == 1; }

inline bool mentions(const Tree& t, const std::string& s) {
  if (t.is(Tree::Kind::Sym) && t.name == s) return true;
  for (const Tree& k : t.kids)
    if (mentions(k, s)) return true;
  return false;
}

inline int tree_size(const Tree& t) {
  int n = 1;
  for (const Tree& k : t.kids) n += tree_size(k);
  return n;
}

// A structural dump for failure messages: (* 2 a (^ x 2)).
inline std::string dump_tree(const Tree& t) {
  using K = Tree::Kind;
  auto list = [&](const char* op) {
    std::string s = std::string("(") + op;
    for (std::size_t i = 0; i < t.kids.size(); ++i) s += std::string(" ") + (t.is(K::Sum) && t.minus[i] ? "-" : "") + dump_tree(t.kids[i]);
    return s + ")";
  };
  switch (t.kind) {
    case K::Int: return std::to_string(t.n);
    case K::Rat: return std::to_string(t.n) + "/" + std::to_string(t.d);
    case K::Sym: return t.name;
    case K::E: return "e";
    case K::Pi: return "pi";
    case K::Sum: return list("+");
    case K::Neg: return list("neg");
    case K::Mul: return list("*");
    case K::Div: return list("/");
    case K::Pow: return list("^");
    case K::Call: return list(t.name.c_str());
  }
  return "?";
}

// ---------------------------------------------------------------------------------------------
// Meaning: the tree as a ddx Expr, built with the core constructors (never through the parser).
// May throw MathError (1/0, log(0)) like the parser would.
// ---------------------------------------------------------------------------------------------

inline Expr meaning(const Tree& t) {
  using K = Tree::Kind;
  switch (t.kind) {
    case K::Int: return Expr(t.n);
    case K::Rat: return rational(t.n, t.d);
    case K::Sym: return sym(t.name);
    case K::E: return e_const();
    case K::Pi: return pi_const();
    case K::Sum: {
      std::vector<Expr> terms;
      for (std::size_t i = 0; i < t.kids.size(); ++i) terms.push_back(t.minus[i] ? -meaning(t.kids[i]) : meaning(t.kids[i]));
      return add(std::move(terms));
    }
    case K::Neg: return -meaning(t.kids[0]);
    case K::Mul: {
      std::vector<Expr> factors;
      for (const Tree& k : t.kids) factors.push_back(meaning(k));
      return mul(std::move(factors));
    }
    case K::Div: return meaning(t.kids[0]) / meaning(t.kids[1]);
    case K::Pow: return pow(meaning(t.kids[0]), meaning(t.kids[1]));
    case K::Call: return call(t.name, {meaning(t.kids[0])});
  }
  return Expr(0);
}

// ---------------------------------------------------------------------------------------------
// Values in double arithmetic, from the tree and from a ddx Expr, with our own function table
// (std:: maths only), so that a wrong answer cannot hide behind a wrong evaluator.
// ---------------------------------------------------------------------------------------------

using Point = std::unordered_map<std::string, double>;

inline double apply_function(const std::string& f, double v) {
  if (std::isnan(v)) return v;  // relu(NaN) and sign(NaN) must not come out as 0
  if (f == "sin") return std::sin(v);
  if (f == "cos") return std::cos(v);
  if (f == "tan") return std::tan(v);
  if (f == "cot") return 1 / std::tan(v);
  if (f == "sec") return 1 / std::cos(v);
  if (f == "csc") return 1 / std::sin(v);
  if (f == "asin") return std::asin(v);
  if (f == "acos") return std::acos(v);
  if (f == "atan") return std::atan(v);
  if (f == "sinh") return std::sinh(v);
  if (f == "cosh") return std::cosh(v);
  if (f == "tanh") return std::tanh(v);
  if (f == "asinh") return std::asinh(v);
  if (f == "acosh") return std::acosh(v);
  if (f == "atanh") return std::atanh(v);
  if (f == "exp") return std::exp(v);
  if (f == "log") return v > 0 ? std::log(v) : NAN;
  if (f == "sqrt") return v >= 0 ? std::sqrt(v) : NAN;
  if (f == "abs") return std::fabs(v);
  if (f == "sign") return (v > 0) - (v < 0);
  if (f == "relu") return v > 0 ? v : 0.0;
  if (f == "sigmoid") return 1 / (1 + std::exp(-v));
  if (f == "softplus") return std::log1p(std::exp(v));
  return NAN;
}

inline double power(double b, double x) {
  if (b == 0 && x < 0) return NAN;  // 1/0
  return std::pow(b, x);
}

// Every infinity is a division by zero or an overflow somewhere: undefined, never atan(inf) = pi/2.
inline double finite_or_nan(double v) { return std::isfinite(v) ? v : NAN; }

inline double value_unchecked(const Tree& t, const Point& p);
inline double value(const Tree& t, const Point& p) { return finite_or_nan(value_unchecked(t, p)); }
inline double value_unchecked(const Tree& t, const Point& p) {
  using K = Tree::Kind;
  switch (t.kind) {
    case K::Int: return static_cast<double>(t.n);
    case K::Rat: return static_cast<double>(t.n) / static_cast<double>(t.d);
    case K::Sym: {
      auto it = p.find(t.name);
      return it == p.end() ? NAN : it->second;
    }
    case K::E: return std::exp(1.0);
    case K::Pi: return M_PI;
    case K::Sum: {
      double s = 0;
      for (std::size_t i = 0; i < t.kids.size(); ++i) s += (t.minus[i] ? -1 : 1) * value(t.kids[i], p);
      return s;
    }
    case K::Neg: return -value(t.kids[0], p);
    case K::Mul: {
      double s = 1;
      for (const Tree& k : t.kids) s *= value(k, p);
      return s;
    }
    case K::Div: {
      double d = value(t.kids[1], p);
      return d == 0 ? NAN : value(t.kids[0], p) / d;
    }
    case K::Pow: return power(value(t.kids[0], p), value(t.kids[1], p));
    case K::Call: return apply_function(t.name, value(t.kids[0], p));
  }
  return NAN;
}

// The value and derivative along `var` of t at p by forward-mode automatic differentiation (dual
// numbers): the textbook rules applied to the tree, independent of ddx. NaN where a rule does not
// apply (abs and relu at 0, a power of 0).
struct Dual {
  double v = 0, d = 0;
};

inline Dual dual_function(const std::string& f, Dual a) {
  double v = a.v, u = a.d;
  double r = apply_function(f, v);
  double slope = NAN;  // f'(v)
  if (f == "sin") slope = std::cos(v);
  else if (f == "cos") slope = -std::sin(v);
  else if (f == "tan") slope = 1 + std::tan(v) * std::tan(v);
  else if (f == "atan") slope = 1 / (1 + v * v);
  else if (f == "tanh") slope = 1 - std::tanh(v) * std::tanh(v);
  else if (f == "sinh") slope = std::cosh(v);
  else if (f == "cosh") slope = std::sinh(v);
  else if (f == "exp") slope = std::exp(v);
  else if (f == "log") slope = v > 0 ? 1 / v : NAN;
  else if (f == "sqrt") slope = v > 0 ? 0.5 / std::sqrt(v) : NAN;
  else if (f == "abs") slope = v != 0 ? (v > 0 ? 1 : -1) : NAN;
  else if (f == "sign") slope = v != 0 ? 0 : NAN;
  else if (f == "relu") slope = v != 0 ? (v > 0 ? 1 : 0) : NAN;
  else if (f == "sigmoid") slope = r * (1 - r);
  else if (f == "softplus") slope = 1 / (1 + std::exp(-v));
  // A constant argument has derivative 0 whatever f' is there (relu(0) as a constant is fine).
  return {r, u == 0 ? 0.0 : slope * u};
}

inline Dual dual_value(const Tree& t, const Point& p, const std::string& var) {
  using K = Tree::Kind;
  switch (t.kind) {
    case K::Sym: return {value(t, p), t.name == var ? 1.0 : 0.0};
    case K::Int:
    case K::Rat:
    case K::E:
    case K::Pi: return {value(t, p), 0};
    case K::Sum: {
      Dual s;
      for (std::size_t i = 0; i < t.kids.size(); ++i) {
        Dual k = dual_value(t.kids[i], p, var);
        double sign = t.minus[i] ? -1 : 1;
        s.v += sign * k.v;
        s.d += sign * k.d;
      }
      return s;
    }
    case K::Neg: {
      Dual a = dual_value(t.kids[0], p, var);
      return {-a.v, -a.d};
    }
    case K::Mul: {
      Dual s{1, 0};
      for (const Tree& k : t.kids) {
        Dual f = dual_value(k, p, var);
        s = {s.v * f.v, s.d * f.v + s.v * f.d};
      }
      return s;
    }
    case K::Div: {
      Dual n = dual_value(t.kids[0], p, var), d = dual_value(t.kids[1], p, var);
      if (d.v == 0) return {NAN, NAN};
      return {n.v / d.v, (n.d * d.v - n.v * d.d) / (d.v * d.v)};
    }
    case K::Pow: {
      Dual b = dual_value(t.kids[0], p, var), x = dual_value(t.kids[1], p, var);
      double r = power(b.v, x.v);
      double d = 0;
      if (b.d != 0) d += b.v == 0 ? NAN : x.v * power(b.v, x.v - 1) * b.d;
      if (x.d != 0) d += b.v > 0 ? r * std::log(b.v) * x.d : NAN;
      return {r, d};
    }
    case K::Call: return dual_function(t.name, dual_value(t.kids[0], p, var));
  }
  return {NAN, NAN};
}

// The largest magnitude of any part of t at p: a huge inner value (sin(e^104)) leaves too few
// digits for a difference quotient to mean anything.
inline double peak_magnitude(const Tree& t, const Point& p) {
  double m = std::fabs(value(t, p));
  for (const Tree& k : t.kids) m = std::max(m, peak_magnitude(k, p));
  return std::isnan(m) ? INFINITY : m;
}

// The value of a ddx expression (NaN for anything we cannot evaluate: an unknown symbol, an
// abstract function, an unevaluated derivative, max/min are evaluated too).
inline double value_unchecked(Expr e, const Point& p);
inline double value(Expr e, const Point& p) { return finite_or_nan(value_unchecked(e, p)); }
inline double value_unchecked(Expr e, const Point& p) {
  switch (e.kind()) {
    case Kind::Number: return e.number().to_double();
    case Kind::Constant: return e.constant() == ConstantId::E ? std::exp(1.0) : M_PI;
    case Kind::Symbol: {
      auto it = p.find(e.name());
      return it == p.end() ? NAN : it->second;
    }
    case Kind::Call: {
      const FunctionInfo& info = function_info(e.function());
      if (info.abstract) return NAN;
      if (e.args().size() == 2) {
        double a = value(e.args()[0], p), b = value(e.args()[1], p);
        if (std::isnan(a) || std::isnan(b)) return NAN;
        if (info.name == "max") return std::max(a, b);
        if (info.name == "min") return std::min(a, b);
        return NAN;
      }
      return apply_function(info.name, value(e.args()[0], p));
    }
    case Kind::Derivative: return NAN;
    case Kind::Pow: return power(value(e.base(), p), value(e.exponent(), p));
    case Kind::Mul: {
      double s = e.number().to_double();
      for (std::size_t i = 0; i < e.bases().size(); ++i) s *= power(value(e.bases()[i], p), value(e.exponents()[i], p));
      return s;
    }
    case Kind::Add: {
      double s = e.number().to_double();
      for (std::size_t i = 0; i < e.terms().size(); ++i) s += e.coefficients()[i].to_double() * value(e.terms()[i], p);
      return s;
    }
  }
  return NAN;
}

// ---------------------------------------------------------------------------------------------
// The generator, weighted toward what students and engineers type. Source is anything with
// `int pick(int n)` returning a choice in [0, n) (a seeded RNG, or a fuzzer's bytes: a source
// that has run dry returns 0, and choice 0 is always the simplest, so generation terminates).
// ---------------------------------------------------------------------------------------------

struct GenConfig {
  std::vector<std::string> vars{"x", "x", "x", "y"};             // variables (x is differentiated)
  std::vector<std::string> params{"a", "b", "c", "k"};           // single-letter parameters
  std::vector<std::string> long_names{"alpha", "w_1"};           // a Greek and an indexed name
  std::vector<std::string> functions{"sin", "cos", "log", "sqrt", "exp", "tan", "atan", "tanh", "sigmoid"};
  std::vector<std::string> powered_functions{"sin", "cos", "tan", "log"};  // sin^2(x) is sin(x)^2
  int max_depth = 3;
};

template <typename Source>
class TreeGen {
 public:
  TreeGen(Source& src, const GenConfig& cfg) : src_(src), cfg_(cfg) {}

  Tree expr(int depth) {
    int r = pick(20);
    if (depth <= 0) return term(0);
    if (r < 9) return term(depth);
    if (r < 16) return sum(depth);
    return quotient(depth);
  }

  Tree sum(int depth) {
    int n = 2 + pick(2);
    std::vector<Tree> terms;
    std::vector<bool> minus;
    for (int i = 0; i < n; ++i) {
      // A constant term now and then: x^2 - 1, a x + b, 2x + 3.
      terms.push_back(i > 0 && pick(4) == 0 ? Tree::integer(1 + pick(9)) : term(depth - 1));
      minus.push_back(i > 0 && pick(3) == 0);
    }
    if (pick(8) == 0) terms[0] = Tree::neg(std::move(terms[0]));
    return Tree::sum(std::move(terms), std::move(minus));
  }

  Tree quotient(int depth) {
    Tree num = pick(3) == 0 ? sum(depth - 1) : term(depth - 1);
    Tree den;
    switch (pick(5)) {
      case 0: den = var_power(); break;
      case 1: den = small_sum(depth - 1); break;
      case 2: den = Tree::integer(2 + pick(8)); break;
      case 3: den = call(depth - 1); break;
      default: den = term(depth - 1); break;
    }
    return Tree::div(std::move(num), std::move(den));
  }

  // A product: an optional coefficient, then one to three factors.
  Tree term(int depth) {
    std::vector<Tree> f;
    switch (pick(8)) {
      case 0:
      case 1:
      case 2: f.push_back(Tree::integer(2 + pick(8))); break;
      case 3: {
        long long num = 1 + pick(5);
        f.push_back(Tree::ratio(num, 2 + pick(4)));
        break;
      }
      default: break;
    }
    int n = 1 + pick(3);
    for (int i = 0; i < n; ++i) f.push_back(factor(depth));
    // Reduce a rational coefficient that is really an integer or repeats (4/2 -> skip it).
    if (f.front().is(Tree::Kind::Rat) && (f.front().n % f.front().d == 0 || std::gcd(f.front().n, f.front().d) != 1))
      f.erase(f.begin());
    if (f.size() == 1) return std::move(f.front());
    return Tree::node(Tree::Kind::Mul, std::move(f));
  }

  Tree factor(int depth) {
    switch (depth <= 0 ? pick(4) : pick(12)) {
      case 0: return var_power();
      case 1: return param_power();
      case 2: return var_power();
      case 3: return exp_power(0);
      case 4: return exp_power(depth);
      case 5:
      case 6: return bracket_power(depth);
      case 7:
      case 8: return call(depth - 1);
      case 9: return function_power(depth - 1);
      case 10: {  // a^x, 2^x
        Tree base = pick(2) ? param() : Tree::integer(2 + pick(2));
        return Tree::pow(std::move(base), var());
      }
      default: return pick(3) == 0 ? Tree::pi() : Tree::e();
    }
  }

  Tree var() { return Tree::symbol(cfg_.vars[pick(static_cast<int>(cfg_.vars.size()))]); }
  Tree param() {
    if (!cfg_.long_names.empty() && pick(10) == 0) return Tree::symbol(cfg_.long_names[pick(static_cast<int>(cfg_.long_names.size()))]);
    return Tree::symbol(cfg_.params[pick(static_cast<int>(cfg_.params.size()))]);
  }

  // x, x^2, x^3, x^-1, x^(1/2), x^(3/2), x^a
  Tree var_power() {
    Tree v = var();
    switch (pick(10)) {
      case 0:
      case 1:
      case 2: return v;
      case 3:
      case 4: return Tree::pow(std::move(v), Tree::integer(2));
      case 5: return Tree::pow(std::move(v), Tree::integer(3 + pick(2)));
      case 6: return Tree::pow(std::move(v), Tree::neg(Tree::integer(1 + pick(2))));
      case 7: return Tree::pow(std::move(v), Tree::ratio(pick(2) ? 1 : 3, 2));
      case 8: return Tree::pow(std::move(v), param());
      default: return Tree::pow(std::move(v), Tree::ratio(1, 3));
    }
  }

  Tree param_power() {
    Tree p = param();
    if (pick(4) == 0) return Tree::pow(std::move(p), Tree::integer(2 + pick(2)));
    return p;
  }

  // e^x, e^(2x), e^-x, e^(a x), e^(x^2), e^x^2, e^(x + 1), e^sin(x)
  Tree exp_power(int depth) {
    Tree ex;
    switch (depth > 0 ? pick(9) : pick(5)) {
      case 0:
      case 1: ex = var(); break;
      case 2: ex = Tree::neg(var()); break;
      case 3: ex = Tree::node(Tree::Kind::Mul, {Tree::integer(2 + pick(3)), var()}); break;
      case 4: ex = Tree::node(Tree::Kind::Mul, {param(), var()}); break;
      case 5: ex = Tree::pow(var(), Tree::integer(2)); break;
      case 6: ex = Tree::neg(Tree::node(Tree::Kind::Mul, {param(), var()})); break;
      case 7: ex = small_sum(depth - 1); break;
      default: ex = call(0); break;
    }
    if (pick(6) == 0) return Tree::call("exp", std::move(ex));
    return Tree::pow(Tree::e(), std::move(ex));
  }

  // (x + 1), (x + 1)^3, (b + c)^2, (x^2 - 1)^(1/2), (a x + b)^-1
  Tree bracket_power(int depth) {
    Tree s = small_sum(depth - 1);
    switch (pick(6)) {
      case 0: return s;
      case 1:
      case 2: return Tree::pow(std::move(s), Tree::integer(2));
      case 3: return Tree::pow(std::move(s), Tree::integer(3 + pick(2)));
      case 4: return Tree::pow(std::move(s), Tree::neg(Tree::integer(1)));
      default: return Tree::pow(std::move(s), Tree::ratio(1, 2));
    }
  }

  Tree small_sum(int depth) {
    // (Braced lists evaluate in order, function arguments do not: every choice is made in a
    // fixed order, so that a seed means the same formula whatever the compiler.)
    auto plus = [this](std::vector<Tree> ab, int minus_one_in) {
      bool minus = minus_one_in > 0 && pick(minus_one_in) == 0;
      return Tree::sum(std::move(ab), {false, minus});
    };
    switch (depth > 0 ? pick(8) : pick(7)) {
      case 0: return plus({var(), Tree::integer(1 + pick(4))}, 2);
      case 1: return plus({param(), param()}, 3);
      case 2: return plus({Tree::pow(var(), Tree::integer(2)), Tree::integer(1)}, 2);
      case 3: return plus({Tree::node(Tree::Kind::Mul, {param(), var()}), param()}, 3);
      case 4: return plus({Tree::node(Tree::Kind::Mul, {Tree::integer(2 + pick(3)), var()}), Tree::integer(1 + pick(5))}, 2);
      case 5: return plus({var(), var()}, 2);
      case 6: return plus({Tree::pow(Tree::e(), var()), Tree::integer(1)}, 0);
      default: return sum(depth);
    }
  }

  Tree call(int depth) {
    const std::string& f = cfg_.functions[pick(static_cast<int>(cfg_.functions.size()))];
    return Tree::call(f, argument(depth));
  }

  Tree function_power(int depth) {
    const std::string& f = cfg_.powered_functions[pick(static_cast<int>(cfg_.powered_functions.size()))];
    Tree c = Tree::call(f, argument(depth));
    return Tree::pow(std::move(c), Tree::integer(2 + pick(2)));
  }

  // x, 2x, x^2, a x, x + 1, a x + b, or (deeper) any expression
  Tree argument(int depth) {
    switch (depth > 0 ? pick(8) : pick(6)) {
      case 0:
      case 1: return var();
      case 2: return Tree::node(Tree::Kind::Mul, {Tree::integer(2 + pick(3)), var()});
      case 3: return Tree::pow(var(), Tree::integer(2));
      case 4: return Tree::node(Tree::Kind::Mul, {param(), var_power()});
      case 5: return small_sum(0);
      default: return expr(depth);
    }
  }

 private:
  int pick(int n) { return src_.pick(n); }
  Source& src_;
  const GenConfig& cfg_;
};

struct RngSource {
  explicit RngSource(std::uint64_t seed) : rng(seed) {}
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  std::mt19937_64 rng;
};

// ---------------------------------------------------------------------------------------------
// Spellings
// ---------------------------------------------------------------------------------------------

enum class Juxt { Star, Space, Glue, Mixed };

struct Spelling {
  const char* name;
  Juxt juxt;
  bool unicode;      // · × − ² ³ ⁴ ⁻¹ π α √ (Mixed: chosen per token)
  bool apply;        // `sin x`, `sin^2 x`, `√x` where the language allows it (Mixed: per token)
  bool aliases;      // ln, arctan, exp(u) for e^u and back, sqrt(u) for u^(1/2), ** (Mixed: per token)
};

// (a) explicit, (b) spaced juxtaposition, (c) glued juxtaposition, (d) Unicode, (d') Unicode
// with explicit products, (e) every choice random (spaces, operators, aliases, Unicode).
inline const std::vector<Spelling>& spellings() {
  static const std::vector<Spelling> all = {
      {"explicit", Juxt::Star, false, false, false},
      {"spaced", Juxt::Space, false, true, false},
      {"glued", Juxt::Glue, false, true, false},
      {"unicode", Juxt::Glue, true, true, false},
      {"unicode-explicit", Juxt::Star, true, false, true},
      {"mixed", Juxt::Mixed, true, true, true},
  };
  return all;
}

namespace spelling_detail {

// What the text of a piece begins and ends with, as far as juxtaposition cares.
enum class Edge {
  Digit,   // 2, x^2
  Letter,  // x, e, x^a (a letter of a run that a following letter would join)
  Name,    // alpha, w_1, pi (letters would join the name; a bracket would make it a call)
  Sep,     // α, π, √: the normaliser separates them from neighbouring letters
  Func,    // sin(x), log x
  Open,    // (x + 1)
  Close,   // sin(x), (x + 1), x^(1/2)
  Super,   // x²
  Minus,   // -x
  Apply,   // `sin x`: nothing may be juxtaposed after it
};

struct Piece {
  std::string text;
  Edge first = Edge::Digit, last = Edge::Digit;
  int run = 0;               // last == Letter: letters in the trailing run (x: 1, ab: 2)
  bool letters_only = false; // the whole piece is a run of single letters (x, e, ab)
  bool greek_last = false;   // last == Sep and a bracket after it would make a call (α(x) is a call)
  bool greek_first = false;  // it begins with a Greek letter, pi or e (α, alpha, π, pi^2, e^x)
  bool divisor_last = false; // it ends with a number divided by (3/2): 3/2π is refused, 1/(2π) or π/2?
};

enum class Ctx { Top, Term, Factor, Base, Exponent, Numer, Denom, Arg, ApplyArg };

}  // namespace spelling_detail

class Renderer {
  using Edge = spelling_detail::Edge;
  using Piece = spelling_detail::Piece;
  using Ctx = spelling_detail::Ctx;

 public:
  Renderer(const Spelling& s, std::uint64_t seed) : s_(s), rng_(seed) {}

  std::string operator()(const Tree& t) { return render(t, Ctx::Top, true).text; }

 private:
  bool coin(int one_in) { return std::uniform_int_distribution<int>(0, one_in - 1)(rng_) == 0; }
  bool mixed() const { return s_.juxt == Juxt::Mixed; }
  bool unicode() { return mixed() ? coin(2) : s_.unicode; }
  bool apply_ok() { return mixed() ? coin(2) : s_.apply; }
  bool alias() { return mixed() ? coin(3) : (s_.aliases && coin(2)); }
  bool loose() { return s_.juxt == Juxt::Space || s_.juxt == Juxt::Star || (mixed() && coin(2)); }

  std::string minus_sign() {
    if (!unicode()) return "-";
    return mixed() && coin(6) ? "–" : "−";  // en dash, as word processors write it
  }
  std::string star() {
    if (!unicode()) return mixed() && coin(3) ? " * " : "*";
    if (mixed()) return coin(2) ? "·" : coin(2) ? "×" : " · ";
    return "·";
  }
  std::string open() { return mixed() && coin(6) ? "( " : "("; }
  std::string close() { return mixed() && coin(6) ? " )" : ")"; }

  Piece bracket(Piece inner) {
    Piece p;
    p.text = open();  // (one random choice per statement: a fixed order whatever the compiler)
    p.text += inner.text;
    p.text += close();
    p.first = Edge::Open;
    p.last = Edge::Close;
    return p;
  }

  static Piece atom(std::string text, Edge first, Edge last, int run = 0, bool letters = false) {
    Piece p;
    p.text = std::move(text);
    p.first = first;
    p.last = last;
    p.run = run;
    p.letters_only = letters;
    return p;
  }

  Piece symbol(const std::string& name) {
    if (name.size() == 1) return atom(name, Edge::Letter, Edge::Letter, 1, true);
    if (name == "alpha" && unicode()) {
      Piece p = atom("α", Edge::Sep, Edge::Sep);
      p.greek_last = true;
      p.greek_first = true;
      return p;
    }
    Piece p = atom(name, Edge::Name, Edge::Name);
    p.greek_first = name == "alpha";
    return p;
  }

  // May `l` and `r` be written side by side with nothing between them, or with a space?
  static bool glue_ok(const Piece& l, const Piece& r) {
    if (r.first == Edge::Digit || r.first == Edge::Minus || l.last == Edge::Apply) return false;
    switch (l.last) {
      case Edge::Digit: return !(l.divisor_last && r.greek_first);
      case Edge::Super:
      case Edge::Close: return true;
      case Edge::Letter:
        if (r.first == Edge::Letter) return l.run + 1 <= 3;    // runs of up to three letters split
        if (r.first == Edge::Open) return l.run == 1;          // ab(x+1) is refused as ambiguous
        return r.first == Edge::Sep;                            // xα, x√x
      case Edge::Sep: return r.first != Edge::Open || !l.greek_last;
      default: return false;                                    // Name: w_1x is one name, alpha(x) a call
    }
  }
  static bool space_ok(const Piece& l, const Piece& r) {
    if (r.first == Edge::Digit || r.first == Edge::Minus || l.last == Edge::Apply) return false;
    if (r.first == Edge::Open) {
      // `ab (x+1)` and `alpha (x+1)` are calls as much as `ab(x+1)`: the word before must be one letter.
      if (l.last == Edge::Letter) return l.run == 1;
      if (l.last == Edge::Name || (l.last == Edge::Sep && l.greek_last)) return false;
    }
    return true;
  }

  std::string separator(const Piece& l, const Piece& r) {
    bool g = glue_ok(l, r), sp = space_ok(l, r);
    switch (s_.juxt) {
      case Juxt::Star: return star();
      case Juxt::Space: return sp ? " " : star();
      case Juxt::Glue: return g ? "" : sp ? " " : star();
      case Juxt::Mixed: {
        int c = std::uniform_int_distribution<int>(0, 3)(rng_);
        if (c <= 1 && g) return "";
        if (c <= 2 && sp) return coin(4) ? "  " : " ";
        return star();
      }
    }
    return "*";
  }

  // l followed by r in one product.
  Piece join(Piece l, const Piece& r) {
    std::string sep = separator(l, r);
    Piece p;
    p.text = l.text + sep + r.text;
    p.first = l.first;
    p.last = r.last;
    p.greek_last = r.greek_last;
    p.greek_first = l.greek_first;
    p.divisor_last = r.divisor_last;
    bool glued = sep.empty();
    p.run = glued && l.last == Edge::Letter && r.letters_only ? l.run + r.run : r.run;
    p.letters_only = glued && l.letters_only && r.letters_only;
    return p;
  }

  static bool is_atom(const Tree& t) {
    using K = Tree::Kind;
    return t.is(K::Int) || t.is(K::Sym) || t.is(K::E) || t.is(K::Pi);
  }

  // A product that `sin` may take by juxtaposition: numbers first, then letters and their powers.
  static bool apply_arg_ok(const Tree& t) {
    using K = Tree::Kind;
    auto simple = [](const Tree& f) {
      if (f.is(K::Sym) || f.is(K::E)) return true;
      return f.is(K::Pow) && (f.kids[0].is(K::Sym) || f.kids[0].is(K::E)) && (f.kids[1].is(K::Int) || is_single_letter(f.kids[1]));
    };
    if (simple(t)) return true;
    if (!t.is(K::Mul)) return false;
    for (std::size_t i = 0; i < t.kids.size(); ++i)
      if (!(simple(t.kids[i]) || (i == 0 && t.kids[i].is(K::Int)))) return false;
    return true;
  }

  std::string function_name(const std::string& f) {
    if (f == "log" && alias()) return "ln";
    if (f == "atan" && alias()) return "arctan";
    return f;
  }

  Piece render_call(const Tree& t, Ctx ctx, bool tail) {
    const Tree& arg = t.kids[0];
    // exp(u) may be written e^u
    if (t.name == "exp" && ctx != Ctx::Exponent && ctx != Ctx::Base && alias()) return render_pow(Tree::pow(Tree::e(), arg), ctx, tail);
    bool can_apply = tail && ctx != Ctx::Exponent && ctx != Ctx::Base && ctx != Ctx::Denom && ctx != Ctx::ApplyArg;
    if (t.name == "sqrt" && ctx != Ctx::Exponent && unicode()) {
      // (√ takes one factor: √3x could be √3·x, and is refused)
      if (can_apply && apply_arg_ok(arg) && !arg.is(Tree::Kind::Mul) && apply_ok()) {
        Piece a = render(arg, Ctx::ApplyArg, false);
        return atom("√" + a.text, Edge::Sep, Edge::Apply);
      }
      Piece a = render(arg, Ctx::Arg, true);
      return atom("√(" + a.text + ")", Edge::Sep, Edge::Close);
    }
    std::string name = function_name(t.name);
    if (can_apply && apply_arg_ok(arg) && apply_ok()) {
      Piece a = render(arg, Ctx::ApplyArg, false);
      return atom(name + " " + a.text, Edge::Func, Edge::Apply);
    }
    Piece a = render(arg, Ctx::Arg, true);
    std::string text = name;
    text += ctx != Ctx::Exponent && mixed() && coin(8) ? " " : "";
    text += open();
    text += a.text;
    text += close();
    return atom(text, Edge::Func, Edge::Close);
  }

  // The exponent of a power, with what the power then ends with.
  Piece render_exponent(const Tree& x) {
    using K = Tree::Kind;
    bool uni = unicode();
    bool explicit_form = s_.juxt == Juxt::Star;
    static const char* const sup[] = {"⁰", "¹", "²", "³", "⁴"};
    if (x.is(K::Int)) {
      if (uni && x.n >= 2 && x.n <= 4) return atom(sup[x.n], Edge::Super, Edge::Super);
      if (mixed() && coin(8)) return atom("^(" + std::to_string(x.n) + ")", Edge::Digit, Edge::Close);
      return atom("^" + std::to_string(x.n), Edge::Digit, Edge::Digit);
    }
    if (x.is(K::Neg) && x.kids[0].is(K::Int)) {
      long long n = x.kids[0].n;
      if (uni && n >= 1 && n <= 2 && coin(2)) return atom(std::string("⁻") + sup[n], Edge::Super, Edge::Super);
      if (explicit_form) return atom("^(" + minus_sign() + std::to_string(n) + ")", Edge::Digit, Edge::Close);
      return atom("^" + minus_sign() + std::to_string(n), Edge::Digit, Edge::Digit);
    }
    if (is_atom(x)) {
      Piece a = render(x, Ctx::Exponent, false);
      a.text = "^" + a.text;
      return a;
    }
    if (!explicit_form && x.is(K::Neg) && is_atom(x.kids[0])) {
      Piece a = render(x.kids[0], Ctx::Exponent, false);
      a.text = "^" + minus_sign() + a.text;
      return a;
    }
    if (!explicit_form && (x.is(K::Call) || (x.is(K::Pow) && is_atom(x.kids[0]) && is_atom(x.kids[1])))) {
      Piece a = render(x, Ctx::Exponent, false);
      a.text = "^" + a.text;
      return a;
    }
    Piece a = bracket(render(x, Ctx::Arg, true));
    a.text = "^" + a.text;
    return a;
  }

  Piece render_pow(const Tree& t, Ctx ctx, bool tail) {
    using K = Tree::Kind;
    const Tree &b = t.kids[0], &x = t.kids[1];
    // sin^2(x), sin^2 x, sin²(x): the function's power written on its name
    if (b.is(K::Call) && x.is(K::Int) && (x.n == 2 || x.n == 3) && ctx != Ctx::Exponent && ctx != Ctx::ApplyArg &&
        (b.name == "sin" || b.name == "cos" || b.name == "tan" || b.name == "log") && s_.juxt != Juxt::Star && coin(2)) {
      std::string head = function_name(b.name);
      head += unicode() ? (x.n == 2 ? "²" : "³") : "^" + std::to_string(x.n);
      bool can_apply = tail && ctx != Ctx::Base && ctx != Ctx::Denom;
      if (can_apply && apply_arg_ok(b.kids[0]) && apply_ok()) {
        Piece a = render(b.kids[0], Ctx::ApplyArg, false);
        // `sin²x` needs no space after the superscript; `sin²2x` is sin²(2x) to a reader.
        std::string gap = " ";
        if (head.back() != ')' && static_cast<unsigned char>(head.back()) >= 0x80 && coin(2)) gap = "";
        return atom(head + gap + a.text, Edge::Func, Edge::Apply);
      }
      Piece p = atom(head + "(" + render(b.kids[0], Ctx::Arg, true).text + ")", Edge::Func, Edge::Close);
      return p;
    }
    // u^(1/2) may be written sqrt(u); e^u may be written exp(u)
    if (x.is(K::Rat) && x.n == 1 && x.d == 2 && ctx != Ctx::Exponent && alias()) return render_call(Tree::call("sqrt", b), ctx, tail);
    if (b.is(K::E) && ctx != Ctx::Exponent && alias() && coin(2)) return render_call(Tree::call("exp", x), ctx, tail);
    Piece base;
    if (is_atom(b) || b.is(K::Call)) base = render(b, Ctx::Base, false);
    else base = bracket(render(b, Ctx::Arg, true));
    Piece ex = render_exponent(x);
    if (ex.first != Edge::Super && alias() && !unicode()) ex.text = "**" + ex.text.substr(1);
    else if (ex.first != Edge::Super && mixed() && coin(5)) ex.text = " ^ " + ex.text.substr(1);
    Piece p;
    p.text = base.text + ex.text;
    p.first = base.first;
    p.greek_first = base.greek_first;
    p.last = ex.last;
    p.run = ex.run;
    p.greek_last = ex.greek_last;
    return p;
  }

  Piece render_sum(const Tree& t, Ctx ctx) {
    Piece acc = render(t.kids[0], Ctx::Top, true);
    for (std::size_t i = 1; i < t.kids.size(); ++i) {
      Piece r = render(t.kids[i], Ctx::Term, true);
      std::string op = t.minus[i] ? minus_sign() : "+";
      bool spaced = loose();
      // `2e-3`, `x^2e+1` are numbers (docs/language.md §2: 1e-3): a sum written after a digit and an `e` needs
      // spaces when a digit follows. (Not so after a superscript: `x²e−3` is x²·e − 3 to a reader.)
      std::size_t n = acc.text.size();
      if (!spaced && n >= 2 && acc.text[n - 1] == 'e' && std::isdigit(static_cast<unsigned char>(acc.text[n - 2])) &&
          r.first == Edge::Digit)
        spaced = true;
      acc.text += spaced ? " " + op + " " : op;
      acc.text += r.text;
      acc.last = r.last;
    }
    acc.first = acc.first == Edge::Minus ? Edge::Minus : acc.first;
    if (ctx == Ctx::Top || ctx == Ctx::Arg) return acc;
    return bracket(acc);
  }

  Piece render_mul(const Tree& t, Ctx ctx, bool tail) {
    using K = Tree::Kind;
    Piece acc;
    std::size_t i = 0;
    bool have = false;
    if (t.kids[0].is(K::Rat)) {  // 3/2 x^2 (= (3/2)·x², docs/language.md §2: 1/2x = x/2)
      if (ctx == Ctx::ApplyArg) return bracket(render(t, Ctx::Arg, true));
      std::string slash = loose() && s_.juxt != Juxt::Glue ? " / " : "/";
      acc = atom(std::to_string(t.kids[0].n) + slash + std::to_string(t.kids[0].d), Edge::Digit, Edge::Digit);
      acc.divisor_last = true;
      i = 1;
      have = true;
    }
    for (; i < t.kids.size(); ++i) {
      const Tree& f = t.kids[i];
      bool last = i + 1 == t.kids.size();
      Piece p;
      if (f.is(K::Sum) || f.is(K::Neg) || f.is(K::Div) || f.is(K::Mul) || f.is(K::Rat)) p = bracket(render(f, Ctx::Arg, true));
      else if (ctx != Ctx::ApplyArg && mixed() && coin(12)) p = bracket(render(f, Ctx::Arg, true));  // (x)(x + 1), 2(x)^2
      else p = render(f, ctx == Ctx::ApplyArg ? Ctx::ApplyArg : Ctx::Factor, last && tail);
      if (!have) {
        acc = p;
        have = true;
        continue;
      }
      if (ctx == Ctx::ApplyArg) {  // inside `sin 2x y` only juxtaposition continues the argument
        bool g = glue_ok(acc, p);
        std::string sep = s_.juxt == Juxt::Glue && g ? "" : " ";
        acc.text += sep + p.text;
        acc.last = p.last;
        acc.divisor_last = p.divisor_last;
        acc.run = sep.empty() && p.letters_only ? acc.run + p.run : p.run;
        acc.letters_only = acc.letters_only && p.letters_only && sep.empty();
        continue;
      }
      acc = join(acc, p);
    }
    if (ctx == Ctx::Top || ctx == Ctx::Term || ctx == Ctx::Arg || ctx == Ctx::Numer || ctx == Ctx::ApplyArg) return acc;
    return bracket(acc);
  }

  Piece render_div(const Tree& t, Ctx ctx) {
    using K = Tree::Kind;
    const Tree &n = t.kids[0], &d = t.kids[1];
    Piece num = (n.is(K::Sum) || n.is(K::Neg) || n.is(K::Div)) ? bracket(render(n, Ctx::Arg, true)) : render(n, Ctx::Numer, true);
    Piece den;
    bool single = is_atom(d) || d.is(K::Call) || (d.is(K::Pow) && (is_atom(d.kids[0]) || d.kids[0].is(K::Call)));
    if (single) den = render(d, Ctx::Denom, false);
    if (!single || den.first == Edge::Open) den = bracket(render(d, Ctx::Arg, true));
    std::string slash = loose() ? " / " : "/";
    if (unicode() && mixed() && coin(4)) slash = "÷";
    Piece p;
    p.text = num.text + slash + den.text;
    p.first = num.first;
    p.last = den.last;
    p.run = den.run;
    if (ctx == Ctx::Top || ctx == Ctx::Term || ctx == Ctx::Arg) return p;
    return bracket(p);
  }

  // tail: this piece ends a juxtaposition run (an operator, a bracket or the end follows), so a
  // function may take its argument by juxtaposition here.
  Piece render(const Tree& t, Ctx ctx, bool tail) {
    using K = Tree::Kind;
    switch (t.kind) {
      case K::Int: return atom(std::to_string(t.n), Edge::Digit, Edge::Digit);
      case K::Rat: {
        Piece p = atom(std::to_string(t.n) + "/" + std::to_string(t.d), Edge::Digit, Edge::Digit);
        return ctx == Ctx::Top || ctx == Ctx::Term || ctx == Ctx::Arg ? p : bracket(p);
      }
      case K::Sym: return symbol(t.name);
      case K::E: {
        Piece p = atom("e", Edge::Letter, Edge::Letter, 1, true);
        p.greek_first = true;  // (3/2e is refused as 3/2π is)
        return p;
      }
      case K::Pi: {
        if (unicode()) {
          Piece p = atom("π", Edge::Sep, Edge::Sep);
          p.greek_last = true;
          p.greek_first = true;
          return p;
        }
        Piece p = atom("pi", Edge::Name, Edge::Name);
        p.greek_first = true;
        return p;
      }
      case K::Sum: return render_sum(t, ctx);
      case K::Neg: {
        const Tree& a = t.kids[0];
        Piece inner = (a.is(K::Sum) || a.is(K::Neg)) ? bracket(render(a, Ctx::Arg, true)) : render(a, Ctx::Numer, tail);
        Piece p = inner;
        p.text = minus_sign() + inner.text;
        p.first = Edge::Minus;
        if (ctx == Ctx::Top || ctx == Ctx::Arg) return p;
        return bracket(p);
      }
      case K::Mul: return render_mul(t, ctx, tail);
      case K::Div: return render_div(t, ctx);
      case K::Pow: {
        if (ctx == Ctx::Exponent && !(is_atom(t.kids[0]) && is_atom(t.kids[1]))) return bracket(render(t, Ctx::Arg, true));
        Piece p = render_pow(t, ctx, tail);
        return p;
      }
      case K::Call: return render_call(t, ctx, tail);
    }
    return atom("?", Edge::Digit, Edge::Digit);
  }

  const Spelling& s_;
  std::mt19937_64 rng_;
};

inline std::string spell(const Tree& t, const Spelling& s, std::uint64_t seed) { return Renderer(s, seed)(t); }

// The operand of `d/dx TEXT`: TEXT itself, unless TEXT is a bracket followed by + or - (docs/language.md §3:
// `d/dx (x^2) + x` = 3x), which is bracketed once more.
inline std::string derivative_operand(const std::string& text) {
  if (text.empty() || text[0] != '(') return text;
  int depth = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) break;
  }
  std::size_t j = i + 1;
  while (j < text.size() && text[j] == ' ') ++j;
  std::string_view rest = std::string_view(text).substr(std::min(j, text.size()));
  bool sign = rest.starts_with("+") || rest.starts_with("-") || rest.starts_with("−") || rest.starts_with("–");
  return sign ? "(" + text + ")" : text;
}

}  // namespace ddx::test
