// Issue 11 through app::Controller: choosing what to study on Home (every course bank, one
// bank, one topic; example banks only when chosen), the session's new · learning · review
// counts, waiting for a learning card, and undo (the review voided, the card's state
// restored and shown again, Home counts following), with a real bank and SQLite file.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "app/controller.hpp"
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

struct Fixture : casebook::test::AppFiles {

  /// The small test bank again as an example bank (`kind = "example"`, id test-example).
  std::string example_bank() {
    std::ifstream in(casebook::test::small_bank_path());
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    const std::string id = "id = \"test-small\"";
    s.replace(s.find(id), id.size(), "id = \"test-example\"\nkind = \"example\"");
    const std::string path = dir.file("example.toml");
    std::ofstream(path) << s;
    return path;
  }
};

void answer(app::Controller& c, Fixture& f, bool right, Rating rating) {
  ASSERT_NE(c.study(), nullptr);
  *f.now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), right)});
  ASSERT_TRUE(c.study()->feedback.has_value());
  *f.now += 500;
  c.dispatch(app::Rate{rating});
}

void save(app::Controller& c, const core::StudyOptions& o) {
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::SaveOptions{o, ""});
  c.dispatch(app::GoHome{});
  ASSERT_EQ(c.screen(), app::Screen::Home);
}

}  // namespace

TEST(StudyChoice, HomeListsBanksAndTopicsAndLeavesExampleBanksOutOfEverything) {
  Fixture f;
  const std::string example = f.example_bank();
  app::Controller c(test_config(f.db, f.now, {casebook::test::small_bank_path(), example}));
  const app::HomeView& h = c.home();
  ASSERT_EQ(h.scopes.size(), 5u);
  EXPECT_EQ(h.selected, 0);
  EXPECT_EQ(h.scopes[0].label, "All course banks");
  EXPECT_EQ(h.scopes[0].scope, app::StudyScope{});
  EXPECT_EQ(h.scopes[0].fresh, 8);  // the example bank's 8 cards are not in it
  EXPECT_EQ(h.scopes[0].cards, 8);
  EXPECT_EQ(h.new_available, 8);
  // Banks in path order (the temp folder's example.toml, then the test data), each with its topic.
  std::vector<std::tuple<std::string, std::string, int, std::string, int>> rows;
  for (std::size_t i = 1; i < h.scopes.size(); ++i) {
    const app::ScopeRow& r = h.scopes[i];
    rows.emplace_back(r.scope.bank_id, r.scope.topic, r.depth, r.kind, r.fresh);
  }
  const bool example_first = h.scopes[1].scope.bank_id == "test-example";
  const std::vector<std::tuple<std::string, std::string, int, std::string, int>> example_rows = {
      {"test-example", "", 1, "example", 8}, {"test-example", "basics", 2, "example", 1}};
  const std::vector<std::tuple<std::string, std::string, int, std::string, int>> course_rows = {
      {"test-small", "", 1, "", 8}, {"test-small", "basics", 2, "", 1}};
  auto expected = example_first ? example_rows : course_rows;
  const auto& second = example_first ? course_rows : example_rows;
  expected.insert(expected.end(), second.begin(), second.end());
  EXPECT_EQ(rows, expected);
  EXPECT_EQ(h.scopes[example_first ? 1 : 3].label, "Small test bank");
  EXPECT_EQ(h.scopes[example_first ? 2 : 4].cards, 1);

  // Enter on the first row: every course bank, never the example bank.
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key.rfind("test-small/", 0), 0u);
  EXPECT_EQ(c.study()->card.count_new, 8);
  EXPECT_EQ(c.study()->card.scope_label, "All course banks");
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});

  // Chosen, the example bank is studied.
  const int example_row = example_first ? 1 : 3;
  c.dispatch(app::SelectScope{example_row});
  EXPECT_EQ(c.home().selected, example_row);
  c.dispatch(app::StartSession{c.home().scopes[static_cast<std::size_t>(example_row)].scope});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key, "test-example/q1-year");
  EXPECT_EQ(c.study()->card.scope_label, "Bank: Small test bank");
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  // The highlight stays on the same scope after a reload; SelectScope is clamped.
  c.dispatch(app::ReloadBanks{});
  EXPECT_EQ(c.home().selected, example_row);
  c.dispatch(app::SelectScope{99});
  EXPECT_EQ(c.home().selected, 4);
  c.dispatch(app::SelectScope{-3});
  EXPECT_EQ(c.home().selected, 0);
}

