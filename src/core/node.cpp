// SPDX-License-Identifier: GPL-3.0-or-later
// The intern table. Children are interned before their parents, so structural equality of two
// nodes needs only a shallow comparison (children by address).
#include "core/node.hpp"

#include "core/functions.hpp"

#include <unordered_set>

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

struct NodeHash {
  std::size_t operator()(const Node* n) const { return n->hash; }
};
struct NodeEqual {
  bool operator()(const Node* a, const Node* b) const { return shallow_equal(*a, *b); }
};

std::unordered_set<const Node*, NodeHash, NodeEqual>& table() {
  // Leaked on purpose: nodes are shared by every Expr for the whole process, and destroying a
  // million-node DAG at exit would only cost time.
  static auto* t = new std::unordered_set<const Node*, NodeHash, NodeEqual>();
  return *t;
}

}  // namespace

std::uint64_t symbol_bit(const std::string& name) {
  return std::uint64_t{1} << (std::hash<std::string>{}(name) & 63);
}

const Node* intern(Node&& n) {
  n.hash = structural_hash(n);
  auto& t = table();
  if (auto it = t.find(&n); it != t.end()) return *it;
  if (n.kind == Kind::Symbol) n.symbols = symbol_bit(n.name);
  for (Expr e : n.ops) n.symbols |= e.node()->symbols;
  for (Expr e : n.exps) n.symbols |= e.node()->symbols;
  // A sum depends on every x_k through its x_n: no symbol can be ruled out by the filter.
  if (n.kind == Kind::Call && is_sum_function(n.function)) n.symbols = ~std::uint64_t{0};
  charge_new_node();  // the per-statement size limit; throws before anything is stored
  const Node* stored = new Node(std::move(n));
  t.insert(stored);
  return stored;
}

std::size_t interned_count() { return table().size(); }

}  // namespace ddx
