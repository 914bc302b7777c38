// Review log loading, fitting and the apply decision for `casebook optimize` and the GUI
// (see optimize.hpp).
#include "app/optimize.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <utility>

#include "app/effective_options.hpp"
#include "bank/input_file.hpp"
#include "core/number.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

namespace opt = core::optimizer;

namespace {

/// The review log at `path`, read through the bounded reader; a refusal is thrown as one line.
std::string read_review_log(const std::string& path) {
  bank::InputText in = bank::read_input_file(path, bank::kReviewLogInput);
  if (in.problem) throw std::runtime_error(core::format_diagnostic(*in.problem));
  return std::move(in.text);
}

/// Shortest text that reads back as `x` for the messages ("0.9", not "0.900000").
std::string short_number(double x) { return core::format_significant(x, 6); }

}  // namespace

ReviewLog load_review_log(const ReviewLogSource& src) {
  ReviewLog log;
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
    const core::StudyOptions options = load_effective_options(src.base, progress, src.learner).options.learner();
    if (options.weights.size() == log.current.size()) {
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
    auto parsed = core::revlog::parse_csv(read_review_log(src.log_path), src.log_path);
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

opt::TrainingConfig training_config(const ReviewLog& log) {
  opt::TrainingConfig config;
  if (log.options) config.num_relearning_steps = log.options->relearning_steps_minutes.size();
  return config;
}

OptimizeOutcome optimize(const ReviewLog& log, const opt::ProgressFn& progress, const std::atomic<bool>* cancel) {
  OptimizeOutcome out;
  out.fit = opt::fit(log.items, training_config(log), progress, cancel);
  if (!log.items.empty()) {
    out.before = core::evaluate::evaluate(log.current, log.items);
    out.after = core::evaluate::evaluate(out.fit.weights, log.items);
  }
  if (out.fit.kind == opt::FitKind::Defaults) {
    out.verdict = OptimizeVerdict::TooFewReviews;
  } else if (!out.before || !out.after) {
    out.verdict = OptimizeVerdict::NoItems;
  } else {
    out.verdict = out.after->log_loss < out.before->log_loss ? OptimizeVerdict::Better : OptimizeVerdict::NotBetter;
  }
  return out;
}

std::string verdict_text(OptimizeVerdict verdict) {
  switch (verdict) {
    case OptimizeVerdict::Better: return "Better than the current parameters.";
    case OptimizeVerdict::TooFewReviews: return "Not applied: too little data to fit.";
    case OptimizeVerdict::NoItems:
      return "Not applied: the fitted parameters do not lower the log loss (no items to evaluate).";
    case OptimizeVerdict::NotBetter: return "Not applied: the fitted parameters do not lower the log loss.";
  }
  return "";
}

std::string fit_kind_text(opt::FitKind kind) {
  switch (kind) {
    case opt::FitKind::Defaults: return "defaults kept";
    case opt::FitKind::PretrainOnly: return "initial stabilities only";
    case opt::FitKind::Full: return "all 21 parameters";
  }
  return "";
}

opt::Weights parse_manual_weights(const std::string& text, std::size_t num_relearning_steps) {
  std::string list = text;
  const auto b = list.find_first_not_of(" \t\r\n");
  const auto e = list.find_last_not_of(" \t\r\n");
  list = b == std::string::npos ? std::string() : list.substr(b, e - b + 1);
  if (list.size() >= 2 && list.front() == '[' && list.back() == ']') list = list.substr(1, list.size() - 2);
  if (list.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw std::invalid_argument("parameters: the list is empty (paste 21 comma-separated numbers)");
  }
  const opt::Weights w = opt::parse_weights(list);
  const opt::Weights clipped = opt::clip_for_training(w, num_relearning_steps);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (clipped[i] != w[i]) {
      throw std::invalid_argument("parameters: w" + std::to_string(i) + " = " + short_number(w[i]) +
                                  " is outside the optimizer's range (the nearest allowed value is " +
                                  short_number(clipped[i]) + ")");
    }
  }
  return w;
}

core::StudyOptions with_weights(core::StudyOptions options, const opt::Weights& weights) {
  options.weights.assign(weights.begin(), weights.end());
  const auto problems = core::validate(options);
  if (!problems.empty()) {
    throw std::runtime_error("cannot store the parameters: " + problems.front().field + " " +
                             problems.front().message);
  }
  return options;
}

void store_weights(const std::string& db_path, const std::string& learner, const core::StudyOptions& options,
                   const opt::Weights& weights) {
  const core::StudyOptions study = with_weights(options, weights);
  storage::Progress progress(db_path);
  const EffectiveOptions current = load_effective_options(study, progress, learner).options;
  (void)store_options(progress, learner, current, study, "");
}

}  // namespace casebook::app
