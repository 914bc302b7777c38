// Schema 2 (issue 4): a version-1 database upgrades in place (its learners, card states and
// review log kept, the new tables empty), study options per learner and per bank, card flags
// (leech tags, suspension), and the review log staying append-only.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "storage/migrations.hpp"
#include "storage/progress.hpp"

namespace fs = std::filesystem;
using casebook::storage::CardFlags;
using casebook::storage::OptionValues;
using casebook::storage::Progress;
using casebook::storage::StorageError;

namespace {

/// A fresh database path under GoogleTest's temp folder; the file and its WAL companions are
/// removed first and when the test ends.
class TempDb {
 public:
  explicit TempDb(const std::string& name) : m_path(::testing::TempDir() + "casebook-schema2-" + name) { remove(); }
  ~TempDb() { remove(); }
  [[nodiscard]] const std::string& path() const { return m_path; }

 private:
  void remove() const {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(m_path + suffix, ec);
  }
  std::string m_path;
};

/// Writes a database exactly as a version-1 Casebook left it: the step-1 SQL, application_id,
/// user_version 1, one learner, one review and its card state.
void write_v1_database(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const auto steps = casebook::storage::detail::migrations();
  ASSERT_EQ(steps[0].version, 1);
  db.exec(steps[0].sql);
  db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
  db.exec("PRAGMA user_version = 1");
  db.exec("INSERT INTO learner (id, name, created_at_ms) VALUES (1, 'ann', 1717243200000)");
  db.exec(
      "INSERT INTO review_log (learner_id, card_key, reviewed_at_ms, rating, correct, answer, response_ms, "
      "state_before, stability_before, difficulty_before, due_before_ms, last_review_before_ms, "
      "scheduled_days_before, learning_steps_before, reps_before, lapses_before, state_after, stability_after, "
      "difficulty_after, due_after_ms, last_review_after_ms, scheduled_days_after, learning_steps_after, "
      "reps_after, lapses_after) VALUES (1, 'bank/q1', 1717243200000, 3, 1, 'x', 1500, 0, 0, 0, "
      "1717243200000, NULL, 0, 0, 0, 0, 1, 2.3065, 2.11810397, 1717243800000, 1717243200000, 0, 1, 1, 0)");
  db.exec(
      "INSERT INTO card_state VALUES (1, 'bank/q1', 1, 2.3065, 2.11810397, 1717243800000, 1717243200000, 0, "
      "1, 1, 0, 1717243200000)");
}

}  // namespace

TEST(SchemaV2, Version1DatabaseUpgradesInPlace) {
  const TempDb db_file("v1.sqlite3");
  const std::string& path = db_file.path();
  write_v1_database(path);
  {
    // A read-only open (reports) refuses the old schema and leaves it at version 1.
    EXPECT_THROW(Progress(path, Progress::Access::ReadOnly), StorageError);
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 1);
  }
  {
    Progress db(path);
    EXPECT_EQ(db.learners(), std::vector<std::string>{"ann"});
    const auto log = db.review_log("ann");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].card_key, "bank/q1");
    EXPECT_EQ(log[0].after.due, 1717243800000);
    ASSERT_TRUE(db.card_state("ann", "bank/q1").has_value());
    EXPECT_EQ(db.card_state("ann", "bank/q1")->stability, 2.3065);
    EXPECT_TRUE(db.study_option_values("ann").empty());  // defaults apply
    EXPECT_TRUE(db.card_flags("ann").empty());
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_TRUE(raw.tableExists("study_option"));
  EXPECT_TRUE(raw.tableExists("card_flag"));
  // Now a report can read it.
  Progress ro(path, Progress::Access::ReadOnly);
  EXPECT_EQ(ro.review_log().size(), 1u);
}

TEST(SchemaV2, StudyOptionsPerLearnerAndBank) {
  Progress db(":memory:");
  const OptionValues mine = {{"desired_retention", "0.85"}, {"new_cards_per_day", "5"}};
  db.set_study_option_values("ann", "", mine);
  db.set_study_option_values("ann", "bank-b", {{"desired_retention", "0.95"}});
  db.set_study_option_values("bob", "", {{"rollover_hour", "6"}});
  EXPECT_EQ(db.study_option_values("ann"), mine);
  EXPECT_EQ(db.study_option_values("ann", "bank-b"), (OptionValues{{"desired_retention", "0.95"}}));
  EXPECT_TRUE(db.study_option_values("ann", "bank-a").empty());
  EXPECT_EQ(db.option_override_banks("ann"), std::vector<std::string>{"bank-b"});
  EXPECT_EQ(db.study_option_values("bob"), (OptionValues{{"rollover_hour", "6"}}));
  // Saving replaces the whole set; an empty set removes it.
  db.set_study_option_values("ann", "", {{"fuzz", "on"}});
  EXPECT_EQ(db.study_option_values("ann"), (OptionValues{{"fuzz", "on"}}));
  db.set_study_option_values("ann", "bank-b", {});
  EXPECT_TRUE(db.option_override_banks("ann").empty());
}

TEST(SchemaV2, CardFlagsAndTheLogStaysAppendOnly) {
  const TempDb db_file("flags.sqlite3");
  const std::string& path = db_file.path();
  {
    Progress db(path);
    db.set_card_flags("ann", "bank/q1", CardFlags{{"leech", "hard", "leech"}, true});
    db.set_card_flags("ann", "bank/q2", CardFlags{{"leech"}, false});
    EXPECT_THROW(db.set_card_flags("ann", "bank/q3", CardFlags{{"two words"}, false}), StorageError);
  }
  Progress db(path);
  auto flags = db.card_flags("ann");
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags["bank/q1"], (CardFlags{{"hard", "leech"}, true}));  // sorted, no duplicates
  EXPECT_EQ(flags["bank/q2"], (CardFlags{{"leech"}, false}));
  db.set_card_flags("ann", "bank/q1", CardFlags{{"leech"}, false});
  db.set_card_flags("ann", "bank/q2", CardFlags{});  // nothing left: the row goes
  flags = db.card_flags("ann");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags["bank/q1"], (CardFlags{{"leech"}, false}));
  EXPECT_TRUE(db.card_flags("bob").empty());
  casebook::core::ReviewRecord r;
  r.learner = "ann";
  r.card_key = "bank/q1";
  r.reviewed_at = 1717243200000;
  r.rating = casebook::core::Rating::Again;
  db.record_review(r);
  EXPECT_EQ(db.card_flags("ann").size(), 1u);  // recording a review leaves the flags alone
  // Flags live beside the log: the log's triggers still refuse changes.
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  EXPECT_THROW(raw.exec("DELETE FROM review_log"), SQLite::Exception);
  EXPECT_THROW(raw.exec("UPDATE review_log SET rating = 4"), SQLite::Exception);
}
