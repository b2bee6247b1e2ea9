// SPDX-License-Identifier: GPL-3.0-or-later
// The intern table. Children are interned before their parents, so structural equality of two
// nodes needs only a shallow comparison (children by address).
#include "core/node.hpp"

#include "core/functions.hpp"

#include <cstdint>
#include <new>
#include <vector>

#include "core/statement_limits.hpp"

namespace ddx {
namespace {

std::size_t mix(std::size_t h, std::size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }

std::size_t structural_hash(const Node& n) {
  std::size_t h = static_cast<std::size_t>(n.kind) * 0x100000001b3ULL + n.id;
  h = mix(h, n.function);
  h = mix(h, n.number.hash());
  if (!n.name.empty()) h = mix(h, std::hash<std::string>{}(n.name));
  for (Expr e : n.ops) h = mix(h, e.hash());
  for (Expr e : n.exps) h = mix(h, e.hash());
  for (const Number& c : n.coeffs) h = mix(h, c.hash());
  for (int i : n.indices) h = mix(h, static_cast<std::size_t>(i));
  return h;
}

bool shallow_equal(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.hash != b.hash || a.id != b.id || a.function != b.function) return false;
  if (a.ops != b.ops || a.exps != b.exps || a.indices != b.indices || a.name != b.name) return false;
  if (a.coeffs.size() != b.coeffs.size()) return false;
  for (std::size_t i = 0; i < a.coeffs.size(); ++i)
    if (compare(a.coeffs[i], b.coeffs[i]) != 0 || a.coeffs[i].is_float() != b.coeffs[i].is_float()) return false;
  return compare(a.number, b.number) == 0 && a.number.is_float() == b.number.is_float();
}

// The intern table: open addressing with linear probing over (hash, node) slots, so a lookup
// compares hashes in one or two cache lines and dereferences a node only on a full hash match
// (a node-based std::unordered_set chased a pointer per probe: a quarter of a large parse).
// Leaked on purpose, like the nodes of permanent tables: destroying a million-node DAG at exit
// would only cost time.
class InternTable {
 public:
  // The stored node equal to n, or nullptr; `slot` is where n would go.
  const Node* find(const Node& n, std::size_t& slot) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = n.hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.node) {
        slot = i;
        return nullptr;
      }
      if (s.hash == n.hash && shallow_equal(*s.node, n)) return s.node;
    }
  }
  // Stores `node` at the slot find() gave (valid until the next insert).
  void insert(std::size_t slot, const Node* node) {
    slots_[slot] = {node->hash, node};
    if (++count_ * 2 > slots_.size()) rehash(slots_.size() * 2);
  }
  std::size_t size() const { return count_; }

  // Keeps the nodes `keep` accepts and passes the others to `drop`, then shrinks the table to
  // fit what is left (so that a sweep costs what is live, not what once was).
  template <class Keep, class Drop>
  void retain(Keep keep, Drop drop) {
    std::size_t kept = 0;
    for (Slot& s : slots_) {
      if (!s.node) continue;
      if (keep(*s.node)) {
        ++kept;
      } else {
        drop(s.node);
        s = Slot{};
      }
    }
    count_ = kept;
    std::size_t capacity = min_capacity;
    while (capacity < 2 * count_ + 2) capacity *= 2;
    rehash(capacity);
  }

 private:
  static constexpr std::size_t min_capacity = std::size_t{1} << 12;
  struct Slot {
    std::size_t hash = 0;
    const Node* node = nullptr;
  };
  void rehash(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.node) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].node) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_ = std::vector<Slot>(min_capacity);
  std::size_t count_ = 0;
};

InternTable& table() {
  static auto* t = new InternTable();
  return *t;
}

// Nodes are carved from large blocks instead of one allocation each; a reclaimed node's place
// goes on a free list that new nodes take first.
class NodeStorage {
 public:
  void* take() {
    if (!free_.empty()) {
      void* p = free_.back();
      free_.pop_back();
      return p;
    }
    if (used_ == per_block) {
      block_ = static_cast<Node*>(::operator new(per_block * sizeof(Node)));
      used_ = 0;
    }
    return block_ + used_++;
  }
  void give_back(const Node* n) {
    n->~Node();
    free_.push_back(const_cast<Node*>(n));
  }

