// The training objective of the optimizer and its exact gradient: a forward pass that keeps
// what its hand-written backward sweep (the adjoint of every operation, i.e. reverse-mode
// differentiation done by hand) needs, binary cross-entropy and the L2 penalty.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <thread>

#include "core/optimizer_model.hpp"

namespace casebook::core::optimizer {

namespace detail {

namespace {

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
    const auto reviews = item.reviews();
    const std::size_t n = reviews.size() - 1;  // steps before the predicted review
    records.resize(n);
    Memory m;
    for (std::size_t i = 0; i < n; ++i) {
      m = forward_step(w, k, static_cast<double>(reviews[i].delta_t), reviews[i].rating, m, i == 0, records[i]);
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

}  // namespace

/// Binary cross-entropy with the probability kept off 0 and 1 (log of 0 is -inf).
double bce(double p, bool label) {
  const double q = std::clamp(p, 1e-12, 1.0 - 1e-12);
  return label ? -std::log(q) : -std::log(1.0 - q);
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

/// Sum over `batch`, in order, of item_weights[k] * BCE(p[k], label k).
double weighted_bce_sum(const double* p, const std::vector<const FsrsItem*>& batch,
                        const std::vector<double>& item_weights) {
  double sum = 0.0;
  for (std::size_t k = 0; k < batch.size(); ++k) sum += item_weights[k] * bce(p[k], batch[k]->recalled());
  return sum;
}

}  // namespace detail

using namespace detail;

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

}  // namespace casebook::core::optimizer
