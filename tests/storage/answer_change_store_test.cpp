// Schema 9 (issue 14, banks that change safely): a version-8 database upgrades in place (its
// answers read with an unknown answer key); new answers keep their answer-key fingerprint;
// an answer change is appended, becomes the card's state, and survives an undo and a rebuild
// of the card states from the log.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>

#include "old_database.hpp"
#include "storage/migrations.hpp"
#include "storage/progress.hpp"
#include "storage_support.hpp"
#include "temp_db.hpp"

using casebook::core::CardSchedule;
using casebook::core::CardState;
using casebook::storage::AnswerChange;
using casebook::storage::KnownAnswerKey;
using casebook::storage::Progress;
using casebook::storage::ReviewRecord;
using casebook::storage::StorageError;
using casebook::storage_test::make_review;

namespace {

constexpr std::int64_t kT0 = 1717243200000;  // 2024-06-01T12:00:00Z
constexpr std::int64_t kDay = 86'400'000;

/// The change of bank/q1 from key "aaaa" (version 1.0) to "bbbb" (2.1) at `at`: relearning, due at once.
AnswerChange change_at(std::int64_t at, const CardSchedule& before) {
  AnswerChange c;
  c.card_key = "bank/q1";
  c.at = at;
  c.old_key = "aaaa";
  c.new_key = "bbbb";
  c.old_version = "1.0";
  c.new_version = "2.1";
  c.after = before;
  c.after.state = CardState::Relearning;
  c.after.stability = 0.5;
  c.after.due = at;
  c.after.last_review = at;
  c.after.scheduled_days = 0;
  c.after.learning_steps = 0;
  return c;
}

}  // namespace

TEST(SchemaAnswerKeys, Version8DatabaseUpgradesInPlace) {
  const casebook::test::TempDb db_file("schema9-v8.sqlite3");
  const std::string& path = db_file.path();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto steps = casebook::storage::detail::migrations();
    ASSERT_GE(steps.size(), 9u);
    ASSERT_EQ(steps[7].version, 8);
    for (std::size_t i = 0; i < 8; ++i) db.exec(steps[i].sql);
    db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
    db.exec("PRAGMA user_version = 8");
    casebook::test::insert_ann_review(db);
  }
  {
    Progress db(path);
    const auto log = db.review_log("ann");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].answer_key, "");  // unknown: recorded before schema 9
    const auto known = db.known_answer_keys("ann");
    ASSERT_EQ(known.size(), 1u);
    EXPECT_EQ(known.at("bank/q1"), (KnownAnswerKey{"", "", kT0, false}));
    EXPECT_TRUE(db.answer_changes("ann").empty());
    ReviewRecord r = make_review("ann", "bank/q2", kT0 + 1000, 0);
    r.answer_key = "0123456789abcdef";
    db.record_review(r);
    EXPECT_EQ(db.last_review("ann", "bank/q2")->answer_key, "0123456789abcdef");
    EXPECT_EQ(db.known_answer_keys("ann").at("bank/q2").key, "0123456789abcdef");
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_log").getInt(), 2);
  EXPECT_EQ(raw.execAndGet("SELECT answer_key FROM review_log WHERE card_key = 'bank/q1'").getString(), "");
}

TEST(AnswerChanges, BecomeTheCardStateThroughUndoAndRebuild) {
  const casebook::test::TempDb db_file("answer-change.sqlite3");
  ReviewRecord first = make_review("ann", "bank/q1", kT0, 0);
  first.answer_key = "aaaa";
  first.bank_version = "1.0";
  const AnswerChange change = change_at(kT0 + kDay, first.after);
  std::int64_t later_id = 0;
  {
    Progress db(db_file.path());
    db.record_review(first);
    EXPECT_THROW(db.record_answer_change("ann", AnswerChange{}), StorageError);
    AnswerChange no_key = change;
    no_key.old_key.clear();
    EXPECT_THROW(db.record_answer_change("ann", no_key), StorageError);
    const std::int64_t id = db.record_answer_change("ann", change);
    EXPECT_GT(id, 0);
    EXPECT_EQ(db.card_state("ann", "bank/q1"), change.after);
    ASSERT_EQ(db.answer_changes("ann").size(), 1u);
    AnswerChange stored = change;
    stored.id = id;
    EXPECT_EQ(db.answer_changes("ann", "bank/q1")[0], stored);
    EXPECT_TRUE(db.answer_changes("bob").empty());
    EXPECT_EQ(db.known_answer_keys("ann").at("bank/q1"), (KnownAnswerKey{"bbbb", "2.1", kT0 + kDay, true}));

    // A review at the very instant of the change comes after it (a review wins a tie).
    ReviewRecord later = make_review("ann", "bank/q1", kT0 + kDay, 1);
    later.before = change.after;
    later.answer_key = "bbbb";
    later.bank_version = "2.1";
    later_id = db.record_review(later);
    EXPECT_EQ(db.card_state("ann", "bank/q1"), later.after);
    EXPECT_EQ(db.known_answer_keys("ann").at("bank/q1"), (KnownAnswerKey{"bbbb", "2.1", kT0 + kDay, false}));
    db.rebuild_card_states();
    EXPECT_EQ(db.card_state("ann", "bank/q1"), later.after);
  }
  {
    // After a restart: undoing the later review brings back the change's state, not the first review's.
    Progress db(db_file.path());
    EXPECT_EQ(db.void_review("ann", later_id, kT0 + kDay + 5), change.after);
    EXPECT_EQ(db.card_state("ann", "bank/q1"), change.after);
    EXPECT_EQ(db.known_answer_keys("ann").at("bank/q1").key, "bbbb");
    db.rebuild_card_states();
    EXPECT_EQ(db.card_state("ann", "bank/q1"), change.after);
  }
  SQLite::Database raw(db_file.path(), SQLite::OPEN_READWRITE);
  EXPECT_THROW(raw.exec("UPDATE answer_change SET new_key = 'x'"), SQLite::Exception);
  EXPECT_THROW(raw.exec("DELETE FROM answer_change"), SQLite::Exception);
}
