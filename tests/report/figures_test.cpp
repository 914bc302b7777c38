// Tests for the report figures (counts, coverage, accuracy, true retention, activity,
// forecast, mistakes, weakest cards), the xAPI statements and the goldens of the rich fixture.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "fixture.hpp"
#include "report/class_report.hpp"
#include "report/figures.hpp"
#include "report/report.hpp"

namespace fs = std::filesystem;
namespace report = casebook::report;
namespace core = casebook::core;
using namespace casebook::report::testing;

namespace {

template <typename Writer>
std::string written(Writer w, const report::ReportInput& in) {
  std::ostringstream out;
  w(in, out);
  return out.str();
}

void expect_cell(const report::RetentionCell& c, int passed, int failed) {
  EXPECT_EQ(c.passed, passed);
  EXPECT_EQ(c.failed, failed);
}

}  // namespace

TEST(FiguresTest, CountsCardsByMaturity) {
  const report::Figures a = report::compute_figures(rich_input());
  EXPECT_EQ(a.started, 5);   // every card but the new Cyrillic one
  EXPECT_EQ(a.learning, 2);  // learning + relearning
  EXPECT_EQ(a.young, 1);     // lurk (12 days); the retired "gone" (3 days) is not of the syllabus
  EXPECT_EQ(a.mature, 1);    // rtl (30 days)
  EXPECT_EQ(a.retired, 1);
  // The summary's "Started" (the syllabus's started cards) is learning + young + mature.
  EXPECT_EQ(a.syllabus - a.not_started, a.learning + a.young + a.mature);
  EXPECT_EQ(a.today_date, "2024-06-01");
}

TEST(FiguresTest, TrueRetentionCountsOnlyReviewStateCardsByBand) {
  const report::Figures a = report::compute_figures(rich_input());
  ASSERT_EQ(a.retention.size(), 6u);
  EXPECT_EQ(a.retention[0].period, "today");
  expect_cell(a.retention[0].young, 0, 1);
  expect_cell(a.retention[0].mature, 1, 0);
  EXPECT_EQ(a.retention[1].period, "yesterday");  // the review a day ago was of a learning card
  expect_cell(a.retention[1].young, 0, 0);
  expect_cell(a.retention[1].mature, 0, 0);
  EXPECT_EQ(a.retention[2].period, "last_week");
  expect_cell(a.retention[2].young, 1, 1);
  expect_cell(a.retention[2].mature, 1, 1);
  EXPECT_EQ(a.retention[3].period, "last_month");
  expect_cell(a.retention[3].young, 1, 1);
  expect_cell(a.retention[3].mature, 2, 1);
  EXPECT_EQ(a.retention[4].period, "last_year");
  expect_cell(a.retention[4].young, 1, 2);
  expect_cell(a.retention[4].mature, 2, 1);
  EXPECT_EQ(a.retention[5].period, "all_time");
  expect_cell(a.retention[5].young, 1, 2);
  EXPECT_DOUBLE_EQ(a.retention[5].mature.retention(), 2.0 / 3.0);
}

