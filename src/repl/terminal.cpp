// SPDX-License-Identifier: GPL-3.0-or-later
// Colour, caret errors, SIGINT and continuation for the REPL (see terminal.hpp). The signal
// handler only touches lock-free atomics and calls async-signal-safe functions.
#include "repl/terminal.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>

#include "core/interrupt.hpp"
#include "print/code_points.hpp"

namespace ddx {
namespace {

bool g_colour = false;
std::atomic<bool> g_interactive{false};
std::atomic<bool> g_pending{false};    // a Ctrl-C not yet seen by the line reader
std::atomic<bool> g_seen{false};       // any Ctrl-C at all
std::atomic<bool> g_computing{false};
std::atomic<int> g_presses{0};         // Ctrl-C presses during the current computation

void on_sigint(int) {
  g_pending.store(true);
  g_seen.store(true);
  if (!g_computing.load()) return;
  request_interrupt();
  // A computation that does not poll the flag must still be stoppable.
  int limit = g_interactive.load() ? 3 : 2;
  if (g_presses.fetch_add(1) + 1 >= limit) {
    static const char msg[] = "\nddx: stopped\n";
    ssize_t ignored = ::write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)ignored;
    _exit(130);
  }
}


}  // namespace

void set_colour(bool on) { g_colour = on; }
bool colour() { return g_colour; }

std::string paint(std::string_view sgr, std::string_view text) {
  if (!g_colour) return std::string(text);
  std::string s = "\x1b[";
  s += sgr;
  s += 'm';
  s += text;
  s += "\x1b[0m";
  return s;
}

std::string caret_error(std::string_view line, const Outcome& o) {
  // The terminal has echoed ^C without a newline.
  if (o.message == "interrupted") return "\n" + paint("1;33", "interrupted") + "\n";
  std::string s;
  // A column past the end of the line is allowed: errors at the end point one past it.
  if (o.column > 0 && o.column <= code_points(line) + 1 && line.find('\n') == std::string_view::npos) {
    s += "  ";
    s += line;
    s += "\n  ";
    s += std::string(o.column - 1, ' ');
    s += paint("1;31", "^");
    s += '\n';
  }
  s += paint("1;31", "error:");
  s += ' ';
  s += o.message;
  s += '\n';
  return s;
}

void install_sigint_handler(bool interactive) {
  g_interactive.store(interactive);
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocked read returns EINTR
  sigaction(SIGINT, &sa, nullptr);
}

bool take_sigint() { return g_pending.exchange(false); }
bool sigint_seen() { return g_seen.load(); }

void begin_computation() {
  clear_interrupt();
  g_pending.store(false);
  g_presses.store(0);
  g_computing.store(true);
}

void end_computation() {
  g_computing.store(false);
  clear_interrupt();
  g_pending.store(false);
}

bool needs_continuation(std::string_view line) {
  std::string_view code = line.substr(0, line.find('#'));
  while (!code.empty() && (code.back() == ' ' || code.back() == '\t' || code.back() == '\r')) code.remove_suffix(1);
  return !code.empty() && code.back() == '\\';
}

}  // namespace ddx
