// The exam plan screen (issue 16): expected reviews per day up to the exam and the expected
// retention on the exam day, for the learner's options and one alternative. The work is
// app::PlanFlow (a background job); this file only draws and reads input.
#pragma once
#include "app/controller.hpp"
#include "ui/charts.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class PlanScreen {
 public:
  /// Draws `view` and queues at most one action. Keys: Left/Right pick the alternative (the
  /// plan runs again), Enter plans again, Esc cancels a running plan or goes back, PgUp/PgDn
  /// scroll; F6 (Shift+F6 back) moves the keyboard focus to the next reviews-per-day chart
  /// (after the last: none), and while a chart has it Left/Right move its focused day instead,
  /// whose value is written under it.
  void draw(const app::PlanView& view, UiContext& ui);

 private:
  ChartFocus m_focus;  ///< the chart with keyboard focus (0: A, 1: B) and its day
};

}  // namespace casebook::ui
