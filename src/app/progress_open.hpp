// How the app opens its progress file: one Casebook per file (the instance lock), a file it
// refuses left untouched, a damaged file moved aside (SQLite's quick check), a backup before
// a schema upgrade, and read-only mode when another Casebook has the file or its folder
// cannot be written to.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/instance_lock.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

/// The progress file can be opened read-only only: another Casebook has it open (the
/// instance lock is held), or Casebook may not write to it or its folder. The message says
/// which, naming the file; the front end may then start again with AppConfig::read_only.
class ReadOnlyOffer : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What opening the progress file found and did, for the screens to tell the user.
struct ProgressOpening {
  std::string damaged_moved_to;        ///< the damaged file's new path; empty when the file was sound
  std::vector<std::string> damage;     ///< SQLite's quick_check lines for it
  std::string upgrade_backup;          ///< the backup made before migrating; empty when none
};

/// Opens `config.db_path` for the app. Read-only (`config.read_only`): a read-only
/// connection, nothing else. Otherwise, in this order: a file Casebook refuses (not SQLite,
/// another application's, a newer Casebook's) throws storage::StorageError and is left
/// byte for byte as it was, with nothing created beside it; PRAGMA quick_check runs on a
/// read-only connection; the instance lock is taken into `lock` (unless
/// `config.single_instance` is off); a damaged file is moved aside with its -wal and -shm (storage::move_aside, "damaged") and a new
/// empty file is created in its place (`opening` says so); a file of an older schema is
/// backed up (BackupKind::BeforeUpgrade) before it is migrated. Throws ReadOnlyOffer when the
/// lock is held elsewhere or the existing file or its folder cannot be written to;
/// storage::StorageError for any other failure (its message names the file).
[[nodiscard]] storage::Progress open_app_progress(const AppConfig& config, std::optional<InstanceLock>& lock,
                                                  ProgressOpening& opening);

}  // namespace casebook::app
