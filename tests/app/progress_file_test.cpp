// Damaged or unexpected progress files through the app (issue 15): a damaged file found at
// start is moved aside, never written to again, and the newest backup is offered and
// restored; backups daily, before an upgrade and kept to a number; a restore keeps the
// current file as a backup first; the full check on demand; a second Casebook (another
// process) is offered read-only, and read-only mode writes nothing; start-up failures are
// put to the user with Quit only.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "../read_only_folder.hpp"
#include "../storage/storage_support.hpp"
#include "app/backups.hpp"
#include "app/controller.hpp"
#include "app/instance_lock.hpp"
#include "app/startup.hpp"
#include "core/hash.hpp"
#include "storage/inspect.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::storage_test::read_bytes;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

/// Answers `n` new cards right (Good) through a controller, then leaves the session.
void study(app::Controller& c, const std::shared_ptr<core::TimestampMs>& now, int n) {
  c.dispatch(app::StartSession{});
  for (int i = 0; i < n && c.screen() == app::Screen::Study; ++i) {
    *now += 5000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
    c.dispatch(app::Rate{core::Rating::Good});
    ASSERT_TRUE(c.message().empty()) << c.message();
  }
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
}

/// Answers `n` new cards in a Casebook on `db` that is closed again (its jobs finished).
void answer_and_close(const std::string& db, const std::shared_ptr<core::TimestampMs>& now, int n) {
  app::Controller c(test_config(db, now));
  study(c, now, n);
  c.wait_for_background();
}

/// Cards Home offers (new, learning and due), as a second Casebook must see them too.
int offered(const app::HomeView& home) { return home.new_available + home.learning_due + home.review_due; }

std::int64_t reviews_in(const std::string& db) {
  return storage::summarize_database(db).reviews;
}

/// Writes 4 KB of pseudo-random bytes over the first leaf page of card_state (found with
/// dbstat) of the closed database `db`; returns the file's new bytes.
std::string damage_card_state_page(const std::string& db) {
  std::int64_t page = 0, page_size = 0;
  {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    page_size = raw.execAndGet("PRAGMA page_size").getInt64();
    page = raw.execAndGet("SELECT pageno FROM dbstat WHERE name = 'card_state' ORDER BY pageno LIMIT 1").getInt64();
  }
  std::string garbage(4096, '\0');
  std::uint64_t state = 42;
  for (char& c : garbage) c = static_cast<char>(core::splitmix64(state) & 0xFF);
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((page - 1) * page_size);
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  return read_bytes(db);
}

/// The files of `folder` whose name starts with `prefix`, without SQLite's -wal and -shm.
std::vector<std::string> files_starting(const std::string& folder, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(folder)) {
    const std::string name = e.path().filename().string();
    const bool companion = name.size() > 4 && (name.ends_with("-wal") || name.ends_with("-shm"));
    if (name.rfind(prefix, 0) == 0 && !companion) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(DamagedProgressFile, IsMovedAsideNeverWrittenAgainAndTheNewestBackupIsRestored) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  answer_and_close(db, now, 3);
  // The daily backup of the first day holds nothing yet (it is made at start, before the
  // answers); the next day's start backs up the three answers.
  *now += core::kMsPerDay;
  {
    app::Controller c(test_config(db, now));
    c.wait_for_background();
    study(c, now, 1);
  }
  ASSERT_EQ(reviews_in(db), 4);
  const auto backups = app::list_backups(db);
  ASSERT_EQ(backups.size(), 1u);
  ASSERT_EQ(reviews_in(backups[0].path), 3);

  const std::string damaged = damage_card_state_page(db);
  ASSERT_FALSE(storage::check_integrity(db, false).empty());
  const std::string damaged_wal = fs::exists(db + "-wal") ? read_bytes(db + "-wal") : std::string();
  *now += 60'000;
  app::Controller c(test_config(db, now));
  EXPECT_EQ(c.screen(), app::Screen::Backups);  // the app opens where the backup is offered
  app::BackupsView v = c.backups();
  EXPECT_NE(v.notice.find("The progress file was damaged"), std::string::npos) << v.notice;
  EXPECT_NE(v.notice.find("press R to restore it"), std::string::npos) << v.notice;
  const auto moved = files_starting(dir.path().string(), "progress.sqlite3.damaged-");
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_NE(v.notice.find(moved[0]), std::string::npos) << v.notice;
  ASSERT_EQ(v.rows.size(), 1u);
  EXPECT_EQ(v.selected, 0);
  EXPECT_TRUE(v.rows[0].usable);
  EXPECT_NE(v.rows[0].contents.find("3 reviews of 1 learner"), std::string::npos) << v.rows[0].contents;
  EXPECT_EQ(reviews_in(db), 0);  // a new, empty file in its place

  c.dispatch(app::RestoreBackup{});
  v = c.backups();
  EXPECT_EQ(v.notice_tone, app::Tone::Correct) << v.notice;
  EXPECT_EQ(reviews_in(db), 3);
  EXPECT_EQ(storage::Progress(db, storage::Progress::Access::ReadOnly).card_states("alice").size(), 3u);
  // The (empty) file it replaced is a backup too, listed first.
  ASSERT_EQ(v.rows.size(), 2u);
  EXPECT_EQ(v.rows[0].kind, "before restore");
  // Studying goes on in the restored file; the damaged one is never written to again.
  c.dispatch(app::Back{});
  study(c, now, 1);
  EXPECT_EQ(reviews_in(db), 4);
  EXPECT_EQ(read_bytes(moved[0]), damaged);
  EXPECT_EQ(fs::exists(moved[0] + "-wal") ? read_bytes(moved[0] + "-wal") : std::string(), damaged_wal);
}

