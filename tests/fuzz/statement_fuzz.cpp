// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target (b): whole statements. Each input is split into lines that one fresh Session
// evaluates in turn (parse, lower, simplify, differentiate); every outcome is then rendered in
// every output format, as the front end would, on a large stack like the front end.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string_view>
#include <thread>
#include <vector>

#include "calculus/simplify.hpp"
#include "core/interrupt.hpp"
#include "core/session_stack.hpp"
#include "core/statement_limits.hpp"
#include "repl/render.hpp"
#include "repl/session.hpp"

namespace {

// Inputs that are valid but expensive (a 1000th derivative, a big expansion, 100,000 digits of pi)
// would make the fuzzer crawl: each input gets 200 ms (DDX_FUZZ_DEADLINE_MS), enforced through
// the interrupt flag the way --timeout does, by one long-lived thread (a thread per input would
// cost more than most runs).
class Deadline {
 public:
  Deadline() : thread_([this] { watch(); }) { thread_.detach(); }
  void start() {
    ddx::clear_interrupt();
    until_.store(now_ms() + budget_ms_);
  }
  void stop() {
    until_.store(never);
    ddx::clear_interrupt();
  }

 private:
  static constexpr long long never = std::numeric_limits<long long>::max();
  static long long now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
  }
  void watch() {
    for (;;) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      if (now_ms() > until_.load()) ddx::request_interrupt();
    }
  }
  // DDX_FUZZ_DEADLINE_MS overrides the 200 ms (long campaigns use less, to keep the rate up).
  long long budget_ms_ = std::getenv("DDX_FUZZ_DEADLINE_MS") ? std::atoll(std::getenv("DDX_FUZZ_DEADLINE_MS")) : 200;
  std::atomic<long long> until_{never};
  std::thread thread_;
};

Deadline& deadline() {
  static auto* d = new Deadline();  // never destroyed: its thread runs for the whole process
  return *d;
}

std::size_t node_limit() {
  static const std::size_t limit = std::getenv("DDX_FUZZ_NODE_LIMIT")
                                       ? static_cast<std::size_t>(std::atoll(std::getenv("DDX_FUZZ_NODE_LIMIT")))
                                       : ddx::max_statement_nodes;
  return limit;
}

// An answer of millions of printed terms (legal up to ddx::max_printed_terms) takes seconds to
// render five times in an instrumented build; such answers are rendered in text only.
// A chain's lines count too (its `scalar` is the substituted line): a second-order chain through
// a long fuzzed definition printed 8 MB per format, 43 s under ASan (found by the corpus replay).
bool huge(const ddx::Outcome& o) {
  if (o.kind != ddx::Outcome::Kind::Answer) return false;
  const ddx::eval::Result& r = o.result;
  if (const auto* d = std::get_if<ddx::eval::Derivation>(&r.shape))
    return ddx::calc::expr_size(d->chain.filled) + ddx::calc::expr_size(d->chain.substituted) > 200'000;
  return r.value.is_scalar() && ddx::calc::expr_size(r.value.scalar) > 200'000;
}

// The other systems' formats share one emitter and one program writer: each input renders its
// answers in one of them (all six would cut the rate), chosen by the input's length.
void render_elsewhere(const ddx::Outcome& o, std::size_t which) {
  using F = ddx::print::Format;
  static constexpr F others[] = {F::SymPy, F::Maxima, F::Mathematica, F::Python, F::NumPy, F::C};
  try {
    (void)ddx::render_stdout(o, others[which % std::size(others)], 1);
  } catch (const ddx::print::Unprintable&) {  // an abstract function in C: ddx reports it as an error
  }
}

void render_everything(const ddx::Outcome& o, std::size_t which) {
  // A std::exception escaping the algebra is a bug even though the session survives it.
  if (o.kind == ddx::Outcome::Kind::Error && o.message.rfind("internal error", 0) == 0) __builtin_trap();
  if (huge(o)) {
    (void)ddx::render_stdout(o, ddx::print::Format::Text, 1);
  } else {
    // JSON carries the text, latex and code renderings (and the steps rows), which are exactly
    // what --format text|latex|code print for an answer: rendering those again would only halve
    // the rate. Text is still rendered on its own for messages, which JSON frames differently.
    (void)ddx::render_stdout(o, ddx::print::Format::Unicode, 1);
    (void)ddx::render_stdout(o, ddx::print::Format::Json, 1);
    if (o.kind != ddx::Outcome::Kind::Answer) (void)ddx::render_stdout(o, ddx::print::Format::Text, 1);
    render_elsewhere(o, which);
  }
  (void)ddx::render_error(o, "<fuzz>", 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  ddx::run_with_session_stack([&] {
    ddx::Session session;
    while (!input.empty() && !session.quit_requested()) {
      std::size_t nl = input.find('\n');
      std::string_view line = input.substr(0, nl);
      input = nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);
      deadline().start();
      std::vector<ddx::Outcome> outcomes;
      {
        // A tighter node budget than ddx's (which is per statement) keeps long campaigns fast
        // (DDX_FUZZ_NODE_LIMIT).
        ddx::NodeBudget budget(node_limit());
        outcomes = session.eval_line(line);
      }
      // As in ddx, rendering runs outside the computation: no interrupt may reach it (the
      // printers build expressions, whose constructors poll the flag).
      deadline().stop();
      for (const ddx::Outcome& o : outcomes) render_everything(o, size);
      // As ddx does between lines, but after every line: a node freed while the session still
      // holds it shows at once under the sanitizers. It also frees the previous inputs' nodes.
      outcomes.clear();
      session.reclaim_memory(true);
    }
  });
  return 0;
}
