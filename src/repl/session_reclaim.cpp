// SPDX-License-Identifier: GPL-3.0-or-later
// Reclaiming expression nodes between lines (see Session::reclaim_memory and core/node.hpp):
// mark what the session holds, forget the caches keyed by node address, sweep the rest.
#include <algorithm>

#include "calculus/diff.hpp"
#include "core/node.hpp"
#include "eval/result_exprs.hpp"
#include "repl/session.hpp"

namespace ddx {
namespace {

// Below this many nodes (a few megabytes) a collection is not worth its walk.
constexpr std::size_t reclaim_floor = std::size_t{1} << 15;
constexpr std::size_t growth_before_reclaim = 3;

}  // namespace

void Session::reclaim_memory(bool every_line) {
  // Kept whole until a collection, the derivative memo held every large derivative taken since
  // (W4 100's peak RSS 15.2 -> 13.6 MB when a large one is dropped).
  calc::trim_diff_memo();
  // Each collection marks everything still held (the 10,000 answers :export keeps, in a long batch)
  // and sweeps every node: waiting for three times the nodes held rather than twice halves the
  // collections (W7 100000: 0.06 -> 0.04 s of reclaiming, peak memory 13.9 -> 16.1 MB).
  if (!every_line && interned_count() < std::max(reclaim_floor, growth_before_reclaim * nodes_after_reclaim_)) return;
  auto mark = [](Expr e) { mark_reachable(e); };
  if (ans_) eval::for_each_expr(*ans_, mark);
  for (Expr e : ans_dropped_) mark(e);
  for (const IndexCondition& c : ans_conditions_)
    for (Expr e : {c.index, c.lower, c.upper, c.other}) mark(e);
  if (ans_exact_) {
    mark(ans_exact_->expr);
    for (const auto& [symbol, value] : ans_exact_->decimals) mark(symbol), mark(value);
  }
  defs_->for_each_expr(mark);
  tex_export_.for_each_expr(mark);
  for (const matrix::Declaration& d : declarations_.list()) eval::for_each_expr(d.shape, mark);
  // The derivative memo is keyed by node address, and a freed node's place is reused.
  calc::clear_diff_memo();
  reclaim_unmarked();
  nodes_after_reclaim_ = interned_count();
}

}  // namespace ddx
