// The optimizer's result in plain sentences (app::optimize_summary, issue 12): exact sentences
// for a better fit, a fit that is not better, too little data and a fit of the initial
// stabilities only, from fixed figures; and the first intervals the sentences quote.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/optimize_summary.hpp"
#include "core/scheduler.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace opt = casebook::core::optimizer;

namespace {

app::ReviewLog history(std::size_t reviews, std::size_t cards) {
  app::ReviewLog log;
  log.reviews = reviews;
  log.cards = cards;
  return log;
}

app::OptimizeOutcome outcome(app::OptimizeVerdict verdict, opt::FitKind kind, std::size_t training_items,
                             core::evaluate::Metrics before, core::evaluate::Metrics after) {
  app::OptimizeOutcome out;
  out.verdict = verdict;
  out.fit.kind = kind;
  out.fit.weights = core::kDefaultWeights;
  out.fit.training_items = training_items;
  out.before = before;
  out.after = after;
  return out;
}

/// The defaults with longer initial stabilities (w0..w3): what a fit of a learner who
/// remembers new cards well gives.
opt::Weights longer_first_intervals() {
  opt::Weights w = core::kDefaultWeights;
  w[0] = 0.6;
  w[1] = 2.4;
  w[2] = 4.6;
  w[3] = 12.4;
  return w;
}

}  // namespace

TEST(OptimizeSummary, EasyFirstIntervalIsTheInitialStabilityAtNinetyPercent) {
  // Easy graduates a new card at once: interval = round(S0(Easy) * IM(0.9)) = round(w3), since
  // R(S) = 0.9 by the definition of stability.
  const core::StudyOptions options;
  EXPECT_EQ(app::first_intervals(options, core::kDefaultWeights)[3], 8);  // w3 = 8.2956
  EXPECT_EQ(app::first_intervals(options, longer_first_intervals())[3], 12);
  // Lower desired retention, longer intervals; each grade at least as long as the one before.
  core::StudyOptions lower = options;
  lower.desired_retention = 0.8;
  const auto at80 = app::first_intervals(lower, core::kDefaultWeights);
  const auto at90 = app::first_intervals(options, core::kDefaultWeights);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_GE(at80[i], at90[i]) << i;
  for (std::size_t i = 1; i < 4; ++i) EXPECT_GE(at90[i], at90[i - 1]) << i;
}

TEST(OptimizeSummary, BetterFit) {
  app::OptimizeOutcome out = outcome(app::OptimizeVerdict::Better, opt::FitKind::Full, 950, {0.32955, 0.0262, 1000},
                                     {0.30950, 0.0140, 1000});
  out.fit.weights = longer_first_intervals();
  const std::vector<std::string> lines = app::optimize_summary(history(1234, 300), out, core::StudyOptions{});
  ASSERT_EQ(lines.size(), 3U);
  EXPECT_EQ(lines[0],
            "Your reviews predict better with the new parameters: their penalty for confident wrong predictions falls "
            "by 6.1 % (log loss 0.32955 \u2192 0.30950), and their predicted chance of remembering is off by 1.4 "
            "percentage points on average instead of 2.6 (RMSE (bins) 0.0262 \u2192 0.0140).");
  EXPECT_EQ(lines[1],
            "This rests on 1,234 reviews of 300 cards, 950 of which were used to fit (a review is used when it comes "
            "on a later day than the card's previous one, and unusual first intervals are left out).");
  EXPECT_EQ(lines[2],
            "With the new parameters, a new card's first interval after its learning steps, at your desired "
            "retention of 90 %, becomes: Again 1 day (now 1), Hard 2 days (now 1), Good 5 days (now 2), Easy 12 days "
            "(now 8); longer.");
  // The same with the defaults' steps 1m 10m: Good twice (2 days now), Easy at once (w3).
  EXPECT_EQ(app::first_intervals(core::StudyOptions{}, core::kDefaultWeights),
            (std::array<std::int64_t, 4>{1, 1, 2, 8}));
}

TEST(OptimizeSummary, NotBetterFit) {
  const app::OptimizeOutcome out = outcome(app::OptimizeVerdict::NotBetter, opt::FitKind::Full, 320,
                                           {0.32955, 0.0262, 300}, {0.33610, 0.0270, 300});
  EXPECT_EQ(app::optimize_summary(history(360, 40), out, core::StudyOptions{}),
            (std::vector<std::string>{
                "The new parameters do not predict your reviews better: their penalty for confident wrong predictions "
                "rises by 2.0 % (log loss 0.32955 \u2192 0.33610), and their predicted chance of remembering is off "
                "by 2.7 percentage points on average instead of 2.6 (RMSE (bins) 0.0262 \u2192 0.0270).",
                "This rests on 360 reviews of 40 cards, 320 of which were used to fit (a review is used when it comes "
                "on a later day than the card's previous one, and unusual first intervals are left out).",
                "Keep your current parameters: nothing was changed."}));
}

TEST(OptimizeSummary, TooLittleData) {
  app::OptimizeOutcome out = outcome(app::OptimizeVerdict::TooFewReviews, opt::FitKind::Defaults, 4,
                                     {0.4, 0.1, 5}, {0.4, 0.1, 5});
  EXPECT_EQ(app::optimize_summary(history(12, 5), out, core::StudyOptions{}),
            (std::vector<std::string>{
                "There is too little history to fit new parameters: 4 of your 12 reviews can be used, and at least 8 "
                "are needed (64 to fit all 21 parameters). A review can be used when it comes on a later day than the "
                "card's previous one.",
                "Keep your current parameters, and optimize again once you have more reviews."}));
  out.before.reset();
  out.after.reset();
  EXPECT_EQ(app::optimize_summary(history(12, 5), out, core::StudyOptions{}).size(), 2U);
}

TEST(OptimizeSummary, InitialStabilitiesOnlyAndNoChangeInWords) {
  app::OptimizeOutcome out = outcome(app::OptimizeVerdict::Better, opt::FitKind::PretrainOnly, 40,
                                     {0.5, 0.05, 40}, {0.49999, 0.05, 40});
  const std::vector<std::string> lines = app::optimize_summary(history(60, 20), out, core::StudyOptions{});
  ASSERT_EQ(lines.size(), 3U);
  EXPECT_EQ(lines[0],
            "Your reviews predict better with the new parameters: their penalty for confident wrong predictions falls "
            "by less than 0.1 % (log loss 0.50000 \u2192 0.49999), and their predicted chance of remembering stays "
            "off by 5.0 percentage points on average (RMSE (bins) 0.0500 \u2192 0.0500).");
  EXPECT_EQ(lines[1],
            "This rests on 60 reviews of 20 cards, 40 of which were used to fit (a review is used when it comes on a "
            "later day than the card's previous one, and unusual first intervals are left out). With fewer than 64, "
            "only how long a new card is remembered after its first answer (the initial stability, w0-w3) was "
            "fitted; the other 17 parameters stay at the defaults.");
  // The fitted weights are the defaults here: the intervals do not move.
  EXPECT_NE(lines[2].find("; the same as now."), std::string::npos) << lines[2];
}
