// Tests for storage::Progress: round trips of every field, migrations, refusing foreign or
// too-new files untouched, the append-only log, rebuilding the cache, backups, durability.
#include "storage/migrations.hpp"
#include "storage/progress.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "storage_support.hpp"
#include "temp_db.hpp"

namespace fs = std::filesystem;
using casebook::core::CardSchedule;
using casebook::core::CardState;
using casebook::core::Rating;
using casebook::core::ReviewRecord;
using casebook::storage::Progress;
using casebook::storage::StorageError;
using casebook::storage_test::make_review;
using casebook::storage_test::read_bytes;
using casebook::storage_test::refusal_of_untouched;
using casebook::storage_test::storage_error_of;
using casebook::storage_test::TempDir;

namespace {

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kT0 = 1'717'243'200'000;  // 2024-06-01T12:00:00Z

/// A review whose fields sit at the edges of their ranges.
ReviewRecord extreme_review() {
  ReviewRecord r;
  r.learner = "Мария 🎓";
  r.card_key = "extreme-bank/q-1";
  r.reviewed_at = kInt64Max;
  r.rating = Rating::Easy;
  r.correct = true;
  r.answer = "Ответ: «да» 🙂 — שלום עולם, \"quoted\", 'single'\nsecond line\t\r\n\x01";
  r.response_ms = kInt64Max;
  r.before.state = CardState::Relearning;
  r.before.stability = std::numeric_limits<double>::denorm_min();
  r.before.difficulty = 1.0;
  r.before.due = kInt64Min;
  r.before.last_review = kInt64Min;
  r.before.scheduled_days = kInt64Min;
  r.before.learning_steps = std::numeric_limits<int>::max();
  r.before.reps = std::numeric_limits<int>::max();
  r.before.lapses = std::numeric_limits<int>::min();
  r.after.state = CardState::Review;
  r.after.stability = std::numeric_limits<double>::max();
  r.after.difficulty = 0.1 + 0.2;  // not exactly representable in decimal
  r.after.due = kInt64Max;
  r.after.last_review = std::nullopt;
  r.after.scheduled_days = kInt64Max;
  r.after.learning_steps = -1;
  r.after.reps = 0;
  r.after.lapses = std::numeric_limits<int>::max();
  return r;
}

}  // namespace

// The schema version is the last migration's, and the migrations are numbered 1, 2, ... with
// no gap (branches that each add one are renumbered when they land).
TEST(ProgressTest, SchemaVersionIsTheLastOfConsecutiveMigrations) {
  const auto steps = casebook::storage::detail::migrations();
  ASSERT_GE(steps.size(), 6u);  // 6: undo and mock exams (issue 11)
  for (std::size_t i = 0; i < steps.size(); ++i) EXPECT_EQ(steps[i].version, static_cast<int>(i + 1));
  EXPECT_EQ(Progress::schema_version(), steps.back().version);
}

TEST(ProgressTest, InMemoryRoundTripOfEveryField) {
  Progress db(":memory:");
  ReviewRecord plain = make_review("ann", "bank/q1", kT0, 0);
  ReviewRecord extreme = extreme_review();
  ReviewRecord empty_answer = make_review("ann", "bank/q2", kT0 + 1, 3, Rating::Again);
  empty_answer.answer.clear();

  plain.id = db.record_review(plain);
  extreme.id = db.record_review(extreme);
  empty_answer.id = db.record_review(empty_answer);
  EXPECT_LT(plain.id, extreme.id);
  EXPECT_LT(extreme.id, empty_answer.id);

  const std::vector<ReviewRecord> all = db.review_log();
  ASSERT_EQ(all.size(), 3u);  // time order: plain, empty_answer, extreme (int64 max)
  EXPECT_EQ(all[0], plain);
  EXPECT_EQ(all[1], empty_answer);
  EXPECT_EQ(all[2], extreme);
  EXPECT_EQ(all[1].answer, "");

  EXPECT_EQ(db.review_log("ann"), (std::vector<ReviewRecord>{plain, empty_answer}));
  EXPECT_EQ(db.review_log("Мария 🎓"), std::vector<ReviewRecord>{extreme});
  EXPECT_TRUE(db.review_log("nobody").empty());

  const auto ann = db.card_states("ann");
  ASSERT_EQ(ann.size(), 2u);
  EXPECT_EQ(ann.at("bank/q1"), plain.after);
  EXPECT_EQ(ann.at("bank/q2"), empty_answer.after);
  const auto maria = db.card_states("Мария 🎓");
  ASSERT_EQ(maria.size(), 1u);
  EXPECT_EQ(maria.at("extreme-bank/q-1"), extreme.after);
  EXPECT_FALSE(maria.at("extreme-bank/q-1").last_review.has_value());
  EXPECT_EQ(db.learners(), (std::vector<std::string>{"ann", "Мария 🎓"}));
}

