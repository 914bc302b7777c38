#include "ui/export_screen.hpp"

#include <imgui_stdlib.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

/// What each format is, as the checkboxes say it.
constexpr std::array<std::string_view, app::kReportFormats.size()> kFormatLabels = {
    "HTML page (charts; prints to PDF)", "CSV table (spreadsheets)", "XLSX workbook (Excel, LibreOffice)",
    "JSON (schema casebook-report v2)", "xAPI statements (learning record stores)"};

}  // namespace

std::string default_export_folder(const app::AppConfig& config) {
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return (std::filesystem::path(home) / "casebook-reports").string();
  return (std::filesystem::path(config.db_path).parent_path() / "casebook-reports").string();
}

ExportScreen::ExportScreen(const app::AppConfig& config) : m_config(config), m_folder(default_export_folder(config)) {
  m_selected.fill(true);
}

void ExportScreen::start_export() {
  app::ReportRequest request;
  request.db_path = m_config.db_path;
  request.bank_paths = m_config.bank_paths;
  request.learner = m_config.learner;
  request.now = m_config.clock ? m_config.clock() : core::now_ms();
  request.clock = m_config.scheduler.clock;
  std::vector<std::string> formats;
  for (std::size_t i = 0; i < m_selected.size(); ++i) {
    if (m_selected[i]) formats.emplace_back(app::kReportFormats[i]);
  }
  m_note.clear();
  m_exporter.start(std::move(request), std::move(formats), m_folder);
}

void ExportScreen::open_folder() {
  // xdg-open in a grandchild, so nothing waits for it and no zombie is left; a missing
  // xdg-open (or folder) only makes the grandchild exit.
  const std::string folder = m_folder;
  const pid_t child = ::fork();
  if (child == 0) {
    if (::fork() == 0) {
      const int null_fd = ::open("/dev/null", O_RDWR);
      if (null_fd >= 0) {
        ::dup2(null_fd, 0);
        ::dup2(null_fd, 1);
        ::dup2(null_fd, 2);
      }
      ::execlp("xdg-open", "xdg-open", folder.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::_exit(0);
  }
  if (child > 0) ::waitpid(child, nullptr, 0);
  m_note = child > 0 ? "Opening " + folder + " in the file manager…" : "Could not start xdg-open.";
}

bool ExportScreen::draw(UiContext& ui, bool* busy) {
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Export progress report");
  hint_text("Learner: " + m_config.learner + "  ·  database: " + m_config.db_path);
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  const bool running = m_exporter.running();
  ImGui::TextUnformatted("Formats");
  for (std::size_t i = 0; i < m_selected.size(); ++i) {
    const std::string label = std::to_string(i + 1) + "  " + std::string(kFormatLabels[i]);
    ImGui::BeginDisabled(running);
    ImGui::Checkbox(label.c_str(), &m_selected[i]);
    ImGui::EndDisabled();
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  ImGui::TextUnformatted("Folder");
  ImGui::SetNextItemWidth(-1);
  ImGui::BeginDisabled(running);
  ImGui::InputText("##folder", &m_folder);
  ImGui::EndDisabled();
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  bool any = false;
  for (const bool s : m_selected) any = any || s;
  const bool keys = !ui.typing && !running;
  if (keys) {
    const int digit = typed_digit();
    if (digit >= 1 && static_cast<std::size_t>(digit) <= m_selected.size()) {
      m_selected[static_cast<std::size_t>(digit - 1)] = !m_selected[static_cast<std::size_t>(digit - 1)];
    }
  }
  if (styled_button("Export (Enter)", ImVec2(0, 0), true, any && !running) || (keys && any && enter_pressed())) {
    start_export();
  }
  ImGui::SameLine();
  if (styled_button("Open folder (O)", ImVec2(0, 0), false) || (keys && typed_letter('o'))) open_folder();
  ImGui::SameLine();
  const bool back = styled_button("Back (Esc)", ImVec2(0, 0), false, !running) || (!running && escape_pressed());

  ImGui::Dummy(ImVec2(0, 0.5f * em));
  const float fraction = static_cast<float>(m_exporter.progress());
  ImGui::ProgressBar(fraction, ImVec2(-1, 0), running ? nullptr : (fraction >= 1.0f ? "done" : ""));
  if (!m_exporter.message().empty()) {
    wrapped_text(m_exporter.message(), m_exporter.failed() ? kColorNotice : ImGui::GetStyleColorVec4(ImGuiCol_Text));
  }
  for (const std::string& path : m_exporter.written()) hint_text(path);
  if (!m_note.empty()) hint_text(m_note);

  // One unit of work per frame, after drawing, so the bar moves between the steps.
  if (m_exporter.step() && busy != nullptr) *busy = true;
  return !back;
}

}  // namespace casebook::ui
