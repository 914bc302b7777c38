// The class report as an XLSX workbook (libxlsxwriter): sheets Questions, Answers, Learners,
// Problem reports.
#include <xlsxwriter.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "core/time.hpp"
#include "report/class_report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

struct BookCloser {
  void operator()(lxw_workbook* b) const {
    if (b != nullptr) workbook_close(b);
  }
};

void check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX: ") + lxw_strerror(e));
}

/// Writes text as a string cell (never a formula); empty text leaves the cell blank.
void text(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, const std::string& value) {
  const std::string v = detail::xlsx_cell_text(value);
  if (!v.empty()) check(worksheet_write_string(s, r, c, v.c_str(), nullptr));
}

void number(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, double value) {
  check(worksheet_write_number(s, r, c, value, nullptr));
}

void header(lxw_worksheet* s, std::initializer_list<const char*> names) {
  lxw_col_t c = 0;
  for (const char* n : names) text(s, 0, c++, n);
}

}  // namespace

void write_class_xlsx(const ClassReport& report, const std::string& path) {
  std::unique_ptr<lxw_workbook, BookCloser> book(workbook_new(path.c_str()));
  if (!book) throw std::runtime_error("cannot create " + path);
  lxw_worksheet* qs = workbook_add_worksheet(book.get(), "Questions");
  lxw_worksheet* as = workbook_add_worksheet(book.get(), "Answers");
  lxw_worksheet* ls = workbook_add_worksheet(book.get(), "Learners");
  lxw_worksheet* ps = workbook_add_worksheet(book.get(), "Problem reports");
  if (qs == nullptr || as == nullptr || ls == nullptr || ps == nullptr) throw std::runtime_error("XLSX: cannot add a sheet");
  header(qs, {"card_key", "question_type", "prompt", "attempts", "learners", "facility", "discrimination",
              "too_easy", "too_hard", "negative_discrimination"});
  header(as, {"card_key", "answer", "picks", "correct"});
  header(ls, {"learner", "questions", "reviews", "correct", "first_attempt_score"});
  header(ps, {"card_key", "prompt", "learner", "reported_at", "comment"});
  lxw_row_t row = 1;
  lxw_row_t arow = 1;
  for (const auto& q : report.questions) {
    text(qs, row, 0, q.card_key);
    text(qs, row, 1, q.question_type);
    text(qs, row, 2, q.prompt);
    number(qs, row, 3, q.attempts);
    number(qs, row, 4, q.learners);
    number(qs, row, 5, q.facility);
    if (q.discrimination) number(qs, row, 6, *q.discrimination);
    number(qs, row, 7, q.too_easy ? 1 : 0);
    number(qs, row, 8, q.too_hard ? 1 : 0);
    number(qs, row, 9, q.negative_discrimination ? 1 : 0);
    ++row;
    for (const auto& a : q.answers) {
      text(as, arow, 0, q.card_key);
      text(as, arow, 1, a.answer);
      number(as, arow, 2, a.picks);
      if (a.correct) text(as, arow, 3, *a.correct ? "correct" : "distractor");
      ++arow;
    }
  }
  row = 1;
  for (const auto& l : report.learners) {
    text(ls, row, 0, l.learner);
    number(ls, row, 1, l.questions);
    number(ls, row, 2, l.reviews);
    number(ls, row, 3, l.correct);
    number(ls, row, 4, l.first_attempt_score);
    ++row;
  }
  row = 1;
  for (const auto& p : report.problem_reports) {  // by card key, then time
    text(ps, row, 0, p.card_key);
    text(ps, row, 1, p.prompt);
    text(ps, row, 2, p.learner);
    text(ps, row, 3, core::format_iso_utc(p.at_ms));
    text(ps, row, 4, p.comment);
    ++row;
  }
  const lxw_error e = workbook_close(book.release());
  if (e != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path + ": " + lxw_strerror(e));
}

}  // namespace casebook::report
