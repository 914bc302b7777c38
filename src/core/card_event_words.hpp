// The words for what a learner did to a card outside reviews (a card event: flag, problem
// report, suspend, unsuspend, bury, reset; an answer change), shared by the card info screen
// and every report format, so they all say the same thing.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace casebook::core {

/// What the card event of kind `kind` ("flag", "report", "suspend", "unsuspend", "bury",
/// "reset", "answer_changed"; storage's names) did, in words: "Flagged red" (flag 1..7,
/// kFlagNames), "Flag removed" (flag 0), "Problem reported", "Suspended", "Unsuspended",
/// "Buried until the next study day", "Reset to new", "Back to relearning". An unknown kind
/// is returned as it is. The note or comment is not included.
[[nodiscard]] std::string card_event_words(std::string_view kind, int flag);

/// A duration as "12 min 05 s" (whole seconds, rounded down; a negative one as "0 min 00 s"),
/// for exam times.
[[nodiscard]] std::string format_minutes_seconds(std::int64_t ms);

}  // namespace casebook::core
