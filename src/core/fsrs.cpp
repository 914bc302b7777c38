// FSRS-6 memory model, as ts-fsrs 5.4.2 computes it (see fsrs.hpp and docs/scheduling.md).
#include "core/fsrs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace casebook::core::fsrs {

namespace {

[[noreturn]] void throw_bad_grade(int v) {
  throw std::invalid_argument("FSRS: grade must be 1..4 (Again..Easy), got " + std::to_string(v));
}

int grade_value(Rating g) {
  const int v = static_cast<int>(g);
  if (v < 1 || v > 4) [[unlikely]] {
    throw_bad_grade(v);  // out of line, so that this check stays small enough to inline
  }
  return v;
}

}  // namespace

double w17_w18_ceiling(const Weights& w, std::size_t num_relearning_steps) {
  if (num_relearning_steps <= 1) {
    return kW17W18Ceiling;
  }
  const double v = -(std::log(w[11]) + std::log(std::pow(2.0, w[13]) - 1.0) + w[14] * 0.3) /
                   static_cast<double>(num_relearning_steps);
  return clamp(round8(std::sqrt(std::max(v, 0.0))), 0.01, 2.0);
}

Weights clip_parameters(const Weights& w, std::size_t num_relearning_steps,
                        bool enable_short_term) {
  const double ceil = w17_w18_ceiling(w, num_relearning_steps);
  // ts-fsrs 5.4.2 constant.ts CLAMP_PARAMETERS.
  const std::array<std::pair<double, double>, 21> ranges = {{
      {kMinStability, 100.0},                 // w0  S0(Again)
      {kMinStability, 100.0},                 // w1  S0(Hard)
      {kMinStability, 100.0},                 // w2  S0(Good)
      {kMinStability, 100.0},                 // w3  S0(Easy)
      {1.0, 10.0},                            // w4  D0
      {0.001, 4.0},                           // w5
      {0.001, 4.0},                           // w6
      {0.001, 0.75},                          // w7  mean reversion
      {0.0, 4.5},                             // w8
      {0.0, 0.8},                             // w9
      {0.001, 3.5},                           // w10
      {0.001, 5.0},                           // w11
      {0.001, 0.25},                          // w12
      {0.001, 0.9},                           // w13
      {0.0, 4.0},                             // w14
      {0.0, 1.0},                             // w15 hard penalty
      {1.0, 6.0},                             // w16 easy bonus
      {0.0, ceil},                            // w17
      {0.0, ceil},                            // w18
      {enable_short_term ? 0.01 : 0.0, 0.8},  // w19
      {0.1, 0.8},                             // w20 decay
  }};
  Weights out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double v = std::isnan(w[i]) ? 0.0 : w[i];
    out[i] = clamp(v, ranges[i].first, ranges[i].second);
  }
  return out;
}

DecayFactor decay_factor(const Weights& w) {
  const double decay = -w[20];
  const double factor = std::exp((1.0 / decay) * std::log(0.9)) - 1.0;
  return {decay, round8(factor)};
}

double forgetting_curve(const Weights& w, double elapsed_days, double stability) {
  return forgetting_curve(decay_factor(w), elapsed_days, stability);
}

double interval_modifier(const Weights& w, double desired_retention) {
  if (!(desired_retention > 0.0 && desired_retention <= 1.0)) {
    throw std::invalid_argument("FSRS: desired retention must be in (0, 1]");
  }
  const DecayFactor df = decay_factor(w);
  return round8((std::pow(desired_retention, 1.0 / df.decay) - 1.0) / df.factor);
}

double init_stability(const Weights& w, Rating g) {
  return std::max(w[static_cast<std::size_t>(grade_value(g) - 1)], kMinInitialStability);
}

double init_difficulty(const Weights& w, Rating g) {
  const double gv = static_cast<double>(grade_value(g));
  return round8(w[4] - std::exp((gv - 1.0) * w[5]) + 1.0);
}

double linear_damping(double delta_d, double old_d) {
  return round8((delta_d * (10.0 - old_d)) / 9.0);
}

double mean_reversion(const Weights& w, double init, double current) {
  return round8(w[7] * init + (1.0 - w[7]) * current);
}

double next_difficulty(const Weights& w, double init_easy, double d, Rating g) {
  const double gv = static_cast<double>(grade_value(g));
  const double delta_d = -w[6] * (gv - 3.0);
  const double next_d = d + linear_damping(delta_d, d);
  return clamp(mean_reversion(w, init_easy, next_d), 1.0, 10.0);
}

