// Export screen: writes progress reports (HTML, CSV, XLSX, JSON, xAPI) into a folder, with a
// progress bar and "open folder". Reached from Home (E or the Export button); the export
// itself is app::ReportExporter, one step per frame.
#pragma once
#include <array>
#include <string>

#include "app/controller.hpp"
#include "app/report_export.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class ExportScreen {
 public:
  /// `config` gives the database, banks, learner and clock of the report.
  explicit ExportScreen(const app::AppConfig& config);

  /// Draws the screen and advances a running export by one step. Keys: 1-5 toggle the
  /// formats, Enter exports, O opens the folder, Esc goes back. Returns false when the user
  /// leaves the screen. Sets `*busy` while an export runs (so frames keep coming).
  [[nodiscard]] bool draw(UiContext& ui, bool* busy);

 private:
  void start_export();
  void open_folder();

  const app::AppConfig& m_config;
  std::array<bool, app::kReportFormats.size()> m_selected{};
  std::string m_folder;
  std::string m_note;  ///< "Opening …" after open folder
  app::ReportExporter m_exporter;
};

/// The folder an export goes to by default: $HOME/casebook-reports, or "casebook-reports"
/// beside the database when HOME is unset.
[[nodiscard]] std::string default_export_folder(const app::AppConfig& config);

}  // namespace casebook::ui
