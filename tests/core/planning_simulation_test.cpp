// Issue 16 in the simulator: the classic run is unchanged with every new feature off; an exam
// plan introduces its cards in time and reaches its target; load balancing flattens the daily
// reviews and light weekdays get fewer; runs from the learner's own cards; determinism.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "core/exam.hpp"
#include "core/simulator.hpp"
#include "core/time.hpp"

namespace casebook::core {
namespace {

SimulationConfig classic() {
  SimulationConfig c;
  c.bank_size = 400;
  c.new_per_day = 15;
  c.days = 200;
  c.seed = 7;
  return c;
}

TEST(PlanningSimulation, TheClassicRunIsUnchanged) {
  // Figures of this configuration before issue 16 (same seed): nothing new is on by default.
  const SimulationResult r = simulate(classic());
  EXPECT_EQ(r.total_reviews, 2964);
  EXPECT_EQ(r.total_lapses, 334);
  EXPECT_DOUBLE_EQ(r.end_retention, 0.9458114278500005);
  EXPECT_DOUBLE_EQ(r.observed_retention, 0.88731443994601888);
  EXPECT_TRUE(r.exams.empty());
}

TEST(PlanningSimulation, AnExamPlanIntroducesItsCardsInTimeAndReachesItsTarget) {
  SimulationConfig c;
  c.bank_size = 300;
  c.new_per_day = 3;  // 40 days x 3 = 120: too slow for 300 cards
  c.days = 41;
  c.seed = 3;
  const std::int64_t exam_day = c.start_day + 40;
  c.exam = ExamTarget{exam_day, 0.9};
  const SimulationResult with = simulate(c);
  ASSERT_EQ(with.exams.size(), 1u);
  const ExamOutcome& e = with.exams.front();
  EXPECT_EQ(e.day, exam_day);
  EXPECT_EQ(e.cards, 300);
  EXPECT_EQ(e.studied, 300);                           // the pace introduced them all before the exam
  EXPECT_EQ(with.days[0].new_cards, 8);                // ceil(300 / 40)
  EXPECT_EQ(with.days[40].new_cards, 0);               // none on the exam day
  EXPECT_GE(e.retention_studied, 0.9);
  EXPECT_LE(e.below_target, e.studied / 50);           // only cards forgotten on the last days
  c.exam.reset();
  const SimulationResult without = simulate(c);
  EXPECT_TRUE(without.exams.empty());
  EXPECT_EQ(without.days.back().introduced, 123);     // 3 a day for 41 days
}

TEST(PlanningSimulation, DailyReviewStats) {
  SimulationResult r;
  for (const int n : {4, 8, 4, 8, 4, 8, 4, 8, 30}) r.days.push_back(SimulationDay{0, 0, n});
  const DailyReviewStats all = daily_review_stats(r);
  EXPECT_EQ(all.peak, 30);
  EXPECT_EQ(all.peak_day, 8);
  EXPECT_DOUBLE_EQ(all.mean, 78.0 / 9.0);
  const DailyReviewStats head = daily_review_stats(r, 0, 7);
  EXPECT_DOUBLE_EQ(head.mean, 6.0);
  EXPECT_DOUBLE_EQ(head.std_dev, 2.0);
  // Days 3 and 4: 8 - 40/7 and 4 - 44/7; their spread around their mean.
  const double a = 8.0 - 40.0 / 7.0, b = 4.0 - 44.0 / 7.0;
  EXPECT_NEAR(head.unevenness, (a - b) / 2.0, 1e-12);
}

TEST(PlanningSimulation, LoadBalancingFlattensTheDailyReviews) {
  SimulationConfig c;
  c.bank_size = 1000;
  c.new_per_day = 20;
  c.days = 150;
  c.seed = 5;
  c.scheduler.enable_fuzz = true;
  const SimulationResult fuzz = simulate(c);
  c.scheduler.load_balance = true;
  const SimulationResult balanced = simulate(c);
  const DailyReviewStats a = daily_review_stats(fuzz, 30);
  const DailyReviewStats b = daily_review_stats(balanced, 30);
  // Day-to-day unevenness (around the 7-day mean) about halves; the trend of a growing then
  // shrinking workload stays, so the plain standard deviation falls less.
  EXPECT_LT(b.unevenness, 0.7 * a.unevenness);
  EXPECT_LT(b.std_dev, a.std_dev);
  EXPECT_LT(b.peak, a.peak);
  EXPECT_NEAR(b.mean, a.mean, 0.05 * a.mean);  // the same work, spread more evenly
  EXPECT_EQ(simulate(c).total_reviews, balanced.total_reviews);  // deterministic
}

TEST(PlanningSimulation, LightWeekdaysGetFewerReviews) {
  SimulationConfig c;
  c.bank_size = 1000;
  c.new_per_day = 20;
  c.days = 150;
  c.seed = 9;
  c.scheduler.load_balance = true;
  c.scheduler.day_capacity[5] = c.scheduler.day_capacity[6] = 0.5;  // Saturday, Sunday
  const SimulationResult r = simulate(c);
  double weekend = 0, weekday = 0;
  int n_weekend = 0, n_weekday = 0;
  for (int d = 30; d < c.days; ++d) {
    const int wd = iso_weekday_of_day(c.start_day + d);
    const int reviews = r.days[static_cast<std::size_t>(d)].reviews;
    if (wd >= 6) {
      weekend += reviews;
      ++n_weekend;
    } else {
      weekday += reviews;
      ++n_weekday;
    }
  }
  EXPECT_LT(weekend / n_weekend, 0.8 * (weekday / n_weekday));
}

TEST(PlanningSimulation, StartsFromTheLearnersCards) {
  SimulationConfig c;
  c.bank_size = 0;
  c.new_per_day = 5;
  c.days = 20;
  const TimestampMs morning = c.start_day * kMsPerDay + 9 * kMsPerHour;
  for (int i = 0; i < 30; ++i) {
    SimulatedCard sc;
    if (i < 20) {
      CardSchedule s;
      s.state = CardState::Review;
      s.stability = 4.0 + i;
      s.difficulty = 5.0;
      s.last_review = morning - 3 * kMsPerDay;
      s.due = morning + (i % 4) * kMsPerDay;
      s.scheduled_days = 3 + i % 4;
      s.reps = 3;
      sc.schedule = s;
    }
    c.cards.push_back(sc);
  }
  const SimulationResult r = simulate(c);
  EXPECT_EQ(r.days[0].new_cards, 5);
  EXPECT_EQ(r.days[0].introduced, 25);
  EXPECT_EQ(r.days[1].introduced, 30);
  EXPECT_EQ(r.days[0].reviews, 5);  // the five due on day 0
  EXPECT_EQ(r.days[2].new_cards, 0);
}

}  // namespace
}  // namespace casebook::core
