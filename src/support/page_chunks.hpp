// SPDX-License-Identifier: GPL-3.0-or-later
// Chunks of 64 KiB for the two node pools, the syntax tree's lists (grammar/node_storage.hpp)
// and the expression nodes (core/node.cpp), carved from regions the kernel may back with 2 MiB
// pages where the work is large.
//
// Why: a 1 MB line's syntax tree fills 35 MB of chunks, each page of it written once. On the
// project's virtual machine the first write to a 4 KiB page costs 4 us or more even when mapped
// in bulk (support/fresh_pages.hpp), so the tree's pages cost as much as the grammar's own work;
// a 2 MiB page costs about as much as two small ones (measured: 64 MiB in 4 ms against 80 to
// 120 ms). Such slabs are marked MADV_HUGEPAGE, which the kernel honours where transparent huge
// pages are "always" or "madvise" (Debian's default); elsewhere they are ordinary pages mapped
// a chunk at a time.
//
// A chunk given back is kept for the next take, by either pool: what a line's tree frees as it
// is read becomes the nodes of its answer. The regions are never unmapped: peak memory is what
// both pools ever held at once.
#pragma once

#include <cstddef>

namespace ddx::page_chunks {

inline constexpr std::size_t chunk_bytes = std::size_t{64} << 10;

// A chunk of chunk_bytes, aligned to chunk_bytes, mapped for writing. Safe from any thread.
void* take();
// A hint that about `bytes` of chunks are to be written next (a line's syntax tree): where that
// is more than a few dozen small pages, the next slab opened takes a huge page at once; from
// 8 MiB (a line of some 230 KB), a thread of its own maps in the slabs to be written while the
// grammar writes them. (The host's first touch of guest memory, about 1.2 ms a MB on the project
// machine, was the grammar's time on a 1 MB line when the host was busy: W8's grammar, medians
// of 12 alternating runs, 31.1 ms without, 29.0 with; the slowest, 109 ms and 82.)
void expect(std::size_t bytes);
// Takes back what take() gave.
void give_back(void* chunk);

}  // namespace ddx::page_chunks