TEST(ProgressTest, TempFileRoundTripSurvivesReopen) {
  TempDir dir;
  const std::string path = dir.file("nested/deeper/progress.sqlite");  // folders created
  ReviewRecord a = make_review("ann", "bank/q1", kT0, 0);
  ReviewRecord b = extreme_review();
  {
    Progress db(path);
    a.id = db.record_review(a);
    b.id = db.record_review(b);
  }
  ASSERT_TRUE(fs::exists(path));
  Progress db(path);
  EXPECT_EQ(db.review_log(), (std::vector<ReviewRecord>{a, b}));
  EXPECT_EQ(db.card_states("ann").at("bank/q1"), a.after);
  EXPECT_EQ(db.card_states(b.learner).at(b.card_key), b.after);
}

// Reports open the database read-only: an empty or missing file is refused untouched (not
// turned into a new database), a real one is read, and any write is refused.
TEST(ProgressTest, ReadOnlyNeverWrites) {
  TempDir dir;
  const std::string empty = dir.file("empty.sqlite");
  { std::ofstream(empty, std::ios::binary); }
  EXPECT_THROW(Progress(empty, Progress::Access::ReadOnly), StorageError);
  EXPECT_EQ(fs::file_size(empty), 0u);
  EXPECT_THROW(Progress(dir.file("missing.sqlite"), Progress::Access::ReadOnly), StorageError);
  EXPECT_FALSE(fs::exists(dir.file("missing.sqlite")));

  const std::string path = dir.file("progress.sqlite");
  ReviewRecord a = make_review("ann", "bank/q1", kT0, 0);
  {
    Progress db(path);
    a.id = db.record_review(a);
  }
  const std::string before = read_bytes(path);
  Progress ro(path, Progress::Access::ReadOnly);
  EXPECT_EQ(ro.review_log("ann"), std::vector<ReviewRecord>{a});
  EXPECT_EQ(ro.card_state("ann", "bank/q1"), a.after);
  EXPECT_THROW(ro.record_review(make_review("ann", "bank/q2", kT0 + 1, 0)), StorageError);
  EXPECT_EQ(read_bytes(path), before);
}

TEST(ProgressTest, MigratesAnEmptyFileAndSetsPragmas) {
  TempDir dir;
  const std::string path = dir.file("empty.sqlite");
  { std::ofstream touch(path, std::ios::binary); }
  ASSERT_EQ(fs::file_size(path), 0u);
  {
    Progress db(path);
    EXPECT_EQ(db.ensure_learner("ann"), 1);
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());
  EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), 0x43534B42);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
  for (const char* table : {"learner", "card_state", "review_log"}) EXPECT_TRUE(raw.tableExists(table)) << table;
  for (const char* object : {"review_log_learner_time", "review_log_learner_card",
                             "review_log_no_update", "review_log_no_delete"}) {
    SQLite::Statement st(raw, "SELECT count(*) FROM sqlite_schema WHERE name = ?");
    st.bind(1, object);
    ASSERT_TRUE(st.executeStep());
    EXPECT_EQ(st.getColumn(0).getInt(), 1) << object;
  }
  // The file written by the app reopens without re-running the migration.
  Progress again(path);
  EXPECT_EQ(again.learners(), std::vector<std::string>{"ann"});
}

TEST(ProgressTest, RefusesTooNewFileUntouched) {
  TempDir dir;
  const std::string path = dir.file("future.sqlite");
  {
    Progress db(path);
    db.record_review(make_review("ann", "bank/q1", kT0, 0));
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA journal_mode = DELETE");
    raw.exec("PRAGMA user_version = 999");
  }
  ASSERT_FALSE(fs::exists(path + "-wal"));
  const std::string msg = refusal_of_untouched(path);
  EXPECT_NE(msg.find(path), std::string::npos) << msg;
  EXPECT_NE(msg.find("newer version of Casebook"), std::string::npos) << msg;
  EXPECT_NE(msg.find("999"), std::string::npos) << msg;
  EXPECT_NE(msg.find("update Casebook"), std::string::npos) << msg;
}

