// The Card info screen's model: one card's question, answer and source, its schedule in plain
// words next to the FSRS numbers, its whole review history with the answers given, and the
// learner's card events (flags, suspensions, reports).
#pragma once
#include <string>

#include "app/context.hpp"
#include "app/views.hpp"

namespace casebook::app {

/// The Card info view of `card_key` at `t` (UTC ms), read from the loaded banks and the
/// database. A card no loaded bank has any more still shows its history. Throws
/// storage::StorageError when the database cannot be read.
[[nodiscard]] CardInfoView make_card_info(AppContext& ctx, const std::string& card_key, core::TimestampMs t);

/// The schedule of `s` at `t` in one or two plain sentences ("Due in 3 days, on 2026-12-08.
/// You would likely recall it now: 87 % chance."), `r` its retrievability at `t`.
[[nodiscard]] std::string schedule_in_words(const core::CardSchedule& s, double r, core::TimestampMs t,
                                            const core::DayClock& clock);

/// A card event in words for the Card info list ("2026-12-06 10:02 UTC: Flagged red: ask in class"; core::card_event_words).
[[nodiscard]] std::string event_in_words(const storage::CardEvent& e, const std::string& time_zone);

}  // namespace casebook::app
