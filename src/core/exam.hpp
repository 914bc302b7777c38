// Studying towards an exam date: the rule that keeps each card of the exam plan recallable
// with at least the target probability on the exam day, the pace of new cards that gets the
// plan's cards introduced in time, and which cards belong to the plan. Pure: no I/O.
// The rule and its sources: docs/scheduling.md, "An exam date".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/card.hpp"
#include "core/schedule_context.hpp"
#include "core/scheduler.hpp"

namespace casebook::core {

/// What happens to the cards of an exam plan once the exam day is over.
enum class AfterExam {
  Resume,  ///< they are scheduled as before the exam was set (plain FSRS)
  Stop     ///< they are no longer shown (reviews and new cards), from the day after the exam
};

/// The largest whole number of days t, 1 <= t <= maximum_interval, after which a card of
/// stability `stability` is still recalled with probability >= `target` (R = F2(t, S) with
/// `scheduler`'s weights, Scheduler::recall_probability); 1 when even one day falls below it.
[[nodiscard]] std::int64_t days_recallable(const Scheduler& scheduler, double stability, double target);

/// The exam rule for a Review interval of `days` days granted on study day `today` to a card
/// whose stability after the review is `stability`:
///  - on or after the exam day (today >= exam.day): `days`;
///  - the card comes back before the exam day (today + days < exam.day): `days`;
///  - it would come back on the exam day or later, and R(exam.day - today, S) >= exam.retention:
///    `days` (the card will be recalled on the exam day without another review);
///  - otherwise days_recallable(S, exam.retention), which is shorter than exam.day - today: the
///    card comes back before the exam, on the last day its R is still at the target.
/// So no interval passes the exam day while the card would be below the target on it.
[[nodiscard]] std::int64_t exam_interval(std::int64_t days, double stability, std::int64_t today,
                                         const ExamTarget& exam, const Scheduler& scheduler);

/// R at the start of study day `day` of a card last reviewed on an earlier study day: F2(day -
/// study_day(last_review), S) in `scheduler`'s clock (what the exam plan promises); 0 for a New
/// card or one without a review; 1 when `day` is the day of its last review.
[[nodiscard]] double retrievability_on_day(const CardSchedule& card, std::int64_t day, const Scheduler& scheduler);

/// For a Review card of the plan scheduled before the exam was set (or with other options):
/// the study day by which it must be reviewed to be at the target on the exam day, when that
/// is earlier than its due day; nothing otherwise (already due before the exam day, recalled
/// well enough on it, or the exam is over). The day is study_day(last_review) +
/// days_recallable(S), and is never before the day of the last review + 1.
[[nodiscard]] std::optional<std::int64_t> exam_review_day(const CardSchedule& card, const ExamTarget& exam,
                                                          const Scheduler& scheduler);

/// New cards of the plan to introduce on study day `today` so that `remaining` ones are all
/// introduced by the day before the exam: ceil(remaining / (exam_day - today)) before the
/// exam day, 0 on and after it (and for remaining <= 0). 100 cards, 10 days: 10 a day.
[[nodiscard]] int exam_new_cards_per_day(int remaining, std::int64_t today, std::int64_t exam_day);

/// Whether a card of bank `bank_id` with topic ids `topics` belongs to an exam whose scope is
/// `scope`: an empty scope takes every bank; otherwise a word "<bank id>" takes the bank and a
/// word "<bank id>/<topic id>" the bank's cards of that topic.
[[nodiscard]] bool in_exam_scope(const std::vector<std::string>& scope, std::string_view bank_id,
                                 const std::vector<std::string>& topics);

}  // namespace casebook::core
