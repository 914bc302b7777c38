// core/answer_key.hpp: for every question type, an edit of the wording keeps the fingerprint
// and an edit of what decides right or wrong changes it.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "core/answer_key.hpp"
#include "core/hash.hpp"

namespace casebook::core {
namespace {

Question base(QuestionType type) {
  Question q;
  q.id = "q1";
  q.type = type;
  q.prompt = "Which one?";
  q.explanation = "Because the source says so.";
  q.topics = {"t1"};
  return q;
}

/// Edits every piece of wording a question has (never its answer key).
Question reworded(Question q) {
  q.prompt += " (reworded)";
  q.explanation = "A clearer explanation.";
  q.topics = {"t2"};
  q.source.paragraphs = {3};
  q.unit = q.unit.empty() ? std::string() : q.unit + "s";
  q.scenario += " More detail.";
  q.model_answer += " Also this.";
  return q;
}

TEST(AnswerKey, IsSixteenHexDigitsOfFnv1a) {
  Question q = base(QuestionType::TrueFalse);
  q.truth = true;
  const std::string fp = answer_key_fingerprint(q);
  ASSERT_EQ(fp.size(), 16U);
  EXPECT_EQ(fp.find_first_not_of("0123456789abcdef"), std::string::npos);
  // The type, then the truth, each as "<length>:<text>".
  const std::uint64_t h = fnv1a64("4:true", fnv1a64("10:true_false"));
  char expected[17];
  std::snprintf(expected, sizeof expected, "%016llx", static_cast<unsigned long long>(h));
  EXPECT_EQ(fp, expected);
}

TEST(AnswerKey, AccentsComposedOrDecomposedAreTheSameAnswer) {
  Question q = base(QuestionType::SingleChoice);
  q.choices = {{"Caf\u00e9 Lubyanka", true}, {"Other", false}};  // precomposed é (NFC)
  Question d = q;
  d.choices[0].text = "Cafe\u0301 Lubyanka";  // e + combining acute: looks the same
  EXPECT_EQ(answer_key_fingerprint(d), answer_key_fingerprint(q));
  EXPECT_EQ(wording_fingerprint(d), wording_fingerprint(q));
  // As written (the fingerprint recorded before keys were in NFC): the bytes decide.
  EXPECT_EQ(answer_key_fingerprint_as_written(q), answer_key_fingerprint(q));
  EXPECT_NE(answer_key_fingerprint_as_written(d), answer_key_fingerprint(d));
  const std::uint64_t h = fnv1a64("15:Cafe\u0301 Lubyanka", fnv1a64("1:1", fnv1a64("13:single_choice")));
  char expected[17];
  std::snprintf(expected, sizeof expected, "%016llx", static_cast<unsigned long long>(h));
  EXPECT_EQ(answer_key_fingerprint_as_written(d), expected);
  Question other = q;
  other.choices[0].text = "Cafe Lubyanka";  // no accent: another answer
  EXPECT_NE(answer_key_fingerprint(other), answer_key_fingerprint(q));
  // A recorded key is the question's in either form; "" (unknown) never is.
  EXPECT_TRUE(answer_key_is(d, answer_key_fingerprint(d)));
  EXPECT_TRUE(answer_key_is(d, expected));
  EXPECT_FALSE(answer_key_is(d, answer_key_fingerprint(other)));
  EXPECT_FALSE(answer_key_is(other, expected));
  EXPECT_FALSE(answer_key_is(d, ""));
}

TEST(AnswerKey, SingleChoice) {
  Question q = base(QuestionType::SingleChoice);
  q.choices = {{"Moscow", true}, {"Kyiv", false}, {"Minsk", false}};
  const std::string fp = answer_key_fingerprint(q);
  Question w = reworded(q);
  w.choices = {{"Minsk", false}, {"  Moscow ", true}, {"Warsaw", false}};  // order, spaces, a distractor
  EXPECT_EQ(answer_key_fingerprint(w), fp);
  Question k = q;
  k.choices[0].correct = false;
  k.choices[1].correct = true;
  EXPECT_NE(answer_key_fingerprint(k), fp);
  k = q;
  k.choices[0].text = "Saint Petersburg";
  EXPECT_NE(answer_key_fingerprint(k), fp);
  k = q;
  k.type = QuestionType::MultipleResponse;  // same choices, another rule
  EXPECT_NE(answer_key_fingerprint(k), fp);
}

TEST(AnswerKey, MultipleResponse) {
  Question q = base(QuestionType::MultipleResponse);
  q.choices = {{"A", true}, {"B", true}, {"C", false}};
  const std::string fp = answer_key_fingerprint(q);
  Question w = reworded(q);
  w.choices = {{"C", false}, {"B", true}, {"A", true}};
  EXPECT_EQ(answer_key_fingerprint(w), fp);
  Question k = q;
  k.choices[2].correct = true;
  EXPECT_NE(answer_key_fingerprint(k), fp);
}

TEST(AnswerKey, TrueFalse) {
  Question q = base(QuestionType::TrueFalse);
  q.truth = false;
  const std::string fp = answer_key_fingerprint(q);
  EXPECT_EQ(answer_key_fingerprint(reworded(q)), fp);
  q.truth = true;
  EXPECT_NE(answer_key_fingerprint(q), fp);
}

TEST(AnswerKey, ShortAnswer) {
  Question q = base(QuestionType::ShortAnswer);
  q.accepted = {"Article 20.2", "art. 20.2"};
  const std::string fp = answer_key_fingerprint(q);
  Question w = reworded(q);
  w.accepted = {"art. 20.2", "Article 20.2 "};
  EXPECT_EQ(answer_key_fingerprint(w), fp);
  Question k = q;
  k.accepted.push_back("20.2");
  EXPECT_NE(answer_key_fingerprint(k), fp);
  k = q;
  k.accepted = {"Article 20.3", "art. 20.3"};
  EXPECT_NE(answer_key_fingerprint(k), fp);
}

TEST(AnswerKey, Numeric) {
  Question q = base(QuestionType::Numeric);
  q.value = 300;
  q.tolerance = 10;
  q.unit = "person";
  const std::string fp = answer_key_fingerprint(q);
  EXPECT_EQ(answer_key_fingerprint(reworded(q)), fp);  // the unit's spelling too
  Question k = q;
  k.value = 500;
  EXPECT_NE(answer_key_fingerprint(k), fp);
  k = q;
  k.tolerance = 0;
  EXPECT_NE(answer_key_fingerprint(k), fp);
  k = q;
  k.min = 290;
  k.max = 310;
  const std::string range = answer_key_fingerprint(k);
  EXPECT_NE(range, fp);
  k.max = 320;
  EXPECT_NE(answer_key_fingerprint(k), range);
}

TEST(AnswerKey, Ordering) {
  Question q = base(QuestionType::Ordering);
  q.items = {"arrest", "charge", "trial"};
  const std::string fp = answer_key_fingerprint(q);
  EXPECT_EQ(answer_key_fingerprint(reworded(q)), fp);
  Question k = q;
  std::swap(k.items[1], k.items[2]);
  EXPECT_NE(answer_key_fingerprint(k), fp);
  k = q;
  k.items.push_back("appeal");
  EXPECT_NE(answer_key_fingerprint(k), fp);
}

TEST(AnswerKey, Matching) {
  Question q = base(QuestionType::Matching);
  q.pairs = {{"FSB", "security"}, {"MVD", "police"}};
  const std::string fp = answer_key_fingerprint(q);
  Question w = reworded(q);
  w.pairs = {{"MVD", "police"}, {"FSB", "security"}};
  EXPECT_EQ(answer_key_fingerprint(w), fp);
  Question k = q;
  k.pairs = {{"FSB", "police"}, {"MVD", "security"}};
  EXPECT_NE(answer_key_fingerprint(k), fp);
}

TEST(AnswerKey, DilemmaUsesTheRubric) {
  Question q = base(QuestionType::Dilemma);
  q.scenario = "An officer is told to disperse a lawful assembly.";
  q.positions = {{"comply", "Comply", {"orders"}}, {"refuse", "Refuse", {"the law"}}};
  q.rubric = {"Names the law", "Weighs the risk"};
  q.model_answer = "Refuse.";
  const std::string fp = answer_key_fingerprint(q);
  Question w = reworded(q);
  w.positions[0].title = "Obey";
  w.rubric = {"Weighs the risk", "Names the law"};
  EXPECT_EQ(answer_key_fingerprint(w), fp);
  Question k = q;
  k.rubric.push_back("Cites the source");
  EXPECT_NE(answer_key_fingerprint(k), fp);
}

TEST(AnswerKey, TextBoundariesCount) {
  Question a = base(QuestionType::Ordering);
  a.items = {"ab", "c"};
  Question b = a;
  b.items = {"a", "bc"};
  EXPECT_NE(answer_key_fingerprint(a), answer_key_fingerprint(b));
}

}  // namespace
}  // namespace casebook::core

namespace casebook::core {
namespace {

TEST(WordingFingerprint, ChangesWithTheWordingNotWithSpacesAtTheEnds) {
  Question q = base(QuestionType::SingleChoice);
  q.choices = {{"Moscow", true}, {"Kyiv", false}};
  const std::string fp = wording_fingerprint(q);
  EXPECT_EQ(fp.size(), 16U);
  Question same = q;
  same.prompt = "  " + q.prompt + " ";
  EXPECT_EQ(wording_fingerprint(same), fp);
  EXPECT_NE(wording_fingerprint(reworded(q)), fp);
  Question order = q;
  std::swap(order.choices[0], order.choices[1]);  // the order shown: a rewording, not a re-keying
  EXPECT_NE(wording_fingerprint(order), fp);
  EXPECT_EQ(answer_key_fingerprint(order), answer_key_fingerprint(q));
}

}  // namespace
}  // namespace casebook::core
