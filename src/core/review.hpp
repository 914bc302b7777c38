// One row of the review log: what was answered, how it was rated, and the card before/after.
#pragma once
#include <cstdint>
#include <string>

#include "core/card.hpp"
#include "core/time.hpp"

namespace casebook::core {

/// One answered card: an append-only row of the review log (Anki "revlog").
struct ReviewRecord {
  std::int64_t id = 0;              ///< assigned by storage (ignored on insert)
  std::string learner;
  std::string card_key;             ///< "<bank id>/<question id>"
  TimestampMs reviewed_at = 0;      ///< UTC ms
  Rating rating = Rating::Good;
  bool correct = false;
  std::string answer;               ///< the answer given, as text (core::describe_answer)
  std::int64_t response_ms = 0;     ///< ms from showing the question to submitting the answer
  CardSchedule before;
  CardSchedule after;
  /// The version of the card's bank (its `[bank] version`) when the answer was given; "" when
  /// unknown (answers recorded before schema 7, or a bank without a version).
  std::string bank_version;
  /// The fingerprint of the question's answer key when the answer was given
  /// (core::answer_key_fingerprint); "" when unknown (answers recorded before schema 9).
  std::string answer_key;

  friend bool operator==(const ReviewRecord&, const ReviewRecord&) = default;
};

}  // namespace casebook::core
