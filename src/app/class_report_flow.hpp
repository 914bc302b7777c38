// The class report from the window (issue 13, for instructors): the item analysis over the
// learners' JSON reports collected in the export folder, or over their statements in the
// class's learning record store, written beside them as an HTML page or an XLSX workbook
// under a new name, on a background job. Shown on the Export screen.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/background.hpp"
#include "app/context.hpp"
#include "app/views.hpp"
#include "core/question.hpp"
#include "report/class_report.hpp"

namespace casebook::app {

/// One learner's report (`casebook report --format json`) read from `path` (bank::
/// kLearnerReportInput limits); a report without a learner name is named after its file.
/// Throws std::runtime_error naming the file when it cannot be read or is not such a report.
[[nodiscard]] report::LearnerExport read_learner_report(const std::string& path);

/// What learner_reports_in() left out.
struct FolderSkips {
  int not_reports = 0;  ///< JSON files that are not learners' reports (an xAPI export, ...)
  int older = 0;        ///< older reports of a learner whose newer report counts
};

/// Every learner report among the `*.json` files of `folder` (not its subfolders), the newest
/// file per learner name (a learner who exported twice counts once); learners in name order.
/// Throws std::runtime_error when the folder cannot be read.
[[nodiscard]] std::vector<report::LearnerExport> learner_reports_in(const std::string& folder, FolderSkips& skips);

/// Every choice of every question of the loaded banks, by card key: the class report lists
/// the choices nobody picked and marks distractors.
[[nodiscard]] std::map<std::string, std::vector<core::Choice>> choices_by_card(const Library& library);

/// The class report section of the Export screen.
class ClassReportFlow {
 public:
  explicit ClassReportFlow(AppContext& ctx) : m_ctx(ctx) {}
  /// The Export screen opened: looks whether a store is configured (AppConfig::lrs_config_path).
  void open();
  /// Where the learners' data comes from (0: the JSON reports in the folder, 1: the class's
  /// store, when one is configured) and the format (0: HTML, 1: XLSX); out of range is ignored.
  void choose(int source, int format);
  /// Builds the report from `folder` (or the store) into `folder`, on the worker.
  void start(const std::string& folder);
  /// Main thread: takes a finished report. True when the view changed.
  bool poll();
  [[nodiscard]] bool running() const { return m_job.running(); }
  void wait();
  [[nodiscard]] ClassReportView view() const;

 private:
  struct Written {
    std::string path;
    std::size_t learners = 0, questions = 0;
    std::size_t without_reviews = 0;  ///< learners whose report (the newest) holds no review
    FolderSkips skips;
  };
  AppContext& m_ctx;
  std::string m_store_url;  ///< the configured store, "" when none (open())
  int m_source = 0;
  int m_format = 0;
  std::string m_message;
  bool m_failed = false;
  std::string m_written;
  BackgroundJob<Written> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::app
