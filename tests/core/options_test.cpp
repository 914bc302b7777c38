// Study options: defaults, validation, text form, leech rule; fuzz determinism; overflow
// bounds of instants and intervals (incl. a damaged stored card with INT64_MIN/MAX); study
// days in Sydney, Lord Howe (30-minute DST) and Kolkata; session rules (backlog order,
// learn-ahead limit, bury siblings, suspension).
#include <gtest/gtest.h>

#include <date/date.h>

#include <climits>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/options.hpp"
#include "core/scheduler.hpp"
#include "core/session.hpp"
#include "core/time.hpp"

namespace casebook::core {
namespace {

std::int64_t day_of(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count();
}

TimestampMs at(const std::string& iso) { return parse_iso(iso); }

/// A Review card: S and D, due and last review (UTC ms), the interval granted and the reps.
CardSchedule review_card(double stability, double difficulty, TimestampMs due, TimestampMs last,
                         std::int64_t scheduled_days, int reps) {
  CardSchedule s;
  s.state = CardState::Review;
  s.stability = stability;
  s.difficulty = difficulty;
  s.due = due;
  s.last_review = last;
  s.scheduled_days = scheduled_days;
  s.reps = reps;
  return s;
}

std::vector<std::string> fields(const std::vector<OptionProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field);
  return out;
}

// ---- Options ---------------------------------------------------------------------------

TEST(StudyOptions, DefaultsAreValidAndMatchThePreviousBehaviour) {
  const StudyOptions o;
  EXPECT_TRUE(validate(o).empty());
  StudyOptions utc = o;
  utc.time_zone = "UTC";
  const SchedulerOptions s = to_scheduler_options(utc);
  const SchedulerOptions before;  // what the app used before options existed
  EXPECT_EQ(s.weights, before.weights);
  EXPECT_EQ(s.desired_retention, before.desired_retention);
  EXPECT_EQ(s.learning_steps_minutes, before.learning_steps_minutes);
  EXPECT_EQ(s.relearning_steps_minutes, before.relearning_steps_minutes);
  EXPECT_EQ(s.maximum_interval, 36500);
  EXPECT_FALSE(s.enable_fuzz);
  EXPECT_TRUE(s.enable_short_term);
  EXPECT_EQ(s.clock.time_zone, "UTC");
  EXPECT_EQ(s.clock.rollover_hour, 4);
  const SessionRules r = to_session_rules(o);
  EXPECT_EQ(r.review_order, ReviewOrder::LowestRetrievability);
  EXPECT_EQ(r.learn_ahead_ms, kLearnAheadMs);
  EXPECT_TRUE(r.bury_siblings);  // the one default that changed: on since issue 4 (docs/scheduling.md)
  EXPECT_TRUE(o.bury_siblings);
  EXPECT_EQ(r.bury_siblings, SessionRules{}.bury_siblings);
  EXPECT_EQ(o.new_cards_per_day, SessionLimits{}.new_cards);
  EXPECT_EQ(o.max_reviews_per_day, SessionLimits{}.reviews);
  // Empty time zone = the system's.
  EXPECT_EQ(effective_time_zone(o), local_time_zone_name());
}

TEST(StudyOptions, ValidateNamesEveryFieldOutOfRange) {
  StudyOptions o;
  o.desired_retention = 1.5;
  o.new_cards_per_day = -1;
  o.max_reviews_per_day = 100000;
  o.learning_steps_minutes = {1, 0};
  o.relearning_steps_minutes = std::vector<int>(11, 10);
  o.maximum_interval_days = 36501;
  o.rollover_hour = 24;
  o.time_zone = "Mars/Olympus_Mons";
  o.leech_threshold = 0;
  o.learn_ahead_minutes = 1441;
  o.weights = {1.0, 2.0};
  const auto problems = validate(o);
  EXPECT_EQ(fields(problems),
            (std::vector<std::string>{"desired_retention", "new_cards_per_day", "max_reviews_per_day",
                                      "learning_steps", "relearning_steps", "maximum_interval", "rollover_hour",
                                      "time_zone", "leech_threshold", "learn_ahead_minutes", "weights"}));
  EXPECT_EQ(problems[0].message, "must be between 0.70 and 0.99, got 1.5");
  EXPECT_EQ(problems[5].message, "must be between 1 and 36500 days, got 36501");
  EXPECT_EQ(problems[6].message, "must be between 0 and 23, got 24");
  EXPECT_THROW((void)to_scheduler_options(o), std::invalid_argument);

  // The bounds themselves are allowed.
  StudyOptions edge;
  edge.desired_retention = 0.7;
  edge.maximum_interval_days = 36500;
  edge.rollover_hour = 23;
  edge.time_zone = "Australia/Lord_Howe";
  edge.leech_threshold = 99;
  edge.learn_ahead_minutes = 0;
  edge.learning_steps_minutes = {};
  edge.weights.assign(kDefaultWeights.begin(), kDefaultWeights.end());
  EXPECT_TRUE(validate(edge).empty());
  edge.desired_retention = 0.991;
  EXPECT_EQ(fields(validate(edge)), std::vector<std::string>{"desired_retention"});
  edge.desired_retention = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(fields(validate(edge)), std::vector<std::string>{"desired_retention"});
}

TEST(StudyOptions, KeyValuesRoundTripExactly) {
  StudyOptions o;
  o.desired_retention = 0.1 + 0.2 + 0.55;  // 0.8500000000000001: needs 17 digits
  o.new_cards_per_day = 7;
  o.max_reviews_per_day = 321;
  o.learning_steps_minutes = {2, 15, 1440};
  o.relearning_steps_minutes = {};
  o.maximum_interval_days = 3650;
  o.rollover_hour = 0;
  o.time_zone = "Asia/Kolkata";
  o.fuzz = true;
  o.leech_threshold = 5;
  o.leech_action = LeechAction::TagAndSuspend;
  o.bury_siblings = false;  // not the default, so the round trip covers it
  o.review_order = ReviewOrder::Random;
  o.learn_ahead_minutes = 0;
  o.weights.assign(kDefaultWeights.begin(), kDefaultWeights.end());
  o.weights[3] = 1.0 / 3.0;
  o.exam_day = 20000;  // 2024-10-04
  o.exam_retention = 0.95;
  o.exam_scope = {"bank-a", "bank-b/actors"};
  o.after_exam = AfterExam::Stop;
  o.load_balance = true;
  o.light_days[5] = o.light_days[6] = true;
  o.light_fraction = 0.25;
  o.dilemma_learning_steps = true;
  const auto kv = to_key_values(o);
  ASSERT_EQ(kv.size(), 23u);
  EXPECT_EQ(kv[22], (std::pair<std::string, std::string>{"dilemma_learning_steps", "on"}));
  EXPECT_EQ(kv[15], (std::pair<std::string, std::string>{"exam_date", "2024-10-04"}));
  EXPECT_EQ(kv[17], (std::pair<std::string, std::string>{"exam_scope", "bank-a bank-b/actors"}));
  EXPECT_EQ(kv[18], (std::pair<std::string, std::string>{"after_exam", "stop"}));
  EXPECT_EQ(kv[20], (std::pair<std::string, std::string>{"light_weekdays", "sat sun"}));
  EXPECT_EQ(kv[3], (std::pair<std::string, std::string>{"learning_steps", "2 15 1440"}));
  EXPECT_EQ(kv[4], (std::pair<std::string, std::string>{"relearning_steps", ""}));
  EXPECT_EQ(kv[8], (std::pair<std::string, std::string>{"fuzz", "on"}));
  EXPECT_EQ(kv[10], (std::pair<std::string, std::string>{"leech_action", "tag_and_suspend"}));
  EXPECT_EQ(kv[12], (std::pair<std::string, std::string>{"review_order", "random"}));
  StudyOptions back;
  EXPECT_TRUE(apply_key_values(back, kv).empty());
  EXPECT_EQ(back, o);
  EXPECT_EQ(to_key_values(StudyOptions{})[0].second, "0.9");
}

TEST(StudyOptions, BadTextIsRefusedAndLeavesTheFieldUnchanged) {
  StudyOptions o;
  EXPECT_EQ(set_key_value(o, "desired_retention", "ninety"),
            std::optional<std::string>("desired_retention: expected a number such as 0.9, got \"ninety\""));
  EXPECT_EQ(o.desired_retention, 0.9);
  EXPECT_TRUE(set_key_value(o, "learning_steps", "1 x").has_value());
  EXPECT_EQ(o.learning_steps_minutes, (std::vector<int>{1, 10}));
  EXPECT_TRUE(set_key_value(o, "new_cards_per_day", "99999999999").has_value());
  EXPECT_TRUE(set_key_value(o, "fuzz", "maybe").has_value());
  EXPECT_TRUE(set_key_value(o, "review_order", "newest").has_value());
  EXPECT_EQ(set_key_value(o, "colour", "red"), std::optional<std::string>("unknown study option \"colour\""));
  EXPECT_FALSE(set_key_value(o, "learning_steps", "5, 20").has_value());  // commas accepted
  EXPECT_EQ(o.learning_steps_minutes, (std::vector<int>{5, 20}));
  StudyOptions expected;
  expected.learning_steps_minutes = {5, 20};
  EXPECT_EQ(o, expected);
}

TEST(StudyOptions, CardLevelOptionsAndDailyLimitsAreBankOverridable) {
  for (const auto& [key, value] : to_key_values(StudyOptions{})) {
    const bool session_wide = key == "rollover_hour" || key == "time_zone" || key == "bury_siblings" ||
                              key == "review_order" || key == "learn_ahead_minutes" || key == "load_balance" ||
                              key == "light_weekdays" || key == "light_fraction";
    EXPECT_EQ(is_bank_overridable(key), !session_wide) << key;
  }
}

TEST(Leech, AtTheThresholdThenEveryHalfThreshold) {
  std::vector<int> leech8;
  for (int lapses = 0; lapses <= 20; ++lapses) {
    if (is_leech_lapse(lapses, 8)) leech8.push_back(lapses);
  }
  EXPECT_EQ(leech8, (std::vector<int>{8, 12, 16, 20}));
  std::vector<int> leech3;
  for (int lapses = 0; lapses <= 9; ++lapses) {
    if (is_leech_lapse(lapses, 3)) leech3.push_back(lapses);
  }
  EXPECT_EQ(leech3, (std::vector<int>{3, 5, 7, 9}));  // half of 3 rounded up = 2
  EXPECT_TRUE(is_leech_lapse(1, 1));
  EXPECT_TRUE(is_leech_lapse(2, 1));
  EXPECT_FALSE(is_leech_lapse(5, 0));
}

// ---- Fuzz --------------------------------------------------------------------------------

TEST(Fuzz, RangeFollowsTheFuzzTable) {
  // interval 10: delta = 1 + 0.15 * 4.5 + 0.10 * 3 = 1.975 -> [round(8.025), round(11.975)] = [8, 12].
  std::set<std::int64_t> seen;
  for (std::uint64_t seed = 0; seed < 400; ++seed) seen.insert(fuzz_interval(10, 36500, seed, 3));
  EXPECT_EQ(seen, (std::set<std::int64_t>{8, 9, 10, 11, 12}));
  // interval 100: delta = 1 + 0.675 + 1.3 + 0.05 * 80 = 6.975 -> [93, 107].
  seen.clear();
  for (std::uint64_t seed = 0; seed < 2000; ++seed) seen.insert(fuzz_interval(100, 36500, seed, 0));
  EXPECT_EQ(*seen.begin(), 93);
  EXPECT_EQ(*seen.rbegin(), 107);
  EXPECT_EQ(seen.size(), 15u);
  // Short intervals are left alone; the maximum interval caps the range.
  EXPECT_EQ(fuzz_interval(1, 36500, 42, 0), 1);
  EXPECT_EQ(fuzz_interval(2, 36500, 42, 0), 2);
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const auto v = fuzz_interval(36500, 36500, seed, 9);
    EXPECT_LE(v, 36500);
    EXPECT_GE(v, 36500 - 1826);
  }
}

