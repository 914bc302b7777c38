// term/render: the exact lines of a card, its feedback, the rating line and the summary, and
// that untrusted text never reaches the terminal as a control sequence (colour or not).
#include <gtest/gtest.h>

#include <string>

#include "app/study_text.hpp"
#include "term/render.hpp"
#include "term_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace term = casebook::term;
using core::QuestionType;

using casebook::test::control_bytes;

namespace {

app::CardView hostile_card() {
  app::CardView c;
  c.type = QuestionType::SingleChoice;
  c.bank_title = "Bank\x1b]0;pwned\x07 title\nsecond line";
  c.prompt = "Prompt\x1b[2J with \u009b31m C1 and \x9b raw";
  c.options = {{0, "one\x1b[H"}, {1, "two\r\x7f"}};
  c.explanation = "Why\x1b" "c";
  c.citation = "Cite\x1b[31m";
  c.position = 1;
  c.remaining = 0;
  return c;
}

}  // namespace

TEST(TermRender, HostileTextIsShownNotSent) {
  const app::CardView c = hostile_card();
  for (const bool color : {false, true}) {
    const term::Style style{color};
    const std::string card = term::render_card(c, style);
    EXPECT_TRUE(control_bytes(card, color).empty()) << card;
    // The header stays one line; the escapes are visible.
    EXPECT_NE(card.find("Bank␛]0;pwned␇ title second line"), std::string::npos) << card;
    EXPECT_NE(card.find("Prompt␛[2J with \\u009B31m C1 and \\x9B raw"), std::string::npos) << card;
    EXPECT_NE(card.find("  1. one␛[H\n  2. two␍␡\n"), std::string::npos) << card;

    app::FeedbackView fb;
    fb.verdict = "✗  Incorrect\x1b[0m";
    fb.tone = app::Tone::Wrong;
    fb.options = {{"one\x1b[H", false, true}, {"two\r", true, false}};
    fb.expected = "two\r";
    fb.show_expected = true;
    const std::string feedback = term::render_feedback(c, fb, style);
    EXPECT_TRUE(control_bytes(feedback, color).empty()) << feedback;
    EXPECT_NE(feedback.find("Why: Why␛c"), std::string::npos) << feedback;
    EXPECT_TRUE(control_bytes(term::notice_line("a\x1b[1Ab", style), color).empty());

    app::HomeView home;
    home.learner = "eve\x1b]2;title\x07";
    const std::string intro = term::render_intro(home, style);
    EXPECT_TRUE(control_bytes(intro, color).empty()) << intro;
    EXPECT_NE(intro.find("learner eve␛]2;title␇"), std::string::npos) << intro;
  }
}

TEST(TermRender, ANewLearnerBesideOthersIsToldAtTheStart) {
  // A mistyped --learner starts a learner of its own: the intro says so and names the others.
  app::HomeView home;
  home.learner = "carol";
  home.learners = {"alice", "bob", "carol"};
  const std::string hint = "carol has no answers in this progress file yet; it also has alice, bob (choose with "
                           "--learner NAME).\n";
  EXPECT_NE(term::render_intro(home, term::Style{}).find("Casebook study · learner carol\n" + hint), std::string::npos)
      << term::render_intro(home, term::Style{});
  home.learner_started = true;  // carol has answered before: nothing to say
  EXPECT_EQ(term::render_intro(home, term::Style{}).find("no answers"), std::string::npos);
  home.learner_started = false;
  home.learners = {"a", "b", "c", "carol", "d", "e", "f", "g"};  // a class: five named
  EXPECT_NE(term::render_intro(home, term::Style{}).find("it also has a, b, c, d, e and 2 more (choose"),
            std::string::npos)
      << term::render_intro(home, term::Style{});
  home.learners = {"carol"};  // the only learner (a new file): nothing to choose from
  EXPECT_EQ(term::render_intro(home, term::Style{}).find("no answers"), std::string::npos);
}

TEST(TermRender, TheCheckCatchesRawControls) {
  // The checker itself: raw sequences are found, our colours are not.
  EXPECT_EQ(control_bytes("a\x1b[2Jb").size(), 1u);
  EXPECT_EQ(control_bytes("a\x1b[2Jb", true).size(), 1u);  // not an SGR: J, not m
  EXPECT_TRUE(control_bytes("\x1b[1;32mok\x1b[0m", true).empty());
  EXPECT_EQ(control_bytes("x\u009by").size(), 1u);
  EXPECT_EQ(control_bytes("x\ry\x7f").size(), 2u);
}

