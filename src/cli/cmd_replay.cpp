// `casebook replay` and the scheduler flags shared with `casebook simulate`.
#include "cli/cmd_replay.hpp"

#include "core/number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "app/study_text.hpp"
#include "bank/input_file.hpp"
#include "core/diagnostic.hpp"
#include "core/time.hpp"

namespace casebook::cli {

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

/// Command-line values of `replay` (bound by CLI11, read by the callback).
struct ReplayFlags {
  std::string log_path;
  std::string time_zone = "UTC";
  int rollover_hour = 0;
  SchedulerFlags scheduler;
};

std::vector<double> parse_number_list(const std::string& text) {
  std::string spaced = text;
  for (char& c : spaced) {
    if (c == ',') c = ' ';
  }
  std::istringstream in(spaced);
  std::vector<double> out;
  std::string token;
  while (in >> token) {
    const std::optional<double> v = core::parse_double(token);
    if (!v) throw std::invalid_argument("'" + token + "' in --weights is not a number");
    out.push_back(*v);
  }
  return out;
}

}  // namespace

void add_scheduler_flags(CLI::App& cmd, SchedulerFlags& flags) {
  cmd.add_option("--retention", flags.desired_retention, "Desired retention (default 0.9)")
      ->check(CLI::Range(0.01, 1.0))
      ->type_name("R");
  cmd.add_option("--max-interval", flags.maximum_interval, "Maximum interval in days (default 36500)")
      ->check(CLI::Range(static_cast<std::int64_t>(1), static_cast<std::int64_t>(36500)))
      ->type_name("DAYS");
  cmd.add_option("--weights", flags.weights, "The 21 FSRS-6 parameters, comma-separated (default: FSRS-6 defaults)")
      ->type_name("W0,...,W20");
  cmd.add_flag("--long-term", flags.long_term, "Short-term scheduling off (ts-fsrs LongTermScheduler)");
  cmd.add_option("--steps", flags.learning_steps, "Learning steps in minutes (default 1 10)")
      ->check(CLI::Range(0, 43200))
      ->type_name("MIN...");
  cmd.add_option("--relearning-steps", flags.relearning_steps, "Relearning steps in minutes (default 10)")
      ->check(CLI::Range(0, 43200))
      ->type_name("MIN...");
}

core::SchedulerOptions scheduler_options_from(const SchedulerFlags& flags, const core::DayClock& clock) {
  core::SchedulerOptions o;
  if (!(flags.desired_retention >= 0.01 && flags.desired_retention <= 1.0)) {  // also catches NaN
    throw std::invalid_argument("--retention must be a number from 0.01 to 1, not " +
                                fmt::format("{}", flags.desired_retention));
  }
  o.desired_retention = flags.desired_retention;
  o.maximum_interval = flags.maximum_interval;
  o.enable_short_term = !flags.long_term;
  o.learning_steps_minutes = flags.learning_steps;
  o.relearning_steps_minutes = flags.relearning_steps;
  o.clock = clock;
  if (!flags.weights.empty()) {
    const std::vector<double> w = parse_number_list(flags.weights);
    if (w.size() != o.weights.size()) {
      throw std::invalid_argument("--weights needs 21 numbers, got " + std::to_string(w.size()));
    }
    std::copy(w.begin(), w.end(), o.weights.begin());
  }
  return o;
}

