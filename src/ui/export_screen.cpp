#include "ui/export_screen.hpp"

#include <imgui_stdlib.h>

#include "ui/theme.hpp"

namespace casebook::ui {

void ExportScreen::draw(const app::ExportView& view, UiContext& ui) {
  if (m_revision != view.revision) {
    m_folder = view.folder;
    m_revision = view.revision;
  }
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Export progress report");
  hint_text("Learner: " + view.learner + "  ·  database: " + view.db_path);
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  const bool running = view.job.running;
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
  const bool editing = ImGui::IsItemActive();
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
}

}  // namespace casebook::ui
