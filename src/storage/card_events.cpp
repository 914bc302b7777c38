// Progress, card events (schema card_event): suspend, unsuspend, bury, reset, flag and problem
// reports, appended and never changed; their effects on the card-flag and card-state caches.
#include <SQLiteCpp/SQLiteCpp.h>

#include <array>

#include "storage/progress.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

namespace {

constexpr std::array<std::string_view, 6> kKindNames = {"suspend", "unsuspend", "bury", "reset", "flag", "report"};

CardEventKind kind_from_text(const std::string& text) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (text == kKindNames[i]) return static_cast<CardEventKind>(i);
  }
  throw StorageError("Unknown card event kind \"" + text + "\" in the progress database.");
}

}  // namespace

std::string_view to_string(CardEventKind k) { return kKindNames[static_cast<std::size_t>(k)]; }

std::int64_t Progress::record_card_event(const std::string& learner, const CardEvent& e) {
  if (e.card_key.empty()) throw StorageError("Cannot record a card event without a card key.");
  if (e.flag < 0 || e.flag > 7) {
    throw StorageError("A flag is a number from 0 (none) to 7, got " + std::to_string(e.flag) + ".");
  }
  if (e.kind == CardEventKind::Bury && !e.until) throw StorageError("Burying a card needs the time it comes back.");
  return m_impl->guard("record a card event in", [&] {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t learner_id = m_impl->ensure_learner(learner);
    SQLite::Statement ins(db,
                          "INSERT INTO card_event (learner_id, card_key, at_ms, kind, flag, until_ms, note) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, learner_id);
    ins.bind(2, e.card_key);
    ins.bind(3, static_cast<std::int64_t>(e.at));
    ins.bind(4, std::string(to_string(e.kind)));
    ins.bind(5, e.flag);
    if (e.until) {
      ins.bind(6, static_cast<std::int64_t>(*e.until));
    } else {
      ins.bind(6);
    }
    ins.bind(7, e.note);
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();
    if (e.kind == CardEventKind::Suspend || e.kind == CardEventKind::Unsuspend) {
      CardFlags flags = detail::read_flags(db, learner_id, e.card_key);
      flags.suspended = e.kind == CardEventKind::Suspend;
      detail::write_flags(db, learner_id, e.card_key, flags);
    } else if (e.kind == CardEventKind::Reset) {
      SQLite::Statement del(db, "DELETE FROM card_state WHERE learner_id = ? AND card_key = ?");
      del.bind(1, learner_id);
      del.bind(2, e.card_key);
      del.exec();
    }
    tx.commit();
    return id;
  });
}

namespace {

constexpr const char* kEventColumns = "SELECT e.id, e.card_key, e.at_ms, e.kind, e.flag, e.until_ms, e.note ";

CardEvent read_event(SQLite::Statement& st) {
  CardEvent e;
  e.id = st.getColumn(0).getInt64();
  e.card_key = st.getColumn(1).getString();
  e.at = st.getColumn(2).getInt64();
  e.kind = kind_from_text(st.getColumn(3).getString());
  e.flag = st.getColumn(4).getInt();
  if (!st.getColumn(5).isNull()) e.until = st.getColumn(5).getInt64();
  e.note = st.getColumn(6).getString();
  return e;
}

}  // namespace

std::vector<CardEvent> Progress::card_events(const std::string& learner, const std::string& card_key) {
  return m_impl->guard("read card events from", [&] {
    std::vector<CardEvent> out;
    SQLite::Statement st(m_impl->db,
                         std::string(kEventColumns) +
                             "FROM card_event e JOIN learner l ON l.id = e.learner_id "
                             "WHERE (?1 = '' OR l.name = ?1) AND (?2 = '' OR e.card_key = ?2) ORDER BY e.at_ms, e.id");
    st.bind(1, learner);
    st.bind(2, card_key);
    while (st.executeStep()) out.push_back(read_event(st));
    return out;
  });
}

std::vector<CardEvent> Progress::reports_to_send(const std::string& endpoint, const std::string& learner) {
  return m_impl->guard("read the problem reports to send from", [&] {
    std::vector<CardEvent> out;
    SQLite::Statement st(m_impl->db,
                         std::string(kEventColumns) +
                             "FROM card_event e JOIN learner l ON l.id = e.learner_id "
                             "WHERE l.name = ?2 AND e.kind = 'report' AND NOT EXISTS "
                             "(SELECT 1 FROM lrs_report_sync x WHERE x.endpoint = ?1 AND x.event_id = e.id) "
                             "ORDER BY e.at_ms, e.id");
    st.bind(1, endpoint);
    st.bind(2, learner);
    while (st.executeStep()) out.push_back(read_event(st));
    return out;
  });
}

void Progress::set_report_sent(const std::string& endpoint, const std::string& learner, std::int64_t event_id) {
  m_impl->guard("record the sync state in", [&] {
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement st(m_impl->db,
                         "INSERT INTO lrs_report_sync (endpoint, learner_id, event_id, sent_at_ms) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (endpoint, event_id) DO NOTHING");
    st.bind(1, endpoint);
    st.bind(2, m_impl->ensure_learner(learner));
    st.bind(3, event_id);
    st.bind(4, static_cast<std::int64_t>(core::now_ms()));
    st.exec();
    tx.commit();
  });
}

}  // namespace casebook::storage
