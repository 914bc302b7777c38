// Home's backlog offer and the spread (see backlog.hpp and docs/scheduling.md, "A way back
// from a backlog").
#include "app/backlog.hpp"

#include <algorithm>
#include <vector>

#include "core/backlog.hpp"
#include "core/session.hpp"

namespace casebook::app {

namespace {

std::string cards_text(int n) { return std::to_string(n) + (n == 1 ? " card" : " cards"); }

}  // namespace

BacklogView backlog_view(const AppContext& ctx, std::int64_t today, int due, int overdue) {
  BacklogView v;
  v.due = due;
  v.overdue = overdue;
  v.default_days = core::kBacklogDefaultDays;
  v.min_days = core::kBacklogMinDays;
  v.max_days = core::kBacklogMaxDays;
  if (const core::BacklogSpread* s = active_spread(ctx.spreads, today)) {
    int waiting = 0;
    for (const core::BacklogAssignment& a : s->cards) {
      const auto it = ctx.states.find(a.card_key);
      if (it != ctx.states.end() && it->second.last_review.value_or(0) < s->created_at) ++waiting;
    }
    v.active = "Catching up: day " + std::to_string(today - s->first_day + 1) + " of " + std::to_string(s->days) +
               "; " + std::to_string(waiting) + " of the " + cards_text(static_cast<int>(s->cards.size())) +
               " spread on " + core::iso_date_of_day(s->first_day) + " not reviewed yet" +
               (s->pause_new ? "; new cards paused." : "; new cards as usual.");
    return v;
  }
  v.offer = overdue >= core::kBacklogOfferMinimum;
  return v;
}

std::string spread_backlog(AppContext& ctx, int days, bool pause_new) {
  days = std::clamp(days, core::kBacklogMinDays, core::kBacklogMaxDays);
  const core::TimestampMs t = ctx.now();
  const StudyData data = ctx.data();
  const std::int64_t today = ctx.today();
  const core::Scheduler& learner = ctx.options.scheduler("");
  std::vector<core::BacklogCard> cards;
  int overdue = 0;
  for (const auto& [key, ref] : ctx.library.cards()) {
    if (out_of_study(data, key, today)) continue;
    const auto s = queue_schedule(data, key, today);
    if (core::classify_for_study(s, t, today, ctx.clock()) != core::StudyKind::Review) continue;
    if (learner.study_day_of(s->due) < today) ++overdue;
    cards.push_back({key, ctx.options.scheduler_for_card(key).retrievability(ctx.states.at(key), t)});
  }
  if (cards.empty()) return "Nothing to spread: no review is due.";
  core::BacklogSpread spread;
  spread.created_at = t;
  spread.first_day = today;
  spread.days = days;
  spread.overdue = overdue;
  spread.pause_new = pause_new;
  spread.cards = core::spread_backlog(std::move(cards), days);
  spread.id = ctx.progress.add_backlog_spread(ctx.config.learner, spread);
  const int total = static_cast<int>(spread.cards.size());
  const int first = core::backlog_cards_per_day(total, days).front();
  const int rest = (total - first + (days - 1) / 2) / (days - 1);  // the other days' mean, rounded
  ctx.load_spreads();
  ctx.refresh_load();
  return "Spread " + cards_text(total) + " over " + std::to_string(days) + " days, most at risk first: " +
         std::to_string(first) + " today, then about " + std::to_string(rest) + " a day" +
         (pause_new ? "; no new cards until then." : "; new cards as usual.");
}

}  // namespace casebook::app
