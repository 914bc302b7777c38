// Issue 11, custom study through app::Controller on real SQLite files and a fixed clock: the
// exact queue of every mode (today's forgotten cards with voided reviews left out, review
// ahead, preview, cram, extra new cards kept over a restart, all cards of a topic), whether
// the schedule and the review log change, and the Custom study screen's model.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/custom_study.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using app::StudyMode;
using app::StudyModeKind;
using app::StudyScope;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;
using core::CardState;
using core::Rating;

namespace {

constexpr core::TimestampMs kHour = 3'600'000;
constexpr core::TimestampMs kDay = core::kMsPerDay;

std::string key(const char* id) { return std::string("test-small/") + id; }

struct Fixture : casebook::test::AppFiles {

  /// Records a review of `card` at `at` that leaves it in `after` (from `before`).
  static std::int64_t seed(storage::Progress& p, const std::string& card, core::TimestampMs at, Rating rating,
                           const core::CardSchedule& before, const core::CardSchedule& after) {
    core::ReviewRecord r;
    r.learner = "alice";
    r.card_key = card;
    r.reviewed_at = at;
    r.rating = rating;
    r.correct = rating != Rating::Again;
    r.answer = "seeded";
    r.before = before;
    r.after = after;
    return p.record_review(r);
  }

  static core::CardSchedule review(double stability, core::TimestampMs last, core::TimestampMs due) {
    core::CardSchedule s;
    s.state = CardState::Review;
    s.stability = stability;
    s.difficulty = 5.0;
    s.last_review = last;
    s.due = due;
    s.reps = 3;
    return s;
  }

  static core::CardSchedule relearning(core::TimestampMs last, core::TimestampMs due) {
    core::CardSchedule s = review(0.5, last, due);
    s.state = CardState::Relearning;
    s.lapses = 1;
    return s;
  }

