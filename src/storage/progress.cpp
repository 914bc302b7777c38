// Progress database on SQLite (SQLiteCpp): opening, refusing foreign or too-new files,
// migrations, learners and backups. The review log and card states are in review_log.cpp,
// study options and card flags in options_flags.cpp.
#include "storage/progress.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "storage/inspect.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

namespace detail {

namespace {

constexpr const char* kMemoryPath = ":memory:";

/// Advice for the user, by SQLite primary result code.
std::string hint_for(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "The file is locked by another program (is Casebook already running?). Close it "
             "and try again.";
    case SQLITE_FULL:
      return "The disk is full. Free some space and try again; answers recorded earlier are safe.";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return "The file is damaged or is not a SQLite database. Restore it from a backup or "
             "choose another progress file.";
    case SQLITE_CANTOPEN:
      return "Check that the folder exists and that you may write to it.";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return "Check that you may write to the file and its folder.";
    case SQLITE_IOERR:
      return "Reading or writing the disk failed. Check the drive and try again.";
    case SQLITE_CONSTRAINT:
      return "A database rule rejected the change.";
    default:
      return {};
  }
}

}  // namespace

std::string describe_path(const std::string& path) {
  return path == kMemoryPath ? std::string("in-memory progress database")
                             : "progress database \"" + path + "\"";
}

/// Throws StorageError "Cannot <doing>: <SQLite message>." followed by the hint for its
/// result code, if any. `doing` names the action and the file, e.g. "open the progress
/// database \"x\"".
[[noreturn]] void throw_sqlite_failure(const std::string& doing, const SQLite::Exception& e) {
  std::string msg = "Cannot " + doing + ": " + e.what();
  if (msg.back() != '.') msg += '.';
  const std::string hint = hint_for(e.getErrorCode());
  if (!hint.empty()) msg += " " + hint;
  const int code = e.getErrorCode() & 0xff;
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) throw DamagedDatabase(msg);
  throw StorageError(msg);
}

std::string hex32(std::int32_t v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out = "0x";
  const auto u = static_cast<std::uint32_t>(v);
  for (int shift = 28; shift >= 0; shift -= 4) out.push_back(kDigits[(u >> shift) & 0xFu]);
  return out;
}

}  // namespace detail

namespace {

using detail::kMemoryPath;

/// Before a read-write open: refuses (untouched, not even opened for writing by SQLite) a
/// file that is not an ordinary file, not SQLite, of another application or of a newer
/// Casebook, and creates a missing file empty and private to the user (0600), so SQLite's
/// -wal and -shm, which take the database's mode, are private too.
void check_before_writing(const std::string& path) {
  if (path.empty() || path == kMemoryPath || path.rfind("file:", 0) == 0) return;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      throw StorageError("Cannot open the " + describe_path(path) +
                         ": it is not an ordinary file. It was left unchanged; give the path of a file.");
    }
    if (st.st_size > 0) detail::refuse_foreign(path, detail::read_identity(path));
    return;
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST) {
    throw StorageError("Cannot create the " + describe_path(path) + ": " + std::strerror(errno) +
                       ". Check that you may write to its folder.");
  }
  if (fd >= 0) ::close(fd);
}

/// Makes the database and its companions private to the user (0600) when they are not; a
/// file of another owner is left as it is.
void make_private(const std::string& path) {
  if (path.empty() || path == kMemoryPath || path.rfind("file:", 0) == 0) return;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    struct stat st {};
    const std::string file = path + suffix;
    if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0 &&
        st.st_uid == ::geteuid()) {
      (void)::chmod(file.c_str(), st.st_mode & 0700);
    }
  }
}

}  // namespace

/// Creates the parent folders of `path` that are missing, each private to the user (0700);
/// nothing for ":memory:", a URI or a bare file name. `doing` completes "Cannot ...", e.g.
/// "open the progress database \"x\"".
void create_private_parent_folders(const std::string& path, const std::string& doing) {
  if (path.empty() || path == kMemoryPath || path.rfind("file:", 0) == 0) return;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw StorageError("Cannot " + doing + ": it is a folder. Give the path of a file (it is "
                       "created if missing).");
  }
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty() || std::filesystem::is_directory(parent, ec)) return;
  std::filesystem::path partial;
  for (const auto& part : parent) {
    partial /= part;
    if (std::filesystem::is_directory(partial, ec)) continue;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
      throw StorageError("Cannot " + doing + ": cannot create the folder \"" + partial.string() + "\" (" +
                         std::strerror(errno) + "). Check that you may write there.");
    }
  }
}

Progress::Progress(const std::string& path, Access access) {
  if (access == Access::ReadWrite) {
    create_private_parent_folders(path, "open the " + describe_path(path));
    check_before_writing(path);
  } else if (path != kMemoryPath) {
    // Read-only use (reports, diff) creates nothing: say what is wrong with the path itself
    // rather than SQLite's "unable to open" or "disk I/O error".
    std::error_code ec;
    const auto type = std::filesystem::status(path, ec).type();
    if (type == std::filesystem::file_type::not_found) {
      throw StorageError("Cannot open the " + describe_path(path) +
                         ": there is no such file. Check the path; reading never creates a progress file.");
    }
    if (type == std::filesystem::file_type::directory) {
      throw StorageError("Cannot open the " + describe_path(path) +
                         ": it is a folder, not a progress file. Give the path of the file itself.");
    }
  }
  try {
    m_impl = std::make_unique<Impl>(path, access);
  } catch (const SQLite::Exception& e) {
    throw_sqlite_failure("open the " + describe_path(path), e);
  }
  if (access == Access::ReadWrite) make_private(path);
}

Progress::~Progress() = default;
Progress::Progress(Progress&&) noexcept = default;
Progress& Progress::operator=(Progress&&) noexcept = default;

int Progress::schema_version() { return detail::migrations().back().version; }

std::int64_t Progress::ensure_learner(const std::string& name) {
  return m_impl->guard("add a learner to", [&] {
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t id = m_impl->ensure_learner(name);
    tx.commit();
    return id;
  });
}

std::int64_t Progress::review_count() {
  return m_impl->guard("count the reviews in", [&] {
    return m_impl->db.execAndGet("SELECT count(*) FROM review_log").getInt64();
  });
}

std::vector<std::string> Progress::learners() {
  return m_impl->guard("list the learners in", [&] {
    std::vector<std::string> out;
    SQLite::Statement st(m_impl->db, "SELECT name FROM learner ORDER BY name");
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  });
}

void Progress::backup_to(const std::string& path) {
  create_private_parent_folders(path, "back up the " + describe_path(m_impl->path) + " to \"" + path + "\"");
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    throw StorageError("Cannot back up the " + describe_path(m_impl->path) + " to \"" + path +
                       "\": that file already exists. Choose a new file name.");
  }
  // Created empty and private first: VACUUM INTO writes into an empty file and keeps its mode.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
  try {
    SQLite::Statement st(m_impl->db, "VACUUM INTO ?");
    st.bind(1, path);
    st.exec();
  } catch (const SQLite::Exception& e) {
    if (fd >= 0) std::filesystem::remove(path, ec);
    throw_sqlite_failure("back up the " + describe_path(m_impl->path) + " to \"" + path + "\"", e);
  }
}

}  // namespace casebook::storage
