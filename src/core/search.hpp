// Card search: a query language in the spirit of Anki's browser search (words, bank:, topic:,
// type:, is:, prop:, rated:, flag:, "-" for not, "or", parentheses), parsed once into a tree
// and evaluated against plain card facts. Pure: the app layer fills SearchCard.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/card.hpp"

namespace casebook::core {

/// What a search sees of one card. Days are study days in the learner's clock.
struct SearchCard {
  std::string bank;                 ///< bank id, lower-case ASCII (patterns are lowered to match)
  std::vector<std::string> topics;  ///< topic ids, lower-case ASCII
  std::string type;                 ///< question type as in the bank ("single_choice", ...)
  std::string text;                 ///< prompt, answers and explanation folded by fold_search_text
  CardState state = CardState::New; ///< New for a card never reviewed (or reset)
  bool due = false;                 ///< would be shown today (a new card is not "due")
  bool suspended = false;
  bool buried = false;              ///< buried until tomorrow
  bool leech = false;               ///< tagged "leech"
  int flag = 0;                     ///< 0 none, 1..7 (kFlagNames)
  std::optional<double> retrievability;  ///< 0..1 now; none for a New card
  double stability = 0.0;           ///< days
  double difficulty = 0.0;          ///< 1..10
  int lapses = 0;
  int reps = 0;
  std::optional<std::int64_t> due_in_days;     ///< study days from today to due (negative: overdue); none for New
  std::optional<std::int64_t> rated_days_ago;  ///< study days since the last rating (0 = today); none if never
};

/// Flag colours 1..7 in Anki's order: red, orange, green, blue, pink, turquoise, purple.
inline constexpr std::string_view kFlagNames[8] = {"none", "red", "orange", "green", "blue", "pink", "turquoise", "purple"};
/// The flag number of a colour name or digit ("red" or "1" -> 1, "0"/"none" -> 0); nullopt otherwise.
[[nodiscard]] std::optional<int> flag_from_name(std::string_view name);

/// Text as searches compare it: Unicode NFKC, case folded, accents removed, punctuation
/// dropped, white space collapsed (core::normalize_answer_text).
[[nodiscard]] std::string fold_search_text(std::string_view text);

/// A query that does not parse. `column` is 1-based in Unicode code points of the query;
/// what() reads "column 5: ... ; <what to do>".
class SearchError : public std::runtime_error {
 public:
  SearchError(int column, const std::string& message);
  [[nodiscard]] int column() const { return m_column; }
  [[nodiscard]] const std::string& problem() const { return m_problem; }

 private:
  int m_column;
  std::string m_problem;
};

/// A parsed search. Grammar (Anki's): terms separated by spaces must all match; `or` (any
/// case) between terms matches either; `-term` negates; `( ... )` groups; `"two words"` is
/// one term. A term is a word (found anywhere in the card's text; `*` matches any run of
/// characters) or `field:value`:
///   bank:ID  topic:ID  (case-insensitive, `*` wildcards)   type:single_choice|...
///   is:new|learning|review|due|suspended|buried|leech|flagged
///   prop:r|s|d|lapses|reps|due followed by < <= > >= = != and a number
///   rated:N (rated in the last N study days, 1 = today)   flag:0..7 or a colour name
/// An empty query matches every card.
class Search {
 public:
  /// Parses `query`. Throws SearchError naming the column and what to do.
  explicit Search(std::string_view query);
  ~Search();
  Search(Search&&) noexcept;
  Search& operator=(Search&&) noexcept;

  [[nodiscard]] bool matches(const SearchCard& card) const;
  /// The tree in a canonical prefix form, e.g. (and (word "x") (not (is due))): for tests.
  [[nodiscard]] std::string describe() const;

  struct Node;

 private:
  std::unique_ptr<Node> m_root;
};

}  // namespace casebook::core
