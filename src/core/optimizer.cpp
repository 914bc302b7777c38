// FSRS-6 parameter fitting as fsrs-rs 6.5.0 does it (see optimizer.hpp, docs/optimizer.md).
// The memory model is written once as a template and evaluated with doubles (prediction)
// or with reverse-mode variables recorded on a tape (training gradients).
#include "core/optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>
#include <thread>
#include <utility>

#include "core/scheduler.hpp"

namespace casebook::core::optimizer {

namespace {

constexpr std::size_t kN = 21;
constexpr double kSMin = 0.001;
constexpr double kSMax = 36500.0;
constexpr double kInitSMax = 100.0;
constexpr double kDMin = 1.0;
constexpr double kDMax = 10.0;

/// Reverse-mode automatic differentiation: every operation on a Var appends one node (its
/// up to two operands and the partial derivatives with respect to them) to the calling
/// thread's tape; a backward sweep then gives d(output)/d(w0..w20) for the cost of a few
/// multiply-adds per operation (forward mode would carry 21 derivatives through each).
/// Slots 0..20 are the parameters, slot 21 a sink for constants; nodes follow.
constexpr std::uint32_t kSink = kN;
constexpr std::uint32_t kFirstNode = kN + 1;

struct Node {
  std::uint32_t a;
  std::uint32_t b;
  double da;
  double db;
};

struct Tape {
  std::vector<Node> nodes;    ///< nodes[k] is slot kFirstNode + k
  std::vector<double> adj;    ///< adjoints of all slots, for the backward sweep
  void reset() { nodes.clear(); }
};

thread_local Tape t_tape;

struct Var {
  double v = 0.0;
  std::uint32_t id = kSink;
  Var() = default;
  Var(double value) : v(value) {}  // NOLINT: constants mix freely with variables
  Var(double value, std::uint32_t slot) : v(value), id(slot) {}
};

/// A new variable with value `v` depending on a (partial da) and b (partial db).
Var record(double v, std::uint32_t a, double da, std::uint32_t b, double db) {
  if (a == kSink && b == kSink) return Var(v);
  t_tape.nodes.push_back({a, b, da, db});
  return Var(v, static_cast<std::uint32_t>(kFirstNode + t_tape.nodes.size() - 1));
}

Var operator+(const Var& a, const Var& b) { return record(a.v + b.v, a.id, 1.0, b.id, 1.0); }
Var operator-(const Var& a, const Var& b) { return record(a.v - b.v, a.id, 1.0, b.id, -1.0); }
Var operator-(const Var& a) { return record(-a.v, a.id, -1.0, kSink, 0.0); }
Var operator*(const Var& a, const Var& b) { return record(a.v * b.v, a.id, b.v, b.id, a.v); }
Var operator/(const Var& a, const Var& b) {
  const double inv = 1.0 / b.v;
  const double r = a.v * inv;
  return record(r, a.id, inv, b.id, -r * inv);
}

double value(double x) { return x; }
double value(const Var& x) { return x.v; }
double exp_(double x) { return std::exp(x); }
Var exp_(const Var& a) {
  const double e = std::exp(a.v);
  return record(e, a.id, e, kSink, 0.0);
}
double pow_(double a, double b) { return std::pow(a, b); }
/// a^b with both varying (a > 0): d = a^b * (b' ln a + b a'/a).
Var pow_(const Var& a, const Var& b) {
  if (b.id == kSink) {
    const double p = std::pow(a.v, b.v);
    return record(p, a.id, p * b.v / a.v, kSink, 0.0);
  }
  const double la = std::log(a.v);  // one log + one exp instead of pow + log
  const double p = std::exp(b.v * la);
  return record(p, a.id, p * b.v / a.v, b.id, p * la);
}

/// Gradient of variable `out` with respect to w0..w20 times `seed`, added to `grad`; the
/// tape is cleared afterwards.
void backward(const Var& out, double seed, Weights& grad) {
  Tape& t = t_tape;
  const std::size_t slots = kFirstNode + t.nodes.size();
  if (out.id != kSink) {
    t.adj.assign(slots, 0.0);
    t.adj[out.id] = seed;
    for (std::size_t k = t.nodes.size(); k-- > 0;) {
      const double g = t.adj[kFirstNode + k];
      if (g == 0.0) continue;
      const Node& n = t.nodes[k];
      t.adj[n.a] += n.da * g;
      t.adj[n.b] += n.db * g;
    }
    for (std::size_t i = 0; i < kN; ++i) grad[i] += t.adj[i];
  }
  t.reset();
}
/// Clamp with zero derivative where the bound is active (as burn's clamp).
template <class T>
T clamp_(const T& x, double lo, double hi) {
  if (value(x) < lo) return T(lo);
  if (value(x) > hi) return T(hi);
  return x;
}
template <class T>
const T& min_(const T& a, const T& b) {
  return value(b) < value(a) ? b : a;
}
template <class T>
const T& max_(const T& a, const T& b) {
  return value(b) > value(a) ? b : a;
}

template <class T>
using Params = std::array<T, kN>;

template <class T>
struct Memory {
  T s{};
  T d{};
};

template <class T>
T init_difficulty(const Params<T>& w, int rating) {
  return w[4] - exp_(w[5] * T(static_cast<double>(rating - 1))) + T(1.0);
}

/// The terms that depend on the parameters only, computed once per item rather than once
/// per review (same values: this only saves work).
template <class T>
struct Derived {
  T decay;         ///< -w20
  T factor;        ///< 0.9^(1/decay) - 1
  T exp_w8;        ///< e^w8
  T d0_easy;       ///< init_difficulty(4), the mean-reversion target (unclamped)
  T again_divisor; ///< e^(w17*w18), the floor of S after a lapse is S / this
  explicit Derived(const Params<T>& w)
      : decay(-w[20]),
        factor(exp_(T(std::log(0.9)) / decay) - T(1.0)),
        exp_w8(exp_(w[8])),
        d0_easy(init_difficulty(w, 4)),
        again_divisor(exp_(w[17] * w[18])) {}
};

/// (1 + factor*t/S)^decay with decay = -w20, factor = 0.9^(1/decay) - 1 (model.rs).
template <class T>
T forgetting_curve(const Derived<T>& k, double t, const T& s) {
  return pow_(T(1.0) + k.factor * T(t) / s, k.decay);
}

/// One fsrs-rs model.rs `step`.
template <class T>
Memory<T> step(const Params<T>& w, const Derived<T>& k, double delta_t, int rating, const Memory<T>& m, bool first) {
  const double g = static_cast<double>(rating);
  if (first) {
    return {clamp_(w[static_cast<std::size_t>(rating - 1)], kSMin, kSMax),
            clamp_(init_difficulty(w, rating), kDMin, kDMax)};
  }
  const T s = clamp_(m.s, kSMin, kSMax);
  const T d = clamp_(m.d, kDMin, kDMax);
  T new_s;
  if (delta_t == 0.0) {
    const T sinc = exp_(w[17] * (T(g - 3.0) + w[18])) * pow_(s, -w[19]);
    new_s = s * (rating >= 2 ? max_(sinc, T(1.0)) : sinc);
  } else {
    const T r = forgetting_curve(k, delta_t, s);
    if (rating == 1) {
      const T pls = w[11] * pow_(d, -w[12]) * (pow_(s + T(1.0), w[13]) - T(1.0)) *
                    exp_((T(1.0) - r) * w[14]);
      const T floor_s = s / k.again_divisor;
      new_s = min_(pls, floor_s);
    } else {
      T growth = k.exp_w8 * (T(11.0) - d) * pow_(s, -w[9]) * (exp_((T(1.0) - r) * w[10]) - T(1.0));
      if (rating == 2) growth = growth * w[15];
      if (rating == 4) growth = growth * w[16];
      new_s = s * (growth + T(1.0));
    }
  }
  const T next_d = d + (-w[6] * T(g - 3.0)) * (T(10.0) - d) / T(9.0);
  const T reverted = w[7] * (k.d0_easy - next_d) + next_d;
  return {clamp_(new_s, kSMin, kSMax), clamp_(reverted, kDMin, kDMax)};
}

template <class T>
Memory<T> run(const Params<T>& w, const Derived<T>& k, const std::vector<revlog::FsrsReview>& reviews,
              std::size_t count) {
  Memory<T> m{T(0.0), T(0.0)};
  for (std::size_t i = 0; i < count; ++i) {
    m = step(w, k, static_cast<double>(reviews[i].delta_t), reviews[i].rating, m, i == 0);
  }
  return m;
}

template <class T>
T predict_t(const Params<T>& w, const FsrsItem& item) {
  const Derived<T> k(w);
  const Memory<T> m = run(w, k, item.reviews, item.reviews.size() - 1);
  return forgetting_curve(k, static_cast<double>(item.current().delta_t), clamp_(m.s, kSMin, kSMax));
}

Params<Var> leaf_vars(const Weights& w) {
  Params<Var> out;
  for (std::size_t i = 0; i < kN; ++i) out[i] = Var(w[i], static_cast<std::uint32_t>(i));
  return out;
}

/// Binary cross-entropy with the probability kept off 0 and 1 (log of 0 is -inf).
double bce(double p, bool label) {
  const double q = std::clamp(p, 1e-12, 1.0 - 1e-12);
  return label ? -std::log(q) : -std::log(1.0 - q);
}

/// Items per half-batch below which batch_loss does not start a second thread.
constexpr std::size_t kMinItemsPerThread = 64;

/// Sum of weight_k * BCE over batch[begin, end) and its gradient (added to `grad`).
double gradient_sum(const Weights& w, const std::vector<const FsrsItem*>& batch, const std::vector<double>& item_weights,
                    std::size_t begin, std::size_t end, Weights& grad) {
  const Params<Var> wv = leaf_vars(w);
  double sum = 0.0;
  for (std::size_t k = begin; k < end; ++k) {
    const Var p = predict_t(wv, *batch[k]);
    const bool y = batch[k]->recalled();
    sum += item_weights[k] * bce(p.v, y);
    const double q = std::clamp(p.v, 1e-12, 1.0 - 1e-12);
    const bool inside = q == p.v;
    const double dl_dp = inside ? (y ? -1.0 / q : 1.0 / (1.0 - q)) : 0.0;
    backward(p, item_weights[k] * dl_dp, grad);
  }
  return sum;
}

double penalty(const Weights& w, const Weights& w_init, double scale, Weights* grad) {
  double sum = 0.0;
  for (std::size_t i = 0; i < kN; ++i) {
    const double diff = w[i] - w_init[i];
    const double var = kParamsStddev[i] * kParamsStddev[i];
    sum += diff * diff / var;
    if (grad != nullptr) (*grad)[i] += scale * 2.0 * diff / var;
  }
  return sum * scale;
}

constexpr std::array<double, 4> kDefaultS0 = {kDefaultWeights[0], kDefaultWeights[1], kDefaultWeights[2],
                                              kDefaultWeights[3]};

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

std::string count_text(std::size_t n, const char* what) { return std::to_string(n) + " " + what; }

}  // namespace

fsrs::MemoryState memory_after(const Weights& w, const std::vector<revlog::FsrsReview>& reviews) {
  const Memory<double> m = run(w, Derived<double>(w), reviews, reviews.size());
  return {m.s, m.d};
}

double predict(const Weights& w, const FsrsItem& item) { return predict_t(w, item); }

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
      groups[item.reviews.front().rating][item.current().delta_t].push_back(&item);
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
    const auto r = removed.find(item.reviews.front().rating);
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
    const int first = item.reviews.front().rating;
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

double batch_loss(const Weights& w, const std::vector<const FsrsItem*>& batch, const std::vector<double>& item_weights,
                  const Weights& w_init, double gamma, std::size_t total, Weights* gradient) {
  if (gradient != nullptr) gradient->fill(0.0);
  double sum = 0.0;
  if (gradient == nullptr) {
    for (std::size_t k = 0; k < batch.size(); ++k) {
      sum += item_weights[k] * bce(predict(w, *batch[k]), batch[k]->recalled());
    }
  } else {
    // Two halves, each summed in item order and then added half 0 + half 1: the same
    // result whether the second half runs on a second thread (2+ cores) or not.
    const std::size_t mid = batch.size() / 2;
    Weights g0{};
    Weights g1{};
    double s1 = 0.0;
    const bool threaded = mid >= kMinItemsPerThread && std::thread::hardware_concurrency() > 1;
    std::thread second;
    if (threaded) {
      second = std::thread([&] { s1 = gradient_sum(w, batch, item_weights, mid, batch.size(), g1); });
    }
    const double s0 = gradient_sum(w, batch, item_weights, 0, mid, g0);
    if (threaded) {
      second.join();
    } else {
      s1 = gradient_sum(w, batch, item_weights, mid, batch.size(), g1);
    }
    sum = s0 + s1;
    for (std::size_t i = 0; i < kN; ++i) (*gradient)[i] = g0[i] + g1[i];
  }
  const double scale = gamma * static_cast<double>(batch.size()) / static_cast<double>(total);
  return sum + penalty(w, w_init, scale, gradient);
}

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
      if (train_set[i].reviews.size() > config.max_seq_len) continue;
      const double x = static_cast<double>(i) / denom;
      train.push_back(&train_set[i]);
      weight.push_back(0.25 + 0.75 * x * x * x);
    }
  }
  std::vector<std::size_t> order(train.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return train[a]->reviews.size() < train[b]->reviews.size(); });
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
    // Per-batch losses (the second half of the batches on a second thread), summed in batch
    // order: the same figure with one thread or two.
    std::vector<double> batch_losses(batches.size());
    const auto score = [&](std::size_t from, std::size_t to) {
      for (std::size_t k = from; k < to; ++k) {
        batch_losses[k] = batch_loss(w, batches[k].items, batches[k].weights, init, config.gamma, total, nullptr);
      }
    };
    const std::size_t half = batches.size() / 2;
    if (half > 0 && std::thread::hardware_concurrency() > 1) {
      std::thread second(score, half, batches.size());
      score(0, half);
      second.join();
    } else {
      score(0, batches.size());
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
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(4);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i > 0) out << ", ";
    out << (std::abs(w[i]) < 5e-5 ? 0.0 : w[i]);
  }
  return out.str();
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
    std::size_t used = 0;
    double x = 0.0;
    try {
      x = std::stod(num, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != num.size() || !std::isfinite(x)) throw std::invalid_argument("parameters: '" + num + "' is not a number");
    if (n >= w.size()) throw std::invalid_argument("parameters: more than 21 numbers");
    w[n++] = x;
    pos = comma + 1;
  }
  if (n != w.size()) throw std::invalid_argument("parameters: expected 21 numbers, found " + std::to_string(n));
  return w;
}

}  // namespace casebook::core::optimizer
