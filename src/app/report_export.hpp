// Report export shared by `casebook report` and the GUI's Export screen: gathers a learner's
// cards and review log (storage) with their bank texts (bank) into a report::ReportInput,
// under the learner's effective options (app/effective_options.hpp), and writes it in any
// format atomically.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/options.hpp"
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
  /// The options the learner's stored ones apply over (app::base_study_options): with the
  /// stored options and bank overrides they give the weights (retrievability), the time
  /// zone and the rollover hour (local dates, study days), as on the study screen.
  core::StudyOptions base{};
};

/// A gathered report and the banks that failed to load (their cards lose titles and prompts).
struct GatheredReport {
  report::ReportInput input;
  std::vector<std::string> bank_warnings;  ///< one line per bank that did not load
};

/// Reads every card state of the learner (retrievability at `now` under the card's effective
/// scheduler: the learner's weights, or its bank's) and their review log, joined with the loaded banks; a card whose question is in no loaded
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

/// The files an export of `formats` into `folder` writes: "casebook-report-<learner>-<date>.
/// <ext>" (report_file_name's extensions), with "-2", "-3", ... added when any of them
/// exists already, so an export never replaces an earlier one. `date` is "YYYY-MM-DD".
[[nodiscard]] std::vector<std::string> propose_report_paths(const std::string& folder, const std::string& learner,
                                                            const std::string& date,
                                                            const std::vector<std::string>& formats);

}  // namespace casebook::app
