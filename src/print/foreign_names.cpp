// SPDX-License-Identifier: GPL-3.0-or-later
// How other systems spell ddx's functions and constants (foreign.hpp): one table, one row per
// built-in function, one column per system. A function a system lacks is rewritten first into
// ones it has (sigmoid(u) = 1/(1 + e^-u)); a test checks that every built-in has a row.
#include <array>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "core/functions.hpp"
#include "core/real_value.hpp"
#include "core/sums.hpp"
#include "print/foreign.hpp"
#include "print/print.hpp"

namespace ddx::print {
namespace {

constexpr std::size_t system_count = 6;

std::size_t column(Format f) {
  switch (f) {
    case Format::SymPy: return 0;
    case Format::Maxima: return 1;
    case Format::Mathematica: return 2;
    case Format::Python: return 3;
    case Format::NumPy: return 4;
    case Format::C: return 5;
    default: throw std::logic_error("not another system's format");
  }
}

// "" where the system has no such function: rewritten() writes it with others first.
struct Spelling {
  std::string_view function;
  std::array<std::string_view, system_count> in;  // SymPy, Maxima, Mathematica, Python, NumPy, C
};

// clang-format off
constexpr Spelling spellings[] = {
    {"sin",      {"sin",   "sin",    "Sin",     "math.sin",   "np.sin",     "sin"}},
    {"cos",      {"cos",   "cos",    "Cos",     "math.cos",   "np.cos",     "cos"}},
    {"tan",      {"tan",   "tan",    "Tan",     "math.tan",   "np.tan",     "tan"}},
    {"cot",      {"cot",   "cot",    "Cot",     "",           "",           ""}},
    {"sec",      {"sec",   "sec",    "Sec",     "",           "",           ""}},
    {"csc",      {"csc",   "csc",    "Csc",     "",           "",           ""}},
    {"asin",     {"asin",  "asin",   "ArcSin",  "math.asin",  "np.arcsin",  "asin"}},
    {"acos",     {"acos",  "acos",   "ArcCos",  "math.acos",  "np.arccos",  "acos"}},
    {"atan",     {"atan",  "atan",   "ArcTan",  "math.atan",  "np.arctan",  "atan"}},
    {"sinh",     {"sinh",  "sinh",   "Sinh",    "math.sinh",  "np.sinh",    "sinh"}},
    {"cosh",     {"cosh",  "cosh",   "Cosh",    "math.cosh",  "np.cosh",    "cosh"}},
    {"tanh",     {"tanh",  "tanh",   "Tanh",    "math.tanh",  "np.tanh",    "tanh"}},
    {"asinh",    {"asinh", "asinh",  "ArcSinh", "math.asinh", "np.arcsinh", "asinh"}},
    {"acosh",    {"acosh", "acosh",  "ArcCosh", "math.acosh", "np.arccosh", "acosh"}},
    {"atanh",    {"atanh", "atanh",  "ArcTanh", "math.atanh", "np.arctanh", "atanh"}},
    {"exp",      {"exp",   "exp",    "Exp",     "math.exp",   "np.exp",     "exp"}},
    {"log",      {"log",   "log",    "Log",     "math.log",   "np.log",     "log"}},
    {"sqrt",     {"sqrt",  "sqrt",   "Sqrt",    "math.sqrt",  "np.sqrt",    "sqrt"}},
    {"abs",      {"Abs",   "abs",    "Abs",     "abs",        "np.abs",     "fabs"}},
    // Maxima's sign is a predicate (pos, neg, pnz): its function is signum. Python and C have
    // none: the program defines sign (program.cpp).
    {"sign",     {"sign",  "signum", "Sign",    "sign",       "np.sign",    "sign"}},
    // Programs define softplus, whose log(1 + exp(u)) is inf past u = 709.78 (800 for 800.0 in C
    // and NumPy; OverflowError in Python), and sigmoid, whose exp(-u) raises below -709.78 in
    // Python, warns in NumPy and in C is 0 where the value is a double still (4.5e-309 at -710).
    {"sigmoid",  {"",      "",       "",        "sigmoid",    "sigmoid",    "sigmoid"}},
    {"softplus", {"",      "",       "",        "softplus",   "softplus",   "softplus"}},
    {"relu",     {"",      "",       "",        "",           "",           ""}},
    {"max",      {"Max",   "max",    "Max",     "max",        "np.maximum", "fmax"}},
    {"min",      {"Min",   "min",    "Min",     "min",        "np.minimum", "fmin"}},
};
// clang-format on

// The rewrites of functions some system lacks, in functions every system has.
Expr written_with_others(std::string_view name, Expr u) {
  if (name == "sigmoid") return Expr(1) / (1 + pow(e_const(), -u));
  if (name == "softplus") return log(1 + pow(e_const(), u));
  if (name == "relu") return call("max", {Expr(0), u});
  if (name == "cot") return 1 / tan(u);
  if (name == "sec") return 1 / cos(u);
  if (name == "csc") return 1 / sin(u);
  throw std::logic_error("no rewrite for " + std::string(name));
}

const Spelling* spelling_row(std::string_view name) {
  for (const Spelling& s : spellings)
    if (s.function == name) return &s;
  return nullptr;
}

// The argument u of sigmoid(u), or nullopt.
std::optional<Expr> sigmoid_argument(Expr e) {
  if (!e.is(Kind::Call) || function_info(e.function()).name != "sigmoid") return std::nullopt;
  return e.args()[0];
}

// log(sigmoid(u)) as -softplus(-u), and log(1 - sigmoid(u)) as -softplus(u), for programs, whose
// softplus is written so that no exp overflows: the logistic loss's log(sigmoid(-800)) was
// log(0), a math domain error in Python and -inf in C, for -800. nullopt for anything else.
std::optional<Expr> log_sigmoid(Expr e) {
  if (!e.is(Kind::Call) || function_info(e.function()).name != "log") return std::nullopt;
  Expr a = e.args()[0];
  if (auto u = sigmoid_argument(a)) return -call("softplus", {-*u});
  if (a.is(Kind::Add) && a.number().is_one() && a.terms().size() == 1 && a.coefficients()[0].is_minus_one())
    if (auto u = sigmoid_argument(a.terms()[0])) return -call("softplus", {*u});
  return std::nullopt;
}

// A rational whose numerator or denominator is past a double's range while its value is a normal
// double ((3/2)^1000, 1.2e176, is 3^1000/2^1000): that double, which a program computes with (such
// numbers were refused as beyond the doubles' range). nullopt for any other number.
std::optional<Number> double_of_wide(const Number& n) {
  if (!n.is_exact() || n.is_integer() || !(std::isinf(n.numerator().to_double()) || std::isinf(n.denominator().to_double())))
    return std::nullopt;
  Real value(53);
  set_exact(n, value.get(), MPFR_RNDN);
  double const v = mpfr_get_d(value.get(), MPFR_RNDN);
  if (!std::isnormal(v)) return std::nullopt;
  return Number::from_double(v);
}

// e with each such rational, a number or the coefficient of a product or of a sum's term, that
// double (for programs).
Expr wide_numbers_as_doubles(Expr e) {
  if (e.is(Kind::Number)) {
    auto d = double_of_wide(e.number());
    return d ? num(*d) : e;
  }
  if (e.is(Kind::Mul)) {
    auto d = double_of_wide(e.number());
    return d ? e / num(e.number()) * num(*d) : e;
  }
  if (!e.is(Kind::Add)) return e;
  std::optional<Number> constant = double_of_wide(e.number());
  bool wide = constant.has_value();
  for (const Number& c : e.coefficients()) wide = wide || double_of_wide(c);
  if (!wide) return e;
  std::vector<Expr> terms{num(constant.value_or(e.number()))};
  for (std::size_t i = 0; i < e.terms().size(); ++i)
    terms.push_back(num(double_of_wide(e.coefficients()[i]).value_or(e.coefficients()[i])) * e.terms()[i]);
  return add(std::move(terms));
}

class Rewriter {
 public:
  explicit Rewriter(Format f) : f_(f) {}
  Expr operator()(Expr e) {
    if (e.is(Kind::Number)) return is_program(f_) ? wide_numbers_as_doubles(e) : e;
    if (e.is(Kind::Constant) || e.is(Kind::Symbol)) return e;
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    Expr r = map_children(e, [this](Expr c) { return (*this)(c); });
    if (is_program(f_)) r = wide_numbers_as_doubles(r);
    if (is_program(f_))
      if (auto stable = log_sigmoid(r)) r = (*this)(*stable);
    if (r.is(Kind::Call) && !function_info(r.function()).abstract && !is_sum(r)) {
      const std::string& name = function_info(r.function()).name;
      if (foreign_function(name, f_).empty()) r = (*this)(written_with_others(name, r.args()[0]));
    }
    done_.emplace(e.node(), r);
    return r;
  }

 private:
  Format f_;
  std::unordered_map<const void*, Expr> done_;
};

}  // namespace

std::string_view foreign_function(std::string_view name, Format f) {
  const Spelling* row = spelling_row(name);
  if (!row) throw std::logic_error("no spelling for the function " + std::string(name));
  return row->in[column(f)];
}

bool has_foreign_spelling(std::string_view name) { return spelling_row(name) != nullptr; }

Expr rewritten_for(Expr e, Format f) { return Rewriter(f)(e); }

std::string foreign_constant(ConstantId c, Format f) {
  static constexpr std::array<std::string_view, system_count> e{"E", "%e", "E", "math.e", "np.e", "2.71828182845904523536"},
      pi{"pi", "%pi", "Pi", "math.pi", "np.pi", "3.14159265358979323846"};
  return std::string((c == ConstantId::E ? e : pi)[column(f)]);
}

}  // namespace ddx::print
