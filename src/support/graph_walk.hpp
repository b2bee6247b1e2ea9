// SPDX-License-Identifier: GPL-3.0-or-later
// A depth-first walk that finishes each node after the nodes it leads to, without recursing: the
// graphs walked (definitions using one another) may be chains longer than any stack is deep.
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace ddx {

// From each of `roots`: open(key) gives the frame of the node `key` names, or nullopt for a node
// not to walk (a leaf, one finished before, one met again while it is being walked: the caller
// keeps what it has seen); a frame's `edges` (keys) lead on, and finish(frame) is called once each
// of them has been walked.
template <class Key, class Roots, class Open, class Finish>
void walk_after_successors(const Roots& roots, Open open, Finish finish) {
  using Frame = typename std::invoke_result_t<Open&, const Key&>::value_type;
  struct Walking {
    Frame frame;
    std::size_t next = 0;
  };
  std::vector<Walking> path;
  for (const Key& root : roots) {
    if (std::optional<Frame> f = open(root)) path.push_back({std::move(*f)});
    while (!path.empty()) {
      Walking& top = path.back();
      if (top.next < std::size(top.frame.edges)) {
        Key key = top.frame.edges[top.next++];
        if (std::optional<Frame> f = open(key)) path.push_back({std::move(*f)});  // (`top` is not used after)
        continue;
      }
      Frame done = std::move(top.frame);
      path.pop_back();
      finish(done);
    }
  }
}

}  // namespace ddx
