// The Statistics screen through app::Controller (issue 12): a real bank, a temp SQLite file
// with reviews made by studying, an injected clock. Every figure on the screen is the one
// report::compute_figures gives for the same report input (app::gather_report), "mastery" of
// a topic answered a quarter wrong today is not 100 %, and a weakest card opens Card info,
// whose Back returns to Statistics.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/controller.hpp"
#include "app/report_export.hpp"
#include "app/stats_model.hpp"
#include "core/number.hpp"
#include "report/figures.hpp"
#include "storage/progress.hpp"
#include "core/citation.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace report = casebook::report;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

constexpr core::TimestampMs kDayMs = 86'400'000;

/// A bank of one topic with four true/false questions and one question outside it.
std::string write_bank(const TempDir& dir) {
  const std::string path = dir.file("topic.toml");
  std::ofstream out(path);
  out << "[bank]\nid = \"stats\"\ntitle = \"Stats bank\"\nversion = \"1\"\nformat = 1\nlanguage = \"en\"\n"
         "authors = [\"t\"]\nlicence = \"CC0-1.0\"\n\n[[source]]\nid = \"s\"\ncitation = \"A source.\"\n\n"
         "[[topic]]\nid = \"law\"\ntitle = \"Law\"\n";
  for (int i = 1; i <= 5; ++i) {
    out << "\n[[question]]\nid = \"q" << i << "\"\ntype = \"true_false\"\n"
        << (i <= 4 ? "topics = [\"law\"]\n" : "") << "prompt = \"Statement number " << i
        << " is true.\"\nanswer = true\nexplanation = \"It is.\"\nsource = \"s\"\nparagraph = 1\n";
  }
  return path;
}

struct Fixture : casebook::test::AppFiles {
  std::string bank = write_bank(dir);
  app::Controller c{test_config(db, now, {bank})};

  /// Answers the shown card right or wrong, rates it and returns its key.
  std::string answer(bool right, core::Rating rating) {
    const std::string key = c.study()->card.card_key;
    *now += 2000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), right)});
    *now += 1000;
    c.dispatch(app::Rate{rating});
    return key;
  }

  /// The figures the reports compute for the same learner at the same moment.
  [[nodiscard]] std::pair<report::ReportInput, report::Figures> report_figures() const {
    app::ReportRequest r;
    r.db_path = db;
    r.bank_paths = {bank};
    r.learner = "alice";
    r.now = *now;
    r.base = app::base_study_options(c.config());
    app::GatheredReport g = app::gather_report(r);
    report::Figures f = report::compute_figures(g.input);
    return {std::move(g.input), std::move(f)};
  }

  app::StatsView open_stats() {
    c.dispatch(app::Navigate{app::Screen::Stats});
    EXPECT_EQ(c.screen(), app::Screen::Stats);
    c.wait_for_background();
    app::StatsView v = c.stats();
    EXPECT_TRUE(v.ready) << v.error;
    return v;
  }
};

const app::StatsCoverageRow& row(const app::StatsView& v, const std::string& label) {
  for (const auto& r : v.coverage) {
    if (r.label == label) return r;
  }
  throw std::runtime_error("no coverage row " + label);
}

}  // namespace