TEST(ProgressTest, RefusesForeignApplicationIdUntouched) {
  TempDir dir;
  const std::string path = dir.file("other-app.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA application_id = 305419896");  // 0x12345678
    raw.exec("CREATE TABLE t (x INTEGER)");
  }
  const std::string msg = refusal_of_untouched(path);
  EXPECT_NE(msg.find(path), std::string::npos) << msg;
  EXPECT_NE(msg.find("another application"), std::string::npos) << msg;
  EXPECT_NE(msg.find("0x12345678"), std::string::npos) << msg;
}

TEST(ProgressTest, RefusesUnmarkedDatabaseWithTablesUntouched) {
  TempDir dir;
  const std::string path = dir.file("plain.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE learner (x INTEGER)");
  }
  const std::string msg = refusal_of_untouched(path);
  EXPECT_NE(msg.find(path), std::string::npos) << msg;
  EXPECT_NE(msg.find("not a Casebook progress database"), std::string::npos) << msg;
}

TEST(ProgressTest, RefusesNonDatabaseFileWithReadableMessage) {
  TempDir dir;
  const std::string path = dir.file("notes.txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << "These are my notes, not a database. They are long enough to fill a header page... "
        << std::string(200, 'x');
  }
  const std::string msg = refusal_of_untouched(path);
  EXPECT_NE(msg.find(path), std::string::npos) << msg;
  EXPECT_NE(msg.find("not a SQLite database"), std::string::npos) << msg;
}

TEST(ProgressTest, UnwritableLocationNamesTheFile) {
  TempDir dir;
  const std::string blocker = dir.file("blocker");
  { std::ofstream out(blocker); out << "a file where a folder should be"; }
  const std::string path = blocker + "/sub/progress.sqlite";
  const std::string msg = storage_error_of([&] { Progress db(path); });
  EXPECT_NE(msg.find(path), std::string::npos) << msg;
}

TEST(ProgressTest, DirectoryInsteadOfFileNamesTheFile) {
  TempDir dir;
  const std::string path = dir.path().string();
  const std::string msg = storage_error_of([&] { Progress db(path); });
  EXPECT_NE(msg.find("\"" + path + "\""), std::string::npos) << msg;
}

TEST(ProgressTest, ReviewLogIsAppendOnly) {
  TempDir dir;
  const std::string path = dir.file("log.sqlite");
  Progress db(path);
  db.record_review(make_review("ann", "bank/q1", kT0, 0));
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  try {
    raw.exec("UPDATE review_log SET rating = 1");
    ADD_FAILURE() << "UPDATE on review_log succeeded";
  } catch (const SQLite::Exception& e) {
    EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
  }
  try {
    raw.exec("DELETE FROM review_log");
    ADD_FAILURE() << "DELETE on review_log succeeded";
  } catch (const SQLite::Exception& e) {
    EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
  }
  ASSERT_EQ(db.review_log().size(), 1u);
  EXPECT_EQ(db.review_log()[0].rating, Rating::Good);
}

TEST(ProgressTest, CacheKeepsLatestReviewEvenWhenRecordedLate) {
  Progress db(":memory:");
  const ReviewRecord newer = make_review("ann", "bank/q1", kT0 + kDay, 1);
  const ReviewRecord older = make_review("ann", "bank/q1", kT0, 0);
  db.record_review(newer);
  db.record_review(older);  // recorded late (e.g. synced from another device)
  EXPECT_EQ(db.card_states("ann").at("bank/q1"), newer.after);
  // Same timestamp: the row recorded later wins.
  ReviewRecord tie = make_review("ann", "bank/q1", kT0 + kDay, 5);
  db.record_review(tie);
  EXPECT_EQ(db.card_states("ann").at("bank/q1"), tie.after);
}

TEST(ProgressTest, RebuildFromLogEqualsCachedState) {
  TempDir dir;
  const std::string path = dir.file("rebuild.sqlite");
  Progress db(path);
  const std::vector<std::string> learners = {"ann", "ben"};
  const std::vector<std::string> cards = {"b/q1", "b/q2", "c/q1"};
  int n = 0;
  for (int round = 0; round < 4; ++round) {
    for (const auto& learner : learners) {
      for (const auto& card : cards) {
        // Timestamps deliberately not monotone in insertion order.
        const std::int64_t t = kT0 + round * kDay + ((n * 7919) % 13) * 60'000;
        db.record_review(make_review(learner, card, t, round, n % 5 == 0 ? Rating::Again : Rating::Good));
        ++n;
      }
    }
  }
  db.record_review(make_review("ann", "b/q1", kT0 - kDay, 9));  // late, older: must not win
  const auto ann = db.card_states("ann");
  const auto ben = db.card_states("ben");
  ASSERT_EQ(ann.size(), 3u);
  ASSERT_EQ(ben.size(), 3u);

  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE card_state SET reps = 999, stability = -1, last_review_ms = NULL");
    raw.exec("DELETE FROM card_state WHERE card_key = 'c/q1'");
  }
  EXPECT_NE(db.card_states("ann"), ann);
  db.rebuild_card_states();
  EXPECT_EQ(db.card_states("ann"), ann);
  EXPECT_EQ(db.card_states("ben"), ben);

  // And the cached state is the `after` of the latest review of each card.
  const std::vector<ReviewRecord> ann_log = db.review_log("ann");
  for (const auto& [key, schedule] : ann) {
    const ReviewRecord* last = nullptr;
    for (const auto& r : ann_log) {
      if (r.card_key == key) last = &r;  // time order, ties by id
    }
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(schedule, last->after) << key;
  }
}

