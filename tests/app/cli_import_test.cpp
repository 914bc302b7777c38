// `casebook import`, `export` and `class-report` through their run_* functions: a real GIFT
// file imported, exported and imported again to the same bank; the real report goldens
// read as class-report inputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "app/import.hpp"
#include "bank/loader.hpp"
#include "cli/cmd_class_report.hpp"
#include "cli/cmd_import.hpp"

namespace fs = std::filesystem;
namespace cli = casebook::cli;
namespace app = casebook::app;

namespace {

fs::path temp_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("casebook-import-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST(CliImport, GiftImportExportReimportGivesTheSameBank) {
  const std::string gift = std::string(CASEBOOK_SHARED_DIR) + "/reference/question-files/gift-grammar-pegjs_MIT/numerical1.gift";
  if (!fs::exists(gift)) GTEST_SKIP() << "reference file absent: " << gift;
  const fs::path dir = temp_dir("rt");
  std::ostringstream out, err;
  cli::ImportOptions o;
  o.input = gift;
  o.out_path = (dir / "first.toml").string();
  o.bank_id = "numbers";
  ASSERT_EQ(cli::run_import(o, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("imported 10 questions"), std::string::npos) << out.str();
  EXPECT_NE(err.str().find("numerical1.gift:19:1: warning:"), std::string::npos) << err.str();
  cli::ExportOptions back;
  back.bank_path = o.out_path;
  back.out_path = (dir / "back.gift").string();
  ASSERT_EQ(cli::run_export(back, out, err), 0) << err.str();
  cli::ImportOptions again = o;
  again.input = (dir / "back.gift").string();
  again.out_path = (dir / "second.toml").string();
  ASSERT_EQ(cli::run_import(again, out, err), 0) << err.str();
  // Same questions, byte for byte as written (only the [bank] and [[source]] tables name the
  // file they came from).
  const std::string first = slurp(o.out_path);
  const std::string second = slurp(again.out_path);
  ASSERT_NE(first.find("[[question]]"), std::string::npos);
  EXPECT_EQ(first.substr(first.find("[[question]]")), second.substr(second.find("[[question]]")));
  const auto loaded = casebook::bank::load_bank_file(again.out_path);
  ASSERT_TRUE(loaded.bank);
  EXPECT_EQ(loaded.bank->questions.size(), 10u);
  fs::remove_all(dir);
}

TEST(CliImport, UnknownFormatIsAUsageError) {
  std::ostringstream out, err;
  cli::ImportOptions o;
  o.input = "questions.docx";
  o.out_path = "x.toml";
  EXPECT_EQ(cli::run_import(o, out, err), 2);
  EXPECT_NE(err.str().find("--from gift|aiken|csv"), std::string::npos);
}

TEST(CliClassReport, ReadsTheReportGoldens) {
  const fs::path golden = fs::path(CASEBOOK_SOURCE_DIR) / "tests/report/golden";
  const fs::path dir = temp_dir("class");
  cli::ClassReportOptions o;
  o.inputs = {(golden / "report.json").string(), (golden / "rich.json").string()};
  o.out_path = (dir / "class.html").string();
  std::ostringstream out, err;
  ASSERT_EQ(cli::run_class_report(o, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("class report of 2 learners"), std::string::npos) << out.str();
  const std::string html = slurp(o.out_path);
  EXPECT_NE(html.find("<h2>Learners</h2>"), std::string::npos);
  o.out_path = (dir / "class.xlsx").string();
  ASSERT_EQ(cli::run_class_report(o, out, err), 0) << err.str();
  EXPECT_EQ(slurp(o.out_path).substr(0, 2), "PK");  // a zip container
  o.inputs.push_back((dir / "missing.json").string());
  o.out_path = (dir / "class-2.xlsx").string();
  EXPECT_EQ(cli::run_class_report(o, out, err), 1);
  fs::remove_all(dir);
}

// Hostile inputs: junk used to give an empty bank and exit 0, a bad --bank-id an "internal"
// error ("please report this"), a folder an empty bank.
TEST(CliImport, NothingImportableFailsAndWritesNothing) {
  const fs::path dir = temp_dir("hostile");
  {
    std::ofstream(dir / "junk.gift", std::ios::binary) << "just some words\n\nand more\n";
    std::ofstream(dir / "ok.gift", std::ios::binary) << "Q {=a ~b}\n";
  }
  cli::ImportOptions o;
  o.input = (dir / "junk.gift").string();
  o.out_path = (dir / "junk.toml").string();
  std::ostringstream out, err;
  EXPECT_EQ(cli::run_import(o, out, err), 1);
  EXPECT_NE(err.str().find(o.input + " has no question that could be imported (2 reported above); nothing written"),
            std::string::npos) << err.str();
  EXPECT_FALSE(fs::exists(o.out_path));
  o.input = dir.string();
  o.from = "gift";
  EXPECT_EQ(cli::run_import(o, out, err), 1);
  EXPECT_NE(err.str().find("is a folder"), std::string::npos) << err.str();
  o.input = (dir / "ok.gift").string();
  o.bank_id = "Bad Id!";
  std::ostringstream err2;
  EXPECT_EQ(cli::run_import(o, out, err2), 2);
  EXPECT_NE(err2.str().find("--bank-id `Bad Id!` may use only lower-case letters, digits and '-' (e.g. `bad-id`)"),
            std::string::npos) << err2.str();
  EXPECT_EQ(err2.str().find("please report"), std::string::npos) << err2.str();
  EXPECT_FALSE(fs::exists(o.out_path));
  fs::remove_all(dir);
}

// A refused --out (the file exists) is said alone, not after every diagnostic of the input.
TEST(CliImport, AnExistingOutComesAloneWithoutTheInputsDiagnostics) {
  const fs::path dir = temp_dir("exists");
  // One question imports, one is refused (a diagnostic): first written, then --out exists.
  std::ofstream(dir / "mixed.gift", std::ios::binary) << "Q {=a ~b}\n\njust words\n";
  cli::ImportOptions o;
  o.input = (dir / "mixed.gift").string();
  o.out_path = (dir / "mixed.toml").string();
  std::ostringstream out1, err1;
  ASSERT_EQ(cli::run_import(o, out1, err1), 0) << err1.str();
  ASSERT_NE(err1.str().find("mixed.gift:3:"), std::string::npos) << err1.str();  // the refused text, placed
  std::ostringstream out2, err2;
  EXPECT_EQ(cli::run_import(o, out2, err2), 2);
  EXPECT_EQ(err2.str().find("mixed.gift:3:"), std::string::npos) << err2.str();
  EXPECT_EQ(err2.str().rfind("casebook: --out ", 0), 0U) << err2.str();
  fs::remove_all(dir);
}

// An Aiken file named .txt (no "aiken" in its name) is read as Aiken: a line starting
// "ANSWER:" and no GIFT braces. A GIFT file whose answer text holds "ANSWER:" stays GIFT.
TEST(CliImport, AnAikenFileNamedTxtIsReadAsAiken) {
  const fs::path dir = temp_dir("aiken-txt");
  {
    std::ofstream(dir / "week1.txt", std::ios::binary)
        << "Which agency succeeded the KGB's domestic arm?\nA. The FSB\nB. The SVR\n  ANSWER: A\n";
    std::ofstream(dir / "week2.txt", std::ios::binary) << "Q {=ANSWER: yes ~no}\n";
  }
  EXPECT_EQ(app::guess_import_format((dir / "week1.txt").string()), app::ImportFormat::Aiken);
  EXPECT_EQ(app::guess_import_format((dir / "week2.txt").string()), app::ImportFormat::Gift);
  EXPECT_EQ(app::guess_import_format((dir / "missing.txt").string()), app::ImportFormat::Gift);
  cli::ImportOptions o;
  o.input = (dir / "week1.txt").string();
  o.out_path = (dir / "week1.toml").string();
  std::ostringstream out, err;
  EXPECT_EQ(cli::run_import(o, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("imported 1 question"), std::string::npos) << out.str();
  fs::remove_all(dir);
}

// A .txt file is GIFT as on the Import screen (app::guess_import_format); an empty file says
// it has no questions (not "0 reported above"); the format is named with its article.
TEST(CliImport, TxtIsGiftAndEmptyFilesSaySo) {
  const fs::path dir = temp_dir("txt");
  {
    std::ofstream(dir / "quiz.txt", std::ios::binary) << "Q {=a ~b}\n";
    std::ofstream(dir / "empty.gift", std::ios::binary) << "// only a comment\n";
    std::ofstream(dir / "junk-aiken.txt", std::ios::binary) << "just words\n";
  }
  cli::ImportOptions o;
  o.input = (dir / "quiz.txt").string();
  o.out_path = (dir / "quiz.toml").string();
  std::ostringstream out, err;
  EXPECT_EQ(cli::run_import(o, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("imported 1 question"), std::string::npos) << out.str();

  o.input = (dir / "empty.gift").string();
  o.out_path = (dir / "empty.toml").string();
  std::ostringstream err2;
  EXPECT_EQ(cli::run_import(o, out, err2), 1);
  EXPECT_NE(err2.str().find(o.input + " has no questions; nothing written"), std::string::npos) << err2.str();
  EXPECT_EQ(err2.str().find("0 reported"), std::string::npos) << err2.str();
  EXPECT_NE(err2.str().find("Is it a GIFT file?"), std::string::npos) << err2.str();

  // A file of nothing but white space is called empty; no format is suggested.
  std::ofstream(dir / "blank.gift", std::ios::binary) << " \n\t\r\n";
  o.input = (dir / "blank.gift").string();
  o.out_path = (dir / "blank.toml").string();
  std::ostringstream blank;
  EXPECT_EQ(cli::run_import(o, out, blank), 1);
  EXPECT_EQ(blank.str(), "casebook: " + o.input + " is empty; nothing written.\n");
  EXPECT_FALSE(fs::exists(o.out_path));

  o.input = (dir / "junk-aiken.txt").string();
  o.out_path = (dir / "junk.toml").string();
  std::ostringstream err3;
  EXPECT_EQ(cli::run_import(o, out, err3), 1);
  EXPECT_NE(err3.str().find("Is it an Aiken file?"), std::string::npos) << err3.str();
  EXPECT_FALSE(fs::exists(o.out_path));
  fs::remove_all(dir);
}

TEST(CliClassReport, WrongSchemaTypeIsAnErrorNamingTheFile) {
  const fs::path dir = temp_dir("class-hostile");
  { std::ofstream(dir / "b.json", std::ios::binary) << R"({"schema": 5})"; }
  cli::ClassReportOptions o;
  o.inputs = {(dir / "b.json").string()};
  o.out_path = (dir / "class.html").string();
  std::ostringstream out, err;
  EXPECT_EQ(cli::run_class_report(o, out, err), 1);
  EXPECT_NE(err.str().find("b.json: not a casebook report"), std::string::npos) << err.str();
  EXPECT_FALSE(fs::exists(o.out_path));
  fs::remove_all(dir);
}
