// The application core seen from outside: one resolver of effective options serves the study
// screen and the reports (CLI and GUI) alike; navigation is app state; export, import,
// optimize and simulate run as background jobs whose results are applied by poll().
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/controller.hpp"
#include "app/report_export.hpp"
#include "cli/cli.hpp"
#include "core/options.hpp"
#include "core/scheduler.hpp"
#include "optimize_support.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::shown_question;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

constexpr core::TimestampMs kDay = 86'400'000;


}  // namespace

TEST(EffectiveOptions, ReportAgreesWithTheStudyScreenAfterOptimizingAndChangingZoneAndRollover) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  casebook::test::seed(db, casebook::test::simulated_log(60, "alice"));
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(db, now));

  // 1. Optimize through the app's flow, as the Optimize screen does.
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::Navigate{app::Screen::Optimize});
  ASSERT_EQ(c.screen(), app::Screen::Optimize);
  c.dispatch(app::StartOptimize{});
  c.wait_for_background();
  EXPECT_EQ(c.optimize().status.rfind("Applied:", 0), 0u) << c.optimize().status;
  ASSERT_EQ(c.study_options().weights.size(), 21u);
  c.dispatch(app::Back{});
  ASSERT_EQ(c.screen(), app::Screen::Settings);

  // 2. Another time zone and rollover hour; no learning steps, so Good gives days at once.
  core::StudyOptions o = c.study_options();
  o.time_zone = "America/New_York";
  o.rollover_hour = 2;
  o.learning_steps_minutes = {};
  c.dispatch(app::SaveOptions{o, ""});
  c.dispatch(app::Back{});
  ASSERT_EQ(c.screen(), app::Screen::Home);

  // 3. Study three cards; note the Good interval the screen shows for each.
  std::map<std::string, std::string> shown_good;
  c.dispatch(app::StartSession{});
  for (int i = 0; i < 3 && c.study() != nullptr; ++i) {
    const std::string key = c.study()->card.card_key;
    c.dispatch(app::SubmitAnswer{make_answer(shown_question(c), true)});
    ASSERT_TRUE(c.study()->feedback.has_value());
    shown_good[key] = c.study()->feedback->intervals[2];
    c.dispatch(app::Rate{core::Rating::Good});
    ASSERT_TRUE(c.message().empty()) << c.message();
  }
  ASSERT_EQ(shown_good.size(), 3u);
  c.dispatch(app::LeaveSession{});
  const core::TimestampMs rated_at = *now;

  // 4. Three days later, the report (as the GUI's Export and the CLI gather it).
  *now += 3 * kDay;
  app::ReportRequest request;
  request.db_path = db;
  request.bank_paths = c.config().bank_paths;
  request.learner = "alice";
  request.now = *now;
  request.base = app::base_study_options(c.config());
  const app::GatheredReport report = app::gather_report(request);
  EXPECT_EQ(report.input.time_zone, "America/New_York");
  EXPECT_EQ(report.input.rollover_hour, 2);
  const core::Scheduler studied(core::to_scheduler_options(c.study_options("test-small")));
  const core::Scheduler defaults(core::to_scheduler_options(core::StudyOptions{}));
  int checked = 0;
  for (const auto& card : report.input.cards) {
    const auto it = shown_good.find(card.card_key);
    if (it == shown_good.end()) continue;
    SCOPED_TRACE(card.card_key);
    ++checked;
    // The due time the study screen scheduled (and showed as the Good interval) ...
    EXPECT_EQ(core::format_interval(rated_at, card.schedule.due), it->second);
    // ... and the retrievability under the optimized weights, not the defaults.
    EXPECT_EQ(card.retrievability, studied.retrievability(card.schedule, *now));
    EXPECT_NE(card.retrievability, defaults.retrievability(card.schedule, *now));
  }
  EXPECT_EQ(checked, 3);

  // The CLI's report reads the same options from the database.
  casebook::cli::ReportOptions cli;
  cli.db_path = db;
  cli.bank_paths = c.config().bank_paths;
  cli.learner = "alice";
  cli.format = "json";
  cli.out_path = dir.file("report.json");
  cli.now = *now;
  std::ostringstream out, err;
  ASSERT_EQ(casebook::cli::run_report(cli, out, err), 0) << err.str();
  std::ifstream in(cli.out_path);
  const auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["time_zone"], "America/New_York");
  int cli_checked = 0;
  for (const auto& card : report.input.cards) {
    for (const auto& jc : j["cards"]) {
      if (jc["card_key"] != card.card_key || shown_good.count(card.card_key) == 0) continue;
      EXPECT_NEAR(jc.at("retrievability").get<double>(), card.retrievability, 1e-9) << card.card_key;
      EXPECT_EQ(jc.at("schedule").at("due_ms").get<core::TimestampMs>(), card.schedule.due);
      ++cli_checked;
    }
  }
  EXPECT_EQ(cli_checked, 3);
}

