// Opening the app's progress file (progress_open.hpp).
#include "app/progress_open.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "app/backups.hpp"
#include "storage/inspect.hpp"

namespace casebook::app {

namespace fs = std::filesystem;

namespace {

/// Whether this process may write `path` (a file or folder); false on read-only media too.
bool writable(const fs::path& path) { return ::access(path.empty() ? "." : path.c_str(), W_OK) == 0; }

std::string folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

/// The ReadOnlyOffer for a file that exists but that Casebook may not write to, or nothing.
std::optional<ReadOnlyOffer> unwritable(const std::string& db, const std::string& detail) {
  if (!writable(db)) {
    return ReadOnlyOffer("Casebook may not write to the progress file " + db +
                         (detail.empty() ? std::string() : " (" + detail + ")") + ".");
  }
  if (!writable(folder_of(db))) {
    return ReadOnlyOffer("Casebook may not write in the folder of the progress file " + db + " (" +
                         (detail.empty() ? std::string("read-only folder or medium") : detail) +
                         "); SQLite needs to write its journal beside it.");
  }
  return std::nullopt;
}

}  // namespace

storage::Progress open_app_progress(const AppConfig& config, std::optional<InstanceLock>& lock,
                                    ProgressOpening& opening) {
  const std::string& db = config.db_path;
  if (config.read_only) return storage::Progress(db, storage::Progress::Access::ReadOnly);
  const bool on_disk = !db.empty() && db != ":memory:" && db.rfind("file:", 0) != 0;
  if (!on_disk) return storage::Progress(db);
  std::error_code ec;
  const bool exists = fs::exists(db, ec);
  if (!exists) storage::create_private_parent_folders(db, "create the progress database \"" + db + "\"");
  // Read-only, before anything is created beside it: refuses another application's file
  // untouched (no lock file either), and runs the quick check.
  const storage::FileCheck check = exists ? storage::check_progress_file(db) : storage::FileCheck{};
  if (config.single_instance) {
    LockAttempt attempt = InstanceLock::try_acquire(db);
    if (attempt.held_elsewhere) {
      throw ReadOnlyOffer("Another Casebook" + (attempt.holder.empty() ? std::string() : " (" + attempt.holder + ")") +
                          " has the progress file " + db +
                          " open. Two Casebooks on one file would show the same due cards and record a session "
                          "twice.");
    }
    if (!attempt.error.empty()) {
      if (exists) {
        if (auto offer = unwritable(db, attempt.error)) throw *offer;
      }
      throw storage::StorageError("Cannot open the progress database \"" + db + "\": " + attempt.error +
                                  ". Choose another file with --db PATH, or a folder you may write to.");
    }
    lock = std::move(attempt.lock);
  }
  if (exists) {
    if (auto offer = unwritable(db, "")) throw *offer;
    const core::TimestampMs t = now(config);
    if (check.state == storage::FileCheck::State::Damaged) {
      opening.damage = check.problems;
      opening.damaged_moved_to = storage::move_aside(db, "damaged", t);
    } else if (check.state == storage::FileCheck::State::Sound && check.schema >= 1 &&
               check.schema < storage::Progress::schema_version()) {
      opening.upgrade_backup = make_backup(db, BackupKind::BeforeUpgrade, t, config.backups_kept);
    }
  }
  try {
    return storage::Progress(db);
  } catch (const storage::StorageError& e) {
    if (exists) {
      if (auto offer = unwritable(db, "")) throw *offer;
    }
    throw;
  }
}

}  // namespace casebook::app
