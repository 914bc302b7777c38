// Study options: validation, text form, and the mapping onto SchedulerOptions / SessionRules.
#include "core/options.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <type_traits>

#include "core/number.hpp"

namespace casebook::core {

namespace {

constexpr double kMinRetention = 0.70;
constexpr double kMaxRetention = 0.99;
constexpr int kMaxNewPerDay = 9999;
constexpr int kMaxReviewsPerDay = 99999;
constexpr int kMaxStepMinutes = 43200;  // 30 days
constexpr std::size_t kMaxSteps = 10;
constexpr std::int64_t kMaxIntervalDays = 36500;
constexpr int kMaxLeechThreshold = 99;
constexpr int kMaxLearnAheadMinutes = 1440;
constexpr double kMaxLightFraction = 0.9;
constexpr std::array<std::string_view, 7> kWeekdayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kWeekdayFullNames = {"monday", "tuesday", "wednesday", "thursday",
                                                                "friday", "saturday", "sunday"};

/// An id character of bank-format ids (docs/bank-format.md): ASCII letters, digits, '-', '_', '.'.
bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

/// A word of exam_scope: "<bank id>" or "<bank id>/<topic id>", both non-empty ids.
bool valid_scope_word(const std::string& w) {
  const auto slash = w.find('/');
  const std::string bank = w.substr(0, slash);
  const std::string topic = slash == std::string::npos ? "x" : w.substr(slash + 1);
  const auto ids = [](const std::string& id) { return !id.empty() && std::all_of(id.begin(), id.end(), is_id_char); };
  return ids(bank) && ids(topic);
}

std::string join_ints(const std::vector<int>& v) {
  std::string out;
  for (const int x : v) {
    if (!out.empty()) out += ' ';
    out += std::to_string(x);
  }
  return out;
}

std::string join_words(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& w : v) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::optional<long long> parse_int(const std::string& text) {
  long long v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc{} || ptr != end || text.empty()) return std::nullopt;
  return v;
}

std::optional<int> parse_int32(const std::string& text) {
  const auto v = parse_int(text);
  if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<bool> parse_switch(const std::string& text) {
  if (text == "on" || text == "true" || text == "1") return true;
  if (text == "off" || text == "false" || text == "0") return false;
  return std::nullopt;
}

/// Space- or comma-separated words of `text`.
std::vector<std::string> words(const std::string& text) {
  std::string spaced = text;
  std::replace(spaced.begin(), spaced.end(), ',', ' ');
  std::istringstream in(spaced);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

void check_steps(const std::vector<int>& steps, const char* field, std::vector<OptionProblem>& out) {
  if (steps.size() > kMaxSteps) {
    out.push_back({field, "at most " + std::to_string(kMaxSteps) + " steps, got " + std::to_string(steps.size())});
  }
  for (const int m : steps) {
    if (m < 1 || m > kMaxStepMinutes) {
      out.push_back({field, "each step must be between 1 and " + std::to_string(kMaxStepMinutes) +
                                " minutes, got " + std::to_string(m)});
      return;
    }
  }
}

template <typename T>
void check_range(T value, T lo, T hi, const char* field, const char* unit, std::vector<OptionProblem>& out) {
  if (value < lo || value > hi) {
    out.push_back({field, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + unit +
                              ", got " + std::to_string(value)});
  }
}

bool known_zone(const std::string& name) {
  try {
    (void)study_day(0, DayClock{name, 0});
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

std::string_view to_string(ReviewOrder order) {
  switch (order) {
    case ReviewOrder::LowestRetrievability: return "lowest_retrievability";
    case ReviewOrder::EarliestDue: return "earliest_due";
    case ReviewOrder::Random: return "random";
  }
  return "lowest_retrievability";
}

std::string_view to_string(LeechAction action) {
  return action == LeechAction::TagAndSuspend ? "tag_and_suspend" : "tag";
}

std::string_view to_string(AfterExam after) { return after == AfterExam::Stop ? "stop" : "resume"; }

std::string light_weekdays_text(const std::array<bool, 7>& days) {
  std::string out;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (!days[i]) continue;
    if (!out.empty()) out += ' ';
    out += kWeekdayNames[i];
  }
  return out;
}

std::vector<OptionProblem> validate(const StudyOptions& o) {
  std::vector<OptionProblem> out;
  if (!(o.desired_retention >= kMinRetention && o.desired_retention <= kMaxRetention)) {
    out.push_back({"desired_retention", "must be between 0.70 and 0.99, got " + format_shortest(o.desired_retention)});
  }
  check_range(o.new_cards_per_day, 0, kMaxNewPerDay, "new_cards_per_day", "", out);
  check_range(o.max_reviews_per_day, 0, kMaxReviewsPerDay, "max_reviews_per_day", "", out);
  check_steps(o.learning_steps_minutes, "learning_steps", out);
  check_steps(o.relearning_steps_minutes, "relearning_steps", out);
  check_range<std::int64_t>(o.maximum_interval_days, 1, kMaxIntervalDays, "maximum_interval", " days", out);
  check_range(o.rollover_hour, 0, 23, "rollover_hour", "", out);
  if (!o.time_zone.empty() && !known_zone(o.time_zone)) {
    out.push_back({"time_zone", "must be empty (the system's zone) or an IANA name the tz database knows, "
                                "e.g. Europe/Berlin; got \"" + o.time_zone + "\""});
  }
  check_range(o.leech_threshold, 1, kMaxLeechThreshold, "leech_threshold", " lapses", out);
  check_range(o.learn_ahead_minutes, 0, kMaxLearnAheadMinutes, "learn_ahead_minutes", " minutes", out);
  if (!o.weights.empty()) {
    const bool finite = std::all_of(o.weights.begin(), o.weights.end(), [](double w) { return std::isfinite(w); });
    if (o.weights.size() != kDefaultWeights.size() || !finite) {
      out.push_back({"weights", "must be empty (the FSRS-6 defaults) or 21 finite numbers, got " +
                                    std::to_string(o.weights.size()) + (finite ? "" : " with a non-finite one")});
    }
  }
  if (!(o.exam_retention >= kMinRetention && o.exam_retention <= kMaxRetention)) {
    out.push_back({"exam_retention", "must be between 0.70 and 0.99, got " + format_shortest(o.exam_retention)});
  }
  for (const std::string& w : o.exam_scope) {
    if (!valid_scope_word(w)) {
      out.push_back({"exam_scope", "each word must be a bank id or <bank id>/<topic id> (letters, digits, '-', "
                                   "'_', '.'), got \"" + w + "\""});
      break;
    }
  }
  if (!(o.light_fraction >= 0.0 && o.light_fraction <= kMaxLightFraction)) {
    out.push_back({"light_fraction", "must be between 0 and 0.9, got " + format_shortest(o.light_fraction)});
  }
  return out;
}

std::string effective_time_zone(const StudyOptions& o) {
  return o.time_zone.empty() ? local_time_zone_name() : o.time_zone;
}

DayClock day_clock(const StudyOptions& o) { return DayClock{effective_time_zone(o), o.rollover_hour}; }

SchedulerOptions to_scheduler_options(const StudyOptions& o) {
  if (const auto problems = validate(o); !problems.empty()) {
    throw std::invalid_argument("invalid study option " + problems.front().field + ": " + problems.front().message);
  }
  SchedulerOptions s;
  if (!o.weights.empty()) std::copy(o.weights.begin(), o.weights.end(), s.weights.begin());
  s.desired_retention = o.desired_retention;
  s.maximum_interval = o.maximum_interval_days;
  s.enforce_maximum_interval = true;
  s.learning_steps_minutes = o.learning_steps_minutes;
  s.relearning_steps_minutes = o.relearning_steps_minutes;
  s.enable_fuzz = o.fuzz;
  s.load_balance = o.load_balance;
  for (std::size_t i = 0; i < o.light_days.size(); ++i) s.day_capacity[i] = o.light_days[i] ? o.light_fraction : 1.0;
  s.clock = day_clock(o);
  return s;
}

std::optional<ExamTarget> exam_target(const StudyOptions& o) {
  if (!o.exam_day) return std::nullopt;
  return ExamTarget{*o.exam_day, o.exam_retention};
}

SessionRules to_session_rules(const StudyOptions& o) {
  SessionRules r;
  r.review_order = o.review_order;
  r.learn_ahead_ms = static_cast<TimestampMs>(std::clamp(o.learn_ahead_minutes, 0, kMaxLearnAheadMinutes)) * kMsPerMinute;
  r.bury_siblings = o.bury_siblings;
  return r;
}

SessionLimits daily_limits(const StudyOptions& learner, const DoneToday& done,
                           const std::map<std::string, StudyOptions>& banks,
                           const std::map<std::string, DoneToday>& done_by_bank) {
  SessionLimits l;
  l.new_cards = std::max(0, learner.new_cards_per_day - done.new_cards);
  l.reviews = std::max(0, learner.max_reviews_per_day - done.reviews);
  for (const auto& [id, o] : banks) {
    const auto it = done_by_bank.find(id);
    const DoneToday d = it == done_by_bank.end() ? DoneToday{} : it->second;
    l.group_new_cards[id] = std::max(0, o.new_cards_per_day - d.new_cards);
    l.group_reviews[id] = std::max(0, o.max_reviews_per_day - d.reviews);
  }
  return l;
}

std::vector<std::pair<std::string, std::string>> to_key_values(const StudyOptions& o) {
  std::string weights;
  for (const double w : o.weights) {
    if (!weights.empty()) weights += ' ';
    weights += format_shortest(w);
  }
  return {
      {"desired_retention", format_shortest(o.desired_retention)},
      {"new_cards_per_day", std::to_string(o.new_cards_per_day)},
      {"max_reviews_per_day", std::to_string(o.max_reviews_per_day)},
      {"learning_steps", join_ints(o.learning_steps_minutes)},
      {"relearning_steps", join_ints(o.relearning_steps_minutes)},
      {"maximum_interval", std::to_string(o.maximum_interval_days)},
      {"rollover_hour", std::to_string(o.rollover_hour)},
      {"time_zone", o.time_zone},
      {"fuzz", o.fuzz ? "on" : "off"},
      {"leech_threshold", std::to_string(o.leech_threshold)},
      {"leech_action", std::string(to_string(o.leech_action))},
      {"bury_siblings", o.bury_siblings ? "on" : "off"},
      {"review_order", std::string(to_string(o.review_order))},
      {"learn_ahead_minutes", std::to_string(o.learn_ahead_minutes)},
      {"weights", weights},
      {"exam_date", o.exam_day ? iso_date_of_day(*o.exam_day) : std::string()},
      {"exam_retention", format_shortest(o.exam_retention)},
      {"exam_scope", join_words(o.exam_scope)},
      {"after_exam", std::string(to_string(o.after_exam))},
      {"load_balance", o.load_balance ? "on" : "off"},
      {"light_weekdays", light_weekdays_text(o.light_days)},
      {"light_fraction", format_shortest(o.light_fraction)},
      {"dilemma_learning_steps", o.dilemma_learning_steps ? "on" : "off"},
  };
}

std::optional<std::string> set_key_value(StudyOptions& o, const std::string& key, const std::string& value) {
  const auto bad = [&](const char* what) {
    return std::optional<std::string>(key + ": expected " + what + ", got \"" + value + "\"");
  };
  // Stores `parsed` in `field`, or says what was expected when it did not parse.
  const auto assign = [&](auto& field, const auto& parsed, const char* what) -> std::optional<std::string> {
    if (!parsed) return bad(what);
    field = static_cast<std::remove_reference_t<decltype(field)>>(*parsed);
    return std::nullopt;
  };
  const auto set_int = [&](int& field) { return assign(field, parse_int32(value), "a whole number"); };
  const auto set_switch = [&](bool& field) { return assign(field, parse_switch(value), "on or off"); };
  const auto set_steps = [&](std::vector<int>& field) -> std::optional<std::string> {
    std::vector<int> steps;
    for (const auto& w : words(value)) {
      const auto v = parse_int32(w);
      if (!v) return bad("minutes separated by spaces, e.g. \"1 10\"");
      steps.push_back(static_cast<int>(*v));
    }
    field = std::move(steps);
    return std::nullopt;
  };
  if (key == "desired_retention") return assign(o.desired_retention, parse_double(value), "a number such as 0.9");
  if (key == "new_cards_per_day") return set_int(o.new_cards_per_day);
  if (key == "max_reviews_per_day") return set_int(o.max_reviews_per_day);
  if (key == "learning_steps") return set_steps(o.learning_steps_minutes);
  if (key == "relearning_steps") return set_steps(o.relearning_steps_minutes);
  if (key == "maximum_interval") return assign(o.maximum_interval_days, parse_int(value), "a whole number of days");
  if (key == "rollover_hour") return set_int(o.rollover_hour);
  if (key == "time_zone") {
    o.time_zone = value;
    return std::nullopt;
  }
  if (key == "fuzz") return set_switch(o.fuzz);
  if (key == "leech_threshold") return set_int(o.leech_threshold);
  if (key == "leech_action") {
    if (value == "tag") o.leech_action = LeechAction::Tag;
    else if (value == "tag_and_suspend") o.leech_action = LeechAction::TagAndSuspend;
    else return bad("tag or tag_and_suspend");
    return std::nullopt;
  }
  if (key == "bury_siblings") return set_switch(o.bury_siblings);
  if (key == "review_order") {
    for (const auto order : {ReviewOrder::LowestRetrievability, ReviewOrder::EarliestDue, ReviewOrder::Random}) {
      if (value == to_string(order)) {
        o.review_order = order;
        return std::nullopt;
      }
    }
    return bad("lowest_retrievability, earliest_due or random");
  }
  if (key == "learn_ahead_minutes") return set_int(o.learn_ahead_minutes);
  if (key == "exam_date") {
    if (value.empty()) {
      o.exam_day.reset();
      return std::nullopt;
    }
    const auto day = day_of_iso_date(value);
    if (!day) return bad("a date YYYY-MM-DD (or nothing for no exam)");
    o.exam_day = *day;
    return std::nullopt;
  }
  if (key == "exam_retention") return assign(o.exam_retention, parse_double(value), "a number such as 0.9");
  if (key == "exam_scope") {
    o.exam_scope = words(value);
    return std::nullopt;
  }
  if (key == "after_exam") {
    if (value == "resume") o.after_exam = AfterExam::Resume;
    else if (value == "stop") o.after_exam = AfterExam::Stop;
    else return bad("resume or stop");
    return std::nullopt;
  }
  if (key == "load_balance") return set_switch(o.load_balance);
  if (key == "light_weekdays") {
    std::array<bool, 7> days{};
    for (std::string w : words(value)) {
      std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::size_t named = kWeekdayNames.size();
      for (std::size_t i = 0; i < kWeekdayNames.size(); ++i) {
        if (w == kWeekdayNames[i] || w == kWeekdayFullNames[i]) named = i;
      }
      const auto digit = parse_int32(w);
      if (named < kWeekdayNames.size()) {
        days[named] = true;
      } else if (digit && *digit >= 1 && *digit <= 7) {
        days[static_cast<std::size_t>(*digit - 1)] = true;
      } else {
        return bad("weekdays such as \"sat sun\" (mon ... sun, or 1 ... 7 from Monday)");
      }
    }
    o.light_days = days;
    return std::nullopt;
  }
  if (key == "dilemma_learning_steps") return set_switch(o.dilemma_learning_steps);
  if (key == "light_fraction") return assign(o.light_fraction, parse_double(value), "a number such as 0.5");
  if (key == "weights") {
    std::vector<double> w;
    for (const auto& word : words(value)) {
      const auto v = parse_double(word);
      if (!v) return bad("numbers separated by spaces");
      w.push_back(*v);
    }
    o.weights = std::move(w);
    return std::nullopt;
  }
  return std::optional<std::string>("unknown study option \"" + key + "\"");
}

std::vector<std::string> apply_key_values(StudyOptions& options,
                                          const std::vector<std::pair<std::string, std::string>>& values) {
  std::vector<std::string> errors;
  for (const auto& [key, value] : values) {
    if (auto error = set_key_value(options, key, value)) errors.push_back(std::move(*error));
  }
  return errors;
}

bool is_bank_overridable(std::string_view key) {
  static constexpr std::array<std::string_view, 15> kKeys = {
      "desired_retention", "new_cards_per_day", "max_reviews_per_day", "learning_steps", "relearning_steps",
      "maximum_interval",  "fuzz",              "leech_threshold",     "leech_action",   "weights",
      "exam_date",         "exam_retention",    "exam_scope",          "after_exam",     "dilemma_learning_steps"};
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

bool is_leech_lapse(int lapses, int threshold) {
  if (threshold < 1 || lapses < threshold) return false;
  const int every = std::max(1, (threshold + 1) / 2);
  return (lapses - threshold) % every == 0;
}

}  // namespace casebook::core
