// The XLSX report (libxlsxwriter, constant-memory mode: rows go to disk as they are written):
// sheets Summary, Coverage, Mistakes, Mock exams, Card events, Cards and Reviews. Text goes in
// string cells, which a spreadsheet never evaluates, so no formula neutralising is needed here.
#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/card_event_words.hpp"
#include "core/utf8.hpp"
#include "report/figures.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

/// A cell: text, a number (integers are stored as doubles, as Excel does), or empty.
using Cell = std::variant<std::string, double, std::monostate>;

/// The rows of one sheet a spreadsheet opens: 1,048,576 (Excel's and LibreOffice's limit).
constexpr lxw_row_t kMaxRows = 1'048'576;

/// Cells cut to the length a spreadsheet allows, for the warning.
struct CutCells {
  int count = 0;
  std::string first;  ///< "Sheet!row,column" of the first
};

class Sheet {
 public:
  Sheet(lxw_workbook* book, std::string name, CutCells& cut)
      : m_sheet(workbook_add_worksheet(book, name.c_str())), m_name(std::move(name)), m_cut(cut) {
    if (m_sheet == nullptr) throw std::runtime_error("cannot add sheet " + m_name);
  }
  void row(const std::vector<Cell>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error e = LXW_NO_ERROR;
      if (const auto* text = std::get_if<std::string>(&cells[c])) {
        bool cut = false;
        const std::string value = detail::xlsx_cell_text(*text, &cut);
        if (cut && m_cut.count++ == 0) {
          m_cut.first = m_name + " row " + std::to_string(m_row + 1) + ", column " + std::to_string(c + 1);
        }
        if (!value.empty()) e = worksheet_write_string(m_sheet, m_row, col, value.c_str(), nullptr);
      } else if (const auto* number = std::get_if<double>(&cells[c])) {
        e = worksheet_write_number(m_sheet, m_row, col, *number, nullptr);
      }
      if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX: ") + lxw_strerror(e));
    }
    ++m_row;
  }
  void header(const std::vector<Cell>& cells, double width) {
    worksheet_set_column(m_sheet, 0, static_cast<lxw_col_t>(cells.size() - 1), width, nullptr);
    row(cells);
    worksheet_freeze_panes(m_sheet, 1, 0);
  }
  [[nodiscard]] lxw_row_t rows() const { return m_row; }

 private:
  lxw_worksheet* m_sheet;
  std::string m_name;
  CutCells& m_cut;
  lxw_row_t m_row = 0;
};

std::vector<Cell> texts(std::initializer_list<const char*> names) {
  std::vector<Cell> out;
  for (const char* n : names) out.emplace_back(std::string(n));
  return out;
}

double num(std::int64_t v) { return static_cast<double>(v); }
Cell accuracy_cell(const Attempts& a) { return a.answered == 0 ? Cell(std::monostate{}) : Cell(a.accuracy()); }
std::string iso_or_empty(const std::optional<core::TimestampMs>& t) {
  return t ? core::format_iso_utc(*t) : std::string();
}
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

