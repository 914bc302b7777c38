// Progress: the append-only review log and the card-state cache (recording an answer, reading
// the log and card states, daily counts, rebuilding the cache from the log).
#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/progress.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

namespace detail {

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

}  // namespace detail

using detail::bind_schedule;
using detail::read_schedule;

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

namespace detail {

std::int64_t insert_review(SQLite::Database& db, std::int64_t learner_id, const ReviewRecord& r) {
    SQLite::Statement ins(db,
                          "INSERT INTO review_log (learner_id, card_key, reviewed_at_ms, rating, "
                          "correct, answer, response_ms, "
                          "state_before, stability_before, difficulty_before, due_before_ms, "
                          "last_review_before_ms, scheduled_days_before, learning_steps_before, "
                          "reps_before, lapses_before, "
                          "state_after, stability_after, difficulty_after, due_after_ms, "
                          "last_review_after_ms, scheduled_days_after, learning_steps_after, "
                          "reps_after, lapses_after, bank_version, answer_key) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "?, ?, ?, ?, ?, ?)");
    ins.bind(1, learner_id);
    ins.bind(2, r.card_key);
    ins.bind(3, static_cast<std::int64_t>(r.reviewed_at));
    ins.bind(4, static_cast<std::int32_t>(r.rating));
    ins.bind(5, static_cast<std::int32_t>(r.correct ? 1 : 0));
    ins.bind(6, r.answer);
    ins.bind(7, static_cast<std::int64_t>(r.response_ms));
    bind_schedule(ins, 8, r.before);
    bind_schedule(ins, 17, r.after);
    ins.bind(26, r.bank_version);
    ins.bind(27, r.answer_key);
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

}  // namespace detail

std::int64_t Progress::record_review(const ReviewRecord& r) {
  return m_impl->guard("record an answer in", [&] {
    if (r.card_key.empty()) {
      throw StorageError("Cannot record an answer without a card key in the " +
                         describe_path(m_impl->path) + ".");
    }
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t id = detail::insert_review(m_impl->db, m_impl->ensure_learner(r.learner), r);
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
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);  // the write lock first
    const std::int64_t learner_id = m_impl->ensure_learner(learner);
    SQLite::Statement st(db, std::string(kSelectCardStates) + " AND c.card_key = ?");
    st.bind(1, learner);
    st.bind(2, card_key);
    std::optional<core::CardSchedule> newest;
    if (st.executeStep()) newest = read_schedule(st, 1);
    AnswerPlan p = plan(newest, detail::read_flags(db, learner_id, card_key));
    p.review.learner = learner;
    p.review.card_key = card_key;
    const std::int64_t id = detail::insert_review(db, learner_id, p.review);
    if (p.flags) detail::write_flags(db, learner_id, card_key, *p.flags);
    tx.commit();
    return id;
  });
}

namespace {

/// The review-log columns in the order read_review reads them.
constexpr const char* kReviewColumns =
    "SELECT r.id, l.name, r.card_key, r.reviewed_at_ms, r.rating, r.correct, "
    "r.answer, r.response_ms, "
    "r.state_before, r.stability_before, r.difficulty_before, "
    "r.due_before_ms, r.last_review_before_ms, r.scheduled_days_before, "
    "r.learning_steps_before, r.reps_before, r.lapses_before, "
    "r.state_after, r.stability_after, r.difficulty_after, r.due_after_ms, "
    "r.last_review_after_ms, r.scheduled_days_after, "
    "r.learning_steps_after, r.reps_after, r.lapses_after, r.bank_version, r.answer_key "
    "FROM review_log r JOIN learner l ON l.id = r.learner_id ";

/// Reads the current row of a kReviewColumns statement into `r` (its strings' storage reused).
void read_review(const SQLite::Statement& st, ReviewRecord& r) {
  r.id = st.getColumn(0).getInt64();
  r.learner.assign(st.getColumn(1).getText(), static_cast<std::size_t>(st.getColumn(1).getBytes()));
  r.card_key.assign(st.getColumn(2).getText(), static_cast<std::size_t>(st.getColumn(2).getBytes()));
  r.reviewed_at = st.getColumn(3).getInt64();
  r.rating = static_cast<core::Rating>(st.getColumn(4).getInt());
  r.correct = st.getColumn(5).getInt() != 0;
  r.answer.assign(st.getColumn(6).getText(), static_cast<std::size_t>(st.getColumn(6).getBytes()));
  r.response_ms = st.getColumn(7).getInt64();
  r.before = read_schedule(st, 8);
  r.after = read_schedule(st, 17);
  r.bank_version.assign(st.getColumn(26).getText(), static_cast<std::size_t>(st.getColumn(26).getBytes()));
  r.answer_key.assign(st.getColumn(27).getText(), static_cast<std::size_t>(st.getColumn(27).getBytes()));
}

}  // namespace

