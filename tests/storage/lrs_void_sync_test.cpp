// Schema 10 (issue 13): a version-9 database upgrades in place and keeps its data; the voiding
// statements a learning record store accepted are recorded once each, only for reviews whose
// own statement the store has (review id up to the sync cursor).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>

#include "old_database.hpp"
#include "storage/migrations.hpp"
#include "storage/progress.hpp"
#include "temp_db.hpp"

using casebook::storage::Progress;

namespace {
constexpr const char* kStore = "http://lrs.example/xAPI";
}  // namespace

TEST(SchemaLrsVoidSync, Version9DatabaseUpgradesInPlaceAndSendsEachVoidOnce) {
  const casebook::test::TempDb db_file("schema10-v9.sqlite3");
  const std::string& path = db_file.path();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto steps = casebook::storage::detail::migrations();
    ASSERT_GE(steps.size(), 10u);
    ASSERT_EQ(steps[8].version, 9);
    for (std::size_t i = 0; i < 9; ++i) db.exec(steps[i].sql);
    db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
    db.exec("PRAGMA user_version = 9");
    casebook::test::insert_ann_review(db);
    db.exec("INSERT INTO review_void VALUES (1, 1, 1717243300000, 'undo')");
  }
  {
    Progress db(path);
    ASSERT_EQ(db.voided_reviews("ann").size(), 1u);
    EXPECT_TRUE(db.voids_to_send(kStore, "ann").empty());  // the store does not have review 1 yet
    db.set_lrs_sent_up_to(kStore, "ann", 1);
    const auto to_send = db.voids_to_send(kStore, "ann");
    ASSERT_EQ(to_send.size(), 1u);
    EXPECT_EQ(to_send[0].review_id, 1);
    EXPECT_TRUE(db.voids_to_send("http://other.example/xAPI", "ann").empty());
    db.set_void_sent(kStore, "ann", 1);
    db.set_void_sent(kStore, "ann", 1);  // twice: recorded once
    EXPECT_TRUE(db.voids_to_send(kStore, "ann").empty());
  }
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_log").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM lrs_void_sync").getInt(), 1);
  EXPECT_THROW(raw.exec("UPDATE lrs_void_sync SET sent_at_ms = 0"), SQLite::Exception);  // append-only
}
