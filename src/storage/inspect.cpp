// Reading a progress file without writing to it (header, read-only connections in folders
// Casebook may not write to, integrity checks), backups with VACUUM INTO, and moving a
// damaged file aside.
#include "storage/inspect.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <sstream>
#include <system_error>

#include "storage/progress.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeaderSize = 100;
constexpr char kMagic[] = "SQLite format 3";  // followed by a NUL: 16 bytes

std::int32_t big_endian_32(const unsigned char* p) {
  return static_cast<std::int32_t>((std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
                                   (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]});
}

/// The size of `path` in bytes, 0 when it does not exist.
std::uintmax_t size_or_zero(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

std::string errno_text(int error) { return std::strerror(error); }

}  // namespace

namespace detail {

/// `path` as a SQLite URI ("file:" + the path, every byte outside [A-Za-z0-9/._~-] as %HH),
/// followed by `query` ("mode=ro", ...). Absolute paths get an empty authority ("file:///").
std::string file_uri(const std::string& path, const std::string& query) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = path.rfind('/', 0) == 0 ? "file://" : "file:";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
        c == '_' || c == '~' || c == '-') {
      uri.push_back(ch);
    } else {
      uri += '%';
      uri.push_back(kHex[c >> 4]);
      uri.push_back(kHex[c & 0xF]);
    }
  }
  return uri + "?" + query;
}

SQLite::Database open_read_only(const std::string& path) {
  const int flags = SQLite::OPEN_READONLY | SQLite::OPEN_URI;
  try {
    SQLite::Database db(file_uri(path, "mode=ro"), flags);
    db.setBusyTimeout(kBusyTimeoutMs);
    // A WAL database opens its -wal and -shm on the first read: fail here, not later.
    (void)db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    return db;
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xff) != SQLITE_CANTOPEN || !fs::exists(path)) throw;
  }
  // A WAL database in a folder Casebook may not write to (read-only media, another user's
  // folder): SQLite cannot create the -shm it reads through. Without a -wal the main file
  // holds every committed change, so it is read as an immutable file; with one, that would
  // silently drop the changes in it.
  if (size_or_zero(path + "-wal") > 0) {
    throw StorageError("Cannot read the " + describe_path(path) +
                       ": its \"-wal\" file holds changes not yet merged into it, and SQLite cannot read "
                       "them in a folder Casebook may not write to. Copy the database and its \"-wal\" "
                       "file to a folder you may write to, or open it once where it can be written.");
  }
  SQLite::Database db(file_uri(path, "mode=ro&immutable=1"), flags);
  (void)db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  return db;
}

FileIdentity read_identity(const std::string& path) {
  const auto header = read_sqlite_header(path);
  if (!header) {
    throw StorageError("The " + describe_path(path) +
                       " is not a SQLite database (it does not start with the SQLite header). It was left "
                       "unchanged; choose a different progress file.");
  }
  try {
    // Without a -wal the header holds the newest values, and an immutable connection reads
    // without creating a -wal or -shm. With one, the newest page 1 may be in the -wal.
    const bool has_wal = size_or_zero(path + "-wal") > 0;
    SQLite::Database db = has_wal ? open_read_only(path)
                                  : SQLite::Database(file_uri(path, "mode=ro&immutable=1"),
                                                     SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    FileIdentity id;
    id.application_id = static_cast<std::int32_t>(db.execAndGet("PRAGMA application_id").getInt());
    id.user_version = db.execAndGet("PRAGMA user_version").getInt();
    id.objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    return id;
  } catch (const SQLite::Exception& e) {
    throw_sqlite_failure("read the " + describe_path(path), e);
  }
}

void refuse_foreign(const std::string& path, const FileIdentity& id) {
  const std::string file = describe_path(path);
  if (id.application_id != 0 && id.application_id != kApplicationId) {
    throw StorageError("The " + file + " belongs to another application (application_id " +
                       hex32(id.application_id) + ", Casebook uses " + hex32(kApplicationId) +
                       "). It was left unchanged; choose a different progress file.");
  }
  if (id.application_id == 0 && (id.user_version != 0 || id.objects != 0)) {
    throw StorageError("The " + file +
                       " is a SQLite database of another application, not a Casebook progress "
                       "database. It was left unchanged; choose a different progress file.");
  }
  if (id.user_version > Progress::schema_version()) {
    throw StorageError("The " + file + " was written by a newer version of Casebook (schema " +
                       std::to_string(id.user_version) + "; this version understands up to " +
                       std::to_string(Progress::schema_version()) +
                       "). It was left unchanged; update Casebook to open it, or choose another "
                       "progress file.");
  }
}

}  // namespace detail

