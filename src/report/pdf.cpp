// The PDF report: a document a student can hand in or an instructor can file (A4, text set by
// pango, vector charts drawn by cairo). It holds the figures and the lists a reader needs,
// not the whole review log (the data formats hold that).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/card_event_words.hpp"
#include "core/number.hpp"
#include "report/charts.hpp"
#include "report/figures.hpp"
#include "report/pdf_page.hpp"
#include "report/report.hpp"

namespace casebook::report {
namespace {

using detail::attempts_text;
using detail::PdfColumn;
using detail::percent;

std::string local(core::TimestampMs t, const std::string& zone) { return core::format_local_minutes(t, zone); }

std::string period_text(const ReportInput& in) {
  if (!in.from && !in.to) return "every review up to the time of the report";
  return (in.from ? "from " + local(*in.from, in.time_zone) : std::string("from the first review")) +
         (in.to ? " to " + local(*in.to, in.time_zone) + " (not included)" : std::string(" to the time of the report"));
}

/// attempts_text kept on one line in a narrow column: "1/3 (33.3 %)" with a no-break space.
std::string compact(const Attempts& a) {
  if (a.answered == 0) return "\u2014";
  return std::to_string(a.correct) + "/" + std::to_string(a.answered) + "\u00A0(" + percent(a.accuracy()) + ")";
}

std::string recall_text(const CoverageRow& r) {
  return r.cards == r.not_started ? std::string("\u2014") : percent(r.mean_predicted_recall);
}

void write_header(detail::PdfDocument& doc, const ReportInput& in) {
  doc.title("Casebook progress report");
  doc.paragraph("Learner: " + in.learner);
  if (!in.bank_filter.empty()) doc.paragraph("Bank: " + in.bank_filter);
  doc.paragraph("Period: " + period_text(in));
  doc.paragraph("Generated " + local(in.generated_at, in.time_zone) + " (times in " + in.time_zone + ")");
  for (const BankEntry& b : in.banks) {
    doc.paragraph("Bank " + (b.title.empty() ? b.id : b.title) + " (" + b.id + "), version " +
                      (b.version.empty() ? std::string("not given") : b.version),
                  true);
  }
}

void write_summary(detail::PdfDocument& doc, const Figures& f) {
  doc.heading("Summary");
  const std::vector<PdfColumn> columns = {{"Cards (now)", 0.34, false}, {"", 0.16, true},
                                          {"Answers (in the period)", 0.3, false}, {"", 0.2, true}};
  doc.table(columns,
            {{"Cards in the syllabus", std::to_string(f.syllabus), "Reviews", std::to_string(f.all.answered)},
             {"Started", std::to_string(f.syllabus - f.not_started) + " (" + percent(f.share_seen()) + ")", "Correct",
              attempts_text(f.all)},
             {"Not started yet", std::to_string(f.not_started), "First attempts correct", attempts_text(f.first_attempts)},
             {"In learning", std::to_string(f.learning), "Correct, last 7 days", attempts_text(f.last_7_days)},
             {"Young / mature", std::to_string(f.young) + " / " + std::to_string(f.mature), "Correct, last 30 days",
              attempts_text(f.last_30_days)},
             {"Due now", std::to_string(f.due_now), "Mistakes", std::to_string(f.mistakes_total)},
             {"Suspended / leeches", std::to_string(f.suspended) + " / " + std::to_string(f.leeches),
              "Time spent (minutes)", core::format_fixed(f.minutes, 1)},
             {"Mean predicted recall now", f.syllabus == f.not_started ? std::string("\u2014") : percent(f.mean_predicted_recall),
              "Retired cards", std::to_string(f.retired)}});
  doc.paragraph("Predicted recall is the FSRS probability of recalling a started card now: a forecast, not a "
                "score. Young cards have an interval under 21 days, mature ones 21 days or more.",
                true);
}

void write_coverage(detail::PdfDocument& doc, const Figures& f) {
  doc.heading("Coverage and accuracy by bank and topic");
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> bold;
  const auto add = [&](const CoverageRow& r, bool bank) {
    rows.push_back({bank ? (r.bank_title.empty() ? r.bank_id : r.bank_title) : "    " + r.topic,
                    std::to_string(r.cards), std::to_string(r.not_started), percent(r.share_seen()),
                    compact(r.first_attempts), compact(r.last_7_days), compact(r.last_30_days), recall_text(r)});
    bold.push_back(bank);
  };
  for (const CoverageRow& bank : f.banks) {
    add(bank, true);
    for (const CoverageRow& topic : f.topics) {
      if (topic.bank_id == bank.bank_id) add(topic, false);
    }
  }
  if (rows.empty()) rows.push_back({"No cards."});
  doc.table({{"Bank / topic", 0.21, false},
             {"Cards", 0.07, true},
             {"Not started", 0.08, true},
             {"Seen", 0.09, true},
             {"First attempts correct", 0.15, true},
             {"Last 7 days", 0.14, true},
             {"Last 30 days", 0.14, true},
             {"Predicted recall", 0.12, true}},
            rows, bold);
}

void write_mistakes(detail::PdfDocument& doc, const ReportInput& in, const Figures& f) {
  doc.heading("Mistakes");
  std::string intro = std::to_string(f.mistakes_total) + (f.mistakes_total == 1 ? " wrong answer" : " wrong answers") +
                      " in the period";
  if (f.mistakes_total > static_cast<int>(f.mistakes.size())) {
    intro += "; the newest " + std::to_string(f.mistakes.size()) + " are listed";
  }
  doc.paragraph(intro + ".");
  if (f.mistakes.empty()) return;
  std::vector<std::vector<std::string>> rows;
  for (const Mistake& m : f.mistakes) {
    const CardEntry* c = m.card ? &in.cards[*m.card] : nullptr;
    rows.push_back({local(m.reviewed_at, in.time_zone), c != nullptr && !c->prompt.empty() ? c->prompt : m.card_key,
                    m.answer, mistake_correct_answer(c, m)});
  }
  doc.table({{"When", 0.16, false}, {"Question", 0.40, false}, {"Answer given", 0.22, false}, {"Correct answer", 0.22, false}},
            rows);
}

/// Flags, problem reports and card actions of the period, newest first, in the HTML report's words.
void write_card_events(detail::PdfDocument& doc, const ReportInput& in) {
  doc.heading("Flags, problem reports and card actions");
  const std::size_t n = in.card_events.size();
  doc.paragraph(std::to_string(n) + (n == 1 ? " action" : " actions") +
                " in the period. A problem report is the learner's comment on a question, for the instructor.");
  if (n == 0) return;
  std::unordered_map<std::string_view, const CardEntry*> cards;
  for (const CardEntry& c : in.cards) cards.emplace(c.card_key, &c);
  std::vector<std::vector<std::string>> rows;
  for (auto it = in.card_events.rbegin(); it != in.card_events.rend(); ++it) {
    const auto found = cards.find(it->card_key);
    const bool prompt = found != cards.end() && !found->second->prompt.empty();
    rows.push_back({local(it->at, in.time_zone), prompt ? found->second->prompt : it->card_key,
                    core::card_event_words(it->kind, it->flag), it->note.empty() ? "\u2014" : it->note});
  }
  doc.table({{"When", 0.16, false}, {"Question", 0.40, false}, {"What", 0.18, false}, {"Note or comment", 0.26, false}},
            rows);
}

/// The mock exam attempts of the period, newest first.
void write_exams(detail::PdfDocument& doc, const ReportInput& in) {
  doc.heading("Mock exams");
  const std::size_t n = in.exams.size();
  doc.paragraph(std::to_string(n) + (n == 1 ? " attempt" : " attempts") +
                " started in the period. A practice run leaves the schedule alone.");
  if (n == 0) return;
  std::vector<std::vector<std::string>> rows;
  for (auto it = in.exams.rbegin(); it != in.exams.rend(); ++it) {
    const ExamEntry& x = *it;
    const bool done = x.finished_at.has_value();
    rows.push_back({local(x.started_at, in.time_zone), x.title + (x.practice ? " (practice)" : ""),
                    std::to_string(x.questions),
                    done ? std::to_string(x.correct) + "\u00A0(" + std::to_string(x.percent) + "\u00A0%)" : "\u2014",
                    std::to_string(x.pass_mark) + "\u00A0%", std::string(x.outcome()),
                    done ? core::format_minutes_seconds(*x.time_taken_ms()) : "\u2014"});
  }
  doc.table({{"Started", 0.16, false},
             {"Exam", 0.28, false},
             {"Questions", 0.1, true},
             {"Score", 0.12, true},
             {"Pass mark", 0.1, true},
             {"Result", 0.12, false},
             {"Time taken", 0.12, true}},
            rows);
}

void write_retention(detail::PdfDocument& doc, const Figures& f) {
  doc.heading("True retention");
  doc.paragraph("Reviews of cards in the review state up to " + f.as_of_date +
                    "; passed = any rating but again (Anki's true retention).",
                true);
  const auto cell = [](const RetentionCell& c) {
    return c.total() == 0 ? std::string("\u2014")
                          : std::to_string(c.passed) + " / " + std::to_string(c.total()) + " (" + percent(c.retention()) + ")";
  };
  std::vector<std::vector<std::string>> rows;
  const std::vector<std::string> labels = {"Today", "Yesterday", "Last 7 days", "Last 30 days", "Last 365 days", "All time"};
  for (std::size_t i = 0; i < f.retention.size(); ++i) {
    const RetentionRow& r = f.retention[i];
    rows.push_back({i < labels.size() ? labels[i] : r.period, cell(r.young), cell(r.mature),
                    cell({r.young.passed + r.mature.passed, r.young.failed + r.mature.failed})});
  }
  doc.table({{"Period", 0.25, false}, {"Young", 0.25, true}, {"Mature", 0.25, true}, {"Total", 0.25, true}}, rows);
}

void write_weakest(detail::PdfDocument& doc, const ReportInput& in, const Figures& f) {
  doc.heading("Weakest cards");
  if (f.weakest.empty()) {
    doc.paragraph("No card has lapsed (been forgotten after it was learnt).");
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const WeakCard& w : f.weakest) {
    const CardEntry& c = in.cards[w.card];
    rows.push_back({c.prompt.empty() ? c.card_key : c.prompt, std::to_string(w.lapses) + (w.leech ? " (leech)" : ""),
                    percent(c.retrievability)});
  }
  doc.table({{"Question", 0.64, false}, {"Lapses", 0.16, true}, {"Predicted recall now", 0.2, true}}, rows);
}

}  // namespace

void write_pdf(const ReportInput& in, const std::string& path) {
  const Figures f = compute_figures(in);
  // PDF dates as cairo takes them: "YYYY-MM-DDThh:mm:ss" and a zone, without milliseconds.
  const std::string created = core::format_iso_utc(in.generated_at).substr(0, 19) + "Z";
  detail::PdfDocument doc(path, "Casebook progress report: " + in.learner, created);
  write_header(doc, in);
  write_summary(doc, f);
  write_coverage(doc, f);
  write_mistakes(doc, in, f);
  write_exams(doc, in);
  write_card_events(doc, in);
  constexpr double kChart = 160.0;  // a bar chart's height with its caption and labels
  doc.heading("Activity", kChart);
  doc.bar_chart(detail::reviews_per_day(f), 7);
  doc.bar_chart(detail::minutes_per_day(f), 7);
  doc.heading("Forecast", kChart);
  doc.bar_chart(detail::due_per_day(f), 7);
  write_retention(doc, f);
  write_weakest(doc, in, f);
  if (!kNotRecorded.empty()) {
    doc.heading("Not in this report yet");
    for (const NotRecorded& n : kNotRecorded) doc.paragraph("\u2022 " + std::string(n.text), true);
  }
  doc.paragraph("The review log itself is in the CSV, JSON and XLSX reports.", true);
  doc.finish();
}

}  // namespace casebook::report
