// SPDX-License-Identifier: GPL-3.0-or-later
// run_on_large_stack (see large_stack.hpp): a joined pthread with a reserved stack;
// run_on_switched_stack: a reserved stack switched to with the ucontext functions.
#include "support/large_stack.hpp"

#include <pthread.h>
#include <sys/mman.h>
#include <ucontext.h>

#include <cstdint>
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

namespace {

struct Switch {
  ucontext_t caller, callee;
  const std::function<void()>* work;
  std::exception_ptr error;
};

// The first function on the switched stack. makecontext passes int arguments only: the Switch's
// address comes in two halves. An exception must not leave this frame (there is nothing above it
// to unwind into): it is kept and rethrown on the caller's stack.
void switched_entry(unsigned low, unsigned high) {
  auto* s = reinterpret_cast<Switch*>((static_cast<std::uintptr_t>(high) << 32) | low);
  try {
    (*s->work)();
  } catch (...) {
    s->error = std::current_exception();
  }
}  // returning resumes uc_link: the caller

}  // namespace

void run_on_switched_stack(std::size_t stack_bytes, const std::function<void()>& work) {
  constexpr std::size_t guard_bytes = 4096;  // the lowest page: an overflow faults there
  void* stack = mmap(nullptr, stack_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK,
                     -1, 0);
  if (stack == MAP_FAILED) return work();
  Switch s;
  s.work = &work;
  if (mprotect(stack, guard_bytes, PROT_NONE) != 0 || getcontext(&s.callee) != 0) {
    munmap(stack, stack_bytes);
    return work();
  }
  s.callee.uc_stack.ss_sp = stack;
  s.callee.uc_stack.ss_size = stack_bytes;
  s.callee.uc_link = &s.caller;
  auto address = reinterpret_cast<std::uintptr_t>(&s);
  makecontext(&s.callee, reinterpret_cast<void (*)()>(switched_entry), 2, static_cast<unsigned>(address),
              static_cast<unsigned>(address >> 32));
  swapcontext(&s.caller, &s.callee);
  munmap(stack, stack_bytes);
  if (s.error) std::rethrow_exception(s.error);
}

}  // namespace ddx
