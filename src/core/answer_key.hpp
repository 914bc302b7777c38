// The fingerprint of a question's answer key: a hash of what decides whether an answer is
// right, never of the wording around it. A bank edit that changes it re-keys the question
// (studied cards return to relearning); one that keeps it is a rewording (progress kept).
#pragma once
#include <string>

#include "core/question.hpp"

namespace casebook::core {

/// The fingerprint of `q`'s answer key: 16 lower-case hex digits of FNV-1a 64 (core/hash.hpp)
/// over the question type and, by type, the correct choices' texts (single choice, multiple
/// response; as a set), the truth (true/false), the accepted answers (short answer; as a
/// set), the value and tolerance or range (numeric), the items in order (ordering), the
/// pairs (matching; as a set) or the rubric criteria (dilemma; as a set). Texts are compared
/// without leading and trailing ASCII white space. The prompt, explanation, source,
/// topics, wrong choices, option order, unit, scenario, positions and model answer are left
/// out: editing them is a rewording. Never empty ("" means unknown in the review log).
[[nodiscard]] std::string answer_key_fingerprint(const Question& q);

}  // namespace casebook::core
