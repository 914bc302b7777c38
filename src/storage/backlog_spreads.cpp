// Progress, schema 3: backlog spreads (a learner's choice to spread overdue reviews over N
// days) and the new cards of a day by key (for an exam plan's pace).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>

#include "storage/progress.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

std::vector<std::string> Progress::new_card_keys(const std::string& learner, core::TimestampMs from,
                                                 core::TimestampMs to) {
  std::vector<std::string> out;
  for (auto& [key, at] : new_cards_introduced(learner, from, to)) out.push_back(std::move(key));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<std::string, core::TimestampMs>> Progress::new_cards_introduced(const std::string& learner,
                                                                                    core::TimestampMs from,
                                                                                    core::TimestampMs to) {
  return m_impl->guard("read today's new cards from", [&] {
    SQLite::Statement st(m_impl->db,
                         "SELECT r.card_key, min(r.reviewed_at_ms) AS at FROM review_log r "
                         "JOIN learner l ON l.id = r.learner_id "
                         "WHERE l.name = ? AND r.state_before = 0 AND r.reviewed_at_ms >= ? AND r.reviewed_at_ms < ? "
                         "AND r.id NOT IN (SELECT review_id FROM review_void) GROUP BY r.card_key ORDER BY at, r.card_key");
    st.bind(1, learner);
    st.bind(2, static_cast<std::int64_t>(from));
    st.bind(3, static_cast<std::int64_t>(to));
    std::vector<std::pair<std::string, core::TimestampMs>> out;
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getInt64());
    return out;
  });
}

std::int64_t Progress::add_backlog_spread(const std::string& learner, const core::BacklogSpread& spread) {
  const auto first = core::day_of_iso_date(core::iso_date_of_day(spread.first_day));
  if (!first || *first != spread.first_day) {
    throw StorageError("Cannot record a backlog spread starting on day " + std::to_string(spread.first_day) +
                       " in the " + describe_path(m_impl->path) + ": not a date from 0001 to 9999.");
  }
  return m_impl->guard("record a backlog spread in", [&] {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t learner_id = m_impl->ensure_learner(learner);
    SQLite::Statement ins(db,
                          "INSERT INTO backlog_spread (learner_id, created_at_ms, first_date, days, cards, overdue, "
                          "pause_new) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, learner_id);
    ins.bind(2, static_cast<std::int64_t>(spread.created_at));
    ins.bind(3, core::iso_date_of_day(spread.first_day));
    ins.bind(4, spread.days);
    ins.bind(5, static_cast<int>(spread.cards.size()));
    ins.bind(6, spread.overdue);
    ins.bind(7, spread.pause_new ? 1 : 0);
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();
    SQLite::Statement card(db, "INSERT INTO backlog_spread_card (spread_id, card_key, day_offset) VALUES (?, ?, ?)");
    for (const core::BacklogAssignment& a : spread.cards) {
      card.bind(1, id);
      card.bind(2, a.card_key);
      card.bind(3, a.day_offset);
      card.exec();
      card.reset();
    }
    tx.commit();
    return id;
  });
}

std::vector<core::BacklogSpread> Progress::backlog_spreads(const std::string& learner) {
  return m_impl->guard("read backlog spreads from", [&] {
    std::vector<core::BacklogSpread> out;
    std::map<std::int64_t, std::size_t> index;  // id -> position in out
    SQLite::Statement st(m_impl->db,
                         "SELECT s.id, s.created_at_ms, s.first_date, s.days, s.overdue, s.pause_new "
                         "FROM backlog_spread s JOIN learner l ON l.id = s.learner_id WHERE l.name = ? "
                         "ORDER BY s.created_at_ms, s.id");
    st.bind(1, learner);
    while (st.executeStep()) {
      core::BacklogSpread s;
      s.id = st.getColumn(0).getInt64();
      s.created_at = st.getColumn(1).getInt64();
      s.first_day = core::day_of_iso_date(st.getColumn(2).getString()).value_or(0);
      s.days = st.getColumn(3).getInt();
      s.overdue = st.getColumn(4).getInt();
      s.pause_new = st.getColumn(5).getInt() != 0;
      index[s.id] = out.size();
      out.push_back(std::move(s));
    }
    SQLite::Statement cards(m_impl->db,
                            "SELECT c.spread_id, c.card_key, c.day_offset FROM backlog_spread_card c "
                            "JOIN backlog_spread s ON s.id = c.spread_id JOIN learner l ON l.id = s.learner_id "
                            "WHERE l.name = ? ORDER BY c.spread_id, c.day_offset, c.card_key");
    cards.bind(1, learner);
    while (cards.executeStep()) {
      const auto it = index.find(cards.getColumn(0).getInt64());
      if (it == index.end()) continue;
      out[it->second].cards.push_back({cards.getColumn(1).getString(), cards.getColumn(2).getInt()});
    }
    return out;
  });
}

}  // namespace casebook::storage
