// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a piece of work on a thread with a large stack. Deeply nested input (up to the nesting
// limit) is handled by recursive algorithms (the Spirit parser, the algebra, the printers) whose
// frames, under sanitizers, would not fit in a default 8 MB stack; a big reserved stack costs only
// the pages actually touched. Below every other part of ddx: it knows nothing of them.
#pragma once

#include <cstddef>
#include <functional>

namespace ddx {

// Runs `work` on a joined thread with `stack_bytes` of reserved stack and rethrows whatever it
// throws; `on_exit`, when given, runs on that thread after the work (per-thread caches to free).
// Falls back to the calling thread when no thread can be made.
void run_on_large_stack(std::size_t stack_bytes, const std::function<void()>& work, void (*on_exit)() = nullptr);

// Runs `work` on this thread, on a stack of `stack_bytes` reserved for it (swapcontext there and
// back), and rethrows whatever it throws: no thread to start and join, no other CPU to wake (a
// thread cost a batch of short lines about 0.2 ms). Not under AddressSanitizer, which cannot
// follow a switched stack: run_on_large_stack there. Falls back to the calling stack when no
// stack can be reserved.
void run_on_switched_stack(std::size_t stack_bytes, const std::function<void()>& work);

}  // namespace ddx
