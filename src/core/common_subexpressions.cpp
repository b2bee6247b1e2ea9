// SPDX-License-Identifier: GPL-3.0-or-later
// Common subexpressions (see common_subexpressions.hpp): one walk counts the paths into each
// node, a second rebuilds the roots bottom-up with the shared nodes replaced by names. Both are
// linear in the DAG: each node is visited once.
#include "core/common_subexpressions.hpp"

#include <unordered_map>

#include "core/interrupt.hpp"
#include "core/sums.hpp"

namespace ddx {
namespace {

bool is_leaf(Expr e) { return e.is(Kind::Number) || e.is(Kind::Constant) || e.is(Kind::Symbol); }

class Sharer {
 public:
  Sharer(const std::unordered_set<std::string>& taken, const std::function<bool(Expr)>& always)
      : taken_(taken), always_(always) {}

  void count(Expr e) {
    check_interrupt();
    if (paths_[e.node()]++ > 0 || is_leaf(e) || is_sum(e)) return;
    for_each_child(e, [this](Expr c) { count(c); });
  }

  Expr rebuild(Expr e) {
    if (is_leaf(e)) return e;
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    check_interrupt();
    Expr r = is_sum(e) ? e : map_children(e, [this](Expr c) { return rebuild(c); });
    if (paths_[e.node()] > 1 || (always_ && always_(e))) {
      Expr name = sym(next_name());
      form.temporaries.emplace_back(name, r);
      r = name;
    }
    done_.emplace(e.node(), r);
    return r;
  }

  SharedForm form;

 private:
  std::string next_name() {
    std::string name;
    do name = "t" + std::to_string(++counter_);
    while (taken_.contains(name));
    return name;
  }

  const std::unordered_set<std::string>& taken_;
  const std::function<bool(Expr)>& always_;
  std::unordered_map<const void*, std::size_t> paths_;
  std::unordered_map<const void*, Expr> done_;
  std::size_t counter_ = 0;
};

}  // namespace

SharedForm share_common_subexpressions(std::span<const Expr> roots, const std::unordered_set<std::string>& taken,
                                       const std::function<bool(Expr)>& always) {
  Sharer sharer(taken, always);
  for (Expr r : roots) sharer.count(r);
  for (Expr r : roots) sharer.form.results.push_back(sharer.rebuild(r));
  return std::move(sharer.form);
}

}  // namespace ddx
