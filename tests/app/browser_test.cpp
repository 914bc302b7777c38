// The Browser, Card info and card actions through app::Controller (issue 12): a real bank, a
// temp SQLite database and an injected clock. Search results on that fixed database, sorting,
// search errors, card info (question, answer, source, schedule, history), and every card
// action: its card event, its effect on the study queue and Home counts, and in a session.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

constexpr core::TimestampMs kDayMs = 86'400'000;

struct Fixture : casebook::test::AppFiles {
  app::Controller c{test_config(db, now)};

  /// Answers the current study card right or wrong and rates it.
  void answer(bool right, core::Rating rating) {
    *now += 2000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), right)});
    *now += 500;
    c.dispatch(app::Rate{rating});
  }

  /// The card keys the browser shows, in order.
  [[nodiscard]] std::vector<std::string> shown() const {
    std::vector<std::string> out;
    const app::BrowserView& b = c.browser();
    for (const int i : b.shown) out.push_back(b.rows[static_cast<std::size_t>(i)].card_key);
    return out;
  }

  std::vector<std::string> search(const std::string& q) {
    c.dispatch(app::SetBrowserSearch{q});
    return shown();
  }

  [[nodiscard]] const app::BrowserRow& row(const std::string& key) const {
    for (const auto& r : c.browser().rows) {
      if (r.card_key == key) return r;
    }
    throw std::runtime_error("no row " + key);
  }
};

using Keys = std::vector<std::string>;

/// A card action with every field named (the action's aggregate has defaults).
app::ApplyCardAction act(app::CardActionKind kind, std::string key = "", int flag = 0, std::string note = "") {
  return app::ApplyCardAction{kind, std::move(key), flag, std::move(note)};
}
const std::string kQ1 = "test-small/q1-year", kQ2 = "test-small/q2-truth", kQ3 = "test-small/q3-name",
                  kQ4 = "test-small/q4-count", kQ5 = "test-small/q5-order", kQ6 = "test-small/q6-match",
                  kQ7 = "test-small/q7-multi", kQ8 = "test-small/q8-dilemma";

}  // namespace

