// Report export shared by `casebook report` and the GUI's Export screen: gathers a learner's
// cards and review log (storage) with their bank texts (bank) into a report::ReportInput,
// under the learner's effective options (app/effective_options.hpp), and writes it in any
// format atomically.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/options.hpp"
#include "core/time.hpp"
#include "report/report.hpp"

namespace casebook::app {

/// The report formats in menu order.
inline constexpr std::array<std::string_view, 6> kReportFormats = {"html", "pdf", "csv", "xlsx", "json", "xapi"};

/// What to put in a report.
struct ReportRequest {
  std::string db_path;                  ///< must exist: opened read-only, never changed
  std::vector<std::string> bank_paths;  ///< for titles, prompts and topics
  std::string learner = "default";
  std::string bank_filter;              ///< only this bank id ("" = every bank)
  /// The period, as the learner types it (parse_report_period): "YYYY-MM-DD" (a study day in
  /// the learner's time zone; `to` includes that whole day) or an ISO-8601 instant; "" for no
  /// bound. Resolved with the learner's effective clock.
  std::string from;
  std::string to;
  core::TimestampMs now = 0;            ///< report time, UTC ms
  /// The options the learner's stored ones apply over (app::base_study_options): with the
  /// stored options and bank overrides they give the weights (retrievability), the time
  /// zone and the rollover hour (local dates, study days), as on the study screen.
  core::StudyOptions base{};
};

/// The instants of a report period: [from, to), each none when not given.
struct ReportPeriod {
  std::optional<core::TimestampMs> from;
  std::optional<core::TimestampMs> to;
};

/// Parses a report period. Each bound is "" (none), a date "YYYY-MM-DD" (from: the start of
/// that study day under `clock`; to: the start of the next one, so the day is included) or an
/// ISO-8601 instant with a zone ("2024-06-01T12:00:00Z"). Throws std::invalid_argument naming
/// the bad text by the name of its field ("--from 2024-13-01: ..." on the command line,
/// "From 2024-13-01: ..." on the Export screen) or a period that ends before it starts.
struct PeriodNames {
  const char* from = "--from";
  const char* to = "--to";
};
[[nodiscard]] ReportPeriod parse_report_period(const std::string& from, const std::string& to, const core::DayClock& clock,
                                               const PeriodNames& names = {});

/// A gathered report and the banks that failed to load (their cards lose titles and prompts).
struct GatheredReport {
  report::ReportInput input;
  /// One line per bank that did not load, a bank id no loaded bank has, or a period that
  /// starts after now (a date typed before the rollover hour).
  std::vector<std::string> bank_warnings;
};

/// Builds the report input: every question of the loaded banks (of `bank_filter`), started or
/// not, with the learner's stored state (retrievability at `now` under the card's effective
/// scheduler: the learner's weights, or its bank's) and flags; a stored card whose question is
/// in no loaded bank is `retired` (kept, with its history). The review log is not read here:
/// the input's review_source reads it from the database (read-only) with a cursor on each
/// pass, limited to the period and the bank. This is also what a statistics screen calls
/// before report::compute_figures. Throws std::runtime_error for a missing database, an
/// unknown learner or a period that ends before it starts, storage::StorageError for an
/// unreadable database.
[[nodiscard]] GatheredReport gather_report(const ReportRequest& request);

/// What writing a report file found.
struct ReportFileResult {
  std::size_t reviews = 0;            ///< reviews in the report (its period and bank)
  std::vector<std::string> warnings;  ///< e.g. XLSX cells cut to a spreadsheet's limit
};

/// Writes `in` as `format` (one of kReportFormats) to `path` atomically (a temp file in the
/// same folder, written as the report streams, flushed, then renamed). Throws
/// std::invalid_argument for an unknown format, std::runtime_error when the file cannot be
/// written (the target is then unchanged).
ReportFileResult write_report_file(const report::ReportInput& in, std::string_view format, const std::string& path);

/// The file name an export uses for `format`: "casebook-report.html", ".pdf", ..., and
/// "casebook-report.xapi.json" for xAPI statements.
[[nodiscard]] std::string report_file_name(std::string_view format);

/// The files an export of `formats` into `folder` writes: "casebook-report-<learner>-<date>.
/// <ext>" (report_file_name's extensions), with "-2", "-3", ... added when any of them
/// exists already, so an export never replaces an earlier one. `date` is "YYYY-MM-DD".
[[nodiscard]] std::vector<std::string> propose_report_paths(const std::string& folder, const std::string& learner,
                                                            const std::string& date,
                                                            const std::vector<std::string>& formats);

}  // namespace casebook::app
