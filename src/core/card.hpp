// A card's scheduling state and ratings, in the vocabulary of FSRS (ts-fsrs 5.4.2 `Card`).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/time.hpp"

namespace casebook::core {

/// The learner's self-assessment. Values as in ts-fsrs / Anki: Again=1 .. Easy=4.
enum class Rating : int { Again = 1, Hard = 2, Good = 3, Easy = 4 };

/// Where a card is in its life. Values as in ts-fsrs: New=0, Learning=1, Review=2, Relearning=3.
enum class CardState : int { New = 0, Learning = 1, Review = 2, Relearning = 3 };

/// True for the two step states, Learning and Relearning.
[[nodiscard]] constexpr bool is_learning(CardState s) {
  return s == CardState::Learning || s == CardState::Relearning;
}

[[nodiscard]] std::string_view to_string(Rating r);     ///< "again", "hard", "good", "easy"
[[nodiscard]] std::string_view to_string(CardState s);  ///< "new", "learning", "review", "relearning"

/// Scheduling state of one card (mirrors ts-fsrs 5.4.2 `Card`, without the deprecated
/// `elapsed_days`). Stability is in days; difficulty is on FSRS's 1..10 scale (0 while New).
struct CardSchedule {
  CardState state = CardState::New;
  double stability = 0.0;                 ///< days until R falls to 90 %
  double difficulty = 0.0;                ///< 1..10, 0 for a new card
  TimestampMs due = 0;                    ///< UTC ms when the card is next due
  std::optional<TimestampMs> last_review; ///< UTC ms of the last review, none while New
  std::int64_t scheduled_days = 0;        ///< interval granted at the last review, days
  int learning_steps = 0;                 ///< index of the current (re)learning step
  int reps = 0;                           ///< number of reviews
  int lapses = 0;                         ///< times the card was forgotten from Review

  friend bool operator==(const CardSchedule&, const CardSchedule&) = default;
};

}  // namespace casebook::core
