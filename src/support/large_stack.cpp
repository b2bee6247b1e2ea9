// SPDX-License-Identifier: GPL-3.0-or-later
// run_on_large_stack (see large_stack.hpp): a joined pthread with a reserved stack.
#include "support/large_stack.hpp"

#include <pthread.h>

#include <exception>

namespace ddx {

void run_on_large_stack(std::size_t stack_bytes, const std::function<void()>& work, void (*on_exit)()) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return work();
  pthread_attr_setstacksize(&attr, stack_bytes);
  struct Job {
    const std::function<void()>* work;
    void (*on_exit)();
    std::exception_ptr error;
  } job{&work, on_exit, nullptr};
  auto body = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    try {
      (*j->work)();
    } catch (...) {
      j->error = std::current_exception();
    }
    if (j->on_exit) j->on_exit();
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
