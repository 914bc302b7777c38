// Export screen: writes progress reports (HTML, PDF, CSV, XLSX, JSON, xAPI) of a learner, a
// bank and a period into a folder, with a progress bar and "open folder"; and, for
// instructors, the class report from the learners' reports in that folder or the class's store. Reached from Home (E or the Export button); the export
// itself is app::ExportFlow, on a background job.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class ExportScreen {
 public:
  /// Draws `view` and, under it, the class report section `klass`, and queues at most one
  /// action. Keys: 1-6 toggle the formats, Ctrl+L and Ctrl+B choose the learner and the bank,
  /// Enter exports, O opens the folder, Esc cancels a running export or goes back, Tab reaches
  /// the folder field; R (where from), X (HTML or XLSX) and K (build) for the class report.
  void draw(const app::ExportView& view, const app::ClassReportView& klass, UiContext& ui);

 private:
  void draw_class_report(const app::ClassReportView& view, UiContext& ui, bool exporting);
  std::string m_folder;            ///< the folder field's draft
  std::uint64_t m_revision = ~0ull;  ///< the view's revision the draft was loaded from
  std::string m_from, m_to;        ///< the period fields' drafts
  std::uint64_t m_period_revision = ~0ull;
  std::string m_class_message;     ///< the class report message last shown (a new one scrolls to it)
  std::string m_export_message;    ///< the export's message last shown (a new one scrolls to it)
  char m_focus = 0;                ///< 'f' or 't': the period field to focus this frame (F, T)
};

}  // namespace casebook::ui
