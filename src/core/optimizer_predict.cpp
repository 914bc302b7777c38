// The optimizer's plain forward pass (fsrs-rs model.rs `step`), predictions of one item, and
// PredictionPlan, which predicts many items at once reusing shared review histories.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "core/hash.hpp"
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

Memory run(const Weights& w, const Derived& k, const std::vector<revlog::FsrsReview>& reviews, std::size_t from,
           std::size_t to, Memory m) {
  for (std::size_t i = from; i < to; ++i) {
    m = step(w, k, static_cast<double>(reviews[i].delta_t), reviews[i].rating, m, i == 0);
  }
  return m;
}

double predict_with(const Weights& w, const Derived& k, const FsrsItem& item) {
  const Memory m = run(w, k, item.reviews, 0, item.reviews.size() - 1, {});
  return forgetting_curve(k, static_cast<double>(item.current().delta_t), clamp_(m.s, kSMin, kSMax));
}

}  // namespace detail

using namespace detail;

fsrs::MemoryState memory_after(const Weights& w, const std::vector<revlog::FsrsReview>& reviews) {
  const Memory m = run(w, Derived(w), reviews, 0, reviews.size(), {});
  return {m.s, m.d};
}

double predict(const Weights& w, const FsrsItem& item) { return predict_with(w, Derived(w), item); }

namespace {

/// A 64-bit hash of a review sequence, extended one (rating, delta_t) pair at a time with
/// splitmix64's mix (equal sequences give equal hashes, and every match is verified).
std::uint64_t extend_hash(std::uint64_t h, const revlog::FsrsReview& r) {
  const std::uint64_t v = (static_cast<std::uint64_t>(r.delta_t) << 8U) | static_cast<std::uint8_t>(r.rating);
  return splitmix64_mix(h ^ v);
}
/// The hash of no reviews.
constexpr std::uint64_t kEmptyHash = 0;

}  // namespace

PredictionPlan::PredictionPlan(std::vector<const FsrsItem*> items)
    : m_items(std::move(items)), m_parent(m_items.size(), kNone), m_is_parent(m_items.size(), false) {
  // One pass over the reviews: hashes of every prefix of every item (offsets[i] .. offsets[i+1]
  // holds item i's prefixes of length 0..n), the full sequence's hash indexed.
  std::vector<std::size_t> offsets(m_items.size() + 1, 0);
  for (std::size_t i = 0; i < m_items.size(); ++i) offsets[i + 1] = offsets[i] + m_items[i]->reviews.size() + 1;
  std::vector<std::uint64_t> prefix(offsets.back());
  std::unordered_map<std::uint64_t, std::size_t> by_reviews;  // hash of all reviews -> an item
  by_reviews.reserve(m_items.size());
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    std::uint64_t* h = prefix.data() + offsets[i];
    h[0] = kEmptyHash;
    const auto& reviews = m_items[i]->reviews;
    for (std::size_t k = 0; k < reviews.size(); ++k) h[k + 1] = extend_hash(h[k], reviews[k]);
    by_reviews.emplace(h[reviews.size()], i);
  }
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    const auto& reviews = m_items[i]->reviews;
    if (reviews.size() < 3) continue;  // a parent has 2+ reviews and is shorter than the history
    const std::uint64_t* h = prefix.data() + offsets[i];
    // The longest item whose reviews are this item's first len (len < its review count).
    for (std::size_t len = reviews.size() - 1; len >= 2; --len) {
      const auto it = by_reviews.find(h[len]);
      if (it == by_reviews.end()) continue;
      const auto& other = m_items[it->second]->reviews;
      if (other.size() == len && std::equal(other.begin(), other.end(), reviews.begin())) {
        m_parent[i] = it->second;
        m_is_parent[it->second] = true;
        break;
      }
    }
  }
  m_order.resize(m_items.size());
  std::iota(m_order.begin(), m_order.end(), std::size_t{0});
  std::stable_sort(m_order.begin(), m_order.end(), [&](std::size_t a, std::size_t b) {
    return m_items[a]->reviews.size() < m_items[b]->reviews.size();
  });
}

std::vector<double> PredictionPlan::predict(const Weights& w) const {
  const Derived k(w);
  std::vector<double> p(m_items.size());
  std::vector<Memory> after_all(m_items.size());  // memory after every review (parents only)
  for (const std::size_t i : m_order) {
    const auto& reviews = m_items[i]->reviews;
    const std::size_t parent = m_parent[i];
    const std::size_t from = parent == kNone ? 0 : m_items[parent]->reviews.size();
    const Memory m = run(w, k, reviews, from, reviews.size() - 1, parent == kNone ? Memory{} : after_all[parent]);
    p[i] = forgetting_curve(k, static_cast<double>(reviews.back().delta_t), clamp_(m.s, kSMin, kSMax));
    if (m_is_parent[i]) after_all[i] = run(w, k, reviews, reviews.size() - 1, reviews.size(), m);
  }
  return p;
}

}  // namespace casebook::core::optimizer
