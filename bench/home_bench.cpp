// Home refresh and session start at scale (docs/performance.md, "Home and session start"):
// a bank of N cards (default 50,000) of which a tenth have been reviewed (due spread over
// the past and next weeks), a learner with bury siblings and random new-card order (the
// defaults), then the median of R runs of each:
//   home:  Controller::dispatch(GoHome) on Home, i.e. build_home (per-bank counts and the
//          queue a session would start);
//   start: dispatch(StartSession), i.e. StudyFlow::start (candidates, Session, first card).
// Uses only APIs that main has too, so bench/home_bench.sh can build it against a baseline.
// Usage: casebook_home_bench WORK_DIR [CARDS] [RUNS]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/controller.hpp"
#include "core/scheduler.hpp"
#include "storage/progress.hpp"

namespace {

namespace fs = std::filesystem;
using namespace casebook;

constexpr core::TimestampMs kNow = 1'717'243'200'000;  // 2024-06-01T12:00:00Z
constexpr core::TimestampMs kDayMs = 86'400'000;

void write_bank(const fs::path& path, int cards) {
  std::ofstream out(path);
  out << "[bank]\nid = \"scale\"\ntitle = \"Scale\"\nversion = \"1\"\nformat = 1\n\n"
         "[[source]]\nid = \"s\"\ncitation = \"A. Author, Title, 2020.\"\n";
  for (int i = 0; i < cards; ++i) {
    out << "\n[[question]]\nid = \"q" << i << "\"\ntype = \"single_choice\"\nprompt = \"Question number " << i
        << " about the case?\"\nchoices = [\"right " << i << "\", \"wrong " << i << "\"]\nanswer = \"right " << i
        << "\"\nsource = \"s\"\nparagraph = 1\n"
        << "explanation = \"Because " << i << ".\"\n";
  }
}

/// A tenth of the cards reviewed once (mostly Easy: Review cards due over the past and next weeks;
/// some Good, Again: learning), by record_review (one transaction each), once per folder.
void seed_reviews(const fs::path& db, int cards) {
  const fs::path done = db.string() + ".seeded";
  if (fs::exists(done)) return;
  storage::Progress progress(db.string());
  progress.ensure_learner("bench");
  const core::Scheduler scheduler;
  for (int i = 0; i < cards; i += 10) {
    core::ReviewRecord r;
    r.learner = "bench";
    r.card_key = "scale/q" + std::to_string(i);
    r.reviewed_at = kNow - (i % 30 + 1) * kDayMs;
    r.rating = i % 40 == 0 ? core::Rating::Again : i % 20 == 0 ? core::Rating::Good : core::Rating::Easy;
    r.correct = r.rating != core::Rating::Again;
    r.answer = "right";
    r.before = core::Scheduler::new_card(r.reviewed_at);
    r.after = scheduler.next(r.before, r.reviewed_at, r.rating).card;
    (void)progress.record_review(r);
  }
  std::ofstream(done) << "ok\n";
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// CPU time of this process in ms (the controller does this work on the calling thread): on a
/// loaded machine it moves far less than wall time.
double cpu_ms() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: casebook_home_bench WORK_DIR [CARDS] [RUNS]\n";
    return 2;
  }
  const fs::path dir = argv[1];
  const int cards = argc > 2 ? std::stoi(argv[2]) : 50'000;
  const int runs = argc > 3 ? std::stoi(argv[3]) : 7;
  fs::create_directories(dir);
  const fs::path bank = dir / ("scale-" + std::to_string(cards) + ".toml");
  const fs::path db = dir / ("progress-" + std::to_string(cards) + ".sqlite3");
  if (!fs::exists(bank)) write_bank(bank, cards);
  seed_reviews(db, cards);

  app::AppConfig config;
  config.db_path = db.string();
  config.bank_paths = {bank.string()};
  config.learner = "bench";
  config.scheduler.clock = core::DayClock{"Europe/Berlin", 4};
  config.clock = [] { return kNow; };
  config.session_seed = 1;
  config.new_cards_per_day = 20;
  config.max_reviews_per_day = 200;
  const auto t_load = std::chrono::steady_clock::now();
  app::Controller controller(config);
  const double load_ms = ms_since(t_load);
  for (const auto& b : controller.home().banks) {
    if (b.loaded && b.total == cards) continue;
    std::cerr << b.path << " did not load whole:\n";
    for (const auto& line : b.diagnostic_lines) std::cerr << "  " << line << "\n";
    return 1;
  }
  std::vector<double> home, start, home_cpu, start_cpu;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_ms();
    controller.dispatch(app::GoHome{});
    home.push_back(ms_since(t0));
    home_cpu.push_back(cpu_ms() - c0);
    t0 = std::chrono::steady_clock::now();
    c0 = cpu_ms();
    controller.dispatch(app::StartSession{});
    start.push_back(ms_since(t0));
    start_cpu.push_back(cpu_ms() - c0);
    if (controller.study() == nullptr) {
      std::cerr << "the session did not start: " << controller.home().message << "\n";
      return 1;
    }
    controller.dispatch(app::GoHome{});  // leave before answering: nothing is written
    controller.dispatch(app::GoHome{});  // from the summary back to Home
  }
  const auto& h = controller.home();
  std::printf("cards %d: start-up %.1f ms; home %.2f ms, session start %.2f ms, CPU home %.2f ms, "
              "CPU session start %.2f ms (medians of %d); queue: %d new, %d learning, %d reviews\n",
              cards, load_ms, median(home), median(start), median(home_cpu), median(start_cpu), runs,
              h.new_available, h.learning_due, h.review_due);
  return 0;
}
