// Study options through app::Controller (issue 4): a saved change applies at once (Home
// counts, the next session, the next intervals), survives a restart, bank overrides, invalid
// options refused, and leeches tagged and suspended.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
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

using Fixture = casebook::test::AppFiles;

void save(app::Controller& c, const core::StudyOptions& o, const std::string& bank = "") {
  c.dispatch(app::Navigate{app::Screen::Settings});
  ASSERT_EQ(c.screen(), app::Screen::Settings);
  c.dispatch(app::SaveOptions{o, bank});
  c.dispatch(app::GoHome{});
  ASSERT_EQ(c.screen(), app::Screen::Home);
}

void submit(app::Controller& c, Fixture& f, bool right) {
  ASSERT_NE(c.study(), nullptr);
  *f.now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), right)});
  ASSERT_TRUE(c.study()->feedback.has_value());
}

}  // namespace

TEST(StudyOptionsController, NewCardsPerDayAppliesToHomeAndTheNextSessionAndPersists) {
  Fixture f;
  {
    app::Controller c(test_config(f.db, f.now));
    EXPECT_EQ(c.home().new_available, 8);  // the bank's 8 cards, under the default 20
    core::StudyOptions o = c.study_options();
    o.new_cards_per_day = 3;
    save(c, o);
    EXPECT_EQ(c.home().new_available, 3);  // at once, without a restart
    EXPECT_EQ(c.settings().notice, "Saved. The new options apply from now on.");
    c.dispatch(app::StartSession{});
    ASSERT_EQ(c.screen(), app::Screen::Study);
    EXPECT_EQ(c.study()->card.remaining, 2);  // 3 new cards in the session
  }
  app::Controller again(test_config(f.db, f.now));
  EXPECT_EQ(again.study_options().new_cards_per_day, 3);
  EXPECT_EQ(again.home().new_available, 3);
}

TEST(StudyOptionsController, DesiredRetentionChangesTheNextIntervals) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  core::StudyOptions o = c.study_options();
  o.learning_steps_minutes = {};  // a new card graduates at once: the interval shows R's effect
  save(c, o);
  c.dispatch(app::StartSession{});
  submit(c, f, true);
  // S0(Good) = 2.3065 d, S0(Easy) = 8.2956 d; at R = 0.9 the interval is S.
  EXPECT_EQ(c.study()->feedback->intervals[2], "2d");
  EXPECT_EQ(c.study()->feedback->intervals[3], "8d");
  c.dispatch(app::Rate{Rating::Good});
  c.dispatch(app::GoHome{});  // leaving while answering records nothing more

  o.desired_retention = 0.75;  // IM(0.75) = 5.571...: Good 13 d, Easy 46 d
  save(c, o);
  c.dispatch(app::StartSession{});
  submit(c, f, true);
  EXPECT_EQ(c.study()->feedback->intervals[2], "13d");
  EXPECT_EQ(c.study()->feedback->intervals[3], "1.5mo");
  c.dispatch(app::Rate{Rating::Good});
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].after.scheduled_days, 2);
  EXPECT_EQ(log[1].after.scheduled_days, 13);
}

TEST(StudyOptionsController, BankOverridesOnlyCardLevelOptions) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  core::StudyOptions o = c.study_options("test-small");
  o.desired_retention = 0.8;
  o.rollover_hour = 6;  // session-wide: not a bank option, ignored
  save(c, o, "test-small");
  EXPECT_EQ(c.study_options("test-small").desired_retention, 0.8);
  EXPECT_EQ(c.study_options("test-small").rollover_hour, 4);
  EXPECT_EQ(c.study_options().desired_retention, 0.9);
  ASSERT_EQ(c.settings().banks.size(), 1u);
  EXPECT_TRUE(c.settings().banks[0].overridden);
  EXPECT_EQ(c.home().new_available, 8);
  {
    storage::Progress p(f.db);
    EXPECT_EQ(p.study_option_values("alice", "test-small"),
              (storage::OptionValues{{"desired_retention", "0.8"}}));
  }
  // A later change of the learner's own retention does not touch the bank's.
  core::StudyOptions mine = c.study_options();
  mine.desired_retention = 0.85;
  save(c, mine);
  EXPECT_EQ(c.study_options("test-small").desired_retention, 0.8);
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::ClearBankOptions{"test-small"});
  EXPECT_EQ(c.study_options("test-small").desired_retention, 0.85);
  EXPECT_FALSE(c.settings().banks[0].overridden);
}

