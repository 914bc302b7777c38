// Fitting the 21 FSRS-6 parameters to a learner's review log, with the training objective,
// clamps, pretraining and Adam schedule of the reference optimizer fsrs-rs 6.5.0 (training.rs,
// pre_training.rs, dataset.rs, parameter_clipper.rs, model.rs). Pure: no I/O, no clock.
#pragma once
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <span>
#include <string>
#include <vector>

#include "core/fsrs.hpp"
#include "core/revlog.hpp"

namespace casebook::core::optimizer {

using fsrs::Weights;
using revlog::FsrsItem;

/// The memory model as fsrs-rs evaluates it for training (model.rs `step`), in double
/// precision and without ts-fsrs's 8-decimal rounding: S clamped to [0.001, 36500] and D to
/// [1, 10] after every step; a same-day review (delta_t 0) uses the short-term formula for
/// every rating (the max(SInc, 1) floor applies to Hard, Good and Easy, as in ts-fsrs);
/// Again uses min(PLS, S / e^(w17*w18)). Returns the memory after all `reviews` (none: {0,0}).
[[nodiscard]] fsrs::MemoryState memory_after(const Weights& w, std::span<const revlog::FsrsReview> reviews);

/// The predicted probability of recall for an item's last review: F2 with unrounded
/// factor, (1 + factor*t/S)^-w20, using the memory after the item's earlier reviews.
[[nodiscard]] double predict(const Weights& w, const FsrsItem& item);

/// Predictions for many items at once, each equal to predict(w, item) bit for bit, for far
/// fewer steps: an item that continues a shorter item of the same card (the same shared
/// history, FsrsItem::history_data) starts from that item's memory, so a card's items cost
/// its reviews once. The plan (which item continues which) is built once, in O(items log
/// items) time and O(items) memory whatever the items' lengths, and reused for any
/// parameters. Items are not copied: they must outlive the plan.
class PredictionPlan {
 public:
  explicit PredictionPlan(std::vector<const FsrsItem*> items);
  /// p[i] = predict(w, *items[i]).
  [[nodiscard]] std::vector<double> predict(const Weights& w) const;

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<const FsrsItem*> m_items;
  std::vector<std::size_t> m_parent;  ///< the longest item of the same history shorter than item i, or kNone
  std::vector<bool> m_is_parent;
  std::vector<std::size_t> m_order;   ///< items by length, so a parent comes first
};

/// Prior standard deviations of the 21 parameters for the pull toward the defaults
/// (fsrs-optimizer 6.x DEFAULT_PARAMS_STDDEV_TENSOR, the FSRS-6 values used by fsrs-rs).
inline constexpr std::array<double, 21> kParamsStddev = {
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33,
    0.3,  0.09, 0.16,  0.57,  0.25, 1.03, 0.31, 0.32, 0.14, 0.27};

/// fsrs-rs 6.5.0 parameter_clipper.rs `clip_parameters`: w0-w3 in [0.001, 100], then the same
/// ranges as fsrs::clip_parameters except w19 in [0, 0.8]; with 2+ relearning steps w17 and
/// w18 are capped by min(2, sqrt(max(v, 0.01))), v = -(ln w11 + ln(2^w13 - 1) + 0.3 w14)/n.
[[nodiscard]] Weights clip_for_training(const Weights& w, std::size_t num_relearning_steps);

/// Training settings; defaults are fsrs-rs 6.5.0 TrainingConfig defaults.
struct TrainingConfig {
  int epochs = 5;
  std::size_t batch_size = 512;
  double learning_rate = 0.04;       ///< Adam, cosine-annealed to 0 over all steps
  double gamma = 1.0;                ///< weight of the L2 pull toward the initial parameters
  std::size_t max_seq_len = 256;     ///< longer items are left out of training
  std::uint64_t seed = 2023;         ///< batch order shuffle
  bool enable_short_term = true;     ///< false: w0-w3 frozen after pretraining, w17-w19 = 0
  std::size_t num_relearning_steps = 1;
};

/// Fewer training items than this (after the outlier filter): the defaults are kept
/// (fsrs-rs training.rs: `train_set.len() < 8`).
inline constexpr std::size_t kMinItemsForAnyFit = 8;
/// Fewer than this: only the initial stabilities w0-w3 are fitted (pretraining); the rest
/// stay at the defaults (fsrs-rs: `train_set.len() < 64`).
inline constexpr std::size_t kMinItemsForFullFit = 64;

/// How far the fit went.
enum class FitKind {
  Defaults,     ///< too little data: the default parameters
  PretrainOnly, ///< initial stabilities fitted, w4-w20 the defaults
  Full          ///< all parameters trained
};

/// The result of fit().
struct FitResult {
  Weights weights{};
  FitKind kind = FitKind::Defaults;
  std::size_t items = 0;           ///< items given
  std::size_t training_items = 0;  ///< after the outlier filter
  std::size_t pretrain_items = 0;  ///< items with exactly one long-term review, after the filter
  int best_epoch = 0;              ///< 1-based epoch whose parameters were kept (Full only)
  std::string note;                ///< why defaults/pretrain only, in words (empty for Full)
};

/// Thrown by fit() when the cancel flag is set.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("optimization cancelled") {}
};

