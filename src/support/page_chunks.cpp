// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/page_chunks.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <mutex>
#include <new>
#include <stdexcept>
#include <thread>
#include <vector>

#include <sys/mman.h>

#include "support/fresh_pages.hpp"
#include "support/sanitizers.hpp"

namespace ddx::page_chunks {
namespace {

// A slab is one huge page's worth of chunks; a region, the address space reserved at a time
// (MAP_NORESERVE: nothing is committed until written).
constexpr std::size_t slab_bytes = std::size_t{2} << 20;
constexpr std::size_t chunks_per_slab = slab_bytes / chunk_bytes;
constexpr std::size_t slabs_per_region = 32;
constexpr std::size_t region_bytes = slab_bytes * slabs_per_region;
static_assert(chunks_per_slab == 32, "a slab's chunks are the bits of a 32-bit mask");
constexpr std::uint32_t all_free = ~std::uint32_t{0};

struct Slab {
  char* base;
  std::uint32_t free;   // a bit for each chunk not handed out
  bool holds_memory;    // written since it was last given back to the system
  bool huge;            // marked for a huge page
};

// Slabs in the order their regions were reserved. A chunk is taken from the first slab that has
// one, so that the nodes of a statement's answer pack into the slabs its syntax tree emptied
// first, and the rest of the tree's slabs, once empty, can go back to the system: memory that
// malloc's heap can then grow into (a tree is freed as it is read; what the statement works out
// next is mostly malloc's).
struct Source {
  std::mutex mutex;
  std::vector<Slab> slabs;
  std::vector<char*> regions;     // their starts, slabs_per_region slabs each, in that order
  std::size_t first_free = 0;     // no slab before this one has a free chunk
  std::size_t empty_holding = 0;  // slabs all free that still hold memory
  std::atomic<bool> large_expected = false;  // what expect() said last (asked of every line: no lock)
  // Moves on at each expect() and each slab given back to the system: a thread mapping slabs in
  // ahead (expect) stops when it has, rather than map in again what was just given back.
  std::atomic<std::uint64_t> prefault_generation = 0;
};

// A huge page costs about 0.2 ms to map in, as much as 40 small pages, and stays whole in the
// resident set: a short run (a REPL's first line, a small batch) keeps to small pages. A slab
// takes a huge page when it is first written while large work is expected, or once the first
// slab did not suffice; while large work is expected, slabs of small pages are passed over.
constexpr std::size_t huge_page_worth = std::size_t{256} << 10;

bool suits(Source const& s, Slab const& slab) {
  if (slab.free == 0) return false;
  return slab.huge || !s.large_expected.load(std::memory_order_relaxed) || !slab.holds_memory;
}

void choose_page_size(Source& s, Slab& slab) {
  if (slab.huge || !(s.large_expected.load(std::memory_order_relaxed) || &slab != &s.slabs.front())) return;
#ifdef MADV_HUGEPAGE
  madvise(slab.base, slab_bytes, MADV_HUGEPAGE);
#endif
  slab.huge = true;
}

Source& source() {
  static auto* s = new Source();
  return *s;
}

// Reserves a region aligned to slabs; throws std::bad_alloc when the system has no room.
void open_region(Source& s) {
  std::size_t const reserved = region_bytes + slab_bytes;
  void* const mapped = mmap(nullptr, reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapped == MAP_FAILED) throw std::bad_alloc();
  auto const start = reinterpret_cast<std::uintptr_t>(mapped);
  auto const aligned = (start + slab_bytes - 1) & ~(slab_bytes - 1);
  if (aligned > start) munmap(mapped, aligned - start);
  if (std::uintptr_t const end = start + reserved, wanted = aligned + region_bytes; end > wanted)
    munmap(reinterpret_cast<void*>(wanted), end - wanted);
  s.regions.push_back(reinterpret_cast<char*>(aligned));
  for (std::size_t i = 0; i < slabs_per_region; ++i)
    s.slabs.push_back(Slab{s.regions.back() + i * slab_bytes, all_free, false, false});
}

std::size_t slab_of(Source const& s, void* chunk) {
  auto const address = reinterpret_cast<std::uintptr_t>(chunk);
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    auto const offset = address - reinterpret_cast<std::uintptr_t>(s.regions[r]);
    if (offset < region_bytes) return r * slabs_per_region + offset / slab_bytes;
  }
  throw std::logic_error("page_chunks::give_back: not a chunk");
}

}  // namespace

