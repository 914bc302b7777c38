// FSRS-6 scheduler: ts-fsrs 5.4.2 BasicScheduler (impl/basic_scheduler.ts, short-term on) and
// LongTermScheduler (impl/long_term_scheduler.ts, short-term off) over the pure model in
// fsrs.hpp, with elapsed days counted in study days of SchedulerOptions::clock.
#include "core/scheduler.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/exam.hpp"
#include "core/fsrs.hpp"
#include "core/hash.hpp"
#include "core/number.hpp"

namespace casebook::core {

namespace {

constexpr int kMinutesPerDay = 1440;

/// One row of the learning-step table (ts-fsrs 5.4.2 strategies/learning_steps.ts).
struct StepEntry {
  int minutes = 0;
  int next_step = 0;
};

/// ts-fsrs 5.4.2 strategies/learning_steps.ts `BasicLearningStepsStrategy`, for one grade:
/// the steps are the relearning steps for Review/Relearning cards, else the learning steps.
/// Review: Again -> steps[cur]. New/Learning/Relearning: Again -> steps[0]; Hard -> average of
/// the first two steps (1.5 x the only step); Good -> steps[cur+1] if it exists (and is not 0);
/// Easy -> never. No entry when the list is empty or cur >= its length.
std::optional<StepEntry> step_entry(const SchedulerOptions& o, CardState state, int cur_step,
                                    Rating g) {
  const bool relearn = state == CardState::Relearning || state == CardState::Review;
  const std::vector<int>& steps = relearn ? o.relearning_steps_minutes : o.learning_steps_minutes;
  const auto len = static_cast<int>(steps.size());
  if (len == 0 || cur_step >= len) {
    return std::nullopt;
  }
  const auto at = [&](int i) { return steps[static_cast<std::size_t>(i)]; };
  const int cur = std::max(0, cur_step);
  if (state == CardState::Review) {
    if (g == Rating::Again) {
      return StepEntry{at(cur), 0};
    }
    return std::nullopt;
  }
  switch (g) {
    case Rating::Again:
      return StepEntry{at(0), 0};
    case Rating::Hard: {
      const double hard = len == 1 ? at(0) * 1.5 : (at(0) + at(1)) / 2.0;
      return StepEntry{static_cast<int>(fsrs::js_round(hard)), cur_step};
    }
    case Rating::Good:
      if (cur + 1 < len && at(cur + 1) != 0) {
        return StepEntry{at(cur + 1), cur_step + 1};
      }
      return std::nullopt;
    case Rating::Easy:
      return std::nullopt;
  }
  return std::nullopt;
}

/// One more lapse, saturating at INT_MAX (a damaged stored count must not overflow).
void add_lapse(CardSchedule& c) {
  if (c.lapses < std::numeric_limits<int>::max()) ++c.lapses;
}

constexpr int index_of(Rating g) { return static_cast<int>(g) - 1; }

constexpr std::array<Rating, 4> kGrades = {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy};

/// Bit masks of grades for Scheduler::review.
constexpr unsigned kAllGrades = 0xFU;
constexpr unsigned bit_of(Rating g) { return 1U << static_cast<unsigned>(index_of(g)); }

/// Days added to a fixed-offset study day's dividend so that it is never negative: more than
/// the days from kMinSupportedMs back to 1970 plus a day of offset and rollover.
constexpr std::int64_t kBiasDays = 1'000'000;
static_assert(kBiasDays * kMsPerDay + kMinSupportedMs > 2 * kMsPerDay);

/// Floor division by a positive divisor.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

}  // namespace

Scheduler::Scheduler(SchedulerOptions options) : m_options(std::move(options)), m_weights{} {
  if (!(m_options.desired_retention > 0.0 && m_options.desired_retention <= 1.0)) {
    throw std::invalid_argument("desired retention must be in (0, 1]");
  }
  if (m_options.maximum_interval < 1) {
    throw std::invalid_argument("maximum interval must be at least 1 day");
  }
  for (const auto* steps : {&m_options.learning_steps_minutes, &m_options.relearning_steps_minutes}) {
    for (const int m : *steps) {
      if (m < 0) {
        throw std::invalid_argument("learning and relearning steps must be >= 0 minutes");
      }
    }
  }
  m_weights = fsrs::clip_parameters(m_options.weights, m_options.relearning_steps_minutes.size(),
                                    m_options.enable_short_term);
  m_interval_modifier = fsrs::interval_modifier(m_weights, m_options.desired_retention);
  m_constants = fsrs::constants_of(m_weights, m_options.enable_short_term);
  const DayClock& clock = m_options.clock;
  if (clock.rollover_hour >= 0 && clock.rollover_hour <= 23) {
    try {
      m_zone = date::locate_zone(clock.time_zone);
    } catch (const std::exception&) {
      m_zone = nullptr;  // unknown zone: study_day throws when a study day is needed
    }
  }
  if (m_zone != nullptr) {
    using std::chrono::seconds;
    const date::sys_info info =
        m_zone->get_info(date::sys_seconds{seconds{floor_div(kMinSupportedMs, kMsPerSecond)}});
    if (info.begin <= date::sys_seconds{seconds{floor_div(kMinSupportedMs, kMsPerSecond)}} &&
        info.end > date::sys_seconds{seconds{kMaxSupportedMs / kMsPerSecond}}) {
      m_fixed_offset = true;
      m_biased_offset_ms = static_cast<std::int64_t>(info.offset.count()) * kMsPerSecond -
                           clock.rollover_hour * kMsPerHour + kBiasDays * kMsPerDay;
    }
  }
}

std::int64_t Scheduler::study_day_of(TimestampMs t) const {
  if (m_fixed_offset) {
    // floor_div(clamp_supported(t) + offset - rollover, kMsPerDay), with the dividend made
    // non-negative by kBiasDays whole days, so that it is one unsigned division.
    const auto biased = static_cast<std::uint64_t>(clamp_supported(t) + m_biased_offset_ms);
    return static_cast<std::int64_t>(biased / static_cast<std::uint64_t>(kMsPerDay)) - kBiasDays;
  }
  if (m_zone == nullptr) {
    return study_day(t, m_options.clock);  // throws for an unknown zone or rollover hour
  }
  using Ms = std::chrono::milliseconds;
  const auto local = m_zone->to_local(date::sys_time<Ms>{Ms{clamp_supported(t)}});
  const auto shifted = local - std::chrono::hours{m_options.clock.rollover_hour};
  return date::floor<date::days>(shifted).time_since_epoch().count();
}

CardSchedule Scheduler::new_card(TimestampMs now) {
  CardSchedule card;
  card.due = now;
  return card;
}

std::int64_t Scheduler::elapsed_days(TimestampMs from, TimestampMs to) const {
  const std::int64_t days = study_day_of(to) - study_day_of(from);
  if (days < 0 && to >= from) {
    // Only possible when clocks fall back across the rollover hour: not a step back in time.
    return 0;
  }
  return days;
}

/// What one grade does to the card's schedule (every field is set by the steps or interval).
/// No default member values: review() leaves the grades it does not build unwritten (zeroing
/// the four records cost about 2 % of a review), and result() reads only built ones.
struct Scheduler::Outcome {
  CardState state;
  int learning_steps;
  std::int64_t scheduled_days;
  TimestampMs due;
  bool lapse;  ///< one more lapse
};

struct Scheduler::Reviewed {
  TimestampMs now = 0;  ///< the review time, clamped
  std::int64_t elapsed = 0;
  double r = 0.0;
  std::array<fsrs::MemoryState, 4> memory{};
  std::array<Outcome, 4> outcome;  ///< set for the built grades only (see review)