std::size_t write_replay(const std::vector<core::revlog::RevlogEntry>& entries,
                         const core::SchedulerOptions& options, std::ostream& out) {
  const core::Scheduler scheduler(options);
  std::map<std::string, core::CardSchedule> cards;
  out << "card_id,review_time,review_iso,rating,elapsed_days,state,stability,difficulty,"
         "retrievability,interval_days,due\n";
  std::size_t rows = 0;
  for (const core::revlog::RevlogEntry& e : entries) {
    auto it = cards.find(e.card_id);
    if (it == cards.end() || e.state == 0) {
      it = cards.insert_or_assign(e.card_id, core::Scheduler::new_card(e.review_time)).first;
    }
    const bool was_new = it->second.state == core::CardState::New;
    core::ReviewResult res;
    try {
      res = scheduler.next(it->second, e.review_time, static_cast<core::Rating>(e.rating));
    } catch (const std::invalid_argument& err) {
      throw std::invalid_argument("line " + std::to_string(e.line) + " (card " + e.card_id + "): " + err.what());
    }
    it->second = res.card;
    const core::CardSchedule& c = res.card;
    out << e.card_id << ',' << e.review_time << ',' << core::format_iso_utc(e.review_time) << ','
        << e.rating << ',' << res.elapsed_days << ',' << core::to_string(c.state) << ','
        << fmt::format("{:.8f},{:.8f},", c.stability, c.difficulty)
        << (was_new ? std::string() : fmt::format("{:.8f}", res.retrievability)) << ','
        << c.scheduled_days << ',' << core::format_iso_utc(c.due) << '\n';
    ++rows;
  }
  return rows;
}

CLI::App* add_replay_command(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ReplayFlags>();
  CLI::App* cmd = app.add_subcommand(
      "replay", "Schedule a review log (CSV) review by review and print S, D, R, interval and due");
  cmd->add_option("--log", flags->log_path,
                  "CSV with a header row and columns card_id, review_time (ms), review_rating, "
                  "review_state, review_duration (others ignored)")
      ->required()
      ->type_name("FILE.csv");
  cmd->add_option("--tz", flags->time_zone, "IANA time zone of the study days (default UTC)")->type_name("ZONE");
  cmd->add_option("--rollover", flags->rollover_hour, "Hour a study day starts, 0-23 (default 0, as ts-fsrs)")
      ->check(CLI::Range(0, 23))
      ->type_name("H");
  add_scheduler_flags(*cmd, flags->scheduler);
  cmd->footer("Prints CSV to stdout: card_id,review_time,review_iso,rating,elapsed_days,state,stability,\n"
              "difficulty,retrievability,interval_days,due (the card after each review). With the\n"
              "defaults (UTC, rollover 0) the numbers are those of ts-fsrs 5.4.2 without fuzz.\n"
              "Example: casebook replay --log revlog.csv --retention 0.85 > replay.csv");
  cmd->callback([flags, &exit_code]() {
    try {
      const core::DayClock clock{flags->time_zone, flags->rollover_hour};
      try {
        (void)core::study_day(0, clock);  // unknown zone -> std::runtime_error before any output
      } catch (const std::runtime_error& e) {
        std::cerr << "casebook: --tz: " << e.what() << " (write an IANA name such as Europe/Berlin)\n"
                  << "Run 'casebook replay --help' for usage.\n";
        exit_code = kExitUsage;
        return;
      }
      core::SchedulerOptions options;
      try {
        options = scheduler_options_from(flags->scheduler, clock);
      } catch (const std::invalid_argument& e) {
        std::cerr << "casebook: " << app::terminal_safe(e.what()) << "\nRun 'casebook replay --help' for usage.\n";
        exit_code = kExitUsage;
        return;
      }
      bank::InputText log = bank::read_input_file(flags->log_path, bank::kReviewLogInput);
      if (log.problem) throw std::runtime_error(core::format_diagnostic(*log.problem));
      const core::revlog::CsvParseResult parsed = core::revlog::parse_csv(log.text, flags->log_path);
      if (parsed.skipped_manual > 0) {
        std::cerr << "casebook: skipped " << parsed.skipped_manual << " manual entries (rating 0)\n";
      }
      std::ostringstream out;
      try {
        (void)write_replay(parsed.entries, options, out);
      } catch (const std::invalid_argument& e) {  // name the file, and say what to do
        throw std::runtime_error(flags->log_path + ": " + e.what() +
                                 "; each card's rows must be in time order (sort the log by review_time)");
      }
      std::cout << out.str();
      exit_code = 0;
    } catch (const std::exception& e) {
      std::cerr << "casebook: " << app::terminal_safe(e.what()) << "\n";
      exit_code = kExitFailure;
    }
  });
  return cmd;
}

}  // namespace casebook::cli
