// The learner's study options (desired retention, daily limits, steps, time zone, leeches,
// siblings, backlog order, ...), their validation and text form, and how they map onto the
// scheduler and the session. Pure: no I/O.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/exam.hpp"
#include "core/scheduler.hpp"
#include "core/session.hpp"

namespace casebook::core {

/// What happens to a card when it becomes a leech (see is_leech_lapse).
enum class LeechAction {
  Tag,           ///< tag it "leech", keep showing it
  TagAndSuspend  ///< tag it "leech" and stop showing it until the learner unsuspends it
};

/// Every option a learner can set; the defaults are Casebook's behaviour before options
/// existed. Ranges are those checked by validate() (kOptionRanges in docs/scheduling.md).
struct StudyOptions {
  double desired_retention = 0.9;                    ///< 0.70 .. 0.99
  int new_cards_per_day = 20;                        ///< 0 .. 9999
  int max_reviews_per_day = 200;                     ///< 0 .. 99999
  std::vector<int> learning_steps_minutes{1, 10};    ///< each 1 .. 43200 min (30 d), at most 10 steps
  std::vector<int> relearning_steps_minutes{10};     ///< each 1 .. 43200 min, at most 10 steps
  std::int64_t maximum_interval_days = 36500;        ///< 1 .. 36500 (100 years)
  int rollover_hour = 4;                             ///< 0 .. 23, local hour a study day starts
  std::string time_zone;                             ///< IANA name; empty = the system's zone
  bool fuzz = false;                                 ///< spread review intervals (deterministic)
  int leech_threshold = 8;                           ///< lapses, 1 .. 99
  LeechAction leech_action = LeechAction::Tag;
  bool bury_siblings = true;                         ///< one card per fact per study day
  ReviewOrder review_order = ReviewOrder::LowestRetrievability;
  int learn_ahead_minutes = 20;                      ///< 0 .. 1440
  std::vector<double> weights;                       ///< 21 FSRS-6 parameters; empty = defaults
  // Issue 16: an exam date, even days and lighter days (all off by default: plain FSRS).
  std::optional<std::int64_t> exam_day;              ///< "exam_date": day index of the exam's date; none = no exam
  double exam_retention = 0.9;                       ///< 0.70 .. 0.99: R wanted on the exam day
  std::vector<std::string> exam_scope;               ///< "<bank>" and "<bank>/<topic>" words; empty = every bank
  AfterExam after_exam = AfterExam::Resume;          ///< the plan's cards after the exam day
  bool load_balance = false;                         ///< least-loaded day of the fuzz range
  std::array<bool, 7> light_days{};                  ///< "light_weekdays": ISO Monday (0) .. Sunday (6)
  double light_fraction = 0.5;                       ///< 0 .. 0.9: a light day's share of a normal day's reviews
  /// Issue 11: off (default): a dilemma skips the (re)learning steps and goes straight to an
  /// interval of a day or more (it does not come back minutes later); on: it uses the steps.
  bool dilemma_learning_steps = false;

