// How well parameters predict a review log: log loss and RMSE over bins, in-sample or out of
// sample with time-series splits, as fsrs-rs 6.5.0 defines them (inference.rs `evaluate`,
// `evaluate_with_time_series_splits`; dataset.rs `r_matrix_index`, recency weights).
#pragma once
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <vector>

#include "core/optimizer.hpp"

namespace casebook::core::evaluate {

using optimizer::FsrsItem;
using optimizer::Weights;

/// The two figures.
struct Metrics {
  double log_loss = 0.0;   ///< weighted mean binary cross-entropy, nats
  double rmse_bins = 0.0;  ///< sqrt(sum_b W_b (mean p_b - mean y_b)^2 / sum_b W_b)
  std::size_t items = 0;   ///< items evaluated
};

/// fsrs-rs recency weights for items in time order: 0.25 + 0.75*(i/(n-1))^3 (the newest
/// review weighs 4 times the oldest; i/(max(n-1, 1))).
[[nodiscard]] std::vector<double> recency_weights(std::size_t n);

/// The bin of an item (fsrs-rs `r_matrix_index`): (round(248*3.62^floor(log_3.62 t)),
/// round(1.99*1.89^floor(log_1.89 (n+1))), lapses ? round(1.65*1.73^floor(log_1.73 l)) : 0)
/// with t the last delta_t, n the long-term review count, l the lapse count.
[[nodiscard]] std::tuple<std::uint32_t, std::uint32_t, std::uint32_t> bin_of(const FsrsItem& item);

/// Metrics of probabilities `p` against the items' labels with per-item `weights` (the
/// log-loss weights and the bin weights W_b = sum of the weights of the bin's items).
/// Throws std::invalid_argument on empty input or mismatched sizes.
[[nodiscard]] Metrics metrics(const std::vector<FsrsItem>& items, const std::vector<double>& p,
                              const std::vector<double>& weights);

/// In-sample evaluation of `w` on `items` (time order) as fsrs-rs `FSRS::evaluate`:
/// recency-weighted log loss and recency-weighted bins.
[[nodiscard]] Metrics evaluate(const Weights& w, const std::vector<FsrsItem>& items);

/// Out-of-sample evaluation as fsrs-rs `evaluate_with_time_series_splits`: the items (time
/// order) are cut into n_splits+1 equal segments; for k = 1..n_splits the parameters fitted
/// on segments [0, k) predict segment k (the last one takes the remainder). All predictions
/// are scored together, unweighted. Throws std::invalid_argument if there are fewer than
/// n_splits+1 items. `progress` gets 0..1 over the splits.
[[nodiscard]] Metrics evaluate_time_series_splits(const std::vector<FsrsItem>& items,
                                                  const optimizer::TrainingConfig& config = {},
                                                  std::size_t n_splits = 5,
                                                  const optimizer::ProgressFn& progress = {},
                                                  const std::atomic<bool>* cancel = nullptr);

}  // namespace casebook::core::evaluate
