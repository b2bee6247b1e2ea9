// SPDX-License-Identifier: GPL-3.0-or-later
// Mapping memory that is about to be written whole in one system call, instead of one page
// fault per page as it is first touched.
#pragma once

#include <cstddef>

namespace ddx {

// Maps in the whole pages of [begin, begin + bytes) for writing (MADV_POPULATE_WRITE, Linux
// 5.14). For memory the caller will write from end to end soon: a node chunk, a table it is
// about to fill. Where the pages are mapped already, or the kernel does not know the call, it
// changes nothing.
//
// Why: on virtual machines whose guest page tables are shadowed by the host, a page fault is
// dear. Measured on the project machine: a fault costs 9 us a page, mapping in bulk 0.5 us and
// the first write after it 4 us (W7 10000 touches some 1,800 fresh pages in 62 ms). Where
// faults are cheap (about 0.2 us on bare metal) this saves little and costs little.
void map_pages_for_writing(void* begin, std::size_t bytes);

// Maps in what malloc's heap (the program break) has grown by since the last call: malloc takes
// its next allocations from there. Called between statements, so that a batch of short lines
// takes fresh heap in bulk rather than a fault a page (W5 50: 2,550 lines, some 120 pages), and
// as expression nodes are stored, for a large statement's own growth. One call whose memory is
// mapped already costs a comparison (glibc keeps the break: reading it is no system call).
void map_heap_growth_for_writing();

}  // namespace ddx
