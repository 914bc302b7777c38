// Internal to the optimizer: the memory model as fsrs-rs evaluates it for training (the
// plain forward pass), its constants, and the loss pieces that the training loop (optimizer.cpp),
// the gradient (optimizer_loss.cpp) and pretraining (optimizer_pretrain.cpp) share.
#pragma once
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/optimizer.hpp"
#include "core/scheduler.hpp"

namespace casebook::core::optimizer::detail {

constexpr std::size_t kN = 21;
constexpr double kSMin = 0.001;
constexpr double kSMax = 36500.0;
constexpr double kInitSMax = 100.0;
constexpr double kDMin = 1.0;
constexpr double kDMax = 10.0;

inline double clamp_(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
/// True when clamp_(x, lo, hi) returns x itself (derivative 1; 0 where a bound is active, as
/// burn's clamp).
inline bool inside(double x, double lo, double hi) { return !(x < lo) && !(x > hi); }

struct Memory {
  double s = 0.0;
  double d = 0.0;
};

/// The terms that depend on the parameters only, computed once per parameter set rather than
/// once per review as model.rs does (same values: this only saves work).
struct Derived {
  double decay;                      ///< -w20
  double factor;                     ///< 0.9^(1/decay) - 1
  double exp_w8;                     ///< e^w8
  double again_divisor;              ///< e^(w17*w18): the floor of S after a lapse is S / this
  std::array<double, 4> d0;          ///< D0(G) = w4 - e^(w5 (G-1)) + 1 for G = 1..4, unclamped
  std::array<double, 4> short_term;  ///< e^(w17 (G - 3 + w18)) for G = 1..4
  explicit Derived(const Weights& w)
      : decay(-w[20]),
        factor(std::exp(std::log(0.9) / decay) - 1.0),
        exp_w8(std::exp(w[8])),
        again_divisor(std::exp(w[17] * w[18])),
        d0{},
        short_term{} {
    for (std::size_t i = 0; i < 4; ++i) {
      const double g = static_cast<double>(i + 1);
      d0[i] = w[4] - std::exp(w[5] * (g - 1.0)) + 1.0;
      short_term[i] = std::exp(w[17] * ((g - 3.0) + w[18]));
    }
  }
};

/// F1 as model.rs: (1 + factor*t/S)^decay.
inline double forgetting_curve(const Derived& k, double t, double s) { return std::pow(1.0 + k.factor * t / s, k.decay); }

/// D after a review: linear damping toward 10, then mean reversion to D0(Easy) (model.rs
/// `next_difficulty` + `mean_reversion`), before the clamp.
inline double next_difficulty(const Weights& w, const Derived& k, double d, double g, double* damped = nullptr) {
  const double next_d = d + (-w[6] * (g - 3.0)) * (10.0 - d) / 9.0;
  if (damped != nullptr) *damped = next_d;
  return w[7] * (k.d0[3] - next_d) + next_d;
}

/// One fsrs-rs model.rs `step` from memory `m` (already clamped; ignored when `first`).
Memory step(const Weights& w, const Derived& k, double delta_t, int rating, const Memory& m, bool first);

/// step() over reviews[from, to), starting from memory `m` (the first review when from is 0).
Memory run(const Weights& w, const Derived& k, std::span<const revlog::FsrsReview> reviews, std::size_t from,
           std::size_t to, Memory m);

/// predict() with the Derived terms of `w` already computed.
double predict_with(const Weights& w, const Derived& k, const FsrsItem& item);

/// Binary cross-entropy with the probability kept off 0 and 1 (log of 0 is -inf).
double bce(double p, bool label);

/// Sum over `batch`, in order, of item_weights[k] * BCE(p[k], label k).
double weighted_bce_sum(const double* p, const std::vector<const FsrsItem*>& batch,
                        const std::vector<double>& item_weights);

/// The L2 term scale * sum((w - w_init)^2 / kParamsStddev^2); its gradient is added to `grad`
/// when given.
double penalty(const Weights& w, const Weights& w_init, double scale, Weights* grad);

constexpr std::array<double, 4> kDefaultS0 = {kDefaultWeights[0], kDefaultWeights[1], kDefaultWeights[2],
                                              kDefaultWeights[3]};

/// fsrs-rs pre_training.rs `smooth_and_fill` over ratings 1..4 (index 0..3).
std::array<double, 4> smooth_and_fill(std::array<std::optional<double>, 4> s, const std::array<std::size_t, 4>& count);

}  // namespace casebook::core::optimizer::detail
