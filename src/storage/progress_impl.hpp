// Internal to storage: the open database behind Progress (Progress::Impl: opening, identity
// checks, migrations, learners) and the helpers the repository files share (error messages,
// the schedule columns). Progress's methods are defined in progress.cpp, review_log.cpp and
// options_flags.cpp.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>

#include "storage/migrations.hpp"
#include "storage/progress.hpp"

namespace casebook::storage {

namespace detail {

constexpr int kBusyTimeoutMs = 5000;

/// "progress database \"<path>\"" (or "in-memory progress database"), for messages.
std::string describe_path(const std::string& path);

/// Throws StorageError "Cannot <doing>: <SQLite message>." followed by the hint for its
/// result code, if any. `doing` names the action and the file, e.g. "open the progress
/// database \"x\"".
[[noreturn]] void throw_sqlite_failure(const std::string& doing, const SQLite::Exception& e);

/// Binds the 9 schedule columns of `s` starting at parameter `first`.
void bind_schedule(SQLite::Statement& st, int first, const core::CardSchedule& s);

/// Reads the 9 schedule columns starting at `first` (same order as bind_schedule).
core::CardSchedule read_schedule(const SQLite::Statement& st, int first);

/// `v` as "0x" and 8 upper-case hex digits (application ids in messages).
std::string hex32(std::int32_t v);

/// `path` as a SQLite URI with `query` ("mode=ro", ...), every unusual byte percent-encoded.
std::string file_uri(const std::string& path, const std::string& query);

/// A read-only connection to the database at `path` that never writes to it or its -wal
/// (inspect.cpp). In a folder Casebook may not write to, a WAL database without a -wal is
/// read as immutable; one with a non-empty -wal is refused with a StorageError saying why.
/// Throws SQLite::Exception for other failures.
SQLite::Database open_read_only(const std::string& path);

/// Who wrote an existing SQLite file: its application_id, user_version and schema objects.
struct FileIdentity {
  std::int32_t application_id = 0;
  int user_version = 0;
  int objects = 0;
};

/// The identity of the non-empty file at `path`, read without writing to it, its -wal or
/// (when it has no -wal) creating companions. Throws StorageError for a file that is not
/// SQLite or cannot be read.
FileIdentity read_identity(const std::string& path);

/// Throws StorageError ("... It was left unchanged ...") for a file of another application
/// or of a newer Casebook.
void refuse_foreign(const std::string& path, const FileIdentity& id);

/// Appends `r` to the review log of learner `learner_id` and updates the card-state cache,
/// inside the caller's transaction. Returns the new row id. (review_log.cpp)
std::int64_t insert_review(SQLite::Database& db, std::int64_t learner_id, const ReviewRecord& r);

/// Sets one card's cached state to the `after` of its newest review that is not voided (or
/// removes it when none is left), inside the caller's transaction. (review_log.cpp)
void restore_card_state(SQLite::Database& db, std::int64_t learner_id, const std::string& card_key);

/// Every state the log gives a card, as rows (learner_id, card_key, the nine *_after schedule
/// columns, at_ms, is_review, id): the reviews that are not voided (is_review 1) and the
/// answer changes (schema 9, is_review 0). A card's state is the row with the latest at_ms,
/// a review winning a tie (an answer change is recorded after the review it follows), then
/// the larger id.
inline constexpr const char* kCardStatesFromLog =
    "SELECT learner_id, card_key, state_after, stability_after, difficulty_after, due_after_ms, "
    "last_review_after_ms, scheduled_days_after, learning_steps_after, reps_after, lapses_after, "
    "reviewed_at_ms AS at_ms, 1 AS is_review, id FROM review_log "
    "WHERE id NOT IN (SELECT review_id FROM review_void) "
    "UNION ALL "
    "SELECT learner_id, card_key, state_after, stability_after, difficulty_after, due_after_ms, "
    "last_review_after_ms, scheduled_days_after, learning_steps_after, reps_after, lapses_after, "
    "at_ms, 0 AS is_review, id FROM answer_change";

/// Replaces one card's flags inside the caller's transaction; a card with no tags and not
/// suspended loses its row. Throws StorageError for a tag with white space. (options_flags.cpp)
void write_flags(SQLite::Database& db, std::int64_t learner_id, const std::string& card_key, const CardFlags& flags);

/// The flags of one card (none: no tags, not suspended), inside the caller's transaction.
CardFlags read_flags(SQLite::Database& db, std::int64_t learner_id, const std::string& card_key);

}  // namespace detail

using detail::describe_path;
using detail::hex32;
using detail::kBusyTimeoutMs;
using detail::throw_sqlite_failure;

struct Progress::Impl {
  std::string path;
  SQLite::Database db;

