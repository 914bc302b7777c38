// Schema 6 (issue 11): a version-5 database upgrades in place; an undo appends a voiding
// record (the review log and the voids stay append-only), the card's state goes back to its
// newest review that counts, and every reader (log, daily counts, rebuild) leaves voided
// reviews out; exam attempts are stored when they start and when they are handed in (one
// transaction with the review-log rows the answers make).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "old_database.hpp"
#include "storage/migrations.hpp"
#include "storage/progress.hpp"
#include "temp_db.hpp"

namespace fs = std::filesystem;
using casebook::core::CardState;
using casebook::core::Rating;
using casebook::core::ReviewRecord;
using casebook::storage::AnswerPlan;
using casebook::storage::CardFlags;
using casebook::storage::ExamAnswerRow;
using casebook::storage::ExamAttemptRow;
using casebook::storage::ExamQuestionRow;
using casebook::storage::ExamResultRow;
using casebook::storage::Progress;
using casebook::storage::StorageError;

namespace {

constexpr std::int64_t kT0 = 1717243200000;  // 2024-06-01T12:00:00Z
constexpr std::int64_t kMin = 60'000;


/// A review of `card` at `t` from `before_reps` reviews (New -> Learning -> Review ...).
ReviewRecord review(const std::string& card, std::int64_t t, int before_reps, Rating rating = Rating::Good) {
  ReviewRecord r;
  r.learner = "ann";
  r.card_key = card;
  r.reviewed_at = t;
  r.rating = rating;
  r.correct = rating != Rating::Again;
  r.answer = "answer " + std::to_string(before_reps);
  r.before.state = before_reps == 0 ? CardState::New : CardState::Learning;
  r.before.due = t;
  r.before.reps = before_reps;
  if (before_reps > 0) r.before.last_review = t - 10 * kMin;
  r.after = r.before;
  r.after.state = before_reps == 0 ? CardState::Learning : CardState::Review;
  r.after.stability = 1.0 + before_reps;
  r.after.difficulty = 5.0;
  r.after.due = t + (before_reps + 1) * 10 * kMin;
  r.after.last_review = t;
  r.after.reps = before_reps + 1;
  return r;
}

}  // namespace

TEST(SchemaV6, Version5DatabaseUpgradesInPlace) {
  const casebook::test::TempDb db_file("schema6-v5.sqlite3");
  const std::string& path = db_file.path();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto steps = casebook::storage::detail::migrations();
    ASSERT_GE(steps.size(), 6u);
    ASSERT_EQ(steps[4].version, 5);
    for (std::size_t i = 0; i < 5; ++i) db.exec(steps[i].sql);
    db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
    db.exec("PRAGMA user_version = 5");
    casebook::test::insert_ann_review(db);
    db.exec("INSERT INTO card_flag VALUES (1, 'bank/q1', 'leech', 0, 1717243200000)");
    db.exec("INSERT INTO card_event (learner_id, card_key, at_ms, kind, flag, note) "
            "VALUES (1, 'bank/q1', 1717243300000, 'flag', 2, 'check the date')");
    db.exec("INSERT INTO lrs_sync VALUES ('https://lrs.invalid/xapi/', 1, 1, 1717243400000)");
  }
  {
    Progress db(path);
    ASSERT_EQ(db.review_log("ann").size(), 1u);
    EXPECT_EQ(db.card_state("ann", "bank/q1")->stability, 2.3065);
    EXPECT_EQ(db.card_flags("ann").at("bank/q1").tags, std::vector<std::string>{"leech"});
    EXPECT_TRUE(db.voided_reviews().empty());
    EXPECT_TRUE(db.exam_attempts().empty());
    // The old review can be taken back like a new one.
    const auto id = db.review_log("ann")[0].id;
    EXPECT_FALSE(db.void_review("ann", id, kT0 + kMin).has_value());
    EXPECT_TRUE(db.review_log("ann").empty());
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());  // and on through later steps
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM card_event").getInt(), 1);  // earlier tables kept
  EXPECT_EQ(raw.execAndGet("SELECT last_review_id FROM lrs_sync").getInt(), 1);
  for (const char* table : {"review_void", "exam_attempt", "exam_question", "exam_answer", "exam_result"}) {
    EXPECT_TRUE(raw.tableExists(table)) << table;
  }
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_log").getInt(), 1);  // the row stays
}

