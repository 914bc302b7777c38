// Looking at a progress file without changing it: its SQLite header, SQLite's integrity
// checks on a read-only connection, consistent copies (backups), and moving a damaged file
// aside with its -wal and -shm. Nothing here writes to the file it looks at.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace casebook::storage {

/// The fields of a SQLite file header that Casebook reads (https://www.sqlite.org/fileformat.html,
/// "The Database Header"): big-endian integers at fixed offsets of the first 100 bytes.
struct SqliteHeader {
  std::int32_t user_version = 0;    ///< offset 60: the schema version Casebook writes
  std::int32_t application_id = 0;  ///< offset 68: 0x43534B42 ("CSKB") for Casebook
  bool wal = false;                 ///< offsets 18 and 19 are 2: the file is in WAL mode
};

/// The header of `path` when it is an ordinary file of at least 100 bytes starting with
/// "SQLite format 3\0"; nullopt for anything else (missing, empty, short, other content).
/// Reads 100 bytes with a plain read; SQLite is not involved.
[[nodiscard]] std::optional<SqliteHeader> read_sqlite_header(const std::string& path);

/// The companion files SQLite keeps beside a database: "-wal", "-shm", "-journal".
[[nodiscard]] const std::vector<std::string>& companion_suffixes();

/// SQLite's integrity check of the database at `path`, on a read-only connection (see
/// Progress::Access::ReadOnly for read-only folders): `full` false runs PRAGMA quick_check
/// (every page and b-tree, time linear in the file), true PRAGMA integrity_check (also that
/// every index matches its table). Returns SQLite's problem lines, empty when the file is
/// sound. A file SQLite cannot read at all ("file is not a database", a page it cannot parse)
/// gives that one line. Throws StorageError only when the file cannot be opened.
[[nodiscard]] std::vector<std::string> check_integrity(const std::string& path, bool full);

/// What a progress file is, found without writing to it or its -wal.
struct FileCheck {
  enum class State {
    Missing,  ///< no file: it will be created
    Empty,    ///< a file of 0 bytes: it will become a database
    Sound,    ///< a Casebook database that passes PRAGMA quick_check
    Damaged   ///< a Casebook (or unmarked) database SQLite finds damaged
  };
  State state = State::Missing;
  int schema = 0;                     ///< its user_version when Sound
  std::vector<std::string> problems;  ///< SQLite's findings when Damaged
};

/// Looks at the progress file `path` before it is opened for writing. Throws StorageError
/// ("... It was left unchanged ...") for what Casebook refuses: not an ordinary file, not
/// SQLite, another application's database, a newer Casebook's. Otherwise runs PRAGMA
/// quick_check on a read-only connection (time linear in the file).
[[nodiscard]] FileCheck check_progress_file(const std::string& path);

/// What a Casebook database holds, for choosing a backup to restore.
struct DatabaseSummary {
  int schema = 0;                               ///< its user_version (older than this build's: upgraded when opened)
  std::int64_t reviews = 0;                     ///< review-log rows, all learners
  int learners = 0;
  std::optional<core::TimestampMs> last_review; ///< the newest review, UTC ms
};

/// Reads the summary of the Casebook database at `path` on a read-only connection. Throws
/// StorageError for a file that cannot be read, is not SQLite, or belongs to another
/// application or a newer Casebook.
[[nodiscard]] DatabaseSummary summarize_database(const std::string& path);

/// Writes a consistent copy of the database at `db_path` to `dest` with `VACUUM INTO` on a
/// read-only connection (safe while Casebook or another program writes to it; never a file
/// copy of a live WAL database). `dest` must not exist; it is created with mode 0600 and
/// flushed to disk. Throws StorageError naming both files when it cannot.
void write_backup(const std::string& db_path, const std::string& dest);

/// Renames `path` and those of its -wal, -shm and -journal files that exist to
/// "<path>.<label>-<YYYYMMDD-HHMMSS>" (+ the same suffix; "-2", "-3", ... added when taken),
/// so SQLite still pairs them and nothing writes to them again. `now` is UTC ms, written as
/// UTC. Returns the new path of the main file. Throws StorageError when a rename fails (the
/// files renamed before it are named in the message).
std::string move_aside(const std::string& path, const std::string& label, core::TimestampMs now);

/// Creates the missing parent folders of `path`, each private to the user (0700); nothing
/// for ":memory:", a "file:" URI or a bare file name. Throws StorageError "Cannot <doing>: ..."
/// when `path` is a folder or a parent cannot be created.
void create_private_parent_folders(const std::string& path, const std::string& doing);

/// "YYYYMMDD-HHMMSS" of `t` (UTC ms) in UTC, for file names that sort by time.
[[nodiscard]] std::string file_stamp(core::TimestampMs t);

}  // namespace casebook::storage
