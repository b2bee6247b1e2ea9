// SPDX-License-Identifier: GPL-3.0-or-later
// Definitions follow what they were read through. A name's body keeps the defined names it uses
// (y = u^3 follows u by itself), but some bodies take values as they are read: a call of a
// defined function is its body (q = h(x)), a derivative, `at` or sum reads the names' values
// (q = d/dx y), a function's body holds the names' values (f(t) = a t), and an abstract call is
// abstract only until the function is defined (r = g(x)). After a statement changes a name, the
// definitions read through it are read again from their statements, each after the ones it reads
// (oldest first among those ready), each once, or once more where a name it only now reads
// changed: a name needed again that reads through itself is a cycle through the values. If one no
// longer reads, the statement is undone, as any failed statement.
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
  // Each name is read once, but one that reads another name only once read again (f(z) = g(q),
  // typed before q was defined: after g(z) = z it is f(z) = q, stale again after q) is read once
  // more where no cycle runs through it; the count bounds the work all the same.
  std::size_t more = 0;
  // The list is made again only after a name that others were read through changed.
  std::vector<std::string> stale = defs_->stale();
  const std::size_t most_more = stale.size() + 8;
  while (!stale.empty()) {
    // The oldest whose inputs are all read already, so that a body is read after the ones it reads.
    NameSet waiting(stale.begin(), stale.end());
    auto ready = std::find_if(stale.begin(), stale.end(), [&](const std::string& n) {
      const std::vector<std::string>& inputs = defs_->reading(n)->names;
      return std::none_of(inputs.begin(), inputs.end(), [&](const std::string& i) { return i != n && waiting.contains(i); });
    });
    const std::string name = ready == stale.end() ? stale.front() : *ready;  // (none: a cycle, found below)
    std::vector<std::string> cycle;
    bool again = !read.insert(name).second;
    if (again) cycle = read_path(*defs_, name, name);
    if (name == defined || (again && (!cycle.empty() || ++more > most_more)))
      return "'" + name + "' would depend on itself" + (cycle.empty() ? "" : " (" + joined(cycle) + ")") +
             "; the old definitions stay";
    if (auto refused = read_again(name)) return refused;
    if (defs_->is_read(name))
      stale = defs_->stale();
    else
      stale.erase(std::find(stale.begin(), stale.end(), name));
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
