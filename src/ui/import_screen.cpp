#include "ui/import_screen.hpp"

#include <imgui_stdlib.h>

#include <array>
#include <filesystem>

#include "core/diagnostic.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 3> kFormatLabels = {"GIFT (Moodle)", "Aiken", "CSV"};

}  // namespace

std::string default_import_folder(const app::AppConfig& config) {
  std::error_code ec;
  for (const std::string& p : config.bank_paths) {
    if (fs::is_directory(p, ec)) return p;
  }
  if (!config.bank_paths.empty()) return fs::path(config.bank_paths.front()).parent_path().string();
  return {};
}

ImportScreen::ImportScreen(const app::AppConfig& config) : m_config(config) {}

void ImportScreen::open() {
  m_focus = true;
  m_done = false;
  m_failed = false;
  m_summary.clear();
  m_written.clear();
  m_lines.clear();
}

void ImportScreen::input_changed() {
  if (const auto guess = app::guess_import_format(m_input)) m_format = static_cast<int>(*guess);
  if (m_output_edited) return;
  const std::string stem = fs::path(m_input).stem().string();
  m_output = stem.empty() ? std::string() : (fs::path(default_import_folder(m_config)) / (stem + ".toml")).string();
}

void ImportScreen::run_import(UiContext& ui) {
  app::ImportRequest request;
  request.input = m_input;
  request.format = static_cast<app::ImportFormat>(m_format);
  request.out_path = m_output;
  request.replace = m_replace;
  const app::ImportOutcome outcome = app::import_questions(request);
  m_done = true;
  m_failed = outcome.status != app::ImportStatus::Written;
  m_lines.clear();
  for (const auto& d : outcome.diagnostics) m_lines.push_back(core::format_diagnostic(d));
  for (const auto& d : outcome.check_diagnostics) m_lines.push_back(core::format_diagnostic(d));
  const std::string questions = std::to_string(outcome.imported) + (outcome.imported == 1 ? " question" : " questions");
  switch (outcome.status) {
    case app::ImportStatus::Written:
      m_summary = "Imported " + questions + " into " + m_output + "; " + std::to_string(outcome.skipped) + " left out.";
      m_written = m_output;
      ui.send(app::ReloadBanks{});  // the new bank appears on Home
      break;
    case app::ImportStatus::Empty:
      m_summary = "No question could be imported (" + std::to_string(outcome.skipped) +
                  " reported below); nothing written. Is it a " + kFormatLabels[static_cast<std::size_t>(m_format)] +
                  " file?";
      break;
    case app::ImportStatus::Invalid:
      m_summary = "The imported bank does not validate; nothing written (please report this).";
      break;
    case app::ImportStatus::Unreadable:
    case app::ImportStatus::Exists:
    case app::ImportStatus::WriteFailed:
      m_summary = outcome.message + ".";
      break;
  }
}

bool ImportScreen::draw(UiContext& ui) {
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
  if (ImGui::InputText("##input", &m_input)) input_changed();

  ImGui::TextUnformatted("Format");
  for (std::size_t i = 0; i < kFormatLabels.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::RadioButton(kFormatLabels[i], &m_format, static_cast<int>(i));
  }

  ImGui::TextUnformatted("Bank file to write");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##output", &m_output)) m_output_edited = true;
  ImGui::Checkbox("Replace the bank file if it exists", &m_replace);
  std::error_code ec;
  if (!m_replace && !m_output.empty() && m_output != m_written && fs::exists(m_output, ec)) {
    wrapped_text("This file exists: tick \"replace\" or choose another name.", kColorNotice);
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  const bool ready = !m_input.empty() && !m_output.empty();
  // Enter imports even from a path field: a one-line field has no other use for it.
  if (styled_button("Import (Enter)", ImVec2(0, 0), true, ready) || (ready && enter_pressed())) run_import(ui);
  ImGui::SameLine();
  const bool back = styled_button("Back (Esc)", ImVec2(0, 0), false) || escape_pressed();

  if (m_done) {
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    wrapped_text(m_summary, m_failed ? kColorNotice : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (!m_lines.empty()) {
      hint_text(std::to_string(m_lines.size()) + (m_lines.size() == 1 ? " diagnostic:" : " diagnostics:"));
      ImGui::BeginChild("##diagnostics", ImVec2(0, 0), true);
      for (const std::string& line : m_lines) wrapped_text(line);
      ImGui::EndChild();
    }
  }
  return !back;
}

}  // namespace casebook::ui
