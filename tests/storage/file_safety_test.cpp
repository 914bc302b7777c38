// Damaged or unexpected progress files (issue 15), at the storage layer: a refused file is
// left byte for byte as it was, its -wal included; databases in read-only folders are read;
// files and folders are private to the user; integrity checks find real corruption; backups
// are consistent copies; a damaged file is moved aside with its companions.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "../read_only_folder.hpp"
#include "core/hash.hpp"
#include "storage/inspect.hpp"
#include "storage/progress.hpp"
#include "storage_support.hpp"

namespace fs = std::filesystem;
using casebook::storage::Progress;
using casebook::storage::StorageError;
using casebook::storage_test::make_review;
using casebook::storage_test::read_bytes;
using casebook::storage_test::refusal_of_untouched;
using casebook::storage_test::storage_error_of;
using casebook::storage_test::TempDir;

namespace {

constexpr std::int64_t kT0 = 1'717'243'200'000;  // 2024-06-01T12:00:00Z

/// Builds a WAL database at `dir/src.db` with `setup` on a connection that never
/// checkpoints, and copies it to `dest` (and `dest`-wal, and -shm when `with_shm`) while that
/// connection is open: the newest changes live only in the -wal, as in a Casebook that
/// crashed or a folder copied while it ran.
void copy_while_open(const TempDir& dir, const std::function<void(SQLite::Database&)>& setup,
                     const std::string& dest, bool with_shm = false) {
  const std::string src = dir.file("src.db");
  fs::remove(src);
  SQLite::Database db(src, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA wal_autocheckpoint = 0");
  setup(db);
  ASSERT_GT(fs::file_size(src + "-wal"), 0u);
  fs::copy_file(src, dest, fs::copy_options::overwrite_existing);
  fs::copy_file(src + "-wal", dest + "-wal", fs::copy_options::overwrite_existing);
  if (with_shm) fs::copy_file(src + "-shm", dest + "-shm", fs::copy_options::overwrite_existing);
}

/// A Casebook database at `path` with `reviews` reviews of learner "ann", closed cleanly.
void make_progress(const std::string& path, int reviews) {
  Progress db(path);
  for (int i = 0; i < reviews; ++i) {
    db.record_review(make_review("ann", "bank/q" + std::to_string(i), kT0 + i, 0));
  }
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

}  // namespace

TEST(RefusedFile, ForeignWalDatabaseIsLeftByteForByteWithItsWal) {
  TempDir dir;
  const std::string path = dir.file("other-app.db");
  copy_while_open(dir, [](SQLite::Database& db) {
    db.exec("PRAGMA application_id = 305419896");
    db.exec("CREATE TABLE t (x INTEGER)");
    db.exec("INSERT INTO t VALUES (1), (2), (3)");
  }, path);
  if (HasFatalFailure()) return;
  const std::string main_before = read_bytes(path);
  const std::string wal_before = read_bytes(path + "-wal");
  const std::string msg = storage_error_of([&] { Progress db(path); });
  EXPECT_NE(msg.find("another application"), std::string::npos) << msg;
  EXPECT_NE(msg.find("left unchanged"), std::string::npos) << msg;
  EXPECT_EQ(read_bytes(path), main_before);
  EXPECT_EQ(read_bytes(path + "-wal"), wal_before);
  EXPECT_THROW(Progress(path, Progress::Access::ReadOnly), StorageError);
  EXPECT_EQ(read_bytes(path), main_before);
  EXPECT_EQ(read_bytes(path + "-wal"), wal_before);
}

TEST(RefusedFile, NewerCasebookWhoseVersionIsOnlyInTheWalIsLeftByteForByte) {
  TempDir dir;
  const std::string path = dir.file("future.sqlite3");
  copy_while_open(dir, [&](SQLite::Database& db) {
    // The header in the main file still says 0 and 0; the -wal says Casebook, schema 99.
    db.exec("PRAGMA application_id = 1129532226");  // 0x43534B42 "CSKB"
    db.exec("CREATE TABLE learner (id INTEGER PRIMARY KEY, name TEXT)");
    db.exec("INSERT INTO learner (name) VALUES ('ann')");
    db.exec("PRAGMA user_version = 99");
  }, path);
  if (HasFatalFailure()) return;
  const std::string main_before = read_bytes(path);
  const std::string wal_before = read_bytes(path + "-wal");
  const std::string msg = storage_error_of([&] { Progress db(path); });
  EXPECT_NE(msg.find("newer version of Casebook (schema 99"), std::string::npos) << msg;
  EXPECT_EQ(read_bytes(path), main_before);
  EXPECT_EQ(read_bytes(path + "-wal"), wal_before);
}

TEST(RefusedFile, NotSqliteIsLeftByteForByteWithItsWal) {
  TempDir dir;
  const std::string path = dir.file("notes.sqlite3");
  std::ofstream(path, std::ios::binary) << "My notes. " << std::string(300, 'n');
  std::ofstream(path + "-wal", std::ios::binary) << std::string(5000, 'w');
  const std::string main_before = read_bytes(path);
  const std::string wal_before = read_bytes(path + "-wal");
  const std::string msg = storage_error_of([&] { Progress db(path); });
  EXPECT_NE(msg.find("not a SQLite database"), std::string::npos) << msg;
  EXPECT_EQ(read_bytes(path), main_before);
  EXPECT_EQ(read_bytes(path + "-wal"), wal_before);
  EXPECT_FALSE(fs::exists(path + "-shm"));
}

TEST(RefusedFile, ForeignWalModeFileWithoutWalGetsNoCompanionFiles) {
  TempDir dir;
  const std::string path = dir.file("plain.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA journal_mode = WAL");
    raw.exec("CREATE TABLE notes (x TEXT)");
  }
  ASSERT_FALSE(fs::exists(path + "-wal"));
  const std::string msg = refusal_of_untouched(path);
  EXPECT_NE(msg.find("not a Casebook progress database"), std::string::npos) << msg;
}

// Reports read a progress file on read-only media or in a folder of another user.
TEST(ReadOnlyFolder, ReadsACleanlyClosedWalDatabase) {
  TempDir dir;
  const std::string path = dir.file("progress.sqlite3");
  make_progress(path, 3);
  ASSERT_FALSE(fs::exists(path + "-wal"));
  const std::string before = read_bytes(path);
  const auto run = casebook::test::in_read_only_folder(dir.path().string(), [&] {
    try {
      Progress ro(path, Progress::Access::ReadOnly);
      if (ro.review_log("ann").size() != 3 || ro.card_states("ann").size() != 3) return 1;
      if (!casebook::storage::check_integrity(path, true).empty()) return 2;
      return 0;
    } catch (const std::exception&) {
      return 3;
    }
  });
  if (!run.skipped.empty()) GTEST_SKIP() << run.skipped;
  EXPECT_EQ(run.code, 0) << "(" << run.how << ")";
  EXPECT_EQ(read_bytes(path), before);
  EXPECT_FALSE(fs::exists(path + "-wal"));
}

TEST(ReadOnlyFolder, ReadsTheWalOfADatabaseCopiedWhileOpen) {
  TempDir dir;
  const std::string base = dir.file("live/progress.sqlite3");
  make_progress(base, 2);
  fs::create_directories(dir.file("copy"));
  const std::string path = dir.file("copy/progress.sqlite3");
  {
    // The last review lives only in the -wal while this connection is open.
    Progress live(base);
    live.record_review(make_review("ann", "bank/q-wal", kT0 + 100, 0));
    ASSERT_GT(fs::file_size(base + "-wal"), 0u);
    for (const char* suffix : {"", "-wal", "-shm"}) fs::copy_file(base + suffix, path + suffix);
  }
  const auto run = casebook::test::in_read_only_folder(dir.file("copy"), [&] {
    try {
      Progress ro(path, Progress::Access::ReadOnly);
      return ro.review_log("ann").size() == 3 ? 0 : 1;
    } catch (const std::exception&) {
      return 3;
    }
  });
  if (!run.skipped.empty()) GTEST_SKIP() << run.skipped;
  EXPECT_EQ(run.code, 0) << "(" << run.how << ")";
}

TEST(ReadOnlyFolder, AWalWithoutItsShmIsRefusedInWordsNotSilentlyDropped) {
  TempDir dir;
  const std::string path = dir.file("progress.sqlite3");
  copy_while_open(dir, [](SQLite::Database& db) {
    db.exec("PRAGMA application_id = 1129532226");
    db.exec("CREATE TABLE t (x)");
  }, path);
  if (HasFatalFailure()) return;
  ASSERT_FALSE(fs::exists(path + "-shm"));
  const auto run = casebook::test::in_read_only_folder(dir.path().string(), [&] {
    try {
      Progress ro(path, Progress::Access::ReadOnly);
      return 1;  // opened: the -wal's changes would have been dropped or misread
    } catch (const StorageError& e) {
      return std::string(e.what()).find("\"-wal\" file holds changes") != std::string::npos ? 0 : 2;
    } catch (const std::exception&) {
      return 3;
    }
  });
  if (!run.skipped.empty()) GTEST_SKIP() << run.skipped;
  EXPECT_EQ(run.code, 0) << "(" << run.how << ")";
}

// The progress file, its folder and backups are private to the user.
TEST(PrivateFiles, ProgressFileFoldersWalAndBackupsArePrivate) {
  TempDir dir;
  const mode_t old_umask = ::umask(022);
  const std::string path = dir.file("new/sub/progress.sqlite3");
  {
    Progress db(path);
    db.record_review(make_review("ann", "bank/q1", kT0, 0));
    EXPECT_EQ(mode_of(path), 0600u);
    EXPECT_EQ(mode_of(path + "-wal"), 0600u);
    EXPECT_EQ(mode_of(path + "-shm"), 0600u);
    db.backup_to(dir.file("new/copies/copy.sqlite3"));
  }
  EXPECT_EQ(mode_of(dir.file("new")), 0700u);
  EXPECT_EQ(mode_of(dir.file("new/sub")), 0700u);
  EXPECT_EQ(mode_of(dir.file("new/copies")), 0700u);
  EXPECT_EQ(mode_of(dir.file("new/copies/copy.sqlite3")), 0600u);
  casebook::storage::write_backup(path, dir.file("new/sub/backup.sqlite3"));
  EXPECT_EQ(mode_of(dir.file("new/sub/backup.sqlite3")), 0600u);
  // A file made readable by others (an old Casebook, a copy) is made private when opened.
  const std::string loose = dir.file("loose.sqlite3");
  make_progress(loose, 1);
  ASSERT_EQ(::chmod(loose.c_str(), 0644), 0);
  { Progress reopened(loose); }
  EXPECT_EQ(mode_of(loose), 0600u);
  ::umask(old_umask);
}

// Real corruption: 4 KB of garbage over a card-state page, found through dbstat.
TEST(Integrity, QuickCheckFindsGarbageInACardStatePage) {
  TempDir dir;
  const std::string path = dir.file("progress.sqlite3");
  make_progress(path, 300);
  EXPECT_TRUE(casebook::storage::check_integrity(path, false).empty());
  EXPECT_TRUE(casebook::storage::check_integrity(path, true).empty());
  std::int64_t page = 0, page_size = 0;
  {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    page_size = raw.execAndGet("PRAGMA page_size").getInt64();
    page = raw.execAndGet("SELECT pageno FROM dbstat WHERE name = 'card_state' AND pagetype = 'leaf' "
                          "ORDER BY pageno LIMIT 1").getInt64();
  }
  ASSERT_GT(page, 1);
  std::string garbage(4096, '\0');
  std::uint64_t state = 15;
  for (char& c : garbage) c = static_cast<char>(casebook::core::splitmix64(state) & 0xFF);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((page - 1) * page_size);
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const auto quick = casebook::storage::check_integrity(path, false);
  ASSERT_FALSE(quick.empty());
  EXPECT_FALSE(casebook::storage::check_integrity(path, true).empty());
  // Not a SQLite file at all is one problem line, not an exception.
  const std::string junk = dir.file("junk.sqlite3");
  std::ofstream(junk, std::ios::binary) << std::string(8192, 'j');
  EXPECT_EQ(casebook::storage::check_integrity(junk, false).size(), 1u);
}

TEST(Backups, WriteBackupCopiesWhatIsStillInTheWal) {
  TempDir dir;
  const std::string path = dir.file("progress.sqlite3");
  Progress live(path);
  for (int i = 0; i < 5; ++i) live.record_review(make_review("ann", "bank/q" + std::to_string(i), kT0 + i, 0));
  ASSERT_GT(fs::file_size(path + "-wal"), 0u);
  const std::string copy = dir.file("copy.sqlite3");
  casebook::storage::write_backup(path, copy);
  EXPECT_FALSE(fs::exists(copy + "-wal"));
  Progress restored(copy, Progress::Access::ReadOnly);
  EXPECT_EQ(restored.review_log("ann"), live.review_log("ann"));
  const std::string msg = storage_error_of([&] { casebook::storage::write_backup(path, copy); });
  EXPECT_NE(msg.find("already exists"), std::string::npos) << msg;
}

TEST(MoveAside, RenamesTheFileWithItsWalAndShm) {
  TempDir dir;
  const std::string path = dir.file("progress.sqlite3");
  for (const char* suffix : {"", "-wal", "-shm"}) std::ofstream(path + suffix) << suffix;
  const std::string moved = casebook::storage::move_aside(path, "damaged", kT0);
  EXPECT_EQ(moved, path + ".damaged-20240601-120000");
  for (const char* suffix : {"", "-wal", "-shm"}) {
    EXPECT_FALSE(fs::exists(path + suffix)) << suffix;
    EXPECT_EQ(read_bytes(moved + suffix), suffix);
  }
  EXPECT_FALSE(fs::exists(moved + "-journal"));
  std::ofstream(path) << "again";
  EXPECT_EQ(casebook::storage::move_aside(path, "damaged", kT0), path + ".damaged-20240601-120000-2");
}
