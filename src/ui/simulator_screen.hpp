// Workload simulator screen: the options of the learner or of one bank, bank size, new cards
// per day, two desired retentions and days in, reviews and minutes per day and the expected
// retention at the end out, side by side; the simulation runs on a background thread.
#pragma once
#include <optional>
#include <string>

#include "app/background.hpp"
#include "app/controller.hpp"
#include "core/options.hpp"
#include "core/simulator.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// Keeps the form's values and the last results between frames. The two simulations run on a
/// background thread (app::BackgroundJob) with a progress bar and Cancel, so the window keeps
/// drawing; core::simulate itself stays pure and reproducible from its seed.
class SimulatorScreen {
 public:
  /// Draws the screen. The options simulated with are the learner's (`view.learner_options`)
  /// or one bank's effective options (`view.banks[i].options`: the learner's with the bank's
  /// overrides), picked with Ctrl+B or the list; they give the weights, steps, maximum
  /// interval and review limit, and the form's defaults (new cards per day, retention A).
  /// Keys: Tab moves between fields, Enter runs the simulation, Esc cancels a running one or
  /// (when no field is being edited) sets `open` to false, PgUp/PgDn scroll. Sets `*busy`
  /// while a simulation runs (frames keep coming).
  void draw(const app::SettingsView& view, UiContext& ui, bool& open, bool* busy);

 private:
  /// The two runs, with the retentions they used.
  struct Results {
    core::SimulationResult a, b;
    double retention_a = 0.0, retention_b = 0.0;
  };

  /// The chosen options: the learner's (scope 0) or bank scope-1's.
  [[nodiscard]] const core::StudyOptions& scope_options(const app::SettingsView& view) const;
  /// Sets the form's option-dependent defaults from `options`.
  void reset_form(const core::StudyOptions& options);
  /// Builds both configurations (errors shown at once) and starts them on the worker.
  void start(const core::StudyOptions& options);

  bool m_initialised = false;
  bool m_refocus = false;     ///< give the first field the focus again (its value changed under it)
  int m_scope = 0;         ///< 0 = my options, i = view.banks[i - 1]
  std::string m_scope_name;  ///< the options the results shown were simulated with
  int m_bank_size = 1000;
  int m_new_per_day = 20;
  int m_days = 365;
  int m_retention_a = 90;  ///< percent
  int m_retention_b = 80;  ///< percent
  int m_seed = 1;
  std::optional<Results> m_results;
  std::string m_error;
  app::BackgroundJob<Results> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::ui
