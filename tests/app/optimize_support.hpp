// A simulated learner's review log for the optimizer tests (CLI and app): cards introduced
// one every 8 hours, each reviewed when a known "true" FSRS model says it is due and recalled
// with that model's probability, so a fit has something real to find.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/optimizer.hpp"
#include "core/review.hpp"
#include "storage/progress.hpp"

namespace casebook::test {

inline constexpr std::int64_t kDayMs = 86'400'000;
inline constexpr core::TimestampMs kLogStart = 1'704'110'400'000;  // 2024-01-01T12:00Z

/// One review of `card` (key "bank/CARD") by `learner` at `at` with `rating` (1-4).
inline core::ReviewRecord review(const std::string& card, core::TimestampMs at, int rating, core::CardState before,
                                 const std::string& learner = "ana") {
  core::ReviewRecord r;
  r.learner = learner;
  r.card_key = "bank/" + card;
  r.reviewed_at = at;
  r.rating = static_cast<core::Rating>(rating);
  r.correct = rating > 1;
  r.before.state = before;
  r.after.state = core::CardState::Review;
  return r;
}

/// `cards` cards introduced one every 8 hours, each reviewed 8 times when its (true-model)
/// interval is due, recalled with the true model's probability (Again otherwise).
inline std::vector<core::ReviewRecord> simulated_log(int cards, const std::string& learner = "ana") {
  const core::optimizer::Weights truth = {0.5, 1.5, 4.5, 12.0, 6.0, 0.6, 2.5, 0.02, 1.6, 0.15, 0.9,
                                          1.7, 0.08, 0.35, 1.4, 0.5, 2.2, 0.45, 0.15, 0.1, 0.3};
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<core::ReviewRecord> out;
  for (int c = 0; c < cards; ++c) {
    const std::string id = "q" + std::to_string(c);
    core::TimestampMs t = kLogStart + c * kDayMs / 3;
    std::vector<core::revlog::FsrsReview> history{{3, 0}};
    out.push_back(review(id, t, 3, core::CardState::New, learner));
    for (int k = 0; k < 8; ++k) {
      const double s = core::optimizer::memory_after(truth, history).stability;
      const auto days = static_cast<std::uint32_t>(std::max(1.0, std::round(s * (0.7 + 0.6 * u(rng)))));
      std::vector<core::revlog::FsrsReview> next = history;
      next.push_back({3, days});
      const double r = core::optimizer::predict(truth, core::revlog::FsrsItem{std::move(next), 0});
      const int rating = u(rng) < r ? 3 : 1;
      t += days * kDayMs;
      out.push_back(review(id, t, rating, core::CardState::Review, learner));
      history.push_back({rating, days});
    }
  }
  return out;
}

/// Records `log` in the database at `db` (created if missing) for its learners.
inline void seed(const std::string& db, const std::vector<core::ReviewRecord>& log) {
  storage::Progress p(db);
  for (const auto& r : log) {
    p.ensure_learner(r.learner);
    (void)p.record_review(r);
  }
}

}  // namespace casebook::test
