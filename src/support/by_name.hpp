// SPDX-License-Identifier: GPL-3.0-or-later
// Tables keyed by a name, looked up by string_view without building a std::string (the resolver
// asks them for every word of every statement).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace ddx {

// The hash of a name: FNV-1a, its high half folded into the low one. A name is a few characters,
// for which this costs a few instructions a byte and std::hash (a call into libstdc++'s murmur)
// several times that: the resolver hashes every word of every statement, some five times.
inline std::size_t name_hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
  return static_cast<std::size_t>(h ^ (h >> 32));
}

struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return name_hash(s); }
};

template <class Value>
using ByName = std::unordered_map<std::string, Value, NameHash, std::equal_to<>>;
using NameSet = std::unordered_set<std::string, NameHash, std::equal_to<>>;

}  // namespace ddx
