#include "ui/plan_screen.hpp"

#include <imgui.h>

#include <string>

#include "ui/charts.hpp"
#include "ui/comparison.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

/// Every day up to the exam: its date and the expected reviews in both columns.
void draw_days(const app::PlanView& v) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
  const float rows = static_cast<float>(std::min<std::size_t>(v.days.size(), 12) + 1);
  if (!ImGui::BeginTable("days", 3, flags, ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing()))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Day", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(v.columns[0].c_str(), ImGuiTableColumnFlags_WidthFixed, 11.0f * ImGui::GetFontSize());
  ImGui::TableSetupColumn(v.columns[1].c_str(), ImGuiTableColumnFlags_WidthFixed, 11.0f * ImGui::GetFontSize());
  ImGui::TableHeadersRow();
  for (const app::PlanView::Day& d : v.days) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(d.date.c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%d", d.a);
    ImGui::TableSetColumnIndex(2);
    ImGui::Text("%d", d.b);
  }
  ImGui::EndTable();
}

}  // namespace

void PlanScreen::draw(const app::PlanView& view, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  const bool running = view.job.running;
  text_in(ui.fonts->heading, "Exam plan");
  hint_text("Your own cards, studied every day by a simulated learner whose memory follows your FSRS parameters: "
            "the reviews to expect each day up to the exam, and how much you should recall on the day.");
  ImGui::Dummy(ImVec2(0, 0.25f * em));

  const int n = static_cast<int>(view.alternatives.size());
  int alternative = view.alternative;
  ImGui::SetNextItemWidth(16.0f * em);
  if (ImGui::BeginCombo("Compare with (Left/Right)",
                        n > 0 ? view.alternatives[static_cast<std::size_t>(view.alternative)].c_str() : "")) {
    for (int k = 0; k < n; ++k) {
      if (ImGui::Selectable(view.alternatives[static_cast<std::size_t>(k)].c_str(), k == view.alternative)) alternative = k;
    }
    ImGui::EndCombo();
  }
  // F6 gives the arrows to a chart (its days); without a focused chart they pick the alternative.
  const bool charts = view.has_results && !running;
  if (charts) m_focus.read_keys(2, static_cast<int>(view.reviews[0].values.size()), ui.typing);
  const bool arrows = !running && n > 0 && !(charts && m_focus.chart >= 0);
  if (arrows && left_pressed()) alternative = (view.alternative + n - 1) % n;
  if (arrows && right_pressed()) alternative = (view.alternative + 1) % n;
  if (alternative != view.alternative && !running) ui.send(app::SetPlanAlternative{alternative});
  hint_text("Plain FSRS: your options without the exam rule, load balancing and light days. The exam is still "
            "measured on its day.");

  const bool again = styled_button("Plan again (Enter)", ImVec2(0, 0), true, !running);
  ImGui::SameLine();
  if (running) {
    if (ImGui::Button("Cancel (Esc)") || escape_pressed()) ui.send(app::CancelJob{});
  } else if (styled_button("Back (Esc)", ImVec2(0, 0), false) || escape_pressed()) {
    ui.send(app::Back{});
  } else if (again || enter_pressed()) {
    ui.send(app::StartPlan{});
  }
  if (!ui.typing) scroll_keys();

  if (running) ImGui::ProgressBar(static_cast<float>(view.job.progress), ImVec2(-1, 0));
  if (!view.error.empty()) wrapped_text(view.error, kColorWrong);
  if (!view.has_results || running) return;
  ImGui::Dummy(ImVec2(0, 0.25f * em));
  wrapped_text(view.horizon);
  draw_comparison_table("plan", view.columns, view.rows);
  hint_text("F6: focus a chart (Shift+F6 back; the arrows then move its day) · pointer: a day's value");
  chart_pair(ui, view.reviews, m_focus, 0, 7.0f);
  draw_days(view);
  hint_text("Same cards, same seed, same figures: the difference between the columns is the option. "
            "How it is computed: docs/simulator.md, \"The exam plan\".");
}

}  // namespace casebook::ui
