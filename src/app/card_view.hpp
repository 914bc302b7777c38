// The card and feedback view models: a question rendered for display (citations, display
// order of options, verdict in words), so that every front end shows the same thing and
// none needs core::Question.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app/views.hpp"
#include "core/grading.hpp"
#include "core/question.hpp"

namespace casebook::app {

/// The card view of question `q` of `bank` (key `card_key`). `display_order[k]` is the
/// canonical index shown at position k (for choices, ordering items or right-hand sides;
/// ignored for the other types, and identity when empty). Session counters are left 0.
[[nodiscard]] CardView make_card_view(const core::Bank& bank, const core::Question& q, const std::string& card_key,
                                      const std::vector<int>& display_order);

/// The position of `q` whose id is `id` (a case's model answer names its position by id), or
/// nullptr when `q` has none such.
[[nodiscard]] const core::Position* find_position(const core::Question& q, std::string_view id);

/// The feedback on `answer` to question `q` as shown on `card`: grade, verdict, expected and
/// given answers in words (citations rendered), marks per choice, and per row of an ordering
/// or a matching. `selected` and `intervals` are left for the caller.
[[nodiscard]] FeedbackView make_feedback(const core::Bank& bank, const core::Question& q, const CardView& card,
                                         const core::Answer& answer);

/// Why `answer` cannot be submitted for `card` yet, in one sentence for the learner; empty
/// when it can. Refused: no choice made (single choice, multiple response, true/false), no
/// position (dilemma), a numeric answer that is not a number (an empty one is "I don't
/// know" and may be submitted; see core::parse_learner_number). Typed answers may be empty.
[[nodiscard]] std::string answer_problem(const CardView& card, const core::Answer& answer);

/// The question to ask before submitting `answer` with items left open, in one sentence
/// for the learner ("2 of 4 items have no option yet: ... Submit anyway?"); empty when
/// nothing is open. Only a matching asks: an unpaired item is graded wrong, and may be
/// submitted so once the learner confirms.
[[nodiscard]] std::string unanswered_question(const CardView& card, const core::Answer& answer);

/// How many numbered options a card offers: choices, items, pairs, positions; 2 for
/// true/false; 0 for typed answers.
[[nodiscard]] int option_count(const CardView& card);

}  // namespace casebook::app