TEST(DamagedProgressFile, FullCheckOnDemandFindsDamageAndMovesTheFileAside) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  answer_and_close(db, now, 3);
  app::Controller c(test_config(db, now));
  c.dispatch(app::Navigate{app::Screen::Backups});
  c.dispatch(app::CheckProgressFile{});
  c.wait_for_background();
  EXPECT_NE(c.backups().notice.find("is sound"), std::string::npos) << c.backups().notice;
  // Damaged behind the running app's back (a failing disk): the check finds it.
  const std::string damaged = damage_card_state_page(db);
  c.dispatch(app::CheckProgressFile{});
  c.wait_for_background();
  EXPECT_NE(c.backups().notice.find("The progress file was damaged"), std::string::npos) << c.backups().notice;
  EXPECT_EQ(files_starting(dir.path().string(), "progress.sqlite3.damaged-").size(), 1u);
  EXPECT_EQ(reviews_in(db), 0);
}

TEST(Backups, DailyOncePerStudyDayKeptToTheConfiguredNumber) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  auto config = test_config(db, now);
  config.backups_kept = 2;
  {
    app::Controller c(config);
    c.wait_for_background();
    EXPECT_TRUE(app::list_backups(db).empty());  // nothing to lose yet
    study(c, now, 2);
  }
  for (int day = 1; day <= 4; ++day) {
    *now += core::kMsPerDay;
    for (int start = 0; start < 2; ++start) {  // a second start the same day makes none
      app::Controller c(config);
      c.wait_for_background();
      *now += 3'600'000;
    }
  }
  const auto backups = app::list_backups(db);
  ASSERT_EQ(backups.size(), 2u);  // four made, the newest two kept
  for (const auto& b : backups) EXPECT_EQ(b.kind, app::BackupKind::Daily);
  EXPECT_GT(backups[0].made_at, backups[1].made_at);
  EXPECT_EQ(core::study_day(backups[0].made_at, config.scheduler.clock) -
                core::study_day(backups[1].made_at, config.scheduler.clock),
            1);
  // Private: the folder 0700, each backup 0600; a consistent copy, no -wal beside it.
  struct stat st {};
  ASSERT_EQ(::stat(app::backup_folder(db).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  ASSERT_EQ(::stat(backups[0].path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(fs::exists(backups[0].path + "-wal"));
  EXPECT_EQ(reviews_in(backups[0].path), 2);
}

TEST(Backups, BeforeASchemaUpgradeTheOldFileIsBackedUp) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  casebook::storage_test::write_v1_database(db);
  if (HasFatalFailure()) return;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  auto config = test_config(db, now);
  config.learner = "ann";
  app::Controller c(config);
  c.wait_for_background();  // the day's backup too, of the upgraded file
  auto backups = app::list_backups(db);
  ASSERT_EQ(backups.size(), 2u);
  std::sort(backups.begin(), backups.end(), [](const auto& a, const auto& b) { return a.kind > b.kind; });
  EXPECT_EQ(backups[1].kind, app::BackupKind::Daily);
  EXPECT_EQ(storage::summarize_database(backups[1].path).schema, storage::Progress::schema_version());
  EXPECT_EQ(backups[0].kind, app::BackupKind::BeforeUpgrade);
  const storage::DatabaseSummary old = storage::summarize_database(backups[0].path);
  EXPECT_EQ(old.schema, 1);
  EXPECT_EQ(old.reviews, 1);
  EXPECT_EQ(storage::summarize_database(db).schema, storage::Progress::schema_version());
  EXPECT_NE(c.home().message.find(backups[0].path), std::string::npos) << c.home().message;
}

// A second Casebook, in another process, on the same file.
TEST(SecondInstance, IsOfferedReadOnlyAndReadOnlyWritesNothing) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  int seen = 0;
  {
    app::Controller c(test_config(db, now));
    study(c, now, 2);
    seen = offered(c.home());
  }
  int ready[2], done[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(done), 0);
  const pid_t first = ::fork();
  ASSERT_GE(first, 0);
  if (first == 0) {  // the first Casebook: holds the file until told to quit
    app::Controller c(test_config(db, now));
    (void)!::write(ready[1], "r", 1);
    char go = 0;
    (void)!::read(done[0], &go, 1);
    std::_Exit(0);
  }
  char r = 0;
  ASSERT_EQ(::read(ready[0], &r, 1), 1);
  const std::string before = read_bytes(db);

  std::vector<app::StartupView> asked;
  int exit_code = -1;
  auto second = app::start_controller(test_config(db, now), [&](const app::StartupView& v) {
    asked.push_back(v);
    return 0;  // "Work read-only"
  }, exit_code);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].choices, (std::vector<std::string>{"Work read-only", "Quit"}));
  EXPECT_NE(asked[0].message.find("Another Casebook (process " + std::to_string(first) + ")"), std::string::npos)
      << asked[0].message;
  ASSERT_NE(second, nullptr);
  EXPECT_NE(second->home().read_only.find("Read-only"), std::string::npos);
  EXPECT_EQ(offered(second->home()), seen);  // it sees the same cards
  second->dispatch(app::StartSession{});
  EXPECT_EQ(second->screen(), app::Screen::Home);
  EXPECT_NE(second->message().find("Read-only"), std::string::npos) << second->message();
  second->dispatch(app::Navigate{app::Screen::Settings});
  core::StudyOptions o = second->study_options();
  o.new_cards_per_day = 1;
  second->dispatch(app::SaveOptions{o, ""});
  EXPECT_NE(second->message().find("Read-only"), std::string::npos);
  second->dispatch(app::Back{});
  second->dispatch(app::Navigate{app::Screen::Backups});
  second->dispatch(app::RestoreBackup{});
  EXPECT_NE(second->backups().notice.find("Read-only"), std::string::npos);
  second.reset();
  EXPECT_EQ(read_bytes(db), before);

  // Quit instead: nothing runs, exit 0.
  exit_code = -1;
  EXPECT_EQ(app::start_controller(test_config(db, now), [](const app::StartupView&) { return 1; }, exit_code), nullptr);
  EXPECT_EQ(exit_code, 0);

  // Killed, the first Casebook releases the file at once: the next one starts normally.
  ::kill(first, SIGKILL);
  int status = 0;
  ASSERT_EQ(::waitpid(first, &status, 0), first);
  bool asked_again = false;
  auto third = app::start_controller(test_config(db, now), [&](const app::StartupView&) {
    asked_again = true;
    return 1;
  }, exit_code);
  EXPECT_FALSE(asked_again);
  ASSERT_NE(third, nullptr);
  EXPECT_TRUE(third->home().read_only.empty());
  ::close(ready[0]);
  ::close(ready[1]);
  ::close(done[0]);
  ::close(done[1]);
}