TEST(ProgressTest, CountsReviewsAndNewCardsInHalfOpenRange) {
  Progress db(":memory:");
  db.record_review(make_review("ann", "b/q1", kT0, 0));            // new
  db.record_review(make_review("ann", "b/q1", kT0 + 1000, 1));     // same card, not new
  db.record_review(make_review("ann", "b/q2", kT0 + 2000, 0));     // new
  db.record_review(make_review("ann", "b/q2", kT0 + 2500, 0));     // new again (Again on New): counted once
  db.record_review(make_review("ann", "b/q3", kT0 + kDay, 0));     // new, next day
  db.record_review(make_review("ben", "b/q1", kT0 + 10, 0));       // other learner

  EXPECT_EQ(db.count_reviews("ann", kT0, kT0 + kDay), 4);
  EXPECT_EQ(db.count_reviews("ann", kT0, kT0 + kDay + 1), 5);
  EXPECT_EQ(db.count_reviews("ann", kT0 + 1, kT0 + kDay), 3);      // from is inclusive
  EXPECT_EQ(db.count_reviews("ann", kT0, kT0), 0);                 // to is exclusive
  EXPECT_EQ(db.count_reviews("ann", kInt64Min, kInt64Max), 5);
  EXPECT_EQ(db.count_new_cards("ann", kT0, kT0 + kDay), 2);
  EXPECT_EQ(db.count_new_cards("ann", kT0 + 1, kT0 + kDay), 1);
  EXPECT_EQ(db.count_new_cards("ann", kInt64Min, kInt64Max), 3);
  EXPECT_EQ(db.count_reviews("ben", kInt64Min, kInt64Max), 1);
  EXPECT_EQ(db.count_new_cards("ben", kInt64Min, kInt64Max), 1);
  EXPECT_EQ(db.count_reviews("nobody", kInt64Min, kInt64Max), 0);
  EXPECT_EQ(db.count_new_cards("nobody", kInt64Min, kInt64Max), 0);
}

TEST(ProgressTest, CountsTodayPerBankFromTheCardKey) {
  Progress db(":memory:");
  db.record_review(make_review("ann", "a/q1", kT0, 0));         // A new
  db.record_review(make_review("ann", "a/q1", kT0 + 1000, 1));  // A review
  db.record_review(make_review("ann", "a/q2", kT0 + 2000, 0));  // A new
  db.record_review(make_review("ann", "a/q2", kT0 + 2500, 0));  // A new again: counted once
  db.record_review(make_review("ann", "b-2/x/y", kT0 + 10, 0)); // bank "b-2" (key split at the first '/')
  db.record_review(make_review("ann", "b-2/z", kT0 + kDay, 0)); // next day
  db.record_review(make_review("ben", "a/q3", kT0 + 10, 0));    // other learner
  using casebook::core::DoneToday;
  EXPECT_EQ(db.done_by_bank("ann", kT0, kT0 + kDay),
            (std::map<std::string, DoneToday>{{"a", DoneToday{2, 4}}, {"b-2", DoneToday{1, 1}}}));
  EXPECT_EQ(db.done_by_bank("ann", kT0 + kDay, kT0 + 2 * kDay),
            (std::map<std::string, DoneToday>{{"b-2", DoneToday{1, 1}}}));
  EXPECT_TRUE(db.done_by_bank("nobody", kT0, kT0 + kDay).empty());
  // The per-bank figures add up to the overall ones.
  EXPECT_EQ(db.count_new_cards("ann", kT0, kT0 + kDay), 3);
  EXPECT_EQ(db.count_reviews("ann", kT0, kT0 + kDay), 5);
}

