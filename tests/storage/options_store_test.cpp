// Schema 2 (issue 4): a version-1 database upgrades in place (its learners, card states and
// review log kept, the new tables empty), study options per learner and per bank, card flags
// (leech tags, suspension), and the review log staying append-only.
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
using casebook::storage::CardFlags;
using casebook::storage::OptionValues;
using casebook::storage::Progress;
using casebook::storage::StorageError;

using casebook::test::TempDb;
using casebook::test::write_v1_database;

TEST(SchemaV2, Version1DatabaseUpgradesInPlace) {
  const TempDb db_file("schema2-v1.sqlite3");
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
  const TempDb db_file("schema2-flags.sqlite3");
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
