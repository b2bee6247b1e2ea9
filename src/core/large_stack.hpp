// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a piece of work on a thread with a large stack. Deeply nested input (up to the nesting
// limit) is handled by recursive algorithms whose frames, under sanitizers, would not fit in a
// default 8 MB stack; a big reserved stack costs only the pages actually touched.
#pragma once

#include <cstddef>
#include <functional>

namespace ddx {

// Runs `work` and rethrows whatever it throws. `input_size` (e.g. the line length) bounds the
// possible nesting: small inputs run on the calling thread, at no cost.
void run_with_large_stack(std::size_t input_size, const std::function<void()>& work);

}  // namespace ddx
