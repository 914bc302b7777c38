// The HTML report: one self-contained, script-free file (inline CSS, a CSP that forbids
// scripts), with every string from a bank or learner escaped.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using detail::fixed;
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
footer { margin-top: 2rem; color: #666; font-size: .85em; }
@page { margin: 1.5cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tbody tr:nth-child(even) td, th { background: none; }
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

constexpr std::string_view kNoTimeCell = "<td class=\"time\">\u2014</td>";

std::string percent(double fraction) { return fixed(fraction * 100.0, 1) + "\u00A0%"; }

void summary_row(std::ostream& out, std::string_view label, const std::string& value) {
  out << "<tr><th scope=\"row\">" << label << "</th><td class=\"num\">" << value << "</td></tr>\n";
}

}  // namespace

void write_html(const ReportInput& in, std::ostream& out) {
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
      << "<p class=\"meta\">Generated " << time_element(in.generated_at, zone)
      << " (times shown in " << html_escape(zone) << ")</p>\n</header>\n";

  out << "<section>\n<h2>Summary</h2>\n<table class=\"summary\">\n<tbody>\n";
  summary_row(out, "Cards", std::to_string(s.cards));
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

  out << "<section>\n<h2>Cards</h2>\n<table class=\"cards\">\n<thead><tr>"
         "<th scope=\"col\">Card</th><th scope=\"col\">Bank</th><th scope=\"col\">Question</th>"
         "<th scope=\"col\">Type</th><th scope=\"col\">State</th><th scope=\"col\">Due</th>"
         "<th scope=\"col\">Last review</th><th scope=\"col\">Stability (days)</th>"
         "<th scope=\"col\">Difficulty</th><th scope=\"col\">Recall now</th>"
         "<th scope=\"col\">Reps</th><th scope=\"col\">Lapses</th></tr></thead>\n<tbody>\n";
  if (in.cards.empty()) out << "<tr><td class=\"empty\" colspan=\"12\">No cards.</td></tr>\n";
  for (const CardEntry& c : in.cards) {
    const core::CardSchedule& sc = c.schedule;
    out << "<tr><td class=\"key\">" << html_escape(c.card_key) << "</td>"
        << "<td class=\"text\" dir=\"auto\">" << html_escape(c.bank_title) << "</td>"
        << "<td class=\"text\" dir=\"auto\">" << html_escape(c.prompt) << "</td>"
        << "<td>" << html_escape(c.question_type) << "</td>"
        << "<td>" << core::to_string(sc.state) << "</td>"
        // A new card's due time is only when it was added: show a dash, as for "last review".
        << (sc.state == core::CardState::New ? std::string(kNoTimeCell) : time_cell(sc.due, zone))
        << (sc.last_review ? time_cell(*sc.last_review, zone) : std::string(kNoTimeCell))
        << "<td class=\"num\">" << fixed(sc.stability, 2) << "</td>"
        << "<td class=\"num\">" << fixed(sc.difficulty, 2) << "</td>"
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
        << "<td class=\"num\">" << fixed(static_cast<double>(r.response_ms) / 1000.0, 1) << "</td>"
        << "<td>" << core::to_string(r.before.state) << " \u2192 " << core::to_string(r.after.state) << "</td>"
        << "<td class=\"num\">" << fixed(r.after.stability, 2) << "</td>"
        << "<td class=\"num\">" << fixed(r.after.difficulty, 2) << "</td>"
        << time_cell(r.after.due, zone) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";

  out << "<footer>Written by Casebook. Times are local to " << html_escape(zone)
      << " (hover a time to see it in UTC). Recall is the FSRS "
         "probability of remembering the card now.</footer>\n</body>\n</html>\n";
}

}  // namespace casebook::report
