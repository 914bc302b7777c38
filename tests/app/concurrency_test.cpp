// Two Casebooks on one progress file: recording an answer is one write transaction (newest
// state read, review-log row appended, card state and flags updated), so two processes
// rating the same card at once lose nothing and the card state is a replay of the log.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using casebook::test::TempDir;

namespace {

constexpr int kRatingsPerProcess = 40;

/// In a child process: one session over the test bank in bank order, every card answered
/// wrong and rated Again (so cards come back), kRatingsPerProcess ratings. Both children
/// walk the same cards in the same order at the same time. Returns the number of ratings
/// that were acknowledged (no error message), as the exit code.
int rate_repeatedly(const std::string& db, int start_fd) {
  char go = 0;
  if (::read(start_fd, &go, 1) != 1) return 200;  // wait until both children are ready
  app::AppConfig config;
  config.db_path = db;
  config.bank_paths = {casebook::test::small_bank_path()};
  config.learner = "alice";
  config.scheduler.clock = core::DayClock{"UTC", 4};
  config.new_card_order = app::NewCardOrder::InBank;
  config.single_instance = false;  // both write on purpose: the transactions are what is tested
  app::Controller c(config);
  int acknowledged = 0;
  c.dispatch(app::StartSession{});
  for (int i = 0; i < kRatingsPerProcess; ++i) {
    if (c.study() == nullptr) return 201;
    c.dispatch(app::SubmitAnswer{casebook::test::make_answer(casebook::test::shown_question(c), false)});
    c.dispatch(app::SkipRubric{});  // a dilemma answered without ticks is rated only after this
    c.dispatch(app::Rate{core::Rating::Again});
    if (c.message().empty()) ++acknowledged;
  }
  c.dispatch(app::LeaveSession{});
  return acknowledged;
}

}  // namespace

TEST(TwoProcesses, RatingTheSameCardAtOnceLosesNothingAndStateIsAReplayOfTheLog) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  { storage::Progress create(db); }  // schema first, so neither child races to create it
  int start[2];
  ASSERT_EQ(::pipe(start), 0);
  pid_t children[2];
  for (pid_t& child : children) {
    child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(start[1]);
      std::_Exit(rate_repeatedly(db, start[0]));  // no gtest teardown in the child
    }
  }
  ::close(start[0]);
  ASSERT_EQ(::write(start[1], "gg", 2), 2);  // both start together
  ::close(start[1]);
  int acknowledged = 0;
  for (const pid_t child : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_LE(WEXITSTATUS(status), kRatingsPerProcess) << "child failed with code " << WEXITSTATUS(status);
    acknowledged += WEXITSTATUS(status);
  }
  EXPECT_EQ(acknowledged, 2 * kRatingsPerProcess);

  storage::Progress p(db);
  const auto log = p.review_log("alice");  // time order, ties in commit (row) order
  ASSERT_EQ(static_cast<int>(log.size()), acknowledged) << "an acknowledged rating is missing from the log";
  std::map<std::string, std::vector<core::ReviewRecord>> by_card;
  for (const auto& r : log) by_card[r.card_key].push_back(r);
  int shared = 0;  // cards both processes rated
  for (const auto& [key, reviews] : by_card) {
    SCOPED_TRACE(key);
    // Every review started from the state the previous one left: a rating that read the
    // state outside its write transaction would start two reviews from the same state.
    EXPECT_EQ(reviews.front().before.state, core::CardState::New);
    for (std::size_t i = 1; i < reviews.size(); ++i) {
      EXPECT_EQ(reviews[i].before, reviews[i - 1].after) << "review " << i << " did not start from the newest state";
    }
    EXPECT_EQ(reviews.back().after.reps, static_cast<int>(reviews.size()));
    EXPECT_EQ(p.card_state("alice", key), reviews.back().after);
    if (reviews.size() >= 2) ++shared;
  }
  EXPECT_GE(shared, 3) << "the two processes did not rate the same cards";
  const auto cached = p.card_states("alice");
  p.rebuild_card_states();  // the cache equals a replay of the log
  EXPECT_EQ(p.card_states("alice"), cached);
}
