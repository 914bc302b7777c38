// Progress reports: a pure aggregation of card states and the review log, and writers
// for CSV (RFC 4180), JSON, self-contained HTML, XLSX and xAPI statements.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/backlog.hpp"
#include "core/card.hpp"
#include "core/question.hpp"
#include "core/review.hpp"
#include "core/time.hpp"

namespace casebook::report {

/// One card as the report shows it: every question of the loaded banks (started or not)
/// and every card with history whose question is gone (`retired`). `retrievability` is
/// computed by the caller (FSRS F2 at `ReportInput::generated_at`), 0 for cards never
/// reviewed; reports call it "predicted recall".
struct CardEntry {
  std::string card_key;        ///< "<bank id>/<question id>"
  std::string bank_id;
  std::string question_id;
  std::string bank_title;
  std::string prompt;          ///< question text, from the bank (untrusted: escape it)
  std::string question_type;   ///< "single_choice", ...
  core::CardSchedule schedule; ///< state New with no last review: not started
  double retrievability = 0.0; ///< 0..1
  bool retired = false;        ///< its question is no longer in any loaded bank (history kept)
  bool suspended = false;      ///< the learner suspended it (storage card flags)
  std::vector<std::string> topics;  ///< topic titles from the bank (empty: no topic / retired)
  std::string language = "und";     ///< the bank's BCP 47 language, "und" when unknown
  std::string correct_answer;       ///< the answer key in words (core::grade's `expected`), "" when unknown
  /// The question itself (choices, items, pairs, positions, rubric), for the xAPI interaction
  /// details and to tell whether a mistake was marked against today's answer key
  /// (core::answer_key_is); null for a retired card or a hand-made input.
  std::shared_ptr<const core::Question> question;
};

/// One loaded bank of the report (its version and language as the bank file says now).
struct BankEntry {
  std::string id;
  std::string title;
  std::string version;   ///< "" when the bank gives none
  std::string language;  ///< BCP 47
  /// Its topics' titles in the bank's order (its [[topic]] tables): the order of its topic
  /// rows in coverage tables (a chronological syllabus stays chronological).
  std::vector<std::string> topics;
};

/// A review taken back by an undo (storage: review_void). The review itself is not in the
/// report's review log; xAPI exports a "voided" statement for it.
struct VoidedEntry {
  std::string learner;
  std::string card_key;
  core::TimestampMs reviewed_at = 0;  ///< when the voided review was made, UTC ms (its statement's identity)
  core::TimestampMs voided_at = 0;    ///< when it was taken back, UTC ms
};

/// Something the learner did to a card outside reviews (storage: card_event): a flag with a
/// note, a problem report with a comment for the instructor, suspend, unsuspend, bury, reset.
struct CardEventEntry {
  std::string card_key;
  core::TimestampMs at = 0;  ///< UTC ms
  std::string kind;          ///< "flag", "report", "suspend", "unsuspend", "bury", "reset", "answer_changed"
  int flag = 0;              ///< flag: 0 (cleared) .. 7, core::kFlagNames
  std::string note;          ///< flag: its note; report: the learner's comment; answer_changed: "The answer changed in version 2.1. ..." 
};

/// A mock exam attempt (storage: exam_attempt and exam_result, summarised in SQL): when it
/// started, what it was, and its result once handed in. Exam answers that count are also in
/// the review log (as reviews); a practice run's are not.
struct ExamEntry {
  core::TimestampMs started_at = 0;               ///< UTC ms
  std::optional<core::TimestampMs> finished_at;   ///< handed in (or timed out), UTC ms; none: not handed in
  std::string title;
  std::string preset;        ///< "<bank id>/<exam id>" of a bank's exam, "" for a custom exam
  int questions = 0;         ///< questions drawn
  int correct = 0;           ///< questions answered correctly (0 when not handed in)
  int percent = 0;           ///< the score, 0..100 (0 when not handed in)
  int pass_mark = 50;        ///< percent
  bool passed = false;
  bool timed_out = false;    ///< handed in by the timer
  bool practice = false;     ///< a practice run: its answers left the schedule alone
  std::int64_t time_limit_ms = 0;  ///< 0 = none
  /// Time from start to hand-in in ms; none when not handed in.
  [[nodiscard]] std::optional<std::int64_t> time_taken_ms() const {
    return finished_at ? std::optional<std::int64_t>(*finished_at - started_at) : std::nullopt;
  }
  /// "passed", "failed" or "not handed in" (the word every format uses).
  [[nodiscard]] std::string_view outcome() const {
    return !finished_at ? "not handed in" : passed ? "passed" : "failed";
  }
};

/// A callback that receives reviews one at a time, in time order.
using ReviewSink = std::function<void(const core::ReviewRecord&)>;
/// A pass over a review log: calls the sink for every review in time order. Called once per
/// pass (a writer may make two), so it must start from the beginning each time; the record
/// passed may be reused between calls (copy what you keep).
using ReviewSource = std::function<void(const ReviewSink&)>;

struct ReportInput {
  std::string learner;
  core::TimestampMs generated_at = 0;  ///< UTC ms; card states and predicted recall are as of it
  std::string time_zone = "UTC";       ///< for showing local dates
  int rollover_hour = 4;               ///< local hour a study day starts (per-day charts)
  std::string bank_filter;             ///< the bank id the report is limited to, "" for all
  std::optional<core::TimestampMs> from;  ///< the period's first instant (UTC ms), none: the start
  std::optional<core::TimestampMs> to;    ///< the instant after the period (exclusive), none: now
  std::vector<BankEntry> banks;        ///< the loaded banks the report covers, by id
  std::vector<CardEntry> cards;
  /// The review log, in time order, when it is held in memory (tests, small inputs) ...
  std::vector<core::ReviewRecord> reviews;
  /// ... or a cursor over it (storage; used instead of `reviews` when set), so a report over
  /// millions of reviews never holds them.
  ReviewSource review_source;
  /// The learner's backlog spreads (issue 16), oldest first: the days on which fewer reviews
  /// were shown by choice. With a bank filter, only that bank's cards are listed.
  std::vector<core::BacklogSpread> backlog_spreads;
  /// Reviews taken back in the period (by `voided_at`) of the report's banks, in the order
  /// they were taken back.
  std::vector<VoidedEntry> voided;
  /// The learner's card events in the period of the report's banks, in time order.
  std::vector<CardEventEntry> card_events;
  /// The learner's mock exam attempts started in the period (of the bank filter: those that
  /// drew a card of it), oldest first.
  std::vector<ExamEntry> exams;
};

/// Calls `sink` for every review of `in` in the period [from, to) and of the bank filter,
/// in time order, from `review_source` when set, else from `reviews`.
void for_each_review(const ReportInput& in, const ReviewSink& sink);

/// The xAPI interactionType for a Casebook question type ("single_choice" -> "choice", ...;
/// "other" for an unknown type).
[[nodiscard]] std::string xapi_interaction_type(const std::string& question_type);

/// CSV, RFC 4180 (CRLF, quotes doubled), UTF-8 without BOM: one table whose first column
/// `record` is "card" or "review"; see docs/report-formats.md for the columns.
void write_csv(const ReportInput& in, std::ostream& out);
/// JSON, schema "casebook-report" version 3 (docs/report-formats.md), with `backlog_spreads`.
void write_json(const ReportInput& in, std::ostream& out);
/// One self-contained HTML file, every bank string escaped, no script. The review log shows
/// the newest kHtmlReviewRows reviews of the period (the data formats hold all).
void write_html(const ReportInput& in, std::ostream& out);
/// An XLSX workbook (sheets Summary, Coverage, Mistakes, Mock exams, Card events, Cards, Reviews; a review log longer
/// than a sheet allows goes on in "Reviews 2", ...) written to the file `path` with
/// libxlsxwriter in its constant-memory mode; numbers are numeric cells, text is text (never
/// a formula). Returns warnings (cells cut to a spreadsheet's limit); throws
/// std::runtime_error when the file cannot be written.
[[nodiscard]] std::vector<std::string> write_xlsx(const ReportInput& in, const std::string& path);
/// A PDF document (A4; cairo and pango): header, summary, coverage and accuracy by bank and
/// topic, mistakes, mock exams, flags and problem reports, activity and forecast as vector charts, true retention, weakest cards.
/// Throws std::runtime_error when the file cannot be written.
void write_pdf(const ReportInput& in, const std::string& path);
/// xAPI 1.0.3 statements as a JSON array (docs/report-formats.md): one per review, a voiding
/// statement per review taken back, a "commented" statement per problem report.
void write_xapi(const ReportInput& in, std::ostream& out);

/// Receives one xAPI statement: the review it tells of, its id and its text (compact JSON).
using StatementSink =
    std::function<void(const core::ReviewRecord& review, const std::string& id, const std::string& json)>;
/// The statements of the reviews write_xapi writes, one at a time, in review order (for
/// sending to a learning record store; the voiding statements are not among them).
void for_each_xapi_statement(const ReportInput& in, const StatementSink& sink);
/// The id of the statement of a review: a name-based UUID (uuid_v5) of
/// "<learner>\n<card key>\n<reviewed_at in ms>" under Casebook's fixed namespace.
[[nodiscard]] std::string xapi_statement_id(const std::string& learner, const std::string& card_key,
                                            core::TimestampMs reviewed_at);
/// The "voided" statement that takes back the statement of the review `v` (xAPI 1.0.3, Data
/// 2.3.2 Voided: verb http://adlnet.gov/expapi/verbs/voided, object a StatementRef to
/// xapi_statement_id of the review, the same actor, timestamp `voided_at`). Its own id is
/// uuid_v5 of "void\n" + that id: re-exports give the same statement. Compact JSON.
[[nodiscard]] std::string xapi_voiding_statement(const VoidedEntry& v);
/// The id of xapi_voiding_statement(v).
[[nodiscard]] std::string xapi_voiding_statement_id(const VoidedEntry& v);
/// The statement of a problem report `e` (a card event of kind "report") of `in.learner`: verb
/// http://adlnet.gov/expapi/verbs/commented, object the card's activity (as in its "answered"
/// statements, described from `in.cards`), the learner's comment in result.response,
/// timestamp `e.at`. Compact JSON. write_xapi writes these too, after the voiding statements.
[[nodiscard]] std::string xapi_problem_report_statement(const ReportInput& in, const CardEventEntry& e);
/// Its id: uuid_v5 of "report\n<learner>\n<card key>\n<at in ms>" under Casebook's namespace.
[[nodiscard]] std::string xapi_problem_report_statement_id(const std::string& learner, const CardEventEntry& e);

/// Rows of the HTML report's review log (the newest of the period).
inline constexpr int kHtmlReviewRows = 500;

/// What a report cannot show yet because Casebook does not record it; every report lists
/// these (JSON `not_recorded`), so a reader knows the gap is not zero.
struct NotRecorded {
  std::string_view key;   ///< JSON `not_recorded` entry
  std::string_view text;  ///< the sentence the HTML and PDF reports show
};
/// Empty since mock exams are reported (ReportInput::exams); kept so that a future gap is
/// listed the same way.
inline constexpr std::array<NotRecorded, 0> kNotRecorded = {};

/// A name-based UUID, version 5 (RFC 4122 section 4.3: SHA-1 of namespace bytes + name, by
/// libuuid's uuid_generate_sha1), in lower-case 8-4-4-4-12 form. `name_space` is a UUID in
/// that form (either case); anything else throws std::invalid_argument.
[[nodiscard]] std::string uuid_v5(const std::string& name_space, const std::string& name);

}  // namespace casebook::report
