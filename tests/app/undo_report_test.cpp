// Issue 11 and 13: a review taken back by an undo is left out of every report, and the xAPI
// export takes its statement back with a "voided" statement (the statement may have reached
// a learning record store before the undo).
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "app/controller.hpp"
#include "cli/cli.hpp"
#include "report/class_report.hpp"
#include "report/report.hpp"
#include "storage/progress.hpp"
#include "report_support.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

nlohmann::json report_of(const std::string& db, const std::string& format, const std::string& out, core::TimestampMs now) {
  return casebook::test::alice_report(db, {casebook::test::small_bank_path()}, format, out, now);
}

}  // namespace

TEST(UndoInReports, VoidedReviewIsLeftOutAndXapiVoidsItsStatement) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  const std::string db = dir.file("progress.sqlite3");
  std::string kept, voided;
  core::TimestampMs voided_review_at = 0, undone_at = 0;
  {
    app::Controller c(test_config(db, now));
    c.dispatch(app::StartSession{});
    for (int i = 0; i < 2; ++i) {
      ASSERT_NE(c.study(), nullptr);
      (i == 0 ? kept : voided) = c.study()->card.card_key;
      *now += 2000;
      c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
      if (i == 1) voided_review_at = *now;  // the review's time is the answer's submission
      *now += 500;
      c.dispatch(app::Rate{core::Rating::Good});
    }
    *now += 1000;
    undone_at = *now;
    c.dispatch(app::Undo{});
    ASSERT_EQ(c.study()->card.card_key, voided);
  }
  {
    casebook::storage::Progress p(db, casebook::storage::Progress::Access::ReadOnly);
    ASSERT_EQ(p.voided_reviews("alice").size(), 1u);
    voided_review_at = p.voided_reviews("alice")[0].reviewed_at;
    EXPECT_EQ(p.voided_reviews("alice")[0].voided_at, undone_at);
  }

  const auto json = report_of(db, "json", dir.file("r.json"), *now);
  ASSERT_EQ(json.at("reviews").size(), 1u);
  EXPECT_EQ(json.at("reviews")[0].at("card_key"), kept);
  // The answer was given against the bank's version at the time (schema 7).
  EXPECT_EQ(json.at("reviews")[0].at("bank_version"), json.at("banks")[0].at("version"));
  EXPECT_FALSE(json.at("banks")[0].at("version").get<std::string>().empty());

  const auto xapi = report_of(db, "xapi", dir.file("r.xapi.json"), *now);
  ASSERT_EQ(xapi.size(), 2u);  // the kept review's statement, then the voiding statement
  EXPECT_EQ(xapi[0].at("verb").at("id"), "http://adlnet.gov/expapi/verbs/answered");
  EXPECT_EQ(xapi[0].at("id"), casebook::report::xapi_statement_id("alice", kept, json.at("reviews")[0].at("reviewed_at_ms")));
  const auto& v = xapi[1];
  EXPECT_EQ(v.at("verb").at("id"), "http://adlnet.gov/expapi/verbs/voided");
  EXPECT_EQ(v.at("object"), (nlohmann::json{{"objectType", "StatementRef"},
                                             {"id", casebook::report::xapi_statement_id("alice", voided, voided_review_at)}}));
  EXPECT_EQ(v.at("actor"), xapi[0].at("actor"));
  EXPECT_EQ(v.at("timestamp"), core::format_iso_utc(undone_at));
  // Deterministic: the same export gives the same voiding statement.
  EXPECT_EQ(report_of(db, "xapi", dir.file("again.xapi.json"), *now)[1], v);
}

// Card actions reach the reports (issue 12): a problem report and a flag made in a session are
// in the JSON report's card_events, in time order, with the comment and the note.
TEST(CardActionsInReports, ProblemReportAndFlagAreListed) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  const std::string db = dir.file("progress.sqlite3");
  std::string key;
  {
    app::Controller c(test_config(db, now));
    c.dispatch(app::StartSession{});
    ASSERT_NE(c.study(), nullptr);
    key = c.study()->card.card_key;
    c.dispatch(app::ApplyCardAction{app::CardActionKind::Report, "", 0, "The date looks wrong"});
    *now += 1000;
    c.dispatch(app::ApplyCardAction{app::CardActionKind::Flag, key, 3, "ask in class"});
  }
  const auto json = report_of(db, "json", dir.file("r.json"), *now);
  ASSERT_EQ(json.at("card_events").size(), 2u) << json.at("card_events").dump();
  EXPECT_EQ(json.at("card_events")[0],
            (nlohmann::json{{"card_key", key}, {"at", core::format_iso_utc(kTestNow)}, {"at_ms", kTestNow},
                            {"kind", "report"}, {"flag", 0}, {"note", "The date looks wrong"}}));
  EXPECT_EQ(json.at("card_events")[1].at("kind"), "flag");
  EXPECT_EQ(json.at("card_events")[1].at("flag"), 3);
  EXPECT_EQ(json.at("card_events")[1].at("note"), "ask in class");
  // The class report of this learner's report lists the problem for the instructor.
  std::ifstream in(dir.file("r.json"));
  std::stringstream text;
  text << in.rdbuf();
  const auto cls = casebook::report::compute_class_report({casebook::report::parse_learner_export(text.str(), "r.json")});
  ASSERT_EQ(cls.problem_reports.size(), 1u);
  EXPECT_EQ(cls.problem_reports[0].comment, "The date looks wrong");
  EXPECT_EQ(cls.problem_reports[0].learner, "alice");
}
