// Schema 3 (issue 16): a version-2 database upgrades in place (learners, review log, card
// states, options and flags kept; no backlog spread), spreads round-trip with their cards,
// both new tables are append-only, and the day's new cards are listed by key.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "storage/migrations.hpp"
#include "storage/progress.hpp"

namespace fs = std::filesystem;
using casebook::core::BacklogAssignment;
using casebook::core::BacklogSpread;
using casebook::storage::OptionValues;
using casebook::storage::Progress;
using casebook::storage::StorageError;

namespace {

class TempDb {
 public:
  explicit TempDb(const std::string& name) : m_path(::testing::TempDir() + "casebook-schema3-" + name) { remove(); }
  ~TempDb() { remove(); }
  [[nodiscard]] const std::string& path() const { return m_path; }

 private:
  void remove() const {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(m_path + suffix, ec);
  }
  std::string m_path;
};

/// A database exactly as a version-2 Casebook left it: steps 1 and 2, one learner with one
/// review, its card state, a stored option and a card flag.
void write_v2_database(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const auto steps = casebook::storage::detail::migrations();
  ASSERT_GE(steps.size(), 3u);
  ASSERT_EQ(steps[1].version, 2);
  db.exec(steps[0].sql);
  db.exec(steps[1].sql);
  db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
  db.exec("PRAGMA user_version = 2");
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
  db.exec("INSERT INTO study_option VALUES (1, '', 'new_cards_per_day', '7', 1717243200000)");
  db.exec("INSERT INTO card_flag VALUES (1, 'bank/q1', 'leech', 1, 1717243200000)");
}

}  // namespace

TEST(SchemaV3, Version2DatabaseUpgradesInPlace) {
  const TempDb db_file("v2.sqlite3");
  const std::string& path = db_file.path();
  write_v2_database(path);
  EXPECT_THROW(Progress(path, Progress::Access::ReadOnly), StorageError);  // reports refuse the old schema
  {
    Progress db(path);
    EXPECT_EQ(db.learners(), std::vector<std::string>{"ann"});
    ASSERT_EQ(db.review_log("ann").size(), 1u);
    EXPECT_EQ(db.card_state("ann", "bank/q1")->stability, 2.3065);
    EXPECT_EQ(db.study_option_values("ann"), (OptionValues{{"new_cards_per_day", "7"}}));
    EXPECT_TRUE(db.card_flags("ann").at("bank/q1").suspended);
    EXPECT_TRUE(db.backlog_spreads("ann").empty());
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_TRUE(raw.tableExists("backlog_spread"));
  EXPECT_TRUE(raw.tableExists("backlog_spread_card"));
  Progress ro(path, Progress::Access::ReadOnly);
  EXPECT_TRUE(ro.backlog_spreads("ann").empty());
}

TEST(SchemaV3, BacklogSpreadsRoundTripAndStayAppendOnly) {
  const TempDb db_file("spreads.sqlite3");
  const std::string& path = db_file.path();
  BacklogSpread first;
  first.created_at = 1735722000000;
  first.first_day = 20089;  // 2025-01-01
  first.days = 3;
  first.overdue = 4;
  first.pause_new = true;
  first.cards = {{"b/q2", 0}, {"b/q1", 0}, {"b/q3", 1}, {"b/q4", 2}};
  BacklogSpread second = first;
  second.created_at += 86400000;
  second.first_day += 1;
  second.days = 2;
  second.pause_new = false;
  second.cards = {{"b/q4", 0}};
  {
    Progress db(path);
    EXPECT_GT(db.add_backlog_spread("ann", first), 0);
    db.add_backlog_spread("ann", second);
    BacklogSpread bad = first;
    bad.first_day = 5000000;  // beyond 9999-12-31
    EXPECT_THROW(db.add_backlog_spread("ann", bad), StorageError);
  }
  Progress db(path, Progress::Access::ReadOnly);
  const auto spreads = db.backlog_spreads("ann");
  ASSERT_EQ(spreads.size(), 2u);
  EXPECT_EQ(spreads[0].first_day, 20089);
  EXPECT_EQ(spreads[0].days, 3);
  EXPECT_EQ(spreads[0].overdue, 4);
  EXPECT_TRUE(spreads[0].pause_new);
  EXPECT_EQ(spreads[0].created_at, 1735722000000);
  // Cards by day, then key.
  EXPECT_EQ(spreads[0].cards, (std::vector<BacklogAssignment>{{"b/q1", 0}, {"b/q2", 0}, {"b/q3", 1}, {"b/q4", 2}}));
  EXPECT_FALSE(spreads[1].pause_new);
  EXPECT_EQ(spreads[1].cards, (std::vector<BacklogAssignment>{{"b/q4", 0}}));
  EXPECT_TRUE(db.backlog_spreads("bob").empty());
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("SELECT first_date FROM backlog_spread ORDER BY id LIMIT 1").getString(), "2025-01-01");
  EXPECT_THROW(raw.exec("DELETE FROM backlog_spread"), SQLite::Exception);
  EXPECT_THROW(raw.exec("UPDATE backlog_spread SET days = 9"), SQLite::Exception);
  EXPECT_THROW(raw.exec("DELETE FROM backlog_spread_card"), SQLite::Exception);
  EXPECT_THROW(raw.exec("UPDATE backlog_spread_card SET day_offset = 9"), SQLite::Exception);
}

TEST(SchemaV3, NewCardKeysOfADay) {
  Progress db(":memory:");
  casebook::core::ReviewRecord r;
  r.learner = "ann";
  r.rating = casebook::core::Rating::Good;
  for (const auto& [key, at, state] : std::vector<std::tuple<std::string, std::int64_t, casebook::core::CardState>>{
           {"b/q2", 1000, casebook::core::CardState::New},
           {"b/q1", 2000, casebook::core::CardState::New},
           {"b/q1", 3000, casebook::core::CardState::Learning},
           {"b/q3", 5000, casebook::core::CardState::New},
           {"b/q4", 9000, casebook::core::CardState::New}}) {
    r.card_key = key;
    r.reviewed_at = at;
    r.before.state = state;
    db.record_review(r);
  }
  EXPECT_EQ(db.new_card_keys("ann", 1000, 9000), (std::vector<std::string>{"b/q1", "b/q2", "b/q3"}));
  EXPECT_EQ(db.count_new_cards("ann", 1000, 9000), 3);
  EXPECT_TRUE(db.new_card_keys("bob", 0, 10000).empty());
}
