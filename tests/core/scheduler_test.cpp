// Scheduler behaviour: pinned interval sequences, Casebook's deliberate choices (maximum
// interval, study-day elapsed days, option checks), property tests over random rating
// sequences, and the SRS-1 / SRS-4 reference cases from ../shared/reference/cases.
#include <gtest/gtest.h>

#include <date/date.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/card.hpp"
#include "core/fsrs.hpp"
#include "core/scheduler.hpp"
#include "core/time.hpp"

namespace casebook::core {
namespace {

using nlohmann::json;

TimestampMs at(const std::string& iso) { return parse_iso(iso); }

SchedulerOptions utc_options() {
  SchedulerOptions o;
  o.clock = DayClock{"UTC", 0};
  return o;
}

std::optional<json> load_case(const std::string& name) {
  const auto path = std::filesystem::path(CASEBOOK_SHARED_DIR) / "reference" / "cases" / name;
  std::ifstream in(path);
  if (!in) {
    return std::nullopt;
  }
  return json::parse(in);
}

Rating rating_from(const std::string& s) {
  if (s == "again") return Rating::Again;
  if (s == "hard") return Rating::Hard;
  if (s == "good") return Rating::Good;
  if (s == "easy") return Rating::Easy;
  throw std::invalid_argument("bad rating " + s);
}

TEST(CardText, Names) {
  EXPECT_EQ(to_string(Rating::Again), "again");
  EXPECT_EQ(to_string(Rating::Hard), "hard");
  EXPECT_EQ(to_string(Rating::Good), "good");
  EXPECT_EQ(to_string(Rating::Easy), "easy");
  EXPECT_EQ(to_string(CardState::New), "new");
  EXPECT_EQ(to_string(CardState::Learning), "learning");
  EXPECT_EQ(to_string(CardState::Review), "review");
  EXPECT_EQ(to_string(CardState::Relearning), "relearning");
}

TEST(Scheduler, DefaultsAreCasebooks) {
  const SchedulerOptions o;
  EXPECT_DOUBLE_EQ(o.desired_retention, 0.9);
  EXPECT_EQ(o.maximum_interval, 36500);
  EXPECT_TRUE(o.enable_short_term);
  EXPECT_EQ(o.learning_steps_minutes, (std::vector<int>{1, 10}));
  EXPECT_EQ(o.relearning_steps_minutes, (std::vector<int>{10}));
  EXPECT_EQ(o.clock.rollover_hour, 4);
  EXPECT_FALSE(o.enforce_maximum_interval);
  const Scheduler s(o);
  for (std::size_t i = 0; i < kDefaultWeights.size(); ++i) {
    EXPECT_DOUBLE_EQ(s.weights()[i], kDefaultWeights[i]);
  }
}

TEST(Scheduler, NewCardMatchesCreateEmptyCard) {
  const CardSchedule c = Scheduler::new_card(1000);
  EXPECT_EQ(c.state, CardState::New);
  EXPECT_EQ(c.due, 1000);
  EXPECT_FALSE(c.last_review.has_value());
  EXPECT_EQ(c.reps, 0);
  EXPECT_EQ(c.stability, 0.0);
  EXPECT_EQ(c.difficulty, 0.0);
}

TEST(Scheduler, PinnedLearningSequenceWithDefaultSteps) {
  const Scheduler s(utc_options());
  const TimestampMs t0 = at("2024-05-31T00:40:35Z");
  const CardSchedule c0 = Scheduler::new_card(t0);
  const auto p0 = s.preview(c0, t0);
  EXPECT_EQ(p0[0].card.due - t0, 1 * kMsPerMinute);   // Again: first step
  EXPECT_EQ(p0[1].card.due - t0, 6 * kMsPerMinute);   // Hard: (1 + 10) / 2 rounded
  EXPECT_EQ(p0[2].card.due - t0, 10 * kMsPerMinute);  // Good: next step
  EXPECT_EQ(p0[3].card.scheduled_days, 8);            // Easy graduates: round(8.2956)
  EXPECT_EQ(p0[3].card.state, CardState::Review);
  EXPECT_EQ(format_interval(t0, p0[0].card.due), "1m");
  EXPECT_EQ(format_interval(t0, p0[1].card.due), "6m");
  EXPECT_EQ(format_interval(t0, p0[2].card.due), "10m");
  EXPECT_EQ(format_interval(t0, p0[3].card.due), "8d");

  const CardSchedule c1 = s.next(c0, t0, Rating::Good).card;
  EXPECT_EQ(c1.state, CardState::Learning);
  EXPECT_EQ(c1.learning_steps, 1);
  EXPECT_DOUBLE_EQ(c1.stability, 2.3065);
  EXPECT_DOUBLE_EQ(c1.difficulty, 2.11810397);
  // Hard on the second step is still the average of the FIRST two steps (6 min), as ts-fsrs.
  const TimestampMs t1 = c1.due;
  EXPECT_EQ(s.next(c1, t1, Rating::Hard).card.due - t1, 6 * kMsPerMinute);
  EXPECT_EQ(s.next(c1, t1, Rating::Hard).card.learning_steps, 1);
  // Again from Learning restarts the steps and is not a lapse.
  EXPECT_EQ(s.next(c1, t1, Rating::Again).card.lapses, 0);
  const ReviewResult r2 = s.next(c1, t1, Rating::Good);
  EXPECT_EQ(r2.card.state, CardState::Review);
  EXPECT_EQ(r2.card.scheduled_days, 2);
  EXPECT_DOUBLE_EQ(r2.card.difficulty, 2.11121424);
  EXPECT_EQ(r2.card.due, t1 + 2 * kMsPerDay);
  // Review: Again is a lapse and goes to the 10-minute relearning step.
  const TimestampMs t2 = r2.card.due;
  const ReviewResult lapse = s.next(r2.card, t2, Rating::Again);
  EXPECT_EQ(lapse.card.state, CardState::Relearning);
  EXPECT_EQ(lapse.card.lapses, 1);
  EXPECT_EQ(lapse.card.due, t2 + 10 * kMsPerMinute);
  EXPECT_EQ(lapse.elapsed_days, 2);
  EXPECT_DOUBLE_EQ(lapse.retrievability, 0.90949326);
}

TEST(Scheduler, LongTermNewCardGoodIsThreeDays) {
  SchedulerOptions o = utc_options();
  o.enable_short_term = false;
  const Scheduler s(o);
  const TimestampMs t0 = at("2024-01-01T10:00:00Z");
  const auto p = s.preview(Scheduler::new_card(t0), t0);
  EXPECT_EQ(p[0].card.scheduled_days, 1);
  EXPECT_EQ(p[1].card.scheduled_days, 2);
  EXPECT_EQ(p[2].card.scheduled_days, 3);
  EXPECT_EQ(p[3].card.scheduled_days, 8);
  for (const auto& r : p) {
    EXPECT_EQ(r.card.state, CardState::Review);
    EXPECT_EQ(r.card.lapses, 0);
  }
}

/// A Review card whose every grade hits the cap.
CardSchedule mature_card(TimestampMs last) {
  CardSchedule c;
  c.state = CardState::Review;
  c.stability = 30000.0;
  c.difficulty = 5.0;
  c.last_review = last;
  c.scheduled_days = 365;
  c.due = last + 365 * kMsPerDay;
  c.reps = 10;
  return c;
}

TEST(Scheduler, MaximumIntervalReferenceBehaviourIsTheDefault) {
  SchedulerOptions o = utc_options();
  o.maximum_interval = 365;
  const Scheduler s(o);
  const CardSchedule c = mature_card(at("2024-01-01T10:00:00Z"));
  const auto p = s.preview(c, c.due);
  // As ts-fsrs 5.4.2: the cap is applied before Hard < Good < Easy, so Good/Easy exceed it.
  EXPECT_EQ(p[1].card.scheduled_days, 365);
  EXPECT_EQ(p[2].card.scheduled_days, 366);
  EXPECT_EQ(p[3].card.scheduled_days, 367);

  o.enable_short_term = false;
  const auto q = Scheduler(o).preview(c, c.due);
  EXPECT_EQ(q[1].card.scheduled_days, 365);
  EXPECT_EQ(q[2].card.scheduled_days, 366);
  EXPECT_EQ(q[3].card.scheduled_days, 367);
}

TEST(Scheduler, EnforceMaximumIntervalCapsEveryGrade) {
  SchedulerOptions o = utc_options();
  o.maximum_interval = 365;
  o.enforce_maximum_interval = true;
  const CardSchedule c = mature_card(at("2024-01-01T10:00:00Z"));
  for (const bool short_term : {true, false}) {
    o.enable_short_term = short_term;
    const auto p = Scheduler(o).preview(c, c.due);
    for (int g = 1; g < 4; ++g) {
      EXPECT_EQ(p[static_cast<std::size_t>(g)].card.scheduled_days, 365) << "grade " << g + 1;
      EXPECT_EQ(p[static_cast<std::size_t>(g)].card.due, c.due + 365 * kMsPerDay);
    }
  }
  // Below the cap the option changes nothing.
  SchedulerOptions plain = utc_options();
  SchedulerOptions capped = plain;
  capped.enforce_maximum_interval = true;
  CardSchedule young = mature_card(at("2024-01-01T10:00:00Z"));
  young.stability = 20.0;
  young.scheduled_days = 20;
  young.due = *young.last_review + 20 * kMsPerDay;
  const auto a = Scheduler(plain).preview(young, young.due);
  const auto b = Scheduler(capped).preview(young, young.due);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(a[i].card, b[i].card);
  }
}

TEST(Scheduler, RejectsBadOptions) {
  SchedulerOptions o;
  o.desired_retention = 0.0;
  EXPECT_THROW(Scheduler{o}, std::invalid_argument);
  o.desired_retention = 1.01;
  EXPECT_THROW(Scheduler{o}, std::invalid_argument);
  o.desired_retention = 1.0;
  EXPECT_NO_THROW(Scheduler{o});
  o = SchedulerOptions{};
  o.learning_steps_minutes = {1, -10};
  EXPECT_THROW(Scheduler{o}, std::invalid_argument);
  o = SchedulerOptions{};
  o.relearning_steps_minutes = {-1};
  EXPECT_THROW(Scheduler{o}, std::invalid_argument);
  // ts-fsrs silently turns maximum_interval 0 into 36500; Casebook refuses it.
  o = SchedulerOptions{};
  o.maximum_interval = 0;
  EXPECT_THROW(Scheduler{o}, std::invalid_argument);
}

TEST(Scheduler, ReviewOnAnEarlierStudyDayThrowsButSameDayCountsAsZero) {
  const Scheduler s(utc_options());
  const TimestampMs t0 = at("2024-03-10T12:00:00Z");
  const CardSchedule c = s.next(Scheduler::new_card(t0), t0, Rating::Good).card;
  EXPECT_THROW((void)s.next(c, at("2024-03-09T23:59:00Z"), Rating::Good), std::invalid_argument);
  const ReviewResult same = s.next(c, at("2024-03-10T08:00:00Z"), Rating::Good);  // earlier, same day
  EXPECT_EQ(same.elapsed_days, 0);
}

TEST(Scheduler, ElapsedDaysAreLocalStudyDays) {
  SchedulerOptions o;
  o.clock = DayClock{"Europe/Berlin", 4};
  const Scheduler s(o);
  const TimestampMs last = at("2025-06-10T23:00:00+02:00");
  EXPECT_EQ(s.elapsed_days(last, at("2025-06-11T03:59:00+02:00")), 0);  // before 04:00 rollover
  EXPECT_EQ(s.elapsed_days(last, at("2025-06-11T04:00:00+02:00")), 1);
  // In UTC with rollover 0 the same pair is a day apart (ts-fsrs would say 1).
  EXPECT_EQ(Scheduler(utc_options()).elapsed_days(last, at("2025-06-11T03:59:00+02:00")), 1);

  // A Review card reviewed at 03:00 local the "next" calendar day is a same-day review:
  // short-term formula for every grade, so Good keeps S (SInc >= 1) instead of growing it.
  CardSchedule c;
  c.state = CardState::Review;
  c.stability = 5.0;
  c.difficulty = 5.0;
  c.last_review = last;
  c.scheduled_days = 5;
  c.due = last + 5 * kMsPerDay;
  const ReviewResult r = s.next(c, at("2025-06-11T03:00:00+02:00"), Rating::Good);
  EXPECT_EQ(r.elapsed_days, 0);
  EXPECT_DOUBLE_EQ(r.card.stability,
                   fsrs::next_short_term_stability(s.weights(), 5.0, Rating::Good));
}

TEST(Scheduler, StudyDayGoingBackAcrossAFallBackIsZeroNotAnError) {
  // Antarctica/Troll falls back two hours (03:00 +02 -> 01:00 +00) on 2025-10-26 at 01:00Z, so
  // with rollover 2 the study day index steps back although time moves forward. Casebook counts
  // that as 0 elapsed days (a same-day review) instead of throwing.
  SchedulerOptions o;
  o.clock = DayClock{"Antarctica/Troll", 2};
  const Scheduler s(o);
  const TimestampMs last = at("2025-10-26T00:30:00Z");  // 02:30 +02: study day 10-26
  const TimestampMs now = at("2025-10-26T01:30:00Z");   // 01:30 +00: study day 10-25
  ASSERT_EQ(study_day(now, o.clock), study_day(last, o.clock) - 1);
  EXPECT_EQ(s.elapsed_days(last, now), 0);
  CardSchedule c;
  c.state = CardState::Learning;
  c.stability = 2.3065;
  c.difficulty = 2.11810397;
  c.last_review = last;
  c.due = last + 10 * kMsPerMinute;
  c.learning_steps = 1;
  EXPECT_EQ(s.next(c, now, Rating::Good).elapsed_days, 0);
  // Going back in real time to an earlier study day still throws.
  EXPECT_THROW((void)s.next(c, at("2025-10-24T12:00:00Z"), Rating::Good), std::invalid_argument);
}

TEST(Scheduler, RetrievabilityWithoutLastReviewUsesZeroDays) {
  // ts-fsrs get_retrievability throws "Invalid date" here; Casebook treats t as 0.
  const Scheduler s(utc_options());
  CardSchedule c;
  c.state = CardState::Review;
  c.stability = 3.0;
  c.difficulty = 5.0;
  EXPECT_DOUBLE_EQ(s.retrievability(c, at("2024-06-02T01:00:00Z")), 1.0);
}

TEST(Scheduler, RetrievabilityUsesRealElapsedDays) {
  const Scheduler s(utc_options());
  CardSchedule c;
  c.state = CardState::Review;
  c.stability = 3.0;
  c.difficulty = 5.0;
  c.last_review = at("2024-06-01T23:00:00Z");
  c.scheduled_days = 3;
  c.due = *c.last_review + 3 * kMsPerDay;
  const TimestampMs now = at("2024-06-02T01:00:00Z");
  EXPECT_DOUBLE_EQ(s.retrievability(c, now), 1.0);  // 2 real hours: t = 0
  const ReviewResult r = s.next(c, now, Rating::Good);
  EXPECT_EQ(r.elapsed_days, 1);  // but one calendar day for the scheduler
  EXPECT_DOUBLE_EQ(r.retrievability, fsrs::forgetting_curve(s.weights(), 1.0, 3.0));
  EXPECT_DOUBLE_EQ(s.retrievability(c, at("2024-06-04T23:00:00Z")), 0.9);  // R(S, S) = 0.9
  EXPECT_DOUBLE_EQ(s.retrievability(Scheduler::new_card(now), now), 0.0);
  EXPECT_DOUBLE_EQ(s.retrievability(c, at("2024-05-01T00:00:00Z")), 1.0);  // before: t = 0
}

TEST(Scheduler, IsDueUsesStudyDaysForReviewCards) {
  const DayClock clock{"UTC", 4};
  CardSchedule c;
  EXPECT_TRUE(is_due(c, 0, clock));  // New
  c.state = CardState::Learning;
  c.scheduled_days = 0;
  c.due = at("2024-06-01T10:10:00Z");
  EXPECT_FALSE(is_due(c, at("2024-06-01T10:09:59Z"), clock));
  EXPECT_TRUE(is_due(c, at("2024-06-01T10:10:00Z"), clock));
  c.state = CardState::Review;
  c.scheduled_days = 3;
  c.due = at("2024-06-04T18:00:00Z");
  EXPECT_FALSE(is_due(c, at("2024-06-04T03:59:00Z"), clock));  // still study day 06-03
  EXPECT_TRUE(is_due(c, at("2024-06-04T04:00:00Z"), clock));   // due all study day 06-04
}

TEST(FormatInterval, ButtonLabels) {
  const TimestampMs t = at("2024-01-01T00:00:00Z");
  EXPECT_EQ(format_interval(t, t), "<1m");
  EXPECT_EQ(format_interval(t, t + 30 * kMsPerSecond), "<1m");
  EXPECT_EQ(format_interval(t, t + kMsPerMinute), "1m");
  EXPECT_EQ(format_interval(t, t + 10 * kMsPerMinute), "10m");
  EXPECT_EQ(format_interval(t, t + 59 * kMsPerMinute), "59m");
  EXPECT_EQ(format_interval(t, t + 3 * kMsPerHour), "3h");
  EXPECT_EQ(format_interval(t, t + 4 * kMsPerDay), "4d");
  EXPECT_EQ(format_interval(t, t + 29 * kMsPerDay), "29d");
  EXPECT_EQ(format_interval(t, t + 64 * kMsPerDay), "2.1mo");
  EXPECT_EQ(format_interval(t, t + 365 * kMsPerDay), "1y");
  EXPECT_EQ(format_interval(t, t + 548 * kMsPerDay), "1.5y");
  EXPECT_EQ(format_interval(t, t + 36500 * kMsPerDay), "99.9y");
}

// ---- Property tests over random rating sequences ----

struct PropertyConfig {
  const char* name;
  SchedulerOptions options;
};

std::vector<PropertyConfig> property_configs() {
  std::vector<PropertyConfig> out;
  out.push_back({"default-berlin", SchedulerOptions{}});
  out.back().options.clock = DayClock{"Europe/Berlin", 4};
  SchedulerOptions lt = utc_options();
  lt.enable_short_term = false;
  out.push_back({"long_term", lt});
  SchedulerOptions custom = utc_options();
  custom.weights = {0.3, 1.1, 2.8, 9.5, 6, 0.7, 2.5, 0.01, 1.6, 0.2, 0.9,
                    1.7, 0.08, 0.3, 1.4, 0.5, 2.2, 0.6, 0.15, 0.08, 0.25};
  custom.desired_retention = 0.85;
  custom.maximum_interval = 1000;
  custom.learning_steps_minutes = {2, 15, 60};
  custom.relearning_steps_minutes = {5, 20};
  out.push_back({"custom_steps", custom});
  SchedulerOptions none = SchedulerOptions{};
  none.learning_steps_minutes.clear();
  none.relearning_steps_minutes.clear();
  none.clock = DayClock{"America/New_York", 6};
  out.push_back({"no_steps-ny", none});
  SchedulerOptions extreme = utc_options();
  extreme.desired_retention = 0.7;
  extreme.maximum_interval = 36500;
  out.push_back({"r70", extreme});
  SchedulerOptions capped = utc_options();
  capped.maximum_interval = 100;
  capped.enforce_maximum_interval = true;
  out.push_back({"capped", capped});
  return out;
}

void check_card(const CardSchedule& c, TimestampMs now, const std::string& where) {
  ASSERT_TRUE(std::isfinite(c.stability)) << where;
  ASSERT_TRUE(std::isfinite(c.difficulty)) << where;
  ASSERT_GE(c.stability, 0.001) << where;
  ASSERT_LE(c.stability, 36500.0) << where;
  ASSERT_GE(c.difficulty, 1.0) << where;
  ASSERT_LE(c.difficulty, 10.0) << where;
  ASSERT_GE(c.due, now) << where;
  ASSERT_TRUE(c.last_review.has_value()) << where;
  ASSERT_EQ(*c.last_review, now) << where;
  ASSERT_GE(c.scheduled_days, 0) << where;
  ASSERT_NE(c.state, CardState::New) << where;
}

TEST(SchedulerProperties, RandomRatingSequences) {
  std::mt19937_64 rng(20240601);
  std::discrete_distribution<int> rating_dist({14, 13, 58, 15});
  std::uniform_int_distribution<int> gap_kind(0, 5);
  std::size_t reviews = 0;
  for (const PropertyConfig& cfg : property_configs()) {
    const Scheduler s(cfg.options);
    for (int seq = 0; seq < 150; ++seq) {
      TimestampMs now = at("2024-01-01T08:00:00Z") + static_cast<TimestampMs>(rng() % (400 * kMsPerDay));
      CardSchedule card = Scheduler::new_card(now);
      for (int step = 0; step < 25; ++step) {
        const std::string where = std::string(cfg.name) + " seq " + std::to_string(seq) + " step " +
                                  std::to_string(step);
        const std::array<ReviewResult, 4> p = s.preview(card, now);
        const auto g = static_cast<Rating>(rating_dist(rng) + 1);
        const ReviewResult r = s.next(card, now, g);
        ASSERT_EQ(r.card, p[static_cast<std::size_t>(static_cast<int>(g) - 1)].card) << where;
        for (const ReviewResult& x : p) {
          check_card(x.card, now, where);
          ASSERT_EQ(x.card.reps, card.reps + 1) << where;
          ASSERT_GE(x.card.lapses, card.lapses) << where;
          ASSERT_LE(x.card.lapses, card.lapses + 1) << where;
          ASSERT_GE(x.retrievability, 0.0) << where;
          ASSERT_LE(x.retrievability, 1.0) << where;
        }
        if (card.state == CardState::Review) {
          // Hard <= Good < Easy among the Review outcomes.
          ASSERT_LE(p[1].card.scheduled_days, p[2].card.scheduled_days) << where;
          if (!cfg.options.enforce_maximum_interval) {
            ASSERT_LT(p[2].card.scheduled_days, p[3].card.scheduled_days) << where;
          } else {
            ASSERT_LE(p[3].card.scheduled_days, cfg.options.maximum_interval) << where;
          }
        }
        if (cfg.options.enforce_maximum_interval) {
          ASSERT_LE(r.card.scheduled_days, cfg.options.maximum_interval) << where;
        }
        const double rnow = s.retrievability(r.card, now + kMsPerDay);
        ASSERT_TRUE(std::isfinite(rnow) && rnow >= 0.0 && rnow <= 1.0) << where;
        card = r.card;
        ++reviews;
        // Next review: same minute, at due, early, late, very late, or across midnight.
        switch (gap_kind(rng)) {
          case 0: now += kMsPerMinute * static_cast<TimestampMs>(rng() % 30); break;
          case 1: now = std::max(now, card.due); break;
          case 2: now += (card.due - now) / 2; break;
          case 3: now = std::max(now, card.due) + kMsPerDay * static_cast<TimestampMs>(rng() % 30); break;
          case 4: now += kMsPerDay * static_cast<TimestampMs>(100 + rng() % 3000); break;
          default: now += kMsPerHour * static_cast<TimestampMs>(1 + rng() % 30); break;
        }
      }
    }
  }
  EXPECT_EQ(reviews, 6U * 150U * 25U);
}

// ---- Reference cases ----

TEST(ReferenceCases, Srs1AgainEightTimesSameDayStaysFinite) {
  const std::optional<json> cs = load_case("SRS-1_again_x8_same_day.json");
  if (!cs) {
    GTEST_SKIP() << "SRS-1_again_x8_same_day.json not found under " << CASEBOOK_SHARED_DIR;
  }
  const json& settings = cs->at("settings");
  SchedulerOptions o;
  o.desired_retention = settings.at("desired_retention").get<double>();
  o.enable_short_term = settings.at("short_term").get<bool>();
  o.learning_steps_minutes = settings.at("learning_steps_min").get<std::vector<int>>();
  o.clock = DayClock{settings.at("tz").get<std::string>(), settings.at("rollover_hour").get<int>()};
  const Scheduler s(o);

  std::optional<CardSchedule> card;
  std::optional<fsrs::MemoryState> model;  // the same chain through the pure model
  bool has_more_than_two_decimals = false;
  double previous_s = 0.0;
  int step = 0;
  for (const json& rv : cs->at("reviews")) {
    const TimestampMs t = parse_iso(rv.at("t").get<std::string>());
    const Rating g = rating_from(rv.at("rating").get<std::string>());
    if (!card) {
      card = Scheduler::new_card(t);
    }
    const ReviewResult r = s.next(*card, t, g);
    const std::string where = "review " + std::to_string(step);
    EXPECT_EQ(r.elapsed_days, 0) << where;  // all on study day 2025-03-10 in Paris
    EXPECT_TRUE(std::isfinite(r.card.stability)) << where;
    EXPECT_GE(r.card.stability, fsrs::kMinStability) << where;
    EXPECT_GT(r.card.due, t) << where;
    // Stability is the unrounded (8-decimal) model value, never rounded to 2 decimals.
    model = fsrs::next_state(s.weights(), true, model, 0.0, g);
    EXPECT_DOUBLE_EQ(r.card.stability, model->stability) << where;
    EXPECT_DOUBLE_EQ(r.card.difficulty, model->difficulty) << where;
    if (std::fabs(r.card.stability * 100.0 - std::round(r.card.stability * 100.0)) > 1e-9) {
      has_more_than_two_decimals = true;
    }
    if (step >= 1 && g == Rating::Again) {
      EXPECT_LE(r.card.stability, previous_s) << where;  // same-day Again shrinks S
    }
    if (g == Rating::Good) {
      EXPECT_GE(r.card.stability, previous_s) << where;  // SInc >= 1 for Good
    }
    previous_s = r.card.stability;
    card = r.card;
    ++step;
  }
  EXPECT_EQ(step, 9);
  EXPECT_TRUE(has_more_than_two_decimals);
  for (const char* when : {"2025-03-10T09:08:00+01:00", "2025-03-10T09:30:00+01:00",
                           "2025-03-11T09:00:00+01:00"}) {
    const double r = s.retrievability(*card, parse_iso(when));
    EXPECT_TRUE(std::isfinite(r)) << when;
    EXPECT_GE(r, 0.0) << when;
    EXPECT_LE(r, 1.0) << when;
  }
}

TEST(ReferenceCases, Srs4RolloverSixMovesTheStudyDay) {
  const std::optional<json> cs = load_case("SRS-4_rollover_0600.json");
  if (!cs) {
    GTEST_SKIP() << "SRS-4_rollover_0600.json not found under " << CASEBOOK_SHARED_DIR;
  }
  const json& settings = cs->at("settings");
  const DayClock clock{settings.at("tz").get<std::string>(), settings.at("rollover_hour").get<int>()};
  ASSERT_EQ(clock.rollover_hour, 6);

  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  const std::string due_day = cs->at("cards").at(0).at("due_day").get<std::string>();
  ASSERT_EQ(std::sscanf(due_day.c_str(), "%d-%u-%u", &y, &m, &d), 3);
  const std::int64_t due_index =
      date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count();

  // A Review card due on study day 2025-06-11: due instant = the start of that study day.
  CardSchedule c;
  c.state = CardState::Review;
  c.stability = 1.0;
  c.difficulty = 5.0;
  c.scheduled_days = 1;
  c.due = study_day_start(due_index, clock);
  c.last_review = c.due - kMsPerDay;
  EXPECT_EQ(c.due, parse_iso("2025-06-11T06:00:00-04:00"));

  const json& queries = cs->at("queries");
  const TimestampMs before = parse_iso(queries.at(0).at("now").get<std::string>());  // 05:30
  const TimestampMs after = parse_iso(queries.at(1).at("now").get<std::string>());   // 06:01
  EXPECT_EQ(study_day(before, clock), due_index - 1);  // still 2025-06-10
  EXPECT_FALSE(is_due(c, before, clock));
  EXPECT_EQ(study_day(after, clock), due_index);  // counters reset: a new study day
  EXPECT_TRUE(is_due(c, after, clock));
  // The same query at 05:30 with rollover 4 (the bug in the report) would be the new day.
  EXPECT_EQ(study_day(before, DayClock{clock.time_zone, 4}), due_index);

  // Changing the rollover applies at the next query: nothing is cached.
  const json& change = cs->at("setting_change");
  const TimestampMs when = parse_iso(change.at("at").get<std::string>());  // 14:00 local
  const DayClock from{clock.time_zone, change.at("rollover_hour_from").get<int>()};
  const DayClock to{clock.time_zone, change.at("to").get<int>()};
  EXPECT_EQ(study_day(when, from), due_index - 1);  // 14:00 - 20 h: still 06-10
  EXPECT_EQ(study_day(when, to), due_index);        // 14:00 - 12 h: 06-11
  CardSchedule evening = c;
  evening.due = parse_iso("2025-06-11T21:00:00-04:00");
  EXPECT_FALSE(is_due(evening, when, from));
  EXPECT_TRUE(is_due(evening, when, to));
  SchedulerOptions o;
  o.clock = from;
  const Scheduler before_change(o);
  o.clock = to;
  const Scheduler after_change(o);
  EXPECT_EQ(before_change.elapsed_days(*c.last_review, when), 1);
  EXPECT_EQ(after_change.elapsed_days(*c.last_review, when), 2);
}

}  // namespace
}  // namespace casebook::core
