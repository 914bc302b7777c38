// Progress, schema 8: custom study's "N extra new cards today", one row per raise.
#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/progress.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

std::int64_t Progress::add_extra_new_cards(const std::string& learner, const ExtraNewCards& extra) {
  const auto day = core::day_of_iso_date(extra.date);
  if (!day || core::iso_date_of_day(*day) != extra.date) {
    throw StorageError("Cannot record extra new cards for `" + extra.date + "` in the " +
                       describe_path(m_impl->path) + ": not a date YYYY-MM-DD.");
  }
  if (extra.count < 1 || extra.count > 9999) {
    throw StorageError("Cannot record " + std::to_string(extra.count) + " extra new cards in the " +
                       describe_path(m_impl->path) + ": the number must be from 1 to 9999.");
  }
  return m_impl->guard("record extra new cards in", [&] {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t learner_id = m_impl->ensure_learner(learner);
    SQLite::Statement ins(db,
                          "INSERT INTO extra_new_cards (learner_id, study_date, bank_id, topic, count, at_ms) "
                          "VALUES (?, ?, ?, ?, ?, ?)");
    ins.bind(1, learner_id);
    ins.bind(2, extra.date);
    ins.bind(3, extra.bank_id);
    ins.bind(4, extra.topic);
    ins.bind(5, extra.count);
    ins.bind(6, static_cast<std::int64_t>(extra.at));
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();
    tx.commit();
    return id;
  });
}

std::vector<ExtraNewCards> Progress::extra_new_cards(const std::string& learner, const std::string& date) {
  return m_impl->guard("read extra new cards from", [&] {
    SQLite::Statement st(m_impl->db,
                         "SELECT e.id, e.study_date, e.bank_id, e.topic, e.count, e.at_ms FROM extra_new_cards e "
                         "JOIN learner l ON l.id = e.learner_id WHERE l.name = ? AND e.study_date = ? ORDER BY e.id");
    st.bind(1, learner);
    st.bind(2, date);
    std::vector<ExtraNewCards> out;
    while (st.executeStep()) {
      out.push_back(ExtraNewCards{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                                  st.getColumn(3).getString(), st.getColumn(4).getInt(),
                                  static_cast<core::TimestampMs>(st.getColumn(5).getInt64())});
    }
    return out;
  });
}

}  // namespace casebook::storage
