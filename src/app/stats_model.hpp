// The statistics screen's model: the learner's report input gathered as the reports gather it
// (app::gather_report, effective options, read-only), its figures built once by
// report::compute_figures, and the mock exam scores, turned into StatsView on a background job.
#pragma once
#include <vector>

#include "app/background.hpp"
#include "app/context.hpp"
#include "app/views.hpp"
#include "report/figures.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

/// Topics listed as the weakest (lowest mastery first).
inline constexpr int kWeakestTopics = 5;

/// The statistics view of `in` and its figures `f` (report::compute_figures(in)), with the
/// learner's mock exam attempts (oldest first; unfinished ones are skipped). Pure: every
/// number is one of `f`'s, only worded and arranged; dates are study days of `in`'s clock.
[[nodiscard]] StatsView make_stats_view(const report::ReportInput& in, const report::Figures& f,
                                        const std::vector<storage::ExamAttemptRow>& exams);

/// The Statistics screen: opened from Home, it gathers the learner's report input at now and
/// computes its figures on a background job (a million reviews take a few seconds); the
/// previous view stays on screen until the new one is ready.
class StatsFlow {
 public:
  explicit StatsFlow(AppContext& ctx) : m_ctx(ctx) {}

  /// Starts (again) gathering and computing the figures.
  void open();
  void cancel() { m_job.cancel(); }
  /// Main thread: takes finished figures. Returns true when the view changed.
  bool poll();
  [[nodiscard]] bool running() const { return m_job.running(); }
  /// Blocks until a running computation has finished, then polls (tests, the terminal).
  void wait();
  [[nodiscard]] StatsView view() const;

 private:
  AppContext& m_ctx;
  StatsView m_view;
  BackgroundJob<StatsView> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::app
