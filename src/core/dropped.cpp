// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dropped.hpp"

#include "core/corner_sign.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/substitute.hpp"

namespace ddx {

DroppedParts::DroppedParts(std::vector<Expr>& into) : into_(into), outer_(detail::live_dropped_parts()) {
  detail::live_dropped_parts() = this;
}
DroppedParts::~DroppedParts() { detail::live_dropped_parts() = outer_; }

NotingPaused::NotingPaused(bool keep_required)
    : paused_(detail::live_dropped_parts()), paused_before_(detail::paused_dropped_parts()) {
  detail::paused_dropped_parts() = !keep_required ? nullptr : paused_ ? paused_ : paused_before_;
  detail::live_dropped_parts() = nullptr;
}
NotingPaused::~NotingPaused() {
  detail::live_dropped_parts() = paused_;
  detail::paused_dropped_parts() = paused_before_;
}

namespace {
thread_local std::uint64_t decimal_zero_parts = 0;
}  // namespace

void note_decimal_zero_took_part() { ++decimal_zero_parts; }
std::uint64_t decimal_zero_took_parts() { return decimal_zero_parts; }

std::vector<Expr>* required_notes() {
  DroppedParts* into = detail::live_dropped_parts();
  if (!into) into = detail::paused_dropped_parts();
  return into ? &into->into_ : nullptr;
}

void note_required(Expr part) {
  if (std::vector<Expr>* into = required_notes()) into->push_back(part);
}

Expr requirement_there(Expr part, const std::unordered_map<Expr, Expr>& point) {
  UnderflowsUnnoted asked_only;
  return substitute(part, point);
}

Expr part_at(Expr part, const std::unordered_map<Expr, Expr>& arguments) { return value_there(part, arguments); }

std::optional<std::string> value_missing(std::span<const Expr> parts, const std::unordered_map<Expr, Expr>& point) {
  for (Expr part : parts) try {
      if (!has_value_there(part, point)) {
        if (is_edge_requirement(part)) return edge_of_domain();
        throw CornerError();
      }
    } catch (const MathError& e) {
      return e.what();
    }
  return std::nullopt;
}

}  // namespace ddx