std::vector<ReviewRecord> Progress::review_log(const std::string& learner) {
  return card_review_log(learner, "");
}

std::vector<ReviewRecord> Progress::card_review_log(const std::string& learner, const std::string& card_key) {
  std::vector<ReviewRecord> out;
  ReviewFilter filter;
  filter.learner = learner;
  filter.card_key = card_key;  // "": every card
  for_each_review(filter, [&](const ReviewRecord& r) { out.push_back(r); });
  return out;
}

namespace {

/// The WHERE clause of `filter` over review_log r: only the conditions asked for, so that
/// SQLite walks the index (learner_id, reviewed_at_ms) in order instead of sorting the log.
/// The bank filter is a range of card keys ("<bank>/" up to "<bank>0", '0' following '/'),
/// which no bank id can escape. bind_review_filter() binds its parameters.
std::string review_filter_sql(const Progress::ReviewFilter& filter) {
  std::string sql = "WHERE 1";
  if (!filter.include_voided) sql += " AND r.id NOT IN (SELECT review_id FROM review_void)";
  if (!filter.learner.empty()) sql += " AND r.learner_id = (SELECT id FROM learner WHERE name = :learner)";
  if (filter.after_id) sql += " AND r.id > :after";
  if (filter.from) sql += " AND r.reviewed_at_ms >= :from";
  if (filter.to) sql += " AND r.reviewed_at_ms < :to";
  if (!filter.bank_id.empty()) sql += " AND r.card_key >= :bank || '/' AND r.card_key < :bank || '0'";
  if (!filter.card_key.empty()) sql += " AND r.card_key = :card";
  return sql;
}

void bind_review_filter(SQLite::Statement& st, const Progress::ReviewFilter& filter) {
  if (!filter.learner.empty()) st.bind(":learner", filter.learner);
  if (filter.after_id) st.bind(":after", *filter.after_id);
  if (filter.from) st.bind(":from", static_cast<std::int64_t>(*filter.from));
  if (filter.to) st.bind(":to", static_cast<std::int64_t>(*filter.to));
  if (!filter.bank_id.empty()) st.bind(":bank", filter.bank_id);
  if (!filter.card_key.empty()) st.bind(":card", filter.card_key);
}

}  // namespace

void Progress::for_each_review(const ReviewFilter& filter, const std::function<void(const ReviewRecord&)>& sink) {
  m_impl->guard("read the review log from", [&] {
    std::string sql = std::string(kReviewColumns) + review_filter_sql(filter);
    sql += filter.after_id ? " ORDER BY r.id" : " ORDER BY r.reviewed_at_ms, r.id";
    SQLite::Statement st(m_impl->db, sql);
    bind_review_filter(st, filter);
    ReviewRecord r;
    while (st.executeStep()) {
      read_review(st, r);
      sink(r);
    }
  });
}