TEST(Navigation, ScreensAreAppStateAndBackReturnsWhereTheyWereOpened) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(dir.file("p.sqlite3"), now));
  EXPECT_EQ(c.screen(), app::Screen::Home);
  c.dispatch(app::Navigate{app::Screen::Optimize});  // only from Settings
  EXPECT_EQ(c.screen(), app::Screen::Home);
  c.dispatch(app::Navigate{app::Screen::Summary});   // only through a session
  EXPECT_EQ(c.screen(), app::Screen::Home);
  for (const app::Screen s : {app::Screen::Export, app::Screen::Import, app::Screen::Simulator, app::Screen::Settings}) {
    c.dispatch(app::Navigate{s});
    EXPECT_EQ(c.screen(), s);
    c.dispatch(app::Navigate{app::Screen::Export});  // not from another screen than Home
    EXPECT_EQ(c.screen(), s);
    c.dispatch(app::StartSession{});                  // a Home action elsewhere is ignored
    EXPECT_EQ(c.screen(), s);
    c.dispatch(app::Back{});
    EXPECT_EQ(c.screen(), app::Screen::Home);
  }
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::Navigate{app::Screen::Optimize});
  EXPECT_EQ(c.screen(), app::Screen::Optimize);
  c.dispatch(app::Back{});
  EXPECT_EQ(c.screen(), app::Screen::Settings);
  c.dispatch(app::Back{});
  c.dispatch(app::StartSession{});
  EXPECT_EQ(c.screen(), app::Screen::Study);
  c.dispatch(app::Back{});  // ends the session, as Escape does
  EXPECT_EQ(c.screen(), app::Screen::Summary);
  c.dispatch(app::GoHome{});
  EXPECT_EQ(c.screen(), app::Screen::Home);
}

TEST(BackgroundWork, ExportRunsOnAWorkerWakesTheWindowAndNeverReplacesAnEarlierExport) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(dir.file("p.sqlite3"), now));
  auto wakes = std::make_shared<std::atomic<int>>(0);
  c.set_waker([wakes] { ++*wakes; });
  c.dispatch(app::StartSession{});
  c.dispatch(app::SubmitAnswer{make_answer(shown_question(c), true)});
  c.dispatch(app::Rate{core::Rating::Good});
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  c.dispatch(app::Navigate{app::Screen::Export});
  const std::string folder = dir.file("reports");
  c.dispatch(app::SetExportFolder{folder});
  c.dispatch(app::ToggleExportFormat{1});  // no CSV
  c.dispatch(app::StartExport{});
  EXPECT_TRUE(c.busy() || c.export_view().job.running);
  c.wait_for_background();
  const app::ExportView v = c.export_view();
  EXPECT_FALSE(v.job.running);
  EXPECT_FALSE(v.failed) << v.message;
  EXPECT_GE(wakes->load(), 1);  // at least the "finished" wake-up
  const std::vector<std::string> names = {"casebook-report-alice-2024-06-01.html", "casebook-report-alice-2024-06-01.xlsx",
                                          "casebook-report-alice-2024-06-01.json",
                                          "casebook-report-alice-2024-06-01.xapi.json"};
  EXPECT_EQ(v.written, names);
  EXPECT_NE(v.message.find("Wrote 4 files (1 cards, 1 reviews)"), std::string::npos) << v.message;
  for (const auto& n : names) EXPECT_TRUE(std::filesystem::exists(folder + "/" + n)) << n;
  c.dispatch(app::StartExport{});
  c.wait_for_background();
  EXPECT_EQ(c.export_view().written.front(), "casebook-report-alice-2024-06-01-2.html");
}

