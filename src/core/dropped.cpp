// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dropped.hpp"

#include "core/errors.hpp"
#include "core/substitute.hpp"

namespace ddx {

DroppedParts::DroppedParts(std::vector<Expr>& into) : into_(into), outer_(detail::live_dropped_parts()) {
  detail::live_dropped_parts() = this;
}
DroppedParts::~DroppedParts() { detail::live_dropped_parts() = outer_; }

NotingPaused::NotingPaused() : paused_(detail::live_dropped_parts()) { detail::live_dropped_parts() = nullptr; }
NotingPaused::~NotingPaused() { detail::live_dropped_parts() = paused_; }

std::optional<std::string> value_missing(std::span<const Expr> parts, const std::unordered_map<Expr, Expr>& point) {
  for (Expr part : parts) try {
      substitute(part, point);
    } catch (const MathError& e) {
      return e.what();
    }
  return std::nullopt;
}

}  // namespace ddx
