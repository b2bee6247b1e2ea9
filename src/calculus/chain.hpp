// SPDX-License-Identifier: GPL-3.0-or-later
// The chain rule through a session's definitions, as a textbook shows it (docs/language.md §5): first the
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
  // ∂ for a name of several arguments in the second-order line: the target's, and through's
  // (z = u^2, u = x t: d^2z/du^2 (∂u/∂x)^2 + dz/du ∂^2u/∂x^2).
  bool target_partial = false, through_partial = false;
  std::vector<std::vector<LeibnizFactor>> terms;   // a sum of products (first order)
  // Second order through one intermediate u: d²y/dx² = d²y/du² (du/dx)² + dy/du d²u/dx²;
  // `through` is u, and `terms` is empty.
  int order = 1;
  std::string through;
  double products_not_written = 0;                 // too many to write out: how many (terms empty)
  Expr filled;                                     // the chain with the factors' values
  Expr substituted;                                // `filled` with every definition substituted
};

// The chain of d target / d var. `target` must be defined; `var` may be an independent symbol or a
// defined name (then treated as independent, as the local derivatives of a computational graph are:
// ∂x5/∂x3 with x5 = x3 x4 + e is x4).
Chain chain_rule(std::string_view target, std::string_view var, bool partial, const DefinitionLookup& body_of);

// d²target/dvar² as the chain through the one defined name u that target's body reaches var
// through (y = u^3, u = 2x^3 + 3x^2): nullopt when the body reaches var through anything else too
// (y = x u), or directly. `filled` keeps u in d²y/du² and dy/du and has du/dx (as its own chain)
// and d²u/dx² filled in; `substituted` is the value.
std::optional<Chain> second_order_chain(std::string_view target, std::string_view var, const DefinitionLookup& body_of);

// Substitutes every defined name in e, recursively.
Expr substitute_definitions(Expr e, const DefinitionLookup& body_of);

}  // namespace ddx::calc
