// app::Controller end to end: a real bank file, a temp SQLite database and an injected
// clock. Checks what reaches the review log, what the screens show, and that a failed write
// keeps the answer for a retry.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <tuple>

#include "app/controller.hpp"
#include "app/study_text.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;
using core::Rating;

namespace {

using Fixture = casebook::test::AppFiles;

const core::Question& current_question(const app::Controller& c) {
  EXPECT_NE(c.study(), nullptr);
  return casebook::test::shown_question(c);
}

/// Answers the current card (right or wrong) after `think_ms` and rates it `rating`.
void answer_and_rate(app::Controller& c, Fixture& f, bool right, Rating rating) {
  *f.now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(current_question(c), right)});
  *f.now += 500;
  c.dispatch(app::Rate{rating});
}

}  // namespace

TEST(Controller, HomeShowsCountsAndFailedBanks) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now, {casebook::test::small_bank_path(), casebook::test::bad_bank_path()}));
  EXPECT_EQ(c.screen(), app::Screen::Home);
  const app::HomeView& h = c.home();
  EXPECT_EQ(h.learner, "alice");
  EXPECT_EQ(h.db_path, f.db);
  ASSERT_EQ(h.banks.size(), 2u);
  const bool bad_first = h.banks[0].path == casebook::test::bad_bank_path();
  const app::BankRow& bad = h.banks[bad_first ? 0 : 1];
  EXPECT_EQ(bad.path, casebook::test::bad_bank_path());
  EXPECT_FALSE(bad.loaded);
  EXPECT_EQ(bad.title, "bad_bank.toml");
  EXPECT_TRUE(bad.id.empty());
  EXPECT_TRUE(core::has_errors(bad.diagnostics));
  const app::BankRow& good = h.banks[bad_first ? 1 : 0];
  EXPECT_TRUE(good.loaded);
  EXPECT_EQ(good.id, "test-small");
  EXPECT_EQ(good.title, "Small test bank");
  EXPECT_EQ(good.total, 8);
  EXPECT_EQ(good.new_count, 8);
  EXPECT_EQ(good.learning_count, 0);
  EXPECT_EQ(good.due_count, 0);
  EXPECT_EQ(h.new_available, 8);
  EXPECT_EQ(h.learning_due, 0);
  EXPECT_EQ(h.review_due, 0);
  EXPECT_TRUE(c.message().empty());
}

