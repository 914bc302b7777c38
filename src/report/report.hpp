// Progress reports: a pure aggregation of card states and the review log, and writers
// for CSV (RFC 4180), JSON and self-contained HTML.
#pragma once
#include <ostream>
#include <string>
#include <vector>

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
};

struct ReportInput {
  std::string learner;
  core::TimestampMs generated_at = 0;  ///< UTC ms
  std::string time_zone = "UTC";       ///< for showing local dates
  std::vector<CardEntry> cards;
  std::vector<core::ReviewRecord> reviews;  ///< time order
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

/// CSV, RFC 4180 (CRLF, quotes doubled), UTF-8 without BOM: one table whose first column
/// `record` is "card" or "review"; see docs/report-formats.md for the columns.
void write_csv(const ReportInput& in, std::ostream& out);
/// JSON, schema "casebook-report" version 1 (docs/report-formats.md).
void write_json(const ReportInput& in, std::ostream& out);
/// One self-contained HTML file, every bank string escaped, no script.
void write_html(const ReportInput& in, std::ostream& out);

}  // namespace casebook::report