/// Progress as a fraction 0..1 (called after every batch and at the end).
using ProgressFn = std::function<void(double)>;

/// fsrs-rs dataset.rs `filter_outlier` + `prepare_training_data`: the items with exactly one
/// long-term review are grouped by first rating and delta_t; per rating, the smallest
/// delta_t groups are dropped until 5 % (at least 20 items) are gone, and groups of fewer
/// than 6 items or with delta_t > 100 days (365 for a first Easy) are dropped too. Returns
/// {pretrain set, training set}: the training set is all `items` except those whose
/// (first rating, first long-term delta_t) pair was dropped, in the input order.
[[nodiscard]] std::pair<std::vector<FsrsItem>, std::vector<FsrsItem>> prepare_training_data(
    const std::vector<FsrsItem>& items);

/// fsrs-rs pre_training.rs: per first rating, the S0 minimising count-weighted BCE of
/// (1 + factor*t/S0)^-0.1542 (default decay) against Laplace-smoothed recall per delta_t,
/// plus |S0 - default|/16, by ternary search on [0.001, 100]; missing ratings are filled
/// and inversions smoothed (`smooth_and_fill`). `rating_count` receives items per first
/// rating. Throws std::invalid_argument if `pretrain_set` is empty.
[[nodiscard]] std::array<double, 4> pretrain(const std::vector<FsrsItem>& pretrain_set, double average_recall,
                                             std::array<std::size_t, 4>& rating_count);

/// Fits the parameters to `items` (in time order, as revlog::build_items gives them), as
/// fsrs-rs 6.5.0 `compute_parameters`: the outlier filter, pretraining of w0-w3, then (with
/// >= 64 training items) Adam on sum of recency-weighted BCE per batch + gamma*(batch/N)*
/// sum((w - w_init)^2 / sd^2), clipping after every step, the epoch with the lowest
/// training loss kept, and w0-w3 smoothed again. Gradients are exact (reverse mode, the
/// adjoint of every step written out by hand; checked against finite differences in tests).
/// Deterministic for a given config. Throws Cancelled if `*cancel` becomes true.
[[nodiscard]] FitResult fit(const std::vector<FsrsItem>& items, const TrainingConfig& config = {},
                            const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

/// The training objective for one batch, and its gradient, as used by fit(): the sum over
/// `batch` of weight_i * BCE(predict(w, item_i), label_i) plus the L2 term
/// gamma * batch.size()/total * sum((w - w_init)^2 / kParamsStddev^2). Exposed for tests.
[[nodiscard]] double batch_loss(const Weights& w, const std::vector<const FsrsItem*>& batch,
                                const std::vector<double>& item_weights, const Weights& w_init,
                                double gamma, std::size_t total, Weights* gradient);

/// The 21 numbers as one comma-separated list ("0.2120, 1.2931, ..."), 4 decimals each, the
/// form Anki and other FSRS tools accept.
[[nodiscard]] std::string format_weights(const Weights& w);

/// Parses such a list (commas, optional spaces); throws std::invalid_argument unless it has
/// exactly 21 finite numbers.
[[nodiscard]] Weights parse_weights(const std::string& text);

}  // namespace casebook::core::optimizer