TEST(Controller, AnswersFiveCardsAndPersistsThem) {
  Fixture f;
  struct Step {
    bool right;
    std::optional<Rating> rate;  // nullopt: Continue with the proposed rating
    Rating expected;
  };
  const std::vector<Step> plan = {{true, std::nullopt, Rating::Good},
                                  {false, Rating::Again, Rating::Again},
                                  {true, Rating::Easy, Rating::Easy},
                                  {true, Rating::Hard, Rating::Hard},
                                  {false, std::nullopt, Rating::Again}};
  std::vector<std::string> keys;
  const core::TimestampMs start = *f.now;
  {
    app::Controller c(test_config(f.db, f.now));
    c.dispatch(app::StartSession{});
    ASSERT_EQ(c.screen(), app::Screen::Study);
    ASSERT_NE(c.study(), nullptr);
    const app::CardView& first = c.study()->card;
    EXPECT_EQ(first.card_key, "test-small/q1-year");
    EXPECT_EQ(first.bank_title, "Small test bank");
    EXPECT_EQ(first.citation, "Jane Doe, 2021, \xC2\xB6" "12");
    EXPECT_EQ(first.position, 1);
    EXPECT_EQ(first.remaining, 7);
    auto order = casebook::test::display_order(first);
    std::sort(order.begin(), order.end());
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));

    std::uint64_t last_showing = 0;
    for (const Step& step : plan) {
      ASSERT_EQ(c.screen(), app::Screen::Study);
      const app::StudyView* v = c.study();
      EXPECT_NE(v->card.showing_id, last_showing);
      last_showing = v->card.showing_id;
      EXPECT_FALSE(v->feedback.has_value());
      keys.push_back(v->card.card_key);
      *f.now += 3000;  // thinking time: the response time recorded
      c.dispatch(app::SubmitAnswer{make_answer(current_question(c), step.right)});
      ASSERT_TRUE(c.study()->feedback.has_value());
      const app::FeedbackView& fb = *c.study()->feedback;
      EXPECT_EQ(fb.grade.correct, step.right);
      EXPECT_EQ(fb.grade.proposed, step.right ? Rating::Good : Rating::Again);
      EXPECT_EQ(fb.selected, fb.grade.proposed);
      // A new card: Again 1 m, Hard 6 m (ts-fsrs: mean of the 1 m and 10 m steps), Good 10 m.
      EXPECT_EQ(fb.intervals[0], "1m");
      EXPECT_EQ(fb.intervals[1], "6m");
      EXPECT_EQ(fb.intervals[2], "10m");
      EXPECT_FALSE(fb.intervals[3].empty());
      *f.now += 1000;
      if (step.rate) {
        c.dispatch(app::Rate{*step.rate});
      } else {
        c.dispatch(app::Continue{});
      }
      EXPECT_TRUE(c.message().empty()) << c.message();
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"test-small/q1-year", "test-small/q2-truth", "test-small/q3-name",
                                              "test-small/q4-count", "test-small/q5-order"}));
    c.dispatch(app::LeaveSession{});
    ASSERT_EQ(c.screen(), app::Screen::Summary);
    EXPECT_EQ(c.study(), nullptr);
    const app::SummaryView& s = c.summary();
    EXPECT_EQ(s.reviewed, 5);
    EXPECT_EQ(s.correct, 3);
    EXPECT_EQ(s.ratings, (std::array<int, 4>{2, 1, 1, 1}));
    EXPECT_EQ(s.duration_ms, *f.now - start);
    // Four cards are in learning steps, due within the day.
    EXPECT_EQ(s.remaining_due_today, 4);
    EXPECT_EQ(s.remaining_new_today, 3);  // q6-q8 not started, within the 20 a day
  }

  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 5u);
  for (std::size_t i = 0; i < log.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(log[i].learner, "alice");
    EXPECT_EQ(log[i].card_key, keys[i]);
    EXPECT_EQ(log[i].rating, plan[i].expected);
    EXPECT_EQ(log[i].correct, plan[i].right);
    EXPECT_EQ(log[i].response_ms, 3000);
    EXPECT_EQ(log[i].reviewed_at, start + static_cast<core::TimestampMs>(i + 1) * 4000);
    EXPECT_EQ(log[i].before.state, core::CardState::New);
    EXPECT_NE(log[i].after.state, core::CardState::New);
    EXPECT_FALSE(log[i].answer.empty());
  }
  EXPECT_EQ(log[2].after.state, core::CardState::Review);  // Easy graduates at once
  EXPECT_EQ(p.card_states("alice").size(), 5u);

  // Reopen: the counts come from what was persisted.
  app::Controller again(test_config(f.db, f.now));
  const app::HomeView& h = again.home();
  ASSERT_EQ(h.banks.size(), 1u);
  EXPECT_EQ(h.banks[0].new_count, 3);
  EXPECT_EQ(h.banks[0].learning_count, 4);
  EXPECT_EQ(h.banks[0].due_count, 0);
  EXPECT_EQ(h.new_available, 3);
  EXPECT_EQ(h.learning_due, 4);
  EXPECT_EQ(h.review_due, 0);
}

TEST(Controller, FailedWriteKeepsTheAnswerForARetry) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  const std::uint64_t showing = c.study()->card.showing_id;
  *f.now += 1500;
  c.dispatch(app::SubmitAnswer{make_answer(current_question(c), true)});
  ASSERT_TRUE(c.study()->feedback.has_value());
  {
    SQLite::Database other(f.db, SQLite::OPEN_READWRITE);
    other.exec("CREATE TRIGGER test_fail BEFORE INSERT ON review_log BEGIN SELECT RAISE(ABORT, 'disk is full'); END");
  }
  *f.now += 500;
  c.dispatch(app::Rate{Rating::Good});
  EXPECT_FALSE(c.message().empty());
  EXPECT_NE(c.message().find("not saved"), std::string::npos) << c.message();
  ASSERT_EQ(c.screen(), app::Screen::Study);
  ASSERT_TRUE(c.study()->feedback.has_value());
  EXPECT_EQ(c.study()->card.showing_id, showing);
  EXPECT_TRUE(c.study()->feedback->grade.correct);
  {
    storage::Progress p(f.db);
    EXPECT_TRUE(p.review_log("alice").empty());
  }
  // Leaving is refused too while the answer cannot be saved.
  c.dispatch(app::LeaveSession{});
  EXPECT_EQ(c.screen(), app::Screen::Study);

  {
    SQLite::Database other(f.db, SQLite::OPEN_READWRITE);
    other.exec("DROP TRIGGER test_fail");
  }
  c.dispatch(app::Rate{Rating::Good});
  EXPECT_TRUE(c.message().empty()) << c.message();
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_NE(c.study()->card.showing_id, showing);
  EXPECT_FALSE(c.study()->feedback.has_value());
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].card_key, "test-small/q1-year");
  EXPECT_EQ(log[0].rating, Rating::Good);
  EXPECT_TRUE(log[0].correct);
  EXPECT_EQ(log[0].response_ms, 1500);
}

