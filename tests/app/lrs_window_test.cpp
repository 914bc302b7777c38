// The window's background sync with a learning record store (app::LrsSyncFlow, issue 13):
// after a session ends its answers reach a real store (Learning Locker's statement service,
// started by the test) and Home and the summary say so; a store that cannot be reached leaves
// them waiting with a line saying so, and the next session sends them, none twice; a
// credentials file others may read is refused on screen; and the status line's wording.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/lrs_flow.hpp"
#include "lrs_server.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
using casebook::test::kTestNow;
using casebook::test::stored_ids;

namespace {

/// Writes the store's credentials file as a learner would (`url`, user, password), mode 0600.
std::string write_config(const std::string& path, const app::LrsConfig& lrs, mode_t mode = 0600) {
  std::ofstream(path) << "# the class's store\nurl = " << lrs.url << "\nuser = " << lrs.user
                      << "\npassword = " << lrs.password << "\n";
  ::chmod(path.c_str(), mode);
  return path;
}

/// Answers `right.size()` cards of a session (right or wrong in turn) and ends it: the screen
/// is then the summary, and the sync of its answers has started.
void answer_and_leave(app::Controller& c, core::TimestampMs& now, const std::vector<bool>& right) {
  c.dispatch(app::StartSession{});
  for (const bool r : right) {
    ASSERT_EQ(c.screen(), app::Screen::Study);
    now += 2000;
    c.dispatch(app::SubmitAnswer{casebook::test::make_answer(casebook::test::shown_question(c), r)});
    casebook::test::assess_rubric(c, r);
    now += 1000;
    c.dispatch(app::Continue{});
  }
  if (c.screen() == app::Screen::Study) c.dispatch(app::LeaveSession{});
  ASSERT_EQ(c.screen(), app::Screen::Summary);
}

}  // namespace

TEST(LrsWindowSync, ASessionsAnswersReachTheStoreAfterItEndsAndHomeSaysSo) {
  START_LRS(server, dir);
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::AppConfig config = casebook::test::test_config(dir.file("p.sqlite3"), now);
  config.lrs_config_path = write_config(dir.file("lrs.conf"), server.config());
  {
    app::Controller c(config);
    c.wait_for_background();  // the start-up sync: nothing to send yet
    EXPECT_EQ(c.home().sync.line.rfind("Class record store (LRS): up to date with 127.0.0.1:", 0), 0u) << c.home().sync.line;
    answer_and_leave(c, *now, {true, false, true});
    if (HasFatalFailure()) return;
    c.wait_for_background();
    const app::SyncStatusView sync = c.summary().sync;
    EXPECT_FALSE(sync.failed) << sync.line;
    EXPECT_NE(sync.line.find("your answers are in 127.0.0.1:"), std::string::npos) << sync.line;
    EXPECT_NE(sync.line.find("(3 answers sent 2024-06-01 12:00 UTC)."), std::string::npos) << sync.line;
    EXPECT_EQ(stored_ids(server.config()).size(), 3u);
    c.dispatch(app::GoHome{});
    EXPECT_EQ(c.home().sync.line, sync.line);
    // The instructor's class report from the store, on the Export screen (R chooses it).
    c.dispatch(app::Navigate{app::Screen::Export});
    c.dispatch(app::SetExportFolder{dir.file("class")});
    ASSERT_EQ(c.class_report().sources.size(), 2u);
    EXPECT_EQ(c.class_report().sources[1], "The class's record store (LRS): " + server.config().url);
    c.dispatch(app::SetClassReport{1, 0});
    c.dispatch(app::StartClassReport{});
    c.wait_for_background();
    EXPECT_EQ(c.class_report().message.rfind("Wrote casebook-report-class-2024-06-01.html (1 learner, 3 questions)", 0),
              0u)
        << c.class_report().message;
  }
  // A new start sends nothing again.
  app::Controller again(config);
  again.wait_for_background();
  EXPECT_NE(again.home().sync.line.find("up to date with"), std::string::npos) << again.home().sync.line;
  EXPECT_EQ(stored_ids(server.config()).size(), 3u);
}

