// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in functions, one row each: name, arity, LaTeX form, the rule `steps` names, a help
// line, a double and an MPFR evaluator, exact simplification, and one partial derivative per
// argument. Adding a function means adding one row here: the differentiator, the evaluators,
// the printers, help, completion and the man page all read it (and a test checks every row).
#include <mpfr.h>

#include <cmath>

#include "core/corner_sign.hpp"
#include "core/errors.hpp"
#include "core/exact_values.hpp"
#include "core/functions.hpp"
#include "core/real_value.hpp"

namespace ddx {
namespace {

using Numeric = std::function<double(std::span<const double>)>;
using Eval = std::function<std::optional<Expr>(Args)>;
using Partial = std::function<Expr(Args)>;


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

Eval exact_trig(std::string name) {
  return [name](Args a) { return trig_at_pi_multiple(name, a[0]); };
}
Eval exact_inverse(std::string name) {
  return [name](Args a) { return inverse_trig_exact(name, a[0]); };
}

Expr half() { return rational(1, 2); }

bool is_e(Expr a) { return a.is(Kind::Constant) && a.constant() == ConstantId::E; }

// Refuses an argument outside a real function's domain, a number (asin(2), acosh(0), atanh(1))
// or a constant whose value is clearly outside (asin(pi), atanh(sqrt(3))), then defers to
// `inner`. Symbolic arguments pass: they have no value to check.
Eval in_domain(std::string name, bool (*ok)(double), std::string why, Eval inner) {
  return [name, ok, why, inner](Args a) -> std::optional<Expr> {
    if (a[0].is_number() && !ok(for_domain(a[0].number())))
      throw MathError(name + "(" + a[0].number().to_string() + ") is undefined: " + why);
    if (auto v = value_outside_interval_domain(a[0], ok))
      throw MathError(name + " of " + *v + " is undefined: " + why);
    return inner ? inner(a) : std::nullopt;
  };
}
bool within_one(double x) { return x >= -1 && x <= 1; }
bool at_least_one(double x) { return x >= 1; }
bool inside_one(double x) { return x > -1 && x < 1; }
bool positive(double x) { return x > 0; }

double sign_of(double x) { return (x > 0) - (x < 0); }

// abs, sign, relu, max and min of a constant whose sign is clear (constant_sign) fold, so that a
// corner's slope times relu(-sin(1)) is seen to be 0. The sign of a[0] - a[1] for two constants
// (max and min), without building it for others.
std::optional<int> constants_compared(Args a) {
  if (a[0].node()->symbols != 0 || a[1].node()->symbols != 0) return std::nullopt;
  return constant_sign(a[0] - a[1]);
}


// MPFR evaluators: a function of MPFR's own, or a short composition of them.
template <int (*F)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t)>
void unary_precise(mpfr_ptr out, const mpfr_srcptr* a) {
  F(out, a[0], MPFR_RNDN);
}
template <int (*F)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t)>
void trig_precise(mpfr_ptr out, const mpfr_srcptr* a) {
  check_reducible(a[0]);
  F(out, a[0], MPFR_RNDN);
}
void precise_abs(mpfr_ptr out, const mpfr_srcptr* a) { mpfr_abs(out, a[0], MPFR_RNDN); }  // a macro in mpfr.h
void precise_sign(mpfr_ptr out, const mpfr_srcptr* a) { mpfr_set_si(out, mpfr_sgn(a[0]), MPFR_RNDN); }
void precise_corner_sign(mpfr_ptr out, const mpfr_srcptr* a) {
  if (mpfr_zero_p(a[0])) mpfr_set_nan(out);
  else mpfr_set_si(out, mpfr_sgn(a[0]), MPFR_RNDN);
}
void precise_sigmoid(mpfr_ptr out, const mpfr_srcptr* a) {  // 1 / (1 + e^-a)
  if (mpfr_sgn(a[0]) < 0) {  // e^a / (1 + e^a): e^-a would overflow to a sigmoid of 0 (sigmoid(-1e10) printed 0.0)
    mpfr_t e;
    mpfr_init2(e, mpfr_get_prec(out));
    mpfr_exp(e, a[0], MPFR_RNDN);
    mpfr_add_ui(out, e, 1, MPFR_RNDN);
    mpfr_div(out, e, out, MPFR_RNDN);
    mpfr_clear(e);
    return;
  }
  mpfr_neg(out, a[0], MPFR_RNDN);
  mpfr_exp(out, out, MPFR_RNDN);
  mpfr_add_ui(out, out, 1, MPFR_RNDN);
  mpfr_ui_div(out, 1, out, MPFR_RNDN);
}
void precise_softplus(mpfr_ptr out, const mpfr_srcptr* a) { softplus_rounded(out, a[0], MPFR_RNDN); }  // log(1 + e^a)
// A value picked among numbers one of which is a decimal is a decimal (max(-2.5, 0) is 0.0):
// an answer that involves a decimal is one, and is checked as one.
Expr decimal_if_any(Expr picked, Args a) {
  bool any = std::any_of(a.begin(), a.end(), [](Expr x) { return x.is_number() && x.number().is_float(); });
  if (!any || !picked.number().is_exact()) return picked;
  return num(Number::from_double(picked.number().to_double()));
}

