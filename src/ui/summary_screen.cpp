#include "ui/summary_screen.hpp"

#include <array>
#include <string>

#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

std::string format_duration(std::int64_t ms) {
  const std::int64_t s = (ms + 500) / 1000;
  const std::int64_t h = s / 3600, m = (s / 60) % 60, sec = s % 60;
  std::string out;
  if (h > 0) out += std::to_string(h) + " h ";
  if (h > 0 || m > 0) out += std::to_string(m) + " min ";
  out += std::to_string(sec) + " s";
  return out;
}

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
  text_in(ui.fonts->heading, s.reviewed > 0 && s.remaining_due_today == 0 ? "Session complete" : "Session ended");
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  if (ImGui::BeginTable("summary", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH)) {
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed, 12.0f * em);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    stat_row("Cards reviewed", std::to_string(s.reviewed));
    std::string correct = std::to_string(s.correct);
    if (s.reviewed > 0)
      correct += "  (" + std::to_string((s.correct * 100 + s.reviewed / 2) / s.reviewed) + "%)";
    stat_row("Answered correctly", correct);
    constexpr std::array<const char*, 4> names = {"Again", "Hard", "Good", "Easy"};
    std::string ratings;
    for (std::size_t i = 0; i < 4; ++i) {
      if (i > 0) ratings += "   ·   ";
      ratings += std::string(names[i]) + " " + std::to_string(s.ratings[i]);
    }
    stat_row("Ratings", ratings);
    stat_row("Time", format_duration(s.duration_ms));
    stat_row("Still due today", std::to_string(s.remaining_due_today));
    ImGui::EndTable();
  }
  ImGui::Dummy(ImVec2(0, 0.8f * em));
  const bool clicked = styled_button("Back to Home  (Enter)", ImVec2(14.0f * em, 0), true);
  if (clicked || (!ui.typing && (enter_pressed() || escape_pressed()))) ui.send(app::GoHome{});
}

}  // namespace casebook::ui
