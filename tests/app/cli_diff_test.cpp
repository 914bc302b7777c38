// `casebook diff` (issue 14) on two purpose-made bank files (tests/app/data/diff): added,
// retired, reworded and re-keyed questions, a generated one among them, with --db the
// learners who studied each; exit codes; the warning when answers change without a new version.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "cli_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::run;
using casebook::test::TempDir;

namespace {

std::string data(const std::string& name) { return std::string(CASEBOOK_TEST_DATA) + "/data/diff/" + name; }

/// Studies the first `cards` cards of the old bank as `learner`, every answer right.
void study(const std::string& db, const std::string& learner, int cards) {
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::AppConfig config = casebook::test::test_config(db, now, {data("old.toml")});
  config.learner = learner;
  app::Controller c(config);
  c.dispatch(app::StartSession{});
  for (int i = 0; i < cards; ++i) {
    ASSERT_EQ(c.screen(), app::Screen::Study);
    *now += 2000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
    *now += 1000;
    c.dispatch(app::Rate{core::Rating::Good});
    ASSERT_TRUE(c.message().empty()) << c.message();
  }
}

/// `text` with its first `from` replaced by `to`, written to dir/name; returns the new text.
std::string write_edited(TempDir& dir, const std::string& name, std::string text, const std::string& from,
                         const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  std::ofstream(dir.file(name), std::ios::trunc) << text;
  return text;
}

}  // namespace

TEST(CliDiff, ListsAddedRetiredRewordedAndRekeyedQuestions) {
  TempDir dir;
  const auto r = run(dir, {"diff", data("old.toml"), data("new.toml")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "diff-test 1.0 (" + data("old.toml") + ") -> diff-test 2.1 (" + data("new.toml") + ")\n" +
                       "\n"
                       "Added: 1\n"
                       "  + diff-test/q-add  The article names the agencies involved.\n"
                       "\n"
                       "Retired (their cards keep their history and are no longer shown): 1\n"
                       "  - diff-test/q-retire  The article was published in 2020.\n"
                       "\n"
                       "Reworded (same answer: progress kept): 1\n"
                       "  ~ diff-test/q-reword  According to the article, in which year did the arrests take place?\n"
                       "      was: In which year did the arrests happen?\n"
                       "      changed: prompt, choices, explanation\n"
                       "\n"
                       "Re-keyed (the answer changed: studied cards return to relearning): 2\n"
                       "  ! diff-test/gen.figure_value.stolen  Give the figure: how much the made-up group stole from "
                       "banks. Unit: r…  [generated: figure_value]\n"
                       "      answer: 1,700,000,000 roubles -> 1,800,000,000 roubles\n"
                       "  ! diff-test/q-rekey  Which article of the code applies?\n"
                       "      answer: Article 20.2 -> Article 20.3\n"
                       "\n"
                       "1 added, 1 retired, 1 reworded, 2 re-keyed.\n");
}

TEST(CliDiff, CountsTheLearnersWhoStudiedEachChange) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  study(db, "alice", 5);  // every card of the old bank
  study(db, "bob", 2);    // q-keep, q-reword
  const auto r = run(dir, {"diff", data("old.toml"), data("new.toml"), "--db", db});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("  - diff-test/q-retire  The article was published in 2020.  (1 learner)\n"
                       "  Studied cards affected: 1 (alice 1)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  ~ diff-test/q-reword  According to the article, in which year did the arrests take "
                       "place?  (2 learners)\n"
                       "      was: In which year did the arrests happen?\n"
                       "      changed: prompt, choices, explanation\n"
                       "  Studied cards affected: 2 (alice 1, bob 1)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[generated: figure_value]  (1 learner)\n"
                       "      answer: 1,700,000,000 roubles -> 1,800,000,000 roubles\n"
                       "  ! diff-test/q-rekey  Which article of the code applies?  (1 learner)\n"
                       "      answer: Article 20.2 -> Article 20.3\n"
                       "  Studied cards affected: 2 (alice 2)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  + diff-test/q-add  The article names the agencies involved.\n\n"), std::string::npos)
      << r.out;  // an added question has no cards yet
}

TEST(CliDiff, AnExplanationReworkedAloneIsNamed) {
  TempDir dir;
  write_edited(dir, "explained.toml", casebook::test::slurp(data("old.toml")), "The article dates them to 2016.",
               "The article dates the arrests to 2016.");
  const auto r = run(dir, {"diff", data("old.toml"), dir.file("explained.toml")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Reworded (same answer: progress kept): 1\n"
                       "  ~ diff-test/q-reword  In which year did the arrests happen?\n"
                       "      changed: explanation\n\n"),
            std::string::npos)
      << r.out;
}

