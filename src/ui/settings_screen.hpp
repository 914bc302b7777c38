// Settings screen: the learner's study options and per-bank overrides, edited in a draft and
// applied at once by Save. Reads app::SettingsView every frame; keeps only the unsaved draft.
#pragma once
#include <cstdint>
#include <string>

#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class SettingsScreen {
 public:
  /// Draws the options of the chosen scope (the learner, or one bank) and queues at most one
  /// action. Keys: arrows/Tab move between fields (ImGui keyboard navigation), Space toggles
  /// and opens lists, Enter edits a field, Ctrl+S saves, Ctrl+O opens the Optimize screen, Escape (outside a text box) goes back
  /// Home without saving, PageUp/PageDown switch the scope.
  void draw(const app::SettingsView& view, const app::DisplayView& display, UiContext& ui);

 private:
  void load(const app::SettingsView& view);
  [[nodiscard]] const app::OptionsDraft& scope_draft(const app::SettingsView& view) const;

  int m_scope = 0;                 ///< 0 = the learner, k = view.banks[k - 1]
  int m_last_frame = -10;          ///< to notice that the screen was (re)entered
  std::uint64_t m_revision = 0;    ///< the view's revision the draft was loaded from
  app::OptionsDraft m_draft;       ///< the form, saved with SaveOptionsDraft
};

}  // namespace casebook::ui