void write_summary(lxw_workbook* book, const ReportInput& in, const Figures& f, CutCells& cut) {
  Sheet summary(book, "Summary", cut);
  summary.header(texts({"field", "value"}), 24);
  summary.row({std::string("schema_version"), 3.0});
  summary.row({std::string("learner"), in.learner});
  summary.row({std::string("generated_at"), core::format_iso_utc(in.generated_at)});
  summary.row({std::string("time_zone"), in.time_zone});
  summary.row({std::string("bank_filter"), in.bank_filter});
  summary.row({std::string("period_from"), iso_or_empty(in.from)});
  summary.row({std::string("period_to"), iso_or_empty(in.to)});
  for (const BankEntry& b : in.banks) summary.row({"bank_version_" + b.id, b.version});
  const std::vector<std::pair<const char*, double>> numbers = {
      {"cards", f.cards},           {"syllabus", f.syllabus},       {"not_started", f.not_started},
      {"share_seen", f.share_seen()}, {"seen", f.started},          {"learning", f.learning},
      {"young", f.young},           {"mature", f.mature},           {"retired", f.retired},
      {"suspended", f.suspended},   {"leeches", f.leeches},         {"due_now", f.due_now},
      {"reviews", f.all.answered},  {"correct", f.all.correct},     {"accuracy", f.all.accuracy()},
      {"first_attempts", f.first_attempts.answered}, {"first_attempts_correct", f.first_attempts.correct},
      {"last_7_days", f.last_7_days.answered},       {"last_7_days_correct", f.last_7_days.correct},
      {"last_30_days", f.last_30_days.answered},     {"last_30_days_correct", f.last_30_days.correct},
      {"mistakes", f.mistakes_total}, {"minutes", f.minutes},
      {"mean_predicted_recall", f.mean_predicted_recall}};
  for (const auto& [name, value] : numbers) summary.row({std::string(name), value});
  for (const RetentionRow& r : f.retention) {
    summary.row({"retention_" + r.period + "_young_passed", double(r.young.passed)});
    summary.row({"retention_" + r.period + "_young_failed", double(r.young.failed)});
    summary.row({"retention_" + r.period + "_mature_passed", double(r.mature.passed)});
    summary.row({"retention_" + r.period + "_mature_failed", double(r.mature.failed)});
  }
  for (std::size_t d = 0; d < f.forecast.size(); ++d) {
    summary.row({"forecast_" + core::iso_date_of_day(f.today + static_cast<std::int64_t>(d)), double(f.forecast[d])});
  }
  summary.row({std::string("mock_exams"), double(in.exams.size())});
  summary.row({std::string("mock_exams_passed"),
               double(std::count_if(in.exams.begin(), in.exams.end(), [](const ExamEntry& x) { return x.passed; }))});
  summary.row({std::string("card_events"), double(in.card_events.size())});
  summary.row({std::string("problem_reports"), double(std::count_if(in.card_events.begin(), in.card_events.end(),
                                                                     [](const CardEventEntry& e) { return e.kind == "report"; }))});
  for (const NotRecorded& n : kNotRecorded) summary.row({"not_recorded_" + std::string(n.key), std::string(n.text)});
}

/// Sheet "Mock exams": one row per attempt started in the period, oldest first.
void write_exams(lxw_workbook* book, const ReportInput& in, CutCells& cut) {
  Sheet sheet(book, "Mock exams", cut);
  sheet.header(texts({"started_at", "title", "preset", "practice", "questions", "correct", "score_percent",
                      "pass_mark_percent", "outcome", "timed_out", "time_taken_ms", "finished_at"}),
               16);
  for (const ExamEntry& x : in.exams) {
    const bool done = x.finished_at.has_value();
    const Cell none = std::monostate{};
    sheet.row({core::format_iso_utc(x.started_at), x.title, x.preset, x.practice ? 1.0 : 0.0, double(x.questions),
               done ? Cell(double(x.correct)) : none, done ? Cell(double(x.percent)) : none, double(x.pass_mark),
               std::string(x.outcome()), x.timed_out ? 1.0 : 0.0,
               done ? Cell(double(*x.time_taken_ms())) : none, iso_or_empty(x.finished_at)});
  }
}

/// Sheet "Card events": flags, problem reports and card actions of the period, oldest first,
/// in the words of the HTML report (core::card_event_words).
void write_card_events(lxw_workbook* book, const ReportInput& in, CutCells& cut) {
  Sheet sheet(book, "Card events", cut);
  sheet.header(texts({"at", "card_key", "prompt", "kind", "flag", "what", "note"}), 20);
  std::unordered_map<std::string_view, const CardEntry*> cards;
  for (const CardEntry& c : in.cards) cards.emplace(c.card_key, &c);
  for (const CardEventEntry& e : in.card_events) {
    const auto found = cards.find(e.card_key);
    sheet.row({core::format_iso_utc(e.at), e.card_key, found == cards.end() ? std::string() : found->second->prompt, e.kind,
               double(e.flag), core::card_event_words(e.kind, e.flag), e.note});
  }
}

void write_coverage(lxw_workbook* book, const Figures& f, CutCells& cut) {
  Sheet sheet(book, "Coverage", cut);
  sheet.header(texts({"bank_id", "bank_title", "topic", "cards", "not_started", "share_seen", "learning", "young",
                      "mature", "suspended", "mean_predicted_recall", "first_attempts", "first_attempts_correct",
                      "first_attempts_accuracy", "last_7_days", "last_7_days_correct", "last_7_days_accuracy",
                      "last_30_days", "last_30_days_correct", "last_30_days_accuracy"}),
               14);
  const auto put = [&](const CoverageRow& r) {
    sheet.row({r.bank_id, r.bank_title, r.topic, double(r.cards), double(r.not_started), r.share_seen(),
               double(r.learning), double(r.young), double(r.mature), double(r.suspended),
               r.cards == r.not_started ? Cell(std::monostate{}) : Cell(r.mean_predicted_recall),
               double(r.first_attempts.answered), double(r.first_attempts.correct), accuracy_cell(r.first_attempts),
               double(r.last_7_days.answered), double(r.last_7_days.correct), accuracy_cell(r.last_7_days),
               double(r.last_30_days.answered), double(r.last_30_days.correct), accuracy_cell(r.last_30_days)});
  };
  for (const CoverageRow& bank : f.banks) {
    put(bank);
    for (const CoverageRow& topic : f.topics) {
      if (topic.bank_id == bank.bank_id) put(topic);
    }
  }
}

