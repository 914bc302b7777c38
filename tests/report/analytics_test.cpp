// Tests for the report analytics (counts, true retention, activity, forecast, topics,
// weakest cards), the xAPI statements and the v2 goldens of the rich fixture.
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
#include "report/report.hpp"

namespace fs = std::filesystem;
namespace report = casebook::report;
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

TEST(AnalyticsTest, CountsCardsByMaturity) {
  const report::Analytics a = report::analyze(rich_input());
  EXPECT_EQ(a.seen, 5);      // every card but the new Cyrillic one
  EXPECT_EQ(a.learning, 2);  // learning + relearning
  EXPECT_EQ(a.young, 2);     // lurk (12 days), gone (3 days)
  EXPECT_EQ(a.mature, 1);    // rtl (30 days)
  EXPECT_EQ(a.retired, 1);
  EXPECT_EQ(a.today_date, "2024-06-01");
}

TEST(AnalyticsTest, TrueRetentionCountsOnlyReviewStateCardsByBand) {
  const report::Analytics a = report::analyze(rich_input());
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

TEST(AnalyticsTest, DailyActivityForecastTopicsAndWeakest) {
  const report::ReportInput in = rich_input();
  const report::Analytics a = report::analyze(in);
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

  ASSERT_EQ(a.topics.size(), 4u);
  EXPECT_EQ(a.topics[0].topic, "(no topic)");
  EXPECT_DOUBLE_EQ(a.topics[0].mean_retrievability, 0.9731);
  EXPECT_EQ(a.topics[1].topic, "<b>Hostile</b> & \"topic\"");
  EXPECT_EQ(a.topics[1].cards, 2);
  EXPECT_DOUBLE_EQ(a.topics[1].mean_retrievability, (0.95 + 0.5) / 2);
  EXPECT_EQ(a.topics[3].topic, "Cybercrime");
  EXPECT_DOUBLE_EQ(a.topics[3].mean_retrievability, 0.876543219 / 2);

  ASSERT_EQ(a.weakest.size(), 3u);
  EXPECT_EQ(in.cards[a.weakest[0].card].card_key, "old-bank/gone");
  EXPECT_TRUE(a.weakest[0].leech);
  EXPECT_EQ(in.cards[a.weakest[1].card].card_key, "hostile/formula");
  EXPECT_FALSE(a.weakest[1].leech);
  EXPECT_EQ(a.weakest[2].lapses, 1);
}

TEST(AnalyticsTest, UnknownZoneFallsBackToUtcDays) {
  report::ReportInput in = rich_input();
  in.time_zone = "Not/AZone";
  in.rollover_hour = 0;
  EXPECT_EQ(report::analyze(in).today_date, "2024-06-01");
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
  ASSERT_EQ(doc.size(), in.reviews.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const auto& s = doc[i];
    const auto& r = in.reviews[i];
    ids.insert(s.at("id").get<std::string>());
    EXPECT_EQ(s.at("id").get<std::string>()[14], '5');  // version nibble
    EXPECT_EQ(s.at("verb").at("id"), "http://adlnet.gov/expapi/verbs/answered");
    EXPECT_EQ(s.at("actor").at("account").at("name"), r.learner);
    EXPECT_EQ(s.at("object").at("definition").at("type"), "http://adlnet.gov/expapi/activities/cmi.interaction");
    EXPECT_EQ(s.at("result").at("response"), r.answer);  // hostile answers intact
    EXPECT_EQ(s.at("result").at("success").get<bool>(), r.correct);
    EXPECT_EQ(casebook::core::parse_iso(s.at("timestamp").get<std::string>()), r.reviewed_at);
  }
  EXPECT_EQ(ids.size(), doc.size());
  // The review of the Lurk card: 4.2 s, numeric, English prompt.
  const auto& lurk = doc[4];
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
