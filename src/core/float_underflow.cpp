// SPDX-License-Identifier: GPL-3.0-or-later
// Underflows of double arithmetic, noted (see float_underflow.hpp).
#include "core/float_underflow.hpp"

#include <utility>

namespace ddx {
namespace {
thread_local std::uint64_t noted = 0;
thread_local std::string last;
}  // namespace

void note_float_underflow(std::string what) {
  ++noted;
  last = std::move(what);
}

std::uint64_t float_underflows() { return noted; }

UnderflowsUnnoted::UnderflowsUnnoted() : noted_before_(noted) {}
UnderflowsUnnoted::~UnderflowsUnnoted() { noted = noted_before_; }

std::string float_underflow_message() {
  return last + ", below the range of a double (about 2.2e-308): write the decimals as fractions and use approx(...) "
                "for its digits";
}

}  // namespace ddx