TEST(SchemaV6, UndoVoidsTheReviewAndRestoresTheState) {
  Progress db(":memory:");
  const ReviewRecord a1 = review("bank/a", kT0, 0);
  const ReviewRecord a2 = review("bank/a", kT0 + 10 * kMin, 1);
  const ReviewRecord b1 = review("bank/b", kT0 + 11 * kMin, 0, Rating::Again);
  const auto id_a1 = db.record_review(a1);
  const auto id_a2 = db.record_review(a2);
  const auto id_b1 = db.record_review(b1);
  EXPECT_EQ(db.count_reviews("ann", kT0, kT0 + 60 * kMin), 3);
  EXPECT_EQ(db.count_new_cards("ann", kT0, kT0 + 60 * kMin), 2);
  EXPECT_EQ(db.forgotten_cards("ann", kT0, kT0 + 60 * kMin), std::vector<std::string>{"bank/b"});
  EXPECT_EQ(db.card_state("ann", "bank/a"), a2.after);

  // Undo the last rating of card a: its state is the one after its first review again.
  const auto now_a = db.void_review("ann", id_a2, kT0 + 20 * kMin);
  ASSERT_TRUE(now_a.has_value());
  EXPECT_EQ(*now_a, a1.after);
  EXPECT_EQ(db.card_state("ann", "bank/a"), a1.after);
  ASSERT_EQ(db.review_log("ann").size(), 2u);
  EXPECT_EQ(db.review_log("ann")[0].id, id_a1);
  EXPECT_EQ(db.review_log("ann")[1].id, id_b1);
  EXPECT_EQ(db.last_review("ann", "bank/a")->id, id_a1);
  EXPECT_EQ(db.count_reviews("ann", kT0, kT0 + 60 * kMin), 2);
  EXPECT_EQ(db.done_by_bank("ann", kT0, kT0 + 60 * kMin).at("bank").reviews, 2);

  // Undo a card's only review: it is new again, and no longer forgotten today.
  EXPECT_FALSE(db.void_review("ann", id_b1, kT0 + 21 * kMin).has_value());
  EXPECT_FALSE(db.card_state("ann", "bank/b").has_value());
  EXPECT_EQ(db.count_new_cards("ann", kT0, kT0 + 60 * kMin), 1);
  EXPECT_TRUE(db.forgotten_cards("ann", kT0, kT0 + 60 * kMin).empty());
  EXPECT_EQ(db.new_card_keys("ann", kT0, kT0 + 60 * kMin), std::vector<std::string>{"bank/a"});
  EXPECT_FALSE(db.last_review("ann", "bank/b").has_value());

  const auto voids = db.voided_reviews("ann");
  ASSERT_EQ(voids.size(), 2u);
  EXPECT_EQ(voids[0].review_id, id_a2);
  EXPECT_EQ(voids[0].card_key, "bank/a");
  EXPECT_EQ(voids[0].reviewed_at, a2.reviewed_at);
  EXPECT_EQ(voids[0].reason, "undo");
  EXPECT_EQ(voids[0].voided_at, kT0 + 20 * kMin);
  EXPECT_EQ(voids[1].review_id, id_b1);

  // A review cannot be taken back twice, nor by another learner, nor if it does not exist.
  EXPECT_THROW(db.void_review("ann", id_a2, kT0 + 22 * kMin), StorageError);
  EXPECT_THROW(db.void_review("bob", id_a1, kT0 + 22 * kMin), StorageError);
  EXPECT_THROW(db.void_review("ann", 999, kT0 + 22 * kMin), StorageError);

  // The rebuilt cache equals the one the undo left.
  const auto before = db.card_states("ann");
  db.rebuild_card_states();
  EXPECT_EQ(db.card_states("ann"), before);
}

