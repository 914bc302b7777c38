// Progress, answer changes (schema 9, issue 14): a studied card whose answer key changed in a
// new bank version returns to relearning; the change is appended and never changed, and the
// card states rebuilt from the log honour it.
#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/progress.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

std::int64_t Progress::record_answer_change(const std::string& learner, const AnswerChange& c) {
  if (c.card_key.empty()) throw StorageError("Cannot record an answer change without a card key.");
  if (c.old_key.empty() || c.new_key.empty()) {
    throw StorageError("Cannot record an answer change of \"" + c.card_key + "\" without both answer keys.");
  }
  return m_impl->guard("record an answer change in", [&] {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t learner_id = m_impl->ensure_learner(learner);
    SQLite::Statement ins(db,
                          "INSERT INTO answer_change (learner_id, card_key, at_ms, old_key, new_key, old_version, "
                          "new_version, state_after, stability_after, difficulty_after, due_after_ms, "
                          "last_review_after_ms, scheduled_days_after, learning_steps_after, reps_after, "
                          "lapses_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, learner_id);
    ins.bind(2, c.card_key);
    ins.bind(3, static_cast<std::int64_t>(c.at));
    ins.bind(4, c.old_key);
    ins.bind(5, c.new_key);
    ins.bind(6, c.old_version);
    ins.bind(7, c.new_version);
    detail::bind_schedule(ins, 8, c.after);
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();
    detail::restore_card_state(db, learner_id, c.card_key);
    tx.commit();
    return id;
  });
}

std::vector<AnswerChange> Progress::answer_changes(const std::string& learner, const std::string& card_key) {
  return m_impl->guard("read answer changes from", [&] {
    std::vector<AnswerChange> out;
    SQLite::Statement st(m_impl->db,
                         "SELECT a.id, a.card_key, a.at_ms, a.old_key, a.new_key, a.old_version, a.new_version, "
                         "a.state_after, a.stability_after, a.difficulty_after, a.due_after_ms, "
                         "a.last_review_after_ms, a.scheduled_days_after, a.learning_steps_after, a.reps_after, "
                         "a.lapses_after FROM answer_change a JOIN learner l ON l.id = a.learner_id "
                         "WHERE (?1 = '' OR l.name = ?1) AND (?2 = '' OR a.card_key = ?2) ORDER BY a.at_ms, a.id");
    st.bind(1, learner);
    st.bind(2, card_key);
    while (st.executeStep()) {
      AnswerChange c;
      c.id = st.getColumn(0).getInt64();
      c.card_key = st.getColumn(1).getString();
      c.at = st.getColumn(2).getInt64();
      c.old_key = st.getColumn(3).getString();
      c.new_key = st.getColumn(4).getString();
      c.old_version = st.getColumn(5).getString();
      c.new_version = st.getColumn(6).getString();
      c.after = detail::read_schedule(st, 7);
      out.push_back(std::move(c));
    }
    return out;
  });
}

std::map<std::string, KnownAnswerKey> Progress::known_answer_keys(const std::string& learner) {
  return m_impl->guard("read the answer keys of the review log in", [&] {
    std::map<std::string, KnownAnswerKey> out;
    SQLite::Statement st(m_impl->db,
                         "SELECT card_key, answer_key, bank_version, at_ms, is_review FROM ("
                         "  SELECT *, row_number() OVER (PARTITION BY card_key "
                         "                               ORDER BY at_ms DESC, is_review DESC, id DESC) AS rn FROM ("
                         "    SELECT r.card_key, r.answer_key, r.bank_version, r.reviewed_at_ms AS at_ms, "
                         "           1 AS is_review, r.id FROM review_log r JOIN learner l ON l.id = r.learner_id "
                         "    WHERE l.name = ?1 AND r.id NOT IN (SELECT review_id FROM review_void) "
                         "    UNION ALL "
                         "    SELECT a.card_key, a.new_key, a.new_version, a.at_ms, 0, a.id "
                         "    FROM answer_change a JOIN learner l ON l.id = a.learner_id WHERE l.name = ?1)) "
                         "WHERE rn = 1");
    st.bind(1, learner);
    while (st.executeStep()) {
      KnownAnswerKey k;
      k.key = st.getColumn(1).getString();
      k.bank_version = st.getColumn(2).getString();
      k.at = st.getColumn(3).getInt64();
      k.changed = st.getColumn(4).getInt() == 0;
      out.emplace(st.getColumn(0).getString(), std::move(k));
    }
    return out;
  });
}

}  // namespace casebook::storage
