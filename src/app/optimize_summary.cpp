// The optimizer's result in plain sentences (see optimize_summary.hpp).
#include "app/optimize_summary.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/number.hpp"
#include "core/scheduler.hpp"

namespace casebook::app {

namespace opt = core::optimizer;

namespace {

/// 2026-01-05 12:00 UTC: the instant of the first answer (any noon will do: UTC days).
constexpr core::TimestampMs kFirstAnswerMs = 1767614400000LL;

/// "1 day", "4 days".
std::string days_text(std::int64_t days) { return core::format_grouped(days) + (days == 1 ? " day" : " days"); }

/// The log-loss half of the verdict: its relative change in words, with the figures.
std::string log_loss_clause(const core::evaluate::Metrics& before, const core::evaluate::Metrics& after) {
  const std::string figures =
      " (log loss " + core::format_fixed(before.log_loss, 5) + " \u2192 " + core::format_fixed(after.log_loss, 5) + ")";
  const double change = before.log_loss > 0.0 ? 100.0 * (after.log_loss - before.log_loss) / before.log_loss : 0.0;
  const std::string amount = core::format_fixed(std::fabs(change), 1);
  std::string words;
  if (after.log_loss == before.log_loss) {
    words = "stays the same";
  } else if (amount == "0.0") {
    words = change < 0.0 ? "falls by less than 0.1 %" : "rises by less than 0.1 %";
  } else {
    words = (change < 0.0 ? "falls by " : "rises by ") + amount + " %";
  }
  return "their penalty for confident wrong predictions " + words + figures;
}

/// The RMSE half: how far the predicted chance of remembering is from what happened, in
/// percentage points.
std::string rmse_clause(const core::evaluate::Metrics& before, const core::evaluate::Metrics& after) {
  const std::string a = core::format_fixed(100.0 * after.rmse_bins, 1);
  const std::string b = core::format_fixed(100.0 * before.rmse_bins, 1);
  const std::string figures =
      " (RMSE (bins) " + core::format_fixed(before.rmse_bins, 4) + " \u2192 " + core::format_fixed(after.rmse_bins, 4) + ")";
  if (a == b) return "their predicted chance of remembering stays off by " + a + " percentage points on average" + figures;
  return "their predicted chance of remembering is off by " + a + " percentage points on average instead of " + b +
         figures;
}

/// The history sentence of a fit that went beyond the defaults.
std::string history_sentence(const ReviewLog& log, const opt::FitResult& fit) {
  std::string s = "This rests on " + core::format_grouped(static_cast<std::int64_t>(log.reviews)) + " reviews of " +
                  core::format_grouped(static_cast<std::int64_t>(log.cards)) + " cards, " +
                  core::format_grouped(static_cast<std::int64_t>(fit.training_items)) +
                  " of which were used to fit (a review is used when it comes on a later day than the card's "
                  "previous one, and unusual first intervals are left out).";
  if (fit.kind == opt::FitKind::PretrainOnly) {
    s += " With fewer than " + std::to_string(opt::kMinItemsForFullFit) +
         ", only how long a new card is remembered after its first answer (the initial stability, w0-w3) was "
         "fitted; the other 17 parameters stay at the defaults.";
  }
  return s;
}

/// The first-interval sentence of a better fit, or "" when the options make no scheduler.
std::string intervals_sentence(const ReviewLog& log, const opt::Weights& fitted, const core::StudyOptions& options) {
  std::array<std::int64_t, 4> before{}, after{};
  try {
    before = first_intervals(options, log.current);
    after = first_intervals(options, fitted);
  } catch (const std::invalid_argument&) {
    return "";
  }
  static const char* const kNames[] = {"Again", "Hard", "Good", "Easy"};
  std::string list;
  bool longer = false, shorter = false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (i > 0) list += ", ";
    list += std::string(kNames[i]) + " " + days_text(after[i]) + " (now " + core::format_grouped(before[i]) + ")";
    longer = longer || after[i] > before[i];
    shorter = shorter || after[i] < before[i];
  }
  const std::string direction = longer && shorter ? "some longer, some shorter"
                                : longer          ? "longer"
                                : shorter         ? "shorter"
                                                  : "the same as now";
  return "With the new parameters, a new card's first interval after its learning steps, at your desired retention "
         "of " +
         core::format_trimmed(100.0 * options.desired_retention, 1) + " %, becomes: " + list + "; " + direction + ".";
}

}  // namespace

std::array<std::int64_t, 4> first_intervals(const core::StudyOptions& options, const opt::Weights& weights) {
  core::StudyOptions o = options;
  o.weights.assign(weights.begin(), weights.end());
  core::SchedulerOptions so = core::to_scheduler_options(o);
  so.enable_fuzz = false;
  so.load_balance = false;
  so.clock = core::DayClock{"UTC", 0};
  const core::Scheduler scheduler(so);
  std::array<std::int64_t, 4> days{};
  for (int g = 1; g <= 4; ++g) {
    core::TimestampMs now = kFirstAnswerMs;
    core::ReviewResult r = scheduler.next(core::Scheduler::new_card(now), now, static_cast<core::Rating>(g));
    // Good at every learning step (each when due) until the card graduates; a step list is
    // short, the bound only guards against a scheduler that never graduates.
    for (int step = 0; step < 64 && r.card.state != core::CardState::Review; ++step) {
      now = std::max(now, r.card.due);
      r = scheduler.next(r.card, now, core::Rating::Good);
    }
    days[static_cast<std::size_t>(g - 1)] = r.card.scheduled_days;
  }
  return days;
}

std::vector<std::string> optimize_summary(const ReviewLog& log, const OptimizeOutcome& outcome,
                                          const core::StudyOptions& options) {
  std::vector<std::string> lines;
  const opt::FitResult& fit = outcome.fit;
  if (outcome.verdict == OptimizeVerdict::TooFewReviews) {
    lines.push_back("There is too little history to fit new parameters: " +
                    core::format_grouped(static_cast<std::int64_t>(fit.training_items)) + " of your " +
                    core::format_grouped(static_cast<std::int64_t>(log.reviews)) + " reviews can be used, and at least " +
                    std::to_string(opt::kMinItemsForAnyFit) + " are needed (" + std::to_string(opt::kMinItemsForFullFit) +
                    " to fit all 21 parameters). A review can be used when it comes on a later day than the card's "
                    "previous one.");
    lines.push_back("Keep your current parameters, and optimize again once you have more reviews.");
    return lines;
  }
  if (outcome.verdict == OptimizeVerdict::NoItems || !outcome.before || !outcome.after) {
    lines.push_back("None of your reviews can be used to judge the parameters yet: a review counts when it comes on "
                    "a later day than the card's previous one.");
    lines.push_back("Keep your current parameters.");
    return lines;
  }
  const bool better = outcome.verdict == OptimizeVerdict::Better;
  lines.push_back(std::string(better ? "Your reviews predict better with the new parameters: "
                                     : "The new parameters do not predict your reviews better: ") +
                  log_loss_clause(*outcome.before, *outcome.after) + ", and " +
                  rmse_clause(*outcome.before, *outcome.after) + ".");
  lines.push_back(history_sentence(log, fit));
  if (better) {
    if (std::string s = intervals_sentence(log, fit.weights, options); !s.empty()) lines.push_back(std::move(s));
  } else {
    lines.push_back("Keep your current parameters: nothing was changed.");
  }
  return lines;
}

}  // namespace casebook::app