TEST(StudyChoice, ATopicSessionHasOnlyItsCards) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{app::StudyScope{"test-small", "basics"}});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key, "test-small/q1-year");
  EXPECT_EQ(c.study()->card.scope_label, "Topic: Basics (Small test bank)");
  EXPECT_EQ(c.study()->card.count_new, 1);
  answer(c, f, true, Rating::Easy);  // graduates to a later day: the session ends
  EXPECT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_EQ(c.summary().reviewed, 1);
  c.dispatch(app::GoHome{});
  c.dispatch(app::StartSession{app::StudyScope{"test-small", "basics"}});
  EXPECT_EQ(c.screen(), app::Screen::Home);
  EXPECT_EQ(c.message(),
            "Nothing to study in Topic: Basics (Small test bank) right now: no card is due and today's new cards "
            "are done.");
}

TEST(StudyChoice, CountsGoDownByCardAsInAnki) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{});
  const auto counts = [&c] {
    const app::CardView& v = c.study()->card;
    return std::tuple(v.count_new, v.count_learning, v.count_review);
  };
  EXPECT_EQ(counts(), std::tuple(8, 0, 0));
  answer(c, f, false, Rating::Again);  // new -> learning: shown again within a minute
  EXPECT_EQ(counts(), std::tuple(7, 1, 0));
  answer(c, f, true, Rating::Easy);  // new -> review on a later day: it leaves
  EXPECT_EQ(counts(), std::tuple(6, 1, 0));
  EXPECT_EQ(c.study()->card.position, 3);
}

TEST(StudyChoice, UndoOnAnAnswersFeedbackAsksFirstAndNothingIsDroppedUnseen) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{});
  const std::string first = c.study()->card.card_key;
  answer(c, f, true, Rating::Good);
  const std::string second = c.study()->card.card_key;
  *f.now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
  ASSERT_TRUE(c.study()->feedback.has_value());
  // The answer on screen has no rating yet: the first undo only says what a second would do.
  c.dispatch(app::Undo{});
  EXPECT_EQ(c.message(),
            "This answer is saved when you rate it. Undo again to take back the card before instead: this answer "
            "is then not saved.");
  EXPECT_EQ(c.study()->card.card_key, second);
  EXPECT_TRUE(c.study()->feedback.has_value());
  {
    storage::Progress p(f.db);
    EXPECT_EQ(p.review_log("alice").size(), 1u);
    EXPECT_TRUE(p.voided_reviews("alice").empty());
  }
  // Rating it keeps it, and the question is gone with the answer.
  *f.now += 500;
  c.dispatch(app::Rate{Rating::Good});
  EXPECT_EQ(c.message(), "");
  {
    storage::Progress p(f.db);
    ASSERT_EQ(p.review_log("alice").size(), 2u);
    EXPECT_EQ(p.review_log("alice")[1].card_key, second);
  }
  // On the next feedback, two undos in a row take the rating before back (the second card's).
  *f.now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), false)});
  ASSERT_TRUE(c.study()->feedback.has_value());
  c.dispatch(app::Undo{});
  EXPECT_TRUE(c.study()->feedback.has_value());
  c.dispatch(app::Undo{});
  EXPECT_EQ(c.message(), "The last rating was taken back: answer this card again.");
  EXPECT_EQ(c.study()->card.card_key, second);
  EXPECT_FALSE(c.study()->feedback.has_value());
  storage::Progress p(f.db);
  ASSERT_EQ(p.review_log("alice").size(), 1u);  // the second voided; the third answer never saved
  EXPECT_EQ(p.review_log("alice")[0].card_key, first);
  SQLite::Database raw(f.db, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_log").getInt(), 2);
  ASSERT_EQ(p.voided_reviews("alice").size(), 1u);
  EXPECT_EQ(p.voided_reviews("alice")[0].card_key, second);
}