TEST(Fuzz, DeterministicFromCardAndReviewCountSoAReplayGivesTheSameDates) {
  SchedulerOptions o;
  o.clock = DayClock{"UTC", 4};
  o.enable_fuzz = true;
  o.enforce_maximum_interval = true;
  const Scheduler s(o);
  const auto run = [&](const std::string& key) {
    std::vector<TimestampMs> dues;
    TimestampMs t = at("2025-01-01T12:00:00Z");
    CardSchedule c = Scheduler::new_card(t);
    for (int i = 0; i < 12; ++i) {
      c = s.next(c, t, Rating::Good, fuzz_seed_of(key)).card;
      dues.push_back(c.due);
      t = c.due;
    }
    return dues;
  };
  const auto a1 = run("bank/q1");
  EXPECT_EQ(a1, run("bank/q1"));  // replay: same dates
  EXPECT_NE(a1, run("bank/q2"));  // another card: spread differently
  // Same card, fuzz off: the plain intervals, and fuzz stays within its table's range.
  SchedulerOptions plain = o;
  plain.enable_fuzz = false;
  const Scheduler p(plain);
  TimestampMs t = at("2025-01-01T12:00:00Z");
  CardSchedule c = Scheduler::new_card(t);
  for (int i = 0; i < 12; ++i) {
    const ReviewResult fz = s.next(c, t, Rating::Good, fuzz_seed_of("bank/q1"));
    const ReviewResult pl = p.next(c, t, Rating::Good);
    if (pl.card.scheduled_days >= 3) {
      EXPECT_NEAR(static_cast<double>(fz.card.scheduled_days), static_cast<double>(pl.card.scheduled_days),
                  1.0 + 0.15 * static_cast<double>(pl.card.scheduled_days) + 1.0);
    } else {
      EXPECT_EQ(fz.card.scheduled_days, pl.card.scheduled_days);
    }
    c = pl.card;
    t = c.due;
  }
}

