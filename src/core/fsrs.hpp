// The FSRS-6 memory model as pure functions of (weights, elapsed days, stability, difficulty,
// rating), computed exactly as ts-fsrs 5.4.2 computes them (packages/fsrs/src/algorithm.ts,
// default.ts, help.ts), including its 8-decimal rounding. No clock, no card state machine.
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/card.hpp"

namespace casebook::core::fsrs {

/// The 21 FSRS-6 parameters w0..w20.
using Weights = std::array<double, 21>;

/// Smallest stability the model produces, in days (ts-fsrs 5.4.2 constant.ts `S_MIN`).
inline constexpr double kMinStability = 0.001;
/// Largest stability the model produces, in days (the 36500.0 bound in algorithm.ts).
inline constexpr double kMaxStability = 36500.0;
/// Floor of the initial stability S0 (algorithm.ts `init_stability`).
inline constexpr double kMinInitialStability = 0.1;
/// Default w17*w18 ceiling used by clip_parameters (constant.ts `W17_W18_Ceiling`).
inline constexpr double kW17W18Ceiling = 2.0;

/// A card's memory: stability in days, difficulty on the 1..10 scale.
struct MemoryState {
  double stability = 0.0;
  double difficulty = 0.0;
  friend bool operator==(const MemoryState&, const MemoryState&) = default;
};

/// F1: the forgetting-curve exponent and its scale factor.
struct DecayFactor {
  double decay = 0.0;   ///< -w20
  double factor = 0.0;  ///< rho(0.9^(1/decay) - 1)
};

/// JavaScript `Math.round(y)` as an integer, for |y| < 2^52 only (not NaN): floor(y) +
/// [y - floor(y) >= 0.5] exactly. Computed without std::floor (no single SSE2 instruction): n
/// is the nearest integer, ties to even (std::llrint: one cvtsd2si on x86-64 where
/// -fno-math-errno is on, as for src/core; exact as |y| < 2^52), y - n is exact and in
/// [-0.5, 0.5], and y - n == 0.5 is the only case where Math.round (ties up) and ties-to-even
/// differ. Assumes the default rounding mode, as all the arithmetic here does.
[[nodiscard]] inline std::int64_t js_round_int(double y) {
  const std::int64_t n = std::llrint(y);
  return n + static_cast<std::int64_t>(y - static_cast<double>(n) >= 0.5);
}

/// JavaScript `Math.round`: the nearest integer, ties toward +infinity
/// (floor(x) + [x - floor(x) >= 0.5]). Differs from std::round on negative ties.
/// (Inline: it is on the scheduler's hot path, as are round8 and clamp.)
[[nodiscard]] inline double js_round(double x) {
  if (std::fabs(x) < 0x1p52) {  // false for NaN and infinities
    // With the zero signs of the floor formula: -0 stays -0, x in [-0.5, 0) gives +0.
    const auto k = static_cast<double>(js_round_int(x));
    return (k == 0.0 && x == 0.0) ? x : k;
  }
  return x;  // NaN, infinite, or |x| >= 2^52: already an integer
}

/// rho(x): ts-fsrs 5.4.2 help.ts `roundTo(x, 8)` = Math.round(x * 1e8) / 1e8, with the multiply
/// done in double precision exactly as the reference does it (so 3.2031262849999997 rounds up
/// to 3.20312629, because x * 1e8 is 320312628.5 in binary). Non-finite input is returned
/// unchanged and -0 becomes 0.
[[nodiscard]] inline double round8(double x) {
  // One IEEE multiply, as in the reference, so values a hair below a tie round up as there.
  const double y = x * 1e8;
  if (std::fabs(y) < 0x1p52) {  // false for NaN and infinities
    // Equal to js_round(y) / 1e8 with +0 for a zero k (the integer 0 converts to +0).
    return static_cast<double>(js_round_int(y)) / 1e8;
  }
  if (!std::isfinite(x)) {
    return x;
  }
  // |y| >= 2^52 (or inf from overflow): y is already an integer, js_round(y) == y != 0.
  return y / 1e8;
}

/// ts-fsrs 5.4.2 help.ts `clamp`: min(max(x, lo), hi).
[[nodiscard]] inline double clamp(double x, double lo, double hi) {
  return std::min(std::max(x, lo), hi);
}

/// The w17*w18 ceiling (ts-fsrs 5.4.2 default.ts `clipParameters`): 2 unless there are two or
/// more relearning steps; then clamp(rho(sqrt(max(v, 0))), 0.01, 2) with
/// v = -(ln w11 + ln(2^w13 - 1) + 0.3*w14) / n_relearning_steps.
[[nodiscard]] double w17_w18_ceiling(const Weights& w, std::size_t num_relearning_steps);

/// ts-fsrs 5.4.2 default.ts `clipParameters`: clamps every w_i into the constant.ts
/// `CLAMP_PARAMETERS` range (w19's lower bound is 0.01 with short-term on, else 0; w17 and w18
/// are capped by w17_w18_ceiling). NaN parameters become 0 first (the reference's `|| 0`).
[[nodiscard]] Weights clip_parameters(const Weights& w, std::size_t num_relearning_steps,
                                      bool enable_short_term);

/// F1 (ts-fsrs 5.4.2 algorithm.ts `computeDecayFactor`): decay = -w20,
/// factor = rho(exp(ln 0.9 / decay) - 1). Default weights give factor 0.98034649.
[[nodiscard]] DecayFactor decay_factor(const Weights& w);

/// F2 (algorithm.ts `forgetting_curve`): R(t, S) = rho((1 + factor*t/S)^decay), the probability
/// of recall after `elapsed_days` days with stability `stability` days (> 0).
[[nodiscard]] double forgetting_curve(const Weights& w, double elapsed_days, double stability);

/// F3 (algorithm.ts `calculate_interval_modifier`): IM(r) = rho((r^(1/decay) - 1) / factor),
/// the interval in units of S that makes R fall to r. Throws std::invalid_argument unless
/// 0 < r <= 1.
[[nodiscard]] double interval_modifier(const Weights& w, double desired_retention);

/// F4 (algorithm.ts `next_interval`, fuzz off): min(max(1, JSround(S*IM)), maximum_interval),
/// in whole days.
[[nodiscard]] inline std::int64_t next_interval(double stability, double interval_modifier,
                                                std::int64_t maximum_interval) {
  const double x = stability * interval_modifier;
  if (std::fabs(x) < 0x1p52) {
    return std::min(std::max<std::int64_t>(1, js_round_int(x)), maximum_interval);
  }
  const double lower = std::max(1.0, js_round(x));
  return std::min(static_cast<std::int64_t>(lower), maximum_interval);
}

/// F5 (algorithm.ts `init_stability`): S0(G) = max(w_{G-1}, 0.1) days.
[[nodiscard]] double init_stability(const Weights& w, Rating g);

/// F6 (algorithm.ts `init_difficulty`): D0(G) = rho(w4 - e^(w5*(G-1)) + 1), NOT clamped
/// (the mean-reversion target D0(Easy) is used unclamped).
[[nodiscard]] double init_difficulty(const Weights& w, Rating g);

/// algorithm.ts `linear_damping`: rho(delta_d * (10 - old_d) / 9).
[[nodiscard]] double linear_damping(double delta_d, double old_d);

/// algorithm.ts `mean_reversion`: rho(w7*init + (1 - w7)*current).
[[nodiscard]] double mean_reversion(const Weights& w, double init, double current);

/// F7 (algorithm.ts `next_difficulty`): D' = D + linear_damping(-w6*(G-3), D), then
/// clamp(mean_reversion(D0(Easy), D'), 1, 10).
[[nodiscard]] double next_difficulty(const Weights& w, double d, Rating g);

/// F8 (algorithm.ts `next_recall_stability`): stability after a successful recall,
/// rho(clamp(S*(1 + e^w8*(11-D)*S^-w9*(e^(w10*(1-R)) - 1)*h*b), 0.001, 36500)) with
/// h = w15 for Hard, b = w16 for Easy (else 1).
[[nodiscard]] double next_recall_stability(const Weights& w, double d, double s, double r, Rating g);

/// F9 (algorithm.ts `next_forget_stability`): post-lapse stability
/// PLS = rho(clamp(w11*D^-w12*((S+1)^w13 - 1)*e^(w14*(1-R)), 0.001, 36500)).
[[nodiscard]] double next_forget_stability(const Weights& w, double d, double s, double r);

/// F10 (algorithm.ts `next_short_term_stability`): same-day stability,
/// SInc = S^-w19 * e^(w17*(G-3+w18)), SInc >= 1 unless Again; rho(clamp(S*SInc, 0.001, 36500)).
[[nodiscard]] double next_short_term_stability(const Weights& w, double s, Rating g);

/// The parts of F1-F10 that depend only on the weights (and the short-term switch), computed
/// once with exactly the operations the functions above use, so that the overloads below that
/// take them give bit-identical results without the per-call exp/log. Index = grade - 1.
struct Constants {
  DecayFactor decay;                        ///< F1
  std::array<double, 4> init_difficulty{};  ///< F6 D0(G), rho'd, not clamped
  double exp_w8 = 0.0;                      ///< e^w8 (F8)
  std::array<double, 4> short_term_growth{};  ///< e^(w17*(G-3+w18)) (F10)
  double again_divisor = 1.0;  ///< e^(w17*w18) with short-term on, e^0 = 1 off (F11 Again floor)
};

/// The Constants of `w`. Throws nothing.
[[nodiscard]] Constants constants_of(const Weights& w, bool enable_short_term);

/// F2 with a precomputed decay factor (bit-identical to forgetting_curve(w, t, s)).
[[nodiscard]] inline double forgetting_curve(const DecayFactor& df, double elapsed_days,
                                             double stability) {
  return round8(std::pow(1.0 + (df.factor * elapsed_days) / stability, df.decay));
}

/// F7 with the mean-reversion target D0(Easy) given (bit-identical to next_difficulty(w, d, g)
/// when `init_easy` = init_difficulty(w, Rating::Easy)).
[[nodiscard]] double next_difficulty(const Weights& w, double init_easy, double d, Rating g);

/// F8's growth for Good, e^w8*(11-D)*S^-w9*(e^(w10*(1-R)) - 1), with `exp_w8` = e^w8. The
/// growth of Hard is this times w15, of Easy this times w16 (the same products, in the same
/// order, as next_recall_stability).
[[nodiscard]] double recall_growth(const Weights& w, double exp_w8, double d, double s, double r);

/// F8 from its growth: rho(clamp(S*(1 + growth), 0.001, 36500)).
[[nodiscard]] inline double recall_stability_from_growth(double s, double growth) {
  return round8(clamp(s * (1.0 + growth), kMinStability, kMaxStability));
}

/// F10 with S^-w19 and e^(w17*(G-3+w18)) given (bit-identical to next_short_term_stability).
[[nodiscard]] double short_term_stability(double s, double pow_s_w19, double growth, Rating g);

/// F11's Again stability when R and the memory are known: min(max(rho(S/divisor), 0.001), PLS)
/// with divisor = Constants::again_divisor.
[[nodiscard]] double again_stability(const Weights& w, double again_divisor, double d, double s,
                                     double r);

/// Throws std::invalid_argument, as next_state does, unless D >= 1 and S >= 0.001.
void check_memory(const MemoryState& m);

/// F11 (algorithm.ts `next_state`): the memory after rating `g` with `elapsed_days` days since
/// the last review. `memory` empty (or {0,0}) means a new card: {S0(G), clamp(D0(G),1,10)}.
/// `retrievability` defaults to F2(elapsed_days, S). Same-day (t = 0) with short-term on uses
/// F10 for every grade; otherwise Again uses min(max(rho(S/e^(w17*w18)), 0.001), PLS) (w17,
/// w18 taken as 0 with short-term off) and the others F8. D always goes through F7.
/// Throws std::invalid_argument if elapsed_days < 0, or for an existing memory with D < 1 or
/// S < 0.001.
[[nodiscard]] MemoryState next_state(const Weights& w, bool enable_short_term,
                                     std::optional<MemoryState> memory, double elapsed_days,
                                     Rating g, std::optional<double> retrievability = {});

}  // namespace casebook::core::fsrs
