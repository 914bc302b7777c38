// The chart sections of the HTML report: true retention, activity (inline SVG bar charts and
// a calendar heatmap), forecast and the weakest cards.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "report/charts.hpp"
#include "report/html_parts.hpp"
#include "report/text.hpp"
#include "core/text.hpp"

namespace casebook::report::detail {
namespace {

/// A bar chart as inline SVG: one bar per value, a label under every `label_every`-th bar,
/// the maximum on the y axis, and a tooltip (<title>) per bar.
std::string bar_chart(const Series& series, std::size_t label_every) {
  const std::vector<double>& values = series.values;
  constexpr int kWidth = 640, kHeight = 180, kLeft = 36, kBottom = 30, kTop = 10;
  const double max = values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
  const double plot_h = kHeight - kBottom - kTop;
  const double step = values.empty() ? 0.0 : static_cast<double>(kWidth - kLeft - 4) / static_cast<double>(values.size());
  const std::string caption = html_escape(series.caption);
  std::string svg = fmt::format(
      "<svg class=\"chart\" role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{0}</title>"
      "<line x1=\"{3}\" y1=\"{4}\" x2=\"{1}\" y2=\"{4}\" stroke=\"#999\"/>"
      "<text x=\"{5}\" y=\"{6}\" text-anchor=\"end\">{7}</text><text x=\"{5}\" y=\"{4}\" text-anchor=\"end\">0</text>",
      caption, kWidth, kHeight, kLeft, kHeight - kBottom, kLeft - 4, kTop + 8,
      core::format_fixed(max, max >= 10 || max == static_cast<double>(static_cast<std::int64_t>(max)) ? 0 : 1));
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double h = max > 0 ? values[i] / max * plot_h : 0.0;
    const double x = kLeft + static_cast<double>(i) * step;
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2f6fb3\"><title>{}</title></rect>",
                       core::format_fixed(x + 1, 1), core::format_fixed(kHeight - kBottom - h, 1),
                       core::format_fixed(std::max(step - 2, 1.0), 1), core::format_fixed(h, 1),
                       html_escape(series.tips[i]));
    if (label_every > 0 && i % label_every == 0) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", core::format_fixed(x + 1, 1), kHeight - kBottom + 14,
                         html_escape(series.labels[i]));
    }
  }
  return svg + "</svg>\n";
}

/// A calendar heatmap as inline SVG: the 53 weeks up to the period's end, a column per week
/// (Monday on top), darker for more reviews.
std::string heatmap(const Figures& f) {
  constexpr int kCell = 11, kGap = 2, kWeeks = 53, kLeft = 4, kTop = 4;
  std::vector<int> count_by_offset(kWeeks * 7, 0);
  const std::int64_t last = f.as_of_day;
  const std::int64_t weekday = core::iso_weekday_of_day(last) - 1;  // Monday 0
  const std::int64_t first = last - weekday - (kWeeks - 1) * 7;
  for (const DayActivity& d : f.days) {
    if (d.day >= first && d.day <= last) count_by_offset[static_cast<std::size_t>(d.day - first)] = d.reviews;
  }
  const int width = kLeft + kWeeks * (kCell + kGap), height = kTop + 7 * (kCell + kGap);
  std::string svg = fmt::format(
      "<svg class=\"chart\" role=\"img\" aria-label=\"Reviews per day, last 53 weeks\" viewBox=\"0 0 {0} {1}\" "
      "width=\"{0}\" height=\"{1}\" xmlns=\"http://www.w3.org/2000/svg\"><title>Reviews per day, last 53 weeks</title>",
      width, height);
  for (std::int64_t day = first; day <= last; ++day) {
    const auto offset = day - first;
    const int n = count_by_offset[static_cast<std::size_t>(offset)];
    const char* colour = n == 0 ? "#ebedf0" : n < 3 ? "#c6dbef" : n < 6 ? "#6baed6" : n < 10 ? "#2171b5" : "#08306b";
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>",
                       kLeft + offset / 7 * (kCell + kGap), kTop + offset % 7 * (kCell + kGap), kCell, kCell, colour,
                       core::iso_date_of_day(day), core::counted(static_cast<std::size_t>(n), "review"));
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

}  // namespace