TEST(TermRender, ColourOnlyWhenAsked) {
  app::FeedbackView fb;
  fb.verdict = "✓  Correct";
  fb.tone = app::Tone::Correct;
  EXPECT_EQ(term::verdict_line(fb, term::Style{false}), "✓  Correct\n");
  EXPECT_EQ(term::verdict_line(fb, term::Style{true}), "\x1b[1;32m✓  Correct\x1b[0m\n");
  fb.tone = app::Tone::Wrong;
  EXPECT_EQ(term::verdict_line(fb, term::Style{true}), "\x1b[1;31m✓  Correct\x1b[0m\n");
  EXPECT_EQ(term::notice_line("Careful", term::Style{true}), "\x1b[33mCareful\x1b[0m\n");
  EXPECT_EQ(term::notice_line("Careful", term::Style{false}), "Careful\n");
}

TEST(TermRender, RatingLineNamesIntervalsAndTheProposal) {
  app::FeedbackView fb;
  fb.intervals = {"1m", "6m", "10m", "4d"};
  fb.selected = core::Rating::Good;
  EXPECT_EQ(term::rating_line(fb), "Rate it: 1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 4d   Enter = Good");
  fb.selected = core::Rating::Again;
  EXPECT_EQ(term::rating_line(fb), "Rate it: 1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 4d   Enter = Again");
}

TEST(TermRender, Summary) {
  app::SummaryView s;
  s.reviewed = 12;
  s.correct = 9;
  s.ratings = {2, 1, 8, 1};
  s.duration_ms = 252'400;
  s.remaining_due_today = 0;
  EXPECT_EQ(term::render_summary(s, term::Style{false}),
            "\nSession complete\n"
            "Answers: 12\n"
            "Answered correctly: 9 (75%)\n"
            "Ratings: Again 2 · Hard 1 · Good 8 · Easy 1\n"
            "Time in session: 4 min 12 s\n"
            "Still due today: 0\n");
  // A Preview session says it saved nothing, last.
  s.recorded = false;
  const std::string preview = term::render_summary(s, term::Style{false});
  const std::string note = std::string(app::kPreviewSummaryNote) + "\n";
  ASSERT_GT(preview.size(), note.size());
  EXPECT_EQ(preview.substr(preview.size() - note.size()), note);
  EXPECT_EQ(std::string(app::kPreviewSummaryNote).substr(0, 27), "Preview: nothing was saved.");
  s.recorded = true;
  s.remaining_due_today = 3;
  EXPECT_EQ(term::render_summary(s, term::Style{false}).substr(0, 15), "\nSession ended\n");
  // Left with new cards still allowed today: ended, not complete, and it says how many.
  s.remaining_due_today = 0;
  s.remaining_new_today = 5;
  const std::string ended = term::render_summary(s, term::Style{false});
  EXPECT_EQ(ended.substr(0, 15), "\nSession ended\n");
  EXPECT_EQ(ended.substr(ended.size() - 43), "Still due today: 0\nNew cards left today: 5\n");
}

TEST(TermRender, MultiLineTextIsIndentedUnderItsNumber) {
  app::CardView c;
  c.type = QuestionType::Ordering;
  c.prompt = "Order these.";
  c.options = {{0, "first line\nsecond line"}, {1, "other"}};
  c.position = 2;
  c.count_new = 4;
  c.count_learning = 1;
  c.count_review = 1;
  EXPECT_EQ(term::render_card(c, term::Style{false}),
            "\nCard 2 · 4 new · 1 learning · 1 review\n"
            "Order these.\n"
            "  1. first line\n"
            "     second line\n"
            "  2. other\n");
  EXPECT_EQ(term::answer_instruction(c),
            "Type the item numbers from first to last (for example 2 1), then press Enter; Enter alone keeps the "
            "order shown.");
}

TEST(TermRender, MatchingNoticeNamesUnpairedItemsAndPairsSoFar) {
  app::CardView c;
  c.type = QuestionType::Matching;
  c.left = {"a", "b", "c", "d"};
  c.options = {{0, "w"}, {1, "x"}, {2, "y"}, {3, "z"}};
  EXPECT_EQ(term::unpaired_notice(c, {1, -1, 0, -1}),
            "Items 2 and 4 have no option yet (so far: 1b 3a): type the missing pairs, or press Enter to "
            "submit without them.");
  EXPECT_EQ(term::unpaired_notice(c, {-1, 2, 0, 3}),
            "Item 1 has no option yet (so far: 2c 3a 4d): type the missing pairs, or press Enter to submit "
            "without them.");
}

