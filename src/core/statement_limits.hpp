// SPDX-License-Identifier: GPL-3.0-or-later
// Per-statement resource budget: the number of new expression nodes one statement may create.
// Nodes are interned for the process lifetime, so this also bounds the memory a statement can
// take; the check sits where nodes are made (node.cpp), the cheapest place that sees them all.
#pragma once

#include "core/limits.hpp"
#include <cstddef>

namespace ddx {


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
