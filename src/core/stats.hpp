// SPDX-License-Identifier: GPL-3.0-or-later
// Phase timers behind `ddx --stats` (the benchmark's derivative-only figures). Off unless the
// program enables them, so a normal run reads no clock; the differentiator adds its own time.
#pragma once

#include <chrono>

namespace ddx::stats {

inline bool enabled = false;
inline double diff_seconds = 0;     // time inside top-level calc::diff calls
inline double grammar_seconds = 0;  // time inside the grammar (text -> syntax tree), part of `parse`

// Adds the lifetime of the outermost live instance to `total` (nested instances add nothing, so
// diff() calling diff() is not counted twice).
class ScopedTimer {
 public:
  explicit ScopedTimer(double& total) : total_(total), outer_(enabled && depth() == 0) {
    if (enabled) ++depth();
    if (outer_) start_ = std::chrono::steady_clock::now();
  }
  ~ScopedTimer() {
    if (!enabled) return;
    --depth();
    if (outer_) total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  static int& depth() {
    static int d = 0;
    return d;
  }
  double& total_;
  bool outer_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace ddx::stats
