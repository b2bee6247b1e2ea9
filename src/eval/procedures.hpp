// SPDX-License-Identifier: GPL-3.0-or-later
// The procedures: names that look like calls but are not functions of the algebra (diff, expand,
// simplify, approx, grad, jacobian, hessian, total, tangent, critical, taylor, series, implicit,
// sum, mean, table, plot). One table, one row each: name, how many arguments, usage, help, and the
// evaluator, which gets the call's resolved arguments (some are variables, vectors, `x = a`
// bindings, ranges, equations or Leibniz forms) and returns a Result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "eval/evaluator.hpp"

namespace ddx::eval {

struct Procedure {
  std::string_view name;
  std::size_t min_args, max_args;
  std::string_view usage;  // "grad(f) or grad(f, [x, y])": the error message for a wrong count
  std::string_view help;   // one line for :help and the man page
  Result (*evaluate)(const Term& call, Evaluator& ev);
  // Takes dy/dx of an undefined y as an argument (implicit); for the others such an argument is
  // the error it always was.
  bool leibniz_arguments = false;
  // What its answer is made of is the expression as written (core/dropped.hpp): a derivative's
  // formula (diff, grad, implicit, ...), or its arguments' simplified (simplify, approx, ...). Its
  // derivatives keep what they require of the point (note_required), so that after
  // diff(relu(x - 1), x, 2), ans at x = 1 is refused. (Not taylor, tangent, critical: their
  // answers hold wherever they are defined.)
  bool keeps_requirements = false;
};

const std::vector<Procedure>& procedures();
const Procedure* find_procedure(std::string_view name);

// Rows defined in other files of the table: plot and table (procedures_plot.cpp), and the
// vector calculus (procedures_vector.cpp).
Result plot_procedure(const Term& call, Evaluator& ev);
Result table_procedure(const Term& call, Evaluator& ev);
Result grad_procedure(const Term& call, Evaluator& ev);
Result jacobian_procedure(const Term& call, Evaluator& ev);
Result hessian_procedure(const Term& call, Evaluator& ev);
Result total_procedure(const Term& call, Evaluator& ev);
Result tangent_procedure(const Term& call, Evaluator& ev);
// critical (procedures_critical.cpp).
Result critical_procedure(const Term& call, Evaluator& ev);
// Sums over an integer index (procedures_sum.cpp).
Result sum_procedure(const Term& call, Evaluator& ev);
Result mean_procedure(const Term& call, Evaluator& ev);
// Taylor polynomials, series and implicit differentiation (procedures_series.cpp).
Result taylor_procedure(const Term& call, Evaluator& ev);
Result series_procedure(const Term& call, Evaluator& ev);
Result implicit_procedure(const Term& call, Evaluator& ev);

// A derivative order written as an argument: a positive integer, which may be an expression
// (diff(x, x, 10^8)); UINT64_MAX when it does not fit.
std::uint64_t order_argument(const Term& n, Evaluator& ev);

}  // namespace ddx::eval
