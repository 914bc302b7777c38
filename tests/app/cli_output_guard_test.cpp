// No command destroys what it did not make (issue 15): `import`, `export`, `report` and
// `class-report --out`, run as the real binary, refuse the progress database, its live -wal
// and its -shm, the file they read, any other SQLite database, and an existing file unless
// --force; each refusal exits 2 and leaves the file byte for byte as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "../read_only_folder.hpp"
#include "cli_support.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
namespace storage = casebook::storage;
using casebook::test::Exec;
using casebook::test::run;
using casebook::test::seed_database;
using casebook::test::slurp;
using casebook::test::TempDir;

namespace {

constexpr const char* kGift = "::capital:: The capital of France is {=Paris ~Lyon}\n";

/// One command with every input it reads, run with `--out OUT` (and more arguments).
struct Command {
  std::string name;
  std::vector<std::string> inputs;  ///< files the command reads (refused as --out)
  std::function<std::vector<std::string>(const std::string& out)> args;
};

class OutputGuard : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_database(db);
    if (HasFatalFailure()) return;
    // A reader that stays open keeps the -wal and -shm in place, as a running Casebook does:
    // the reviews added here live only in the -wal until it closes.
    live.emplace(db);
    live->set_card_flags("alice", "test-small/q1-year", storage::CardFlags{{"kept"}, false});
    ASSERT_GT(std::filesystem::file_size(db + "-wal"), 0u);
    std::ofstream(gift, std::ios::binary) << kGift;
    std::filesystem::copy_file(casebook::test::small_bank_path(), bank);
    std::filesystem::copy_file(std::string(CASEBOOK_SOURCE_DIR) + "/tests/report/golden/report.json", json);
    std::ofstream(existing, std::ios::binary) << "written by hand\n";
  }

  [[nodiscard]] std::vector<Command> commands() const {
    return {
        {"import", {gift}, [&](const std::string& out) {
           return std::vector<std::string>{"import", gift, "--db", db, "--out", out};
         }},
        {"export", {bank}, [&](const std::string& out) {
           return std::vector<std::string>{"export", bank, "--db", db, "--out", out};
         }},
        {"report", {bank}, [&](const std::string& out) {
           return std::vector<std::string>{"report", "--db", db, "--learner", "alice", "--bank", bank,
                                           "--format", "csv", "--out", out};
         }},
        {"class-report", {json}, [&](const std::string& out) {
           return std::vector<std::string>{"class-report", "--input", json, "--db", db, "--format", "html",
                                           "--out", out};
         }},
    };
  }

  /// Runs `args`, expects exit 2 with a "casebook: --out" line naming why, and `file`
  /// unchanged.
  void expect_refused(const std::vector<std::string>& args, const std::string& file, const std::string& why) {
    const std::string before = slurp(file);
    const Exec r = run(dir, args);
    EXPECT_EQ(r.code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(why), std::string::npos) << r.err;
    EXPECT_EQ(slurp(file), before) << file << " changed";
  }

  TempDir dir;
  std::string db = dir.file("progress.sqlite3");
  std::string gift = dir.file("week1.gift");
  std::string bank = dir.file("bank.toml");
  std::string json = dir.file("learner.json");
  std::string existing = dir.file("notes.txt");
  std::optional<storage::Progress> live;
};

}  // namespace

TEST_F(OutputGuard, OutProgressDatabaseIsRefusedByEveryCommand) {
  for (const Command& c : commands()) {
    SCOPED_TRACE(c.name);
    expect_refused(c.args(db), db, "is the progress database");
    // Even with --force: a database is never replaced by a report or a bank.
    auto forced = c.args(db);
    forced.push_back("--force");
    expect_refused(forced, db, "is the progress database");
  }
}

TEST_F(OutputGuard, OutProgressWalAndShmAreRefusedByEveryCommand) {
  for (const Command& c : commands()) {
    SCOPED_TRACE(c.name);
    auto args = c.args(db + "-wal");
    args.push_back("--force");
    expect_refused(args, db + "-wal", "\"-wal\" file");
    expect_refused(c.args(db + "-shm"), db + "-shm", "\"-shm\" file");
  }
  // The reviews and flags in the -wal are all still there.
  live.reset();
  storage::Progress p(db, storage::Progress::Access::ReadOnly);
  EXPECT_EQ(p.review_log("alice").size(), 5u);
  EXPECT_EQ(p.card_flags("alice").at("test-small/q1-year").tags, std::vector<std::string>{"kept"});
}

