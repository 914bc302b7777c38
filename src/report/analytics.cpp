// Report analytics: card counts by maturity, the true-retention table, daily activity, the
// due forecast, mastery by topic and the weakest cards (all pure, from ReportInput).
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>

#include "report/report.hpp"

namespace casebook::report {
namespace {

/// The study day of `t`, in UTC when the report's zone is unknown.
std::int64_t day_of(core::TimestampMs t, const core::DayClock& clock) {
  try {
    return core::study_day(t, clock);
  } catch (const std::exception&) {
    return core::study_day(t, core::DayClock{"UTC", clock.rollover_hour});
  }
}

struct Period {
  const char* name;
  std::int64_t days;  ///< reviews on days (today - days, today] count; 0 = all time
};
constexpr Period kPeriods[] = {{"today", 1},       {"yesterday", -1}, {"last_week", 7},
                               {"last_month", 30}, {"last_year", 365}, {"all_time", 0}};

bool in_period(const Period& p, std::int64_t day, std::int64_t today) {
  if (p.days == 0) return true;
  if (p.days < 0) return day == today - 1;
  return day <= today && day > today - p.days;
}

}  // namespace

Analytics analyze(const ReportInput& in) {
  Analytics a;
  const core::DayClock clock{in.time_zone, std::clamp(in.rollover_hour, 0, 23)};
  a.today = day_of(in.generated_at, clock);
  a.today_date = core::iso_date_of_day(a.today);
  a.forecast.assign(kForecastDays, 0);

  std::map<std::string, TopicMastery> topics;
  for (std::size_t i = 0; i < in.cards.size(); ++i) {
    const CardEntry& c = in.cards[i];
    const core::CardSchedule& s = c.schedule;
    if (c.retired) ++a.retired;
    if (s.state != core::CardState::New) ++a.seen;
    if (core::is_learning(s.state)) ++a.learning;
    if (s.state == core::CardState::Review) (s.scheduled_days >= kMatureDays ? a.mature : a.young)++;
    if (s.lapses > 0) a.weakest.push_back({i, s.lapses, s.lapses >= kLeechLapses});
    if (c.retired) continue;  // retired cards are never due again and belong to no topic
    if (s.state != core::CardState::New) {
      const std::int64_t ahead = std::max<std::int64_t>(0, day_of(s.due, clock) - a.today);
      if (ahead < kForecastDays) ++a.forecast[static_cast<std::size_t>(ahead)];
    }
    const std::vector<std::string> none{"(no topic)"};
    for (const std::string& t : c.topics.empty() ? none : c.topics) {
      TopicMastery& m = topics[t];
      m.topic = t;
      ++m.cards;
      m.mean_retrievability += c.retrievability;  // a sum until divided below
    }
  }
  for (auto& [name, m] : topics) {
    m.mean_retrievability /= m.cards;
    a.topics.push_back(m);
  }
  std::stable_sort(a.weakest.begin(), a.weakest.end(), [&](const WeakCard& x, const WeakCard& y) {
    if (x.lapses != y.lapses) return x.lapses > y.lapses;
    return in.cards[x.card].retrievability < in.cards[y.card].retrievability;
  });
  if (a.weakest.size() > static_cast<std::size_t>(kWeakestCards)) a.weakest.resize(kWeakestCards);

  for (const Period& p : kPeriods) a.retention.push_back({p.name, {}, {}});
  std::map<std::int64_t, DayActivity> days;
  for (const core::ReviewRecord& r : in.reviews) {
    const std::int64_t day = day_of(r.reviewed_at, clock);
    DayActivity& d = days[day];
    d.day = day;
    ++d.reviews;
    d.minutes += static_cast<double>(r.response_ms) / 60000.0;
    if (r.before.state != core::CardState::Review) continue;  // true retention: review cards only
    const bool pass = r.rating != core::Rating::Again;
    const bool mature = r.before.scheduled_days >= kMatureDays;
    for (std::size_t p = 0; p < std::size(kPeriods); ++p) {
      if (!in_period(kPeriods[p], day, a.today)) continue;
      RetentionCell& cell = mature ? a.retention[p].mature : a.retention[p].young;
      (pass ? cell.passed : cell.failed)++;
    }
  }
  for (auto& [day, d] : days) {
    d.date = core::iso_date_of_day(day);
    a.days.push_back(d);
  }
  return a;
}

}  // namespace casebook::report
