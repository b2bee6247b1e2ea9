// SPDX-License-Identifier: GPL-3.0-or-later
// Optional rewrite rules as data: named (pattern, replacement, guard) rows built with Expr
// operators and wildcard symbols (names starting with '_'), plus the matcher that applies them.
// Always-true algebra does not belong here: it lives in the canonical constructors.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

// Wildcard -> matched expression.
using Bindings = std::vector<std::pair<Expr, Expr>>;

struct Rule {
  std::string name;
  Expr pattern;
  Expr replacement;                                  // may use the pattern's wildcards
  std::function<bool(const Bindings&)> guard;        // optional: the rule fires only if it holds
};

// A symbol whose name starts with '_' (wildcards in patterns).
bool is_wildcard(Expr e);
// The bound value of wildcard w, if any.
std::optional<Expr> lookup(const Bindings& b, Expr w);

// Matches pattern against subject, calling on_match for each way it matches until it returns
// true. Calls match their function and arguments, products their factors in any order (same
// coefficient), and a pattern sum matches any sub-multiset of a subject sum whose terms are one
// common multiple k of the pattern's, k numeric or symbolic (use match_sum to get k and the rest).
bool match(Expr pattern, Expr subject, Bindings& b, const std::function<bool(Bindings&)>& on_match);

// Result of matching a pattern sum inside a subject sum: subject = k * pattern(bindings) + rest,
// where k is a common factor of the matched terms: 3 sin^2 + 3 cos^2 has k = 3, a sin^2 + a cos^2
// has k = a.
struct SumMatch {
  Bindings bindings;
  Expr k;
  Expr rest;
};
// Finds the first match of a pattern sum inside subject for which accept returns true.
std::optional<SumMatch> match_sum(Expr pattern, Expr subject,
                                  const std::function<bool(const Bindings&)>& accept = nullptr);

// Applies one rule at the top of e (not inside it): the rewritten expression, or nullopt.
std::optional<Expr> apply_rule(const Rule& rule, Expr e);

// The built-in rule table (sin^2 + cos^2 = 1, log(e^u) = u, sqrt(u^2) = |u|, ...).
const std::vector<Rule>& simplify_rules();

}  // namespace ddx::calc
