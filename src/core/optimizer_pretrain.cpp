// Pretraining of the initial stabilities w0-w3 and the data preparation before training, as
// fsrs-rs 6.5.0 pre_training.rs and training.rs do them, and the parameter clipping.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "core/optimizer_model.hpp"

namespace casebook::core::optimizer {

namespace detail {

/// fsrs-rs pre_training.rs `smooth_and_fill` over ratings 1..4 (index 0..3).
std::array<double, 4> smooth_and_fill(std::array<std::optional<double>, 4> s, const std::array<std::size_t, 4>& count) {
  for (std::size_t i = 0; i < 4; ++i) {
    if (count[i] == 0) s[i].reset();
  }
  constexpr std::array<std::pair<std::size_t, std::size_t>, 6> pairs = {
      {{0, 1}, {1, 2}, {2, 3}, {0, 2}, {1, 3}, {0, 3}}};
  for (const auto& [small, big] : pairs) {
    if (s[small] && s[big] && *s[small] > *s[big]) {
      if (count[small] > count[big]) {
        s[big] = *s[small];
      } else {
        s[small] = *s[big];
      }
    }
  }
  const double w1 = 0.6;
  const double w2 = 0.6;
  const auto present = static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](const auto& v) { return v.has_value(); }));
  if (present == 0) throw std::invalid_argument("pretrain: no first reviews to fit initial stability");
  auto p = [](double a, double e) { return std::pow(a, e); };
  if (present == 1) {
    std::size_t k = 0;
    while (!s[k]) ++k;
    const double factor = *s[k] / kDefaultS0[k];
    for (std::size_t i = 0; i < 4; ++i) s[i] = kDefaultS0[i] * factor;
  } else if (present == 2) {
    if (!s[0] && !s[1]) {
      s[1] = p(*s[2], 1.0 / (1.0 - w2)) * p(*s[3], 1.0 - 1.0 / (1.0 - w2));
      s[0] = p(*s[1], 1.0 / w1) * p(*s[2], 1.0 - 1.0 / w1);
    } else if (!s[0] && !s[2]) {
      s[2] = p(*s[1], 1.0 - w2) * p(*s[3], w2);
      s[0] = p(*s[1], 1.0 / w1) * p(*s[2], 1.0 - 1.0 / w1);
    } else if (!s[0] && !s[3]) {
      s[3] = p(*s[1], 1.0 - 1.0 / w2) * p(*s[2], 1.0 / w2);
      s[0] = p(*s[1], 1.0 / w1) * p(*s[2], 1.0 - 1.0 / w1);
    } else if (!s[1] && !s[2]) {
      const double k = w1 + w2 - w1 * w2;
      s[1] = p(*s[0], w1 / k) * p(*s[3], 1.0 - w1 / k);
      s[2] = p(*s[0], 1.0 - w2 / k) * p(*s[3], w2 / k);
    } else if (!s[1] && !s[3]) {
      s[1] = p(*s[0], w1) * p(*s[2], 1.0 - w1);
      s[3] = p(*s[1], 1.0 - 1.0 / w2) * p(*s[2], 1.0 / w2);
    } else if (!s[2] && !s[3]) {
      s[2] = p(*s[0], 1.0 - 1.0 / (1.0 - w1)) * p(*s[1], 1.0 / (1.0 - w1));
      s[3] = p(*s[1], 1.0 - 1.0 / w2) * p(*s[2], 1.0 / w2);
    }
  } else if (present == 3) {
    if (!s[0]) {
      s[0] = p(*s[1], 1.0 / w1) * p(*s[2], 1.0 - 1.0 / w1);
    } else if (!s[1]) {
      s[1] = p(*s[0], w1) * p(*s[2], 1.0 - w1);
    } else if (!s[2]) {
      s[2] = p(*s[1], 1.0 - w2) * p(*s[3], w2);
    } else {
      s[3] = p(*s[1], 1.0 - 1.0 / w2) * p(*s[2], 1.0 / w2);
    }
  }
  std::array<double, 4> out{};
  for (std::size_t i = 0; i < 4; ++i) out[i] = std::clamp(*s[i], kSMin, kInitSMax);
  return out;
}

}  // namespace detail

using namespace detail;

Weights clip_for_training(const Weights& w, std::size_t num_relearning_steps) {
  double ceiling = 2.0;
  if (num_relearning_steps > 1) {
    const double v = -(std::log(w[11]) + std::log(std::pow(2.0, w[13]) - 1.0) + w[14] * 0.3) /
                     static_cast<double>(num_relearning_steps);
    ceiling = std::min(std::sqrt(std::max(v, 0.01)), 2.0);
  }
  const std::array<std::pair<double, double>, kN> ranges = {{
      {kSMin, kInitSMax}, {kSMin, kInitSMax}, {kSMin, kInitSMax}, {kSMin, kInitSMax},
      {1.0, 10.0}, {0.001, 4.0}, {0.001, 4.0}, {0.001, 0.75}, {0.0, 4.5}, {0.0, 0.8},
      {0.001, 3.5}, {0.001, 5.0}, {0.001, 0.25}, {0.001, 0.9}, {0.0, 4.0}, {0.0, 1.0},
      {1.0, 6.0}, {0.0, ceiling}, {0.0, ceiling}, {0.0, 0.8}, {0.1, 0.8},
  }};
  Weights out{};
  for (std::size_t i = 0; i < kN; ++i) out[i] = std::clamp(w[i], ranges[i].first, ranges[i].second);
  return out;
}

