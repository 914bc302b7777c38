// The application core seen from outside: one resolver of effective options serves the study
// screen and the reports (CLI and GUI) alike; navigation is app state; export, import,
// optimize and simulate run as background jobs whose results are applied by poll().
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
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
  c.dispatch(app::ToggleExportFormat{2});  // no CSV
  c.dispatch(app::StartExport{});
  EXPECT_TRUE(c.busy() || c.export_view().job.running);
  c.wait_for_background();
  const app::ExportView v = c.export_view();
  EXPECT_FALSE(v.job.running);
  EXPECT_FALSE(v.failed) << v.message;
  EXPECT_GE(wakes->load(), 1);  // at least the "finished" wake-up
  const std::vector<std::string> names = {"casebook-report-alice-2024-06-01.html", "casebook-report-alice-2024-06-01.pdf",
                                          "casebook-report-alice-2024-06-01.xlsx",
                                          "casebook-report-alice-2024-06-01.json",
                                          "casebook-report-alice-2024-06-01.xapi.json"};
  EXPECT_EQ(v.written, names);
  // Every card of the small bank (8 questions) is in the report, started or not; the one
  // review of the session.
  EXPECT_NE(v.message.find("Wrote 5 files (8 cards, 1 review)"), std::string::npos) << v.message;
  for (const auto& n : names) EXPECT_TRUE(std::filesystem::exists(folder + "/" + n)) << n;
  c.dispatch(app::StartExport{});
  c.wait_for_background();
  EXPECT_EQ(c.export_view().written.front(), "casebook-report-alice-2024-06-01-2.html");
}

