// SPDX-License-Identifier: GPL-3.0-or-later
// The memo of node pairs (core/node_pair_memo.hpp: the differentiator's, compare()'s) against
// std::map: the same answers for pairs remembered in any order, across its growth and after
// clearing.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/node_pair_memo.hpp"
#include "core/expr.hpp"

TEST_CASE("node pair memo: finds what a std::map finds, across growth and clearing") {
  std::vector<ddx::Expr> nodes, vars{ddx::sym("x"), ddx::sym("y"), ddx::sym("z")};
  for (int k = 0; k < 3000; ++k) nodes.push_back(ddx::sym("a" + std::to_string(k)));
  std::mt19937 rng(20261203);
  ddx::NodePairMemo memo;
  std::map<std::pair<const void*, const void*>, ddx::Expr> reference;
  for (int step = 0; step < 40000; ++step) {
    ddx::Expr e = nodes[rng() % nodes.size()], v = vars[rng() % vars.size()];
    auto key = std::make_pair(static_cast<const void*>(e.node()), static_cast<const void*>(v.node()));
    auto it = reference.find(key);
    const ddx::Expr* found = memo.find(e, v);
    REQUIRE((found != nullptr) == (it != reference.end()));
    if (found) {
      CHECK(*found == it->second);
    } else {
      ddx::Expr derivative = nodes[rng() % nodes.size()];
      memo.insert(e, v, derivative);
      reference.emplace(key, derivative);
    }
    CHECK(memo.size() == reference.size());
    if (step == 20000) {  // past several doublings: clearing gives the array back and starts afresh
      CHECK(memo.size() > 1000);
      memo.clear();
      reference.clear();
      CHECK(!memo.contains(e, v));
    }
  }
}
