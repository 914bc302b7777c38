// Backups of the progress file (backups.hpp): names, listing, keeping, the daily rule, and
// replacing the open progress file by a backup or by a new file when it is damaged.
#include "app/backups.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <optional>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "app/files.hpp"
#include "storage/inspect.hpp"

namespace casebook::app {

namespace fs = std::filesystem;

namespace {

constexpr std::array<BackupKind, 4> kKinds = {BackupKind::Daily, BackupKind::BeforeUpgrade, BackupKind::Manual,
                                              BackupKind::BeforeRestore};

/// The UTC instant of a file stamp "YYYYMMDD-HHMMSS", or nullopt when it is not one.
std::optional<core::TimestampMs> parse_stamp(std::string_view s) {
  if (s.size() != 15 || s[8] != '-') return std::nullopt;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 8 && std::isdigit(static_cast<unsigned char>(s[i])) == 0) return std::nullopt;
  }
  const std::string iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
                          std::string(s.substr(6, 2)) + "T" + std::string(s.substr(9, 2)) + ":" +
                          std::string(s.substr(11, 2)) + ":" + std::string(s.substr(13, 2)) + "Z";
  try {
    return core::parse_iso(iso);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

/// Creates the backup folder of `db_path`, private to the user.
void create_backup_folder(const std::string& folder) {
  std::error_code ec;
  if (fs::is_directory(folder, ec)) return;
  if (::mkdir(folder.c_str(), 0700) != 0 && !fs::is_directory(folder, ec)) {
    throw storage::StorageError("Cannot create the backup folder \"" + folder + "\": " +
                                std::error_code(errno, std::generic_category()).message() + ".");
  }
}

/// Closes `progress` by putting an in-memory database in its place.
void close(storage::Progress& progress) { progress = storage::Progress(":memory:"); }

}  // namespace

std::string_view backup_kind_name(BackupKind kind) {
  switch (kind) {
    case BackupKind::Daily: return "daily";
    case BackupKind::BeforeUpgrade: return "before-upgrade";
    case BackupKind::Manual: return "manual";
    case BackupKind::BeforeRestore: return "before-restore";
  }
  return "daily";
}

std::string backup_folder(const std::string& db_path) {
  const fs::path db(db_path);
  return (db.parent_path() / (db.stem().string() + "-backups")).string();
}

std::vector<BackupFile> list_backups(const std::string& db_path) {
  std::vector<BackupFile> out;
  const std::string prefix = fs::path(db_path).stem().string() + "-";
  std::error_code ec;
  for (fs::directory_iterator it(backup_folder(db_path), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0 || it->path().extension() != ".sqlite3") continue;
    const std::string rest = it->path().stem().string().substr(prefix.size());  // STAMP-kind
    if (rest.size() < 17) continue;
    const auto made = parse_stamp(std::string_view(rest).substr(0, 15));
    if (!made || rest[15] != '-') continue;
    const std::string kind = rest.substr(16);
    for (const BackupKind k : kKinds) {
      if (kind == backup_kind_name(k)) out.push_back(BackupFile{it->path().string(), k, *made});
    }
  }
  std::sort(out.begin(), out.end(), [](const BackupFile& a, const BackupFile& b) {
    return a.made_at != b.made_at ? a.made_at > b.made_at : a.path > b.path;
  });
  return out;
}

std::string make_backup(const std::string& db_path, BackupKind kind, core::TimestampMs now, int keep) {
  const std::string folder = backup_folder(db_path);
  create_backup_folder(folder);
  const std::string stem = fs::path(db_path).stem().string();
  // One second per stamp: a second backup of the same kind in the same second waits for the name.
  core::TimestampMs t = now;
  std::string path;
  std::error_code ec;
  do {
    path = (fs::path(folder) / (stem + "-" + storage::file_stamp(t) + "-" + std::string(backup_kind_name(kind)) +
                                ".sqlite3")).string();
    t += 1000;
  } while (fs::exists(path, ec));
  storage::write_backup(db_path, path);
  if (keep > 0) {
    int seen = 0;
    for (const BackupFile& b : list_backups(db_path)) {
      if (b.kind == kind && ++seen > keep) fs::remove(b.path, ec);
    }
  }
  return path;
}

bool daily_backup_due(const std::vector<BackupFile>& backups, core::TimestampMs now, const core::DayClock& clock) {
  for (const BackupFile& b : backups) {  // newest first
    if (b.kind == BackupKind::Daily) return core::study_day(b.made_at, clock) < core::study_day(now, clock);
  }
  return true;
}

std::string restore_backup(storage::Progress& progress, const std::string& db_path, const std::string& backup,
                           core::TimestampMs now, int keep) {
  if (const auto problems = storage::check_integrity(backup, false); !problems.empty()) {
    throw std::runtime_error("The backup " + backup + " is damaged (" + problems.front() +
                             "); it was not restored. Choose another backup.");
  }
  (void)storage::summarize_database(backup);  // refuses another application's or a newer Casebook's file
  const std::string kept = make_backup(db_path, BackupKind::BeforeRestore, now, keep);
  close(progress);
  std::error_code ec;
  if (fs::exists(db_path + "-wal", ec) && fs::file_size(db_path + "-wal", ec) > 0) {
    progress = storage::Progress(db_path);
    throw std::runtime_error("Another program has the progress file " + db_path +
                             " open (its -wal is still there); close it and restore again. The current file "
                             "is unchanged (a copy was also kept as " + kept + ").");
  }
  try {
    AtomicFile file(db_path);
    fs::copy_file(backup, file.temp_path(), fs::copy_options::overwrite_existing);
    (void)::chmod(file.temp_path().c_str(), 0600);
    fs::remove(db_path + "-shm", ec);  // belongs to the replaced file (no connection is left)
    file.commit();
  } catch (const std::exception& e) {
    progress = storage::Progress(db_path);
    throw std::runtime_error("Cannot restore " + backup + " over " + db_path + ": " + e.what() +
                             ". The current file is unchanged.");
  }
  progress = storage::Progress(db_path);
  return kept;
}

std::string replace_damaged(storage::Progress& progress, const std::string& db_path, core::TimestampMs now) {
  close(progress);
  std::string moved;
  try {
    moved = storage::move_aside(db_path, "damaged", now);
  } catch (const std::exception&) {
    progress = storage::Progress(db_path, storage::Progress::Access::ReadOnly);  // nothing writes to it
    throw;
  }
  progress = storage::Progress(db_path);
  return moved;
}

}  // namespace casebook::app
