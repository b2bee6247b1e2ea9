// SPDX-License-Identifier: GPL-3.0-or-later
// run_with_session_stack (see session_stack.hpp): 1 GiB of reserved stack, switched to on this
// thread; under AddressSanitizer (which cannot follow the switch) a thread's, with the signals
// delivered to it and MPFR's caches freed after.
#include "core/session_stack.hpp"

#include <mpfr.h>
#include <pthread.h>
#include <signal.h>

#include "support/large_stack.hpp"
#include "support/sanitizers.hpp"

namespace ddx {

void run_with_session_stack(const std::function<void()>& work) {
  constexpr std::size_t session_stack_bytes = std::size_t{1} << 30;
  if constexpr (!under_address_sanitizer) return run_on_switched_stack(session_stack_bytes, work);
  // A new thread starts with its creator's signal mask: blocked here, every signal goes to the
  // session's thread once it has restored the mask, and none to this one, which only waits.
  struct BlockedHere {  // every signal, until the session's thread has ended
    sigset_t before;
    BlockedHere() {
      sigset_t all;
      sigfillset(&all);
      pthread_sigmask(SIG_BLOCK, &all, &before);
    }
    ~BlockedHere() { pthread_sigmask(SIG_SETMASK, &before, nullptr); }
  } const blocked;
  auto on_session_thread = [&] {
    pthread_sigmask(SIG_SETMASK, &blocked.before, nullptr);
    work();
  };
  // MPFR keeps its constant caches (pi, log 2) per thread: freed before the thread ends, or
  // the fuzzer's leak checker reports them.
  run_on_large_stack(session_stack_bytes, on_session_thread, [] { mpfr_free_cache(); });
}

}  // namespace ddx
