// Differences between two versions of a bank (see bank_diff.hpp).
#include "core/bank_diff.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "core/answer_key.hpp"
#include "core/grading.hpp"

namespace casebook::core {

namespace {

std::map<std::string, const Question*> by_key(const Bank& bank) {
  std::map<std::string, const Question*> out;
  for (const Question& q : bank.questions) out.emplace(card_key(bank, q), &q);
  return out;
}

/// The parts of a question that differ between `a` and `b` (QuestionDiff::changed).
std::vector<std::string> changed_parts(const Question& a, const Question& b) {
  const auto texts = [](const auto& list, auto text) {
    std::vector<std::string> out;
    for (const auto& x : list) out.push_back(text(x));
    return out;
  };
  const auto choice = [](const Choice& c) { return c.text + (c.correct ? "\x1f" "1" : "\x1f" "0"); };
  const auto pair = [](const MatchPair& p) { return p.left + "\x1f" + p.right; };
  const auto position = [](const Position& p) {
    std::string s = p.id + "\x1f" + p.title;
    for (const std::string& arg : p.arguments) s += "\x1f" + arg;
    return s;
  };
  std::vector<std::string> out;
  const auto note = [&](bool differs, const char* what) {
    if (differs) out.emplace_back(what);
  };
  note(a.type != b.type, "type");
  note(a.prompt != b.prompt, "prompt");
  note(a.scenario != b.scenario, "scenario");
  note(texts(a.choices, choice) != texts(b.choices, choice), "choices");
  note(a.items != b.items, "items");
  note(texts(a.pairs, pair) != texts(b.pairs, pair), "pairs");
  note(texts(a.positions, position) != texts(b.positions, position), "positions");
  note(a.accepted != b.accepted, "accepted answers");
  note(a.unit != b.unit, "unit");
  note(a.explanation != b.explanation, "explanation");
  note(a.model_answer != b.model_answer, "model answer");
  note(a.rubric != b.rubric, "rubric");
  note(a.source.source_id != b.source.source_id || a.source.paragraphs != b.source.paragraphs, "source");
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
      out.push_back({QuestionChange::Added, key, q->prompt, q->generator, "", "", "", {}, "", "", q->type});
      continue;
    }
    const Question& was = *old->second;
    const std::string old_prompt = was.prompt != q->prompt ? was.prompt : std::string();
    if (answer_key_fingerprint(was) != answer_key_fingerprint(*q)) {
      out.push_back({QuestionChange::Rekeyed, key, q->prompt, q->generator, old_prompt, grade(was, Answer{}).expected,
                     grade(*q, Answer{}).expected, changed_parts(was, *q), "", ""});
    } else if (wording_fingerprint(was) != wording_fingerprint(*q)) {
      out.push_back({QuestionChange::Reworded, key, q->prompt, q->generator, old_prompt, "", "", changed_parts(was, *q), "", ""});
    } else {
      continue;
    }
    out.back().type = q->type;
    if (was.type != q->type) {
      out.back().old_type = to_string(was.type);
      out.back().new_type = to_string(q->type);
    }
  }
  for (const auto& [key, q] : before) {
    if (after.count(key) == 0) out.push_back({QuestionChange::Retired, key, q->prompt, q->generator, "", "", "", {}, "", "", q->type});
  }
  std::stable_sort(out.begin(), out.end(), [](const QuestionDiff& a, const QuestionDiff& b) {
    return static_cast<int>(a.change) < static_cast<int>(b.change);
  });
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> likely_renames(const std::vector<QuestionDiff>& diff) {
  // Hand-written questions only: a generated question's id follows its facts, and many share
  // one prompt ("Which of these events came first?"). Retired ones by prompt and type.
  std::multimap<std::pair<std::string_view, QuestionType>, std::size_t> retired;
  for (std::size_t i = 0; i < diff.size(); ++i) {
    if (diff[i].change != QuestionChange::Retired || !diff[i].generator.empty()) continue;
    retired.emplace(std::pair(std::string_view(diff[i].prompt), diff[i].type), i);
  }
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < diff.size() && !retired.empty(); ++i) {
    if (diff[i].change != QuestionChange::Added || !diff[i].generator.empty()) continue;
    const auto it = retired.find(std::pair(std::string_view(diff[i].prompt), diff[i].type));
    if (it == retired.end()) continue;
    out.emplace_back(i, it->second);
    retired.erase(it);  // each retired question pairs once
  }
  return out;
}

}  // namespace casebook::core
