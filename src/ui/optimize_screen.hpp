// Optimize screen (reached from Settings): fits the learner's FSRS parameters on a background
// thread with a progress bar and Cancel, shows log loss and RMSE(bins) before and after,
// applies the fit only if it is better, and lets the 21 numbers be copied, pasted or reset.
#pragma once
#include <optional>
#include <string>

#include "app/background.hpp"
#include "app/controller.hpp"
#include "app/optimize.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class OptimizeScreen {
 public:
  /// `config` gives the database and learner whose review log is fitted.
  explicit OptimizeScreen(const app::AppConfig& config);
  /// Cancels a running fit and joins its thread (closing the window while it runs).
  ~OptimizeScreen();
  OptimizeScreen(const OptimizeScreen&) = delete;
  OptimizeScreen& operator=(const OptimizeScreen&) = delete;

  /// Draws the screen; queues app::SaveOptions to apply a better fit, pasted parameters or
  /// the defaults. Keys (outside a text box): Enter starts, C copies the parameters, Esc
  /// cancels a running fit or goes back. Sets `*busy` while the fit runs (frames keep
  /// coming). Returns false when the user leaves the screen.
  [[nodiscard]] bool draw(const app::SettingsView& view, UiContext& ui, bool* busy);

 private:
  /// What the worker hands back: the log read (its items cleared: only the counts are
  /// shown) and the fit's outcome.
  struct Run {
    app::ReviewLog log;
    app::OptimizeOutcome outcome;
  };

  void start();
  /// Called on the main thread once the worker has finished: takes its result.
  void collect(const app::SettingsView& view, UiContext& ui);

  const app::AppConfig& m_config;
  app::BackgroundJob<Run> m_job;  ///< the fit; its destructor cancels and joins it
  std::optional<app::OptimizeOutcome> m_outcome;
  app::ReviewLog m_log;

  std::string m_result_text;    ///< the 21 numbers shown for copying
  std::string m_status;         ///< the fit's outcome: "Applied: ..." / "Not applied: ..." / an error
  bool m_status_is_error = false;
  std::string m_paste;          ///< the pasted list
  std::string m_manual_status;  ///< the outcome of "Use these parameters" / "Reset to defaults"
  bool m_manual_is_error = false;
};

}  // namespace casebook::ui
