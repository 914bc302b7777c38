// Workload simulator: a seeded Monte Carlo run of a learner who studies a bank every day with
// the FSRS-6 scheduler and whose memory follows the same model. Pure: no clock, no I/O.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/schedule_context.hpp"
#include "core/scheduler.hpp"

namespace casebook::core {

/// Day 0 of a simulation unless SimulationConfig::start_day says otherwise: 2024-01-01, as a
/// day index (days since 1970-01-01).
inline constexpr std::int64_t kSimulationEpochDay = 19723;

/// A card the simulated learner starts with (the plan view starts from the learner's own).
struct SimulatedCard {
  /// Its state; none (or state New) for a card not yet introduced. Instants are UTC ms on the
  /// simulation's days: a study day d of the learner is the UTC day d here (the app converts).
  std::optional<CardSchedule> schedule;
  std::optional<ExamTarget> exam;  ///< its exam, when it belongs to an exam plan
  /// false: the exam is only measured (ExamOutcome), the card is scheduled as plain FSRS
  /// would (no exam rule, pace or priority): what the plan compares the rule with.
  bool exam_rule = true;
};

/// What to simulate. Probabilities and costs default to fsrs-rs SimulatorConfig::default()
/// (fsrs-rs 1.x-2.x simulation.rs, fitted by the FSRS authors on Anki users' review logs):
/// first ratings 24/9.4/49.5/17.1 %, success ratings Hard/Good/Easy 22.4/63.1/14.5 %, first
/// sessions 33.79/24.3/13.68/6.5 s, reviews 23.0/11.68/7.33/5.6 s by rating. See docs/simulator.md.
struct SimulationConfig {
  SchedulerOptions scheduler{};    ///< weights, desired retention, steps (clock is ignored: UTC days)
  int bank_size = 1000;            ///< cards available to introduce (>= 0)
  int new_per_day = 20;            ///< new cards introduced per day (>= 0)
  int days = 365;                  ///< simulated days (>= 1)
  int max_reviews_per_day = 0;     ///< due reviews per day, 0 = no limit; the rest wait a day
  std::uint64_t seed = 1;          ///< same seed and config -> identical result
  /// P(first rating = Again, Hard, Good, Easy) for a new card (sums to 1).
  std::array<double, 4> first_rating_prob{0.24, 0.094, 0.495, 0.171};
  /// P(Hard, Good, Easy) given a successful recall of a due card (sums to 1).
  std::array<double, 3> review_rating_prob{0.224, 0.631, 0.145};
  /// Seconds for a new card's whole first day (the learning steps included), by first rating.
  std::array<double, 4> learn_seconds{33.79, 24.3, 13.68, 6.5};
  /// Seconds for one review of a due card by rating (Again includes its relearning steps).
  std::array<double, 4> review_seconds{23.0, 11.68, 7.33, 5.6};
  // Casebook additions (issue 16); the defaults give the run described under simulate().
  /// Day index of day 0: the weekdays of light days and the exam days count from it.
  std::int64_t start_day = kSimulationEpochDay;
  /// Cards the learner already has (studied ones and new ones, the new ones in the order they
  /// would be introduced); bank_size further new cards follow them.
  std::vector<SimulatedCard> cards;
  /// The exam of the bank_size new cards (none: they are in no exam plan).
  std::optional<ExamTarget> exam;
  bool exam_rule = true;  ///< as SimulatedCard::exam_rule, for the bank_size new cards
};

/// One simulated day.
struct SimulationDay {
  int day = 0;                 ///< 0-based
  int new_cards = 0;           ///< cards introduced
  int reviews = 0;             ///< reviews of due cards (learning-step repeats not counted)
  int lapses = 0;              ///< of `reviews`, forgotten (rated Again)
  double seconds = 0.0;        ///< study time: first sessions plus reviews
  double memorized = 0.0;      ///< sum of R over introduced cards at the end of the day
  int introduced = 0;          ///< cards introduced so far (end of day)
};

/// How an exam plan stands at the start of its exam day (before that day's reviews).
struct ExamOutcome {
  std::int64_t day = 0;          ///< the exam's day index
  double target = 0.0;           ///< its retention target
  int cards = 0;                 ///< cards of the plan
  int studied = 0;               ///< of them, introduced before the exam day
  double retention = 0.0;        ///< mean R over every card of the plan (one never introduced counts 0)
  double retention_studied = 0.0;  ///< mean R over the studied ones (0 if none)
  double lowest = 0.0;           ///< the lowest R of a studied card (0 if none)
  int below_target = 0;          ///< studied cards below the target
};

/// The whole run.
struct SimulationResult {
  std::vector<SimulationDay> days;
  int total_reviews = 0;
  int total_lapses = 0;
  double total_seconds = 0.0;
  /// Mean R over introduced cards at the end of the last day (0 if none were introduced).
  double end_retention = 0.0;
  /// Share of due reviews answered correctly over the whole run (0 if there were none):
  /// the "true retention" a learner would measure; close to the desired retention.
  double observed_retention = 0.0;
  /// One entry per exam day inside the run (day 0 .. days - 1), by day.
  std::vector<ExamOutcome> exams;
};

/// Reviews per day over days [first, last] of a run (clamped to the run): the mean, the
/// population standard deviation, the peak and the first day (0-based) it is reached, and the
/// unevenness: the population standard deviation of each day's reviews minus the mean of the
/// 7 days centred on it (days first + 3 .. last - 3; 0 for fewer than 7 days). A growing or
/// shrinking workload raises std_dev but not the unevenness, which is what balancing removes.
struct DailyReviewStats {
  double mean = 0.0;
  double std_dev = 0.0;
  int peak = 0;
  int peak_day = 0;
  double unevenness = 0.0;
};
[[nodiscard]] DailyReviewStats daily_review_stats(const SimulationResult& result, int first = 0, int last = -1);

/// Thrown by simulate() when its cancel flag becomes true (between two simulated days).
class SimulationCancelled : public std::runtime_error {
 public:
  SimulationCancelled() : std::runtime_error("simulation cancelled") {}
};

/// Receives the share of simulated days done (0..1] after each day.
using SimulationProgress = std::function<void(double)>;

/// Runs the simulation. Each day d (UTC day, reviews at 09:00): first every card due on day d
/// (by study day, earliest due first, up to max_reviews_per_day) is reviewed: the learner recalls
/// it with probability R = F2(elapsed days, S) drawn from the seeded PRNG (xoshiro256**, seeded
/// through splitmix64); a failure is rated Again and the relearning steps are then passed with
/// Good the same day; a success is rated Hard/Good/Easy by review_rating_prob. Then new_per_day
/// new cards (while the bank lasts) get a first rating from first_rating_prob and pass their
/// learning steps with Good the same day. Every rating goes through core::Scheduler, so the
/// intervals are exactly the app's (fuzz, when on, with a seed per card).
/// Issue 16: with scheduler.load_balance the scheduler sees the simulated due load per day
/// (light days from scheduler.day_capacity and start_day's weekdays); a card with an exam gets
/// the exam rule, its new cards are introduced first and at least at the pace
/// exam_new_cards_per_day asks, its reviews come first when the review limit cuts, an existing
/// card scheduled past the exam is brought forward (exam_review_day), and `exams` records each
/// exam day's outcome. A card already in (re)learning on its due day passes its steps with
/// Good (one review). Throws std::invalid_argument for negative
/// counts, days < 1, probabilities that are negative or do not sum to 1 (+-1e-6), or what
/// Scheduler's constructor rejects. `progress` (if set) is called after every day with
/// (d + 1) / days; `cancel` is read before every day and throws SimulationCancelled once true.
/// Neither changes the figures: the result depends only on `config` (seed included).
[[nodiscard]] SimulationResult simulate(const SimulationConfig& config, const SimulationProgress& progress = {},
                                        const std::atomic<bool>* cancel = nullptr);

}  // namespace casebook::core
