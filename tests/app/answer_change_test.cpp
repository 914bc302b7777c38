// Issue 14, banks that change safely, through the log on a real SQLite file: a studied card
// whose question a new bank version re-keys returns to relearning once, says why on the study
// screen and in Card info; a wording-only edit keeps the card's progress; both hold after a
// restart, and rebuilding the card states from the log gives the same cards.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "app/controller.hpp"
#include "cli/cli.hpp"
#include "core/answer_key.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
using casebook::storage::Progress;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

constexpr const char* kRekeyed = "test-small/q1-year";
constexpr const char* kReworded = "test-small/q2-truth";
constexpr core::TimestampMs kHour = 3'600'000;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Replaces the one occurrence of `from` in the file at `path` by `to`.
void edit(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = read_file(path);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::trunc) << text;
}

/// Answers the card on screen rightly and rates it.
void answer(app::Controller& c, core::TimestampMs& now, core::Rating rating) {
  now += 2000;
  c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
  now += 500;
  c.dispatch(app::Rate{rating});
}

/// The fingerprint of `card_key`'s question in the bank at `path`.
std::string key_in(const std::string& path, const std::string& card_key) {
  app::Library l;
  l.load({path});
  return core::answer_key_fingerprint(l.question(*l.find(card_key)));
}

}  // namespace

TEST(AnswerChange, RekeyedCardRelearnsOnceRewordedCardKeepsItsProgress) {
  TempDir dir;
  const std::string bank = dir.file("bank.toml");
  std::filesystem::copy_file(casebook::test::small_bank_path(), bank);
  const std::string db = dir.file("progress.sqlite3");
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  const std::string old_key = key_in(bank, kRekeyed);

  // Version 1.0.0: both cards studied and graduated (Easy).
  {
    app::Controller c(test_config(db, now, {bank}));
    c.dispatch(app::StartSession{});
    for (const char* expected : {kRekeyed, kReworded}) {
      ASSERT_NE(c.study(), nullptr);
      ASSERT_EQ(c.study()->card.card_key, expected);
      EXPECT_EQ(c.study()->card.notice, "");
      answer(c, *now, core::Rating::Easy);
    }
  }
  core::CardSchedule rekeyed_before, reworded_before;
  {
    Progress p(db, Progress::Access::ReadOnly);
    const auto log = p.review_log("alice");
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].answer_key, old_key);  // the study flow records the fingerprint
    EXPECT_EQ(log[0].bank_version, "1.0.0");
    rekeyed_before = *p.card_state("alice", kRekeyed);
    reworded_before = *p.card_state("alice", kReworded);
    ASSERT_EQ(rekeyed_before.state, core::CardState::Review);
  }

  // Version 2.1: q1's right answer becomes 2018; q2 is only reworded.
  edit(bank, "version = \"1.0.0\"", "version = \"2.1\"");
  edit(bank, "answer = \"2016\"", "answer = \"2018\"");
  edit(bank, "The article says the damage was limited", "According to the article, the damage was limited");
  ASSERT_NE(key_in(bank, kRekeyed), old_key);
  *now += kHour;
  const core::TimestampMs loaded_at = *now;
  {
    app::Controller c(test_config(db, now, {bank}));
    c.dispatch(app::Navigate{app::Screen::Browser});
    c.dispatch(app::OpenCardInfo{kRekeyed});
    ASSERT_EQ(c.screen(), app::Screen::CardInfo);
    EXPECT_NE(c.card_info().marks.find("The answer changed in version 2.1."), std::string::npos) << c.card_info().marks;
    ASSERT_FALSE(c.card_info().events.empty());
    EXPECT_NE(c.card_info().events.back().find("The answer changed in version 2.1 (last answered in version 1.0.0); "
                                               "back to relearning"),
              std::string::npos)
        << c.card_info().events.back();
    c.dispatch(app::Back{});
    c.dispatch(app::OpenCardInfo{kReworded});
    EXPECT_EQ(c.card_info().marks, "");
    EXPECT_TRUE(c.card_info().events.empty());
  }
  core::CardSchedule relearning;
  {
    Progress p(db);
    relearning = *p.card_state("alice", kRekeyed);
    EXPECT_EQ(relearning.state, core::CardState::Relearning);
    EXPECT_EQ(relearning.learning_steps, 0);
    EXPECT_EQ(relearning.reps, rekeyed_before.reps);      // not a review ...
    EXPECT_EQ(relearning.lapses, rekeyed_before.lapses);  // ... nor a lapse of memory
    EXPECT_LT(relearning.stability, rekeyed_before.stability);
    EXPECT_LE(relearning.due, loaded_at + 10 * 60'000);  // the first relearning step (10 min)
    EXPECT_EQ(p.card_state("alice", kReworded), reworded_before);  // wording only: progress kept
    const auto changes = p.answer_changes("alice");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].card_key, kRekeyed);
    EXPECT_EQ(changes[0].at, loaded_at);
    EXPECT_EQ(changes[0].old_key, old_key);
    EXPECT_EQ(changes[0].new_key, key_in(bank, kRekeyed));
    EXPECT_EQ(changes[0].old_version, "1.0.0");
    EXPECT_EQ(changes[0].new_version, "2.1");
    EXPECT_EQ(p.review_log("alice").size(), 2u);  // the review log is untouched
    // Reports list it with the card events.
    casebook::cli::ReportOptions o;
    o.db_path = db;
    o.bank_paths = {bank};
    o.learner = "alice";
    o.format = "json";
    o.out_path = dir.file("r.json");
    o.now = *now;
    o.base.time_zone = "UTC";
    std::ostringstream text, err;
    ASSERT_EQ(casebook::cli::run_report(o, text, err), 0) << err.str();
    std::ifstream in(o.out_path);
    const auto json = nlohmann::json::parse(in);
    ASSERT_EQ(json.at("card_events").size(), 1u);
    EXPECT_EQ(json.at("card_events")[0].at("kind"), "answer_changed");
    EXPECT_EQ(json.at("card_events")[0].at("card_key"), kRekeyed);
    EXPECT_EQ(json.at("card_events")[0].at("at_ms"), loaded_at);
    EXPECT_EQ(json.at("card_events")[0].at("note"),
              "The answer changed in version 2.1. It was last answered in version 1.0.0.");
    p.rebuild_card_states();  // the log gives the same cards
    EXPECT_EQ(p.card_state("alice", kRekeyed), relearning);
    EXPECT_EQ(p.card_state("alice", kReworded), reworded_before);
  }

  // After a restart: the change is not recorded again; the study screen says why the card is back.
  *now += 20 * 60'000;
  {
    app::Controller c(test_config(db, now, {bank}));
    c.dispatch(app::StartSession{});
    ASSERT_NE(c.study(), nullptr);
    ASSERT_EQ(c.study()->card.card_key, kRekeyed);  // relearning and due, before new cards
    EXPECT_EQ(c.study()->card.notice, "The answer changed in version 2.1.");
    answer(c, *now, core::Rating::Good);
    ASSERT_NE(c.study(), nullptr);
    EXPECT_NE(c.study()->card.card_key, kRekeyed);
    EXPECT_EQ(c.study()->card.notice, "");
  }
  {
    Progress p(db, Progress::Access::ReadOnly);
    EXPECT_EQ(p.answer_changes("alice").size(), 1u);
    EXPECT_EQ(p.last_review("alice", kRekeyed)->answer_key, key_in(bank, kRekeyed));
    EXPECT_EQ(p.last_review("alice", kRekeyed)->before, relearning);
  }
  // Answered against the new key: no notice, no new change at the next start.
  *now += kHour;
  {
    app::Controller c(test_config(db, now, {bank}));
    c.dispatch(app::Navigate{app::Screen::Browser});
    c.dispatch(app::OpenCardInfo{kRekeyed});
    ASSERT_EQ(c.screen(), app::Screen::CardInfo);
    EXPECT_EQ(c.card_info().marks, "");
  }
  Progress p(db, Progress::Access::ReadOnly);
  EXPECT_EQ(p.answer_changes("alice").size(), 1u);
}