  /// Today (2024-06-01, study days from 04:00 UTC) the learner has:
  ///  q1-year (topic basics): Review, due in 15 days;
  ///  q2-truth: rated Again 2 h ago, in relearning and due now;
  ///  q3-name: rated Again 3 h ago, then Good: Review, due in 2 days;
  ///  q4-count: Review, due tomorrow;
  ///  q5-order: rated Again 1 h ago, taken back (voided): Review, due in 27 days;
  ///  q6-match: Review, due an hour ago (due today);
  ///  q7-multi, q8-dilemma: new.
  void seed_history() const {
    storage::Progress p(db);
    const core::TimestampMs t = kTestNow;
    const core::CardSchedule fresh{};
    seed(p, key("q1-year"), t - 5 * kDay, Rating::Good, fresh, review(20, t - 5 * kDay, t + 15 * kDay));
    const auto q2 = review(10, t - 10 * kDay, t - 2 * kHour);
    seed(p, key("q2-truth"), t - 10 * kDay, Rating::Good, fresh, q2);
    seed(p, key("q2-truth"), t - 2 * kHour, Rating::Again, q2, relearning(t - 2 * kHour, t - 2 * kHour + 600'000));
    const auto q3 = review(8, t - 8 * kDay, t - 3 * kHour);
    seed(p, key("q3-name"), t - 8 * kDay, Rating::Good, fresh, q3);
    const auto q3_lapsed = relearning(t - 3 * kHour, t - 3 * kHour + 600'000);
    seed(p, key("q3-name"), t - 3 * kHour, Rating::Again, q3, q3_lapsed);
    seed(p, key("q3-name"), t - 150 * 60'000, Rating::Good, q3_lapsed, review(2, t - 150 * 60'000, t + 2 * kDay));
    seed(p, key("q4-count"), t - 2 * kDay, Rating::Good, fresh, review(3, t - 2 * kDay, t + kDay));
    const auto q5 = review(30, t - 3 * kDay, t + 27 * kDay);
    seed(p, key("q5-order"), t - 3 * kDay, Rating::Good, fresh, q5);
    const auto undone = seed(p, key("q5-order"), t - kHour, Rating::Again, q5, relearning(t - kHour, t - 50 * 60'000));
    p.void_review("alice", undone, t - kHour + 5000);
    seed(p, key("q6-match"), t - kDay, Rating::Good, fresh, review(1, t - kDay, t - kHour));
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

/// Starts `mode` over `scope` and answers every card right with Easy until the session ends;
/// returns the cards in the order they were shown.
std::vector<std::string> study_all(app::Controller& c, Fixture& f, const StudyScope& scope, const StudyMode& mode) {
  c.dispatch(app::StartSession{scope, mode});
  std::vector<std::string> shown;
  while (c.screen() == app::Screen::Study && shown.size() < 50) {
    shown.push_back(c.study()->card.card_key);
    answer(c, f, true, Rating::Easy);
  }
  return shown;
}

/// Starts `mode` over `scope`: the message when no session starts (the screen stays), else
/// "(a session started)".
std::string refused(app::Controller& c, const StudyScope& scope, const StudyMode& mode) {
  const app::Screen before = c.screen();
  c.dispatch(app::StartSession{scope, mode});
  return c.screen() == before ? c.message() : "(a session started)";
}

std::vector<std::string> keys(std::initializer_list<const char*> ids) {
  std::vector<std::string> out;
  for (const char* id : ids) out.push_back(key(id));
  return out;
}

int log_rows(const std::string& db) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT count(*) FROM review_log").getInt();
}

std::map<std::string, core::CardSchedule> states(const std::string& db) {
  storage::Progress p(db, storage::Progress::Access::ReadOnly);
  return p.card_states("alice");
}

void save_new_limit(app::Controller& c, int new_cards) {
  core::StudyOptions o = c.study_options();
  o.new_cards_per_day = new_cards;
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::SaveOptions{o, ""});
  c.dispatch(app::GoHome{});
  ASSERT_EQ(c.screen(), app::Screen::Home);
}

}  // namespace

TEST(CustomStudy, NormalStudyOfTheSeededDayForComparison) {
  Fixture f;
  f.seed_history();
  app::Controller c(test_config(f.db, f.now));
  const app::ScopeRow& all = c.home().scopes[0];
  EXPECT_EQ(std::tuple(all.fresh, all.learning, all.review), std::tuple(2, 1, 1));  // q7 q8 · q2 · q6
  EXPECT_EQ(study_all(c, f, {}, {}), keys({"q2-truth", "q7-multi", "q8-dilemma", "q6-match"}));  // 2 new before 1 review
}

TEST(CustomStudy, ForgottenTakesTodaysAgainCardsLeavingVoidedReviewsOutAndReschedules) {
  Fixture f;
  f.seed_history();
  const int rows_before = log_rows(f.db);
  const auto before = states(f.db);
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{{}, StudyMode{StudyModeKind::Forgotten}});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  const app::CardView& card = c.study()->card;
  // q2 (relearning, due) first, then q3 (Review again, due in 2 days, shown now); q5's Again
  // was taken back: not forgotten.
  EXPECT_EQ(card.card_key, key("q2-truth"));
  EXPECT_EQ(std::tuple(card.count_new, card.count_learning, card.count_review), std::tuple(0, 1, 1));
  EXPECT_EQ(card.mode_label, "Custom study: today's forgotten cards · changes the schedule");
  answer(c, f, true, Rating::Good);
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key, key("q3-name"));
  answer(c, f, true, Rating::Good);
  EXPECT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_EQ(c.summary().reviewed, 2);
  // Recorded and rescheduled: two rows, both cards' states changed, the others untouched.
  EXPECT_EQ(log_rows(f.db), rows_before + 2);
  const auto after = states(f.db);
  EXPECT_EQ(after.at(key("q2-truth")).state, CardState::Review);
  EXPECT_NE(after.at(key("q3-name")), before.at(key("q3-name")));
  EXPECT_EQ(after.at(key("q3-name")).last_review, *f.now);
  for (const char* id : {"q1-year", "q4-count", "q5-order", "q6-match"}) {
    EXPECT_EQ(after.at(key(id)), before.at(key(id))) << id;
  }
  // Tomorrow nothing is "forgotten today".
  c.dispatch(app::GoHome{});
  *f.now += kDay;
  EXPECT_EQ(refused(c, {}, StudyMode{StudyModeKind::Forgotten}),
            "Nothing to study for Today's forgotten cards: the cards you rated Again today.");
}

TEST(CustomStudy, ReviewAheadTakesCardsDueWithinNDaysMostAtRiskFirst) {
  Fixture f;
  f.seed_history();
  {
    app::Controller c(test_config(f.db, f.now));
    // Due within 1 day: q2 (learning, first), then by retrievability q6 (due today), q4 (tomorrow).
    EXPECT_EQ(study_all(c, f, {}, StudyMode{StudyModeKind::Ahead, 1}), keys({"q2-truth", "q6-match", "q4-count"}));
  }
  Fixture g;
  g.seed_history();
  const int rows_before = log_rows(g.db);
  app::Controller c(test_config(g.db, g.now));
  c.dispatch(app::StartSession{{}, StudyMode{StudyModeKind::Ahead, 2}});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.mode_label, "Custom study: review ahead, 2 days · changes the schedule");
  EXPECT_EQ(c.study()->card.count_review, 3);  // q6 q4 q3; q1 (15 days) and q5 (27 days) are not in it
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  EXPECT_EQ(study_all(c, g, {}, StudyMode{StudyModeKind::Ahead, 2}),
            keys({"q2-truth", "q6-match", "q4-count", "q3-name"}));
  EXPECT_EQ(log_rows(g.db), rows_before + 4);
  EXPECT_GT(states(g.db).at(key("q4-count")).due, kTestNow + kDay);  // reviewed early: rescheduled
  // Out of range: nothing starts.
  c.dispatch(app::GoHome{});
  EXPECT_EQ(refused(c, {}, StudyMode{StudyModeKind::Ahead, 0}), "Custom study: review ahead takes 1 to 365 days, not 0.");
}

TEST(CustomStudy, AllCardsOfATopicOrBankWhateverTheirDueDate) {
  Fixture f;
  f.seed_history();
  app::Controller c(test_config(f.db, f.now));
  const StudyScope basics{"test-small", "basics"};
  EXPECT_NE(refused(c, basics, {}), "(a session started)");  // q1 is due in 15 days: nothing in normal study
  EXPECT_EQ(study_all(c, f, basics, StudyMode{StudyModeKind::All}), keys({"q1-year"}));
  EXPECT_EQ(states(f.db).at(key("q1-year")).last_review, *f.now);
  c.dispatch(app::GoHome{});
  // The whole bank: the learning card, then reviews by retrievability with the new cards mixed
  // in (q7 after one review, q8 after three of five).
  Fixture g;
  g.seed_history();
  app::Controller d(test_config(g.db, g.now));
  EXPECT_EQ(study_all(d, g, StudyScope{"test-small", ""}, StudyMode{StudyModeKind::All}),
            keys({"q2-truth", "q6-match", "q7-multi", "q4-count", "q1-year", "q8-dilemma", "q5-order", "q3-name"}));
  EXPECT_EQ(log_rows(g.db), 10 + 8);
}

TEST(CustomStudy, PreviewShowsNewCardsOnceAndRecordsNothing) {
  Fixture f;
  f.seed_history();
  const int rows_before = log_rows(f.db);
  const auto before = states(f.db);
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{{}, StudyMode{StudyModeKind::Preview, 1, 1}});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key, key("q7-multi"));
  EXPECT_EQ(c.study()->card.count_new, 1);
  EXPECT_EQ(c.study()->card.mode_label, "Custom study: preview of new cards · does not change the schedule");
  *f.now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), false)});
  ASSERT_TRUE(c.study()->feedback.has_value());
  for (const std::string& interval : c.study()->feedback->intervals) EXPECT_EQ(interval, "");  // none applies
  c.dispatch(app::Rate{Rating::Again});  // Again too: shown once, never queued again
  ASSERT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_EQ(c.summary().reviewed, 1);
  EXPECT_EQ(c.summary().ratings[0], 1);
  // Undo takes the preview's rating back without touching the file.
  EXPECT_TRUE(c.summary().can_undo);
  c.dispatch(app::Undo{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key, key("q7-multi"));
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  EXPECT_EQ(study_all(c, f, {}, StudyMode{StudyModeKind::Preview, 1, 20}), keys({"q7-multi", "q8-dilemma"}));
  EXPECT_EQ(log_rows(f.db), rows_before);
  EXPECT_EQ(states(f.db), before);
  storage::Progress p(f.db);
  EXPECT_TRUE(p.voided_reviews("alice").size() == 1u);  // only the seeded one
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().new_available, 2);  // still new
}

