// SPDX-License-Identifier: GPL-3.0-or-later
// The exceptions the algebra throws. They are caught at the statement boundary (the session),
// which turns them into one error message and leaves the session unchanged.
#pragma once

#include <stdexcept>
#include <string>

namespace ddx {

// A mathematically undefined operation: division by zero, log(0), 0^0, ...
struct MathError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A documented resource limit was hit: integer size, nesting, expression size, derivative order.
struct LimitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace ddx
