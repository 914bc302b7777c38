// Helpers of the storage tests: temporary folders, file bytes, reviews to record, and the
// message of an expected StorageError.
#pragma once
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "old_database.hpp"
#include "storage/migrations.hpp"
#include "storage/progress.hpp"

namespace casebook::storage_test {

namespace fs = std::filesystem;
using core::CardState;
using core::Rating;
using core::ReviewRecord;
using storage::StorageError;

inline constexpr std::int64_t kStorageDay = 86'400'000;

inline std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A review of `card` at `t`: New -> Learning on the first call, otherwise a review step.
inline ReviewRecord make_review(const std::string& learner, const std::string& card, std::int64_t t,
                         int reps_before, Rating rating = Rating::Good) {
  ReviewRecord r;
  r.learner = learner;
  r.card_key = card;
  r.reviewed_at = t;
  r.rating = rating;
  r.correct = rating != Rating::Again;
  r.answer = "answer " + std::to_string(reps_before);
  r.response_ms = 1500 + reps_before;
  r.before.state = reps_before == 0 ? CardState::New : CardState::Review;
  r.before.stability = reps_before * 1.25;
  r.before.difficulty = reps_before == 0 ? 0.0 : 5.5;
  r.before.due = t - kStorageDay;
  if (reps_before > 0) r.before.last_review = t - 2 * kStorageDay;
  r.before.scheduled_days = reps_before;
  r.before.reps = reps_before;
  r.after = r.before;
  r.after.state = reps_before == 0 ? CardState::Learning : CardState::Review;
  r.after.stability = 2.5 + reps_before;
  r.after.difficulty = 5.25;
  r.after.due = t + (reps_before + 1) * kStorageDay;
  r.after.last_review = t;
  r.after.scheduled_days = reps_before + 1;
  r.after.learning_steps = reps_before == 0 ? 1 : 0;
  r.after.reps = reps_before + 1;
  r.after.lapses = rating == Rating::Again ? 1 : 0;
  return r;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "casebook-storage-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return m_path; }
  [[nodiscard]] std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  fs::path m_path;
};

/// Runs `f` expecting a StorageError and returns its message.
template <class F>
inline std::string storage_error_of(F&& f) {
  try {
    f();
  } catch (const StorageError& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected StorageError, got: " << e.what();
    return {};
  }
  ADD_FAILURE() << "expected StorageError, nothing was thrown";
  return {};
}

/// Opens the file at `path` (which has no -wal) for writing and returns the StorageError's
/// message; the file must be refused byte for byte untouched, with no -wal, -shm or -journal
/// created beside it.
inline std::string refusal_of_untouched(const std::string& path) {
  const std::string before = read_bytes(path);
  const std::string msg = storage_error_of([&] { storage::Progress db(path); });
  EXPECT_EQ(read_bytes(path), before);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) EXPECT_FALSE(fs::exists(path + suffix)) << suffix;
  return msg;
}

using test::write_v1_database;

}  // namespace casebook::storage_test
