// Workload simulator (see simulator.hpp and docs/simulator.md): seeded Monte Carlo over the
// real core::Scheduler, one review session per simulated UTC day.
#include "core/simulator.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <string>

#include "core/fsrs.hpp"
#include "core/hash.hpp"

namespace casebook::core {

namespace {

/// 2024-01-01T00:00:00Z: day 0 of every simulation (any UTC midnight would do).
constexpr TimestampMs kEpoch = 1704067200000;
/// Reviews happen at 09:00 UTC, so no learning step crosses midnight.
constexpr TimestampMs kSessionOffset = 9 * kMsPerHour;
/// Learning-step repeats per card per day before the simulator gives up (steps are finite).
constexpr int kMaxStepRepeats = 64;

/// xoshiro256** (Blackman and Vigna, 2018, https://prng.di.unimi.it/), seeded through
/// splitmix64 as its authors recommend. Chosen over <random> distributions, whose output
/// differs between standard libraries, so a seed gives the same run everywhere.
class Prng {
 public:
  explicit Prng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& s : m_state) s = splitmix64(x);
  }

  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// Index i with probability p[i] (p sums to 1; the last index takes any rounding remainder).
  template <std::size_t N>
  std::size_t pick(const std::array<double, N>& p) {
    const double u = uniform();
    double acc = 0.0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
      acc += p[i];
      if (u < acc) {
        return i;
      }
    }
    return N - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t next() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
  }

  std::array<std::uint64_t, 4> m_state{};
};

template <std::size_t N>
void check_probabilities(const std::array<double, N>& p, const char* what) {
  for (const double v : p) {
    if (!(v >= 0.0)) {
      throw std::invalid_argument(std::string("simulator: ") + what + " has a negative entry");
    }
  }
  const double sum = std::accumulate(p.begin(), p.end(), 0.0);
  if (std::fabs(sum - 1.0) > 1e-6) {
    throw std::invalid_argument(std::string("simulator: ") + what + " must sum to 1, not " +
                                std::to_string(sum));
  }
}

void check_config(const SimulationConfig& c) {
  if (c.bank_size < 0 || c.new_per_day < 0 || c.max_reviews_per_day < 0) {
    throw std::invalid_argument("simulator: bank size, new cards per day and review limit must be >= 0");
  }
  if (c.days < 1) {
    throw std::invalid_argument("simulator: days must be at least 1");
  }
  check_probabilities(c.first_rating_prob, "first_rating_prob");
  check_probabilities(c.review_rating_prob, "review_rating_prob");
}

std::int64_t day_of(TimestampMs t) {
  const TimestampMs since = t - kEpoch;
  return since >= 0 ? since / kMsPerDay : -((-since + kMsPerDay - 1) / kMsPerDay);
}

/// Rates a card on a (re)learning step Good, at its due time, until it leaves the steps.
CardSchedule pass_steps(const Scheduler& scheduler, CardSchedule card) {
  for (int i = 0; i < kMaxStepRepeats && is_learning(card.state); ++i) {
    card = scheduler.next(card, card.due, Rating::Good).card;
  }
  return card;
}

}  // namespace

SimulationResult simulate(const SimulationConfig& config, const SimulationProgress& progress,
                          const std::atomic<bool>* cancel) {
  check_config(config);
  SchedulerOptions options = config.scheduler;
  options.clock = DayClock{"UTC", 0};
  const Scheduler scheduler(options);
  const fsrs::Weights& w = scheduler.weights();
  Prng rng(config.seed);

  std::vector<CardSchedule> cards;
  cards.reserve(static_cast<std::size_t>(config.bank_size));
  std::vector<std::size_t> due;
  SimulationResult result;
  result.days.reserve(static_cast<std::size_t>(config.days));
  int passed = 0;

  for (int d = 0; d < config.days; ++d) {
    if (cancel != nullptr && cancel->load()) throw SimulationCancelled();
    SimulationDay day;
    day.day = d;
    const TimestampMs session = kEpoch + d * kMsPerDay + kSessionOffset;

    // 1. Due reviews, earliest due first (ties by introduction order).
    due.clear();
    for (std::size_t i = 0; i < cards.size(); ++i) {
      if (day_of(cards[i].due) <= d) {
        due.push_back(i);
      }
    }
    std::stable_sort(due.begin(), due.end(),
                     [&](std::size_t a, std::size_t b) { return cards[a].due < cards[b].due; });
    if (config.max_reviews_per_day > 0 && due.size() > static_cast<std::size_t>(config.max_reviews_per_day)) {
      due.resize(static_cast<std::size_t>(config.max_reviews_per_day));
    }
    for (const std::size_t i : due) {
      CardSchedule& card = cards[i];
      const auto elapsed = static_cast<double>(d - day_of(card.last_review.value_or(session)));
      const double r = fsrs::forgetting_curve(w, elapsed, card.stability);
      Rating rating = Rating::Again;
      if (rng.uniform() < r) {
        rating = static_cast<Rating>(2 + static_cast<int>(rng.pick(config.review_rating_prob)));
        ++passed;
      } else {
        ++day.lapses;
      }
      day.seconds += config.review_seconds[static_cast<std::size_t>(static_cast<int>(rating) - 1)];
      card = pass_steps(scheduler, scheduler.next(card, session, rating).card);
      ++day.reviews;
    }

    // 2. New cards.
    for (int k = 0; k < config.new_per_day && cards.size() < static_cast<std::size_t>(config.bank_size); ++k) {
      const std::size_t g = rng.pick(config.first_rating_prob);
      const auto rating = static_cast<Rating>(1 + static_cast<int>(g));
      day.seconds += config.learn_seconds[g];
      cards.push_back(pass_steps(scheduler, scheduler.next(Scheduler::new_card(session), session, rating).card));
      ++day.new_cards;
    }

    // 3. Memory at the start of the next day.
    for (const CardSchedule& card : cards) {
      const auto t = static_cast<double>(d + 1 - day_of(card.last_review.value_or(session)));
      day.memorized += fsrs::forgetting_curve(w, t, card.stability);
    }
    day.introduced = static_cast<int>(cards.size());
    result.total_reviews += day.reviews;
    result.total_lapses += day.lapses;
    result.total_seconds += day.seconds;
    result.days.push_back(day);
    if (progress) progress(static_cast<double>(d + 1) / static_cast<double>(config.days));
  }
  if (!cards.empty()) {
    result.end_retention = result.days.back().memorized / static_cast<double>(cards.size());
  }
  if (result.total_reviews > 0) {
    result.observed_retention = static_cast<double>(passed) / static_cast<double>(result.total_reviews);
  }
  return result;
}

}  // namespace casebook::core
