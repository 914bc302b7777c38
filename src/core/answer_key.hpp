// The fingerprints of a question: of its answer key, a hash of what decides whether an answer is
// right (an edit that changes it re-keys the question: studied cards return to relearning), and
// of its wording (an edit that changes only that is a rewording: progress kept).
#pragma once
#include <string>
#include <string_view>

#include "core/question.hpp"

namespace casebook::core {

/// The fingerprint of `q`'s answer key: 16 lower-case hex digits of FNV-1a 64 (core/hash.hpp)
/// over the question type and, by type, the correct choices' texts (single choice, multiple
/// response; as a set), the truth (true/false), the accepted answers (short answer; as a
/// set), the value and tolerance or range (numeric), the items in order (ordering), the
/// pairs (matching; as a set) or the rubric criteria (dilemma; as a set). Texts are compared
/// without leading and trailing ASCII white space, in Unicode NFC (a choice saved with its
/// accent decomposed is the same answer as the precomposed one). The prompt, explanation, source,
/// topics, wrong choices, option order, unit, scenario, positions and model answer are left
/// out: editing them is a rewording. Never empty ("" means unknown in the review log).
[[nodiscard]] std::string answer_key_fingerprint(const Question& q);

/// The answer-key fingerprint as Casebook recorded it before texts were put in NFC (the
/// texts' bytes as written): equal to answer_key_fingerprint for ASCII and NFC texts. A key
/// stored in the review log that equals either is the same answer.
[[nodiscard]] std::string answer_key_fingerprint_as_written(const Question& q);

/// Whether `recorded` (a review log's answer-key fingerprint) is `q`'s answer key in either
/// form (answer_key_fingerprint, or _as_written for keys recorded before NFC; the second is
/// computed only when the first differs). False for "" (unknown).
[[nodiscard]] bool answer_key_is(const Question& q, std::string_view recorded);

/// The fingerprint of what `q` shows besides its answer key (16 hex digits of FNV-1a 64; texts
/// trimmed and in NFC, as for the answer key): the
/// prompt, explanation, every choice in order with its text, the unit, the scenario, the
/// positions, the model answer, the items' and pairs' texts and the source with its
/// paragraphs. Two versions of a question with the same answer key but another wording
/// fingerprint are a rewording.
[[nodiscard]] std::string wording_fingerprint(const Question& q);

}  // namespace casebook::core
