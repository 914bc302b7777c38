// app::import_questions, shared by `casebook import` and the GUI's Import screen: a small GIFT
// file imported (count, the essay's diagnostic at its line), an existing bank kept unless
// `replace`, an empty result and an unreadable input refused; the format guess of the screen.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "app/import.hpp"
#include "bank/loader.hpp"
#include "interchange/interchange.hpp"

namespace fs = std::filesystem;
namespace app = casebook::app;

namespace {

constexpr const char* kGift =
    "// two questions and an essay Casebook cannot map\n"
    "::capital:: The capital of France is {=Paris ~Lyon ~Nice}\n"
    "\n"
    "::tf:: The sky is green. {F}\n"
    "\n"
    "::essay:: Discuss policy. {}\n";

class ImportApp : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("casebook-import-app-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    std::ofstream(m_dir / "quiz.gift", std::ios::binary) << kGift;
  }
  void TearDown() override { fs::remove_all(m_dir); }

  app::ImportRequest request(const std::string& out_name) const {
    app::ImportRequest r;
    r.input = (m_dir / "quiz.gift").string();
    r.format = app::ImportFormat::Gift;
    r.out_path = (m_dir / out_name).string();
    return r;
  }

  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  fs::path m_dir;
};

}  // namespace

TEST_F(ImportApp, ImportsTheMappableQuestionsAndReportsTheRest) {
  const app::ImportRequest r = request("quiz.toml");
  const app::ImportOutcome o = app::import_questions(r);
  ASSERT_EQ(o.status, app::ImportStatus::Written) << o.message;
  EXPECT_EQ(o.imported, 2u);
  EXPECT_EQ(o.skipped, 1);
  ASSERT_EQ(o.diagnostics.size(), 1u);
  const auto& d = o.diagnostics.front();
  EXPECT_EQ(d.file, r.input);
  EXPECT_EQ(d.line, 6);
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.severity, casebook::core::Severity::Error);
  EXPECT_EQ(d.code, "gift-essay");
  EXPECT_TRUE(o.message.empty());
  for (const auto& e : fs::directory_iterator(fs::path(r.out_path).parent_path())) {
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();  // no temporary file left
  }
  const auto loaded = casebook::bank::load_bank_file(r.out_path);
  ASSERT_TRUE(loaded.bank);
  ASSERT_EQ(loaded.bank->questions.size(), 2u);
  EXPECT_EQ(loaded.bank->questions[0].id, "capital");
  EXPECT_EQ(loaded.bank->questions[1].id, "tf");
}

TEST_F(ImportApp, KeepsAnExistingBankUnlessReplaceIsSet) {
  app::ImportRequest r = request("quiz.toml");
  std::ofstream(r.out_path, std::ios::binary) << "keep me\n";
  r.replace = false;
  const app::ImportOutcome kept = app::import_questions(r);
  EXPECT_EQ(kept.status, app::ImportStatus::Exists);
  EXPECT_NE(kept.message.find("quiz.toml exists"), std::string::npos) << kept.message;
  EXPECT_EQ(slurp(r.out_path), "keep me\n");
  r.replace = true;
  const app::ImportOutcome replaced = app::import_questions(r);
  ASSERT_EQ(replaced.status, app::ImportStatus::Written) << replaced.message;
  EXPECT_NE(slurp(r.out_path).find("[[question]]"), std::string::npos);
}

