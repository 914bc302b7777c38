// What a new version of a bank changes question by question (`casebook diff`, issue 14):
// added, retired, reworded (same answer key, other text: progress kept) and re-keyed (another
// answer key: studied cards return to relearning) questions, generated ones included.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/answer_key.hpp"
#include "core/question.hpp"

namespace casebook::core {

/// How a question differs between two versions of a bank.
enum class QuestionChange {
  Added,     ///< only in the new version
  Retired,   ///< only in the old version (its cards are kept, no longer shown)
  Reworded,  ///< same answer key, other wording: progress kept
  Rekeyed    ///< another answer key (core::answer_key_fingerprint): studied cards relearn
};

/// "added", "retired", "reworded", "re-keyed".
[[nodiscard]] std::string to_string(QuestionChange c);

/// One changed question.
struct QuestionDiff {
  QuestionChange change = QuestionChange::Added;
  std::string card_key;   ///< "<bank id>/<question id>" (core::card_key)
  std::string prompt;     ///< the new version's prompt (the old one's when retired)
  std::string generator;  ///< the generator that made it ("" hand-written)
  /// Reworded or re-keyed: the old version's prompt when it differs from `prompt`, else "".
  std::string old_prompt;
  /// Re-keyed: the answer key in words before and after (core::grade's `expected`), e.g.
  /// "2016" -> "2015"; "" for the other changes.
  std::string old_answer, new_answer;
  /// Reworded or re-keyed: what differs, in the order "type", "prompt", "scenario", "choices", "items",
  /// "pairs", "positions", "accepted answers", "unit", "explanation", "model answer", "rubric",
  /// "source" (case fields are not compared one by one).
  std::vector<std::string> changed;
  /// Re-keyed or reworded with another question type: the types' TOML spellings before and
  /// after (core::to_string, e.g. "single_choice" -> "multiple_response"); "" when the same.
  std::string old_type, new_type;
  QuestionType type = QuestionType::SingleChoice;  ///< the new version's type (the old one's when retired)
};

/// Pairs of an added and a retired hand-written question of `diff` (diff_banks) with the same
/// prompt and type: most likely one question whose id was changed, which starts its cards
/// again from nothing (generated questions are left out: their ids follow their facts). Each
/// as (index of the added, index of the retired), in the order of the added.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> likely_renames(const std::vector<QuestionDiff>& diff);

/// The changed questions from `old_bank` to `new_bank`, by card key (so a question whose
/// bank id changed is retired and added): first the added, then the retired, the reworded
/// and the re-keyed, each in card-key order. Unchanged questions are left out.
[[nodiscard]] std::vector<QuestionDiff> diff_banks(const Bank& old_bank, const Bank& new_bank);

}  // namespace casebook::core
