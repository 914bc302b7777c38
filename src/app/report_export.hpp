// Report export shared by `casebook report` and the GUI's Export screen: gathers a learner's
// cards and review log (storage) with their bank texts (bank) into a report::ReportInput and
// writes it in any format atomically. ReportExporter runs an export in small steps so the
// GUI can draw a progress bar between them.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "report/report.hpp"

namespace casebook::app {

/// The report formats in menu order.
inline constexpr std::array<std::string_view, 5> kReportFormats = {"html", "csv", "xlsx", "json", "xapi"};

/// What to put in a report.
struct ReportRequest {
  std::string db_path;                  ///< must exist: opened read-only, never changed
  std::vector<std::string> bank_paths;  ///< for titles, prompts and topics
  std::string learner = "default";
  std::string bank_filter;              ///< only this bank id ("" = every bank)
  core::TimestampMs now = 0;            ///< report time, UTC ms
  core::DayClock clock{};               ///< retrievability, local dates, study days
};

/// A gathered report and the banks that failed to load (their cards lose titles and prompts).
struct GatheredReport {
  report::ReportInput input;
  std::vector<std::string> bank_warnings;  ///< one line per bank that did not load
};

/// Reads every card state of the learner (retrievability at `now`, FSRS via core::Scheduler)
/// and their review log, joined with the loaded banks; a card whose question is in no loaded
/// bank is `retired` (kept, with its history). Throws std::runtime_error for a missing
/// database or an unknown learner, storage::StorageError for an unreadable database.
[[nodiscard]] GatheredReport gather_report(const ReportRequest& request);

/// Writes `in` as `format` (one of kReportFormats) to `path` atomically (a temp file in the
/// same folder, flushed, then renamed). Throws std::invalid_argument for an unknown format,
/// std::runtime_error when the file cannot be written.
void write_report_file(const report::ReportInput& in, std::string_view format, const std::string& path);

/// The file name an export uses for `format`: "casebook-report.html", ..., and
/// "casebook-report.xapi.json" for xAPI statements.
[[nodiscard]] std::string report_file_name(std::string_view format);

/// Runs an export of several formats into one folder, one step at a time.
class ReportExporter {
 public:
  ReportExporter();
  ~ReportExporter();
  ReportExporter(const ReportExporter&) = delete;
  ReportExporter& operator=(const ReportExporter&) = delete;

  /// Starts an export of `formats` into `folder` (created if missing); replaces any export
  /// in progress. Nothing is read until the first step().
  void start(ReportRequest request, std::vector<std::string> formats, std::string folder);
  /// Does the next unit of work: first gathering the data, then one file per format. Errors
  /// end the export and are shown by message(). Returns true while work remains.
  bool step();
  [[nodiscard]] bool running() const;
  /// Fraction of the steps done, 0..1 (1 when idle after an export).
  [[nodiscard]] double progress() const;
  /// What happened last: "Exporting html…", "Wrote 3 files to …" or the error.
  [[nodiscard]] const std::string& message() const;
  [[nodiscard]] bool failed() const;
  /// Paths written by the last export.
  [[nodiscard]] const std::vector<std::string>& written() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace casebook::app
