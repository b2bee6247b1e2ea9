// SPDX-License-Identifier: GPL-3.0-or-later
// The canonical total order on expressions. Structural only (never addresses or hashes), so sums,
// products and printed output are the same from run to run.
#include <algorithm>
#include <cstdint>

#include "core/functions.hpp"
#include "core/node.hpp"
#include "core/node_pair_memo.hpp"

namespace ddx {
namespace {

// An ASCII digit (std::isdigit asks the locale, a call per character).
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Names compare with digit runs as numbers, so x2 < x10 and w_2 < w_11, and an entry's negative
// subscript as the number it is, x_-2 < x_-1 < x_0.
int natural_compare(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  bool negative = false;  // (the digit runs compared next follow a minus in both names)
  while (i < a.size() && j < b.size()) {
    if (a[i] == '-' && b[j] == '-' && i > 0 && a[i - 1] == '_' && j > 0 && b[j - 1] == '_' && i + 1 < a.size() &&
        j + 1 < b.size() && is_digit(a[i + 1]) && is_digit(b[j + 1])) {
      negative = true;
      ++i, ++j;
      continue;
    }
    if (is_digit(a[i]) && is_digit(b[j])) {
      std::size_t i2 = i, j2 = j;
      while (i2 < a.size() && is_digit(a[i2])) ++i2;
      while (j2 < b.size() && is_digit(b[j2])) ++j2;
      std::string_view da(a.data() + i, i2 - i), db(b.data() + j, j2 - j);
      while (da.size() > 1 && da[0] == '0') da.remove_prefix(1);
      while (db.size() > 1 && db[0] == '0') db.remove_prefix(1);
      int const flip = negative ? -1 : 1;
      if (da.size() != db.size()) return flip * (da.size() < db.size() ? -1 : 1);
      if (int c = da.compare(db)) return flip * (c < 0 ? -1 : 1);
      i = i2, j = j2;
      negative = false;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
    ++i, ++j;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

int compare_numbers(const Number& a, const Number& b) {
  if (int c = compare(a, b)) return c;
  return static_cast<int>(a.is_float()) - static_cast<int>(b.is_float());
}

int compare_lists(std::span<const Expr> a, std::span<const Expr> b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i)
    if (int c = compare(a[i], b[i])) return c;
  return (a.size() > b.size()) - (a.size() < b.size());
}

// Comparisons of deep expressions, remembered. compare() walks two expressions down to their
// first difference, so comparing two that are thousands deep costs their depth, and sorting the
// terms of such sums compared the same deep pairs again and again: a function composed with
// itself (f1(t) = sin(t) + t, f_k(t) = f_(k-1)(f_(k-1)(t))) makes sums of 2,048 terms each
// 2,048 deep, and f12(0) took 3 s, all of it in compare(). A pair is remembered, by address, as
// the number -1, 0 or 1, when both of its expressions are at least `deep_height` high and telling
// them apart took more than `long_walk` comparisons (most deep pairs differ near the top:
// remembering those only filled the table); reclaim_unmarked forgets them all.
constexpr std::uint16_t deep_height = 48;
constexpr std::uint64_t long_walk = 32;
// Past this many it starts afresh, so that a long session cannot grow it without bound.
constexpr std::size_t most_remembered = std::size_t{1} << 21;

NodePairMemo& deep_comparisons() {
  static auto* remembered = new NodePairMemo();  // leaked, like the intern table
  return *remembered;
}

// compare() calls so far, to measure a walk's length (the terms two sums share before their first
// difference are walked too).
std::uint64_t comparisons_made = 0;

int compare_nodes(const Node& x, const Node& y);

// compare() of two deep nodes of one kind.
[[gnu::noinline]] int compare_deep(Expr a, Expr b) {
  NodePairMemo& remembered = deep_comparisons();
  if (const Expr* known = remembered.find(a, b)) return static_cast<int>(known->number().to_long());
  std::uint64_t const before = comparisons_made;
  int order = compare_nodes(*a.node(), *b.node());
  if (comparisons_made - before > long_walk) {
    if (remembered.size() >= most_remembered) remembered.clear();
    remembered.insert(a, b, Expr(order));
  }
  return order;
}

}  // namespace

void forget_deep_comparisons() { deep_comparisons().clear(); }
std::size_t remembered_deep_comparisons() { return deep_comparisons().size(); }

int compare(Expr a, Expr b) {
  // Two calls of one function on one argument each order as their arguments: a chain of them
  // (sin(sin(...)) 2000 deep) is walked down in a loop, not a recursion per level.
  ++comparisons_made;
  while (a != b && a.is(Kind::Call) && b.is(Kind::Call) && a.function() == b.function() && a.args().size() == 1 &&
         b.args().size() == 1) {
    a = a.args()[0];
    b = b.args()[0];
  }
  if (a == b) return 0;
  const Node& x = *a.node();
  const Node& y = *b.node();
  if (x.kind != y.kind) return x.kind < y.kind ? -1 : 1;
  if (x.height >= deep_height && y.height >= deep_height) return compare_deep(a, b);
  return compare_nodes(x, y);
}

namespace {

// compare() of two distinct nodes of one kind.
[[gnu::always_inline]] inline int compare_nodes(const Node& x, const Node& y) {
  switch (x.kind) {
    case Kind::Number: return compare_numbers(x.number, y.number);
    case Kind::Constant: return (x.id > y.id) - (x.id < y.id);
    case Kind::Symbol: return natural_compare(x.name(), y.name());
    case Kind::Call:
    case Kind::Derivative: {
      if (x.function != y.function)
        if (int c = natural_compare(function_info(x.function).name, function_info(y.function).name)) return c;
      if (int c = compare_lists(x.ops(), y.ops())) return c;
      if (!std::ranges::equal(x.indices(), y.indices()))
        return std::ranges::lexicographical_compare(x.indices(), y.indices()) ? -1 : 1;
      return (x.function > y.function) - (x.function < y.function);
    }
    case Kind::Pow: return compare_lists(x.ops(), y.ops());
    case Kind::Mul: {
      std::size_t n = std::min(x.ops().size(), y.ops().size());
      for (std::size_t i = 0; i < n; ++i) {
        if (int c = compare(x.ops()[i], y.ops()[i])) return c;
        if (int c = compare(x.exps()[i], y.exps()[i])) return c;
      }
      if (x.ops().size() != y.ops().size()) return x.ops().size() < y.ops().size() ? -1 : 1;
      return compare_numbers(x.number, y.number);
    }
    case Kind::Add: {
      std::size_t n = std::min(x.ops().size(), y.ops().size());
      for (std::size_t i = 0; i < n; ++i) {
        if (int c = compare(x.ops()[i], y.ops()[i])) return c;
        if (int c = compare_numbers(x.coeffs()[i], y.coeffs()[i])) return c;
      }
      if (x.ops().size() != y.ops().size()) return x.ops().size() < y.ops().size() ? -1 : 1;
      return compare_numbers(x.number, y.number);
    }
  }
  return 0;
}

}  // namespace
}  // namespace ddx
