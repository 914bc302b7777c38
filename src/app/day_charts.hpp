// The per-day charts of two simulation runs side by side (A and B), as the workload simulator
// and the exam plan show them (ui/charts.hpp draws them): reviews, minutes and the expected
// retention of the cards started so far, for each simulated day.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "app/views.hpp"
#include "core/simulator.hpp"

namespace casebook::app {

/// What a per-day chart shows.
enum class DayChartKind {
  Reviews,    ///< due cards answered that day (new cards not counted), "reviews per day"
  Minutes,    ///< minutes of study that day, "minutes per day"
  Retention,  ///< the mean chance of recall of the cards started so far at the day's end, "% retention" (0-100)
};

/// The charts of `kind` for runs `a` (column A) and `b` (column B): titled "<title>, <column>",
/// one bar per simulated day labelled "day N" (day 1 = `start_day`, a study day), its tip
/// "Day 12, 2025-01-12: 143 reviews (9 forgotten)", and one value axis for both (Chart::top: the
/// larger peak; 100 for retention).
[[nodiscard]] std::array<Chart, 2> day_charts(DayChartKind kind, const core::SimulationResult& a,
                                              const core::SimulationResult& b, const std::array<std::string, 2>& columns,
                                              std::int64_t start_day);

}  // namespace casebook::app
