#include "app/optimize_flow.hpp"

#include <chrono>
#include <exception>
#include <thread>
#include <utility>

#include "app/optimize_summary.hpp"
#include "core/number.hpp"

namespace casebook::app {

namespace opt = core::optimizer;

namespace {

std::string metrics_cell(const std::optional<core::evaluate::Metrics>& m, bool rmse) {
  if (!m) return "-";
  return rmse ? core::format_fixed(m->rmse_bins, 4) : core::format_fixed(m->log_loss, 5);
}

/// The fit's note ("kept the default parameters: ...") as a sentence of its own.
std::string as_sentence(std::string note) {
  if (note.empty()) return note;
  if (note[0] >= 'a' && note[0] <= 'z') note[0] = static_cast<char>(note[0] - 'a' + 'A');
  if (note.back() != '.') note += '.';
  return note;
}

}  // namespace

void OptimizeFlow::start() {
  if (m_job.running()) return;
  m_run.reset();
  m_status.clear();
  m_manual_status.clear();
  ReviewLogSource source;
  source.db_path = m_ctx.config.db_path;
  source.learner = m_ctx.config.learner;
  source.base = base_study_options(m_ctx.config);
  m_job.start(
      [source](const std::function<void(double)>& progress, const std::atomic<bool>& cancel) {
        Run run;
        run.log = load_review_log(source);
        run.outcome = optimize(run.log, progress, &cancel);
        run.log.items.clear();
        return run;
      },
      m_ctx.wake);
}

void OptimizeFlow::wait() {
  while (m_job.running() && !m_job.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  poll();
}

void OptimizeFlow::apply(const core::StudyOptions& options, std::string applied, std::string& status,
                         bool& is_error) {
  if (m_settings.save(options, "")) {
    status = std::move(applied);
    is_error = false;
  } else {
    const auto& problems = m_settings.view().problems;
    status = "Not applied: " +
             (problems.empty() ? std::string("the options were refused") : problems.front().field + " " + problems.front().message) +
             ".";
    is_error = true;
  }
}

bool OptimizeFlow::poll() {
  if (!m_job.finished()) return false;
  std::optional<Run> run = m_job.collect();
  if (!run) {
    // opt::Cancelled is thrown only once cancel was asked for.
    m_status = m_job.cancelled() ? "Cancelled: nothing was changed." : "The optimization failed: " + m_job.error();
    m_status_is_error = true;
    return true;
  }
  m_run = std::move(run);
  const OptimizeOutcome& out = m_run->outcome;
  // The learner's steps and desired retention; the weights compared are the log's and the fit's.
  m_run->summary = optimize_summary(m_run->log, out, m_ctx.options.learner());
  m_status_is_error = false;
  if (out.verdict != OptimizeVerdict::Better) {
    m_status = verdict_text(out.verdict);
    if (!out.fit.note.empty()) m_status += " " + as_sentence(out.fit.note);
    return true;
  }
  try {
    apply(with_weights(m_ctx.options.learner(), out.fit.weights),
          "Applied: the fitted parameters lower the log loss and are now in your study options.", m_status,
          m_status_is_error);
  } catch (const std::exception& e) {
    m_status = std::string("Not applied: ") + e.what();
    m_status_is_error = true;
  }
  return true;
}

void OptimizeFlow::use_weights(const std::string& text) {
  try {
    const opt::Weights w = parse_manual_weights(text, m_ctx.options.learner().relearning_steps_minutes.size());
    apply(with_weights(m_ctx.options.learner(), w), "Applied: the pasted parameters are now in your study options.",
          m_manual_status, m_manual_is_error);
  } catch (const std::exception& e) {
    m_manual_status = std::string("Not applied: ") + e.what();
    m_manual_is_error = true;
  }
}

void OptimizeFlow::reset_weights() {
  core::StudyOptions o = m_ctx.options.learner();
  o.weights.clear();
  apply(o, "Applied: the FSRS-6 default parameters are back in use.", m_manual_status, m_manual_is_error);
}

OptimizeView OptimizeFlow::view() const {
  OptimizeView v;
  v.learner = m_ctx.config.learner;
  v.job = job_view(m_job);
  v.status = m_status;
  v.status_is_error = m_status_is_error;
  v.status_tone = m_status_is_error ? Tone::Wrong : m_status.rfind("Applied", 0) == 0 ? Tone::Correct : Tone::Neutral;
  v.manual_status = m_manual_status;
  v.manual_is_error = m_manual_is_error;
  const std::vector<double>& in_use = m_ctx.options.learner().weights;
  opt::Weights current = core::kDefaultWeights;
  if (in_use.size() == current.size()) std::copy(in_use.begin(), in_use.end(), current.begin());
  v.current_weights = opt::format_weights(current);
  v.current_is_default = in_use.empty();
  if (m_run && !v.job.running) {
    const ReviewLog& log = m_run->log;
    const OptimizeOutcome& out = m_run->outcome;
    v.has_result = true;
    v.data_line = log.source + ": " + std::to_string(log.reviews) + " reviews of " + std::to_string(log.cards) +
                  " cards, fit: " + fit_kind_text(out.fit.kind) + " (" + std::to_string(out.fit.training_items) +
                  " training items)";
    v.metrics.push_back({log.current_is_default ? "Before (default parameters)" : "Before (your parameters)",
                         metrics_cell(out.before, false), metrics_cell(out.before, true)});
    v.metrics.push_back({"After (fitted parameters)", metrics_cell(out.after, false), metrics_cell(out.after, true)});
    v.fitted_weights = opt::format_weights(out.fit.weights);
    v.summary = m_run->summary;
  }
  return v;
}

}  // namespace casebook::app
