// SPDX-License-Identifier: GPL-3.0-or-later
// Common subexpressions: expressions from differentiation share their parts (d/dx of a 30-deep
// sin chain repeats each inner sin in every factor), so written out as trees they grow
// exponentially while their DAG stays linear. Each part reached by two paths or more becomes a
// temporary, computed once; generated code (print/program.hpp) writes one line per temporary.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/expr.hpp"

namespace ddx {

struct SharedForm {
  // (name, definition) in order: a definition mentions only earlier temporaries.
  std::vector<std::pair<Expr, Expr>> temporaries;
  std::vector<Expr> results;  // the roots, written with the temporaries
};

// Every node of the roots that is not a name or a number and that is reached twice or more (or
// that `always` selects) becomes a temporary t1, t2, ... (skipping the names in `taken`). Sums
// are kept whole: their bodies bind their index.
SharedForm share_common_subexpressions(std::span<const Expr> roots, const std::unordered_set<std::string>& taken,
                                       const std::function<bool(Expr)>& always = nullptr);

}  // namespace ddx
