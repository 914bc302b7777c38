// Spreading a backlog over N days (see backlog.hpp and docs/scheduling.md, "A way back from a
// backlog").
#include "core/backlog.hpp"

#include <algorithm>

namespace casebook::core {

std::vector<BacklogAssignment> spread_backlog(std::vector<BacklogCard> cards, int days) {
  days = std::clamp(days, 1, kBacklogMaxDays);
  std::stable_sort(cards.begin(), cards.end(), [](const BacklogCard& a, const BacklogCard& b) {
    if (a.retrievability != b.retrievability) return a.retrievability < b.retrievability;
    return a.card_key < b.card_key;
  });
  std::vector<BacklogAssignment> out;
  out.reserve(cards.size());
  const auto m = static_cast<long long>(cards.size());
  for (long long i = 0; i < m; ++i) {
    out.push_back({std::move(cards[static_cast<std::size_t>(i)].card_key), static_cast<int>(i * days / m)});
  }
  return out;
}

std::vector<int> backlog_cards_per_day(int cards, int days) {
  days = std::clamp(days, 1, kBacklogMaxDays);
  cards = std::max(0, cards);
  std::vector<int> out(static_cast<std::size_t>(days), 0);
  for (long long i = 0; i < cards; ++i) ++out[static_cast<std::size_t>(i * days / cards)];
  return out;
}

}  // namespace casebook::core
