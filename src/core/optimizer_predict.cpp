// The optimizer's plain forward pass (fsrs-rs model.rs `step`), predictions of one item, and
// PredictionPlan, which predicts many items at once reusing shared review histories.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <functional>
#include <utility>

#include "core/optimizer_model.hpp"

namespace casebook::core::optimizer {

namespace detail {

Memory step(const Weights& w, const Derived& k, double delta_t, int rating, const Memory& m, bool first) {
  const auto gi = static_cast<std::size_t>(rating - 1);
  if (first) return {clamp_(w[gi], kSMin, kSMax), clamp_(k.d0[gi], kDMin, kDMax)};
  const double s = m.s;
  const double d = m.d;
  double new_s = 0.0;
  if (delta_t == 0.0) {
    const double sinc = k.short_term[gi] * std::pow(s, -w[19]);
    new_s = s * (rating >= 2 ? std::max(sinc, 1.0) : sinc);
  } else {
    const double r = forgetting_curve(k, delta_t, s);
    if (rating == 1) {
      const double pls = w[11] * std::pow(d, -w[12]) * (std::pow(s + 1.0, w[13]) - 1.0) * std::exp((1.0 - r) * w[14]);
      const double floor_s = s / k.again_divisor;
      new_s = floor_s < pls ? floor_s : pls;
    } else {
      double growth = k.exp_w8 * (11.0 - d) * std::pow(s, -w[9]) * (std::exp((1.0 - r) * w[10]) - 1.0);
      if (rating == 2) growth = growth * w[15];
      if (rating == 4) growth = growth * w[16];
      new_s = s * (growth + 1.0);
    }
  }
  const double reverted = next_difficulty(w, k, d, static_cast<double>(rating));
  return {clamp_(new_s, kSMin, kSMax), clamp_(reverted, kDMin, kDMax)};
}

Memory run(const Weights& w, const Derived& k, std::span<const revlog::FsrsReview> reviews, std::size_t from,
           std::size_t to, Memory m) {
  for (std::size_t i = from; i < to; ++i) {
    m = step(w, k, static_cast<double>(reviews[i].delta_t), reviews[i].rating, m, i == 0);
  }
  return m;
}

double predict_with(const Weights& w, const Derived& k, const FsrsItem& item) {
  const auto reviews = item.reviews();
  const Memory m = run(w, k, reviews, 0, reviews.size() - 1, {});
  return forgetting_curve(k, static_cast<double>(item.current().delta_t), clamp_(m.s, kSMin, kSMax));
}

}  // namespace detail

using namespace detail;

fsrs::MemoryState memory_after(const Weights& w, std::span<const revlog::FsrsReview> reviews) {
  const Memory m = run(w, Derived(w), reviews, 0, reviews.size(), {});
  return {m.s, m.d};
}

double predict(const Weights& w, const FsrsItem& item) { return predict_with(w, Derived(w), item); }

PredictionPlan::PredictionPlan(std::vector<const FsrsItem*> items)
    : m_items(std::move(items)), m_parent(m_items.size(), kNone), m_is_parent(m_items.size(), false) {
  // Items by (history, length): a card's items follow one another, each a prefix of the next.
  // Bit-identical to predicting each item alone whichever parent is chosen (the memory after
  // a prefix depends only on its reviews), so only items of the same history are linked.
  m_order.resize(m_items.size());
  std::iota(m_order.begin(), m_order.end(), std::size_t{0});
  std::vector<std::size_t> by_history = m_order;
  std::stable_sort(by_history.begin(), by_history.end(), [&](std::size_t a, std::size_t b) {
    const FsrsItem& x = *m_items[a];
    const FsrsItem& y = *m_items[b];
    if (x.history_data() != y.history_data()) return std::less<>()(x.history_data(), y.history_data());
    return x.reviews().size() < y.reviews().size();
  });
  std::size_t candidate = kNone;  // the longest item of this history shorter than the current one, 2+ reviews
  std::size_t last = kNone;       // the item before the current one, when of the same history
  for (const std::size_t i : by_history) {
    if (last != kNone && m_items[last]->history_data() != m_items[i]->history_data()) candidate = last = kNone;
    const std::size_t length = m_items[i]->reviews().size();
    if (last != kNone && m_items[last]->reviews().size() < length && m_items[last]->reviews().size() >= 2) {
      candidate = last;  // an equal length is a duplicate, not a prefix: the candidate stays
    }
    if (candidate != kNone) {
      m_parent[i] = candidate;
      m_is_parent[candidate] = true;
    }
    last = i;
  }
  std::stable_sort(m_order.begin(), m_order.end(), [&](std::size_t a, std::size_t b) {
    return m_items[a]->reviews().size() < m_items[b]->reviews().size();
  });
}

std::vector<double> PredictionPlan::predict(const Weights& w) const {
  const Derived k(w);
  std::vector<double> p(m_items.size());
  std::vector<Memory> after_all(m_items.size());  // memory after every review (parents only)
  for (const std::size_t i : m_order) {
    const auto reviews = m_items[i]->reviews();
    const std::size_t parent = m_parent[i];
    const std::size_t from = parent == kNone ? 0 : m_items[parent]->reviews().size();
    const Memory m = run(w, k, reviews, from, reviews.size() - 1, parent == kNone ? Memory{} : after_all[parent]);
    p[i] = forgetting_curve(k, static_cast<double>(reviews.back().delta_t), clamp_(m.s, kSMin, kSMax));
    if (m_is_parent[i]) after_all[i] = run(w, k, reviews, reviews.size() - 1, reviews.size(), m);
  }
  return p;
}

}  // namespace casebook::core::optimizer
