// Issue 13: mock exam attempts in the reports, read from a real progress file by
// gather_report, limited to the report's period, learner and bank.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <memory>
#include <sstream>
#include <string>

#include "app/report_export.hpp"
#include "report/report.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace report = casebook::report;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::TempDir;

namespace {

constexpr core::TimestampMs kDay = 86'400'000;

/// Stores an attempt of `learner` over `keys` started at `at`; handed in after 10 min 30 s
/// with `correct` right when `correct` >= 0, else left unfinished.
void exam(storage::Progress& p, const std::string& learner, const std::string& title,
          const std::vector<std::string>& keys, core::TimestampMs at, int correct, bool practice = false) {
  storage::ExamAttemptRow a;
  a.learner = learner;
  a.title = title;
  a.preset = keys.front().substr(0, keys.front().find('/')) + "/final";
  a.practice = practice;
  a.pass_mark = 60;
  a.started_at = at;
  for (const auto& k : keys) a.questions.push_back({k, "basics"});
  a.id = p.start_exam(a);
  if (correct < 0) return;
  std::vector<storage::ExamAnswerRow> answers;
  for (int i = 0; i < static_cast<int>(keys.size()); ++i) {
    answers.push_back({i, true, i < correct, i < correct ? 1.0 : 0.0, "x", std::nullopt});
  }
  const int total = static_cast<int>(keys.size());
  const int percent = 100 * correct / total;
  p.finish_exam(a.id, answers, {at + 630'000, correct, total, percent, percent >= 60, false},
                [](const auto&, const auto&, const auto&, const auto&) { return std::nullopt; });
}

nlohmann::json json_report(const std::string& db, const std::string& learner, const std::string& bank,
                           const std::string& from, const std::string& to) {
  app::ReportRequest r;
  r.db_path = db;
  r.bank_paths = {casebook::test::small_bank_path()};
  r.learner = learner;
  r.bank_filter = bank;
  r.from = from;
  r.to = to;
  r.now = kTestNow + 10 * kDay;
  std::ostringstream out;
  report::write_json(app::gather_report(r).input, out);
  return nlohmann::json::parse(out.str());
}

}  // namespace

TEST(ExamsInReports, AttemptsOfThePeriodLearnerAndBank) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  {
    storage::Progress p(db);
    exam(p, "alice", "Final", {"test-small/q1", "test-small/q2", "test-small/q3", "test-small/q4", "test-small/q5"},
         kTestNow, 4);                                                                      // day 0: 80 %, passed
    exam(p, "alice", "Practice", {"test-small/q1", "test-small/q2"}, kTestNow + 2 * kDay, 1, true);  // day 2: 50 %
    exam(p, "alice", "Other bank", {"other/q1"}, kTestNow + 3 * kDay, 1);                   // day 3: another bank
    exam(p, "alice", "Interrupted", {"test-small/q1"}, kTestNow + 4 * kDay, -1);           // day 4: not handed in
    exam(p, "bob", "Bob's", {"test-small/q1"}, kTestNow + kDay, 1);                        // another learner
  }
  const auto all = json_report(db, "alice", "", "", "");
  ASSERT_EQ(all.at("mock_exams").size(), 4u) << all.at("mock_exams").dump(1);
  const auto& first = all.at("mock_exams")[0];
  EXPECT_EQ(first.at("title"), "Final");
  EXPECT_EQ(first.at("preset"), "test-small/final");
  EXPECT_EQ(first.at("started_at"), core::format_iso_utc(kTestNow));
  EXPECT_EQ(first.at("questions"), 5);
  EXPECT_EQ(first.at("correct"), 4);
  EXPECT_EQ(first.at("score_percent"), 80);
  EXPECT_EQ(first.at("pass_mark_percent"), 60);
  EXPECT_EQ(first.at("outcome"), "passed");
  EXPECT_EQ(first.at("time_taken_ms"), 630'000);
  EXPECT_EQ(first.at("practice"), false);
  EXPECT_EQ(all.at("mock_exams")[1].at("outcome"), "failed");
  EXPECT_EQ(all.at("mock_exams")[1].at("practice"), true);
  EXPECT_EQ(all.at("mock_exams")[3].at("outcome"), "not handed in");
  EXPECT_TRUE(all.at("mock_exams")[3].at("score_percent").is_null());
  EXPECT_TRUE(all.at("not_recorded").empty());

  // The bank filter keeps the attempts that drew a card of the bank.
  const auto bank = json_report(db, "alice", "test-small", "", "");
  ASSERT_EQ(bank.at("mock_exams").size(), 3u);
  for (const auto& e : bank.at("mock_exams")) EXPECT_NE(e.at("title"), "Other bank");

  // The period: attempts started in it (dates are UTC study days here; `to` includes its day).
  const std::string day1 = core::format_iso_utc(kTestNow + kDay).substr(0, 10);
  const std::string day3 = core::format_iso_utc(kTestNow + 3 * kDay).substr(0, 10);
  const auto period = json_report(db, "alice", "", day1, day3);
  ASSERT_EQ(period.at("mock_exams").size(), 2u);
  EXPECT_EQ(period.at("mock_exams")[0].at("title"), "Practice");
  EXPECT_EQ(period.at("mock_exams")[1].at("title"), "Other bank");

  // Another learner's attempts are theirs alone.
  const auto bob = json_report(db, "bob", "", "", "");
  ASSERT_EQ(bob.at("mock_exams").size(), 1u);
  EXPECT_EQ(bob.at("mock_exams")[0].at("title"), "Bob's");
}

// A new user's report: Home counted 150 cards for "All course banks", the statistics and the
// reports 187, the bundled template bank's cards among them though never studied. The
// syllabus of a report is Home's: course banks, and an example or template bank once studied
// or when asked for by id.
TEST(ReportScope, ATemplateBankCountsOnceStudiedOrWhenAskedFor) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  const std::string banks = std::string(CASEBOOK_SOURCE_DIR) + "/question_banks";
  const std::string tmpl = "template-interpol-notices";
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  const auto of_bank = [&](const app::GatheredReport& g, const std::string& bank) {
    return std::count_if(g.input.cards.begin(), g.input.cards.end(), [&](const report::CardEntry& e) { return e.bank_id == bank; });
  };
  app::Controller c(casebook::test::test_config(db, now, {banks}));
  c.dispatch(app::StartSession{});  // all course banks: one card answered
  ASSERT_EQ(c.screen(), app::Screen::Study) << c.message();
  c.dispatch(app::SubmitAnswer{casebook::test::make_answer(casebook::test::shown_question(c), true)});
  c.dispatch(app::Rate{core::Rating::Good});
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  int course_cards = 0;
  for (const auto& b : c.home().banks) course_cards += b.id == tmpl ? 0 : b.total;
  app::ReportRequest request;
  request.db_path = db;
  request.bank_paths = {banks};
  request.learner = c.config().learner;
  request.now = *now;
  request.base = app::base_study_options(c.config());
  const app::GatheredReport before = app::gather_report(request);
  EXPECT_EQ(of_bank(before, tmpl), 0);
  EXPECT_EQ(static_cast<int>(before.input.cards.size()), course_cards);  // Home's "All course banks"
  request.bank_filter = tmpl;
  EXPECT_GT(of_bank(app::gather_report(request), tmpl), 0);  // asked for by id
  request.bank_filter.clear();
  c.dispatch(app::StartSession{app::StudyScope{tmpl, ""}});  // the template bank, chosen on Home
  ASSERT_EQ(c.screen(), app::Screen::Study) << c.message();
  c.dispatch(app::SubmitAnswer{casebook::test::make_answer(casebook::test::shown_question(c), true)});
  c.dispatch(app::Rate{core::Rating::Good});
  c.dispatch(app::LeaveSession{});
  const app::GatheredReport after = app::gather_report(request);
  EXPECT_GT(of_bank(after, tmpl), 1);  // once studied: every card of it, started or not
}