TEST(CustomStudy, CramTakesNewCardsPastTodaysLimitAndSchedulesThem) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  save_new_limit(c, 2);
  EXPECT_EQ(study_all(c, f, {}, {}), keys({"q1-year", "q2-truth"}));
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().new_available, 0);
  EXPECT_NE(refused(c, {}, {}), "(a session started)");
  EXPECT_EQ(study_all(c, f, {}, StudyMode{StudyModeKind::Cram, 1, 3}), keys({"q3-name", "q4-count", "q5-order"}));
  EXPECT_EQ(log_rows(f.db), 5);
  const auto after = states(f.db);
  for (const char* id : {"q3-name", "q4-count", "q5-order"}) EXPECT_EQ(after.at(key(id)).state, CardState::Review);
  storage::Progress p(f.db);
  EXPECT_EQ(p.count_new_cards("alice", kTestNow - 8 * kHour, kTestNow + 16 * kHour), 5);
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().new_available, 0);
  // A topic's cram takes only its new cards (q1 is no longer new).
  EXPECT_EQ(refused(c, StudyScope{"test-small", "basics"}, StudyMode{StudyModeKind::Cram, 1, 3}),
            "Nothing to study in Topic: Basics (Small test bank) for Cram new cards: up to 3, past today's "
            "new-card limit.");
}

