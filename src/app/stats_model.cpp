// The statistics screen's model: report figures in words, charts and the heatmap, computed on
// a background job from the same report input the reports use.
#include "app/stats_model.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "app/report_export.hpp"
#include "core/number.hpp"
#include "core/study_day_text.hpp"
#include "core/utf8.hpp"
#include "report/charts.hpp"

namespace casebook::app {

namespace {

using report::detail::attempts_text;
using report::detail::percent;

/// Days in the calendar heatmap: 53 weeks up to the figures' day.
constexpr int kHeatDays = 53 * 7;

std::string whole_percent(double fraction) { return core::format_fixed(fraction * 100.0, 0) + " %"; }

std::string retention_text(const report::RetentionCell& c) {
  if (c.total() == 0) return "\u2014";
  return percent(c.retention()) + " (" + std::to_string(c.passed) + " of " + std::to_string(c.total()) + ")";
}

std::string period_label(const std::string& period) {
  static const std::map<std::string, std::string> labels = {
      {"today", "Today"},          {"yesterday", "Yesterday"},     {"last_week", "Last 7 days"},
      {"last_month", "Last 30 days"}, {"last_year", "Last 365 days"}, {"all_time", "All time"}};
  const auto it = labels.find(period);
  return it == labels.end() ? period : it->second;
}

/// A prompt on one line, at most 120 code points.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  if (core::code_point_count(text) > 120) text = text.substr(0, core::utf8_offset(text, 119)) + "…";
  return text;
}

Chart chart(const report::detail::Series& s, std::string unit, std::string explanation) {
  Chart c;
  c.title = s.caption;
  c.explanation = std::move(explanation);
  c.unit = std::move(unit);
  c.x_axis = "day (month-day)";
  for (const double v : s.values) c.values.push_back(static_cast<float>(v));
  c.labels = s.labels;
  c.tips = s.tips;
  return c;
}

StatsCoverageRow coverage_row(const report::CoverageRow& r, const report::Figures& f) {
  StatsCoverageRow row;
  row.depth = r.topic.empty() ? 0 : 1;
  row.label = r.topic.empty() ? (r.bank_title.empty() ? r.bank_id : r.bank_title) : r.topic;
  row.bank_id = r.bank_id;
  row.cards = r.cards;
  row.seen = r.cards - r.not_started;
  row.new_left = r.not_started;
  row.seen_text = std::to_string(row.seen) + " of " + std::to_string(r.cards) + " (" + percent(r.share_seen()) + ")";
  if (r.not_started == 0) {
    row.finish = "all started";
  } else if (const auto day = report::all_started_day(r, f.as_of_day)) {
    // Under 0.1 a day the rate would read "about 0 new a day": the count itself then.
    const double pace = static_cast<double>(r.started_last_30_days) / report::kPaceDays;
    row.finish = core::iso_date_of_day(*day) +
                 (pace < 0.05 ? " (" + std::to_string(r.started_last_30_days) + " new in the last " +
                                    std::to_string(report::kPaceDays) + " days)"
                              : " (about " + core::format_trimmed(pace, 1) + " new a day)");
  } else {
    row.finish = "\u2014 (no new cards in the last 30 days)";
  }
  row.first_attempts = attempts_text(r.first_attempts);
  row.last_7_days = attempts_text(r.last_7_days);
  row.last_30_days = attempts_text(r.last_30_days);
  row.mastery = r.mastery();
  row.mastery_text = whole_percent(row.mastery);
  return row;
}

void fill_summary(const report::Figures& f, StatsView& v) {
  auto& s = v.summary;
  s.emplace_back("Cards started", std::to_string(f.syllabus - f.not_started) + " of " + std::to_string(f.syllabus) +
                                      " (" + percent(f.share_seen()) + ")");
  s.emplace_back("Due now (learning steps too)", std::to_string(f.due_now));  // Home lists learning apart
  s.emplace_back("Answers, right of all", attempts_text(f.all));
  s.emplace_back("Right the first time", attempts_text(f.first_attempts));
  s.emplace_back("Right in the last 7 days", attempts_text(f.last_7_days));
  s.emplace_back("Right in the last 30 days", attempts_text(f.last_30_days));
  // One decimal, as the reports' "Time spent (minutes)": the two never differ ("1 minutes" vs 1.4).
  s.emplace_back("Time spent answering", core::format_fixed(f.minutes, 1) + " minutes");
  s.emplace_back("Chance of recall now (mean)", f.started == 0 ? "\u2014" : percent(f.mean_predicted_recall));
  s.emplace_back("Leeches (8 or more lapses)", std::to_string(f.leeches));
}

void fill_heatmap(const report::Figures& f, StatsView& v) {
  v.heat_last_day = f.as_of_day;
  const std::int64_t first = f.as_of_day - (kHeatDays - 1);
  v.heat.assign(kHeatDays, 0);
  for (const report::DayActivity& d : f.days) {
    if (d.day < first || d.day > f.as_of_day) continue;
    v.heat[static_cast<std::size_t>(d.day - first)] = d.reviews;
    v.heat_max = std::max(v.heat_max, d.reviews);
  }
  for (std::int64_t day = first; day <= f.as_of_day; ++day) v.heat_dates.push_back(core::iso_date_of_day(day));
}

void fill_weakest(const report::ReportInput& in, const report::Figures& f, StatsView& v) {
  std::vector<const report::CoverageRow*> topics;
  for (const report::CoverageRow& r : f.topics) {
    if (r.cards > r.not_started) topics.push_back(&r);
  }
  std::stable_sort(topics.begin(), topics.end(),
                   [](const report::CoverageRow* a, const report::CoverageRow* b) { return a->mastery() < b->mastery(); });
  if (topics.size() > static_cast<std::size_t>(kWeakestTopics)) topics.resize(kWeakestTopics);
  for (const report::CoverageRow* r : topics) {
    v.weakest_topics.push_back(StatsView::WeakTopic{
        (r->bank_title.empty() ? r->bank_id : r->bank_title) + ": " + r->topic, whole_percent(r->mastery()),
        attempts_text(r->last_7_days), std::to_string(r->cards - r->not_started) + " of " + std::to_string(r->cards)});
  }
  for (const report::WeakCard& w : f.weakest) {
    const report::CardEntry& c = in.cards[w.card];
    v.weakest_cards.push_back(StatsView::WeakCard{c.card_key, c.retired ? "(no longer in any bank)" : one_line(c.prompt),
                                                  c.bank_title.empty() ? c.bank_id : c.bank_title, w.lapses,
                                                  whole_percent(c.retrievability), w.leech});
  }
}

void fill_exams(const report::ReportInput& in, const std::vector<storage::ExamAttemptRow>& exams, StatsView& v) {
  Chart& c = v.exams;
  c.title = "Mock exam scores";
  c.explanation = "Your score in each mock exam you handed in, oldest first.";
  c.unit = "%";
  c.x_axis = "mock exam, oldest first (month-day)";
  for (const storage::ExamAttemptRow& a : exams) {
    if (!a.result) continue;
    const std::string when = core::format_local_minutes(a.result->finished_at, in.time_zone);
    const std::string title = a.title.empty() ? std::string("Mock exam") : a.title;
    const std::string line = when.substr(0, 10) + " " + title + (a.practice ? " (practice)" : "") + ": " +
                             std::to_string(a.result->correct) + " of " + std::to_string(a.result->total) + " (" +
                             std::to_string(a.result->percent) + " %), " + (a.result->passed ? "passed" : "not passed");
    v.exam_lines.push_back(line);
    c.values.push_back(static_cast<float>(a.result->percent));
    c.labels.push_back(when.substr(5, 5));
    c.tips.push_back(line);
  }
}

}  // namespace