TEST(FiguresTest, DailyActivityForecastTopicsAndWeakest) {
  const report::ReportInput in = rich_input();
  const report::Figures a = report::compute_figures(in);
  ASSERT_EQ(a.days.size(), 8u);
  EXPECT_EQ(a.days.front().date, "2024-04-22");
  EXPECT_EQ(a.days.front().reviews, 1);
  EXPECT_DOUBLE_EQ(a.days.front().minutes, 61000.0 / 60000.0);
  EXPECT_EQ(a.days.back().date, "2024-06-01");
  EXPECT_EQ(a.days.back().reviews, 5);
  EXPECT_DOUBLE_EQ(a.days.back().minutes, 27250.0 / 60000.0);

  ASSERT_EQ(a.forecast.size(), 30u);
  EXPECT_EQ(a.forecast[0], 3);   // two overdue cards and the learning card due in 10 minutes
  EXPECT_EQ(a.forecast[20], 1);  // rtl, due in 20 days; the retired card is never forecast
  int total = 0;
  for (int n : a.forecast) total += n;
  EXPECT_EQ(total, 4);

  // Topics per bank (bank id, then title); predicted recall over started cards only.
  ASSERT_EQ(a.topics.size(), 5u);
  EXPECT_EQ(a.topics[0].bank_id, "hostile");
  EXPECT_EQ(a.topics[0].topic, "<b>Hostile</b> & \"topic\"");
  EXPECT_EQ(a.topics[0].cards, 2);
  EXPECT_EQ(a.topics[0].suspended, 1);
  EXPECT_DOUBLE_EQ(a.topics[0].mean_predicted_recall, (0.95 + 0.5) / 2);
  EXPECT_EQ(a.topics[1].bank_id, "rtl");
  EXPECT_EQ(a.topics[1].topic, "(no topic)");
  EXPECT_DOUBLE_EQ(a.topics[1].mean_predicted_recall, 0.9731);
  EXPECT_EQ(a.topics[2].topic, "Cybercrime");  // ru-bank: one card, not started
  EXPECT_EQ(a.topics[2].not_started, 1);
  EXPECT_EQ(a.topics[2].mean_predicted_recall, 0.0);
  EXPECT_EQ(a.topics[3].bank_id, "soldatov-2021");
  EXPECT_EQ(a.topics[3].topic, "Cooperation");  // lurk (started) and not-yet (not started)
  EXPECT_EQ(a.topics[3].cards, 2);
  EXPECT_EQ(a.topics[3].not_started, 1);
  EXPECT_DOUBLE_EQ(a.topics[3].share_seen(), 0.5);
  EXPECT_DOUBLE_EQ(a.topics[3].mean_predicted_recall, 0.876543219);
  EXPECT_EQ(a.topics[4].topic, "Cybercrime");

  ASSERT_EQ(a.weakest.size(), 3u);
  EXPECT_EQ(in.cards[a.weakest[0].card].card_key, "old-bank/gone");
  EXPECT_TRUE(a.weakest[0].leech);
  EXPECT_EQ(in.cards[a.weakest[1].card].card_key, "hostile/formula");
  EXPECT_FALSE(a.weakest[1].leech);
  EXPECT_EQ(a.weakest[2].lapses, 1);
}

TEST(FiguresTest, TopicRowsFollowTheBanksOwnOrderThenTitles) {
  // Without a bank's topic list, by title (above); with it, in its order, and a title it does
  // not list (here Cooperation, when only Cybercrime is listed) after the listed ones.
  report::ReportInput in = rich_input();
  ASSERT_EQ(in.banks[3].id, "soldatov-2021");
  const auto soldatov_topics = [](const report::Figures& f) {
    std::vector<std::string> out;
    for (const auto& row : f.topics) {
      if (row.bank_id == "soldatov-2021") out.push_back(row.topic);
    }
    return out;
  };
  EXPECT_EQ(soldatov_topics(report::compute_figures(in)), (std::vector<std::string>{"Cooperation", "Cybercrime"}));
  in.banks[3].topics = {"Cybercrime", "Cooperation"};
  EXPECT_EQ(soldatov_topics(report::compute_figures(in)), (std::vector<std::string>{"Cybercrime", "Cooperation"}));
  in.banks[3].topics = {"Cybercrime"};
  EXPECT_EQ(soldatov_topics(report::compute_figures(in)), (std::vector<std::string>{"Cybercrime", "Cooperation"}));
  in.banks[3].topics = {"Elsewhere", "Cooperation"};
  EXPECT_EQ(soldatov_topics(report::compute_figures(in)), (std::vector<std::string>{"Cooperation", "Cybercrime"}));
  // Another bank's list does not order this bank's rows.
  in.banks[3].topics.clear();
  in.banks[0].topics = {"Cybercrime", "Cooperation"};
  EXPECT_EQ(soldatov_topics(report::compute_figures(in)), (std::vector<std::string>{"Cooperation", "Cybercrime"}));
}

TEST(FiguresTest, UnknownZoneFallsBackToUtcDays) {
  report::ReportInput in = rich_input();
  in.time_zone = "Not/AZone";
  in.rollover_hour = 0;
  EXPECT_EQ(report::compute_figures(in).today_date, "2024-06-01");
}