TEST(BackgroundWork, ExportTakesTheLearnerTheBankAndThePeriodChosenOnTheScreen) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  storage::Progress(db).ensure_learner("bob");  // a second learner, with no reviews
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  const std::string soldatov = std::string(CASEBOOK_SOURCE_DIR) + "/question_banks/soldatov-2021-russia-cooperation.toml";
  app::Controller c(test_config(db, now, {casebook::test::small_bank_path(), soldatov}));
  c.dispatch(app::StartSession{});
  c.dispatch(app::SubmitAnswer{make_answer(shown_question(c), false)});
  c.dispatch(app::Rate{core::Rating::Again});
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  c.dispatch(app::Navigate{app::Screen::Export});
  app::ExportView v = c.export_view();
  EXPECT_EQ(v.learners, (std::vector<std::string>{"alice", "bob"}));
  EXPECT_EQ(v.learner, "alice");
  ASSERT_EQ(v.banks.size(), 3u);
  EXPECT_EQ(v.banks[0], "Every bank");
  const auto small = std::find(v.banks.begin(), v.banks.end(), "Small test bank");
  ASSERT_NE(small, v.banks.end());
  const std::string folder = dir.file("reports");
  c.dispatch(app::SetExportFolder{folder});
  for (int i : {0, 1, 2, 3, 5}) c.dispatch(app::ToggleExportFormat{i});  // JSON only
  const auto export_json = [&]() {
    c.dispatch(app::StartExport{});
    c.wait_for_background();
    const app::ExportView done = c.export_view();
    EXPECT_FALSE(done.failed) << done.message;
    EXPECT_EQ(done.written.size(), 1u);
    return done.written.empty() ? nlohmann::json() : nlohmann::json::parse(std::ifstream(folder + "/" + done.written[0]));
  };

  // A bad period is shown and blocks the export.
  c.dispatch(app::SetExportPeriod{"2024-13-01", ""});
  // Named as the screen's field is ("From"), not as the command line's option.
  EXPECT_EQ(c.export_view().period_error.rfind("From 2024-13-01: not a date", 0), 0u) << c.export_view().period_error;
  c.dispatch(app::StartExport{});
  EXPECT_TRUE(c.export_view().failed);
  EXPECT_NE(c.export_view().message.find("Fix the period first"), std::string::npos) << c.export_view().message;

  // One bank, a period before the review: every card of that bank, no review.
  c.dispatch(app::SetExportPeriod{"2024-05-01", "2024-05-31"});
  EXPECT_EQ(c.export_view().period_error, "");
  c.dispatch(app::SetExportBank{static_cast<int>(small - v.banks.begin())});
  nlohmann::json doc = export_json();
  EXPECT_EQ(doc.at("learner"), "alice");
  EXPECT_EQ(doc.at("bank_filter"), "test-small");
  EXPECT_EQ(doc.at("period").at("from"), "2024-05-01T04:00:00.000Z");
  EXPECT_EQ(doc.at("period").at("to"), "2024-06-01T04:00:00.000Z");
  EXPECT_EQ(doc.at("cards").size(), 8u);
  EXPECT_EQ(doc.at("reviews").size(), 0u);

  // The period up to today: the wrong answer is there, in the list of mistakes.
  c.dispatch(app::SetExportPeriod{"2024-05-01", ""});
  doc = export_json();
  EXPECT_EQ(doc.at("reviews").size(), 1u);
  EXPECT_EQ(doc.at("summary").at("not_started"), 7);
  EXPECT_EQ(doc.at("analytics").at("mistakes").at("total"), 1);

  // Every bank: the other bank's questions are cards not started.
  c.dispatch(app::SetExportBank{0});
  doc = export_json();
  EXPECT_EQ(doc.at("bank_filter"), nullptr);
  EXPECT_GT(doc.at("cards").size(), 8u);

  // The other learner: the same cards, none started, and the file says whose it is.
  c.dispatch(app::SetExportLearner{1});
  EXPECT_EQ(c.export_view().learner, "bob");
  doc = export_json();
  EXPECT_EQ(doc.at("learner"), "bob");
  EXPECT_EQ(doc.at("reviews").size(), 0u);
  EXPECT_EQ(doc.at("summary").at("seen"), 0);
  EXPECT_EQ(c.export_view().written.at(0).rfind("casebook-report-bob-2024-06-01", 0), 0u) << c.export_view().written.at(0);
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
  EXPECT_EQ(v.charts[0][0].values.size(), 30u);
  EXPECT_EQ(v.columns[1], "Retention 99.0 %");
  // The charts (issue 12): titled by kind and column, units on the value axis, the days along
  // the other, one value axis per kind for A and B, a line per day that says the value.
  EXPECT_EQ(v.charts[0][1].title, "Reviews per day, Retention 99.0 %");
  EXPECT_EQ(v.charts[1][0].title, "Minutes per day, " + v.columns[0]);
  EXPECT_EQ(v.charts[2][0].title, "Expected retention, " + v.columns[0]);
  EXPECT_EQ(v.charts[0][0].unit, "reviews per day");
  EXPECT_EQ(v.charts[1][1].unit, "minutes per day");
  EXPECT_EQ(v.charts[2][1].unit, "% retention");
  EXPECT_EQ(v.charts[2][0].x_axis, "days from today (day 1 is today)");
  EXPECT_EQ(v.charts[2][0].top, 100.0f);
  for (const auto& pair : v.charts) {
    EXPECT_EQ(pair[0].top, pair[1].top);
    for (const app::Chart& chart : pair) {
      ASSERT_EQ(chart.labels.size(), 30u);
      ASSERT_EQ(chart.tips.size(), 30u);
      EXPECT_EQ(chart.labels[29], "day 30");
      EXPECT_GE(chart.top, *std::max_element(chart.values.begin(), chart.values.end()));
    }
  }
  const std::string& tip = v.charts[0][0].tips[0];  // "Day 1, <today>: 3 reviews (0 forgotten)"
  const int reviews = static_cast<int>(v.charts[0][0].values[0]);
  EXPECT_EQ(tip.rfind("Day 1, ", 0), 0u) << tip;
  EXPECT_NE(tip.find(": " + std::to_string(reviews) + (reviews == 1 ? " review (" : " reviews (")), std::string::npos)
      << tip;
}
