// Workload simulator screen: the options of the learner or of one bank, bank size, new cards
// per day, two desired retentions and days in; a table of figures and charts of reviews and
// minutes per day and of the expected retention out, A and B side by side (ui/charts.hpp).
// The work is app::SimulatorFlow (a background job); this file only draws and reads input.
#pragma once
#include <cstdint>

#include "app/controller.hpp"
#include "ui/charts.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class SimulatorScreen {
 public:
  /// Draws `view` and queues at most one action. Keys: Tab moves between fields, Ctrl+B
  /// picks whose options, Ctrl+G what column B is, Enter runs the simulation, Ctrl+P opens
  /// the exam plan, Esc cancels a running one or (when no field is being edited) goes back,
  /// PgUp/PgDn scroll; F6 (Shift+F6 back) moves the keyboard focus to the next chart (after
  /// the last: none) and Left/Right its focused day, whose value is written under it.
  void draw(const app::SimulatorView& view, UiContext& ui);

 private:
  void draw_charts(const app::SimulatorView& view, UiContext& ui);
  app::SimulatorForm m_form;            ///< the fields' drafts
  std::uint64_t m_revision = ~0ull;     ///< the view's revision the drafts were loaded from
  bool m_refocus = true;                ///< give the first field the focus (again)
  ChartFocus m_focus;                   ///< the chart with keyboard focus (kind * 2 + column) and its day
};

}  // namespace casebook::ui
