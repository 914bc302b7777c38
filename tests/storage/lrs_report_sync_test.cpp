// The problem-report sync state (issue 12, 13): a database of the previous version upgrades in
// place and keeps its card events; each problem report a learning record store accepted is
// recorded once per store, and only problem reports are offered for sending.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>

#include "old_database.hpp"
#include "storage/migrations.hpp"
#include "storage/progress.hpp"
#include "temp_db.hpp"

using casebook::storage::CardEvent;
using casebook::storage::CardEventKind;
using casebook::storage::Progress;

namespace {
constexpr const char* kStore = "http://lrs.example/xAPI";
}  // namespace

TEST(SchemaLrsReportSync, PreviousVersionUpgradesInPlaceAndSendsEachReportOnce) {
  const casebook::test::TempDb db_file("report-sync-upgrade.sqlite3");
  const std::string& path = db_file.path();
  const int previous = Progress::schema_version() - 1;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto steps = casebook::storage::detail::migrations();
    ASSERT_EQ(steps.back().version, Progress::schema_version());
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) db.exec(steps[i].sql);
    db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(previous));
    casebook::test::insert_ann_review(db);
    db.exec("INSERT INTO card_event (learner_id, card_key, at_ms, kind, flag, until_ms, note) VALUES "
            "(1, 'bank/q1', 1717243300000, 'report', 0, NULL, 'Two answers are right.'), "
            "(1, 'bank/q1', 1717243400000, 'flag', 2, NULL, 'ask in class')");
  }
  {
    Progress db(path);
    auto to_send = db.reports_to_send(kStore, "ann");
    ASSERT_EQ(to_send.size(), 1u);  // the problem report, not the flag
    EXPECT_EQ(to_send[0].kind, CardEventKind::Report);
    EXPECT_EQ(to_send[0].note, "Two answers are right.");
    CardEvent later;
    later.card_key = "bank/q2";
    later.at = 1717243500000;
    later.kind = CardEventKind::Report;
    later.note = "The source is gone.";
    db.record_card_event("ann", later);
    to_send = db.reports_to_send(kStore, "ann");
    ASSERT_EQ(to_send.size(), 2u);
    EXPECT_EQ(to_send[1].card_key, "bank/q2");
    db.set_report_sent(kStore, "ann", to_send[0].id);
    db.set_report_sent(kStore, "ann", to_send[0].id);  // twice: recorded once
    to_send = db.reports_to_send(kStore, "ann");
    ASSERT_EQ(to_send.size(), 1u);
    EXPECT_EQ(to_send[0].card_key, "bank/q2");
    EXPECT_EQ(db.reports_to_send("http://other.example/xAPI", "ann").size(), 2u);  // per store
    EXPECT_TRUE(db.reports_to_send(kStore, "bob").empty());
  }
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_log").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM card_event").getInt(), 3);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM lrs_report_sync").getInt(), 1);
  EXPECT_THROW(raw.exec("UPDATE lrs_report_sync SET sent_at_ms = 0"), SQLite::Exception);  // append-only
}
