// One long computation at a time on a worker thread, for screens that must keep drawing
// frames meanwhile (the Optimize and Workload simulator screens): progress 0..1, cancel, the
// result or the error, and a join when it is replaced or destroyed. No ImGui here.
#pragma once
#include <atomic>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>

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
  void start(Work work) {
    cancel_and_join();
    m_cancel = false;
    m_done = false;
    m_progress = 0.0;
    m_result.reset();
    m_error.clear();
    m_cancelled = false;
    m_running = true;
    m_worker = std::thread([this, work = std::move(work)] {
      try {
        m_result.emplace(work([this](double f) { m_progress = f; }, m_cancel));
      } catch (const std::exception& e) {
        m_error = e.what();
      }
      m_done = true;
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

}  // namespace casebook::app
