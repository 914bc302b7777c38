// FSRS-6 parameter fitting as fsrs-rs 6.5.0 does it (see optimizer.hpp, docs/optimizer.md).
// The memory model is written twice: a plain forward pass in double precision (prediction,
// evaluation, the per-epoch training loss) and a forward pass that keeps what its hand-written
// backward sweep (the adjoint of every operation, i.e. reverse-mode differentiation done by
// hand) needs to give the exact gradient of one item's loss.
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
#include <unordered_map>
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

double clamp_(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
/// True when clamp_(x, lo, hi) returns x itself (derivative 1; 0 where a bound is active, as
/// burn's clamp).
bool inside(double x, double lo, double hi) { return !(x < lo) && !(x > hi); }

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
double forgetting_curve(const Derived& k, double t, double s) { return std::pow(1.0 + k.factor * t / s, k.decay); }

/// D after a review: linear damping toward 10, then mean reversion to D0(Easy) (model.rs
/// `next_difficulty` + `mean_reversion`), before the clamp.
double next_difficulty(const Weights& w, const Derived& k, double d, double g, double* damped = nullptr) {
  const double next_d = d + (-w[6] * (g - 3.0)) * (10.0 - d) / 9.0;
  if (damped != nullptr) *damped = next_d;
  return w[7] * (k.d0[3] - next_d) + next_d;
}

/// One fsrs-rs model.rs `step` from memory `m` (already clamped; ignored when `first`).
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

// ---- Gradient: forward pass with records, then the backward sweep -----------------------------

/// What the backward sweep needs of one step (kinds: first review, same-day review, lapse,
/// recall). Values are those of the forward pass.
struct StepRecord {
  enum Kind : std::uint8_t { First, ShortTerm, Lapse, Recall };
  Kind kind = First;
  int rating = 0;
  bool s_inside = true;  ///< new S not clamped
  bool d_inside = true;  ///< new D not clamped
  double s = 0.0;        ///< memory before the step
  double d = 0.0;
  double t = 0.0;        ///< delta_t
  double damped = 0.0;   ///< D after damping, before mean reversion
  // Forgetting curve (Lapse, Recall): base = 1 + factor t/S, ln base, R.
  double base = 0.0, log_base = 0.0, r = 0.0;
  // ShortTerm: P = S^-w19, SInc = e^(..) P, ln S. Recall: Q = S^-w9, e^((1-R) w10), g0 = growth
  // before the Hard/Easy factor, ln S, new S factor. Lapse: A = D^-w12, (S+1)^w13, e^((1-R) w14),
  // ln D, ln(S+1), whether S / e^(w17 w18) was the smaller.
  double p1 = 0.0, p2 = 0.0, p3 = 0.0, log1 = 0.0, log2 = 0.0;
  bool floor_taken = false;
};

/// Adjoints of the loss with respect to the parameters and to the Derived terms; the latter
/// are folded into the parameters once per batch (add_derived).
struct Adjoints {
  Weights w{};
  double decay = 0.0;
  double factor = 0.0;
  double exp_w8 = 0.0;
  double again_divisor = 0.0;
  std::array<double, 4> d0{};
  std::array<double, 4> short_term{};
};

/// R = e^(decay ln(1 + factor t/S)) with the records for its adjoint.
void forward_curve(const Derived& k, double t, double s, StepRecord& rec) {
  rec.base = 1.0 + k.factor * t / s;
  rec.log_base = std::log(rec.base);
  rec.r = std::exp(k.decay * rec.log_base);
}

/// Adds the adjoints of R's inputs (S, decay, factor) given R's adjoint `ar`; returns dL/dS.
double backward_curve(const Derived& k, double t, double s, double base, double log_base, double r, double ar,
                      Adjoints& a) {
  const double ab = ar * k.decay * r / base;
  a.decay += ar * r * log_base;
  a.factor += ab * t / s;
  return ab * (-k.factor * t / (s * s));
}

/// step() again, keeping a record; the same formulas, with S^x written e^(x ln S) where the
/// logarithm is needed for the adjoint anyway.
Memory forward_step(const Weights& w, const Derived& k, double t, int rating, const Memory& m, bool first,
                    StepRecord& rec) {
  const auto gi = static_cast<std::size_t>(rating - 1);
  rec.rating = rating;
  rec.s = m.s;
  rec.d = m.d;
  rec.t = t;
  if (first) {
    rec.kind = StepRecord::First;
    rec.s_inside = inside(w[gi], kSMin, kSMax);
    rec.d_inside = inside(k.d0[gi], kDMin, kDMax);
    return {clamp_(w[gi], kSMin, kSMax), clamp_(k.d0[gi], kDMin, kDMax)};
  }
  const double s = m.s;
  const double d = m.d;
  double new_s = 0.0;
  if (t == 0.0) {
    rec.kind = StepRecord::ShortTerm;
    rec.log1 = std::log(s);
    rec.p1 = std::exp(-w[19] * rec.log1);
    rec.p2 = k.short_term[gi] * rec.p1;
    rec.floor_taken = rating >= 2 && rec.p2 < 1.0;  // max(SInc, 1) took the constant
    new_s = s * (rec.floor_taken ? 1.0 : rec.p2);
  } else if (rating == 1) {
    rec.kind = StepRecord::Lapse;
    forward_curve(k, t, s, rec);
    rec.log1 = std::log(d);
    rec.log2 = std::log(s + 1.0);
    rec.p1 = std::exp(-w[12] * rec.log1);
    rec.p2 = std::exp(w[13] * rec.log2);
    rec.p3 = std::exp((1.0 - rec.r) * w[14]);
    const double pls = w[11] * rec.p1 * (rec.p2 - 1.0) * rec.p3;
    const double floor_s = s / k.again_divisor;
    rec.floor_taken = floor_s < pls;
    new_s = rec.floor_taken ? floor_s : pls;
  } else {
    rec.kind = StepRecord::Recall;
    forward_curve(k, t, s, rec);
    rec.log1 = std::log(s);
    rec.p1 = std::exp(-w[9] * rec.log1);
    rec.p2 = std::exp((1.0 - rec.r) * w[10]);
    rec.p3 = k.exp_w8 * (11.0 - d) * rec.p1 * (rec.p2 - 1.0);
    const double h = rating == 2 ? w[15] : (rating == 4 ? w[16] : 1.0);
    new_s = s * (rec.p3 * h + 1.0);
  }
  const double reverted = next_difficulty(w, k, d, static_cast<double>(rating), &rec.damped);
  rec.s_inside = inside(new_s, kSMin, kSMax);
  rec.d_inside = inside(reverted, kDMin, kDMax);
  return {clamp_(new_s, kSMin, kSMax), clamp_(reverted, kDMin, kDMax)};
}

/// The adjoint of forward_step: given dL/d(new S) and dL/d(new D) (after the clamps), adds
/// the parameter adjoints to `a` and returns dL/dS, dL/dD of the memory before the step.
Memory backward_step(const Weights& w, const Derived& k, const StepRecord& rec, Memory adj_out, Adjoints& a) {
  const double as = rec.s_inside ? adj_out.s : 0.0;
  const double ad = rec.d_inside ? adj_out.d : 0.0;
  const auto gi = static_cast<std::size_t>(rec.rating - 1);
  if (rec.kind == StepRecord::First) {
    a.w[gi] += as;
    a.d0[gi] += ad;
    return {};
  }
  const double g = static_cast<double>(rec.rating);
  const double s = rec.s;
  const double d = rec.d;
  // D: reverted = w7 (D0(4) - damped) + damped; damped = D + (-w6 (G-3)) (10 - D) / 9.
  a.w[7] += ad * (k.d0[3] - rec.damped);
  a.d0[3] += ad * w[7];
  const double a_damped = ad * (1.0 - w[7]);
  a.w[6] += a_damped * (-(g - 3.0) * (10.0 - d) / 9.0);
  Memory adj{0.0, a_damped * (1.0 + w[6] * (g - 3.0) / 9.0)};
  switch (rec.kind) {
    case StepRecord::ShortTerm: {  // new S = S * SInc, SInc = e^(w17 (G-3+w18)) S^-w19
      if (rec.floor_taken) {
        adj.s += as;
        break;
      }
      adj.s += as * rec.p2;
      const double a_sinc = as * s;
      a.short_term[gi] += a_sinc * rec.p1;
      const double ap = a_sinc * k.short_term[gi];
      adj.s += ap * rec.p1 * (-w[19]) / s;
      a.w[19] += ap * (-rec.p1 * rec.log1);
      break;
    }
    case StepRecord::Lapse: {  // new S = min(w11 D^-w12 ((S+1)^w13 - 1) e^((1-R) w14), S / e^(w17 w18))
      if (rec.floor_taken) {
        adj.s += as / k.again_divisor;
        a.again_divisor += as * (-(s / k.again_divisor) / k.again_divisor);
        break;
      }
      const double b = rec.p2 - 1.0;
      a.w[11] += as * rec.p1 * b * rec.p3;
      const double a_a = as * w[11] * b * rec.p3;
      const double a_b = as * w[11] * rec.p1 * rec.p3;
      const double a_c = as * w[11] * rec.p1 * b;
      adj.d += a_a * rec.p1 * (-w[12]) / d;
      a.w[12] += a_a * (-rec.p1 * rec.log1);
      adj.s += a_b * rec.p2 * w[13] / (s + 1.0);
      a.w[13] += a_b * rec.p2 * rec.log2;
      a.w[14] += a_c * rec.p3 * (1.0 - rec.r);
      const double ar = a_c * rec.p3 * (-w[14]);
      adj.s += backward_curve(k, rec.t, s, rec.base, rec.log_base, rec.r, ar, a);
      break;
    }
    case StepRecord::Recall: {  // new S = S (g0 h + 1), g0 = e^w8 (11 - D) S^-w9 (e^((1-R) w10) - 1)
      const double h = rec.rating == 2 ? w[15] : (rec.rating == 4 ? w[16] : 1.0);
      adj.s += as * (rec.p3 * h + 1.0);
      const double a_growth = as * s;
      if (rec.rating == 2) a.w[15] += a_growth * rec.p3;
      if (rec.rating == 4) a.w[16] += a_growth * rec.p3;
      const double a_g0 = a_growth * h;
      const double x = rec.p2 - 1.0;
      a.exp_w8 += a_g0 * (11.0 - d) * rec.p1 * x;
      adj.d += -a_g0 * k.exp_w8 * rec.p1 * x;
      const double a_q = a_g0 * k.exp_w8 * (11.0 - d) * x;
      const double a_x = a_g0 * k.exp_w8 * (11.0 - d) * rec.p1;
      adj.s += a_q * rec.p1 * (-w[9]) / s;
      a.w[9] += a_q * (-rec.p1 * rec.log1);
      a.w[10] += a_x * rec.p2 * (1.0 - rec.r);
      const double ar = a_x * rec.p2 * (-w[10]);
      adj.s += backward_curve(k, rec.t, s, rec.base, rec.log_base, rec.r, ar, a);
      break;
    }
    case StepRecord::First:
      break;
  }
  return adj;
}

/// Folds the adjoints of the Derived terms into the parameters' and adds all to `grad`.
void add_derived(const Weights& w, const Derived& k, const Adjoints& a, Weights& grad) {
  Weights g = a.w;
  // factor = e^(ln 0.9 / decay) - 1, decay = -w20.
  const double dfactor_ddecay = (k.factor + 1.0) * (-std::log(0.9)) / (k.decay * k.decay);
  g[20] -= a.decay + a.factor * dfactor_ddecay;
  g[8] += a.exp_w8 * k.exp_w8;
  g[17] += a.again_divisor * k.again_divisor * w[18];
  g[18] += a.again_divisor * k.again_divisor * w[17];
  for (std::size_t i = 0; i < 4; ++i) {
    const double gm1 = static_cast<double>(i);  // G - 1
    g[4] += a.d0[i];
    g[5] += a.d0[i] * (-gm1 * std::exp(w[5] * gm1));
    const double e = k.short_term[i];
    g[17] += a.short_term[i] * e * ((gm1 - 2.0) + w[18]);
    g[18] += a.short_term[i] * e * w[17];
  }
  for (std::size_t i = 0; i < kN; ++i) grad[i] += g[i];
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
  const Derived k(w);
  Adjoints a;
  std::vector<StepRecord> records;
  double sum = 0.0;
  for (std::size_t j = begin; j < end; ++j) {
    const FsrsItem& item = *batch[j];
    const std::size_t n = item.reviews.size() - 1;  // steps before the predicted review
    records.resize(n);
    Memory m;
    for (std::size_t i = 0; i < n; ++i) {
      m = forward_step(w, k, static_cast<double>(item.reviews[i].delta_t), item.reviews[i].rating, m, i == 0, records[i]);
    }
    StepRecord last;
    const double t = static_cast<double>(item.current().delta_t);
    const double s = clamp_(m.s, kSMin, kSMax);  // a no-op after a step; 0.001 for an item of one review
    forward_curve(k, t, s, last);
    const double p = last.r;
    const bool y = item.recalled();
    sum += item_weights[j] * bce(p, y);
    const double q = std::clamp(p, 1e-12, 1.0 - 1e-12);
    const double dl_dp = q == p ? (y ? -1.0 / q : 1.0 / (1.0 - q)) : 0.0;
    const double adj_s = backward_curve(k, t, s, last.base, last.log_base, last.r, item_weights[j] * dl_dp, a);
    Memory adj{inside(m.s, kSMin, kSMax) ? adj_s : 0.0, 0.0};
    for (std::size_t i = n; i-- > 0;) adj = backward_step(w, k, records[i], adj, a);
  }
  add_derived(w, k, a, grad);
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
  const Memory m = run(w, Derived(w), reviews, 0, reviews.size(), {});
  return {m.s, m.d};
}

double predict(const Weights& w, const FsrsItem& item) { return predict_with(w, Derived(w), item); }

namespace {

/// A 64-bit hash of a review sequence, extended one (rating, delta_t) pair at a time
/// (multiply-rotate mixing; equal sequences give equal hashes, and every match is verified).
std::uint64_t extend_hash(std::uint64_t h, const revlog::FsrsReview& r) {
  const std::uint64_t v = (static_cast<std::uint64_t>(r.delta_t) << 8U) | static_cast<std::uint8_t>(r.rating);
  h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29U);
}
constexpr std::uint64_t kHashBasis = 14695981039346656037ULL;

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
    h[0] = kHashBasis;
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

namespace {

/// Sum over `batch`, in order, of item_weights[k] * BCE(p[k], label k).
double weighted_bce_sum(const double* p, const std::vector<const FsrsItem*>& batch,
                        const std::vector<double>& item_weights) {
  double sum = 0.0;
  for (std::size_t k = 0; k < batch.size(); ++k) sum += item_weights[k] * bce(p[k], batch[k]->recalled());
  return sum;
}

}  // namespace

double batch_loss(const Weights& w, const std::vector<const FsrsItem*>& batch, const std::vector<double>& item_weights,
                  const Weights& w_init, double gamma, std::size_t total, Weights* gradient) {
  if (gradient != nullptr) gradient->fill(0.0);
  double sum = 0.0;
  if (gradient == nullptr) {
    std::vector<double> p(batch.size());
    for (std::size_t k = 0; k < batch.size(); ++k) p[k] = predict(w, *batch[k]);
    sum = weighted_bce_sum(p.data(), batch, item_weights);
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
