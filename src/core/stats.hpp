// SPDX-License-Identifier: GPL-3.0-or-later
// Phase timers behind `ddx --stats` (the benchmark's derivative-only figures). Off unless the
// program enables them, so a normal run reads no clock; the differentiator adds its own time.
//
// The timers read a tick counter, not the system clock: a batch of short lines reads it about
// eight times a line, and at some 25 ns a read through clock_gettime that was 6% of a run of
// 2,500 one-line derivatives, in the very figures the benchmark reports. Where the kernel keeps
// time by the CPU's time-stamp counter (its clock source is `tsc`, so the counter is constant-rate
// and the same on every core), or the processor declares the counter invariant, the ticks are
// that counter's, a few cycles a read; elsewhere they are the steady clock's nanoseconds. Ticks
// become seconds by the ratio of the two clocks over the whole run (ticks_to_seconds).
#pragma once

#include <cstdint>

namespace ddx::stats {

using Ticks = std::uint64_t;

inline bool enabled = false;
inline Ticks diff_ticks = 0;     // time inside top-level calc::diff calls
inline Ticks grammar_ticks = 0;  // time inside the grammar (text -> syntax tree), part of `parse`

// Turns --stats on and starts the calibration of ticks against the steady clock.
void enable();
// The tick counter now (enable() first).
Ticks now();
// The ticks from `from` to `to`; none if the counter read earlier at `to` (cores whose counters
// differ a little, on a virtual machine, and the thread moved between them).
inline Ticks elapsed(Ticks from, Ticks to) { return to > from ? to - from : 0; }
inline Ticks since(Ticks start) { return elapsed(start, now()); }
// Ticks as seconds, by the ratio of ticks to steady-clock time since enable().
double ticks_to_seconds(Ticks t);

// Adds the lifetime of the outermost live instance to `total` (nested instances add nothing, so
// diff() calling diff() is not counted twice).
class ScopedTimer {
 public:
  explicit ScopedTimer(Ticks& total) : total_(total), outer_(enabled && depth() == 0) {
    if (enabled) ++depth();
    if (outer_) start_ = now();
  }
  ~ScopedTimer() {
    if (!enabled) return;
    --depth();
    if (outer_) total_ += since(start_);
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  static int& depth() {
    static int d = 0;
    return d;
  }
  Ticks& total_;
  bool outer_;
  Ticks start_ = 0;
};

}  // namespace ddx::stats
