#include "ui/import_screen.hpp"

#include <imgui_stdlib.h>

#include "ui/theme.hpp"

namespace casebook::ui {

void ImportScreen::draw(const app::ImportView& view, UiContext& ui) {
  if (m_revision != view.revision) {
    m_input = view.input;
    m_output = view.output;
    m_revision = view.revision;
  }
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Import questions");
  hint_text("A GIFT, Aiken or CSV file becomes a new bank; questions that cannot be mapped are listed and left out.");
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  ImGui::TextUnformatted("Question file");
  ImGui::SetNextItemWidth(-1);
  if (m_focus) {
    ImGui::SetKeyboardFocusHere();
    m_focus = false;
  }
  if (ImGui::InputText("##input", &m_input)) ui.send(app::SetImportInput{m_input});

  ImGui::TextUnformatted("Format");
  for (std::size_t i = 0; i < view.format_labels.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::RadioButton(view.format_labels[i].c_str(), view.format == static_cast<int>(i))) {
      ui.send(app::SetImportFormat{static_cast<int>(i)});
    }
  }

  ImGui::TextUnformatted("Bank file to write");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##output", &m_output)) ui.send(app::SetImportOutput{m_output});
  bool replace = view.replace;
  if (ImGui::Checkbox("Replace the bank file if it exists", &replace)) ui.send(app::SetImportReplace{replace});
  if (view.output_exists) wrapped_text("This file exists: tick \"replace\" or choose another name.", kColorNotice);
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  const bool running = view.job.running;
  const bool ready = !view.input.empty() && !view.output.empty() && !running;
  // Enter imports even from a path field: a one-line field has no other use for it.
  if (styled_button("Import (Enter)", ImVec2(0, 0), true, ready) || (ready && enter_pressed())) {
    ui.send(app::StartImport{});
  }
  ImGui::SameLine();
  if (styled_button("Back (Esc)", ImVec2(0, 0), false, !running) || (!running && escape_pressed())) {
    m_focus = true;
    ui.send(app::Back{});
  }
  if (running) hint_text("Importing…");
  if (view.done) {
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    wrapped_text(view.summary, view.failed ? kColorNotice : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (!view.lines.empty()) {
      hint_text(std::to_string(view.lines.size()) + (view.lines.size() == 1 ? " diagnostic:" : " diagnostics:"));
      ImGui::BeginChild("##diagnostics", ImVec2(0, 0), true);
      for (const std::string& line : view.lines) wrapped_text(line);
      ImGui::EndChild();
    }
  }
}

}  // namespace casebook::ui