void write_mistakes(lxw_workbook* book, const ReportInput& in, const Figures& f, CutCells& cut) {
  Sheet sheet(book, "Mistakes", cut);
  sheet.header(texts({"reviewed_at", "card_key", "prompt", "answer", "correct_answer", "answer_changed_since", "rating"}), 24);
  for (const Mistake& m : f.mistakes) {
    const CardEntry* c = m.card ? &in.cards[*m.card] : nullptr;
    sheet.row({core::format_iso_utc(m.reviewed_at), m.card_key, c != nullptr ? c->prompt : std::string(), m.answer,
               c != nullptr ? c->correct_answer : std::string(), m.key_changed ? 1.0 : 0.0,
               std::string(core::to_string(m.rating))});
  }
}

void write_rows(lxw_workbook* book, const ReportInput& in, CutCells& cut) {
  Sheet cards(book, "Cards", cut);
  cards.header(texts({"card_key", "bank_id", "question_id", "bank_title", "question_type", "prompt", "topics",
                      "retired", "state", "stability", "difficulty", "retrievability", "due", "last_review", "reps",
                      "lapses", "suspended", "correct_answer"}),
               16);
  for (const CardEntry& c : in.cards) {
    const core::CardSchedule& sc = c.schedule;
    cards.row({c.card_key, c.bank_id, c.question_id, c.bank_title, c.question_type, c.prompt, joined(c.topics),
               c.retired ? 1.0 : 0.0, std::string(core::to_string(sc.state)), sc.stability, sc.difficulty,
               c.retrievability, core::format_iso_utc(sc.due), iso_or_empty(sc.last_review), double(sc.reps),
               double(sc.lapses), c.suspended ? 1.0 : 0.0, c.correct_answer});
  }

  const std::vector<Cell> head = texts({"id", "card_key", "reviewed_at", "rating", "correct", "answer", "response_ms",
                                        "state_before", "state_after", "stability_after", "difficulty_after",
                                        "due_after"});
  int part = 1;
  auto sheet = std::make_unique<Sheet>(book, "Reviews", cut);
  sheet->header(head, 16);
  for_each_review(in, [&](const core::ReviewRecord& r) {
    if (sheet->rows() == kMaxRows) {  // a sheet is full: the log goes on in the next one
      sheet = std::make_unique<Sheet>(book, "Reviews " + std::to_string(++part), cut);
      sheet->header(head, 16);
    }
    sheet->row({num(r.id), r.card_key, core::format_iso_utc(r.reviewed_at), std::string(core::to_string(r.rating)),
                r.correct ? 1.0 : 0.0, r.answer, num(r.response_ms), std::string(core::to_string(r.before.state)),
                std::string(core::to_string(r.after.state)), r.after.stability, r.after.difficulty,
                core::format_iso_utc(r.after.due)});
  });
}

}  // namespace

std::vector<std::string> write_xlsx(const ReportInput& in, const std::string& path) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows are flushed to a temporary file as they are written
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (book == nullptr) throw std::runtime_error("cannot create " + path);
  std::string title = "Casebook progress report: " + core::valid_utf8(in.learner);
  lxw_doc_properties props{};
  props.title = title.data();
  props.created = static_cast<std::time_t>(in.generated_at / 1000);  // reproducible output
  workbook_set_properties(book, &props);
  CutCells cut;
  try {
    const Figures f = compute_figures(in);
    write_summary(book, in, f, cut);
    write_coverage(book, f, cut);
    write_mistakes(book, in, f, cut);
    write_exams(book, in, cut);
    write_card_events(book, in, cut);
    write_rows(book, in, cut);
  } catch (...) {
    workbook_close(book);
    throw;
  }
  const lxw_error e = workbook_close(book);
  if (e != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path + ": " + lxw_strerror(e));
  std::vector<std::string> warnings;
  if (cut.count > 0) {
    warnings.push_back("XLSX: " + std::to_string(cut.count) + (cut.count == 1 ? " cell was" : " cells were") +
                       " longer than a spreadsheet cell holds (32,767 characters) and cut, marked \"cut\" (first: " +
                       cut.first + "); the JSON report has the whole text");
  }
  return warnings;
}

}  // namespace casebook::report