TEST(Browser, EveryCardWithItsColumnsAndSearches) {
  Fixture f;
  f.c.dispatch(app::StartSession{});
  f.answer(true, core::Rating::Good);   // q1: learning, due in 10 minutes
  f.answer(false, core::Rating::Again);  // q2: learning, due in 1 minute
  f.c.dispatch(app::LeaveSession{});
  f.c.dispatch(app::GoHome{});
  f.c.dispatch(app::Navigate{app::Screen::Browser});
  ASSERT_EQ(f.c.screen(), app::Screen::Browser);
  const app::BrowserView& b = f.c.browser();
  ASSERT_EQ(b.rows.size(), 8u);
  // Sorted by due: the two studied cards (q2 first, due sooner), then the new ones in key order.
  EXPECT_EQ(f.shown(), (Keys{kQ2, kQ1, kQ3, kQ4, kQ5, kQ6, kQ7, kQ8}));

  const app::BrowserRow& q1 = f.row(kQ1);
  EXPECT_EQ(q1.bank, "test-small");
  EXPECT_EQ(q1.topic, "Basics");
  EXPECT_EQ(q1.type, "single choice");
  EXPECT_EQ(q1.prompt, "In which year did the made-up arrests happen?");
  EXPECT_EQ(q1.state, "learning");
  EXPECT_EQ(q1.due, "today 12:10");  // local time of a learning step
  EXPECT_EQ(q1.retrievability, "100 %");
  EXPECT_EQ(q1.lapses, "0");
  EXPECT_EQ(q1.flags, "");
  const app::BrowserRow& q4 = f.row(kQ4);
  EXPECT_EQ(q4.state, "new");
  EXPECT_EQ(q4.due, "");
  EXPECT_EQ(q4.retrievability, "");

  EXPECT_EQ(f.search("is:learning"), (Keys{kQ2, kQ1}));
  EXPECT_EQ(f.search("is:new type:numeric"), (Keys{kQ4}));
  EXPECT_EQ(f.search("федеральная"), (Keys{kQ3}));  // folded Cyrillic
  EXPECT_EQ(f.search("topic:basics or type:dilemma"), (Keys{kQ1, kQ8}));
  EXPECT_EQ(f.search("rated:1"), (Keys{kQ2, kQ1}));
  EXPECT_EQ(f.search("bank:test-*  -is:new prop:reps=1"), (Keys{kQ2, kQ1}));
  EXPECT_EQ(f.search("made-up"), (Keys{kQ1, kQ8}));  // q8's scenario: "A made-up situation."
  EXPECT_EQ(f.search("arrests"), (Keys{kQ1}));

  // A search that does not parse keeps the last results and says where and what to do.
  EXPECT_EQ(f.search("arrests is:fresh"), (Keys{kQ1}));
  EXPECT_EQ(b.error, "column 12: unknown state \"is:fresh\"; use one of new, learning, review, due, suspended, buried, "
                     "leech, flagged");
  EXPECT_EQ(b.error_column, 12);  // where the value starts
  EXPECT_EQ(f.search(""), (Keys{kQ2, kQ1, kQ3, kQ4, kQ5, kQ6, kQ7, kQ8}));
  EXPECT_EQ(b.error, "");

  f.c.dispatch(app::SortBrowser{app::BrowserColumn::Type, true});
  // true false, single choice, short answer, ordering, numeric, multiple response, matching, dilemma
  EXPECT_EQ(f.shown(), (Keys{kQ2, kQ1, kQ3, kQ5, kQ4, kQ7, kQ6, kQ8}));
  f.c.dispatch(app::SortBrowser{app::BrowserColumn::Retrievability, false});
  EXPECT_EQ(f.shown().size(), 8u);
  EXPECT_EQ(f.shown()[2], kQ3);  // new cards (no retrievability) last, in key order
  f.c.dispatch(app::Back{});
  EXPECT_EQ(f.c.screen(), app::Screen::Home);
}

TEST(Browser, TheFirstCardShownIsChosenUntilTheLearnerChoosesAnother) {
  Fixture f;
  f.c.dispatch(app::Navigate{app::Screen::Browser});
  const app::BrowserView& b = f.c.browser();
  EXPECT_EQ(b.selected, kQ1);  // opened: the first row, so Enter opens it at once
  EXPECT_EQ(b.selected_shown, 0);
  f.c.dispatch(app::SelectCard{kQ5});
  EXPECT_EQ(f.search("type:ordering or type:numeric"), (Keys{kQ4, kQ5}));
  EXPECT_EQ(b.selected_shown, 1);  // the choice kept while it is shown
  EXPECT_EQ(f.search("type:dilemma"), (Keys{kQ8}));
  EXPECT_EQ(b.selected, kQ8);  // the chosen card filtered out: the first row instead
  EXPECT_EQ(b.selected_shown, 0);
  EXPECT_EQ(f.search("nothing-matches-this"), Keys{});
  EXPECT_EQ(b.selected_shown, -1);
  f.c.dispatch(app::OpenCardInfo{});
  EXPECT_EQ(f.c.screen(), app::Screen::Browser);  // nothing shown: nothing to open
}

