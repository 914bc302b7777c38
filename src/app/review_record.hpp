// The one path every answer that counts for the scheduler takes (a study rating, a mock exam
// answer): the review-log row and leech flags decided inside the write transaction, then the
// caches (card state, due load, flags) brought up to date once it committed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "core/card.hpp"

namespace casebook::app {

/// One answer to record, as the front end gave it.
struct ReviewDraft {
  std::string card_key;
  core::Rating rating = core::Rating::Good;
  bool correct = false;
  std::string answer;             ///< core::describe_answer of the learner's answer
  std::int64_t response_ms = 0;   ///< from the question shown to the answer given, ms (>= 0)
};

/// The review-log row `draft` makes at `t` (UTC ms) from the card's newest stored state and
/// flags: FSRS's next state (the card's scheduler and schedule context: due load, exam plan),
/// the bank version and answer-key fingerprint, and a leech tag (and suspension, per the bank's leech action) when this
/// lapse reaches the leech threshold. Pure apart from reading `ctx`'s caches and options.
[[nodiscard]] storage::AnswerPlan plan_review(const AppContext& ctx, const ReviewDraft& draft, core::TimestampMs t,
                                              const std::optional<core::CardSchedule>& newest,
                                              const storage::CardFlags& flags);

/// After the row of `plan` was committed: the card's cached state and due load follow it to
/// its new day, its cached flags take plan.flags when it set any, and an "answer changed"
/// notice of the card is cleared.
void apply_review(AppContext& ctx, const storage::AnswerPlan& plan);

}  // namespace casebook::app