TEST(Stats, FiguresAreTheReportFiguresAndMasteryIsNotFullAfterAQuarterWrong) {
  Fixture f;
  // Today: the four questions of "Law" for the first time, one of them wrong (in bank order).
  f.c.dispatch(app::StartSession{});
  ASSERT_EQ(f.c.screen(), app::Screen::Study);
  EXPECT_EQ(f.answer(true, core::Rating::Easy), "stats/q1");
  EXPECT_EQ(f.answer(true, core::Rating::Easy), "stats/q2");
  EXPECT_EQ(f.answer(false, core::Rating::Again), "stats/q3");
  EXPECT_EQ(f.answer(true, core::Rating::Easy), "stats/q4");
  f.c.dispatch(app::LeaveSession{});
  f.c.dispatch(app::GoHome{});

  const app::StatsView v = f.open_stats();
  const auto [in, figures] = f.report_figures();
  // The exact figures: 4 of 5 cards started, 3 of 4 right the first time, 4 reviews today.
  ASSERT_EQ(figures.banks.size(), 1u);
  EXPECT_EQ(figures.banks[0].cards, 5);
  EXPECT_EQ(figures.banks[0].not_started, 1);
  EXPECT_EQ(figures.banks[0].first_attempts.correct, 3);
  EXPECT_EQ(figures.banks[0].first_attempts.answered, 4);
  EXPECT_EQ(figures.banks[0].started_last_30_days, 4);
  // The screen shows those same figures, worded: the whole view equals the one built from them.
  const app::StatsView expected = app::make_stats_view(in, figures, {});
  EXPECT_EQ(v.summary, expected.summary);
  // Study days explained where they are named; "due now" says it counts learning steps, which
  // Home lists apart from the cards due for review.
  EXPECT_EQ(v.as_of.substr(v.as_of.size() - 50), "study day " + figures.as_of_date + " (a study day begins at 04:00)");
  EXPECT_NE(std::find_if(v.summary.begin(), v.summary.end(),
                         [](const auto& r) { return r.first == "Due now (learning steps too)"; }),
            v.summary.end());
  // Time as the reports write it (one decimal), not rounded to whole minutes.
  const auto time = std::find_if(v.summary.begin(), v.summary.end(), [](const auto& r) { return r.first == "Time spent answering"; });
  ASSERT_NE(time, v.summary.end());
  EXPECT_EQ(time->second, core::format_fixed(figures.minutes, 1) + " minutes");
  ASSERT_EQ(v.coverage.size(), 3u);  // the bank, "(no topic)", "Law"
  const app::StatsCoverageRow& bank = row(v, "Stats bank");
  EXPECT_EQ(bank.seen, 4);
  EXPECT_EQ(bank.new_left, 1);
  EXPECT_EQ(bank.seen_text, "4 of 5 (80.0\u00A0%)");
  EXPECT_EQ(bank.first_attempts, "3 / 4 (75.0\u00A0%)");
  EXPECT_EQ(bank.last_7_days, "3 / 4 (75.0\u00A0%)");
  // 4 started in 30 days: 1 left at 4/30 a day takes ceil(30/4) = 8 days.
  EXPECT_EQ(bank.finish, core::iso_date_of_day(figures.as_of_day + 8) + " (about 0.1 new a day)");
  {
    // One started in 30 days would read "about 0 new a day": the count is given instead.
    auto slow = figures;
    slow.banks[0].started_last_30_days = 1;
    const app::StatsView s = app::make_stats_view(in, slow, {});
    EXPECT_EQ(row(s, "Stats bank").finish, core::iso_date_of_day(figures.as_of_day + 30) + " (1 new in the last 30 days)");
  }
  const app::StatsCoverageRow& law = row(v, "Law");
  EXPECT_EQ(law.cards, 4);
  EXPECT_EQ(law.new_left, 0);
  EXPECT_EQ(law.finish, "all started");
  EXPECT_EQ(law.first_attempts, "3 / 4 (75.0\u00A0%)");
  // Every card of "Law" was just reviewed (predicted recall near 100 %), but a quarter of
  // today's answers were wrong: mastery is at most 75 %, never shown as 100 %.
  EXPECT_DOUBLE_EQ(law.mastery, 0.75);
  EXPECT_EQ(law.mastery_text, "75 %");
  EXPECT_NE(law.mastery_text, "100 %");
  ASSERT_FALSE(v.weakest_topics.empty());
  EXPECT_EQ(v.weakest_topics[0].label, "Stats bank: Law");
  EXPECT_EQ(v.weakest_topics[0].mastery, "75 %");
  EXPECT_EQ(v.weakest_topics[0].last_7_days, "3 / 4 (75.0\u00A0%)");
  EXPECT_EQ(v.weakest_topics[0].started, "4 of 4");
  // Charts: the report's series, the last day is today with 4 reviews.
  EXPECT_EQ(v.reviews.values, expected.reviews.values);
  ASSERT_EQ(v.reviews.values.size(), 30u);
  EXPECT_EQ(v.reviews.values.back(), 4.0f);
  EXPECT_EQ(v.reviews.unit, "reviews");
  EXPECT_EQ(v.minutes.values, expected.minutes.values);
  EXPECT_FLOAT_EQ(v.minutes.values.back(), 4 * 2.0f / 60.0f);  // 2 s from showing to answering, each
  EXPECT_EQ(v.forecast.values, expected.forecast.values);
  ASSERT_EQ(v.forecast.values.size(), static_cast<std::size_t>(report::kForecastDays));
  EXPECT_EQ(v.forecast.values[0], 1.0f);  // q3, on a learning step: due today
  EXPECT_EQ(v.heat.back(), 4);
  EXPECT_EQ(v.heat_max, 4);
  EXPECT_EQ(v.heat_dates.back(), figures.as_of_date);
  EXPECT_TRUE(v.weakest_cards.empty());  // no lapses yet
  EXPECT_TRUE(v.exams.values.empty());
  ASSERT_EQ(v.retention.size(), 6u);
  EXPECT_EQ(v.retention[0].period, "Today");
  EXPECT_EQ(v.retention[0].young, "\u2014");  // no card was in review before today
}

