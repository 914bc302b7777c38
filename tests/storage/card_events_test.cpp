// Card events (issue 12): a database of the schema before them upgrades in place (its data
// kept, no events), events are appended and never changed, and their effects: suspension in
// the card flags, reset removing the cached state (also after rebuild_card_states), burial
// and flags stored with their note.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "old_database.hpp"
#include "storage/migrations.hpp"
#include "storage/progress.hpp"

namespace fs = std::filesystem;
using casebook::storage::CardEvent;
using casebook::storage::CardEventKind;
using casebook::storage::Progress;
using casebook::storage::StorageError;

namespace {

std::string temp_path(const std::string& name) {
  const std::string p = ::testing::TempDir() + "casebook-events-" + name;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p + suffix, ec);
  return p;
}

/// The index of the card-event step among the migrations (its number may change at merges).
std::size_t event_step() {
  const auto steps = casebook::storage::detail::migrations();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (std::string_view(steps[i].description).starts_with("card events")) return i;
  }
  return steps.size();
}

/// A database as the Casebook before card events left it: every earlier step, one learner,
/// one review and its state.
void write_previous_database(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const auto steps = casebook::storage::detail::migrations();
  const std::size_t n = event_step();
  ASSERT_LT(n, steps.size());
  for (std::size_t i = 0; i < n; ++i) db.exec(steps[i].sql);
  db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
  db.exec("PRAGMA user_version = " + std::to_string(steps[n].version - 1));
  casebook::test::insert_ann_review(db);
}

CardEvent event(CardEventKind kind, std::int64_t at, int flag = 0, std::string note = {}) {
  CardEvent e;
  e.card_key = "bank/q1";
  e.at = at;
  e.kind = kind;
  e.flag = flag;
  e.note = std::move(note);
  return e;
}

}  // namespace

TEST(CardEvents, PreviousSchemaUpgradesInPlace) {
  const std::string path = temp_path("upgrade.sqlite3");
  write_previous_database(path);
  {
    Progress db(path);
    EXPECT_EQ(db.review_log("ann").size(), 1u);
    ASSERT_TRUE(db.card_state("ann", "bank/q1").has_value());
    EXPECT_TRUE(db.card_events("ann").empty());
    db.record_card_event("ann", event(CardEventKind::Flag, 1717250000000, 2, "check the date"));
  }
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM card_event").getInt(), 1);
  // Append-only: rows can be neither changed nor deleted.
  EXPECT_THROW(raw.exec("UPDATE card_event SET note = 'x'"), SQLite::Exception);
  EXPECT_THROW(raw.exec("DELETE FROM card_event"), SQLite::Exception);
  EXPECT_EQ(raw.execAndGet("SELECT note FROM card_event").getString(), "check the date");
}

TEST(CardEvents, RecordedInTimeOrderWithEveryField) {
  Progress db(":memory:");
  CardEvent bury = event(CardEventKind::Bury, 2000);
  bury.until = 90000000;
  db.record_card_event("ann", event(CardEventKind::Report, 3000, 0, "Two choices are right."));
  db.record_card_event("ann", bury);
  db.record_card_event("ann", event(CardEventKind::Flag, 1000, 7, "ask in class"));
  CardEvent other = event(CardEventKind::Flag, 500, 1);
  other.card_key = "bank/q2";
  db.record_card_event("bob", other);
  const auto all = db.card_events("ann");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].kind, CardEventKind::Flag);
  EXPECT_EQ(all[0].flag, 7);
  EXPECT_EQ(all[0].note, "ask in class");
  EXPECT_EQ(all[1].kind, CardEventKind::Bury);
  EXPECT_EQ(all[1].until, 90000000);
  EXPECT_EQ(all[2].kind, CardEventKind::Report);
  EXPECT_EQ(all[2].note, "Two choices are right.");
  EXPECT_EQ(all[2].until, std::nullopt);
  EXPECT_EQ(db.card_events("", "bank/q2").size(), 1u);
  EXPECT_EQ(db.card_events("").size(), 4u);
  EXPECT_EQ(to_string(CardEventKind::Unsuspend), "unsuspend");
}

TEST(CardEvents, SuspendAndUnsuspendKeepTags) {
  Progress db(":memory:");
  db.set_card_flags("ann", "bank/q1", {{"leech"}, false});
  db.record_card_event("ann", event(CardEventKind::Suspend, 1000));
  EXPECT_EQ(db.card_flags("ann").at("bank/q1"), (casebook::storage::CardFlags{{"leech"}, true}));
  db.record_card_event("ann", event(CardEventKind::Unsuspend, 2000));
  EXPECT_EQ(db.card_flags("ann").at("bank/q1"), (casebook::storage::CardFlags{{"leech"}, false}));
  EXPECT_EQ(db.card_events("ann").size(), 2u);
}

TEST(CardEvents, ResetMakesTheCardNewAndSurvivesARebuild) {
  const std::string path = temp_path("reset.sqlite3");
  write_previous_database(path);
  Progress db(path);
  ASSERT_TRUE(db.card_state("ann", "bank/q1").has_value());
  db.record_card_event("ann", event(CardEventKind::Reset, 1717250000000));
  EXPECT_FALSE(db.card_state("ann", "bank/q1").has_value());
  EXPECT_EQ(db.review_log("ann").size(), 1u);  // the log is never rewritten
  db.rebuild_card_states();
  EXPECT_FALSE(db.card_state("ann", "bank/q1").has_value());
  // A review after the reset counts again.
  casebook::storage::ReviewRecord r = db.review_log("ann")[0];
  r.id = 0;
  r.learner = "ann";
  r.reviewed_at = 1717260000000;
  r.before = {};
  db.record_review(r);
  db.rebuild_card_states();
  ASSERT_TRUE(db.card_state("ann", "bank/q1").has_value());
  EXPECT_EQ(db.card_review_log("ann", "bank/q1").size(), 2u);
  EXPECT_TRUE(db.card_review_log("ann", "bank/q2").empty());
}

TEST(CardEvents, BadEventsAreRefused) {
  Progress db(":memory:");
  EXPECT_THROW(db.record_card_event("ann", event(CardEventKind::Flag, 1, 8)), StorageError);
  EXPECT_THROW(db.record_card_event("ann", event(CardEventKind::Bury, 1)), StorageError);
  CardEvent no_key = event(CardEventKind::Report, 1);
  no_key.card_key.clear();
  EXPECT_THROW(db.record_card_event("ann", no_key), StorageError);
  EXPECT_TRUE(db.card_events("ann").empty());
}
