// SPDX-License-Identifier: GPL-3.0-or-later
// A stable sort for the short lists of a hot path: a few items by insertion (no buffer to
// allocate, as std::stable_sort would), and a long list only when it is not in order already
// (a long sum and its derivative usually are). Either way, n comparisons on sorted input. A long
// list that is a few items followed by a sorted run (a factor joining a product in order: d/dx of
// sin(sin(...)) 2000 deep builds the product of cosines one factor at a time) has the few placed
// by binary search, where a merge sort would compare n log n times, each comparison itself
// walking down two expressions; a list in strictly descending order (the chain rule lists the
// outer factor first) is reversed.
#pragma once

#include <algorithm>
#include <utility>

namespace ddx {

// The long-list part, out of line: kept out of the constructors it would otherwise swell.
template <class Iterator, class Less>
[[gnu::noinline]] void stable_sort_long(Iterator first, Iterator last, Less less) {
  Iterator const run = std::is_sorted_until(first, last, less);
  if (run == last) return;
  if (run == first + 1 &&
      std::adjacent_find(first, last, [&](auto const& a, auto const& b) { return !less(b, a); }) == last) {
    std::reverse(first, last);  // strictly descending: no equal items whose order could change
    return;
  }
  if (run - first > 16 || !std::is_sorted(run, last, less)) {
    std::stable_sort(first, last, less);
    return;
  }
  // Each of the few, from the last, goes before the first item of the sorted tail not less
  // than it: after what precedes it among equals, as std::stable_sort would put it.
  for (Iterator i = run; i != first;) {
    --i;
    Iterator const to = std::lower_bound(i + 1, last, *i, less);
    std::rotate(i, i + 1, to);
  }
}

template <class Iterator, class Less>
void stable_sort_few(Iterator first, Iterator last, Less less) {
  if (last - first <= 16) {
    for (Iterator i = first; i != last; ++i)
      for (Iterator j = i; j != first && less(*j, *(j - 1)); --j) std::iter_swap(j, j - 1);
  } else {
    stable_sort_long(first, last, less);
  }
}

}  // namespace ddx