TEST(Stats, AWeakestCardOpensCardInfoAndBackReturnsToStats) {
  Fixture f;
  f.c.dispatch(app::StartSession{});
  for (int i = 0; i < 5; ++i) f.answer(true, core::Rating::Easy);  // every card to review
  f.c.dispatch(app::GoHome{});
  // Much later: every card is due; q2 is forgotten (a lapse), the others remembered.
  *f.now += 60 * kDayMs;
  f.c.dispatch(app::StartSession{});
  ASSERT_EQ(f.c.screen(), app::Screen::Study);
  for (int i = 0; i < 5 && f.c.screen() == app::Screen::Study; ++i) {
    const bool forget = f.c.study()->card.card_key == "stats/q2";
    f.answer(!forget, forget ? core::Rating::Again : core::Rating::Good);
    if (forget) break;
  }
  f.c.dispatch(app::LeaveSession{});
  f.c.dispatch(app::GoHome{});

  const app::StatsView v = f.open_stats();
  const auto [in, figures] = f.report_figures();
  ASSERT_EQ(figures.weakest.size(), 1u);
  ASSERT_EQ(v.weakest_cards.size(), 1u);
  EXPECT_EQ(v.weakest_cards[0].card_key, "stats/q2");
  EXPECT_EQ(v.weakest_cards[0].lapses, 1);
  EXPECT_EQ(v.weakest_cards[0].prompt, "Statement number 2 is true.");
  EXPECT_EQ(v.retention, app::make_stats_view(in, figures, {}).retention);
  // All-time true retention: the reviews of review cards, the forgotten one failed.
  const report::RetentionCell& all = figures.retention.back().mature;
  const report::RetentionCell& young = figures.retention.back().young;
  EXPECT_EQ(all.failed + young.failed, 1);
  EXPECT_EQ(v.retention.back().period, "All time");

  f.c.dispatch(app::OpenCardInfo{"stats/q2"});
  ASSERT_EQ(f.c.screen(), app::Screen::CardInfo);
  EXPECT_EQ(f.c.card_info().card_key, "stats/q2");
  f.c.dispatch(app::OpenCardInfo{""});  // no key from Card info: nothing changes
  f.c.dispatch(app::Back{});
  EXPECT_EQ(f.c.screen(), app::Screen::Stats);
  f.c.dispatch(app::Back{});
  EXPECT_EQ(f.c.screen(), app::Screen::Home);
  // From Stats, OpenCardInfo needs a card key.
  f.open_stats();
  f.c.dispatch(app::OpenCardInfo{""});
  EXPECT_EQ(f.c.screen(), app::Screen::Stats);
}

