// term::run_study in process: whole sessions of the test bank on a fixed clock and seed, with
// the transcript compared to a golden file (every question type, its feedback, bad lines and
// the prompts asked again), and the review log checked row by row. CASEBOOK_UPDATE_GOLDEN=1
// rewrites the golden files.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "storage/progress.hpp"
#include "term_support.hpp"

namespace app = casebook::app;
namespace term = casebook::term;
namespace core = casebook::core;
using casebook::test::hostile_bank_path;
using casebook::test::LoggedReview;
using casebook::test::TermSession;

namespace {

/// Compares `actual` with data/golden/`name`, or rewrites it under CASEBOOK_UPDATE_GOLDEN.
void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(CASEBOOK_TEST_DATA) + "/data/golden/" + name;
  if (std::getenv("CASEBOOK_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream f(path, std::ios::binary);
  ASSERT_TRUE(f) << "missing golden file " << path;
  std::stringstream expected;
  expected << f.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "golden file " << path << " differs";
}

/// The answers of the golden session: the eight cards of the test bank in bank order (seed 7
/// fixes the display order of the options), with bad lines on the way, then the cards that
/// come back for their learning step until the input ends.
const std::vector<std::string> kGoldenInput = {
    // tt-year (single choice), 2016 shown as 1: bad lines first, a bad rating, then Enter.
    "x", "9", "", "1", "5", "",
    // tt-agencies (multiple response), FBI shown as 3 and FSB as 4: only FSB, partly right.
    "4", "3",
    // tt-firm (true/false).
    "yes", "t", "4",
    // tt-group (short answer), after asking for help.
    "?", "  lurk ", "",
    // tt-detained (numeric): words are refused.
    "fifty", "48 people", "good",
    // tt-steps (ordering): two items missing, then the right order.
    "1 2", "3 4 1 2", "3",
    // tt-roles (matching): one pair (the others are named), a bad one, then the rest.
    "1c", "4a", "2a 3b", "",
    // tt-share (dilemma): a bad position, position 1, two lines, a bad tick, then a c; Enter
    // takes the rating the rubric proposes (Hard).
    "3", "1", "Sharing helps to catch him,", "but the source must be protected.", "", "a z", "a c", ""};
// A dilemma has no same-day learning step (issue 11): it does not come back; the input ends at
// the next card that comes back for its step, which is not recorded.

}  // namespace

TEST(TermStudy, GoldenSessionOfEveryQuestionType) {
  TermSession s;
  s.run(kGoldenInput);
  EXPECT_EQ(s.rc, 0) << s.err;
  EXPECT_EQ(s.err, "");
  expect_golden("session.txt", s.out);
  const std::vector<LoggedReview> rows = s.reviews();
  ASSERT_EQ(rows.size(), 8u) << s.out;
  const auto row = [&](std::size_t i) { return rows[i].card_key + " " + std::to_string(rows[i].rating) + " " +
                                               std::to_string(rows[i].correct) + " " + rows[i].answer; };
  EXPECT_EQ(row(0), "term-test/tt-year 3 1 2016");
  EXPECT_EQ(row(1), "term-test/tt-agencies 3 0 FSB");
  EXPECT_EQ(row(2), "term-test/tt-firm 4 1 true");
  EXPECT_EQ(row(3), "term-test/tt-group 3 1   lurk ");
  EXPECT_EQ(row(4), "term-test/tt-detained 3 1 48 people");
  EXPECT_EQ(row(5), "term-test/tt-steps 3 1 The malware spreads → Researchers track the group → Police detain "
                    "suspects → A court case opens");
  EXPECT_EQ(row(6), "term-test/tt-roles 3 1 FSB → Domestic security service; FBI → US federal police; "
                    "Kaspersky Lab → Private security company");
  EXPECT_EQ(row(7), "term-test/tt-share 2 1 position: Share the lead; rubric 2/3 met; justification: Sharing "
                    "helps to catch him,\nbut the source must be protected.");
}

TEST(TermStudy, QuitWhileAnsweringRecordsNothing) {
  TermSession s;
  s.run({"q"});
  EXPECT_EQ(s.rc, 0);
  EXPECT_TRUE(s.reviews().empty());
  EXPECT_NE(s.out.find("\nSession ended\nAnswers: 0\n"), std::string::npos) << s.out;
}

TEST(TermStudy, QuitOnFeedbackRecordsTheProposedRating) {
  TermSession s;
  s.run({"1", "q"});  // 2016, right: Good is proposed
  EXPECT_EQ(s.rc, 0);
  const std::vector<LoggedReview> rows = s.reviews();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].card_key, "term-test/tt-year");
  EXPECT_EQ(rows[0].rating, 3);
  EXPECT_EQ(rows[0].correct, 1);
  EXPECT_NE(s.out.find("Answers: 1\nAnswered correctly: 1 (100%)\nRatings: Again 0 · Hard 0 · Good 1"),
            std::string::npos)
      << s.out;
}

