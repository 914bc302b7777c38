// Work run beside the calling thread when a thread can be had, else on it: the one fallback
// for the loader's and the generators' second threads.
#pragma once
#include <cstddef>
#include <future>
#include <system_error>

namespace casebook::core {

/// Starts `task` (a callable taking nothing, copied: capture by reference) on another thread
/// and returns its future. When no thread can be started (std::async throws
/// std::system_error: a process limit), runs it here, now, and returns an empty future. Wait
/// with finish_beside.
template <typename Task>
[[nodiscard]] std::future<void> start_beside(const Task& task) {
  try {
    return std::async(std::launch::async, task);
  } catch (const std::system_error&) {
    task();
    return {};
  }
}

/// Waits for a task of start_beside (nothing when it ran on the calling thread) and rethrows
/// what it threw (std::bad_alloc).
inline void finish_beside(std::future<void>& started) {
  if (started.valid()) started.get();
}

/// Calls fill(begin, end) over [0, n): when `two`, for [n / 2, n) beside (start_beside) while
/// [0, n / 2) runs here, else once for the whole range here. The two calls must touch
/// disjoint state.
template <typename Fill>
void in_two_halves(std::size_t n, bool two, const Fill& fill) {
  if (!two) {
    fill(std::size_t{0}, n);
    return;
  }
  auto later = start_beside([&] { fill(n / 2, n); });
  fill(std::size_t{0}, n / 2);
  finish_beside(later);
}

}  // namespace casebook::core