TEST(Controller, DilemmaRubricRegradesUntilARatingIsChosen) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{});
  for (int i = 0; i < 7; ++i) answer_and_rate(c, f, true, Rating::Easy);
  ASSERT_EQ(c.screen(), app::Screen::Study);
  const core::Question& q = current_question(c);
  ASSERT_EQ(q.type, core::QuestionType::Dilemma);
  EXPECT_EQ(c.study()->card.citation, "Jane Doe, 2021, \xC2\xB6" "15\xE2\x80\x93" "16");
  EXPECT_TRUE(c.study()->card.options.empty());

  c.dispatch(app::SubmitAnswer{make_answer(q, false)});
  const app::FeedbackView* fb = &*c.study()->feedback;
  EXPECT_FALSE(fb->grade.correct);
  EXPECT_EQ(fb->selected, Rating::Again);
  c.dispatch(app::SetRubric{0, true});
  c.dispatch(app::SetRubric{1, true});
  fb = &*c.study()->feedback;
  EXPECT_TRUE(fb->grade.correct);
  EXPECT_EQ(fb->answer.rubric_met, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(fb->verdict, "Self-assessment: 2 of 3 rubric lines met");  // not stale
  EXPECT_EQ(fb->given.find("rubric"), std::string::npos) << fb->given;  // assessed below, not in "Your answer"
  EXPECT_EQ(fb->selected, fb->grade.proposed);
  EXPECT_NE(fb->selected, Rating::Again);
  c.dispatch(app::SetRubric{7, true});  // no such line: ignored
  EXPECT_EQ(c.study()->feedback->answer.rubric_met, (std::vector<bool>{true, true, false}));

  c.dispatch(app::SelectRating{Rating::Hard});
  c.dispatch(app::SetRubric{1, false});
  fb = &*c.study()->feedback;
  EXPECT_FALSE(fb->grade.correct);
  EXPECT_EQ(fb->selected, Rating::Hard);  // the learner's choice stands
  c.dispatch(app::Continue{});
  // A dilemma has no same-day learning steps (dilemma_flow_test.cpp): Hard gives a day or
  // more, so the session, whose last card this was, is over.
  EXPECT_EQ(c.screen(), app::Screen::Summary);
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 8u);
  EXPECT_EQ(log.back().card_key, "test-small/q8-dilemma");
  EXPECT_EQ(log.back().rating, Rating::Hard);
  EXPECT_FALSE(log.back().correct);
}

TEST(Controller, DailyNewCardLimitEndsTheSessionAndShowsTheSummary) {
  Fixture f;
  auto config = test_config(f.db, f.now);
  config.new_cards_per_day = 2;
  app::Controller c(config);
  EXPECT_EQ(c.home().new_available, 2);
  EXPECT_EQ(c.home().banks[0].new_count, 2);
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.remaining, 1);
  answer_and_rate(c, f, true, Rating::Easy);
  answer_and_rate(c, f, false, Rating::Easy);
  ASSERT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_EQ(c.summary().reviewed, 2);
  EXPECT_EQ(c.summary().correct, 1);
  EXPECT_EQ(c.summary().ratings, (std::array<int, 4>{0, 0, 0, 2}));
  EXPECT_EQ(c.summary().remaining_due_today, 0);
  EXPECT_EQ(c.summary().remaining_new_today, 0);  // 6 new cards left in the bank, none allowed today
  EXPECT_EQ(app::summary_heading(c.summary()), "Session complete");
  c.dispatch(app::GoHome{});
  ASSERT_EQ(c.screen(), app::Screen::Home);
  EXPECT_EQ(c.home().new_available, 0);
  EXPECT_EQ(c.home().banks[0].new_count, 0);
  c.dispatch(app::StartSession{});
  EXPECT_EQ(c.screen(), app::Screen::Home);
  EXPECT_FALSE(c.message().empty());
  EXPECT_EQ(c.home().message, c.message());

  // The next study day (after the 04:00 rollover) brings two more new cards and the reviews.
  *f.now += core::kMsPerDay;
  c.dispatch(app::ReloadBanks{});
  EXPECT_EQ(c.home().new_available, 2);
}

