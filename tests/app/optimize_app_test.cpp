// The shared optimizer flow (app::optimize, used by `casebook optimize` and the GUI's
// Optimize screen): too few reviews are not applied; a simulated learner's log gives a fit
// that is better and, applied through the Controller, changes the next intervals at once;
// refitting is not better; pasted parameter lists are validated.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "app/background.hpp"
#include "app/controller.hpp"
#include "app/optimize.hpp"
#include "core/optimizer.hpp"
#include "optimize_support.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace opt = casebook::core::optimizer;
using casebook::test::kDayMs;
using casebook::test::kLogStart;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::review;
using casebook::test::seed;
using casebook::test::simulated_log;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

app::ReviewLog alice_log(const std::string& db) {
  app::ReviewLogSource src;
  src.db_path = db;
  src.learner = "alice";
  return app::load_review_log(src);
}

/// Starts a session, answers the first (new) card right and returns the Good interval shown.
std::string good_interval(app::Controller& c, core::TimestampMs& now) {
  c.dispatch(app::StartSession{});
  EXPECT_EQ(c.screen(), app::Screen::Study);
  if (c.study() == nullptr) return "";
  now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
  const std::string shown = c.study()->feedback ? c.study()->feedback->intervals[2] : "";
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  return shown;
}

void save(app::Controller& c, const core::StudyOptions& o) {
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::SaveOptions{o, ""});
  c.dispatch(app::GoHome{});
}

}  // namespace

TEST(OptimizeApp, TooFewReviewsAreNotApplied) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  seed(db, {review("a", kLogStart, 3, core::CardState::New, "alice"),
            review("a", kLogStart + 2 * kDayMs, 3, core::CardState::Review, "alice")});
  const app::ReviewLog log = alice_log(db);
  EXPECT_EQ(log.reviews, 2U);
  EXPECT_EQ(log.items.size(), 1U);
  EXPECT_TRUE(log.current_is_default);
  double last = -1.0;
  const app::OptimizeOutcome out = app::optimize(log, [&](double f) { last = f; });
  EXPECT_EQ(out.verdict, app::OptimizeVerdict::TooFewReviews);
  EXPECT_EQ(out.fit.kind, opt::FitKind::Defaults);
  EXPECT_EQ(out.fit.weights, core::kDefaultWeights);
  ASSERT_TRUE(out.before && out.after);
  EXPECT_DOUBLE_EQ(out.before->log_loss, out.after->log_loss);
  EXPECT_EQ(app::verdict_text(out.verdict), "Not applied: too little data to fit.");
  EXPECT_THROW((void)alice_log(dir.file("missing.sqlite3")), std::runtime_error);
}

TEST(OptimizeApp, BetterFitAppliedThroughTheControllerChangesTheNextInterval) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  seed(db, simulated_log(150, "alice"));
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(db, now));
  core::StudyOptions o = c.study_options();
  o.learning_steps_minutes = {};  // a new card graduates at once: the interval is S0(Good)'s
  o.desired_retention = 0.75;     // far from 0.9, so the interval shows the decay w20 too
  save(c, o);
  const app::ReviewLog log = alice_log(db);
  EXPECT_EQ(good_interval(c, *now), "13d");  // defaults: S0(Good) = 2.3065 d, IM(0.75) = 5.571

  EXPECT_EQ(log.reviews, 150U * 9U);
  EXPECT_EQ(log.cards, 150U);
  ASSERT_TRUE(log.options.has_value());
  EXPECT_TRUE(log.options->learning_steps_minutes.empty());  // the learner's stored options were read
  std::vector<double> fractions;
  const app::OptimizeOutcome out = app::optimize(log, [&](double f) { fractions.push_back(f); });
  EXPECT_EQ(out.fit.kind, opt::FitKind::Full);
  EXPECT_EQ(out.verdict, app::OptimizeVerdict::Better);
  ASSERT_TRUE(out.before && out.after);
  EXPECT_LT(out.after->log_loss, out.before->log_loss);
  ASSERT_FALSE(fractions.empty());
  EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
  EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));

  // The GUI applies the fit as a SaveOptions of the learner's options with the new weights.
  save(c, app::with_weights(c.study_options(), out.fit.weights));
  EXPECT_EQ(c.settings().notice, "Saved. The new options apply from now on.");
  ASSERT_EQ(c.study_options().weights.size(), 21U);
  // FSRS-6 next interval: S/factor * (R^(-1/w20) - 1), factor = 0.9^(-1/w20) - 1, S = w2.
  const double w20 = out.fit.weights[20];
  const double days = out.fit.weights[2] / (std::pow(0.9, -1.0 / w20) - 1.0) * (std::pow(0.75, -1.0 / w20) - 1.0);
  const std::string after = good_interval(c, *now);
  EXPECT_NE(after, "13d");
  EXPECT_EQ(after, std::to_string(std::lround(days)) + "d") << days;

  // Fitting again against the stored parameters gives the same fit: not better, not applied.
  const app::ReviewLog again = alice_log(db);
  EXPECT_FALSE(again.current_is_default);
  const app::OptimizeOutcome second = app::optimize(again);
  EXPECT_EQ(second.verdict, app::OptimizeVerdict::NotBetter);
}