TEST(StudyChoice, UndoVoidsTheReviewAndShowsTheCardAgain) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{});
  EXPECT_FALSE(c.study()->can_undo);
  c.dispatch(app::Undo{});
  EXPECT_EQ(c.message(), "Nothing to undo: no card has been rated in this session.");
  const std::string first = c.study()->card.card_key;
  answer(c, f, true, Rating::Good);
  const std::string second = c.study()->card.card_key;
  const std::vector<int> second_order = casebook::test::display_order(c.study()->card);
  EXPECT_TRUE(c.study()->can_undo);
  answer(c, f, false, Rating::Again);
  EXPECT_EQ(c.study()->card.count_learning, 2);

  c.dispatch(app::Undo{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key, second);
  EXPECT_FALSE(c.study()->feedback.has_value());
  EXPECT_EQ(c.study()->card.position, 2);
  EXPECT_EQ(casebook::test::display_order(c.study()->card), second_order);  // shown as before
  EXPECT_EQ(std::tuple(c.study()->card.count_new, c.study()->card.count_learning), std::tuple(7, 1));
  EXPECT_EQ(c.message(), "The last rating was taken back: answer this card again.");
  {
    storage::Progress p(f.db);
    ASSERT_EQ(p.review_log("alice").size(), 1u);
    EXPECT_EQ(p.review_log("alice")[0].card_key, first);
    ASSERT_EQ(p.voided_reviews("alice").size(), 1u);
    EXPECT_EQ(p.voided_reviews("alice")[0].card_key, second);
    EXPECT_EQ(p.voided_reviews("alice")[0].voided_at, *f.now);
    EXPECT_FALSE(p.card_state("alice", second).has_value());  // new again
    SQLite::Database raw(f.db, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_log").getInt(), 2);  // nothing deleted
  }
  // Again for the one before; then nothing is left to take back.
  c.dispatch(app::Undo{});
  EXPECT_EQ(c.study()->card.card_key, first);
  EXPECT_EQ(c.study()->card.count_new, 8);
  EXPECT_FALSE(c.study()->can_undo);

  // Rated again and the session left: the summary can still take the last rating back.
  *f.now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
  EXPECT_EQ(c.message(), "") << "the notice of the undo outlived the answer after it";
  *f.now += 500;
  c.dispatch(app::Rate{Rating::Easy});
  c.dispatch(app::LeaveSession{});
  ASSERT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_EQ(c.summary().reviewed, 1);
  EXPECT_TRUE(c.summary().can_undo);
  c.dispatch(app::Undo{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key, first);
  c.dispatch(app::LeaveSession{});
  EXPECT_EQ(c.summary().reviewed, 0);
  // Nothing is left to answer again: the undo's notice does not stay on the summary.
  EXPECT_EQ(c.message(), "");
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().new_available, 8);  // Home counts honour the voided reviews
  storage::Progress p(f.db);
  EXPECT_TRUE(p.review_log("alice").empty());
  EXPECT_EQ(p.voided_reviews("alice").size(), 3u);
  EXPECT_EQ(p.count_new_cards("alice", kTestNow, kTestNow + core::kMsPerDay), 0);
}

TEST(StudyChoice, WaitsForTheNextLearningCardAndResumes) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  core::StudyOptions o = c.study_options();
  o.learn_ahead_minutes = 0;
  save(c, o);
  c.dispatch(app::StartSession{app::StudyScope{"test-small", "basics"}});
  answer(c, f, false, Rating::Again);  // a 1-minute step: nothing else in the session
  ASSERT_EQ(c.screen(), app::Screen::Study);
  const app::StudyView* v = c.study();
  ASSERT_TRUE(v->waiting);
  EXPECT_EQ(v->ready_at, *f.now + core::kMsPerMinute);
  EXPECT_EQ(v->waiting_line,
            "Only learning cards are left, and none is due yet: the next one is due in 1 minute.");
  EXPECT_EQ(v->card.count_learning, 1);
  EXPECT_TRUE(v->can_undo);
  // Not yet due: ResumeSession and poll change nothing.
  *f.now += 30'000;
  c.dispatch(app::ResumeSession{});
  EXPECT_TRUE(c.study()->waiting);
  EXPECT_FALSE(c.poll());
  // Due: poll shows it.
  *f.now += 30'000;
  EXPECT_TRUE(c.poll());
  ASSERT_FALSE(c.study()->waiting);
  EXPECT_EQ(c.study()->card.card_key, "test-small/q1-year");
  EXPECT_EQ(c.study()->card.position, 2);
  // Waiting again, the learner may end the session.
  answer(c, f, false, Rating::Again);
  ASSERT_TRUE(c.study()->waiting);
  c.dispatch(app::LeaveSession{});
  EXPECT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_EQ(c.summary().reviewed, 2);
}
