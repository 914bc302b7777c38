// Progress database on SQLite (SQLiteCpp): opening, refusing foreign or too-new files,
// migrations, and the progress repository (learners, review log, card-state cache).
#include "storage/progress.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "storage/migrations.hpp"

namespace casebook::storage {
namespace {

constexpr int kBusyTimeoutMs = 5000;
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
  throw StorageError(msg);
}

/// Creates the parent folders of `path` (nothing for ":memory:" or a bare file name).
/// `doing` completes "Cannot ...", e.g. "open the progress database \"x\"".
void create_parent_folders(const std::string& path, const std::string& doing) {
  if (path.empty() || path == kMemoryPath || path.rfind("file:", 0) == 0) return;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw StorageError("Cannot " + doing + ": it is a folder. Give the path of a file (it is "
                       "created if missing).");
  }
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return;
  std::filesystem::create_directories(parent, ec);
  if (ec) {
    throw StorageError("Cannot " + doing + ": cannot create the folder \"" + parent.string() +
                       "\" (" + ec.message() + "). Check that you may write there.");
  }
}

void bind_schedule(SQLite::Statement& st, int first, const core::CardSchedule& s) {
  st.bind(first + 0, static_cast<std::int32_t>(s.state));
  st.bind(first + 1, s.stability);
  st.bind(first + 2, s.difficulty);
  st.bind(first + 3, static_cast<std::int64_t>(s.due));
  if (s.last_review) {
    st.bind(first + 4, static_cast<std::int64_t>(*s.last_review));
  } else {
    st.bind(first + 4);  // NULL
  }
  st.bind(first + 5, static_cast<std::int64_t>(s.scheduled_days));
  st.bind(first + 6, static_cast<std::int32_t>(s.learning_steps));
  st.bind(first + 7, static_cast<std::int32_t>(s.reps));
  st.bind(first + 8, static_cast<std::int32_t>(s.lapses));
}

/// Reads the 9 schedule columns starting at `first` (same order as bind_schedule).
core::CardSchedule read_schedule(const SQLite::Statement& st, int first) {
  core::CardSchedule s;
  s.state = static_cast<core::CardState>(st.getColumn(first + 0).getInt());
  s.stability = st.getColumn(first + 1).getDouble();
  s.difficulty = st.getColumn(first + 2).getDouble();
  s.due = st.getColumn(first + 3).getInt64();
  const SQLite::Column last = st.getColumn(first + 4);
  if (last.isNull()) {
    s.last_review.reset();
  } else {
    s.last_review = last.getInt64();
  }
  s.scheduled_days = st.getColumn(first + 5).getInt64();
  s.learning_steps = st.getColumn(first + 6).getInt();
  s.reps = st.getColumn(first + 7).getInt();
  s.lapses = st.getColumn(first + 8).getInt();
  return s;
}

std::string hex32(std::int32_t v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out = "0x";
  const auto u = static_cast<std::uint32_t>(v);
  for (int shift = 28; shift >= 0; shift -= 4) out.push_back(kDigits[(u >> shift) & 0xFu]);
  return out;
}

}  // namespace