StatsView make_stats_view(const report::ReportInput& in, const report::Figures& f,
                          const std::vector<storage::ExamAttemptRow>& exams) {
  StatsView v;
  v.ready = true;
  v.learner = in.learner;
  // The charts count by study day, which starts at the rollover hour: said once, here.
  v.as_of = "Figures of " + core::format_local_minutes(in.generated_at, in.time_zone) + ", study day " + f.as_of_date +
            " (" + core::study_day_begins(core::DayClock{in.time_zone, in.rollover_hour}) + ")";
  fill_summary(f, v);
  for (const report::CoverageRow& bank : f.banks) {
    v.coverage.push_back(coverage_row(bank, f));
    for (const report::CoverageRow& topic : f.topics) {
      if (topic.bank_id == bank.bank_id) v.coverage.push_back(coverage_row(topic, f));
    }
  }
  for (const report::RetentionRow& r : f.retention) {
    v.retention.push_back(StatsView::RetentionRow{period_label(r.period), retention_text(r.young), retention_text(r.mature)});
  }
  v.reviews = chart(report::detail::reviews_per_day(f), "reviews", "How many cards you answered each day.");
  v.minutes = chart(report::detail::minutes_per_day(f), "minutes", "Time spent answering each day (response times).");
  v.forecast = chart(report::detail::due_per_day(f), "cards due",
                     "Cards that fall due each day if you study nothing new; today includes cards already overdue.");
  fill_heatmap(f, v);
  fill_weakest(in, f, v);
  fill_exams(in, exams, v);
  v.explanations = {
      "Cards started (coverage): cards you have answered at least once, of all the cards in the bank or topic.",
      "Right the first time (first-attempt accuracy): your answers to cards the first time you saw them.",
      "Remembered when due (true retention): reviews of cards on growing intervals you did not fail (any rating "
      "but Again); young cards have an interval under 21 days, mature ones 21 days or more.",
      "Mastery: the chance you would recall the topic's cards now (cards not started count as 0), never more "
      "than your share of right answers in the last 7 days.",
      "Chance of recall (retrievability): what your memory model (FSRS) predicts for a card now.",
      "Lapse: a card you forgot after it had reached review; a leech is a card with 8 or more lapses.",
  };
  return v;
}

