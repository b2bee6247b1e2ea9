// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real ddx binary (DDX_BINARY) with given arguments and stdin; captures stdout, stderr
// and the exit status. Used by the transcript and command-line tests.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ddx_test {

struct RunResult {
  std::string out, err;
  int status = -1;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `args` is a shell fragment (quoted as needed); stdin comes from `input`.
inline RunResult run_ddx(const std::string& args, const std::string& input) {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("ddx_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::create_directories(dir);
  {
    std::ofstream in(dir / "in", std::ios::binary);
    in << input;
  }
  std::string cmd = std::string("cd '") + dir.string() + "' && NO_COLOR=1 HOME='" + dir.string() + "' '" + DDX_BINARY + "' " + args +
                    " < in > out 2> err";
  int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(dir / "out");
  r.err = read_file(dir / "err");
  fs::remove_all(dir);
  return r;
}

}  // namespace ddx_test
