// Workload simulator (see simulator.hpp and docs/simulator.md): seeded Monte Carlo over the
// real core::Scheduler, one review session per simulated UTC day.
#include "core/simulator.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <numeric>
#include <stdexcept>
#include <string>

#include "core/exam.hpp"
#include "core/fsrs.hpp"
#include "core/hash.hpp"

namespace casebook::core {

namespace {

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

/// The day index (days since 1970, UTC) of `t`.
std::int64_t day_of(TimestampMs t) {
  return t >= 0 ? t / kMsPerDay : -((-t + kMsPerDay - 1) / kMsPerDay);
}

/// Rates a card on a (re)learning step Good, at its due time, until it leaves the steps.
CardSchedule pass_steps(const Scheduler& scheduler, CardSchedule card, std::uint64_t seed,
                        const ScheduleContext& context) {
  for (int i = 0; i < kMaxStepRepeats && is_learning(card.state); ++i) {
    card = scheduler.next(card, card.due, Rating::Good, seed, context).card;
  }
  return card;
}

/// One card of the run.
struct Simulated {
  CardSchedule card;
  bool introduced = false;
  std::optional<ExamTarget> exam;  ///< measured on its day
  bool rule = true;                ///< the exam rule, pace and priority apply
  std::uint64_t seed = 0;          ///< fuzz seed

