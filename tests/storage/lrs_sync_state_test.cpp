// Schema 3: the learning-record-store sync state. A version-2 database upgrades in place with
// nothing sent; the state per (store, learner) only moves forwards; the review cursor reads
// the reviews after it in id order.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "storage/migrations.hpp"
#include "storage/progress.hpp"

namespace fs = std::filesystem;
using casebook::storage::Progress;

namespace {

std::string temp_db(const std::string& name) {
  const std::string path = ::testing::TempDir() + "casebook-schema3-" + name;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ec);
  return path;
}

casebook::core::ReviewRecord review(const std::string& learner, const std::string& key, std::int64_t at) {
  casebook::core::ReviewRecord r;
  r.learner = learner;
  r.card_key = key;
  r.reviewed_at = at;
  r.answer = "x";
  return r;
}

}  // namespace

// The step that adds the sync state (schema 5): a database of the version before it upgrades
// (through every later step too).
TEST(SchemaLrsSync, PreviousVersionDatabaseUpgradesWithNothingSent) {
  const std::string path = temp_db("previous.sqlite3");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto steps = casebook::storage::detail::migrations();
    std::size_t k = 0;
    while (k < steps.size() && std::string(steps[k].sql).find("CREATE TABLE lrs_sync") == std::string::npos) ++k;
    ASSERT_LT(k, steps.size());
    ASSERT_GE(k, 1u);
    for (std::size_t i = 0; i < k; ++i) db.exec(steps[i].sql);
    db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(steps[k - 1].version));
    db.exec("INSERT INTO learner (id, name, created_at_ms) VALUES (1, 'ann', 1717243200000)");
  }
  {
    Progress db(path);
    EXPECT_EQ(db.learners(), std::vector<std::string>{"ann"});
    EXPECT_EQ(db.lrs_sent_up_to("http://127.0.0.1:1/xapi", "ann"), 0);
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_TRUE(raw.tableExists("lrs_sync"));
}

TEST(SchemaLrsSync, SyncStateIsPerStoreAndLearnerAndNeverMovesBack) {
  Progress db(":memory:");
  const std::int64_t a1 = db.record_review(review("ann", "b/q1", 3000));
  const std::int64_t b1 = db.record_review(review("bob", "b/q1", 1000));
  const std::int64_t a2 = db.record_review(review("ann", "b/q2", 2000));  // recorded later, reviewed earlier
  db.set_lrs_sent_up_to("https://one/xapi", "ann", a1);
  EXPECT_EQ(db.lrs_sent_up_to("https://one/xapi", "ann"), a1);
  EXPECT_EQ(db.lrs_sent_up_to("https://two/xapi", "ann"), 0);
  EXPECT_EQ(db.lrs_sent_up_to("https://one/xapi", "bob"), 0);
  db.set_lrs_sent_up_to("https://one/xapi", "ann", 0);  // never backwards
  EXPECT_EQ(db.lrs_sent_up_to("https://one/xapi", "ann"), a1);

  // The cursor after the state: id order, so a review recorded late is not skipped.
  Progress::ReviewFilter after;
  after.learner = "ann";
  after.after_id = a1;
  std::vector<std::int64_t> ids;
  db.for_each_review(after, [&](const casebook::core::ReviewRecord& r) { ids.push_back(r.id); });
  EXPECT_EQ(ids, std::vector<std::int64_t>{a2});
  (void)b1;
}
