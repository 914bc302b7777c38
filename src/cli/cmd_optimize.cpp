// `casebook optimize` / `casebook evaluate` (see cmd_optimize.hpp and docs/optimizer.md).
#include "cli/cmd_optimize.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "app/optimize_summary.hpp"
#include "app/study_text.hpp"
#include "cli/cli.hpp"
#include "core/evaluate.hpp"
#include "core/optimizer.hpp"
#include "core/options.hpp"

namespace casebook::cli {

namespace {

namespace opt = core::optimizer;
using app::ReviewLog;

void write_summary(const ReviewLog& log, std::ostream& out) {
  out << fmt::format("Review log: {} ({} reviews of {} cards", app::terminal_safe(log.source), log.reviews, log.cards);
  if (log.skipped_manual > 0) out << fmt::format(", {} manual entries skipped", log.skipped_manual);
  out << fmt::format(") -> {} items (reviews on a later day than the card's previous one)\n", log.items.size());
}

void write_metrics_row(const std::string& label, const core::evaluate::Metrics& m, std::ostream& out) {
  out << fmt::format("  {:<28}{:>10.5f}{:>12.4f}\n", label, m.log_loss, m.rmse_bins);
}

}  // namespace

int run_optimize(const OptimizeOptions& options, std::ostream& out) {
  using Clock = std::chrono::steady_clock;
  const auto ms_since = [](Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  };
  const auto t_load = Clock::now();
  const ReviewLog log = app::load_review_log(options.source);
  const double load_ms = ms_since(t_load);
  write_summary(log, out);
  const auto t_fit = Clock::now();
  const std::clock_t cpu_fit = std::clock();
  const app::OptimizeOutcome result = app::optimize(log);
  const double optimize_ms = ms_since(t_fit);
  const double optimize_cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_fit) / CLOCKS_PER_SEC;
  if (options.timing) {
    // app::optimize = the fit plus two in-sample evaluations; time one to separate them.
    const auto t_eval = Clock::now();
    (void)core::evaluate::evaluate(result.fit.weights, log.items);
    const double eval_ms = ms_since(t_eval);
    std::cerr << fmt::format(
        "timing: read+items {:.1f} ms, fit {:.1f} ms, evaluation {:.1f} ms x2 ({} items); CPU fit+evaluation "
        "{:.1f} ms (all threads)\n",
        load_ms, optimize_ms - 2.0 * eval_ms, eval_ms, log.items.size(), optimize_cpu_ms);
  }
  const opt::FitResult& fit = result.fit;
  out << fmt::format("Fit: {} ({} training items after the outlier filter)\n", app::fit_kind_text(fit.kind),
                     fit.training_items);
  if (!fit.note.empty()) out << "  " << fit.note << "\n";
  if (result.before && result.after) {
    out << fmt::format("  {:<28}{:>10}{:>12}\n", "", "log loss", "RMSE(bins)");
    write_metrics_row(log.current_is_default ? "before (default parameters)" : "before (current parameters)",
                      *result.before, out);
    write_metrics_row("after (fitted parameters)", *result.after, out);
  }
  out << "Parameters (21, comma-separated):\n" << opt::format_weights(fit.weights) << "\n";
  out << "In plain words:\n";
  for (const std::string& sentence : app::optimize_summary(log, result, log.options.value_or(options.source.base))) {
    out << "  " << sentence << "\n";
  }

  if (result.verdict != app::OptimizeVerdict::Better) {
    out << (result.verdict == app::OptimizeVerdict::TooFewReviews ? "Not applied: too little data to fit (see above)."
                                                                   : app::verdict_text(result.verdict))
        << "\n";
  } else if (options.source.db_path.empty()) {
    out << "Not applied: no --db given (paste the list into the study options to use it).\n";
  } else if (!options.apply) {
    out << "Not applied (--dry-run).\n";
  } else {
    app::store_weights(options.source.db_path, options.source.learner, log.options.value_or(core::StudyOptions{}),
                       fit.weights);
    out << "Applied: stored in the study options of learner '" << app::terminal_safe(options.source.learner) << "'.\n";
  }
  return 0;
}

int run_evaluate(const EvaluateOptions& options, std::ostream& out) {
  std::optional<opt::Weights> given;
  if (options.weights) given = opt::parse_weights(*options.weights);  // a bad list fails before any work
  const ReviewLog log = app::load_review_log(options.source);
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
  const auto split = core::evaluate::evaluate_time_series_splits(log.items, app::training_config(log), options.splits);
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
    bool timing = false;
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
  optimize->add_flag("--timing", flags->timing, "Print wall times (read, fit, evaluation) to stderr");
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
      std::cerr << "casebook: " << app::terminal_safe(e.what()) << "\nRun 'casebook --help' for usage.\n";
      exit_code = 2;
    } catch (const std::exception& e) {
      std::cerr << "casebook: " << app::terminal_safe(e.what()) << "\n";
      exit_code = 1;
    }
  };
  optimize->callback([=]() {
    guarded([&] {
      OptimizeOptions o;
      o.source = source_of();
      o.apply = !flags->dry_run;
      o.timing = flags->timing;
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