/// Answers the first six cards of the test bank right (bank order, seed 7), rating each Good.
const std::vector<std::string> kToMatching = {"1", "3", "3 4", "3", "t", "3", "Lurk", "3", "50", "3", "3 4 1 2", "3"};

TEST(TermStudy, MatchingNamesUnpairedItemsThenEnterSubmitsWithoutThem) {
  TermSession s;
  std::vector<std::string> lines = kToMatching;
  for (const char* l : {"1c", "", "1", "q"}) lines.emplace_back(l);
  s.run(lines);
  const std::vector<LoggedReview> rows = s.reviews();
  ASSERT_EQ(rows.size(), 7u) << s.out;
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(rows[i].correct, 1) << rows[i].card_key;
  EXPECT_EQ(rows[6].card_key, "term-test/tt-roles");
  EXPECT_EQ(rows[6].answer, "FSB → Domestic security service; FBI → (none); Kaspersky Lab → (none)");
  EXPECT_EQ(rows[6].rating, 1);  // "1" at the rating prompt: Again
  EXPECT_NE(s.out.find("> 1c\nItems 2 and 3 have no option yet (so far: 1c): type the missing pairs, or press "
                       "Enter to submit without them.\n> \n✗  Partly right  (33%)\n"),
            std::string::npos)
      << s.out;
}

TEST(TermStudy, MatchingWithNothingPairedAsksFirst) {
  TermSession s;
  std::vector<std::string> lines = kToMatching;
  for (const char* l : {"", "", "q"}) lines.emplace_back(l);
  s.run(lines);
  const std::vector<LoggedReview> rows = s.reviews();
  ASSERT_EQ(rows.size(), 7u) << s.out;
  EXPECT_EQ(rows[6].answer, "FSB → (none); FBI → (none); Kaspersky Lab → (none)");
  EXPECT_NE(s.out.find("> \nItems 1, 2 and 3 have no option yet: type the missing pairs"), std::string::npos) << s.out;
}

TEST(TermStudy, LimitStopsAfterThatManyAnswers) {
  TermSession s;
  std::vector<std::string> lines(40, "1");
  s.run(lines, term::StudyOptions{2, false, {}});
  EXPECT_EQ(s.rc, 0);
  EXPECT_EQ(s.reviews().size(), 2u);
  EXPECT_NE(s.out.find("That makes 2 answers, the limit you set.\n\nSession ended\nAnswers: 2\n"),
            std::string::npos)
      << s.out;
}

