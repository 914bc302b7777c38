#include "ui/export_screen.hpp"

#include <imgui_stdlib.h>

#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

void ExportScreen::draw(const app::ExportView& view, const app::ClassReportView& klass, UiContext& ui) {
  if (m_revision != view.revision) {
    m_folder = view.folder;
    m_revision = view.revision;
  }
  if (m_period_revision != view.revision) {
    m_from = view.from;
    m_to = view.to;
    m_period_revision = view.revision;
  }
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Export progress report");
  hint_text("Database: " + view.db_path);
  if (!ui.typing) scroll_keys();  // the written files and the class report may lie below the window
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  const bool running = view.job.running;
  ImGui::BeginDisabled(running);
  // Whose report, which bank: Ctrl+L and Ctrl+B step through the choices.
  const auto choice = [&](const char* title, const std::vector<std::string>& items, int current, auto make) {
    ImGui::SetNextItemWidth(24.0f * em);
    // Learner names and bank titles in a right-to-left script are drawn in order, joined (label).
    const std::string shown = current >= 0 && current < static_cast<int>(items.size()) ? label(items[static_cast<std::size_t>(current)]) : "";
    if (ImGui::BeginCombo(title, shown.c_str())) {
      for (int i = 0; i < static_cast<int>(items.size()); ++i) {
        ImGui::PushID(i);
        if (ImGui::Selectable(label(items[static_cast<std::size_t>(i)]).c_str(), i == current)) ui.send(make(i));
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
  };
  choice("Learner (Ctrl+L)", view.learners, view.learner_index, [](int i) { return app::SetExportLearner{i}; });
  choice("Bank (Ctrl+B)", view.banks, view.bank_index, [](int i) { return app::SetExportBank{i}; });
  const bool ctrl = ImGui::GetIO().KeyCtrl;
  if (!running && ctrl && ImGui::IsKeyPressed(platform::kKeyL, false) && !view.learners.empty()) {
    ui.send(app::SetExportLearner{(view.learner_index + 1) % static_cast<int>(view.learners.size())});
  }
  if (!running && ctrl && ImGui::IsKeyPressed(platform::kKeyB, false) && !view.banks.empty()) {
    ui.send(app::SetExportBank{(view.bank_index + 1) % static_cast<int>(view.banks.size())});
  }
  ImGui::TextUnformatted("Period (YYYY-MM-DD, both days included; empty: no limit; F and T to edit)");
  // F and T put the keyboard in the From and To fields (the key was read last frame).
  ImGui::SetNextItemWidth(9.0f * em);
  if (m_focus == 'f') ImGui::SetKeyboardFocusHere();
  bool period_changed = ImGui::InputText("From (F)##from", &m_from);
  // Enter in a field deactivates it in the same frame: "deactivated" counts as editing too.
  bool period_editing = ImGui::IsItemActive() || ImGui::IsItemDeactivated();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(9.0f * em);
  if (m_focus == 't') ImGui::SetKeyboardFocusHere();
  period_changed = ImGui::InputText("To (T)##to", &m_to) || period_changed;
  m_focus = 0;
  if (!ui.typing && !running) {
    if (typed_letter('f')) m_focus = 'f';
    if (typed_letter('t')) m_focus = 't';
  }
  period_editing = period_editing || ImGui::IsItemActive() || ImGui::IsItemDeactivated();
  if (period_changed) ui.send(app::SetExportPeriod{m_from, m_to});
  ImGui::EndDisabled();
  if (!view.period_error.empty()) wrapped_text(view.period_error, kColorNotice);
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  ImGui::TextUnformatted("Formats");
  for (std::size_t i = 0; i < view.formats.size(); ++i) {
    const std::string label = std::to_string(i + 1) + "  " + view.formats[i].label;
    bool on = view.formats[i].selected;
    ImGui::BeginDisabled(running);
    if (ImGui::Checkbox(label.c_str(), &on)) ui.send(app::ToggleExportFormat{static_cast<int>(i)});
    ImGui::EndDisabled();
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  ImGui::TextUnformatted("Folder (Tab to edit; new files never replace earlier exports)");
  ImGui::SetNextItemWidth(-1);
  ImGui::BeginDisabled(running);
  if (!ui.typing && tab_pressed()) ImGui::SetKeyboardFocusHere();
  if (ImGui::InputText("##folder", &m_folder)) ui.send(app::SetExportFolder{m_folder});
  const bool editing = ImGui::IsItemActive() || ImGui::IsItemDeactivated() || period_editing;
  ImGui::EndDisabled();
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  bool any = false;
  for (const auto& f : view.formats) any = any || f.selected;
  const bool keys = !ui.typing && !running;
  if (keys) {
    const int digit = typed_digit();
    if (digit >= 1 && static_cast<std::size_t>(digit) <= view.formats.size()) ui.send(app::ToggleExportFormat{digit - 1});
  }
  // Enter exports from the folder field too (a one-line field has no other use for it).
  if (styled_button("Export (Enter)", ImVec2(0, 0), true, any && !running) ||
      (!running && any && enter_pressed() && (!ui.typing || editing))) {
    ui.send(app::StartExport{});
  }
  ImGui::SameLine();
  if (styled_button("Open folder (O)", ImVec2(0, 0), false) || (keys && typed_letter('o'))) ui.send(app::OpenExportFolder{});
  ImGui::SameLine();
  if (running) {
    if (ImGui::Button("Cancel (Esc)") || escape_pressed()) ui.send(app::CancelJob{});
  } else if (styled_button("Back (Esc)", ImVec2(0, 0), false) || (escape_pressed() && !editing)) {
    ui.send(app::Back{});
  }

  ImGui::Dummy(ImVec2(0, 0.5f * em));
  const auto fraction = static_cast<float>(view.job.progress);
  ImGui::ProgressBar(fraction, ImVec2(-1, 0), running ? nullptr : (view.done && !view.failed ? "done" : ""));
  if (!view.message.empty()) {
    wrapped_text(view.message, view.failed ? kColorNotice : ImGui::GetStyleColorVec4(ImGuiCol_Text));
  }
  for (const std::string& path : view.written) hint_text(path);
  if (!view.note.empty()) hint_text(view.note);
  // An export's outcome ("Wrote 6 files ...", or why not) lies below the form: a new one is
  // scrolled into view, its last line at the bottom of the window.
  if (view.message != m_export_message) {
    m_export_message = view.message;
    if (!view.message.empty()) ImGui::SetScrollHereY(1.0f);
  }
  draw_class_report(klass, ui, running);
}

void ExportScreen::draw_class_report(const app::ClassReportView& view, UiContext& ui, bool exporting) {
  const float em = ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, 0.75f * em));
  ImGui::Separator();
  text_in(ui.fonts->bold, "Class report (for instructors)");
  hint_text("Item analysis over a class: facility and discrimination index per question, the answers "
            "picked, the dilemma positions taken and the problem reports. From every learner's JSON report "
            "in the folder above (the newest per learner), or from the class's record store (LRS); written "
            "into the folder under a new name.");
  const bool busy = exporting || view.job.running;
  const bool keys = !ui.typing && !busy;
  ImGui::BeginDisabled(busy);
  for (int i = 0; i < static_cast<int>(view.sources.size()); ++i) {
    if (ImGui::RadioButton(view.sources[static_cast<std::size_t>(i)].c_str(), view.source == i)) {
      ui.send(app::SetClassReport{i, view.format});
    }
  }
  for (int i = 0; i < static_cast<int>(view.formats.size()); ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::RadioButton(view.formats[static_cast<std::size_t>(i)].c_str(), view.format == i)) {
      ui.send(app::SetClassReport{view.source, i});
    }
  }
  ImGui::EndDisabled();
  if (keys && typed_letter('r') && view.sources.size() > 1) {
    ui.send(app::SetClassReport{(view.source + 1) % static_cast<int>(view.sources.size()), view.format});
  }
  if (keys && typed_letter('x')) ui.send(app::SetClassReport{view.source, 1 - view.format});
  if (styled_button("Build class report (K)", ImVec2(0, 0), false, !busy) || (keys && typed_letter('k'))) {
    ui.send(app::StartClassReport{});
  }
  hint_text("R: where from   ·   X: HTML or XLSX   ·   K: build");
  if (!view.message.empty()) {
    wrapped_text(view.message, view.failed ? kColorNotice : ImGui::GetStyleColorVec4(ImGuiCol_Text));
  }
  if (!view.written.empty()) hint_text(view.written);
  // The section is below the export's: a new class report message scrolls it into view.
  if (view.message != m_class_message) {
    m_class_message = view.message;
    ImGui::SetScrollHereY(1.0f);
  }
}

}  // namespace casebook::ui
