// SPDX-License-Identifier: GPL-3.0-or-later
// Golden transcripts: each tests/transcripts/NAME.in is piped into the real ddx binary (batch
// mode); stdout must equal NAME.out. Optional NAME.err holds the expected stderr (none: stderr must
// be empty), NAME.args extra command-line arguments, NAME.status the expected exit status (default 0).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/run_ddx.hpp"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}
}  // namespace

TEST_CASE("golden transcripts") {
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(DDX_TRANSCRIPTS)) {
    if (entry.path().extension() != ".in") continue;
    ++count;
    fs::path base = entry.path();
    base.replace_extension();
    std::string name = base.filename().string();
    CAPTURE(name);
    std::string args;
    if (fs::exists(base.string() + ".args")) args = trimmed(slurp(base.string() + ".args"));
    int expected_status = 0;
    if (fs::exists(base.string() + ".status")) expected_status = std::stoi(slurp(base.string() + ".status"));
    ddx_test::RunResult r = ddx_test::run_ddx(args, slurp(entry.path()));
    CHECK(r.out == slurp(base.string() + ".out"));
    // Without an .err file nothing may reach stderr.
    CHECK(r.err == (fs::exists(base.string() + ".err") ? slurp(base.string() + ".err") : std::string()));
    CHECK(r.status == expected_status);
  }
  CHECK(count > 0);
}