TEST(StartupFailure, ARefusedFileIsPutToTheUserWithQuitOnlyAndLeftUnchanged) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  std::ofstream(db, std::ios::binary) << "not a database" << std::string(200, '.');
  const std::string before = read_bytes(db);
  std::vector<app::StartupView> asked;
  int exit_code = -1;
  auto c = app::start_controller(test_config(db, std::make_shared<core::TimestampMs>(kTestNow)),
                                 [&](const app::StartupView& v) {
                                   asked.push_back(v);
                                   return 0;
                                 },
                                 exit_code);
  EXPECT_EQ(c, nullptr);
  EXPECT_EQ(exit_code, 1);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].choices, std::vector<std::string>{"Quit"});
  EXPECT_NE(asked[0].message.find("not a SQLite database"), std::string::npos) << asked[0].message;
  EXPECT_EQ(read_bytes(db), before);
}

TEST(StartupFailure, AFileInAReadOnlyFolderIsOfferedReadOnly) {
  TempDir dir;
  fs::create_directories(dir.file("ro"));
  const std::string db = dir.file("ro/progress.sqlite3");
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  int seen = 0;
  {
    app::Controller c(test_config(db, now));
    study(c, now, 2);
    seen = offered(c.home());
  }
  const std::string before = read_bytes(db);
  const auto run = casebook::test::in_read_only_folder(dir.file("ro"), [&] {
    std::string message;
    int exit_code = -1;
    auto c = app::start_controller(test_config(db, now), [&](const app::StartupView& v) {
      message = v.message;
      return v.choices.size() == 2 ? 0 : 1;
    }, exit_code);
    if (c == nullptr) return 10;
    if (message.find("may not write") == std::string::npos) return 11;
    if (offered(c->home()) != seen) return 12;
    return c->home().read_only.empty() ? 13 : 0;
  });
  if (!run.skipped.empty()) GTEST_SKIP() << run.skipped;
  EXPECT_EQ(run.code, 0) << "(" << run.how << ")";
  EXPECT_EQ(read_bytes(db), before);
}

TEST(InstanceLock, IsHeldOncePerFileAndReleasedWithTheLock) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  auto a = app::InstanceLock::try_acquire(db);
  ASSERT_TRUE(a.lock.has_value());
  auto b = app::InstanceLock::try_acquire(db);  // another open file: as another process
  EXPECT_FALSE(b.lock.has_value());
  EXPECT_TRUE(b.held_elsewhere);
  EXPECT_EQ(b.holder, "process " + std::to_string(::getpid()));
  a.lock.reset();
  EXPECT_TRUE(app::InstanceLock::try_acquire(db).lock.has_value());
  struct stat st {};
  ASSERT_EQ(::stat(app::InstanceLock::path_for(db).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}
