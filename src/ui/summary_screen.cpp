#include "ui/summary_screen.hpp"

#include <string>

#include "app/study_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {
namespace {

void stat_row(const char* label, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextDisabled("%s", label);
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(value.c_str());
}

}  // namespace

void draw_summary(const app::SummaryView& s, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  // "complete" only when nothing is left for today; leaving early is "ended".
  text_in(ui.fonts->heading, app::summary_heading(s));
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  if (ImGui::BeginTable("summary", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH)) {
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed, 12.0f * em);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    stat_row("Answers", std::to_string(s.reviewed));
    stat_row("Answered correctly", app::correct_text(s));
    std::string ratings;
    for (std::size_t i = 0; i < 4; ++i) {
      if (i > 0) ratings += "   ·   ";
      ratings += std::string(app::rating_name(static_cast<core::Rating>(i + 1))) + " " + std::to_string(s.ratings[i]);
    }
    stat_row("Ratings", ratings);
    stat_row("Time in session", app::format_duration(s.duration_ms));
    stat_row("Still due today", std::to_string(s.remaining_due_today));
    if (s.remaining_new_today > 0) stat_row("New cards left today", std::to_string(s.remaining_new_today));
    ImGui::EndTable();
  }
  if (!s.recorded) wrapped_text(app::kPreviewSummaryNote, kColorNotice);
  draw_sync_status(s.sync);
  ImGui::Dummy(ImVec2(0, 0.8f * em));
  const bool clicked = styled_button("Back to Home  (Enter)", ImVec2(14.0f * em, 0), true);
  if (clicked || (!ui.typing && (enter_pressed() || escape_pressed()))) ui.send(app::GoHome{});
  if (s.can_undo) {
    ImGui::SameLine();
    if (ImGui::Button("Undo last rating  (Ctrl+Z)")) ui.send(app::Undo{});
  }
}

}  // namespace casebook::ui
