// The due load per study day and the load balancer (see load_balance.hpp and
// docs/scheduling.md, "Even days and lighter days").
#include "core/load_balance.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/fsrs.hpp"
#include "core/time.hpp"

namespace casebook::core {

void DueLoad::add(std::int64_t day, int n) {
  if (n == 0) return;
  auto it = m_days.find(day);
  const int before = it == m_days.end() ? 0 : it->second;
  const int after = std::max(0, before + n);
  m_total += after - before;
  if (after == 0) {
    if (it != m_days.end()) m_days.erase(it);
  } else if (it == m_days.end()) {
    m_days.emplace(day, after);
  } else {
    it->second = after;
  }
}

int DueLoad::count(std::int64_t day) const {
  const auto it = m_days.find(day);
  return it == m_days.end() ? 0 : it->second;
}

DayRange fuzz_range(std::int64_t interval, std::int64_t maximum_interval) {
  const auto ivl = static_cast<double>(interval);
  if (ivl < 2.5) return {interval, interval};
  // ts-fsrs 5.4.2 constant.ts FUZZ_RANGES: [start, end) and the factor applied to the overlap.
  struct Range {
    double start, end, factor;
  };
  static constexpr std::array<Range, 3> kRanges{{{2.5, 7.0, 0.15}, {7.0, 20.0, 0.1}, {20.0, 1e18, 0.05}}};
  double delta = 1.0;
  for (const Range& r : kRanges) {
    delta += r.factor * std::max(std::min(ivl, r.end) - r.start, 0.0);
  }
  const auto rounded = [](double x) { return static_cast<std::int64_t>(fsrs::js_round(x)); };
  const std::int64_t hi = std::min<std::int64_t>(rounded(ivl + delta), maximum_interval);
  const std::int64_t lo = std::min(std::max<std::int64_t>(2, rounded(ivl - delta)), hi);
  return {lo, hi};
}

std::int64_t balance_interval(DayRange range, std::int64_t preferred, std::int64_t today, const DueLoad& load,
                              const WeekdayCapacity& capacity) {
  if (range.hi <= range.lo) return range.lo;
  // A day's cost: (blocked, load). Days of capacity 0 are blocked; among blocked days only the
  // count matters (used when the whole range is blocked).
  struct Cost {
    bool blocked;
    double load;
  };
  const auto cost_of = [&](std::int64_t t) {
    const std::int64_t day = today + t;
    const double cap = capacity[static_cast<std::size_t>(iso_weekday_of_day(day) - 1)];
    const int cards = load.count(day);
    if (!(cap > 0.0)) return Cost{true, static_cast<double>(cards)};
    return Cost{false, (cards + 1.0) / cap};
  };
  std::int64_t best = range.lo;
  Cost best_cost = cost_of(best);
  for (std::int64_t t = range.lo + 1; t <= range.hi; ++t) {
    const Cost c = cost_of(t);
    bool better = false;
    if (c.blocked != best_cost.blocked) {
      better = !c.blocked;
    } else if (c.load != best_cost.load) {
      better = c.load < best_cost.load;
    } else {
      better = std::llabs(t - preferred) < std::llabs(best - preferred);  // equal distance: keep the earlier
    }
    if (better) {
      best = t;
      best_cost = c;
    }
  }
  return best;
}

}  // namespace casebook::core