TEST(Browser, CardInfoShowsTheQuestionScheduleAndHistory) {
  Fixture f;
  f.c.dispatch(app::StartSession{});
  f.answer(true, core::Rating::Good);
  f.c.dispatch(app::LeaveSession{});
  f.c.dispatch(app::GoHome{});
  *f.now += 60'000;
  f.c.dispatch(app::Navigate{app::Screen::Browser});
  f.c.dispatch(app::SelectCard{kQ1});
  EXPECT_EQ(f.c.browser().selected_shown, 0);  // the only card studied comes first by due
  f.c.dispatch(app::OpenCardInfo{});
  ASSERT_EQ(f.c.screen(), app::Screen::CardInfo);
  const app::CardInfoView& v = f.c.card_info();
  EXPECT_EQ(v.card_key, kQ1);
  EXPECT_EQ(v.bank_title, "Small test bank");
  EXPECT_EQ(v.question, "In which year did the made-up arrests happen?");
  EXPECT_EQ(v.options, (std::vector<std::string>{"  2014", "✓ 2016", "  2018"}));
  EXPECT_EQ(v.answer, "2016");
  EXPECT_EQ(v.explanation, "The article dates them to 2016.");
  EXPECT_EQ(v.source, "Jane Doe, \"A Made-Up Article About Cooperation\", The Test Times, 14 May 2021. (paragraph 12)");
  EXPECT_EQ(v.schedule.substr(0, 64), "On a learning step: shown again at 2024-06-01 12:10 UTC (in 9m).");
  ASSERT_GE(v.figures.size(), 5u);
  EXPECT_EQ(v.figures[0].value, "learning");
  EXPECT_EQ(v.figures[2].label, "Stability");
  ASSERT_EQ(v.history.size(), 1u);
  EXPECT_EQ(v.history[0].when, "2024-06-01 12:00 UTC");
  EXPECT_EQ(v.history[0].rating, "good");
  EXPECT_EQ(v.history[0].result, "correct");
  EXPECT_EQ(v.history[0].answer, "2016");
  EXPECT_EQ(v.history[0].time, "2 s");
  EXPECT_EQ(v.history[0].interval, "10m");
  f.c.dispatch(app::Back{});
  EXPECT_EQ(f.c.screen(), app::Screen::Browser);
}

TEST(Browser, CardInfoDueSaysNowWhenPastAndNamesTheStudyDayBeforeTheRollover) {
  Fixture f;
  *f.now -= 10 * 3'600'000;  // 02:00 UTC: before the 04:00 rollover, study day 2024-05-31
  f.c.dispatch(app::StartSession{});
  f.answer(true, core::Rating::Easy);  // a review card, due at 02:00 some days on
  f.c.dispatch(app::LeaveSession{});
  f.c.dispatch(app::GoHome{});
  f.c.dispatch(app::Navigate{app::Screen::Browser});
  f.c.dispatch(app::OpenCardInfo{kQ1});
  ASSERT_EQ(f.c.screen(), app::Screen::CardInfo);
  const app::CardInfoView& v = f.c.card_info();
  ASSERT_GE(v.figures.size(), 2u);
  ASSERT_EQ(v.figures[1].label, "Due");
  // "2024-06-0D 02:00 UTC (in Nd), study day 2024-06-0(D-1) (a study day begins at 04:00)",
  // and the schedule in words names that study day.
  const std::string& due = v.figures[1].value;
  ASSERT_GE(due.size(), 10u);
  const int day = std::stoi(due.substr(8, 2));
  const std::string study_day = "2024-06-" + std::string(day - 1 < 10 ? "0" : "") + std::to_string(day - 1);
  EXPECT_EQ(due.substr(10, 10), " 02:00 UTC") << due;
  EXPECT_NE(due.find(", study day " + study_day + " (a study day begins at 04:00)"), std::string::npos) << due;
  EXPECT_NE(v.schedule.find(", on " + study_day + "."), std::string::npos) << v.schedule;
  f.c.dispatch(app::Back{});

  // Past its due moment: "due now, since ...", not "(<1m)".
  Fixture g;
  g.c.dispatch(app::StartSession{});
  g.answer(true, core::Rating::Good);  // a learning step of 10 minutes
  g.c.dispatch(app::LeaveSession{});
  g.c.dispatch(app::GoHome{});
  *g.now += 17 * 60'000;
  g.c.dispatch(app::Navigate{app::Screen::Browser});
  g.c.dispatch(app::OpenCardInfo{kQ1});
  ASSERT_EQ(g.c.screen(), app::Screen::CardInfo);
  EXPECT_EQ(g.c.card_info().figures[1].value, "2024-06-01 12:10 UTC (due now, since 7m)");
}

