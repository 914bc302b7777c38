// The optimizer's result in plain sentences (issue 12, "Display"): whether the fitted
// parameters predict the learner's reviews better, by how much in words with the terms beside
// them (log loss, RMSE (bins)), how much history the fit rests on, what applying changes for a
// new card's first interval, and the advice to keep the current parameters when the data is
// too little or the fit is not better. Shared by the Optimize screen and `casebook optimize`.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "app/optimize.hpp"
#include "core/options.hpp"

namespace casebook::app {

/// The first interval, in whole days, of a new card answered Again, Hard, Good and Easy
/// (index 0..3) and then Good at each of its learning steps until it graduates: the real
/// core::Scheduler with `options` (learning steps, desired retention, maximum interval) and
/// `weights`, fuzz and load balancing off, on UTC days starting at 00:00, the first answer at
/// noon. Throws std::invalid_argument when the options do not make a scheduler.
[[nodiscard]] std::array<std::int64_t, 4> first_intervals(const core::StudyOptions& options,
                                                          const core::optimizer::Weights& weights);

/// The summary of a finished fit as sentences, in this order: the verdict with both figures
/// (log loss as a relative change in %, RMSE (bins) in percentage points of recall), the
/// history it rests on (reviews, cards, items used), for a better fit the first intervals
/// before -> after at the desired retention of `options` (first_intervals with log.current and
/// the fitted weights), and otherwise the advice to keep the current parameters. `options`
/// gives the learning steps and the desired retention (their weights are ignored).
[[nodiscard]] std::vector<std::string> optimize_summary(const ReviewLog& log, const OptimizeOutcome& outcome,
                                                        const core::StudyOptions& options);

}  // namespace casebook::app