TEST(AnswerChange, AnswersOfUnknownKeyKeepTheirProgress) {
  // An answer recorded before fingerprints (answer_key "") is never taken for a change.
  TempDir dir;
  const std::string bank = dir.file("bank.toml");
  std::filesystem::copy_file(casebook::test::small_bank_path(), bank);
  const std::string db = dir.file("progress.sqlite3");
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  core::CardSchedule after;
  {
    Progress p(db);
    core::ReviewRecord r;
    r.learner = "alice";
    r.card_key = kRekeyed;
    r.reviewed_at = kTestNow;
    r.rating = core::Rating::Easy;
    r.correct = true;
    r.before = core::CardSchedule{};
    r.after.state = core::CardState::Review;
    r.after.stability = 8.3;
    r.after.difficulty = 1.0;
    r.after.due = kTestNow + 8 * 24 * kHour;
    r.after.last_review = kTestNow;
    r.after.scheduled_days = 8;
    r.after.reps = 1;
    after = r.after;
    p.record_review(r);  // no answer_key: as an old Casebook recorded it
  }
  edit(bank, "answer = \"2016\"", "answer = \"2018\"");
  *now += kHour;
  { app::Controller c(test_config(db, now, {bank})); }
  Progress p(db, Progress::Access::ReadOnly);
  EXPECT_TRUE(p.answer_changes("alice").empty());
  EXPECT_EQ(p.card_state("alice", kRekeyed), after);
}
