// SPDX-License-Identifier: GPL-3.0-or-later
// Every expression an answer holds, visited: what the session marks as reachable before nodes
// are reclaimed (core/node.hpp). An expression missed here would be freed while still in use, so
// each visited structure's size is checked at compile time: a new field fails the build until it
// is visited (or said to hold no expression) here.
#pragma once

#include <functional>

#include "eval/result.hpp"

namespace ddx::eval {

using ExprVisitor = std::function<void(Expr)>;

void for_each_expr(const Value& v, const ExprVisitor& visit);
void for_each_expr(const Result& r, const ExprVisitor& visit);
void for_each_expr(const matrix::Tree& t, const ExprVisitor& visit);
void for_each_expr(const matrix::Shape& s, const ExprVisitor& visit);

}  // namespace ddx::eval
