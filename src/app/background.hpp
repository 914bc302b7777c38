// The one way the app runs long work (export, import, optimize, simulate, and later network
// sync): one computation at a time per job on a worker thread, with progress 0..1, cancel,
// the result or the error handed to the main thread, a wake-up call when something changed
// (so an idle window redraws), and a join when it is replaced or destroyed. No ImGui here.
#pragma once
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "app/views.hpp"

namespace casebook::app {

/// Runs `Work` functions returning `T` on a worker thread. All members are called from one
/// (the UI) thread; the worker only writes the progress, the result and the error, and sets
/// the done flag last, so collect() reads them after the worker has finished.
template <class T>
class BackgroundJob {
 public:
  /// The job: reports progress in [0, 1] through its first argument and should stop (by
  /// throwing) soon after its second argument becomes true.
  using Work = std::function<T(const std::function<void(double)>& progress, const std::atomic<bool>& cancel)>;

  BackgroundJob() = default;
  /// Cancels a running job and joins its thread.
  ~BackgroundJob() { cancel_and_join(); }
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;

  /// Starts `work` (cancelling and joining a previous job first; its result is dropped).
  /// `wake`, when given, is called from the worker thread whenever the progress moves by at
  /// least 1 % and once when the job has finished (result or error ready): it must be
  /// thread-safe (the GUI passes glfwPostEmptyEvent).
  void start(Work work, std::function<void()> wake = {}) {
    cancel_and_join();
    m_cancel = false;
    m_done = false;
    m_progress = 0.0;
    m_result.reset();
    m_error.clear();
    m_cancelled = false;
    m_running = true;
    m_worker = std::thread([this, work = std::move(work), wake = std::move(wake)] {
      double woke_at = 0.0;
      const auto progress = [&](double f) {
        m_progress = f;
        if (wake && (f - woke_at >= 0.01 || f < woke_at)) {
          woke_at = f;
          wake();
        }
      };
      try {
        m_result.emplace(work(progress, m_cancel));
      } catch (const std::exception& e) {
        m_error = e.what();
      }
      m_done = true;
      if (wake) wake();
    });
  }

  /// Asks a running job to stop; collect() then reports it as cancelled.
  void cancel() { m_cancel = true; }
  /// Cancels and joins (nothing to collect afterwards).
  void cancel_and_join() {
    m_cancel = true;
    if (m_worker.joinable()) m_worker.join();
    m_running = false;
  }

  /// Started and not yet collected.
  [[nodiscard]] bool running() const { return m_running; }
  /// running() and the worker has finished: collect() will not block.
  [[nodiscard]] bool finished() const { return m_running && m_done.load(); }
  /// cancel() was called on the running job.
  [[nodiscard]] bool cancelling() const { return m_running && m_cancel.load(); }
  /// The job's last reported progress, 0..1 (kept after collect()).
  [[nodiscard]] double progress() const { return m_progress.load(); }

  /// Joins the worker (call when finished()) and returns its result, or nothing when it threw:
  /// then error() holds the exception's message and cancelled() whether cancel() had been
  /// called (the job's exception was its way of stopping).
  std::optional<T> collect() {
    if (m_worker.joinable()) m_worker.join();
    m_running = false;
    m_cancelled = !m_result && m_cancel.load();
    return std::exchange(m_result, std::nullopt);
  }
  /// Why the last collected job gave no result (empty when it did).
  [[nodiscard]] const std::string& error() const { return m_error; }
  /// The last collected job gave no result because it was cancelled.
  [[nodiscard]] bool cancelled() const { return m_cancelled; }

 private:
  std::thread m_worker;
  std::atomic<bool> m_cancel{false};
  std::atomic<bool> m_done{false};
  std::atomic<double> m_progress{0.0};
  bool m_running = false;
  bool m_cancelled = false;
  // Written by the worker before m_done is set; read on the UI thread after the join.
  std::optional<T> m_result;
  std::string m_error;
};

/// Main thread: when `job` has finished, moves its result into `result` (or its error into
/// `error`, unless it was cancelled) and returns true; false while it runs or is idle.
template <class T>
bool collect_into(BackgroundJob<T>& job, std::optional<T>& result, std::string& error) {
  if (!job.finished()) return false;
  if (auto r = job.collect()) {
    result = std::move(*r);
  } else if (!job.cancelled()) {
    error = job.error();
  }
  return true;
}

/// Blocks until a running `job` has finished (tests and the terminal front end).
template <class T>
void wait_finished(const BackgroundJob<T>& job) {
  while (job.running() && !job.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

/// What a screen shows of `job`.
template <class T>
[[nodiscard]] JobView job_view(const BackgroundJob<T>& job) {
  return JobView{job.running(), job.progress(), job.cancelling()};
}

}  // namespace casebook::app