TEST(Browser, CardActionsAreRecordedAndChangeTheQueue) {
  Fixture f;
  EXPECT_EQ(f.c.home().new_available, 8);
  f.c.dispatch(app::Navigate{app::Screen::Browser});
  f.c.dispatch(app::SelectCard{kQ2});
  f.c.dispatch(act(app::CardActionKind::Suspend));
  EXPECT_EQ(f.c.browser().notice, "Suspended: the card is not shown in study until you unsuspend it.");
  EXPECT_EQ(f.row(kQ2).flags, "suspended");
  f.c.dispatch(act(app::CardActionKind::Bury, kQ3));
  f.c.dispatch(act(app::CardActionKind::Flag, kQ4, 1, "ask in class"));
  f.c.dispatch(act(app::CardActionKind::Report, kQ5, 0, "  "));
  EXPECT_EQ(f.c.browser().notice, "Describe the problem with this question first (what is wrong, and where).");
  f.c.dispatch(act(app::CardActionKind::Report, kQ5, 0, "Two answers are right."));
  EXPECT_EQ(f.search("is:suspended"), (Keys{kQ2}));
  EXPECT_EQ(f.search("is:buried"), (Keys{kQ3}));
  EXPECT_EQ(f.search("flag:red"), (Keys{kQ4}));
  EXPECT_EQ(f.row(kQ5).flags, "1 report");
  EXPECT_EQ(f.row(kQ3).flags, "buried");

  // Suspended and buried cards leave the queue; the flagged and reported ones stay.
  f.c.dispatch(app::Back{});
  EXPECT_EQ(f.c.home().new_available, 6);
  {
    storage::Progress p(f.db, storage::Progress::Access::ReadOnly);
    const auto events = p.card_events("alice");
    ASSERT_EQ(events.size(), 4u);  // the refused report wrote nothing
    EXPECT_EQ(events[1].kind, storage::CardEventKind::Bury);
    EXPECT_EQ(events[1].until, kTestNow + 16 * 3'600'000);  // tomorrow 04:00 UTC, the rollover hour
    EXPECT_EQ(events[2].note, "ask in class");
    EXPECT_EQ(events[3].note, "Two answers are right.");
  }
  // The next study day, the buried card is back.
  *f.now += kDayMs;
  f.c.dispatch(app::ReloadBanks{});
  EXPECT_EQ(f.c.home().new_available, 7);

  // Unsuspend, reset (after a review) and clearing the flag, from Card info.
  f.c.dispatch(app::Navigate{app::Screen::Browser});
  f.c.dispatch(app::OpenCardInfo{kQ2});
  f.c.dispatch(act(app::CardActionKind::Unsuspend));
  EXPECT_EQ(f.c.card_info().notice, "Unsuspended: the card is studied again.");
  EXPECT_FALSE(f.c.card_info().suspended);
  f.c.dispatch(app::Back{});
  EXPECT_EQ(f.row(kQ2).flags, "");
  f.c.dispatch(app::OpenCardInfo{kQ4});
  EXPECT_EQ(f.c.card_info().marks, "Flag: red (ask in class).");
  f.c.dispatch(act(app::CardActionKind::Flag, "", 0));
  EXPECT_EQ(f.c.card_info().marks, "");
  ASSERT_EQ(f.c.card_info().events.size(), 2u);
  EXPECT_EQ(f.c.card_info().events[0], "2024-06-01 12:00 UTC: Flagged red: ask in class");
  f.c.dispatch(app::Back{});
  f.c.dispatch(app::Back{});
  EXPECT_EQ(f.c.home().new_available, 8);
}