TEST(Controller, LeavingRecordsAnAnsweredCardButNotAnUnansweredOne) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{});
  c.dispatch(app::LeaveSession{});
  ASSERT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_EQ(c.summary().reviewed, 0);
  c.dispatch(app::GoHome{});
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  *f.now += 1000;
  c.dispatch(app::SubmitAnswer{make_answer(current_question(c), false)});
  c.dispatch(app::SelectRating{Rating::Hard});
  c.dispatch(app::LeaveSession{});
  ASSERT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_EQ(c.summary().reviewed, 1);
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].rating, Rating::Hard);
  EXPECT_FALSE(log[0].correct);
}

TEST(Controller, ActionsOutOfPlaceAreIgnored) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::Rate{Rating::Good});
  c.dispatch(app::Continue{});
  c.dispatch(app::SubmitAnswer{});
  c.dispatch(app::SetRubric{0, true});
  EXPECT_EQ(c.screen(), app::Screen::Home);
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  c.dispatch(app::Rate{Rating::Good});  // not answered yet
  c.dispatch(app::Continue{});
  EXPECT_FALSE(c.study()->feedback.has_value());
  c.dispatch(app::ReloadBanks{});  // refused during a session
  EXPECT_FALSE(c.message().empty());
  EXPECT_EQ(c.screen(), app::Screen::Study);
  c.dispatch(app::SubmitAnswer{make_answer(current_question(c), true)});
  const auto answer = c.study()->feedback->answer;
  c.dispatch(app::SubmitAnswer{make_answer(current_question(c), false)});  // already answered
  EXPECT_TRUE(c.study()->feedback->grade.correct);
  storage::Progress p(f.db);
  EXPECT_TRUE(p.review_log("alice").empty());
}

TEST(Controller, UsedCodePointsCoverEveryBankString) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  const auto cps = c.used_code_points();
  ASSERT_FALSE(cps.empty());
  EXPECT_TRUE(std::is_sorted(cps.begin(), cps.end()));
  EXPECT_EQ(std::adjacent_find(cps.begin(), cps.end()), cps.end());
  auto has = [&cps](char32_t cp) { return std::binary_search(cps.begin(), cps.end(), cp); };
  EXPECT_TRUE(has(U'\u0424'));  // Ф
  EXPECT_TRUE(has(U'\u044F'));  // я
  EXPECT_TRUE(has(U'\u00AB'));  // «
  EXPECT_TRUE(has(U'\u00BB'));  // »
  EXPECT_TRUE(has(U'\u00B6'));  // ¶ (citations)
  EXPECT_TRUE(has(U'L'));
  EXPECT_FALSE(has(U'\uFFFD'));
  EXPECT_FALSE(has(U'\u0429'));  // Щ appears nowhere
}

TEST(Controller, OpeningAnUnusableDatabaseThrowsStorageError) {
  Fixture f;
  EXPECT_THROW(app::Controller(test_config(f.dir.path().string(), f.now)), storage::StorageError);
}

TEST(Citation, ShortFormFromTheSourceCitation) {
  const core::Source s{"soldatov2021",
                       "Andrei Soldatov, \"Can the U.S. Still Cooperate With Russia's Security Agencies?\", "
                       "The Moscow Times, 14 May 2021.",
                       "", ""};
  EXPECT_EQ(app::format_citation(s, {12}), "Andrei Soldatov, 2021, \xC2\xB6" "12");
  EXPECT_EQ(app::format_citation(s, {13, 12}), "Andrei Soldatov, 2021, \xC2\xB6" "12\xE2\x80\x93" "13");
  EXPECT_EQ(app::format_citation(s, {9, 11, 12}), "Andrei Soldatov, 2021, \xC2\xB6" "9, 11, 12");
  EXPECT_EQ(app::format_citation(s, {}), "Andrei Soldatov, 2021");
  const core::Source two{"x", "Jane Doe and John Roe, “A, B and C”, Journal, 2020.", "", ""};
  EXPECT_EQ(app::format_citation(two, {3}), "Jane Doe and John Roe, 2020, \xC2\xB6" "3");
  const core::Source bare{"only-id", "", "", ""};
  EXPECT_EQ(app::format_citation(bare, {4}), "only-id, \xC2\xB6" "4");
}

