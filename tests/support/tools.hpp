// SPDX-License-Identifier: GPL-3.0-or-later
// Tests that need an external tool (tmux, pdflatex, node). Where the tool is missing, the test is
// skipped with a message on a developer's machine, but fails under CI=true: a CI run that passes
// only because it tested nothing would hide a broken set-up.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

namespace ddx_test {

inline bool have_tool(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// True when `tool` is installed. Otherwise a failure under CI=true, else a message; false.
inline bool require_tool(const std::string& tool, const std::string& package) {
  if (have_tool(tool)) return true;
  const char* ci = std::getenv("CI");
  const std::string missing = tool + " is not installed (bash .ci/deps installs " + package + ")";
  if (ci && std::string(ci) == "true") {
    const std::string failure = missing + ": required under CI=true";
    FAIL_CHECK(failure);
  } else {
    const std::string skipped = missing + ": skipped";
    MESSAGE(skipped);
  }
  return false;
}

}  // namespace ddx_test
