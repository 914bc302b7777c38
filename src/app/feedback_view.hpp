// The feedback view model: what a front end shows after an answer is submitted (verdict,
// marks per choice or per row, the expected and given answers in words, the rubric state).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/card.hpp"
#include "core/grading.hpp"

namespace casebook::app {

/// How a feedback verdict should be coloured or marked.
enum class Tone { Correct, Wrong, Neutral };

/// One choice on the feedback screen, in display order.
struct OptionFeedback {
  std::string text;
  bool correct = false;  ///< a right answer
  bool chosen = false;   ///< the learner picked it
};

/// One row of an ordering's feedback (a position) or a matching's (a left-hand item).
struct RowFeedback {
  std::string item;      ///< matching: the left-hand item; ordering: empty (the row is position k+1)
  std::string given;     ///< what the learner put there; "(no answer)" for an unanswered matching row
  std::string expected;  ///< what belongs there
  bool correct = false;  ///< given matches expected (by text, as core::grade compares)
};

/// After the answer is submitted.
struct FeedbackView {
  core::Answer answer;
  core::Grade grade;
  core::Rating selected = core::Rating::Good;  ///< proposed until the learner changes it
  std::array<std::string, 4> intervals;       ///< "1m", "10m", "3d", ... for Again..Easy
  std::string verdict;   ///< "✓ Correct", "✗ Partly right (50%)", "Self-assessment: 2 of 4 rubric lines met"
  Tone tone = Tone::Neutral;
  std::string expected;  ///< the correct answer in words (citations rendered)
  std::string given;     ///< the learner's answer in words; "(nothing)" when empty
  /// Whether to show `expected` under "Correct answer": for wrong answers and typed answers
  /// (not for dilemmas, whose model answer is shown instead).
  bool show_expected = false;
  std::vector<OptionFeedback> options;  ///< single choice and multiple response
  std::vector<RowFeedback> rows;        ///< ordering (one per position) and matching (one per item)
  std::vector<bool> rubric_met;         ///< dilemma: the ticks so far, one per rubric line
  std::vector<int> rubric_levels;       ///< dilemma as a case: level per criterion (-1: none yet)
  /// Dilemma: no rating is proposed (Rate and Continue are refused) until the learner has
  /// ticked a rubric line or skipped the rubric (SkipRubric).
  bool rubric_pending = false;
  bool rubric_skipped = false;          ///< dilemma: the learner skipped the rubric
};

}  // namespace casebook::app
