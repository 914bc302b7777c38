// The feedback rows of an ordering (one per position) and a matching (one per item): each
// says what the learner put there, what belongs there and whether it is right; and the
// question a matching with open rows asks before it is submitted.
#include <gtest/gtest.h>

#include "app/card_view.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
using core::QuestionType;

namespace {

core::Question ordering() {
  core::Question q;
  q.id = "order";
  q.type = QuestionType::Ordering;
  q.prompt = "Earliest first.";
  q.items = {"Arrest", "Charge", "Trial"};
  return q;
}

core::Question matching() {
  core::Question q;
  q.id = "match";
  q.type = QuestionType::Matching;
  q.prompt = "Match.";
  q.pairs = {{"Agency", "Security service"}, {"Firm", "Private company"}, {"Court", "Judges"}};
  return q;
}

}  // namespace

TEST(RowFeedback, OrderingMarksEachPositionAndNamesWhatBelongsThere) {
  const core::Bank bank;
  const core::Question q = ordering();
  const app::CardView card = app::make_card_view(bank, q, "b/order", {2, 0, 1});
  core::Answer a;
  a.order = {0, 2, 1};  // Arrest, Trial, Charge
  const app::FeedbackView f = app::make_feedback(bank, q, card, a);
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_TRUE(f.rows[0].correct);
  EXPECT_EQ(f.rows[0].given, "Arrest");
  EXPECT_EQ(f.rows[0].item, "");
  EXPECT_FALSE(f.rows[1].correct);
  EXPECT_EQ(f.rows[1].given, "Trial");
  EXPECT_EQ(f.rows[1].expected, "Charge");
  EXPECT_FALSE(f.rows[2].correct);
  EXPECT_EQ(f.rows[2].given, "Charge");
  EXPECT_EQ(f.rows[2].expected, "Trial");
  EXPECT_TRUE(f.options.empty());
  // Two places wrong, yet 2 of the 3 pairs in order: the verdict says what the credit counts.
  EXPECT_EQ(f.verdict, "✗  Partly right  (67%: 2 of 3 pairs in order)");

  a.order = {0, 1, 2};
  const app::FeedbackView right = app::make_feedback(bank, q, card, a);
  for (const auto& r : right.rows) EXPECT_TRUE(r.correct) << r.given;
}

TEST(RowFeedback, OrderingItemsWrittenAlikeAreInterchangeable) {
  const core::Bank bank;
  core::Question q = ordering();
  q.items = {"Same", "Same", "Last"};
  const app::CardView card = app::make_card_view(bank, q, "b/order", {});
  core::Answer a;
  a.order = {1, 0, 2};
  const app::FeedbackView f = app::make_feedback(bank, q, card, a);
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_TRUE(f.rows[0].correct && f.rows[1].correct && f.rows[2].correct);
  EXPECT_TRUE(f.grade.correct);
}

TEST(RowFeedback, MatchingMarksEachItemWithTheLearnersPairAndTheRightOne) {
  const core::Bank bank;
  const core::Question q = matching();
  const app::CardView card = app::make_card_view(bank, q, "b/match", {1, 2, 0});
  core::Answer a;
  a.matches = {0, 2, -1};  // Agency right, Firm -> Judges, Court open
  const app::FeedbackView f = app::make_feedback(bank, q, card, a);
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_EQ(f.rows[0].item, "Agency");
  EXPECT_EQ(f.rows[0].given, "Security service");
  EXPECT_TRUE(f.rows[0].correct);
  EXPECT_EQ(f.rows[1].item, "Firm");
  EXPECT_EQ(f.rows[1].given, "Judges");
  EXPECT_EQ(f.rows[1].expected, "Private company");
  EXPECT_FALSE(f.rows[1].correct);
  EXPECT_EQ(f.rows[2].item, "Court");
  EXPECT_EQ(f.rows[2].given, "(no answer)");
  EXPECT_EQ(f.rows[2].expected, "Judges");
  EXPECT_FALSE(f.rows[2].correct);
}

TEST(RowFeedback, OtherTypesHaveNoRows) {
  const core::Bank bank;
  core::Question q;
  q.type = QuestionType::SingleChoice;
  q.choices = {{"A", true}, {"B", false}};
  const app::CardView card = app::make_card_view(bank, q, "b/q", {});
  core::Answer a;
  a.choices = {1};
  EXPECT_TRUE(app::make_feedback(bank, q, card, a).rows.empty());
}

TEST(UnansweredQuestion, AMatchingWithOpenRowsAsksBeforeSubmitting) {
  const core::Bank bank;
  const core::Question q = matching();
  const app::CardView card = app::make_card_view(bank, q, "b/match", {});
  core::Answer a;
  a.matches = {0, -1, -1};
  EXPECT_EQ(app::unanswered_question(card, a),
            "2 of 3 items have no option yet: an item without one counts as wrong. Submit anyway?");
  a.matches = {0, 1, -1};
  EXPECT_EQ(app::unanswered_question(card, a),
            "1 of 3 items has no option yet: an item without one counts as wrong. Submit anyway?");
  a.matches = {};
  EXPECT_EQ(app::unanswered_question(card, a).substr(0, 6), "3 of 3");
  a.matches = {0, 1, 2};
  EXPECT_EQ(app::unanswered_question(card, a), "");
  // Other types never ask (an empty ordering or choice is refused by answer_problem instead).
  const app::CardView order_card = app::make_card_view(bank, ordering(), "b/order", {});
  EXPECT_EQ(app::unanswered_question(order_card, core::Answer{}), "");
}