TEST(CustomStudy, ExtraNewCardsRaiseTodaysLimitAndSurviveARestart) {
  Fixture f;
  {
    app::Controller c(test_config(f.db, f.now));
    save_new_limit(c, 2);
    EXPECT_EQ(study_all(c, f, {}, {}), keys({"q1-year", "q2-truth"}));
    c.dispatch(app::GoHome{});
    EXPECT_EQ(c.home().new_available, 0);
    c.dispatch(app::StartSession{{}, StudyMode{StudyModeKind::ExtraNew, 1, 3}});
    ASSERT_EQ(c.screen(), app::Screen::Study);
    EXPECT_EQ(c.study()->card.card_key, key("q3-name"));
    EXPECT_EQ(c.study()->card.count_new, 3);
    EXPECT_EQ(c.study()->card.mode_label, "Custom study: 3 extra new cards today · changes the schedule");
    answer(c, f, true, Rating::Easy);
    c.dispatch(app::LeaveSession{});
    c.dispatch(app::GoHome{});
    EXPECT_EQ(c.home().new_available, 2);
  }
  {
    // A restart the same day keeps the raise.
    app::Controller c(test_config(f.db, f.now));
    EXPECT_EQ(c.home().new_available, 2);
    EXPECT_EQ(study_all(c, f, {}, {}), keys({"q4-count", "q5-order"}));
    c.dispatch(app::GoHome{});
    EXPECT_EQ(c.home().new_available, 0);
  }
  storage::Progress p(f.db);
  const auto extras = p.extra_new_cards("alice", "2024-06-01");
  ASSERT_EQ(extras.size(), 1u);
  EXPECT_EQ(extras[0].count, 3);
  EXPECT_EQ(extras[0].bank_id, "");
  EXPECT_EQ(log_rows(f.db), 5);
  // The next study day has the plain limit again (2, not 5).
  *f.now += kDay;
  app::Controller c(test_config(f.db, f.now));
  EXPECT_EQ(c.home().new_available, 2);
}

/// Home's new count of every scope row, by "bank/topic" ("" for All course banks).
std::map<std::string, int> home_new(const app::Controller& c) {
  std::map<std::string, int> out;
  for (const auto& row : c.home().scopes) out[row.scope.bank_id + "/" + row.scope.topic] = row.fresh;
  return out;
}

