// FSRS-6 parameter fitting as fsrs-rs 6.5.0 does it (see optimizer.hpp, docs/optimizer.md): the
// training loop (Adam over batches, the best epoch kept), and the text form of the parameters.
// The model is in optimizer_model.hpp and optimizer_predict.cpp, the loss and its gradient in
// optimizer_loss.cpp, pretraining in optimizer_pretrain.cpp.
#include "core/optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <optional>
#include <random>
#include <utility>

#include "core/number.hpp"
#include "core/optimizer_model.hpp"

namespace casebook::core::optimizer {

using namespace detail;

namespace {

std::string count_text(std::size_t n, const char* what) { return std::to_string(n) + " " + what; }

}  // namespace

FitResult fit(const std::vector<FsrsItem>& items, const TrainingConfig& config, const ProgressFn& progress,
              const std::atomic<bool>* cancel) {
  FitResult result;
  result.weights = kDefaultWeights;
  result.items = items.size();
  auto report = [&](double f) {
    if (progress) progress(std::clamp(f, 0.0, 1.0));
  };
  auto check_cancel = [&] {
    if (cancel != nullptr && cancel->load()) throw Cancelled();
  };

  const double recalled = static_cast<double>(
      std::count_if(items.begin(), items.end(), [](const FsrsItem& i) { return i.recalled(); }));
  const double average_recall = items.empty() ? 0.0 : recalled / static_cast<double>(items.size());
  auto [pretrain_set, train_set] = prepare_training_data(items);
  result.training_items = train_set.size();
  result.pretrain_items = pretrain_set.size();
  if (train_set.size() < kMinItemsForAnyFit) {
    result.note = "kept the default parameters: " + count_text(train_set.size(), "training items") + " of " +
                  std::to_string(items.size()) + " remain after the outlier filter, fewer than " +
                  std::to_string(kMinItemsForAnyFit) + " (the fsrs-rs 6.5.0 minimum)";
    report(1.0);
    return result;
  }
  std::array<std::size_t, 4> rating_count{};
  std::array<double, 4> s0 = kDefaultS0;
  if (!pretrain_set.empty()) s0 = pretrain(pretrain_set, average_recall, rating_count);
  Weights init = kDefaultWeights;
  std::copy(s0.begin(), s0.end(), init.begin());
  if (train_set.size() == pretrain_set.size() || train_set.size() < kMinItemsForFullFit) {
    result.weights = init;
    result.kind = FitKind::PretrainOnly;
    result.note = "fitted only the initial stabilities w0-w3: " + count_text(train_set.size(), "training items") +
                  (train_set.size() < kMinItemsForFullFit
                       ? ", fewer than " + std::to_string(kMinItemsForFullFit) + " (fsrs-rs 6.5.0 minimum for a full fit)"
                       : ", all of them first long-term reviews");
    report(1.0);
    return result;
  }
  if (!config.enable_short_term) init[17] = init[18] = init[19] = 0.0;

  // Recency weights in time order, then long items left out, then batches by length.
  std::vector<const FsrsItem*> train;
  std::vector<double> weight;
  {
    const double denom = std::max(static_cast<double>(train_set.size()) - 1.0, 1.0);
    for (std::size_t i = 0; i < train_set.size(); ++i) {
      if (train_set[i].reviews().size() > config.max_seq_len) continue;
      const double x = static_cast<double>(i) / denom;
      train.push_back(&train_set[i]);
      weight.push_back(0.25 + 0.75 * x * x * x);
    }
  }
  std::vector<std::size_t> order(train.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return train[a]->reviews().size() < train[b]->reviews().size(); });
  struct Batch {
    std::vector<const FsrsItem*> items;
    std::vector<double> weights;
  };
  std::vector<Batch> batches;
  const std::size_t bs = std::max<std::size_t>(config.batch_size, 1);
  for (std::size_t k = 0; k < order.size(); k += bs) {
    Batch b;
    for (std::size_t j = k; j < std::min(order.size(), k + bs); ++j) {
      b.items.push_back(train[order[j]]);
      b.weights.push_back(weight[order[j]]);
    }
    batches.push_back(std::move(b));
  }
  const std::size_t total = train.size();
  std::vector<const FsrsItem*> in_batch_order;
  for (const Batch& b : batches) in_batch_order.insert(in_batch_order.end(), b.items.begin(), b.items.end());
  const PredictionPlan plan(std::move(in_batch_order));
  const int epochs = std::max(config.epochs, 1);
  const double iterations = static_cast<double>((total / bs + 1) * static_cast<std::size_t>(epochs));