  friend bool operator==(const StudyOptions&, const StudyOptions&) = default;
};

/// One problem found by validate(): the field's key (as in to_key_values) and a sentence
/// naming the allowed range, e.g. {"desired_retention", "must be between 0.70 and 0.99, got 1.5"}.
struct OptionProblem {
  std::string field;
  std::string message;
  friend bool operator==(const OptionProblem&, const OptionProblem&) = default;
};

/// Every field that is out of range (empty when the options are usable). The time zone must
/// be empty or a name the system tz database knows (date::locate_zone). Weights must be empty
/// or 21 finite numbers.
[[nodiscard]] std::vector<OptionProblem> validate(const StudyOptions& options);

/// The time zone the options mean: `options.time_zone`, or local_time_zone_name() when it is
/// empty.
[[nodiscard]] std::string effective_time_zone(const StudyOptions& options);

/// The DayClock of the options (effective_time_zone, rollover_hour).
[[nodiscard]] DayClock day_clock(const StudyOptions& options);

/// The scheduler's options: weights (defaults when empty), retention, steps, maximum interval
/// (enforced: no grade exceeds it), fuzz, load balancing, each weekday's capacity (light days:
/// light_fraction, others 1) and day_clock(). Throws std::invalid_argument when validate()
/// finds a problem.
[[nodiscard]] SchedulerOptions to_scheduler_options(const StudyOptions& options);

/// The exam of the options: {exam_day, exam_retention}, or nothing without an exam date.
[[nodiscard]] std::optional<ExamTarget> exam_target(const StudyOptions& options);

/// The session rules: backlog order, learn-ahead limit (minutes -> ms), bury siblings.
[[nodiscard]] SessionRules to_session_rules(const StudyOptions& options);

/// What was already done on the current study day, for the daily limits.
struct DoneToday {
  int new_cards = 0;  ///< distinct cards first reviewed today
  int reviews = 0;    ///< reviews recorded today (all states, as Anki counts them)
  friend bool operator==(const DoneToday&, const DoneToday&) = default;
};

/// Today's SessionLimits: overall new_cards = learner.new_cards_per_day - done.new_cards and
/// reviews = learner.max_reviews_per_day - done.reviews; for every bank in `banks` (bank id ->
/// the bank's effective options, see is_bank_overridable) group caps of that bank's own
/// limits minus what was done in that bank today (`done_by_bank`, missing = nothing). All
/// values are clamped at 0. Example: learner 20 new/day, bank A 5, 3 new cards of A and 4 of
/// B done today -> new_cards 13, group_new_cards {A: 2}.
[[nodiscard]] SessionLimits daily_limits(const StudyOptions& learner, const DoneToday& done,
                                         const std::map<std::string, StudyOptions>& banks,
                                         const std::map<std::string, DoneToday>& done_by_bank);

/// The options as (key, text) pairs in a fixed order, for storage and display. Keys:
/// desired_retention, new_cards_per_day, max_reviews_per_day, learning_steps, relearning_steps
/// (minutes separated by spaces, "1 10"), maximum_interval, rollover_hour, time_zone, fuzz
/// ("on"/"off"), leech_threshold, leech_action ("tag"/"tag_and_suspend"), bury_siblings
/// ("on"/"off"), review_order (to_string(ReviewOrder)), learn_ahead_minutes, weights (numbers
/// separated by spaces, empty = defaults), exam_date ("YYYY-MM-DD", empty = none),
/// exam_retention, exam_scope (words separated by spaces), after_exam ("resume"/"stop"),
/// load_balance ("on"/"off"), light_weekdays (day names in week order, "sat sun"),
/// light_fraction, dilemma_learning_steps ("on"/"off"). Numbers are written so they read
/// back exactly.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> to_key_values(const StudyOptions& options);

/// Sets one field from its text form (as written by to_key_values). Returns an error sentence
/// for an unknown key or text that does not parse; the field is then unchanged. Ranges are
/// not checked here (validate() does that).
[[nodiscard]] std::optional<std::string> set_key_value(StudyOptions& options, const std::string& key,
                                                       const std::string& value);

/// Applies every pair with set_key_value; returns the error sentences (unknown keys and bad
/// text are skipped, the other pairs still apply).
[[nodiscard]] std::vector<std::string> apply_key_values(
    StudyOptions& options, const std::vector<std::pair<std::string, std::string>>& values);

/// Whether a bank may override option `key`: the options that shape a card's schedule
/// (desired_retention, learning_steps, relearning_steps, maximum_interval, fuzz,
/// leech_threshold, leech_action, weights), the daily limits (new_cards_per_day,
/// max_reviews_per_day: a bank's limit caps its own cards within the learner's, see
/// daily_limits) and the exam (exam_date, exam_retention, exam_scope, after_exam: a bank's
/// own exam), and dilemma_learning_steps. The others (time zone, rollover, order, learn-ahead, bury siblings, load
/// balancing and light days) apply to the whole day and are the learner's only.
[[nodiscard]] bool is_bank_overridable(std::string_view key);

/// Whether a lapse makes a card a leech, as Anki does: with `lapses` counted after the lapse,
/// at the threshold and then every half threshold (rounded up, at least 1) after it.
/// lapses 8, 12, 16 with threshold 8. Returns false when `threshold` < 1.
[[nodiscard]] bool is_leech_lapse(int lapses, int threshold);

/// The text form of an order: "lowest_retrievability", "earliest_due", "random".
[[nodiscard]] std::string_view to_string(ReviewOrder order);
/// The text form of a leech action: "tag", "tag_and_suspend".
[[nodiscard]] std::string_view to_string(LeechAction action);
/// The text form of what follows an exam: "resume", "stop".
[[nodiscard]] std::string_view to_string(AfterExam after);

/// Light weekdays as text: the names of the days set, in week order ("sat sun"; "" for none).
[[nodiscard]] std::string light_weekdays_text(const std::array<bool, 7>& days);

}  // namespace casebook::core
