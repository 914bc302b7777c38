// The series behind the report charts (internal to report), shared by the HTML (SVG) and PDF
// (cairo) writers so that both draw the same numbers.
#pragma once
#include <string>
#include <vector>

#include "report/figures.hpp"

namespace casebook::report::detail {

/// One bar chart: a value per bar, its label ("MM-DD") and a tooltip line.
struct Series {
  std::string caption;
  std::vector<std::string> labels;
  std::vector<double> values;
  std::vector<std::string> tips;
};

/// Reviews per study day over the 30 days up to the period's end (oldest first).
[[nodiscard]] Series reviews_per_day(const Figures& f);
/// Minutes per study day over the same 30 days.
[[nodiscard]] Series minutes_per_day(const Figures& f);
/// Cards due per day over the next kForecastDays days (today includes overdue cards).
[[nodiscard]] Series due_per_day(const Figures& f);

/// `fraction` as a percentage with one decimal and a no-break space: 0.5 -> "50.0 %".
[[nodiscard]] std::string percent(double fraction);
/// "correct / answered (percent)", or "—" when nothing was answered.
[[nodiscard]] std::string attempts_text(const Attempts& a);

}  // namespace casebook::report::detail