  Weights w = init;
  Weights m{};
  Weights v{};
  const double beta1 = 0.9;
  const double beta2 = 0.999;
  const double eps = 1e-8;
  std::mt19937_64 rng(config.seed);
  std::vector<std::size_t> batch_order(batches.size());
  std::iota(batch_order.begin(), batch_order.end(), std::size_t{0});
  double best_loss = std::numeric_limits<double>::infinity();
  Weights best = w;
  int step_count = 0;
  const double total_steps = static_cast<double>(batches.size()) * epochs;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(batch_order.begin(), batch_order.end(), rng);
    for (std::size_t bi = 0; bi < batch_order.size(); ++bi) {
      check_cancel();
      const Batch& b = batches[batch_order[bi]];
      Weights grad{};
      (void)batch_loss(w, b.items, b.weights, init, config.gamma, total, &grad);
      if (!config.enable_short_term) {
        for (std::size_t i : {0U, 1U, 2U, 3U, 17U, 18U, 19U}) grad[i] = 0.0;
      }
      ++step_count;
      const double lr = config.learning_rate * 0.5 * (1.0 + std::cos(std::numbers::pi * step_count / iterations));
      const double c1 = 1.0 - std::pow(beta1, step_count);
      const double c2 = 1.0 - std::pow(beta2, step_count);
      for (std::size_t i = 0; i < kN; ++i) {
        m[i] = beta1 * m[i] + (1.0 - beta1) * grad[i];
        v[i] = beta2 * v[i] + (1.0 - beta2) * grad[i] * grad[i];
        w[i] -= lr * (m[i] / c1) / (std::sqrt(v[i] / c2) + eps);
      }
      w = clip_for_training(w, config.num_relearning_steps);
      report(step_count / total_steps * 0.99);
    }
    // The training loss of the epoch: every item predicted once (items that continue a shorter
    // item's history start from its memory), then per-batch sums in batch order.
    const std::vector<double> p = plan.predict(w);
    std::vector<double> batch_losses(batches.size());
    for (std::size_t k = 0, at = 0; k < batches.size(); at += batches[k].items.size(), ++k) {
      const double scale = config.gamma * static_cast<double>(batches[k].items.size()) / static_cast<double>(total);
      batch_losses[k] = weighted_bce_sum(p.data() + at, batches[k].items, batches[k].weights) +
                        penalty(w, init, scale, nullptr);
    }
    const double loss = std::accumulate(batch_losses.begin(), batch_losses.end(), 0.0) / static_cast<double>(total);
    if (loss < best_loss) {
      best_loss = loss;
      best = w;
      result.best_epoch = epoch;
    }
  }
  std::array<std::optional<double>, 4> fitted_s0;
  for (std::size_t i = 0; i < 4; ++i) fitted_s0[i] = best[i];
  if (!pretrain_set.empty()) {
    const auto smoothed = smooth_and_fill(fitted_s0, rating_count);
    std::copy(smoothed.begin(), smoothed.end(), best.begin());
  }
  for (double x : best) {
    if (!std::isfinite(x)) throw std::runtime_error("optimizer: the fit diverged (non-finite parameter)");
  }
  result.weights = best;
  result.kind = FitKind::Full;
  report(1.0);
  return result;
}

std::string format_weights(const Weights& w) {
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i > 0) out += ", ";
    out += format_fixed(std::abs(w[i]) < 5e-5 ? 0.0 : w[i], 4);
  }
  return out;
}

Weights parse_weights(const std::string& text) {
  Weights w{};
  std::size_t n = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    const std::string field = text.substr(pos, comma - pos);
    const auto b = field.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) throw std::invalid_argument("parameters: empty number in the list");
    const auto e = field.find_last_not_of(" \t\r\n");
    const std::string num = field.substr(b, e - b + 1);
    const std::optional<double> x = parse_double(num);
    if (!x) throw std::invalid_argument("parameters: '" + num + "' is not a number");
    if (n >= w.size()) throw std::invalid_argument("parameters: more than 21 numbers");
    w[n++] = *x;
    pos = comma + 1;
  }
  if (n != w.size()) throw std::invalid_argument("parameters: expected 21 numbers, found " + std::to_string(n));
  return w;
}

}  // namespace casebook::core::optimizer
