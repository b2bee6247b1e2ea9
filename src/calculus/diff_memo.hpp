// SPDX-License-Identifier: GPL-3.0-or-later
// The derivatives already taken, by (expression, variable) node: open addressing over one array
// of 24-byte entries, so that remembering a derivative allocates nothing (a node-based
// std::unordered_map allocated, and later freed, one node per derivative: a million-term line
// takes hundreds of thousands).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

class DiffMemo {
 public:
  // The derivative of e by var, or null.
  const Expr* find(Expr e, Expr var) const {
    for (std::size_t i = slot_of(e.node(), var.node());; i = (i + 1) & mask()) {
      const Entry& s = slots_[i];
      if (!s.of) return nullptr;
      if (s.of == e.node() && s.by == var.node()) return &s.derivative;
    }
  }
  bool contains(Expr e, Expr var) const { return find(e, var) != nullptr; }
  // Remembers d(e)/d(var) = derivative; e by var must not be remembered already.
  void insert(Expr e, Expr var, Expr derivative) {
    if (4 * (count_ + 1) > 3 * slots_.size()) grow();
    place({e.node(), var.node(), derivative});
    ++count_;
  }
  std::size_t size() const { return count_; }
  // Forgets everything; a large table's array is given back, not kept.
  void clear() {
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
    Expr derivative{static_cast<const Node*>(nullptr)};
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

}  // namespace ddx::calc
