// Even days and lighter days: the number of cards due per study day (a read-only view the app
// keeps up to date) and the load balancer that moves a Review card to the least-loaded day of
// its fuzz range, counting light weekdays as smaller days. Pure and deterministic: no I/O.
#pragma once
#include <array>
#include <cstdint>
#include <map>

namespace casebook::core {

/// Cards due per study day (the study-day index of core::study_day). Counts are kept by the
/// caller as cards are scheduled (add the new day, remove the old one), so a lookup costs
/// O(log days) and nothing is rescanned per rating.
class DueLoad {
 public:
  /// Adds `n` cards (negative: removes) on study day `day`; a day's count never goes below 0.
  void add(std::int64_t day, int n = 1);
  /// Cards due on study day `day` (0 for a day never added).
  [[nodiscard]] int count(std::int64_t day) const;
  /// Cards counted over all days.
  [[nodiscard]] long long total() const { return m_total; }
  /// Days with at least one card, in order (day -> count).
  [[nodiscard]] const std::map<std::int64_t, int>& days() const { return m_days; }

 private:
  std::map<std::int64_t, int> m_days;
  long long m_total = 0;
};

/// A day's share of a normal day's reviews, by ISO weekday: index 0 = Monday ... 6 = Sunday.
/// 1 is a normal day; a light day has the learner's light fraction (0 = keep the day free
/// whenever the range allows it).
using WeekdayCapacity = std::array<double, 7>;

/// Every weekday normal.
inline constexpr WeekdayCapacity kEvenWeek = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};

/// An inclusive range of intervals in days.
struct DayRange {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

/// The fuzz range of `interval` days (ts-fsrs 5.4.2 `get_fuzz_range`, as fuzz_interval):
/// delta = 1 + 0.15 * overlap(I, [2.5, 7)) + 0.10 * overlap(I, [7, 20)) + 0.05 * overlap(I,
/// [20, inf)); the range is [max(2, round(I - delta)), min(round(I + delta), maximum_interval)]
/// (lo lowered to hi if it passes it). Intervals below 2.5 days have no range: {I, I}.
/// Examples: 10 -> {8, 12}; 100 -> {93, 107}.
[[nodiscard]] DayRange fuzz_range(std::int64_t interval, std::int64_t maximum_interval);

/// The load balancer's choice for a Review card scheduled on study day `today`: the interval
/// t in `range` whose day (today + t) has the least load relative to its capacity, i.e. the
/// smallest (cards due + 1) / capacity of its weekday (a day of capacity 0 only when every day
/// of the range has capacity 0, then the fewest cards); ties go to the t nearest `preferred`
/// (the fuzzed interval, or the FSRS interval when fuzz is off), then to the earlier day.
/// So an empty load gives `preferred` back, and the same load and interval always give the
/// same day. Anki 24.11 draws a day at random with weights (1/cards)^2 / interval (see
/// docs/scheduling.md); Casebook takes the least-loaded day, deterministically.
[[nodiscard]] std::int64_t balance_interval(DayRange range, std::int64_t preferred, std::int64_t today,
                                            const DueLoad& load, const WeekdayCapacity& capacity);

}  // namespace casebook::core
