// One Casebook per progress file: an exclusive lock that dies with the process, so a second
// Casebook on the same file is told (and may work read-only) instead of reviewing twice.
#pragma once
#include <optional>
#include <string>

namespace casebook::app {

/// An exclusive flock(2) on "<progress file>.lock" beside the progress file, holding the
/// holder's process id. The kernel releases it when the process ends, however it ends (kill
/// -9 included), so a crash never leaves a stale lock. Movable, not copyable.
struct LockAttempt;

class InstanceLock {
 public:
  /// Tries, without waiting, to take the lock of the progress file `db_path` (creating the
  /// lock file, 0600, when missing). Exactly one of `lock`, `held_elsewhere` and `error` is
  /// set in the result.
  [[nodiscard]] static LockAttempt try_acquire(const std::string& db_path);

  /// The lock file of `db_path`: "<db_path>.lock".
  [[nodiscard]] static std::string path_for(const std::string& db_path);

  InstanceLock(InstanceLock&& other) noexcept;
  InstanceLock& operator=(InstanceLock&& other) noexcept;
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;
  /// Releases the lock (the file stays: removing it would race with the next Casebook).
  ~InstanceLock();

 private:
  explicit InstanceLock(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

/// The outcome of InstanceLock::try_acquire().
struct LockAttempt {
  std::optional<InstanceLock> lock;  ///< set when this process now holds the lock
  bool held_elsewhere = false;       ///< another open file description holds it (another Casebook)
  std::string holder;                ///< "process 1234" when the holder wrote its id, else ""
  std::string error;                 ///< why the lock file could not be opened (e.g. a read-only folder)
};

}  // namespace casebook::app
