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

// A value that exists but lies past MPFR's exponent range (about 10^323228496): too large to
// approximate, no undefined value (a table's cell says so: exp(1e153) was "undefined").
struct PastApproximation : MathError {
  using MathError::MathError;
};

// A documented resource limit was hit: integer size, nesting, expression size, derivative order.
struct LimitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A value that is not 0 but below the doubles' normal range (about 2.2e-308): no double holds its
// digits, and it is refused as one beyond the range is. A caller whose value is checked again
// later, as a whole statement's, may take it as it is (Evaluator::value_at: x^2 + 1 - cos(1e-8)
// is x^2 in doubles, 1e-320 at x = 1e-160, and 5e-17 as written); the session reads a statement
// whose doubles underflowed with its decimals as written (1 + exp(-1000.0) is 1.0).
struct UnderflowError : LimitError {
  using LimitError::LimitError;
};

// A value past the doubles' range (about 1.8e308) that a decimal answer would have to print: its
// digits are MPFR's, and it is refused as 1e400 is (approx gives them).
struct OverflowError : LimitError {
  using LimitError::LimitError;
};

}  // namespace ddx