std::int64_t Progress::review_count(const ReviewFilter& filter) {
  return m_impl->guard("count the reviews in", [&] {
    SQLite::Statement st(m_impl->db, "SELECT count(*) FROM review_log r " + review_filter_sql(filter));
    bind_review_filter(st, filter);
    st.executeStep();
    return st.getColumn(0).getInt64();
  });
}

std::int64_t Progress::lrs_sent_up_to(const std::string& endpoint, const std::string& learner) {
  return m_impl->guard("read the sync state from", [&]() -> std::int64_t {
    SQLite::Statement st(m_impl->db,
                         "SELECT s.last_review_id FROM lrs_sync s JOIN learner l ON l.id = s.learner_id "
                         "WHERE s.endpoint = ? AND l.name = ?");
    st.bind(1, endpoint);
    st.bind(2, learner);
    return st.executeStep() ? st.getColumn(0).getInt64() : 0;
  });
}

void Progress::set_lrs_sent_up_to(const std::string& endpoint, const std::string& learner, std::int64_t review_id) {
  m_impl->guard("record the sync state in", [&] {
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement st(m_impl->db,
                         "INSERT INTO lrs_sync (endpoint, learner_id, last_review_id, updated_at_ms) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (endpoint, learner_id) DO UPDATE SET "
                         "last_review_id = max(last_review_id, excluded.last_review_id), updated_at_ms = excluded.updated_at_ms");
    st.bind(1, endpoint);
    st.bind(2, m_impl->ensure_learner(learner));
    st.bind(3, review_id);
    st.bind(4, static_cast<std::int64_t>(core::now_ms()));
    st.exec();
    tx.commit();
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
                          "WHERE l.name = ? AND r.reviewed_at_ms >= ? AND r.reviewed_at_ms < ? "
                          "AND r.id NOT IN (SELECT review_id FROM review_void)",
                          learner, from, to);
  });
}

