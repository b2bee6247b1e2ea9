// SPDX-License-Identifier: GPL-3.0-or-later
// An expression remembered for a pair of nodes, by their addresses: the derivatives already taken,
// by (expression, variable), and the order of deep pairs (core/order.cpp). Open addressing over
// one array of 24-byte entries, so that remembering allocates nothing (a node-based
// std::unordered_map allocated, and later freed, one node per derivative: a million-term line
// takes hundreds of thousands). Keyed by address: whoever keeps one forgets it when nodes are
// reclaimed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/expr.hpp"

namespace ddx {

class NodePairMemo {
 public:
  // What is remembered for (a, b), or null (valid until the next insert).
  const Expr* find(Expr a, Expr b) const {
    for (std::size_t i = slot_of(a.node(), b.node());; i = (i + 1) & mask()) {
      const Entry& s = slots_[i];
      if (!s.of) return nullptr;
      if (s.of == a.node() && s.by == b.node()) return &s.value;
    }
  }
  bool contains(Expr a, Expr b) const { return find(a, b) != nullptr; }
  // Remembers `value` for (a, b), which must not be remembered already.
  void insert(Expr a, Expr b, Expr value) {
    if (4 * (count_ + 1) > 3 * slots_.size()) grow();
    place({a.node(), b.node(), value});
    ++count_;
  }
  std::size_t size() const { return count_; }
  // Forgets everything; a large table's array is given back, not kept.
  void clear() {
    if (count_ == 0) return;
    if (slots_.size() > initial_capacity) {
      std::vector<Entry>(initial_capacity).swap(slots_);
    } else {
      std::fill(slots_.begin(), slots_.end(), Entry{});
    }
    count_ = 0;
  }

 private:
  static constexpr std::size_t initial_capacity = 256;
  struct Entry {
    const Node* of = nullptr;  // null: an empty slot
    const Node* by = nullptr;
    Expr value{static_cast<const Node*>(nullptr)};
  };

  std::size_t mask() const { return slots_.size() - 1; }
  // Nodes are 16-byte aligned: the low bits of an address tell nothing, the product's top bits mix.
  std::size_t slot_of(const Node* of, const Node* by) const {
    auto a = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(of));
    auto b = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(by));
    std::uint64_t h = ((a >> 4) ^ (b * 0x9e3779b97f4a7c15ULL)) * 0xbf58476d1ce4e5b9ULL;
    return static_cast<std::size_t>(h >> 32) & mask();
  }
  void place(const Entry& entry) {
    std::size_t i = slot_of(entry.of, entry.by);
    while (slots_[i].of) i = (i + 1) & mask();
    slots_[i] = entry;
  }
  void grow() {
    std::vector<Entry> old(2 * slots_.size());
    old.swap(slots_);
    for (const Entry& s : old)
      if (s.of) place(s);
  }

  std::vector<Entry> slots_ = std::vector<Entry>(initial_capacity);
  std::size_t count_ = 0;
};

}  // namespace ddx
