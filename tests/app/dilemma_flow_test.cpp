// Dilemmas in the study flow (issue 11): no rating until the rubric is ticked or skipped, no
// same-day learning steps by default (exact next due on a fixed clock), and the learner's
// last justification back in the box when the card returns, also after a restart, and the
// answer taken back in the box after an undo.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/controller.hpp"
#include "app/study_text.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;
using core::Rating;

namespace {

constexpr core::TimestampMs kDay = 86'400'000;

using Fixture = casebook::test::AppFiles;

/// Starts a session and rates the 7 cards before the bank's dilemma Easy: the dilemma is on
/// screen, answering.
void to_the_dilemma(app::Controller& c, Fixture& f) {
  c.dispatch(app::StartSession{});
  for (int i = 0; i < 7; ++i) {
    *f.now += 2000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
    c.dispatch(app::Rate{Rating::Easy});
  }
  ASSERT_EQ(c.screen(), app::Screen::Study);
  ASSERT_EQ(c.study()->card.card_key, "test-small/q8-dilemma");
}

/// The GUI's answer: a position and a justification, no ticks yet.
core::Answer typed_answer(const std::string& justification) {
  core::Answer a;
  a.position = 1;
  a.text = justification;
  a.rubric_met.assign(3, false);
  return a;
}

}  // namespace

TEST(DilemmaFlow, NoRatingUntilTheRubricIsTickedOrSkipped) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  to_the_dilemma(c, f);
  c.dispatch(app::SubmitAnswer{typed_answer("It may expose sources.")});
  ASSERT_TRUE(c.study()->feedback.has_value());
  EXPECT_TRUE(c.study()->feedback->rubric_pending);
  EXPECT_EQ(c.study()->feedback->verdict, "Self-assessment: tick what your justification did, or skip the rubric");
  // Rating is refused, and so is choosing one; nothing reaches the log.
  c.dispatch(app::Rate{Rating::Good});
  c.dispatch(app::Continue{});
  c.dispatch(app::SelectRating{Rating::Easy});
  ASSERT_TRUE(c.study()->feedback.has_value());
  EXPECT_EQ(c.message(), "Assess your justification first: tick the rubric lines it met, or skip the rubric.");
  EXPECT_NE(c.study()->feedback->selected, Rating::Easy);
  {
    storage::Progress p(f.db);
    EXPECT_EQ(p.review_log("alice").size(), 7u);
  }
  // "Your answer" is what was written; the rubric, assessed below it, is not repeated there.
  EXPECT_EQ(c.study()->feedback->given, "Position: Withhold it\nJustification: It may expose sources.");
  // Skipping opens the ratings (Good proposed) and the log says it was skipped.
  c.dispatch(app::SkipRubric{});
  const app::FeedbackView& fb = *c.study()->feedback;
  EXPECT_FALSE(fb.rubric_pending);
  EXPECT_TRUE(fb.rubric_skipped);
  EXPECT_EQ(fb.selected, Rating::Good);
  EXPECT_EQ(fb.verdict, "Self-assessment skipped: rate your reasoning yourself");
  c.dispatch(app::Rate{Rating::Hard});
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 8u);
  EXPECT_EQ(log.back().rating, Rating::Hard);
  EXPECT_FALSE(log.back().correct);
  EXPECT_EQ(log.back().answer, "position: Withhold it; rubric skipped; justification: It may expose sources.");
  // Card info shows no verdict for it: not counted correct, yet no wrong answer either.
  c.dispatch(app::LeaveSession{});
  // The summary says why "Answered correctly" has none.
  EXPECT_EQ(c.summary().not_assessed, 1);
  EXPECT_EQ(app::correct_text(c.summary()), "7 (88%); 1 dilemma not assessed (rubric skipped)");  // 7 cards before it
  c.dispatch(app::GoHome{});
  c.dispatch(app::Navigate{app::Screen::Browser});
  c.dispatch(app::OpenCardInfo{"test-small/q8-dilemma"});
  ASSERT_EQ(c.screen(), app::Screen::CardInfo);
  ASSERT_EQ(c.card_info().history.size(), 1u);
  EXPECT_EQ(c.card_info().history[0].result, "not assessed");
  EXPECT_EQ(c.card_info().history[0].rating, "hard");
  // The answer part shows the model answer; the rubric has a part of its own.
  EXPECT_EQ(c.card_info().answer, "A balanced answer.");
  EXPECT_EQ(c.card_info().rubric, "- Names the risk\n- Weighs the benefit\n- Reaches a conclusion");
}

TEST(DilemmaFlow, CardInfoOfACaseShowsItsModelAnswersAndCriteria) {
  Fixture f;
  const std::string bank = std::string(CASEBOOK_SOURCE_DIR) + "/tests/bank/data/valid/case-dilemma.toml";
  app::Controller c(test_config(f.db, f.now, {bank}));
  c.dispatch(app::Navigate{app::Screen::Browser});
  c.dispatch(app::OpenCardInfo{"case-valid/share"});
  ASSERT_EQ(c.screen(), app::Screen::CardInfo);
  EXPECT_EQ(c.card_info().answer, "Share it: Share, narrowly.\nKeep it: Keep it.");
  EXPECT_EQ(c.card_info().rubric, "- Weighs the help\n- Protects sources");
}

