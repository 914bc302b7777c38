// The FSRS-6 optimizer: review-log CSV parsing and training items, the loss of a hand-computed
// history, exact gradients vs finite differences, the minimum-data rules, the 21-number list,
// and (slow) the fit on the reference's simulated 2000-card log vs fsrs-rs 6.5.0's own fit.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/evaluate.hpp"
#include "core/optimizer.hpp"
#include "core/revlog.hpp"
#include "core/scheduler.hpp"

namespace {

using namespace casebook::core;
using optimizer::Weights;
using revlog::FsrsItem;
using revlog::FsrsReview;

constexpr std::int64_t kDay = 86'400'000;
const DayClock kUtc{"UTC", 0};

FsrsItem item_of(std::vector<FsrsReview> reviews) { return FsrsItem{std::move(reviews), 0}; }
std::vector<FsrsReview> reviews_of(const FsrsItem& item) { return {item.reviews().begin(), item.reviews().end()}; }

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// ---- CSV ------------------------------------------------------------------------------------

TEST(RevlogCsv, ParsesColumnsInAnyOrderAndIgnoresExtras) {
  const auto r = revlog::parse_csv(
      "extra,review_state,card_id,review_rating,review_time,review_duration\r\n"
      "x,0,\"c,1\",3,1000,500\r\n"
      "\n"
      "y,2,c2,0,2000,0\r\n"
      "z,2,c2,1,3000,7\r\n",
      "log.csv");
  ASSERT_EQ(r.entries.size(), 2U);
  EXPECT_EQ(r.skipped_manual, 1U);
  EXPECT_EQ(r.entries[0], (revlog::RevlogEntry{"c,1", 1000, 3, 0, 500, 2}));
  EXPECT_EQ(r.entries[1], (revlog::RevlogEntry{"c2", 3000, 1, 2, 7, 5}));
}

TEST(RevlogCsv, ErrorsNameFileAndLine) {
  auto message = [](const std::string& text) {
    try {
      (void)revlog::parse_csv(text, "log.csv");
    } catch (const revlog::CsvError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("card_id,review_time,review_rating,review_state\n"),
            "log.csv:1: header has no column 'review_duration' (need card_id, review_time, review_rating, "
            "review_state, review_duration)");
  const std::string header = "card_id,review_time,review_rating,review_state,review_duration\n";
  EXPECT_EQ(message(header + "a,1,3,0,5\na,2,5,2,5\n"),
            "log.csv:3: review_rating must be a whole number 0..4, not '5'");
  EXPECT_EQ(message(header + "a,1,3,0\n"), "log.csv:2: expected at least 5 fields, found 4");
  EXPECT_EQ(message(header + "a,1.5,3,0,1\n"),
            "log.csv:2: review_time must be a whole number of milliseconds since 1970 (0..253402300799999), not '1.5'");
  EXPECT_EQ(message(header + "a,-5,3,0,1\n"),
            "log.csv:2: review_time must be a whole number of milliseconds since 1970 (0..253402300799999), not '-5'");
  EXPECT_EQ(message(header + "a,9223372036854775807,3,0,1\n"),
            "log.csv:2: review_time must be a whole number of milliseconds since 1970 (0..253402300799999), "
            "not '9223372036854775807'");
  EXPECT_EQ(message(header + "a,1,3,4,1\n"), "log.csv:2: review_state must be a whole number 0..3, not '4'");
  EXPECT_EQ(message(header + "a,1,3,0,-1\n"), "log.csv:2: review_duration must be a whole number >= 0, not '-1'");
  EXPECT_EQ(message(header + ",1,3,0,1\n"), "log.csv:2: card_id is empty");
  EXPECT_EQ(message(header + "\"a,1,3,0,1\n"),
            "log.csv:2: unterminated quoted field (its `\"` runs on to the end of the file)");
  EXPECT_EQ(message(""), "log.csv:1: no header row (the file is empty)");
}

TEST(RevlogCsv, QuotedLineBreaksKeepRealLineNumbers) {
  // A card id quoted across two CRLF lines: the entry is on line 2, the bad rating on line 4.
  const std::string text =
      "card_id,review_time,review_rating,review_state,review_duration\r\n"
      "\"deck/\r\ncard\",1,3,0,5\r\n"
      "b,2,9,0,5\r\n";
  try {
    (void)revlog::parse_csv(text, "log.csv");
    FAIL() << "no error";
  } catch (const revlog::CsvError& e) {
    EXPECT_STREQ(e.what(), "log.csv:4: review_rating must be a whole number 0..4, not '9'");
  }
  const auto ok = revlog::parse_csv(text.substr(0, text.rfind("b,2")), "log.csv");
  ASSERT_EQ(ok.entries.size(), 1U);
  EXPECT_EQ(ok.entries[0].card_id, "deck/\r\ncard");
  EXPECT_EQ(ok.entries[0].line, 2U);
}

TEST(RevlogItems, LastLearningBlockSameDayAndOrder) {
  const std::int64_t t0 = 1'704'067'200'000;  // 2024-01-01T00:00Z
  std::vector<revlog::RevlogEntry> e = {
      {"b", t0 + 10 * kDay, 3, 2, 0, 0},          // before b's last learning block: dropped
      {"b", t0 + 20 * kDay, 1, 0, 0, 0},          // b reset to New
      {"b", t0 + 20 * kDay + 600'000, 3, 1, 0, 0},  // same day
      {"b", t0 + 23 * kDay, 3, 2, 0, 0},
      {"a", t0, 3, 0, 0, 0},
      {"a", t0 + kDay + 3'600'000, 1, 2, 0, 0},
      {"a", t0 + kDay + 4'000'000, 3, 3, 0, 0},   // same day relearning: no item
      {"a", t0 + 5 * kDay, 3, 2, 0, 0},
      {"c", t0, 3, 2, 0, 0},                      // no learning block at all
      {"c", t0 + kDay, 3, 2, 0, 0},
  };
  const auto items = revlog::build_items(e, kUtc);
  ASSERT_EQ(items.size(), 3U);
  EXPECT_EQ(reviews_of(items[0]), (std::vector<FsrsReview>{{3, 0}, {1, 1}}));
  EXPECT_EQ(reviews_of(items[1]), (std::vector<FsrsReview>{{3, 0}, {1, 1}, {3, 0}, {3, 4}}));
  EXPECT_EQ(reviews_of(items[2]), (std::vector<FsrsReview>{{1, 0}, {3, 0}, {3, 3}}));
  // A card's items share one history (memory linear in the reviews): a's two items, b's own.
  EXPECT_EQ(items[0].history_data(), items[1].history_data());
  EXPECT_NE(items[0].history_data(), items[2].history_data());
  EXPECT_EQ(items[1].long_term_review_count(), 2U);
  EXPECT_EQ(items[1].lapse_count(), 1U);
  // With the day starting at 02:00, a review at 01:00 belongs to the previous day.
  const auto shifted = revlog::build_items({{"a", t0 + 3'600'000, 3, 0, 0, 0}, {"a", t0 + kDay + 3'600'000, 3, 2, 0, 0}},
                                           DayClock{"UTC", 2});
  ASSERT_EQ(shifted.size(), 1U);
  EXPECT_EQ(shifted[0].current().delta_t, 1U);
}

// ---- Model and loss -------------------------------------------------------------------------

TEST(Optimizer, LossOfDefaultsOnHandComputedHistory) {
  // Good on day 0, Good 3 days later (recalled), Again 10 days after that (forgotten).
  const Weights w = kDefaultWeights;
  const FsrsItem first = item_of({{3, 0}, {3, 3}});
  const FsrsItem second = item_of({{3, 0}, {3, 3}, {1, 10}});
  const double decay = -w[20];
  const double factor = std::pow(0.9, 1.0 / decay) - 1.0;
  auto r = [&](double t, double s) { return std::pow(1.0 + factor * t / s, decay); };
  const double s0 = w[2];
  const double d0 = w[4] - std::exp(2.0 * w[5]) + 1.0;
  const double r1 = r(3.0, s0);
  const double s1 = s0 * (1.0 + std::exp(w[8]) * (11.0 - d0) * std::pow(s0, -w[9]) * (std::exp((1.0 - r1) * w[10]) - 1.0));
  const double p1 = r1;
  const double p2 = r(10.0, s1);
  EXPECT_NEAR(optimizer::predict(w, first), p1, 1e-15);
  EXPECT_NEAR(optimizer::predict(w, second), p2, 1e-15);
  // Hand values (defaults): factor 0.98034649, D0(Good) 2.11810397, R(3, 2.3065) 0.88094796,
  // S after the Good 13.82690369, R(10, 13.8269) 0.92068408.
  EXPECT_NEAR(p1, 0.88094796, 1e-8);
  EXPECT_NEAR(p2, 0.92068408, 1e-8);
  EXPECT_NEAR(s1, optimizer::memory_after(w, first.reviews()).stability, 1e-12);
  const double expected = -std::log(p1) * 1.0 - std::log(1.0 - p2) * 2.0;
  const Weights zero_penalty = w;  // w == w_init: the L2 term is 0
  const double loss = optimizer::batch_loss(w, {&first, &second}, {1.0, 2.0}, zero_penalty, 1.0, 10, nullptr);
  EXPECT_NEAR(loss, expected, 1e-12);
  EXPECT_NEAR(loss, 5.19538962, 1e-8);  // -ln 0.88094796 - 2 ln(1 - 0.92068408)
}

/// Checks batch_loss's gradient against central finite differences for every parameter.
void expect_gradient_matches_finite_differences(const Weights& w, const std::vector<FsrsItem>& items,
                                                const std::vector<double>& weights) {
  const Weights w_init = kDefaultWeights;
  std::vector<const FsrsItem*> batch;
  for (const auto& i : items) batch.push_back(&i);
  Weights grad{};
  (void)optimizer::batch_loss(w, batch, weights, w_init, 1.0, 40, &grad);
  for (std::size_t i = 0; i < 21; ++i) {
    const double h = 1e-6 * std::max(1.0, std::abs(w[i]));
    Weights up = w;
    Weights down = w;
    up[i] += h;
    down[i] -= h;
    const double fd = (optimizer::batch_loss(up, batch, weights, w_init, 1.0, 40, nullptr) -
                       optimizer::batch_loss(down, batch, weights, w_init, 1.0, 40, nullptr)) /
                      (2.0 * h);
    EXPECT_NEAR(grad[i], fd, 1e-5 * std::max(1.0, std::abs(fd))) << "w" << i;
  }
}

TEST(Optimizer, GradientMatchesFiniteDifferences) {
  // Same-day reviews (with and without the max(SInc, 1) floor), recalls, a lapse where PLS is
  // the smaller, D clamped at 1 after Easy.
  const Weights w = {0.4, 1.8, 4.0, 14.0, 6.0, 0.6, 2.5, 0.05, 1.7, 0.12, 0.9, 1.7, 0.08, 0.35, 1.4, 0.5, 2.2, 0.45, 0.15, 0.1, 0.25};
  expect_gradient_matches_finite_differences(
      w,
      {item_of({{1, 0}, {3, 0}, {3, 1}}), item_of({{2, 0}, {3, 2}, {2, 5}, {1, 9}}),
       item_of({{4, 0}, {3, 8}, {4, 20}}), item_of({{3, 0}, {1, 3}, {2, 0}, {3, 1}, {3, 4}}),
       item_of({{1, 0}, {1, 0}, {3, 0}, {3, 2}})},
      {0.25, 0.5, 0.75, 1.0, 0.3});
}

TEST(Optimizer, GradientMatchesFiniteDifferencesAtFloorsAndClamps) {
  // Large w17 * w18: lapses where S / e^(w17 w18) is the smaller (the floor), including after a
  // same-day Again; Easy runs with D held at 1 by its clamp; Hard same-day reviews on the
  // SInc floor.
  Weights w = {0.4, 1.8, 4.0, 14.0, 6.0, 0.6, 3.5, 0.002, 1.7, 0.12, 0.9, 1.7, 0.08, 0.35, 1.4, 0.5, 2.2, 1.2, 0.9, 0.1, 0.25};
  expect_gradient_matches_finite_differences(
      w,
      {item_of({{1, 0}, {1, 1}, {1, 1}, {1, 2}, {1, 1}, {3, 3}}),
       item_of({{4, 0}, {4, 0}, {4, 3}, {4, 30}, {4, 100}, {3, 200}}),
       item_of({{3, 0}, {2, 0}, {2, 0}, {3, 0}, {1, 2}, {3, 5}}),
       item_of({{1, 0}, {1, 5}, {1, 0}, {1, 20}, {1, 60}, {1, 3}, {3, 1}})},
      {1.0, 0.5, 0.8, 0.6});
}

TEST(Optimizer, PredictionPlanGivesExactlyPredict) {
  // Items continuing shorter ones (B after A, C after B, F after E, given out of order), a
  // duplicate of A from another card, one whose ancestors are missing (E), one of a single
  // earlier review, and a same-day review between A and B.
  const std::vector<FsrsItem> items = {
      item_of({{3, 0}, {3, 2}, {3, 0}, {2, 5}, {1, 10}}),           // C
      item_of({{3, 0}, {3, 2}}),                                    // A
      item_of({{1, 0}, {4, 0}, {3, 3}, {3, 7}, {3, 20}, {3, 40}}),  // F
      item_of({{3, 0}, {3, 2}, {3, 0}, {2, 5}}),                    // B
      item_of({{3, 0}, {3, 2}}),                                    // A again
      item_of({{1, 0}, {4, 0}, {3, 3}, {3, 7}, {3, 20}}),           // E
      item_of({{2, 0}, {1, 0}, {3, 0}, {4, 4}}),
  };
  std::vector<const FsrsItem*> ptrs;
  for (const auto& i : items) ptrs.push_back(&i);
  // The same items as prefixes of shared histories, as build_items makes them: the plan links
  // A -> B -> C and E -> F (the same-history parents) and must still give predict exactly.
  const auto abc = std::make_shared<const std::vector<FsrsReview>>(reviews_of(items[0]));
  const auto ef = std::make_shared<const std::vector<FsrsReview>>(reviews_of(items[2]));
  const std::vector<FsrsItem> shared = {FsrsItem(abc, 5, 0), FsrsItem(abc, 2, 0), FsrsItem(ef, 6, 0),
                                        FsrsItem(abc, 4, 0), FsrsItem(abc, 2, 0), FsrsItem(ef, 5, 0), items[6]};
  ASSERT_EQ(shared, items);
  std::vector<const FsrsItem*> shared_ptrs;
  for (const auto& i : shared) shared_ptrs.push_back(&i);
  const optimizer::PredictionPlan shared_plan(shared_ptrs);
  const optimizer::PredictionPlan plan(ptrs);
  for (const Weights& w : {kDefaultWeights, Weights{0.4, 1.8, 4.0, 14.0, 6.0, 0.6, 3.5, 0.002, 1.7, 0.12, 0.9, 1.7, 0.08,
                                                    0.35, 1.4, 0.5, 2.2, 1.2, 0.9, 0.1, 0.25}}) {
    const std::vector<double> p = plan.predict(w);
    ASSERT_EQ(p.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i) EXPECT_EQ(p[i], optimizer::predict(w, items[i])) << i;
    EXPECT_EQ(shared_plan.predict(w), p);
  }
}

TEST(Optimizer, ClipForTrainingUsesFsrsRsRanges) {
  Weights w{};
  w.fill(-100.0);
  const Weights lo = optimizer::clip_for_training(w, 1);
  EXPECT_EQ(lo[0], 0.001);
  EXPECT_EQ(lo[4], 1.0);
  EXPECT_EQ(lo[19], 0.0);  // fsrs-rs: 0 (ts-fsrs raises it to 0.01 on use)
  EXPECT_EQ(lo[20], 0.1);
  w.fill(100.0);
  const Weights hi = optimizer::clip_for_training(w, 1);
  EXPECT_EQ(hi[3], 100.0);
  EXPECT_EQ(hi[16], 6.0);
  EXPECT_EQ(hi[17], 2.0);
  EXPECT_EQ(hi[20], 0.8);
  const Weights steps = optimizer::clip_for_training(kDefaultWeights, 3);
  const double v = -(std::log(1.4835) + std::log(std::pow(2.0, 0.2629) - 1.0) + 1.6483 * 0.3) / 3.0;
  EXPECT_DOUBLE_EQ(steps[17], std::min(0.5425, std::sqrt(std::max(v, 0.01))));
}

// ---- Minimum data ---------------------------------------------------------------------------

TEST(Optimizer, BelowMinimumKeepsDefaults) {
  std::vector<FsrsItem> items;
  for (int i = 0; i < 7; ++i) items.push_back(item_of({{3, 0}, {3, static_cast<std::uint32_t>(1 + i)}}));
  const auto r = optimizer::fit(items);
  EXPECT_EQ(r.kind, optimizer::FitKind::Defaults);
  EXPECT_EQ(r.weights, kDefaultWeights);
  EXPECT_NE(r.note.find("fewer than 8"), std::string::npos) << r.note;
  EXPECT_EQ(optimizer::fit({}).kind, optimizer::FitKind::Defaults);
}

TEST(Optimizer, FewItemsFitOnlyInitialStability) {
  std::vector<FsrsItem> items;
  for (int i = 0; i < 40; ++i) items.push_back(item_of({{3, 0}, {i % 5 == 0 ? 1 : 3, 2}}));
  const auto r = optimizer::fit(items);
  EXPECT_EQ(r.kind, optimizer::FitKind::PretrainOnly);
  for (std::size_t i = 4; i < 21; ++i) EXPECT_EQ(r.weights[i], kDefaultWeights[i]) << i;
  EXPECT_NE(r.weights[2], kDefaultWeights[2]);
  EXPECT_LT(r.weights[0], r.weights[1]);
  EXPECT_LT(r.weights[1], r.weights[2]);
  EXPECT_LT(r.weights[2], r.weights[3]);
}

// ---- Output format --------------------------------------------------------------------------

TEST(Optimizer, WeightsListFormatAndRoundTrip) {
  const std::string text = optimizer::format_weights(kDefaultWeights);
  EXPECT_EQ(text,
            "0.2120, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.0010, 1.8722, 0.1666, 0.7960, "
            "1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542");
  EXPECT_EQ(optimizer::parse_weights(text), kDefaultWeights);
  EXPECT_THROW((void)optimizer::parse_weights("1,2,3"), std::invalid_argument);
  EXPECT_THROW((void)optimizer::parse_weights(text + ", 1"), std::invalid_argument);
  EXPECT_THROW((void)optimizer::parse_weights("x" + text), std::invalid_argument);
}

// ---- Evaluation -----------------------------------------------------------------------------

TEST(Evaluate, BinsAndWeightsAsFsrsRs) {
  EXPECT_EQ(evaluate::bin_of(item_of({{3, 0}, {3, 1}})), std::make_tuple(248U, 4U, 0U));
  EXPECT_EQ(evaluate::bin_of(item_of({{3, 0}, {1, 4}, {3, 0}, {3, 13}})), std::make_tuple(898U, 4U, 2U));
  const auto w = evaluate::recency_weights(3);
  EXPECT_DOUBLE_EQ(w[0], 0.25);
  EXPECT_DOUBLE_EQ(w[1], 0.25 + 0.75 / 8.0);
  EXPECT_DOUBLE_EQ(w[2], 1.0);
  // Two items in one bin: RMSE = |mean p - mean y|; log loss weighted.
  const std::vector<FsrsItem> items = {item_of({{3, 0}, {3, 1}}), item_of({{3, 0}, {1, 1}})};
  const auto m = evaluate::metrics(items, {0.9, 0.8}, {1.0, 3.0});
  EXPECT_NEAR(m.rmse_bins, std::abs(0.85 - 0.5), 1e-15);
  EXPECT_NEAR(m.log_loss, (-std::log(0.9) - 3.0 * std::log(0.2)) / 4.0, 1e-15);
}

// ---- Acceptance: the reference's simulated log ----------------------------------------------

TEST(OptimizerSim2000, MatchesFsrsRsFit) {
  const std::filesystem::path dir = std::filesystem::path(CASEBOOK_SHARED_DIR) / "reference" / "fsrs";
  if (!std::filesystem::exists(dir / "sim_revlog_2000cards.csv")) GTEST_SKIP() << "no " << dir;
  const auto ref = nlohmann::json::parse(slurp(dir / "fsrs-rs-6.5.0-fit-sim2000.json"));
  const auto parsed = revlog::parse_csv(slurp(dir / "sim_revlog_2000cards.csv"), "sim_revlog_2000cards.csv");
  ASSERT_EQ(parsed.entries.size(), ref["n_reviews"].get<std::size_t>());
  const auto items = revlog::build_items(parsed.entries, kUtc);
  ASSERT_EQ(items.size(), ref["n_items"].get<std::size_t>());

  // Same model and items as the reference: the unweighted log loss of the default, true and
  // fitted parameters matches the reference's own (js_unweighted_log_loss, to 1e-5).
  Weights ref_w{};
  Weights true_w{};
  for (std::size_t i = 0; i < 21; ++i) {
    ref_w[i] = ref["fitted_w_full"][i].get<double>();
    true_w[i] = ref["true_w"][i].get<double>();
  }
  std::vector<const FsrsItem*> ptrs;
  for (const auto& item : items) ptrs.push_back(&item);
  const optimizer::PredictionPlan plan(ptrs);
  auto unweighted = [&](const Weights& w) {
    std::vector<double> p;
    for (const auto& item : items) p.push_back(optimizer::predict(w, item));
    // The plan that fit() and evaluate() use gives the same numbers, bit for bit.
    EXPECT_EQ(plan.predict(w), p);
    return evaluate::metrics(items, p, std::vector<double>(items.size(), 1.0)).log_loss;
  };
  const auto& js = ref["js_unweighted_log_loss"];
  EXPECT_NEAR(unweighted(kDefaultWeights), js["default"].get<double>(), 1e-5);
  EXPECT_NEAR(unweighted(ref_w), js["fitted"].get<double>(), 1e-5);
  EXPECT_NEAR(unweighted(true_w), js["true"].get<double>(), 1e-5);
  const double ref_loss = ref["evaluate_in_sample"]["fitted"]["log_loss"].get<double>();
  const double ref_rmse = ref["evaluate_in_sample"]["fitted"]["rmse_bins"].get<double>();
  // The recency-weighted figures of the reference's fit, as our evaluate() computes them.
  const auto of_ref = evaluate::evaluate(ref_w, items);

  const auto start = std::chrono::steady_clock::now();
  double last_progress = -1.0;
  bool monotonic = true;
  const auto fitted = optimizer::fit(items, {}, [&](double f) {
    monotonic = monotonic && f >= last_progress;
    last_progress = f;
  });
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(fitted.kind, optimizer::FitKind::Full);
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(last_progress, 1.0);
  const auto ours = evaluate::evaluate(fitted.weights, items);
  std::cout << "fit " << seconds << " s, epoch " << fitted.best_epoch << ": log loss " << ours.log_loss << " (ref "
            << ref_loss << ", same evaluation " << of_ref.log_loss << "), RMSE(bins) " << ours.rmse_bins
            << " (ref " << ref_rmse << ", same evaluation " << of_ref.rmse_bins << ")\n"
            << "  w = " << optimizer::format_weights(fitted.weights) << "\n";
  // The acceptance bounds, against the figures the reference reported ...
  EXPECT_LE(ours.log_loss, ref_loss + 0.002);
  EXPECT_NEAR(ours.rmse_bins, ref_rmse, 0.005);
  // ... and against the reference's parameters scored by the same evaluate().
  EXPECT_LE(ours.log_loss, of_ref.log_loss + 0.002);
  EXPECT_NEAR(ours.rmse_bins, of_ref.rmse_bins, 0.005);
  // Better than the defaults.
  EXPECT_LT(ours.log_loss, evaluate::evaluate(kDefaultWeights, items).log_loss);

  // The cancel flag stops a fit at the next batch.
  std::atomic<bool> cancel{false};
  EXPECT_THROW((void)optimizer::fit(items, {}, [&](double) { cancel = true; }, &cancel), optimizer::Cancelled);
}

}  // namespace
