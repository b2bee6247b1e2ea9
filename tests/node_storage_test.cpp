// SPDX-License-Identifier: GPL-3.0-or-later
// The child lists' storage (grammar/node_storage.hpp) under random use: every block handed out
// is written over whole with a pattern of its own, and the pattern must still be there when it is
// freed, so two blocks that overlap, a block smaller than asked or a block handed out twice fail.
// Blocks cross chunks, the pooled limit and threads.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/node_storage.hpp"

namespace {

namespace storage = ddx::grammar::node_storage;

struct Taken {
    void* nodes;
    std::uint32_t capacity;
    unsigned char mark;
};

Taken take(std::uint32_t capacity, unsigned char mark) {
    Taken t{storage::allocate(capacity), capacity, mark};
    std::memset(t.nodes, mark, capacity * storage::node_bytes);
    return t;
}

bool intact(Taken const& t) {
    auto const* bytes = static_cast<unsigned char const*>(t.nodes);
    for (std::size_t i = 0; i < t.capacity * storage::node_bytes; ++i)
        if (bytes[i] != t.mark) return false;
    return true;
}

// Random takes and frees (about three takes to two frees, now and then everything freed), the
// capacities 1..12 so that some are malloc's. The number of blocks found damaged.
int churn(std::uint32_t seed, int steps, std::vector<Taken>& live) {
    std::mt19937 random(seed);
    int damaged = 0;
    for (int step = 0; step < steps; ++step) {
        auto const roll = random() % 100;
        if (roll < 60 || live.empty()) {
            live.push_back(take(1 + random() % 12, static_cast<unsigned char>(random())));
        } else if (roll < 99) {
            std::size_t const i = random() % live.size();
            if (!intact(live[i])) ++damaged;
            storage::release(live[i].nodes, live[i].capacity);
            live[i] = live.back();
            live.pop_back();
        } else {
            for (Taken const& t : live) {
                if (!intact(t)) ++damaged;
                storage::release(t.nodes, t.capacity);
            }
            live.clear();
        }
    }
    return damaged;
}

int release_all(std::vector<Taken>& live) {
    int damaged = 0;
    for (Taken const& t : live) {
        if (!intact(t)) ++damaged;
        storage::release(t.nodes, t.capacity);
    }
    live.clear();
    return damaged;
}

}  // namespace

TEST_CASE("node storage: random takes and frees never hand out overlapping blocks") {
    for (std::uint32_t seed = 1; seed <= 4; ++seed) {
        CAPTURE(seed);
        std::vector<Taken> live;
        CHECK(churn(seed, 60000, live) == 0);  // tens of chunks, most retired with blocks in use
        CHECK(release_all(live) == 0);
    }
}

TEST_CASE("node storage: a block freed while its chunk is current is taken again") {
    if (!storage::pooled) return;  // under AddressSanitizer every block is malloc's
    void* first = storage::allocate(3);
    storage::release(first, 3);
    void* again = storage::allocate(3);
    CHECK(again == first);
    void* other = storage::allocate(2);  // another capacity: not that block
    CHECK(other != first);
    storage::release(other, 2);
    storage::release(again, 3);
}

TEST_CASE("node storage: blocks outlive the thread that took them and are freed on another") {
    std::vector<Taken> made_there;
    int damaged_there = 0;
    std::thread([&] {
        damaged_there = churn(7, 20000, made_there);  // the thread ends with blocks in use
    }).join();
    CHECK(damaged_there == 0);
    CHECK(!made_there.empty());
    std::vector<Taken> made_here;
    CHECK(churn(8, 20000, made_here) == 0);  // this thread's own blocks meanwhile
    CHECK(release_all(made_there) == 0);
    // Blocks of a running thread freed elsewhere are left in use, never handed out twice.
    std::thread([&] { CHECK(release_all(made_here) == 0); }).join();
    std::vector<Taken> after;
    CHECK(churn(9, 20000, after) == 0);
    CHECK(release_all(after) == 0);
}

TEST_CASE("node storage: a syntax tree built on one thread is whole on another and freed there") {
    using ddx::grammar::Node;
    using ddx::grammar::NodeKind;
    Node tree;
    std::thread([&] {
        tree.kind = NodeKind::Sum;
        for (int k = 0; k < 5000; ++k) {
            Node& term = tree.children.emplace_back();
            term.kind = NodeKind::Product;
            for (int j = 0; j < 1 + k % 9; ++j) term.children.emplace_back().text = "x" + std::to_string(k + j);
        }
    }).join();
    bool whole = true;
    for (int k = 0; k < 5000; ++k) {
        Node const& term = tree.children[static_cast<std::size_t>(k)];
        whole = whole && term.children.size() == static_cast<std::size_t>(1 + k % 9);
        for (int j = 0; j < 1 + k % 9; ++j)
            whole = whole && term.children[static_cast<std::size_t>(j)].text.str() == "x" + std::to_string(k + j);
    }
    CHECK(whole);
    tree = Node{};
}
