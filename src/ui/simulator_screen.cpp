#include "ui/simulator_screen.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a field being edited shows a new value

#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

void draw_results(const app::SimulatorView& v) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg;
  if (ImGui::BeginTable("results", 3, flags)) {
    const float col = 9.0f * ImGui::GetFontSize();
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(v.columns[0].c_str(), ImGuiTableColumnFlags_WidthFixed, col);
    ImGui::TableSetupColumn(v.columns[1].c_str(), ImGuiTableColumnFlags_WidthFixed, col);
    ImGui::TableHeadersRow();
    for (const auto& row : v.rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(row.label.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(row.a.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(row.b.c_str());
    }
    ImGui::EndTable();
  }
  // One column per retention, the same vertical scale in both, reviews above minutes.
  if (!ImGui::BeginTable("plots", 2, ImGuiTableFlags_SizingStretchSame)) return;
  const float height = 3.5f * ImGui::GetFontSize();
  for (std::size_t kind = 0; kind < 2; ++kind) {
    const auto& pair = v.series[kind];
    float top = 0.0f;
    for (const auto& s : pair) {
      if (!s.empty()) top = std::max(top, *std::max_element(s.begin(), s.end()));
    }
    // Titles in a row of their own, so both plots start on one line.
    ImGui::TableNextRow();
    for (int column = 0; column < 2; ++column) {
      ImGui::TableSetColumnIndex(column);
      const std::string label = v.series_titles[kind] + ", " + v.columns[static_cast<std::size_t>(column)];
      ImGui::TextDisabled("%s", label.c_str());
    }
    ImGui::TableNextRow();
    for (int column = 0; column < 2; ++column) {
      const auto& s = pair[static_cast<std::size_t>(column)];
      ImGui::TableSetColumnIndex(column);
      ImGui::PushID(column + static_cast<int>(kind) * 2);
      ImGui::PlotLines("##plot", s.data(), static_cast<int>(s.size()), 0, nullptr, 0.0f, top,
                       ImVec2(ImGui::GetContentRegionAvail().x, height));
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace

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
            "Compare two desired retentions before you choose one in Settings.");
  ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));

  // Whose options: the learner's or one bank's (with its overrides).
  const int scopes = static_cast<int>(view.scopes.size());
  app::SimulatorForm next = m_form;
  ImGui::SetNextItemWidth(28.0f * ImGui::GetFontSize());
  const std::string current = m_form.scope < scopes ? view.scopes[static_cast<std::size_t>(m_form.scope)] : "";
  if (ImGui::BeginCombo("Options (Ctrl+B)", current.c_str())) {
    for (int s = 0; s < scopes; ++s) {
      if (ImGui::Selectable(view.scopes[static_cast<std::size_t>(s)].c_str(), s == m_form.scope)) next.scope = s;
    }
    ImGui::EndCombo();
  }
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyB, false) && scopes > 0) {
    next.scope = (m_form.scope + 1) % scopes;
  }

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
    input("Desired retention B (%)", next.retention_b);
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
    const bool back_clicked = styled_button("Back (Esc)", ImVec2(0, 0), false);
    if (back_clicked || (escape_pressed() && !ui.typing)) {
      m_refocus = true;
      ui.send(app::Back{});
    } else if (run_clicked || enter_pressed()) {
      ui.send(app::StartSimulation{});
    }
  }
  const float page = 0.8f * ImGui::GetWindowHeight();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) ImGui::SetScrollY(ImGui::GetScrollY() + page);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) ImGui::SetScrollY(ImGui::GetScrollY() - page);

  if (running || view.job.progress > 0.0) {
    ImGui::ProgressBar(static_cast<float>(view.job.progress), ImVec2(-1, 0), running ? nullptr : "done");
  }
  if (view.job.cancelling) hint_text("Cancelling…");
  if (!view.error.empty()) wrapped_text(view.error, kColorWrong);
  if (view.has_results && !running) {
    ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));
    hint_text("Simulated with: " + view.scope_name);
    draw_results(view);
    hint_text("Times per review and rating shares: the fsrs-rs simulator's defaults (docs/simulator.md). "
              "Same seed, same figures.");
  }
}

}  // namespace casebook::ui
