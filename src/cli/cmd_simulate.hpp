// `casebook simulate`: the workload simulator (core::simulate) on the command line, with two
// desired retentions side by side.
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>

#include "cli/cmd_plan.hpp"
#include "core/simulator.hpp"

namespace casebook::cli {

/// Prints the side-by-side summary of runs `a` and `b` (desired retentions `ra` and `rb`):
/// reviews per day (mean, peak, standard deviation and day-to-day unevenness, see
/// core::daily_review_stats), minutes per day (mean and peak), total hours, lapses,
/// observed retention and expected retention at the end, one metric per line.
void write_simulation_summary(const core::SimulationResult& a, double ra, const core::SimulationResult& b,
                              double rb, std::ostream& out);

/// Prints one run's daily figures as CSV: day,new_cards,reviews,lapses,minutes,introduced,
/// expected_retention (mean R over introduced cards at the start of the next day).
void write_simulation_days(const core::SimulationResult& r, std::ostream& out);

/// Registers `simulate` on `app`; its callback runs both simulations, prints to stdout and
/// sets `exit_code` (0, or 2 for a bad configuration). With --exam-date it runs nothing and
/// leaves `plan` filled in: the caller runs run_plan once --db, --bank and --learner are
/// known. Returns the subcommand.
CLI::App* add_simulate_command(CLI::App& app, int& exit_code, PlanFlags& plan);

}  // namespace casebook::cli
