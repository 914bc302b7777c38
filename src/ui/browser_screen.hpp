// Browser screen: every card of the loaded banks in a sortable table, the search field (the
// language of core/search.hpp), keyboard selection and the card actions. Reached from Home
// (B); Enter opens the selected card's Card info.
#pragma once
#include <cstdint>
#include <string>

#include "app/controller.hpp"
#include "ui/card_action_keys.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class BrowserScreen {
 public:
  /// Draws `view` and queues at most one action. Keys: Ctrl+F or / the search field (Enter or
  /// Esc leaves it), Up/Down/PgUp/PgDn/Home/End move the selection, Enter card info, the card
  /// actions of CardActionKeys, Esc back to Home.
  void draw(const app::BrowserView& view, UiContext& ui);

 private:
  void draw_table(const app::BrowserView& view, UiContext& ui);
  /// Moves the selection by `delta` rows (clamped) and asks for it to be scrolled into view.
  void move(const app::BrowserView& view, int delta, UiContext& ui);

  std::string m_query;
  std::uint64_t m_revision = ~0ull;
  bool m_focus_search = false;
  int m_scroll_to = -1;  ///< a row of `shown` to bring into view next frame
  CardActionKeys m_actions;
};

}  // namespace casebook::ui
