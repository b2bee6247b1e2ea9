// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in function table (one row per function) and the registry of abstract functions.
// Adding a function means adding one row here: printers, the differentiator, numeric evaluation
// and completion all read it.
#include "core/functions.hpp"

#include <cmath>
#include <deque>
#include <stdexcept>
#include <unordered_map>

#include "core/errors.hpp"

namespace ddx {
namespace {

using Numeric = std::function<double(std::span<const double>)>;
using Eval = std::function<std::optional<Expr>(Args)>;
using Partial = std::function<Expr(Args)>;

Numeric unary(double (*fn)(double)) {
  return [fn](std::span<const double> v) { return fn(v[0]); };
}

// -u for an argument that visibly carries a minus sign (-x, -2y, -3), else nullopt.
std::optional<Expr> negated(Expr a) {
  if (has_negative_sign(a)) return -a;
  return std::nullopt;
}
// Odd functions pull the sign out: sin(-x) = -sin(x).
Eval odd(std::string name, Eval at_numbers = nullptr) {
  return [name, at_numbers](Args a) -> std::optional<Expr> {
    if (a[0].is_zero() && a[0].number().is_exact()) return Expr(0);
    if (at_numbers)
      if (auto r = at_numbers(a)) return r;
    if (auto m = negated(a[0])) return -call(name, {*m});
    return std::nullopt;
  };
}
// Even functions drop it: cos(-x) = cos(x).
Eval even(std::string name, Expr at_zero, Eval at_numbers = nullptr) {
  return [name, at_zero, at_numbers](Args a) -> std::optional<Expr> {
    if (a[0].is_zero() && a[0].number().is_exact()) return at_zero;
    if (at_numbers)
      if (auto r = at_numbers(a)) return r;
    if (auto m = negated(a[0])) return call(name, {*m});
    return std::nullopt;
  };
}

// n for an argument n·π with n an exact rational (π, 2π/3, -π/6), else nullopt.
std::optional<Number> pi_multiple_rational(Expr a) {
  if (a.is(Kind::Constant) && a.constant() == ConstantId::Pi) return Number(1);
  if (a.is(Kind::Mul) && a.bases().size() == 1 && a.bases()[0] == pi_const() && a.exponents()[0].is_one() &&
      a.number().is_exact())
    return a.number();
  return std::nullopt;
}

std::string pi_text(const Number& n) {
  if (n.is_one()) return "pi";
  if (n.is_integer()) return n.to_string() + "pi";
  std::string top = n.numerator().is_one() ? "pi" : n.numerator().to_string() + "pi";
  return top + "/" + n.denominator().to_string();
}

bool is_e(Expr a) { return a.is(Kind::Constant) && a.constant() == ConstantId::E; }

// sin(r·π) for r in [0, 1/2] where it has a closed form in square roots (denominators 1, 2, 3,
// 4, 5, 6, 8, 10, 12), else nullopt.
std::optional<Expr> sin_of_pi_fraction(const Number& r) {
  Expr s2 = sqrt(Expr(2)), s5 = sqrt(Expr(5)), s6 = sqrt(Expr(6));
  struct Row {
    long long num, den;
    Expr value;
  };
  const Row table[] = {
      {0, 1, Expr(0)},
      {1, 12, (s6 - s2) / 4},
      {1, 10, (s5 - 1) / 4},
      {1, 8, sqrt(2 - s2) / 2},
      {1, 6, rational(1, 2)},
      {1, 5, sqrt(10 - 2 * s5) / 4},
      {1, 4, s2 / 2},
      {3, 10, (s5 + 1) / 4},
      {1, 3, sqrt(Expr(3)) / 2},
      {3, 8, sqrt(2 + s2) / 2},
      {2, 5, sqrt(10 + 2 * s5) / 4},
      {5, 12, (s6 + s2) / 4},
      {1, 2, Expr(1)},
  };
  for (const Row& row : table)
    if (r == Number::rational(row.num, row.den)) return row.value;
  return std::nullopt;
}

// sin(n·π) for an exact rational n with a closed form: reduced to [0, π/2] by periodicity and
// symmetry (sin(π + t) = -sin(t), sin(π - t) = sin(t)).
std::optional<Expr> sin_at_pi_multiple(Number n) {
  n = n - (n / Number(2)).floor() * Number(2);  // [0, 2)
  bool negative = false;
  if (!(n < Number(1))) {
    n = n - Number(1);
    negative = true;
  }
  if (Number::rational(1, 2) < n) n = Number(1) - n;
  auto v = sin_of_pi_fraction(n);
  if (!v) return std::nullopt;
  return negative ? -*v : *v;
}

// The exact value of a trigonometric function at a rational multiple of π with a closed form;
// an undefined one (tan(π/2), cot(0)) is an error, as at any other pole.
std::optional<Expr> trig_at_pi_multiple(std::string_view name, Expr a) {
  auto n = pi_multiple_rational(a);
  if (!n) return std::nullopt;
  auto s = sin_at_pi_multiple(*n);
  auto c = sin_at_pi_multiple(*n + Number::rational(1, 2));
  if (!s || !c) return std::nullopt;
  auto ratio = [&](Expr top, Expr bottom) -> Expr {
    if (bottom.is_zero()) throw MathError(std::string(name) + " is undefined at " + pi_text(*n));
    return top / bottom;
  };
  if (name == "sin") return *s;
  if (name == "cos") return *c;
  if (name == "tan") return ratio(*s, *c);
  if (name == "cot") return ratio(*c, *s);
  if (name == "sec") return ratio(Expr(1), *c);
  return ratio(Expr(1), *s);  // csc
}
Eval exact_trig(std::string name) {
  return [name](Args a) { return trig_at_pi_multiple(name, a[0]); };
}

Expr half() { return rational(1, 2); }

// Refuses a number outside a real function's domain (asin(2), acosh(0), atanh(1)), then
// defers to `inner`. Symbolic arguments pass: only numbers can be checked.
Eval in_domain(std::string name, bool (*ok)(double), std::string why, Eval inner) {
  return [name, ok, why, inner](Args a) -> std::optional<Expr> {
    if (a[0].is_number() && !ok(a[0].number().to_double()))
      throw MathError(name + "(" + a[0].number().to_string() + ") is undefined: " + why);
    return inner ? inner(a) : std::nullopt;
  };
}
bool within_one(double x) { return x >= -1 && x <= 1; }
bool at_least_one(double x) { return x >= 1; }
bool inside_one(double x) { return x > -1 && x < 1; }

double sign_of(double x) { return (x > 0) - (x < 0); }

std::vector<FunctionInfo> builtin_table() {
  std::vector<FunctionInfo> t;
  auto row = [&](std::string name, int arity, std::string latex, std::string rule, Numeric numeric, Eval eval,
                 std::vector<Partial> partials) {
    t.push_back(FunctionInfo{std::move(name), arity, std::move(latex), std::move(rule), std::move(numeric),
                             std::move(eval), std::move(partials), false, {}, std::nullopt});
  };
  // clang-format off
  row("sin", 1, "\\sin", "trigonometric", unary(std::sin), odd("sin", exact_trig("sin")),
      {[](Args a) { return cos(a[0]); }});
  row("cos", 1, "\\cos", "trigonometric", unary(std::cos), even("cos", Expr(1), exact_trig("cos")),
      {[](Args a) { return -sin(a[0]); }});
  row("tan", 1, "\\tan", "trigonometric", unary(std::tan), odd("tan", exact_trig("tan")),
      {[](Args a) { return 1 + pow(tan(a[0]), 2); }});
  row("cot", 1, "\\cot", "trigonometric", [](std::span<const double> v) { return 1 / std::tan(v[0]); },
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero()) throw MathError("cot(0) is undefined");
        if (auto v = trig_at_pi_multiple("cot", a[0])) return v;
        if (auto m = negated(a[0])) return -call("cot", {*m});
        return std::nullopt; },
      {[](Args a) { return -1 - pow(call("cot", {a[0]}), 2); }});
  row("sec", 1, "\\sec", "trigonometric", [](std::span<const double> v) { return 1 / std::cos(v[0]); },
      even("sec", Expr(1), exact_trig("sec")),
      {[](Args a) { return call("sec", {a[0]}) * tan(a[0]); }});
  row("csc", 1, "\\csc", "trigonometric", [](std::span<const double> v) { return 1 / std::sin(v[0]); },
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero()) throw MathError("csc(0) is undefined");
        if (auto v = trig_at_pi_multiple("csc", a[0])) return v;
        if (auto m = negated(a[0])) return -call("csc", {*m});
        return std::nullopt; },
      {[](Args a) { return -call("csc", {a[0]}) * call("cot", {a[0]}); }});
  row("asin", 1, "\\arcsin", "inverse trigonometric", unary(std::asin),
      in_domain("asin", within_one, "the argument must be between -1 and 1", odd("asin")),
      {[](Args a) { return 1 / sqrt(1 - pow(a[0], 2)); }});
  row("acos", 1, "\\arccos", "inverse trigonometric", unary(std::acos),
      in_domain("acos", within_one, "the argument must be between -1 and 1", [](Args a) -> std::optional<Expr> {
        if (a[0].is_one()) return Expr(0);
        return std::nullopt; }),
      {[](Args a) { return -1 / sqrt(1 - pow(a[0], 2)); }});
  row("atan", 1, "\\arctan", "inverse trigonometric", unary(std::atan), odd("atan"),
      {[](Args a) { return 1 / (pow(a[0], 2) + 1); }});
  row("sinh", 1, "\\sinh", "hyperbolic", unary(std::sinh), odd("sinh"),
      {[](Args a) { return call("cosh", {a[0]}); }});
  row("cosh", 1, "\\cosh", "hyperbolic", unary(std::cosh), even("cosh", Expr(1)),
      {[](Args a) { return call("sinh", {a[0]}); }});
  row("tanh", 1, "\\tanh", "hyperbolic", unary(std::tanh), odd("tanh"),
      {[](Args a) { return 1 - pow(call("tanh", {a[0]}), 2); }});
  row("asinh", 1, "\\operatorname{asinh}", "inverse hyperbolic", unary(std::asinh), odd("asinh"),
      {[](Args a) { return 1 / sqrt(pow(a[0], 2) + 1); }});
  row("acosh", 1, "\\operatorname{acosh}", "inverse hyperbolic", unary(std::acosh),
      in_domain("acosh", at_least_one, "the argument must be at least 1", [](Args a) -> std::optional<Expr> {
        if (a[0].is_one()) return Expr(0);
        return std::nullopt; }),
      {[](Args a) { return 1 / sqrt(pow(a[0], 2) - 1); }});
  row("atanh", 1, "\\operatorname{atanh}", "inverse hyperbolic", unary(std::atanh),
      in_domain("atanh", inside_one, "the argument must be strictly between -1 and 1", odd("atanh")),
      {[](Args a) { return 1 / (1 - pow(a[0], 2)); }});
  // exp(u) is e^u and sqrt(u) is u^(1/2): one canonical form each, so they simplify together.
  row("exp", 1, "\\exp", "exponential", unary(std::exp),
      [](Args a) -> std::optional<Expr> { return pow(e_const(), a[0]); },
      {[](Args a) { return exp(a[0]); }});
  row("log", 1, "\\log", "logarithm",
      [](std::span<const double> v) { return v[0] > 0 ? std::log(v[0]) : NAN; },
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero()) throw MathError("log(0) is undefined");
        if (a[0].is_number() && a[0].number().is_negative()) throw MathError("log of a negative number is not real");
        if (a[0].is_one()) return Expr(0);
        if (is_e(a[0])) return Expr(1);
        if (a[0].is(Kind::Pow) && is_e(a[0].base()) && a[0].exponent().is_number()) return a[0].exponent();
        return std::nullopt; },
      {[](Args a) { return 1 / a[0]; }});
  row("sqrt", 1, "\\sqrt", "power", unary(std::sqrt),
      [](Args a) -> std::optional<Expr> { return sqrt(a[0]); },
      {[](Args a) { return 1 / (2 * sqrt(a[0])); }});
  row("abs", 1, "", "absolute value", unary(std::fabs),
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_number()) return num(a[0].number().is_negative() ? -a[0].number() : a[0].number());
        if (a[0].is(Kind::Constant)) return a[0];
        if (auto m = negated(a[0])) return abs(*m);
        return std::nullopt; },
      {[](Args a) { return sign(a[0]); }});
  row("sign", 1, "\\operatorname{sign}", "sign", unary(sign_of),
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_number()) return Expr(a[0].number().sign());
        if (a[0].is(Kind::Constant)) return Expr(1);
        if (auto m = negated(a[0])) return -sign(*m);
        return std::nullopt; },
      {[](Args) { return Expr(0); }});
  row("sigmoid", 1, "\\sigma", "sigmoid", [](std::span<const double> v) { return 1 / (1 + std::exp(-v[0])); },
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero() && a[0].number().is_exact()) return half();
        return std::nullopt; },
      {[](Args a) { Expr s = call("sigmoid", {a[0]}); return s * (1 - s); }});
  row("softplus", 1, "\\operatorname{softplus}", "softplus",
      [](std::span<const double> v) { return std::log1p(std::exp(v[0])); }, nullptr,
      {[](Args a) { return call("sigmoid", {a[0]}); }});
  row("relu", 1, "\\operatorname{relu}", "relu", [](std::span<const double> v) { return v[0] > 0 ? v[0] : 0.0; },
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_number()) return a[0].number().is_negative() ? Expr(0) : a[0];
        return std::nullopt; },
      {[](Args a) { return (1 + sign(a[0])) / 2; }});
  row("max", 2, "\\max", "max", [](std::span<const double> v) { return std::max(v[0], v[1]); },
      [](Args a) -> std::optional<Expr> {
        if (a[0] == a[1]) return a[0];
        if (a[0].is_number() && a[1].is_number()) return a[0].number() < a[1].number() ? a[1] : a[0];
        return std::nullopt; },
      {[](Args a) { return (1 + sign(a[0] - a[1])) / 2; }, [](Args a) { return (1 - sign(a[0] - a[1])) / 2; }});
  row("min", 2, "\\min", "min", [](std::span<const double> v) { return std::min(v[0], v[1]); },
      [](Args a) -> std::optional<Expr> {
        if (a[0] == a[1]) return a[0];
        if (a[0].is_number() && a[1].is_number()) return a[0].number() < a[1].number() ? a[0] : a[1];
        return std::nullopt; },
      {[](Args a) { return (1 - sign(a[0] - a[1])) / 2; }, [](Args a) { return (1 + sign(a[0] - a[1])) / 2; }});
  // clang-format on
  return t;
}

