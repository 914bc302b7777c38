// Class report: exact statistics of the fixture (values from an independent Python
// computation of the definitions in docs/class-report.md), parsing errors, golden HTML.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "class_fixture.hpp"
#include "report/class_report.hpp"

namespace report = casebook::report;

namespace {

const report::QuestionStats& find(const report::ClassReport& r, const std::string& key) {
  for (const auto& q : r.questions) {
    if (q.card_key == key) return q;
  }
  throw std::runtime_error("no question " + key);
}

}  // namespace

TEST(ClassReport, AttemptsFacilityAndDiscrimination) {
  const auto r = report::compute_class_report(casebook::test::class_fixture());
  ASSERT_EQ(r.questions.size(), 6u);
  struct Expect {
    const char* key;
    int attempts, learners;
    double facility;
    std::optional<double> d;
  };
  const Expect expected[] = {
      {"b/q1", 6, 4, 50.0, -48.33682445228318},       {"b/q2", 4, 4, 50.0, 0.0},
      {"b/q3", 3, 3, 66.66666666666667, -82.19949365267864}, {"b/q4", 4, 4, 100.0, std::nullopt},
      {"b/q5", 3, 3, 33.333333333333336, -75.59289460184543}, {"b/q6", 2, 2, 0.0, std::nullopt},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.key);
    const auto& q = find(r, e.key);
    EXPECT_EQ(q.attempts, e.attempts);
    EXPECT_EQ(q.learners, e.learners);
    EXPECT_NEAR(q.facility, e.facility, 1e-9);
    ASSERT_EQ(q.discrimination.has_value(), e.d.has_value());
    if (e.d) {
      EXPECT_NEAR(*q.discrimination, *e.d, 1e-9);
    }
  }
  EXPECT_TRUE(find(r, "b/q4").too_easy);
  EXPECT_TRUE(find(r, "b/q6").too_hard);
  EXPECT_FALSE(find(r, "b/q5").too_hard);
  EXPECT_TRUE(find(r, "b/q1").negative_discrimination);
  EXPECT_FALSE(find(r, "b/q2").negative_discrimination);  // exactly 0 is not negative
  EXPECT_EQ(find(r, "b/q3").question_type, "multiple_response");
}

TEST(ClassReport, LearnersTable) {
  const auto r = report::compute_class_report(casebook::test::class_fixture());
  ASSERT_EQ(r.learners.size(), 4u);
  EXPECT_EQ(r.learners[0].learner, "ann");
  EXPECT_EQ(r.learners[0].questions, 6);
  EXPECT_EQ(r.learners[0].reviews, 7);
  EXPECT_EQ(r.learners[0].correct, 5);
  EXPECT_NEAR(r.learners[0].first_attempt_score, 66.66666666666667, 1e-9);
  EXPECT_EQ(r.learners[3].questions, 3);
  EXPECT_EQ(r.learners[3].correct, 1);
  EXPECT_NEAR(r.learners[3].first_attempt_score, 33.333333333333336, 1e-9);
}

TEST(ClassReport, DistractorPicks) {
  const auto plain = report::compute_class_report(casebook::test::class_fixture());
  const auto& q1 = find(plain, "b/q1");
  ASSERT_EQ(q1.answers.size(), 3u);
  EXPECT_EQ(q1.answers[0].answer, "2016");
  EXPECT_EQ(q1.answers[0].picks, 4);
  EXPECT_FALSE(q1.answers[0].correct.has_value());
  const auto& q3 = find(plain, "b/q3");
  ASSERT_EQ(q3.answers.size(), 3u);  // "a; c" counts a and c
  EXPECT_EQ(q3.answers[0].answer, "a");
  EXPECT_EQ(q3.answers[0].picks, 2);
  EXPECT_EQ(q3.answers[2].answer, "b");
  EXPECT_TRUE(find(plain, "b/q4").answers.empty());  // not a choice question

  const auto with_bank =
      report::compute_class_report(casebook::test::class_fixture(), casebook::test::class_fixture_choices());
  const auto& b1 = find(with_bank, "b/q1");
  ASSERT_EQ(b1.answers.size(), 4u);
  EXPECT_EQ(b1.answers[3].answer, "2020");
  EXPECT_EQ(b1.answers[3].picks, 0);
  EXPECT_EQ(b1.answers[3].correct, false);
  EXPECT_EQ(b1.answers[0].correct, true);
}

