// SPDX-License-Identifier: GPL-3.0-or-later
// The chain rule through a session's definitions, as a textbook shows it (SPEC §5): first the
// chain in Leibniz form over the named intermediates, then with each inner derivative filled in,
// then with every definition substituted. Pure algebra: printing is the caller's job.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

// The body of a defined name (defined names inside it kept as symbols), or nullopt.
using DefinitionLookup = std::function<std::optional<Expr>(std::string_view)>;

// One Leibniz factor dn/dv (or ∂n/∂v) and its value: the derivative of n's body with respect to v,
// other names held fixed.
struct LeibnizFactor {
  std::string name;     // n
  std::string var;      // v
  bool partial = false; // ∂ when n has several arguments
  Expr value;
  bool informative = true;  // false when the value says no more than the symbol (z = f(u, v): ∂z/∂u)
};

struct Chain {
  std::string target, var;
  bool partial = false;                            // the question used ∂
  std::vector<std::vector<LeibnizFactor>> terms;   // a sum of products
  Expr filled;                                     // the chain with the factors' values
  Expr substituted;                                // `filled` with every definition substituted
};

// The chain of d target / d var. `target` must be defined; `var` may be an independent symbol or a
// defined name (then treated as independent, as seed 002's local derivatives are).
Chain chain_rule(std::string_view target, std::string_view var, bool partial, const DefinitionLookup& body_of);

// Substitutes every defined name in e, recursively.
Expr substitute_definitions(Expr e, const DefinitionLookup& body_of);

}  // namespace ddx::calc
