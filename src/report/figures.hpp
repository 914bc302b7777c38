// The figures shared by the statistics screen and every report: coverage of the whole bank
// (per bank and topic, cards not started included), accuracy (first attempts, last 7 and 30
// days), true retention, the due forecast, activity per day, mistakes and weakest cards.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "report/report.hpp"

namespace casebook::report {

inline constexpr std::int64_t kMatureDays = 21;  ///< Anki: mature = interval of 21 days or more
inline constexpr int kLeechLapses = 8;           ///< Anki's default leech threshold (lapses)
inline constexpr int kForecastDays = 30;         ///< days in the due forecast
inline constexpr int kWeakestCards = 10;         ///< rows in the weakest-cards list
inline constexpr int kMistakesShown = 100;       ///< mistakes kept for the list (the newest)

/// Answers counted for an accuracy figure.
struct Attempts {
  int answered = 0;
  int correct = 0;
  /// correct / answered, 0 when nothing was answered (show "—" then: see `answered`).
  [[nodiscard]] double accuracy() const { return answered == 0 ? 0.0 : static_cast<double>(correct) / answered; }
  void add(bool right) {
    ++answered;
    correct += right ? 1 : 0;
  }
};

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
  int correct = 0;
  double minutes = 0.0;  ///< sum of response times, minutes
};

/// How far a learner is through one bank, or one topic of a bank, and how well they answer
/// it. Retired cards belong to no row (they are not in the syllabus any more).
struct CoverageRow {
  std::string bank_id;
  std::string bank_title;
  std::string topic;          ///< the topic's title; "" on a bank's own row, "(no topic)" for cards without one
  int cards = 0;              ///< the bank's (topic's) cards
  int not_started = 0;        ///< cards never studied (state new)
  int learning = 0;           ///< learning or relearning
  int young = 0, mature = 0;  ///< review state, interval under / at least 21 days
  int suspended = 0;
  double mean_predicted_recall = 0.0;  ///< mean retrievability now over started cards, 0 when none
  Attempts first_attempts;    ///< each card's first review (state new before it), in the period
  Attempts last_7_days;       ///< reviews on the 7 study days up to the period's end
  Attempts last_30_days;      ///< reviews on the 30 study days up to the period's end
  /// Cards started (first reviews) on the 30 study days up to the period's end: the pace of
  /// new cards that all_started_day() projects.
  int started_last_30_days = 0;
  /// Share of the cards started, 0..1 (0 for a row without cards).
  [[nodiscard]] double share_seen() const {
    return cards == 0 ? 0.0 : static_cast<double>(cards - not_started) / cards;
  }
  /// "Mastery", 0..1: the mean predicted recall over all the row's cards (a card not started
  /// counts 0), capped by the accuracy of the last 7 days when anything was answered in them,
  /// so a topic answered a quarter wrong today is at most 75 % even though its cards were
  /// all just reviewed (predicted recall right after a review is near 100 %).
  [[nodiscard]] double mastery() const {
    if (cards == 0) return 0.0;
    const double recall = mean_predicted_recall * static_cast<double>(cards - not_started) / cards;
    return last_7_days.answered == 0 ? recall : std::min(recall, last_7_days.accuracy());
  }
};

/// Days in the pace window of CoverageRow::started_last_30_days.
inline constexpr int kPaceDays = 30;

/// The study day on which the row's cards not started will all have been started, at the pace
/// of the last kPaceDays days (started_last_30_days / 30 cards a day, rounded up to whole
/// days from `as_of_day`); none when nothing is left to start or nothing was started in those
/// days (no pace to project).
[[nodiscard]] std::optional<std::int64_t> all_started_day(const CoverageRow& row, std::int64_t as_of_day);

/// A wrong answer, for the list of mistakes.
struct Mistake {
  std::optional<std::size_t> card;  ///< index into ReportInput::cards, none for a card not in it
  std::string card_key;
  core::TimestampMs reviewed_at = 0;
  std::string answer;               ///< the answer given (ReviewRecord::answer)
  core::Rating rating = core::Rating::Again;
  /// The question's answer key changed after this answer (ReviewRecord::answer_key is not
  /// CardEntry::question's key, core::answer_key_is): the correct answer shown now is not the
  /// one it was marked against. False when either is unknown. Set for the kept mistakes only.
  bool key_changed = false;
  std::string answer_key;           ///< ReviewRecord::answer_key ("" unknown)
};

