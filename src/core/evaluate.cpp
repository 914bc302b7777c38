// Log loss and RMSE(bins) as fsrs-rs 6.5.0 computes them (see evaluate.hpp).
#include "core/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

namespace casebook::core::evaluate {

namespace {

/// round(scale * base^floor(log_base(x))) as an integer bin label.
std::uint32_t log_bin(double x, double base, double scale) {
  return static_cast<std::uint32_t>(std::llround(scale * std::pow(base, std::floor(std::log(x) / std::log(base)))));
}

}  // namespace

std::vector<double> recency_weights(std::size_t n) {
  std::vector<double> out(n);
  const double denom = std::max(static_cast<double>(n) - 1.0, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = static_cast<double>(i) / denom;
    out[i] = 0.25 + 0.75 * x * x * x;
  }
  return out;
}

std::tuple<std::uint32_t, std::uint32_t, std::uint32_t> bin_of(const FsrsItem& item) {
  const double t = static_cast<double>(item.current().delta_t);
  const std::uint32_t t_bin = log_bin(t, 3.62, 2.48 * 100.0);
  const double length = static_cast<double>(item.long_term_review_count()) + 1.0;
  const std::uint32_t len_bin = log_bin(length, 1.89, 1.99);
  const std::size_t lapses = item.lapse_count();
  const std::uint32_t lapse_bin = lapses == 0 ? 0 : log_bin(static_cast<double>(lapses), 1.73, 1.65);
  return {t_bin, len_bin, lapse_bin};
}

Metrics metrics(const std::vector<FsrsItem>& items, const std::vector<double>& p, const std::vector<double>& weights) {
  if (items.empty()) throw std::invalid_argument("evaluate: no items");
  if (p.size() != items.size() || weights.size() != items.size()) {
    throw std::invalid_argument("evaluate: " + std::to_string(items.size()) + " items but " +
                                std::to_string(p.size()) + " predictions and " + std::to_string(weights.size()) +
                                " weights");
  }
  struct Bin {
    double predicted = 0.0;
    double actual = 0.0;
    double count = 0.0;
    double weight = 0.0;
  };
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, Bin> bins;
  double loss = 0.0;
  double weight_sum = 0.0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const double y = items[i].recalled() ? 1.0 : 0.0;
    const double q = std::clamp(p[i], 1e-12, 1.0 - 1e-12);
    loss += -(y * std::log(q) + (1.0 - y) * std::log(1.0 - q)) * weights[i];
    weight_sum += weights[i];
    Bin& b = bins[bin_of(items[i])];
    b.predicted += p[i];
    b.actual += y;
    b.count += 1.0;
    b.weight += weights[i];
  }
  double se = 0.0;
  double bin_weight = 0.0;
  for (const auto& [key, b] : bins) {
    const double diff = b.predicted / b.count - b.actual / b.count;
    se += diff * diff * b.weight;
    bin_weight += b.weight;
  }
  return {loss / weight_sum, std::sqrt(se / bin_weight), items.size()};
}

Metrics evaluate(const Weights& w, const std::vector<FsrsItem>& items) {
  std::vector<const FsrsItem*> all;
  all.reserve(items.size());
  for (const auto& item : items) all.push_back(&item);
  return metrics(items, optimizer::PredictionPlan(std::move(all)).predict(w), recency_weights(items.size()));
}

Metrics evaluate_time_series_splits(const std::vector<FsrsItem>& items, const optimizer::TrainingConfig& config,
                                    std::size_t n_splits, const optimizer::ProgressFn& progress,
                                    const std::atomic<bool>* cancel) {
  if (n_splits == 0 || items.size() < n_splits + 1) {
    throw std::invalid_argument("evaluate: " + std::to_string(items.size()) + " items are too few for " +
                                std::to_string(n_splits) + " time-series splits");
  }
  const std::size_t segment = items.size() / (n_splits + 1);
  std::vector<FsrsItem> tested;
  std::vector<double> p;
  for (std::size_t k = 0; k < n_splits; ++k) {
    const std::size_t test_start = (k + 1) * segment;
    const std::size_t test_end = k + 1 == n_splits ? items.size() : (k + 2) * segment;
    const std::vector<FsrsItem> train(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(test_start));
    const auto sub_progress = [&](double f) {
      if (progress) progress((static_cast<double>(k) + f) / static_cast<double>(n_splits));
    };
    const optimizer::FitResult fitted = optimizer::fit(train, config, sub_progress, cancel);
    for (std::size_t i = test_start; i < test_end; ++i) {
      p.push_back(optimizer::predict(fitted.weights, items[i]));
      tested.push_back(items[i]);
    }
  }
  return metrics(tested, p, std::vector<double>(tested.size(), 1.0));
}

}  // namespace casebook::core::evaluate
