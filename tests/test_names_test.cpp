// SPDX-License-Identifier: GPL-3.0-or-later
// doctest_discover_tests cuts a test's name at ';', and the cut name matches no test, so such a
// test "passes" without running (five did). This keeps ';' out of every TEST_CASE name.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

TEST_CASE("no TEST_CASE name contains a semicolon") {
  namespace fs = std::filesystem;
  fs::path tests = fs::path(DDX_TRANSCRIPTS).parent_path();
  std::regex test_case(R"re(TEST_CASE\("([^"]*)")re");
  std::size_t names = 0;
  for (const auto& entry : fs::directory_iterator(tests)) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, test_case)) continue;
      ++names;
      CAPTURE(entry.path().filename().string());
      CHECK(m[1].str().find(';') == std::string::npos);
    }
  }
  CHECK(names > 50);
}