void StatsFlow::open() {
  ReportRequest request;
  request.db_path = m_ctx.config.db_path;
  request.bank_paths = m_ctx.config.bank_paths;
  request.learner = m_ctx.config.learner;
  request.now = m_ctx.now();
  request.base = base_study_options(m_ctx.config);
  m_view.error.clear();
  m_job.start(
      [request](const std::function<void(double)>& progress, const std::atomic<bool>& cancel) {
        const GatheredReport gathered = gather_report(request);
        progress(0.2);
        if (cancel) throw std::runtime_error("cancelled");
        report::FiguresBuilder builder(gathered.input);
        std::size_t n = 0;
        report::for_each_review(gathered.input, [&](const core::ReviewRecord& r) {
          builder.add(r);
          if (++n % 65536 == 0 && cancel) throw std::runtime_error("cancelled");
        });
        const report::Figures figures = builder.finish();
        progress(0.9);
        storage::Progress progress_file(request.db_path, storage::Progress::Access::ReadOnly);
        StatsView v = make_stats_view(gathered.input, figures, progress_file.exam_attempts(request.learner));
        for (const std::string& w : gathered.bank_warnings) v.error += (v.error.empty() ? "" : "\n") + w;
        return v;
      },
      m_ctx.wake);
}

bool StatsFlow::poll() {
  if (!m_job.finished()) return false;
  if (auto v = m_job.collect()) {
    m_view = std::move(*v);
  } else if (!m_job.cancelled()) {
    m_view.error = "The statistics could not be computed: " + m_job.error();
  }
  return true;
}

void StatsFlow::wait() {
  wait_finished(m_job);
  poll();
}

StatsView StatsFlow::view() const {
  StatsView v = m_view;
  v.job = job_view(m_job);
  return v;
}

}  // namespace casebook::app