TEST(DilemmaFlow, ATickOpensTheRatingsWithTheRubricsProposal) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  to_the_dilemma(c, f);
  c.dispatch(app::SubmitAnswer{typed_answer("x")});
  c.dispatch(app::SetRubric{0, true});
  c.dispatch(app::SetRubric{0, false});  // unticked again: still assessed (nothing met)
  ASSERT_TRUE(c.study()->feedback.has_value());
  EXPECT_FALSE(c.study()->feedback->rubric_pending);
  EXPECT_EQ(c.study()->feedback->selected, Rating::Again);
  EXPECT_EQ(c.study()->feedback->verdict, "Self-assessment: 0 of 3 rubric lines met");
  c.dispatch(app::Continue{});
  EXPECT_EQ(c.screen(), app::Screen::Summary);
}

TEST(DilemmaFlow, NoSameDayLearningStepsByDefault) {
  Fixture f;
  app::Controller c(test_config(f.db, f.now));
  to_the_dilemma(c, f);
  const core::TimestampMs t = *f.now;
  c.dispatch(app::SubmitAnswer{typed_answer("x")});
  c.dispatch(app::SkipRubric{});
  // The intervals offered: none is counted in minutes.
  EXPECT_EQ(c.study()->feedback->intervals, (std::array<std::string, 4>{"1d", "1d", "2d", "8d"}));
  c.dispatch(app::Rate{Rating::Again});
  // The dilemma does not come back today: the session is over.
  EXPECT_EQ(c.screen(), app::Screen::Summary);
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 8u);
  EXPECT_EQ(log.back().after.state, core::CardState::Review);
  EXPECT_EQ(log.back().after.scheduled_days, 1);
  EXPECT_EQ(log.back().after.due, t + kDay);
}

TEST(DilemmaFlow, TheOptionBringsTheLearningStepsBack) {
  Fixture f;
  {
    app::Controller c(test_config(f.db, f.now));
    core::StudyOptions o = c.study_options();
    o.dilemma_learning_steps = true;
    c.dispatch(app::Navigate{app::Screen::Settings});
    c.dispatch(app::SaveOptions{o, ""});
  }
  app::Controller c(test_config(f.db, f.now));
  to_the_dilemma(c, f);
  const core::TimestampMs t = *f.now;
  c.dispatch(app::SubmitAnswer{typed_answer("x")});
  c.dispatch(app::SkipRubric{});
  c.dispatch(app::Rate{Rating::Again});
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 8u);
  EXPECT_EQ(log.back().after.state, core::CardState::Learning);
  EXPECT_EQ(log.back().after.due, t + 60'000);  // the first learning step, 1 minute
}

TEST(DilemmaFlow, TheLastJustificationComesBackAfterARestart) {
  Fixture f;
  const std::string justification = "Withhold it for now:\nthe informant's safety comes first, and the lead can be "
                                    "shared once the source is protected.";
  {
    app::Controller c(test_config(f.db, f.now));
    to_the_dilemma(c, f);
    EXPECT_TRUE(c.study()->card.draft_justification.empty());  // the first time: an empty box
    EXPECT_EQ(c.study()->card.draft_position, -1);
    c.dispatch(app::SubmitAnswer{typed_answer(justification)});
    c.dispatch(app::SetRubric{2, true});
    c.dispatch(app::Rate{Rating::Good});
    ASSERT_EQ(c.screen(), app::Screen::Summary);
  }
  *f.now += 3 * kDay;  // the dilemma (2 days) is due again, the Easy cards (8 days) are not
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  const app::CardView& card = c.study()->card;
  ASSERT_EQ(card.card_key, "test-small/q8-dilemma");
  EXPECT_EQ(card.draft_justification, justification);
  EXPECT_EQ(card.draft_position, 1);
  EXPECT_EQ(card.draft_note, "Your last justification (2024-06-01 12:00 UTC) is in the box: revise it.");
}