TEST_F(ImportApp, RefusesAnEmptyResultAndAnUnreadableInput) {
  app::ImportRequest r = request("wrong.toml");
  r.format = app::ImportFormat::Aiken;  // a GIFT file read as Aiken: nothing maps
  const app::ImportOutcome empty = app::import_questions(r);
  EXPECT_EQ(empty.status, app::ImportStatus::Empty);
  EXPECT_EQ(empty.imported, 0u);
  ASSERT_FALSE(empty.diagnostics.empty());
  EXPECT_EQ(empty.diagnostics.front().code, "aiken-unfinished");
  EXPECT_FALSE(fs::exists(r.out_path));

  r = request("missing.toml");
  r.input = (m_dir / "nothing-here.gift").string();
  const app::ImportOutcome missing = app::import_questions(r);
  EXPECT_EQ(missing.status, app::ImportStatus::Unreadable);
  EXPECT_EQ(missing.message, r.input + ": error: no such file or folder [missing-path]; check the path");
  r.input = m_dir.string();
  EXPECT_EQ(app::import_questions(r).message,
            m_dir.string() + ": error: is a folder, not a question file [unreadable-file]; give the question file itself");
  EXPECT_FALSE(fs::exists(r.out_path));
}

TEST_F(ImportApp, RefusesDevicesAndPipesAtOnceAndWritesNothing) {
  // /dev/zero used to be read until memory ran out (2 GiB), and a FIFO blocked the import.
  app::ImportRequest r = request("zero.toml");
  r.format = app::ImportFormat::Csv;
  r.input = "/dev/zero";
  const app::ImportOutcome zero = app::import_questions(r);
  EXPECT_EQ(zero.status, app::ImportStatus::Unreadable);
  EXPECT_EQ(zero.message, "/dev/zero: error: is not an ordinary file (a pipe, socket or device) [unreadable-file]; "
                          "give a question file");
  const fs::path fifo = m_dir / "pipe.csv";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  r.input = fifo.string();
  EXPECT_EQ(app::import_questions(r).status, app::ImportStatus::Unreadable);
  EXPECT_FALSE(fs::exists(r.out_path));
}

