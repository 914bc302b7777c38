// Issue 14, banks that change safely, through the log on a real SQLite file: a studied card
// whose question a new bank version re-keys returns to relearning once, says why on the study
// screen and in Card info; a wording-only edit keeps the card's progress; both hold after a
// restart, and rebuilding the card states from the log gives the same cards.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/controller.hpp"
#include "core/answer_key.hpp"
#include "storage/progress.hpp"
#include "report_support.hpp"
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

/// Replaces the one occurrence of `from` in the file at `path` by `to`.
void edit(const std::string& path, const std::string& from, const std::string& to) {
  std::ifstream file(path);
  std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  file.close();
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

/// A copy of the small test bank to edit, and a progress file beside it.
struct Files {
  TempDir dir;
  std::string bank = dir.file("bank.toml");
  std::string db = dir.file("progress.sqlite3");
  std::shared_ptr<core::TimestampMs> now = std::make_shared<core::TimestampMs>(kTestNow);
  Files() { std::filesystem::copy_file(casebook::test::small_bank_path(), bank); }
};

}  // namespace

TEST(AnswerChange, AnAnswerSavedAgainWithItsAccentDecomposedIsNoChange) {
  Files f;
  edit(f.bank, "choices = [\"2014\", \"2016\", \"2018\"]", "choices = [\"2014\", \"2016 (Caf\u00e9)\", \"2018\"]");
  edit(f.bank, "answer = \"2016\"", "answer = \"2016 (Caf\u00e9)\"");
  {
    app::Controller c(test_config(f.db, f.now, {f.bank}));
    c.dispatch(app::StartSession{});
    ASSERT_EQ(c.study()->card.card_key, std::string(kRekeyed));
    answer(c, *f.now, core::Rating::Easy);
  }
  // The editor writes é as e + U+0301: the same answer on screen.
  edit(f.bank, "2016 (Caf\u00e9)", "2016 (Cafe\u0301)");
  edit(f.bank, "2016 (Caf\u00e9)", "2016 (Cafe\u0301)");
  edit(f.bank, "version = \"1.0.0\"", "version = \"1.0.1\"");
  *f.now += kHour;
  {
    app::Controller c(test_config(f.db, f.now, {f.bank}));
    c.dispatch(app::Navigate{app::Screen::Browser});
    c.dispatch(app::OpenCardInfo{kRekeyed});
    ASSERT_EQ(c.screen(), app::Screen::CardInfo);
    EXPECT_EQ(c.card_info().marks, "");
    EXPECT_TRUE(c.card_info().events.empty());
  }
  Progress p(f.db, Progress::Access::ReadOnly);
  EXPECT_EQ(p.card_state("alice", kRekeyed)->state, core::CardState::Review);
  EXPECT_TRUE(p.answer_changes("alice", kRekeyed).empty());
}

TEST(AnswerChange, RekeyedCardRelearnsOnceRewordedCardKeepsItsProgress) {
  Files f;
  TempDir& dir = f.dir;
  const std::string& bank = f.bank;
  const std::string& db = f.db;
  auto& now = f.now;
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
    const auto json = casebook::test::alice_report(db, {bank}, "json", dir.file("r.json"), *now);
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
    // Taken back: the card is shown as before, its notice too (the rating had cleared it).
    c.dispatch(app::Undo{});
    ASSERT_EQ(c.study()->card.card_key, kRekeyed);
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
  Files f;
  // A Review card of 8.3 days' stability (state, S, D, due, last review, interval, step, reps, lapses).
  const core::CardSchedule after{core::CardState::Review, 8.3, 1.0, kTestNow + 8 * 24 * kHour, kTestNow, 8, 0, 1, 0};
  core::ReviewRecord old_answer;
  old_answer.learner = "alice";
  old_answer.card_key = kRekeyed;
  old_answer.reviewed_at = kTestNow;
  old_answer.rating = core::Rating::Easy;
  old_answer.correct = true;
  old_answer.after = after;
  Progress(f.db).record_review(old_answer);
  // (no answer_key: as an older Casebook recorded it)
  edit(f.bank, "answer = \"2016\"", "answer = \"2018\"");
  *f.now += kHour;
  { app::Controller c(test_config(f.db, f.now, {f.bank})); }
  Progress p(f.db, Progress::Access::ReadOnly);
  EXPECT_TRUE(p.answer_changes("alice").empty());
  EXPECT_EQ(p.card_state("alice", kRekeyed), after);
}

TEST(AnswerChange, AReportMarksAMistakeMadeUnderTheEarlierKey) {
  // A wrong answer in 1.0.0, then the key changes: the report's "correct answer" beside that
  // mistake is today's, and says so; a wrong answer under the new key is not marked.
  Files f;
  const auto wrong = [&](app::Controller& c) {
    for (int shown = 0; shown < 20 && c.study() != nullptr && c.study()->card.card_key != kRekeyed; ++shown) {
      answer(c, *f.now, core::Rating::Good);  // another card first
    }
    ASSERT_NE(c.study(), nullptr);
    ASSERT_EQ(c.study()->card.card_key, kRekeyed);
    *f.now += 2000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), false)});
    *f.now += 500;
    c.dispatch(app::Rate{core::Rating::Again});
  };
  {
    app::Controller c(test_config(f.db, f.now, {f.bank}));
    c.dispatch(app::StartSession{});
    wrong(c);
  }
  edit(f.bank, "answer = \"2016\"", "answer = \"2018\"");
  *f.now += kHour;
  {
    app::Controller c(test_config(f.db, f.now, {f.bank}));
    c.dispatch(app::StartSession{});
    wrong(c);
  }
  const auto json = casebook::test::alice_report(f.db, {f.bank}, "json", f.dir.file("r.json"), *f.now);
  const auto& mistakes = json.at("analytics").at("mistakes").at("shown");
  ASSERT_EQ(mistakes.size(), 2u) << json.at("analytics").at("mistakes").dump();
  EXPECT_EQ(mistakes[0].at("correct_answer"), "2018");
  EXPECT_EQ(mistakes[0].at("answer_changed_since"), false);  // the newest: under today's key
  EXPECT_EQ(mistakes[1].at("answer_changed_since"), true);   // marked against 2016
  // xAPI: each statement's result names the key it was marked against; the activity, today's.
  const auto xapi = casebook::test::alice_report(f.db, {f.bank}, "xapi", f.dir.file("r.xapi.json"), *f.now);
  const std::string ext = "https://casebook.invalid/xapi/extensions/answer-key";
  std::vector<std::pair<std::string, std::string>> keys;  // (result's, activity's) of kRekeyed's statements
  for (const auto& st : xapi) {
    if (st.at("object").at("id").get<std::string>().find("q1-year") == std::string::npos) continue;
    keys.emplace_back(st.at("result").at("extensions").at(ext), st.at("object").at("definition").at("extensions").at(ext));
  }
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_NE(keys[0].first, keys[0].second);  // the answer of 1.0.0
  EXPECT_EQ(keys[1].first, keys[1].second);
  EXPECT_EQ(keys[1].second, key_in(f.bank, kRekeyed));
}
