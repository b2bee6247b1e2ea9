// SPDX-License-Identifier: GPL-3.0-or-later
// The sign that differentiation makes (see corner_sign.hpp). Its row is built from sign's in
// function_table.cpp and registered in functions.cpp.
#include "core/corner_sign.hpp"

#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "core/dropped.hpp"
#include "core/functions.hpp"

namespace ddx {

CornerError::CornerError()
    : MathError("a derivative's sign(0) has no value: it stands for the slope of abs, relu, max or min at a corner, "
                "where there is none (d/dx ... at the point takes the derivative from both sides)") {}

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

bool has_corner_sign(Expr e, std::unordered_set<const void*>& seen) {
  if (is_corner_sign(e)) return true;
  if (!seen.insert(e.node()).second) return false;
  bool found = false;
  visit_children(e, [&](Expr c) { found = found || has_corner_sign(c, seen); });
  return found;
}

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
  if (!corner_signs_made) return e;
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

bool has_corner_sign(Expr e) {
  std::unordered_set<const void*> seen;
  return has_corner_sign(e, seen);
}

Expr with_typed_signs(Expr e) {
  if (!has_corner_sign(e)) return e;
  std::unordered_map<const void*, Expr> done;
  return with_typed_signs(e, done);
}

}  // namespace ddx
