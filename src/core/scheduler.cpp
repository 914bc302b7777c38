// FSRS-6 scheduler: ts-fsrs 5.4.2 BasicScheduler (impl/basic_scheduler.ts, short-term on) and
// LongTermScheduler (impl/long_term_scheduler.ts, short-term off) over the pure model in
// fsrs.hpp, with elapsed days counted in study days of SchedulerOptions::clock.
#include "core/scheduler.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/fsrs.hpp"

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

int index_of(Rating g) { return static_cast<int>(g) - 1; }

constexpr std::array<Rating, 4> kGrades = {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy};

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
}

CardSchedule Scheduler::new_card(TimestampMs now) {
  CardSchedule card;
  card.due = now;
  return card;
}

std::int64_t Scheduler::elapsed_days(TimestampMs from, TimestampMs to) const {
  const std::int64_t days = study_day(to, m_options.clock) - study_day(from, m_options.clock);
  if (days < 0 && to >= from) {
    // Only possible when clocks fall back across the rollover hour: not a step back in time.
    return 0;
  }
  return days;
}

std::array<ReviewResult, 4> Scheduler::preview(const CardSchedule& card, TimestampMs now_in,
                                               std::uint64_t fuzz_seed) const {
  const SchedulerOptions& o = m_options;
  const TimestampMs now = clamp_supported(now_in);
  const bool is_new = card.state == CardState::New;

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
  CardSchedule current = card;
  current.last_review = now;
  current.reps = card.reps < std::numeric_limits<int>::max() ? card.reps + 1 : card.reps;

  const std::optional<fsrs::MemoryState> memory =
      fsrs::MemoryState{card.stability, card.difficulty};
  const auto t = static_cast<double>(elapsed);
  const double r = is_new ? 0.0 : fsrs::forgetting_curve(m_weights, t, card.stability);

  std::array<ReviewResult, 4> out{};
  for (const Rating g : kGrades) {
    const fsrs::MemoryState next =
        is_new ? fsrs::next_state(m_weights, o.enable_short_term, memory, 0.0, g)
               : fsrs::next_state(m_weights, o.enable_short_term, memory, t, g, r);
    ReviewResult& res = out[static_cast<std::size_t>(index_of(g))];
    res.card = current;
    res.card.stability = next.stability;
    res.card.difficulty = next.difficulty;
    res.elapsed_days = elapsed;
    res.retrievability = r;
  }

  const auto interval_of = [&](const CardSchedule& c) {
    const std::int64_t days = fsrs::next_interval(c.stability, m_interval_modifier, o.maximum_interval);
    return o.enable_fuzz ? fuzz_interval(days, o.maximum_interval, fuzz_seed, card.reps) : days;
  };
  const auto set_days = [&](CardSchedule& c, std::int64_t days) {
    if (o.enforce_maximum_interval) {
      days = std::min(days, o.maximum_interval);
    }
    c.state = CardState::Review;
    c.learning_steps = 0;
    c.scheduled_days = days;
    days = std::clamp<std::int64_t>(days, 0, kMaxSupportedMs / kMsPerDay);
    c.due = add_saturated(now, days * kMsPerDay);
  };

  if (!o.enable_short_term) {
    // LongTermScheduler: every grade goes to Review, intervals ordered
    // Again <= Hard < Good < Easy (long_term_scheduler.ts next_interval).
    std::int64_t ia = interval_of(out[0].card);
    std::int64_t ih = interval_of(out[1].card);
    std::int64_t ig = interval_of(out[2].card);
    std::int64_t ie = interval_of(out[3].card);
    ia = std::min(ia, ih);
    ih = std::max(ih, ia + 1);
    ig = std::max(ig, ih + 1);
    ie = std::max(ie, ig + 1);
    set_days(out[0].card, ia);
    set_days(out[1].card, ih);
    set_days(out[2].card, ig);
    set_days(out[3].card, ie);
    if (!is_new) {
      add_lapse(out[0].card);
    }
    return out;
  }

  // BasicScheduler.applyLearningSteps (basic_scheduler.ts).
  const auto apply_steps = [&](CardSchedule& c, Rating g, CardState to_state) {
    const std::optional<StepEntry> entry = step_entry(o, card.state, card.learning_steps, g);
    const int minutes = entry ? std::max(0, entry->minutes) : 0;
    const int next_step = entry ? std::max(0, entry->next_step) : 0;
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
      set_days(c, interval_of(c));
    }
  };

  switch (card.state) {
    case CardState::New:
      for (const Rating g : kGrades) {
        apply_steps(out[static_cast<std::size_t>(index_of(g))].card, g, CardState::Learning);
      }
      break;
    case CardState::Learning:
    case CardState::Relearning:
      for (const Rating g : kGrades) {
        apply_steps(out[static_cast<std::size_t>(index_of(g))].card, g, card.state);
      }
      break;
    case CardState::Review: {
      std::int64_t ih = interval_of(out[1].card);
      std::int64_t ig = interval_of(out[2].card);
      std::int64_t ie = interval_of(out[3].card);
      ih = std::min(ih, ig);
      ig = std::max(ig, ih + 1);
      ie = std::max(ie, ig + 1);
      set_days(out[1].card, ih);
      set_days(out[2].card, ig);
      set_days(out[3].card, ie);
      apply_steps(out[0].card, Rating::Again, CardState::Relearning);
      add_lapse(out[0].card);
      break;
    }
  }
  return out;
}

