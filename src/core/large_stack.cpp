// SPDX-License-Identifier: GPL-3.0-or-later
// run_with_large_stack (see large_stack.hpp): a joined pthread with a 1 GiB reserved stack.
#include "core/large_stack.hpp"

#include <mpfr.h>
#include <pthread.h>

#include <exception>

namespace ddx {

void run_with_large_stack(std::size_t input_size, const std::function<void()>& work) {
  // Nesting needs at least one byte per level, and 256 levels fit any default stack.
  if (input_size < 256) return work();
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return work();
  pthread_attr_setstacksize(&attr, std::size_t{1} << 30);
  struct Job {
    const std::function<void()>* work;
    std::exception_ptr error;
  } job{&work, nullptr};
  auto body = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    try {
      (*j->work)();
    } catch (...) {
      j->error = std::current_exception();
    }
    // MPFR keeps its constant caches (pi, log 2) per thread: free them before the thread ends,
    // or each long line would leak them (found by the fuzzer's leak checker).
    mpfr_free_cache();
    return nullptr;
  };
  pthread_t thread;
  const bool started = pthread_create(&thread, &attr, body, &job) == 0;
  pthread_attr_destroy(&attr);
  if (!started) return work();
  pthread_join(thread, nullptr);
  if (job.error) std::rethrow_exception(job.error);
}

}  // namespace ddx