  /// The exam the scheduler and the queue follow (none when it is only measured).
  [[nodiscard]] std::optional<ExamTarget> followed() const { return rule ? exam : std::nullopt; }
};

/// The cards of a run: config.cards, then bank_size new ones.
std::vector<Simulated> initial_cards(const SimulationConfig& c, const Scheduler& scheduler, TimestampMs first_session) {
  std::vector<Simulated> all;
  all.reserve(c.cards.size() + static_cast<std::size_t>(c.bank_size));
  for (const SimulatedCard& sc : c.cards) {
    Simulated s;
    s.exam = sc.exam;
    s.rule = sc.exam_rule;
    if (sc.schedule && sc.schedule->state != CardState::New) {
      s.card = *sc.schedule;
      s.introduced = true;
      if (const auto exam = s.followed()) {
        if (const auto by = exam_review_day(s.card, *exam, scheduler)) {
          s.card.due = std::min(s.card.due, *by * kMsPerDay + kSessionOffset);
        }
      }
    }
    all.push_back(std::move(s));
  }
  for (int i = 0; i < c.bank_size; ++i) all.push_back(Simulated{CardSchedule{}, false, c.exam, c.exam_rule, 0});
  std::uint64_t state = c.seed ^ 0x5EEDF022ULL;
  for (Simulated& s : all) {
    s.seed = splitmix64(state);
    if (!s.introduced) s.card.due = first_session;
  }
  return all;
}

/// The exam outcome of the plan whose exam is on `day` (today's start, before its reviews).
ExamOutcome exam_outcome(const std::vector<Simulated>& all, const Scheduler& scheduler, std::int64_t day) {
  ExamOutcome out;
  out.day = day;
  double sum = 0.0;
  out.lowest = 1.0;
  for (const Simulated& s : all) {
    if (!s.exam || s.exam->day != day) continue;
    out.target = s.exam->retention;
    ++out.cards;
    if (!s.introduced) continue;
    ++out.studied;
    const double r = retrievability_on_day(s.card, day, scheduler);
    sum += r;
    out.lowest = std::min(out.lowest, r);
    if (r < s.exam->retention) ++out.below_target;
  }
  if (out.cards > 0) out.retention = sum / out.cards;
  if (out.studied > 0) {
    out.retention_studied = sum / out.studied;
  } else {
    out.lowest = 0.0;
  }
  return out;
}

}  // namespace

DailyReviewStats daily_review_stats(const SimulationResult& result, int first, int last) {
  DailyReviewStats st;
  const int n_days = static_cast<int>(result.days.size());
  first = std::max(0, first);
  last = last < 0 ? n_days - 1 : std::min(last, n_days - 1);
  if (first > last) return st;
  double sum = 0.0, sum_sq = 0.0;
  st.peak_day = first;
  for (int d = first; d <= last; ++d) {
    const int r = result.days[static_cast<std::size_t>(d)].reviews;
    sum += r;
    sum_sq += static_cast<double>(r) * r;
    if (r > st.peak) {
      st.peak = r;
      st.peak_day = d;
    }
  }
  const double n = last - first + 1;
  st.mean = sum / n;
  st.std_dev = std::sqrt(std::max(0.0, sum_sq / n - st.mean * st.mean));
  const auto reviews = [&](int d) { return static_cast<double>(result.days[static_cast<std::size_t>(d)].reviews); };
  double dev_sum = 0.0, dev_sq = 0.0;
  int m = 0;
  for (int d = first + 3; d <= last - 3; ++d) {
    double week = 0.0;
    for (int k = d - 3; k <= d + 3; ++k) week += reviews(k);
    const double dev = reviews(d) - week / 7.0;
    dev_sum += dev;
    dev_sq += dev * dev;
    ++m;
  }
  if (m > 0) {
    const double mean_dev = dev_sum / m;
    st.unevenness = std::sqrt(std::max(0.0, dev_sq / m - mean_dev * mean_dev));
  }
  return st;
}

SimulationResult simulate(const SimulationConfig& config, const SimulationProgress& progress,
                          const std::atomic<bool>* cancel) {
  check_config(config);
  SchedulerOptions options = config.scheduler;
  options.clock = DayClock{"UTC", 0};
  const Scheduler scheduler(options);
  const fsrs::Weights& w = scheduler.weights();
  Prng rng(config.seed);
  const auto session_of = [&](int d) { return (config.start_day + d) * kMsPerDay + kSessionOffset; };

  std::vector<Simulated> all = initial_cards(config, scheduler, session_of(0));
  // New cards in the order they are introduced: an exam plan's first, each group in order.
  std::vector<std::size_t> fresh;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!all[i].introduced) fresh.push_back(i);
  }
  std::stable_partition(fresh.begin(), fresh.end(), [&](std::size_t i) { return all[i].followed().has_value(); });
  std::size_t next_fresh = 0;
  // Cards introduced so far, in index order for the due scan.
  std::vector<std::size_t> active;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].introduced) active.push_back(i);
  }
  const bool balance = options.load_balance;
  DueLoad load;
  if (balance) {
    for (const std::size_t i : active) load.add(day_of(all[i].card.due));
  }
  std::vector<std::int64_t> exam_days;
  for (const Simulated& s : all) {
    if (s.exam) exam_days.push_back(s.exam->day);
  }
  std::sort(exam_days.begin(), exam_days.end());
  exam_days.erase(std::unique(exam_days.begin(), exam_days.end()), exam_days.end());
  const bool any_exam = !exam_days.empty();

  // Schedules card i after a rating at `at` and keeps the load up to date.
  const auto reschedule = [&](std::size_t i, const CardSchedule& after) {
    Simulated& s = all[i];
    const ScheduleContext context{balance ? &load : nullptr, s.followed()};
    const CardSchedule next = pass_steps(scheduler, after, s.seed, context);
    if (balance) {
      if (s.introduced) load.add(day_of(s.card.due), -1);
      load.add(day_of(next.due));
    }
    s.card = next;
  };

  std::vector<std::size_t> due;
  SimulationResult result;
  result.days.reserve(static_cast<std::size_t>(config.days));
  int passed = 0;

  for (int d = 0; d < config.days; ++d) {
    if (cancel != nullptr && cancel->load()) throw SimulationCancelled();
    SimulationDay day;
    day.day = d;
    const std::int64_t today = config.start_day + d;
    const TimestampMs session = session_of(d);
    if (any_exam && std::binary_search(exam_days.begin(), exam_days.end(), today)) {
      result.exams.push_back(exam_outcome(all, scheduler, today));
    }
    const auto exam_ahead = [&](std::size_t i) { return all[i].rule && all[i].exam && all[i].exam->day > today; };

    // 1. Due reviews, earliest due first (ties by introduction order); an exam plan's first.
    due.clear();
    for (const std::size_t i : active) {
      if (day_of(all[i].card.due) <= today) due.push_back(i);
    }
    std::stable_sort(due.begin(), due.end(), [&](std::size_t a, std::size_t b) {
      if (any_exam && exam_ahead(a) != exam_ahead(b)) return exam_ahead(a);
      return all[a].card.due < all[b].card.due;
    });
    if (config.max_reviews_per_day > 0 && due.size() > static_cast<std::size_t>(config.max_reviews_per_day)) {
      due.resize(static_cast<std::size_t>(config.max_reviews_per_day));
    }
    for (const std::size_t i : due) {
      const CardSchedule& card = all[i].card;
      ++day.reviews;
      if (is_learning(card.state)) {  // a step left over from before the run: passed with Good
        day.seconds += config.review_seconds[2];
        reschedule(i, card);
        continue;
      }
      const auto elapsed = static_cast<double>(today - day_of(card.last_review.value_or(session)));
      const double r = fsrs::forgetting_curve(w, elapsed, card.stability);
      Rating rating = Rating::Again;
      if (rng.uniform() < r) {
        rating = static_cast<Rating>(2 + static_cast<int>(rng.pick(config.review_rating_prob)));
        ++passed;
      } else {
        ++day.lapses;
      }
      day.seconds += config.review_seconds[static_cast<std::size_t>(static_cast<int>(rating) - 1)];
      const ScheduleContext context{balance ? &load : nullptr, all[i].followed()};
      reschedule(i, scheduler.next(card, session, rating, all[i].seed, context).card);
    }

    // 2. New cards: an exam plan's at its pace at least, the others within new_per_day.
    int pace = 0;
    if (any_exam) {
      std::map<std::int64_t, int> remaining;  // exam day -> its new cards not yet introduced
      for (std::size_t k = next_fresh; k < fresh.size(); ++k) {
        if (const auto exam = all[fresh[k]].followed()) ++remaining[exam->day];
      }
      for (const auto& [exam_day, n] : remaining) pace += exam_new_cards_per_day(n, today, exam_day);
    }
    for (int k = 0; next_fresh < fresh.size(); ++k) {
      const std::size_t i = fresh[next_fresh];
      const bool for_exam = exam_ahead(i) && k < pace;
      if (k >= config.new_per_day && !for_exam) break;
      const std::size_t g = rng.pick(config.first_rating_prob);
      const auto rating = static_cast<Rating>(1 + static_cast<int>(g));
      day.seconds += config.learn_seconds[g];
      const ScheduleContext context{balance ? &load : nullptr, all[i].followed()};
      reschedule(i, scheduler.next(Scheduler::new_card(session), session, rating, all[i].seed, context).card);
      all[i].introduced = true;
      active.insert(std::upper_bound(active.begin(), active.end(), i), i);
      ++next_fresh;
      ++day.new_cards;
    }

    // 3. Memory at the start of the next day.
    for (const std::size_t i : active) {
      const CardSchedule& card = all[i].card;
      const auto t = static_cast<double>(today + 1 - day_of(card.last_review.value_or(session)));
      day.memorized += fsrs::forgetting_curve(w, t, card.stability);
    }
    day.introduced = static_cast<int>(active.size());
    result.total_reviews += day.reviews;
    result.total_lapses += day.lapses;
    result.total_seconds += day.seconds;
    result.days.push_back(day);
    if (progress) progress(static_cast<double>(d + 1) / static_cast<double>(config.days));
  }
  if (!active.empty()) {
    result.end_retention = result.days.back().memorized / static_cast<double>(active.size());
  }
  if (result.total_reviews > 0) {
    result.observed_retention = static_cast<double>(passed) / static_cast<double>(result.total_reviews);
  }
  return result;
}

}  // namespace casebook::core
