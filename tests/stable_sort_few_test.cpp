// SPDX-License-Identifier: GPL-3.0-or-later
// stable_sort_few must order exactly as std::stable_sort does, equal keys included: the canonical
// order of every sum and product goes through it. Random lists of every shape it treats apart
// (a few items; sorted; a few items before a sorted run; descending; anything else), with many
// equal keys.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include "support/stable_sort_few.hpp"

TEST_CASE("stable_sort_few orders as std::stable_sort, equal keys in their first order") {
  std::mt19937_64 rng(7);
  auto by_key = [](const std::pair<int, int>& a, const std::pair<int, int>& b) { return a.first < b.first; };
  for (int round = 0; round < 4000; ++round) {
    std::size_t n = static_cast<std::size_t>(rng() % (round % 2 ? 40 : 400));
    int keys = 1 + static_cast<int>(rng() % 30);
    std::vector<std::pair<int, int>> items;  // (key, original position)
    for (std::size_t i = 0; i < n; ++i) items.emplace_back(static_cast<int>(rng() % keys), static_cast<int>(i));
    switch (round % 5) {
      case 0: break;  // anything
      case 4:  // descending, strictly or with equal keys
        std::stable_sort(items.begin(), items.end(), [](auto& a, auto& b) { return a.first > b.first; });
        if (round % 10 == 4) items.erase(std::unique(items.begin(), items.end(), [](auto& a, auto& b) { return a.first == b.first; }), items.end());
        break;
      case 1: std::stable_sort(items.begin(), items.end(), by_key); break;  // sorted
      case 2:  // a few before a sorted run
      case 3: {
        std::size_t few = items.empty() ? 0 : static_cast<std::size_t>(rng() % std::min<std::size_t>(items.size(), 20));
        std::stable_sort(items.begin() + static_cast<long>(few), items.end(), by_key);
        if (round % 5 == 3) std::stable_sort(items.begin(), items.begin() + static_cast<long>(few), by_key);
        break;
      }
    }
    for (std::size_t i = 0; i < items.size(); ++i) items[i].second = static_cast<int>(i);
    auto expected = items;
    std::stable_sort(expected.begin(), expected.end(), by_key);
    ddx::stable_sort_few(items.begin(), items.end(), by_key);
    REQUIRE(items == expected);
  }
}