TEST_F(ImportApp, WritesNothingItWouldRefuseToLoad) {
  // 1.5 MB of tiny GIFT questions is within the 16 MiB input limit, but as a bank each one
  // takes about 100 bytes of TOML: more than a bank file may be. Nothing is written (the
  // loader would refuse the file with file-too-large).
  std::string gift;
  for (int i = 0; i < 250'000; ++i) gift += "Q" + std::to_string(i) + "{T}\n\n";
  std::ofstream(m_dir / "tiny.gift", std::ios::binary) << gift;
  app::ImportRequest r = request("tiny.toml");
  r.input = (m_dir / "tiny.gift").string();
  const app::ImportOutcome big = app::import_questions(r);
  EXPECT_EQ(big.status, app::ImportStatus::TooLarge);
  EXPECT_EQ(big.imported, 250'000u);
  EXPECT_NE(big.message.find("larger than a bank file may be (16 MiB); split it into several files"), std::string::npos)
      << big.message;
  EXPECT_FALSE(fs::exists(r.out_path));
}

TEST_F(ImportApp, WritesALargeBankInPiecesAsTheWholeBankWouldBeWritten) {
  // 2,500 questions: three pieces of the written bank and three slices of its load check.
  std::string gift = "$CATEGORY: $course$/Custody\n\n";
  for (int i = 0; i < 2'500; ++i) gift += "::q" + std::to_string(i) + ":: Is rule " + std::to_string(i) + " in force? {T}\n\n";
  std::ofstream(m_dir / "many.gift", std::ios::binary) << gift;
  app::ImportRequest r = request("many.toml");
  r.input = (m_dir / "many.gift").string();
  const app::ImportOutcome o = app::import_questions(r);
  ASSERT_EQ(o.status, app::ImportStatus::Written) << o.message;
  EXPECT_EQ(o.imported, 2'500u);
  // The same bank imported whole (no on_question) and written at once: byte for byte the file.
  const casebook::interchange::ImportResult whole = casebook::interchange::import_gift(gift, r.input);
  ASSERT_EQ(whole.bank.questions.size(), 2'500u);
  EXPECT_EQ(whole.imported, 2'500u);
  std::ifstream in(r.out_path, std::ios::binary);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(written, casebook::interchange::write_bank_toml(whole.bank));
  const auto loaded = casebook::bank::load_bank_file(r.out_path);
  ASSERT_TRUE(loaded.bank.has_value());
  EXPECT_EQ(loaded.bank->questions.size(), 2'500u);
}

TEST(ImportCheck, FindsTheErrorsLoadingTheWholeFileFindsAtTheSameLines) {
  // Three pieces with a wrong type in the second, an unknown key in the third and the id of
  // the first piece's question again in the third: the piecewise check reports each at its
  // line in the joined file, as the loader does for the whole text.
  app::ImportedBankToml toml;
  toml.header = "[bank]\nid = \"t\"\ntitle = \"T\"\nversion = \"1.0.0\"\nformat = 1\nlanguage = \"en\"\n"
                "\n[[source]]\nid = \"imported\"\ncitation = \"a file\"";
  const auto question = [](const std::string& id, const std::string& extra) {
    return "\n[[question]]\nid = \"" + id + "\"\ntype = \"true_false\"\nprompt = \"Is it so?\"\nanswer = true\n" + extra +
           "explanation = \"Because.\"\nsource = \"imported\"\nparagraph = 1\n";
  };
  toml.pieces = {question("a", "") + question("b", ""), question("c", "") + question("d", "answer_x = 1\n"),
                 question("e", "") + question("a", "")};
  toml.pieces[1].replace(toml.pieces[1].find("true_false"), 10, "true_falze");
  std::string joined = toml.header;
  for (const auto& p : toml.pieces) joined += p;
  const auto whole = casebook::bank::load_bank_text(joined, "bank.toml");
  const auto pieces = app::check_imported_bank(toml, "bank.toml");
  std::vector<std::pair<int, std::string>> expected;
  for (const auto& d : whole.diagnostics) {
    if (d.severity == casebook::core::Severity::Error && d.code != "duplicate-id") expected.emplace_back(d.line, d.code);
  }
  std::vector<std::pair<int, std::string>> found;
  int duplicates = 0;
  for (const auto& d : pieces) {
    if (d.code == "duplicate-id") {
      ++duplicates;
      // At the [[question]] line of the second `a`, naming the line of the first.
      const auto table_line = [&](int nth) {
        std::size_t at = 0;
        for (int k = 0; k < nth; ++k) at = joined.find("\n[[question]]\n", at + 1);
        return static_cast<int>(std::count(joined.begin(), joined.begin() + static_cast<long>(at), '\n')) + 2;
      };
      EXPECT_EQ(d.line, table_line(6));
      EXPECT_EQ(d.message, "question id `a` is used twice (first at line " + std::to_string(table_line(1)) + ")");
    } else {
      found.emplace_back(d.line, d.code);
    }
  }
  ASSERT_EQ(expected.size(), 2u) << "the loader should see the wrong type and the unknown key";
  EXPECT_EQ(found, expected);
  EXPECT_EQ(duplicates, 1);
  EXPECT_EQ(std::count_if(whole.diagnostics.begin(), whole.diagnostics.end(),
                          [](const auto& d) { return d.code == "duplicate-id"; }),
            1);
}

TEST(ImportFormatGuess, FollowsTheExtensionAndTheWordAiken) {
  EXPECT_EQ(app::guess_import_format("a/quiz.gift"), app::ImportFormat::Gift);
  EXPECT_EQ(app::guess_import_format("quiz.TXT"), app::ImportFormat::Gift);
  EXPECT_EQ(app::guess_import_format("week1-Aiken.txt"), app::ImportFormat::Aiken);
  EXPECT_EQ(app::guess_import_format("aiken/list.csv"), app::ImportFormat::Csv);
  EXPECT_EQ(app::guess_import_format("quiz.toml"), std::nullopt);
  EXPECT_EQ(app::parse_import_format("csv"), app::ImportFormat::Csv);
  EXPECT_EQ(app::parse_import_format("xml"), std::nullopt);
  EXPECT_EQ(app::import_format_name(app::ImportFormat::Aiken), "aiken");
}