// ---- Overflow bounds ---------------------------------------------------------------------

TEST(Bounds, SaturatingInstantArithmetic) {
  EXPECT_EQ(clamp_supported(INT64_MIN), kMinSupportedMs);
  EXPECT_EQ(clamp_supported(INT64_MAX), kMaxSupportedMs);
  EXPECT_EQ(add_saturated(INT64_MAX, INT64_MAX), kMaxSupportedMs);
  EXPECT_EQ(add_saturated(INT64_MIN, INT64_MIN), kMinSupportedMs);
  EXPECT_EQ(add_saturated(INT64_MAX, INT64_MIN), kMinSupportedMs);
  EXPECT_EQ(add_saturated(0, 36500 * kMsPerDay), 36500 * kMsPerDay);
  EXPECT_EQ(format_iso_utc(kMaxSupportedMs), "9999-12-31T23:59:59.999Z");
  EXPECT_EQ(format_iso_utc(kMinSupportedMs), "0001-01-01T00:00:00.000Z");
  EXPECT_EQ(format_iso_utc(INT64_MAX), "9999-12-31T23:59:59.999Z");
  const DayClock berlin{"Europe/Berlin", 4};
  EXPECT_EQ(study_day(INT64_MAX, berlin), study_day(kMaxSupportedMs, berlin));
  EXPECT_EQ(study_day(INT64_MIN, berlin), study_day(kMinSupportedMs, berlin));
  EXPECT_EQ(study_day(INT64_MIN, DayClock{"UTC", 0}), day_of(1, 1, 1));
  EXPECT_EQ(study_day_start(INT64_MAX, berlin), kMaxSupportedMs);
  EXPECT_EQ(study_day_start(INT64_MIN, berlin), kMinSupportedMs);
}

