// `casebook optimize` / `casebook evaluate` (see cmd_optimize.hpp and docs/optimizer.md).
#include "cli/cmd_optimize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "cli/cli.hpp"
#include "core/evaluate.hpp"
#include "core/optimizer.hpp"
#include "core/options.hpp"
#include "core/revlog.hpp"
#include "core/scheduler.hpp"
#include "storage/progress.hpp"

namespace casebook::cli {

namespace {

namespace opt = core::optimizer;

/// A review log ready for fitting, with the parameters the learner uses now.
struct LoadedLog {
  std::vector<core::revlog::FsrsItem> items;
  std::size_t reviews = 0;
  std::size_t cards = 0;
  std::size_t skipped_manual = 0;
  std::string source;                       ///< "FILE" or "learner 'x' in PATH"
  opt::Weights current = core::kDefaultWeights;
  bool current_is_default = true;
  std::optional<core::StudyOptions> options;  ///< the learner's options when a database was read
};

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read review log " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

LoadedLog load(const ReviewLogSource& src) {
  LoadedLog log;
  std::vector<core::revlog::RevlogEntry> entries;
  core::DayClock clock = src.csv_clock;
  if (!src.db_path.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(src.db_path, ec)) {
      throw std::runtime_error("no progress database at " + src.db_path);
    }
    storage::Progress progress(src.db_path, storage::Progress::Access::ReadOnly);
    const auto learners = progress.learners();
    if (std::find(learners.begin(), learners.end(), src.learner) == learners.end()) {
      throw std::runtime_error("no learner named '" + src.learner + "' in " + src.db_path);
    }
    core::StudyOptions options;
    (void)core::apply_key_values(options, progress.study_option_values(src.learner));
    if (options.weights.size() == 21) {
      std::copy(options.weights.begin(), options.weights.end(), log.current.begin());
      log.current_is_default = false;
    }
    log.options = options;
    if (src.log_path.empty()) {
      entries = core::revlog::from_review_records(progress.review_log(src.learner));
      clock = core::day_clock(options);
      log.source = "learner '" + src.learner + "' in " + src.db_path;
    }
  }
  if (!src.log_path.empty()) {
    auto parsed = core::revlog::parse_csv(read_text_file(src.log_path), src.log_path);
    entries = std::move(parsed.entries);
    log.skipped_manual = parsed.skipped_manual;
    log.source = src.log_path;
  }
  log.reviews = entries.size();
  std::set<std::string> cards;
  for (const auto& e : entries) cards.insert(e.card_id);
  log.cards = cards.size();
  log.items = core::revlog::build_items(std::move(entries), clock);
  return log;
}

void write_summary(const LoadedLog& log, std::ostream& out) {
  out << fmt::format("Review log: {} ({} reviews of {} cards", log.source, log.reviews, log.cards);
  if (log.skipped_manual > 0) out << fmt::format(", {} manual entries skipped", log.skipped_manual);
  out << fmt::format(") -> {} items (reviews on a later day than the card's previous one)\n", log.items.size());
}

void write_metrics_row(const std::string& label, const core::evaluate::Metrics& m, std::ostream& out) {
  out << fmt::format("  {:<28}{:>10.5f}{:>12.4f}\n", label, m.log_loss, m.rmse_bins);
}

std::string fit_kind_text(opt::FitKind k) {
  switch (k) {
    case opt::FitKind::Defaults: return "defaults kept";
    case opt::FitKind::PretrainOnly: return "initial stabilities only";
    case opt::FitKind::Full: return "all 21 parameters";
  }
  return "";
}

/// fsrs-rs settings for this learner: their number of relearning steps bounds w17*w18.
opt::TrainingConfig training_config(const LoadedLog& log) {
  opt::TrainingConfig config;
  if (log.options) config.num_relearning_steps = log.options->relearning_steps_minutes.size();
  return config;
}

}  // namespace

int run_optimize(const OptimizeOptions& options, std::ostream& out) {
  const LoadedLog log = load(options.source);
  write_summary(log, out);
  const opt::FitResult fit = opt::fit(log.items, training_config(log));
  out << fmt::format("Fit: {} ({} training items after the outlier filter)\n", fit_kind_text(fit.kind),
                     fit.training_items);
  if (!fit.note.empty()) out << "  " << fit.note << "\n";

  bool better = false;
  if (!log.items.empty()) {
    const auto before = core::evaluate::evaluate(log.current, log.items);
    const auto after = core::evaluate::evaluate(fit.weights, log.items);
    out << fmt::format("  {:<28}{:>10}{:>12}\n", "", "log loss", "RMSE(bins)");
    write_metrics_row(log.current_is_default ? "before (default parameters)" : "before (current parameters)",
                      before, out);
    write_metrics_row("after (fitted parameters)", after, out);
    better = after.log_loss < before.log_loss;
  }
  out << "Parameters (21, comma-separated):\n" << opt::format_weights(fit.weights) << "\n";

  if (fit.kind == opt::FitKind::Defaults) {
    out << "Not applied: too little data to fit (see above).\n";
  } else if (!better) {
    out << "Not applied: the fitted parameters do not lower the log loss"
        << (log.items.empty() ? " (no items to evaluate)" : "") << ".\n";
  } else if (options.source.db_path.empty()) {
    out << "Not applied: no --db given (paste the list into the study options to use it).\n";
  } else if (!options.apply) {
    out << "Not applied (--dry-run).\n";
  } else {
    core::StudyOptions study = log.options.value_or(core::StudyOptions{});
    study.weights.assign(fit.weights.begin(), fit.weights.end());
    const auto problems = core::validate(study);
    if (!problems.empty()) {
      throw std::runtime_error("cannot store the parameters: " + problems.front().field + " " +
                               problems.front().message);
    }
    storage::Progress progress(options.source.db_path);
    progress.set_study_option_values(options.source.learner, "", core::to_key_values(study));
    out << "Applied: stored in the study options of learner '" << options.source.learner << "'.\n";
  }
  return 0;
}

