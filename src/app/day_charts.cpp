#include "app/day_charts.hpp"

#include <algorithm>

#include "core/number.hpp"
#include "core/time.hpp"

namespace casebook::app {
namespace {

/// A day's value on a chart of `kind`.
float day_value(const core::SimulationDay& d, DayChartKind kind) {
  switch (kind) {
    case DayChartKind::Reviews: return static_cast<float>(d.reviews);
    case DayChartKind::Minutes: return static_cast<float>(d.seconds / 60.0);
    default: return d.introduced == 0 ? 0.0f : static_cast<float>(100.0 * d.memorized / d.introduced);
  }
}

/// The line shown for a focused or pointed day: "Day 12, 2025-01-12: 143 reviews (9 forgotten)".
std::string day_tip(const core::SimulationDay& d, DayChartKind kind, std::int64_t start_day) {
  const std::string head =
      "Day " + std::to_string(d.day + 1) + ", " + core::iso_date_of_day(start_day + d.day) + ": ";
  switch (kind) {
    case DayChartKind::Reviews:
      return head + std::to_string(d.reviews) + (d.reviews == 1 ? " review" : " reviews") + " (" +
             std::to_string(d.lapses) + " forgotten)";
    case DayChartKind::Minutes: return head + core::format_fixed(d.seconds / 60.0, 1) + " minutes";
    default:
      return head + core::format_fixed(day_value(d, kind), 1) + " % expected retention of the " +
             std::to_string(d.introduced) + (d.introduced == 1 ? " card" : " cards") + " started so far";
  }
}

}  // namespace

std::array<Chart, 2> day_charts(DayChartKind kind, const core::SimulationResult& a, const core::SimulationResult& b,
                                const std::array<std::string, 2>& columns, std::int64_t start_day) {
  static const char* const kTitles[] = {"Reviews per day", "Minutes per day", "Expected retention"};
  static const char* const kUnits[] = {"reviews per day", "minutes per day", "% retention"};
  static const char* const kExplanations[] = {
      "How many due cards the simulated learner answers each day (new cards not counted).",
      "Minutes of study each day: first sessions of new cards and reviews.",
      "The average chance of recalling each card started so far, at the end of each day."};
  const auto k = static_cast<std::size_t>(kind);
  std::array<Chart, 2> charts;
  float top = kind == DayChartKind::Retention ? 100.0f : 0.0f;
  for (std::size_t column = 0; column < 2; ++column) {
    Chart& c = charts[column];
    c.title = std::string(kTitles[k]) + ", " + columns[column];
    c.explanation = kExplanations[k];
    c.unit = kUnits[k];
    c.x_axis = "days from today (day 1 is today)";
    for (const core::SimulationDay& d : (column == 0 ? a : b).days) {
      c.values.push_back(day_value(d, kind));
      c.labels.push_back("day " + std::to_string(d.day + 1));
      c.tips.push_back(day_tip(d, kind, start_day));
      top = std::max(top, c.values.back());
    }
  }
  for (Chart& c : charts) c.top = top;  // one value axis for A and B
  return charts;
}

}  // namespace casebook::app
