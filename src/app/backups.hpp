// Backups of the progress file: where they go and what they are called, which are kept,
// when a daily one is due, and replacing the progress file by one (the current file kept as
// a backup first) or by a new empty file when it is damaged. Copies are always consistent
// (VACUUM INTO on a read-only connection), never file copies of a live WAL database.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

/// Why a backup was made.
enum class BackupKind {
  Daily,          ///< the first start of each study day
  BeforeUpgrade,  ///< before a newer Casebook migrates the schema
  Manual,         ///< asked for on the Backups screen
  BeforeRestore,  ///< the progress file as it was before a backup replaced it
};

/// "daily", "before-upgrade", "manual", "before-restore": the kind as file names write it.
[[nodiscard]] std::string_view backup_kind_name(BackupKind kind);

/// One backup file.
struct BackupFile {
  std::string path;
  BackupKind kind = BackupKind::Daily;
  core::TimestampMs made_at = 0;  ///< UTC ms, from the file name
};

/// The folder of the backups of `db_path`: "<its folder>/<its stem>-backups", e.g.
/// ".../casebook/progress-backups" (private to the user, 0700, once created).
[[nodiscard]] std::string backup_folder(const std::string& db_path);

/// The backups of `db_path`: files "<stem>-YYYYMMDD-HHMMSS-<kind>.sqlite3" (UTC) in
/// backup_folder(), newest first; other files there are ignored.
[[nodiscard]] std::vector<BackupFile> list_backups(const std::string& db_path);

/// Writes a backup of `db_path` of kind `kind` made at `now` (UTC ms) with
/// storage::write_backup, then deletes the oldest backups of that kind beyond the newest
/// `keep` (`keep` <= 0 deletes none). Returns the new file's path. Throws
/// storage::StorageError when it cannot be written.
std::string make_backup(const std::string& db_path, BackupKind kind, core::TimestampMs now, int keep);

/// Whether the daily backup is due at `now`: no daily backup yet, or the newest was made on
/// an earlier study day of `clock` (a learner who studies before and after midnight gets
/// one per study day, not two).
[[nodiscard]] bool daily_backup_due(const std::vector<BackupFile>& backups, core::TimestampMs now,
                                    const core::DayClock& clock);

/// Replaces the progress file `db_path`, which `progress` has open for writing, by the
/// backup `backup`: the backup must pass SQLite's quick check; the current file is first
/// written as a BeforeRestore backup (so the restore can be undone); then `progress` is
/// closed, the backup copied into place (temporary file, fsync, rename, mode 0600) and
/// `progress` reopened on it (an older schema is upgraded). Refused, with `progress` open as
/// before, when another program still has the file open (its -wal remains after closing).
/// Returns the path of the BeforeRestore backup. Throws storage::StorageError or
/// std::runtime_error saying why, naming the files.
std::string restore_backup(storage::Progress& progress, const std::string& db_path, const std::string& backup,
                           core::TimestampMs now, int keep);

/// Closes `progress`, moves the damaged `db_path` aside with its -wal and -shm
/// (storage::move_aside, label "damaged") and reopens `progress` on a new empty file there.
/// Returns the new path of the damaged file. If the move fails, `progress` is reopened on
/// the damaged file read-only (so nothing writes to it) and the error is thrown.
std::string replace_damaged(storage::Progress& progress, const std::string& db_path, core::TimestampMs now);

}  // namespace casebook::app
