// SPDX-License-Identifier: GPL-3.0-or-later
// Substitution, free symbols and dependency tests (see substitute.hpp). Every walk is memoised on
// node addresses because differentiation produces DAGs whose tree size can be exponential.
#include "core/substitute.hpp"

#include <unordered_set>

namespace ddx {
namespace {

class Substituter {
 public:
  explicit Substituter(const std::unordered_map<Expr, Expr>& s) : s_(s) {}
  Expr operator()(Expr e) {
    if (auto it = s_.find(e); it != s_.end()) return it->second;
    if (e.is(Kind::Number) || e.is(Kind::Constant) || e.is(Kind::Symbol)) return e;
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    Expr r = map_children(e, [this](Expr c) { return (*this)(c); });
    done_.emplace(e.node(), r);
    return r;
  }

 private:
  const std::unordered_map<Expr, Expr>& s_;
  std::unordered_map<const void*, Expr> done_;
};

void collect_symbols(Expr e, std::unordered_set<const void*>& seen, std::vector<Expr>& out) {
  if (!seen.insert(e.node()).second) return;
  if (e.is(Kind::Symbol)) out.push_back(e);
  for_each_child(e, [&](Expr c) { collect_symbols(c, seen, out); });
}

bool find_symbol(Expr e, Expr var, std::unordered_set<const void*>& seen) {
  if (e == var) return true;
  if (!seen.insert(e.node()).second) return false;
  bool found = false;
  for_each_child(e, [&](Expr c) { found = found || find_symbol(c, var, seen); });
  return found;
}

}  // namespace

Expr substitute(Expr e, const std::unordered_map<Expr, Expr>& s) {
  if (s.empty()) return e;
  return Substituter(s)(e);
}

std::vector<Expr> free_symbols(Expr e) {
  std::unordered_set<const void*> seen;
  std::vector<Expr> out;
  collect_symbols(e, seen, out);
  std::sort(out.begin(), out.end(), ExprLess{});
  return out;
}

bool depends_on(Expr e, Expr var) {
  std::unordered_set<const void*> seen;
  return find_symbol(e, var, seen);
}

}  // namespace ddx
