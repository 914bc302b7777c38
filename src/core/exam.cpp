// The exam rule, the pace of new cards before an exam and the exam scope (see exam.hpp and
// docs/scheduling.md, "An exam date").
#include "core/exam.hpp"

#include <algorithm>
#include <cmath>

namespace casebook::core {

std::int64_t days_recallable(const Scheduler& scheduler, double stability, double target) {
  const std::int64_t max_days = scheduler.options().maximum_interval;
  if (!(stability > 0.0)) return 1;
  const auto recalled = [&](std::int64_t t) {
    return scheduler.recall_probability(static_cast<double>(t), stability) >= target;
  };
  // F3 gives the real-valued answer; start there and step to the exact whole-day boundary of
  // the rounded F2 (one or two steps at most).
  const double estimate = stability * fsrs::interval_modifier(scheduler.weights(), target);
  std::int64_t t = std::clamp<std::int64_t>(
      static_cast<std::int64_t>(std::isfinite(estimate) ? std::floor(estimate) : 1.0), 1, max_days);
  while (t > 1 && !recalled(t)) --t;
  while (t < max_days && recalled(t + 1)) ++t;
  return t;
}

std::int64_t exam_interval(std::int64_t days, double stability, std::int64_t today, const ExamTarget& exam,
                           const Scheduler& scheduler) {
  const std::int64_t until_exam = exam.day - today;
  if (until_exam <= 0 || days < until_exam) return days;
  if (scheduler.recall_probability(static_cast<double>(until_exam), stability) >= exam.retention) return days;
  return std::min(days, days_recallable(scheduler, stability, exam.retention));
}

double retrievability_on_day(const CardSchedule& card, std::int64_t day, const Scheduler& scheduler) {
  if (card.state == CardState::New || !card.last_review || !(card.stability > 0.0)) return 0.0;
  const std::int64_t elapsed = day - scheduler.study_day_of(*card.last_review);
  if (elapsed <= 0) return 1.0;
  return scheduler.recall_probability(static_cast<double>(elapsed), card.stability);
}

std::optional<std::int64_t> exam_review_day(const CardSchedule& card, const ExamTarget& exam,
                                            const Scheduler& scheduler) {
  if (card.state != CardState::Review || !card.last_review || !(card.stability > 0.0)) return std::nullopt;
  const std::int64_t last = scheduler.study_day_of(*card.last_review);
  const std::int64_t due = scheduler.study_day_of(card.due);
  if (last >= exam.day || due < exam.day) return std::nullopt;
  if (retrievability_on_day(card, exam.day, scheduler) >= exam.retention) return std::nullopt;
  return std::min(due, last + days_recallable(scheduler, card.stability, exam.retention));
}

int exam_new_cards_per_day(int remaining, std::int64_t today, std::int64_t exam_day) {
  if (remaining <= 0 || today >= exam_day) return 0;
  const std::int64_t days = exam_day - today;
  return static_cast<int>((remaining + days - 1) / days);
}

bool in_exam_scope(const std::vector<std::string>& scope, std::string_view bank_id,
                   const std::vector<std::string>& topics) {
  if (scope.empty()) return true;
  for (const std::string& word : scope) {
    const auto slash = word.find('/');
    if (slash == std::string::npos) {
      if (word == bank_id) return true;
      continue;
    }
    if (std::string_view(word).substr(0, slash) != bank_id) continue;
    const std::string_view topic = std::string_view(word).substr(slash + 1);
    if (std::find(topics.begin(), topics.end(), topic) != topics.end()) return true;
  }
  return false;
}

}  // namespace casebook::core
