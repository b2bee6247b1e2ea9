// SPDX-License-Identifier: GPL-3.0-or-later
// Symbolic differentiation: the structural rules (sum, product, power, ...) and one generic
// chain-sum over the function table's partials. Results come out canonical, not expanded.
// Knows nothing of definitions or dependencies: callers substitute those first.
#pragma once

#include "core/limits.hpp"
#include <string_view>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

// Receives one call per rule application, inner applications before outer ones (for `steps`).
class DiffTrace {
 public:
  virtual ~DiffTrace() = default;
  virtual void rule(std::string_view rule_name, Expr input, Expr result) = 0;
  // Called when the differentiator starts on input, before any rule application for its parts;
  // the rule() call for the same input closes it. Lets `steps` rebuild the tree of applications.
  virtual void enter(Expr input) { (void)input; }
};


// The order-th partial derivative of e with respect to the Symbol var (other symbols are
// constants). order 0 returns e. Throws LimitError past max_derivative_order, std::invalid_argument
// for a negative order or a var that is not a Symbol. With a trace, the memo is bypassed so that
// every rule application is reported.
Expr diff(Expr e, Expr var, int order = 1, DiffTrace* trace = nullptr);
// Mixed partial: differentiates by vars[0], then vars[1], ... (order of the list is irrelevant to
// the result for smooth expressions, and exactly so for abstract functions).
Expr diff(Expr e, const std::vector<Expr>& vars, DiffTrace* trace = nullptr);

// Whether a product's factor with this exponent is printed below a fraction bar
// (print/present.cpp): a negative number. A product with such factors and others is a quotient,
// to the rule names of a trace and to steps.
bool below_the_bar(Expr exponent);

// Drops the process-wide (node, var) memo (when nodes are reclaimed: it is keyed by their address;
// and tests).
void clear_diff_memo();
// Drops it if it is large (the session, before every line).
void trim_diff_memo();

}  // namespace ddx::calc