TEST(ClassReport, RejectsWhatIsNotAReport) {
  EXPECT_THROW((void)report::parse_learner_export("{", "x.json"), std::runtime_error);
  EXPECT_THROW((void)report::parse_learner_export(R"({"schema":"other","schema_version":1})", "x.json"),
               std::runtime_error);
  EXPECT_THROW((void)report::parse_learner_export(
                   R"({"schema":"casebook-report","schema_version":1,"reviews":[{"card_key":"a/b"}]})", "x.json"),
               std::runtime_error);
  const auto ok = report::parse_learner_export(
      R"({"schema":"casebook-report","schema_version":2,"learner":"z","reviews":[{"card_key":"a/b","correct":true,"answer":"x","extra":1}]})",
      "x.json");
  EXPECT_EQ(ok.reviews.size(), 1u);
}

TEST(ClassReport, GoldenHtml) {
  const auto r = report::compute_class_report(casebook::test::class_fixture(), casebook::test::class_fixture_choices());
  std::ostringstream html;
  report::write_class_html(r, html);
  const std::string golden = std::string(CASEBOOK_TEST_DATA) + "/golden/class.html";
  if (std::getenv("CASEBOOK_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << html.str();
  }
  std::ifstream in(golden, std::ios::binary);
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(html.str(), expected.str());
  EXPECT_EQ(html.str().find("<script>"), std::string::npos);
  EXPECT_NE(html.str().find("&lt;script&gt;cy&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.str().find("default-src 'none'"), std::string::npos);
}

namespace {

/// The message parse_learner_export throws for `json` ("" when it does not throw).
std::string parse_error(const std::string& json) {
  try {
    (void)report::parse_learner_export(json, "h.json");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return {};
}

}  // namespace

// Hostile inputs found by hand: a non-string schema threw nlohmann's type_error (a message
// without the file name, past the CLI's handler); a non-list `cards`, a non-object entry or a
// text `reviewed_at_ms` were accepted and gave a silently wrong report.
TEST(ClassReport, HostileSchemasNameFileAndPlace) {
  EXPECT_EQ(parse_error(R"({"schema":5})"),
            "h.json: not a casebook report (schema \"casebook-report\" expected); write one with `casebook report "
            "--format json`");
  EXPECT_EQ(parse_error(R"([1,2])").rfind("h.json: not a casebook report", 0), 0u);
  EXPECT_EQ(parse_error(R"({"schema":"casebook-report","schema_version":1,"cards":5})"), "h.json: `cards` is not a list");
  EXPECT_EQ(parse_error(R"({"schema":"casebook-report","schema_version":1,"cards":[{},5]})"),
            "h.json: `cards[1]` is not an object");
  EXPECT_EQ(parse_error(R"({"schema":"casebook-report","schema_version":1,"cards":[{"prompt":7}]})"),
            "h.json: cards[0]: `prompt` is not a string");
  EXPECT_EQ(parse_error(R"({"schema":"casebook-report","schema_version":1,"reviews":[{"card_key":"a/b","correct":true,"reviewed_at_ms":"soon"}]})"),
            "h.json: reviews[0]: `reviewed_at_ms` is not a whole number of milliseconds");
  EXPECT_EQ(parse_error(R"({"schema":"casebook-report","schema_version":1,"reviews":[{"correct":true}]})"),
            "h.json: reviews[0]: `card_key` is missing or empty");
  EXPECT_EQ(parse_error(R"({"schema":"casebook-report","schema_version":1,"reviews":[{"card_key":"a/b","correct":1}]})"),
            "h.json: reviews[0]: no boolean `correct`");
  EXPECT_EQ(parse_error(R"({"schema":"casebook-report","schema_version":1,"cards":null,"reviews":[]})"), "");
}

// One learner, and a learner with no review: figures are finite, D is undefined (not NaN).
TEST(ClassReport, OneLearnerAndZeroAttemptsGiveNoNaN) {
  const auto one = report::parse_learner_export(
      R"js({"schema":"casebook-report","schema_version":1,"learner":"=HYPERLINK(\"x\")","cards":[{"card_key":"b/q","question_type":"single_choice","prompt":"<b>p</b>"}],"reviews":[{"card_key":"b/q","correct":false,"answer":"=1+1","reviewed_at_ms":5}]})js",
      "one.json");
  const auto zero = report::parse_learner_export(R"({"schema":"casebook-report","schema_version":1,"learner":"z"})", "z.json");
  const auto rep = report::compute_class_report({one, zero}, {});
  ASSERT_EQ(rep.questions.size(), 1u);
  EXPECT_EQ(rep.questions[0].facility, 0.0);
  EXPECT_FALSE(rep.questions[0].discrimination.has_value());
  ASSERT_EQ(rep.learners.size(), 2u);
  EXPECT_EQ(rep.learners[1].first_attempt_score, 0.0);
  std::ostringstream html;
  report::write_class_html(rep, html);
  EXPECT_EQ(html.str().find("nan"), std::string::npos);
  EXPECT_NE(html.str().find("&lt;b&gt;p&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.str().find("=HYPERLINK(&quot;x&quot;)"), std::string::npos);
}

// Problem reports reach the instructor: a learner's JSON report lists its card events; the
// class report keeps the "report" ones (with the learner, the prompt and the comment, escaped)
// and ignores flags and the rest. A report written before card events existed has none.
TEST(ClassReport, ProblemReportsFromLearnersReports) {
  const auto ann = report::parse_learner_export(
      R"({"schema":"casebook-report","schema_version":3,"learner":"ann",
          "cards":[{"card_key":"b/q1","question_type":"numeric","prompt":"In which year?"}],
          "reviews":[{"card_key":"b/q1","correct":false,"answer":"2015","reviewed_at_ms":5}],
          "card_events":[{"card_key":"b/q1","at_ms":1717070400000,"kind":"report","flag":0,"note":"Both <2015> & 2016?"},
                         {"card_key":"b/q1","at_ms":1717070500000,"kind":"flag","flag":2,"note":"later"}]})",
      "ann.json");
  ASSERT_EQ(ann.problem_reports.size(), 1u);
  const auto old = report::parse_learner_export(
      R"({"schema":"casebook-report","schema_version":2,"learner":"bob","reviews":[]})", "bob.json");
  EXPECT_TRUE(old.problem_reports.empty());
  const auto r = report::compute_class_report({ann, old});
  ASSERT_EQ(r.problem_reports.size(), 1u);
  EXPECT_EQ(r.problem_reports[0].learner, "ann");
  EXPECT_EQ(r.problem_reports[0].card_key, "b/q1");
  EXPECT_EQ(r.problem_reports[0].prompt, "In which year?");
  EXPECT_EQ(r.problem_reports[0].at_ms, 1717070400000);
  EXPECT_EQ(r.problem_reports[0].comment, "Both <2015> & 2016?");
  std::ostringstream html;
  report::write_class_html(r, html);
  EXPECT_NE(html.str().find("<td dir=\"auto\">Both &lt;2015&gt; &amp; 2016?</td>"), std::string::npos) << html.str();
  EXPECT_NE(html.str().find("<td>2024-05-30T12:00:00.000Z</td>"), std::string::npos);
  EXPECT_EQ(html.str().find("later"), std::string::npos);
}