TEST(CliDiff, ATypeChangeIsNamedAndARenamedIdIsPointedOut) {
  TempDir dir;
  // single_choice -> multiple_response with the same right choice: the answer reads the same.
  std::string text = write_edited(dir, "v3.toml", casebook::test::slurp(data("old.toml")),
                                  "type = \"single_choice\"\nprompt = \"In which year did the arrests happen?\"\n"
                                  "choices = [\"2014\", \"2016\", \"2018\"]\nanswer = \"2016\"",
                                  "type = \"multiple_response\"\nprompt = \"In which year did the arrests happen?\"\n"
                                  "choices = [\"2014\", \"2016\", \"2018\"]\nanswers = [\"2016\"]");
  write_edited(dir, "v3.toml", text, "id = \"q-retire\"", "id = \"q-published\"");
  const auto r = run(dir, {"diff", data("old.toml"), dir.file("v3.toml")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Added: 1\n"
                       "  + diff-test/q-published  The article was published in 2020.\n"
                       "      same prompt as retired diff-test/q-retire (a changed id? its cards start again)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  - diff-test/q-retire  The article was published in 2020.\n"
                       "      same prompt as added diff-test/q-published (a changed id? its cards start again)\n"),
            std::string::npos)
      << r.out;
  // No "answer: 2016 -> 2016": the type is what changed.
  EXPECT_NE(r.out.find("  ! diff-test/q-reword  In which year did the arrests happen?\n"
                       "      type: single_choice -> multiple_response\n\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("answer: 2016 -> 2016"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("casebook: warning: 1 added question has the prompt and type of a retired one: if its id was "
                       "changed, learners start it again from nothing; keep the old id to keep their progress\n"),
            std::string::npos)
      << r.err;
}

TEST(CliDiff, GeneratedQuestionsWithOnePromptAreNotTakenForRenames) {
  // A fact renamed: its generated question is retired and another added, with the same prompt;
  // generated ids follow their facts, so no "changed id" is suggested.
  TempDir dir;
  write_edited(dir, "fact.toml", casebook::test::slurp(data("old.toml")), "id = \"stolen\"", "id = \"stolen-sum\"");
  const auto r = run(dir, {"diff", data("old.toml"), dir.file("fact.toml")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("  + diff-test/gen.figure_value.stolen-sum  "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  - diff-test/gen.figure_value.stolen  "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("same prompt as"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("prompt and type of a retired one"), std::string::npos) << r.err;
}

TEST(CliDiff, APromptChangedPastTheCutShowsWhereItDiffers) {
  TempDir dir;
  const std::string longer = "In which year, according to the article's second part, did the Russian police make the arrests";
  const std::string a = write_edited(dir, "a.toml", casebook::test::slurp(data("old.toml")),
                                     "In which year did the arrests happen?", longer + "?");
  write_edited(dir, "b.toml", a, longer + "?", longer + " in Yekaterinburg?");
  const auto r = run(dir, {"diff", dir.file("a.toml"), dir.file("b.toml")});
  EXPECT_EQ(r.code, 0) << r.err;
  // Both cut at 70 characters look alike: shown from 20 characters before the first change.
  EXPECT_NE(r.out.find("  ~ diff-test/q-reword  In which year, according to the article's second part, did the Russia…\n"
                       "      was: …ice make the arrests?\n"
                       "      now: …ice make the arrests in Yekaterinburg?\n"),
            std::string::npos)
      << r.out;
}

TEST(CliDiff, ExitCodesAndTheVersionWarning) {
  TempDir dir;
  // Same version, another answer: compared (0), with a warning.
  std::filesystem::copy_file(data("new.toml"), dir.file("same-version.toml"));
  {
    std::string text = casebook::test::slurp(dir.file("same-version.toml"));
    text.replace(text.find("version = \"2.1\""), 15, "version = \"1.0\"");
    std::ofstream(dir.file("same-version.toml"), std::ios::trunc) << text;
  }
  auto r = run(dir, {"diff", data("old.toml"), dir.file("same-version.toml")});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err,
            "casebook: warning: answers changed but [bank] version is still \"1.0\"; raise it so that learners are "
            "told in which version the answer changed\n");
  // Another bank id: every question retired and added, with a warning that says so.
  std::filesystem::copy_file(data("old.toml"), dir.file("renamed.toml"));
  {
    std::string text = casebook::test::slurp(dir.file("renamed.toml"));
    text.replace(text.find("id = \"diff-test\""), 16, "id = \"diff-renamed\"");
    std::ofstream(dir.file("renamed.toml"), std::ios::trunc) << text;
  }
  r = run(dir, {"diff", data("old.toml"), dir.file("renamed.toml")});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err,
            "casebook: warning: the bank id changed from `diff-test` to `diff-renamed`: card keys start with it, so "
            "every question counts as retired and added, and learners start again from nothing; keep id = "
            "\"diff-test\" in [bank] unless this is meant as a new bank\n");
  EXPECT_NE(r.out.find(" retired, 0 reworded, 0 re-keyed.\n"), std::string::npos) << r.out;
  // No differences: nothing listed.
  r = run(dir, {"diff", data("old.toml"), data("old.toml")});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\n0 added, 0 retired, 0 reworded, 0 re-keyed.\n"), std::string::npos) << r.out;
  // A bank that does not load: 1, with its problems.
  std::ofstream(dir.file("broken.toml")) << "[bank]\nid = \n";
  r = run(dir, {"diff", data("old.toml"), dir.file("broken.toml")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("broken.toml did not load"), std::string::npos) << r.err;
  // A database that cannot be read: 1.
  r = run(dir, {"diff", data("old.toml"), data("new.toml"), "--db", dir.file("missing.sqlite3")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("progress database \"" + dir.file("missing.sqlite3") +
                       "\": there is no such file. Check the path; reading never creates a progress file."),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.sqlite3")));
  // A folder given as the database: said so, not "disk I/O error".
  std::filesystem::create_directory(dir.file("a-folder"));
  r = run(dir, {"diff", data("old.toml"), data("new.toml"), "--db", dir.file("a-folder")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("\": it is a folder, not a progress file. Give the path of the file itself."), std::string::npos)
      << r.err;
  // Usage: 2.
  EXPECT_EQ(run(dir, {"diff", data("old.toml")}).code, 2);
}
