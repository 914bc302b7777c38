// The application controller: the one core every front end (the window, `casebook study`)
// drives. It owns the start-up configuration, the progress database, the loaded banks, the
// learner's effective options, navigation between screens, and one model per screen; front
// ends read the view models and send Actions. No ImGui and no terminal code here.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/config.hpp"
#include "app/exam_view.hpp"
#include "app/views.hpp"
#include "core/options.hpp"

namespace casebook::app {

/// Owns everything behind the screens. Constructing it loads the banks and opens the
/// database (app::open_app_progress); a failure to open the database throws
/// storage::StorageError, and ReadOnlyOffer when only read-only access is possible (the
/// caller shows it: app::start_controller). A damaged file found at start opens the app on
/// the Backups screen with the newest backup offered. With AppConfig::read_only, every
/// action that would write to the progress file is refused with a message. Every recorded answer is committed before dispatch returns. Not thread-safe: call it
/// from one thread (long work runs on its own workers and is collected by poll()).
class Controller {
 public:
  explicit Controller(AppConfig config);
  ~Controller();
  Controller(const Controller&) = delete;
  Controller& operator=(const Controller&) = delete;

  /// Applies one action. Errors (e.g. a failed write) are caught and shown in message() and
  /// the screen's view; an answer that could not be saved is kept for a retry.
  void dispatch(const Action& action);
  /// Takes the results of finished background work (export, import, optimize, simulate) and
  /// applies them on this thread. Call it once per frame (the GUI) or after waiting. Returns
  /// true when a view changed.
  bool poll();
  /// Some background work is running (the GUI keeps drawing its progress bar).
  [[nodiscard]] bool busy() const;
  /// `wake` is called from worker threads when background work progresses or ends; it must
  /// be thread-safe (the GUI passes glfwPostEmptyEvent, so an idle window redraws).
  void set_waker(std::function<void()> wake);
  /// Blocks until every running background job has finished, then polls (tests and the
  /// terminal front end; never the GUI's frame loop).
  void wait_for_background();

  /// The screen to draw. Navigation is this state: Navigate, Back, GoHome and the session's
  /// start and end change it.
  [[nodiscard]] Screen screen() const;
  [[nodiscard]] const HomeView& home() const;
  [[nodiscard]] const StudyView* study() const;   ///< nullptr unless screen() == Study
  /// The last session's summary, with the state of its answers' sync to the class's store.
  [[nodiscard]] SummaryView summary() const;
  [[nodiscard]] const SettingsView& settings() const;
  [[nodiscard]] OptimizeView optimize() const;
  [[nodiscard]] const SimulatorView& simulator() const;
  [[nodiscard]] PlanView plan() const;
  [[nodiscard]] ExportView export_view() const;
  /// The class report section of the Export screen (app/class_report_flow.hpp).
  [[nodiscard]] ClassReportView class_report() const;
  [[nodiscard]] ImportView import_view() const;
  /// The Browser: every card of the loaded banks (built when it was opened), the search and sort.
  [[nodiscard]] const BrowserView& browser() const;
  /// The card shown on the Card info screen (the last one opened).
  [[nodiscard]] const CardInfoView& card_info() const;
  /// The display settings (UI scale, theme), read from AppConfig::display_path at start.
  [[nodiscard]] const DisplayView& display() const;
  [[nodiscard]] BackupsView backups() const;
  /// The Statistics screen: the learner's figures (report::compute_figures over the same
  /// report input as the reports), computed on a background job when the screen opens.
  [[nodiscard]] StatsView stats() const;
  /// The Custom study screen (built when it was opened from Home, over Home's highlighted scope).
  [[nodiscard]] const CustomStudyView& custom_study() const;
  /// The mock exam screen: set-up, the exam being taken, its result (app/exam_flow.hpp).
  [[nodiscard]] const ExamView& exam() const;
  /// The options in force for cards of bank `bank_id` (the learner's when empty or unknown).
  [[nodiscard]] core::StudyOptions study_options(const std::string& bank_id = "") const;
  /// A line for the status bar; empty when there is nothing to say.
  [[nodiscard]] const std::string& message() const;
  /// How the app was started (database, banks, learner, clock); bank paths grow when an
  /// import writes a bank outside the bank folders.
  [[nodiscard]] const AppConfig& config() const;
  /// Every character the screens may show from the loaded banks, the learners' names (those
  /// of the file and the one being typed on Home) and the paths (for font glyph ranges), as
  /// code points.
  [[nodiscard]] std::vector<char32_t> used_code_points() const;
  /// Changes whenever used_code_points() may have changed (banks reloaded, a bank imported, a
  /// learner's name with new characters listed or typed).
  [[nodiscard]] std::uint64_t glyph_generation() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace casebook::app