// A new learner's report: a dilemma answered (position, justification, rubric), rated Hard,
// then Ctrl+Z on the next card: the dilemma came back with no position and an empty box.
// Undo shows it in the answering phase, as every question type, with the answer taken back
// in the box to revise or submit again; the review log only gains the voiding record.
TEST(DilemmaFlow, AnUndoneDilemmaComesBackWithTheAnswerTakenBack) {
  Fixture f;
  const std::string justification = "Withhold it:\nthe source comes first.";
  app::Controller c(test_config(f.db, f.now));
  to_the_dilemma(c, f);
  *f.now += 5000;
  c.dispatch(app::SubmitAnswer{typed_answer(justification)});
  c.dispatch(app::SetRubric{0, true});
  c.dispatch(app::Rate{Rating::Hard});
  ASSERT_EQ(c.screen(), app::Screen::Summary);  // the dilemma was the last card
  *f.now += 5000;
  c.dispatch(app::Undo{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  const app::StudyView* v = c.study();
  ASSERT_EQ(v->card.card_key, "test-small/q8-dilemma");
  EXPECT_FALSE(v->feedback.has_value());  // answering again, as any card after an undo
  EXPECT_EQ(v->card.draft_position, 1);
  EXPECT_EQ(v->card.draft_justification, justification);
  EXPECT_EQ(v->card.draft_note, "The answer taken back is in the box: revise it or submit it again.");
  {
    storage::Progress p(f.db);
    EXPECT_EQ(p.review_log("alice").size(), 7u);
    ASSERT_EQ(p.voided_reviews("alice").size(), 1u);
    EXPECT_EQ(p.voided_reviews("alice")[0].card_key, "test-small/q8-dilemma");
  }
  // Submitted again as it was (the window's answer: the box, the position, no ticks yet).
  *f.now += 5000;
  c.dispatch(app::SubmitAnswer{typed_answer(v->card.draft_justification)});
  c.dispatch(app::SkipRubric{});
  c.dispatch(app::Rate{Rating::Good});
  ASSERT_EQ(c.screen(), app::Screen::Summary);
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 8u);
  EXPECT_EQ(log.back().rating, Rating::Good);
  EXPECT_EQ(log.back().answer, "position: Withhold it; rubric skipped; justification: " + justification);
}

// Taken back while the card had an earlier answer: the newer one, taken back, is in the box
// (not the earlier one); two undos in a row restore each card's own answer.
TEST(DilemmaFlow, UndoPrefersTheAnswerTakenBackOverTheEarlierOne) {
  Fixture f;
  {
    app::Controller c(test_config(f.db, f.now));
    to_the_dilemma(c, f);
    c.dispatch(app::SubmitAnswer{typed_answer("The first time.")});
    c.dispatch(app::SkipRubric{});
    c.dispatch(app::Rate{Rating::Good});
  }
  *f.now += 3 * kDay;
  app::Controller c(test_config(f.db, f.now));
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.study()->card.card_key, "test-small/q8-dilemma");
  EXPECT_EQ(c.study()->card.draft_justification, "The first time.");
  core::Answer a = typed_answer("Revised: share it after all.");
  a.position = 0;
  c.dispatch(app::SubmitAnswer{a});
  c.dispatch(app::SkipRubric{});
  c.dispatch(app::Rate{Rating::Easy});
  c.dispatch(app::Undo{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.draft_justification, "Revised: share it after all.");
  EXPECT_EQ(c.study()->card.draft_position, 0);
  // Left without answering again: the review stays voided, and next time the box holds the
  // last answer that counts (docs/study.md).
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.study()->card.draft_justification, "The first time.");
  EXPECT_EQ(c.study()->card.draft_position, 1);
}

TEST(DilemmaFlow, ACaseShowsItsFieldsAndIsAssessedByLevel) {
  Fixture f;
  const std::string bank = std::string(CASEBOOK_TEST_DATA) + "/../bank/data/valid/case-dilemma.toml";
  app::Controller c(test_config(f.db, f.now, {bank}));
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study) << c.message();
  const app::CaseView& v = c.study()->card.case_view;
  ASSERT_TRUE(v.has());
  EXPECT_EQ(v.protagonist, "Duty officer");
  EXPECT_EQ(v.constraints.at(1).text, "Names need a legal basis (A news report, 2021).");
  ASSERT_EQ(v.exhibits.size(), 2u);
  EXPECT_EQ(v.exhibits[0].cited, "An article, 2021, \xC2\xB6" "3\xE2\x80\x93" "4");
  EXPECT_EQ(v.exhibits[1].cited, "Outside the article: A news report, 2021");
  EXPECT_EQ(v.model_answers.at(1).position, "Keep it");  // the position's title
  EXPECT_EQ(c.study()->card.rubric, (std::vector<std::string>{"Weighs the help", "Protects sources"}));

  core::Answer a;
  a.position = 1;
  a.text = "x";
  a.rubric_met.assign(2, false);
  c.dispatch(app::SubmitAnswer{a});
  EXPECT_TRUE(c.study()->feedback->rubric_pending);
  c.dispatch(app::SetRubricLevel{0, 4});  // no such level: ignored
  EXPECT_TRUE(c.study()->feedback->rubric_pending);
  c.dispatch(app::SetRubricLevel{0, 2});  // 2 of 0-3: met
  c.dispatch(app::SetRubricLevel{1, 0});  // 0 of 0-2: not met
  const app::FeedbackView& fb = *c.study()->feedback;
  EXPECT_FALSE(fb.rubric_pending);
  EXPECT_EQ(fb.rubric_levels, (std::vector<int>{2, 0}));
  EXPECT_EQ(fb.rubric_met, (std::vector<bool>{true, false}));
  EXPECT_EQ(fb.verdict, "Self-assessment: 1 of 2 rubric lines met");
  c.dispatch(app::Rate{Rating::Good});
  storage::Progress p(f.db);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].answer, "position: Keep it; rubric 1/2 met; levels 2/3 0/2; justification: x");
}
