// SPDX-License-Identifier: GPL-3.0-or-later
// A fresh, empty directory for one test (a HOME, an export target), removed afterwards.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace ddx_test {

struct TempDir {
  std::filesystem::path dir;
  explicit TempDir(const std::string& prefix) {
    static int counter = 0;
    dir = std::filesystem::temp_directory_path() /
          (prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~TempDir() { std::filesystem::remove_all(dir); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace ddx_test
