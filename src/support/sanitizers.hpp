// SPDX-License-Identifier: GPL-3.0-or-later
// Whether this build runs under AddressSanitizer, for the few places that must step aside for it:
// memory pooled out of its sight hides the errors it looks for, and it cannot follow a stack
// switched to by swapcontext.
#pragma once

namespace ddx {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool under_address_sanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool under_address_sanitizer = true;
#else
inline constexpr bool under_address_sanitizer = false;
#endif
#else
inline constexpr bool under_address_sanitizer = false;
#endif

}  // namespace ddx
