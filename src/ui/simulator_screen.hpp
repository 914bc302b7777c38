// Workload simulator screen: bank size, new cards per day, two desired retentions and days in,
// reviews and minutes per day and the expected retention at the end out, side by side.
#pragma once
#include <optional>
#include <string>

#include "core/options.hpp"
#include "core/simulator.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// Keeps the form's values and the last results between frames. The simulation runs on the
/// UI thread when asked (a 1,000-card year takes well under a second).
class SimulatorScreen {
 public:
  /// Draws the screen. `options` are the learner's study options (weights, steps, daily new
  /// cards and review limit: the defaults of the form). Keys: Tab moves between fields, Enter
  /// runs the simulation, PgUp/PgDn scroll, Esc (when no field is being edited) sets `open`
  /// to false.
  void draw(const core::StudyOptions& options, UiContext& ui, bool& open);

 private:
  void run(const core::StudyOptions& options);

  bool m_initialised = false;
  int m_bank_size = 1000;
  int m_new_per_day = 20;
  int m_days = 365;
  int m_retention_a = 90;  ///< percent
  int m_retention_b = 80;  ///< percent
  int m_seed = 1;
  std::optional<core::SimulationResult> m_a;
  std::optional<core::SimulationResult> m_b;
  double m_ran_a = 0.0;  ///< the retentions of the results shown
  double m_ran_b = 0.0;
  std::string m_error;
};

}  // namespace casebook::ui
