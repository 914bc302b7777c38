// Runs the real `casebook` binary as a child process: exit codes, --version, --help,
// `validate` output lines and `report` files (their database is seeded in-process through
// app::Controller with an injected clock).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "app/controller.hpp"
#include "cli_support.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::Exec;
using casebook::test::lines;
using casebook::test::quote;
using casebook::test::run;
using casebook::test::seed_database;
using casebook::test::slurp;

TEST(Cli, VersionAndHelp) {
  TempDir dir;
  const Exec v = run(dir, {"--version"});
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.out, "casebook 0.1.0\n");
  const Exec h = run(dir, {"--help"});
  EXPECT_EQ(h.code, 0);
  for (const char* word : {"validate", "report", "--db", "--bank", "--learner", "--version", "--screenshot"}) {
    EXPECT_NE(h.out.find(word), std::string::npos) << word;
  }
  const Exec rh = run(dir, {"report", "--help"});
  EXPECT_EQ(rh.code, 0);
  EXPECT_NE(rh.out.find("--format"), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwoAndAHint) {
  TempDir dir;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"validate"}, {"--no-such-option"}, {"frobnicate"},
        {"report", "--db", "x.sqlite3", "--format", "xml", "--out", "r.xml"},
        {"report", "--db", "x.sqlite3", "--format", "csv"},
        {"report", "--db", "x.sqlite3", "--out", "report.txt"},
        {"--frames", "0"}, {"--frames", "-1"}, {"--frames", "abc"}, {"--learner", ""},
        {"--learner", "  "}}) {
    const Exec r = run(dir, args);
    EXPECT_EQ(r.code, 2) << args.front() << " " << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    const auto ls = lines(r.err);
    ASSERT_EQ(ls.size(), 2u) << r.err;
    EXPECT_EQ(ls[0].rfind("casebook: ", 0), 0u) << ls[0];
    EXPECT_NE(ls[1].find("--help"), std::string::npos);
  }
}

TEST(Cli, ValidateGoodAndBadFiles) {
  TempDir dir;
  const std::string good = casebook::test::small_bank_path();
  const std::string bad = casebook::test::bad_bank_path();

  const Exec ok = run(dir, {"validate", good});
  EXPECT_EQ(ok.code, 0) << ok.out << ok.err;
  EXPECT_EQ(ok.out.find(": error:"), std::string::npos) << ok.out;

  const Exec ko = run(dir, {"validate", bad});
  EXPECT_EQ(ko.code, 1) << ko.out << ko.err;
  // Every diagnostic line: "path:line:col: error|warning: message [code]".
  const std::regex diag("^(.+):([0-9]+):([0-9]+): (error|warning): (.+) \\[([a-z0-9-]+)\\](; .*)?$");
  int errors = 0;
  for (const auto& l : lines(ko.out)) {
    std::smatch m;
    if (!std::regex_match(l, m, diag)) continue;
    EXPECT_EQ(m[1].str(), bad);
    if (m[4] == "error") {
      ++errors;
      EXPECT_GE(std::stoi(m[2].str()), 15) << l;  // inside the [[question]] table
      EXPECT_GE(std::stoi(m[3].str()), 1) << l;
    }
  }
  EXPECT_EQ(errors, 1) << ko.out;

  const Exec both = run(dir, {"validate", good, bad});
  EXPECT_EQ(both.code, 1);

  const Exec missing = run(dir, {"validate", dir.file("nope.toml")});
  EXPECT_EQ(missing.code, 1);
}

