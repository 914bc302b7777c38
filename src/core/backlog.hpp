// A way back from a backlog: the due Review cards spread over N study days, most at-risk
// (lowest retrievability) first, and the record of that choice. Pure: no I/O.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace casebook::core {

/// Overdue Review cards (due on an earlier study day) from which Home offers a spread.
inline constexpr int kBacklogOfferMinimum = 10;
/// The spread Home proposes, and the range a learner may choose.
inline constexpr int kBacklogDefaultDays = 7;
inline constexpr int kBacklogMinDays = 2;
inline constexpr int kBacklogMaxDays = 30;

/// A due Review card and its retrievability now.
struct BacklogCard {
  std::string card_key;
  double retrievability = 0.0;
};

/// Where a spread put one card: day_offset 0 = the day the spread was made.
struct BacklogAssignment {
  std::string card_key;
  int day_offset = 0;
  friend bool operator==(const BacklogAssignment&, const BacklogAssignment&) = default;
};

/// A spread as recorded (storage keeps one row per spread and one per card).
struct BacklogSpread {
  std::int64_t id = 0;            ///< storage row id (0 before it is stored)
  TimestampMs created_at = 0;     ///< UTC ms; a card reviewed since then is no longer held back
  std::int64_t first_day = 0;     ///< study-day index (local date) of day_offset 0
  int days = 0;                   ///< N
  int overdue = 0;                ///< of the cards, those due on an earlier day than first_day
  bool pause_new = false;         ///< no new cards during the N days (the learner's choice)
  std::vector<BacklogAssignment> cards;
};

/// Spreads `cards` over `days` days (clamped to 1..kBacklogMaxDays): sorted by retrievability,
/// lowest first (ties: card key), card i of M goes to day floor(i * days / M), so day k takes
/// ceil((k + 1) * M / days) - ceil(k * M / days) cards and the earlier days any extra one.
/// 10 cards over 3 days: 4, 3, 3; 2 cards over 7 days: days 0 and 3. The result is in that order.
[[nodiscard]] std::vector<BacklogAssignment> spread_backlog(std::vector<BacklogCard> cards, int days);

/// The number of cards on each day of a spread of `cards` over `days` days (as spread_backlog).
[[nodiscard]] std::vector<int> backlog_cards_per_day(int cards, int days);

}  // namespace casebook::core