  /// The ReviewResult of grade index i (0 = Again) for `card`, the card that was reviewed.
  [[nodiscard]] ReviewResult result(const CardSchedule& card, std::size_t i) const {
    ReviewResult res;
    res.card = card;
    res.card.last_review = now;
    if (card.reps < std::numeric_limits<int>::max()) ++res.card.reps;
    res.card.stability = memory[i].stability;
    res.card.difficulty = memory[i].difficulty;
    res.card.state = outcome[i].state;
    res.card.learning_steps = outcome[i].learning_steps;
    res.card.scheduled_days = outcome[i].scheduled_days;
    res.card.due = outcome[i].due;
    if (outcome[i].lapse) {
      add_lapse(res.card);
    }
    res.elapsed_days = elapsed;
    res.retrievability = r;
    return res;
  }
};

std::array<ReviewResult, 4> Scheduler::preview(const CardSchedule& card, TimestampMs now,
                                               std::uint64_t fuzz_seed, const ScheduleContext& context) const {
  const Reviewed x = review(card, now, fuzz_seed, kAllGrades, kAllGrades, context);
  return {x.result(card, 0), x.result(card, 1), x.result(card, 2), x.result(card, 3)};
}

ReviewResult Scheduler::next(const CardSchedule& card, TimestampMs now, Rating rating,
                             std::uint64_t fuzz_seed, const ScheduleContext& context) const {
  const int idx = index_of(rating);
  if (idx < 0 || idx > 3) {
    throw std::invalid_argument("rating must be Again, Hard, Good or Easy");
  }
  // Only the grades the chosen one depends on: the LongTermScheduler orders all four
  // intervals; a Review card's pass orders Hard < Good (< Easy); anything else stands alone.
  unsigned grades = bit_of(rating);
  if (!m_options.enable_short_term) {
    grades = kAllGrades;
  } else if (card.state == CardState::Review && rating != Rating::Again) {
    grades = bit_of(Rating::Hard) | bit_of(Rating::Good) | bit_of(rating);
  }
  return review(card, now, fuzz_seed, grades, bit_of(rating), context)
      .result(card, static_cast<std::size_t>(idx));
}

Scheduler::Reviewed Scheduler::review(const CardSchedule& card, TimestampMs now_in,
                                      std::uint64_t fuzz_seed, unsigned grades, unsigned built,
                                      const ScheduleContext& context) const {
  const SchedulerOptions& o = m_options;
  const TimestampMs now = clamp_supported(now_in);
  const bool is_new = card.state == CardState::New;
  const auto wanted = [grades](Rating g) { return (grades & bit_of(g)) != 0U; };
  const auto is_built = [built](Rating g) { return (built & bit_of(g)) != 0U; };

  // AbstractScheduler.init (abstract_scheduler.ts): elapsed days, last_review, reps.
  std::int64_t elapsed = 0;
  if (!is_new && card.last_review.has_value()) {
    elapsed = elapsed_days(*card.last_review, now);
    if (elapsed < 0) {
      throw std::invalid_argument("review time " + format_iso_utc(now) +
                                  " is on an earlier study day than the last review " +
                                  format_iso_utc(*card.last_review));
    }
  }
  // fsrs::next_state for every wanted grade at once (the difficulty for the built ones only),
  // with the weight-only constants cached:
  // a New card is rated at t = 0 with R from the model (1 for S > 0), any other card at t with
  // R = F2(t, S). The memory {0, 0} means the initial state whatever the card's state.
  const auto t = static_cast<double>(elapsed);
  // Same day (t = 0) with S > 0: F2 is rho((1 + factor*0/S)^decay) = rho(1^decay) = 1 exactly
  // (factor is finite for clipped weights, and pow(1, y) = 1 for every y), so pow is skipped.
  const double r = is_new                                   ? 0.0
                   : (elapsed == 0 && card.stability > 0.0) ? 1.0
                       : fsrs::forgetting_curve(m_constants.decay, t, card.stability);
  Reviewed x;
  x.now = now;
  x.elapsed = elapsed;
  x.r = r;
  std::array<fsrs::MemoryState, 4>& memory = x.memory;
  const double s = card.stability;
  const double d = card.difficulty;
  if (d == 0.0 && s == 0.0) {
    for (const Rating g : kGrades) {
      if (wanted(g)) {
        const auto i = static_cast<std::size_t>(index_of(g));
        memory[i] = {fsrs::init_stability(m_weights, g),
                     fsrs::clamp(m_constants.init_difficulty[i], 1.0, 10.0)};
      }
    }
  } else {
    if (!(d >= 1.0) || !(s >= fsrs::kMinStability)) {
      fsrs::check_memory({s, d});  // throws
    }
    const double t_model = is_new ? 0.0 : t;
    const double r_model = is_new ? fsrs::forgetting_curve(m_constants.decay, 0.0, s) : r;
    if (t_model == 0.0 && o.enable_short_term) {
      const double pow_s = std::pow(s, -m_weights[19]);
      for (const Rating g : kGrades) {
        if (wanted(g)) {
          const auto i = static_cast<std::size_t>(index_of(g));
          memory[i].stability =
              fsrs::short_term_stability(s, pow_s, m_constants.short_term_growth[i], g);
        }
      }
    } else {
      if (wanted(Rating::Again)) {
        memory[0].stability = fsrs::again_stability(m_weights, m_constants.again_divisor, d, s, r_model);
      }
      if ((grades & ~bit_of(Rating::Again)) != 0U) {
        const double growth = fsrs::recall_growth(m_weights, m_constants.exp_w8, d, s, r_model);
        // Hard: growth * w15 * 1; Good: growth * 1 * 1; Easy: growth * 1 * w16, as F8.
        const std::array<double, 4> factor = {0.0, m_weights[15], 1.0, m_weights[16]};
        for (std::size_t i = 1; i < 4; ++i) {
          if ((grades & (1U << i)) != 0U) {
            memory[i].stability = fsrs::recall_stability_from_growth(s, growth * factor[i]);
          }
        }
      }
    }
    for (const Rating g : kGrades) {
      if (is_built(g)) {
        const auto i = static_cast<std::size_t>(index_of(g));
        memory[i].difficulty = fsrs::next_difficulty(m_weights, m_constants.init_difficulty[3], d, g);
      }
    }
  }

  std::array<Outcome, 4>& out = x.outcome;  // only the built grades are filled in below
  // Casebook additions (ScheduleContext): the load balancer and the exam rule need the study
  // day of the review; without them nothing below differs from ts-fsrs.
  const bool balance = o.load_balance && context.load != nullptr;
  const std::int64_t today = (balance || context.exam) ? study_day_of(now) : 0;
  const bool exam_ahead = context.exam && today < context.exam->day;
  const auto interval_of = [&](std::size_t i) {
    const std::int64_t days =
        fsrs::next_interval(memory[i].stability, m_interval_modifier, o.maximum_interval);
    const std::int64_t fuzzed = o.enable_fuzz ? fuzz_interval(days, o.maximum_interval, fuzz_seed, card.reps) : days;
    if (!balance) return fuzzed;
    return balance_interval(fuzz_range(days, o.maximum_interval), fuzzed, today, *context.load, o.day_capacity);
  };
  // The exam rule, after the ordering and the cap; a shortened interval is balanced again
  // over the earlier days of its fuzz range.
  const auto exam_days = [&](std::int64_t days, std::size_t i) {
    const std::int64_t shortened = exam_interval(days, memory[i].stability, today, *context.exam, *this);
    if (shortened >= days || !balance) return std::min(days, shortened);
    return balance_interval(DayRange{fuzz_range(shortened, o.maximum_interval).lo, shortened}, shortened, today,
                            *context.load, o.day_capacity);
  };
  const auto set_days = [&](Outcome& c, std::int64_t days, std::size_t i) {
    if (o.enforce_maximum_interval) {
      days = std::min(days, o.maximum_interval);
    }
    if (exam_ahead) {
      days = exam_days(days, i);
    }
    c.state = CardState::Review;
    c.learning_steps = 0;
    c.scheduled_days = days;
    c.lapse = false;
    days = std::clamp<std::int64_t>(days, 0, kMaxSupportedMs / kMsPerDay);
    c.due = add_saturated(now, days * kMsPerDay);
  };

  if (!o.enable_short_term) {
    // LongTermScheduler: every grade goes to Review, intervals ordered
    // Again <= Hard < Good < Easy (long_term_scheduler.ts next_interval).
    std::int64_t ia = interval_of(0);
    std::int64_t ih = interval_of(1);
    std::int64_t ig = interval_of(2);
    std::int64_t ie = interval_of(3);
    ia = std::min(ia, ih);
    ih = std::max(ih, ia + 1);
    ig = std::max(ig, ih + 1);
    ie = std::max(ie, ig + 1);
    const std::array<std::int64_t, 4> days = {ia, ih, ig, ie};
    for (std::size_t i = 0; i < 4; ++i) {
      if ((built & (1U << i)) != 0U) {
        set_days(out[i], days[i], i);
      }
    }
    out[0].lapse = !is_new;
    return x;
  }

  // BasicScheduler.applyLearningSteps (basic_scheduler.ts).
  const auto apply_steps = [&](Outcome& c, Rating g, CardState to_state) {
    const std::optional<StepEntry> entry = step_entry(o, card.state, card.learning_steps, g);
    const int minutes = entry ? std::max(0, entry->minutes) : 0;
    const int next_step = entry ? std::max(0, entry->next_step) : 0;
    c.lapse = false;
    if (minutes > 0 && minutes < kMinutesPerDay) {
      c.learning_steps = next_step;
      c.scheduled_days = 0;
      c.state = to_state;
      c.due = add_saturated(now, static_cast<std::int64_t>(minutes) * kMsPerMinute);
    } else if (minutes >= kMinutesPerDay) {
      c.state = CardState::Review;
      c.learning_steps = next_step;
      c.due = add_saturated(now, static_cast<std::int64_t>(minutes) * kMsPerMinute);
      c.scheduled_days = minutes / kMinutesPerDay;
    } else {
      set_days(c, interval_of(static_cast<std::size_t>(index_of(g))), static_cast<std::size_t>(index_of(g)));
    }
  };

  switch (card.state) {
    case CardState::New:
    case CardState::Learning:
    case CardState::Relearning: {
      const CardState to_state = is_new ? CardState::Learning : card.state;
      for (const Rating g : kGrades) {
        if (is_built(g)) {
          apply_steps(out[static_cast<std::size_t>(index_of(g))], g, to_state);
        }
      }
      break;
    }
    case CardState::Review: {
      // Hard and Good are always wanted together (next() asks for both).
      if ((grades & ~bit_of(Rating::Again)) != 0U) {
        std::int64_t ih = interval_of(1);
        std::int64_t ig = interval_of(2);
        ih = std::min(ih, ig);
        ig = std::max(ig, ih + 1);
        if (is_built(Rating::Hard)) {
          set_days(out[1], ih, 1);
        }
        if (is_built(Rating::Good)) {
          set_days(out[2], ig, 2);
        }
        if (is_built(Rating::Easy)) {
          set_days(out[3], std::max(interval_of(3), ig + 1), 3);
        }
      }
      if (is_built(Rating::Again)) {
        apply_steps(out[0], Rating::Again, CardState::Relearning);
        out[0].lapse = true;
      }
      break;
    }
  }
  return x;
}

double Scheduler::retrievability(const CardSchedule& card, TimestampMs now) const {
  if (card.state == CardState::New || !(card.stability > 0.0)) {
    return 0.0;
  }
  std::int64_t t = 0;
  if (card.last_review.has_value()) {
    const std::int64_t diff = clamp_supported(now) - clamp_supported(*card.last_review);
    // Math.floor(diff / 86400000): floor division, then max(., 0).
    t = diff >= 0 ? diff / kMsPerDay : 0;
  }
  return fsrs::forgetting_curve(m_constants.decay, static_cast<double>(t), fsrs::round8(card.stability));
}

std::uint64_t fuzz_seed_of(std::string_view card_key) { return fnv1a64(card_key); }

std::int64_t fuzz_interval(std::int64_t interval, std::int64_t maximum_interval, std::uint64_t seed, int reps) {
  if (static_cast<double>(interval) < 2.5) {
    return interval;
  }
  const DayRange range = fuzz_range(interval, maximum_interval);
  // splitmix64 (Steele, Lea, Flood 2014): the (reps + 1)-th output from state `seed`.
  const std::uint64_t z =
      splitmix64_mix(seed + kSplitmix64Gamma * (static_cast<std::uint64_t>(static_cast<std::uint32_t>(reps)) + 1));
  const auto span = static_cast<std::uint64_t>(range.hi - range.lo + 1);
  return range.lo + static_cast<std::int64_t>(z % span);
}

bool is_due(const CardSchedule& card, TimestampMs now, const DayClock& clock) {
  if (card.state == CardState::New) {
    return true;
  }
  if (card.scheduled_days == 0) {
    return now >= card.due;
  }
  return study_day(now, clock) >= study_day(card.due, clock);
}

std::string format_interval(TimestampMs now, TimestampMs due) {
  const std::int64_t diff = due - now;
  if (diff < kMsPerMinute) {
    return "<1m";
  }
  const auto rounded = [](double x) { return static_cast<std::int64_t>(fsrs::js_round(x)); };
  const auto ms = static_cast<double>(diff);
  if (const auto m = rounded(ms / static_cast<double>(kMsPerMinute)); m < 60) {
    return std::to_string(m) + "m";
  }
  if (const auto h = rounded(ms / static_cast<double>(kMsPerHour)); h < 24) {
    return std::to_string(h) + "h";
  }
  const double days = ms / static_cast<double>(kMsPerDay);
  if (const auto d = rounded(days); d < 30) {
    return std::to_string(d) + "d";
  }
  // One decimal, without a trailing ".0": "2.1mo", "1mo", "1.5y", "12y".
  const auto one_decimal = [&](double x, const char* unit) {
    return format_trimmed(fsrs::js_round(x * 10.0) / 10.0, 1) + unit;
  };
  constexpr double kDaysPerMonth = 365.25 / 12.0;
  if (const double months = days / kDaysPerMonth; fsrs::js_round(months * 10.0) < 120.0) {
    return one_decimal(months, "mo");
  }
  return one_decimal(days / 365.25, "y");
}

}  // namespace casebook::core