double next_difficulty(const Weights& w, double d, Rating g) {
  return next_difficulty(w, init_difficulty(w, Rating::Easy), d, g);
}

double recall_growth(const Weights& w, double exp_w8, double d, double s, double r) {
  return exp_w8 * (11.0 - d) * std::pow(s, -w[9]) * (std::exp((1.0 - r) * w[10]) - 1.0);
}

double next_recall_stability(const Weights& w, double d, double s, double r, Rating g) {
  const double hard_penalty = g == Rating::Hard ? w[15] : 1.0;
  const double easy_bonus = g == Rating::Easy ? w[16] : 1.0;
  // Same product, left to right, as the reference: ((((e^w8*(11-D))*S^-w9)*(...))*h)*b.
  const double growth = recall_growth(w, std::exp(w[8]), d, s, r) * hard_penalty * easy_bonus;
  return recall_stability_from_growth(s, growth);
}

double next_forget_stability(const Weights& w, double d, double s, double r) {
  const double pls = w[11] * std::pow(d, -w[12]) * (std::pow(s + 1.0, w[13]) - 1.0) *
                     std::exp((1.0 - r) * w[14]);
  return round8(clamp(pls, kMinStability, kMaxStability));
}

double short_term_stability(double s, double pow_s_w19, double growth, Rating g) {
  const double sinc = pow_s_w19 * growth;
  const double masked = g >= Rating::Hard ? std::max(sinc, 1.0) : sinc;
  return round8(clamp(s * masked, kMinStability, kMaxStability));
}

namespace {

double short_term_growth(const Weights& w, double gv) { return std::exp(w[17] * (gv - 3.0 + w[18])); }

}  // namespace

double next_short_term_stability(const Weights& w, double s, Rating g) {
  const double gv = static_cast<double>(grade_value(g));
  return short_term_stability(s, std::pow(s, -w[19]), short_term_growth(w, gv), g);
}

double again_stability(const Weights& w, double again_divisor, double d, double s, double r) {
  const double floor_s = round8(s / again_divisor);
  return clamp(floor_s, kMinStability, next_forget_stability(w, d, s, r));
}

Constants constants_of(const Weights& w, bool enable_short_term) {
  Constants c;
  c.decay = decay_factor(w);
  for (std::size_t i = 0; i < 4; ++i) {
    const auto g = static_cast<Rating>(i + 1);
    c.init_difficulty[i] = init_difficulty(w, g);
    c.short_term_growth[i] = short_term_growth(w, static_cast<double>(i + 1));
  }
  c.exp_w8 = std::exp(w[8]);
  const double w17 = enable_short_term ? w[17] : 0.0;
  const double w18 = enable_short_term ? w[18] : 0.0;
  c.again_divisor = std::exp(w17 * w18);
  return c;
}

void check_memory(const MemoryState& m) {
  if (!(m.difficulty >= 1.0) || !(m.stability >= kMinStability)) {
    throw std::invalid_argument("FSRS: invalid memory state (D " + std::to_string(m.difficulty) +
                                ", S " + std::to_string(m.stability) + ")");
  }
}

MemoryState next_state(const Weights& w, bool enable_short_term, std::optional<MemoryState> memory,
                       double elapsed_days, Rating g, std::optional<double> retrievability) {
  const MemoryState m = memory.value_or(MemoryState{});
  if (elapsed_days < 0.0 || std::isnan(elapsed_days)) {
    throw std::invalid_argument("FSRS: invalid elapsed days " + std::to_string(elapsed_days));
  }
  grade_value(g);
  if (m.difficulty == 0.0 && m.stability == 0.0) {
    return {init_stability(w, g), clamp(init_difficulty(w, g), 1.0, 10.0)};
  }
  check_memory(m);
  const double d = m.difficulty;
  const double s = m.stability;
  const double r = retrievability.value_or(forgetting_curve(w, elapsed_days, s));
  double new_s = 0.0;
  if (elapsed_days == 0.0 && enable_short_term) {
    new_s = next_short_term_stability(w, s, g);
  } else if (g == Rating::Again) {
    const double w17 = enable_short_term ? w[17] : 0.0;
    const double w18 = enable_short_term ? w[18] : 0.0;
    new_s = again_stability(w, std::exp(w17 * w18), d, s, r);
  } else {
    new_s = next_recall_stability(w, d, s, r, g);
  }
  return {new_s, next_difficulty(w, d, g)};
}

}  // namespace casebook::core::fsrs
