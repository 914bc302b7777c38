#include "ui/simulator_screen.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a field being edited shows a new value

#include "platform/keys.hpp"
#include "ui/charts.hpp"
#include "ui/comparison.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

void SimulatorScreen::draw_charts(const app::SimulatorView& view, UiContext& ui) {
  m_focus.read_keys(6, static_cast<int>(view.charts[0][0].values.size()), ui.typing);
  hint_text("F6: focus the next chart (Shift+F6 back) · Left/Right: the focused day's value · pointer: a day's value");
  for (int kind = 0; kind < 3; ++kind) chart_pair(ui, view.charts[static_cast<std::size_t>(kind)], m_focus, 2 * kind, 7.0f);
}

void SimulatorScreen::draw(const app::SimulatorView& view, UiContext& ui) {
  if (m_revision != view.revision) {
    // The app changed the form (a new scope, a clamped value): a field being edited keeps its
    // own text, so leave it and focus the first field again to show the new values.
    if (m_revision != ~0ull) ImGui::ClearActiveID();
    m_form = view.form;
    m_revision = view.revision;
    m_refocus = true;
  }
  const bool running = view.job.running;
  text_in(ui.fonts->heading, "Workload simulator");
  hint_text("A simulated learner whose memory follows your FSRS parameters studies every day. "
            "Compare two desired retentions before you choose one in Settings, or your options with and without "
            "load balancing and light days, or without the exam date.");
  ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));

  // Whose options: the learner's or one bank's (with its overrides).
  const int scopes = static_cast<int>(view.scopes.size());
  app::SimulatorForm next = m_form;
  ImGui::SetNextItemWidth(28.0f * ImGui::GetFontSize());
  // "Bank: " and a bank title, Hebrew or Arabic ones in drawing order (label).
  const std::string current = m_form.scope < scopes ? label(view.scopes[static_cast<std::size_t>(m_form.scope)]) : "";
  if (ImGui::BeginCombo("Options (Ctrl+B)", current.c_str())) {
    for (int s = 0; s < scopes; ++s) {
      if (ImGui::Selectable(label(view.scopes[static_cast<std::size_t>(s)]).c_str(), s == m_form.scope)) next.scope = s;
    }
    ImGui::EndCombo();
  }
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyB, false) && scopes > 0) {
    next.scope = (m_form.scope + 1) % scopes;
  }
  // Column B: another desired retention, or the same options without a feature.
  const int kinds = static_cast<int>(view.compare_labels.size());
  ImGui::SetNextItemWidth(28.0f * ImGui::GetFontSize());
  if (ImGui::BeginCombo("Compare with (Ctrl+G)", view.compare_labels[static_cast<std::size_t>(m_form.compare)].c_str())) {
    for (int k = 0; k < kinds; ++k) {
      if (ImGui::Selectable(view.compare_labels[static_cast<std::size_t>(k)].c_str(), k == m_form.compare)) next.compare = k;
    }
    ImGui::EndCombo();
  }
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyG, false)) next.compare = (m_form.compare + 1) % kinds;

  // Three rows of two fields (Tab goes left to right, then down).
  const float field = 6.0f * ImGui::GetFontSize();
  const auto input = [&](const char* label, int& value) {
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt(label, &value, 0, 0);
  };
  ImGui::BeginDisabled(running);
  if (ImGui::BeginTable("form", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    if (m_refocus) ImGui::SetKeyboardFocusHere();  // the first field has the focus
    m_refocus = false;
    input("Cards in the bank", next.bank_size);
    ImGui::TableNextColumn();
    input("New cards per day", next.new_per_day);
    ImGui::TableNextColumn();
    input("Desired retention A (%)", next.retention_a);
    ImGui::TableNextColumn();
    ImGui::BeginDisabled(m_form.compare != 0);
    input("Desired retention B (%)", next.retention_b);
    ImGui::EndDisabled();
    ImGui::TableNextColumn();
    input("Days", next.days);
    ImGui::TableNextColumn();
    input("Seed", next.seed);
    ImGui::EndTable();
  }
  ImGui::EndDisabled();
  if (!(next == m_form) && !running) {
    m_form = next;
    ui.send(app::SetSimulatorForm{next});
  }

  const bool run_clicked = styled_button("Simulate (Enter)", ImVec2(0, 0), true, !running);
  ImGui::SameLine();
  if (running) {
    if (ImGui::Button("Cancel (Esc)") || escape_pressed()) ui.send(app::CancelJob{});
  } else {
    const bool plan_clicked = styled_button("Exam plan (Ctrl+P)", ImVec2(0, 0), false);
    ImGui::SameLine();
    if (plan_clicked || (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyP, false))) {
      ui.send(app::Navigate{app::Screen::Plan});
    }
    const bool back_clicked = styled_button("Back (Esc)", ImVec2(0, 0), false);
    if (back_clicked || (escape_pressed() && !ui.typing)) {
      m_refocus = true;
      ui.send(app::Back{});
    } else if (run_clicked || enter_pressed()) {
      ui.send(app::StartSimulation{});
    }
  }
  if (!ui.typing) scroll_keys();

  if (running || view.job.progress > 0.0) {
    ImGui::ProgressBar(static_cast<float>(view.job.progress), ImVec2(-1, 0), running ? nullptr : "done");
  }
  if (view.job.cancelling) hint_text("Cancelling…");
  if (!view.error.empty()) wrapped_text(view.error, kColorWrong);
  if (view.has_results && !running) {
    ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));
    hint_text("Simulated with: " + view.scope_name);
    draw_comparison_table("results", view.columns, view.rows);
    draw_charts(view, ui);
    hint_text("Times per review and rating shares: the fsrs-rs simulator's defaults (docs/simulator.md). "
              "Same seed, same figures.");
  }
}

}  // namespace casebook::ui
