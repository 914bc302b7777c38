#include "core/mock_exam.hpp"

#include <algorithm>
#include <set>

#include "core/hash.hpp"

namespace casebook::core {

namespace {

/// `keys` in the pseudo-random order of (seed, salt): sorted by splitmix64 of the seed mixed
/// with the FNV-1a of the salt and of each key, ties by key. Independent of the input order.
void shuffle_keys(std::vector<const ExamCandidate*>& items, std::uint64_t seed, std::string_view salt) {
  const std::uint64_t base = seed ^ fnv1a64(salt);
  const auto rank = [base](const ExamCandidate* c) {
    std::uint64_t state = base ^ fnv1a64(c->card_key);
    return splitmix64(state);
  };
  std::sort(items.begin(), items.end(), [&](const ExamCandidate* a, const ExamCandidate* b) {
    const auto ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a->card_key < b->card_key;
  });
}

}  // namespace

ExamDraw draw_exam(const std::vector<ExamCandidate>& pool, const std::vector<ExamTopicCount>& counts, bool dilemmas,
                   std::uint64_t seed) {
  ExamDraw draw;
  std::set<std::string> taken;
  std::vector<std::pair<const ExamCandidate*, std::string>> drawn;
  for (const ExamTopicCount& want : counts) {
    std::vector<const ExamCandidate*> eligible;
    for (const ExamCandidate& c : pool) {
      if (c.bank_id != want.bank_id || (c.dilemma && !dilemmas) || taken.count(c.card_key) > 0) continue;
      if (std::find(c.topics.begin(), c.topics.end(), want.topic) == c.topics.end()) continue;
      eligible.push_back(&c);
    }
    shuffle_keys(eligible, seed, want.bank_id + "\n" + want.topic);
    const auto n = static_cast<std::size_t>(std::max(0, want.count));
    if (eligible.size() < n) {
      draw.problems.push_back("Topic `" + want.topic + "` of bank `" + want.bank_id + "`: " +
                              std::to_string(eligible.size()) + " of the " + std::to_string(n) +
                              " questions asked can be drawn.");
    }
    for (std::size_t i = 0; i < n && i < eligible.size(); ++i) {
      taken.insert(eligible[i]->card_key);
      drawn.emplace_back(eligible[i], want.topic);
    }
  }
  std::vector<const ExamCandidate*> order;
  for (const auto& d : drawn) order.push_back(d.first);
  shuffle_keys(order, seed, "\norder");
  for (const ExamCandidate* c : order) {
    draw.card_keys.push_back(c->card_key);
    const auto it = std::find_if(drawn.begin(), drawn.end(), [c](const auto& d) { return d.first == c; });
    draw.topics.push_back(it->second);
  }
  return draw;
}

ExamScore score_exam(const std::vector<ExamMark>& marks, int pass_mark) {
  ExamScore s;
  const auto add = [](ExamTally& t, const ExamMark& m) {
    ++t.total;
    t.correct += m.correct ? 1 : 0;
    t.answered += m.answered ? 1 : 0;
  };
  for (const ExamMark& m : marks) {
    add(s.total, m);
    auto it = std::find_if(s.by_topic.begin(), s.by_topic.end(), [&](const ExamTally& t) { return t.topic == m.topic; });
    if (it == s.by_topic.end()) {
      s.by_topic.push_back(ExamTally{m.topic, 0, 0, 0});
      it = s.by_topic.end() - 1;
    }
    add(*it, m);
  }
  if (s.total.total > 0) s.percent = (s.total.correct * 200 + s.total.total) / (2 * s.total.total);
  s.passed = s.total.total > 0 && s.percent >= pass_mark;
  return s;
}

}  // namespace casebook::core
