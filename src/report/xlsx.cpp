// The XLSX report (libxlsxwriter): sheets Summary, Cards and Reviews. Text goes in string
// cells, which a spreadsheet never evaluates, so no formula neutralising is needed here.
#include <xlsxwriter.h>

#include <ctime>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "core/utf8.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

/// A cell: text, or a number (integers are stored as doubles, as Excel does).
using Cell = std::variant<std::string, double>;

class Sheet {
 public:
  Sheet(lxw_workbook* book, const char* name) : m_sheet(workbook_add_worksheet(book, name)) {
    if (m_sheet == nullptr) throw std::runtime_error(std::string("cannot add sheet ") + name);
  }
  void row(const std::vector<Cell>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error e = LXW_NO_ERROR;
      if (const auto* text = std::get_if<std::string>(&cells[c])) {
        const std::string value = detail::xlsx_cell_text(*text);
        if (!value.empty()) e = worksheet_write_string(m_sheet, m_row, col, value.c_str(), nullptr);
      } else {
        e = worksheet_write_number(m_sheet, m_row, col, std::get<double>(cells[c]), nullptr);
      }
      if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX: ") + lxw_strerror(e));
    }
    ++m_row;
  }
  void header(const std::vector<Cell>& cells, double width) {
    row(cells);
    worksheet_freeze_panes(m_sheet, 1, 0);
    worksheet_set_column(m_sheet, 0, static_cast<lxw_col_t>(cells.size() - 1), width, nullptr);
  }

 private:
  lxw_worksheet* m_sheet;
  lxw_row_t m_row = 0;
};

double num(std::int64_t v) { return static_cast<double>(v); }
std::string iso_or_empty(const std::optional<core::TimestampMs>& t) {
  return t ? core::format_iso_utc(*t) : std::string();
}
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

}  // namespace

void write_xlsx(const ReportInput& in, const std::string& path) {
  lxw_workbook_options options{};
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (book == nullptr) throw std::runtime_error("cannot create " + path);
  std::string title = "Casebook progress report: " + core::valid_utf8(in.learner);
  lxw_doc_properties props{};
  props.title = title.data();
  props.created = static_cast<std::time_t>(in.generated_at / 1000);  // reproducible output
  workbook_set_properties(book, &props);
  try {
    const Summary s = summarize(in);
    const Analytics a = analyze(in);
    Sheet summary(book, "Summary");
    summary.header({std::string("field"), std::string("value")}, 24);
    summary.row({std::string("schema_version"), 2.0});
    summary.row({std::string("learner"), in.learner});
    summary.row({std::string("generated_at"), core::format_iso_utc(in.generated_at)});
    summary.row({std::string("time_zone"), in.time_zone});
    summary.row({std::string("bank_filter"), in.bank_filter});
    const std::vector<std::pair<const char*, double>> numbers = {
        {"cards", s.cards},         {"seen", a.seen},
        {"learning", a.learning},   {"young", a.young},
        {"mature", a.mature},       {"retired", a.retired},
        {"due_now", s.due_now},     {"reviews", s.reviews},
        {"correct", s.correct},     {"accuracy", s.accuracy},
        {"mean_retrievability", s.mean_retrievability}};
    for (const auto& [name, value] : numbers) summary.row({std::string(name), value});
    for (const RetentionRow& r : a.retention) {
      summary.row({"retention_" + r.period + "_young_passed", double(r.young.passed)});
      summary.row({"retention_" + r.period + "_young_failed", double(r.young.failed)});
      summary.row({"retention_" + r.period + "_mature_passed", double(r.mature.passed)});
      summary.row({"retention_" + r.period + "_mature_failed", double(r.mature.failed)});
    }
    for (std::size_t d = 0; d < a.forecast.size(); ++d) {
      summary.row({"forecast_" + core::iso_date_of_day(a.today + static_cast<std::int64_t>(d)), double(a.forecast[d])});
    }

    Sheet cards(book, "Cards");
    cards.header({std::string("card_key"), std::string("bank_id"), std::string("question_id"),
                  std::string("bank_title"), std::string("question_type"), std::string("prompt"),
                  std::string("topics"), std::string("retired"), std::string("state"),
                  std::string("stability"), std::string("difficulty"), std::string("retrievability"),
                  std::string("due"), std::string("last_review"), std::string("reps"), std::string("lapses")},
                 16);
    for (const CardEntry& c : in.cards) {
      const core::CardSchedule& sc = c.schedule;
      cards.row({c.card_key, c.bank_id, c.question_id, c.bank_title, c.question_type, c.prompt, joined(c.topics),
                 c.retired ? 1.0 : 0.0, std::string(core::to_string(sc.state)), sc.stability, sc.difficulty,
                 c.retrievability, core::format_iso_utc(sc.due), iso_or_empty(sc.last_review), double(sc.reps),
                 double(sc.lapses)});
    }

    Sheet reviews(book, "Reviews");
    reviews.header({std::string("id"), std::string("card_key"), std::string("reviewed_at"), std::string("rating"),
                    std::string("correct"), std::string("answer"), std::string("response_ms"),
                    std::string("state_before"), std::string("state_after"), std::string("stability_after"),
                    std::string("difficulty_after"), std::string("due_after")},
                   16);
    for (const core::ReviewRecord& r : in.reviews) {
      reviews.row({num(r.id), r.card_key, core::format_iso_utc(r.reviewed_at), std::string(core::to_string(r.rating)),
                   r.correct ? 1.0 : 0.0, r.answer, num(r.response_ms), std::string(core::to_string(r.before.state)),
                   std::string(core::to_string(r.after.state)), r.after.stability, r.after.difficulty,
                   core::format_iso_utc(r.after.due)});
    }
  } catch (...) {
    workbook_close(book);
    throw;
  }
  const lxw_error e = workbook_close(book);
  if (e != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path + ": " + lxw_strerror(e));
}

}  // namespace casebook::report
