// SPDX-License-Identifier: GPL-3.0-or-later
// A stable sort for the short lists of a hot path: a few items by insertion (no buffer to
// allocate, as std::stable_sort would), and a long list only when it is not in order already
// (a long sum and its derivative usually are). Either way, n comparisons on sorted input.
#pragma once

#include <algorithm>
#include <utility>

namespace ddx {

template <class Iterator, class Less>
void stable_sort_few(Iterator first, Iterator last, Less less) {
  if (last - first <= 16) {
    for (Iterator i = first; i != last; ++i)
      for (Iterator j = i; j != first && less(*j, *(j - 1)); --j) std::iter_swap(j, j - 1);
  } else if (!std::is_sorted(first, last, less)) {
    std::stable_sort(first, last, less);
  }
}

}  // namespace ddx
