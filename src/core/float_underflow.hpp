// SPDX-License-Identifier: GPL-3.0-or-later
// Decimals whose double arithmetic underflowed: a product, quotient or power of nonzero doubles,
// or a function of them, that a double rounds to 0 or below its normal range (1e-200 * 1e-200 is
// 0.0; so is e^(-1000.0)). The value goes on as the double's, as it must where a statement is
// read again with its decimals exact (1 + exp(-1000.0) is 1.0, a definition c = exp(-720.25) is
// used as written); the session refuses an answer that saw one and that no such reading checked
// (expand((1e-200 x + 1)^2) dropped its x^2 term, grad(exp(-1000.0) x y) printed []).
// (Implemented in number.cpp, beside the arithmetic that notes most of them.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ddx {

// Whether approx(...) can give a value's digits: not past MPFR's range (about 10^-323228496).
enum class Approximable { Yes, No };

// Notes an underflow; `what` says which value ("1e-200 * 1e-200 is about 1e-400").
void note_float_underflow(std::string what, Approximable approximable = Approximable::Yes);
// How many were noted in this thread (a session compares the count before and after).
std::uint64_t float_underflows();
// The refusal for the last one noted.
std::string float_underflow_message();
// The refusal of a value below a double's range, `what` saying which ("the value is about 1e-400").
std::string below_double_range(const std::string& what, Approximable approximable = Approximable::Yes);
// And of one beyond it ("the value is about -1e+400").
std::string beyond_double_range(const std::string& what);
// How a double's overflow in arithmetic is refused (a LimitError's message starts so).
inline constexpr std::string_view float_overflow_message = "floating-point overflow";

// While it lives, underflows are not noted: work whose values are compared, never answered (a
// derivative at a point checks the function's value there against its limits; hessian(x y) at
// x = 1e-200, y = 1e-200 was refused for x y's 1e-400).
class UnderflowsUnnoted {
 public:
  UnderflowsUnnoted();
  ~UnderflowsUnnoted();
  UnderflowsUnnoted(const UnderflowsUnnoted&) = delete;
  UnderflowsUnnoted& operator=(const UnderflowsUnnoted&) = delete;

 private:
  std::uint64_t noted_before_;
};

}  // namespace ddx
