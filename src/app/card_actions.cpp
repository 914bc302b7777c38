#include "app/card_actions.hpp"

#include <stdexcept>

#include "core/search.hpp"
#include "core/text.hpp"

namespace casebook::app {

storage::CardEventKind event_kind(CardActionKind k) {
  switch (k) {
    case CardActionKind::Suspend: return storage::CardEventKind::Suspend;
    case CardActionKind::Unsuspend: return storage::CardEventKind::Unsuspend;
    case CardActionKind::Bury: return storage::CardEventKind::Bury;
    case CardActionKind::Reset: return storage::CardEventKind::Reset;
    case CardActionKind::Flag: return storage::CardEventKind::Flag;
    case CardActionKind::Report: return storage::CardEventKind::Report;
  }
  return storage::CardEventKind::Flag;
}

std::string apply_card_action(AppContext& ctx, const ApplyCardAction& a, const std::string& card_key) {
  if (ctx.library.find(card_key) == nullptr) {
    throw std::invalid_argument("No loaded bank has the card \"" + card_key + "\"; choose a card in the list first.");
  }
  storage::CardEvent e;
  e.card_key = card_key;
  e.at = ctx.now();
  e.kind = event_kind(a.kind);
  e.note = std::string(core::trim_ascii_space(a.note));
  if (a.kind == CardActionKind::Flag) {
    if (a.flag < 0 || a.flag > 7) throw std::invalid_argument("A flag is a colour 1..7, or 0 to remove it.");
    e.flag = a.flag;
  }
  if (a.kind == CardActionKind::Report && core::is_blank(e.note)) {
    throw std::invalid_argument("Describe the problem with this question first (what is wrong, and where).");
  }
  if (a.kind == CardActionKind::Bury) {
    const core::DayClock& clock = ctx.clock();
    e.until = core::study_day_start(core::study_day(e.at, clock) + 1, clock);
  }
  ctx.progress.record_card_event(ctx.config.learner, e);

  const storage::CardEvent& stored = e;
  switch (a.kind) {
    case CardActionKind::Suspend:
    case CardActionKind::Unsuspend: {
      ctx.flags[card_key].suspended = a.kind == CardActionKind::Suspend;
      if (ctx.flags[card_key] == storage::CardFlags{}) ctx.flags.erase(card_key);
      if (a.kind == CardActionKind::Unsuspend && ctx.marks.count(card_key)) ctx.marks[card_key].buried_until.reset();
      return a.kind == CardActionKind::Suspend ? "Suspended: the card is not shown in study until you unsuspend it."
                                               : "Unsuspended: the card is studied again.";
    }
    case CardActionKind::Bury:
      ctx.marks[card_key].buried_until = stored.until;
      return "Buried until tomorrow (" + core::format_local_minutes(*stored.until, ctx.clock().time_zone) + ").";
    case CardActionKind::Reset:
      ctx.states.erase(card_key);
      if (ctx.marks.count(card_key)) ctx.marks[card_key].buried_until.reset();
      return "Reset: the card is new again (its review history is kept).";
    case CardActionKind::Flag:
      ctx.marks[card_key].flag = e.flag;
      ctx.marks[card_key].flag_note = e.flag == 0 ? std::string() : e.note;
      return e.flag == 0 ? "Flag removed." : "Flagged " + std::string(core::kFlagNames[e.flag]) + ".";
    case CardActionKind::Report:
      ++ctx.marks[card_key].reports;
      return "Problem reported: your comment is saved with the card for your instructor.";
  }
  return {};
}

}  // namespace casebook::app