/// A mistake's "correct answer" for a reader: the card's answer key in words, with "(the
/// answer now: it changed after this answer)" when Mistake::key_changed; "\u2014" (em dash)
/// when unknown.
[[nodiscard]] std::string mistake_correct_answer(const CardEntry* card, const Mistake& m);

/// A card with lapses, for the weakest-cards list.
struct WeakCard {
  std::size_t card = 0;  ///< index into ReportInput::cards
  int lapses = 0;
  bool leech = false;    ///< lapses >= kLeechLapses
};

/// Everything a report (or the statistics screen) shows about a learner. Days are study
/// days in the input's time zone with its rollover hour (UTC when the zone is unknown).
struct Figures {
  // The window.
  core::TimestampMs as_of = 0;  ///< the period's end: min(to, generated_at), or generated_at
  std::int64_t as_of_day = 0;   ///< its study day: "today" of the retention and accuracy windows
  std::string as_of_date;
  std::int64_t today = 0;       ///< study day of generated_at (the forecast starts here)
  std::string today_date;

  // Cards (as of generated_at).
  int cards = 0;           ///< every card: the banks' cards and retired ones
  std::array<int, 4> states{};  ///< cards per core::CardState (new, learning, review, relearning)
  int not_started = 0;     ///< state new, not retired
  int started = 0;         ///< not new (retired included)
  int learning = 0;        ///< learning or relearning, of the syllabus (retired cards left out)
  int young = 0, mature = 0;  ///< review state of the syllabus, interval under / at least 21 days
  int retired = 0;
  int suspended = 0;
  int leeches = 0;         ///< cards with at least kLeechLapses lapses
  int due_now = 0;         ///< started, not retired, due at or before generated_at
  int syllabus = 0;        ///< cards not retired: what coverage is a share of
  double mean_predicted_recall = 0.0;  ///< over started cards not retired, 0 when none
  /// Share of the syllabus started, 0..1.
  [[nodiscard]] double share_seen() const {
    return syllabus == 0 ? 0.0 : static_cast<double>(syllabus - not_started) / syllabus;
  }

  // Reviews (in the period).
  Attempts all;             ///< every review
  Attempts first_attempts;  ///< first reviews of cards
  Attempts last_7_days, last_30_days;
  double minutes = 0.0;

  std::vector<CoverageRow> banks;   ///< one per bank with cards, by bank id
  std::vector<CoverageRow> topics;  ///< per bank, then topic title (byte order)
  std::vector<RetentionRow> retention;  ///< today, yesterday, last 7, 30, 365 days, all time
  std::vector<DayActivity> days;        ///< every day with reviews in the period, ascending
  std::vector<int> forecast;            ///< kForecastDays counts from `today`; [0] includes overdue
  std::vector<WeakCard> weakest;        ///< most lapses first (retired too), at most kWeakestCards
  std::vector<Mistake> mistakes;        ///< newest first, at most kMistakesShown
  int mistakes_total = 0;               ///< every wrong answer in the period
};

/// Builds the figures in one pass over the review log, holding only counters: give it the
/// reviews in time order with add(), then take them with finish(). Pure (never reads the
/// clock, the disk or the network).
class FiguresBuilder {
 public:
  /// Takes the cards of `in` (kept by reference: `in` must outlive the builder).
  explicit FiguresBuilder(const ReportInput& in);
  /// Counts one review of the period (callers pass what for_each_review gives).
  void add(const core::ReviewRecord& r);
  /// The figures; call once.
  [[nodiscard]] Figures finish();

 private:
  [[nodiscard]] std::int64_t day_of(core::TimestampMs t);
  const ReportInput& m_in;
  Figures m_f;
  core::DayClock m_clock;
  bool m_utc_fallback = false;
  std::int64_t m_cached_day = 0;
  core::TimestampMs m_day_start = 1, m_day_end = 0;  ///< [start, end) of m_cached_day; empty at first
  std::unordered_map<std::string, std::size_t> m_card_index;
  std::vector<std::vector<std::size_t>> m_rows_of_card;  ///< coverage rows (banks then topics) per card
  std::vector<CoverageRow> m_rows;
  std::size_t m_bank_rows = 0;
  std::vector<DayActivity> m_days;
  std::vector<Mistake> m_ring;  ///< the newest mistakes, a ring of kMistakesShown
};

/// The figures of `in`: FiguresBuilder over for_each_review(in).
[[nodiscard]] Figures compute_figures(const ReportInput& in);

}  // namespace casebook::report
