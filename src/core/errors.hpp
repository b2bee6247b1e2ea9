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

// A question ddx refuses because it cannot be answered as asked (x_2 = 5 inside a sum whose bounds
// are names), not because the mathematics is undefined: callers that turn MathError into "does
// not exist" let it through.
struct Unanswerable : MathError {
  using MathError::MathError;
};

// A documented resource limit was hit: integer size, nesting, expression size, derivative order.
struct LimitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace ddx
