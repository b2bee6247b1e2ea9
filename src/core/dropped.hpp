// SPDX-License-Identifier: GPL-3.0-or-later
// What simplification takes out of an expression as it is built. The canonical constructors
// (build.cpp) apply identities that hold only where the parts they remove have a value: x/x is 1,
// log(x) - log(x) is 0, sqrt(x)^2 is x, e^log(x) is x, 0 log(x) is 0. A value at a point (`at`)
// notes what its expression loses so, and refuses a point where a lost part has no value: the
// expression as written has none there either.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/expr.hpp"

namespace ddx {

// Receives the notes from construction to destruction (the innermost live one): in `parts`, or
// appended to the list it is given (an at's, an argument's, a curve's own).
class DroppedParts {
 public:
  DroppedParts() : DroppedParts(parts) {}
  explicit DroppedParts(std::vector<Expr>& into);
  ~DroppedParts();
  DroppedParts(const DroppedParts&) = delete;
  DroppedParts& operator=(const DroppedParts&) = delete;
  std::vector<Expr> parts;

 private:
  friend void note_dropped(Expr part);
  friend void note_required(Expr part);
  friend std::vector<Expr>* required_notes();
  std::vector<Expr>& into_;
  DroppedParts* outer_;
};

// No notes while it lives: work that is no part of the expression as written (differentiation, a
// procedure's own algebra) may cancel what it made itself.
class NotingPaused {
 public:
  // keep_required: note_required still reaches the notes paused (see there).
  explicit NotingPaused(bool keep_required = false);
  ~NotingPaused();
  NotingPaused(const NotingPaused&) = delete;
  NotingPaused& operator=(const NotingPaused&) = delete;

 private:
  DroppedParts* paused_;
  DroppedParts* paused_before_;
};

namespace detail {
// The innermost live DroppedParts (one for the program: an inline function's static).
inline DroppedParts*& live_dropped_parts() {
  static DroppedParts* live = nullptr;
  return live;
}
// The DroppedParts the innermost NotingPaused set aside, if any.
inline DroppedParts*& paused_dropped_parts() {
  static DroppedParts* paused = nullptr;
  return paused;
}
}  // namespace detail

// What `work` returns, its notes taken into `into` (an at's, a curve's, a function's own list).
template <class Work>
auto noting_into(std::vector<Expr>& into, Work&& work) {
  DroppedParts noting(into);
  return work();
}

// Whether notes are taken now: the constructors look for what they drop only then (a load and a
// test on their hot paths).
inline bool noting_dropped() { return detail::live_dropped_parts() != nullptr; }
// Into the innermost live DroppedParts, if any.
inline void note_dropped(Expr part) {
  if (DroppedParts* live = detail::live_dropped_parts()) live->into_.push_back(part);
}

// A part that varies taken out by a decimal zero as an expression is built: 0.0 x is 0.0, and
// (1 + 1e-20) x - x, 1e-20 x as written, is 0.0 in doubles. Counted in this thread (a session
// compares the count before and after a statement), for answers worked out from the doubles'
// formula that no reading with the decimals as written checks: critical(x^2 + (1 + 1e-20) x - x
// + 0.5) printed the exact minimum of x^2 + 0.5.
[[gnu::cold]] void note_decimal_zero_took_part();  // (cold: it is rare, and off the constructors' hot paths)
std::uint64_t decimal_zero_took_parts();

// A part the expression as written needs to have a value, noted even while a pause that keeps
// them lives (a procedure whose answer is a derivative's formula: grad, hessian): a derivative's
// function, which must be continuous where the derivative is taken (core/corner_sign.hpp).
void note_required(Expr part);
// The list note_required writes into now, or nullptr: what a piece of work requires is what it
// adds there (a derivative at a point asks what its operand required).
std::vector<Expr>* required_notes();
// Whether note_required is heard now.
inline bool noting_required() { return detail::live_dropped_parts() || detail::paused_dropped_parts(); }

// A requirement with a point put in, to be noted or asked whether it has a value: its value is
// none of an answer's, and a double's underflow in it is not noted (core/float_underflow.hpp;
// grad(x^4) at x = 1e-100 was refused for x^4's 1e-400).
Expr requirement_there(Expr part, const std::unordered_map<Expr, Expr>& point);

// A part with a function's arguments put in (f(x) = x/x, f(0): 1/0, which has none, throws): a
// derivative's formula where it has a value whatever the slope at a corner (value_whatever_the_
// corners: d/dx abs(x)^3 at 0 is 0); a MathError where it has none.
Expr part_at(Expr part, const std::unordered_map<Expr, Expr>& arguments);

// Why the first of `parts` has no value at `point` (the MathError substituting it raises), or
// nullopt when they all have one: x/x is 1, but its 1/x has none at x = 0.
std::optional<std::string> value_missing(std::span<const Expr> parts, const std::unordered_map<Expr, Expr>& point);

}  // namespace ddx
