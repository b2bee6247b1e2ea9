// SPDX-License-Identifier: GPL-3.0-or-later
// run_with_large_stack (see large_stack.hpp): 1 GiB of reserved stack, MPFR's caches freed after.
#include "core/large_stack.hpp"

#include <mpfr.h>

#include "support/large_stack.hpp"

namespace ddx {

void run_with_large_stack(std::size_t input_size, const std::function<void()>& work) {
  // Nesting needs at least one byte per level, and 256 levels fit any default stack.
  if (input_size < 256) return work();
  // MPFR keeps its constant caches (pi, log 2) per thread: free them before the thread ends, or
  // each long line would leak them (found by the fuzzer's leak checker).
  run_on_large_stack(std::size_t{1} << 30, work, [] { mpfr_free_cache(); });
}

}  // namespace ddx
