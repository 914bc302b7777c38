// The Workload simulator's model: a form (whose options, bank size, new cards per day, two
// desired retentions or another comparison, days, seed), two core::simulate runs on a
// background job, and the results as table rows and per-day series.
#pragma once
#include <optional>

#include "app/background.hpp"
#include "app/context.hpp"
#include "app/views.hpp"
#include "core/simulator.hpp"

namespace casebook::app {

class SimulatorFlow {
 public:
  explicit SimulatorFlow(AppContext& ctx) : m_ctx(ctx) {}

  /// Called when the screen is opened: the form starts from the chosen options (the first
  /// time: the learner's).
  void open();
  /// Takes the form's values (clamped to their ranges). A new scope resets the new cards per
  /// day and retentions to that scope's options, and a bank's scope its size to the bank's
  /// card count. Ignored while a simulation runs.
  void set_form(const SimulatorForm& form);
  /// Starts both simulations on the worker; errors (options that do not make a scheduler)
  /// are shown at once.
  void start();
  void cancel() { m_job.cancel(); }
  /// Main thread: takes finished results. Returns true when something changed.
  bool poll();
  [[nodiscard]] bool running() const { return m_job.running(); }
  /// Blocks until a running simulation has finished (tests and the terminal).
  void wait();
  /// What the Simulator screen shows. The results part (charts, rows) is copied in once per
  /// finished simulation, not per frame; the reference stays valid until the next call.
  [[nodiscard]] const SimulatorView& view() const;

 private:
  /// SimulatorView's results part, made on the worker.
  struct Results {
    std::array<std::string, 2> columns;  ///< "Retention 90.0 %", ... or "Your options", "Without ..."
    std::array<std::array<Chart, 2>, 3> charts;  ///< SimulatorView::charts
    std::vector<SimulatorView::Row> rows;        ///< SimulatorView::rows
  };
  /// The options of scope `scope`: the learner's (0) or a loaded bank's effective options.
  [[nodiscard]] core::StudyOptions scope_options(int scope) const;
  [[nodiscard]] std::vector<std::string> scope_names() const;
  void reset_to(int scope);

  AppContext& m_ctx;
  bool m_opened = false;
  SimulatorForm m_form;
  std::uint64_t m_revision = 0;
  std::string m_error;
  std::string m_scope_name;  ///< the scope the shown results were simulated with
  std::optional<Results> m_results;
  std::uint64_t m_collected = 0;     ///< results taken by poll() so far
  mutable std::uint64_t m_shown = 0; ///< m_collected when m_view's results part was filled
  mutable SimulatorView m_view;      ///< view(): kept so that charts are not copied every frame
  BackgroundJob<Results> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::app
