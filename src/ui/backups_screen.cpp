#include "ui/backups_screen.hpp"

#include <string>

#include "ui/theme.hpp"

namespace casebook::ui {

namespace {

const ImVec4& tone_color(app::Tone tone) {
  switch (tone) {
    case app::Tone::Correct: return kColorCorrect;
    case app::Tone::Wrong: return kColorWrong;
    case app::Tone::Neutral: break;
  }
  return kColorText;
}

void draw_rows(const app::BackupsView& view, UiContext& ui) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("backups", 3, flags)) return;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn("Made", ImGuiTableColumnFlags_WidthFixed, 10.5f * em);
  ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, 7.5f * em);
  ImGui::TableSetupColumn("Contents", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < view.rows.size(); ++i) {
    const app::BackupsView::Row& row = view.rows[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const bool selected = static_cast<int>(i) == view.selected;
    if (ImGui::Selectable(row.when.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
      ui.send(app::SelectBackup{static_cast<int>(i)});
    }
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(row.kind.c_str());
    ImGui::TableSetColumnIndex(2);
    if (row.usable) wrapped_text(row.contents);
    else wrapped_text(row.contents, kColorWrong);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_backups(const app::BackupsView& view, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Progress file and backups");
  hint_text("Progress file: " + view.db_path);
  hint_text("Backups: " + view.folder + "  ·  made daily and before an upgrade; the newest " +
            std::to_string(view.kept) + " of each kind are kept");
  if (view.read_only) wrapped_text("Read-only: restoring is off.", kColorNotice);
  if (!view.notice.empty()) {
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    wrapped_text(view.notice, tone_color(view.notice_tone));
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  const bool running = view.job.running;
  const bool keys = !ui.typing;
  const bool have = !view.rows.empty();
  const bool can_restore = have && !running && !view.read_only &&
                           view.rows[static_cast<std::size_t>(view.selected)].usable;
  if (styled_button("Restore the selected backup (R)", ImVec2(0, 0), true, can_restore) ||
      (keys && can_restore && typed_letter('r'))) {
    ui.send(app::RestoreBackup{});
  }
  same_line_if_fits("Back up now (B)");
  if (styled_button("Back up now (B)", ImVec2(0, 0), false, !running) || (keys && !running && typed_letter('b'))) {
    ui.send(app::MakeBackup{});
  }
  same_line_if_fits("Check the progress file (C)");
  if (styled_button("Check the progress file (C)", ImVec2(0, 0), false, !running) ||
      (keys && !running && typed_letter('c'))) {
    ui.send(app::CheckProgressFile{});
  }
  same_line_if_fits("Back (Esc)");
  if (styled_button("Back (Esc)", ImVec2(0, 0), false) || (keys && escape_pressed())) ui.send(app::Back{});
  if (running) hint_text(view.job_label);

  if (keys && have) {
    if (up_pressed() && view.selected > 0) ui.send(app::SelectBackup{view.selected - 1});
    if (down_pressed() && view.selected + 1 < static_cast<int>(view.rows.size())) {
      ui.send(app::SelectBackup{view.selected + 1});
    }
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  if (!have) {
    hint_text("No backup yet. The first is made on the first start of a study day with answers to keep.");
    return;
  }
  draw_rows(view, ui);
}

}  // namespace casebook::ui
