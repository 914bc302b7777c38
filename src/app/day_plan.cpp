// Today's queue under the exam, backlog and load options (see day_plan.hpp).
#include "app/day_plan.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "core/number.hpp"

namespace casebook::app {

namespace {

std::string bank_of(const std::string& key) { return key.substr(0, key.find('/')); }

bool is_suspended(const StudyData& data, const std::string& key) {
  const auto it = data.flags.find(key);
  return it != data.flags.end() && it->second.suspended;
}

std::string percent(double v) { return core::format_fixed(100.0 * v, 0) + " %"; }

}  // namespace

std::map<std::string, Deferral> deferrals(const std::vector<core::BacklogSpread>& spreads) {
  std::map<std::string, Deferral> out;
  for (const core::BacklogSpread& s : spreads) {
    for (const core::BacklogAssignment& a : s.cards) out[a.card_key] = Deferral{s.first_day + a.day_offset, s.created_at};
  }
  return out;
}

const core::BacklogSpread* active_spread(const std::vector<core::BacklogSpread>& spreads, std::int64_t today) {
  for (auto it = spreads.rbegin(); it != spreads.rend(); ++it) {
    if (it->first_day <= today && today < it->first_day + it->days) return &*it;
  }
  return nullptr;
}

std::optional<CardExam> card_exam(const StudyData& data, const std::string& card_key) {
  if (!data.options.any_exam()) return std::nullopt;
  const std::string bank = bank_of(card_key);
  const ExamOptions& exam = data.options.exam(bank);
  if (!exam.target) return std::nullopt;
  if (!exam.scope.empty()) {
    const CardRef* ref = data.library.find(card_key);
    if (ref == nullptr || !core::in_exam_scope(exam.scope, bank, data.library.question(*ref).topics)) {
      return std::nullopt;
    }
  }
  return CardExam{*exam.target, exam.after};
}

bool out_of_study(const StudyData& data, const std::string& card_key, std::int64_t today) {
  if (is_suspended(data, card_key)) return true;
  const auto exam = card_exam(data, card_key);
  return exam && exam->after == core::AfterExam::Stop && today > exam->target.day;
}

std::optional<core::CardSchedule> queue_schedule(const StudyData& data, const std::string& card_key,
                                                 std::int64_t today) {
  const auto it = data.states.find(card_key);
  if (it == data.states.end()) return std::nullopt;
  core::CardSchedule s = it->second;
  if (s.state != core::CardState::Review) return s;
  const core::Scheduler& scheduler = data.options.scheduler_for_card(card_key);
  const core::DayClock& clock = data.options.clock();
  if (const auto held = data.deferred.find(card_key); held != data.deferred.end()) {
    const Deferral& d = held->second;
    if (s.last_review.value_or(0) < d.since && scheduler.study_day_of(s.due) < d.day) {
      s.due = core::study_day_start(d.day, clock);
      return s;
    }
  }
  if (const auto exam = card_exam(data, card_key); exam && today < exam->target.day) {
    if (const auto by = core::exam_review_day(s, exam->target, scheduler)) s.due = core::study_day_start(*by, clock);
  }
  return s;
}

std::optional<std::int64_t> load_day(const StudyData& data, const std::string& card_key, std::int64_t today) {
  if (data.library.find(card_key) == nullptr || out_of_study(data, card_key, today)) return std::nullopt;
  const auto s = queue_schedule(data, card_key, today);
  if (!s || s->state == core::CardState::New || (core::is_learning(s->state) && s->scheduled_days == 0)) {
    return std::nullopt;
  }
  return data.options.scheduler("").study_day_of(s->due);
}

core::DueLoad build_load(const StudyData& data, std::int64_t today) {
  core::DueLoad load;
  for (const auto& [key, state] : data.states) {
    if (const auto day = load_day(data, key, today)) load.add(*day);
  }
  return load;
}

core::ScheduleContext schedule_context(const StudyData& data, const std::string& card_key, std::int64_t today,
                                       const core::DueLoad* load) {
  core::ScheduleContext c;
  c.load = load;
  if (const auto exam = card_exam(data, card_key); exam && today < exam->target.day) c.exam = exam->target;
  return c;
}

int exam_new_cards_left(const StudyData& data, std::int64_t today, const std::vector<std::string>& new_today) {
  if (!data.options.any_exam()) return 0;
  std::map<std::int64_t, std::pair<int, int>> by_day;  // exam day -> (left, done today)
  for (const auto& [key, ref] : data.library.cards()) {
    const auto it = data.states.find(key);
    if (it != data.states.end() && it->second.state != core::CardState::New) continue;
    if (is_suspended(data, key)) continue;
    if (const auto exam = card_exam(data, key); exam && today < exam->target.day) ++by_day[exam->target.day].first;
  }
  for (const std::string& key : new_today) {
    if (const auto exam = card_exam(data, key); exam && today < exam->target.day) ++by_day[exam->target.day].second;
  }
  int left = 0;
  for (const auto& [day, counts] : by_day) {
    left += std::max(0, core::exam_new_cards_per_day(counts.first + counts.second, today, day) - counts.second);
  }
  return left;
}

std::vector<std::string> exam_lines(const StudyData& data, std::int64_t today) {
  if (!data.options.any_exam()) return {};
  struct Plan {
    int cards = 0, studied = 0, fresh = 0;
    double target = 0.0;
    std::set<std::string> scopes;
  };
  std::map<std::int64_t, Plan> plans;
  for (const auto& [key, ref] : data.library.cards()) {
    const auto exam = card_exam(data, key);
    if (!exam || exam->target.day < today || is_suspended(data, key)) continue;
    Plan& p = plans[exam->target.day];
    p.target = exam->target.retention;
    const ExamOptions& o = data.options.exam(bank_of(key));
    std::string scope;
    for (const std::string& w : o.scope) scope += (scope.empty() ? "" : " ") + w;
    p.scopes.insert(scope.empty() ? "all banks" : scope);
    ++p.cards;
    const auto it = data.states.find(key);
    if (it != data.states.end() && it->second.state != core::CardState::New) {
      ++p.studied;
    } else {
      ++p.fresh;
    }
  }
  std::vector<std::string> out;
  for (const auto& [day, p] : plans) {
    std::string scope;
    for (const std::string& s : p.scopes) scope += (scope.empty() ? "" : ", ") + s;
    std::string line = day == today ? "Exam today (" + core::iso_date_of_day(day) + "; "
                                    : "Exam on " + core::iso_date_of_day(day) + " (in " + std::to_string(day - today) +
                                          (day - today == 1 ? " day; " : " days; ");
    line += scope + "; target " + percent(p.target) + "): " + std::to_string(p.studied) + " of " +
            std::to_string(p.cards) + " cards studied";
    if (p.fresh > 0 && day > today) {
      const int pace = core::exam_new_cards_per_day(p.fresh, today, day);
      line += ", about " + std::to_string(pace) + (pace == 1 ? " new card" : " new cards") + " a day to finish in time";
    }
    out.push_back(line + ".");
  }
  return out;
}

}  // namespace casebook::app
