// The CSV report (RFC 4180): card records, then the review log streamed record by record.
// Columns are documented in docs/report-formats.md; keep the two in step.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/card_event_words.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using detail::csv_field;
using detail::csv_text_field;

constexpr int kDecimals = 6;
constexpr std::string_view kCrLf = "\r\n";

/// Column order of the CSV table (docs/report-formats.md).
constexpr std::array<std::string_view, 42> kCsvColumns = {
    "record",        "card_key",      "bank_id",          "question_id",      "question_type",
    "state",         "stability",     "difficulty",       "retrievability",   "due",
    "last_review",   "reps",          "lapses",           "prompt",           "reviewed_at",
    "rating",        "correct",       "answer",           "response_ms",      "state_before",
    "state_after",   "stability_after", "difficulty_after", "due_after",        "retired",
    "topics",        "bank_version",
    // mock exam attempts (record "exam") and card events (record "event"): issue 13
    "at",            "exam_title",    "exam_preset",      "exam_practice",    "exam_questions",
    "exam_correct",  "exam_score_percent", "exam_pass_mark_percent", "exam_outcome", "exam_time_taken_ms",
    "exam_finished_at", "event",      "event_flag",       "event_words",      "note"};
constexpr std::size_t kAt = 27;  // the index of "at"

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << cells[i];
  }
  out << kCrLf;
}

std::string iso(core::TimestampMs t) { return core::format_iso_utc(t); }

std::string optional_iso(const std::optional<core::TimestampMs>& t) {
  return t ? core::format_iso_utc(*t) : std::string();
}

}  // namespace

void write_csv(const ReportInput& in, std::ostream& out) {
  write_row(out, std::vector<std::string>(kCsvColumns.begin(), kCsvColumns.end()));
  for (const CardEntry& c : in.cards) {
    const core::CardSchedule& s = c.schedule;
    std::vector<std::string> row(kCsvColumns.size());
    row[0] = "card";
    row[1] = csv_text_field(c.card_key);
    row[2] = csv_text_field(c.bank_id);
    row[3] = csv_text_field(c.question_id);
    row[4] = csv_text_field(c.question_type);
    row[5] = std::string(core::to_string(s.state));
    row[6] = core::format_fixed(s.stability, kDecimals);
    row[7] = core::format_fixed(s.difficulty, kDecimals);
    row[8] = core::format_fixed(c.retrievability, kDecimals);
    row[9] = iso(s.due);
    row[10] = optional_iso(s.last_review);
    row[11] = std::to_string(s.reps);
    row[12] = std::to_string(s.lapses);
    row[13] = csv_text_field(c.prompt);
    row[24] = c.retired ? "1" : "0";
    std::string topics;
    for (const std::string& t : c.topics) topics += (topics.empty() ? "" : "; ") + t;
    row[25] = csv_text_field(topics);
    write_row(out, row);
  }
  for (const ExamEntry& x : in.exams) {
    std::vector<std::string> row(kCsvColumns.size());
    const bool done = x.finished_at.has_value();
    row[0] = "exam";
    row[kAt] = iso(x.started_at);
    row[kAt + 1] = csv_text_field(x.title);
    row[kAt + 2] = csv_text_field(x.preset);
    row[kAt + 3] = x.practice ? "1" : "0";
    row[kAt + 4] = std::to_string(x.questions);
    row[kAt + 5] = done ? std::to_string(x.correct) : std::string();
    row[kAt + 6] = done ? std::to_string(x.percent) : std::string();
    row[kAt + 7] = std::to_string(x.pass_mark);
    row[kAt + 8] = std::string(x.outcome());
    row[kAt + 9] = done ? std::to_string(*x.time_taken_ms()) : std::string();
    row[kAt + 10] = optional_iso(x.finished_at);
    write_row(out, row);
  }
  for (const CardEventEntry& e : in.card_events) {
    std::vector<std::string> row(kCsvColumns.size());
    const detail::KeyParts parts = detail::split_card_key(e.card_key);
    row[0] = "event";
    row[1] = csv_text_field(e.card_key);
    row[2] = csv_text_field(parts.bank_id);
    row[3] = csv_text_field(parts.question_id);
    row[kAt] = iso(e.at);
    row[kAt + 11] = csv_text_field(e.kind);
    row[kAt + 12] = std::to_string(e.flag);
    row[kAt + 13] = csv_text_field(core::card_event_words(e.kind, e.flag));
    row[kAt + 14] = csv_text_field(e.note);
    write_row(out, row);
  }
  std::vector<std::string> row(kCsvColumns.size());
  for_each_review(in, [&](const core::ReviewRecord& r) {
    const detail::KeyParts parts = detail::split_card_key(r.card_key);
    row[0] = "review";
    row[1] = csv_text_field(r.card_key);
    row[2] = csv_text_field(parts.bank_id);
    row[3] = csv_text_field(parts.question_id);
    row[14] = iso(r.reviewed_at);
    row[15] = std::string(core::to_string(r.rating));
    row[16] = r.correct ? "1" : "0";
    row[17] = csv_text_field(r.answer);
    row[18] = std::to_string(r.response_ms);
    row[19] = std::string(core::to_string(r.before.state));
    row[20] = std::string(core::to_string(r.after.state));
    row[21] = core::format_fixed(r.after.stability, kDecimals);
    row[22] = core::format_fixed(r.after.difficulty, kDecimals);
    row[23] = iso(r.after.due);
    row[26] = csv_text_field(r.bank_version);
    write_row(out, row);
  });
}

}  // namespace casebook::report