TEST(Bounds, MaximumIntervalOfAHundredYearsIsExactAndNeverExceeded) {
  StudyOptions opts;
  opts.time_zone = "UTC";
  const Scheduler s(to_scheduler_options(opts));
  const TimestampMs t = at("2025-01-01T12:00:00Z");
  const CardSchedule c = review_card(36500.0, 1.0, t, t - 36500 * kMsPerDay, 36500, 30);
  for (const ReviewResult& r : s.preview(c, t)) {
    EXPECT_LE(r.card.scheduled_days, 36500);
    EXPECT_GE(r.card.due, t);
    EXPECT_LE(r.card.due, t + 36500 * kMsPerDay);
  }
  EXPECT_EQ(s.next(c, t, Rating::Easy).card.scheduled_days, 36500);
  EXPECT_EQ(s.next(c, t, Rating::Easy).card.due, at("2124-12-08T12:00:00Z"));  // 36500 days later
  // Near the end of the supported range the due date saturates instead of overflowing.
  const ReviewResult late = s.next(c, kMaxSupportedMs - kMsPerDay, Rating::Easy);
  EXPECT_EQ(late.card.due, kMaxSupportedMs);
}

TEST(Bounds, DamagedStoredCardWithExtremeTimesIsSaturatedWithoutUndefinedBehaviour) {
  StudyOptions opts;
  opts.time_zone = "America/New_York";
  opts.fuzz = true;
  const Scheduler s(to_scheduler_options(opts));
  const DayClock clock = s.options().clock;
  CardSchedule c = review_card(10.0, 5.0, INT64_MAX, INT64_MIN, std::numeric_limits<std::int64_t>::max(), INT_MAX);
  c.lapses = INT_MAX;
  const TimestampMs t = at("2025-06-01T12:00:00Z");
  EXPECT_FALSE(is_due(c, t, clock));  // due in 9999
  const double r = s.retrievability(c, t);
  EXPECT_GT(r, 0.10);  // about 2000 years since the "last review" (year 1): R(739000 d, 10 d) ~ 0.18
  EXPECT_LT(r, 0.25);
  for (const TimestampMs now : {t, INT64_MAX, INT64_MIN}) {
    const auto previews = s.preview(c, now, fuzz_seed_of("x"));
    for (const ReviewResult& res : previews) {
      EXPECT_GE(res.card.due, kMinSupportedMs);
      EXPECT_LE(res.card.due, kMaxSupportedMs);
      EXPECT_GE(res.card.scheduled_days, 0);
      EXPECT_LE(res.card.scheduled_days, 36500);
      EXPECT_EQ(res.card.reps, INT_MAX);  // saturated, not wrapped
      EXPECT_GE(res.elapsed_days, 0);
    }
    EXPECT_EQ(previews[0].card.lapses, INT_MAX);
  }
  // A last review far in the future (INT64_MAX) is on a later study day than now: refused.
  c.last_review = INT64_MAX;
  EXPECT_THROW((void)s.preview(c, t), std::invalid_argument);
  // Due at INT64_MIN: due long ago.
  c.last_review = t - kMsPerDay;
  c.due = INT64_MIN;
  EXPECT_TRUE(is_due(c, t, clock));
  const Session session({StudyCandidate{"b/q", c, "b", 0.5, {}}}, t, clock, SessionLimits{}, 1);
  ASSERT_NE(session.current(), nullptr);
}

