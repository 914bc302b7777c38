// Progress, schema 2: stored study options (per learner and per bank) and card flags (tags
// such as "leech", suspension).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "storage/progress.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

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

namespace detail {

void write_flags(SQLite::Database& db, std::int64_t learner_id, const std::string& card_key, const CardFlags& flags) {
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

CardFlags read_flags(SQLite::Database& db, std::int64_t learner_id, const std::string& card_key) {
  SQLite::Statement st(db, "SELECT tags, suspended FROM card_flag WHERE learner_id = ? AND card_key = ?");
  st.bind(1, learner_id);
  st.bind(2, card_key);
  if (!st.executeStep()) return {};
  return CardFlags{split_tags(st.getColumn(0).getString()), st.getColumn(1).getInt() != 0};
}

}  // namespace detail

void Progress::set_card_flags(const std::string& learner, const std::string& card_key, const CardFlags& flags) {
  m_impl->guard("save card flags in", [&] {
    SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    detail::write_flags(m_impl->db, m_impl->ensure_learner(learner), card_key, flags);
    tx.commit();
  });
}

}  // namespace casebook::storage
