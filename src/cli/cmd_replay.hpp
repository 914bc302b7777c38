// `casebook replay`: schedules a review log (the reference optimizer's CSV layout) review by
// review with Casebook's scheduler and prints what it computed, as CSV. Also the scheduler
// flags (--retention, --weights, ...) that `replay` and `simulate` share.
#pragma once
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/revlog.hpp"
#include "core/scheduler.hpp"

namespace casebook::cli {

/// Scheduler settings given on the command line; defaults are core::SchedulerOptions'.
struct SchedulerFlags {
  double desired_retention = 0.9;
  std::int64_t maximum_interval = 36500;
  std::string weights;              ///< 21 numbers separated by commas or spaces; empty = defaults
  bool long_term = false;           ///< ts-fsrs LongTermScheduler (short-term off)
  std::vector<int> learning_steps{1, 10};
  std::vector<int> relearning_steps{10};
};

/// Adds --retention, --max-interval, --weights, --long-term, --steps and --relearning-steps
/// to `cmd`, bound to `flags`.
void add_scheduler_flags(CLI::App& cmd, SchedulerFlags& flags);

/// The scheduler options the flags describe, with `clock`. Throws std::invalid_argument for
/// weights that are not exactly 21 finite numbers.
[[nodiscard]] core::SchedulerOptions scheduler_options_from(const SchedulerFlags& flags,
                                                            const core::DayClock& clock);

/// The replay of `entries` (in file order) as CSV with a header row:
/// card_id,review_time,review_iso,rating,elapsed_days,state,stability,difficulty,
/// retrievability,interval_days,due. Each row is the card AFTER the review: state name,
/// stability (days) and difficulty with 8 decimals, the retrievability the scheduler used
/// (F2 at the elapsed study days; empty for a new card), the interval granted (days; 0 on an
/// intraday step) and the due time (ISO UTC). A row with review_state 0 for a card seen
/// before starts that card over as New (a reset). Throws std::invalid_argument when a card's
/// review is on an earlier study day than its previous one. Returns the number of rows.
std::size_t write_replay(const std::vector<core::revlog::RevlogEntry>& entries,
                         const core::SchedulerOptions& options, std::ostream& out);

/// Registers `replay` on `app`. Its callback reads --log, replays it to stdout and sets
/// `exit_code` (0, 1 for an unreadable or invalid log, 2 for bad flags); errors go to stderr.
/// Returns the subcommand so run_cli can tell whether it ran.
CLI::App* add_replay_command(CLI::App& app, int& exit_code);

}  // namespace casebook::cli
