// `casebook simulate --exam-date YYYY-MM-DD`: the exam plan (app/plan.hpp) of a learner's own
// cards, printed as the Plan screen shows it: the rows for the learner's options and one
// alternative, then the expected reviews of every day up to the exam as CSV.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace casebook::cli {

/// The plan flags of `simulate` (empty exam_date: the classic simulation runs instead).
struct PlanFlags {
  std::string exam_date;             ///< YYYY-MM-DD: the learner's exam date for this plan
  double exam_retention = 0.0;       ///< 0: the learner's own exam_retention
  std::string exam_scope;            ///< empty: the learner's own exam_scope
  std::string today;                 ///< YYYY-MM-DD to plan from (noon of that study day); empty: now
  int alternative = 0;               ///< app::plan_alternatives index for column B
  std::vector<std::string> set;      ///< KEY=VALUE study options over the learner's (core::set_key_value)
};

/// Adds the plan flags to the `simulate` subcommand.
void add_plan_flags(CLI::App& simulate, PlanFlags& flags);

/// Runs the plan of `learner` in `db_path` (read-only; missing: nothing studied yet) over the
/// banks at `bank_paths` and prints it to `out` (warnings to `err`). Returns 0, or 2 for a bad
/// date, option or alternative (with the reason on `err`).
int run_plan(const PlanFlags& flags, const std::string& db_path, const std::vector<std::string>& bank_paths,
             const std::string& learner, std::ostream& out, std::ostream& err);

}  // namespace casebook::cli
