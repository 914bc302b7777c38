// Card-event words and exam durations (see card_event_words.hpp).
#include "core/card_event_words.hpp"

#include <algorithm>

#include "core/search.hpp"

namespace casebook::core {

std::string card_event_words(std::string_view kind, int flag) {
  if (kind == "flag") {
    return flag == 0 ? "Flag removed" : "Flagged " + std::string(kFlagNames[std::clamp(flag, 0, 7)]);
  }
  if (kind == "report") return "Problem reported";
  if (kind == "suspend") return "Suspended";
  if (kind == "unsuspend") return "Unsuspended";
  if (kind == "bury") return "Buried until the next study day";
  if (kind == "reset") return "Reset to new";
  if (kind == "answer_changed") return "Back to relearning";
  return std::string(kind);
}

std::string format_minutes_seconds(std::int64_t ms) {
  const std::int64_t s = std::max<std::int64_t>(0, ms / 1000);
  const std::int64_t sec = s % 60;
  return std::to_string(s / 60) + " min " + (sec < 10 ? "0" : "") + std::to_string(sec) + " s";
}

}  // namespace casebook::core
