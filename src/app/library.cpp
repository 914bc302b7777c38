#include "app/library.hpp"

namespace casebook::app {

void Library::load(const std::vector<std::string>& paths) {
  m_loads = bank::load_banks(paths);
  m_cards.clear();
  for (std::size_t b = 0; b < m_loads.size(); ++b) {
    if (!m_loads[b].bank) continue;
    const core::Bank& bank = *m_loads[b].bank;
    for (std::size_t q = 0; q < bank.questions.size(); ++q) {
      m_cards.emplace(core::card_key(bank, bank.questions[q]), CardRef{b, q});
    }
  }
  ++m_generation;
}

const CardRef* Library::find(const std::string& card_key) const {
  const auto it = m_cards.find(card_key);
  return it == m_cards.end() ? nullptr : &it->second;
}

const core::Bank* Library::find_bank(const std::string& bank_id) const {
  for (const auto& load : m_loads) {
    if (load.bank && load.bank->info.id == bank_id) return &*load.bank;
  }
  return nullptr;
}

}  // namespace casebook::app
