// SPDX-License-Identifier: GPL-3.0-or-later
// The tick counter of --stats (see stats.hpp) and its calibration against the steady clock.
#include "core/stats.hpp"

#include <chrono>
#include <fstream>
#include <string>
#include <string_view>

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

// The counter is a clock we may read directly when it is constant-rate and the same on every
// core: the kernel then keeps time by it (its clock source is `tsc`), or, on a virtual machine
// whose kernel keeps time by the hypervisor's clock instead (`kvm-clock`, where a clock_gettime
// costs 25 ns and the counter 11), the processor declares it so (`constant_tsc` and
// `nonstop_tsc` among its flags: an invariant counter).
bool counter_is_a_clock() {
#if defined(__x86_64__)
  std::ifstream source("/sys/devices/system/clocksource/clocksource0/current_clocksource");
  std::string name;
  if (source >> name && name == "tsc") return true;
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (!line.starts_with("flags")) continue;
    auto has = [&line](std::string_view flag) {
      return line.find(" " + std::string(flag) + " ") != std::string::npos || line.ends_with(" " + std::string(flag));
    };
    return has("constant_tsc") && has("nonstop_tsc");
  }
#endif
  return false;
}

}  // namespace

void enable() {
  enabled = true;
  counter_is_tsc = counter_is_a_clock();
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