TEST(LrsWindowSync, AnUnreachableStoreLeavesTheAnswersWaitingUntilTheNextSession) {
  START_LRS(server, dir);
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::AppConfig config = casebook::test::test_config(dir.file("p.sqlite3"), now);
  app::LrsConfig nowhere = server.config();
  nowhere.url = "http://127.0.0.1:9/xAPI";  // the discard port: nothing listens there
  config.lrs_config_path = write_config(dir.file("lrs.conf"), nowhere);
  app::Controller c(config);
  answer_and_leave(c, *now, {true, true});
  if (HasFatalFailure()) return;
  c.wait_for_background();
  const app::SyncStatusView offline = c.summary().sync;
  EXPECT_TRUE(offline.failed);
  EXPECT_EQ(offline.line.rfind("Class record store (LRS): not sent to 127.0.0.1:9 (2024-06-01 12:00 UTC): ", 0), 0u)
      << offline.line;
  EXPECT_NE(offline.line.find("2 answers wait safely in your progress file and go with the next sync."),
            std::string::npos)
      << offline.line;
  // The store is back (the file now names it): the next session sends both sessions' answers.
  write_config(dir.file("lrs.conf"), server.config());
  c.dispatch(app::GoHome{});
  *now += 60'000;
  answer_and_leave(c, *now, {false});
  if (HasFatalFailure()) return;
  c.wait_for_background();
  EXPECT_NE(c.summary().sync.line.find("(3 answers sent 2024-06-01 12:01 UTC)."), std::string::npos)
      << c.summary().sync.line;
  EXPECT_EQ(stored_ids(server.config()).size(), 3u);
}

TEST(LrsWindowSync, ACredentialsFileOthersMayReadIsRefusedOnScreenAndNothingIsSent) {
  START_LRS(server, dir);
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::AppConfig config = casebook::test::test_config(dir.file("p.sqlite3"), now);
  config.lrs_config_path = write_config(dir.file("lrs.conf"), server.config(), 0644);
  app::Controller c(config);
  answer_and_leave(c, *now, {true});
  if (HasFatalFailure()) return;
  c.wait_for_background();
  EXPECT_TRUE(c.summary().sync.failed);
  EXPECT_NE(c.summary().sync.line.find(dir.file("lrs.conf")), std::string::npos) << c.summary().sync.line;
  EXPECT_TRUE(stored_ids(server.config()).empty());
}

TEST(LrsWindowSync, WithoutACredentialsFileNothingIsSentOrShown) {
  casebook::test::TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::AppConfig config = casebook::test::test_config(dir.file("p.sqlite3"), now);
  config.lrs_config_path = dir.file("no-such-lrs.conf");  // most learners have no class store
  app::Controller c(config);
  answer_and_leave(c, *now, {true});
  if (HasFatalFailure()) return;
  c.wait_for_background();
  EXPECT_FALSE(c.summary().sync.configured);
  EXPECT_EQ(c.summary().sync.line, "");
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.home().sync.line, "");
  c.dispatch(app::Navigate{app::Screen::Export});
  EXPECT_EQ(c.class_report().sources.size(), 1u) << "no store to offer";
}

TEST(LrsSyncStatus, SaysWhatWasSentTakenBackOrLeftWaiting) {
  app::SyncResult r;
  r.complete = true;
  r.sent = 1;
  r.voided = 2;
  r.reports = 1;
  const auto at = kTestNow + 5 * 60'000;
  EXPECT_EQ(app::sync_status(r, "https://lrs.example.org/data/xAPI", at, "Europe/Berlin").line,
            "Class record store (LRS): your answers are in lrs.example.org (1 answer sent, 2 answers taken back, "
            "1 problem report 2024-06-01 14:05 CEST).");
  r.conflicts.resize(1);
  EXPECT_NE(app::sync_status(r, "https://lrs.example.org/x", at, "UTC")
                .line.find(" 1 answer was already there with other content; `casebook sync` lists them."),
            std::string::npos);
  app::SyncResult none;
  none.complete = true;
  EXPECT_EQ(app::sync_status(none, "http://10.0.0.2:8080/xAPI", at, "UTC").line,
            "Class record store (LRS): up to date with 10.0.0.2:8080 (checked 2024-06-01 12:05 UTC).");
  app::SyncResult refused;
  refused.error = "the store refused the statements: HTTP 401 (check the LRS user and password)";
  const app::SyncStatusView v = app::sync_status(refused, "https://lrs.example.org/x", at, "UTC");
  EXPECT_TRUE(v.failed);
  EXPECT_EQ(v.line, "Class record store (LRS): not sent to lrs.example.org (2024-06-01 12:05 UTC): the store refused "
                    "the statements: HTTP 401 (check the LRS user and password). Your answers are safe in your "
                    "progress file.");
}