TEST(Cli, ReportWritesCsvJsonAndHtml) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  seed_database(db);
  if (HasFatalFailure()) return;
  const std::string bank = casebook::test::small_bank_path();

  const std::string csv = dir.file("r.csv");
  Exec r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--format", "csv", "--out", csv});
  ASSERT_EQ(r.code, 0) << r.err;
  // Every question of the bank is a card of the report, started (5) or not (3).
  EXPECT_EQ(r.out, "Wrote 8 cards and 5 reviews of learner 'alice' to " + csv + " (csv)\n");
  EXPECT_TRUE(r.err.empty()) << r.err;
  const auto rows = lines(slurp(csv));
  ASSERT_EQ(rows.size(), 14u);  // header, 8 cards, 5 reviews
  EXPECT_EQ(rows[0].rfind("record,card_key,", 0), 0u);
  int cards = 0, reviews = 0;
  for (const auto& row : rows) {
    if (row.rfind("card,", 0) == 0) ++cards;
    if (row.rfind("review,", 0) == 0) ++reviews;
  }
  EXPECT_EQ(cards, 8);
  EXPECT_EQ(reviews, 5);
  // The card rows carry the bank's prompt (the bank was found).
  EXPECT_NE(slurp(csv).find("In which year did the made-up arrests happen?"), std::string::npos);

  // Format from the extension; options after the subcommand.
  const std::string json_path = dir.file("r.json");
  r = run(dir, {"report", "--out", json_path, "--db", db, "--learner", "alice", "--bank", bank});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(slurp(json_path));
  EXPECT_EQ(doc.at("schema"), "casebook-report");
  EXPECT_EQ(doc.at("learner"), "alice");
  ASSERT_EQ(doc.at("cards").size(), 8u);
  ASSERT_EQ(doc.at("reviews").size(), 5u);
  EXPECT_EQ(doc.at("summary").at("not_started"), 3);
  EXPECT_EQ(doc.at("analytics").at("mistakes").at("total"), 2);
  const std::vector<std::string> expected_ratings = {"good", "again", "good", "good", "again"};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(doc["reviews"][i].at("rating"), expected_ratings[i]);
    EXPECT_EQ(doc["reviews"][i].at("correct"), expected_ratings[i] == "good");
  }
  for (const auto& c : doc["cards"]) {
    EXPECT_EQ(c.at("bank_title"), "Small test bank");
    const double r_now = c.at("retrievability");
    EXPECT_GE(r_now, 0.0);
    EXPECT_LE(r_now, 1.0);
  }

  const std::string html = dir.file("sub/r.html");
  std::filesystem::create_directories(dir.file("sub"));
  r = run(dir, {"--db", db, "--learner", "alice", "report", "--format", "html", "--out", html});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string page = slurp(html);
  EXPECT_NE(page.find("<html"), std::string::npos);
  EXPECT_NE(page.find("test-small/q1-year"), std::string::npos);
  // Written atomically: no temp file is left beside it.
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.file("sub"))) ++files;
  EXPECT_EQ(files, 1);
}

TEST(Cli, ReportPeriodAndPdf) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  seed_database(db);
  if (HasFatalFailure()) return;
  const std::string bank = casebook::test::small_bank_path();
  // The seeded reviews are on 2024-06-01 (UTC, rollover 4): a period before it has none.
  const std::string json_path = dir.file("before.json");
  Exec r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--from", "2024-05-01", "--to",
                     "2024-05-31", "--out", json_path});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("8 cards and 0 reviews"), std::string::npos) << r.out;
  auto doc = nlohmann::json::parse(slurp(json_path));
  EXPECT_EQ(doc.at("reviews").size(), 0u);
  EXPECT_EQ(doc.at("period").at("from"), "2024-05-01T04:00:00.000Z");  // the study day starts at 04:00
  EXPECT_EQ(doc.at("period").at("to"), "2024-06-01T04:00:00.000Z");    // the last day is included
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--from", "2024-06-01", "--out", json_path,
                "--force"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(slurp(json_path)).at("reviews").size(), 5u);
  EXPECT_EQ(r.err.find("after now"), std::string::npos) << r.err;
  // A period that starts after now (today typed before the rollover hour, or a later date)
  // is written, empty, with a warning that says which study day holds today's answers.
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--from", "2099-01-01", "--out", json_path,
                "--force"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("casebook: warning: the period starts at 2099-01-01 04:00"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(", after now ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a study day begins at 04:00, so the answers of today so far are on study day "), std::string::npos)
      << r.err;

  r = run(dir, {"report", "--db", db, "--learner", "alice", "--from", "2024-13-01", "--out", dir.file("bad.json")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--from 2024-13-01: not a date"), std::string::npos) << r.err;
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--from", "2024-06-02", "--to", "2024-06-01", "--out",
                dir.file("bad.json")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("ends before it starts"), std::string::npos) << r.err;

  const std::string pdf = dir.file("r.pdf");
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--out", pdf});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(pdf).rfind("%PDF-", 0), 0u);
}

TEST(Cli, ReportErrorsExitWithOne) {
  TempDir dir;
  const std::string missing = dir.file("missing.sqlite3");
  Exec r = run(dir, {"report", "--db", missing, "--format", "csv", "--out", dir.file("r.csv")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no progress database"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(missing));  // not created as an empty database
  EXPECT_FALSE(std::filesystem::exists(dir.file("r.csv")));

  const std::string db = dir.file("progress.sqlite3");
  seed_database(db);
  if (HasFatalFailure()) return;
  r = run(dir, {"report", "--db", db, "--learner", "bob", "--format", "csv", "--out", dir.file("r.csv")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no learner named 'bob'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("alice"), std::string::npos) << r.err;

  r = run(dir, {"report", "--db", db, "--learner", "alice", "--format", "csv", "--out",
                dir.file("no/such/folder/r.csv")});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("casebook: ", 0), 0u) << r.err;

  // A file that is not a Casebook database is refused in words.
  const std::string junk = dir.file("junk.sqlite3");
  std::ofstream(junk) << "this is not a database";
  r = run(dir, {"report", "--db", junk, "--format", "csv", "--out", dir.file("r2.csv")});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.rfind("casebook: ", 0), 0u) << r.err;
}

TEST(Cli, WithoutGuiOrWithBadDatabaseTheDefaultCommandFails) {
  TempDir dir;
  const Exec r = run(dir, {"--db", dir.path().string()});  // a folder is not a database
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.rfind("casebook: ", 0), 0u) << r.err;
}