// A new user's report: with the day's new cards done, "20 extra new cards today" on ONE topic
// ("The Colonial Pipeline attack") unlocked new cards in every row of Home (All course banks,
// every other topic, even the template bank), because the raise was added to the learner's
// overall limit whatever its scope. A raise holds for its scope only (docs/study.md).
TEST(CustomStudy, ExtraNewCardsOfATopicUnlockOnlyThatTopic) {
  const std::string banks = std::string(CASEBOOK_SOURCE_DIR) + "/question_banks";
  const std::string article = "soldatov-2021-russia-cooperation";
  const std::string tmpl = "template-interpol-notices";
  const StudyScope topic{article, "colonial-pipeline"};
  const std::string topic_row = article + "/colonial-pipeline";
  Fixture f;
  {
    app::Controller c(test_config(f.db, f.now, {banks}));
    save_new_limit(c, 2);
    ASSERT_EQ(c.home().scopes.size(), 2u + 12u + 1u + 3u);
    EXPECT_EQ(study_all(c, f, {}, {}).size(), 2u);
    c.dispatch(app::GoHome{});
    for (const auto& [row, fresh] : home_new(c)) EXPECT_EQ(fresh, 0) << row;
    c.dispatch(app::StartSession{topic, StudyMode{StudyModeKind::ExtraNew, 1, 3}});
    ASSERT_EQ(c.screen(), app::Screen::Study) << c.message();
    EXPECT_EQ(c.study()->card.count_new, 3);
    answer(c, f, true, Rating::Easy);
    c.dispatch(app::LeaveSession{});
    c.dispatch(app::GoHome{});
    for (const auto& [row, fresh] : home_new(c)) EXPECT_EQ(fresh, row == topic_row ? 2 : 0) << row;
    EXPECT_EQ(c.home().new_available, 0);
    for (const auto& bank : c.home().banks) EXPECT_EQ(bank.new_count, 0) << bank.id;
    // Sessions elsewhere still have no new card; the topic's own does.
    EXPECT_NE(refused(c, {}, {}), "(a session started)");
    EXPECT_NE(refused(c, StudyScope{article, "sochi"}, {}), "(a session started)");
    EXPECT_NE(refused(c, StudyScope{tmpl, ""}, {}), "(a session started)");
    c.dispatch(app::StartSession{topic, {}});
    ASSERT_EQ(c.screen(), app::Screen::Study) << c.message();
    EXPECT_EQ(c.study()->card.count_new, 2);
    c.dispatch(app::LeaveSession{});
    c.dispatch(app::GoHome{});
  }
  {
    // After a restart the same: the raise is stored with its scope.
    app::Controller c(test_config(f.db, f.now, {banks}));
    for (const auto& [row, fresh] : home_new(c)) EXPECT_EQ(fresh, row == topic_row ? 2 : 0) << row;
    // A raise for every course bank leaves the template bank out, as "All course banks" does.
    c.dispatch(app::StartSession{{}, StudyMode{StudyModeKind::ExtraNew, 1, 1}});
    ASSERT_EQ(c.screen(), app::Screen::Study) << c.message();
    c.dispatch(app::LeaveSession{});
    c.dispatch(app::GoHome{});
    EXPECT_EQ(c.home().new_available, 1);
    for (const auto& [row, fresh] : home_new(c)) {
      if (row.rfind(tmpl, 0) == 0) {
        EXPECT_EQ(fresh, 0) << row;
      }
    }
    EXPECT_EQ(home_new(c).at(topic_row), 3);
  }
  storage::Progress p(f.db);
  const auto extras = p.extra_new_cards("alice", "2024-06-01");
  ASSERT_EQ(extras.size(), 2u);
  EXPECT_EQ(extras[0].bank_id, article);
  EXPECT_EQ(extras[0].topic, "colonial-pipeline");
}

// The same user sat a mock exam after the raise: its answers are reviews, and the new cards
// among them are today's new cards (in the topic or not). They leave the raise where it is:
// every other row stays at 0 new.
TEST(CustomStudy, AMockExamAfterATopicsRaiseUnlocksNoOtherRow) {
  const std::string banks = std::string(CASEBOOK_SOURCE_DIR) + "/question_banks";
  const std::string topic_row = "soldatov-2021-russia-cooperation/colonial-pipeline";
  Fixture f;
  app::Controller c(test_config(f.db, f.now, {banks}));
  save_new_limit(c, 2);
  EXPECT_EQ(study_all(c, f, {}, {}).size(), 2u);
  c.dispatch(app::GoHome{});
  c.dispatch(app::StartSession{StudyScope{"soldatov-2021-russia-cooperation", "colonial-pipeline"},
                               StudyMode{StudyModeKind::ExtraNew, 1, 20}});
  ASSERT_EQ(c.screen(), app::Screen::Study) << c.message();
  answer(c, f, true, Rating::Easy);
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  const int before_exam = home_new(c).at(topic_row);
  EXPECT_GT(before_exam, 0);
  c.dispatch(app::Navigate{app::Screen::Exam});
  app::ExamSetup s;
  s.preset = -1;
  s.count = 12;
  s.minutes = 0;
  s.pass_mark = 50;
  s.seed = 3;
  c.dispatch(app::SetExamSetup{s});
  c.dispatch(app::StartExam{});
  ASSERT_EQ(c.exam().phase, app::ExamPhase::Taking) << c.exam().message;
  for (int i = 0; i < 12; ++i) {
    *f.now += 5000;
    const core::Question& q = casebook::test::question_for(c.config().bank_paths, c.exam().card.card_key);
    c.dispatch(app::SubmitAnswer{make_answer(q, true)});
  }
  c.dispatch(app::HandInExam{});
  ASSERT_EQ(c.exam().phase, app::ExamPhase::Result) << c.exam().message;
  storage::Progress p(f.db);
  EXPECT_GT(p.count_new_cards("alice", kTestNow - 8 * kHour, kTestNow + 16 * kHour), 3);  // the exam's new cards
  c.dispatch(app::GoHome{});
  for (const auto& [row, fresh] : home_new(c)) {
    if (row != topic_row) {
      EXPECT_EQ(fresh, 0) << row;
    }
  }
  EXPECT_EQ(c.home().new_available, 0);
  for (const auto& bank : c.home().banks) EXPECT_EQ(bank.new_count, 0) << bank.id;
  EXPECT_LE(home_new(c).at(topic_row), before_exam);
}

