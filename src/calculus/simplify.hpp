// SPDX-License-Identifier: GPL-3.0-or-later
// simplify(): applies the rule table bottom-up to a fixpoint (with a step cap), and also tries
// the expanded form and the fraction in lowest terms (polynomial.hpp's cancel), keeping whichever
// is smallest. Records the names of the rules that fired.
#pragma once

#include "core/limits.hpp"
#include <cstddef>
#include <string>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {


// A size measure: number of nodes of e as a tree (numeric coefficients count as a node when not 1).
std::size_t expr_size(Expr e);

// Rewrites e with simplify_rules() to a fixpoint; if fired is given, appends the name of each rule
// application (in order), and "expand" or "cancel common factors" when that form won. Never
// throws LimitError from expansion or cancellation: a candidate too large to compute is skipped.
Expr simplify(Expr e, std::vector<std::string>* fired = nullptr);

// e simplified when that makes it smaller; e itself past max_size nodes, where simplify's
// expansions and cancelling would cost more than they rarely win (a Taylor coefficient).
Expr simplified_if_smaller(Expr e, std::size_t max_size);

}  // namespace ddx::calc
