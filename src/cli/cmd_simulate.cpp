// `casebook simulate`: runs core::simulate for two desired retentions and prints them side by side.
#include "cli/cmd_simulate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/cmd_replay.hpp"
#include "core/number.hpp"

namespace casebook::cli {

namespace {

struct SimulateFlags {
  core::SimulationConfig config;
  SchedulerFlags scheduler;
  double compare_retention = 0.8;
  bool daily = false;
};

struct Figures {
  double mean_reviews = 0.0, peak_reviews = 0.0, mean_minutes = 0.0, peak_minutes = 0.0;
};

Figures figures_of(const core::SimulationResult& r) {
  Figures f;
  for (const core::SimulationDay& d : r.days) {
    f.peak_reviews = std::max(f.peak_reviews, static_cast<double>(d.reviews));
    f.peak_minutes = std::max(f.peak_minutes, d.seconds / 60.0);
  }
  if (!r.days.empty()) {
    const auto n = static_cast<double>(r.days.size());
    f.mean_reviews = static_cast<double>(r.total_reviews) / n;
    f.mean_minutes = r.total_seconds / 60.0 / n;
  }
  return f;
}

}  // namespace

void write_simulation_summary(const core::SimulationResult& a, double ra, const core::SimulationResult& b,
                              double rb, std::ostream& out) {
  const Figures fa = figures_of(a);
  const Figures fb = figures_of(b);
  const auto line = [&](const char* what, const std::string& x, const std::string& y) {
    out << fmt::format("{:<34}{:>14}{:>14}\n", what, x, y);
  };
  const auto num = [](double v, int decimals) { return core::format_fixed(v, decimals); };
  const auto pct = [](double v) { return core::format_fixed(100.0 * v, 1) + " %"; };
  line("desired retention", pct(ra), pct(rb));
  line("reviews per day (mean)", num(fa.mean_reviews, 1), num(fb.mean_reviews, 1));
  line("reviews per day (peak)", num(fa.peak_reviews, 0), num(fb.peak_reviews, 0));
  const core::DailyReviewStats sa = core::daily_review_stats(a);
  const core::DailyReviewStats sb = core::daily_review_stats(b);
  line("reviews per day (std deviation)", num(sa.std_dev, 1), num(sb.std_dev, 1));
  line("day-to-day unevenness", num(sa.unevenness, 1), num(sb.unevenness, 1));
  line("minutes per day (mean)", num(fa.mean_minutes, 1), num(fb.mean_minutes, 1));
  line("minutes per day (peak)", num(fa.peak_minutes, 1), num(fb.peak_minutes, 1));
  line("total study time (hours)", num(a.total_seconds / 3600.0, 1), num(b.total_seconds / 3600.0, 1));
  line("reviews (total)", std::to_string(a.total_reviews), std::to_string(b.total_reviews));
  line("forgotten (Again)", std::to_string(a.total_lapses), std::to_string(b.total_lapses));
  line("recalled at review (observed)", pct(a.observed_retention), pct(b.observed_retention));
  line("expected retention at the end", pct(a.end_retention), pct(b.end_retention));
}

void write_simulation_days(const core::SimulationResult& r, std::ostream& out) {
  out << "day,new_cards,reviews,lapses,minutes,introduced,expected_retention\n";
  for (const core::SimulationDay& d : r.days) {
    const double retention = d.introduced > 0 ? d.memorized / d.introduced : 0.0;
    out << fmt::format("{},{},{},{},{:.2f},{},{:.4f}\n", d.day, d.new_cards, d.reviews, d.lapses,
                       d.seconds / 60.0, d.introduced, retention);
  }
}

CLI::App* add_simulate_command(CLI::App& app, int& exit_code, PlanFlags& plan) {
  auto flags = std::make_shared<SimulateFlags>();
  core::SimulationConfig& c = flags->config;
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Simulate a learner: reviews and minutes per day for two desired retentions");
  cmd->add_option("--bank-size", c.bank_size, "Cards in the bank (default 1000)")
      ->check(CLI::Range(0, 1000000))->type_name("N");
  cmd->add_option("--new-per-day", c.new_per_day, "New cards per day (default 20)")
      ->check(CLI::Range(0, 10000))->type_name("N");
  cmd->add_option("--days", c.days, "Days to simulate (default 365)")->check(CLI::Range(1, 36500))->type_name("N");
  cmd->add_option("--max-reviews", c.max_reviews_per_day, "Reviews per day at most, 0 = no limit (default 0)")
      ->check(CLI::Range(0, 1000000))->type_name("N");
  cmd->add_option("--seed", c.seed, "Random seed (default 1): the same seed gives the same figures")
      ->type_name("N");
  cmd->add_option("--compare", flags->compare_retention, "Second desired retention (default 0.8)")
      ->check(CLI::Range(0.01, 1.0))->type_name("R");
  cmd->add_flag("--daily", flags->daily, "Also print both runs' daily figures as CSV");
  add_scheduler_flags(*cmd, flags->scheduler);
  add_plan_flags(*cmd, plan);
  cmd->footer("Assumptions (fsrs-rs simulator defaults): docs/simulator.md. Examples:\n"
              "  casebook simulate --bank-size 500 --new-per-day 10 --retention 0.9 --compare 0.85 --days 180\n"
              "  casebook simulate --exam-date 2025-06-30 --set load_balance=on   (your own cards; docs/simulator.md)");
  cmd->callback([flags, &exit_code, &plan]() {
    if (!plan.exam_date.empty()) return;  // the plan runs once the common flags are known
    try {
      core::SimulationConfig first = flags->config;
      first.scheduler = scheduler_options_from(flags->scheduler, core::DayClock{"UTC", 0});
      core::SimulationConfig second = first;
      second.scheduler.desired_retention = flags->compare_retention;
      const core::SimulationResult a = core::simulate(first);
      const core::SimulationResult b = core::simulate(second);
      std::ostringstream out;
      out << fmt::format("{} cards, {} new per day, {} days, seed {}\n", first.bank_size, first.new_per_day,
                         first.days, first.seed);
      write_simulation_summary(a, first.scheduler.desired_retention, b, second.scheduler.desired_retention, out);
      if (flags->daily) {
        out << "\n# desired retention " << first.scheduler.desired_retention << "\n";
        write_simulation_days(a, out);
        out << "\n# desired retention " << second.scheduler.desired_retention << "\n";
        write_simulation_days(b, out);
      }
      std::cout << out.str();
      exit_code = 0;
    } catch (const std::invalid_argument& e) {
      std::cerr << "casebook: " << e.what() << "\nRun 'casebook simulate --help' for usage.\n";
      exit_code = 2;
    }
  });
  return cmd;
}

}  // namespace casebook::cli