void write_html_charts(const ReportInput& in, const Figures& f, std::ostream& out) {
  out << "<section>\n<h2>True retention</h2>\n<p class=\"meta\">Reviews of cards in the review "
         "state, up to "
      << f.as_of_date << "; passed = any rating but again. Young: interval under " << kMatureDays
      << " days; mature: " << kMatureDays
      << " days or more.</p>\n<table class=\"retention\">\n<thead><tr><th scope=\"col\">Period</th>"
         "<th scope=\"col\">Young</th><th scope=\"col\">Mature</th><th scope=\"col\">Total</th></tr></thead>\n<tbody>\n";
  for (const RetentionRow& r : f.retention) {
    const RetentionCell total{r.young.passed + r.mature.passed, r.young.failed + r.mature.failed};
    out << "<tr><th scope=\"row\">" << period_label(r.period) << "</th>" << retention_cell(r.young)
        << retention_cell(r.mature) << retention_cell(total) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";

  const Series reviews = reviews_per_day(f), minutes = minutes_per_day(f);
  out << "<section>\n<h2>Activity</h2>\n<div class=\"grid\">\n<figure><figcaption>" << html_escape(reviews.caption)
      << "</figcaption>\n" << bar_chart(reviews, 7) << "</figure>\n<figure><figcaption>"
      << html_escape(minutes.caption) << "</figcaption>\n" << bar_chart(minutes, 7) << "</figure>\n</div>\n"
      << "<figure><figcaption>Calendar (53 weeks up to " << f.as_of_date << ", Monday at the top)</figcaption>\n"
      << heatmap(f) << "</figure>\n";
  for (const core::BacklogSpread& sp : in.backlog_spreads) {  // issue 16: days with fewer reviews by choice
    out << "<p class=\"meta\">Backlog spread: " << sp.cards.size() << " due reviews spread over " << sp.days
        << " days from " << core::iso_date_of_day(sp.first_day) << " to "
        << core::iso_date_of_day(sp.first_day + sp.days - 1) << ", most at risk first"
        << (sp.pause_new ? ", new cards paused" : "") << ".</p>\n";
  }
  out << "</section>\n";

  const Series due = due_per_day(f);
  out << "<section>\n<h2>Forecast</h2>\n<figure><figcaption>" << html_escape(due.caption) << "</figcaption>\n"
      << bar_chart(due, 7) << "</figure>\n</section>\n";

  out << "<section>\n<h2>Weakest cards</h2>\n<p class=\"meta\">Cards forgotten after they were learnt "
         "(lapses); "
      << kLeechLapses
      << " or more make a leech.</p>\n<table class=\"weakest\">\n<thead><tr><th scope=\"col\">Card</th>"
         "<th scope=\"col\">Question</th><th scope=\"col\">Lapses</th><th scope=\"col\">Predicted recall now</th></tr></thead>\n<tbody>\n";
  if (f.weakest.empty()) out << "<tr><td class=\"empty\" colspan=\"4\">No card has lapsed (forgotten after it was learnt).</td></tr>\n";
  for (const WeakCard& w : f.weakest) {
    const CardEntry& c = in.cards[w.card];
    out << "<tr><td class=\"key\">" << html_escape(c.card_key) << (c.retired ? kRetiredMark : "")
        << "</td><td class=\"text\" dir=\"auto\">" << html_escape(c.prompt) << "</td><td class=\"num"
        << (w.leech ? " leech" : "") << "\">" << w.lapses << (w.leech ? " (leech)" : "") << "</td><td class=\"num\">"
        << percent(c.retrievability) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace casebook::report::detail
