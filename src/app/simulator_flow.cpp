#include "app/simulator_flow.hpp"

#include <algorithm>
#include <exception>

#include "app/day_charts.hpp"

#include "core/number.hpp"
#include "core/options.hpp"
#include "core/time.hpp"

namespace casebook::app {

namespace {

/// The bank-only loads, in Home's order (scope i >= 1 is loaded bank i - 1).
std::vector<const core::Bank*> loaded_banks(const Library& library) {
  std::vector<const core::Bank*> out;
  for (const auto& load : library.loads()) {
    if (load.bank) out.push_back(&*load.bank);
  }
  return out;
}

std::string fixed(double v, int decimals) { return core::format_fixed(v, decimals); }

std::string percent(double v) { return fixed(100.0 * v, 1) + " %"; }

double peak(const std::vector<float>& s) { return s.empty() ? 0.0 : static_cast<double>(*std::max_element(s.begin(), s.end())); }

/// The comparison table under the charts (SimulatorView::rows) of runs `a` and `b`, whose
/// charts are `charts`: per-day means and peaks, spread, study time, lapses and retention.
std::vector<SimulatorView::Row> comparison_rows(const core::SimulationResult& a, const core::SimulationResult& b,
                                                const std::array<std::array<Chart, 2>, 3>& charts) {
  const auto n = static_cast<double>(std::max<std::size_t>(1, a.days.size()));
  const core::DailyReviewStats sa = core::daily_review_stats(a);
  const core::DailyReviewStats sb = core::daily_review_stats(b);
  std::vector<SimulatorView::Row> rows = {
      {"Reviews per day (mean)", fixed(a.total_reviews / n, 1), fixed(b.total_reviews / n, 1)},
      {"Reviews per day (peak)", fixed(peak(charts[0][0].values), 0), fixed(peak(charts[0][1].values), 0)},
      {"Reviews per day (standard deviation)", fixed(sa.std_dev, 1), fixed(sb.std_dev, 1)},
      {"Day-to-day unevenness", fixed(sa.unevenness, 1), fixed(sb.unevenness, 1)},
      {"Minutes per day (mean)", fixed(a.total_seconds / 60.0 / n, 1), fixed(b.total_seconds / 60.0 / n, 1)},
      {"Minutes per day (peak)", fixed(peak(charts[1][0].values), 1), fixed(peak(charts[1][1].values), 1)},
      {"Total study time (hours)", fixed(a.total_seconds / 3600.0, 1), fixed(b.total_seconds / 3600.0, 1)},
      {"Forgotten at review", std::to_string(a.total_lapses), std::to_string(b.total_lapses)},
      {"Expected retention at the end", percent(a.end_retention), percent(b.end_retention)},
  };
  for (std::size_t i = 0; i < a.exams.size() && i < b.exams.size(); ++i) {
    rows.push_back({"Expected retention on " + core::iso_date_of_day(a.exams[i].day), percent(a.exams[i].retention),
                    percent(b.exams[i].retention)});
  }
  return rows;
}

}  // namespace

core::StudyOptions SimulatorFlow::scope_options(int scope) const {
  const auto banks = loaded_banks(m_ctx.library);
  if (scope > 0 && scope <= static_cast<int>(banks.size())) {
    return m_ctx.options.for_bank(banks[static_cast<std::size_t>(scope - 1)]->info.id);
  }
  return m_ctx.options.learner();
}

std::vector<std::string> SimulatorFlow::scope_names() const {
  std::vector<std::string> names{"My options (all banks)"};
  for (const core::Bank* b : loaded_banks(m_ctx.library)) {
    names.push_back("Bank: " + (b->info.title.empty() ? b->info.id : b->info.title) +
                    (m_ctx.options.overridden(b->info.id) ? "  (own settings)" : ""));
  }
  return names;
}

void SimulatorFlow::reset_to(int scope) {
  const core::StudyOptions o = scope_options(scope);
  m_form.scope = scope;
  m_form.new_per_day = o.new_cards_per_day;
  m_form.retention_a = static_cast<int>(o.desired_retention * 100.0 + 0.5);
  m_form.retention_b = m_form.retention_a > 80 ? m_form.retention_a - 10 : m_form.retention_a + 5;
  const auto banks = loaded_banks(m_ctx.library);
  // A bank's simulation starts from its own size (the learner's keeps what was typed).
  if (scope > 0 && scope <= static_cast<int>(banks.size())) {
    m_form.bank_size = static_cast<int>(banks[static_cast<std::size_t>(scope - 1)]->questions.size());
  }
  ++m_revision;
}

void SimulatorFlow::open() {
  const int scopes = static_cast<int>(scope_names().size());
  if (!m_opened || m_form.scope >= scopes) reset_to(m_form.scope < scopes ? m_form.scope : 0);
  m_opened = true;
}

void SimulatorFlow::set_form(const SimulatorForm& form) {
  if (m_job.running()) return;
  const int scopes = static_cast<int>(scope_names().size());
  if (form.scope != m_form.scope) {
    m_form = form;
    reset_to(std::clamp(form.scope, 0, scopes - 1));
    return;
  }
  const SimulatorForm before = m_form;
  m_form = form;
  m_form.bank_size = std::clamp(form.bank_size, 0, 100000);
  m_form.new_per_day = std::clamp(form.new_per_day, 0, 10000);
  m_form.retention_a = std::clamp(form.retention_a, 70, 99);
  m_form.retention_b = std::clamp(form.retention_b, 70, 99);
  m_form.days = std::clamp(form.days, 1, 3650);
  m_form.seed = std::clamp(form.seed, 0, 1000000000);
  m_form.compare = std::clamp(form.compare, 0, 2);
  if (!(m_form == form) && !(m_form == before)) ++m_revision;  // a clamped value: the field shows it
}

void SimulatorFlow::start() {
  if (m_job.running()) return;
  m_error.clear();
  const core::StudyOptions options = scope_options(m_form.scope);
  core::SimulationConfig a;
  try {
    a.scheduler = core::to_scheduler_options(options);
  } catch (const std::exception& e) {
    m_error = e.what();
    return;
  }
  a.bank_size = m_form.bank_size;
  a.new_per_day = m_form.new_per_day;
  a.days = m_form.days;
  a.max_reviews_per_day = options.max_reviews_per_day;
  a.seed = static_cast<std::uint64_t>(m_form.seed);
  // From today, so that light weekdays and an exam date fall on their days; the simulated
  // bank's cards all belong to the exam of these options, when they have one.
  a.start_day = m_ctx.today();
  if (const auto exam = core::exam_target(options); exam && exam->day > a.start_day) a.exam = exam;
  core::SimulationConfig b = a;
  std::array<std::string, 2> columns = {"Your options", ""};
  switch (m_form.compare) {
    case 1:
      b.scheduler.load_balance = false;
      b.scheduler.day_capacity = core::kEvenWeek;
      columns[1] = "Without load balancing and light days";
      break;
    case 2:
      b.exam_rule = false;
      columns[1] = "Without the exam date";
      break;
    default:
      a.scheduler.desired_retention = m_form.retention_a / 100.0;
      b.scheduler.desired_retention = m_form.retention_b / 100.0;
      columns = {"Retention " + percent(a.scheduler.desired_retention),
                 "Retention " + percent(b.scheduler.desired_retention)};
      break;
  }
  m_scope_name = scope_names()[static_cast<std::size_t>(m_form.scope)];
  m_job.start(
      [a, b, columns](const std::function<void(double)>& progress, const std::atomic<bool>& cancel) {
        const core::SimulationResult ra = core::simulate(a, [&](double f) { progress(0.5 * f); }, &cancel);
        const core::SimulationResult rb = core::simulate(b, [&](double f) { progress(0.5 + 0.5 * f); }, &cancel);
        Results r;
        r.columns = columns;
        for (const app::DayChartKind kind : {DayChartKind::Reviews, DayChartKind::Minutes, DayChartKind::Retention}) {
          r.charts[static_cast<std::size_t>(kind)] = day_charts(kind, ra, rb, columns, a.start_day);
        }
        r.rows = comparison_rows(ra, rb, r.charts);
        return r;
      },
      m_ctx.wake);
}

bool SimulatorFlow::poll() {
  const bool changed = collect_into(m_job, m_results, m_error);
  if (changed) ++m_collected;
  return changed;
}

void SimulatorFlow::wait() {
  wait_finished(m_job);
  poll();
}

const SimulatorView& SimulatorFlow::view() const {
  SimulatorView& v = m_view;
  v.form = m_form;
  v.scopes = scope_names();
  v.revision = m_revision;
  v.job = job_view(m_job);
  v.error = m_error;
  v.has_results = m_results && !v.job.running;
  if (v.has_results && m_shown != m_collected) {  // new results: copied into the view once
    v.scope_name = m_scope_name;
    v.columns = m_results->columns;
    v.charts = m_results->charts;
    v.rows = m_results->rows;
    m_shown = m_collected;
  }
  return v;
}

}  // namespace casebook::app