TEST(Controller, CardViewRendersInlineCitations) {
  Fixture f;
  const std::string bank = f.dir.file("cited.toml");
  std::ofstream(bank, std::ios::binary) << R"([bank]
id = "cited"
title = "Cited"
version = "1"
format = 1

[[source]]
id = "doe2021"
citation = "Jane Doe, \"A Made-Up Article\", The Test Times, 14 May 2021."

[[source]]
id = "rferl-2019"
citation = "RFE/RL, report on the sentences, February 2019."
short = "RFE/RL, 2019"

[[question]]
id = "q1"
type = "single_choice"
prompt = "Which year [@doe2021]?"
choices = ["2016 [@rferl-2019]", "2018"]
answer = "2016 [@rferl-2019]"
explanation = "Both say 2016 [@doe2021; @rferl-2019]."
source = "doe2021"
paragraph = 1

[[question]]
id = "q2"
type = "dilemma"
prompt = "Share?"
scenario = "A lead arrives [@rferl-2019]."
rubric = ["Names the risk [@doe2021]", "Weighs it"]
model_answer = "Share carefully [@rferl-2019]."
explanation = "It depends."
source = "doe2021"
paragraph = 2

  [[question.position]]
  id = "share"
  title = "Share [@doe2021]"
  arguments = ["Saves lives [@rferl-2019]"]

  [[question.position]]
  id = "withhold"
  title = "Withhold"
  arguments = []
)";
  app::Controller c(test_config(f.db, f.now, {bank}));
  ASSERT_TRUE(c.home().banks.at(0).loaded);
  c.dispatch(app::StartSession{});
  ASSERT_NE(c.study(), nullptr);
  const app::CardView& card = c.study()->card;
  const core::Question& q1 = current_question(c);
  EXPECT_EQ(q1.id, "q1");
  EXPECT_EQ(card.prompt, "Which year (Jane Doe, 2021)?");
  EXPECT_EQ(card.explanation, "Both say 2016 (Jane Doe, 2021; RFE/RL, 2019).");
  ASSERT_EQ(card.options.size(), 2u);
  for (const auto& o : card.options) {  // shown in any order, each with its canonical index
    EXPECT_EQ(o.text, o.index == 0 ? "2016 (RFE/RL, 2019)" : "2018");
  }
  EXPECT_EQ(q1.explanation, "Both say 2016 [@doe2021; @rferl-2019].");  // the data stays raw
  *f.now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(q1, false)});
  ASSERT_TRUE(c.study()->feedback.has_value());
  EXPECT_EQ(c.study()->feedback->expected, "2016 (RFE/RL, 2019)");
  EXPECT_EQ(c.study()->feedback->given, "2018");
  EXPECT_EQ(c.study()->card.explanation, "Both say 2016 (Jane Doe, 2021; RFE/RL, 2019).");
  c.dispatch(app::Rate{Rating::Again});

  ASSERT_NE(c.study(), nullptr);
  const app::CardView& d = c.study()->card;
  ASSERT_EQ(current_question(c).id, "q2");
  EXPECT_EQ(d.scenario, "A lead arrives (RFE/RL, 2019).");
  EXPECT_EQ(d.model_answer, "Share carefully (RFE/RL, 2019).");
  EXPECT_EQ(d.rubric, (std::vector<std::string>{"Names the risk (Jane Doe, 2021)", "Weighs it"}));
  ASSERT_EQ(d.positions.size(), 2u);
  EXPECT_EQ(d.positions[0].id, "share");
  EXPECT_EQ(d.positions[0].title, "Share (Jane Doe, 2021)");
  EXPECT_EQ(d.positions[0].arguments, (std::vector<std::string>{"Saves lives (RFE/RL, 2019)"}));
  EXPECT_EQ(d.positions[1].title, "Withhold");
}

