// A throw-away progress database path for storage tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace casebook::test {

/// A fresh database path under GoogleTest's temp folder (`<TempDir>casebook-<name>`); the file
/// and its `-wal`/`-shm` companions are removed first and when the object is destroyed.
class TempDb {
 public:
  explicit TempDb(const std::string& name) : m_path(::testing::TempDir() + "casebook-" + name) { remove(); }
  ~TempDb() { remove(); }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  [[nodiscard]] const std::string& path() const { return m_path; }

 private:
  void remove() const {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(m_path + suffix, ec);
  }
  std::string m_path;
};

}  // namespace casebook::test