int run_evaluate(const EvaluateOptions& options, std::ostream& out) {
  std::optional<opt::Weights> given;
  if (options.weights) given = opt::parse_weights(*options.weights);  // a bad list fails before any work
  const LoadedLog log = load(options.source);
  write_summary(log, out);
  const opt::Weights w = given.value_or(log.current);
  const std::string label = given                    ? "given parameters"
                            : log.current_is_default ? "default parameters"
                                                     : "current parameters";
  if (log.items.empty()) {
    out << "Nothing to evaluate: the log has no review on a later day than the card's previous one.\n";
    return 0;
  }
  out << fmt::format("  {:<38}{:>10}{:>12}\n", "", "log loss", "RMSE(bins)");
  const auto in_sample = core::evaluate::evaluate(w, log.items);
  out << fmt::format("  {:<38}{:>10.5f}{:>12.4f}\n", "in-sample, " + label, in_sample.log_loss, in_sample.rmse_bins);
  if (log.items.size() < options.splits + 1 || options.splits == 0) {
    out << fmt::format("Out of sample: needs at least {} items for {} time-series splits.\n", options.splits + 1,
                       options.splits);
    return 0;
  }
  const auto split = core::evaluate::evaluate_time_series_splits(log.items, training_config(log), options.splits);
  out << fmt::format("  {:<38}{:>10.5f}{:>12.4f}\n",
                     fmt::format("out of sample, {} time-series splits", options.splits), split.log_loss,
                     split.rmse_bins);
  out << "  (out of sample: parameters fitted on the earlier items predict the next segment; unweighted)\n";
  return 0;
}

std::pair<CLI::App*, CLI::App*> add_optimize_commands(CLI::App& app, int& exit_code) {
  struct Flags {
    std::string log_path;
    std::string time_zone = "UTC";
    int day_starts_at = 0;
    bool dry_run = false;
    std::string weights;
    std::size_t splits = 5;
  };
  auto flags = std::make_shared<Flags>();
  const auto add_log_flags = [flags](CLI::App& cmd) {
    cmd.add_option("--log", flags->log_path,
                   "Review log CSV (card_id, review_time ms, review_rating, review_state, review_duration; "
                   "header row) instead of the database")
        ->type_name("FILE.csv");
    cmd.add_option("--timezone", flags->time_zone, "CSV only: time zone of study days (default UTC)")->type_name("TZ");
    cmd.add_option("--day-starts-at", flags->day_starts_at, "CSV only: hour a study day starts (default 0)")
        ->check(CLI::Range(0, 23))
        ->type_name("H");
  };
  CLI::App* optimize = app.add_subcommand("optimize", "Fit the FSRS-6 parameters to the learner's review log");
  add_log_flags(*optimize);
  optimize->add_flag("--dry-run", flags->dry_run, "Print the fit but do not store it");
  optimize->footer("Reads --db PATH and --learner NAME (or --log FILE.csv). Prints log loss and RMSE(bins)\n"
                   "before and after and the 21 parameters; stores them in the learner's study options\n"
                   "only if they lower the log loss. See docs/optimizer.md. Example:\n"
                   "  casebook optimize --db progress.sqlite3 --learner ana");
  CLI::App* evaluate = app.add_subcommand("evaluate", "Log loss and RMSE(bins) of parameters on a review log");
  add_log_flags(*evaluate);
  evaluate->add_option("--weights", flags->weights, "21 comma-separated parameters (default: the learner's)")
      ->type_name("LIST");
  evaluate->add_option("--splits", flags->splits, "Time-series splits for the out-of-sample figures (default 5)")
      ->check(CLI::Range(1, 50))
      ->type_name("N");

  const auto source_of = [&app, flags]() {
    ReviewLogSource src;
    const auto* db = app.get_option("--db");
    const auto* learner = app.get_option("--learner");
    if (db->count() > 0) {
      src.db_path = db->as<std::string>();
    } else if (flags->log_path.empty()) {
      src.db_path = default_db_path();
    }
    if (learner->count() > 0) src.learner = learner->as<std::string>();
    src.log_path = flags->log_path;
    src.csv_clock = core::DayClock{flags->time_zone, flags->day_starts_at};
    return src;
  };
  const auto guarded = [&exit_code](const std::function<int()>& body) {
    try {
      exit_code = body();
    } catch (const std::invalid_argument& e) {
      std::cerr << "casebook: " << e.what() << "\nRun 'casebook --help' for usage.\n";
      exit_code = 2;
    } catch (const std::exception& e) {
      std::cerr << "casebook: " << e.what() << "\n";
      exit_code = 1;
    }
  };
  optimize->callback([=]() {
    guarded([&] {
      OptimizeOptions o;
      o.source = source_of();
      o.apply = !flags->dry_run;
      return run_optimize(o, std::cout);
    });
  });
  evaluate->callback([=]() {
    guarded([&] {
      EvaluateOptions o;
      o.source = source_of();
      if (!flags->weights.empty()) o.weights = flags->weights;
      o.splits = flags->splits;
      return run_evaluate(o, std::cout);
    });
  });
  return {optimize, evaluate};
}

}  // namespace casebook::cli
