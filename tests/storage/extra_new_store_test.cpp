// Schema 8 (issue 11, custom study): a version-7 database upgrades in place and keeps its
// data; "N extra new cards today" is stored per study day, append-only, and read back in order.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "old_database.hpp"
#include "storage/migrations.hpp"
#include "storage/progress.hpp"
#include "temp_db.hpp"

using casebook::storage::ExtraNewCards;
using casebook::storage::Progress;
using casebook::storage::StorageError;

namespace {
constexpr std::int64_t kT0 = 1717243200000;  // 2024-06-01T12:00:00Z
}  // namespace

TEST(SchemaExtraNew, Version7DatabaseUpgradesInPlace) {
  const casebook::test::TempDb db_file("schema8-v7.sqlite3");
  const std::string& path = db_file.path();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto steps = casebook::storage::detail::migrations();
    ASSERT_GE(steps.size(), 8u);
    ASSERT_EQ(steps[6].version, 7);
    for (std::size_t i = 0; i < 7; ++i) db.exec(steps[i].sql);
    db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
    db.exec("PRAGMA user_version = 7");
    casebook::test::insert_ann_review(db);
    db.exec("INSERT INTO review_void VALUES (1, 1, 1717243300000, 'undo')");
  }
  {
    Progress db(path);
    EXPECT_TRUE(db.review_log("ann").empty());  // the void of version 6 still counts
    ASSERT_EQ(db.voided_reviews("ann").size(), 1u);
    EXPECT_TRUE(db.extra_new_cards("ann", "2024-06-01").empty());
    db.add_extra_new_cards("ann", ExtraNewCards{0, "2024-06-01", "law", "", 5, kT0});
    ASSERT_EQ(db.extra_new_cards("ann", "2024-06-01").size(), 1u);
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_log").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM extra_new_cards").getInt(), 1);
}

TEST(SchemaExtraNew, RaisesAreKeptPerDayInOrderAndAppendOnly) {
  const casebook::test::TempDb db_file("extra-new.sqlite3");
  {
    Progress db(db_file.path());
    const ExtraNewCards a{0, "2024-06-01", "", "", 10, kT0};
    const ExtraNewCards b{0, "2024-06-01", "law", "sanctions", 3, kT0 + 1000};
    const ExtraNewCards c{0, "2024-06-02", "law", "", 7, kT0 + 86'400'000};
    const auto id_a = db.add_extra_new_cards("ann", a);
    const auto id_b = db.add_extra_new_cards("ann", b);
    db.add_extra_new_cards("ann", c);
    db.add_extra_new_cards("bob", a);
    EXPECT_LT(id_a, id_b);
    EXPECT_THROW(db.add_extra_new_cards("ann", ExtraNewCards{0, "2024-06-01", "", "", 0, kT0}), StorageError);
    EXPECT_THROW(db.add_extra_new_cards("ann", ExtraNewCards{0, "2024-06-01", "", "", 10000, kT0}), StorageError);
    EXPECT_THROW(db.add_extra_new_cards("ann", ExtraNewCards{0, "2024-6-1", "", "", 1, kT0}), StorageError);
  }
  // A restart the same day reads the same raises.
  Progress db(db_file.path());
  const auto day1 = db.extra_new_cards("ann", "2024-06-01");
  ASSERT_EQ(day1.size(), 2u);
  EXPECT_EQ(day1[0].count, 10);
  EXPECT_EQ(day1[0].bank_id, "");
  EXPECT_EQ(day1[0].at, kT0);
  EXPECT_EQ(day1[1].bank_id, "law");
  EXPECT_EQ(day1[1].topic, "sanctions");
  EXPECT_EQ(day1[1].count, 3);
  ASSERT_EQ(db.extra_new_cards("ann", "2024-06-02").size(), 1u);
  EXPECT_EQ(db.extra_new_cards("ann", "2024-06-02")[0].count, 7);
  EXPECT_EQ(db.extra_new_cards("bob", "2024-06-01").size(), 1u);
  EXPECT_TRUE(db.extra_new_cards("ann", "2024-06-03").empty());
  SQLite::Database raw(db_file.path(), SQLite::OPEN_READWRITE);
  EXPECT_THROW(raw.exec("UPDATE extra_new_cards SET count = 1"), SQLite::Exception);
  EXPECT_THROW(raw.exec("DELETE FROM extra_new_cards"), SQLite::Exception);
  EXPECT_EQ(raw.execAndGet("SELECT sum(count) FROM extra_new_cards").getInt(), 30);
}