// A report never replaces the database, a device or a symlink: the database is refused
// (exit 2, file unchanged), a symlinked output is written through to its target.
TEST(Cli, ReportProtectsTheDatabaseAndFollowsSymlinks) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  seed_database(db);
  if (HasFatalFailure()) return;
  const std::string before = slurp(db);
  for (const std::string& out : {db, db + "-wal"}) {
    const Exec r = run(dir, {"report", "--db", db, "--learner", "alice", "--format", "csv", "--out", out});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("progress database"), std::string::npos) << r.err;
  }
  EXPECT_EQ(slurp(db), before);
  Exec r = run(dir, {"report", "--db", db, "--learner", "alice", "--format", "csv", "--out", "/dev/null"});
  EXPECT_EQ(r.code, 2) << r.err;

  const std::string real = dir.file("real.csv");
  const std::string link = dir.file("link.csv");
  { std::ofstream(real) << "old"; }
  std::filesystem::create_symlink(real, link);
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--format", "csv", "--out", link});
  EXPECT_EQ(r.code, 2) << r.err;  // it exists: only with --force
  EXPECT_EQ(slurp(real), "old");
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--format", "csv", "--out", link, "--force"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(slurp(real).rfind("record,card_key,", 0), 0u);
}

// XLSX and xAPI exports, re-export idempotence, --bank-id, and cards whose question is no
// longer in any loaded bank ("retired": kept with their history, marked).
TEST(Cli, ReportWritesXlsxAndXapiAndMarksRetiredCards) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  seed_database(db);
  if (HasFatalFailure()) return;
  const std::string bank = casebook::test::small_bank_path();

  const std::string xlsx = dir.file("r.xlsx");
  Exec r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--out", xlsx});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(xlsx).substr(0, 4), std::string("PK\x03\x04", 4));  // a zip container

  const std::string xapi1 = dir.file("a.json");
  const std::string xapi2 = dir.file("b.json");
  ASSERT_EQ(run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--format", "xapi", "--out", xapi1}).code, 0);
  ASSERT_EQ(run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--format", "xapi", "--out", xapi2}).code, 0);
  EXPECT_EQ(slurp(xapi1), slurp(xapi2));  // same reviews, same statements and ids
  // A name as the Export screen gives xAPI files, without --format: xAPI too, and said so.
  const std::string xapi3 = dir.file("casebook-report.xapi.json");
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--out", xapi3});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Wrote 8 cards and 5 reviews of learner 'alice' to " + xapi3 + " (xapi)\n");
  EXPECT_EQ(slurp(xapi3), slurp(xapi1));
  const auto statements = nlohmann::json::parse(slurp(xapi1));
  ASSERT_EQ(statements.size(), 5u);
  EXPECT_EQ(statements[0].at("actor").at("account").at("name"), "alice");
  EXPECT_EQ(statements[0].at("verb").at("id"), "http://adlnet.gov/expapi/verbs/answered");

  // With a bank that lacks these questions, every card is retired but keeps its reviews.
  const std::string other = dir.file("other.toml");
  {
    std::ofstream out(other);
    out << "[bank]\nid = \"other\"\ntitle = \"Other\"\nversion = \"1.0.0\"\nlanguage = \"en\"\nauthors = [\"t\"]\n"
           "licence = \"CC0-1.0\"\nformat = 1\n";
  }
  const std::string json_path = dir.file("retired.json");
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", other, "--out", json_path});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(slurp(json_path));
  EXPECT_EQ(doc.at("schema_version"), 3);  // v3: coverage, accuracy, mistakes, period
  EXPECT_EQ(doc.at("summary").at("retired"), 5);
  EXPECT_EQ(doc.at("reviews").size(), 5u);
  for (const auto& c : doc.at("cards")) EXPECT_TRUE(c.at("retired").get<bool>());
  // Said on the terminal: the bank those cards come from is not loaded.
  EXPECT_NE(r.err.find("casebook: warning: 5 studied cards of bank `test-small` show as retired: no loaded bank has "
                       "that id; pass --bank with its file to report on it\n"),
            std::string::npos)
      << r.err;
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--out", json_path, "--force"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("show as retired"), std::string::npos) << r.err;
  EXPECT_EQ(nlohmann::json::parse(slurp(json_path)).at("summary").at("retired"), 0);

  // --bank-id keeps only that bank's cards and reviews.
  r = run(dir, {"report", "--db", db, "--learner", "alice", "--bank", bank, "--bank-id", "nope", "--out", json_path,
                "--force"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto none = nlohmann::json::parse(slurp(json_path));
  EXPECT_EQ(none.at("cards").size(), 0u);
  EXPECT_EQ(none.at("reviews").size(), 0u);
  EXPECT_EQ(none.at("bank_filter"), "nope");
}

// Hostile replay arguments: an out-of-order log named no file; a NaN retention passed the
// range check and failed later with exit 1; an unknown zone was not a usage error.
TEST(Cli, ReplayHostileArguments) {
  TempDir dir;
  const std::string log = dir.file("unsorted.csv");
  std::ofstream(log) << "card_id,review_time,review_rating,review_state,review_duration\n"
                        "1,2000000000000,3,0,0\n1,1000000000000,3,2,0\n";
  const Exec unsorted = run(dir, {"replay", "--log", log});
  EXPECT_EQ(unsorted.code, 1);
  EXPECT_NE(unsorted.err.find(log + ": line 3 (card 1): "), std::string::npos) << unsorted.err;
  EXPECT_NE(unsorted.err.find("sort the log by review_time"), std::string::npos) << unsorted.err;
  const Exec nan = run(dir, {"replay", "--log", log, "--retention", "nan"});
  EXPECT_EQ(nan.code, 2);
  EXPECT_NE(nan.err.find("--retention must be a number from 0.01 to 1, not nan"), std::string::npos) << nan.err;
  const Exec zone = run(dir, {"replay", "--log", log, "--tz", "Mars/Phobos"});
  EXPECT_EQ(zone.code, 2);
  EXPECT_NE(zone.err.find("--tz: "), std::string::npos) << zone.err;
  EXPECT_TRUE(zone.out.empty());
}

TEST(Cli, SimulateExamDatePrintsThePlanScreensRowsAndDays) {
  TempDir dir;
  const std::string db = dir.file("p.sqlite3");
  seed_database(db);
  // The Plan screen, a day later, with an exam on 2024-06-21 and load balancing.
  auto now = std::make_shared<core::TimestampMs>(kTestNow + core::kMsPerDay);
  app::AppConfig config = casebook::test::test_config(db, now);
  config.new_card_order = app::NewCardOrder::Random;  // as the command line has it
  app::Controller c(config);
  core::StudyOptions o = c.study_options();
  ASSERT_FALSE(core::set_key_value(o, "exam_date", "2024-06-21").has_value());
  o.load_balance = true;
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::SaveOptions{o, ""});
  c.dispatch(app::GoHome{});
  c.dispatch(app::Navigate{app::Screen::Plan});
  c.wait_for_background();
  const app::PlanView view = c.plan();
  ASSERT_TRUE(view.has_results) << view.error;
  ASSERT_EQ(view.days.size(), 20u);

  const Exec r = run(dir, {"simulate", "--exam-date", "2024-06-21", "--today", "2024-06-02", "--db", db, "--learner",
                           "alice", "--bank", casebook::test::small_bank_path(), "--set", "time_zone=UTC"});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::vector<std::string> out = lines(r.out);
  ASSERT_EQ(out.size(), 1 + 1 + view.rows.size() + 1 + view.days.size()) << r.out;
  EXPECT_EQ(out[0], "Exam plan of learner 'alice': " + view.horizon);
  for (std::size_t i = 0; i < view.rows.size(); ++i) {
    const std::string& line = out[2 + i];
    const auto& row = view.rows[i];
    EXPECT_EQ(line.rfind(row.label, 0), 0u) << line;
    EXPECT_NE(line.find("  " + row.a + "  "), std::string::npos) << line;
    EXPECT_EQ(line.substr(line.size() - row.b.size()), row.b) << line;
  }
  EXPECT_EQ(out[2 + view.rows.size()], "date,reviews_your_options,reviews_alternative");
  for (std::size_t d = 0; d < view.days.size(); ++d) {
    const auto& day = view.days[d];
    EXPECT_EQ(out[3 + view.rows.size() + d], day.date + "," + std::to_string(day.a) + "," + std::to_string(day.b));
  }
  // Bad input: a usage error (2) naming the flag.
  const Exec bad = run(dir, {"simulate", "--exam-date", "2024-02-30", "--db", db});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--exam-date must be a date YYYY-MM-DD, got '2024-02-30'"), std::string::npos) << bad.err;
  const Exec unknown = run(dir, {"simulate", "--exam-date", "2024-06-21", "--db", db, "--set", "colour=red"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown study option \"colour\""), std::string::npos) << unknown.err;
}
