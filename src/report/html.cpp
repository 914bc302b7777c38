// The HTML report: one self-contained, script-free file (inline CSS, a CSP that forbids
// scripts), with every string from a bank or learner escaped.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using detail::html_escape;

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 90rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #bbb; }
p.meta { color: #555; margin: 0; }
table { border-collapse: collapse; width: 100%; }
table.summary { width: auto; min-width: 20rem; }
th, td { border: 1px solid #d0d0d0; padding: .25rem .45rem; text-align: start; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafafa; }
td.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.time { white-space: nowrap; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
td.key { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
td.empty { color: #666; font-style: italic; }
.ok { color: #1a7f37; }
.bad { color: #b42318; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart text { font: 10px system-ui, sans-serif; fill: #444; }
.retired { display: inline-block; margin-left: .4em; padding: 0 .35em; border-radius: .25em;
           background: #eee; color: #555; font: .75em system-ui, sans-serif; }
.leech { color: #b42318; font-weight: 600; }
.bar { display: inline-block; height: .7em; background: #2f6fb3; vertical-align: middle; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem 2rem; }
footer { margin-top: 2rem; color: #666; font-size: .85em; }
@page { margin: 1.5cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tbody tr:nth-child(even) td, th { background: none; }
  section { break-inside: avoid-page; }
  svg.chart { max-width: 100%; }
}
)css";

/// A <time> element: local wall time as text, ISO UTC as machine value and tooltip.
std::string time_element(core::TimestampMs t, const std::string& zone) {
  const std::string utc = html_escape(core::format_iso_utc(t));
  return fmt::format("<time datetime=\"{0}\" title=\"{0}\">{1}</time>", utc,
                     html_escape(core::format_local_minutes(t, zone)));
}

std::string time_cell(core::TimestampMs t, const std::string& zone) {
  return "<td class=\"time\">" + time_element(t, zone) + "</td>";
}

constexpr const char* kRetiredMark =
    "<span class=\"retired\" title=\"This question is no longer in any bank\">retired</span>";

constexpr std::string_view kNoTimeCell = "<td class=\"time\">\u2014</td>";

std::string percent(double fraction) { return core::format_fixed(fraction * 100.0, 1) + "\u00A0%"; }

void summary_row(std::ostream& out, std::string_view label, const std::string& value) {
  out << "<tr><th scope=\"row\">" << label << "</th><td class=\"num\">" << value << "</td></tr>\n";
}

/// A bar chart as inline SVG: one bar per value, a label under every `label_every`-th bar,
/// the maximum on the y axis, and a tooltip (<title>) per bar.
std::string bar_chart(std::string_view caption, const std::vector<std::string>& labels,
                      const std::vector<double>& values, const std::vector<std::string>& tooltips,
                      std::size_t label_every) {
  constexpr int kWidth = 640, kHeight = 180, kLeft = 36, kBottom = 30, kTop = 10;
  const double max = values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
  const double plot_h = kHeight - kBottom - kTop;
  const double step = values.empty() ? 0.0 : static_cast<double>(kWidth - kLeft - 4) / static_cast<double>(values.size());
  std::string svg = fmt::format(
      "<svg class=\"chart\" role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{0}</title>"
      "<line x1=\"{3}\" y1=\"{4}\" x2=\"{1}\" y2=\"{4}\" stroke=\"#999\"/>"
      "<text x=\"{5}\" y=\"{6}\" text-anchor=\"end\">{7}</text><text x=\"{5}\" y=\"{4}\" text-anchor=\"end\">0</text>",
      caption, kWidth, kHeight, kLeft, kHeight - kBottom, kLeft - 4, kTop + 8, core::format_fixed(max, max >= 10 || max == static_cast<double>(static_cast<std::int64_t>(max)) ? 0 : 1));
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double h = max > 0 ? values[i] / max * plot_h : 0.0;
    const double x = kLeft + static_cast<double>(i) * step;
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2f6fb3\"><title>{}</title></rect>",
                       core::format_fixed(x + 1, 1), core::format_fixed(kHeight - kBottom - h, 1), core::format_fixed(std::max(step - 2, 1.0), 1), core::format_fixed(h, 1),
                       html_escape(tooltips[i]));
    if (label_every > 0 && i % label_every == 0) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", core::format_fixed(x + 1, 1), kHeight - kBottom + 14, html_escape(labels[i]));
    }
  }
  return svg + "</svg>\n";
}

/// A calendar heatmap as inline SVG: the last 53 weeks, a column per week (Monday on top),
/// darker for more reviews.
std::string heatmap(const Analytics& a) {
  constexpr int kCell = 11, kGap = 2, kWeeks = 53, kLeft = 4, kTop = 4;
  std::vector<int> count_by_offset(kWeeks * 7, 0);
  const std::int64_t weekday_today = core::iso_weekday_of_day(a.today) - 1;  // Monday 0
  const std::int64_t first = a.today - weekday_today - (kWeeks - 1) * 7;
  for (const DayActivity& d : a.days) {
    if (d.day >= first && d.day <= a.today) count_by_offset[static_cast<std::size_t>(d.day - first)] = d.reviews;
  }
  const int width = kLeft + kWeeks * (kCell + kGap), height = kTop + 7 * (kCell + kGap);
  std::string svg = fmt::format(
      "<svg class=\"chart\" role=\"img\" aria-label=\"Reviews per day, last 53 weeks\" viewBox=\"0 0 {0} {1}\" "
      "width=\"{0}\" height=\"{1}\" xmlns=\"http://www.w3.org/2000/svg\"><title>Reviews per day, last 53 weeks</title>",
      width, height);
  for (std::int64_t day = first; day <= a.today; ++day) {
    const auto offset = day - first;
    const int n = count_by_offset[static_cast<std::size_t>(offset)];
    const char* colour = n == 0 ? "#ebedf0" : n < 3 ? "#c6dbef" : n < 6 ? "#6baed6" : n < 10 ? "#2171b5" : "#08306b";
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: {} reviews</title></rect>",
                       kLeft + offset / 7 * (kCell + kGap), kTop + offset % 7 * (kCell + kGap), kCell, kCell, colour,
                       core::iso_date_of_day(day), n);
  }
  return svg + "</svg>\n";
}

std::string retention_cell(const RetentionCell& c) {
  if (c.total() == 0) return "<td class=\"num\">\u2014</td>";
  return fmt::format("<td class=\"num\">{} / {} ({})</td>", c.passed, c.total(), percent(c.retention()));
}

const char* period_label(const std::string& period) {
  if (period == "today") return "Today";
  if (period == "yesterday") return "Yesterday";
  if (period == "last_week") return "Last 7 days";
  if (period == "last_month") return "Last 30 days";
  if (period == "last_year") return "Last 365 days";
  return "All time";
}

void write_analytics(const ReportInput& in, const Analytics& a, std::ostream& out) {
  out << "<section>\n<h2>True retention</h2>\n<p class=\"meta\">Reviews of cards in the review "
         "state; passed = any rating but again. Young: interval under "
      << kMatureDays << " days; mature: " << kMatureDays
      << " days or more.</p>\n<table class=\"retention\">\n<thead><tr><th scope=\"col\">Period</th>"
         "<th scope=\"col\">Young</th><th scope=\"col\">Mature</th><th scope=\"col\">Total</th></tr></thead>\n<tbody>\n";
  for (const RetentionRow& r : a.retention) {
    const RetentionCell total{r.young.passed + r.mature.passed, r.young.failed + r.mature.failed};
    out << "<tr><th scope=\"row\">" << period_label(r.period) << "</th>" << retention_cell(r.young)
        << retention_cell(r.mature) << retention_cell(total) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";

  // Activity of the last 30 study days, oldest first.
  std::vector<std::string> labels, tips, mtips;
  std::vector<double> reviews, minutes;
  for (std::int64_t d = a.today - 29; d <= a.today; ++d) {
    const auto it = std::find_if(a.days.begin(), a.days.end(), [&](const DayActivity& x) { return x.day == d; });
    const int n = it == a.days.end() ? 0 : it->reviews;
    const double m = it == a.days.end() ? 0.0 : it->minutes;
    const std::string date = core::iso_date_of_day(d);
    labels.push_back(date.substr(5));
    reviews.push_back(n);
    minutes.push_back(m);
    tips.push_back(date + ": " + std::to_string(n) + " reviews");
    mtips.push_back(date + ": " + core::format_fixed(m, 1) + " minutes");
  }
  out << "<section>\n<h2>Activity</h2>\n<div class=\"grid\">\n<figure><figcaption>Reviews per day (last 30 days)</figcaption>\n"
      << bar_chart("Reviews per day", labels, reviews, tips, 7)
      << "</figure>\n<figure><figcaption>Minutes per day (last 30 days)</figcaption>\n"
      << bar_chart("Minutes per day", labels, minutes, mtips, 7) << "</figure>\n</div>\n"
      << "<figure><figcaption>Calendar (last 53 weeks, Monday at the top)</figcaption>\n" << heatmap(a)
      << "</figure>\n";
  for (const core::BacklogSpread& sp : in.backlog_spreads) {
    out << "<p class=\"meta\">Backlog spread: " << sp.cards.size() << " due reviews spread over " << sp.days
        << " days from " << core::iso_date_of_day(sp.first_day) << " to "
        << core::iso_date_of_day(sp.first_day + sp.days - 1) << ", most at risk first"
        << (sp.pause_new ? ", new cards paused" : "") << ".</p>\n";
  }
  out << "</section>\n";

  std::vector<std::string> flabels, ftips;
  std::vector<double> fvalues;
  for (std::size_t i = 0; i < a.forecast.size(); ++i) {
    const std::string date = core::iso_date_of_day(a.today + static_cast<std::int64_t>(i));
    flabels.push_back(date.substr(5));
    fvalues.push_back(a.forecast[i]);
    ftips.push_back(date + ": " + std::to_string(a.forecast[i]) + " due" + (i == 0 ? " (with overdue)" : ""));
  }
  out << "<section>\n<h2>Forecast</h2>\n<figure><figcaption>Reviews due per day, next " << kForecastDays
      << " days (today includes overdue cards)</figcaption>\n"
      << bar_chart("Reviews due per day", flabels, fvalues, ftips, 7) << "</figure>\n</section>\n";

  out << "<section>\n<h2>Mastery by topic</h2>\n<table class=\"topics\">\n<thead><tr><th scope=\"col\">Topic</th>"
         "<th scope=\"col\">Cards</th><th scope=\"col\">Mean recall now</th></tr></thead>\n<tbody>\n";
  if (a.topics.empty()) out << "<tr><td class=\"empty\" colspan=\"3\">No cards.</td></tr>\n";
  for (const TopicMastery& t : a.topics) {
    out << "<tr><td class=\"text\" dir=\"auto\">" << html_escape(t.topic) << "</td><td class=\"num\">" << t.cards
        << "</td><td class=\"num\"><span class=\"bar\" style=\"width:" << core::format_fixed(t.mean_retrievability * 6.0, 2)
        << "em\"></span> " << percent(t.mean_retrievability) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";

  out << "<section>\n<h2>Weakest cards</h2>\n<table class=\"weakest\">\n<thead><tr><th scope=\"col\">Card</th>"
         "<th scope=\"col\">Question</th><th scope=\"col\">Lapses</th><th scope=\"col\">Recall now</th></tr></thead>\n<tbody>\n";
  if (a.weakest.empty()) out << "<tr><td class=\"empty\" colspan=\"4\">No card has lapsed.</td></tr>\n";
  for (const WeakCard& w : a.weakest) {
    const CardEntry& c = in.cards[w.card];
    out << "<tr><td class=\"key\">" << html_escape(c.card_key) << (c.retired ? kRetiredMark : "")
        << "</td><td class=\"text\" dir=\"auto\">" << html_escape(c.prompt) << "</td><td class=\"num" << (w.leech ? " leech" : "") << "\">" << w.lapses
        << (w.leech ? " (leech)" : "") << "</td><td class=\"num\">" << percent(c.retrievability) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void write_html(const ReportInput& in, std::ostream& out) {
  const detail::ClassicLocaleGuard classic(out);
  const Summary s = summarize(in);
  const std::string learner = html_escape(in.learner);
  const std::string& zone = in.time_zone;

  out << "<!DOCTYPE html>\n"
         "<html lang=\"en\">\n<head>\n"
         "<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"Casebook\">\n"
      << "<title>Casebook progress report: " << learner << "</title>\n"
      << "<style>" << kStyle << "</style>\n</head>\n<body>\n";

  out << "<header>\n<h1>Casebook progress report</h1>\n"
      << "<p class=\"meta\">Learner: <bdi>" << learner << "</bdi></p>\n"
      << (in.bank_filter.empty() ? std::string() : "<p class=\"meta\">Bank: <bdi>" + html_escape(in.bank_filter) + "</bdi></p>\n")
      << "<p class=\"meta\">Generated " << time_element(in.generated_at, zone)
      << " (times shown in " << html_escape(zone) << ")</p>\n</header>\n";

  out << "<section>\n<h2>Summary</h2>\n<table class=\"summary\">\n<tbody>\n";
  const Analytics a = analyze(in);
  summary_row(out, "Cards", std::to_string(s.cards));
  summary_row(out, "Seen", std::to_string(a.seen));
  summary_row(out, "In learning", std::to_string(a.learning));
  summary_row(out, "Young (interval under 21 days)", std::to_string(a.young));
  summary_row(out, "Mature (interval 21 days or more)", std::to_string(a.mature));
  summary_row(out, "Retired (question no longer in a bank)", std::to_string(a.retired));
  summary_row(out, "New", std::to_string(s.new_cards));
  summary_row(out, "Learning", std::to_string(s.learning));
  summary_row(out, "Review", std::to_string(s.review));
  summary_row(out, "Relearning", std::to_string(s.relearning));
  summary_row(out, "Due now", std::to_string(s.due_now));
  summary_row(out, "Reviews", std::to_string(s.reviews));
  summary_row(out, "Correct", std::to_string(s.correct));
  summary_row(out, "Accuracy", percent(s.accuracy));
  summary_row(out, "Mean recall probability", percent(s.mean_retrievability));
  out << "</tbody>\n</table>\n</section>\n";
  write_analytics(in, a, out);

  out << "<section>\n<h2>Cards</h2>\n<table class=\"cards\">\n<thead><tr>"
         "<th scope=\"col\">Card</th><th scope=\"col\">Bank</th><th scope=\"col\">Question</th>"
         "<th scope=\"col\">Type</th><th scope=\"col\">State</th><th scope=\"col\">Due</th>"
         "<th scope=\"col\">Last review</th><th scope=\"col\">Stability (days)</th>"
         "<th scope=\"col\">Difficulty</th><th scope=\"col\">Recall now</th>"
         "<th scope=\"col\">Reps</th><th scope=\"col\">Lapses</th></tr></thead>\n<tbody>\n";
  if (in.cards.empty()) out << "<tr><td class=\"empty\" colspan=\"12\">No cards.</td></tr>\n";
  for (const CardEntry& c : in.cards) {
    const core::CardSchedule& sc = c.schedule;
    out << "<tr><td class=\"key\">" << html_escape(c.card_key)
        << (c.retired ? kRetiredMark : "")
        << "</td>"
        << "<td class=\"text\" dir=\"auto\">" << html_escape(c.bank_title) << "</td>"
        << "<td class=\"text\" dir=\"auto\">" << html_escape(c.prompt) << "</td>"
        << "<td>" << html_escape(c.question_type) << "</td>"
        << "<td>" << core::to_string(sc.state) << "</td>"
        // A new card's due time is only when it was added: show a dash, as for "last review".
        << (sc.state == core::CardState::New ? std::string(kNoTimeCell) : time_cell(sc.due, zone))
        << (sc.last_review ? time_cell(*sc.last_review, zone) : std::string(kNoTimeCell))
        << "<td class=\"num\">" << core::format_fixed(sc.stability, 2) << "</td>"
        << "<td class=\"num\">" << core::format_fixed(sc.difficulty, 2) << "</td>"
        << "<td class=\"num\">" << percent(c.retrievability) << "</td>"
        << "<td class=\"num\">" << sc.reps << "</td>"
        << "<td class=\"num\">" << sc.lapses << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";

  out << "<section>\n<h2>Review log</h2>\n<table class=\"reviews\">\n<thead><tr>"
         "<th scope=\"col\">When</th><th scope=\"col\">Card</th><th scope=\"col\">Rating</th>"
         "<th scope=\"col\">Result</th><th scope=\"col\">Answer</th>"
         "<th scope=\"col\">Response (s)</th><th scope=\"col\">State</th>"
         "<th scope=\"col\">Stability (days)</th><th scope=\"col\">Difficulty</th>"
         "<th scope=\"col\">Next due</th></tr></thead>\n<tbody>\n";
  if (in.reviews.empty()) out << "<tr><td class=\"empty\" colspan=\"10\">No reviews.</td></tr>\n";
  for (const core::ReviewRecord& r : in.reviews) {
    out << "<tr>" << time_cell(r.reviewed_at, zone)
        << "<td class=\"key\">" << html_escape(r.card_key) << "</td>"
        << "<td>" << core::to_string(r.rating) << "</td>"
        << (r.correct ? "<td class=\"ok\">correct</td>" : "<td class=\"bad\">wrong</td>")
        << "<td class=\"text\" dir=\"auto\">" << html_escape(r.answer) << "</td>"
        << "<td class=\"num\">" << core::format_fixed(static_cast<double>(r.response_ms) / 1000.0, 1) << "</td>"
        << "<td>" << core::to_string(r.before.state) << " \u2192 " << core::to_string(r.after.state) << "</td>"
        << "<td class=\"num\">" << core::format_fixed(r.after.stability, 2) << "</td>"
        << "<td class=\"num\">" << core::format_fixed(r.after.difficulty, 2) << "</td>"
        << time_cell(r.after.due, zone) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";

  out << "<footer>Written by Casebook. Times are local to " << html_escape(zone)
      << " (hover a time to see it in UTC). Recall is the FSRS "
         "probability of remembering the card now.</footer>\n</body>\n</html>\n";
}

}  // namespace casebook::report