int Progress::count_new_cards(const std::string& learner, core::TimestampMs from, core::TimestampMs to) {
  return m_impl->guard("count new cards in", [&] {
    return count_in_range(m_impl->db,
                          "SELECT count(DISTINCT r.card_key) FROM review_log r "
                          "JOIN learner l ON l.id = r.learner_id "
                          "WHERE l.name = ? AND r.state_before = 0 "
                          "AND r.reviewed_at_ms >= ? AND r.reviewed_at_ms < ? "
                          "AND r.id NOT IN (SELECT review_id FROM review_void)",
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
                         "WHERE l.name = ? AND r.reviewed_at_ms >= ? AND r.reviewed_at_ms < ? "
                         "AND r.id NOT IN (SELECT review_id FROM review_void) GROUP BY bank");
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

namespace {

/// The start of an INSERT of card_state rows from rows of detail::kCardStatesFromLog (the
/// caller closes the FROM with the rows it chooses: the newest per card).
constexpr const char* kInsertCardStatesFrom =
    "INSERT INTO card_state (learner_id, card_key, state, stability, difficulty, due_ms, "
    "last_review_ms, scheduled_days, learning_steps, reps, lapses, updated_at_ms) "
    "SELECT learner_id, card_key, state_after, stability_after, difficulty_after, "
    "due_after_ms, last_review_after_ms, scheduled_days_after, learning_steps_after, "
    "reps_after, lapses_after, at_ms FROM (";

/// True for a card_state row that a reset to new (card_event, schema 3) at or after its last
/// review makes stale: the card is new again, so the row is deleted.
constexpr const char* kResetSinceState =
    "EXISTS (SELECT 1 FROM card_event e WHERE e.kind = 'reset' AND e.learner_id = card_state.learner_id "
    "AND e.card_key = card_state.card_key AND e.at_ms >= card_state.updated_at_ms)";

}  // namespace

void Progress::rebuild_card_states() {
  m_impl->guard("rebuild card states in", [&] {
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    m_impl->db.exec("DELETE FROM card_state");
    m_impl->db.exec(std::string(kInsertCardStatesFrom) +
                    "  SELECT *, row_number() OVER (PARTITION BY learner_id, card_key "
                    "                               ORDER BY at_ms DESC, is_review DESC, id DESC) AS rn "
                    "  FROM (" +
                    detail::kCardStatesFromLog + ")) WHERE rn = 1");
    m_impl->db.exec(std::string("DELETE FROM card_state WHERE ") + kResetSinceState);
    tx.commit();
  });
}

namespace detail {

void restore_card_state(SQLite::Database& db, std::int64_t learner_id, const std::string& card_key) {
  SQLite::Statement del(db, "DELETE FROM card_state WHERE learner_id = ? AND card_key = ?");
  del.bind(1, learner_id);
  del.bind(2, card_key);
  del.exec();
  // The newest state the log gives the card (as rebuild_card_states for every card): its last
  // review that is not voided, or a later answer change (schema 9).
  SQLite::Statement ins(db, std::string(kInsertCardStatesFrom) + detail::kCardStatesFromLog +
                                ") WHERE learner_id = ? AND card_key = ? "
                                "ORDER BY at_ms DESC, is_review DESC, id DESC LIMIT 1");
  ins.bind(1, learner_id);
  ins.bind(2, card_key);
  ins.exec();
  SQLite::Statement reset(db, std::string("DELETE FROM card_state WHERE learner_id = ?1 AND card_key = ?2 AND ") +
                                  kResetSinceState);
  reset.bind(1, learner_id);
  reset.bind(2, card_key);
  reset.exec();
}

}  // namespace detail

std::optional<core::CardSchedule> Progress::void_review(const std::string& learner, std::int64_t review_id,
                                                        core::TimestampMs at, const std::optional<CardFlags>& flags) {
  return m_impl->guard("take back an answer in", [&]() -> std::optional<core::CardSchedule> {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement find(db,
                           "SELECT r.learner_id, r.card_key, "
                           "EXISTS (SELECT 1 FROM review_void v WHERE v.review_id = r.id) "
                           "FROM review_log r JOIN learner l ON l.id = r.learner_id WHERE r.id = ? AND l.name = ?");
    find.bind(1, review_id);
    find.bind(2, learner);
    if (!find.executeStep()) {
      throw StorageError("Cannot take back answer #" + std::to_string(review_id) + " of learner \"" + learner +
                         "\": the " + describe_path(m_impl->path) + " has no such answer.");
    }
    const std::int64_t learner_id = find.getColumn(0).getInt64();
    const std::string card_key = find.getColumn(1).getString();
    if (find.getColumn(2).getInt() != 0) {
      throw StorageError("Cannot take back answer #" + std::to_string(review_id) + ": it was already taken back.");
    }
    SQLite::Statement ins(db, "INSERT INTO review_void (review_id, learner_id, voided_at_ms) VALUES (?, ?, ?)");
    ins.bind(1, review_id);
    ins.bind(2, learner_id);
    ins.bind(3, static_cast<std::int64_t>(at));
    ins.exec();
    detail::restore_card_state(db, learner_id, card_key);
    if (flags) detail::write_flags(db, learner_id, card_key, *flags);
    SQLite::Statement st(db, std::string(kSelectCardStates) + " AND c.card_key = ?");
    st.bind(1, learner);
    st.bind(2, card_key);
    std::optional<core::CardSchedule> now;
    if (st.executeStep()) now = read_schedule(st, 1);
    tx.commit();
    return now;
  });
}

namespace {

/// The columns every reader of taken-back answers selects (read_voided reads them), from
/// review_void v joined with its review r and learner l; the caller adds its conditions.
constexpr const char* kVoidedColumns =
    "SELECT v.review_id, l.name, r.card_key, r.reviewed_at_ms, v.voided_at_ms, v.reason "
    "FROM review_void v JOIN review_log r ON r.id = v.review_id "
    "JOIN learner l ON l.id = v.learner_id ";

/// Every row of a kVoidedColumns statement, in its order.
std::vector<VoidedReview> read_voided(SQLite::Statement& st) {
  std::vector<VoidedReview> out;
  while (st.executeStep()) {
    out.push_back(VoidedReview{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                               st.getColumn(3).getInt64(), st.getColumn(4).getInt64(), st.getColumn(5).getString()});
  }
  return out;
}

}  // namespace

std::vector<VoidedReview> Progress::voided_reviews(const std::string& learner) {
  return m_impl->guard("read the taken-back answers from", [&] {
    SQLite::Statement st(m_impl->db, std::string(kVoidedColumns) +
                                         "WHERE ?1 = '' OR l.name = ?1 ORDER BY v.voided_at_ms, v.review_id");
    st.bind(1, learner);
    return read_voided(st);
  });
}

std::vector<VoidedReview> Progress::voids_to_send(const std::string& endpoint, const std::string& learner) {
  return m_impl->guard("read the undone answers to send from", [&] {
    SQLite::Statement st(m_impl->db,
                         std::string(kVoidedColumns) +
                             "JOIN lrs_sync s ON s.endpoint = ?1 AND s.learner_id = v.learner_id "
                             "WHERE l.name = ?2 AND v.review_id <= s.last_review_id "
                             "AND NOT EXISTS (SELECT 1 FROM lrs_void_sync x WHERE x.endpoint = ?1 AND x.review_id = v.review_id) "
                             "ORDER BY v.voided_at_ms, v.review_id");
    st.bind(1, endpoint);
    st.bind(2, learner);
    return read_voided(st);
  });
}

void Progress::set_void_sent(const std::string& endpoint, const std::string& learner, std::int64_t review_id) {
  m_impl->guard("record the sync state in", [&] {
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement st(m_impl->db,
                         "INSERT INTO lrs_void_sync (endpoint, learner_id, review_id, sent_at_ms) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (endpoint, review_id) DO NOTHING");
    st.bind(1, endpoint);
    st.bind(2, m_impl->ensure_learner(learner));
    st.bind(3, review_id);
    st.bind(4, static_cast<std::int64_t>(core::now_ms()));
    st.exec();
    tx.commit();
  });
}

std::vector<std::string> Progress::forgotten_cards(const std::string& learner, core::TimestampMs from,
                                                   core::TimestampMs to) {
  return m_impl->guard("read today's forgotten cards from", [&] {
    std::vector<std::string> out;
    SQLite::Statement st(m_impl->db,
                         "SELECT DISTINCT r.card_key FROM review_log r JOIN learner l ON l.id = r.learner_id "
                         "WHERE l.name = ? AND r.rating = 1 AND r.reviewed_at_ms >= ? AND r.reviewed_at_ms < ? "
                         "AND r.id NOT IN (SELECT review_id FROM review_void) ORDER BY r.card_key");
    st.bind(1, learner);
    st.bind(2, static_cast<std::int64_t>(from));
    st.bind(3, static_cast<std::int64_t>(to));
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  });
}

std::optional<ReviewRecord> Progress::last_review(const std::string& learner, const std::string& card_key) {
  return m_impl->guard("read the review log from", [&]() -> std::optional<ReviewRecord> {
    if (learner.empty() || card_key.empty()) return std::nullopt;
    SQLite::Statement st(m_impl->db, std::string(kReviewColumns) +
                                         "WHERE l.name = ? AND r.card_key = ? "
                                         "AND r.id NOT IN (SELECT review_id FROM review_void) "
                                         "ORDER BY r.reviewed_at_ms DESC, r.id DESC LIMIT 1");
    st.bind(1, learner);
    st.bind(2, card_key);
    if (!st.executeStep()) return std::nullopt;
    ReviewRecord r;
    read_review(st, r);
    return r;
  });
}

}  // namespace casebook::storage
