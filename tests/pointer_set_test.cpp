// SPDX-License-Identifier: GPL-3.0-or-later
// The set of nodes a walk has met (core/pointer_set.hpp) against std::unordered_set: the same
// answers for addresses inserted in any order, many times, across its growth.
#include <doctest/doctest.h>

#include <random>
#include <unordered_set>
#include <vector>

#include "core/pointer_set.hpp"

TEST_CASE("pointer set: insert answers as a std::unordered_set does, across growth") {
  std::vector<long long> storage(20000);  // addresses 8 bytes apart, so alignment bits vary too
  std::mt19937 rng(20261203);
  ddx::PointerSet set;
  std::unordered_set<const void*> reference;
  for (int k = 0; k < 60000; ++k) {
    const void* p = &storage[rng() % storage.size()];
    CHECK(set.insert(p) == reference.insert(p).second);
  }
  CHECK(reference.size() > 10000);
}