TEST(Browser, ActionsDuringStudyTakeTheCardOut) {
  Fixture f;
  f.c.dispatch(app::StartSession{});
  ASSERT_NE(f.c.study(), nullptr) << f.c.message();
  ASSERT_EQ(f.c.study()->card.card_key, kQ1);
  f.c.dispatch(act(app::CardActionKind::Flag, "", 3, "check"));
  EXPECT_EQ(f.c.study()->card.card_key, kQ1);  // a flag keeps the card
  f.c.dispatch(act(app::CardActionKind::Suspend));
  ASSERT_NE(f.c.study(), nullptr);
  EXPECT_EQ(f.c.study()->card.card_key, kQ2);  // the next card, nothing recorded for q1
  EXPECT_EQ(f.c.message(), "Suspended: the card is not shown in study until you unsuspend it.");
  // On the feedback screen the answer is recorded first, then the card is buried.
  f.c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(f.c), true)});
  f.c.dispatch(act(app::CardActionKind::Bury));
  EXPECT_EQ(f.c.study()->card.card_key, kQ3);
  // Card info from the study screen; reset there takes the card out on return.
  f.c.dispatch(app::OpenCardInfo{});
  ASSERT_EQ(f.c.screen(), app::Screen::CardInfo);
  EXPECT_EQ(f.c.card_info().card_key, kQ3);
  f.c.dispatch(act(app::CardActionKind::Bury));
  f.c.dispatch(app::Back{});
  ASSERT_EQ(f.c.screen(), app::Screen::Study);
  EXPECT_EQ(f.c.study()->card.card_key, kQ4);
  f.c.dispatch(app::LeaveSession{});
  EXPECT_EQ(f.c.summary().reviewed, 1);

  storage::Progress p(f.db, storage::Progress::Access::ReadOnly);
  const auto log = p.review_log("alice");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].card_key, kQ2);
  EXPECT_EQ(p.card_events("alice").size(), 4u);
  // A reset card is new again, its history kept.
  f.c.dispatch(app::GoHome{});
  f.c.dispatch(app::Navigate{app::Screen::Browser});
  EXPECT_EQ(f.search("-is:new"), (Keys{kQ2}));
  f.c.dispatch(act(app::CardActionKind::Reset, kQ2));
  EXPECT_EQ(f.search("-is:new"), (Keys{}));
  f.c.dispatch(app::OpenCardInfo{kQ2});
  EXPECT_EQ(f.c.card_info().history.size(), 1u);
}

TEST(Browser, TheStudyCardShowsItsFlagSoThatTheSameKeyRemovesIt) {
  // The study screen's Ctrl+digit sends flag 0 when the card already has that flag: the view
  // must carry the card's flag, refreshed after each action (it was always 0 before).
  Fixture f;
  f.c.dispatch(app::Navigate{app::Screen::Browser});
  f.c.dispatch(act(app::CardActionKind::Flag, kQ2, 5, "ask in class"));  // flagged before the session
  f.c.dispatch(app::GoHome{});
  f.c.dispatch(app::StartSession{});
  ASSERT_NE(f.c.study(), nullptr) << f.c.message();
  ASSERT_EQ(f.c.study()->card.card_key, kQ1);
  EXPECT_EQ(f.c.study()->card.flag, 0);
  EXPECT_EQ(f.c.study()->card.flag_line, "");
  f.c.dispatch(act(app::CardActionKind::Flag, "", 1));
  EXPECT_EQ(f.c.study()->card.flag, 1);
  EXPECT_EQ(f.c.study()->card.flag_line, "Flagged red");
  f.c.dispatch(act(app::CardActionKind::Flag, "", 0));
  EXPECT_EQ(f.c.study()->card.flag, 0);
  EXPECT_EQ(f.c.study()->card.flag_line, "");
  f.answer(true, core::Rating::Good);
  ASSERT_EQ(f.c.study()->card.card_key, kQ2);
  EXPECT_EQ(f.c.study()->card.flag, 5);  // read when the card is shown
  EXPECT_EQ(f.c.study()->card.flag_line, "Flagged pink: ask in class");
  storage::Progress p(f.db, storage::Progress::Access::ReadOnly);
  const auto events = p.card_events("alice");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].flag, 1);
  EXPECT_EQ(events[2].flag, 0);
}
