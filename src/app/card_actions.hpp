// Card actions (suspend, unsuspend, bury until tomorrow, reset to new, flag, report a
// problem), shared by the Browser, Card info and Study screens: each is one appended card
// event (storage::Progress::record_card_event), then the app's caches follow.
#pragma once
#include <string>

#include "app/actions.hpp"
#include "app/context.hpp"

namespace casebook::app {

/// Records `a` for `card_key` at ctx.now() and updates ctx.flags, ctx.states and ctx.marks.
/// A bury lasts until the start of the next study day in the learner's clock. Returns what
/// happened in words ("Suspended: the card is not shown in study until you unsuspend it.").
/// Throws std::invalid_argument (nothing recorded) for a report without a comment, a flag
/// outside 0..7 or a card no loaded bank has; storage::StorageError when the write fails.
std::string apply_card_action(AppContext& ctx, const ApplyCardAction& a, const std::string& card_key);

/// The storage kind of an action.
[[nodiscard]] storage::CardEventKind event_kind(CardActionKind k);

}  // namespace casebook::app
