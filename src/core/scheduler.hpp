// The FSRS-6 scheduler: learning/relearning steps around the memory model, four previews,
// and study-day counting. Port of ts-fsrs 5.4.2 BasicScheduler / LongTermScheduler.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/card.hpp"
#include "core/fsrs.hpp"
#include "core/load_balance.hpp"
#include "core/schedule_context.hpp"
#include "core/time.hpp"

namespace date {
class time_zone;
}  // namespace date

namespace casebook::core {

/// FSRS-6 default parameters w0..w20 (ts-fsrs 5.4.2 constant.ts; fsrs-rs DEFAULT_PARAMETERS).
inline constexpr std::array<double, 21> kDefaultWeights = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

/// Study options that the scheduler needs. Defaults are Casebook's (issue #2): desired
/// retention 0.9, steps 1m 10m, relearning 10m, rollover 04:00 local, max 36500 days.
struct SchedulerOptions {
  std::array<double, 21> weights = kDefaultWeights;  ///< clipped to the reference ranges on use
  double desired_retention = 0.9;                    ///< 0 < r <= 1 (throws otherwise)
  std::int64_t maximum_interval = 36500;             ///< days
  bool enable_short_term = true;                     ///< false: ts-fsrs LongTermScheduler
  std::vector<int> learning_steps_minutes{1, 10};
  std::vector<int> relearning_steps_minutes{10};
  DayClock clock{};  ///< elapsed days = study_day(now) - study_day(last_review)
  /// Casebook addition (default off = ts-fsrs 5.4.2 behaviour): when true, intervals are capped
  /// at maximum_interval again AFTER the Hard < Good < Easy ordering, so no grade can exceed
  /// the cap (Good and Easy may then equal Hard). When false, as in the reference, Good and
  /// Easy become max+1 and max+2 when every grade hits the cap. See docs/scheduling.md.
  bool enforce_maximum_interval = false;
  /// Casebook addition (default off, as in ts-fsrs): spread Review intervals of 3 days or more
  /// over a small range (see fuzz_interval), so cards learnt together do not stay together.
  /// The spread is a pure function of the fuzz seed and the card's review count, so replaying
  /// the same reviews gives the same dates.
  bool enable_fuzz = false;
  /// Casebook addition (default off): with a due load in the ScheduleContext, a Review interval
  /// of 2.5 days or more goes to the least-loaded day of its fuzz range (balance_interval;
  /// ties: the fuzzed interval with enable_fuzz, else the FSRS interval). See docs/scheduling.md.
  bool load_balance = false;
  /// Each weekday's share of a normal day's reviews (light days below 1), read by the balancer
  /// only. Default: every day normal.
  WeekdayCapacity day_capacity = kEvenWeek;
};

/// The fuzzed interval for `interval` days (Casebook's deterministic variant of the ts-fsrs
/// 5.4.2 `get_fuzz_range`): drawn uniformly from fuzz_range(interval, maximum_interval)
/// (core/load_balance.hpp) by splitmix64 seeded with `seed` and `reps` (the card's review
/// count before this review). Intervals below 2.5 days are returned unchanged.
[[nodiscard]] std::int64_t fuzz_interval(std::int64_t interval, std::int64_t maximum_interval,
                                         std::uint64_t seed, int reps);

/// Stable 64-bit fuzz seed of a card key (FNV-1a): pass it to Scheduler::next / preview.
[[nodiscard]] std::uint64_t fuzz_seed_of(std::string_view card_key);

/// What the scheduler did for one review (mirrors ts-fsrs ReviewLog essentials).
struct ReviewResult {
  CardSchedule card;           ///< the card after the review
  std::int64_t elapsed_days = 0;  ///< study days since the previous review (0 for New)
  double retrievability = 0.0;    ///< R used for this review (F2 at elapsed_days), 0 for New
};

/// Stateless apart from its options; cheap to copy. All instants are UTC ms.
class Scheduler {
 public:
  /// Throws std::invalid_argument for desired_retention outside (0, 1] or bad steps.
  explicit Scheduler(SchedulerOptions options = {});

  [[nodiscard]] const SchedulerOptions& options() const { return m_options; }
  /// The parameters after clipping (ts-fsrs clipParameters).
  [[nodiscard]] const std::array<double, 21>& weights() const { return m_weights; }

  /// A fresh card, due at `now` (ts-fsrs createEmptyCard).
  [[nodiscard]] static CardSchedule new_card(TimestampMs now);