ReviewResult Scheduler::next(const CardSchedule& card, TimestampMs now, Rating rating,
                             std::uint64_t fuzz_seed) const {
  const int idx = index_of(rating);
  if (idx < 0 || idx > 3) {
    throw std::invalid_argument("rating must be Again, Hard, Good or Easy");
  }
  return preview(card, now, fuzz_seed)[static_cast<std::size_t>(idx)];
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
  return fsrs::forgetting_curve(m_weights, static_cast<double>(t), fsrs::round8(card.stability));
}

std::uint64_t fuzz_seed_of(std::string_view card_key) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a 64-bit offset basis
  for (const char ch : card_key) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ULL;  // FNV-1a 64-bit prime
  }
  return h;
}

std::int64_t fuzz_interval(std::int64_t interval, std::int64_t maximum_interval, std::uint64_t seed, int reps) {
  const auto ivl = static_cast<double>(interval);
  if (ivl < 2.5) {
    return interval;
  }
  // ts-fsrs 5.4.2 constant.ts FUZZ_RANGES: [start, end) and the factor applied to the overlap.
  struct Range {
    double start, end, factor;
  };
  static constexpr std::array<Range, 3> kRanges{{{2.5, 7.0, 0.15}, {7.0, 20.0, 0.1}, {20.0, 1e18, 0.05}}};
  double delta = 1.0;
  for (const Range& r : kRanges) {
    delta += r.factor * std::max(std::min(ivl, r.end) - r.start, 0.0);
  }
  const auto rounded = [](double x) { return static_cast<std::int64_t>(fsrs::js_round(x)); };
  std::int64_t lo = std::max<std::int64_t>(2, rounded(ivl - delta));
  const std::int64_t hi = std::min<std::int64_t>(rounded(ivl + delta), maximum_interval);
  lo = std::min(lo, hi);
  // splitmix64 (Steele, Lea, Flood 2014) over the seed and the review count.
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(static_cast<std::uint32_t>(reps)) + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  const auto span = static_cast<std::uint64_t>(hi - lo + 1);
  return lo + static_cast<std::int64_t>(z % span);
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
    const double tenths = fsrs::js_round(x * 10.0);
    char buf[48];
    if (std::fmod(tenths, 10.0) == 0.0) {
      std::snprintf(buf, sizeof buf, "%.0f%s", tenths / 10.0, unit);
    } else {
      std::snprintf(buf, sizeof buf, "%.1f%s", tenths / 10.0, unit);
    }
    return std::string(buf);
  };
  constexpr double kDaysPerMonth = 365.25 / 12.0;
  if (const double months = days / kDaysPerMonth; fsrs::js_round(months * 10.0) < 120.0) {
    return one_decimal(months, "mo");
  }
  return one_decimal(days / 365.25, "y");
}

}  // namespace casebook::core