TEST(StudyOptionsController, InvalidOptionsAreRefusedWithTheirFields) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  core::StudyOptions o = c.study_options();
  o.desired_retention = 1.2;
  o.time_zone = "Nowhere/Special";
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::SaveOptions{o, ""});
  ASSERT_EQ(c.settings().problems.size(), 2u);
  EXPECT_EQ(c.settings().problems[0].field, "desired_retention");
  EXPECT_EQ(c.settings().problems[1].field, "time_zone");
  EXPECT_TRUE(c.settings().notice.empty());
  EXPECT_EQ(c.study_options().desired_retention, 0.9);
  storage::Progress p(f.db);
  EXPECT_TRUE(p.study_option_values("alice").empty());
  // A valid zone is taken at once.
  o.desired_retention = 0.9;
  o.time_zone = "Asia/Kolkata";
  c.dispatch(app::SaveOptions{o, ""});
  EXPECT_TRUE(c.settings().problems.empty());
  EXPECT_EQ(c.settings().effective_time_zone, "Asia/Kolkata");
}

TEST(StudyOptionsController, LeechIsTaggedAndSuspendedThenShownAgain) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  core::StudyOptions o = c.study_options();
  o.new_cards_per_day = 1;
  o.learning_steps_minutes = {};
  o.leech_threshold = 1;
  o.leech_action = core::LeechAction::TagAndSuspend;
  save(c, o);
  c.dispatch(app::StartSession{});
  submit(c, f, true);
  const std::string key = c.study()->card.card_key;
  c.dispatch(app::Rate{Rating::Good});  // Review, due in 2 days
  ASSERT_EQ(c.screen(), app::Screen::Summary);

  *f.now += 3 * core::kMsPerDay;
  c.dispatch(app::GoHome{});
  o.new_cards_per_day = 0;  // only the review today
  save(c, o);
  EXPECT_EQ(c.home().review_due, 1);
  EXPECT_EQ(c.home().new_available, 0);
  c.dispatch(app::StartSession{});
  submit(c, f, false);
  ASSERT_EQ(c.study()->card.card_key, key);
  c.dispatch(app::Rate{Rating::Again});  // first lapse = threshold 1: leech, suspended
  // The relearning step would bring it back in 10 minutes; suspended, the session ends.
  ASSERT_EQ(c.screen(), app::Screen::Summary);
  EXPECT_NE(c.message().find("leech"), std::string::npos);
  {
    storage::Progress p(f.db);
    const auto flags = p.card_flags("alice");
    ASSERT_EQ(flags.count(key), 1u);
    EXPECT_EQ(flags.at(key), (storage::CardFlags{{"leech"}, true}));
    EXPECT_EQ(p.review_log("alice").size(), 2u);
  }
  *f.now += 20 * core::kMsPerMinute;
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().learning_due, 0);  // suspended: not shown
  c.dispatch(app::Navigate{app::Screen::Settings});
  EXPECT_EQ(c.settings().suspended_cards, 1);
  EXPECT_EQ(c.settings().leech_cards, 1);
  c.dispatch(app::UnsuspendAll{});
  EXPECT_EQ(c.settings().suspended_cards, 0);
  EXPECT_EQ(c.settings().leech_cards, 1);  // the tag stays
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().learning_due, 1);
}

