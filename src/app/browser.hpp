// The Browser screen's model: every card of the loaded banks as a row (bank, topic, type,
// prompt, state, due, retrievability, lapses, flags) and as the facts the search language
// reads (core/search.hpp); searching and sorting. Shared by the window and `casebook cards`.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/views.hpp"
#include "core/search.hpp"

namespace casebook::app {

/// Every card of the loaded banks at one instant, in card-key order: rows[i] and facts[i]
/// describe the same card.
struct CardIndex {
  std::vector<BrowserRow> rows;
  std::vector<core::SearchCard> facts;
};

/// The searchable text of every card of the library, in card-key order (prompt, scenario,
/// choices, accepted answers, items, pairs, positions, model answer, explanation; folded by
/// core::fold_search_text). Costly: compute once per library generation.
[[nodiscard]] std::vector<std::string> card_texts(const Library& library);

/// The index of every card at `t` (UTC ms): states, retrievability under the card's own
/// scheduler, flags and marks from `ctx`. `texts` is card_texts(ctx.library).
[[nodiscard]] CardIndex index_cards(const AppContext& ctx, core::TimestampMs t, const std::vector<std::string>& texts);

/// Rebuilds one card's row and facts (after a card action), keeping facts.text.
void update_card(const AppContext& ctx, core::TimestampMs t, BrowserRow& row, core::SearchCard& facts);

/// Indices of the cards `search` matches (rows[i] and facts[i] are one card), sorted by
/// `column` (ties: index order; cards without a value, e.g. the due date of a new card,
/// last in either direction).
[[nodiscard]] std::vector<int> search_cards(const std::vector<BrowserRow>& rows,
                                            const std::vector<core::SearchCard>& facts, const core::Search& search,
                                            BrowserColumn column, bool descending);

/// The Browser: opened from Home, the index is built at that moment; a search runs on every
/// query change. Errors leave the previous results with BrowserView::error set.
class BrowserModel {
 public:
  explicit BrowserModel(AppContext& ctx) : m_ctx(ctx) {}

  /// Rebuilds the index at now and runs the current query again.
  void open();
  void search(const std::string& query);
  void sort(BrowserColumn column, bool descending);
  void select(const std::string& card_key);
  /// Re-reads one card after an action (its row, facts and place in the results).
  void refresh_card(const std::string& card_key);
  void set_notice(std::string notice) { m_view.notice = std::move(notice); }
  [[nodiscard]] const BrowserView& view() const { return m_view; }

 private:
  void run();
  void locate_selection();

  AppContext& m_ctx;
  BrowserView m_view;
  std::vector<core::SearchCard> m_facts;  ///< facts of m_view.rows, same order
  std::vector<std::string> m_texts;
  std::uint64_t m_texts_generation = 0;
  core::Search m_search{""};
};

}  // namespace casebook::app
