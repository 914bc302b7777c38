// The exam plan (issue 16), shared by the Plan screen and `casebook simulate --exam-date`:
// the learner's own cards simulated from today up to the exam (core::simulate) with the
// learner's options and with one alternative, and the result as the rows and per-day table
// both front ends show. Building the two runs is cheap and happens where the caches live;
// running them is the long part (a background job in the GUI).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/day_plan.hpp"
#include "app/views.hpp"
#include "core/simulator.hpp"

namespace casebook::app {

/// Days the plan covers when no exam is ahead.
inline constexpr int kPlanDaysWithoutExam = 30;
/// The longest plan (an exam ten years away is planned for its first ten years).
inline constexpr int kPlanMaxDays = 3650;

/// What a plan starts from.
struct PlanInputs {
  StudyData data;                  ///< the banks, the learner's cards, options and spreads
  core::TimestampMs now = 0;       ///< today = its study day in the learner's clock
  std::string learner;             ///< for the order of new cards
  NewCardOrder new_card_order = NewCardOrder::Random;
  std::uint64_t seed = 1;          ///< the simulated learner's seed (the same seed, the same plan)
};

/// A plan's inputs read from a progress database (the CLI's `simulate --exam-date`).
struct StoredPlanData {
  Library library;
  std::map<std::string, core::CardSchedule> states;
  std::map<std::string, storage::CardFlags> flags;
  EffectiveOptions options;
  std::map<std::string, Deferral> deferred;
  bool has_progress = false;  ///< the database and the learner exist

  [[nodiscard]] StudyData data() const { return StudyData{library, states, flags, options, deferred}; }
};

/// Loads the banks at `bank_paths` and `learner`'s cards, flags, backlog spreads and options
/// (over `base`) from `db_path`, opened read-only; a missing file or learner is a learner with
/// nothing studied yet (has_progress false), never created. Throws storage::StorageError for
/// an unreadable database.
[[nodiscard]] StoredPlanData load_plan_data(const std::string& db_path, const std::vector<std::string>& bank_paths,
                                            const std::string& learner, const core::StudyOptions& base);

/// What column B of a plan can be, in words, for the learner's options `learner`:
/// 0 "Plain FSRS" (no exam rule, no load balancing, no light days), 1 the exam rule switched
/// off ("Without the exam date"), 2 load balancing switched (off if on, on if off), 3 light
/// days switched (off if set, else "With light weekends": Saturday and Sunday at half a day).
[[nodiscard]] std::vector<std::string> plan_alternatives(const core::StudyOptions& learner);

/// The two runs of a plan.
struct PlanSetup {
  core::SimulationConfig a, b;     ///< the learner's options / the alternative
  std::array<std::string, 2> columns;
  std::int64_t today = 0;          ///< day 0's study day
  std::vector<std::int64_t> exam_days;  ///< exams ahead (or today), in order
};

/// The runs from `in`: every card of the loaded banks that is in study, converted to the
/// simulator's days (its study days: last review and due day at 09:00 UTC of the same date;
/// a card on a step due today; a spread's or an exam's earlier day as the queue sees it), new
/// cards in the learner's order; the learner's scheduler options, daily limits and exams per
/// card (day_plan.hpp card_exam); from today to the last exam day ahead (or
/// kPlanDaysWithoutExam days), at most kPlanMaxDays. Column B applies `alternative`
/// (plan_alternatives; out of range: 0). Bank overrides of weights, retention, steps and
/// limits are not simulated (the learner's are used for every card); exams per bank are.
[[nodiscard]] PlanSetup plan_setup(const PlanInputs& in, int alternative);

/// The rows and per-day table of a finished plan: reviews per day (mean, peak and its date,
/// standard deviation, unevenness: core::daily_review_stats over the days before the exam, or
/// all days without one), minutes per day, total reviews, with light weekdays in either column
/// the mean reviews on them and on the other days, and per exam the expected retention on its
/// day ("Retention on YYYY-MM-DD (target 95 %)", over all its cards, and over those studied by
/// then), the cards studied and those below the target; the reviews per day as two charts
/// (app::day_charts) and as a table of dates.
void fill_plan_view(const PlanSetup& setup, const core::SimulationResult& a, const core::SimulationResult& b,
                    PlanView& view);

}  // namespace casebook::app
