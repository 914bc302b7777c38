// Mock exams: drawing N questions at random with a number per topic (deterministic from a
// seed, no question twice), and scoring the answers (total, pass or fail, per topic). Pure:
// the app gives the candidates, the seed and every verdict.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/question.hpp"

namespace casebook::core {

/// How many questions of one topic of one bank an exam draws.
struct ExamTopicCount {
  std::string bank_id;
  std::string topic;  ///< a [[topic]] id of that bank
  int count = 0;      ///< questions to draw, >= 1
  friend bool operator==(const ExamTopicCount&, const ExamTopicCount&) = default;
};

/// A question an exam may draw.
struct ExamCandidate {
  std::string card_key;             ///< "<bank id>/<question id>"
  std::string bank_id;
  std::vector<std::string> topics;  ///< the question's topic ids
  bool dilemma = false;
};

/// What draw_exam drew: the card keys in the order they are asked, with the topic each was
/// drawn for, and a sentence per topic that had fewer questions than asked.
struct ExamDraw {
  std::vector<std::string> card_keys;
  std::vector<std::string> topics;    ///< topics[i]: the topic card_keys[i] counts for
  std::vector<std::string> problems;  ///< "Topic `lurk` of bank `x`: 2 of the 3 questions asked exist."
};

/// Draws the exam. For each entry of `counts` in order, the candidates of that bank with that
/// topic not drawn yet (and not dilemmas unless `dilemmas`) are put in a pseudo-random order
/// (splitmix64 seeded with `seed` and the FNV-1a of each card key) and the first `count` are
/// taken; a question is never drawn twice (a question of two topics counts for the first that
/// draws it). The questions drawn are then asked in one pseudo-random order from the same
/// seed. The same pool, counts and seed always give the same exam, whatever the pool's order.
[[nodiscard]] ExamDraw draw_exam(const std::vector<ExamCandidate>& pool, const std::vector<ExamTopicCount>& counts,
                                 bool dilemmas, std::uint64_t seed);

/// One question's outcome when the exam is handed in.
struct ExamMark {
  std::string topic;
  bool answered = false;  ///< an answer was given (skipped and unanswered count as wrong)
  bool correct = false;   ///< Grade::correct of the answer (dilemmas: the learner's rubric)
};

/// The score of one topic, or of the whole exam.
struct ExamTally {
  std::string topic;  ///< empty for the whole exam
  int correct = 0;
  int total = 0;
  int answered = 0;
  friend bool operator==(const ExamTally&, const ExamTally&) = default;
};

/// The result: one mark per correct answer, no partial credit (a multiple-response or
/// matching question is right only when it is exactly right, as in the study session).
struct ExamScore {
  ExamTally total;
  std::vector<ExamTally> by_topic;  ///< in order of first appearance in `marks`
  int percent = 0;                  ///< 100 * correct / total rounded half up; 0 for an empty exam
  bool passed = false;              ///< percent >= pass_mark (and the exam has questions)
  friend bool operator==(const ExamScore&, const ExamScore&) = default;
};

/// Scores `marks` against `pass_mark` (percent, 0..100).
[[nodiscard]] ExamScore score_exam(const std::vector<ExamMark>& marks, int pass_mark);

}  // namespace casebook::core
