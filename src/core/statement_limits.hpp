// SPDX-License-Identifier: GPL-3.0-or-later
// Per-statement resource budget: the number of new expression nodes one statement may create.
// Nodes are interned for the process lifetime, so this also bounds the memory a statement can
// take; the check sits where nodes are made (node.cpp), the cheapest place that sees them all.
#pragma once

#include <cstddef>

namespace ddx {

// New nodes one statement may intern (with their tables about 450 bytes each: 3 million is about 1.4 GB).
inline constexpr std::size_t max_statement_nodes = 3'000'000;

// While alive, interning more than `limit` new nodes throws LimitError. Not nestable: the
// outermost guard (one per statement) wins; unlimited again when it ends.
class NodeBudget {
 public:
  explicit NodeBudget(std::size_t limit = max_statement_nodes);
  ~NodeBudget();
  NodeBudget(const NodeBudget&) = delete;
  NodeBudget& operator=(const NodeBudget&) = delete;

 private:
  bool owner_;
};

// Called by intern() for each new node; throws LimitError past the budget.
void charge_new_node();

}  // namespace ddx
