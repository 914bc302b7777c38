// Statistics screen: the learner's figures (coverage, accuracy, true retention, activity, the
// calendar heatmap, the forecast, weakest topics and cards, mock exam scores) drawn from
// app::StatsView with ImGui draw lists. Reached from Home (T); Esc goes back.
#pragma once
#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class StatsScreen {
 public:
  /// Draws `view` and queues at most one action. Keys: Up/Down and PgUp/PgDn scroll, Tab
  /// moves the focus to the next chart, Left/Right the focused bar (its value is shown under
  /// the chart), 1-9 open the Card info of that weakest card, Esc back to Home.
  void draw(const app::StatsView& view, UiContext& ui);

 private:
  void read_keys(const app::StatsView& view, UiContext& ui);
  int m_chart = 0;    ///< the chart with keyboard focus (reviews, minutes, forecast, exams)
  int m_cursor = -1;  ///< its focused bar, -1: the last one
  bool m_scroll_to_chart = false;  ///< Tab moved the focus: scroll the chart into view this frame
};

}  // namespace casebook::ui
