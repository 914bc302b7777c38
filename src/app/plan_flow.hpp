// The Plan screen's model (issue 16): the exam plan (app/plan.hpp) for the learner's options
// and the chosen alternative, simulated on a background job whenever the screen opens or the
// alternative changes.
#pragma once
#include <optional>
#include <string>

#include "app/background.hpp"
#include "app/context.hpp"
#include "app/plan.hpp"
#include "app/views.hpp"

namespace casebook::app {

class PlanFlow {
 public:
  explicit PlanFlow(AppContext& ctx) : m_ctx(ctx) {}

  /// The screen was opened: plans again from the cards and options in force now.
  void open() { start(); }
  /// Column B becomes alternative `index` (clamped) and the plan runs again.
  void set_alternative(int index);
  /// Builds both runs from the caches (main thread) and simulates them on the worker.
  void start();
  void cancel() { m_job.cancel(); }
  /// Main thread: takes a finished plan. Returns true when something changed.
  bool poll() { return collect_into(m_job, m_results, m_error); }
  [[nodiscard]] bool running() const { return m_job.running(); }
  /// Blocks until a running plan has finished (tests and the terminal).
  void wait();
  [[nodiscard]] PlanView view() const;

 private:
  struct Results {
    PlanSetup setup;
    core::SimulationResult a, b;
  };

  AppContext& m_ctx;
  int m_alternative = 0;
  std::string m_error;
  std::optional<Results> m_results;
  BackgroundJob<Results> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::app
