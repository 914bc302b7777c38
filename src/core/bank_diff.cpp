// Differences between two versions of a bank (see bank_diff.hpp).
#include "core/bank_diff.hpp"

#include <algorithm>
#include <map>

#include "core/answer_key.hpp"
#include "core/grading.hpp"

namespace casebook::core {

namespace {

std::map<std::string, const Question*> by_key(const Bank& bank) {
  std::map<std::string, const Question*> out;
  for (const Question& q : bank.questions) out.emplace(card_key(bank, q), &q);
  return out;
}

}  // namespace

std::string to_string(QuestionChange c) {
  switch (c) {
    case QuestionChange::Added: return "added";
    case QuestionChange::Retired: return "retired";
    case QuestionChange::Reworded: return "reworded";
    case QuestionChange::Rekeyed: return "re-keyed";
  }
  return "?";
}

std::vector<QuestionDiff> diff_banks(const Bank& old_bank, const Bank& new_bank) {
  const auto before = by_key(old_bank);
  const auto after = by_key(new_bank);
  std::vector<QuestionDiff> out;
  for (const auto& [key, q] : after) {
    const auto old = before.find(key);
    if (old == before.end()) {
      out.push_back({QuestionChange::Added, key, q->prompt, q->generator, "", "", ""});
      continue;
    }
    const Question& was = *old->second;
    const std::string old_prompt = was.prompt != q->prompt ? was.prompt : std::string();
    if (answer_key_fingerprint(was) != answer_key_fingerprint(*q)) {
      out.push_back({QuestionChange::Rekeyed, key, q->prompt, q->generator, old_prompt, grade(was, Answer{}).expected,
                     grade(*q, Answer{}).expected});
    } else if (wording_fingerprint(was) != wording_fingerprint(*q)) {
      out.push_back({QuestionChange::Reworded, key, q->prompt, q->generator, old_prompt, "", ""});
    }
  }
  for (const auto& [key, q] : before) {
    if (after.count(key) == 0) out.push_back({QuestionChange::Retired, key, q->prompt, q->generator, "", "", ""});
  }
  std::stable_sort(out.begin(), out.end(), [](const QuestionDiff& a, const QuestionDiff& b) {
    return static_cast<int>(a.change) < static_cast<int>(b.change);
  });
  return out;
}

}  // namespace casebook::core