  Impl(const std::string& p, Access access)
      : path(p), db(open(p, access)) {
    db.setBusyTimeout(kBusyTimeoutMs);
    check_identity();  // before anything that could write to the file
    if (access == Access::ReadOnly) {
      if (user_version() != schema_version()) {
        throw StorageError("The " + describe_path(path) +
                           (user_version() == 0 ? std::string(" is empty, not a Casebook progress database.")
                                                : " was written by an older Casebook; open it once in the app "
                                                  "to upgrade it.") +
                           " It was left unchanged.");
      }
      return;
    }
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    migrate();
  }

  static SQLite::Database open(const std::string& p, Access access) {
    if (access == Access::ReadOnly) return detail::open_read_only(p);
    return SQLite::Database(p, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  }

  /// Runs `f`, turning SQLite exceptions into StorageError naming the file.
  template <class F>
  auto guard(const char* doing, F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (const SQLite::Exception& e) {
      throw_sqlite_failure(std::string(doing) + " the " + describe_path(path), e);
    }
  }

  int user_version() { return db.execAndGet("PRAGMA user_version").getInt(); }

  /// Refuses, without writing anything, a file of another application or a newer Casebook.
  void check_identity() {
    detail::FileIdentity id;
    id.application_id = static_cast<std::int32_t>(db.execAndGet("PRAGMA application_id").getInt());
    id.user_version = user_version();
    id.objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    detail::refuse_foreign(path, id);
  }

  /// Applies every missing migration step, each in its own IMMEDIATE transaction.
  void migrate() {
    for (const detail::Migration& m : detail::migrations()) {
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      const int current = user_version();  // re-read under the write lock
      if (current >= m.version) continue;
      if (current != m.version - 1) {
        throw StorageError("The " + describe_path(path) + " has schema version " +
                           std::to_string(current) + ", which cannot be upgraded to " +
                           std::to_string(m.version) + ". Choose another progress file.");
      }
      db.exec(m.sql);
      if (m.version == 1) {
        db.exec("PRAGMA application_id = " + std::to_string(detail::kApplicationId));
      }
      db.exec("PRAGMA user_version = " + std::to_string(m.version));
      tx.commit();
    }
  }

  std::optional<std::int64_t> find_learner(const std::string& name) {
    SQLite::Statement st(db, "SELECT id FROM learner WHERE name = ?");
    st.bind(1, name);
    if (!st.executeStep()) return std::nullopt;
    return st.getColumn(0).getInt64();
  }

  /// Inserts the learner if missing (call inside a transaction or alone) and returns the id.
  std::int64_t ensure_learner(const std::string& name) {
    if (name.empty()) {
      throw StorageError("Cannot add a learner with an empty name to the " + describe_path(path) + ".");
    }
    SQLite::Statement ins(db,
                          "INSERT INTO learner (name, created_at_ms) VALUES (?, ?) "
                          "ON CONFLICT (name) DO NOTHING");
    ins.bind(1, name);
    ins.bind(2, static_cast<std::int64_t>(core::now_ms()));
    ins.exec();
    return *find_learner(name);
  }
};

}  // namespace casebook::storage
