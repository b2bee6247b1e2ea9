// SPDX-License-Identifier: GPL-3.0-or-later
// The sign that differentiation makes (see corner_sign.hpp). Its row is built from sign's in
// function_table.cpp and registered in functions.cpp.
#include "core/corner_sign.hpp"

#include <unordered_map>
#include <unordered_set>

#include "core/functions.hpp"

namespace ddx {

CornerError::CornerError()
    : MathError("a derivative's sign(0) has no value: it stands for the slope of abs, relu, max or min at a corner, "
                "where there is none (d/dx ... at the point takes the derivative from both sides)") {}

Expr corner_sign(Expr u) { return call(corner_sign_function(), {u}); }

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

}  // namespace

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