 private:
  static constexpr std::size_t per_block = 4096;
  Node* block_ = nullptr;
  std::size_t used_ = per_block;
  std::vector<void*> free_;
};

NodeStorage& storage() {
  static auto* s = new NodeStorage();
  return *s;
}

// How many KeepForever scopes are open.
int keep_forever_depth = 0;

// Sets `bit` on n and every node below it that lacks it (an explicit stack: a DAG may be deep).
void set_below(const Node* n, std::uint8_t bit) {
  if (n->lifetime & (bit | permanent_bit)) return;
  std::vector<const Node*> stack{n};
  n->lifetime |= bit;
  while (!stack.empty()) {
    const Node* top = stack.back();
    stack.pop_back();
    auto visit = [&](Expr c) {
      const Node* child = c.node();
      if (child->lifetime & (bit | permanent_bit)) return;
      child->lifetime |= bit;
      stack.push_back(child);
    };
    for (Expr c : top->ops) visit(c);
    for (Expr c : top->exps) visit(c);
  }
}

std::size_t saturating_add(std::size_t a, std::size_t b) { return a > SIZE_MAX - b ? SIZE_MAX : a + b; }

// A node's size as a tree: one, plus each coefficient, constant and exponent that is written,
// plus its children's sizes (a unit factor or exponent is not written).
std::size_t tree_size_of(const Node& n) {
  std::size_t size = 1;
  if (n.kind == Kind::Add) {
    size += !n.number.is_zero();
    for (const Number& c : n.coeffs) size += !c.is_one();
  } else if (n.kind == Kind::Mul) {
    size += !n.number.is_one();
    for (Expr x : n.exps) size += !x.is_one();
  }
  bool product = n.kind == Kind::Mul;
  for (Expr c : n.ops)
    if (!(product && c.is_one())) size = saturating_add(size, c.node()->tree_size);
  for (Expr c : n.exps)
    if (!c.is_one()) size = saturating_add(size, c.node()->tree_size);
  return size;
}

}  // namespace

std::uint64_t symbol_bit(const std::string& name) {
  return std::uint64_t{1} << (std::hash<std::string>{}(name) & 63);
}

const Node* intern(Node&& n) {
  n.hash = structural_hash(n);
  auto& t = table();
  std::size_t slot = 0;
  if (const Node* found = t.find(n, slot)) {
    if (keep_forever_depth > 0) set_below(found, permanent_bit);
    return found;
  }
  if (n.kind == Kind::Symbol) n.symbols = symbol_bit(n.name);
  for (Expr e : n.ops) n.symbols |= e.node()->symbols;
  for (Expr e : n.exps) n.symbols |= e.node()->symbols;
  // A sum depends on every x_k through its x_n: no symbol can be ruled out by the filter.
  if (n.kind == Kind::Call && is_sum_function(n.function)) n.symbols = ~std::uint64_t{0};
  n.tree_size = tree_size_of(n);
  charge_new_node();  // the per-statement size limit; throws before anything is stored
  const Node* stored = new (storage().take()) Node(std::move(n));
  t.insert(slot, stored);
  if (keep_forever_depth > 0) set_below(stored, permanent_bit);
  return stored;
}

std::size_t interned_count() { return table().size(); }

void keep_forever(Expr e) { set_below(e.node(), permanent_bit); }

KeepForever::KeepForever() { ++keep_forever_depth; }
KeepForever::~KeepForever() { --keep_forever_depth; }

void mark_reachable(Expr e) { set_below(e.node(), marked_bit); }

std::size_t reclaim_unmarked() {
  std::size_t freed = 0;
  table().retain(
      [](const Node& n) {
        bool live = n.lifetime & (permanent_bit | marked_bit);
        n.lifetime &= static_cast<std::uint8_t>(~marked_bit);
        return live;
      },
      [&](const Node* n) {
        storage().give_back(n);
        ++freed;
      });
  return freed;
}

}  // namespace ddx