namespace {

std::vector<std::string> split_tags(const std::string& text) {
  std::vector<std::string> tags;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t j = text.find(' ', i);
    const std::size_t end = j == std::string::npos ? text.size() : j;
    if (end > i) tags.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  return tags;
}

}  // namespace

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
    return SQLite::Database(p, access == Access::ReadOnly ? SQLite::OPEN_READONLY
                                                          : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
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

  /// Appends `r` to the review log and updates the card-state cache (inside the caller's
  /// transaction). Returns the new row id.
  std::int64_t insert_review(std::int64_t learner_id, const ReviewRecord& r) {
    SQLite::Statement ins(db,
                          "INSERT INTO review_log (learner_id, card_key, reviewed_at_ms, rating, "
                          "correct, answer, response_ms, "
                          "state_before, stability_before, difficulty_before, due_before_ms, "
                          "last_review_before_ms, scheduled_days_before, learning_steps_before, "
                          "reps_before, lapses_before, "
                          "state_after, stability_after, difficulty_after, due_after_ms, "
                          "last_review_after_ms, scheduled_days_after, learning_steps_after, "
                          "reps_after, lapses_after) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "?, ?, ?, ?)");
    ins.bind(1, learner_id);
    ins.bind(2, r.card_key);
    ins.bind(3, static_cast<std::int64_t>(r.reviewed_at));
    ins.bind(4, static_cast<std::int32_t>(r.rating));
    ins.bind(5, static_cast<std::int32_t>(r.correct ? 1 : 0));
    ins.bind(6, r.answer);
    ins.bind(7, static_cast<std::int64_t>(r.response_ms));
    bind_schedule(ins, 8, r.before);
    bind_schedule(ins, 17, r.after);
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();

    // The cache keeps the state after the latest review (by time, then by row): an answer
    // recorded late with an older timestamp does not overwrite a newer state. This is the
    // same rule rebuild_card_states() applies to the whole log.
    SQLite::Statement up(db,
                         "INSERT INTO card_state (learner_id, card_key, state, stability, "
                         "difficulty, due_ms, last_review_ms, scheduled_days, learning_steps, "
                         "reps, lapses, updated_at_ms) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT (learner_id, card_key) DO UPDATE SET "
                         "state = excluded.state, stability = excluded.stability, "
                         "difficulty = excluded.difficulty, due_ms = excluded.due_ms, "
                         "last_review_ms = excluded.last_review_ms, "
                         "scheduled_days = excluded.scheduled_days, "
                         "learning_steps = excluded.learning_steps, reps = excluded.reps, "
                         "lapses = excluded.lapses, updated_at_ms = excluded.updated_at_ms "
                         "WHERE excluded.updated_at_ms >= card_state.updated_at_ms");
    up.bind(1, learner_id);
    up.bind(2, r.card_key);
    bind_schedule(up, 3, r.after);
    up.bind(12, static_cast<std::int64_t>(r.reviewed_at));
    up.exec();

    return id;
  }

  /// Replaces one card's flags (inside the caller's transaction); a card with no tags and
  /// not suspended loses its row. Throws StorageError for a tag with white space.
  void write_flags(std::int64_t learner_id, const std::string& card_key, const CardFlags& flags) {
    std::vector<std::string> tags;
    for (const auto& t : flags.tags) {
      if (t.empty() || t.find_first_of(" \t\n") != std::string::npos) {
        throw StorageError("A card tag must be one word without spaces, got \"" + t + "\".");
      }
      tags.push_back(t);
    }
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    std::string joined;
    for (const auto& t : tags) joined += (joined.empty() ? "" : " ") + t;

    if (tags.empty() && !flags.suspended) {
      SQLite::Statement del(db, "DELETE FROM card_flag WHERE learner_id = ? AND card_key = ?");
      del.bind(1, learner_id);
      del.bind(2, card_key);
      del.exec();
    } else {
      SQLite::Statement up(db,
                           "INSERT INTO card_flag (learner_id, card_key, tags, suspended, updated_at_ms) "
                           "VALUES (?, ?, ?, ?, ?) ON CONFLICT (learner_id, card_key) DO UPDATE SET "
                           "tags = excluded.tags, suspended = excluded.suspended, "
                           "updated_at_ms = excluded.updated_at_ms");
      up.bind(1, learner_id);
      up.bind(2, card_key);
      up.bind(3, joined);
      up.bind(4, static_cast<std::int32_t>(flags.suspended ? 1 : 0));
      up.bind(5, static_cast<std::int64_t>(core::now_ms()));
      up.exec();
    }
  }

  int user_version() { return db.execAndGet("PRAGMA user_version").getInt(); }

  /// Refuses, without writing anything, a file of another application or a newer Casebook.
  void check_identity() {
    const auto app_id = static_cast<std::int32_t>(db.execAndGet("PRAGMA application_id").getInt());
    const int version = user_version();
    const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    const std::string file = describe_path(path);
    if (app_id != 0 && app_id != detail::kApplicationId) {
      throw StorageError("The " + file + " belongs to another application (application_id " +
                         hex32(app_id) + ", Casebook uses " + hex32(detail::kApplicationId) +
                         "). It was left unchanged; choose a different progress file.");
    }
    if (app_id == 0 && (version != 0 || objects != 0)) {
      throw StorageError("The " + file +
                         " is a SQLite database of another application, not a Casebook progress "
                         "database. It was left unchanged; choose a different progress file.");
    }
    if (version > schema_version()) {
      throw StorageError("The " + file + " was written by a newer version of Casebook (schema " +
                         std::to_string(version) + "; this version understands up to " +
                         std::to_string(schema_version()) +
                         "). It was left unchanged; update Casebook to open it, or choose another "
                         "progress file.");
    }
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

Progress::Progress(const std::string& path, Access access) {
  if (access == Access::ReadWrite) create_parent_folders(path, "open the " + describe_path(path));
  try {
    m_impl = std::make_unique<Impl>(path, access);
  } catch (const SQLite::Exception& e) {
    throw_sqlite_failure("open the " + describe_path(path), e);
  }
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

std::vector<std::string> Progress::learners() {
  return m_impl->guard("list the learners in", [&] {
    std::vector<std::string> out;
    SQLite::Statement st(m_impl->db, "SELECT name FROM learner ORDER BY name");
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  });
}

/// Card states of one learner (bind the name as parameter 1); columns as read_schedule(st, 1).
constexpr const char* kSelectCardStates =
    "SELECT c.card_key, c.state, c.stability, c.difficulty, c.due_ms, "
    "c.last_review_ms, c.scheduled_days, c.learning_steps, c.reps, c.lapses "
    "FROM card_state c JOIN learner l ON l.id = c.learner_id WHERE l.name = ?";

std::map<std::string, core::CardSchedule> Progress::card_states(const std::string& learner) {
  return m_impl->guard("read card states from", [&] {
    std::map<std::string, core::CardSchedule> out;
    SQLite::Statement st(m_impl->db, std::string(kSelectCardStates) + " ORDER BY c.card_key");
    st.bind(1, learner);
    while (st.executeStep()) out.emplace(st.getColumn(0).getString(), read_schedule(st, 1));
    return out;
  });
}

std::optional<core::CardSchedule> Progress::card_state(const std::string& learner, const std::string& card_key) {
  return m_impl->guard("read a card state from", [&]() -> std::optional<core::CardSchedule> {
    SQLite::Statement st(m_impl->db, std::string(kSelectCardStates) + " AND c.card_key = ?");
    st.bind(1, learner);
    st.bind(2, card_key);
    if (!st.executeStep()) return std::nullopt;
    return read_schedule(st, 1);
  });
}

std::int64_t Progress::record_review(const ReviewRecord& r) {
  return m_impl->guard("record an answer in", [&] {
    if (r.card_key.empty()) {
      throw StorageError("Cannot record an answer without a card key in the " +
                         describe_path(m_impl->path) + ".");
    }
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t id = m_impl->insert_review(m_impl->ensure_learner(r.learner), r);
    tx.commit();
    return id;
  });
}

std::int64_t Progress::record_answer(
    const std::string& learner, const std::string& card_key,
    const std::function<AnswerPlan(const std::optional<core::CardSchedule>& newest, const CardFlags& flags)>& plan) {
  return m_impl->guard("record an answer in", [&] {
    if (card_key.empty()) {
      throw StorageError("Cannot record an answer without a card key in the " + describe_path(m_impl->path) + ".");
    }
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t learner_id = m_impl->ensure_learner(learner);
    SQLite::Statement st(db, std::string(kSelectCardStates) + " AND c.card_key = ?");
    st.bind(1, learner);
    st.bind(2, card_key);
    std::optional<core::CardSchedule> newest;
    if (st.executeStep()) newest = read_schedule(st, 1);
    CardFlags flags;
    SQLite::Statement fl(db, "SELECT tags, suspended FROM card_flag WHERE learner_id = ? AND card_key = ?");
    fl.bind(1, learner_id);
    fl.bind(2, card_key);
    if (fl.executeStep()) flags = CardFlags{split_tags(fl.getColumn(0).getString()), fl.getColumn(1).getInt() != 0};
    AnswerPlan p = plan(newest, flags);
    p.review.learner = learner;
    p.review.card_key = card_key;
    const std::int64_t id = m_impl->insert_review(learner_id, p.review);
    if (p.flags) m_impl->write_flags(learner_id, card_key, *p.flags);
    tx.commit();
    return id;
  });
}

std::vector<ReviewRecord> Progress::review_log(const std::string& learner) {
  return m_impl->guard("read the review log from", [&] {
    std::vector<ReviewRecord> out;
    SQLite::Statement st(m_impl->db,
                         "SELECT r.id, l.name, r.card_key, r.reviewed_at_ms, r.rating, r.correct, "
                         "r.answer, r.response_ms, "
                         "r.state_before, r.stability_before, r.difficulty_before, "
                         "r.due_before_ms, r.last_review_before_ms, r.scheduled_days_before, "
                         "r.learning_steps_before, r.reps_before, r.lapses_before, "
                         "r.state_after, r.stability_after, r.difficulty_after, r.due_after_ms, "
                         "r.last_review_after_ms, r.scheduled_days_after, "
                         "r.learning_steps_after, r.reps_after, r.lapses_after "
                         "FROM review_log r JOIN learner l ON l.id = r.learner_id "
                         "WHERE ?1 = '' OR l.name = ?1 ORDER BY r.reviewed_at_ms, r.id");
    st.bind(1, learner);
    while (st.executeStep()) {
      ReviewRecord r;
      r.id = st.getColumn(0).getInt64();
      r.learner = st.getColumn(1).getString();
      r.card_key = st.getColumn(2).getString();
      r.reviewed_at = st.getColumn(3).getInt64();
      r.rating = static_cast<core::Rating>(st.getColumn(4).getInt());
      r.correct = st.getColumn(5).getInt() != 0;
      r.answer = st.getColumn(6).getString();
      r.response_ms = st.getColumn(7).getInt64();
      r.before = read_schedule(st, 8);
      r.after = read_schedule(st, 17);
      out.push_back(std::move(r));
    }
    return out;
  });
}

namespace {

/// Runs a `SELECT count(...)` whose three parameters are learner name, from and to (UTC ms).
int count_in_range(SQLite::Database& db, const char* sql, const std::string& learner, core::TimestampMs from,
                   core::TimestampMs to) {
  SQLite::Statement st(db, sql);
  st.bind(1, learner);
  st.bind(2, static_cast<std::int64_t>(from));
  st.bind(3, static_cast<std::int64_t>(to));
  st.executeStep();
  return st.getColumn(0).getInt();
}

}  // namespace

int Progress::count_reviews(const std::string& learner, core::TimestampMs from, core::TimestampMs to) {
  return m_impl->guard("count reviews in", [&] {
    return count_in_range(m_impl->db,
                          "SELECT count(*) FROM review_log r JOIN learner l ON l.id = r.learner_id "
                          "WHERE l.name = ? AND r.reviewed_at_ms >= ? AND r.reviewed_at_ms < ?",
                          learner, from, to);
  });
}

int Progress::count_new_cards(const std::string& learner, core::TimestampMs from, core::TimestampMs to) {
  return m_impl->guard("count new cards in", [&] {
    return count_in_range(m_impl->db,
                          "SELECT count(DISTINCT r.card_key) FROM review_log r "
                          "JOIN learner l ON l.id = r.learner_id "
                          "WHERE l.name = ? AND r.state_before = 0 "
                          "AND r.reviewed_at_ms >= ? AND r.reviewed_at_ms < ?",
                          learner, from, to);
  });
}

std::map<std::string, core::DoneToday> Progress::done_by_bank(const std::string& learner, core::TimestampMs from,
                                                              core::TimestampMs to) {
  return m_impl->guard("count today's reviews per bank in", [&] {
    SQLite::Statement st(m_impl->db,
                         "SELECT substr(r.card_key, 1, instr(r.card_key || '/', '/') - 1) AS bank, "
                         "count(*), count(DISTINCT CASE WHEN r.state_before = 0 THEN r.card_key END) "
                         "FROM review_log r JOIN learner l ON l.id = r.learner_id "
                         "WHERE l.name = ? AND r.reviewed_at_ms >= ? AND r.reviewed_at_ms < ? GROUP BY bank");
    st.bind(1, learner);
    st.bind(2, static_cast<std::int64_t>(from));
    st.bind(3, static_cast<std::int64_t>(to));
    std::map<std::string, core::DoneToday> out;
    while (st.executeStep()) {
      out[st.getColumn(0).getString()] = core::DoneToday{st.getColumn(2).getInt(), st.getColumn(1).getInt()};
    }
    return out;
  });
}

void Progress::rebuild_card_states() {
  m_impl->guard("rebuild card states in", [&] {
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    m_impl->db.exec("DELETE FROM card_state");
    m_impl->db.exec(
        "INSERT INTO card_state (learner_id, card_key, state, stability, difficulty, due_ms, "
        "last_review_ms, scheduled_days, learning_steps, reps, lapses, updated_at_ms) "
        "SELECT learner_id, card_key, state_after, stability_after, difficulty_after, "
        "due_after_ms, last_review_after_ms, scheduled_days_after, learning_steps_after, "
        "reps_after, lapses_after, reviewed_at_ms FROM ("
        "  SELECT *, row_number() OVER (PARTITION BY learner_id, card_key "
        "                               ORDER BY reviewed_at_ms DESC, id DESC) AS rn "
        "  FROM review_log) WHERE rn = 1");
    tx.commit();
  });
}

void Progress::backup_to(const std::string& path) {
  create_parent_folders(path, "back up the " + describe_path(m_impl->path) + " to \"" + path + "\"");
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    throw StorageError("Cannot back up the " + describe_path(m_impl->path) + " to \"" + path +
                       "\": that file already exists. Choose a new file name.");
  }
  try {
    SQLite::Statement st(m_impl->db, "VACUUM INTO ?");
    st.bind(1, path);
    st.exec();
  } catch (const SQLite::Exception& e) {
    throw_sqlite_failure("back up the " + describe_path(m_impl->path) + " to \"" + path + "\"", e);
  }
}

// ---- Schema 2: study options and card flags -----------------------------------------

OptionValues Progress::study_option_values(const std::string& learner, const std::string& bank_id) {
  return m_impl->guard("read study options from", [&] {
    OptionValues out;
    SQLite::Statement st(m_impl->db,
                         "SELECT o.key, o.value FROM study_option o JOIN learner l ON l.id = o.learner_id "
                         "WHERE l.name = ? AND o.bank_id = ? ORDER BY o.key");
    st.bind(1, learner);
    st.bind(2, bank_id);
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return out;
  });
}

void Progress::set_study_option_values(const std::string& learner, const std::string& bank_id,
                                       const OptionValues& values) {
  m_impl->guard("save study options in", [&] {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t learner_id = m_impl->ensure_learner(learner);
    SQLite::Statement del(db, "DELETE FROM study_option WHERE learner_id = ? AND bank_id = ?");
    del.bind(1, learner_id);
    del.bind(2, bank_id);
    del.exec();
    SQLite::Statement ins(db,
                          "INSERT OR REPLACE INTO study_option (learner_id, bank_id, key, value, updated_at_ms) "
                          "VALUES (?, ?, ?, ?, ?)");
    const auto now = static_cast<std::int64_t>(core::now_ms());
    for (const auto& [key, value] : values) {
      ins.bind(1, learner_id);
      ins.bind(2, bank_id);
      ins.bind(3, key);
      ins.bind(4, value);
      ins.bind(5, now);
      ins.exec();
      ins.reset();
    }
    tx.commit();
  });
}

std::vector<std::string> Progress::option_override_banks(const std::string& learner) {
  return m_impl->guard("read study options from", [&] {
    std::vector<std::string> out;
    SQLite::Statement st(m_impl->db,
                         "SELECT DISTINCT o.bank_id FROM study_option o JOIN learner l ON l.id = o.learner_id "
                         "WHERE l.name = ? AND o.bank_id <> '' ORDER BY o.bank_id");
    st.bind(1, learner);
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  });
}


std::map<std::string, CardFlags> Progress::card_flags(const std::string& learner) {
  return m_impl->guard("read card flags from", [&] {
    std::map<std::string, CardFlags> out;
    SQLite::Statement st(m_impl->db,
                         "SELECT f.card_key, f.tags, f.suspended FROM card_flag f "
                         "JOIN learner l ON l.id = f.learner_id WHERE l.name = ? ORDER BY f.card_key");
    st.bind(1, learner);
    while (st.executeStep()) {
      out.emplace(st.getColumn(0).getString(),
                  CardFlags{split_tags(st.getColumn(1).getString()), st.getColumn(2).getInt() != 0});
    }
    return out;
  });
}

void Progress::set_card_flags(const std::string& learner, const std::string& card_key, const CardFlags& flags) {
  m_impl->guard("save card flags in", [&] {
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    m_impl->write_flags(m_impl->ensure_learner(learner), card_key, flags);
    tx.commit();
  });
}

}  // namespace casebook::storage