TEST(TermRender, MatchingAndOrderingFeedbackMarkEachRow) {
  app::CardView c;
  c.type = QuestionType::Matching;
  app::FeedbackView fb;
  fb.verdict = "✗  Partly right  (33%)";
  fb.tone = app::Tone::Wrong;
  fb.show_expected = true;
  fb.expected = "Agency → Security service; Firm → Private company; Court → Judges";
  fb.rows = {{"Agency", "Security service", "Security service", true},
             {"Firm", "Judges", "Private company", false},
             {"Court", "(no answer)", "Judges", false}};
  EXPECT_EQ(term::render_feedback(c, fb, term::Style{false}),
            "✗  Partly right  (33%)\n"
            "  ✓ 1. Agency → Security service\n"
            "  ✗ 2. Firm → Judges\n"
            "       correct: Private company\n"
            "  ✗ 3. Court → (no answer)\n"
            "       correct: Judges\n");
  c.type = QuestionType::Ordering;
  fb.rows = {{"", "Arrest", "Arrest", true}, {"", "Trial", "Charge", false}, {"", "Charge", "Trial", false}};
  EXPECT_EQ(term::render_feedback(c, fb, term::Style{false}),
            "✗  Partly right  (33%)\n"
            "  ✓ 1. Arrest\n"
            "  ✗ 2. Trial\n"
            "       belongs here: Charge\n"
            "  ✗ 3. Charge\n"
            "       belongs here: Trial\n");
}

TEST(StudyText, SharedWords) {
  EXPECT_EQ(app::rating_name(core::Rating::Again), "Again");
  EXPECT_EQ(app::rating_name(core::Rating::Easy), "Easy");
  EXPECT_EQ(app::format_duration(0), "0 s");
  EXPECT_EQ(app::format_duration(9'499), "9 s");
  EXPECT_EQ(app::format_duration(9'500), "10 s");
  EXPECT_EQ(app::format_duration(3'605'000), "1 h 0 min 5 s");
  EXPECT_EQ(app::format_duration(-5), "0 s");
  app::SummaryView s;
  EXPECT_EQ(app::correct_text(s), "0");
  EXPECT_EQ(app::summary_heading(s), "Session ended");
  s.reviewed = 3;
  s.correct = 2;
  EXPECT_EQ(app::correct_text(s), "2 (67%)");
  EXPECT_EQ(app::summary_heading(s), "Session complete");
  app::CardView c;
  c.position = 3;
  c.count_new = 12;
  EXPECT_EQ(app::progress_line(c), "Card 3 · 12 new · 0 learning · 0 review");
  c.count_learning = 2;
  c.count_review = 7;
  EXPECT_EQ(app::progress_line(c), "Card 3 · 12 new · 2 learning · 7 review");
  EXPECT_EQ(app::terminal_safe("a\x1b[2Jb"), "a␛[2Jb");
}

TEST(TermRender, ADilemmaThatComesBackShowsTheLastAnswerToKeepOrRevise) {
  app::CardView c;
  c.type = QuestionType::Dilemma;
  c.prompt = "Share?";
  c.positions = {{"a", "Share", {}}, {"b", "Keep", {}}};
  c.position = 1;
  c.count_review = 1;
  c.draft_position = 1;
  c.draft_justification = "Sources first,\nthen the lead.";
  c.draft_note = "Your last justification (2024-06-01 12:00 UTC) is in the box: revise it.";
  EXPECT_EQ(term::render_card(c, term::Style{false}),
            "\nCard 1 · 0 new · 0 learning · 1 review\n"
            "Share?\n"
            "Positions:\n"
            "  1. Share\n"
            "  2. Keep\n"
            "Your last justification (2024-06-01 12:00 UTC) is in the box: revise it.\n"
            "Your last position: 2\n"
            "Your last justification:\n"
            "  Sources first,\n"
            "  then the lead.\n");
  EXPECT_EQ(term::answer_instruction(c),
            "Type the number of the position you take (1-2), then press Enter; Enter alone keeps your last one.");
  EXPECT_EQ(term::justification_instruction(c),
            "Write your justification again (one line or several, then an empty line to submit), or press Enter "
            "at once to keep your last one.");
}
