// term/input: every input form of `casebook study` turned into the app's answer in canonical
// indices, and one sentence for every line that does not parse.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/card_view.hpp"
#include "term/input.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace term = casebook::term;
using core::QuestionType;

namespace {

/// A card of `type` whose options are shown in the order `canonical` (display k shows
/// canonical index canonical[k]).
app::CardView card_of(QuestionType type, const std::vector<int>& canonical) {
  app::CardView c;
  c.type = type;
  for (const int i : canonical) c.options.push_back(app::ShownOption{i, "option " + std::to_string(i)});
  return c;
}

app::CardView matching_card() {
  app::CardView c = card_of(QuestionType::Matching, {2, 0, 1});
  c.left = {"left 0", "left 1", "left 2"};
  return c;
}

app::CardView dilemma_card() {
  app::CardView c;
  c.type = QuestionType::Dilemma;
  c.positions = {core::Position{"a", "Share", {}}, core::Position{"b", "Withhold", {}}};
  c.rubric = {"risk", "benefit", "conclusion"};
  return c;
}

}  // namespace

TEST(TermInput, Commands) {
  EXPECT_EQ(term::command_of("q"), term::Command::Quit);
  EXPECT_EQ(term::command_of("  Q \r"), term::Command::Quit);
  EXPECT_EQ(term::command_of("quit"), term::Command::Quit);
  EXPECT_EQ(term::command_of("?"), term::Command::Help);
  EXPECT_EQ(term::command_of("HELP"), term::Command::Help);
  EXPECT_EQ(term::command_of("qq"), term::Command::None);
  EXPECT_EQ(term::command_of("1"), term::Command::None);
  EXPECT_EQ(term::command_of(""), term::Command::None);
  EXPECT_EQ(term::without_cr("abc\r"), "abc");
  EXPECT_EQ(term::without_cr("abc"), "abc");
}

TEST(TermInput, SingleChoiceByDisplayNumber) {
  const app::CardView c = card_of(QuestionType::SingleChoice, {2, 0, 1});
  EXPECT_EQ(term::parse_answer(c, "1").answer.choices, std::vector<int>{2});
  EXPECT_EQ(term::parse_answer(c, " 3 ").answer.choices, std::vector<int>{1});
  // Empty: no choice, and no parse error: app::answer_problem says what is missing.
  const term::ParsedAnswer empty = term::parse_answer(c, "");
  EXPECT_TRUE(empty.error.empty());
  EXPECT_TRUE(empty.answer.choices.empty());
  EXPECT_EQ(app::answer_problem(c, empty.answer), "Choose an answer first (number keys).");
  EXPECT_EQ(term::parse_answer(c, "4").error, "There is no choice 4: the choices are numbered 1 to 3.");
  EXPECT_EQ(term::parse_answer(c, "0").error, "There is no choice 0: the choices are numbered 1 to 3.");
  // A year typed at a choice question: its digits are read one by one, and the error says so.
  EXPECT_EQ(term::parse_answer(c, "2014").error,
            "There is no choice 0 in \u201c2014\u201d (digits typed together count one by one): the choices are "
            "numbered 1 to 3.");
  EXPECT_EQ(term::parse_answer(c, "two").error, "“two” is not a number: the choices are numbered 1 to 3.");
  EXPECT_EQ(term::parse_answer(c, "-1").error, "“-1” is not a number: the choices are numbered 1 to 3.");
  EXPECT_EQ(term::parse_answer(c, "1 2").error, "Choose one answer only: type one number from 1 to 3.");
  EXPECT_EQ(term::parse_answer(c, "12").error, "Choose one answer only: type one number from 1 to 3.");
  EXPECT_EQ(term::parse_answer(c, "99999999999999999999").error,
            "“99999999999999999999” is not a number: the choices are numbered 1 to 3.");
}

