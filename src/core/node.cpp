// SPDX-License-Identifier: GPL-3.0-or-later
// The intern table. Children are interned before their parents, so structural equality of two
// nodes needs only a shallow comparison (children by address).
#include "core/node.hpp"

#include "core/functions.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/limits.hpp"
#include "core/statement_limits.hpp"
#include "support/by_name.hpp"
#include "support/fresh_pages.hpp"
#include "support/page_chunks.hpp"

namespace ddx {
namespace {

std::size_t mix(std::size_t h, std::size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }

std::size_t structural_hash(const NodeParts& n) {
  std::size_t h = static_cast<std::size_t>(n.kind) * 0x100000001b3ULL + n.id;
  h = mix(h, n.function);
  h = mix(h, n.number.hash());
  if (!n.name.empty()) h = mix(h, name_hash(n.name));
  for (Expr e : n.ops) h = mix(h, e.hash());
  for (Expr e : n.exps) h = mix(h, e.hash());
  for (const Number& c : n.coeffs) h = mix(h, c.hash());
  for (int i : n.indices) h = mix(h, static_cast<std::size_t>(i));
  return h;
}

bool same_numbers(const Number& a, const Number& b) { return a == b && a.is_float() == b.is_float(); }

// Whether the stored node a is made of the parts b (whose hash is computed).
bool shallow_equal(const Node& a, const NodeParts& b, std::size_t b_hash) {
  if (a.kind != b.kind || a.hash != b_hash || a.id != b.id || a.function != b.function) return false;
  if (a.size != b.ops.size() || a.index_count != b.indices.size()) return false;
  if (!std::equal(b.ops.begin(), b.ops.end(), a.ops().begin())) return false;
  if (!std::equal(b.exps.begin(), b.exps.end(), a.exps().begin(), a.exps().end())) return false;
  if (!std::equal(b.indices.begin(), b.indices.end(), a.indices().begin())) return false;
  if (a.kind == Kind::Symbol && a.name() != b.name) return false;
  if (!std::equal(b.coeffs.begin(), b.coeffs.end(), a.coeffs().begin(), a.coeffs().end(), same_numbers)) return false;
  return same_numbers(a.number, b.number);
}

// The intern table: open addressing with linear probing over 8-byte slots, each a node's address
// with 4 bits of its hash in the low bits that the address's 16-byte alignment leaves free, so a
// lookup compares tags in one or two cache lines and dereferences a node mostly when it is the
// one. (A node-based std::unordered_set chased a pointer per probe: a quarter of a large parse;
// slots of a full hash and a pointer took twice the memory, and cache, of these.) A slot still
// points into its node, so leak checkers see every node as held.
// Leaked on purpose, like the nodes of permanent tables: destroying a million-node DAG at exit
// would only cost time.
class InternTable {
 public:
  // The stored node of hash `hash` that `is_it` accepts, or nullptr; `slot` is where it would go.
  template <class IsIt>
  const Node* find(std::size_t hash, std::size_t& slot, IsIt is_it) const {
    std::size_t mask = capacity_ - 1;
    std::uint64_t tag = tag_of(hash);
    for (std::size_t i = home(hash, capacity_);; i = (i + 1) & mask) {
      std::uint64_t s = slots_[i];
      if (s == 0) {
        slot = i;
        return nullptr;
      }
      if ((s & tag_mask) == tag && is_it(*node_of(s))) return node_of(s);
    }
  }
  // Stores `node` at the slot find() gave (valid until the next insert).
  void insert(std::size_t slot, const Node* node) {
    slots_[slot] = slot_of(node);
    if (over_full(++count_, capacity_)) rehash(capacity_ * 2);
  }
  std::size_t size() const { return count_; }

  // Keeps the nodes `keep` accepts and passes the others to `drop`, then shrinks the table to
  // fit what is left (so that a sweep costs what is live, not what once was).
  template <class Keep, class Drop>
  void retain(Keep keep, Drop drop) {
    std::size_t kept = 0;
    for (std::uint64_t& s : std::span(slots_.get(), capacity_)) {
      if (s == 0) continue;
      if (keep(*node_of(s))) {
        ++kept;
      } else {
        drop(node_of(s));
        s = 0;
      }
    }
    count_ = kept;
    std::size_t capacity = min_capacity;
    while (over_full(count_ + 1, capacity)) capacity *= 2;
    rehash(capacity);
  }

