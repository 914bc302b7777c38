// Workload simulator screen: the options of the learner or of one bank, bank size, new cards
// per day, two desired retentions and days in; reviews and minutes per day and the expected
// retention at the end out, side by side. The work is app::SimulatorFlow (a background job);
// this file only draws and reads input.
#pragma once
#include <cstdint>

#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class SimulatorScreen {
 public:
  /// Draws `view` and queues at most one action. Keys: Tab moves between fields, Ctrl+B
  /// picks whose options, Ctrl+G what column B is, Enter runs the simulation, Ctrl+P opens
  /// the exam plan, Esc cancels a running one or (when no field is being edited) goes back,
  /// PgUp/PgDn scroll.
  void draw(const app::SimulatorView& view, UiContext& ui);

 private:
  app::SimulatorForm m_form;            ///< the fields' drafts
  std::uint64_t m_revision = ~0ull;     ///< the view's revision the drafts were loaded from
  bool m_refocus = true;                ///< give the first field the focus (again)
};

}  // namespace casebook::ui