TEST(TermInput, MultipleResponseAnyOrderSortedCanonical) {
  const app::CardView c = card_of(QuestionType::MultipleResponse, {3, 1, 0, 2});
  EXPECT_EQ(term::parse_answer(c, "1 3").answer.choices, (std::vector<int>{0, 3}));
  EXPECT_EQ(term::parse_answer(c, "3,1").answer.choices, (std::vector<int>{0, 3}));
  EXPECT_EQ(term::parse_answer(c, "13").answer.choices, (std::vector<int>{0, 3}));  // at most 9: digits
  EXPECT_EQ(term::parse_answer(c, "1 1 3").answer.choices, (std::vector<int>{0, 3}));
  EXPECT_EQ(term::parse_answer(c, "4 2 3 1").answer.choices, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(term::parse_answer(c, "1 5").error, "There is no choice 5: the choices are numbered 1 to 4.");
  EXPECT_EQ(term::parse_answer(c, "1 x").error, "“x” is not a number: the choices are numbered 1 to 4.");
  EXPECT_TRUE(term::parse_answer(c, "  ").answer.choices.empty());
  // Ten or more choices: numbers are whole, "12" is choice twelve.
  std::vector<int> twelve(12);
  for (int i = 0; i < 12; ++i) twelve[static_cast<std::size_t>(i)] = i;
  const app::CardView big = card_of(QuestionType::MultipleResponse, twelve);
  EXPECT_EQ(term::parse_answer(big, "12 1").answer.choices, (std::vector<int>{0, 11}));
}

TEST(TermInput, TrueFalse) {
  const app::CardView c = card_of(QuestionType::TrueFalse, {});
  for (const char* yes : {"t", "T", "true", "True", "1"}) EXPECT_EQ(term::parse_answer(c, yes).answer.truth, true) << yes;
  for (const char* no : {"f", "F", "false", "FALSE", "2"}) EXPECT_EQ(term::parse_answer(c, no).answer.truth, false) << no;
  EXPECT_FALSE(term::parse_answer(c, "").answer.truth.has_value());
  EXPECT_EQ(app::answer_problem(c, term::parse_answer(c, "").answer), "Choose true or false first.");
  EXPECT_EQ(term::parse_answer(c, "yes").error, "Type t for true or f for false (or 1 or 2).");
  EXPECT_EQ(term::parse_answer(c, "3").error, "Type t for true or f for false (or 1 or 2).");
}

TEST(TermInput, TypedAnswersAsTyped) {
  const app::CardView s = card_of(QuestionType::ShortAnswer, {});
  EXPECT_EQ(term::parse_answer(s, "  the Lurk group ").answer.text, "  the Lurk group ");
  EXPECT_EQ(term::parse_answer(s, "Лурк\r").answer.text, "Лурк");
  EXPECT_EQ(term::parse_answer(s, "").answer.text, "");
  EXPECT_EQ(app::answer_problem(s, term::parse_answer(s, "").answer), "");  // "I don't know"
  app::CardView n = card_of(QuestionType::Numeric, {});
  EXPECT_EQ(term::parse_answer(n, "1,700").answer.text, "1,700");
  // Words are refused by the app's rule, not graded wrong.
  EXPECT_EQ(app::answer_problem(n, term::parse_answer(n, "fifty").answer),
            "Type a number, in digits (for example 1,700 or 45.5).");
  EXPECT_EQ(app::answer_problem(n, term::parse_answer(n, "50").answer), "");
}

TEST(TermInput, OrderingAsDisplayNumbersFirstToLast) {
  const app::CardView c = card_of(QuestionType::Ordering, {2, 0, 3, 1});
  EXPECT_EQ(term::parse_answer(c, "2 4 1 3").answer.order, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(term::parse_answer(c, "2413").answer.order, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(term::parse_answer(c, "2, 4, 1, 3").answer.order, (std::vector<int>{0, 1, 2, 3}));
  // Enter alone keeps the starting order, as in the window.
  EXPECT_EQ(term::parse_answer(c, "").answer.order, (std::vector<int>{2, 0, 3, 1}));
  EXPECT_EQ(term::parse_answer(c, "2 4 1").error, "Item 3 is missing: give each of the 4 items once, first to last.");
  EXPECT_EQ(term::parse_answer(c, "2 4").error,
            "Items 1 and 3 are missing: give each of the 4 items once, first to last.");
  EXPECT_EQ(term::parse_answer(c, "2 4 2 3").error,
            "Item 2 is given twice: give each of the 4 items once, first to last.");
  EXPECT_EQ(term::parse_answer(c, "2 4 1 5").error, "There is no item 5: the items are numbered 1 to 4.");
  EXPECT_EQ(term::parse_answer(c, "first").error, "“first” is not a number: the items are numbered 1 to 4.");
  EXPECT_TRUE(term::parse_answer(c, "2 4 1").answer.order.empty());
}

TEST(TermInput, OptionLetters) {
  EXPECT_EQ(term::option_letter(0), "a");
  EXPECT_EQ(term::option_letter(25), "z");
  EXPECT_EQ(term::option_letter(26), "aa");
  EXPECT_EQ(term::option_letter(27), "ab");
  EXPECT_EQ(term::option_letter(26 * 27), "aaa");
}

TEST(TermInput, MatchingPairsBuildADraft) {
  const app::CardView c = matching_card();
  std::vector<int> draft(3, -1);
  EXPECT_EQ(term::add_pairs(c, "1b 2a", draft), "");
  EXPECT_EQ(draft, (std::vector<int>{1, 0, -1}));
  EXPECT_EQ(term::unpaired_items(draft), std::vector<int>{3});
  // Later lines add to the draft and may change a pair; other spellings of a pair.
  EXPECT_EQ(term::add_pairs(c, "3-C; 1:c", draft), "");
  EXPECT_EQ(draft, (std::vector<int>{2, 0, 2}));
  EXPECT_EQ(term::add_pairs(c, "2 b", draft), "");
  EXPECT_EQ(draft, (std::vector<int>{2, 1, 2}));
  EXPECT_TRUE(term::unpaired_items(draft).empty());
  // Display positions become canonical right-hand indices: a = 2, b = 0, c = 1.
  EXPECT_EQ(term::matching_answer(c, draft).matches, (std::vector<int>{1, 0, 1}));
  EXPECT_EQ(term::matching_answer(c, {0, -1, -1}).matches, (std::vector<int>{2, -1, -1}));
}

TEST(TermInput, MatchingErrorsLeaveTheDraftUnchanged) {
  const app::CardView c = matching_card();
  std::vector<int> draft = {1, -1, -1};
  const std::vector<int> before = draft;
  EXPECT_EQ(term::add_pairs(c, "2a 4b", draft), "There is no item 4: the items are numbered 1 to 3.");
  EXPECT_EQ(term::add_pairs(c, "2d", draft), "There is no option d: the options are a to c.");
  EXPECT_EQ(term::add_pairs(c, "2a 2b", draft), "Item 2 is paired twice in this line: give each item one option.");
  EXPECT_EQ(term::add_pairs(c, "2", draft), "“2” is not a pair: pair a numbered item with a lettered option, for example 1b.");
  EXPECT_EQ(term::add_pairs(c, "b2", draft), "“b2” is not a pair: pair a numbered item with a lettered option, for example 1b.");
  EXPECT_EQ(term::add_pairs(c, "2a3", draft), "“2a3” is not a pair: pair a numbered item with a lettered option, for example 1b.");
  EXPECT_EQ(term::add_pairs(c, "2a ✓", draft), "“✓” is not a pair: pair a numbered item with a lettered option, for example 1b.");
  EXPECT_EQ(draft, before);
  EXPECT_EQ(term::add_pairs(c, "", draft), "");  // nothing to add
  EXPECT_EQ(draft, before);
  EXPECT_EQ(term::unpaired_items(draft), (std::vector<int>{2, 3}));
  EXPECT_EQ(term::number_list({2, 3}), "2 and 3");
  EXPECT_EQ(term::number_list({1, 2, 3}), "1, 2 and 3");
  EXPECT_EQ(term::number_list({4}), "4");
}

TEST(TermInput, DilemmaPositionJustificationAndTicks) {
  const app::CardView c = dilemma_card();
  EXPECT_EQ(term::parse_position(c, "2").position, 1);
  EXPECT_EQ(term::parse_position(c, "").position, -1);
  EXPECT_TRUE(term::parse_position(c, "").error.empty());
  EXPECT_EQ(app::answer_problem(c, term::dilemma_answer(c, -1, "")), "Pick a position first (number keys).");
  EXPECT_EQ(term::parse_position(c, "3").error, "Type the number of one position, 1 to 2.");
  EXPECT_EQ(term::parse_position(c, "1 2").error, "Type the number of one position, 1 to 2.");
  EXPECT_EQ(term::parse_position(c, "share").error, "Type the number of one position, 1 to 2.");
  const core::Answer a = term::dilemma_answer(c, 1, "line one\nline two");
  EXPECT_EQ(a.position, 1);
  EXPECT_EQ(a.text, "line one\nline two");
  EXPECT_EQ(a.rubric_met, (std::vector<bool>{false, false, false}));

  EXPECT_EQ(term::parse_ticks(c, "a c").met, (std::vector<bool>{true, false, true}));
  EXPECT_EQ(term::parse_ticks(c, "CA").met, (std::vector<bool>{true, false, true}));
  EXPECT_EQ(term::parse_ticks(c, "b, b").met, (std::vector<bool>{false, true, false}));
  EXPECT_EQ(term::parse_ticks(c, "-").met, (std::vector<bool>{false, false, false}));
  EXPECT_EQ(term::parse_ticks(c, "").met, (std::vector<bool>{false, false, false}));
  EXPECT_EQ(term::parse_ticks(c, "a d").error, "There is no rubric line d: the rubric lines are a to c, or - for none.");
  EXPECT_EQ(term::parse_ticks(c, "a 2").error, "“2” is not a rubric letter: the rubric lines are a to c, or - for none.");
  EXPECT_EQ(term::parse_ticks(c, "a 2").met, (std::vector<bool>{false, false, false}));
}

TEST(TermInput, Ratings) {
  EXPECT_EQ(term::parse_rating("1").rating, core::Rating::Again);
  EXPECT_EQ(term::parse_rating(" 4 ").rating, core::Rating::Easy);
  EXPECT_EQ(term::parse_rating("Good").rating, core::Rating::Good);
  EXPECT_EQ(term::parse_rating("hard").rating, core::Rating::Hard);
  EXPECT_TRUE(term::parse_rating("").accept);
  EXPECT_FALSE(term::parse_rating("").rating.has_value());
  EXPECT_FALSE(term::parse_rating("3").accept);
  EXPECT_EQ(term::parse_rating("5").error, "Type a rating from 1 to 4, or press Enter to accept the proposed one.");
  EXPECT_EQ(term::parse_rating("ok").error, "Type a rating from 1 to 4, or press Enter to accept the proposed one.");
}