TEST(Stats, MockExamScoresOverTime) {
  Fixture f;
  storage::Progress p(f.db);
  storage::ExamAttemptRow a;
  a.learner = "alice";
  a.title = "Practice one";
  a.started_at = kTestNow - 2 * kDayMs;
  a.questions = {{"stats/q1", "law"}, {"stats/q2", "law"}};
  const auto id = p.start_exam(a);
  p.finish_exam(id, {{0, true, true, 1.0, "true", std::nullopt}, {1, true, false, 0.0, "false", std::nullopt}},
                storage::ExamResultRow{kTestNow - 2 * kDayMs + 60'000, 1, 2, 50, true, false},
                [](const auto&, const auto&, const auto&, const auto&) -> std::optional<storage::AnswerPlan> { return std::nullopt; });
  a.title = "Unfinished";
  (void)p.start_exam(a);
  const app::StatsView v = f.open_stats();
  ASSERT_EQ(v.exams.values.size(), 1u);
  EXPECT_EQ(v.exams.values[0], 50.0f);
  EXPECT_EQ(v.exams.unit, "%");
  ASSERT_EQ(v.exam_lines.size(), 1u);
  EXPECT_EQ(v.exam_lines[0], "2024-05-30 Practice one: 1 of 2 (50 %), passed");
}

TEST(Stats, TopicsReadInTheBanksOwnOrder) {
  // The article's bank lists its topics in the order of events (Home shows them so): the
  // coverage table follows it, not the alphabet ("Early ..." would come before "The 1990s ...").
  casebook::test::AppFiles files;
  const std::string soldatov = std::string(CASEBOOK_SOURCE_DIR) + "/question_banks/soldatov-2021-russia-cooperation.toml";
  app::Library library;
  library.load({soldatov});
  ASSERT_EQ(library.loads().size(), 1u);
  ASSERT_TRUE(library.loads().front().bank.has_value());
  std::vector<std::string> listed;
  for (const auto& t : library.loads().front().bank->topics) listed.push_back(t.title);
  ASSERT_GE(listed.size(), 3u);
  ASSERT_FALSE(std::is_sorted(listed.begin(), listed.end()));  // else this would test nothing
  app::Controller c{test_config(files.db, files.now, {soldatov})};
  c.dispatch(app::Navigate{app::Screen::Stats});
  c.wait_for_background();
  const app::StatsView v = c.stats();
  ASSERT_TRUE(v.ready) << v.error;
  std::vector<std::string> shown;
  for (const auto& r : v.coverage) {
    if (r.depth == 1 && r.label != "(no topic)") shown.push_back(r.label);
  }
  std::vector<std::string> expected;  // the listed topics that have cards, in the bank's order
  for (const std::string& t : listed) {
    if (std::find(shown.begin(), shown.end(), t) != shown.end()) expected.push_back(t);
  }
  EXPECT_EQ(shown, expected);
  EXPECT_EQ(shown.size(), listed.size());
}

TEST(Stats, ReportsWriteCitationsAsTheStudyScreenDoes) {
  // Generated figure questions quote their fact's text with its "[@id]" marker: a report shows
  // the citation as the study screen does, never the raw marker.
  casebook::test::AppFiles files;
  const std::string soldatov = std::string(CASEBOOK_SOURCE_DIR) + "/question_banks/soldatov-2021-russia-cooperation.toml";
  app::Library library;
  library.load({soldatov});
  ASSERT_TRUE(library.loads().front().bank.has_value());
  const core::Bank& bank = *library.loads().front().bank;
  std::map<std::string, std::string> shown;  // card key -> the prompt as the study screen renders it
  for (const auto& q : bank.questions) {
    if (q.prompt.find("[@") != std::string::npos) shown[core::card_key(bank, q)] = core::render_citations(q.prompt, bank.sources);
  }
  ASSERT_FALSE(shown.empty());  // else this would test nothing
  { app::Controller c{test_config(files.db, files.now, {soldatov})}; }  // the learner alice
  app::ReportRequest r;  // what every report format is written from
  r.db_path = files.db;
  r.bank_paths = {soldatov};
  r.learner = "alice";
  r.now = *files.now;
  const app::GatheredReport g = app::gather_report(r);
  std::size_t checked = 0;
  for (const auto& card : g.input.cards) {
    EXPECT_EQ(card.prompt.find("[@"), std::string::npos) << card.prompt;
    if (const auto it = shown.find(card.card_key); it != shown.end()) {
      EXPECT_EQ(card.prompt, it->second);
      ++checked;
    }
  }
  EXPECT_EQ(checked, shown.size());
}
