// SPDX-License-Identifier: GPL-3.0-or-later
// The slow paths of node_storage.hpp: new chunks, retired chunks, and a thread's end.
#include "grammar/node_storage.hpp"

#include <atomic>
#include <cstdint>
#include <mutex>

#include "support/page_chunks.hpp"

namespace ddx::grammar::node_storage {
namespace {

// A chunk's blocks start right after its header.
constexpr std::size_t header_bytes = sizeof(Chunk);
static_assert(header_bytes % node_alignment == 0 && node_bytes % node_alignment == 0);

std::atomic<std::uint64_t> last_thread_id{0};
// Guards the chunks of ended threads (owner 0).
std::mutex ended_threads_mutex;

void give_back(Chunk* chunk) { page_chunks::give_back(chunk); }

Chunk* new_chunk() { return static_cast<Chunk*>(page_chunks::take()); }

void start(ThreadBlocks& mine, Chunk* chunk) {
    chunk->owner = mine.id;
    chunk->live = 0;
    for (FreeBlock*& list : chunk->free) list = nullptr;
    chunk->previous_retired = chunk->next_retired = nullptr;
    mine.current = chunk;
    mine.fresh = reinterpret_cast<char*>(chunk) + header_bytes;
    mine.fresh_end = reinterpret_cast<char*>(chunk) + chunk_bytes;
}

void unlink_retired(ThreadBlocks& mine, Chunk* chunk) {
    if (chunk->previous_retired) chunk->previous_retired->next_retired = chunk->next_retired;
    if (chunk->next_retired) chunk->next_retired->previous_retired = chunk->previous_retired;
    if (mine.retired == chunk) mine.retired = chunk->next_retired;
}

// When a thread ends: its chunks with no block in use are given back, the others left to the
// threads that free their blocks.
struct ThreadEnd {
    ~ThreadEnd() {
        ThreadBlocks& mine = thread_blocks;
        std::lock_guard<std::mutex> lock(ended_threads_mutex);
        auto leave = [](Chunk* chunk) {
            if (chunk->live == 0) give_back(chunk);
            else chunk->owner = 0;
        };
        for (Chunk* chunk = mine.retired; chunk;) {
            Chunk* const next = chunk->next_retired;
            leave(chunk);
            chunk = next;
        }
        if (mine.current) leave(mine.current);
        mine = ThreadBlocks{};
    }
};

} // namespace

void* take_from_new_chunk(std::uint32_t capacity) {
    ThreadBlocks& mine = thread_blocks;
    if (mine.id == 0) {
        static thread_local ThreadEnd const at_end;
        (void)at_end;
        mine.id = ++last_thread_id;
    }
    Chunk* chunk = mine.current;
    if (chunk && chunk->live == 0) {
        start(mine, chunk);  // all of it free: used again from its start
    } else {
        if (chunk) {  // retired until its last block is freed
            chunk->next_retired = mine.retired;
            if (mine.retired) mine.retired->previous_retired = chunk;
            mine.retired = chunk;
        }
        start(mine, new_chunk());
    }
    void* const nodes = mine.fresh;
    mine.fresh += block_bytes(capacity);
    ++mine.current->live;
    return nodes;
}

void release_elsewhere(Chunk* chunk) {
    ThreadBlocks& mine = thread_blocks;
    if (mine.id != 0 && chunk->owner == mine.id) {  // one of this thread's retired chunks
        if (--chunk->live == 0) {
            unlink_retired(mine, chunk);
            give_back(chunk);
        }
        return;
    }
    std::lock_guard<std::mutex> lock(ended_threads_mutex);
    if (chunk->owner != 0) return;  // a running thread's: left in use (see node_storage.hpp)
    if (--chunk->live == 0) give_back(chunk);
}

} // namespace ddx::grammar::node_storage
