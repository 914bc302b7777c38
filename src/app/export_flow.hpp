// The Export screen's model: which formats, which folder, the report gathered and written on
// a background job (new file names, never replacing an earlier export), and opening the
// folder in the desktop's file manager.
#pragma once
#include <string>
#include <vector>

#include "app/background.hpp"
#include "app/context.hpp"
#include "app/views.hpp"

namespace casebook::app {

/// The folder an export goes to by default: $HOME/casebook-reports, or "casebook-reports"
/// beside the database when HOME is unset.
[[nodiscard]] std::string default_export_folder(const AppConfig& config);

class ExportFlow {
 public:
  explicit ExportFlow(AppContext& ctx);

  /// Screen opened: reads the database's learners and the loaded banks for the choices.
  void open();
  void toggle_format(int index);
  void set_folder(std::string folder);
  /// Chooses the learner (ExportView::learners) and the bank (ExportView::banks, 0 = every bank).
  void set_learner(int index);
  void set_bank(int index);
  /// Sets the period (app::parse_report_period); a bad one shows in ExportView::period_error
  /// and blocks start().
  void set_period(std::string from, std::string to);
  /// Starts the export of the selected formats (at least one) into the folder, on the
  /// worker: the folder is created, the report gathered (read-only connection) for the chosen
  /// learner, bank and period under that learner's effective options at ctx.now(), then one
  /// file per format (the review log streamed from the database).
  void start();
  void cancel() { m_job.cancel(); }
  /// Main thread: takes a finished export. Returns true when something changed.
  bool poll();
  /// Opens the folder with xdg-open (in a detached grandchild: nothing waits for it).
  void open_folder();
  [[nodiscard]] bool running() const { return m_job.running(); }
  /// Blocks until a running export has finished (tests and the terminal).
  void wait();
  [[nodiscard]] ExportView view() const;

 private:
  struct Written {
    std::vector<std::string> paths;
    std::size_t cards = 0, reviews = 0;
    std::vector<std::string> warnings;
  };
  AppContext& m_ctx;
  std::vector<bool> m_selected;
  std::vector<std::string> m_learners;
  int m_learner = 0;
  std::vector<std::pair<std::string, std::string>> m_banks;  ///< (id, title), the first ("", "Every bank")
  int m_bank = 0;
  std::string m_from, m_to, m_period_error;
  std::string m_folder;
  std::uint64_t m_revision = 0;
  std::string m_message;
  bool m_failed = false;
  bool m_done = false;
  std::vector<std::string> m_written;
  std::string m_note;
  BackgroundJob<Written> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::app
