// Golden diagnostics: each data/invalid/*.toml is validated and the exact output (every
// diagnostic line and the summary) must equal its *.expected file. Paths in the output are
// written relative to data/invalid. Set CASEBOOK_UPDATE_GOLDEN=1 to rewrite the expected
// files after a deliberate change (then review the diff before committing).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bank/validate.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// A unified-diff-like listing of the lines that differ ("-" expected, "+" actual).
std::string line_diff(const std::string& expected, const std::string& actual) {
  const auto e = split_lines(expected);
  const auto a = split_lines(actual);
  std::ostringstream out;
  const std::size_t n = std::max(e.size(), a.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string* el = i < e.size() ? &e[i] : nullptr;
    const std::string* al = i < a.size() ? &a[i] : nullptr;
    if (el && al && *el == *al) {
      out << "  " << *el << '\n';
      continue;
    }
    if (el) out << "- " << *el << '\n';
    if (al) out << "+ " << *al << '\n';
  }
  return out.str();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

const fs::path kInvalidDir = fs::path(CASEBOOK_TEST_DATA) / "data" / "invalid";

std::vector<fs::path> files_with(const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kInvalidDir)) {
    if (e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(BankGolden, EveryInvalidFileMatchesItsExpectedDiagnostics) {
  const auto banks = files_with(".toml");
  ASSERT_GE(banks.size(), 20u) << "fixtures missing in " << kInvalidDir;
  const bool update = std::getenv("CASEBOOK_UPDATE_GOLDEN") != nullptr;
  for (const auto& bank : banks) {
    SCOPED_TRACE(bank.filename().string());
    std::ostringstream out;
    const int rc = casebook::bank::validate_paths({bank.string()}, out);
    const std::string actual = replace_all(out.str(), kInvalidDir.string() + "/", "");
    fs::path expected_path = bank;
    expected_path.replace_extension(".expected");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "no " << expected_path.filename();
    const std::string expected = read_all(expected_path);
    EXPECT_EQ(expected, actual) << "diagnostics of " << bank.filename().string()
                                << " differ (- expected, + actual):\n"
                                << line_diff(expected, actual);
    // The exit code follows the errors: 1 with any error, 0 with warnings only.
    const bool has_error = actual.find(": error: ") != std::string::npos;
    EXPECT_EQ(rc, has_error ? 1 : 0);
  }
}

TEST(BankGolden, EveryExpectedFileHasItsBank) {
  for (const auto& expected : files_with(".expected")) {
    fs::path bank = expected;
    bank.replace_extension(".toml");
    EXPECT_TRUE(fs::exists(bank)) << "stale golden file " << expected.filename();
  }
}

TEST(BankGolden, OnlyTheWarningsFixtureLoads) {
  // Every fixture has at least one error, except those named warnings*.toml, which have none.
  for (const auto& bank : files_with(".toml")) {
    std::ostringstream out;
    const int rc = casebook::bank::validate_paths({bank.string()}, out);
    const bool warnings_only = bank.filename().string().rfind("warnings", 0) == 0;
    EXPECT_EQ(rc, warnings_only ? 0 : 1) << bank.filename() << "\n" << out.str();
  }
}

}  // namespace
