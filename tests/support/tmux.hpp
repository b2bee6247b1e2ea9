// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the real ddx binary in a real terminal: a private tmux server per session (its own
// socket, no config), keys sent with send-keys, the screen read with capture-pane. Every wait
// polls the screen with a deadline, so a test never sleeps longer than it must.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

namespace ddx_test {


// Single quotes for sh.
inline std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string capture(const std::string& cmd) {
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

class TmuxSession {
 public:
  // Starts `ddx ARGS` in a 100x30 terminal with HOME and XDG_STATE_HOME under `state_dir`.
  TmuxSession(const std::filesystem::path& state_dir, const std::string& args = "", const std::string& env = "") {
    static int counter = 0;
    socket_ = "ddx_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    std::string cmd = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 INPUTRC=/dev/null HOME=" + sh_quote(state_dir.string()) +
                      " XDG_STATE_HOME=" + sh_quote((state_dir / "state").string()) + " " + env + " " +
                      sh_quote(DDX_BINARY) + " " + args + "; echo '[exit '$?']'; sleep 30";
    tmux("new-session -d -s ddx -x 100 -y 30 " + sh_quote(cmd));
  }
  ~TmuxSession() { tmux("kill-server"); }
  TmuxSession(const TmuxSession&) = delete;
  TmuxSession& operator=(const TmuxSession&) = delete;

  void type(const std::string& text) { tmux("send-keys -t ddx -l " + sh_quote(text)); }
  // tmux key names: Enter, Tab, Up, C-c, C-d ...
  void key(const std::string& name) { tmux("send-keys -t ddx " + name); }
  std::string screen() { return capture(base() + " capture-pane -p -t ddx 2>/dev/null"); }

  // Polls until the screen contains `needle` (true) or the deadline passes (false).
  bool wait_for(const std::string& needle, double seconds = 3.0) { return wait_until(needle, 1, seconds); }
  // Polls until `needle` occurs at least `count` times.
  bool wait_until(const std::string& needle, std::size_t count, double seconds = 3.0) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    do {
      if (occurrences(screen(), needle) >= count) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
  }
  static std::size_t occurrences(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
    return n;
  }

 private:
  std::string base() const { return "tmux -f /dev/null -L " + socket_; }
  void tmux(const std::string& args) { (void)std::system((base() + " " + args + " >/dev/null 2>&1").c_str()); }
  std::string socket_;
};

}  // namespace ddx_test