TEST_F(OutputGuard, OutTheInputIsRefusedByEveryCommand) {
  for (const Command& c : commands()) {
    SCOPED_TRACE(c.name);
    for (const std::string& input : c.inputs) {
      auto args = c.args(input);
      args.push_back("--force");
      expect_refused(args, input, "is a file this command reads");
      // The same file through a symlink is the same file.
      const std::string link = dir.file("link-to-" + std::filesystem::path(input).filename().string());
      std::filesystem::remove(link);
      std::filesystem::create_symlink(input, link);
      args = c.args(link);
      args.push_back("--force");
      expect_refused(args, input, "is a file this command reads");
    }
  }
}

TEST_F(OutputGuard, OutAnExistingFileNeedsForce) {
  for (const Command& c : commands()) {
    SCOPED_TRACE(c.name);
    std::ofstream(existing, std::ios::binary) << "written by hand\n";
    expect_refused(c.args(existing), existing, "exists; choose another file or add --force");
    auto forced = c.args(existing);
    forced.push_back("--force");
    const Exec r = run(dir, forced);
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(slurp(existing), "written by hand\n");
    // A new file needs nothing.
    const std::string fresh = dir.file("fresh-" + c.name + ".out");
    EXPECT_EQ(run(dir, c.args(fresh)).code, 0);
    EXPECT_TRUE(std::filesystem::exists(fresh));
  }
}

TEST_F(OutputGuard, OutAnotherSqliteDatabaseOrTheDefaultProgressFileIsRefused) {
  // Any SQLite file (here another learner's progress file), even with --force.
  const std::string other = dir.file("other.sqlite3");
  { storage::Progress create(other); }
  // The default progress file when --db is not given ($XDG_DATA_HOME/casebook/...).
  const std::string default_db = dir.file("xdg/casebook/progress.sqlite3");
  { storage::Progress create(default_db); }
  for (const Command& c : commands()) {
    SCOPED_TRACE(c.name);
    auto args = c.args(other);
    args.push_back("--force");
    expect_refused(args, other, "is a SQLite database");
    args = c.args(default_db);
    // Drop "--db DB": the command protects the default database.
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == "--db") args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
    }
    if (c.name == "report") continue;  // report reads --db itself: covered above
    expect_refused(args, default_db, "is the progress database");
  }
}

// Reports and reading commands work on a progress file in a read-only folder or medium (as
// root a read-only bind mount in a private mount namespace, where chmod would not stop
// root; chmod 0555 otherwise), and change nothing there.
TEST(ReadOnlyFolderCli, ReportAndCheckReadAProgressFileTheyCannotWriteBeside) {
  TempDir dir;
  const std::string folder = dir.file("medium");
  fs::create_directories(folder);
  const std::string db = folder + "/progress.sqlite3";
  seed_database(db);
  ASSERT_FALSE(fs::exists(db + "-wal"));  // closed cleanly: everything is in the main file
  const std::string before = slurp(db);
  const auto names_in = [&] {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  };
  const std::vector<std::string> names_before = names_in();
  const std::string html = dir.file("report.html");
  const auto ran = casebook::test::in_read_only_folder(folder, [&] {
    const Exec report = run(dir, {"report", "--db", db, "--learner", "alice", "--format", "html", "--out", html});
    if (report.code != 0) return 10;
    const Exec check = run(dir, {"check", "--db", db});
    if (check.code != 0 || check.out.find("sound") == std::string::npos) return 11;
    const Exec json = run(dir, {"report", "--db", db, "--learner", "alice", "--format", "json", "--out",
                                dir.file("report.json")});
    return json.code == 0 ? 0 : 12;
  });
  if (!ran.skipped.empty()) GTEST_SKIP() << ran.skipped;
  EXPECT_EQ(ran.code, 0) << "10: report, 11: check, 12: json report failed (" << ran.how << ")";
  EXPECT_NE(slurp(html).find("alice"), std::string::npos);
  EXPECT_EQ(slurp(db), before);
  EXPECT_EQ(names_in(), names_before);  // no -wal, -shm or journal appeared beside it
}
