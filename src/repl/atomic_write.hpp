// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a whole file so that readers see the old contents or the new, never a part: a temporary
// file beside it, flushed, then renamed over it. A failed or interrupted write leaves the old
// file as it was.
#pragma once

#include <optional>
#include <string>

namespace ddx {

// nullopt on success; otherwise why not, in words ("cannot write 'x.svg': No space left on device").
std::optional<std::string> write_atomically(const std::string& path, const std::string& contents);

// Why files cannot be created at `path` (its folder missing or not writable), or nullopt.
std::optional<std::string> unwritable_folder(const std::string& path);

}  // namespace ddx
