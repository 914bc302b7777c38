// Text names of ratings and card states (lower case, as stored and shown in logs).
#include "core/card.hpp"

namespace casebook::core {

std::string_view to_string(Rating r) {
  switch (r) {
    case Rating::Again: return "again";
    case Rating::Hard: return "hard";
    case Rating::Good: return "good";
    case Rating::Easy: return "easy";
  }
  return "unknown";
}

std::string_view to_string(CardState s) {
  switch (s) {
    case CardState::New: return "new";
    case CardState::Learning: return "learning";
    case CardState::Review: return "review";
    case CardState::Relearning: return "relearning";
  }
  return "unknown";
}

}  // namespace casebook::core
