// The card-action keys and their two small forms, shared by the Browser, Card info and Study
// screens: Ctrl+J suspend/unsuspend, Ctrl+B bury until tomorrow, Ctrl+R reset to new (asks
// first), Ctrl+1..7 flag colour (again: remove), Ctrl+E flag with a note, Ctrl+P report a
// problem with a comment. Only drafts live here; every action goes to the app.
#pragma once
#include <string>

#include "ui/widgets.hpp"

namespace casebook::ui {

/// What the keys act on.
struct CardActionTarget {
  std::string card_key;  ///< empty: the app's selected or shown card
  bool suspended = false;
  int flag = 0;          ///< 0..7
};

class CardActionKeys {
 public:
  /// Reads the keys and draws an open form (flag note, problem report, reset question).
  /// `target` empty card_key with `enabled` false: nothing to act on. Returns true while a
  /// form is open (the screen's own keys should then rest).
  bool draw(const CardActionTarget& target, bool enabled, UiContext& ui);
  /// The key list for the status line.
  static const char* hints();

 private:
  enum class Form { None, Flag, Report, Reset };
  Form m_form = Form::None;
  bool m_focus = false;   ///< give the form's text field the keyboard on its first frame
  int m_flag = 1;
  std::string m_text;
  std::string m_key;      ///< the card the open form is about
};

}  // namespace casebook::ui