// ---- Study days in more zones -------------------------------------------------------------

TEST(StudyDayZones, SydneyBothDirectionsWithRolloverTwo) {
  const DayClock c{"Australia/Sydney", 2};
  // Spring forward 2025-10-05 02:00 AEST -> 03:00 AEDT: 02:00 does not exist, the day starts at the change.
  EXPECT_EQ(study_day_start(day_of(2025, 10, 4), c), 1759507200000);  // 2025-10-03T16:00Z = 02:00 AEST
  EXPECT_EQ(study_day_start(day_of(2025, 10, 5), c), 1759593600000);  // 2025-10-04T16:00Z = 03:00 AEDT
  EXPECT_EQ(study_day_start(day_of(2025, 10, 6), c), 1759676400000);  // 2025-10-05T15:00Z = 02:00 AEDT
  EXPECT_EQ(study_day_start(day_of(2025, 10, 6), c) - study_day_start(day_of(2025, 10, 5), c), 23 * kMsPerHour);
  EXPECT_EQ(study_day(1759593600000 - 1, c), day_of(2025, 10, 4));
  EXPECT_EQ(study_day(1759593600000, c), day_of(2025, 10, 5));
  // Fall back 2025-04-06 03:00 AEDT -> 02:00 AEST: 02:00 happens twice, the day starts at the first.
  EXPECT_EQ(study_day_start(day_of(2025, 4, 6), c), 1743865200000);  // 2025-04-05T15:00Z = 02:00 AEDT
  EXPECT_EQ(study_day_start(day_of(2025, 4, 7), c), 1743955200000);  // 2025-04-06T16:00Z = 02:00 AEST
  EXPECT_EQ(study_day_start(day_of(2025, 4, 7), c) - study_day_start(day_of(2025, 4, 6), c), 25 * kMsPerHour);
  // The repeated hour (02:30 AEST, after the change) stays in the new day.
  EXPECT_EQ(study_day(at("2025-04-06T02:30:00+10:00"), c), day_of(2025, 4, 6));
}

