// Settings screen: the learner's study options and per-bank overrides, edited in a draft and
// applied at once by Save. Reads app::SettingsView every frame; keeps only the unsaved draft.
#pragma once
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
  void draw(const app::SettingsView& view, UiContext& ui);

 private:
  void load(const app::SettingsView& view);
  [[nodiscard]] const core::StudyOptions& scope_options(const app::SettingsView& view) const;
  /// The draft with its text fields parsed; parse errors go to m_errors.
  [[nodiscard]] core::StudyOptions build();

  int m_scope = 0;                 ///< 0 = the learner, k = view.banks[k - 1]
  int m_last_frame = -10;          ///< to notice that the screen was (re)entered
  std::string m_last_notice;       ///< reload the draft after a successful save
  core::StudyOptions m_draft;
  std::string m_learning_steps, m_relearning_steps, m_time_zone, m_weights;
  std::vector<std::string> m_errors;  ///< text that did not parse
};

}  // namespace casebook::ui