TEST(OptimizeApp, CancelFlagStopsTheFit) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  seed(db, simulated_log(100, "alice"));
  const app::ReviewLog log = alice_log(db);
  std::atomic<bool> cancel{false};
  EXPECT_THROW((void)app::optimize(log, [&](double f) { if (f > 0.2) cancel = true; }, &cancel), opt::Cancelled);
}

TEST(OptimizeApp, PastedWeightsAreValidated) {
  const std::string defaults = opt::format_weights(core::kDefaultWeights);
  const opt::Weights w = app::parse_manual_weights("  [" + defaults + "]\n", 1);
  for (std::size_t i = 0; i < w.size(); ++i) EXPECT_NEAR(w[i], core::kDefaultWeights[i], 5e-5) << i;

  const auto message = [](const std::string& text) {
    try {
      (void)app::parse_manual_weights(text, 1);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message(""), "parameters: the list is empty (paste 21 comma-separated numbers)");
  EXPECT_EQ(message("0.2, 1.2"), "parameters: expected 21 numbers, found 2");
  std::string twenty_two = defaults + ", 0.5";
  EXPECT_EQ(message(twenty_two), "parameters: more than 21 numbers");
  std::string with_nan = defaults;
  with_nan.replace(0, with_nan.find(','), "nan");
  EXPECT_EQ(message(with_nan), "parameters: 'nan' is not a number");
  std::string with_word = defaults;
  with_word.replace(0, with_word.find(','), "abc");
  EXPECT_EQ(message(with_word), "parameters: 'abc' is not a number");
  // w19 above the optimizer's 0.8 ceiling.
  opt::Weights high = core::kDefaultWeights;
  high[19] = 0.9;
  EXPECT_EQ(message(opt::format_weights(high)),
            "parameters: w19 = 0.9 is outside the optimizer's range (the nearest allowed value is 0.8)");
  opt::Weights zero = core::kDefaultWeights;
  zero[0] = 0.0;
  EXPECT_EQ(message(opt::format_weights(zero)),
            "parameters: w0 = 0 is outside the optimizer's range (the nearest allowed value is 0.001)");
}

TEST(OptimizeApp, WithWeightsKeepsTheOtherOptions) {
  core::StudyOptions o;
  o.desired_retention = 0.85;
  const core::StudyOptions w = app::with_weights(o, core::kDefaultWeights);
  EXPECT_EQ(w.desired_retention, 0.85);
  ASSERT_EQ(w.weights.size(), 21U);
  EXPECT_EQ(w.weights[20], core::kDefaultWeights[20]);
}

// app::BackgroundJob, the worker of the Optimize and Workload simulator screens. The waits
// below spin on the job's own flags (no sleeps, no timeouts).
TEST(BackgroundJob, HandsBackTheResultAndTheLastProgress) {
  app::BackgroundJob<int> job;
  EXPECT_FALSE(job.running());
  job.start([](const std::function<void(double)>& progress, const std::atomic<bool>&) {
    progress(0.25);
    progress(1.0);
    return 42;
  });
  EXPECT_TRUE(job.running());
  while (!job.finished()) std::this_thread::yield();
  EXPECT_EQ(job.progress(), 1.0);
  EXPECT_EQ(job.collect(), std::optional<int>(42));
  EXPECT_FALSE(job.running());
  EXPECT_FALSE(job.cancelled());
  EXPECT_TRUE(job.error().empty());
}

TEST(BackgroundJob, CancelAndErrorsGiveNoResultWithTheReason) {
  app::BackgroundJob<int> job;
  const auto until_cancelled = [](const std::function<void(double)>&, const std::atomic<bool>& cancel) -> int {
    while (!cancel) std::this_thread::yield();
    throw std::runtime_error("simulation cancelled");
  };
  job.start(until_cancelled);
  EXPECT_FALSE(job.cancelling());
  job.cancel();
  EXPECT_TRUE(job.cancelling());
  while (!job.finished()) std::this_thread::yield();
  EXPECT_EQ(job.collect(), std::nullopt);
  EXPECT_TRUE(job.cancelled());
  EXPECT_EQ(job.error(), "simulation cancelled");

  job.start([](const std::function<void(double)>&, const std::atomic<bool>&) -> int {
    throw std::invalid_argument("bad days");
  });
  while (!job.finished()) std::this_thread::yield();
  EXPECT_EQ(job.collect(), std::nullopt);
  EXPECT_FALSE(job.cancelled());  // it failed on its own
  EXPECT_EQ(job.error(), "bad days");

  // A job still running when the next starts, or when the job is destroyed, is cancelled and joined.
  job.start(until_cancelled);
  job.start([](const std::function<void(double)>&, const std::atomic<bool>&) { return 7; });
  while (!job.finished()) std::this_thread::yield();
  EXPECT_EQ(job.collect(), std::optional<int>(7));
  job.start(until_cancelled);
}