struct Registry {
  std::deque<FunctionInfo> rows;  // deque: references stay valid as abstract functions are added
  std::unordered_map<std::string, FunctionId> by_name;
  std::unordered_map<std::string, FunctionId> abstract_by_key;  // "f/2"
  std::size_t builtin_count = 0;
  Registry() {
    for (auto& info : builtin_table()) {
      by_name.emplace(info.name, static_cast<FunctionId>(rows.size()));
      rows.push_back(std::move(info));
    }
    builtin_count = rows.size();
  }
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

const FunctionInfo& function_info(FunctionId f) { return registry().rows.at(f); }

std::optional<FunctionId> find_function(std::string_view name) {
  auto& r = registry();
  if (auto it = r.by_name.find(std::string(name)); it != r.by_name.end()) return it->second;
  return std::nullopt;
}

FunctionId abstract_function(std::string_view name, int arity) {
  auto& r = registry();
  if (auto it = r.by_name.find(std::string(name)); it != r.by_name.end() && !r.rows[it->second].abstract) return it->second;
  // f(x) and f(x, y) are different unknown functions that share a name.
  std::string key = std::string(name) + "/" + std::to_string(arity);
  if (auto it = r.abstract_by_key.find(key); it != r.abstract_by_key.end()) return it->second;
  FunctionInfo info;
  info.name = std::string(name);
  info.arity = arity;
  info.rule = "abstract function";
  info.abstract = true;
  auto id = static_cast<FunctionId>(r.rows.size());
  r.rows.push_back(std::move(info));
  r.abstract_by_key.emplace(key, id);
  r.by_name.emplace(std::string(name), id);  // the first arity seen answers find_function
  return id;
}

void set_abstract_params(FunctionId f, std::vector<std::string> params) {
  auto& info = registry().rows.at(f);
  if (info.abstract) info.params = std::move(params);
}

FunctionId pending_derivative_function(const std::string& var, bool partial) {
  auto& r = registry();
  std::string key = (partial ? "∂/∂" : "d/d") + var;
  if (auto it = r.abstract_by_key.find(key); it != r.abstract_by_key.end()) return it->second;
  FunctionInfo info;
  info.name = key;
  info.arity = 1;
  info.rule = "pending derivative";
  info.abstract = true;
  info.pending = PendingDerivative{var, partial};
  auto id = static_cast<FunctionId>(r.rows.size());
  r.rows.push_back(std::move(info));
  r.abstract_by_key.emplace(key, id);
  return id;
}

void forget_abstract_params(std::string_view name) {
  for (FunctionInfo& info : registry().rows)
    if (info.abstract && (name.empty() || info.name == name)) info.params.clear();
}

std::vector<std::string> builtin_function_names() {
  std::vector<std::string> names;
  auto& r = registry();
  for (std::size_t i = 0; i < r.builtin_count; ++i) names.push_back(r.rows[i].name);
  return names;
}

Expr call(std::string_view name, std::vector<Expr> args) {
  auto f = find_function(name);
  if (!f) throw std::logic_error("unknown built-in function " + std::string(name));
  return call(*f, std::move(args));
}
Expr sin(Expr a) { return call("sin", {a}); }
Expr cos(Expr a) { return call("cos", {a}); }
Expr tan(Expr a) { return call("tan", {a}); }
Expr log(Expr a) { return call("log", {a}); }
Expr exp(Expr a) { return call("exp", {a}); }
Expr sign(Expr a) { return call("sign", {a}); }
Expr abs(Expr a) { return call("abs", {a}); }

}  // namespace ddx