TEST(TermStudy, UTakesBackTheLastRatingAndAsksThatCardAgain) {
  TermSession s;
  s.run({"u", "1", "3", "u", "u", "1", "4", "q"});
  EXPECT_EQ(s.rc, 0) << s.err;
  EXPECT_NE(s.out.find("> u\nNothing to undo: no card has been rated in this session.\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("> u\nThe last rating was taken back: answer this card again.\n\nCard 1 · 8 new · 0 "
                       "learning · 0 review · "),
            std::string::npos)
      << s.out;
  // The second u (at the same card's prompt) finds nothing more to take back.
  const std::vector<LoggedReview> rows = s.reviews();  // every row, voided ones included
  ASSERT_EQ(rows.size(), 2u) << s.out;
  EXPECT_EQ(rows[0].card_key, "term-test/tt-year");
  EXPECT_EQ(rows[0].rating, 3);
  EXPECT_EQ(rows[1].card_key, "term-test/tt-year");
  EXPECT_EQ(rows[1].rating, 4);
  casebook::storage::Progress p(s.db);
  ASSERT_EQ(p.voided_reviews("alice").size(), 1u);
  ASSERT_EQ(p.review_log("alice").size(), 1u);
  EXPECT_EQ(p.review_log("alice")[0].rating, core::Rating::Easy);
  EXPECT_NE(s.out.find("Answers: 1\n"), std::string::npos) << s.out;
}

TEST(TermStudy, UAtARatingPromptAsksFirstThenTakesBackTheCardBefore) {
  const std::string asks =
      "> u\nThis answer is saved when you rate it. Undo again to take back the card before instead: this answer is "
      "then not saved.\n";
  {
    // Asked, then rated: the answer on screen is kept.
    TermSession s;
    s.run({"1", "3", "1", "u", "3", "q"});
    EXPECT_EQ(s.rc, 0) << s.err;
    EXPECT_NE(s.out.find(asks), std::string::npos) << s.out;
    casebook::storage::Progress p(s.db);
    EXPECT_EQ(p.review_log("alice").size(), 2u) << s.out;
    EXPECT_TRUE(p.voided_reviews("alice").empty());
  }
  // u twice: the card before is taken back and asked again; the second answer is not saved.
  TermSession s;
  s.run({"1", "3", "1", "u", "u", "q"});
  EXPECT_EQ(s.rc, 0) << s.err;
  // Asked (the rating prompt again), then taken back at the second u.
  const std::size_t asked = s.out.find(asks + "Rate it: ");
  ASSERT_NE(asked, std::string::npos) << s.out;
  EXPECT_NE(s.out.find("> u\nThe last rating was taken back: answer this card again.\n\nCard 1 · 8 new", asked),
            std::string::npos)
      << s.out;
  const std::vector<LoggedReview> rows = s.reviews();  // every row, voided ones included
  ASSERT_EQ(rows.size(), 1u) << s.out;
  EXPECT_EQ(rows[0].card_key, "term-test/tt-year");
  casebook::storage::Progress p(s.db);
  EXPECT_EQ(p.voided_reviews("alice").size(), 1u);
  EXPECT_TRUE(p.review_log("alice").empty());
}

TEST(TermStudy, WaitingForALearningCardSaysWhenAndShowsItOnEnter) {
  TermSession s;
  {
    app::Controller c(s.config);
    core::StudyOptions o = c.study_options();
    o.learn_ahead_minutes = 0;
    o.new_cards_per_day = 1;
    c.dispatch(app::Navigate{app::Screen::Settings});
    c.dispatch(app::SaveOptions{o, ""});
  }
  // Again: a 1-minute step. The clock moves a minute before the Enter that waits: the card
  // is shown again at once; then q ends the session.
  s.run({"1", "1", "", "q"}, {}, [&s](std::size_t line) {
    if (line == 2) *s.now += casebook::core::kMsPerMinute;
  });
  EXPECT_EQ(s.rc, 0) << s.err;
  EXPECT_NE(s.out.find("Only learning cards are left, and none is due yet: the next one is due in 1 minute. Press "
                       "Enter to wait for it, or q to end.\n> \n\nCard 2 · 0 new · 1 learning · 0 review · "),
            std::string::npos)
      << s.out;
  EXPECT_NE(s.out.find("Answers: 1\n"), std::string::npos) << s.out;
}

