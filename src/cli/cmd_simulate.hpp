// `casebook simulate`: the workload simulator (core::simulate) on the command line, with two
// desired retentions side by side.
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>

#include "core/simulator.hpp"

namespace casebook::cli {

/// Prints the side-by-side summary of runs `a` and `b` (desired retentions `ra` and `rb`):
/// reviews per day (mean and peak), minutes per day (mean and peak), total hours, lapses,
/// observed retention and expected retention at the end, one metric per line.
void write_simulation_summary(const core::SimulationResult& a, double ra, const core::SimulationResult& b,
                              double rb, std::ostream& out);

/// Prints one run's daily figures as CSV: day,new_cards,reviews,lapses,minutes,introduced,
/// expected_retention (mean R over introduced cards at the start of the next day).
void write_simulation_days(const core::SimulationResult& r, std::ostream& out);

/// Registers `simulate` on `app`; its callback runs both simulations, prints to stdout and
/// sets `exit_code` (0, or 2 for a bad configuration). Returns the subcommand.
CLI::App* add_simulate_command(CLI::App& app, int& exit_code);

}  // namespace casebook::cli