// SRS-4 (AnkiDroid #6203, #15553): a changed rollover hour moves Home's counts at once.
TEST(StudyOptionsController, RolloverChangeMovesTheDueCountAtOnce) {
  Fixture f;  // 2024-06-01T12:00Z, UTC study days, rollover 04:00
  app::Controller c(test_config(f.db, f.now));
  core::StudyOptions o = c.study_options();
  o.time_zone = "UTC";
  o.new_cards_per_day = 1;
  o.learning_steps_minutes = {};
  save(c, o);
  c.dispatch(app::StartSession{});
  submit(c, f, true);
  c.dispatch(app::Rate{Rating::Good});  // Review, due 2024-06-03 ~12:00Z
  c.dispatch(app::GoHome{});
  *f.now = casebook::core::parse_iso("2024-06-03T10:00:00Z");
  o.new_cards_per_day = 0;
  save(c, o);
  EXPECT_EQ(c.home().review_due, 1);  // study day 06-03 began at 04:00
  o.rollover_hour = 12;
  save(c, o);
  EXPECT_EQ(c.home().review_due, 0);  // 10:00 is still study day 06-02 now
  *f.now = casebook::core::parse_iso("2024-06-03T12:00:00Z");
  c.dispatch(app::ReloadBanks{});
  EXPECT_EQ(c.home().review_due, 1);
}

namespace {

/// Writes a bank `id` with `n` true/false questions into `dir` and returns its path.
std::string write_bank(const TempDir& dir, const std::string& id, int n) {
  const std::string path = dir.file(id + ".toml");
  std::ofstream out(path);
  out << "[bank]\nid = \"" << id << "\"\ntitle = \"Bank " << id << "\"\nversion = \"1.0.0\"\nformat = 1\n"
      << "language = \"en\"\nauthors = [\"Casebook tests\"]\nlicence = \"CC-BY-4.0\"\n"
      << "description = \"Limit tests.\"\n\n[[source]]\nid = \"src\"\n"
      << "citation = \"Jane Doe, \\\"An Article\\\", The Test Times, 14 May 2021.\"\n";
  for (int i = 1; i <= n; ++i) {
    out << "\n[[question]]\nid = \"q" << i << "\"\ntype = \"true_false\"\n"
        << "prompt = \"Statement number " << i << " of " << id << " holds.\"\nanswer = true\n"
        << "explanation = \"It does.\"\nsource = \"src\"\nparagraph = " << i << "\n";
  }
  return path;
}

/// Answers every card of the running session right and rates it Easy (a new card graduates
/// and leaves the session); returns how many cards of each bank were shown.
std::map<std::string, int> study_all_easy(app::Controller& c, Fixture& f) {
  std::map<std::string, int> shown;
  c.dispatch(app::StartSession{});
  while (c.screen() == app::Screen::Study) {
    const std::string key = c.study()->card.card_key;
    ++shown[key.substr(0, key.find('/'))];
    submit(c, f, true);
    c.dispatch(app::Rate{Rating::Easy});
  }
  return shown;
}

const app::BankRow& row_of(const app::HomeView& home, const std::string& id) {
  for (const auto& r : home.banks) {
    if (r.id == id) return r;
  }
  throw std::runtime_error("no bank " + id);
}

}  // namespace

