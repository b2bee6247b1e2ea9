// SPDX-License-Identifier: GPL-3.0-or-later
// Cooperative cancellation: a SIGINT handler sets a flag; long loops in the algebra poll it and
// throw Interrupted, which the session turns into "interrupted" with all state intact.
#pragma once

#include <atomic>
#include <stdexcept>

namespace ddx {

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted") {}
};

namespace detail {
inline std::atomic<bool> interrupt_flag{false};  // lock-free, so safe to set from a signal handler
inline int interrupts_held = 0;                  // InterruptsHeld alive (the computing thread's own)
}

inline void request_interrupt() noexcept { detail::interrupt_flag.store(true, std::memory_order_relaxed); }
inline void clear_interrupt() noexcept { detail::interrupt_flag.store(false, std::memory_order_relaxed); }
inline bool interrupt_requested() noexcept { return detail::interrupt_flag.load(std::memory_order_relaxed); }
// Call from inner loops; cheap (one relaxed load).
inline void check_interrupt() {
  if (interrupt_requested() && detail::interrupts_held == 0) throw Interrupted();
}

// While one lives, check_interrupt does not throw: for output that must not be cut short once
// begun (a long answer written as it is printed). The request stays for whoever looks next.
class InterruptsHeld {
 public:
  InterruptsHeld() { ++detail::interrupts_held; }
  ~InterruptsHeld() { --detail::interrupts_held; }
  InterruptsHeld(const InterruptsHeld&) = delete;
  InterruptsHeld& operator=(const InterruptsHeld&) = delete;
};

}  // namespace ddx
