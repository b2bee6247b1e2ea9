// SPDX-License-Identifier: GPL-3.0-or-later
// The thread a session runs on. Every stage after the grammar (resolving, evaluating,
// differentiating, printing) recurses as deep as the expression it walks, and an expression may
// be max_expression_height deep however short the line that asks about it (definitions
// substituted into one another stack their depths): more than a default 8 MB stack holds, above
// all under the sanitizers. A reserved stack costs only the pages actually touched.
#pragma once

#include <functional>

namespace ddx {

// Runs `work` with 1 GiB of reserved stack and rethrows whatever it throws: on the calling
// thread (its stack switched), or under AddressSanitizer on a thread of its own, to which every
// signal then goes (Ctrl-C reaches readline there) while the caller only waits.
void run_with_session_stack(const std::function<void()>& work);

}  // namespace ddx