TEST(ProgressTest, EnsureLearnerIsIdempotent) {
  Progress db(":memory:");
  const std::int64_t zoe = db.ensure_learner("zoe");
  const std::int64_t amy = db.ensure_learner("amy");
  EXPECT_NE(zoe, amy);
  EXPECT_EQ(db.ensure_learner("zoe"), zoe);
  EXPECT_EQ(db.learners(), (std::vector<std::string>{"amy", "zoe"}));
  EXPECT_TRUE(db.card_states("zoe").empty());
  EXPECT_THROW((void)db.ensure_learner(""), StorageError);
  ReviewRecord r = make_review("", "b/q1", kT0, 0);
  EXPECT_THROW(db.record_review(r), StorageError);
  r = make_review("amy", "", kT0, 0);
  EXPECT_THROW(db.record_review(r), StorageError);
  EXPECT_TRUE(db.review_log().empty());
}

TEST(ProgressTest, MovedProgressKeepsWorking) {
  Progress a(":memory:");
  a.record_review(make_review("ann", "b/q1", kT0, 0));
  Progress b(std::move(a));
  EXPECT_EQ(b.review_log().size(), 1u);
  Progress c(":memory:");
  c = std::move(b);
  EXPECT_EQ(c.review_log().size(), 1u);
}

TEST(ProgressTest, BackupToIsACompleteCopy) {
  TempDir dir;
  Progress db(dir.file("live.sqlite"));
  ReviewRecord a = make_review("ann", "b/q1", kT0, 0);
  ReviewRecord b = extreme_review();
  a.id = db.record_review(a);
  b.id = db.record_review(b);
  const std::string backup = dir.file("backups/2024/copy.sqlite");
  db.backup_to(backup);
  {
    Progress copy(backup);
    EXPECT_EQ(copy.review_log(), (std::vector<ReviewRecord>{a, b}));
    EXPECT_EQ(copy.card_states("ann"), db.card_states("ann"));
  }
  // The live database is still usable, and an existing target is never overwritten.
  db.record_review(make_review("ann", "b/q2", kT0 + 1, 0));
  const std::string before = read_bytes(backup);
  const std::string msg = storage_error_of([&] { db.backup_to(backup); });
  EXPECT_NE(msg.find(backup), std::string::npos) << msg;
  EXPECT_EQ(read_bytes(backup), before);
}

TEST(ProgressTest, AnswersSurviveKillRightAfterRecord) {
  TempDir dir;
  const std::string path = dir.file("kill.sqlite");
  constexpr int kReviews = 40;
  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    try {
      Progress db(path);
      for (int i = 0; i < kReviews; ++i) {
        db.record_review(make_review("ann", "b/q" + std::to_string(i), kT0 + i, 0));
      }
      // No destructor, no checkpoint, no close: the process dies right after the last commit.
      kill(getpid(), SIGKILL);
    } catch (...) {
      _exit(3);
    }
    _exit(4);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
  EXPECT_TRUE(fs::exists(path + "-wal"));  // the data was still only in the WAL

  Progress db(path);
  const auto log = db.review_log("ann");
  ASSERT_EQ(log.size(), static_cast<std::size_t>(kReviews));
  for (int i = 0; i < kReviews; ++i) EXPECT_EQ(log[i].card_key, "b/q" + std::to_string(i));
  EXPECT_EQ(db.card_states("ann").size(), static_cast<std::size_t>(kReviews));
}

// Schema 7 (issue 13): the review log gains the bank version of each answer; a version-6 file
// upgrades in place, its answers read as "" (unknown), new answers keep the version given.
TEST(SchemaBankVersion, Version6DatabaseUpgradesAndKeepsTheVersionOfNewAnswers) {
  const casebook::test::TempDb db_file("schema7-v6.sqlite3");
  const std::string& path = db_file.path();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto steps = casebook::storage::detail::migrations();
    ASSERT_GE(steps.size(), 7u);
    ASSERT_EQ(steps[5].version, 6);
    for (std::size_t i = 0; i < 6; ++i) db.exec(steps[i].sql);
    db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
    db.exec("PRAGMA user_version = 6");
    casebook::test::insert_ann_review(db);
  }
  {
    Progress db(path);
    const auto log = db.review_log("ann");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].bank_version, "");
    ReviewRecord r = make_review("ann", "bank/q2", kT0 + 1000, 0);
    r.bank_version = "2.1.0-rc1";
    db.record_review(r);
    const auto again = db.review_log("ann");
    ASSERT_EQ(again.size(), 2u);
    EXPECT_EQ(again[1].bank_version, "2.1.0-rc1");
    EXPECT_EQ(db.last_review("ann", "bank/q2")->bank_version, "2.1.0-rc1");
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Progress::schema_version());  // and on through later steps
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM review_log").getInt(), 2);
}