// A card reset to new (issue 12's card events) after the review an undo takes back stays new.
TEST(SchemaV6, UndoOfAReviewBeforeAResetLeavesTheCardNew) {
  Progress db(":memory:");
  db.record_review(review("bank/a", kT0, 0));
  const auto id = db.record_review(review("bank/a", kT0 + 10 * kMin, 1));
  casebook::storage::CardEvent reset;
  reset.card_key = "bank/a";
  reset.at = kT0 + 20 * kMin;
  reset.kind = casebook::storage::CardEventKind::Reset;
  db.record_card_event("ann", reset);
  ASSERT_FALSE(db.card_state("ann", "bank/a").has_value());
  EXPECT_FALSE(db.void_review("ann", id, kT0 + 30 * kMin).has_value());
  EXPECT_FALSE(db.card_state("ann", "bank/a").has_value());
  db.rebuild_card_states();
  EXPECT_FALSE(db.card_state("ann", "bank/a").has_value());
}

TEST(SchemaV6, UndoRestoresFlagsAndVoidsAreAppendOnly) {
  const casebook::test::TempDb db_file("schema6-append-only.sqlite3");
  const std::string& path = db_file.path();
  Progress db(path);
  const auto id = db.record_answer("ann", "bank/a", [&](const auto&, const CardFlags&) {
    AnswerPlan p;
    p.review = review("bank/a", kT0, 0, Rating::Again);
    p.flags = CardFlags{{"leech"}, true};
    return p;
  });
  EXPECT_TRUE(db.card_flags("ann").at("bank/a").suspended);
  db.void_review("ann", id, kT0 + kMin, CardFlags{});
  EXPECT_TRUE(db.card_flags("ann").empty());
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  EXPECT_THROW(raw.exec("UPDATE review_void SET reason = 'x'"), SQLite::Exception);
  EXPECT_THROW(raw.exec("DELETE FROM review_void"), SQLite::Exception);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_void").getInt(), 1);
}

TEST(SchemaV6, ExamAttemptsAreStoredAtStartAndHandIn) {
  Progress db(":memory:");
  ExamAttemptRow a;
  a.learner = "ann";
  a.title = "Practice paper";
  a.preset = "bank/paper-1";
  a.seed = 0xFFFFFFFFFFFFFFF0ULL;  // above INT64_MAX: stored as its bit pattern
  a.time_limit_ms = 20 * kMin;
  a.pass_mark = 70;
  a.started_at = kT0;
  a.questions = {ExamQuestionRow{"bank/a", "t1"}, ExamQuestionRow{"bank/b", "t2"}};
  a.id = db.start_exam(a);
  EXPECT_GT(a.id, 0);
  {
    const auto stored = db.exam_attempts("ann");
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0], a);  // no answers, no result: an interrupted attempt looks like this
  }
  std::vector<ExamAnswerRow> answers(2);
  answers[0] = ExamAnswerRow{0, true, true, 1.0, "x", std::nullopt};
  answers[1] = ExamAnswerRow{1, false, false, 0.0, "", std::nullopt};
  const ExamResultRow result{kT0 + 5 * kMin, 1, 2, 50, false, true};
  int planned = 0;
  db.finish_exam(a.id, answers, result, [&](const ExamAnswerRow& answer, const std::string& key, const auto& newest,
                                             const CardFlags&) -> std::optional<AnswerPlan> {
    ++planned;
    EXPECT_FALSE(newest.has_value());
    if (!answer.answered) return std::nullopt;
    AnswerPlan p;
    p.review = review(key, kT0 + 5 * kMin, 0);
    return p;
  });
  EXPECT_EQ(planned, 2);
  const auto log = db.review_log("ann");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].card_key, "bank/a");
  const auto stored = db.exam_attempts();
  ASSERT_EQ(stored.size(), 1u);
  ASSERT_TRUE(stored[0].result.has_value());
  EXPECT_EQ(*stored[0].result, result);
  ASSERT_EQ(stored[0].answers.size(), 2u);
  answers[0].review_id = log[0].id;
  EXPECT_EQ(stored[0].answers, answers);
  EXPECT_EQ(stored[0].seed, a.seed);

  // Handed in twice: refused, and nothing more is written.
  EXPECT_THROW(db.finish_exam(a.id, answers, result, nullptr), StorageError);
  EXPECT_THROW(db.finish_exam(a.id + 1, answers, result, nullptr), StorageError);
  EXPECT_EQ(db.review_log("ann").size(), 1u);
}
