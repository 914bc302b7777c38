// The class report from the window (app::ClassReportFlow, issue 13): built through the
// controller from the learners' JSON reports collected in the export folder, it is the same
// page `casebook class-report` makes of those files (the newest report per learner; an xAPI
// export in the folder is skipped and counted), written under a new name each time, as HTML
// or XLSX; an empty folder says what to do.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "app/class_report_flow.hpp"
#include "app/controller.hpp"
#include "cli/cmd_class_report.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace fs = std::filesystem;
using casebook::test::kTestNow;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const fs::path kGolden = fs::path(CASEBOOK_SOURCE_DIR) / "tests/report/golden";

}  // namespace

TEST(ClassReportFlow, BuildsFromTheFolderWhatTheCommandBuildsFromItsFiles) {
  casebook::test::TempDir dir;
  const fs::path folder = dir.file("reports");
  fs::create_directories(folder);
  // Two learners (the goldens share a name: the second is renamed "Bo"), an xAPI export (not a
  // learner report) and an older report of Bo with other answers (the newer one counts).
  const auto renamed = [](const fs::path& from, const fs::path& to) {
    nlohmann::json doc = nlohmann::json::parse(slurp(from));
    doc["learner"] = "Bo";
    std::ofstream(to, std::ios::binary) << doc.dump(1);
  };
  fs::copy_file(kGolden / "report.json", folder / "casebook-report-zoe.json");
  renamed(kGolden / "rich.json", folder / "casebook-report-bo.json");
  fs::copy_file(kGolden / "rich.xapi.json", folder / "casebook-report-bo.xapi.json");
  renamed(kGolden / "report.json", folder / "casebook-report-bo-old.json");
  fs::last_write_time(folder / "casebook-report-bo-old.json",
                      fs::last_write_time(folder / "casebook-report-bo.json") - std::chrono::hours(24));
  auto now = std::make_shared<casebook::core::TimestampMs>(kTestNow);
  app::Controller c(casebook::test::test_config(dir.file("p.sqlite3"), now));
  c.dispatch(app::Navigate{app::Screen::Export});
  c.dispatch(app::SetExportFolder{folder.string()});
  ASSERT_EQ(c.class_report().sources.size(), 1u) << "no store is configured";
  c.dispatch(app::StartClassReport{});
  c.wait_for_background();
  const app::ClassReportView v = c.class_report();
  ASSERT_FALSE(v.failed) << v.message;
  EXPECT_EQ(v.written, (folder / "casebook-report-class-2024-06-01.html").string());
  EXPECT_EQ(v.message.rfind("Wrote casebook-report-class-2024-06-01.html (2 learners, ", 0), 0u) << v.message;
  EXPECT_NE(v.message.find("; 1 JSON file was not a learner's report; 1 older report of a learner left out."),
            std::string::npos)
      << v.message;

  casebook::cli::ClassReportOptions o;
  o.inputs = {(folder / "casebook-report-bo.json").string(), (kGolden / "report.json").string()};
  o.bank_paths = {casebook::test::small_bank_path()};
  o.out_path = dir.file("cli.html");
  std::ostringstream out, err;
  ASSERT_EQ(casebook::cli::run_class_report(o, out, err), 0) << err.str();
  EXPECT_EQ(slurp(v.written), slurp(o.out_path));

  c.dispatch(app::SetClassReport{0, 1});  // XLSX, under a new name
  c.dispatch(app::StartClassReport{});
  c.wait_for_background();
  EXPECT_EQ(c.class_report().written, (folder / "casebook-report-class-2024-06-01.xlsx").string());
  EXPECT_EQ(slurp(c.class_report().written).substr(0, 2), "PK");  // a zip container
  c.dispatch(app::SetClassReport{0, 0});
  c.dispatch(app::StartClassReport{});
  c.wait_for_background();
  EXPECT_EQ(c.class_report().written, (folder / "casebook-report-class-2024-06-01-2.html").string())
      << "an earlier class report is never replaced";
}

// A learner whose newest report holds no review (exported for a period without study) is
// named in the message, not left to look like a learner who answered nothing.
TEST(ClassReportFlow, AReportWithoutReviewsIsPointedOut) {
  casebook::test::TempDir dir;
  const fs::path folder = dir.file("reports");
  fs::create_directories(folder);
  fs::copy_file(kGolden / "report.json", folder / "casebook-report-zoe.json");
  nlohmann::json empty = nlohmann::json::parse(slurp(kGolden / "report.json"));
  empty["learner"] = "Bo";
  empty["reviews"] = nlohmann::json::array();
  std::ofstream(folder / "casebook-report-bo.json", std::ios::binary) << empty.dump(1);
  auto now = std::make_shared<casebook::core::TimestampMs>(kTestNow);
  app::Controller c(casebook::test::test_config(dir.file("p.sqlite3"), now));
  c.dispatch(app::Navigate{app::Screen::Export});
  c.dispatch(app::SetExportFolder{folder.string()});
  c.dispatch(app::StartClassReport{});
  c.wait_for_background();
  const app::ClassReportView v = c.class_report();
  ASSERT_FALSE(v.failed) << v.message;
  EXPECT_NE(v.message.find("(2 learners, "), std::string::npos) << v.message;
  EXPECT_NE(v.message.find(". 1 learner's report has no reviews (limited to a period without study?): export it "
                           "again for the whole time, then build the class report again."),
            std::string::npos)
      << v.message;
}

TEST(ClassReportFlow, AFolderWithoutLearnersReportsSaysWhatToDo) {
  casebook::test::TempDir dir;
  auto now = std::make_shared<casebook::core::TimestampMs>(kTestNow);
  app::Controller c(casebook::test::test_config(dir.file("p.sqlite3"), now));
  c.dispatch(app::Navigate{app::Screen::Export});
  c.dispatch(app::SetExportFolder{dir.file("empty")});
  fs::create_directories(dir.file("empty"));
  c.dispatch(app::StartClassReport{});
  c.wait_for_background();
  EXPECT_TRUE(c.class_report().failed);
  EXPECT_EQ(c.class_report().message,
            "No class report: no learner's report (casebook report --format json) in " + dir.file("empty") +
                ": collect the learners' JSON reports there, or choose the class's store");
  EXPECT_TRUE(c.class_report().written.empty());
}