// Under AddressSanitizer chunks are malloc's, aligned alike: LeakSanitizer looks for pointers in
// malloc's memory and the program's own, not in mapped regions, and the GMP numbers that nodes
// hold were reported leaked.
constexpr std::align_val_t chunk_alignment{chunk_bytes};

void* take() {
  if constexpr (under_address_sanitizer) return ::operator new(chunk_bytes, chunk_alignment);
  Source& s = source();
  std::lock_guard<std::mutex> lock(s.mutex);
  while (s.first_free < s.slabs.size() && s.slabs[s.first_free].free == 0) ++s.first_free;
  std::size_t i = s.first_free;
  while (i < s.slabs.size() && !suits(s, s.slabs[i])) ++i;
  if (i == s.slabs.size()) open_region(s);
  Slab* const slab = &s.slabs[i];
  if (slab->free == all_free && slab->holds_memory) --s.empty_holding;
  if (!slab->holds_memory) choose_page_size(s, *slab);  // (about to be written first)
  slab->holds_memory = true;
  int const index = std::countr_zero(slab->free);
  slab->free &= ~(std::uint32_t{1} << index);
  char* const chunk = slab->base + static_cast<std::size_t>(index) * chunk_bytes;
  // Written from end to end soon. Where the kernel backs the slab with a huge page, the first
  // chunk taken maps all of it, and the rest find it mapped.
  map_pages_for_writing(chunk, chunk_bytes);
  return chunk;
}

// From this size on, the slabs about to be written are mapped in by a thread of their own while
// the work that writes them runs.
constexpr std::size_t prefault_worth = std::size_t{8} << 20;

void expect(std::size_t bytes) {
  Source& s = source();
  s.large_expected.store(bytes >= huge_page_worth, std::memory_order_relaxed);
  std::uint64_t const generation = ++s.prefault_generation;
  if (under_address_sanitizer || bytes < prefault_worth) return;
  std::vector<char*> ahead;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    std::size_t wanted = (bytes + slab_bytes - 1) / slab_bytes;
    for (std::size_t i = s.first_free; wanted > 0; ++i) {
      if (i == s.slabs.size()) open_region(s);
      Slab& slab = s.slabs[i];
      if (!suits(s, slab)) continue;  // (as take() passes it over)
      --wanted;
      if (slab.holds_memory) continue;
      choose_page_size(s, slab);
      ahead.push_back(slab.base);
    }
  }
  if (ahead.empty()) return;
  std::thread([ahead = std::move(ahead), generation, &s] {
    for (char* base : ahead) {
      if (s.prefault_generation.load(std::memory_order_relaxed) != generation) return;
      map_pages_for_writing(base, slab_bytes);
    }
  }).detach();
}

void give_back(void* chunk) {
  if constexpr (under_address_sanitizer) return ::operator delete(chunk, chunk_alignment);
  Source& s = source();
  std::lock_guard<std::mutex> lock(s.mutex);
  std::size_t const i = slab_of(s, chunk);
  s.first_free = std::min(s.first_free, i);
  Slab& slab = s.slabs[i];
  auto const index = static_cast<std::size_t>(static_cast<char*>(chunk) - slab.base) / chunk_bytes;
  slab.free |= std::uint32_t{1} << index;
  if (slab.free != all_free) return;
  // One empty slab is kept for the next take; others go back to the system whole, huge page
  // and all.
  if (s.empty_holding == 0) {
    ++s.empty_holding;
    return;
  }
  ++s.prefault_generation;
  madvise(slab.base, slab_bytes, MADV_DONTNEED);
  slab.holds_memory = false;
}

}  // namespace ddx::page_chunks