TEST(StudyDayZones, LordHoweHalfHourChange) {
  const DayClock c{"Australia/Lord_Howe", 2};
  // Spring forward 2025-10-05 02:00 -> 02:30 (+10:30 -> +11): 02:00 does not exist.
  EXPECT_EQ(study_day_start(day_of(2025, 10, 5), c), 1759591800000);  // 2025-10-04T15:30Z = the change
  EXPECT_EQ(study_day_start(day_of(2025, 10, 6), c), 1759676400000);  // 2025-10-05T15:00Z = 02:00 +11
  EXPECT_EQ(study_day_start(day_of(2025, 10, 6), c) - study_day_start(day_of(2025, 10, 5), c),
            23 * kMsPerHour + 30 * kMsPerMinute);
  // Fall back 2025-04-06 02:00 -> 01:30: 01:30-02:00 repeats, so study day 04-05 lasts 24.5 h.
  EXPECT_EQ(study_day_start(day_of(2025, 4, 6), c), 1743867000000);  // 2025-04-05T15:30Z = 02:00 +10:30
  EXPECT_EQ(study_day_start(day_of(2025, 4, 6), c) - study_day_start(day_of(2025, 4, 5), c),
            24 * kMsPerHour + 30 * kMsPerMinute);
  EXPECT_EQ(study_day(at("2025-04-05T15:15:00Z"), c), day_of(2025, 4, 5));  // 01:45, second time
  EXPECT_EQ(study_day(at("2025-04-05T15:30:00Z"), c), day_of(2025, 4, 6));
}

TEST(StudyDayZones, KolkataHasNoDstAndAHalfHourOffset) {
  const DayClock c{"Asia/Kolkata", 4};
  EXPECT_EQ(study_day_start(day_of(2025, 3, 30), c), 1743287400000);  // 2025-03-29T22:30Z
  for (std::int64_t d = day_of(2025, 1, 1); d < day_of(2026, 1, 1); ++d) {
    ASSERT_EQ(study_day_start(d + 1, c) - study_day_start(d, c), kMsPerDay) << d;
  }
}

TEST(StudyDayZones, EveryRolloverHourAgreesWithItsStartAcrossAYear) {
  for (const char* zone : {"Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "Europe/Berlin",
                           "America/New_York"}) {
    for (int hour = 0; hour < 24; hour += 1) {
      const DayClock c{zone, hour};
      for (std::int64_t d = day_of(2025, 1, 1); d < day_of(2026, 1, 1); ++d) {
        const TimestampMs start = study_day_start(d, c);
        ASSERT_EQ(study_day(start, c), d) << zone << " " << hour << " " << d;
        ASSERT_EQ(study_day(start - 1, c), d - 1) << zone << " " << hour << " " << d;
      }
    }
  }
}

// ---- Session rules -------------------------------------------------------------------------

CardSchedule review_due(TimestampMs due, TimestampMs last) { return review_card(5.0, 5.0, due, last, 5, 3); }

StudyCandidate review(const std::string& key, TimestampMs due, double r, std::vector<std::string> facts = {}) {
  return StudyCandidate{key, review_due(due, due - 5 * kMsPerDay), "b", r, std::move(facts)};
}

StudyCandidate fresh(const std::string& key, std::vector<std::string> facts = {}) {
  return StudyCandidate{key, std::nullopt, "b", 0.0, std::move(facts)};
}

const DayClock kUtc{"UTC", 4};
const TimestampMs kNow = 1748779200000;  // 2025-06-01T12:00:00Z

std::vector<std::string> order_of(std::vector<StudyCandidate> cs, SessionRules rules, SessionLimits limits = {},
                                  std::uint64_t seed = 7) {
  const Session s(std::move(cs), kNow, kUtc, limits, seed, rules);
  return s.upcoming();
}

TEST(SessionRules, BacklogOrders) {
  const std::vector<StudyCandidate> cs = {review("b/a", kNow - 3 * kMsPerDay, 0.80),
                                          review("b/b", kNow - 1 * kMsPerDay, 0.60),
                                          review("b/c", kNow - 2 * kMsPerDay, 0.70)};
  SessionRules rules;
  EXPECT_EQ(order_of(cs, rules), (std::vector<std::string>{"b/b", "b/c", "b/a"}));
  rules.review_order = ReviewOrder::EarliestDue;
  EXPECT_EQ(order_of(cs, rules), (std::vector<std::string>{"b/a", "b/c", "b/b"}));
  // The limit takes the first cards of the chosen order.
  EXPECT_EQ(order_of(cs, rules, SessionLimits{0, 2}), (std::vector<std::string>{"b/a", "b/c"}));
  rules.review_order = ReviewOrder::Random;
  const auto r7 = order_of(cs, rules, {}, 7);
  EXPECT_EQ(r7, order_of(cs, rules, {}, 7));  // same seed, same order
  std::set<std::vector<std::string>> orders;
  for (std::uint64_t seed = 0; seed < 40; ++seed) orders.insert(order_of(cs, rules, {}, seed));
  EXPECT_EQ(orders.size(), 6u);  // every permutation of three occurs
}

