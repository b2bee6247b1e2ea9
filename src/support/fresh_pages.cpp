// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/fresh_pages.hpp"

#include <cstdint>

#include <sys/mman.h>
#include <unistd.h>

namespace ddx {

void map_pages_for_writing([[maybe_unused]] void* begin, [[maybe_unused]] std::size_t bytes) {
#ifdef MADV_POPULATE_WRITE
  constexpr std::uintptr_t page = 4096;
  auto const start = reinterpret_cast<std::uintptr_t>(begin);
  auto const first = (start + page - 1) & ~(page - 1);
  auto const end = (start + bytes) & ~(page - 1);
  if (end > first) madvise(reinterpret_cast<void*>(first), end - first, MADV_POPULATE_WRITE);
#endif
}

void map_heap_growth_for_writing() {
  static std::uintptr_t mapped_up_to = 0;  // the break at the last call
  auto const now = reinterpret_cast<std::uintptr_t>(sbrk(0));  // reads glibc's record, no system call
  if (mapped_up_to != 0 && now > mapped_up_to)
    map_pages_for_writing(reinterpret_cast<void*>(mapped_up_to), now - mapped_up_to);
  mapped_up_to = now;  // (lower when malloc gave memory back)
}

}  // namespace ddx