TEST(StudyOptionsController, BankDailyLimitsCapTheirCardsWithinTheLearnersLimits) {
  Fixture f;
  const std::string a = write_bank(f.dir, "bank-a", 10);
  const std::string b = write_bank(f.dir, "bank-b", 30);
  app::Controller c(test_config(f.db, f.now, {a, b}));
  ASSERT_EQ(c.settings().banks.size(), 2u);
  EXPECT_EQ(c.home().new_available, 20);
  core::StudyOptions bank_a = c.study_options("bank-a");
  bank_a.new_cards_per_day = 5;
  save(c, bank_a, "bank-a");
  EXPECT_EQ(c.study_options("bank-a").new_cards_per_day, 5);
  EXPECT_EQ(c.study_options("bank-b").new_cards_per_day, 20);
  EXPECT_EQ(c.study_options().new_cards_per_day, 20);
  {
    storage::Progress p(f.db);
    EXPECT_EQ(p.study_option_values("alice", "bank-a"), (storage::OptionValues{{"new_cards_per_day", "5"}}));
  }
  // Home at once: A shows 5, B 20, 20 in all.
  EXPECT_EQ(row_of(c.home(), "bank-a").new_count, 5);
  EXPECT_EQ(row_of(c.home(), "bank-b").new_count, 20);
  EXPECT_EQ(c.home().new_available, 20);
  // The session: at most 5 new from A and 20 in all.
  EXPECT_EQ(study_all_easy(c, f), (std::map<std::string, int>{{"bank-a", 5}, {"bank-b", 15}}));
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().new_available, 0);

  // The same day, a larger learner limit: A has used its 5, B takes the rest.
  core::StudyOptions mine = c.study_options();
  mine.new_cards_per_day = 40;  // 20 left today
  save(c, mine);
  EXPECT_EQ(c.study_options("bank-a").new_cards_per_day, 5);  // the override stays
  EXPECT_EQ(row_of(c.home(), "bank-a").new_count, 0);
  EXPECT_EQ(row_of(c.home(), "bank-b").new_count, 15);
  EXPECT_EQ(c.home().new_available, 15);
  bank_a.new_cards_per_day = 8;  // 3 more from A today (5 already done in A)
  save(c, bank_a, "bank-a");
  EXPECT_EQ(row_of(c.home(), "bank-a").new_count, 3);
  EXPECT_EQ(c.home().new_available, 18);
  EXPECT_EQ(study_all_easy(c, f), (std::map<std::string, int>{{"bank-a", 3}, {"bank-b", 15}}));
  c.dispatch(app::GoHome{});

  // 30 days later every studied card (8 of A, 30 of B) is a due Review card. Bank B allows
  // 4 reviews a day, the learner 200; A has no review limit of its own.
  *f.now += 30 * core::kMsPerDay;
  core::StudyOptions bank_b = c.study_options("bank-b");
  bank_b.max_reviews_per_day = 4;
  save(c, bank_b, "bank-b");
  EXPECT_EQ(row_of(c.home(), "bank-a").due_count, 8);
  EXPECT_EQ(row_of(c.home(), "bank-b").due_count, 4);
  EXPECT_EQ(c.home().review_due, 12);
  EXPECT_EQ(c.home().new_available, 2);  // A: 8 new a day, 2 cards left; B has none left
  EXPECT_EQ(study_all_easy(c, f), (std::map<std::string, int>{{"bank-a", 10}, {"bank-b", 4}}));
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().review_due, 0);
  EXPECT_EQ(row_of(c.home(), "bank-b").due_count, 0);
  // A restart keeps both overrides (read while `c` still has the file open).
  auto restart = test_config(f.db, f.now, {a, b});
  restart.single_instance = false;
  app::Controller again(restart);
  EXPECT_EQ(again.study_options("bank-a").new_cards_per_day, 8);
  EXPECT_EQ(again.study_options("bank-b").max_reviews_per_day, 4);
  EXPECT_EQ(again.home().review_due, 0);
}

TEST(StudyOptionsController, SettingsWarnAboutDayLongStepsAndEasyBeforeGood) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::Navigate{app::Screen::Settings});
  // The defaults (1 10, relearning 10): nothing to warn about, Easy after Good.
  EXPECT_TRUE(c.settings().learner_warnings.empty());
  EXPECT_EQ(c.settings().learner_new_card_intervals, "Again 1m \xC2\xB7 Hard 6m \xC2\xB7 Good 10m \xC2\xB7 Easy 8d");
  // A second learning step of 14 days: Good after the first step waits 14 days, while Easy
  // graduates to the FSRS interval (8 days). Both said, with why; the long step warned about.
  core::StudyOptions o = c.study_options();
  o.learning_steps_minutes = {10, 20160};
  o.relearning_steps_minutes = {1440};
  c.dispatch(app::SaveOptions{o, ""});
  ASSERT_TRUE(c.settings().problems.empty());
  const auto& w = c.settings().learner_warnings;
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0], "Learning step 20160 min (14 days) is a day or longer: FSRS schedules days better than a fixed step. "
                  "Keep steps under a day (e.g. 1 10) and let FSRS take over.");
  EXPECT_EQ(w[1].rfind("Relearning step 1440 min (1 day) is a day or longer", 0), 0u) << w[1];
  EXPECT_EQ(w[2], "Easy brings a new card back in 8d, sooner than Good (14d): Good waits for the next learning step, "
                  "Easy takes the interval FSRS computes. Shorten the steps so no step is longer than that.");
  // Back to steps under a day: nothing to warn about.
  o.learning_steps_minutes = {1, 10};
  o.relearning_steps_minutes = {10};
  c.dispatch(app::SaveOptions{o, ""});
  EXPECT_TRUE(c.settings().learner_warnings.empty());
}
