// Home screen: who is studying, where progress is kept, the banks and a big Study button; the
// exam plans ahead and, after time away, the backlog and the offer to spread it.
#pragma once
#include "app/controller.hpp"
#include "ui/learner_picker.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class HomeScreen {
 public:
  /// Draws Home. Keys: L opens the learner picker (ui/learner_picker.hpp: switch to another
  /// learner or add one), Up/Down choose what to study (all course banks, a bank, a topic),
  /// Enter starts a session over it (when cards are waiting), F5 reloads the banks, S opens
  /// the study options, P the exam plan, B the card browser, F the backups of the progress
  /// file; with a backlog offer, Left/Right change the number of days, N switches pausing new
  /// cards and D spreads the backlog. A read-only app says so under the Study button.
  void draw(const app::HomeView& home, UiContext& ui);

 private:
  void draw_backlog(const app::BacklogView& backlog, UiContext& ui);

  int m_days = 0;            ///< the spread's N (0: not chosen yet, the view's default)
  bool m_pause_new = false;  ///< pause new cards during the spread
  int m_last_selected = 0;   ///< HomeView::selected last frame: a change scrolls the row into view
  LearnerPicker m_learners;  ///< the learner line and its picker
};

}  // namespace casebook::ui