TEST(SessionRules, LearnAheadLimit) {
  CardSchedule learning;
  learning.state = CardState::Learning;
  learning.stability = 1.0;
  learning.difficulty = 5.0;
  learning.last_review = kNow - kMsPerMinute;
  learning.due = kNow + 15 * kMsPerMinute;  // a step due in 15 minutes
  const std::vector<StudyCandidate> cs = {StudyCandidate{"b/l", learning, "b", 0.0, {}}};
  SessionRules rules;  // 20 minutes: shown early
  EXPECT_EQ(order_of(cs, rules), std::vector<std::string>{"b/l"});
  rules.learn_ahead_ms = 10 * kMsPerMinute;  // not within 10 minutes: nothing to study
  const Session s(cs, kNow, kUtc, SessionLimits{}, 1, rules);
  EXPECT_EQ(s.phase(), SessionPhase::Finished);
}

TEST(SessionRules, BurySiblingsKeepsOneCardPerFactADay) {
  const std::vector<StudyCandidate> cs = {
      review("b/r1", kNow - kMsPerDay, 0.5, {"f1"}), review("b/r2", kNow - kMsPerDay, 0.6, {"f1", "f2"}),
      review("b/r3", kNow - kMsPerDay, 0.7, {"f3"}), fresh("b/n1", {"f2"}), fresh("b/n2", {"f4"}),
      fresh("b/n3", {"f4"}),                          fresh("b/n4")};
  SessionRules rules;
  rules.bury_siblings = false;
  EXPECT_EQ(order_of(cs, rules).size(), 7u);  // off: everything
  rules.bury_siblings = true;
  EXPECT_EQ(order_of(cs, rules), order_of(cs, SessionRules{}));  // on is the default
  // r2 shares f1 with r1 and is buried, so its f2 stays free and n1 comes; n3 shares f4 with
  // n2; n4 has no facts and is never a sibling.
  auto shown = order_of(cs, rules);
  std::sort(shown.begin(), shown.end());
  EXPECT_EQ(shown, (std::vector<std::string>{"b/n1", "b/n2", "b/n4", "b/r1", "b/r3"}));

  // A card reviewed earlier today buries its siblings for the rest of the study day.
  std::vector<StudyCandidate> later = cs;
  CardSchedule done = review_due(kNow + 3 * kMsPerDay, kNow - kMsPerHour);  // reviewed at 11:00 today
  later.push_back(StudyCandidate{"b/done", done, "b", 0.9, {"f3", "f4"}});
  shown = order_of(later, rules);
  std::sort(shown.begin(), shown.end());
  EXPECT_EQ(shown, (std::vector<std::string>{"b/n1", "b/n4", "b/r1"}));
}

StudyCandidate in_group(StudyCandidate c, const std::string& group) {
  c.group = group;
  return c;
}

std::map<std::string, int> count_by_group(const std::vector<std::string>& keys) {
  std::map<std::string, int> out;
  for (const auto& k : keys) ++out[k.substr(0, k.find('/'))];
  return out;
}

TEST(SessionLimits, BankNewCardLimitCapsItsCardsWithinTheLearnersLimit) {
  // 10 new cards in bank A, 30 in bank B; the learner allows 20 a day, bank A 5.
  std::vector<StudyCandidate> cs;
  for (int i = 0; i < 10; ++i) cs.push_back(in_group(fresh("A/n" + std::to_string(i)), "A"));
  for (int i = 0; i < 30; ++i) cs.push_back(in_group(fresh("B/n" + std::to_string(i)), "B"));
  SessionLimits limits{20, 200};
  limits.group_new_cards = {{"A", 5}};
  EXPECT_EQ(count_by_group(order_of(cs, {}, limits)), (std::map<std::string, int>{{"A", 5}, {"B", 15}}));
  // Round-robin until A is full: A, B, A, B, ... then B only.
  const auto keys = order_of(cs, {}, limits);
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 12),
            (std::vector<std::string>{"A/n0", "B/n0", "A/n1", "B/n1", "A/n2", "B/n2", "A/n3", "B/n3", "A/n4",
                                      "B/n4", "B/n5", "B/n6"}));
  // A bank limit above the learner's adds nothing: 20 in all.
  limits.group_new_cards = {{"A", 50}};
  EXPECT_EQ(count_by_group(order_of(cs, {}, limits)), (std::map<std::string, int>{{"A", 10}, {"B", 10}}));
  // A bank at 0 takes none; the learner's limit at 3 caps both.
  limits = SessionLimits{3, 200};
  limits.group_new_cards = {{"B", 0}};
  EXPECT_EQ(count_by_group(order_of(cs, {}, limits)), (std::map<std::string, int>{{"A", 3}}));
  EXPECT_EQ(limited_count(3, limits.group_new_cards, {{"A", 10}, {"B", 30}}), 3);
  EXPECT_EQ(limited_count(20, {{"A", 5}}, {{"A", 10}, {"B", 30}}), 20);
  EXPECT_EQ(limited_count(20, {{"A", 5}}, {{"A", 10}, {"B", 7}}), 12);
  EXPECT_EQ(limited_count(20, {{"A", -4}}, {{"A", 10}}), 0);
}

