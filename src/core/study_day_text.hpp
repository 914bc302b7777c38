// The phrase that explains a study day wherever one is named beside a clock time.
#pragma once
#include <string>

#include "core/time.hpp"

namespace casebook::core {

/// "a study day begins at 04:00": when a study day (core::study_day) begins, local time, for
/// card info, the Statistics header and report warnings, where a study-day date can differ from
/// the calendar date of a moment before the rollover hour.
[[nodiscard]] inline std::string study_day_begins(const DayClock& clock) {
  return "a study day begins at " + std::string(clock.rollover_hour < 10 ? "0" : "") +
         std::to_string(clock.rollover_hour) + ":00";
}

}  // namespace casebook::core
