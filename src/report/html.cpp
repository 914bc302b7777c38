// The HTML report: one self-contained, script-free file (inline CSS, a CSP that forbids
// scripts), with every string from a bank or learner escaped.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/card_event_words.hpp"
#include "report/charts.hpp"
#include "report/figures.hpp"
#include "report/html_parts.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using detail::attempts_text;
using detail::html_escape;
using detail::kRetiredMark;
using detail::percent;

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
tr.bank th, tr.bank td { font-weight: 600; background: #f4f7fb; }
td.topic { padding-left: 1.5rem; }
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

constexpr std::string_view kNoTimeCell = "<td class=\"time\">\u2014</td>";

void summary_row(std::ostream& out, std::string_view label, const std::string& value) {
  out << "<tr><th scope=\"row\">" << label << "</th><td class=\"num\">" << value << "</td></tr>\n";
}


std::string period_text(const ReportInput& in) {
  const std::string& zone = in.time_zone;
  if (!in.from && !in.to) return "every review up to the time of the report";
  std::string text = in.from ? "from " + time_element(*in.from, zone) : std::string("from the first review");
  text += in.to ? " to " + time_element(*in.to, zone) + " (not included)" : std::string(" to the time of the report");
  return text;
}

void write_summary(const Figures& f, std::ostream& out) {
  out << "<section>\n<h2>Summary</h2>\n<div class=\"grid\">\n<table class=\"summary\">\n<caption>Syllabus and cards "
         "(now)</caption>\n<tbody>\n";
  summary_row(out, "Cards in the syllabus", std::to_string(f.syllabus));
  summary_row(out, "Started", std::to_string(f.syllabus - f.not_started) + " (" + percent(f.share_seen()) + ")");
  summary_row(out, "Not started yet", std::to_string(f.not_started));
  summary_row(out, "In learning (learning or relearning)", std::to_string(f.learning));
  summary_row(out, "Young (interval under 21 days)", std::to_string(f.young));
  summary_row(out, "Mature (interval 21 days or more)", std::to_string(f.mature));
  summary_row(out, "Due now", std::to_string(f.due_now));
  summary_row(out, "Suspended", std::to_string(f.suspended));
  summary_row(out, "Leeches (8 or more lapses)", std::to_string(f.leeches));
  summary_row(out, "Retired (question no longer in a bank)", std::to_string(f.retired));
  summary_row(out, "Mean predicted recall now (started cards)",
              f.syllabus == f.not_started ? std::string("\u2014") : percent(f.mean_predicted_recall));
  out << "</tbody>\n</table>\n<table class=\"summary\">\n<caption>Answers (in the period)</caption>\n<tbody>\n";
  summary_row(out, "Reviews", std::to_string(f.all.answered));
  summary_row(out, "Correct", attempts_text(f.all));
  summary_row(out, "First attempts correct", attempts_text(f.first_attempts));
  summary_row(out, "Correct, last 7 days", attempts_text(f.last_7_days));
  summary_row(out, "Correct, last 30 days", attempts_text(f.last_30_days));
  summary_row(out, "Mistakes", std::to_string(f.mistakes_total));
  summary_row(out, "Time spent (minutes)", core::format_fixed(f.minutes, 1));
  out << "</tbody>\n</table>\n</div>\n</section>\n";
}

void coverage_row(std::ostream& out, const CoverageRow& r) {
  const bool bank = r.topic.empty();
  out << (bank ? "<tr class=\"bank\">" : "<tr>") << "<td class=\"text" << (bank ? "" : " topic") << "\" dir=\"auto\">"
      << html_escape(bank ? r.bank_title.empty() ? r.bank_id : r.bank_title : r.topic) << "</td><td class=\"num\">"
      << r.cards << "</td><td class=\"num\">" << r.not_started << "</td><td class=\"num\"><span class=\"bar\" style=\"width:"
      << core::format_fixed(r.share_seen() * 4.0, 2) << "em\"></span> " << percent(r.share_seen())
      << "</td><td class=\"num\">" << attempts_text(r.first_attempts) << "</td><td class=\"num\">"
      << attempts_text(r.last_7_days) << "</td><td class=\"num\">" << attempts_text(r.last_30_days)
      << "</td><td class=\"num\">"
      << (r.cards == r.not_started ? std::string("\u2014") : percent(r.mean_predicted_recall)) << "</td></tr>\n";
}

void write_coverage(const Figures& f, std::ostream& out) {
  out << "<section>\n<h2>Coverage and accuracy by bank and topic</h2>\n<p class=\"meta\">Every card of the "
         "banks, started or not. Correct answers: on each card's first attempt, and over the last 7 and 30 "
         "days up to "
      << f.as_of_date
      << ". Predicted recall: the FSRS probability of recalling a started card now.</p>\n"
         "<table class=\"coverage\">\n<thead><tr><th scope=\"col\">Bank / topic</th><th scope=\"col\">Cards</th>"
         "<th scope=\"col\">Not started</th><th scope=\"col\">Seen</th><th scope=\"col\">First attempts "
         "correct</th><th scope=\"col\">Last 7 days</th><th scope=\"col\">Last 30 days</th>"
         "<th scope=\"col\">Mean predicted recall</th></tr></thead>\n<tbody>\n";
  if (f.banks.empty()) out << "<tr><td class=\"empty\" colspan=\"8\">No cards.</td></tr>\n";
  for (const CoverageRow& bank : f.banks) {
    coverage_row(out, bank);
    for (const CoverageRow& topic : f.topics) {
      if (topic.bank_id == bank.bank_id) coverage_row(out, topic);
    }
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void write_mistakes(const ReportInput& in, const Figures& f, std::ostream& out) {
  out << "<section>\n<h2>Mistakes</h2>\n<p class=\"meta\">" << f.mistakes_total
      << (f.mistakes_total == 1 ? " wrong answer" : " wrong answers") << " in the period"
      << (f.mistakes_total > static_cast<int>(f.mistakes.size())
              ? "; the newest " + std::to_string(f.mistakes.size()) + " are listed (the CSV, JSON and XLSX reports have every answer)"
              : std::string())
      << ".</p>\n<table class=\"mistakes\">\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Question</th>"
         "<th scope=\"col\">Answer given</th><th scope=\"col\">Correct answer</th></tr></thead>\n<tbody>\n";
  if (f.mistakes.empty()) out << "<tr><td class=\"empty\" colspan=\"4\">No wrong answers in the period.</td></tr>\n";
  for (const Mistake& m : f.mistakes) {
    const CardEntry* c = m.card ? &in.cards[*m.card] : nullptr;
    const bool prompt = c != nullptr && !c->prompt.empty();
    out << "<tr>" << time_cell(m.reviewed_at, in.time_zone) << "<td class=\"text\" dir=\"auto\">"
        << html_escape(prompt ? c->prompt : m.card_key) << (c != nullptr && c->retired ? kRetiredMark : "")
        << "</td><td class=\"text bad\" dir=\"auto\">" << html_escape(m.answer) << "</td><td class=\"text\" dir=\"auto\">"
        << html_escape(mistake_correct_answer(c, m))
        << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

/// Flags, problem reports and the other card actions of the period, newest first, with the
/// learner's notes and comments (for the instructor).
void write_card_events(const ReportInput& in, std::ostream& out) {
  out << "<section>\n<h2>Flags, problem reports and card actions</h2>\n<p class=\"meta\">"
      << in.card_events.size() << (in.card_events.size() == 1 ? " action" : " actions")
      << " in the period. A problem report is the learner's comment on a question, for the instructor."
         "</p>\n<table class=\"events\">\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Question</th>"
         "<th scope=\"col\">What</th><th scope=\"col\">Note or comment</th></tr></thead>\n<tbody>\n";
  if (in.card_events.empty()) out << "<tr><td class=\"empty\" colspan=\"4\">No flags, reports or card actions in the period.</td></tr>\n";
  std::unordered_map<std::string, const CardEntry*> cards;
  for (const CardEntry& c : in.cards) cards.emplace(c.card_key, &c);
  for (auto it = in.card_events.rbegin(); it != in.card_events.rend(); ++it) {
    const CardEventEntry& e = *it;
    const auto found = cards.find(e.card_key);
    const CardEntry* c = found == cards.end() ? nullptr : found->second;
    const std::string what = core::card_event_words(e.kind, e.flag);
    out << "<tr>" << time_cell(e.at, in.time_zone) << "<td class=\"text\" dir=\"auto\">"
        << html_escape(c != nullptr && !c->prompt.empty() ? c->prompt : e.card_key)
        << (c != nullptr && c->retired ? kRetiredMark : "") << "</td><td" << (e.kind == "report" ? " class=\"bad\"" : "")
        << ">" << html_escape(what) << "</td><td class=\"text\" dir=\"auto\">"
        << (e.note.empty() ? std::string("\u2014") : html_escape(e.note)) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

/// The mock exam attempts of the period, newest first: score, pass mark, result, time taken.
void write_exams(const ReportInput& in, std::ostream& out) {
  out << "<section>\n<h2>Mock exams</h2>\n<p class=\"meta\">" << in.exams.size()
      << (in.exams.size() == 1 ? " attempt" : " attempts")
      << " started in the period. A practice run leaves the schedule alone; the answers of the others are in the "
         "review log.</p>\n<table class=\"exams\">\n<thead><tr><th scope=\"col\">Started</th><th scope=\"col\">Exam</th>"
         "<th scope=\"col\">Questions</th><th scope=\"col\">Score</th><th scope=\"col\">Pass mark</th>"
         "<th scope=\"col\">Result</th><th scope=\"col\">Time taken</th><th scope=\"col\">Kind</th></tr></thead>\n<tbody>\n";
  if (in.exams.empty()) out << "<tr><td class=\"empty\" colspan=\"8\">No mock exams in the period.</td></tr>\n";
  for (auto it = in.exams.rbegin(); it != in.exams.rend(); ++it) {
    const ExamEntry& x = *it;
    const bool done = x.finished_at.has_value();
    out << "<tr>" << time_cell(x.started_at, in.time_zone) << "<td class=\"text\" dir=\"auto\">" << html_escape(x.title)
        << "</td><td class=\"num\">" << x.questions << "</td><td class=\"num\">"
        << (done ? std::to_string(x.correct) + " (" + std::to_string(x.percent) + "\u00A0%)" : std::string("\u2014"))
        << "</td><td class=\"num\">" << x.pass_mark << "\u00A0%</td><td"
        << (!done ? "" : x.passed ? " class=\"ok\"" : " class=\"bad\"") << ">" << x.outcome() << "</td><td class=\"num\">"
        << (done ? core::format_minutes_seconds(*x.time_taken_ms()) + (x.timed_out ? " (time was up)" : "")
                 : std::string("\u2014"))
        << "</td><td>" << (x.practice ? "practice" : "counts") << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void write_cards(const ReportInput& in, std::ostream& out) {
  const std::string& zone = in.time_zone;
  out << "<section>\n<h2>Cards</h2>\n<table class=\"cards\">\n<thead><tr>"
         "<th scope=\"col\">Card</th><th scope=\"col\">Bank</th><th scope=\"col\">Question</th>"
         "<th scope=\"col\">Type</th><th scope=\"col\">State</th><th scope=\"col\">Due</th>"
         "<th scope=\"col\">Last review</th><th scope=\"col\">Stability (days)</th>"
         "<th scope=\"col\">Difficulty</th><th scope=\"col\">Predicted recall now</th>"
         "<th scope=\"col\">Reps</th><th scope=\"col\">Lapses</th></tr></thead>\n<tbody>\n";
  if (in.cards.empty()) out << "<tr><td class=\"empty\" colspan=\"12\">No cards.</td></tr>\n";
  for (const CardEntry& c : in.cards) {
    const core::CardSchedule& sc = c.schedule;
    const bool fresh = sc.state == core::CardState::New;
    std::string type = c.question_type;  // "single_choice" -> "single choice": words for a reader
    std::replace(type.begin(), type.end(), '_', ' ');
    // A card not started has no stability or difficulty yet (the zeros are no measure).
    const auto measure = [fresh](double v) { return fresh ? std::string("\u2014") : core::format_fixed(v, 2); };
    out << "<tr><td class=\"key\">" << html_escape(c.card_key) << (c.retired ? kRetiredMark : "") << "</td>"
        << "<td class=\"text\" dir=\"auto\">" << html_escape(c.bank_title) << "</td>"
        << "<td class=\"text\" dir=\"auto\">" << html_escape(c.prompt) << "</td>"
        << "<td>" << html_escape(type) << "</td>"
        << "<td>" << (fresh ? "not started" : core::to_string(sc.state)) << (c.suspended ? " (suspended)" : "") << "</td>"
        // A new card's due time is only when it was added: show a dash, as for "last review".
        << (fresh ? std::string(kNoTimeCell) : time_cell(sc.due, zone))
        << (sc.last_review ? time_cell(*sc.last_review, zone) : std::string(kNoTimeCell))
        << "<td class=\"num\">" << measure(sc.stability) << "</td>"
        << "<td class=\"num\">" << measure(sc.difficulty) << "</td>"
        << "<td class=\"num\">" << (fresh ? std::string("\u2014") : percent(c.retrievability)) << "</td>"
        << "<td class=\"num\">" << sc.reps << "</td>"
        << "<td class=\"num\">" << sc.lapses << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void write_review_log(const ReportInput& in, const Figures& f, std::ostream& out) {
  const int total = f.all.answered;
  const int skip = std::max(0, total - kHtmlReviewRows);
  out << "<section>\n<h2>Review log</h2>\n";
  if (skip > 0) {
    out << "<p class=\"meta\">The newest " << kHtmlReviewRows << " of " << total
        << " reviews in the period; the CSV, JSON and XLSX reports hold every review.</p>\n";
  }
  out << "<table class=\"reviews\">\n<thead><tr>"
         "<th scope=\"col\">When</th><th scope=\"col\">Card</th><th scope=\"col\">Rating</th>"
         "<th scope=\"col\">Result</th><th scope=\"col\">Answer</th>"
         "<th scope=\"col\">Response (s)</th><th scope=\"col\">State</th>"
         "<th scope=\"col\">Stability (days)</th><th scope=\"col\">Difficulty</th>"
         "<th scope=\"col\">Next due</th></tr></thead>\n<tbody>\n";
  if (total == 0) out << "<tr><td class=\"empty\" colspan=\"10\">No reviews.</td></tr>\n";
  int seen = 0;
  for_each_review(in, [&](const core::ReviewRecord& r) {
    if (seen++ < skip) return;
    out << "<tr>" << time_cell(r.reviewed_at, in.time_zone) << "<td class=\"key\">" << html_escape(r.card_key) << "</td>"
        << "<td>" << core::to_string(r.rating) << "</td>"
        << (r.correct ? "<td class=\"ok\">correct</td>" : "<td class=\"bad\">wrong</td>")
        << "<td class=\"text\" dir=\"auto\">" << html_escape(r.answer) << "</td>"
        << "<td class=\"num\">" << core::format_fixed(static_cast<double>(r.response_ms) / 1000.0, 1) << "</td>"
        << "<td>" << core::to_string(r.before.state) << " \u2192 " << core::to_string(r.after.state) << "</td>"
        << "<td class=\"num\">" << core::format_fixed(r.after.stability, 2) << "</td>"
        << "<td class=\"num\">" << core::format_fixed(r.after.difficulty, 2) << "</td>"
        << time_cell(r.after.due, in.time_zone) << "</tr>\n";
  });
  out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void write_html(const ReportInput& in, std::ostream& out) {
  const detail::ClassicLocaleGuard classic(out);
  const Figures f = compute_figures(in);
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
      << "<p class=\"meta\">Period: " << period_text(in) << "</p>\n"
      << "<p class=\"meta\">Generated " << time_element(in.generated_at, zone)
      << " (times shown in " << html_escape(zone) << ")</p>\n";
  for (const BankEntry& b : in.banks) {
    out << "<p class=\"meta\">Bank <bdi>" << html_escape(b.title.empty() ? b.id : b.title) << "</bdi> ("
        << html_escape(b.id) << "), version " << (b.version.empty() ? std::string("not given") : html_escape(b.version))
        << "</p>\n";
  }
  out << "</header>\n";

  write_summary(f, out);
  write_coverage(f, out);
  write_mistakes(in, f, out);
  write_card_events(in, out);
  write_exams(in, out);
  detail::write_html_charts(in, f, out);
  if (!kNotRecorded.empty()) {
    out << "<section>\n<h2>Not in this report yet</h2>\n<ul>\n";
    for (const NotRecorded& n : kNotRecorded) out << "<li>" << n.text << "</li>\n";
    out << "</ul>\n</section>\n";
  }
  write_cards(in, out);
  write_review_log(in, f, out);

  out << "<footer>Written by Casebook. Times are local to " << html_escape(zone)
      << " (hover a time to see it in UTC). Predicted recall is the FSRS "
         "probability of recalling a card now; it is a forecast, not a score.</footer>\n</body>\n</html>\n";
}

}  // namespace casebook::report