TEST(SessionLimits, BankReviewLimitSkipsItsCardsAndTakesTheNextInOrder) {
  // Backlog (lowest R first): A1 0.1, A2 0.2, B1 0.3, A3 0.4, B2 0.5, B3 0.6.
  std::vector<StudyCandidate> cs;
  const std::vector<std::pair<std::string, double>> due = {{"A/r1", 0.1}, {"A/r2", 0.2}, {"B/r1", 0.3},
                                                           {"A/r3", 0.4}, {"B/r2", 0.5}, {"B/r3", 0.6}};
  for (const auto& [key, r] : due) cs.push_back(in_group(review(key, kNow - kMsPerDay, r), key.substr(0, 1)));
  SessionLimits limits{0, 4};
  EXPECT_EQ(order_of(cs, {}, limits), (std::vector<std::string>{"A/r1", "A/r2", "B/r1", "A/r3"}));
  limits.group_reviews = {{"A", 1}};  // A/r2 and A/r3 are skipped; B/r2 and B/r3 fill the 4
  EXPECT_EQ(order_of(cs, {}, limits), (std::vector<std::string>{"A/r1", "B/r1", "B/r2", "B/r3"}));
  limits.reviews = 2;
  EXPECT_EQ(order_of(cs, {}, limits), (std::vector<std::string>{"A/r1", "B/r1"}));
}

TEST(SessionLimits, DailyLimitsSubtractWhatWasDoneTodayOverallAndPerBank) {
  StudyOptions learner;  // 20 new, 200 reviews
  StudyOptions a = learner;
  a.new_cards_per_day = 5;
  a.max_reviews_per_day = 30;
  const SessionLimits l = daily_limits(learner, DoneToday{7, 50}, {{"A", a}, {"C", learner}},
                                       {{"A", DoneToday{3, 40}}, {"B", DoneToday{4, 10}}});
  EXPECT_EQ(l.new_cards, 13);
  EXPECT_EQ(l.reviews, 150);
  EXPECT_EQ(l.group_new_cards, (std::map<std::string, int>{{"A", 2}, {"C", 20}}));
  EXPECT_EQ(l.group_reviews, (std::map<std::string, int>{{"A", 0}, {"C", 200}}));  // 30 - 40 clamps at 0
  const SessionLimits none = daily_limits(learner, DoneToday{25, 0}, {}, {});
  EXPECT_EQ(none.new_cards, 0);
  EXPECT_TRUE(none.group_new_cards.empty());
}

TEST(SessionRules, SuspendedCardLeavesTheSession) {
  const std::vector<StudyCandidate> cs = {fresh("b/x"), fresh("b/y")};
  Session s(cs, kNow, kUtc, SessionLimits{}, 3);
  ASSERT_EQ(s.current()->card_key, "b/x");
  ASSERT_TRUE(s.submit());
  CardSchedule after;
  after.state = CardState::Learning;
  after.due = kNow + kMsPerMinute;  // would come back in a minute
  after.last_review = kNow;
  s.suspend("b/x");
  ASSERT_TRUE(s.rate(Rating::Again, false, after, kNow));
  EXPECT_EQ(s.current()->card_key, "b/y");
  EXPECT_EQ(s.upcoming(), std::vector<std::string>{"b/y"});
  s.suspend("b/y");  // the current card stays current until rated
  EXPECT_EQ(s.current()->card_key, "b/y");
}

}  // namespace
}  // namespace casebook::core
