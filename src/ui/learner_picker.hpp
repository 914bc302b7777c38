// Home's learner line and its picker (issue 12): switch to another learner of the progress
// file or add one, by keyboard.
#pragma once
#include <string>

#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// The learner line of Home ("Learner  Анна   Switch or add (L)") and, once L is pressed,
/// a small picker under it: Up/Down choose a learner, Enter studies as them (SwitchLearner),
/// N or the last row ("New learner…") opens a name field where Enter adds the learner and
/// switches to them (AddLearner; each change of the text is sent as TypeLearnerName so its
/// characters get glyphs), Esc goes back (from the field to the list, from the list to Home).
class LearnerPicker {
 public:
  /// Draws the line and the open picker. Returns true when the picker had the keyboard this
  /// frame (it was open, or L opened it): Home then reads none of its own keys.
  bool draw(const app::HomeView& home, UiContext& ui);

 private:
  enum class Mode { Closed, List, Name };
  void draw_list(const app::HomeView& home, UiContext& ui);
  void draw_name(UiContext& ui);

  Mode m_mode = Mode::Closed;
  int m_row = 0;           ///< highlighted row: a learner, or the "New learner" row after them
  bool m_moved = false;    ///< the row changed: scrolled into view
  std::string m_name;      ///< the name being typed
  std::string m_sent;      ///< the text last sent as TypeLearnerName
  bool m_focus = false;    ///< give the name field the keyboard this frame
  float m_content_height = 0;       ///< the picker's content last frame, pixels (padding included)
  Mode m_content_mode = Mode::Closed;  ///< the mode it was drawn in
};

}  // namespace casebook::ui
