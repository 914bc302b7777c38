// The loaded banks and an index from card key to question: what every part of the app reads
// bank content through. Reloading replaces both and bumps a generation number (the GUI
// re-bakes its font atlas when it changes).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "bank/loader.hpp"
#include "core/question.hpp"

namespace casebook::app {

/// Where a card's question lives.
struct CardRef {
  std::size_t bank = 0;      ///< index into Library::loads()
  std::size_t question = 0;  ///< index into that bank's questions
};

class Library {
 public:
  /// Loads every bank under `paths` (bank::load_banks); never throws for bad content.
  void load(const std::vector<std::string>& paths);

  /// Every bank file read, in path order, loaded or not (with its diagnostics).
  [[nodiscard]] const std::vector<bank::LoadResult>& loads() const { return m_loads; }
  /// Card key -> question, for every question of every loaded bank.
  [[nodiscard]] const std::map<std::string, CardRef>& cards() const { return m_cards; }
  /// The card's location, or nullptr when no loaded bank has it (a retired card).
  [[nodiscard]] const CardRef* find(const std::string& card_key) const;
  [[nodiscard]] const core::Bank& bank(const CardRef& r) const { return *m_loads[r.bank].bank; }
  [[nodiscard]] const core::Question& question(const CardRef& r) const { return bank(r).questions[r.question]; }
  /// The loaded bank with this id, or nullptr.
  [[nodiscard]] const core::Bank* find_bank(const std::string& bank_id) const;
  /// Bumped by every load(): 1 after the first.
  [[nodiscard]] std::uint64_t generation() const { return m_generation; }

 private:
  std::vector<bank::LoadResult> m_loads;
  std::map<std::string, CardRef> m_cards;
  std::uint64_t m_generation = 0;
};

}  // namespace casebook::app
