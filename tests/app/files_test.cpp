// app/files.hpp: a target is replaced whole, a failed write leaves the old file and no
// temporary file, a library that writes by path commits through AtomicFile.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/files.hpp"

namespace {

namespace fs = std::filesystem;
using casebook::app::AtomicFile;
using casebook::app::write_file_atomically;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The names in `dir`, sorted.
std::vector<std::string> names(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class Files : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("casebook-files-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

TEST_F(Files, CreatesAndReplacesTheTargetWhole) {
  const fs::path target = m_dir / "report.html";
  write_file_atomically(target.string(), "first version, long enough to be longer than the second");
  EXPECT_EQ(read(target), "first version, long enough to be longer than the second");
  write_file_atomically(target.string(), "second");
  EXPECT_EQ(read(target), "second");  // no tail of the first: the file was replaced, not overwritten
  write_file_atomically(target.string(), "");
  EXPECT_EQ(read(target), "");
  EXPECT_EQ(names(m_dir), (std::vector<std::string>{"report.html"}));  // no temporary file left
}

TEST_F(Files, KeepsTheTargetsPermissions) {
  const fs::path target = m_dir / "bank.toml";
  write_file_atomically(target.string(), "a");
  ::chmod(target.c_str(), 0640);
  write_file_atomically(target.string(), "b");
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640U);
}

TEST_F(Files, AFailedWriteLeavesTheOldFileAndNoTemporaryFile) {
  const fs::path target = m_dir / "bank.toml";
  write_file_atomically(target.string(), "old bank");
  // A file size limit makes write() fail part-way (EFBIG) even for root; SIGXFSZ is ignored
  // so the process is not killed.
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit old_limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  rlimit small = old_limit;
  small.rlim_cur = 16;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string error;
  try {
    write_file_atomically(target.string(), std::string(1000, 'x'));
  } catch (const std::runtime_error& e) {
    error = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_NE(error.find("cannot write " + target.string()), std::string::npos) << error;
  EXPECT_EQ(read(target), "old bank");
  EXPECT_EQ(names(m_dir), (std::vector<std::string>{"bank.toml"}));
}

TEST_F(Files, AFailedRenameLeavesTheTargetAndNoTemporaryFile) {
  // The target is a folder with a file in it: rename() cannot replace it.
  const fs::path target = m_dir / "out";
  fs::create_directories(target);
  std::ofstream(target / "keep") << "k";
  std::string error;
  try {
    write_file_atomically(target.string(), "new");
  } catch (const std::runtime_error& e) {
    error = e.what();
  }
  EXPECT_EQ(error.rfind("cannot replace " + target.string() + ": ", 0), 0U) << error;
  EXPECT_EQ(read(target / "keep"), "k");
  EXPECT_EQ(names(m_dir), (std::vector<std::string>{"out"}));
}

TEST_F(Files, AMissingFolderIsAnErrorNamingIt) {
  const fs::path target = m_dir / "no-such-folder" / "x.csv";
  try {
    write_file_atomically(target.string(), "x");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("cannot write in " + (m_dir / "no-such-folder").string() + ": ", 0), 0U)
        << e.what();
  }
  EXPECT_FALSE(fs::exists(target));
}

TEST_F(Files, AtomicFileCommitsWhatALibraryWroteByPath) {
  const fs::path target = m_dir / "report.xlsx";
  write_file_atomically(target.string(), "old");
  {
    AtomicFile file(target.string());
    EXPECT_EQ(fs::path(file.temp_path()).parent_path(), m_dir);  // same folder: rename is atomic
    EXPECT_EQ(fs::path(file.temp_path()).filename().string().front(), '.');  // hidden
    std::ofstream(file.temp_path(), std::ios::binary) << "new workbook";
    EXPECT_EQ(read(target), "old");  // nothing changes before the commit
    file.commit();
    EXPECT_THROW(file.commit(), std::logic_error);
  }
  EXPECT_EQ(read(target), "new workbook");
  EXPECT_EQ(names(m_dir), (std::vector<std::string>{"report.xlsx"}));
}

TEST_F(Files, AtomicFileWithoutCommitRemovesItsTemporaryFile) {
  const fs::path target = m_dir / "report.xlsx";
  write_file_atomically(target.string(), "old");
  try {
    AtomicFile file(target.string());
    std::ofstream(file.temp_path(), std::ios::binary) << "half a work";
    throw std::runtime_error("XLSX: the library failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(read(target), "old");
  EXPECT_EQ(names(m_dir), (std::vector<std::string>{"report.xlsx"}));
}

TEST_F(Files, TwoAtomicFilesForOneTargetDoNotShareATemporaryFile) {
  const fs::path target = m_dir / "a.txt";
  AtomicFile first(target.string());
  AtomicFile second(target.string());
  EXPECT_NE(first.temp_path(), second.temp_path());
  std::ofstream(first.temp_path()) << "1";
  std::ofstream(second.temp_path()) << "2";
  first.commit();
  second.commit();
  EXPECT_EQ(read(target), "2");
  EXPECT_EQ(names(m_dir), (std::vector<std::string>{"a.txt"}));
}

}  // namespace
