// Card info screen: one card's question, answer and source, its schedule in plain words next
// to stability, difficulty, retrievability and due, its whole review history with the
// answers given, and the learner's card events. Reached from the Browser (Enter) or the
// Study screen (Ctrl+I); Esc goes back there.
#pragma once
#include "app/controller.hpp"
#include "ui/card_action_keys.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class CardInfoScreen {
 public:
  /// Draws `view`. Keys: PgUp/PgDn scroll, the card actions of CardActionKeys, Esc back.
  void draw(const app::CardInfoView& view, UiContext& ui);

 private:
  CardActionKeys m_actions;
};

}  // namespace casebook::ui
