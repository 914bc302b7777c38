// Progress reports: a pure aggregation of card states and the review log, and writers
// for CSV (RFC 4180), JSON, self-contained HTML, XLSX and xAPI statements.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/backlog.hpp"
#include "core/card.hpp"
#include "core/review.hpp"
#include "core/time.hpp"

namespace casebook::report {

/// One card as the report shows it. `retrievability` is computed by the caller (FSRS F2 at
/// `ReportInput::generated_at`), 0 for cards never reviewed.
struct CardEntry {
  std::string card_key;        ///< "<bank id>/<question id>"
  std::string bank_id;
  std::string question_id;
  std::string bank_title;
  std::string prompt;          ///< question text, from the bank (untrusted: escape it)
  std::string question_type;   ///< "single_choice", ...
  core::CardSchedule schedule;
  double retrievability = 0.0; ///< 0..1
  bool retired = false;        ///< its question is no longer in any loaded bank (history kept)
  std::vector<std::string> topics;  ///< topic titles from the bank (empty: no topic / retired)
  std::string language = "und";     ///< the bank's BCP 47 language, "und" when unknown
};

struct ReportInput {
  std::string learner;
  core::TimestampMs generated_at = 0;  ///< UTC ms
  std::string time_zone = "UTC";       ///< for showing local dates
  std::vector<CardEntry> cards;
  std::vector<core::ReviewRecord> reviews;  ///< time order
  int rollover_hour = 4;               ///< local hour a study day starts (per-day charts)
  std::string bank_filter;             ///< the bank id the report is limited to, "" for all
  /// The learner's backlog spreads (issue 16), oldest first: the days on which fewer reviews
  /// were shown by choice. With a bank filter, only that bank's cards are listed.
  std::vector<core::BacklogSpread> backlog_spreads;
};

/// Totals shown at the top of every report.
struct Summary {
  int cards = 0, new_cards = 0, learning = 0, review = 0, relearning = 0;
  int reviews = 0, correct = 0;
  double accuracy = 0.0;        ///< correct / reviews, 0 when no reviews
  int due_now = 0;              ///< cards with due <= generated_at and state != New
  double mean_retrievability = 0.0;  ///< over reviewed cards
};

[[nodiscard]] Summary summarize(const ReportInput& in);

inline constexpr std::int64_t kMatureDays = 21;  ///< Anki: mature = interval of 21 days or more
inline constexpr int kLeechLapses = 8;           ///< Anki's default leech threshold (lapses)
inline constexpr int kForecastDays = 30;         ///< days in the due forecast
inline constexpr int kWeakestCards = 10;         ///< rows in the weakest-cards list

/// Passed and failed reviews of one interval band; retention = passed / (passed + failed).
struct RetentionCell {
  int passed = 0;
  int failed = 0;
  [[nodiscard]] int total() const { return passed + failed; }
  /// passed / total, 0 when there are no reviews.
  [[nodiscard]] double retention() const { return total() == 0 ? 0.0 : static_cast<double>(passed) / total(); }
};

/// One row of the true-retention table (Anki's "True Retention" stats table): reviews of
/// cards that were in Review state, young (interval < 21 days) or mature (>= 21 days);
/// a pass is any rating but Again.
struct RetentionRow {
  std::string period;  ///< "today", "yesterday", "last_week", "last_month", "last_year", "all_time"
  RetentionCell young;
  RetentionCell mature;
};

/// Reviews done on one study day.
struct DayActivity {
  std::int64_t day = 0;  ///< study-day index (core::study_day)
  std::string date;      ///< its local date, "YYYY-MM-DD"
  int reviews = 0;
  double minutes = 0.0;  ///< sum of response times, minutes
};

/// Mean retrievability now of the (non-retired) cards of one topic.
struct TopicMastery {
  std::string topic;  ///< title, "(no topic)" for cards without one
  int cards = 0;
  double mean_retrievability = 0.0;
};

/// A card with lapses, for the weakest-cards list.
struct WeakCard {
  std::size_t card = 0;  ///< index into ReportInput::cards
  int lapses = 0;
  bool leech = false;    ///< lapses >= kLeechLapses
};

/// Everything the charts and tables beyond the summary show. Days are study days in the
/// report's time zone with its rollover hour (UTC when the zone is unknown).
struct Analytics {
  int seen = 0;      ///< cards not New
  int learning = 0;  ///< Learning or Relearning
  int young = 0;     ///< Review with scheduled_days < 21
  int mature = 0;    ///< Review with scheduled_days >= 21
  int retired = 0;   ///< cards whose question is no longer in any bank
  std::int64_t today = 0;  ///< study day of generated_at
  std::string today_date;
  std::vector<RetentionRow> retention;  ///< today, yesterday, last 7, 30, 365 days, all time
  std::vector<DayActivity> days;        ///< every day with reviews, ascending
  std::vector<int> forecast;            ///< kForecastDays counts; [0] includes overdue cards
  std::vector<TopicMastery> topics;     ///< sorted by topic
  std::vector<WeakCard> weakest;        ///< most lapses first (retired too), at most kWeakestCards
};

/// Computes the analytics of `in` (pure; never reads the clock).
[[nodiscard]] Analytics analyze(const ReportInput& in);

/// CSV, RFC 4180 (CRLF, quotes doubled), UTF-8 without BOM: one table whose first column
/// `record` is "card" or "review"; see docs/report-formats.md for the columns.
void write_csv(const ReportInput& in, std::ostream& out);
/// JSON, schema "casebook-report" version 2 (docs/report-formats.md), with `backlog_spreads`.
void write_json(const ReportInput& in, std::ostream& out);
/// One self-contained HTML file, every bank string escaped, no script.
void write_html(const ReportInput& in, std::ostream& out);
/// An XLSX workbook (sheets "Summary", "Cards", "Reviews") written to the file `path`
/// with libxlsxwriter; numbers are numeric cells, text is text (never a formula).
/// Throws std::runtime_error when the file cannot be written.
void write_xlsx(const ReportInput& in, const std::string& path);
/// xAPI 1.0.3 statements, one per review, as a JSON array (docs/report-formats.md).
void write_xapi(const ReportInput& in, std::ostream& out);

/// The xAPI interactionType for a Casebook question type ("single_choice" -> "choice", ...;
/// "other" for an unknown type).
[[nodiscard]] std::string xapi_interaction_type(const std::string& question_type);
/// A name-based UUID, version 5 (RFC 4122 section 4.3: SHA-1 of namespace bytes + name, by
/// libuuid's uuid_generate_sha1), in lower-case 8-4-4-4-12 form. `name_space` is a UUID in
/// that form (either case); anything else throws std::invalid_argument.
[[nodiscard]] std::string uuid_v5(const std::string& name_space, const std::string& name);

}  // namespace casebook::report