TEST(CustomStudy, TheCustomStudyScreenCountsEachModeForHomesScope) {
  Fixture f;
  f.seed_history();
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::Navigate{app::Screen::CustomStudy});
  ASSERT_EQ(c.screen(), app::Screen::CustomStudy);
  const app::CustomStudyView& v = c.custom_study();
  EXPECT_EQ(v.scope_label, "All course banks");
  ASSERT_EQ(v.rows.size(), 6u);
  std::vector<std::tuple<std::string, int, bool>> rows;
  for (const auto& r : v.rows) rows.emplace_back(std::string(app::study_mode_name(r.mode.kind)), r.cards, r.changes_schedule);
  const std::vector<std::tuple<std::string, int, bool>> expected = {
      {"forgotten", 2, true}, {"ahead", 3, true},     {"preview", 2, false},
      {"cram", 2, true},      {"extra-new", 4, true}, {"all", 8, true}};
  EXPECT_EQ(rows, expected);
  EXPECT_EQ(v.rows[1].title, "Review ahead: cards due in the next 1 day");
  EXPECT_EQ(v.rows[2].effect, "Does not change the schedule: nothing is recorded and the cards stay new.");
  // Numbers are clamped; the counts follow them.
  c.dispatch(app::SetCustomStudy{1, 2, 1});
  EXPECT_EQ(c.custom_study().selected, 1);
  EXPECT_EQ(c.custom_study().rows[1].cards, 4);
  EXPECT_EQ(c.custom_study().rows[2].cards, 1);
  c.dispatch(app::SetCustomStudy{9, 999, 0});
  EXPECT_EQ(c.custom_study().selected, 5);
  EXPECT_EQ(c.custom_study().days, 365);
  EXPECT_EQ(c.custom_study().count, 1);
  // Back to Home; over a topic the screen counts that topic.
  c.dispatch(app::Back{});
  ASSERT_EQ(c.screen(), app::Screen::Home);
  c.dispatch(app::SelectScope{2});
  ASSERT_EQ(c.home().scopes[2].scope, (StudyScope{"test-small", "basics"}));
  c.dispatch(app::Navigate{app::Screen::CustomStudy});
  EXPECT_EQ(c.custom_study().scope_label, "Topic: Basics (Small test bank)");
  EXPECT_EQ(c.custom_study().selected, 5);  // kept from the last opening
  EXPECT_EQ(c.custom_study().rows[0].cards, 0);
  EXPECT_EQ(c.custom_study().rows[5].cards, 1);
  // Nothing to study: the screen stays and says why.
  c.dispatch(app::StartSession{c.custom_study().scope, c.custom_study().rows[0].mode});
  EXPECT_EQ(c.screen(), app::Screen::CustomStudy);
  EXPECT_EQ(c.custom_study().message,
            "Nothing to study in Topic: Basics (Small test bank) for Today's forgotten cards: the cards you rated "
            "Again today.");
  c.dispatch(app::StartSession{c.custom_study().scope, c.custom_study().rows[5].mode});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.card_key, key("q1-year"));
}