TEST(Controller, BundledBanksStudyEndToEnd) {
  const std::string banks = std::string(CASEBOOK_SOURCE_DIR) + "/question_banks";
  if (!std::filesystem::is_directory(banks)) GTEST_SKIP() << "no " << banks;
  // One session over the bundled banks with every answer right and rated Easy (each card
  // graduates and leaves); returns the questions shown.
  const auto walk = [&](bool bury_siblings) {
    Fixture f;
    auto config = test_config(f.db, f.now, {banks});
    config.new_cards_per_day = 1000;
    app::Controller c(config);
    core::StudyOptions o = c.study_options();
    EXPECT_TRUE(o.bury_siblings);  // the default since issue 4
    o.bury_siblings = bury_siblings;
    c.dispatch(app::Navigate{app::Screen::Settings});
    c.dispatch(app::SaveOptions{o, ""});
    c.dispatch(app::GoHome{});
    for (const auto& row : c.home().banks) EXPECT_TRUE(row.loaded) << row.path;
    // Home promises what the session then shows (siblings buried or not).
    const int promised = c.home().new_available + c.home().learning_due + c.home().review_due;
    c.dispatch(app::StartSession{});
    std::vector<const core::Question*> shown;
    while (c.screen() == app::Screen::Study && shown.size() < 1000) {
      const app::CardView& card = c.study()->card;
      const core::Question& q = current_question(c);
      SCOPED_TRACE(card.card_key);
      // Every citation resolves to its [[source]]; one of the article ends with the
      // paragraph(s), one of another source says it is outside the article.
      EXPECT_NE(card.citation.rfind(q.source.source_id, 0), 0u) << card.citation;
      const bool outside = card.citation.rfind("Outside the article: ", 0) == 0;
      EXPECT_TRUE(outside || card.citation.find("\xC2\xB6") != std::string::npos) << card.citation;
      std::size_t n = 0;
      if (q.type == core::QuestionType::SingleChoice || q.type == core::QuestionType::MultipleResponse) n = q.choices.size();
      if (q.type == core::QuestionType::Ordering) n = q.items.size();
      if (q.type == core::QuestionType::Matching) n = q.pairs.size();
      EXPECT_EQ(card.options.size(), n);
      *f.now += 1000;
      c.dispatch(app::SubmitAnswer{make_answer(q, true)});
      EXPECT_TRUE(c.study()->feedback.has_value());
      if (!c.study()->feedback) break;
      EXPECT_TRUE(c.study()->feedback->grade.correct) << "the right answer was graded wrong";
      c.dispatch(app::Rate{Rating::Easy});
      EXPECT_TRUE(c.message().empty()) << c.message();
      shown.push_back(&q);
    }
    EXPECT_EQ(c.screen(), app::Screen::Summary);
    EXPECT_EQ(c.summary().reviewed, static_cast<int>(shown.size()));
    // Every card of the course banks (the bundled template bank is studied only when chosen).
    const int total = c.home().scopes.front().cards;
    std::set<std::string> facts;  // facts of the questions shown
    bool sibling_shown = false;
    for (const core::Question* q : shown) {
      for (const auto& fact : q->fact_ids) sibling_shown = !facts.insert(fact).second || sibling_shown;
    }
    EXPECT_EQ(promised, static_cast<int>(shown.size()));
    return std::make_tuple(static_cast<int>(shown.size()), total, sibling_shown);
  };
  // Bury siblings off: every card of the banks is shown, generated siblings included.
  const auto [all_shown, total, siblings_when_off] = walk(false);
  EXPECT_EQ(all_shown, total);
  EXPECT_TRUE(siblings_when_off);  // the bundled bank does generate several cards per fact
  // On (the default): at most one card per fact, so fewer cards today.
  const auto [shown, total_again, siblings_when_on] = walk(true);
  EXPECT_FALSE(siblings_when_on);
  EXPECT_LT(shown, total_again);
}

// Two Casebooks on one database (two windows, or a laptop and a synced folder): each rating
// starts from the newest stored state, not from the state the instance loaded at start.
TEST(Controller, TwoInstancesScheduleFromTheNewestState) {
  Fixture f;
  // The instance lock would offer the second one read-only; here both write on purpose (the
  // lock does not reach a file synced between two computers).
  auto config = test_config(f.db, f.now);
  config.single_instance = false;
  app::Controller a(config);
  app::Controller b(config);
  a.dispatch(app::StartSession{});
  b.dispatch(app::StartSession{});
  ASSERT_NE(a.study(), nullptr);
  ASSERT_NE(b.study(), nullptr);
  const std::string key = a.study()->card.card_key;
  ASSERT_EQ(b.study()->card.card_key, key);  // both show the same new card

  answer_and_rate(a, f, true, Rating::Good);
  answer_and_rate(b, f, true, Rating::Good);

  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].before.state, core::CardState::New);
  EXPECT_EQ(log[1].before, log[0].after);  // b started from a's result
  EXPECT_EQ(log[1].after.reps, 2);
  EXPECT_EQ(p.card_state("alice", key), log[1].after);
  EXPECT_EQ(p.card_state("alice", "test-small/never-seen"), std::nullopt);
}
