// SPDX-License-Identifier: GPL-3.0-or-later
// The nodes one walk over a DAG has met: open addressing over one array, so that meeting a node
// costs a probe and no allocation (a node-based set allocated for every node; free_symbols of a
// 5,000-term definition, asked by every statement that uses it, spent two thirds of its time there).
#pragma once

#include <cstdint>
#include <vector>

namespace ddx {

class PointerSet {
 public:
  // False when p was already in the set.
  bool insert(const void* p) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    std::size_t i = slot_of(p);
    while (slots_[i]) {
      if (slots_[i] == p) return false;
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = p;
    ++count_;
    return true;
  }

 private:
  // Fibonacci hashing of the address without its alignment bits, the top bits of the product.
  std::size_t slot_of(const void* p) const {
    std::uint64_t h = (static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(p)) >> 4) * 0x9e3779b97f4a7c15ULL;
    return static_cast<std::size_t>(h >> (64 - bits_));
  }
  void grow() {
    std::vector<const void*> old(std::size_t{1} << (bits_ + 1));
    old.swap(slots_);
    ++bits_;
    count_ = 0;
    for (const void* p : old)
      if (p) insert(p);
  }
  unsigned bits_ = 6;
  std::vector<const void*> slots_ = std::vector<const void*>(std::size_t{1} << 6);
  std::size_t count_ = 0;
};

}  // namespace ddx