 private:
  static constexpr std::size_t min_capacity = std::size_t{1} << 12;
  // At most three quarters full: a probe that finds no node reads about 8 slots, one cache line
  // (at half full, 2.5), and W8's 300,000 nodes take 4 MB of slots instead of 8.
  static bool over_full(std::size_t count, std::size_t capacity) { return count * 4 > capacity * 3; }
  static constexpr std::uint64_t tag_mask = 15;
  // A hash's first slot: the top bits of its product with 2^64 over the golden ratio (Fibonacci
  // hashing). Its own low bits clustered for the numbers of a long table (1/1, 1/2, ..., 1/n:
  // linear probing ran ever longer, and 100,000 rows of 1/x took 14 s).
  static std::size_t home(std::size_t hash, std::size_t capacity) {
    return static_cast<std::size_t>((hash * 0x9e3779b97f4a7c15ULL) >> (64 - std::countr_zero(capacity)));
  }
  // The top bits of the hash: independent of the slot's bits, so they tell nodes apart there.
  static std::uint64_t tag_of(std::size_t hash) { return static_cast<std::uint64_t>(hash >> 60) & tag_mask; }
  static const Node* node_of(std::uint64_t slot) { return reinterpret_cast<const Node*>(slot & ~tag_mask); }
  static std::uint64_t slot_of(const Node* node) {
    auto address = reinterpret_cast<std::uintptr_t>(node);
    static_assert(__STDCPP_DEFAULT_NEW_ALIGNMENT__ >= 16, "nodes (from operator new, in 16-byte classes) leave 4 low bits free");
    if (address & tag_mask) throw std::logic_error("a node is not 16-byte aligned");  // NodeStorage always aligns them
    return address | tag_of(node->hash);
  }
  void rehash(std::size_t capacity) {
    auto old = std::exchange(slots_, empty_slots(capacity));
    auto old_capacity = std::exchange(capacity_, capacity);
    std::size_t mask = capacity - 1;
    for (std::uint64_t s : std::span(old.get(), old_capacity)) {
      if (s == 0) continue;
      std::size_t i = home(node_of(s)->hash, capacity);
      while (slots_[i]) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  // A new table is written whole (zeroed, then filled all over): its pages are mapped in one go
  // (support/fresh_pages.hpp).
  static std::unique_ptr<std::uint64_t[]> empty_slots(std::size_t capacity) {
    std::unique_ptr<std::uint64_t[]> slots(new std::uint64_t[capacity]);
    map_pages_for_writing(slots.get(), capacity * sizeof(std::uint64_t));
    std::fill_n(slots.get(), capacity, 0);
    return slots;
  }
  std::unique_ptr<std::uint64_t[]> slots_ = empty_slots(min_capacity);
  std::size_t capacity_ = min_capacity;
  std::size_t count_ = 0;
};

InternTable& table() {
  static auto* t = new InternTable();
  return *t;
}

// The bytes a node takes: its header, then its arrays.
std::size_t bytes_of(Kind kind, std::size_t size, std::size_t index_count) {
  std::size_t bytes = sizeof(Node) + size * sizeof(Expr);
  if (kind == Kind::Mul) bytes += size * sizeof(Expr);
  if (kind == Kind::Add) bytes += size * sizeof(Number);
  bytes += index_count * sizeof(int);
  return (bytes + 15) / 16 * 16;
}

// Node memory: small nodes (nearly all) in classes of 16 bytes carved from large chunks, each
// class with a free list that a reclaimed node's place goes back to; a large node (a long sum
// or product) is an allocation of its own.
class NodeStorage {
 public:
  void* take(std::size_t bytes) {
    if (bytes > largest_pooled) {
      // A long sum or product (W3 400's derivative: 400 products of 400 factors, 2.6 MB) is
      // written as soon as it is made: what the heap grew by for it is mapped in at once.
      void* p = ::operator new(bytes);
      map_heap_growth_for_writing();
      return p;
    }
    std::vector<void*>& free = free_[bytes / 16];
    if (!free.empty()) {
      void* p = free.back();
      free.pop_back();
      return p;
    }
    if (chunk_left_ < bytes) {
      chunk_ = static_cast<char*>(page_chunks::take());
      // While a large statement is worked out, malloc's heap grows between chunks too (its
      // vectors), and is written as soon.
      map_heap_growth_for_writing();
      chunk_left_ = chunk_bytes;
    }
    void* p = chunk_;
    chunk_ += bytes;
    chunk_left_ -= bytes;
    return p;
  }
  void give_back(void* p, std::size_t bytes) {
    if (bytes > largest_pooled) return ::operator delete(p);
    free_[bytes / 16].push_back(p);
  }

 private:
  // Chunks are the syntax tree's size (support/page_chunks.hpp): a line's nodes take the chunks
  // its tree gave back.
  static constexpr std::size_t largest_pooled = 512, chunk_bytes = page_chunks::chunk_bytes;
  std::vector<void*> free_[largest_pooled / 16 + 1];
  char* chunk_ = nullptr;
  std::size_t chunk_left_ = 0;
};

NodeStorage& storage() {
  static auto* s = new NodeStorage();
  return *s;
}

// The names of symbols, each stored once for the process (a node points at its name).
const std::string* stored_name(std::string_view name) {
  static auto* names = new NameSet();
  auto it = names->find(name);
  if (it == names->end()) it = names->emplace(name).first;
  return &*it;
}

// Stores the parts as a new node (hash and the derived fields are the caller's).
Node* store(NodeParts&& parts) {
  // Only a product has exponents and only a sum coefficients (build.cpp); anything else would
  // be dropped here.
  assert((parts.exps.empty() || parts.kind == Kind::Mul) && (parts.coeffs.empty() || parts.kind == Kind::Add));
  assert(parts.indices.empty() || parts.kind == Kind::Derivative);
  auto size = static_cast<std::uint32_t>(parts.ops.size());
  auto index_count = static_cast<std::uint16_t>(parts.indices.size());  // (intern checked it fits)
  Node* n = new (storage().take(bytes_of(parts.kind, size, index_count))) Node();
  n->kind = parts.kind;
  n->id = parts.id;
  n->function = parts.function;
  n->size = size;
  n->index_count = index_count;
  n->number = std::move(parts.number);
  if (parts.kind == Kind::Symbol) n->symbol = stored_name(parts.name);
  auto* ops = reinterpret_cast<Expr*>(n + 1);
  std::uninitialized_copy(parts.ops.begin(), parts.ops.end(), ops);
  if (parts.kind == Kind::Mul) std::uninitialized_copy(parts.exps.begin(), parts.exps.end(), ops + size);
  if (parts.kind == Kind::Add)
    std::uninitialized_move(parts.coeffs.begin(), parts.coeffs.end(), reinterpret_cast<Number*>(ops + size));
  std::uninitialized_copy(parts.indices.begin(), parts.indices.end(), reinterpret_cast<int*>(ops + size));
  return n;
}

void destroy(const Node* n) {
  for (const Number& c : n->coeffs()) c.~Number();
  std::size_t bytes = bytes_of(n->kind, n->size, n->index_count);
  n->~Node();
  storage().give_back(const_cast<Node*>(n), bytes);
}

// How many KeepForever scopes are open.
int keep_forever_depth = 0;

// The symbols last interned, one per slot by the hash of the name: a hit costs a hash of a few
// characters and one comparison instead of a whole intern() (some 240 instructions, paid by W5
// four times a line). Emptied whenever nodes are reclaimed, so it never points at a freed one.
class SymbolCache {
 public:
  const Node* find(std::string_view name, std::size_t hash) const {
    const Node* n = slots_[hash % slots_.size()];
    return n && std::string_view(*n->symbol) == name ? n : nullptr;
  }
  void remember(std::size_t hash, const Node* n) { slots_[hash % slots_.size()] = n; }
  void clear() { slots_.fill(nullptr); }

 private:
  std::array<const Node*, 1024> slots_{};
};

SymbolCache& symbol_cache() {
  static SymbolCache cache;
  return cache;
}

// Sets `bit` on n and every node below it that lacks it (an explicit stack: a DAG may be deep;
// one stack kept for all calls: a collection marks thousands of small answers).
void set_below(const Node* n, std::uint8_t bit) {
  if (n->lifetime & (bit | permanent_bit)) return;
  static auto* kept = new std::vector<const Node*>();
  std::vector<const Node*>& stack = *kept;
  stack.push_back(n);
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
    for (Expr c : top->ops()) visit(c);
    for (Expr c : top->exps()) visit(c);
  }
}

std::size_t saturating_add(std::size_t a, std::size_t b) { return a > SIZE_MAX - b ? SIZE_MAX : a + b; }

// A node's size as a tree: one, plus each coefficient, constant and exponent that is written,
// plus its children's sizes (a unit factor or exponent is not written).
std::size_t tree_size_of(const NodeParts& n) {
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

// A new node's height, refused past max_expression_height: the recursive walks of every later
// stage go as deep as the expression, so this bounds the stack they need. Input nests at most
// max_nesting deep, but definitions substituted into one another, and functions applied to
// their own results, stack their depths.
std::uint16_t height_of(const NodeParts& n) {
  static_assert(max_expression_height < std::numeric_limits<std::uint16_t>::max());
  if (n.indices.size() > std::numeric_limits<std::uint16_t>::max())
    throw LimitError("a derivative of order more than " + std::to_string(std::numeric_limits<std::uint16_t>::max()) +
                     " in all");
  std::uint16_t below = 0;
  for (Expr c : n.ops) below = std::max(below, c.node()->height);
  for (Expr c : n.exps) below = std::max(below, c.node()->height);
  if (below >= max_expression_height)
    throw LimitError("expression nested deeper than " + std::to_string(max_expression_height) +
                     " levels (definitions substituted into one another stack their depths)");
  return static_cast<std::uint16_t>(below + 1);
}

}  // namespace

std::uint64_t symbol_bit(std::string_view name) {
  // The top six bits of a multiplicative hash: FNV's low bits follow the low bits of the last
  // characters alone (x1 and xq would share one).
  return std::uint64_t{1} << ((name_hash(name) * 0x9e3779b97f4a7c15u) >> 58);
}

const std::string& Node::name() const {
  static const std::string none;
  return symbol ? *symbol : none;
}

const Node* intern(NodeParts&& n) {
  std::size_t hash = structural_hash(n);
  auto& t = table();
  std::size_t slot = 0;
  if (const Node* found = t.find(hash, slot, [&](const Node& a) { return shallow_equal(a, n, hash); })) {
    if (keep_forever_depth > 0) set_below(found, permanent_bit);
    return found;
  }
  std::uint64_t symbols = n.kind == Kind::Symbol ? symbol_bit(n.name) : 0;
  bool corners = false, edges = false;
  if (n.kind == Kind::Call) {
    const FunctionInfo& f = function_info(n.function);
    corners = f.corners, edges = f.partial_domain;
  }
  // (a power that is no whole number of a base that may be 0 or negative; e^x, 2^x have none)
  auto root_of = [](Expr base, Expr exponent) {
    return !exponent.is_integer() && !base.is(Kind::Constant) && !(base.is_number() && base.number().sign() > 0);
  };
  if (n.kind == Kind::Pow) edges = root_of(n.ops[0], n.ops[1]);
  for (Expr e : n.ops) symbols |= e.node()->symbols, corners |= e.node()->corners, edges |= e.node()->edges;
  for (std::size_t i = 0; i < n.exps.size(); ++i) {
    Expr e = n.exps[i];
    symbols |= e.node()->symbols, corners |= e.node()->corners, edges |= e.node()->edges || root_of(n.ops[i], e);
  }
  // A sum depends on every x_k through its x_n: no symbol can be ruled out by the filter.
  if (n.kind == Kind::Call && is_sum_function(n.function)) symbols = ~std::uint64_t{0};
  std::size_t tree_size = tree_size_of(n);
  std::uint16_t height = height_of(n);
  charge_new_node();  // the per-statement size limit; throws before anything is stored
  Node* stored = store(std::move(n));
  stored->hash = hash;
  stored->symbols = symbols;
  stored->corners = corners;
  stored->edges = edges;
  stored->tree_size = tree_size;
  stored->height = height;
  t.insert(slot, stored);
  if (keep_forever_depth > 0) set_below(stored, permanent_bit);
  return stored;
}

const Node* intern_symbol(std::string_view name) {
  std::size_t hash = name_hash(name);
  SymbolCache& cache = symbol_cache();
  // (Under KeepForever the node must pass through intern(), which marks it permanent.)
  if (keep_forever_depth == 0)
    if (const Node* n = cache.find(name, hash)) return n;
  NodeParts parts;
  parts.kind = Kind::Symbol;
  parts.name = name;
  const Node* n = intern(std::move(parts));
  cache.remember(hash, n);
  return n;
}

const Node* intern_pair(Kind kind, Expr a, Expr b) {
  assert(kind == Kind::Pow);  // no number, name, function, exponents or coefficients of its own
  // structural_hash() of these parts, without making them: a power already made (most are, in a
  // statement that names x^2 again and again) is found without NodeParts' vectors.
  static const std::size_t no_number = Number().hash();
  std::size_t hash = mix(mix(mix(mix(static_cast<std::size_t>(kind) * 0x100000001b3ULL, 0), no_number), a.hash()), b.hash());
  std::size_t slot = 0;
  const Node* found = table().find(hash, slot, [&](const Node& n) {
    return n.kind == kind && n.hash == hash && n.id == 0 && n.function == 0 && n.size == 2 && n.index_count == 0 &&
           n.ops()[0] == a && n.ops()[1] == b && same_numbers(n.number, Number());
  });
  if (found && keep_forever_depth == 0) return found;
  NodeParts parts;
  parts.kind = kind;
  parts.ops.assign({a, b});
  return intern(std::move(parts));
}

std::size_t interned_count() { return table().size(); }

void keep_forever(Expr e) { set_below(e.node(), permanent_bit); }

KeepForever::KeepForever() { ++keep_forever_depth; }
KeepForever::~KeepForever() { --keep_forever_depth; }

void mark_reachable(Expr e) { set_below(e.node(), marked_bit); }

std::size_t reclaim_unmarked() {
  symbol_cache().clear();
  forget_deep_comparisons();
  std::size_t freed = 0;
  table().retain(
      [](const Node& n) {
        bool live = n.lifetime & (permanent_bit | marked_bit);
        n.lifetime &= static_cast<std::uint8_t>(~marked_bit);
        return live;
      },
      [&](const Node* n) {
        destroy(n);
        ++freed;
      });
  return freed;
}

}  // namespace ddx
