// Fitting a learner's FSRS parameters, shared by `casebook optimize` and the GUI's Optimize
// screen: the review log from the database (or a CSV), the fit, before/after figures and the
// decision to apply. The fit itself is core::optimizer; docs/optimizer.md explains it.
#pragma once
#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluate.hpp"
#include "core/optimizer.hpp"
#include "core/options.hpp"
#include "core/revlog.hpp"
#include "core/time.hpp"

namespace casebook::app {

/// Where the review log comes from and how its days are counted.
struct ReviewLogSource {
  std::string db_path;   ///< progress database (used when log_path is empty, and for applying)
  std::string learner = "default";
  std::string log_path;  ///< CSV file (card_id, review_time, review_rating, review_state, review_duration)
  /// The options the learner's stored ones apply over (app::base_study_options of the app's
  /// configuration; the system's zone and Casebook's defaults when left as is).
  core::StudyOptions base;
  /// Study days of a CSV log: UTC with the day starting at 00:00 unless given (the database
  /// uses the learner's own time zone and rollover hour from their study options).
  core::DayClock csv_clock{"UTC", 0};
};

/// A review log ready for fitting, with the parameters the learner uses now.
struct ReviewLog {
  std::vector<core::revlog::FsrsItem> items;  ///< revlog::build_items of the log (time order)
  std::size_t reviews = 0;                    ///< log entries read
  std::size_t cards = 0;                      ///< distinct cards among them
  std::size_t skipped_manual = 0;             ///< CSV rows of manual rescheduling left out
  std::string source;                         ///< "FILE" or "learner 'x' in PATH"
  core::optimizer::Weights current = core::kDefaultWeights;
  bool current_is_default = true;
  std::optional<core::StudyOptions> options;  ///< the learner's effective options when a database was read
};

/// Reads the log: the learner's review log from `source.db_path` (read-only), or the CSV at
/// `source.log_path` (then the database, if given, only supplies the current parameters).
/// Throws std::runtime_error for a missing database, an unknown learner or an unreadable
/// file, core::revlog::CsvError for a bad CSV, storage::StorageError for SQLite failures.
[[nodiscard]] ReviewLog load_review_log(const ReviewLogSource& source);

/// fsrs-rs training settings for this learner: their number of relearning steps bounds
/// w17*w18 (1 when no options were read).
[[nodiscard]] core::optimizer::TrainingConfig training_config(const ReviewLog& log);

/// Whether a fit is applied, and why not.
enum class OptimizeVerdict {
  Better,        ///< the fit lowers the in-sample log loss: apply it
  TooFewReviews, ///< too little data to fit: the defaults came back (FitKind::Defaults)
  NoItems,       ///< nothing to evaluate (no review on a later day than the card's previous one)
  NotBetter      ///< the fit does not lower the log loss of the current parameters
};

/// The result of optimize().
struct OptimizeOutcome {
  core::optimizer::FitResult fit;
  std::optional<core::evaluate::Metrics> before;  ///< current parameters (none without items)
  std::optional<core::evaluate::Metrics> after;   ///< fitted parameters
  OptimizeVerdict verdict = OptimizeVerdict::NoItems;
};

/// Fits the parameters to `log` (core::optimizer::fit with training_config(log)), evaluates
/// the current and the fitted parameters in-sample (core::evaluate::evaluate: recency-weighted
/// log loss and RMSE(bins), as fsrs-rs) and decides: Better only when the fit went beyond the
/// defaults and its log loss is strictly lower. `progress` gets 0..1; throws
/// core::optimizer::Cancelled when `*cancel` becomes true.
[[nodiscard]] OptimizeOutcome optimize(const ReviewLog& log, const core::optimizer::ProgressFn& progress = {},
                                       const std::atomic<bool>* cancel = nullptr);

/// One sentence on the verdict for the user, e.g. "Not applied: too little data to fit."
/// (Better gives "Better than the current parameters.").
[[nodiscard]] std::string verdict_text(OptimizeVerdict verdict);

/// "defaults kept", "initial stabilities only" or "all 21 parameters".
[[nodiscard]] std::string fit_kind_text(core::optimizer::FitKind kind);

/// Parses pasted parameters for manual use: exactly 21 finite numbers separated by commas
/// (spaces and a surrounding [ ] allowed), each inside the optimizer's clamps
/// (core::optimizer::clip_for_training with `num_relearning_steps`). Throws
/// std::invalid_argument with a message naming the first problem ("expected 21 numbers,
/// got 20", "w19 = 0.9 is outside [0, 0.8]").
[[nodiscard]] core::optimizer::Weights parse_manual_weights(const std::string& text,
                                                            std::size_t num_relearning_steps);

/// `options` with its weights replaced by `weights` (all 21). Throws std::runtime_error if
/// the result does not pass core::validate.
[[nodiscard]] core::StudyOptions with_weights(core::StudyOptions options, const core::optimizer::Weights& weights);

/// Stores `weights` in the study options of `learner` in the database at `db_path` (the
/// learner's other options as in `options`). For the CLI; the GUI applies through the
/// Controller (SaveOptions), which also rebuilds the scheduler. Throws as with_weights and
/// storage::StorageError.
void store_weights(const std::string& db_path, const std::string& learner, const core::StudyOptions& options,
                   const core::optimizer::Weights& weights);

}  // namespace casebook::app
