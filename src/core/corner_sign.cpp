// SPDX-License-Identifier: GPL-3.0-or-later
// The sign that differentiation makes (see corner_sign.hpp). Its row is built from sign's in
// function_table.cpp and registered in functions.cpp.
#include "core/corner_sign.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "core/dropped.hpp"
#include "core/functions.hpp"
#include "core/substitute.hpp"

namespace ddx {

CornerError::CornerError()
    : MathError("the slope of abs, relu, max, min or sign at a corner or a jump has no value (d/dx ... at the point "
                "takes a derivative there from both sides)") {}

namespace {
bool corner_signs_made = false;  // (until then no expression can hold one: nothing to look for)
}  // namespace

Expr corner_sign(Expr u) {
  corner_signs_made = true;
  return call(corner_sign_function(), {u});
}

FunctionId typed_function(FunctionId f) {
  static const FunctionId typed_sign = *find_function("sign");
  return f == corner_sign_function() ? typed_sign : f;
}

bool is_corner_sign(Expr e) { return e.is(Kind::Call) && e.function() == corner_sign_function(); }

namespace {


Expr with_typed_signs(Expr e, std::unordered_map<const void*, Expr>& done) {
  if (auto it = done.find(e.node()); it != done.end()) return it->second;
  Expr r = map_children(e, [&](Expr c) { return with_typed_signs(c, done); });
  if (is_corner_sign(r)) r = sign(r.args()[0]);
  done.emplace(e.node(), r);
  return r;
}

// The arguments of e's corner signs (kinds == corner) or typed signs (else).
void sign_arguments(Expr e, bool corner, std::unordered_set<Expr>& found, std::unordered_set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return;
  if (e.is(Kind::Call) && (corner ? is_corner_sign(e) : e.function() == typed_function(corner_sign_function())))
    found.insert(e.args()[0]);
  visit_children(e, [&](Expr c) { sign_arguments(c, corner, found, seen); });
}

}  // namespace

Expr with_signs_unified(Expr e) {
  if (!corner_signs_made || !e.node()->corners) return e;
  std::unordered_set<Expr> corner_args, typed_args;
  std::unordered_set<const void*> seen;
  sign_arguments(e, true, corner_args, seen);
  if (corner_args.empty()) return e;
  seen.clear();
  sign_arguments(e, false, typed_args, seen);
  std::erase_if(typed_args, [&](Expr u) { return !corner_args.contains(u); });
  if (typed_args.empty()) return e;
  std::unordered_map<const void*, Expr> done;
  std::function<Expr(Expr)> unify = [&](Expr x) {
    if (auto it = done.find(x.node()); it != done.end()) return it->second;
    Expr r = map_children(x, unify);
    if (r.is(Kind::Call) && !is_corner_sign(r) && r.function() == typed_function(corner_sign_function()) &&
        typed_args.contains(r.args()[0]))
      r = corner_sign(r.args()[0]);
    done.emplace(x.node(), r);
    return r;
  };
  Expr unified = unify(e);
  std::unordered_set<Expr> left;
  seen.clear();
  sign_arguments(unified, true, left, seen);
  for (Expr u : typed_args)
    if (!left.contains(u)) note_dropped(corner_sign(u));
  return unified;
}

namespace {

// g with each corner sign whose argument is 0 at the point replaced by a symbol of its own (one
// per distinct sign): the slope it stands for, which has no value there.
class CornerChoices {
 public:
  explicit CornerChoices(const std::unordered_map<Expr, Expr>& point) : point_(point) {}
  Expr operator()(Expr g) {
    if (auto it = done_.find(g.node()); it != done_.end()) return it->second;
    Expr r = map_children(g, [this](Expr c) { return (*this)(c); });
    if (is_corner_sign(r) && vanishes(r.args()[0])) {
      r = sym("corner#" + std::to_string(choices.size() + 1));
      choices.push_back(r);
    }
    done_.emplace(g.node(), r);
    return r;
  }
  std::vector<Expr> choices;

 private:
  bool vanishes(Expr u) const {
    try {
      return substitute(u, point_).is_zero();
    } catch (const MathError&) {
      return false;  // (no value at all: substituting g says so)
    }
  }
  const std::unordered_map<Expr, Expr>& point_;
  std::unordered_map<const void*, Expr> done_;
};

// Whether e holds a call for which `wanted` holds.
template <class Wanted>
bool holds_call(Expr e, const Wanted& wanted, std::unordered_set<const void*>& seen) {
  if (e.is(Kind::Call) && wanted(e.function())) return true;
  if (!seen.insert(e.node()).second) return false;
  bool found = false;
  visit_children(e, [&](Expr c) { found = found || holds_call(c, wanted, seen); });
  return found;
}
template <class Wanted>
bool holds_call(Expr e, const Wanted& wanted) {
  if (!e.node()->corners) return false;  // (every function wanted here has corners)
  std::unordered_set<const void*> seen;
  return holds_call(e, wanted, seen);
}

bool is_a_sign(FunctionId f) { return typed_function(f) == typed_function(corner_sign_function()); }

}  // namespace

std::optional<Expr> value_whatever_the_corners(Expr g, const std::unordered_map<Expr, Expr>& point) {
  try {
    return substitute(g, point);
  } catch (const CornerError&) {
  }
  CornerChoices corners(point);
  Expr value = substitute(corners(g), point);
  if (std::any_of(corners.choices.begin(), corners.choices.end(), [&](Expr c) { return depends_on(value, c); }))
    return std::nullopt;
  return value;
}

bool has_sign(Expr e) { return holds_call(e, is_a_sign); }

bool has_corners_or_jumps(FunctionId f) { return function_info(f).corners; }

bool has_corners_or_jumps(Expr e) { return holds_call(e, [](FunctionId f) { return has_corners_or_jumps(f); }); }

Expr with_corner_signs(Expr e) {
  if (!has_sign(e)) return e;
  std::unordered_map<const void*, Expr> done;
  std::function<Expr(Expr)> cornered = [&](Expr x) {
    if (auto it = done.find(x.node()); it != done.end()) return it->second;
    Expr r = map_children(x, cornered);
    if (r.is(Kind::Call) && !is_corner_sign(r) && r.function() == typed_function(corner_sign_function()))
      r = corner_sign(r.args()[0]);
    done.emplace(x.node(), r);
    return r;
  };
  return cornered(e);
}

bool has_corner_sign(Expr e) {
  return holds_call(e, [](FunctionId f) { return f == corner_sign_function(); });
}

Expr with_typed_signs(Expr e) {
  if (!has_corner_sign(e)) return e;
  std::unordered_map<const void*, Expr> done;
  return with_typed_signs(e, done);
}

}  // namespace ddx
