// Class item analysis: per-question statistics (attempts, Moodle's facility and
// discrimination indices, distractor picks) over several learners' JSON reports, and its
// HTML and XLSX writers. Definitions and sources: docs/class-report.md.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/question.hpp"

namespace casebook::report {

/// One review as a learner's JSON report (schema `casebook-report`, version 1 or later) holds it.
struct ExportedReview {
  std::string card_key;
  bool correct = false;
  std::string answer;            ///< core::describe_answer text ("; " between picked choices)
  std::int64_t reviewed_at_ms = 0;
};

/// What the class report reads from one learner's JSON report (v1 fields only).
struct LearnerExport {
  std::string learner;  ///< the report's `learner`
  std::string source;   ///< the file it came from (for messages)
  struct Card {
    std::string card_key, question_type, prompt;
  };
  std::vector<Card> cards;
  std::vector<ExportedReview> reviews;  ///< any order; sorted by time when used
  /// A problem the learner reported with a question (the report's `card_events` of kind
  /// "report"; reports written before they existed have none).
  struct ProblemReport {
    std::string card_key;
    std::int64_t at_ms = 0;  ///< UTC ms
    std::string comment;
  };
  std::vector<ProblemReport> problem_reports;
};

/// Parses a `casebook report --format json` document. Throws std::runtime_error naming
/// `source` when it is not JSON, not schema "casebook-report", or a field has the wrong type.
[[nodiscard]] LearnerExport parse_learner_export(std::string_view json, const std::string& source);

/// The activity id prefix of Casebook's cards in xAPI statements (docs/report-formats.md).
inline constexpr std::string_view kXapiCardPrefix = "https://casebook.invalid/xapi/cards/";

/// Adds the Casebook "answered" statements (as reviews) and "commented" statements (as problem
/// reports, the comment from result.response) of one page from a learning record store (an xAPI
/// StatementResult `{"statements": [...], "more": "..."}`, or a JSON array of statements) to
/// `learners`, one LearnerExport per actor account name (appended in order of appearance).
/// Only statements whose object id starts with `activity_prefix` (which must lie under
/// kXapiCardPrefix) count; the card key is the id after kXapiCardPrefix, percent-decoded; the
/// answer is the statement's `.../extensions/answer`, the type its `.../question-type`.
/// Returns the page's `more` link ("" on the last page). Throws std::runtime_error naming
/// `source` when the page is not such JSON or a statement lacks a field the report needs.
std::string add_xapi_statements(std::string_view page, const std::string& activity_prefix, const std::string& source,
                                std::vector<LearnerExport>& learners);

inline constexpr double kTooEasyFacility = 90.0;  ///< F >= 90: "very easy" or easier (Moodle docs)
inline constexpr double kTooHardFacility = 10.0;  ///< F <= 10: "very difficult" or harder

/// How often one answer (a choice, for choice questions) was given, over all reviews.
struct AnswerCount {
  std::string answer;
  int picks = 0;
  std::optional<bool> correct;  ///< known when the choice comes from a loaded bank
};

struct QuestionStats {
  std::string card_key;
  std::string question_type;
  std::string prompt;
  int attempts = 0;             ///< reviews of the card by all learners
  int learners = 0;             ///< learners with at least one review of it
  int first_correct = 0;        ///< learners whose first review of it was correct
  double facility = 0.0;        ///< F = 100 * first_correct / learners (percent)
  std::optional<double> discrimination;  ///< D = 100 * r(item, rest of test); none if undefined
  std::vector<AnswerCount> answers;      ///< choice questions: picks per choice, most picked first
  bool too_easy = false, too_hard = false, negative_discrimination = false;
};

struct LearnerRow {
  std::string learner;
  int questions = 0;      ///< distinct questions reviewed
  int reviews = 0;
  int correct = 0;        ///< correct reviews
  double first_attempt_score = 0.0;  ///< percent of questions right on the first review
};

/// A learner's problem report on a question, for the instructor.
struct ProblemReportRow {
  std::string learner;
  std::string card_key;
  std::string prompt;      ///< from the learner's report ("" when it does not list the card)
  std::int64_t at_ms = 0;  ///< UTC ms
  std::string comment;
};

struct ClassReport {
  std::vector<QuestionStats> questions;  ///< sorted by card key
  std::vector<LearnerRow> learners;      ///< in input order
  std::vector<ProblemReportRow> problem_reports;  ///< by card key, then time
};

/// Computes the class report. Dilemmas count, like choices, the positions learners took
/// ("position: <title>") and how many rubric lines they met ("rubric <k>/<n> met"): the review
/// log keeps the count of lines met, not which lines. Each learner's score on a question is 1 if their first review
/// of it was correct, else 0 (Moodle analyses first attempts). F is the mean score in percent;
/// D is 100 times the Pearson correlation, over learners who reviewed the question and at
/// least one other, between that score and the learner's mean score on their other questions
/// (Moodle's "rest of test"); undefined with fewer than 2 such learners or zero variance.
/// `choices` (optional, by card key) lists a bank's choices so unpicked ones show with 0.
[[nodiscard]] ClassReport compute_class_report(
    const std::vector<LearnerExport>& learners,
    const std::map<std::string, std::vector<core::Choice>>& choices = {});

/// One self-contained HTML page (no script, CSP `default-src 'none'`), every text escaped.
void write_class_html(const ClassReport& report, std::ostream& out);
/// An XLSX workbook with sheets Questions, Answers, Learners and Problem reports (libxlsxwriter). Throws
/// std::runtime_error when the file cannot be written.
void write_class_xlsx(const ClassReport& report, const std::string& path);

}  // namespace casebook::report