std::optional<SqliteHeader> read_sqlite_header(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::array<unsigned char, kHeaderSize> bytes{};
  std::size_t got = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    while (got < bytes.size()) {
      const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
  }
  ::close(fd);
  if (got < bytes.size() || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
  SqliteHeader h;
  h.user_version = big_endian_32(bytes.data() + 60);
  h.application_id = big_endian_32(bytes.data() + 68);
  h.wal = bytes[18] == 2 && bytes[19] == 2;
  return h;
}

const std::vector<std::string>& companion_suffixes() {
  static const std::vector<std::string> kSuffixes = {"-wal", "-shm", "-journal"};
  return kSuffixes;
}

std::vector<std::string> check_integrity(const std::string& path, bool full) {
  const std::string doing = "check the " + describe_path(path);
  std::optional<SQLite::Database> db;
  try {
    db.emplace(detail::open_read_only(path));
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return {e.what()};
    throw_sqlite_failure(doing, e);
  }
  std::vector<std::string> problems;
  try {
    SQLite::Statement st(*db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    while (st.executeStep()) {
      // A row may hold several lines, the first "*** in database main ***": one problem a line.
      std::istringstream rows(st.getColumn(0).getString());
      for (std::string line; std::getline(rows, line);) {
        if (line != "ok" && !line.empty() && line.rfind("*** in database", 0) != 0) problems.push_back(line);
      }
    }
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB) throw_sqlite_failure(doing, e);
    problems.emplace_back(e.what());
  }
  return problems;
}

FileCheck check_progress_file(const std::string& path) {
  FileCheck check;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return check;
  if (!S_ISREG(st.st_mode)) {
    throw StorageError("Cannot open the " + describe_path(path) +
                       ": it is not an ordinary file. It was left unchanged; give the path of a file.");
  }
  if (st.st_size == 0 && size_or_zero(path + "-wal") == 0) {
    check.state = FileCheck::State::Empty;
    return check;
  }
  try {
    const detail::FileIdentity id = detail::read_identity(path);
    detail::refuse_foreign(path, id);
    check.schema = id.user_version;
  } catch (const DamagedDatabase& e) {
    check.state = FileCheck::State::Damaged;
    check.problems = {e.what()};
    return check;
  }
  check.problems = check_integrity(path, false);
  check.state = check.problems.empty() ? FileCheck::State::Sound : FileCheck::State::Damaged;
  return check;
}

DatabaseSummary summarize_database(const std::string& path) {
  detail::refuse_foreign(path, detail::read_identity(path));
  try {
    SQLite::Database db = detail::open_read_only(path);
    DatabaseSummary s;
    s.schema = db.execAndGet("PRAGMA user_version").getInt();
    if (s.schema == 0) return s;  // empty: no tables yet
    SQLite::Statement st(db, "SELECT count(*), max(reviewed_at_ms) FROM review_log");
    if (st.executeStep()) {
      s.reviews = st.getColumn(0).getInt64();
      if (!st.getColumn(1).isNull()) s.last_review = st.getColumn(1).getInt64();
    }
    s.learners = db.execAndGet("SELECT count(*) FROM learner").getInt();
    return s;
  } catch (const SQLite::Exception& e) {
    throw_sqlite_failure("read the " + describe_path(path), e);
  }
}

void write_backup(const std::string& db_path, const std::string& dest) {
  const std::string doing = "back up the " + describe_path(db_path) + " to \"" + dest + "\"";
  std::error_code ec;
  if (fs::exists(dest, ec)) throw StorageError("Cannot " + doing + ": that file already exists.");
  // Created empty and private first: VACUUM INTO writes into an empty file and keeps its mode.
  const int fd = ::open(dest.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw StorageError("Cannot " + doing + ": " + errno_text(errno) + ".");
  ::close(fd);
  try {
    SQLite::Database db = detail::open_read_only(db_path);
    SQLite::Statement st(db, "VACUUM INTO ?");
    st.bind(1, dest);
    st.exec();
  } catch (const SQLite::Exception& e) {
    fs::remove(dest, ec);
    throw_sqlite_failure(doing, e);
  } catch (const StorageError&) {
    fs::remove(dest, ec);
    throw;
  }
  // VACUUM INTO does not sync the new file (SQLite's documentation): flush it and its folder.
  for (const auto& [file, flags] : {std::pair{fs::path(dest), O_RDONLY},
                                    std::pair{fs::path(dest).parent_path(), O_RDONLY | O_DIRECTORY}}) {
    const int sync_fd = ::open(file.empty() ? "." : file.c_str(), flags | O_CLOEXEC);
    if (sync_fd < 0 || ::fsync(sync_fd) != 0) {
      const int error = errno;
      if (sync_fd >= 0) ::close(sync_fd);
      fs::remove(dest, ec);
      throw StorageError("Cannot " + doing + ": flushing it to disk failed: " + errno_text(error) + ".");
    }
    ::close(sync_fd);
  }
}

std::string file_stamp(core::TimestampMs t) {
  const std::time_t seconds = static_cast<std::time_t>(t / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &tm);
  return text;
}

std::string move_aside(const std::string& path, const std::string& label, core::TimestampMs now) {
  const std::string base = path + "." + label + "-" + file_stamp(now);
  std::string target = base;
  std::error_code ec;
  for (int n = 2; fs::exists(target, ec) || fs::exists(target + "-wal", ec); ++n) {
    target = base + "-" + std::to_string(n);
  }
  std::string moved;
  const auto rename = [&](const std::string& suffix) {
    if (!fs::exists(path + suffix, ec)) return;
    if (::rename((path + suffix).c_str(), (target + suffix).c_str()) != 0) {
      throw StorageError("Cannot move the " + describe_path(path) + " aside to \"" + target + suffix +
                         "\": " + errno_text(errno) + "." +
                         (moved.empty() ? std::string() : " Already moved:" + moved + "."));
    }
    moved += " \"" + target + suffix + "\"";
  };
  // The -wal first: a main file without its -wal is an older state, never a newer one.
  for (const std::string& suffix : companion_suffixes()) rename(suffix);
  rename("");
  return target;
}

}  // namespace casebook::storage
