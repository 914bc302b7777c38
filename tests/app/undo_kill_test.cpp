// Issue 11: kill -9 right after an undo. A child process rates a learning card, takes the
// rating back and is killed (SIGKILL) as soon as the undo is acknowledged (the card is on
// screen again); reopened, the progress file has the voiding record, the card's state is
// the one it had before the rating, and Home and the next session count the same cards.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <tuple>

#include "app/controller.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace test = casebook::test;

namespace {

/// The card_state row of `key` as text, "" when there is none (the card is new).
std::string card_state(const std::string& db, const std::string& key) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  SQLite::Statement s(d,
                      "SELECT state, stability, difficulty, due_ms, last_review_ms, scheduled_days, learning_steps, "
                      "reps, lapses FROM card_state WHERE card_key = ?");
  s.bind(1, key);
  if (!s.executeStep()) return "";
  std::string row;
  for (int i = 0; i < s.getColumnCount(); ++i) row += s.getColumn(i).getString() + "|";
  return row;
}

std::tuple<int, int, int> home_counts(const app::HomeView& h) { return {h.new_available, h.learning_due, h.review_due}; }

}  // namespace

TEST(UndoKill, KilledRightAfterAnUndoTheReviewStaysVoidedAndTheCardAsBefore) {
  test::TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  auto now = std::make_shared<core::TimestampMs>(test::kTestNow);
  std::string key;
  {  // the first card answered wrong: it is in learning, due again in minutes
    app::Controller c(test::test_config(db, now));
    c.dispatch(app::StartSession{});
    ASSERT_NE(c.study(), nullptr);
    key = c.study()->card.card_key;
    *now += 2000;
    c.dispatch(app::SubmitAnswer{test::make_answer(test::shown_question(c), false)});
    c.dispatch(app::Rate{core::Rating::Again});
    c.dispatch(app::LeaveSession{});
  }
  *now += 30 * 60 * 1000;  // past its learning step
  const std::string before = card_state(db, key);
  ASSERT_NE(before, "");
  std::tuple<int, int, int> counts_before;
  {
    app::Controller c(test::test_config(db, now));
    counts_before = home_counts(c.home());
  }
  ASSERT_EQ(std::get<1>(counts_before), 1);  // the learning card is due

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // rate the learning card, undo it, and die without any clean-up
    app::Controller c(test::test_config(db, now));
    c.dispatch(app::StartSession{});
    if (c.study() == nullptr || c.study()->card.card_key != key) std::_Exit(3);
    *now += 3000;
    c.dispatch(app::SubmitAnswer{test::make_answer(test::shown_question(c), true)});
    c.dispatch(app::Rate{core::Rating::Good});
    if (c.study() != nullptr && c.study()->card.card_key == key) std::_Exit(4);  // the session went on
    c.dispatch(app::Undo{});
    if (c.study() == nullptr || c.study()->card.card_key != key || c.study()->feedback) std::_Exit(5);
    ::raise(SIGKILL);  // the undo is acknowledged: the card is on screen again
    std::_Exit(6);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited with " << WEXITSTATUS(status);
  ASSERT_EQ(WTERMSIG(status), SIGKILL);

  {  // the log: two reviews of the card, the second voided by the undo
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    SQLite::Statement reviews(d, "SELECT id FROM review_log WHERE card_key = ? ORDER BY id");
    reviews.bind(1, key);
    std::vector<std::int64_t> ids;
    while (reviews.executeStep()) ids.push_back(reviews.getColumn(0).getInt64());
    ASSERT_EQ(ids.size(), 2u);
    SQLite::Statement voids(d, "SELECT review_id, reason FROM review_void");
    ASSERT_TRUE(voids.executeStep());
    EXPECT_EQ(voids.getColumn(0).getInt64(), ids[1]);
    EXPECT_EQ(voids.getColumn(1).getString(), "undo");
    EXPECT_FALSE(voids.executeStep());
  }
  EXPECT_EQ(card_state(db, key), before);

  app::Controller c(test::test_config(db, now));
  EXPECT_EQ(home_counts(c.home()), counts_before);
  c.dispatch(app::StartSession{});
  ASSERT_NE(c.study(), nullptr);
  EXPECT_EQ(c.study()->card.card_key, key);  // shown again, as before the rating
  const app::CardView& card = c.study()->card;
  EXPECT_EQ(card.count_learning, std::get<1>(counts_before));
  EXPECT_EQ(card.count_review, std::get<2>(counts_before));
  EXPECT_EQ(card.count_new, std::get<0>(counts_before));
}
