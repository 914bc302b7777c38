// Benchmarks of the scheduling core: the ts-fsrs 5.4.2 reference vectors replayed with
// core::Scheduler (the figure bench/compare_scheduler.sh sets against ts-fsrs under Node),
// one review, the CSV parser and the workload simulator. The data files are read from
// $CASEBOOK_VECTORS / $CASEBOOK_REVLOG, else from ../shared/reference/fsrs.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/revlog.hpp"
#include "core/scheduler.hpp"
#include "core/simulator.hpp"

namespace {

using casebook::core::CardSchedule;
using casebook::core::Rating;
using casebook::core::Scheduler;
using casebook::core::SchedulerOptions;
using casebook::core::TimestampMs;

std::string data_path(const char* env, const char* file) {
  const char* p = std::getenv(env);
  if (p != nullptr && *p != '\0') return p;
  return std::string(CASEBOOK_SHARED_DIR) + "/reference/fsrs/" + file;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A ts-fsrs step string ("10m", "1h", "2d") in minutes.
int minutes_of(const std::string& step) {
  const int n = std::stoi(step);
  const char unit = step.back();
  return unit == 'd' ? n * 1440 : unit == 'h' ? n * 60 : n;
}

/// What fsrs(input) means for our scheduler (fuzz is off in every vector config).
SchedulerOptions options_of(const nlohmann::json& input) {
  SchedulerOptions o;
  o.clock = {"UTC", 0};
  o.desired_retention = input.value("request_retention", o.desired_retention);
  o.maximum_interval = input.value("maximum_interval", o.maximum_interval);
  o.enable_short_term = input.value("enable_short_term", o.enable_short_term);
  if (input.contains("w")) {
    for (std::size_t i = 0; i < o.weights.size(); ++i) o.weights[i] = input["w"][i].get<double>();
  }
  const auto steps = [&](const char* key, std::vector<int>& into) {
    if (!input.contains(key)) return;
    into.clear();
    for (const auto& s : input[key]) into.push_back(minutes_of(s.get<std::string>()));
  };
  steps("learning_steps", o.learning_steps_minutes);
  steps("relearning_steps", o.relearning_steps_minutes);
  return o;
}

/// One vector sequence, ready to replay: its scheduler, the card's creation time and the
/// (time, rating) of every step.
struct Sequence {
  const Scheduler* scheduler = nullptr;
  TimestampMs created = 0;
  std::vector<std::pair<TimestampMs, Rating>> steps;
};

struct Vectors {
  std::map<std::string, Scheduler> schedulers;
  std::vector<Sequence> sequences;
  std::size_t reviews = 0;
};

const Vectors& vectors() {
  static const Vectors v = [] {
    Vectors out;
    const auto json = nlohmann::json::parse(slurp(data_path("CASEBOOK_VECTORS", "ts-fsrs-5.4.2-vectors.json")));
    for (const auto& [name, config] : json.at("configs").items()) {
      out.schedulers.emplace(name, Scheduler(options_of(config.at("input"))));
    }
    for (const auto& seq : json.at("sequences")) {
      Sequence s;
      s.scheduler = &out.schedulers.at(seq.at("config").get<std::string>());
      s.created = casebook::core::parse_iso(seq.at("initial_card").at("due").get<std::string>());
      for (const auto& step : seq.at("steps")) {
        s.steps.emplace_back(casebook::core::parse_iso(step.at("review").get<std::string>()),
                             static_cast<Rating>(step.at("rating").get<int>()));
      }
      out.reviews += s.steps.size();
      out.sequences.push_back(std::move(s));
    }
    return out;
  }();
  return v;
}

/// One pass over every vector sequence from a new card, review by review (the reference's
/// f.next loop). Returns the sum of the final stabilities (bench/ts_fsrs_replay.mjs prints the
/// same sum for ts-fsrs, so the two sides are seen to compute the same thing).
double replay_pass(const Vectors& v) {
  double checksum = 0.0;
  for (const Sequence& s : v.sequences) {
    CardSchedule card = Scheduler::new_card(s.created);
    for (const auto& [when, rating] : s.steps) card = s.scheduler->next(card, when, rating).card;
    checksum += card.stability;
  }
  return checksum;
}

/// replay_pass under Google Benchmark. Counter `checksum`: replay_pass's sum.
void BM_ReplayVectors(benchmark::State& state) {
  const Vectors& v = vectors();
  double checksum = 0.0;
  for (auto _ : state) {
    checksum = replay_pass(v);
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(v.reviews));
  state.counters["reviews_per_pass"] = static_cast<double>(v.reviews);
  state.counters["checksum"] = checksum;
}
BENCHMARK(BM_ReplayVectors);

/// One Good review of a card in Review state, 10 days after the last one.
void BM_NextReview(benchmark::State& state) {
  const Scheduler scheduler(SchedulerOptions{.clock = {"UTC", 0}});
  const TimestampMs t0 = 1717116035000;
  CardSchedule card = Scheduler::new_card(t0);
  card = scheduler.next(card, t0, Rating::Easy).card;
  const TimestampMs later = t0 + 10 * casebook::core::kMsPerDay;
  for (auto _ : state) {
    benchmark::DoNotOptimize(scheduler.next(card, later, Rating::Good));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_NextReview);

/// Parsing the 18,581-row simulated review log (sim_revlog_2000cards.csv).
void BM_ParseRevlogCsv(benchmark::State& state) {
  const std::string text = slurp(data_path("CASEBOOK_REVLOG", "sim_revlog_2000cards.csv"));
  std::size_t rows = 0;
  for (auto _ : state) {
    const auto parsed = casebook::core::revlog::parse_csv(text, "sim_revlog_2000cards.csv");
    rows = parsed.entries.size();
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
}
BENCHMARK(BM_ParseRevlogCsv)->Unit(benchmark::kMillisecond);

/// A year of 20 new cards a day from a 2,000-card bank (items = simulated reviews).
void BM_SimulateYear(benchmark::State& state) {
  casebook::core::SimulationConfig c;
  c.bank_size = 2000;
  c.new_per_day = 20;
  c.days = 365;
  int reviews = 0;
  for (auto _ : state) {
    const auto r = casebook::core::simulate(c);
    reviews = r.total_reviews + c.bank_size;
    benchmark::DoNotOptimize(reviews);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * reviews);
}
BENCHMARK(BM_SimulateYear)->Unit(benchmark::kMillisecond);

}  // namespace

/// `casebook_bench --replay-passes=N`: exactly N replay passes, no timing, then one JSON line
/// {"passes", "reviews", "checksum"}. bench/compare_scheduler.sh runs it under `perf stat` with
/// two values of N, so that the difference counts the instructions of the steady-state
/// passes only (start-up and file parsing cancel out). Anything else: Google Benchmark.
int main(int argc, char** argv) {
  static constexpr std::string_view kPasses = "--replay-passes=";
  if (argc == 2 && std::string_view(argv[1]).substr(0, kPasses.size()) == kPasses) {
    const long passes = std::stol(std::string(argv[1] + kPasses.size()));
    const Vectors& v = vectors();
    double checksum = 0.0;
    for (long i = 0; i < passes; ++i) {
      checksum = replay_pass(v);
      benchmark::DoNotOptimize(checksum);
    }
    std::printf("{\"passes\": %ld, \"reviews\": %zu, \"checksum\": %.6f}\n", passes,
                v.reviews * static_cast<std::size_t>(passes), checksum);
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
