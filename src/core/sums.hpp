// SPDX-License-Identifier: GPL-3.0-or-later
// Sums over an integer index: sum(BODY, n, A, B), a call of the core's sum function whose first
// argument is bound. With the index n, the family members written x_n, t_n (the index as
// subscript) are bound too: they are the n-th entries of the families x and t. The canonical form
// pulls out what does not depend on the index (a constant sums to itself times the count).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.hpp"

namespace ddx {

// The core's sum function (not reachable by name: users write sum(E, n = A .. B)).
FunctionId sum_function();
bool is_sum(Expr e);
// sum(body, index, lower, upper), canonical. MathError when the index is not a name or appears
// in a bound.
Expr make_sum(Expr body, Expr index, Expr lower, Expr upper);

// "x" for x_n and index n (the family of a member written with that index), else nullopt.
std::optional<std::string> family_of(std::string_view name, std::string_view index);
// Whether the whole number k is below a whole-number lower bound or above a whole-number upper
// one: outside the range whatever the other bound is.
bool index_outside(Expr k, Expr lower, Expr upper);
// The subscript of a name as the entry of a family: x_k -> k, x_3 -> 3, x_-1 -> -1; nullopt for a
// plain name.
std::optional<Expr> entry_subscript(const std::string& name);
// The member of var's family written with the index, when var is an entry: (x_k, n) -> x_n.
std::optional<Expr> member_with_index(Expr var, Expr index);
// The entries a sum with whole-number bounds adds up, x_A .. x_B of each family in its body (none
// past max_sum_terms, or with other bounds): what it depends on besides its free names.
std::vector<Expr> summed_entries(Expr sum);
// Whether e holds a sum over a family whose entries are too many to list (whole-number bounds
// past max_sum_terms): free_symbols(e) leaves them out.
bool has_unlisted_entries(Expr e);
// Whether e mentions the index or a member of one of its families.
bool depends_on_index(Expr e, Expr index);
// e with the index n replaced by v and every x_n by x_v: v a symbol k (x_k) or an integer (x_3).
Expr rename_index(Expr e, Expr index, Expr v);
// e with every x_n made x_v, n itself kept (an entry x_k at k = 2 is x_2).
Expr rename_entries(Expr e, Expr index, Expr v);

// The canonical simplifications of sum(args) (the function row's exact evaluation). A sum with
// whole-number bounds whose body depends on the index alone (sum(n^2, n = 1 .. 10)) is written
// out; one over a family (x_n) stays a sum, so that ∂/∂x_k still finds its term.
std::optional<Expr> simplify_sum(std::span<const Expr> args);

// The sum written out term by term (its bounds whole numbers, at most max_sum_terms terms);
// MathError otherwise.
Expr write_out_sum(Expr sum);
Expr write_out_sum(Expr body, Expr index, Expr lower, Expr upper);
// e with every sum whose bounds are whole numbers written out.
Expr write_out_sums(Expr e);
// e with each sum split over the terms of its (expanded) body, what does not depend on the
// index pulled out: sum(t_n - a x_n - b, n = 1 .. N) = sum(t_n) - a sum(x_n) - N b.
Expr split_sums(Expr e);
// Whether e holds a sum.
bool has_sum(Expr e);
// The names in the bounds of e's sums (N of sum(x_n, n = 1 .. N)).
std::vector<Expr> bound_symbols(Expr e);
// Whether e holds a sum whose bounds are not both whole numbers (it has no values at points).
bool has_symbolic_range(Expr e);
// The count of terms of a range whose bounds are not both numbers, sum(1, n = 1 .. B - A + 1):
// 0 where the range runs backwards (B < A - 1), where B - A + 1 is not. Pulled out of a sum whose
// body does not depend on the index (sum(a, n = 1 .. N) is a times it).
bool is_count(Expr e);
// e with each count written max(B - A + 1, 0), to be shown: sum(a, n = 1 .. N) is printed
// a max(N, 0), which reads back as the same value for every N (N a would be -3a at N = -3, and
// sum(a, n = 1 .. N) - N a would print 0).
Expr with_counts(Expr e);
// e with each sum's index renamed by its depth of nesting (#1 innermost), so that sums written
// with different indices (sum(x_i, i = 1 .. N), sum(x_n, n = 1 .. N)) become the same node.
Expr with_canonical_indices(Expr e);

// A condition an answer holds under. ∂/∂x_k of a sum over x_n, n = A .. B, is its term n = k
// only when A <= k <= B (InRange; with a numeric subscript and bounds ddx decides it, and no
// condition is needed); an entry x_k differentiated by x_j is 0 only when j != k (Distinct).
struct IndexCondition {
  enum class Kind { InRange, Distinct } kind = Kind::InRange;
  Expr index;         // k
  Expr lower, upper;  // InRange: lower <= k <= upper
  Expr other;         // Distinct: k != other
  bool operator==(const IndexCondition&) const = default;
};
// Collects the conditions found while it lives (one per statement; the innermost live log).
class ConditionLog {
 public:
  ConditionLog();
  ~ConditionLog();
  ConditionLog(const ConditionLog&) = delete;
  ConditionLog& operator=(const ConditionLog&) = delete;
  std::vector<IndexCondition> conditions;
  // The entries e names itself (x_k, x_1; not the x_n of a sum over n), those whose subscript is
  // a name and those numbered; found once per expression (grad asks it of each variable).
  struct Entries {
    std::vector<Expr> named, numbered;
  };
  const Entries& written_entries(Expr e);

 private:
  ConditionLog* outer_;
  std::optional<Expr> entries_of_;
  Entries entries_;
};

// Adds c to the live log's conditions, once (a statement that uses an answer holding under it).
void note_condition(const IndexCondition& c);
// How many conditions the live log holds (0 without one): where those of an `at`'s body begin.
std::size_t conditions_noted();
// The live log's conditions from `first` on, at the point: those it decides are dropped when true,
// the others given its values; the first it decides false is returned (the answer does not hold
// there: ∂/∂x_k (x_1 x_k) is x_1 only for k != 1).
std::optional<IndexCondition> conditions_at(std::size_t first, const std::unordered_map<Expr, Expr>& point);

// Why var cannot be given a meaning from outside a sum in e: it is a sum's index, or a member
// x_n of a family it sums over ("it stands for every entry ..."); nullopt when it is not bound.
std::optional<std::string> bound_in_sum(Expr e, Expr var);
// Before e is differentiated by var: MathError when a sum binds var; the live log gets the
// conditions the derivative holds under.
void check_sum_variable(Expr e, Expr var);

}  // namespace ddx
