// `casebook optimize` and `casebook evaluate`: fit the FSRS-6 parameters to a learner's review
// log (from the progress database or a CSV in the reference optimizer's column layout) and
// measure how well parameters predict it (core::optimizer, core::evaluate; docs/optimizer.md).
#pragma once
#include <CLI/CLI.hpp>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

#include "app/optimize.hpp"

namespace casebook::cli {

/// Where the review log comes from and how its days are counted (shared with the GUI).
using ReviewLogSource = app::ReviewLogSource;

struct OptimizeOptions {
  ReviewLogSource source;
  bool apply = true;  ///< store the fit in the learner's study options when it is better
  bool timing = false; ///< print wall times (reading + items, fit, evaluation) in ms to stderr
};

/// `casebook optimize`: fits the parameters, prints the number of reviews and items, log
/// loss and RMSE(bins) of the current and the fitted parameters (in-sample, recency
/// weighted, as fsrs-rs `evaluate`), and the fitted parameters as one comma-separated list
/// of 21 numbers. With a database (and apply), the fit is stored in the learner's study
/// options only when its log loss is lower than the current parameters'; the reason is
/// printed either way. Returns 0; throws std::runtime_error / revlog::CsvError /
/// storage::StorageError for unreadable input.
[[nodiscard]] int run_optimize(const OptimizeOptions& options, std::ostream& out);

struct EvaluateOptions {
  ReviewLogSource source;
  std::optional<std::string> weights;  ///< 21 comma-separated numbers; default: the learner's current ones
  std::size_t splits = 5;              ///< time-series splits for the out-of-sample figures
};

/// `casebook evaluate`: prints log loss and RMSE(bins) of the parameters in-sample, and out
/// of sample with a time-series split (fit on the earlier items, score the next segment;
/// fsrs-rs `evaluate_with_time_series_splits`). Returns 0; throws as run_optimize, or
/// std::invalid_argument for a bad --weights list.
[[nodiscard]] int run_evaluate(const EvaluateOptions& options, std::ostream& out);

/// Registers `optimize` and `evaluate` on `app` (they read the global --db and --learner);
/// their callbacks run the commands, print to stdout/stderr and set `exit_code` (0, 1 for a
/// failure, 2 for a usage error). Returns {optimize, evaluate}.
std::pair<CLI::App*, CLI::App*> add_optimize_commands(CLI::App& app, int& exit_code);

}  // namespace casebook::cli