  /// The card after rating it `rating` at `now` (ts-fsrs FSRS.next). Throws
  /// std::invalid_argument if `now` is on an earlier study day than the last review.
  /// `fuzz_seed` (fuzz_seed_of the card key) only matters with enable_fuzz or load_balance.
  /// Instants are saturated to [kMinSupportedMs, kMaxSupportedMs], so due dates never
  /// overflow. `context` (Casebook addition): the due load for load_balance and the card's
  /// exam; a Review interval is chosen as FSRS computes it, then fuzzed or balanced, ordered
  /// (Hard <= Good < Easy), capped at the maximum with enforce_maximum_interval, and last
  /// shortened by the exam rule (exam_interval in core/exam.hpp). The default context changes
  /// nothing.
  [[nodiscard]] ReviewResult next(const CardSchedule& card, TimestampMs now, Rating rating,
                                  std::uint64_t fuzz_seed = 0, const ScheduleContext& context = {}) const;

  /// What each rating would produce: index 0 = Again ... 3 = Easy (ts-fsrs FSRS.repeat), with
  /// the same `context` rules as next (so a preview equals the review it previews).
  [[nodiscard]] std::array<ReviewResult, 4> preview(const CardSchedule& card, TimestampMs now,
                                                    std::uint64_t fuzz_seed = 0,
                                                    const ScheduleContext& context = {}) const;

  /// Probability of recall now (F2), from whole real days since the last review, as ts-fsrs
  /// get_retrievability(card, now, false). 0 for a New card.
  [[nodiscard]] double retrievability(const CardSchedule& card, TimestampMs now) const;

  /// Study days between two instants in this scheduler's DayClock.
  [[nodiscard]] std::int64_t elapsed_days(TimestampMs from, TimestampMs to) const;

  /// study_day(t, options().clock), without the zone look-up by name (fast for fixed-offset
  /// zones such as UTC). Throws as study_day for an unknown zone.
  [[nodiscard]] std::int64_t study_day_of(TimestampMs t) const;

  /// F2 with this scheduler's weights: the probability of recall `elapsed_days` days after a
  /// review that left stability `stability` (> 0), rounded as ts-fsrs rounds it.
  [[nodiscard]] double recall_probability(double elapsed_days, double stability) const {
    return fsrs::forgetting_curve(m_constants.decay, elapsed_days, stability);
  }

 private:
  struct Outcome;
  struct Reviewed;
  /// preview/next: the stabilities and intervals of the grades in `grades` (bit i = grade
  /// i+1), the difficulty and schedule of those in `built` (a subset of `grades`: the ones a
  /// ReviewResult is built for); the other entries are left default.
  [[nodiscard]] Reviewed review(const CardSchedule& card, TimestampMs now, std::uint64_t fuzz_seed,
                                unsigned grades, unsigned built, const ScheduleContext& context) const;

  SchedulerOptions m_options;
  std::array<double, 21> m_weights;
  double m_interval_modifier = 1.0;  ///< F3 at desired_retention with the clipped weights
  fsrs::Constants m_constants;       ///< the weight-only parts of the model, computed once
  /// The clock's zone (nullptr if unknown or the rollover hour is invalid: study_day then
  /// throws as documented), and its UTC offset when it has one offset over the whole
  /// supported range (UTC, Etc/GMT+5 ...), so study days need no tz database at all.
  const date::time_zone* m_zone = nullptr;
  bool m_fixed_offset = false;
  /// Fixed offset - rollover hour + kBiasDays days (scheduler.cpp), in ms.
  std::int64_t m_biased_offset_ms = 0;
};

/// Whether `card` should be shown at `now` (Casebook addition, Anki semantics). New cards are
/// always due. A card on an intraday (re)learning step (scheduled_days == 0) is due once
/// `now >= due`. Any other card is due from the start of the study day that contains `due`:
/// study_day(now) >= study_day(due) in `clock`, so changing the rollover hour or time zone
/// takes effect at the next call. Throws std::runtime_error for an unknown time zone.
[[nodiscard]] bool is_due(const CardSchedule& card, TimestampMs now, const DayClock& clock);

/// Short human text for an interval from `now` to `due`: "1m", "10m", "3h", "4d", "2.1mo", "1.5y".
/// Under a minute (or in the past) gives "<1m"; then whole minutes below 60, whole hours below
/// 24, whole days below 30, months of 365.25/12 days below 12, else years of 365.25 days;
/// months and years keep one decimal unless it is 0 ("1y", "1.5y"). Rounding is half-up.
[[nodiscard]] std::string format_interval(TimestampMs now, TimestampMs due);

}  // namespace casebook::core
