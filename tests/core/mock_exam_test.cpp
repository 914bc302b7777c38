// core/exam.hpp: a mock exam drawn per topic (counts, no question twice, dilemmas only when
// asked, the same exam from the same seed whatever the pool's order) and its score.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "core/mock_exam.hpp"

namespace casebook::core {
namespace {

/// 6 questions of topic a (a3 also of b, a5 a dilemma), 3 of topic b, 2 of another bank.
std::vector<ExamCandidate> pool() {
  std::vector<ExamCandidate> p;
  for (int i = 0; i < 6; ++i) {
    p.push_back({"x/a" + std::to_string(i), "x", {"a"}, i == 5});
  }
  p[3].topics.push_back("b");
  for (int i = 0; i < 3; ++i) p.push_back({"x/b" + std::to_string(i), "x", {"b"}, false});
  p.push_back({"y/a0", "y", {"a"}, false});
  p.push_back({"y/a1", "y", {"a"}, false});
  return p;
}

TEST(Exam, DrawsTheCountPerTopicWithoutRepeats) {
  const std::vector<ExamTopicCount> counts{{"x", "a", 5}, {"x", "b", 4}};
  const ExamDraw d = draw_exam(pool(), counts, false, 42);
  // Topic a has 5 questions that are not dilemmas: all of them; b then has 3 left (b0-b2),
  // or 4 when a3 was not taken for a: here a takes every one, so b is one short.
  ASSERT_EQ(d.card_keys.size(), 8u);
  EXPECT_EQ(std::set<std::string>(d.card_keys.begin(), d.card_keys.end()).size(), 8u);
  std::map<std::string, int> per_topic;
  for (const auto& t : d.topics) ++per_topic[t];
  EXPECT_EQ(per_topic, (std::map<std::string, int>{{"a", 5}, {"b", 3}}));
  EXPECT_EQ(std::count(d.card_keys.begin(), d.card_keys.end(), "x/a5"), 0);  // no dilemma
  for (std::size_t i = 0; i < d.card_keys.size(); ++i) EXPECT_EQ(d.card_keys[i].substr(0, 2), "x/");
  EXPECT_EQ(d.problems, (std::vector<std::string>{"Topic `b` of bank `x`: 3 of the 4 questions asked can be drawn."}));

  // With dilemmas, a5 may be drawn.
  const ExamDraw with = draw_exam(pool(), {{"x", "a", 6}}, true, 42);
  EXPECT_EQ(with.card_keys.size(), 6u);
  EXPECT_EQ(std::count(with.card_keys.begin(), with.card_keys.end(), "x/a5"), 1);
  EXPECT_TRUE(with.problems.empty());
}

TEST(Exam, TheSameSeedGivesTheSameExamWhateverThePoolOrder) {
  const std::vector<ExamTopicCount> counts{{"x", "a", 2}, {"y", "a", 1}, {"x", "b", 2}};
  const ExamDraw first = draw_exam(pool(), counts, false, 7);
  auto shuffled = pool();
  std::mt19937 rng(3);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const ExamDraw again = draw_exam(shuffled, counts, false, 7);
  EXPECT_EQ(first.card_keys, again.card_keys);
  EXPECT_EQ(first.topics, again.topics);
  ASSERT_EQ(first.card_keys.size(), 5u);
  // Other seeds give other exams (the draw or at least the order).
  std::set<std::vector<std::string>> exams;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) exams.insert(draw_exam(pool(), counts, false, seed).card_keys);
  EXPECT_GT(exams.size(), 10u);
}

TEST(Exam, ScorePerTopicAndPassMark) {
  const std::vector<ExamMark> marks{{"a", true, true}, {"b", true, false}, {"a", false, false}, {"a", true, true}};
  const ExamScore s = score_exam(marks, 50);
  EXPECT_EQ(s.total, (ExamTally{"", 2, 4, 3}));
  EXPECT_EQ(s.by_topic, (std::vector<ExamTally>{{"a", 2, 3, 2}, {"b", 0, 1, 1}}));
  EXPECT_EQ(s.percent, 50);
  EXPECT_TRUE(s.passed);
  EXPECT_FALSE(score_exam(marks, 51).passed);
  // 2 of 3 is 66.67%: rounded half up to 67.
  EXPECT_EQ(score_exam({{"a", true, true}, {"a", true, true}, {"a", true, false}}, 67).percent, 67);
  EXPECT_TRUE(score_exam({{"a", true, true}, {"a", true, true}, {"a", true, false}}, 67).passed);
  const ExamScore empty = score_exam({}, 0);
  EXPECT_EQ(empty.percent, 0);
  EXPECT_FALSE(empty.passed);
}

}  // namespace
}  // namespace casebook::core
