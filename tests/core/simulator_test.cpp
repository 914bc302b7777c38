// Workload simulator: reproducible from its seed, sane totals, retention near the desired
// retention over a long run, lower desired retention -> fewer reviews.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <vector>
#include <stdexcept>

#include "core/simulator.hpp"

namespace casebook::core {
namespace {

SimulationConfig small_config(std::uint64_t seed) {
  SimulationConfig c;
  c.bank_size = 300;
  c.new_per_day = 10;
  c.days = 120;
  c.seed = seed;
  return c;
}

bool same_days(const SimulationResult& a, const SimulationResult& b) {
  if (a.days.size() != b.days.size()) return false;
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    const SimulationDay& x = a.days[i];
    const SimulationDay& y = b.days[i];
    if (x.day != y.day || x.new_cards != y.new_cards || x.reviews != y.reviews || x.lapses != y.lapses ||
        x.seconds != y.seconds || x.memorized != y.memorized || x.introduced != y.introduced) {
      return false;
    }
  }
  return true;
}

TEST(Simulator, SameSeedGivesIdenticalDailyFigures) {
  const SimulationResult a = simulate(small_config(7));
  const SimulationResult b = simulate(small_config(7));
  EXPECT_TRUE(same_days(a, b));
  EXPECT_EQ(a.total_reviews, b.total_reviews);
  EXPECT_EQ(a.end_retention, b.end_retention);
}

TEST(Simulator, ProgressAndCancelDoNotChangeTheFigures) {
  const SimulationResult plain = simulate(small_config(7));
  std::vector<double> seen;
  std::atomic<bool> cancel{false};
  const SimulationResult watched = simulate(small_config(7), [&](double f) { seen.push_back(f); }, &cancel);
  EXPECT_TRUE(same_days(plain, watched));
  ASSERT_EQ(seen.size(), 120u);  // once per day
  EXPECT_EQ(seen.front(), 1.0 / 120.0);
  EXPECT_EQ(seen.back(), 1.0);
  // Cancelled after day 10: throws, and the next run with the same seed is unaffected.
  int days = 0;
  EXPECT_THROW((void)simulate(small_config(7), [&](double) { if (++days == 10) cancel = true; }, &cancel),
               SimulationCancelled);
  EXPECT_EQ(days, 10);
  cancel = false;
  EXPECT_TRUE(same_days(plain, simulate(small_config(7), {}, &cancel)));
}

TEST(Simulator, DifferentSeedGivesDifferentDailyFigures) {
  const SimulationResult a = simulate(small_config(7));
  const SimulationResult b = simulate(small_config(8));
  EXPECT_FALSE(same_days(a, b));
}

TEST(Simulator, CountsAddUp) {
  const SimulationConfig c = small_config(3);
  const SimulationResult r = simulate(c);
  ASSERT_EQ(r.days.size(), 120U);
  int reviews = 0;
  int lapses = 0;
  double seconds = 0.0;
  for (const SimulationDay& d : r.days) {
    // 10 new a day until the 300-card bank is used up on day 29.
    EXPECT_EQ(d.new_cards, d.day < 30 ? 10 : 0) << "day " << d.day;
    EXPECT_EQ(d.introduced, std::min(300, 10 * (d.day + 1)));
    EXPECT_LE(d.lapses, d.reviews);
    EXPECT_GE(d.seconds, 0.0);
    EXPECT_LE(d.memorized, static_cast<double>(d.introduced));
    reviews += d.reviews;
    lapses += d.lapses;
    seconds += d.seconds;
  }
  EXPECT_EQ(r.days[0].reviews, 0);  // nothing is due before the first new cards
  EXPECT_EQ(reviews, r.total_reviews);
  EXPECT_EQ(lapses, r.total_lapses);
  EXPECT_DOUBLE_EQ(seconds, r.total_seconds);
  EXPECT_GT(r.total_reviews, 300);
}

TEST(Simulator, RetentionStaysNearTheDesiredRetention) {
  for (const double dr : {0.8, 0.9}) {
    SimulationConfig c;
    c.bank_size = 2000;
    c.new_per_day = 20;
    c.days = 365;
    c.seed = 42;
    c.scheduler.desired_retention = dr;
    const SimulationResult r = simulate(c);
    SCOPED_TRACE(dr);
    // Reviews happen when R has fallen to about dr (interval rounding keeps it a bit above).
    EXPECT_NEAR(r.observed_retention, dr, 0.03);
    // Between reviews R stays above dr, so the average memory at the end is higher still.
    EXPECT_GT(r.end_retention, dr);
    EXPECT_LT(r.end_retention, 1.0);
  }
}

TEST(Simulator, LowerDesiredRetentionMeansFewerReviews) {
  SimulationConfig hi = small_config(5);
  SimulationConfig lo = small_config(5);
  hi.scheduler.desired_retention = 0.95;
  lo.scheduler.desired_retention = 0.8;
  EXPECT_GT(simulate(hi).total_reviews, simulate(lo).total_reviews);
}

TEST(Simulator, ReviewLimitCapsEveryDay) {
  SimulationConfig c = small_config(9);
  c.max_reviews_per_day = 15;
  for (const SimulationDay& d : simulate(c).days) EXPECT_LE(d.reviews, 15);
}

TEST(Simulator, RejectsBadConfigurations) {
  SimulationConfig c = small_config(1);
  c.days = 0;
  EXPECT_THROW((void)simulate(c), std::invalid_argument);
  c = small_config(1);
  c.first_rating_prob = {0.5, 0.5, 0.5, 0.0};
  EXPECT_THROW((void)simulate(c), std::invalid_argument);
  c = small_config(1);
  c.new_per_day = -1;
  EXPECT_THROW((void)simulate(c), std::invalid_argument);
}

}  // namespace
}  // namespace casebook::core
