// Answer checking: what the learner gave, whether it is right, and the rating it suggests.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/card.hpp"
#include "core/question.hpp"

namespace casebook::core {

/// What a learner answered. Indices refer to the question's canonical order (choices,
/// items, pairs), never to the shuffled order shown on screen.
struct Answer {
  std::vector<int> choices;        ///< single_choice (one index), multiple_response (any)
  std::optional<bool> truth;       ///< true_false
  std::string text;                ///< short_answer, numeric (as typed), dilemma justification
  std::vector<int> order;          ///< ordering: item indices in the order the learner put them
  std::vector<int> matches;        ///< matching: matches[i] = index of the right side given for left i (-1 none)
  int position = -1;               ///< dilemma: index of the position the learner committed to
  std::vector<bool> rubric_met;    ///< dilemma: self-assessment, one flag per rubric line
  /// dilemma: the learner skipped the self-assessment (no evidence either way: not counted
  /// correct, Good proposed; the review log says "rubric skipped").
  bool rubric_skipped = false;
  /// dilemma written as a case with criteria: the level chosen per criterion (-1: none yet);
  /// a criterion counts as met (rubric_met) from the middle level up (2 of 0-3).
  std::vector<int> rubric_levels;
};

/// The verdict on one answer.
struct Grade {
  bool correct = false;     ///< dilemma: true when at least half the rubric is met
  double score = 0.0;       ///< 0..1 (partial credit for multiple response, ordering, matching, rubric)
  Rating proposed = Rating::Again;  ///< wrong: Again; right: Good (dilemma: from the rubric)
  std::string expected;     ///< the correct answer in words, for feedback
};

/// Grades `answer` against `q`. Never throws; an empty or malformed answer is wrong.
[[nodiscard]] Grade grade(const Question& q, const Answer& answer);

/// Folds text for comparing short answers: Unicode NFKC, case folding, accents (combining
/// marks) removed, punctuation dropped, runs of white space collapsed, trimmed (utf8proc 2.8).
/// Invalid UTF-8 bytes are dropped.
[[nodiscard]] std::string normalize_answer_text(std::string_view text);

/// Parses a number as a learner types it (after NFKC): optional sign (also U+2212) and
/// currency symbol, digits with thousands separators (comma, space, no-break or thin space;
/// groups of 3) and a decimal point or comma ("1,700" = 1700, "45,5" = 45.5, "1.234,5"),
/// then optional unit words without digits ("50 people", "50%"). A scale word multiplies
/// ("1.7 thousand", "2 million", "50k"). nullopt for "fifty", "1e6", "50 to 60", "12 34".
/// Rules in docs/bank-format.md, "How answers are graded".
[[nodiscard]] std::optional<double> parse_learner_number(std::string_view text);

/// A one-line, human-readable rendering of `answer` for the review log and reports
/// (choice texts, "true"/"false", the typed text, the order given, the position taken).
/// Always valid UTF-8 (bad bytes become U+FFFD). Bank texts (choices, items, positions) are
/// put on one line; what the learner typed is kept whole, with its line breaks (as LF).
/// Dilemma: "position: <title>; rubric <k>/<n> met; justification: <text>" ("rubric skipped"
/// when the learner skipped it; no justification part when none was typed). With levels:
/// "; levels 2/3 0/3 -/3" after the rubric count (- = not assessed).
[[nodiscard]] std::string describe_answer(const Question& q, const Answer& answer);

/// A dilemma answer as the learner wrote it, for the feedback's "Your answer" (the rubric is
/// assessed below it, so it is left out): "Position: <title>" and, when one was typed,
/// "\nJustification: <text>" (line breaks kept). "Position: (none)" when none was chosen.
[[nodiscard]] std::string describe_dilemma_choice(const Question& q, const Answer& answer);

/// A dilemma answer read back from its describe_answer text, to revise it when the card
/// returns.
struct DilemmaDraft {
  int position = -1;          ///< index into q.positions; -1 when the title is no longer one of them
  std::string justification;  ///< as typed (LF line breaks); empty when none
};
/// The inverse of describe_answer for a dilemma (a text of another shape gives an empty draft).
[[nodiscard]] DilemmaDraft dilemma_draft(const Question& q, std::string_view described);

/// True when `described`, a dilemma answer's describe_answer text, says the learner skipped
/// the rubric ("position: <title>; rubric skipped..."): a review with no self-assessment,
/// recorded as not correct but not a wrong answer either. False for any other text.
[[nodiscard]] bool rubric_skipped(std::string_view described);

}  // namespace casebook::core