std::pair<std::vector<FsrsItem>, std::vector<FsrsItem>> prepare_training_data(const std::vector<FsrsItem>& items) {
  // rating -> delta_t -> items with exactly one long-term review.
  std::map<int, std::map<std::uint32_t, std::vector<const FsrsItem*>>> groups;
  for (const auto& item : items) {
    if (item.long_term_review_count() == 1) {
      groups[item.reviews().front().rating][item.current().delta_t].push_back(&item);
    }
  }
  std::vector<FsrsItem> pretrain_set;
  std::map<int, std::vector<std::uint32_t>> removed;
  for (const auto& [rating, by_dt] : groups) {
    std::vector<std::pair<std::uint32_t, const std::vector<const FsrsItem*>*>> sub;
    std::size_t total = 0;
    for (const auto& [dt, v] : by_dt) {
      sub.emplace_back(dt, &v);
      total += v.size();
    }
    // Smallest groups first; among equal sizes the smaller delta_t first.
    std::sort(sub.begin(), sub.end(), [](const auto& a, const auto& b) {
      if (a.second->size() != b.second->size()) return a.second->size() < b.second->size();
      return a.first < b.first;
    });
    std::size_t removed_count = 0;
    const std::size_t quota = std::max<std::size_t>(20, total / 20);
    for (const auto& [dt, v] : sub) {
      if (removed_count + v->size() >= quota) {
        const std::uint32_t max_dt = rating != 4 ? 100 : 365;
        if (v->size() >= 6 && dt <= max_dt) {
          for (const FsrsItem* it : *v) pretrain_set.push_back(*it);
        } else {
          removed[rating].push_back(dt);
        }
      } else {
        removed_count += v->size();
        removed[rating].push_back(dt);
      }
    }
  }
  std::vector<FsrsItem> train_set;
  for (const auto& item : items) {
    const auto r = removed.find(item.reviews().front().rating);
    if (r != removed.end() &&
        std::find(r->second.begin(), r->second.end(), item.first_long_term_review().delta_t) != r->second.end()) {
      continue;
    }
    train_set.push_back(item);
  }
  return {std::move(pretrain_set), std::move(train_set)};
}

std::array<double, 4> pretrain(const std::vector<FsrsItem>& pretrain_set, double average_recall,
                               std::array<std::size_t, 4>& rating_count) {
  // first rating -> first long-term delta_t -> (recalled, total)
  std::array<std::map<std::uint32_t, std::pair<double, double>>, 4> data;
  rating_count = {};
  for (const auto& item : pretrain_set) {
    const int first = item.reviews().front().rating;
    if (first < 1 || first > 4) continue;
    const auto idx = static_cast<std::size_t>(first - 1);
    const auto& lt = item.first_long_term_review();
    auto& cell = data[idx][lt.delta_t];
    cell.first += lt.rating > 1 ? 1.0 : 0.0;
    cell.second += 1.0;
    ++rating_count[idx];
  }
  const double decay = -kDefaultWeights[20];
  const double factor = std::pow(0.9, 1.0 / decay) - 1.0;
  std::array<std::optional<double>, 4> stability;
  for (std::size_t r = 0; r < 4; ++r) {
    if (data[r].empty()) continue;
    auto loss = [&](double s0) {
      double sum = 0.0;
      for (const auto& [dt, cell] : data[r]) {
        const double recall = cell.first / cell.second;
        const double smoothed = (recall * cell.second + average_recall) / (cell.second + 1.0);
        const double y = std::pow(static_cast<double>(dt) / s0 * factor + 1.0, decay);
        sum += -(smoothed * std::log(y) + (1.0 - smoothed) * std::log(1.0 - y)) * cell.second;
      }
      return sum + std::abs(s0 - kDefaultS0[r]) / 16.0;
    };
    double low = kSMin;
    double high = kInitSMax;
    double best = kDefaultS0[r];
    for (int iter = 0; high - low > std::numeric_limits<double>::epsilon() && iter < 1000; ++iter) {
      const double mid1 = low + (high - low) / 3.0;
      const double mid2 = high - (high - low) / 3.0;
      if (loss(mid1) < loss(mid2)) {
        high = mid2;
      } else {
        low = mid1;
      }
      best = (high + low) / 2.0;
    }
    stability[r] = best;
  }
  return smooth_and_fill(stability, rating_count);
}

}  // namespace casebook::core::optimizer
