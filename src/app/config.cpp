#include "app/config.hpp"

#include <exception>

#include "core/citation.hpp"

namespace casebook::app {

core::SchedulerOptions default_scheduler_options() {
  core::SchedulerOptions o;
  o.clock.time_zone = core::local_time_zone_name();
  o.clock.rollover_hour = 4;
  try {
    (void)core::study_day(0, o.clock);  // a zone the tz database does not know: fall back to UTC
  } catch (const std::exception&) {
    o.clock.time_zone = "UTC";
  }
  return o;
}

core::StudyOptions base_study_options(const AppConfig& config) {
  core::StudyOptions o;
  const core::SchedulerOptions& s = config.scheduler;
  o.desired_retention = s.desired_retention;
  o.learning_steps_minutes = s.learning_steps_minutes;
  o.relearning_steps_minutes = s.relearning_steps_minutes;
  o.maximum_interval_days = s.maximum_interval;
  o.fuzz = s.enable_fuzz;
  o.rollover_hour = s.clock.rollover_hour;
  o.time_zone = s.clock.time_zone == core::local_time_zone_name() ? std::string() : s.clock.time_zone;
  if (s.weights != core::kDefaultWeights) o.weights.assign(s.weights.begin(), s.weights.end());
  o.new_cards_per_day = config.new_cards_per_day;
  o.max_reviews_per_day = config.max_reviews_per_day;
  return o;
}

core::TimestampMs now(const AppConfig& config) { return config.clock ? config.clock() : core::now_ms(); }

std::string format_citation(const core::Source& source, const std::vector<int>& paragraphs) {
  return core::locator_citation(source, paragraphs);
}

}  // namespace casebook::app
