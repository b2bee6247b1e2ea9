// SPDX-License-Identifier: GPL-3.0-or-later
// Where the syntax tree's child lists (ast.hpp's NodeList) keep their nodes. A 1 MB line's tree
// has 300,000 such lists, nearly all of one to eight nodes, made one after another with nothing
// freed between: malloc served each by its general path, a fifth of the grammar's time. Lists of
// up to eight nodes take a block from a 64 KiB chunk instead (support/page_chunks.hpp): the
// thread's current chunk hands them out in order, and takes back what is freed while it is
// current on a free list per capacity. A chunk is given back as soon as its last block is freed
// (unless it is still current), so a tree that is freed term by term as it is read
// (resolve_releasing) gives its memory back as it goes, to become the nodes of the answer.
// Chunks are aligned to their size: a block finds its chunk from its address.
//
// Each thread has its own chunks and neither path locks. A block freed on another thread than
// the one that took it (ddx never does: a line is read, answered and freed on one thread) is
// left where it is, and its chunk is never given back. A thread that ends with blocks still in
// use leaves their chunks to be given back by whichever thread frees their last block.
// Under AddressSanitizer all of this is off, so that it checks every list as malloc's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

#include "support/page_chunks.hpp"
#include "support/sanitizers.hpp"

namespace ddx::grammar::node_storage {

inline constexpr bool pooled = !under_address_sanitizer;

inline constexpr std::size_t node_bytes = 56;       // sizeof(Node), checked in ast.hpp
inline constexpr std::size_t node_alignment = 8;    // at least alignof(Node), checked there too
inline constexpr std::uint32_t pooled_capacity = 8; // larger lists are malloc's
inline constexpr std::size_t chunk_bytes = page_chunks::chunk_bytes;

// A freed block's nodes, on its chunk's free list.
struct FreeBlock {
    FreeBlock* next;
};

// The start of every chunk.
struct Chunk {
    std::uint64_t owner;                       // the id of the thread that took its blocks; 0: ended
    std::uint32_t live;                        // blocks handed out and not freed
    FreeBlock* free[pooled_capacity + 1];      // freed blocks by capacity, while it is current
    Chunk* previous_retired;                   // the thread's chunks that are no longer current
    Chunk* next_retired;                       // and still have blocks in use
};

// One thread's state. Trivial, so the paths below read it with no thread_local wrapper.
struct ThreadBlocks {
    std::uint64_t id;  // 0 until the thread's first chunk
    Chunk* current;
    char* fresh;       // the untouched rest of the current chunk
    char* fresh_end;
    Chunk* retired;    // the newest retired chunk that still has blocks in use
};
inline thread_local ThreadBlocks thread_blocks{};

inline std::size_t block_bytes(std::uint32_t capacity) { return capacity * node_bytes; }
inline Chunk* chunk_of(void* nodes) {
    return reinterpret_cast<Chunk*>(reinterpret_cast<std::uintptr_t>(nodes) & ~(std::uintptr_t{chunk_bytes} - 1));
}

// The slow paths (node_storage.cpp): a block when the current chunk has none for `capacity`
// (it becomes retired and a new chunk current); a block freed into a chunk that is retired or
// not this thread's.
void* take_from_new_chunk(std::uint32_t capacity);
void release_elsewhere(Chunk* chunk);

// Room for `capacity` nodes (not constructed).
inline void* allocate(std::uint32_t capacity) {
    if (!pooled || capacity > pooled_capacity) return ::operator new(std::size_t{capacity} * node_bytes);
    ThreadBlocks& mine = thread_blocks;
    if (Chunk* const chunk = mine.current) {
        if (FreeBlock* const freed = chunk->free[capacity]) {
            chunk->free[capacity] = freed->next;
            ++chunk->live;
            return freed;
        }
        std::size_t const bytes = block_bytes(capacity);
        if (static_cast<std::size_t>(mine.fresh_end - mine.fresh) >= bytes) {
            void* const nodes = mine.fresh;
            mine.fresh += bytes;
            ++chunk->live;
            return nodes;
        }
    }
    return take_from_new_chunk(capacity);
}

// Tells the chunks' source how much a line of `text_bytes` is about to take: some 35 bytes of
// lists a byte of text (a 1 MB line's tree fills 35 MB), so that a long line's chunks come in
// huge pages from the first (support/page_chunks.hpp).
inline void expect_tree_of(std::size_t text_bytes) {
    constexpr std::size_t tree_bytes_per_text_byte = 35;
    if (pooled) page_chunks::expect(text_bytes * tree_bytes_per_text_byte);
}

// Gives back what allocate(capacity) returned (its nodes destroyed); null is ignored.
inline void release(void* nodes, std::uint32_t capacity) {
    if (!nodes) return;
    if (!pooled || capacity > pooled_capacity) return ::operator delete(nodes);
    Chunk* const chunk = chunk_of(nodes);
    if (chunk != thread_blocks.current) return release_elsewhere(chunk);
    auto* const freed = static_cast<FreeBlock*>(nodes);
    freed->next = chunk->free[capacity];
    chunk->free[capacity] = freed;
    --chunk->live;
}

} // namespace ddx::grammar::node_storage
