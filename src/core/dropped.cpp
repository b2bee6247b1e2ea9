// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dropped.hpp"

namespace ddx {

DroppedParts::DroppedParts() : outer_(detail::live_dropped_parts()) { detail::live_dropped_parts() = this; }
DroppedParts::~DroppedParts() { detail::live_dropped_parts() = outer_; }

NotingPaused::NotingPaused() : paused_(detail::live_dropped_parts()) { detail::live_dropped_parts() = nullptr; }
NotingPaused::~NotingPaused() { detail::live_dropped_parts() = paused_; }

}  // namespace ddx