void precise_relu(mpfr_ptr out, const mpfr_srcptr* a) {
  if (mpfr_sgn(a[0]) > 0) mpfr_set(out, a[0], MPFR_RNDN);
  else mpfr_set_zero(out, 1);
}
void precise_max(mpfr_ptr out, const mpfr_srcptr* a) { mpfr_max(out, a[0], a[1], MPFR_RNDN); }
void precise_min(mpfr_ptr out, const mpfr_srcptr* a) { mpfr_min(out, a[0], a[1], MPFR_RNDN); }

}  // namespace

std::vector<FunctionInfo> builtin_function_table() {
  std::vector<FunctionInfo> t;
  auto row = [&](std::string name, int arity, std::string latex, std::string rule, std::string help, Numeric numeric,
                 Precise precise, Eval eval, std::vector<Partial> partials) {
    FunctionInfo info;
    info.name = std::move(name);
    info.arity = arity;
    info.latex = std::move(latex);
    info.rule = std::move(rule);
    info.help = std::move(help);
    info.numeric = std::move(numeric);
    info.precise = precise;
    info.eval = std::move(eval);
    info.partials = std::move(partials);
    t.push_back(std::move(info));
  };
  // clang-format off
  row("sin", 1, "\\sin", "trigonometric", "sine",
      unary(std::sin), trig_precise<mpfr_sin>, odd("sin", exact_trig("sin")),
      {[](Args a) { return cos(a[0]); }});
  row("cos", 1, "\\cos", "trigonometric", "cosine",
      unary(std::cos), trig_precise<mpfr_cos>, even("cos", Expr(1), exact_trig("cos")),
      {[](Args a) { return -sin(a[0]); }});
  row("tan", 1, "\\tan", "trigonometric", "tangent",
      unary(std::tan), trig_precise<mpfr_tan>, odd("tan", exact_trig("tan")),
      {[](Args a) { return 1 + pow(tan(a[0]), 2); }});
  row("cot", 1, "\\cot", "trigonometric", "cotangent, 1/tan(x)",
      [](std::span<const double> v) { return 1 / std::tan(v[0]); }, trig_precise<mpfr_cot>,
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero()) throw MathError("cot(0) is undefined");
        if (auto v = trig_at_pi_multiple("cot", a[0])) return v;
        if (auto m = negated(a[0])) return -call("cot", {*m});
        return std::nullopt; },
      {[](Args a) { return -1 - pow(call("cot", {a[0]}), 2); }});
  row("sec", 1, "\\sec", "trigonometric", "secant, 1/cos(x)",
      [](std::span<const double> v) { return 1 / std::cos(v[0]); }, trig_precise<mpfr_sec>,
      even("sec", Expr(1), exact_trig("sec")),
      {[](Args a) { return call("sec", {a[0]}) * tan(a[0]); }});
  row("csc", 1, "\\csc", "trigonometric", "cosecant, 1/sin(x)",
      [](std::span<const double> v) { return 1 / std::sin(v[0]); }, trig_precise<mpfr_csc>,
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero()) throw MathError("csc(0) is undefined");
        if (auto v = trig_at_pi_multiple("csc", a[0])) return v;
        if (auto m = negated(a[0])) return -call("csc", {*m});
        return std::nullopt; },
      {[](Args a) { return -call("csc", {a[0]}) * call("cot", {a[0]}); }});
  row("asin", 1, "\\arcsin", "inverse trigonometric", "inverse sine (also arcsin)",
      unary(std::asin), unary_precise<mpfr_asin>,
      in_domain("asin", within_one, "the argument must be between -1 and 1", odd("asin", exact_inverse("asin"))),
      {[](Args a) { return 1 / sqrt(1 - pow(a[0], 2)); }});
  row("acos", 1, "\\arccos", "inverse trigonometric", "inverse cosine (also arccos)",
      unary(std::acos), unary_precise<mpfr_acos>,
      in_domain("acos", within_one, "the argument must be between -1 and 1", exact_inverse("acos")),
      {[](Args a) { return -1 / sqrt(1 - pow(a[0], 2)); }});
  row("atan", 1, "\\arctan", "inverse trigonometric", "inverse tangent (also arctan)",
      unary(std::atan), unary_precise<mpfr_atan>, odd("atan", exact_inverse("atan")),
      {[](Args a) { return 1 / (pow(a[0], 2) + 1); }});
  row("sinh", 1, "\\sinh", "hyperbolic", "hyperbolic sine",
      unary(std::sinh), unary_precise<mpfr_sinh>, odd("sinh"),
      {[](Args a) { return call("cosh", {a[0]}); }});
  row("cosh", 1, "\\cosh", "hyperbolic", "hyperbolic cosine",
      unary(std::cosh), unary_precise<mpfr_cosh>, even("cosh", Expr(1)),
      {[](Args a) { return call("sinh", {a[0]}); }});
  row("tanh", 1, "\\tanh", "hyperbolic", "hyperbolic tangent",
      unary(std::tanh), unary_precise<mpfr_tanh>, odd("tanh"),
      {[](Args a) { return 1 - pow(call("tanh", {a[0]}), 2); }});
  row("asinh", 1, "\\operatorname{asinh}", "inverse hyperbolic", "inverse hyperbolic sine (also arsinh)",
      unary(std::asinh), unary_precise<mpfr_asinh>, odd("asinh"),
      {[](Args a) { return 1 / sqrt(pow(a[0], 2) + 1); }});
  row("acosh", 1, "\\operatorname{acosh}", "inverse hyperbolic", "inverse hyperbolic cosine (also arcosh)",
      unary(std::acosh), unary_precise<mpfr_acosh>,
      in_domain("acosh", at_least_one, "the argument must be at least 1", [](Args a) -> std::optional<Expr> {
        if (a[0].is_one()) return Expr(0);
        return std::nullopt; }),
      {[](Args a) { return 1 / sqrt(pow(a[0], 2) - 1); }});
  row("atanh", 1, "\\operatorname{atanh}", "inverse hyperbolic", "inverse hyperbolic tangent (also artanh)",
      unary(std::atanh), unary_precise<mpfr_atanh>,
      in_domain("atanh", inside_one, "the argument must be strictly between -1 and 1", odd("atanh")),
      {[](Args a) { return 1 / (1 - pow(a[0], 2)); }});
  // exp(u) is e^u and sqrt(u) is u^(1/2): one canonical form each, so they simplify together.
  row("exp", 1, "\\exp", "exponential", "exponential, the same as e^x",
      unary(std::exp), unary_precise<mpfr_exp>,
      [](Args a) -> std::optional<Expr> { return pow(e_const(), a[0]); },
      {[](Args a) { return exp(a[0]); }});
  row("log", 1, "\\log", "logarithm",
      "natural logarithm (also ln); log_b(x) is the base-b logarithm",
      [](std::span<const double> v) { return v[0] > 0 ? std::log(v[0]) : NAN; }, unary_precise<mpfr_log>,
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero()) throw MathError("log(0) is undefined");
        if (a[0].is_number() && a[0].number().is_negative()) throw MathError("log of a negative number is not real");
        if (a[0].is_one()) return Expr(0);
        if (is_e(a[0])) return Expr(1);
        if (a[0].is(Kind::Pow) && is_e(a[0].base()) && a[0].exponent().is_number()) return a[0].exponent();
        if (is_constant_expression(a[0]) && !obviously_positive(a[0]))
          if (auto v = value_outside_interval_domain(a[0], positive))
            throw MathError("log of a negative number (" + *v + ") is not real");
        return std::nullopt; },
      {[](Args a) { return 1 / a[0]; }});
  row("sqrt", 1, "\\sqrt", "power", "square root, the same as x^(1/2)",
      unary(std::sqrt), unary_precise<mpfr_sqrt>,
      [](Args a) -> std::optional<Expr> { return sqrt(a[0]); },
      {[](Args a) { return 1 / (2 * sqrt(a[0])); }});
  row("abs", 1, "|", "absolute value", "absolute value",
      unary(std::fabs), precise_abs,
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_number()) return num(a[0].number().is_negative() ? -a[0].number() : a[0].number());
        if (a[0].is(Kind::Constant)) return a[0];
        if (auto m = negated(a[0])) return abs(*m);
        if (auto s = constant_sign(a[0])) return *s > 0 ? a[0] : -a[0];
        return std::nullopt; },
      {[](Args a) { return corner_sign(a[0]); }});
  row("sign", 1, "\\operatorname{sign}", "sign", "sign: -1, 0 or 1",
      unary(sign_of), precise_sign,
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_number()) return Expr(a[0].number().sign());
        if (a[0].is(Kind::Constant)) return Expr(1);
        if (auto m = negated(a[0])) return -sign(*m);
        if (auto s = constant_sign(a[0])) return Expr(*s);
        return std::nullopt; },
      {[](Args) { return Expr(0); }});
  row("sigmoid", 1, "\\sigma", "sigmoid", "logistic sigmoid, 1/(1 + e^-x)",
      [](std::span<const double> v) { return 1 / (1 + std::exp(-v[0])); }, precise_sigmoid,
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero() && a[0].number().is_exact()) return half();
        return std::nullopt; },
      {[](Args a) { Expr s = call("sigmoid", {a[0]}); return s * (1 - s); }});
  row("softplus", 1, "\\operatorname{softplus}", "softplus",
      "softplus, log(1 + e^x)",
      [](std::span<const double> v) {  // (e^x overflows from x = 710, long before log(1 + e^x) does)
        return v[0] > 0 ? v[0] + std::log1p(std::exp(-v[0])) : std::log1p(std::exp(v[0]));
      },
      precise_softplus,
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_zero() && a[0].number().is_exact()) return log(Expr(2));
        return std::nullopt; },
      {[](Args a) { return call("sigmoid", {a[0]}); }});
  row("relu", 1, "\\operatorname{relu}", "relu", "rectified linear unit, max(x, 0)",
      [](std::span<const double> v) { return v[0] > 0 ? v[0] : 0.0; }, precise_relu,
      [](Args a) -> std::optional<Expr> {
        if (a[0].is_number()) return a[0].number().is_negative() ? decimal_if_any(Expr(0), a) : a[0];
        if (auto s = constant_sign(a[0])) return *s > 0 ? a[0] : Expr(0);
        return std::nullopt; },
      {[](Args a) { return (1 + corner_sign(a[0])) / 2; }});
  row("max", 2, "\\max", "max", "the larger of two values",
      [](std::span<const double> v) { return std::max(v[0], v[1]); }, precise_max,
      [](Args a) -> std::optional<Expr> {
        if (a[0] == a[1]) return a[0];
        if (a[0].is_number() && a[1].is_number()) return decimal_if_any(a[0].number() < a[1].number() ? a[1] : a[0], a);
        if (auto s = constants_compared(a)) return *s > 0 ? a[0] : a[1];
        return std::nullopt; },
      {[](Args a) { return (1 + corner_sign(a[0] - a[1])) / 2; }, [](Args a) { return (1 - corner_sign(a[0] - a[1])) / 2; }});
  row("min", 2, "\\min", "min", "the smaller of two values",
      [](std::span<const double> v) { return std::min(v[0], v[1]); }, precise_min,
      [](Args a) -> std::optional<Expr> {
        if (a[0] == a[1]) return a[0];
        if (a[0].is_number() && a[1].is_number()) return decimal_if_any(a[0].number() < a[1].number() ? a[0] : a[1], a);
        if (auto s = constants_compared(a)) return *s > 0 ? a[1] : a[0];
        return std::nullopt; },
      {[](Args a) { return (1 - corner_sign(a[0] - a[1])) / 2; }, [](Args a) { return (1 + corner_sign(a[0] - a[1])) / 2; }});
  // clang-format on
  for (FunctionInfo& f : t) {
    if (f.name == "abs") f.notation = Notation::Bars;  // |x|, in LaTeX \left|x\right|
    f.corners = f.name == "abs" || f.name == "sign" || f.name == "relu" || f.name == "max" || f.name == "min";
    f.partial_domain = f.name == "log" || f.name == "asin" || f.name == "acos" || f.name == "acosh" || f.name == "atanh";
  }
  return t;
}

FunctionInfo corner_sign_row(FunctionInfo sign) {
  sign.numeric = [](std::span<const double> v) { return v[0] == 0 ? NAN : sign_of(v[0]); };
  sign.precise = precise_corner_sign;
  sign.eval = [](Args a) -> std::optional<Expr> {
    if (a[0].is_number()) {
      if (a[0].is_zero()) throw CornerError();
      return Expr(a[0].number().sign());
    }
    if (a[0].is(Kind::Constant)) return Expr(1);
    if (auto m = negated(a[0])) return -corner_sign(*m);
    if (auto s = constant_sign(a[0])) return Expr(*s);
    return std::nullopt;
  };
  return sign;
}

}  // namespace ddx