TEST(BackgroundWork, ImportOutsideTheBankFolderIsLoadedAndSaysWhereItWent) {
  TempDir dir;
  const std::string banks = dir.file("banks");
  std::filesystem::create_directories(banks);
  std::filesystem::copy_file(casebook::test::small_bank_path(), banks + "/small.toml");
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(dir.file("p.sqlite3"), now, {banks}));
  const auto generation = c.glyph_generation();
  const std::string gift = dir.file("capitals.gift");
  std::ofstream(gift) << "::armenia:: The capital of Armenia is {=Երևան ~Gyumri}\n";
  c.dispatch(app::Navigate{app::Screen::Import});
  c.dispatch(app::SetImportInput{gift});
  EXPECT_EQ(c.import_view().output, banks + "/capitals.toml");  // derived: into the bank folder
  const std::string elsewhere = dir.file("elsewhere.toml");
  c.dispatch(app::SetImportOutput{elsewhere});
  c.dispatch(app::StartImport{});
  c.wait_for_background();
  const app::ImportView v = c.import_view();
  ASSERT_FALSE(v.failed) << v.summary;
  EXPECT_NE(v.summary.find("outside your bank folder"), std::string::npos) << v.summary;
  EXPECT_NE(v.summary.find("--bank " + elsewhere), std::string::npos) << v.summary;
  c.dispatch(app::Back{});
  bool listed = false;
  for (const auto& row : c.home().banks) listed = listed || (row.loaded && row.path == elsewhere);
  EXPECT_TRUE(listed) << "the imported bank is not on Home";
  EXPECT_GT(c.glyph_generation(), generation);
  const auto cps = c.used_code_points();
  EXPECT_TRUE(std::binary_search(cps.begin(), cps.end(), U'Ե'));  // the atlas will cover the new script
}

TEST(BackgroundWork, OptimizeSaysAppliedOnlyAfterTheSaveSucceeded) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  casebook::test::seed(db, casebook::test::simulated_log(60, "alice"));
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(db, now));
  {
    SQLite::Database other(db, SQLite::OPEN_READWRITE);
    other.exec("CREATE TRIGGER test_fail BEFORE INSERT ON study_option BEGIN SELECT RAISE(ABORT, 'disk is full'); END");
  }
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::Navigate{app::Screen::Optimize});
  c.dispatch(app::StartOptimize{});
  c.wait_for_background();
  const app::OptimizeView v = c.optimize();
  EXPECT_TRUE(v.has_result);
  EXPECT_EQ(v.status.rfind("Not applied:", 0), 0u) << v.status;
  EXPECT_NE(v.status.find("disk is full"), std::string::npos) << v.status;
  EXPECT_TRUE(v.status_is_error);
  EXPECT_TRUE(c.study_options().weights.empty());  // nothing changed
  EXPECT_TRUE(v.current_is_default);
}

TEST(BackgroundWork, SimulatorTakesABanksOptionsAndSizeAndRunsOnAWorker) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(dir.file("p.sqlite3"), now));
  c.dispatch(app::Navigate{app::Screen::Simulator});
  app::SimulatorForm form = c.simulator().form;
  EXPECT_EQ(form.scope, 0);
  EXPECT_EQ(form.retention_a, 90);
  ASSERT_EQ(c.simulator().scopes.size(), 2u);
  form.scope = 1;  // the test bank
  c.dispatch(app::SetSimulatorForm{form});
  EXPECT_EQ(c.simulator().form.bank_size, 8);  // its own card count
  form = c.simulator().form;
  form.days = 30;
  form.retention_b = 120;  // clamped
  c.dispatch(app::SetSimulatorForm{form});
  EXPECT_EQ(c.simulator().form.retention_b, 99);
  c.dispatch(app::StartSimulation{});
  c.wait_for_background();
  const app::SimulatorView v = c.simulator();
  ASSERT_TRUE(v.has_results) << v.error;
  EXPECT_EQ(v.scope_name, "Bank: Small test bank");
  EXPECT_EQ(v.rows.size(), 9u);  // with the standard deviation and the unevenness (issue 16)
  EXPECT_EQ(v.series[0][0].size(), 30u);
  EXPECT_EQ(v.columns[1], "Retention 99.0 %");
}
