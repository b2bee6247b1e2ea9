// SPDX-License-Identifier: GPL-3.0-or-later
// The tick counter of --stats (see stats.hpp) and its calibration against the steady clock.
#include "core/stats.hpp"

#include <chrono>
#include <fstream>
#include <string>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace ddx::stats {
namespace {

bool counter_is_tsc = false;
Ticks ticks_at_enable = 0;
std::chrono::steady_clock::time_point clock_at_enable;

Ticks steady_nanoseconds() {
  return static_cast<Ticks>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

// The kernel picks `tsc` as its clock source only when the counter is constant-rate and the
// same on every core; then it is a clock we may read directly too.
bool kernel_keeps_time_by_tsc() {
#if defined(__x86_64__)
  std::ifstream source("/sys/devices/system/clocksource/clocksource0/current_clocksource");
  std::string name;
  return source >> name && name == "tsc";
#else
  return false;
#endif
}

}  // namespace

void enable() {
  enabled = true;
  counter_is_tsc = kernel_keeps_time_by_tsc();
  clock_at_enable = std::chrono::steady_clock::now();
  ticks_at_enable = now();
}

Ticks now() {
#if defined(__x86_64__)
  if (counter_is_tsc) return __rdtsc();
#endif
  return steady_nanoseconds();
}

double ticks_to_seconds(Ticks t) {
  if (!counter_is_tsc) return static_cast<double>(t) * 1e-9;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_at_enable).count();
  Ticks elapsed = now() - ticks_at_enable;
  return elapsed == 0 ? 0 : static_cast<double>(t) * (seconds / static_cast<double>(elapsed));
}

}  // namespace ddx::stats
