// SPDX-License-Identifier: GPL-3.0-or-later
// The chunks both node pools are carved from (support/page_chunks.hpp): every chunk handed out is
// aligned, written over whole with a pattern of its own that must still be there when it is given
// back (so chunks that overlap, or one handed out twice, fail), and memory given back in whole
// slabs leaves the resident set.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

#include <unistd.h>

#include "support/page_chunks.hpp"
#include "support/sanitizers.hpp"

namespace {

namespace chunks = ddx::page_chunks;

struct TakenChunk {
    void* chunk;
    unsigned char mark;
};

TakenChunk take_marked(unsigned char mark) {
    TakenChunk t{chunks::take(), mark};
    std::memset(t.chunk, mark, chunks::chunk_bytes);
    return t;
}

bool chunk_intact(TakenChunk const& t) {
    auto const* bytes = static_cast<unsigned char const*>(t.chunk);
    for (std::size_t i = 0; i < chunks::chunk_bytes; i += 97)
        if (bytes[i] != t.mark) return false;
    return bytes[chunks::chunk_bytes - 1] == t.mark;
}

bool aligned(void* chunk) { return reinterpret_cast<std::uintptr_t>(chunk) % chunks::chunk_bytes == 0; }

// Random takes and gives (more takes than gives, now and then everything given back), with the
// large-work hint switched on and off: returns whether every chunk was aligned and chunk_intact.
bool random_use(unsigned seed, int steps) {
    std::mt19937 random(seed);
    std::vector<TakenChunk> held;
    bool ok = true;
    for (int step = 0; step < steps; ++step) {
        unsigned const roll = random() % 100;
        if (roll < 3) {
            chunks::expect(random() % 2 ? std::size_t{8} << 20 : 100);
        } else if (roll < 5) {
            for (TakenChunk const& t : held) {
                ok = ok && chunk_intact(t);
                chunks::give_back(t.chunk);
            }
            held.clear();
        } else if (roll < 60 || held.empty()) {
            held.push_back(take_marked(static_cast<unsigned char>(random())));
            ok = ok && aligned(held.back().chunk);
        } else {
            std::size_t const i = random() % held.size();
            ok = ok && chunk_intact(held[i]);
            chunks::give_back(held[i].chunk);
            held[i] = held.back();
            held.pop_back();
        }
    }
    for (TakenChunk const& t : held) {
        ok = ok && chunk_intact(t);
        chunks::give_back(t.chunk);
    }
    chunks::expect(0);
    return ok;
}

long resident_bytes() {
    long size = 0, resident = 0;
    if (std::FILE* statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%ld %ld", &size, &resident) != 2) resident = 0;
        std::fclose(statm);
    }
    return resident * sysconf(_SC_PAGESIZE);
}

}  // namespace

TEST_CASE("page chunks: aligned, distinct and chunk_intact under random use, with and without the hint") {
    CHECK(random_use(1, 4000));
    CHECK(random_use(2, 4000));
}

TEST_CASE("page chunks: threads take and give back at once") {
    bool ok[3] = {};
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < 3; ++i) threads.emplace_back([&ok, i] { ok[i] = random_use(10 + i, 1500); });
    for (std::thread& t : threads) t.join();
    CHECK(ok[0]);
    CHECK(ok[1]);
    CHECK(ok[2]);
}

// (Under AddressSanitizer chunks are malloc's, which holds what is freed in quarantine: these two
// are the mapped regions' properties.)
TEST_CASE("page chunks: a chunk given back is taken again before fresh memory") {
    if constexpr (ddx::under_address_sanitizer) return;
    void* const first = chunks::take();
    chunks::give_back(first);
    void* const again = chunks::take();
    CHECK(again == first);
    chunks::give_back(again);
}

TEST_CASE("page chunks: slabs given back whole leave the resident set") {
    if constexpr (ddx::under_address_sanitizer) return;
    constexpr std::size_t count = 1024;  // 64 MiB
    chunks::expect(count * chunks::chunk_bytes);
    std::vector<TakenChunk> held;
    for (std::size_t i = 0; i < count; ++i) held.push_back(take_marked(static_cast<unsigned char>(i)));
    long const full = resident_bytes();
    for (TakenChunk const& t : held) chunks::give_back(t.chunk);
    chunks::expect(0);
    long const emptied = resident_bytes();
    INFO("resident with the chunks " << full << ", after giving them back " << emptied);
    CHECK(full - emptied >= 48L << 20);
}
