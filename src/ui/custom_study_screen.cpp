#include "ui/custom_study_screen.hpp"

#include <string>

#include "ui/theme.hpp"

namespace casebook::ui {

namespace {

/// Which number row `kind` uses: 1 = days, 2 = count, 0 = none.
int number_of(app::StudyModeKind kind) {
  switch (kind) {
    case app::StudyModeKind::Ahead: return 1;
    case app::StudyModeKind::Preview:
    case app::StudyModeKind::Cram:
    case app::StudyModeKind::ExtraNew: return 2;
    default: return 0;
  }
}

void draw_rows(const app::CustomStudyView& view, UiContext& ui) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("modes", 2, flags)) return;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn("Mode", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Cards", ImGuiTableColumnFlags_WidthFixed, 4.5f * em);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < view.rows.size(); ++i) {
    const app::CustomStudyView::Row& row = view.rows[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const bool selected = static_cast<int>(i) == view.selected;
    ImGui::PushStyleColor(ImGuiCol_Header, kColorAccentSoft);
    if (ImGui::Selectable(row.title.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
      ui.send(app::SetCustomStudy{static_cast<int>(i), view.days, view.count});
      if (ImGui::IsMouseDoubleClicked(0)) ui.send(app::StartSession{view.scope, row.mode});
    }
    ImGui::PopStyleColor();
    ImGui::Indent(1.2f * em);
    wrapped_text(row.effect, row.changes_schedule ? kColorText : kColorNotice);
    ImGui::Unindent(1.2f * em);
    ImGui::TableSetColumnIndex(1);
    const std::string cards = std::to_string(row.cards);
    if (row.cards == 0) ImGui::TextDisabled("%s", cards.c_str());
    else ImGui::TextUnformatted(cards.c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_custom_study(const app::CustomStudyView& view, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Custom study");
  wrapped_text("Over: " + view.scope_label);
  hint_text("Up and Down choose a mode; Left and Right change its number (Shift: by 10); Enter starts it.");
  if (!view.message.empty()) {
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    wrapped_text(view.message, kColorNotice);
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  if (view.rows.empty()) return;
  const app::CustomStudyView::Row& chosen = view.rows[static_cast<std::size_t>(view.selected)];
  const bool keys = !ui.typing;
  const int step = ImGui::GetIO().KeyShift ? 10 : 1;
  int days = view.days, count = view.count;
  const int number = number_of(chosen.mode.kind);
  if (number != 0) {
    int& value = number == 1 ? days : count;
    ImGui::SetNextItemWidth(8.0f * em);
    ImGui::InputInt(number == 1 ? "days (Left/Right)" : "cards (Left/Right)", &value, 1, 10);
    if (keys && left_pressed()) value -= step;
    if (keys && right_pressed()) value += step;
  }
  int selected = view.selected;
  if (keys && up_pressed() && selected > 0) --selected;
  if (keys && down_pressed() && selected + 1 < static_cast<int>(view.rows.size())) ++selected;
  if (selected != view.selected || days != view.days || count != view.count) {
    ui.send(app::SetCustomStudy{selected, days, count});
  }
  const std::string start = "Start: " + chosen.title + "   (Enter)";
  if (styled_button(start.c_str(), ImVec2(0, 0), true, true) || (keys && enter_pressed())) {
    ui.send(app::StartSession{view.scope, chosen.mode});
  }
  same_line_if_fits("Back (Esc)");
  if (styled_button("Back (Esc)", ImVec2(0, 0), false) || (keys && escape_pressed())) ui.send(app::Back{});
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  draw_rows(view, ui);
}

}  // namespace casebook::ui