TEST(TermStudy, NothingToStudy) {
  TermSession s({std::string(CASEBOOK_TEST_DATA) + "/data/no-such-folder"});
  s.run({"1"});
  EXPECT_EQ(s.rc, 0);
  EXPECT_NE(s.out.find("To study now: 0 new, 0 in learning, 0 due for review.\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("Nothing to study right now"), std::string::npos) << s.out;
  EXPECT_EQ(s.out.find("Session"), std::string::npos) << s.out;
}

TEST(TermStudy, HostileBankReachesTheTerminalOnlyAsVisibleSymbols) {
  for (const bool color : {false, true}) {
    TermSession s({hostile_bank_path()});
    s.run({"1", ""}, term::StudyOptions{0, color, {}});
    ASSERT_EQ(s.reviews().size(), 1u) << s.out;
    EXPECT_EQ(s.reviews()[0].correct, 1);
    EXPECT_TRUE(casebook::test::control_bytes(s.out, color).empty()) << s.out;
    EXPECT_NE(s.out.find("Hostile␛]0;pwned␇ bank␛[2J"), std::string::npos) << s.out;
    EXPECT_NE(s.out.find("Which␛[1A line is this\\u009B2J?"), std::string::npos) << s.out;
    EXPECT_NE(s.out.find("  1. two␈␡\n  2. one␛[H\n  3. three\\u0085\n"), std::string::npos) << s.out;
    EXPECT_NE(s.out.find("Why: Bell␇ and␛c reset."), std::string::npos) << s.out;
    EXPECT_EQ(s.out.find('\x1b') != std::string::npos, color) << s.out;  // colour only when asked
  }
}

/// A trigger that makes every review-log insert fail, as a full disk would.
void break_review_log(const std::string& db, bool broken) {
  SQLite::Database d(db, SQLite::OPEN_READWRITE);
  d.exec(broken ? "CREATE TRIGGER test_fail BEFORE INSERT ON review_log BEGIN SELECT RAISE(ABORT, 'disk is full'); END"
                : "DROP TRIGGER test_fail");
}

TEST(TermStudy, FailedWriteAsksForTheRatingAgainAndNothingIsLost) {
  TermSession s;
  // Line 1 (the first rating) meets a broken log; it is mended before line 2 (the retry).
  s.run({"1", "3", "3", "q"}, {}, [&](std::size_t i) {
    if (i == 1) break_review_log(s.db, true);
    if (i == 2) break_review_log(s.db, false);
  });
  EXPECT_EQ(s.rc, 0) << s.err;
  const std::vector<LoggedReview> rows = s.reviews();
  ASSERT_EQ(rows.size(), 1u) << s.out;
  EXPECT_EQ(rows[0].card_key, "term-test/tt-year");
  EXPECT_EQ(rows[0].answer, "2016");
  // The app's message, then the same prompt; the retry records the same answer.
  const std::size_t failed = s.out.find("> 3\nYour answer was not saved: ");
  ASSERT_NE(failed, std::string::npos) << s.out;
  EXPECT_NE(s.out.find("disk is full. A database rule rejected the change. It is kept; rate again to retry.\nRate it: ",
                       failed),
            std::string::npos)
      << s.out;
  EXPECT_NE(s.out.find("Card 2 · "), std::string::npos) << s.out;
}

TEST(TermStudy, FailedWriteAtTheEndOfInputExitsWithOne) {
  TermSession s;
  s.run({"1"}, {}, [&](std::size_t i) {
    if (i == 0) break_review_log(s.db, true);
  });
  EXPECT_EQ(s.rc, 1);
  EXPECT_TRUE(s.reviews().empty());
  EXPECT_EQ(s.err.rfind("casebook: Your answer was not saved: ", 0), 0u) << s.err;
  EXPECT_NE(s.err.find("disk is full. A database rule rejected the change. It is kept; rate again to retry.\n"),
            std::string::npos)
      << s.err;
  EXPECT_EQ(s.out.find("Session ended"), std::string::npos) << s.out;
}
