// SPDX-License-Identifier: GPL-3.0-or-later
// The function table: one row per built-in function (name, arity, LaTeX form, help line, double
// and MPFR evaluators, exact evaluation, one partial derivative per argument with a human rule
// name), plus the abstract functions (f, g, h, ...) that users apply without defining. Printers,
// the differentiator, the evaluators, help, completion and the man page all read this one table.
#pragma once

#include <mpfr.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.hpp"

namespace ddx {

using Args = std::span<const Expr>;
// Sets out to the function's value at args (MPFR numbers at out's precision, round to nearest).
using Precise = void (*)(mpfr_ptr out, const mpfr_srcptr* args);

// The marker `steps` puts where a derivative is not taken yet: `d/dx (x^2)` in
// `cos(x^2) d/dx (x^2)`. A typed field of its function row, read by the printers.
struct PendingDerivative {
  std::string var;
  bool partial = false;
};

// How a function is written: name(args), |arg| (abs), or sum(body, n = A .. B) / a big Σ.
enum class Notation { Call, Bars, Sum };

struct FunctionInfo {
  std::string name;
  int arity = 1;
  std::string latex;   // "\\sin", "\\operatorname{relu}": before a bracketed argument (see notation)
  std::string rule;    // human rule name used by `steps`: "trigonometric", "logarithm", ...
  std::string help;    // one line for :help functions and the man page: "inverse sine (also arcsin)"
  std::function<double(std::span<const double>)> numeric;      // may return NaN outside the domain
  Precise precise = nullptr;                                   // MPFR, for approx(E, DIGITS)
  std::function<std::optional<Expr>(Args)> eval;               // exact simplification, e.g. sin(0) = 0
  std::vector<std::function<Expr(Args)>> partials;             // ∂f/∂arg_i at args, one per argument
  bool abstract = false;                                       // f, g, h, ...: no rules at all
  std::vector<std::string> params;                             // abstract: parameter names for ∂f/∂u
  std::optional<PendingDerivative> pending;                    // a `steps` marker, not a function
  Notation notation = Notation::Call;
  bool corners = false;  // abs, sign, relu, max, min: a corner or a jump (core/corner_sign.hpp)
  bool partial_domain = false;  // log, asin, acos, acosh, atanh: defined on part of the line only
};

namespace detail {
// Every registered row by id, filled as the registry grows (functions.cpp), for the inline lookup
// below; a vector of pointers, empty until the registry is first built.
inline std::vector<const FunctionInfo*> function_rows;
const FunctionInfo& function_info_slow(FunctionId f);  // builds the registry first if need be
}  // namespace detail
// The row of f. Inline: every walk that meets a call asks it (printing, differentiating).
inline const FunctionInfo& function_info(FunctionId f) {
  return f < detail::function_rows.size() ? *detail::function_rows[f] : detail::function_info_slow(f);
}
// The built-in rows, in table order (function_table.cpp); the registry is built from them.
std::vector<FunctionInfo> builtin_function_table();
// The row of the sign differentiation makes (corner_sign.hpp), from sign's row.
FunctionInfo corner_sign_row(FunctionInfo sign);
std::optional<FunctionId> find_function(std::string_view name);
// Finds or registers the abstract function `name` of `arity` arguments.
FunctionId abstract_function(std::string_view name, int arity);
// Whether some name has stood for abstract functions of two numbers of arguments (f(x) and
// f(x, y)): only then may an answer hold both (see Session's check).
bool abstract_arities_differ();
// The abstract functions called `name`, one per number of arguments, fewest first.
std::vector<FunctionId> abstract_functions_named(std::string_view name);
// Names its parameters (for ∂f/∂u). Lowering calls it on the first application to plain symbols
// (docs/language.md §2); an explicit call replaces earlier names.
void set_abstract_params(FunctionId f, std::vector<std::string> params);
// Forgets the parameter names of the abstract functions called `name` (all of them when empty):
// a definition of that name, or `:clear`, replaces what an earlier application taught.
void forget_abstract_params(std::string_view name = {});
// The parameter names of the abstract functions, as a statement found them: a statement that
// fails puts them back (its first applications, or a definition it was undone with, taught
// nothing).
using AbstractParams = std::vector<std::vector<std::string>>;
AbstractParams abstract_params();
void restore_abstract_params(const AbstractParams& saved);
// The one-argument marker of a derivative by `var` not taken yet (for `steps`); users cannot
// type it.
FunctionId pending_derivative_function(const std::string& var, bool partial);

// Whether f is the core's sum (see core/sums.hpp), whose first argument binds its index.
bool is_sum_function(FunctionId f);

// Names of the built-in functions, for completion and help.
std::vector<std::string> builtin_function_names();

// Convenience builders for built-ins (throw std::logic_error if the name is not in the table).
Expr call(std::string_view name, std::vector<Expr> args);
Expr sin(Expr a);
Expr cos(Expr a);
Expr tan(Expr a);
Expr log(Expr a);
Expr exp(Expr a);
Expr sign(Expr a);
Expr abs(Expr a);

}  // namespace ddx
