// SPDX-License-Identifier: GPL-3.0-or-later
// The node budget (see statement_limits.hpp). Single-threaded like the intern table itself.
#include "core/statement_limits.hpp"

#include <string>

#include "core/errors.hpp"

namespace ddx {
namespace {
bool active = false;
std::size_t left = 0;
std::size_t limit_in_force = 0;  // for the message
}  // namespace

NodeBudget::NodeBudget(std::size_t limit) : owner_(!active) {
  if (!owner_) return;
  active = true;
  left = limit;
  limit_in_force = limit;
}

NodeBudget::~NodeBudget() {
  if (owner_) active = false;
}

void charge_new_node() {
  if (!active) return;
  if (left == 0)
    throw LimitError("expression too large: more than " + std::to_string(limit_in_force) +
                     " new subexpressions in one statement");
  --left;
}

}  // namespace ddx
