// The Optimize screen's model: fits the learner's FSRS parameters on a background job
// (app::optimize), shows log loss and RMSE(bins) before and after, applies the fit through
// the Settings model only when it is better, and takes pasted parameters or the defaults.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/background.hpp"
#include "app/context.hpp"
#include "app/optimize.hpp"
#include "app/settings_model.hpp"
#include "app/views.hpp"

namespace casebook::app {

class OptimizeFlow {
 public:
  OptimizeFlow(AppContext& ctx, SettingsModel& settings) : m_ctx(ctx), m_settings(settings) {}

  /// Starts a fit of the learner's review log (read on the worker from its own read-only
  /// connection). Ignored while one runs.
  void start();
  void cancel() { m_job.cancel(); }
  /// Main thread: takes a finished fit and, when it is better, saves it (the status says
  /// "Applied" only after the save succeeded). Returns true when something changed.
  bool poll();
  /// Applies 21 pasted, comma-separated parameters (validated against the optimizer's
  /// ranges) or says why not.
  void use_weights(const std::string& text);
  /// Applies the FSRS-6 default parameters.
  void reset_weights();
  [[nodiscard]] bool running() const { return m_job.running(); }
  /// Blocks until a running fit has finished (tests and the terminal; never the GUI).
  void wait();

  [[nodiscard]] OptimizeView view() const;

 private:
  /// What the worker hands back: the log's counts (its items cleared) and the fit's outcome.
  struct Run {
    ReviewLog log;
    OptimizeOutcome outcome;
    std::vector<std::string> summary;  ///< optimize_summary, made when the run is taken
  };
  void apply(const core::StudyOptions& options, std::string applied, std::string& status, bool& is_error);

  AppContext& m_ctx;
  SettingsModel& m_settings;
  BackgroundJob<Run> m_job;
  std::optional<Run> m_run;
  std::string m_status;
  bool m_status_is_error = false;
  std::string m_manual_status;
  bool m_manual_is_error = false;
};

}  // namespace casebook::app
