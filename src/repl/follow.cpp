// SPDX-License-Identifier: GPL-3.0-or-later
// Definitions follow what they were read through. A name's body keeps the defined names it uses
// (y = u^3 follows u by itself), but some bodies take values as they are read: a call of a
// defined function is its body (q = h(x)), a derivative, `at` or sum reads the names' values
// (q = d/dx y), a function's body holds the names' values (f(t) = a t), and an abstract call is
// abstract only until the function is defined (r = g(x)). After a statement changes a name, the
// definitions read through it are read again from their statements, oldest first (so a body is
// read after the ones it reads), each at most once: needing one twice is a cycle through the
// values. If one no longer reads, the statement is undone, as any failed statement.
#include <algorithm>
#include <deque>
#include <string_view>

#include "repl/session.hpp"

namespace ddx {
namespace {

// `from -> ... -> to` through the names each definition was read through, or empty.
std::vector<std::string> read_path(const Definitions& defs, const std::string& from, const std::string& to) {
  ByName<std::string> reached_from;  // a name reached: the definition whose reading reached it
  std::deque<std::string> to_visit{from};
  reached_from.emplace(from, std::string());
  while (!to_visit.empty()) {
    std::string at = std::move(to_visit.front());
    to_visit.pop_front();
    const Definitions::Reading* r = defs.reading(at);
    if (!r) continue;
    for (const std::string& n : r->names) {
      if (n == to) {
        std::vector<std::string> path{to, at};
        while (!reached_from.at(path.back()).empty()) path.push_back(reached_from.at(path.back()));
        std::reverse(path.begin(), path.end());
        return path;
      }
      if (reached_from.emplace(n, at).second) to_visit.push_back(n);
    }
  }
  return {};
}

std::string joined(const std::vector<std::string>& path) {
  std::string text;
  for (const std::string& n : path) text += (text.empty() ? "" : " -> ") + n;
  return text;
}

}  // namespace

std::optional<std::string> Session::follow_changes(const std::string& defined) {
  std::vector<std::string> changed = defs_->take_changed();
  if (std::none_of(changed.begin(), changed.end(), [&](const std::string& n) { return defs_->is_read(n); })) return std::nullopt;
  NameSet read;
  // Oldest first; the list is made again only after a name that others were read through changed.
  std::vector<std::string> stale = defs_->stale();
  for (std::size_t next = 0; next < stale.size();) {
    const std::string name = stale[next++];
    if (name == defined || !read.insert(name).second) {
      std::vector<std::string> cycle = read_path(*defs_, name, name);
      return "'" + name + "' would depend on itself" + (cycle.empty() ? "" : " (" + joined(cycle) + ")") +
             "; the old definitions stay";
    }
    if (auto refused = read_again(name)) return refused;
    if (defs_->is_read(name)) {
      stale = defs_->stale();
      next = 0;
    }
  }
  defs_->take_changed();  // (the names read again: followed already)
  return std::nullopt;
}

// Reads the definition of `name` again from its statement; the reason when it does not read.
std::optional<std::string> Session::read_again(const std::string& name) {
  const std::string statement = defs_->reading(name)->statement;
  auto undone = [&](const std::string& why) {
    return "this changes what " + statement + " means, and " + why + "; the old definitions stay (:clear " + name +
           " first, or define it again after)";
  };
  // `ans` has moved on since: the statement cannot be read as it was.
  if (const auto& names = defs_->reading(name)->names; std::binary_search(names.begin(), names.end(), "ans"))
    return undone("ans is no longer what it was then");
  grammar::ParseOutcome parsed = grammar::parse_line(statement);
  if (!parsed.ok() || parsed.statements.size() != 1) return undone("it no longer reads");  // (it was read once)
  Outcome o = run(parsed.statements.front(), statement);
  if (o.kind == Outcome::Kind::Error) {
    std::string why = o.message;  // (its own "the old definition stays" is said once, below)
    if (constexpr std::string_view stays = "; the old definition stays"; why.ends_with(stays)) why.resize(why.size() - stays.size());
    return undone("it no longer reads: " + why);
  }
  return std::nullopt;
}

}  // namespace ddx
