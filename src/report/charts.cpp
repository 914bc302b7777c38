// Chart series and number texts shared by the HTML and PDF reports.
#include "report/charts.hpp"

#include <algorithm>

#include "core/number.hpp"
#include "core/text.hpp"

namespace casebook::report::detail {
namespace {

constexpr int kActivityDays = 30;

/// The activity of the 30 study days up to the period's end; `pick` chooses reviews or minutes.
template <typename Pick>
Series activity(const Figures& f, std::string caption, Pick pick) {
  Series s;
  s.caption = std::move(caption);
  auto it = std::lower_bound(f.days.begin(), f.days.end(), f.as_of_day - (kActivityDays - 1),
                             [](const DayActivity& d, std::int64_t day) { return d.day < day; });
  for (std::int64_t day = f.as_of_day - (kActivityDays - 1); day <= f.as_of_day; ++day) {
    const bool has = it != f.days.end() && it->day == day;
    const DayActivity none{day, {}, 0, 0, 0.0};
    const auto [value, tip] = pick(has ? *it : none);
    const std::string date = core::iso_date_of_day(day);
    s.labels.push_back(date.substr(5));
    s.values.push_back(value);
    s.tips.push_back(date + ": " + tip);
    if (has) ++it;
  }
  return s;
}

}  // namespace

Series reviews_per_day(const Figures& f) {
  return activity(f, "Reviews per day (last 30 days)", [](const DayActivity& d) {
    return std::pair{static_cast<double>(d.reviews), core::counted(static_cast<std::size_t>(d.reviews), "review") + ", " +
                                                         std::to_string(d.correct) + " correct"};
  });
}

Series minutes_per_day(const Figures& f) {
  return activity(f, "Minutes per day (last 30 days)", [](const DayActivity& d) {
    return std::pair{d.minutes, core::format_fixed(d.minutes, 1) + " minutes"};
  });
}

Series due_per_day(const Figures& f) {
  Series s;
  s.caption = "Reviews due per day, next " + std::to_string(kForecastDays) + " days (today includes overdue cards)";
  for (std::size_t i = 0; i < f.forecast.size(); ++i) {
    const std::string date = core::iso_date_of_day(f.today + static_cast<std::int64_t>(i));
    s.labels.push_back(date.substr(5));
    s.values.push_back(f.forecast[i]);
    s.tips.push_back(date + ": " + std::to_string(f.forecast[i]) + " due" + (i == 0 ? " (with overdue)" : ""));
  }
  return s;
}

std::string percent(double fraction) { return core::format_fixed(fraction * 100.0, 1) + "\u00A0%"; }

std::string attempts_text(const Attempts& a) {
  if (a.answered == 0) return "\u2014";
  return std::to_string(a.correct) + " / " + std::to_string(a.answered) + " (" + percent(a.accuracy()) + ")";
}

}  // namespace casebook::report::detail
