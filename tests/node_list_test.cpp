// SPDX-License-Identifier: GPL-3.0-or-later
// A syntax node's list of children (grammar/ast.hpp's NodeList, 16 bytes where std::vector takes
// 24) against std::vector<Node> under the same random operations: the same nodes in the same
// order, across growth, copies, moves and a node appended from the list itself.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "grammar/ast.hpp"

namespace {

using SyntaxNode = ddx::grammar::Node;
using ddx::grammar::NodeKind;
using ddx::grammar::NodeList;

// A leaf whose text is long enough to live on the heap now and then, so a node moved without its
// text (or copied shallowly) shows up as a wrong or freed text.
SyntaxNode leaf(int k) {
  SyntaxNode n;
  n.kind = NodeKind::Word;
  n.text = (k % 3 == 0 ? "a_name_longer_than_sixteen_" : "w") + std::to_string(k);
  n.span = {static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k + 1)};
  return n;
}

// The texts of a list's nodes and of their children, in order.
template <class List>
std::vector<std::string> texts(List const& list) {
  std::vector<std::string> out;
  for (SyntaxNode const& n : list) {
    out.push_back(n.text.str());
    for (SyntaxNode const& c : n.children) out.push_back("." + c.text.str());
  }
  return out;
}

}  // namespace

TEST_CASE("syntax tree: a node's children hold what a std::vector holds under the same operations") {
  std::mt19937 rng(20261203);
  NodeList list;
  std::vector<SyntaxNode> reference;
  int made = 0;
  for (int step = 0; step < 4000; ++step) {
    switch (rng() % 8) {
      case 0: case 1: case 2: {
        SyntaxNode n = leaf(made++);
        if (rng() % 4 == 0) n.children.push_back(leaf(made++));
        list.push_back(n);
        reference.push_back(n);
        break;
      }
      case 3:  // appending one of its own nodes, while the list may have to grow
        if (!reference.empty()) {
          std::size_t i = rng() % reference.size();
          list.push_back(list[i]);
          reference.push_back(SyntaxNode(reference[i]));
        }
        break;
      case 4: {
        std::size_t size = rng() % (reference.size() + 3);
        list.resize(size);
        reference.resize(size);
        break;
      }
      case 5:
        list.shrink_to_fit();
        CHECK(list.capacity() == list.size());
        break;
      case 6: {
        NodeList copy = list;  // a deep copy: the original goes, the copy stays whole
        list = std::move(copy);
        break;
      }
      case 7:
        list.reserve(list.size() + rng() % 5);
        list.emplace_back().text = "e" + std::to_string(made);
        reference.emplace_back().text = "e" + std::to_string(made++);
        break;
    }
    REQUIRE(list.size() == reference.size());
    CHECK(list.capacity() >= list.size());
  }
  CHECK(texts(list) == texts(reference));
  CHECK(made > 1000);
}

TEST_CASE("syntax tree: a node is 56 bytes, and its derivative order is copied with it") {
  CHECK(sizeof(SyntaxNode) == 56);
  SyntaxNode derivative;
  CHECK(derivative.order() == 0);
  derivative.set_order(7);
  SyntaxNode copy = derivative;
  derivative.set_order(1);
  CHECK(copy.order() == 7);
  CHECK(derivative.order() == 1);
}