TEST(XapiTest, UuidV5MatchesRfc4122Examples) {
  // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), an independent implementation.
  EXPECT_EQ(report::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  EXPECT_EQ(report::uuid_v5("3f0f9b52-6a4e-4c1d-9f3b-2d8e61c7a915", "ann\nb/q\n1717243200000"),
            "c9826f5a-0fb1-509e-8c59-718ab11c8abf");
  EXPECT_EQ(report::uuid_v5("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");  // either case of namespace
  EXPECT_EQ(report::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", ""), "4ebd0208-8328-5d69-8c44-ec50939c0967");
  EXPECT_EQ(report::uuid_v5("3f0f9b52-6a4e-4c1d-9f3b-2d8e61c7a915", "\xD0\x90\xD0\xBD\xC3\xA9"),
            "b93e09ec-653a-52d0-b9d4-32e43c2a01f1");  // the UTF-8 bytes of a name
  EXPECT_THROW((void)report::uuid_v5("not-a-uuid", "x"), std::invalid_argument);
  EXPECT_THROW((void)report::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c", "x"), std::invalid_argument);
}

TEST(XapiTest, InteractionTypesMapEveryQuestionType) {
  EXPECT_EQ(report::xapi_interaction_type("single_choice"), "choice");
  EXPECT_EQ(report::xapi_interaction_type("multiple_response"), "choice");
  EXPECT_EQ(report::xapi_interaction_type("true_false"), "true-false");
  EXPECT_EQ(report::xapi_interaction_type("short_answer"), "fill-in");
  EXPECT_EQ(report::xapi_interaction_type("numeric"), "numeric");
  EXPECT_EQ(report::xapi_interaction_type("ordering"), "sequencing");
  EXPECT_EQ(report::xapi_interaction_type("matching"), "matching");
  EXPECT_EQ(report::xapi_interaction_type("dilemma"), "long-fill-in");
  EXPECT_EQ(report::xapi_interaction_type(""), "other");
}

TEST(XapiTest, StatementsAreCompleteAndIdsDeterministic) {
  const report::ReportInput in = rich_input();
  const std::string first = written(report::write_xapi, in);
  EXPECT_EQ(first, written(report::write_xapi, in));  // a second export is identical
  const nlohmann::json doc = nlohmann::json::parse(first);
  // The voiding statements after the answers, then one "commented" statement per problem report.
  ASSERT_EQ(doc.size(), in.reviews.size() + in.voided.size() + 1);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < in.reviews.size(); ++i) {
    const auto& s = doc[i];
    const auto& r = in.reviews[i];
    ids.insert(s.at("id").get<std::string>());
    EXPECT_EQ(s.at("id").get<std::string>()[14], '5');  // version nibble
    EXPECT_EQ(s.at("verb").at("id"), "http://adlnet.gov/expapi/verbs/answered");
    EXPECT_EQ(s.at("actor").at("account").at("name"), r.learner);
    EXPECT_EQ(s.at("object").at("definition").at("type"), "http://adlnet.gov/expapi/activities/cmi.interaction");
    EXPECT_EQ(s.at("result").at("response"), r.answer);  // hostile answers intact (no question: the text)
    EXPECT_EQ(s.at("result").at("success").get<bool>(), r.correct);
    EXPECT_EQ(casebook::core::parse_iso(s.at("timestamp").get<std::string>()), r.reviewed_at);
  }
  for (std::size_t i = 0; i < in.voided.size(); ++i) {
    const auto& s = doc[in.reviews.size() + i];
    const auto& v = in.voided[i];
    ids.insert(s.at("id").get<std::string>());
    EXPECT_EQ(s.at("verb").at("id"), "http://adlnet.gov/expapi/verbs/voided");
    EXPECT_EQ(s.at("object").at("id"), report::xapi_statement_id(v.learner, v.card_key, v.reviewed_at));
    EXPECT_EQ(casebook::core::parse_iso(s.at("timestamp").get<std::string>()), v.voided_at);
  }
  const auto& problem = doc.back();
  ids.insert(problem.at("id").get<std::string>());
  EXPECT_EQ(problem.at("verb").at("id"), "http://adlnet.gov/expapi/verbs/commented");
  EXPECT_EQ(problem.at("object").at("id"), "https://casebook.invalid/xapi/cards/rtl/group-name");
  EXPECT_EQ(problem.at("result").at("response"), "The answer <b>is</b> spelt two ways & both count?");
  EXPECT_EQ(problem.at("timestamp"), "2024-05-30T12:00:00.000Z");
  EXPECT_EQ(problem.at("id"), report::xapi_problem_report_statement_id(in.learner, in.card_events[1]));
  EXPECT_EQ(ids.size(), doc.size());
  // The review of the Lurk card: 4.2 s, numeric, English prompt.
  const auto& lurk = doc[4];
  EXPECT_EQ(lurk.at("context").at("contextActivities").at("parent")[0].at("id"),
            "https://casebook.invalid/xapi/banks/soldatov-2021");
  EXPECT_EQ(lurk.at("result").at("extensions").at("https://casebook.invalid/xapi/extensions/answer"), "2016");
  EXPECT_EQ(lurk.at("result").at("duration"), "PT4.2S");
  EXPECT_EQ(lurk.at("object").at("definition").at("interactionType"), "numeric");
  EXPECT_EQ(lurk.at("object").at("id"), "https://casebook.invalid/xapi/cards/soldatov-2021/lurk-arrests-year");
  EXPECT_EQ(lurk.at("object").at("definition").at("name").at("en"), in.cards[0].prompt);
  EXPECT_EQ(doc[7].at("result").at("duration"), "PT0S");
  // The retired card keeps its history; its activity is named by its key.
  EXPECT_EQ(doc[0].at("object").at("definition").at("name").at("und"), "old-bank/gone");
  EXPECT_EQ(doc[0].at("object").at("definition").at("interactionType"), "other");
}

TEST(RichGoldenTest, EveryTextFormatMatches) {
  const report::ReportInput in = rich_input();
  expect_golden("rich.csv", written(report::write_csv, in));
  expect_golden("rich.json", written(report::write_json, in));
  expect_golden("rich.html", written(report::write_html, in));
  expect_golden("rich.xapi.json", written(report::write_xapi, in));
}

TEST(RichGoldenTest, HtmlHasChartsRetiredMarkAndNoScript) {
  const std::string html = written(report::write_html, rich_input());
  EXPECT_NE(html.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_NE(html.find("<span class=\"retired\""), std::string::npos);
  EXPECT_NE(html.find(">9 (leech)</td>"), std::string::npos);
  EXPECT_EQ(html.find("3 (leech)"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Hostile&lt;/b&gt; &amp; &quot;topic&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<b>Hostile"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">1 / 3 (33.3\u00A0%)</td>"), std::string::npos);  // young, all time
}

TEST(FiguresTest, CoverageCountsEveryCardOfTheBanksStartedOrNot) {
  const report::Figures f = report::compute_figures(rich_input());
  EXPECT_EQ(f.cards, 7);
  EXPECT_EQ(f.syllabus, 6);  // the retired card is not in the syllabus
  EXPECT_EQ(f.not_started, 2);
  EXPECT_DOUBLE_EQ(f.share_seen(), 4.0 / 6.0);
  EXPECT_EQ(f.suspended, 1);
  EXPECT_EQ(f.leeches, 1);
  ASSERT_EQ(f.banks.size(), 4u);
  EXPECT_EQ(f.banks[3].bank_id, "soldatov-2021");
  EXPECT_EQ(f.banks[3].cards, 2);
  EXPECT_EQ(f.banks[3].not_started, 1);
  // Mean predicted recall over started cards that are not retired.
  EXPECT_DOUBLE_EQ(f.mean_predicted_recall, (0.876543219 + 0.95 + 0.5 + 0.9731) / 4.0);
}

TEST(FiguresTest, AccuracyCountsFirstAttemptsAndTheLastDays) {
  const report::Figures f = report::compute_figures(rich_input());
  EXPECT_EQ(f.all.answered, 12);
  EXPECT_EQ(f.all.correct, 7);
  // First attempts: reviews 1, 3, 4, 5 (state new before): right, wrong, right, right.
  EXPECT_EQ(f.first_attempts.answered, 4);
  EXPECT_EQ(f.first_attempts.correct, 3);
  // Last 7 study days (2024-05-26 .. 06-01): reviews 9 (6 days ago) and 10 (5 days ago), 1-6, 11, 12.
  EXPECT_EQ(f.last_7_days.answered, 10);
  EXPECT_EQ(f.last_7_days.correct, 6);
  EXPECT_EQ(f.last_30_days.answered, 11);  // and review 8 (20 days ago)
  const report::CoverageRow& soldatov = f.banks[3];
  EXPECT_EQ(soldatov.first_attempts.answered, 1);
  EXPECT_EQ(soldatov.first_attempts.correct, 1);
  EXPECT_EQ(soldatov.last_30_days.answered, 3);  // reviews 8, 1 and 12
  EXPECT_EQ(soldatov.last_30_days.correct, 2);
}

TEST(FiguresTest, MistakesAreTheWrongAnswersNewestFirst) {
  const report::ReportInput in = rich_input();
  const report::Figures f = report::compute_figures(in);
  EXPECT_EQ(f.mistakes_total, 5);
  ASSERT_EQ(f.mistakes.size(), 5u);
  EXPECT_EQ(f.mistakes[0].card_key, "soldatov-2021/lurk-arrests-year");
  EXPECT_EQ(f.mistakes[0].answer, "2015");
  ASSERT_TRUE(f.mistakes[0].card.has_value());
  EXPECT_EQ(in.cards[*f.mistakes[0].card].correct_answer, "2016");
  // Recorded under another answer key: the "correct answer" shown now says so.
  EXPECT_TRUE(f.mistakes[0].key_changed);
  EXPECT_EQ(report::mistake_correct_answer(&in.cards[*f.mistakes[0].card], f.mistakes[0]),
            "2016 (the answer now: it changed after this answer)");
  for (std::size_t i = 1; i < f.mistakes.size(); ++i) EXPECT_FALSE(f.mistakes[i].key_changed) << i;  // keys unknown
  EXPECT_EQ(report::mistake_correct_answer(nullptr, f.mistakes[4]), "\u2014");
  EXPECT_EQ(f.mistakes[4].card_key, "old-bank/gone");
  EXPECT_EQ(f.mistakes[4].reviewed_at, kNow - 40 * kDay);
}

TEST(FiguresTest, OnlyTheNewestMistakesAreKept) {
  report::ReportInput in;
  in.generated_at = kNow;
  const core::CardSchedule s{};
  for (int i = 0; i < report::kMistakesShown + 7; ++i) {
    in.reviews.push_back(review(i + 1, "b/q", kNow - 1000 + i, core::Rating::Again, false, std::to_string(i), 0, s, s));
  }
  const report::Figures f = report::compute_figures(in);
  EXPECT_EQ(f.mistakes_total, report::kMistakesShown + 7);
  ASSERT_EQ(f.mistakes.size(), static_cast<std::size_t>(report::kMistakesShown));
  EXPECT_EQ(f.mistakes.front().answer, std::to_string(report::kMistakesShown + 6));
  EXPECT_EQ(f.mistakes.back().answer, "7");
  EXPECT_FALSE(f.mistakes.front().card.has_value());  // a card not in the input
}

TEST(FiguresTest, ADilemmaWithItsRubricSkippedIsNoMistake) {
  report::ReportInput in;
  in.generated_at = kNow;
  const core::CardSchedule s{};
  in.cards.push_back(card("b", "d", "Bank", "Share the lead?", "dilemma", s, 0.0));
  in.cards.push_back(card("b", "t", "Bank", "Typed", "short_answer", s, 0.0));
  const std::string skipped = "position: Share it; rubric skipped; justification: Allies need it.";
  in.reviews.push_back(review(1, "b/d", kNow - 3000, core::Rating::Good, false, skipped, 0, s, s));
  in.reviews.push_back(review(2, "b/d", kNow - 2000, core::Rating::Again, false, "position: Share it; rubric 0/3 met", 0, s, s));
  // The same words typed as a short answer are a wrong answer like any other.
  in.reviews.push_back(review(3, "b/t", kNow - 1000, core::Rating::Again, false, skipped, 0, s, s));
  const report::Figures f = report::compute_figures(in);
  EXPECT_EQ(f.all.answered, 3);
  EXPECT_EQ(f.all.correct, 0);
  EXPECT_EQ(f.mistakes_total, 2);
  ASSERT_EQ(f.mistakes.size(), 2u);
  EXPECT_EQ(f.mistakes[0].card_key, "b/t");
  EXPECT_EQ(f.mistakes[1].answer, "position: Share it; rubric 0/3 met");
}

TEST(FiguresTest, APeriodLimitsTheReviewsAndMovesTheWindows) {
  report::ReportInput in = rich_input();
  in.from = kNow - 10 * kDay;
  in.to = kNow - 4 * kDay;  // reviews 9 (6 days ago) and 10 (5 days ago)
  const report::Figures f = report::compute_figures(in);
  EXPECT_EQ(f.all.answered, 2);
  EXPECT_EQ(f.as_of, kNow - 4 * kDay);
  EXPECT_EQ(f.as_of_date, "2024-05-28");
  EXPECT_EQ(f.today_date, "2024-06-01");  // the forecast still starts today
  EXPECT_EQ(f.last_7_days.answered, 2);
  EXPECT_EQ(f.mistakes_total, 1);
  ASSERT_EQ(f.days.size(), 2u);
  EXPECT_EQ(f.retention[0].period, "today");  // the period's last day, 2024-05-28: nothing
  EXPECT_EQ(f.retention[0].young.total() + f.retention[0].mature.total(), 0);
  in.bank_filter = "rtl";
  EXPECT_EQ(report::compute_figures(in).all.answered, 1);  // review 9 only
}

TEST(XapiTest, StatementsCarryTheInteractionOfEachType) {
  const report::ReportInput in = typed_input();
  const nlohmann::json doc = nlohmann::json::parse(written(report::write_xapi, in));
  ASSERT_EQ(doc.size(), 8u);
  const auto def = [&](std::size_t i) { return doc[i].at("object").at("definition"); };
  const auto response = [&](std::size_t i) { return doc[i].at("result").at("response").get<std::string>(); };
  EXPECT_EQ(def(0).at("interactionType"), "choice");
  ASSERT_EQ(def(0).at("choices").size(), 3u);
  EXPECT_EQ(def(0).at("choices")[1].at("id"), "choice-1");
  EXPECT_EQ(def(0).at("choices")[1].at("description").at("en-GB"), "MVD");
  EXPECT_EQ(def(0).at("correctResponsesPattern"), nlohmann::json::array({"choice-1"}));
  EXPECT_EQ(response(0), "choice-2");  // "Line\nbreak" as the log prints it
  EXPECT_EQ(def(1).at("correctResponsesPattern"), nlohmann::json::array({"choice-0[,]choice-2"}));
  EXPECT_EQ(response(1), "choice-0[,]choice-2");
  EXPECT_EQ(def(2).at("interactionType"), "true-false");
  EXPECT_EQ(def(2).at("correctResponsesPattern"), nlohmann::json::array({"false"}));
  EXPECT_EQ(def(3).at("correctResponsesPattern"),
            nlohmann::json::array({"{case_matters=false}Lurk", "{case_matters=false}the Lurk group"}));
  EXPECT_EQ(def(4).at("correctResponsesPattern"), nlohmann::json::array({"45[:]55"}));
  EXPECT_EQ(def(5).at("interactionType"), "sequencing");
  EXPECT_EQ(def(5).at("choices")[2].at("id"), "step-2");
  EXPECT_EQ(def(5).at("correctResponsesPattern"), nlohmann::json::array({"step-0[,]step-1[,]step-2"}));
  EXPECT_EQ(response(5), "step-1[,]step-0[,]step-2");
  EXPECT_EQ(def(6).at("source")[0].at("id"), "source-0");
  EXPECT_EQ(def(6).at("target")[1].at("description").at("en-GB"), "USA");
  EXPECT_EQ(def(6).at("correctResponsesPattern"), nlohmann::json::array({"source-0[.]target-0[,]source-1[.]target-1"}));
  EXPECT_EQ(response(6), "source-0[.]target-0[,]source-1[.]target-1");
  EXPECT_EQ(def(7).at("interactionType"), "long-fill-in");
  EXPECT_FALSE(def(7).contains("choices"));  // long-fill-in takes no component list
  EXPECT_EQ(def(7).at("extensions").at("https://casebook.invalid/xapi/extensions/positions")[1].at("title"), "Refuse");
  EXPECT_EQ(def(7).at("extensions").at("https://casebook.invalid/xapi/extensions/rubric")[0], "Names the law");
  EXPECT_FALSE(def(7).contains("correctResponsesPattern"));  // a dilemma has no one right answer
  // The stored text always travels with the statement.
  EXPECT_EQ(doc[7].at("result").at("extensions").at("https://casebook.invalid/xapi/extensions/answer"),
            "position: Refuse; rubric 1/2 met; justification: too risky");
}

// The xAPI export read back as a learning record store's statements: the answers become the
// learner's reviews and the "commented" statement the problem report, with its comment.
TEST(XapiTest, ProblemReportsTravelAsCommentedStatements) {
  const report::ReportInput in = rich_input();
  std::vector<report::LearnerExport> learners;
  EXPECT_EQ(report::add_xapi_statements(written(report::write_xapi, in), "", "rich.xapi.json", learners), "");
  ASSERT_EQ(learners.size(), 1u);
  EXPECT_EQ(learners[0].learner, in.learner);
  EXPECT_EQ(learners[0].reviews.size(), in.reviews.size());
  ASSERT_EQ(learners[0].problem_reports.size(), 1u);
  EXPECT_EQ(learners[0].problem_reports[0].card_key, "rtl/group-name");
  EXPECT_EQ(learners[0].problem_reports[0].at_ms, in.card_events[1].at);
  EXPECT_EQ(learners[0].problem_reports[0].comment, in.card_events[1].note);
  const report::ClassReport r = report::compute_class_report(learners);
  ASSERT_EQ(r.problem_reports.size(), 1u);
  EXPECT_EQ(r.problem_reports[0].prompt, in.cards[4].prompt);  // from the statement's activity
}
