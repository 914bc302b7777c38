// What the scheduler may consult beyond the card itself (Casebook additions to ts-fsrs): the
// learner's due load per study day, for the load balancer, and the card's exam, for the exam
// rule. Both default to nothing, which leaves every interval exactly as ts-fsrs computes it.
#pragma once
#include <cstdint>
#include <optional>

#include "core/load_balance.hpp"

namespace casebook::core {

/// An exam a card is studied for: on study day `day` (a local date, as core::study_day
/// counts it) the card should be recalled with probability at least `retention`.
struct ExamTarget {
  std::int64_t day = 0;
  double retention = 0.9;  ///< 0 < retention < 1
  friend bool operator==(const ExamTarget&, const ExamTarget&) = default;
};

/// The context of one scheduling decision (Scheduler::next / preview).
struct ScheduleContext {
  /// Cards due per study day; with SchedulerOptions::load_balance the balancer reads it.
  /// nullptr: no balancing. Not changed by the scheduler (the caller records the new due day).
  const DueLoad* load = nullptr;
  /// The card's exam, when it belongs to an exam plan: the exam rule (core/exam.hpp) applies
  /// to every Review interval granted before the exam day.
  std::optional<ExamTarget> exam;
};

}  // namespace casebook::core
