// SPDX-License-Identifier: GPL-3.0-or-later
// Collecting like terms (add) and like factors (mul) into a sorted, duplicate-free list: the
// operands' items are sorted once and merged into the largest operand's already sorted list, so
// x*(long product) costs O(log n) comparisons and no hash table. Private to build.cpp.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "core/expr.hpp"
#include "support/stable_sort_few.hpp"

namespace ddx::detail {

// Scratch lists of a constructor call: in place up to a few entries (most calls have 2-5).
template <class T>
using Scratch = boost::container::small_vector<T, 8>;

template <class V>
struct Item {
  Expr key;
  V value;
  std::size_t source;  // operand order: values of one key combine in that order, as floats require
};

// Merges `items` (any order) into the sorted, duplicate-free run (run_keys, run_values) that came
// from the operand whose source is `run_source` (run may be empty). Equal keys' values are
// combined with `combine` left to right in source order (items of one source in their order),
// exactly as a one-pass accumulation would.
template <class V, class Combine>
Scratch<std::pair<Expr, V>> collect(Scratch<Item<V>>& items, std::span<const Expr> run_keys,
                                        std::span<const V> run_values, std::size_t run_source, Combine combine) {
  stable_sort_few(items.begin(), items.end(), [](const Item<V>& a, const Item<V>& b) {
    int order = compare(a.key, b.key);
    return order < 0 || (order == 0 && a.source < b.source);
  });
  Scratch<std::pair<Expr, V>> out;
  out.reserve(run_keys.size() + items.size());
  std::size_t p = 0;  // next unread run position
  for (std::size_t i = 0; i < items.size();) {
    Expr key = items[i].key;
    std::size_t j = i + 1;
    while (j < items.size() && items[j].key == key) ++j;
    auto at = std::lower_bound(run_keys.begin() + static_cast<std::ptrdiff_t>(p), run_keys.end(), key,
                               [](Expr a, Expr k) { return compare(a, k) < 0; });
    for (auto q = static_cast<std::size_t>(at - run_keys.begin()); p < q; ++p) out.emplace_back(run_keys[p], run_values[p]);
    std::optional<V> v;
    auto fold = [&](const V& x) { v = v ? combine(*v, x) : x; };
    std::size_t g = i;
    for (; g < j && items[g].source < run_source; ++g) fold(items[g].value);
    if (p < run_keys.size() && run_keys[p] == key) fold(run_values[p++]);
    for (; g < j; ++g) fold(items[g].value);
    out.emplace_back(key, std::move(*v));
    i = j;
  }
  for (; p < run_keys.size(); ++p) out.emplace_back(run_keys[p], run_values[p]);
  return out;
}

}  // namespace ddx::detail
